"""What each span validator (``pare redact --validate``) buys: strict span F1 without validation, with each
label's validator alone and with all of them, on the same predictions, with paired intervals over documents.

    python benchmarks/bench_validate.py runs/compress/teacher \\
        --set templates=runs/compress/data/test.jsonl --set dev=natural_en

The model runs once per set; validation only trims or drops its spans (or grows an e-mail or URL cut inside
its address). ``natural_en`` names the shipped development set. ``--against REV`` prints one row per set
instead: the default validators of this tree against those of ``pare.pii.validate`` as of git ``REV``,
paired.
"""

from __future__ import annotations

import argparse
import subprocess
from pathlib import Path
from types import ModuleType

from pare.data.devset import labelled_data
from pare.data.jsonl import read_jsonl
from pare.evaluate import document_counts, paired_f1_difference
from pare.pii import VALIDATED_LABELS, PiiDetector, validate_spans
from pare.pii.validate import DEFAULT_VALIDATED


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("model", type=Path)
    ap.add_argument("--set", action="append", required=True, help="NAME=FILE.jsonl or a shipped set's name")
    ap.add_argument("--against", metavar="REV", help="compare with the validators of this git revision")
    args = ap.parse_args()
    baseline = validators_at(args.against) if args.against else None
    detector = PiiDetector.from_dir(args.model, device="cpu", validate=())  # validated below, one by one
    print(f"| set | validators | F1 | F1 − {args.against or 'none'} (95% interval, documents) |")
    print("|---|---|---|---|")
    for spec in args.set:
        name, _, path = spec.partition("=")
        source = path or name  # a file, or the name of a shipped set (as NAME or NAME=SET)
        docs = read_jsonl(labelled_data(source))
        texts, gold = [d.text for d in docs], [d.spans for d in docs]
        pred = detector.detect(texts, batch_size=32)
        if baseline is not None:
            before = document_counts(
                texts,
                gold,
                [
                    baseline.validate_spans(t, p, baseline.DEFAULT_VALIDATED)
                    for t, p in zip(texts, pred, strict=True)
                ],
            )
            after = document_counts(
                texts,
                gold,
                [validate_spans(t, p, DEFAULT_VALIDATED) for t, p in zip(texts, pred, strict=True)],
            )
            diff = paired_f1_difference(before, after)
            interval = f"{100 * diff.delta:+.2f} ({100 * diff.low:+.2f} .. {100 * diff.high:+.2f})"
            print(f"| {name} ({len(docs)}) | {args.against} → this tree | {diff.f1_b:.4f} | {interval} |")
            continue
        base = document_counts(texts, gold, pred)
        for labels in [(), *((label,) for label in VALIDATED_LABELS), VALIDATED_LABELS]:
            checked = [validate_spans(t, p, labels) for t, p in zip(texts, pred, strict=True)]
            diff = paired_f1_difference(base, document_counts(texts, gold, checked))
            which = "all" if labels == VALIDATED_LABELS else ",".join(labels) or "none"
            interval = f"{100 * diff.delta:+.2f} ({100 * diff.low:+.2f} .. {100 * diff.high:+.2f})"
            print(f"| {name} ({len(docs)}) | {which} | {diff.f1_b:.4f} | {interval} |", flush=True)


def validators_at(rev: str) -> ModuleType:
    """``pare.pii.validate`` as of git ``rev``, imported from its source (it imports only stable modules)."""
    source = subprocess.run(
        ["git", "show", f"{rev}:src/pare/pii/validate.py"], capture_output=True, text=True, check=True
    ).stdout
    module = ModuleType(f"validate_{rev}")
    exec(compile(source, f"{rev}:validate.py", "exec"), module.__dict__)
    return module


if __name__ == "__main__":
    main()
