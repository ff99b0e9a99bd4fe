"""Speed of a quantized model against its parent, side by side in one process: forward passes and detection.

    python benchmarks/bench_quant_speed.py --parent runs/compress_v3/trimmed --model runs/compress_v3/final \\
        --texts runs/compress_v3/data/test.jsonl --rounds 7 --json runs/bench_quant_speed.json

Both load as ``pare redact`` loads them: ``PiiDetector.from_dir`` (a quantized model with ``--dequantize``,
default ``linear``: Linear weights expanded once, embeddings looked up through their codebooks). Each round
times each model once, in alternating order (``pare.bench.side_by_side.alternate``), so the machine's drift
lands on both: forward passes over ``--seq-len``-token windows of random ids both vocabularies hold, at each
of ``--batch-sizes``; ``detector.detect`` on the ``--docs`` first texts of ``--texts`` (tokenizing, windows,
model, Viterbi, validators: end to end); and ``from_dir`` itself over ``--load-rounds``. Reported per row: each
model's median seconds and tokens/s, and ``ratio``, the median over rounds of parent time / model time (at
least 1: the quantized model is no slower), with the smallest and largest round's ratio (the machine's noise).
Prints a markdown table; ``--json`` also writes every figure, each round's ratio included.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from pathlib import Path

import torch

from pare.bench.side_by_side import Alternated, alternate
from pare.loader import DEQUANTIZE
from pare.pii import PiiDetector


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parent", type=Path, required=True, help="the unquantized model directory")
    parser.add_argument("--model", type=Path, required=True, help="the quantized model directory")
    parser.add_argument("--texts", type=Path, required=True, help="JSONL with a 'text' field per line")
    parser.add_argument("--docs", type=int, default=600, help="texts detect runs on, from the first")
    parser.add_argument("--batch-sizes", default="1,32")
    parser.add_argument("--seq-len", type=int, default=128)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--load-rounds", type=int, default=3)
    parser.add_argument("--detect-batch-size", type=int, default=16, help="detect's batch size (its default)")
    parser.add_argument("--dequantize", choices=DEQUANTIZE, default="linear")
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    if min(args.docs, args.rounds, args.load_rounds, args.seq_len, args.detect_batch_size) < 1:
        parser.error("--docs, --rounds, --load-rounds, --seq-len and --detect-batch-size must be at least 1")
    return args


def row(name: str, timed: Alternated, tokens: int) -> dict:
    """One table row: both medians, as seconds and as tokens/s, the median per-round ratio and its spread."""
    return {
        "case": name,
        "parent_s": timed.baseline_s,
        "model_s": timed.model_s,
        "parent_tokens_per_s": tokens / timed.baseline_s if tokens else None,
        "model_tokens_per_s": tokens / timed.model_s if tokens else None,
        "ratio": timed.speedup,
        "ratio_min": min(timed.ratios),
        "ratio_max": max(timed.ratios),
        "ratios": timed.ratios,
    }


def forward_rows(parent: PiiDetector, model: PiiDetector, args: argparse.Namespace) -> list[dict]:
    """Forward passes (logits only) at each batch size, on the same random ids for both models."""
    # ids both vocabularies hold (a trimmed model has fewer rows); content does not change a dense model's cost
    vocab = min(d.model.get_input_embeddings().num_embeddings for d in (parent, model))
    generator = torch.Generator().manual_seed(args.seed)
    rows = []
    with torch.inference_mode():
        for batch in (int(b) for b in args.batch_sizes.split(",")):
            ids = torch.randint(5, vocab, (batch, args.seq_len), generator=generator)
            mask = torch.ones_like(ids)
            timed = alternate(
                lambda ids=ids, mask=mask: parent.model(input_ids=ids, attention_mask=mask),
                lambda ids=ids, mask=mask: model.model(input_ids=ids, attention_mask=mask),
                args.rounds,
            )
            rows.append(row(f"forward b={batch} x {args.seq_len}", timed, batch * args.seq_len))
    return rows


def print_table(rows: list[dict]) -> None:
    def fmt(value: float | None, digits: int = 0) -> str:
        return "-" if value is None else f"{value:,.{digits}f}"

    print(
        "| case | parent s | quantized s | parent tok/s | quantized tok/s | ratio (parent/quantized time) "
        "| ratio min .. max |"
    )
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['case']} | {r['parent_s']:.4f} | {r['model_s']:.4f} | {fmt(r['parent_tokens_per_s'])} "
            f"| {fmt(r['model_tokens_per_s'])} | {r['ratio']:.3f} | {r['ratio_min']:.3f} .. {r['ratio_max']:.3f} |"
        )


def main() -> None:
    args = parse_args()
    torch.set_num_threads(args.threads)
    texts = [json.loads(line)["text"] for line in args.texts.read_text().splitlines() if line.strip()]
    texts = texts[: args.docs]

    def load_parent() -> PiiDetector:
        return PiiDetector.from_dir(args.parent, device="cpu")

    def load_model() -> PiiDetector:
        return PiiDetector.from_dir(args.model, device="cpu", dequantize=args.dequantize)

    started = time.time()
    loads = alternate(load_parent, load_model, args.load_rounds)
    parent, model = load_parent(), load_model()
    tokens = sum(len(ids) for ids in parent.tokenizer(texts, add_special_tokens=False)["input_ids"])
    rows = forward_rows(parent, model, args)
    detect = alternate(
        lambda: parent.detect(texts, batch_size=args.detect_batch_size),
        lambda: model.detect(texts, batch_size=args.detect_batch_size),
        args.rounds,
    )
    rows.append(row(f"detect {len(texts)} docs ({tokens:,} tokens)", detect, tokens))
    rows.append(row("load (from_dir)", loads, 0))
    print_table(rows)
    result = {
        "parent": str(args.parent),
        "model": str(args.model),
        "texts": str(args.texts),
        "docs": len(texts),
        "doc_tokens": tokens,
        **{
            k: getattr(args, k)
            for k in ("dequantize", "rounds", "load_rounds", "seq_len", "detect_batch_size")
        },
        "threads": torch.get_num_threads(),
        "torch": torch.__version__,
        "cpu": platform.processor() or platform.machine(),
        "load_avg_1m": round(os.getloadavg()[0], 2),
        "seconds": round(time.time() - started, 1),
        "rows": rows,
    }
    if args.json is not None:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=1) + "\n")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
