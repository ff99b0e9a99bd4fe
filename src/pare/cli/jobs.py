"""``pare redact -f FILE|DIR``'s file jobs: streamed on this machine (``pare.pii.job``) or on Ray Data
(``pare.ray``), with their progress line and closing notes; and the detector every redaction loads."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Literal

from pare.cli.common import err_console, quiet_transformers
from pare.errors import PareError
from pare.loader import Dequantize
from pare.modeldir import read_taxonomy


@dataclass(frozen=True)
class RedactRun:
    """The detection and output options every engine shares."""

    model: str | None
    operating_point: str | None
    method: Literal["viterbi", "argmax"]
    batch_size: int
    dequantize: Dequantize
    validate: str
    fmt: Literal["text", "json"]
    overwrite: bool


@dataclass(frozen=True)
class FileJob:
    """``pare redact -f FILE|DIR``'s file options, as given."""

    file: str
    output: str | None
    vault: str | None
    field: str | None
    columns: str
    spans: str | None
    on_error: str
    errors: str | None
    workers: int
    chunk_chars: int


@dataclass(frozen=True)
class RayOptions:
    address: str | None
    concurrency: int
    cpus: float


def is_file_job(file: str) -> bool:
    """Whether ``-f FILE`` is redacted as a streaming file job (a table, JSONL, a directory)."""
    from pathlib import Path

    from pare.data.tables import file_kind

    return Path(file).is_dir() or file_kind(file) not in (None, "txt")


def load_detector(model: str | None, dequantize: Dequantize, validate: str):
    """The ``PiiDetector`` of ``model`` (default: the model pare ships), transformers quieted."""
    from pathlib import Path

    from pare.modeldir import ONNX_FILE
    from pare.models import default_model_dir
    from pare.pii import PiiDetector
    from pare.pii.validate import parse_validate

    model_dir = Path(model) if model else default_model_dir()
    if not (model_dir / ONNX_FILE).exists():  # an ONNX model runs without transformers
        quiet_transformers()
    checks = parse_validate(validate)
    return PiiDetector.from_dir(model_dir, dequantize=dequantize, validate=checks)


def redact_files(job: FileJob, run: RedactRun, policy, keys, progress: bool | None) -> None:
    """``pare redact -f FILE|DIR`` on this machine: stream, checkpoint, write as it goes (``pare.pii.job``)."""
    from pare.pii.job import check_job_outputs, run_job

    config = _job_config(job, run)
    check_job_outputs(job.file, job.output, config)
    settings = _detect_settings(run, job.chunk_chars)
    # with workers, each worker loads the model; here only its labels are needed, to check the policy
    detector = load_detector(run.model, run.dequantize, run.validate) if job.workers <= 1 else None
    categories = detector.taxonomy.categories if detector else read_taxonomy(settings.model_dir).categories
    policy.check_labels(categories, "--operators or --min-score")
    show = err_console.is_terminal if progress is None else progress
    printer = JobProgressPrinter() if show else None
    sink = sys.stdout.buffer if job.output is None else None
    try:
        result = run_job(
            job.file, job.output, detector, settings, policy, keys, config, sink=sink, on_progress=printer
        )
    finally:
        if printer is not None:
            printer.close()
    _report_job(result, config)


def redact_with_ray(job: FileJob, run: RedactRun, policy, keys, ray_options: RayOptions) -> None:
    """``pare redact --engine ray``: the same redaction on Ray Data, reading and writing with its own
    JSONL, CSV and Parquet readers and writers (``pare.ray``); -o is a directory of Ray's output files."""

    try:
        from pare.ray import RayConfig, redact_path
    except ImportError:
        raise PareError("--engine ray needs Ray Data: pip install 'pare[ray]'") from None
    config = _job_config(job, run)
    if job.output is None:
        raise PareError("--engine ray writes a directory: give -o DIR")
    settings = _detect_settings(run, job.chunk_chars)
    # the actors load the model; here only its labels are needed, to check the policy
    policy.check_labels(read_taxonomy(settings.model_dir).categories, "--operators or --min-score")
    ray_config = RayConfig(settings, ray_options.concurrency, ray_options.cpus, ray_options.address)
    redact_path(job.file, job.output, ray_config, policy, keys, config)


def _job_config(job: FileJob, run: RedactRun):
    """The library's ``JobConfig`` for ``job`` (columns parsed, the error report's default path)."""
    from pare.data.tables import Selection
    from pare.pii.job import ON_ERROR, JobConfig

    if job.on_error not in ON_ERROR:
        raise PareError(f"--on-error: expected one of {', '.join(ON_ERROR)}, got {job.on_error!r}")
    columns = tuple(c.strip() for c in job.columns.split(",") if c.strip())
    if not columns:
        raise PareError("--columns: name at least one column")
    errors = job.errors
    if errors is None and job.on_error != "stop" and job.output is not None:
        errors = f"{job.output.rstrip('/')}.errors.jsonl"
    selection = Selection(job.field or "text", columns)
    return JobConfig(
        selection,
        run.fmt,
        job.on_error,  # type: ignore[arg-type]
        job.workers,
        job.spans,
        errors,
        job.vault,
        run.overwrite,
    )


def _detect_settings(run: RedactRun, chunk_chars: int):
    """``pare.pii.job.DetectSettings``: what a file job's checkpoints, workers and Ray actors detect with."""
    from pare.models import default_model_dir
    from pare.pii.job import DetectSettings
    from pare.pii.validate import parse_validate

    validate = tuple(parse_validate(run.validate))
    return DetectSettings(
        str(run.model or default_model_dir()),
        run.dequantize,
        validate,
        run.operating_point,
        run.method,
        run.batch_size,
        chunk_chars,
    )


class JobProgressPrinter:
    """Documents and characters done, rate and ETA on stderr: one line redrawn on a terminal, else a line
    every 10 seconds."""

    def __init__(self) -> None:
        self.live = err_console.is_terminal
        self.last = -float("inf")  # the first report is shown at once
        self.drawn = False

    def __call__(self, p) -> None:
        if not self.live and p.elapsed - self.last < 10:
            return
        self.last = p.elapsed
        rate = p.characters / p.elapsed if p.elapsed > 0 else 0.0
        eta = p.elapsed * (1 - p.done) / p.done if p.done > 0 else None
        line = (
            f"redacting: {p.documents:,} documents, {p.characters / 1e6:,.1f} M chars, "
            f"{rate / 1e3:,.1f} k chars/s, {p.documents / max(p.elapsed, 1e-9):,.1f} docs/s, "
            f"{100 * p.done:.0f}%" + (f", ETA {_duration(eta)}" if eta is not None else "")
        )
        if self.live:
            err_console.file.write("\r\x1b[2K" + line)
            err_console.file.flush()
            self.drawn = True
        else:
            err_console.print(line, markup=False, highlight=False, soft_wrap=True)

    def close(self) -> None:
        if self.drawn:
            err_console.file.write("\r\x1b[2K")
            err_console.file.flush()


def _duration(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m" if hours else f"{minutes}m{secs:02d}s"


def _report_job(result, config) -> None:
    """Notes on stderr: bad records (and where they are listed), files left out, chunks resumed."""
    notes = []
    if result.resumed:
        notes.append(f"resumed: {result.resumed} chunk(s) read from the last run's checkpoints")
    if result.bad:
        what = "skipped" if config.on_error == "skip" else "written unredacted"
        where = f"; listed in {config.errors}" if config.errors else "; pass --errors FILE to list them"
        notes.append(f"{len(result.bad)} bad record(s) {what}{where}")
    if result.skipped_files:
        notes.append(f"{len(result.skipped_files)} file(s) of other kinds left out (not copied)")
    for note in notes:
        err_console.print(f"note: {note}", markup=False, highlight=False, soft_wrap=True)
