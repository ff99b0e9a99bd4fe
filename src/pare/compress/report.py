"""The ``pare compress`` report: report.json, report.md (one row per stage) and two PNG plots."""

from __future__ import annotations

import json
import os
import platform
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from pare.compress.recipe import Recipe
from pare.io import atomic_file


def _mb(n: int) -> str:
    return f"{n / 1e6:.2f}"


def markdown_table(rows: Sequence) -> str:
    """The stage table as GitHub markdown (also what the CLI prints)."""
    head = (
        "| stage | kind | span F1 | % of teacher | dev F1 | % of teacher (dev) | params | in blocks | size MB "
        "| tok/s b=1 | tok/s b=32 | peak RSS MB | time s |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|\n"
    )
    lines = []
    for r in rows:
        pct = f"{r.f1_pct_teacher:.1f}" if r.f1_pct_teacher is not None else "-"
        dev = f"{r.dev_f1:.4f}" if r.dev_f1 is not None else "-"
        dev_pct = f"{r.dev_pct_teacher:.1f}" if r.dev_pct_teacher is not None else "-"
        time_taken = f"{r.seconds:.0f}" + (" (cached)" if r.cached else "")
        lines.append(
            f"| {r.name} | {r.kind} | {r.f1:.4f} | {pct} | {dev} | {dev_pct} | {r.params:,} | {r.params_blocks:,} "
            f"| {_mb(r.size_bytes)} "
            f"| {r.tokens_per_s.get('1', 0):.0f} | {r.tokens_per_s.get('32', 0):.0f} | {r.peak_rss_mb:.0f} | {time_taken} |"
        )
    return head + "\n".join(lines) + "\n"


def _plots(rows: Sequence, out_dir: Path) -> list[str]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = []
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.scatter([r.size_bytes / 1e6 for r in rows], [r.f1 for r in rows])
    for r in rows:
        ax.annotate(r.name, (r.size_bytes / 1e6, r.f1), textcoords="offset points", xytext=(4, 4))
    ax.set_xscale("log")
    ax.set_xlabel("size on disk (MB, log scale)")
    ax.set_ylabel("strict span F1")
    ax.set_title("Quality against size, per stage")
    ax.grid(alpha=0.3)
    fig.tight_layout()
    with atomic_file(out_dir / "f1_vs_size.png", overwrite=True) as tmp:
        fig.savefig(tmp, format="png", dpi=120)
    names.append("f1_vs_size.png")
    plt.close(fig)

    fig, ax = plt.subplots(figsize=(6, 4))
    ax.bar([r.name for r in rows], [r.tokens_per_s.get("32", 0) for r in rows])
    ax.set_ylabel("CPU tokens/s (batch 32, 128 tokens)")
    ax.set_title("Throughput per stage")
    ax.grid(axis="y", alpha=0.3)
    fig.tight_layout()
    with atomic_file(out_dir / "tokens_per_s.png", overwrite=True) as tmp:
        fig.savefig(tmp, format="png", dpi=120)
    names.append("tokens_per_s.png")
    plt.close(fig)
    return names


def write_report(rows: Sequence, out_dir: Path, recipe: Recipe, speed: dict[str, dict[str, float]]) -> None:
    """Write report.json, report.md and the plots into ``out_dir``.

    ``speed`` is :func:`pare.bench.compare_speed`'s result for the teacher against the final model (keyed by
    batch size as a string): the speed-up the summary states.
    """
    machine = f"{platform.machine()}, {os.cpu_count()} CPU cores, {platform.system()}"
    with atomic_file(out_dir / "report.json", overwrite=True) as tmp:
        tmp.write_text(
            json.dumps(
                {
                    "machine": machine,
                    "recipe": asdict(recipe),
                    "stages": [asdict(r) for r in rows],
                    "speed_vs_teacher": speed,
                },
                indent=2,
            )
        )
    plots = _plots(rows, out_dir)
    first, last = rows[0], rows[-1]
    kept = f"{last.f1_pct_teacher:.1f}%" if last.f1_pct_teacher is not None else "n/a (the teacher scores 0)"
    ratios = ", ".join(f"{speed[b]['speedup']:.2f}x at batch {b}" for b in sorted(speed, key=int))
    if last.dev_pct_teacher is not None:
        kept += f" ({last.dev_pct_teacher:.1f}% on the development set)"
    summary = (
        f"The final model ({last.name}) keeps {kept} of the teacher's span F1, is "
        f"{first.size_bytes / max(last.size_bytes, 1):.1f}x smaller on disk; its CPU tokens/s are {ratios} "
        "the teacher's (both timed side by side in one process, alternating, median of the per-round ratios).\n"
    )
    md = (
        "# pare compress report\n\n"
        f"Machine: {machine}. Span F1 is strict micro F1 (label and trimmed character boundaries match) on the "
        "same test set for every stage (held-out templates of the training generator), decoded with "
        "constrained BIOES Viterbi at each model's default operating point (with the recipe's `calibrate`, "
        "its fitted point); dev F1 is the same on the development set, made unlike the training data "
        "(the figure that predicts human-written text). Speed and peak memory are "
        "measured for each model in a fresh process (median of 5 forward passes of 128 tokens); a quantized "
        "model runs as `pare redact` loads it, its Linear weights expanded once and its embeddings compressed."
        "\n\n"
        + markdown_table(rows)
        + "\n"
        + summary
        + "\n"
        + "".join(f"![{name}]({name})\n\n" for name in plots)
    )
    with atomic_file(out_dir / "report.md", overwrite=True) as tmp:
        tmp.write_text(md)
