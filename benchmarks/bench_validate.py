"""What each span validator (``pare redact --validate``) buys: strict span F1 without validation, with each
label's validator alone and with all of them, on the same predictions, with paired intervals over documents.

    python benchmarks/bench_validate.py runs/compress/teacher \\
        --set templates=runs/compress/data/test.jsonl --set dev=natural_en

The model runs once per set; validation only trims or drops its spans. ``natural_en`` names the shipped
development set.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from pare.data.devset import DEV_SETS, dev_set_path
from pare.data.jsonl import read_jsonl
from pare.evaluate import document_counts, paired_f1_difference
from pare.pii import VALIDATED_LABELS, PiiDetector, validate_spans


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("model", type=Path)
    ap.add_argument("--set", action="append", required=True, help="NAME=FILE.jsonl or a shipped set's name")
    args = ap.parse_args()
    detector = PiiDetector.from_dir(args.model, device="cpu", validate=())  # validated below, one by one
    print("| set | validators | F1 | F1 − none (95% interval, documents) |")
    print("|---|---|---|---|")
    for spec in args.set:
        name, _, path = spec.partition("=")
        docs = read_jsonl(dev_set_path(name) if not path and name in DEV_SETS else path)
        texts, gold = [d.text for d in docs], [d.spans for d in docs]
        pred = detector.detect(texts, batch_size=32)
        base = document_counts(texts, gold, pred)
        for labels in [(), *((label,) for label in VALIDATED_LABELS), VALIDATED_LABELS]:
            checked = [validate_spans(t, p, labels) for t, p in zip(texts, pred, strict=True)]
            diff = paired_f1_difference(base, document_counts(texts, gold, checked))
            which = "all" if labels == VALIDATED_LABELS else ",".join(labels) or "none"
            interval = f"{100 * diff.delta:+.2f} ({100 * diff.low:+.2f} .. {100 * diff.high:+.2f})"
            print(f"| {name} ({len(docs)}) | {which} | {diff.f1_b:.4f} | {interval} |", flush=True)


if __name__ == "__main__":
    main()
