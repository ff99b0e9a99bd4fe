"""Run a recipe stage by stage, evaluating and measuring each result; resume after an interruption.

Progress is kept in ``DIR/compress_state.json``: a stage whose output directory exists and whose signature
(kind, options, input models) is recorded there is finished and is skipped on a re-run, with its row of the
report taken from the state. Stage outputs are written atomically, so an interrupted stage leaves nothing
half-written; fine-tuning and distillation also resume inside the stage from their per-epoch checkpoints.
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from pare.compress.recipe import Recipe, Stage
from pare.compress.stages import (
    prepare_calibration,
    prepare_data,
    run_calibrate,
    run_distill,
    run_finetune,
    run_quantize,
    run_trim,
    stage_signature,
)
from pare.data.jsonl import read_jsonl
from pare.io import atomic_dir, atomic_file, check_output, mark_output
from pare.progress import Track, no_track

STATE_FILE = "compress_state.json"


@dataclass
class StageRow:
    """One line of the report: a model directory, its quality, size and speed, and what it cost to make."""

    name: str
    kind: str
    path: str
    f1: float
    params: int
    params_blocks: int
    size_bytes: int
    tokens_per_s: dict[str, float]
    peak_rss_mb: float
    seconds: float
    cached: bool = False
    f1_pct_teacher: float | None = None
    evaluation: dict = field(default_factory=dict)
    dev_f1: float | None = None  # on the development set (``DataSpec.dev``), made unlike the training data
    dev_pct_teacher: float | None = None


def _read_state(out_dir: Path) -> dict:
    path = out_dir / STATE_FILE
    return json.loads(path.read_text()) if path.is_file() else {"stages": {}}


def _write_state(out_dir: Path, state: dict) -> None:
    with atomic_file(out_dir / STATE_FILE, overwrite=True) as tmp:
        tmp.write_text(json.dumps(state, indent=2))


def evaluate_and_measure(
    name: str,
    kind: str,
    model_dir: Path,
    tests: tuple[Path, Path | None],
    seconds: float,
    cached: bool,
    track: Track,
) -> StageRow:
    """Evaluate ``model_dir`` on the test set and the development set, if any (strict span F1, Viterbi), and
    measure it in a fresh process."""
    from pare.bench import measure_model
    from pare.evaluate import evaluate_dir

    test, dev = tests
    evaluation = evaluate_dir(model_dir, read_jsonl(test), track=track)
    dev_f1 = evaluate_dir(model_dir, read_jsonl(dev), track=track)["micro"]["f1"] if dev else None
    stats = measure_model(model_dir)
    return StageRow(
        name=name,
        kind=kind,
        path=str(model_dir),
        f1=evaluation["micro"]["f1"],
        params=stats.params_total,
        params_blocks=stats.params_blocks,
        size_bytes=stats.size_bytes,
        tokens_per_s={str(b): v for b, v in stats.tokens_per_s.items()},
        peak_rss_mb=stats.peak_rss_mb,
        seconds=seconds,
        cached=cached,
        evaluation=evaluation,
        dev_f1=dev_f1,
    )


@dataclass
class _Run:
    """What every step of one ``compress`` call reads: the recipe, where it writes, its data and its state."""

    recipe: Recipe
    out_dir: Path
    state: dict
    data_dir: Path
    train: Path
    tests: tuple[Path, Path | None]  # the test set and the development set (if any)
    text_data: list[Path]  # what distillation and trimming read: train and unlabelled text
    calibration: Path | None  # labelled text each stage's operating points are fitted on (None: not fitted)
    track: Track
    on_event: Callable[[str], None]


def compress(
    recipe: Recipe,
    out_dir: str | Path,
    track: Track = no_track,
    on_event: Callable[[str], None] = lambda message: None,
) -> list[StageRow]:
    """Run ``recipe`` into ``out_dir``; returns the report rows (also written as report.md/report.json)."""
    from pare.compress.report import write_report

    run = _prepare(recipe, Path(out_dir), track, on_event)
    teacher = Path(recipe.teacher) if recipe.teacher else None
    # each signature folds in the one before: a changed stage re-runs all after it
    rows, chain = _reference_row(run, teacher)
    current = teacher
    for i, stage in enumerate(recipe.stages, 1):
        row, chain = _stage_row(run, i, stage, current, teacher, chain)
        rows.append(row)
        current = run.out_dir / stage.output
        if stage.kind == "finetune":
            teacher = current
    final = run.out_dir / "final"
    if recipe.stages[-1].output != "final":
        with atomic_dir(final, overwrite=True) as tmp:
            shutil.copytree(current, tmp, dirs_exist_ok=True)
    _percentages(rows)
    speed = _speed_against_teacher(run.state, run.out_dir, chain, Path(rows[0].path), final, on_event)
    write_report(rows, run.out_dir, recipe, speed)
    return rows


def _prepare(recipe: Recipe, out_dir: Path, track: Track, on_event: Callable[[str], None]) -> _Run:
    """Open the run directory and make or check the data."""
    _open_run_dir(out_dir, recipe)
    data_dir = out_dir / "data"
    data_dir.mkdir(exist_ok=True)
    on_event("data: preparing train and test sets")
    train, test, unlabelled = prepare_data(recipe, data_dir, track)
    tests = (test, _dev_path(recipe.data.dev))
    calibration = prepare_calibration(recipe, data_dir, track)
    if recipe.calibrate is not None and calibration is None:
        on_event("operating points: not fitted (the recipe brings its own data but no data.calibrate)")
    state = _read_state(out_dir)
    text_data = [train, *unlabelled]
    return _Run(recipe, out_dir, state, data_dir, train, tests, text_data, calibration, track, on_event)


def _reference_row(run: _Run, teacher: Path | None) -> tuple[list[StageRow], str]:
    """The given teacher's row (the reference every stage is compared with), when the recipe starts from one."""
    test = run.tests[0]
    if run.recipe.stages[0].kind == "finetune":
        return [], stage_signature(None, [str(test)])
    signature = stage_signature(None, [str(teacher), str(test)])
    row = _finished(run.state, "input", signature, teacher)
    if row is None:
        run.on_event(f"teacher {teacher}: evaluating and measuring")
        row = evaluate_and_measure("teacher", "input", teacher, run.tests, 0.0, False, run.track)
        _record(run.state, run.out_dir, "input", signature, row)
    return [row], signature


def _stage_row(
    run: _Run, i: int, stage: Stage, current: Path | None, teacher: Path | None, chain: str
) -> tuple[StageRow, str]:
    """Run stage ``i`` unless a finished run of it with the same signature is recorded; its row and signature."""
    out = run.out_dir / stage.output
    fitted = [str(run.calibration), str(run.recipe.calibrate)] if run.calibration else []
    signature = stage_signature(
        stage, [chain, *_stage_inputs(stage, current, teacher, run.text_data), *fitted]
    )
    head = f"stage {i}/{len(run.recipe.stages)} {stage.kind} -> {out}"
    row = _finished(run.state, stage.output, signature, out)
    if row is not None:
        run.on_event(f"{head}: already done, skipped")
        return row, signature
    run.on_event(head)
    started = time.perf_counter()
    cached = _run_stage(
        stage, run.recipe, current, teacher, run.train, run.text_data, run.data_dir, out, run.track
    )
    if run.calibration is not None:
        run.on_event(f"{head}: fitting its operating points on {run.calibration}")
        run_calibrate(out, run.calibration, run.recipe.calibrate, run.track)
    seconds = time.perf_counter() - started
    run.on_event(f"{head}: evaluating and measuring")
    row = evaluate_and_measure(stage.output, stage.kind, out, run.tests, seconds, cached, run.track)
    _record(run.state, run.out_dir, stage.output, signature, row)
    return row, signature


def _percentages(rows: list[StageRow]) -> None:
    """Each row's F1 as a percentage of the first row's (the teacher's), on the test and the dev set."""
    reference, dev_reference = rows[0].f1, rows[0].dev_f1
    for row in rows:
        row.f1_pct_teacher = 100 * row.f1 / reference if reference else None
        if row.dev_f1 is not None and dev_reference:
            row.dev_pct_teacher = 100 * row.dev_f1 / dev_reference


def _dev_path(dev: str | None) -> Path | None:
    """The development set's file: a shipped set by name, or a path."""
    from pare.data.devset import DEV_SETS, dev_set_path

    if not dev:
        return None
    return dev_set_path(dev) if dev in DEV_SETS else Path(dev)


def _open_run_dir(out_dir: Path, recipe: Recipe) -> None:
    """Create ``out_dir``, or resume the earlier run there; refuse a directory pare did not write."""
    if not (out_dir / STATE_FILE).is_file():  # an earlier run of an older pare has its state but no marker
        inputs = [recipe.teacher, recipe.data.train, recipe.data.test, *recipe.data.unlabelled]
        check_output(out_dir, inputs=[p for p in inputs if p and Path(p).exists()], overwrite=True)
    out_dir.mkdir(parents=True, exist_ok=True)
    mark_output(out_dir)


def _speed_against_teacher(
    state: dict, out_dir: Path, signature: str, teacher: Path, final: Path, on_event: Callable[[str], None]
) -> dict[str, dict[str, float]]:
    """The final model's speed ratio to the teacher, timed side by side (reused while the final is unchanged)."""
    from pare.bench import compare_speed

    entry = state.get("speed")
    if entry is not None and entry["signature"] == signature:
        return entry["result"]
    on_event("final against teacher: timing both side by side")
    result = {str(batch): values for batch, values in compare_speed(teacher, final).items()}
    state["speed"] = {"signature": signature, "result": result}
    _write_state(out_dir, state)
    return result


def _stage_inputs(
    stage: Stage, current: Path | None, teacher: Path | None, text_data: list[Path]
) -> list[str]:
    """What a stage reads: its input model (the teacher, for distillation) and the data files."""
    model = teacher if stage.kind == "distill" else current
    return [str(model), *map(str, text_data)]


def _run_stage(stage, recipe, current, teacher, train, text_data, data_dir, out, track) -> bool:
    """Run one stage; returns True when its result came from the cache instead of being computed."""
    if stage.kind == "finetune":
        return run_finetune(stage, recipe, train, out, track)
    if stage.kind == "distill":
        run_distill(stage, recipe, teacher, text_data, out, track)
    elif stage.kind == "trim":
        run_trim(stage, current, text_data, out, track)
    else:
        run_quantize(stage, recipe, current, train, data_dir, out, track)
    return False


def _finished(state: dict, name: str, signature: str, path: Path | None) -> StageRow | None:
    """The recorded row of a stage that already ran with this signature and whose output still exists."""
    entry = state["stages"].get(name)
    if entry is None or entry["signature"] != signature or path is None or not path.is_dir():
        return None
    return StageRow(**entry["row"])


def _record(state: dict, out_dir: Path, name: str, signature: str, row: StageRow) -> None:
    state["stages"][name] = {"signature": signature, "row": asdict(row)}
    _write_state(out_dir, state)
