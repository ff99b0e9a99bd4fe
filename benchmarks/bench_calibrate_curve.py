"""The precision/recall curve that the transition biases trace, and where `pare calibrate`'s points sit on it.

    python benchmarks/bench_calibrate_curve.py --model MODEL --data test.jsonl \\
        --json-out runs/logs/pr_curve.json --plot pr_curve.png

The model's token scores on ``--data`` are computed once; then the ``background_to_start`` bias (O -> B/S, the
bias that moves recall most) is swept over ``--grid`` with the other five at 0, and every point's overlap and
strict micro precision and recall are measured (validators on, as ``pare redact`` decodes). The operating
points in the model's ``viterbi_calibration.json`` (if any) are measured on the same data and drawn on the
curve. Prints a Markdown table; ``--plot`` draws both curves (matplotlib).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from pare.data.jsonl import read_jsonl
from pare.decode import OperatingPoint
from pare.decode.calibration import load_operating_points
from pare.evaluate.calibrate import span_measure
from pare.modeldir import CALIBRATION_FILE
from pare.pii import PiiDetector


def measure_all(detector, docs, points: dict[str, OperatingPoint]) -> dict[str, dict]:
    """Overlap and strict P/R/F1 of each named point, from one scoring pass."""
    scores = detector.token_scores([d.text for d in docs])
    overlap = span_measure(detector, docs, scores, "overlap")
    strict = span_measure(detector, docs, scores, "strict")
    out = {}
    for name, point in points.items():
        o, s = overlap(point), strict(point)
        out[name] = {"overlap": [o.precision, o.recall, o.f1], "strict": [s.precision, s.recall, s.f1]}
    return out


def plot(rows: dict[str, dict], fitted: set[str], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 4.5))
    sweep = [r for name, r in rows.items() if name not in fitted]
    for match, style in (("overlap", "-o"), ("strict", "--s")):
        ax.plot(
            [r[match][1] for r in sweep], [r[match][0] for r in sweep], style, ms=3, label=f"{match} match"
        )
    for name in sorted(fitted):
        r = rows[name]["overlap"]
        ax.annotate(name, (r[1], r[0]), textcoords="offset points", xytext=(4, 4), fontsize=8)
        ax.plot([r[1]], [r[0]], "k*", ms=8)
    ax.set_xlabel("recall")
    ax.set_ylabel("precision")
    ax.set_title("background_to_start swept; fitted points (overlap)")
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=120)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", required=True)
    parser.add_argument(
        "--data", required=True, help="Labelled JSONL, not the data the points were fitted on."
    )
    parser.add_argument("--grid", default="-6,-4,-3,-2,-1,-0.5,0,0.5,1,2,3,4,5,6,8")
    parser.add_argument("--json-out", type=Path)
    parser.add_argument("--plot", type=Path)
    args = parser.parse_args()
    detector = PiiDetector.from_dir(args.model)
    docs = list(read_jsonl(args.data))
    points = {
        f"b2s={float(v):+g}": OperatingPoint(background_to_start=float(v)) for v in args.grid.split(",")
    }
    path = Path(args.model) / CALIBRATION_FILE
    fitted = load_operating_points(path) if path.is_file() else {}
    points.update(fitted)
    rows = measure_all(detector, docs, points)
    print("| point | overlap P | overlap R | overlap F1 | strict P | strict R | strict F1 |")
    print("|---|---|---|---|---|---|---|")
    for name, r in rows.items():
        cells = " | ".join(f"{x:.4f}" for x in np.concatenate([r["overlap"], r["strict"]]))
        print(f"| {name} | {cells} |")
    if args.json_out:
        args.json_out.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    if args.plot:
        plot(rows, set(fitted), args.plot)


if __name__ == "__main__":
    main()
