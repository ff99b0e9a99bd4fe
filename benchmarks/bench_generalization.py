"""Span F1 of PII models on several evaluation sets side by side, with paired intervals against a reference.

    python benchmarks/bench_generalization.py runs/base_teacher/teacher runs/world_teacher/teacher \\
        --set templates=runs/base_teacher/data/test.jsonl --set world=runs/world/world_test.jsonl \\
        --set dev=benchmarks/devset/natural_en.jsonl --json-out runs/logs/generalization.json

The first model is the reference. For every set and model: strict micro precision, recall and F1, overlap F1,
and per-label F1; for every other model, F1 minus the reference's with a 95% paired bootstrap interval that
resamples templates where the documents name theirs (``meta.template``: held-out templates and frames) and
documents otherwise (the dev set). Held-out templates of pare's own generator flatter a model; the dev set
(``benchmarks/devset``) is made differently and is the figure to trust for human-written text.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from pare.data.devset import labelled_data
from pare.data.jsonl import read_jsonl
from pare.evaluate import document_counts, overlap_span_scores, paired_f1_difference, strict_span_scores
from pare.pii import PiiDetector


def score(model: Path, docs: list) -> dict:
    texts, gold = [d.text for d in docs], [d.spans for d in docs]
    pred = PiiDetector.from_dir(model, device="cpu").detect(texts, batch_size=32)
    strict = strict_span_scores(texts, gold, pred)
    return {
        "precision": strict.micro.precision,
        "recall": strict.micro.recall,
        "f1": strict.micro.f1,
        "overlap_f1": overlap_span_scores(texts, gold, pred).f1,
        "per_label": {label: s.f1 for label, s in strict.per_label.items()},
        "counts": document_counts(texts, gold, pred),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("models", type=Path, nargs="+", help="the first is the reference")
    ap.add_argument(
        "--set",
        action="append",
        required=True,
        help="NAME=FILE.jsonl (labelled) or a shipped set's name; repeat",
    )
    ap.add_argument("--resamples", type=int, default=2000)
    ap.add_argument("--json-out", type=Path)
    args = ap.parse_args()
    results: dict = {}
    print("| set | model | P | R | F1 | overlap F1 | F1 − reference (95% interval) |")
    print("|---|---|---|---|---|---|---|")
    for spec in args.set:
        name, _, path = spec.partition("=")
        source = path or name  # a file, or the name of a shipped set (as NAME or NAME=SET)
        docs = read_jsonl(labelled_data(source))
        templates = [d.meta.get("template") for d in docs]
        groups = templates if all(templates) else None
        rows = [score(model, docs) for model in args.models]
        for model, row in zip(args.models, rows, strict=True):
            diff = "reference"
            if model != args.models[0]:
                d = paired_f1_difference(rows[0]["counts"], row["counts"], args.resamples, groups=groups)
                unit = "templates" if groups else "documents"
                diff = f"{100 * d.delta:+.2f} ({100 * d.low:+.2f} .. {100 * d.high:+.2f}; {unit})"
                row["difference"] = {"delta": d.delta, "low": d.low, "high": d.high, "resampled": unit}
            print(
                f"| {name} ({len(docs)}) | {model} | {row['precision']:.4f} | {row['recall']:.4f} | "
                f"{row['f1']:.4f} | {row['overlap_f1']:.4f} | {diff} |",
                flush=True,
            )
            results.setdefault(name, {})[str(model)] = {k: v for k, v in row.items() if k != "counts"}
    for name, by_model in results.items():
        print(f"\nper-label F1 on {name}:")
        for model, row in by_model.items():
            print(f"  {model}: " + ", ".join(f"{k} {v:.3f}" for k, v in sorted(row["per_label"].items())))
    if args.json_out:
        args.json_out.parent.mkdir(parents=True, exist_ok=True)
        args.json_out.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
