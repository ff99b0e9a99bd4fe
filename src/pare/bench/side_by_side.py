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

import torch

from pare.loader import DEQUANTIZE


def _seconds(model, ids: torch.Tensor, mask: torch.Tensor) -> float:
    started = time.perf_counter()
    model(input_ids=ids, attention_mask=mask)
    return time.perf_counter() - started


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
            _seconds(baseline, ids, mask), _seconds(model, ids, mask)  # warm-up
            base_times, model_times, ratios = [], [], []
            for i in range(args.rounds):
                if i % 2:
                    m_s, b_s = _seconds(model, ids, mask), _seconds(baseline, ids, mask)
                else:
                    b_s, m_s = _seconds(baseline, ids, mask), _seconds(model, ids, mask)
                base_times.append(b_s)
                model_times.append(m_s)
                ratios.append(b_s / m_s)
            tokens = batch * args.seq_len
            result[batch] = {
                "baseline_tokens_per_s": tokens / statistics.median(base_times),
                "tokens_per_s": tokens / statistics.median(model_times),
                "speedup": statistics.median(ratios),
            }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
