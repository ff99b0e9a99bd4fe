"""Leave one style out: what a teacher loses on a kind of text it never trained on.

    python benchmarks/bench_leave_style_out.py --train runs/compress_v3/data/train.jsonl \\
        --reference runs/compress_v3/teacher --style chat --work runs/loso \\
        --set dev=src/pare/data/devset/natural_en.jsonl --set world=runs/world/world_test.jsonl

The training set loses every document of ``--style`` (both families: templates and world frames); each is
replaced by a document of another style from the same family and split, drawn by pare's generator with
``--seed``, so the set keeps its size and its mix of families. A teacher is fine-tuned on it exactly as
``pare compress`` fine-tunes the default teacher (the finetune stage's defaults, seed 0). It and
``--reference`` (the teacher trained on the full set) are scored on each ``--set``, split into documents of
the held-out style and the rest; the interval is a paired bootstrap over documents. The loss on the held-out
style, beyond the loss on the rest, is how much a style the generators never wrote would cost.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from pare.compress.recipe import DEFAULT_OPTIONS
from pare.data.jsonl import read_jsonl, write_jsonl
from pare.data.synth import synthesize
from pare.evaluate import document_counts, paired_f1_difference
from pare.pii import PiiDetector


def family(doc) -> str:
    return "world" if doc.meta.get("source") == "world" else "templates"


def without_style(docs: list, style: str, seed: int) -> list:
    """``docs`` with every document of ``style`` replaced by one of another style of the same family."""
    kept = [d for d in docs if d.meta.get("style") != style]
    dropped = [d for d in docs if d.meta.get("style") == style]
    for fam, split in (("templates", "train"), ("world", "world-train")):
        need = sum(family(d) == fam for d in dropped)
        if not need:
            continue
        fresh = [d for d in synthesize(4 * need, seed, split=split) if d.meta.get("style") != style]
        if len(fresh) < need:
            raise SystemExit(f"only {len(fresh)} {fam} documents of other styles for {need} places")
        kept += fresh[:need]
    return kept


def train_teacher(docs: list, out: Path) -> Path:
    from pare.train.finetune import FinetuneConfig, finetune

    if not (out / "config.json").is_file():
        finetune(
            FinetuneConfig(**{"seed": 0, **DEFAULT_OPTIONS["finetune"]}), docs, None, out, overwrite=True
        )
    return out


def score(model: Path, docs: list) -> np.ndarray:
    texts = [d.text for d in docs]
    pred = PiiDetector.from_dir(model, device="cpu").detect(texts, batch_size=32)
    return document_counts(texts, [d.spans for d in docs], pred)


def compare(reference: Path, model: Path, name: str, docs: list, style: str, resamples: int) -> list[dict]:
    ref, new = score(reference, docs), score(model, docs)
    held = np.array([d.meta.get("style") == style for d in docs])
    rows = []
    for part, mask in ((f"{style} (held out)", held), ("other styles", ~held)):
        if not mask.any():
            continue
        d = paired_f1_difference(ref[mask], new[mask], resamples)
        rows.append({"set": name, "part": part, "docs": int(mask.sum()), "with": d.f1_a, "without": d.f1_b,
                     "delta": d.delta, "low": d.low, "high": d.high})  # fmt: skip
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", type=Path, required=True, help="the reference teacher's labelled training set")
    ap.add_argument("--reference", type=Path, required=True, help="the teacher trained on --train")
    ap.add_argument("--style", required=True, help="the style to leave out (a meta.style value)")
    ap.add_argument("--set", action="append", required=True, help="NAME=FILE.jsonl (labelled); repeat")
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=1000, help="seed of the replacement documents")
    ap.add_argument("--resamples", type=int, default=2000)
    ap.add_argument("--json-out", type=Path)
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    train = args.work / f"train-without-{args.style}.jsonl"
    if not train.is_file():
        write_jsonl(train, without_style(read_jsonl(args.train), args.style, args.seed))
    teacher = train_teacher(read_jsonl(train), args.work / f"teacher-without-{args.style}")
    print("| set | documents | docs | with the style | without | difference (95% interval, documents) |")
    print("|---|---|---|---|---|---|")
    rows = []
    for spec in args.set:
        name, _, path = spec.partition("=")
        for row in compare(args.reference, teacher, name, read_jsonl(path), args.style, args.resamples):
            rows.append(row)
            print(
                f"| {name} | {row['part']} | {row['docs']} | {row['with']:.4f} | {row['without']:.4f} | "
                f"{100 * row['delta']:+.2f} ({100 * row['low']:+.2f} .. {100 * row['high']:+.2f}) |",
                flush=True,
            )
    if args.json_out:
        args.json_out.parent.mkdir(parents=True, exist_ok=True)
        args.json_out.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
