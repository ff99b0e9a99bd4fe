"""Paragraph views (``pare.pii.paragraph_views``) off and on: strict span F1 of labelled documents scored one by
one and joined into long texts, with paired intervals; with ``--speed``, what the second reading costs end to
end (texts in, spans out).

    python benchmarks/bench_paragraph_views.py src/pare/models/default runs/compress_seed1/final \\
        --set templates=runs/compress_v11/data/test.jsonl --set dev=natural_en --set written=written_en
    python benchmarks/bench_paragraph_views.py --speed --set dev=natural_en --rounds 7

Quality: every model detects every set four ways (views off and on; documents one by one and joined in order
into texts of ``--join`` characters by ``pare.data.join.join_documents``, with a blank line between two
documents). The spans found in a joined text are given back to the documents it was made of, so each way is
scored on the same documents and the intervals (95%, paired bootstrap) resample templates where the documents
name theirs (``meta.template``) and documents otherwise. Columns: F1 off → on and the difference, one by one and
joined, and joined minus one by one with views off and on (the long-document loss).

Speed: ``PiiDetector.detect`` (texts in, spans out) of the first ``--docs`` documents of the first set, one by one
and joined, in one process with the rounds alternating: views off and on, and views off with the decoder of
the previous release (every batch of documents decoded as one group, without ``DECODE_TOKENS``); median
seconds, ratios, and the share of tokens the views read a second time.
"""

from __future__ import annotations

import argparse
import functools
import json
import statistics
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from unittest import mock

import numpy as np

import pare.pii.detect
from pare.data.devset import labelled_data
from pare.data.join import join_documents, parse_char_range
from pare.data.jsonl import Document, read_jsonl
from pare.evaluate import document_counts, paired_f1_difference
from pare.pii import PiiDetector
from pare.pii.paragraph_views import text_paragraph_views

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_decode_numpy import alternating

ROOT = Path(__file__).resolve().parents[1]
SEPARATOR = "\n\n"  # join_documents' default: documents end at a blank line


def back_to_documents(docs: list[Document], joined: list[Document], found: list[list]) -> list[list]:
    """The spans found in each joined text, given back (shifted) to the documents it was made of, in order."""
    out: list[list] = []
    k = 0
    for text, spans in zip(joined, found, strict=True):
        start = 0
        while start < len(text.text):
            end = start + len(docs[k].text)
            out.append(
                [
                    replace(s, start=s.start - start, end=s.end - start)
                    for s in spans
                    if start <= s.start and s.end <= end
                ]
            )
            start, k = end + len(SEPARATOR), k + 1
    if k != len(docs):
        raise SystemExit(f"joined texts hold {k} documents, expected {len(docs)}")
    return out


def counts_four_ways(
    model: Path, docs: list[Document], join: tuple[int, int]
) -> dict[tuple[str, bool], np.ndarray]:
    """Per-document strict-span counts, keyed by (``"one"`` or ``"joined"``, views on)."""
    texts, gold = [d.text for d in docs], [d.spans for d in docs]
    joined = join_documents(docs, *join)
    out = {}
    for views in (False, True):
        detector = PiiDetector.from_dir(model, device="cpu", paragraph_views=views)
        one = detector.detect(texts, batch_size=32)
        long = back_to_documents(docs, joined, detector.detect([j.text for j in joined], batch_size=32))
        out["one", views] = document_counts(texts, gold, one)
        out["joined", views] = document_counts(texts, gold, long)
    return out


def f1(counts: np.ndarray) -> float:
    tp, gold, pred = counts.sum(0)
    return 2 * tp / max(gold + pred, 1)


def quality(args: argparse.Namespace) -> None:
    print(
        "| model | set | one by one: off → on | difference (95%) | joined: off → on | difference (95%) ",
        end="",
    )
    print("| joined − one by one: off / on |\n|---|---|---|---|---|---|---|")
    rows = []
    for model in args.models:
        for name, docs in args.sets.items():
            templates = [d.meta.get("template") for d in docs]
            groups = templates if all(templates) else None
            counts = counts_four_ways(model, docs, args.join)
            row = {"model": str(model), "set": name, "docs": len(docs)}
            cells = []
            for way in ("one", "joined"):
                d = paired_f1_difference(counts[way, False], counts[way, True], args.resamples, groups=groups)
                row[way] = {"off": d.f1_a, "on": d.f1_b, "delta": d.delta, "low": d.low, "high": d.high}
                cells += [
                    f"{d.f1_a:.4f} → {d.f1_b:.4f}",
                    f"{100 * d.delta:+.2f} ({100 * d.low:+.2f} .. {100 * d.high:+.2f})",
                ]
            loss = {v: 100 * (f1(counts["joined", v]) - f1(counts["one", v])) for v in (False, True)}
            row["joined_minus_one"] = {"off": loss[False], "on": loss[True]}
            print(f"| {model} | {name} ({len(docs)}) | " + " | ".join(cells), end="")
            print(f" | {loss[False]:+.2f} / {loss[True]:+.2f} |", flush=True)
            rows.append(row)
    if args.json_out:
        args.json_out.parent.mkdir(parents=True, exist_ok=True)
        args.json_out.write_text(json.dumps(rows, indent=1))


def speed(args: argparse.Namespace) -> None:
    docs = next(iter(args.sets.values()))[: args.docs]
    inputs = {
        "one by one": [d.text for d in docs],
        "joined": [j.text for j in join_documents(docs, *args.join)],
    }
    detectors = {v: PiiDetector.from_dir(args.model, device="cpu", paragraph_views=v) for v in (False, True)}
    # the decoder before the token budget: every batch of documents in one group, however long
    one_group = functools.partial(pare.pii.detect.decode_groups, max_tokens=sys.maxsize)

    def call(views: bool, texts: list[str], budget: bool = True) -> Callable[[], object]:
        def run() -> object:
            if budget:
                return detectors[views].detect(texts, batch_size=args.batch_size)
            with mock.patch.object(pare.pii.detect, "decode_groups", one_group):
                return detectors[views].detect(texts, batch_size=args.batch_size)

        return run

    print(f"{args.model}; {len(docs)} documents, {sum(len(d.text) for d in docs):,} characters; median s")
    print(
        "| texts | tokens read again | views off, no decode budget | views off | views on | on / off ", end=""
    )
    print("| on / no budget |\n|---|---|---|---|---|---|---|")
    for name, texts in inputs.items():
        enc = detectors[True].tokenizer(
            texts, add_special_tokens=False, return_offsets_mapping=True, verbose=False
        )
        again = sum(
            w.end - w.start
            for text, offsets in zip(texts, enc["offset_mapping"], strict=True)
            for w in text_paragraph_views(text, offsets, detectors[True].window_size)
        )
        share = again / sum(len(ids) for ids in enc["input_ids"])
        calls = {
            "before": call(False, texts, budget=False),
            "off": call(False, texts),
            "on": call(True, texts),
        }
        med = {k: statistics.median(v) for k, v in alternating(calls, args.rounds).items()}
        print(
            f"| {name} ({len(texts)}) | {100 * share:.1f}% | {med['before']:.2f} | {med['off']:.2f} | {med['on']:.2f} "
            f"| {med['on'] / med['off']:.2f} | {med['on'] / med['before']:.2f} |",
            flush=True,
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("models", type=Path, nargs="*")
    ap.add_argument("--set", action="append", required=True, help="NAME=FILE.jsonl or a shipped set's name")
    ap.add_argument("--join", default="4000-16000", type=parse_char_range, help="MIN-MAX characters")
    ap.add_argument("--resamples", type=int, default=2000)
    ap.add_argument("--json-out", type=Path)
    ap.add_argument("--speed", action="store_true", help="time detection instead")
    ap.add_argument("--model", type=Path, default=ROOT / "src/pare/models/default", help="model (speed)")
    ap.add_argument("--docs", type=int, default=400, help="documents of the first set (speed)")
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--batch-size", type=int, default=32)
    args = ap.parse_args()
    args.sets = {}
    for spec in args.set:
        name, _, path = spec.partition("=")
        args.sets[name] = read_jsonl(labelled_data(path or name))
    if args.speed:
        speed(args)
    elif args.models:
        quality(args)
    else:
        ap.error("give MODEL... --set NAME=FILE, or --speed")


if __name__ == "__main__":
    main()
