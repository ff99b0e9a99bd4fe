"""The scoring commands: ``pare eval`` and ``pare calibrate``."""

from __future__ import annotations

from typing import Literal

import typer
from rich.console import Console

from pare.cli.common import (
    DecodeMethodOption,
    OperatingPointOption,
    OverwriteOption,
    ValidateOption,
    WindowBatchOption,
    err_console,
    quiet_transformers,
    rich_track,
)
from pare.errors import PareError
from pare.evaluate.calibrate import CalibrationConfig

# option defaults come from the library's config dataclasses, so the CLI and the library cannot disagree
CALIBRATE = CalibrationConfig()


def eval_command(
    model: str = typer.Option(..., "--model", "-m", help="Token classifier directory (plain or quantized)."),
    data: str = typer.Option(
        ...,
        "--data",
        help="Labelled JSONL (text and character spans), or a shipped set's name (natural_en, "
        "written_en, written_en_heldout, written_en_heldout2, written_scripts).",
    ),
    json_out: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    operating_point: OperatingPointOption = None,
    method: DecodeMethodOption = "viterbi",
    batch_size: WindowBatchOption = 16,
    join: str | None = typer.Option(
        None,
        "--join",
        help="Score long documents: join consecutive documents into texts of MIN-MAX characters "
        "(for example 4000-16000, about 1,000-4,000 tokens), to compare with the documents one by one.",
    ),
    seed: int = typer.Option(0, "--seed", help="Seed of the --join lengths."),
    validate: ValidateOption = "default",
) -> None:
    """Score a PII detector on labelled data: strict span P/R/F1 (micro, macro, per label), overlap F1."""
    import json

    from rich.table import Table

    from pare.data.devset import labelled_data
    from pare.data.join import join_documents, parse_char_range
    from pare.data.jsonl import read_jsonl
    from pare.evaluate import evaluate_detector
    from pare.evaluate.calibrate import thresholded
    from pare.pii import PiiDetector
    from pare.pii.validate import parse_validate

    quiet_transformers()
    # a named point's per-label minimum scores (pare calibrate --per-label) apply as they do in redact
    detector = thresholded(PiiDetector.from_dir(model, validate=parse_validate(validate)), operating_point)
    docs = read_jsonl(labelled_data(data), labels=detector.taxonomy.categories)
    if join is not None:
        docs = join_documents(docs, *parse_char_range(join), seed=seed)
    scores = evaluate_detector(detector, docs, operating_point, method, batch_size, track=rich_track)
    if json_out:
        print(json.dumps(scores))
        return
    table = Table(title=f"{model} on {data} ({scores['n_docs']} docs, {method})")
    for column in ("label", "precision", "recall", "f1", "support"):
        table.add_column(column, justify="left" if column == "label" else "right")
    for label, s in scores["per_label"].items():
        table.add_row(
            label, f"{s['precision']:.4f}", f"{s['recall']:.4f}", f"{s['f1']:.4f}", str(s["support"])
        )
    table.add_section()
    for name in ("micro", "macro", "overlap"):
        s = scores[name]
        support = str(scores["n_gold"]) if name == "micro" else ""
        table.add_row(name, f"{s['precision']:.4f}", f"{s['recall']:.4f}", f"{s['f1']:.4f}", support)
    Console().print(table)
    print(f"token accuracy {scores['token_accuracy']:.4f}; {scores['n_pred']} predicted spans")
    min_scores = getattr(detector, "min_scores", {})
    if min_scores:
        applied = ", ".join(f"{label} {score:.6g}" for label, score in min_scores.items())
        print(f"minimum span scores of {operating_point} applied: {applied}")


def calibrate_command(
    model: str = typer.Option(..., "--model", "-m", help="Token classifier directory (plain or quantized)."),
    data: str = typer.Option(
        ..., "--data", help="Labelled JSONL to fit on (not the data you test on), or a shipped set's name."
    ),
    target_recall: float = typer.Option(
        CALIBRATE.target_recall, "--target-recall", help="Recall high_recall must reach on DATA."
    ),
    target_precision: float = typer.Option(
        CALIBRATE.target_precision, "--target-precision", help="Precision high_precision must reach on DATA."
    ),
    match: Literal["overlap", "strict"] = typer.Option(
        CALIBRATE.match,
        "--match",
        help="overlap: a gold span is found when a prediction of its label overlaps it (pare eval's overlap "
        "row); strict: exact bounds (its micro row).",
    ),
    budget: int = typer.Option(
        CALIBRATE.budget, "--budget", min=1, help="Most operating points decoded per fitted point."
    ),
    batch_size: WindowBatchOption = 16,
    validate: ValidateOption = "default",
    output: str | None = typer.Option(
        None, "-o", "--output", help="Write a calibrated copy of the model here instead (atomically)."
    ),
    json_out: bool = typer.Option(False, "--json", help="Print the points and their scores as JSON."),
    per_label: bool = typer.Option(
        False,
        "--per-label",
        help="Also fit a minimum span score per label for each point, where one helps its objective "
        "(written next to its biases; pare eval --operating-point applies them).",
    ),
    make_default: str | None = typer.Option(
        None,
        "--default",
        help="Also make this fitted point's biases (balanced, high_recall or high_precision) the model's "
        "default, the one used without --operating-point; the point 'zero' keeps plain constrained Viterbi.",
    ),
    overwrite: OverwriteOption = False,
) -> None:
    """Fit the transition biases on labelled data and write the operating points balanced (best F1),
    high_recall and high_precision into the model's viterbi_calibration.json, keeping its other points.
    Without -o this changes the model directory in place (the one command that writes into its input): the
    file is replaced atomically (a temporary file renamed over it). pare eval --operating-point NAME on the
    same data prints the same figures."""
    import json

    from pare.data.devset import labelled_data
    from pare.data.jsonl import read_jsonl
    from pare.evaluate.calibrate import (
        FITTED,
        as_default,
        calibrate_detector,
        check_calibration_output,
        write_calibration,
    )
    from pare.pii import PiiDetector
    from pare.pii.validate import parse_validate

    quiet_transformers()
    config = CalibrationConfig(target_recall, target_precision, match, budget, per_label=per_label)
    if make_default is not None and make_default not in FITTED:
        raise PareError(f"--default {make_default!r}: expected one of {', '.join(FITTED)}")
    check_calibration_output(model, output, overwrite)
    detector = PiiDetector.from_dir(model, validate=parse_validate(validate))
    docs = read_jsonl(labelled_data(data), labels=detector.taxonomy.categories)
    result = calibrate_detector(detector, docs, config, batch_size, track=rich_track)
    points = as_default(result.fitted(), make_default) if make_default else result.fitted()
    written = write_calibration(model, points, output, overwrite, result.min_scores())
    if json_out:
        print(json.dumps({**result.to_dict(), "written": str(written)}))
    else:
        _print_calibration(result, f"{model} on {data}")
        print(f"wrote {written}")
    _note_unmet_targets(result)


def _note_unmet_targets(result) -> None:
    """A note on stderr for each fitted point that did not reach its target on the data."""
    for p in result.points:
        if p.met is False:
            side = "recall" if p.name == "high_recall" else "precision"
            note = f"{p.name}: {side} {p.target} not reached on the data; best found {getattr(p, side):.4f}"
            err_console.print(f"note: {note}", markup=False, highlight=False, soft_wrap=True)


def _print_calibration(result, title: str) -> None:
    """One row per operating point: P/R/F1 as fitted, then its non-zero biases (transition, added score)."""
    from rich.table import Table

    arrows = {
        "background_stay": "O→O",
        "background_to_start": "O→B",
        "inside_to_continue": "I→I",
        "inside_to_end": "I→E",
        "end_to_background": "E→O",
        "end_to_start": "E→B",
    }
    table = Table(title=f"{title} ({result.n_docs} docs; {result.match} match, micro)")
    for column in ("point", "precision", "recall", "f1", "biases"):
        table.add_column(column, justify="right" if column in ("precision", "recall", "f1") else "left")
    thresholds = any(p.min_score for p in result.points)
    if thresholds:
        table.add_column("min score", justify="left")
    for p in result.points:
        biases = ", ".join(f"{arrows[k]} {v:+g}" for k, v in p.point.to_dict().items() if v) or "none"
        row = [p.name, f"{p.precision:.4f}", f"{p.recall:.4f}", f"{p.f1:.4f}", biases]
        scores = ", ".join(f"{label} {score:.3g}" for label, score in p.min_score.items()) or "none"
        table.add_row(*row, *([scores] if thresholds else []))
    Console().print(table)
