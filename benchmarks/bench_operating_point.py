"""Strict span F1 of a model at named operating points against plain constrained Viterbi (zero biases), on the
same documents, with paired intervals: does a point fitted on one set carry over to others?

    python benchmarks/bench_operating_point.py runs/compress/final --points balanced \\
        --set dev=natural_en --set heldout=written_en_heldout

The model runs once per set and point. ``natural_en`` and the other
names of ``pare.data.devset`` are the shipped sets; anything else is a labelled JSONL file.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from pare.data.devset import labelled_data
from pare.data.jsonl import read_jsonl
from pare.decode import OperatingPoint
from pare.evaluate import document_counts, paired_f1_difference
from pare.pii import PiiDetector


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("model", type=Path)
    ap.add_argument("--points", default="balanced", help="comma-separated names in the model's calibration")
    ap.add_argument("--set", action="append", required=True, help="NAME=FILE.jsonl or a shipped set's name")
    args = ap.parse_args()
    detector = PiiDetector.from_dir(args.model, device="cpu")
    print("| set | point | P | R | F1 | F1 − zero biases (95% interval, documents) |")
    print("|---|---|---|---|---|---|")
    for spec in args.set:
        name, _, path = spec.partition("=")
        source = path or name
        docs = read_jsonl(labelled_data(source))
        texts, gold = [d.text for d in docs], [d.spans for d in docs]
        base = document_counts(texts, gold, detector.detect(texts, OperatingPoint(), batch_size=32))
        for point in args.points.split(","):
            counts = document_counts(texts, gold, detector.detect(texts, point, batch_size=32))
            diff = paired_f1_difference(base, counts)
            tp, n_gold, n_pred = counts.sum(axis=0)
            interval = f"{100 * diff.delta:+.2f} ({100 * diff.low:+.2f} .. {100 * diff.high:+.2f})"
            print(f"| {name} ({len(docs)}) | {point} | {tp / n_pred:.4f} | {tp / n_gold:.4f} | {diff.f1_b:.4f} "
                  f"| {interval} |", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
