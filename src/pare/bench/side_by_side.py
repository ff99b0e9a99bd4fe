"""Time two models in one process, alternating, and print their speed ratio as one JSON line.

Used by ``compare_speed``. Timing two models one after the other in separate processes lets the machine's
drift (other jobs, clock changes) land on one of them; here each round times both on the same input, in
alternating order, and the ratio is the median of the per-round ratios.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

import torch

from pare.loader import DEQUANTIZE


def _seconds(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


@dataclass
class Alternated:
    """Two callables timed side by side: median seconds of each, and baseline / model per round."""

    baseline_s: float
    model_s: float
    ratios: list[float]

    @property
    def speedup(self) -> float:
        """The median per-round ratio: robust to drift that slows both calls of a round alike."""
        return statistics.median(self.ratios)


def alternate(baseline: Callable[[], object], model: Callable[[], object], rounds: int) -> Alternated:
    """Time ``baseline`` and ``model`` once each per round, after one warm-up each, swapping which goes first
    every round (so neither always runs on caches the other warmed or cooled)."""
    _seconds(baseline), _seconds(model)  # warm-up
    base_times, model_times, ratios = [], [], []
    for i in range(rounds):
        if i % 2:
            m_s, b_s = _seconds(model), _seconds(baseline)
        else:
            b_s, m_s = _seconds(baseline), _seconds(model)
        base_times.append(b_s)
        model_times.append(m_s)
        ratios.append(b_s / m_s)
    return Alternated(statistics.median(base_times), statistics.median(model_times), ratios)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("baseline_dir")
    parser.add_argument("model_dir")
    parser.add_argument("--batch-sizes", default="1,32")
    parser.add_argument("--seq-len", type=int, default=128)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    # quantized models load as ``pare redact`` loads them (``pare.load``: Linear weights expanded once)
    parser.add_argument("--dequantize", choices=DEQUANTIZE, default="linear")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)

    from pare.loader import load

    baseline, model = load(args.baseline_dir, args.dequantize), load(args.model_dir, args.dequantize)
    # token ids both vocabularies hold (a trimmed model has fewer rows); content does not change the cost
    vocab = min(m.get_input_embeddings().num_embeddings for m in (baseline, model))
    generator = torch.Generator().manual_seed(args.seed)
    result = {}
    with torch.inference_mode():
        for batch in (int(b) for b in args.batch_sizes.split(",")):
            ids = torch.randint(5, vocab, (batch, args.seq_len), generator=generator)
            mask = torch.ones_like(ids)
            timed = alternate(
                lambda ids=ids, mask=mask: baseline(input_ids=ids, attention_mask=mask),
                lambda ids=ids, mask=mask: model(input_ids=ids, attention_mask=mask),
                args.rounds,
            )
            tokens = batch * args.seq_len
            result[batch] = {
                "baseline_tokens_per_s": tokens / timed.baseline_s,
                "tokens_per_s": tokens / timed.model_s,
                "speedup": timed.speedup,
            }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
