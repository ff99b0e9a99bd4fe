"""The line rule (no span of a single-line category across a line break) off and on: strict span F1 per model
and per label with a paired bootstrap interval over documents, and how many predicted spans other than
addresses hold a line break; with ``--speed``, the decoder's cost with the rule off and on.

    python benchmarks/bench_line_rule.py runs/compress_v5/teacher runs/compress_v5/final \\
        --test src/pare/data/devset/natural_en.jsonl
    python benchmarks/bench_line_rule.py --speed --docs 300 --rounds 9 --batch-sizes 1 16
    python benchmarks/bench_line_rule.py --speed --docs 1600 --join 50 --rounds 5 --batch-sizes 1 16

Quality: each model scores the test documents once (``token_scores``); the same scores are decoded with the
rule off and on (``PiiDetector.line_rule``), so the difference is the rule's alone. The interval is the 95%
percentile range of F1(on) - F1(off) over resamples of the documents (``pare.evaluate.paired_f1_difference``).
"Non-address spans with a line break" counts predicted spans of every label but ``private_address`` whose
text holds a line break (``gold``: the same count on the gold spans).

Speed: ``PiiDetector.decode`` of the first ``--docs`` dev-set texts (scores computed once) with the rule off
and on, and the ``--baseline`` git ref's ``pare.decode`` (imported as ``bench_decode_numpy`` does; it has no
line rule) on the same detector, side by side in one process with the rounds alternating; median ms per
document and ratios. ``--join N`` makes long documents of N texts each, joined by line breaks.
``text_breaks`` is the per-document cost of finding the breaks (once per document, before decoding).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from unittest import mock

import pare.pii.detect
from pare.data.devset import dev_set_path
from pare.data.jsonl import read_jsonl
from pare.evaluate import document_counts, paired_f1_difference
from pare.pii import PiiDetector
from pare.pii.breaks import text_breaks

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_decode_numpy import alternating, load_baseline

ROOT = Path(__file__).resolve().parents[1]
LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")


def with_line_break(spans_per_doc: Sequence[Sequence], texts: Sequence[str]) -> int:
    """Spans other than addresses whose text holds a line break."""
    return sum(
        s.label != "private_address" and not LINE_BREAKS.isdisjoint(text[s.start : s.end])
        for spans, text in zip(spans_per_doc, texts, strict=True)
        for s in spans
    )


def only(label: str | None, spans_per_doc: Sequence[Sequence]) -> list[list]:
    """Each document's spans of ``label`` (``None``: all)."""
    return [[s for s in spans if label is None or s.label == label] for spans in spans_per_doc]


def decode_both(detector: PiiDetector, scores: list) -> tuple[list, list]:
    """The detector's spans of the same token scores with the line rule off, then on."""
    out = []
    for rule in (False, True):
        detector.line_rule = rule
        out.append(detector.decode(scores, batch_size=32))
    return out[0], out[1]


def quality(args: argparse.Namespace) -> None:
    docs = read_jsonl(args.test)[: args.max_docs]
    texts, gold = [d.text for d in docs], [d.spans for d in docs]
    print(f"{args.test}: {len(docs)} documents, {sum(map(len, gold))} gold spans, ", end="")
    print(f"{with_line_break(gold, texts)} gold non-address spans with a line break")
    rows = []
    for model in args.models:
        detector = PiiDetector.from_dir(model, device="cpu")
        t0 = time.perf_counter()
        off, on = decode_both(detector, detector.token_scores(texts, batch_size=32))
        labels = sorted({s.label for spans in (*gold, *off, *on) for s in spans})
        for label in (None, *labels):
            g = only(label, gold)
            a, b = document_counts(texts, g, only(label, off)), document_counts(texts, g, only(label, on))
            d = paired_f1_difference(a, b, args.resamples, seed=args.seed)
            rows.append(
                {
                    "model": str(model),
                    "label": label or "all (micro)",
                    "support": int(a[:, 1].sum()),
                    "f1_off": round(d.f1_a, 4),
                    "f1_on": round(d.f1_b, 4),
                    "delta_points": round(100 * d.delta, 2),
                    "low_points": round(100 * d.low, 2),
                    "high_points": round(100 * d.high, 2),
                    "line_spans_off": with_line_break(only(label, off), texts),
                    "line_spans_on": with_line_break(only(label, on), texts),
                }
            )
        print(f"{model}: scored and decoded twice in {time.perf_counter() - t0:.0f} s", flush=True)
    print("\n| model | label | gold | F1 off | F1 on | delta (points) | 95% interval ", end="")
    print("| non-address spans with \\n, off → on |\n|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {Path(r['model']).name} | {r['label']} | {r['support']} | {r['f1_off']:.4f} "
            f"| {r['f1_on']:.4f} | {r['delta_points']:+.2f} | {r['low_points']:+.2f} .. "
            f"{r['high_points']:+.2f} | {r['line_spans_off']} → {r['line_spans_on']} |"
        )
    for r in rows:
        print(json.dumps({**r, "test": str(args.test), "docs": len(docs)}))


def speed(args: argparse.Namespace, tmp: Path) -> None:
    base = load_baseline(args.baseline, tmp)
    detector = PiiDetector.from_dir(args.model, device="cpu")
    records = dev_set_path("natural_en").read_text(encoding="utf-8").splitlines()[: args.docs]
    texts = [json.loads(line)["text"] for line in records]
    texts = ["\n".join(texts[i : i + args.join]) for i in range(0, len(texts), args.join)]
    docs = detector.token_scores(texts)
    t0 = time.perf_counter()
    for doc in docs:
        text_breaks(doc.text, doc.offsets)
    breaks_ms = (time.perf_counter() - t0) * 1e3 / len(docs)

    def baseline_decode(scores, labels, mask, biases, *a, lines=None, **k):
        # the baseline has no line rule (``lines`` is None here) and its own OperatingPoint class
        assert lines is None
        return base.decode_spans(scores, labels, mask, biases.to_dict(), *a, **k)

    def decoder(rule: bool, bs: int, baseline: bool = False) -> Callable[[], object]:
        def call() -> object:
            detector.line_rule = rule
            if not baseline:
                return detector.decode(docs, batch_size=bs)
            with mock.patch.object(pare.pii.detect, "decode_spans", baseline_decode):
                return detector.decode(docs, batch_size=bs)

        return call

    new, old = (
        [s for spans in f() for s in spans] for f in (decoder(False, 16), decoder(False, 16, baseline=True))
    )
    if [(s.label, s.start, s.end) for s in new] != [(s.label, s.start, s.end) for s in old]:
        raise SystemExit("the baseline and this tree with the rule off decode different spans")
    diff = max((abs(a.score - b.score) for a, b in zip(new, old, strict=True)), default=0.0)
    tokens = sum(len(d.offsets) for d in docs)
    print(f"{len(docs)} documents, {tokens} tokens; text_breaks {breaks_ms:.3f} ms/doc; ", end="")
    print(f"rule off vs {args.baseline}: same spans, largest score difference {diff:.1e}")
    base_name = args.baseline
    print(f"| batch | {base_name} ms/doc | rule off ms/doc | rule on ms/doc | {base_name} / off | off / on |")
    print("|---|---|---|---|---|---|")
    for bs in args.batch_sizes:
        calls = {
            "base": decoder(False, bs, baseline=True),
            "off": decoder(False, bs),
            "on": decoder(True, bs),
        }
        times = alternating(calls, args.rounds)
        med = {k: statistics.median(v) * 1e3 / len(docs) for k, v in times.items()}
        print(
            f"| {bs} | {med['base']:.3f} | {med['off']:.3f} | {med['on']:.3f} "
            f"| {med['base'] / med['off']:.2f} | {med['off'] / med['on']:.2f} |",
            flush=True,
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("models", type=Path, nargs="*")
    ap.add_argument("--test", type=Path, help="labelled JSONL (quality)")
    ap.add_argument("--max-docs", type=int, default=None, help="first N test documents (default: all)")
    ap.add_argument("--resamples", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--speed", action="store_true", help="time the decoder instead")
    ap.add_argument("--model", type=Path, default=ROOT / "src/pare/models/default", help="model (speed)")
    ap.add_argument("--baseline", default="HEAD", help="git ref or directory of an old pare/decode (speed)")
    ap.add_argument("--docs", type=int, default=300, help="dev-set documents (speed)")
    ap.add_argument("--join", type=int, default=1, help="join every N of them with a line break (speed)")
    ap.add_argument("--rounds", type=int, default=9, help="rounds of decode (speed)")
    ap.add_argument("--batch-sizes", type=int, nargs="+", default=[1, 16])
    args = ap.parse_args()
    if args.speed:
        with tempfile.TemporaryDirectory() as tmp:
            speed(args, Path(tmp))
    elif args.models and args.test:
        quality(args)
    else:
        ap.error("give MODEL... --test FILE, or --speed")


if __name__ == "__main__":
    main()
