"""Per-document cost of the numpy decoder: ``PiiDetector.decode`` alone and ``detect`` end to end, this
tree's ``pare.decode`` against a baseline copy, side by side in one process with the rounds alternating.

The baseline is a git ref (``HEAD``) or a directory holding a copy of an older ``src/pare/decode``; it is
imported as the package ``pare_decode_baseline``. Its detector is this tree's ``PiiDetector`` with the
baseline's ``decode_spans`` and an uncached ``resolve`` (the calibration file read on every call, as before
the per-detector cache). Texts are the first ``--docs`` devset texts (``natural_en``); ``decode`` runs on
their token scores, computed once. ``--calibrated`` copies the model next to a ``viterbi_calibration.json``
with a zero ``default`` point (same spans), so ``resolve`` has a file to read. Prints a markdown table
(median ms per document over ``--rounds`` rounds of ``decode``, ``--detect-rounds`` of ``detect``;
baseline / this tree) and one JSON line per row.

    python benchmarks/bench_decode_numpy.py --baseline HEAD --docs 300 --rounds 9 --batch-sizes 1 16
    python benchmarks/bench_decode_numpy.py --baseline /tmp/decode_before/decode --model /tmp/pii-onnx
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from unittest import mock

import pare.pii.detect
from pare.data.devset import dev_set_path
from pare.modeldir import CALIBRATION_FILE
from pare.pii import PiiDetector

ROOT = Path(__file__).resolve().parents[1]
DECODE = "src/pare/decode"


def baseline_sources(baseline: str) -> dict[str, str]:
    """File name -> text of the baseline's ``pare.decode`` modules (a directory, else a git ref)."""
    folder = Path(baseline)
    if folder.is_dir():
        return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.py"))}

    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout

    names = [n for n in git("ls-tree", "--name-only", f"{baseline}:{DECODE}").split() if n.endswith(".py")]
    return {name: git("show", f"{baseline}:{DECODE}/{name}") for name in names}


def load_baseline(baseline: str, into: Path) -> ModuleType:
    """The baseline ``pare.decode`` imported as ``pare_decode_baseline`` from a copy under ``into``."""
    package = into / "pare_decode_baseline"
    package.mkdir()
    for name, text in baseline_sources(baseline).items():
        (package / name).write_text(text.replace("pare.decode.", "pare_decode_baseline."), encoding="utf-8")
    sys.path.insert(0, str(into))
    return importlib.import_module("pare_decode_baseline")


@contextmanager
def baseline_detector(detector: PiiDetector, base: ModuleType) -> Iterator[None]:
    """``detector`` decoding with the baseline's ``decode_spans``, reading the calibration file every call."""

    def resolve(point):  # the resolve of the baseline: no cache
        if point is not None and not isinstance(point, str):
            return point
        return base.resolve_operating_point(detector.model_dir, point)

    def decode_spans(*args, lines=None, **kwargs):  # a baseline older than the line rule takes no ``lines``
        return base.decode_spans(*args, **kwargs)

    with (
        mock.patch.object(pare.pii.detect, "decode_spans", decode_spans),
        mock.patch.object(detector, "resolve", resolve),
    ):
        yield


def alternating(fns: dict[str, Callable[[], object]], rounds: int) -> dict[str, list[float]]:
    """Seconds per call of each function, the rounds alternating between them (after one warm-up each)."""
    times: dict[str, list[float]] = {name: [] for name in fns}
    for fn in fns.values():
        fn()
    for _ in range(rounds):
        for name, fn in fns.items():
            t0 = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - t0)
    return times


def calibrated_copy(model: Path, into: Path) -> Path:
    """A copy of ``model`` with a ``viterbi_calibration.json`` whose ``default`` point is all zeros."""
    dest = into / "model"
    shutil.copytree(model, dest)
    zeros = dict.fromkeys(("background_stay", "background_to_start", "inside_to_continue"), 0.0)
    zeros.update(dict.fromkeys(("inside_to_end", "end_to_background", "end_to_start"), 0.0))
    data = {"operating_points": {"default": {"biases": zeros}}}
    (dest / CALIBRATION_FILE).write_text(json.dumps(data), encoding="utf-8")
    return dest


def check_same_spans(detector: PiiDetector, base: ModuleType, docs: list) -> float:
    """Both decoders give the same spans; returns the largest score difference."""
    new = detector.decode(docs)
    with baseline_detector(detector, base):
        old = detector.decode(docs)
    pairs = [(a, b) for x, y in zip(new, old, strict=True) for a, b in zip(x, y, strict=True)]
    same = all(len(x) == len(y) for x, y in zip(new, old, strict=True))
    if not same or any((a.label, a.start, a.end) != (b.label, b.start, b.end) for a, b in pairs):
        raise SystemExit("the baseline and this tree decode different spans")
    return max((abs(a.score - b.score) for a, b in pairs), default=0.0)


def run(args: argparse.Namespace, tmp: Path) -> None:
    base = load_baseline(args.baseline, tmp)
    model = calibrated_copy(args.model, tmp) if args.calibrated else args.model
    detector = PiiDetector.from_dir(model, line_rule=False)  # like for like with a baseline without the rule
    lines = dev_set_path("natural_en").read_text(encoding="utf-8").splitlines()[: args.docs]
    texts = [json.loads(line)["text"] for line in lines]
    docs = detector.token_scores(texts)
    max_diff = check_same_spans(detector, base, docs)

    def as_baseline(fn: Callable[[], object]) -> Callable[[], object]:
        def call() -> object:
            with baseline_detector(detector, base):
                return fn()

        return call

    context = {
        "model": str(args.model),
        "calibrated": args.calibrated,
        "docs": len(texts),
        "tokens": sum(len(d.offsets) for d in docs),
        "rounds": args.rounds,
        "detect_rounds": args.detect_rounds,
        "max_score_diff": max_diff,
        "load_avg_1m": round(os.getloadavg()[0], 2),
    }
    print(f"| call | batch | baseline ({args.baseline}) ms/doc | this tree ms/doc | baseline / this tree |")
    print("|---|---|---|---|---|")
    rows = []
    for bs in args.batch_sizes:
        calls = {
            "decode": lambda bs=bs: detector.decode(docs, batch_size=bs),
            "detect": lambda bs=bs: detector.detect(texts, batch_size=bs),
        }
        if not args.detect_rounds:
            del calls["detect"]
        for call, fn in calls.items():
            rounds = args.rounds if call == "decode" else args.detect_rounds
            times = alternating({"baseline": as_baseline(fn), "this tree": fn}, rounds)
            old, new = (statistics.median(times[k]) * 1e3 / len(texts) for k in ("baseline", "this tree"))
            print(f"| {call} | {bs} | {old:.3f} | {new:.3f} | {old / new:.2f} |")
            rows.append({"call": call, "batch": bs, "baseline_ms_per_doc": round(old, 4)})
            rows[-1].update(this_tree_ms_per_doc=round(new, 4), ratio=round(old / new, 3))
    for row in rows:
        print(json.dumps({**row, **context}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default="HEAD", help="git ref or directory of an old pare/decode")
    parser.add_argument("--model", type=Path, default=ROOT / "src/pare/models/default")
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=9, help="rounds of decode")
    parser.add_argument("--detect-rounds", type=int, default=3, help="rounds of detect (0: decode only)")
    parser.add_argument("--batch-sizes", type=int, nargs="+", default=[1, 16])
    parser.add_argument("--calibrated", action="store_true", help="give the model a calibration file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        run(args, Path(tmp))


if __name__ == "__main__":
    main()
