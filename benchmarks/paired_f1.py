"""How far each model's strict span F1 is from a reference's, with a paired bootstrap interval over documents.

    python benchmarks/paired_f1.py runs/teacher/model runs/bench_quant/teacher_v4/q-fisher-4 ... \\
        --test runs/teacher/test.jsonl --max-docs 600

Every model (plain or quantized directory) scores the same first ``--max-docs`` test documents; the interval
is the percentile range of F1(model) - F1(reference) over resamples of those documents (the same draw for
both), i.e. how much of a difference another test set of the same kind could show.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from pare.data.jsonl import read_jsonl
from pare.evaluate import document_counts, paired_f1_difference
from pare.pii import PiiDetector


def counts(model_dir: Path, docs) -> np.ndarray:
    texts = [d.text for d in docs]
    pred = PiiDetector.from_dir(model_dir, device="cpu").detect(texts, batch_size=32)
    return document_counts(texts, [d.spans for d in docs], pred)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("reference", type=Path)
    ap.add_argument("models", type=Path, nargs="+")
    ap.add_argument("--test", type=Path, required=True, help="labelled JSONL")
    ap.add_argument("--max-docs", type=int, default=600, help="first N test documents")
    ap.add_argument("--resamples", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    docs = read_jsonl(args.test)[: args.max_docs]
    ref = counts(args.reference, docs)
    print(f"{len(docs)} documents, {ref[:, 1].sum()} gold spans; F1 difference to {args.reference}, points")
    print("| model | F1 | delta | 95% interval |\n|---|---|---|---|")
    for i, model in enumerate(args.models):
        d = paired_f1_difference(ref, counts(model, docs), args.resamples, seed=args.seed)
        if i == 0:
            print(f"| {args.reference} | {d.f1_a:.4f} | | |")
        print(
            f"| {model} | {d.f1_b:.4f} | {100 * d.delta:+.2f} | {100 * d.low:+.2f} .. {100 * d.high:+.2f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
