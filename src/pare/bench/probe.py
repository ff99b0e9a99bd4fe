"""Run one model in this process and print its measurements as one JSON line (used by ``measure_model``)."""

from __future__ import annotations

import argparse
import json
import statistics
import time

import torch

from pare.loader import DEQUANTIZE


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("model_dir")
    parser.add_argument("--batch-sizes", default="1,32")
    parser.add_argument("--seq-len", type=int, default=128)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    # quantized models load as ``pare redact`` loads them (``pare.load``: Linear weights expanded once)
    parser.add_argument("--dequantize", choices=DEQUANTIZE, default="linear")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)

    from pare.bench.measure import param_counts, peak_rss_mb
    from pare.loader import load

    started = time.perf_counter()
    model = load(args.model_dir, args.dequantize)
    load_seconds = time.perf_counter() - started
    model.eval()
    total, blocks = param_counts(model)
    vocab = model.get_input_embeddings().num_embeddings
    generator = torch.Generator().manual_seed(args.seed)
    tokens_per_s = {}
    with torch.inference_mode():
        for batch in (int(b) for b in args.batch_sizes.split(",")):
            ids = torch.randint(5, vocab, (batch, args.seq_len), generator=generator)
            mask = torch.ones_like(ids)
            model(input_ids=ids, attention_mask=mask)  # warm-up
            times = []
            for _ in range(args.repeats):
                t0 = time.perf_counter()
                model(input_ids=ids, attention_mask=mask)
                times.append(time.perf_counter() - t0)
            tokens_per_s[batch] = batch * args.seq_len / statistics.median(times)
    print(
        json.dumps(
            {
                "params_total": total,
                "params_blocks": blocks,
                "load_seconds": load_seconds,
                "tokens_per_s": tokens_per_s,
                "peak_rss_mb": peak_rss_mb(),
            }
        )
    )


if __name__ == "__main__":
    main()
