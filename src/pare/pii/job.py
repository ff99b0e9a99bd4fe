"""A redaction job over files (``pare redact -f FILE|DIR -o OUT``): streaming, resumable, on N processes.

Each input file is read row by row (``pare.data.tables``); rows are grouped into chunks of about
``chunk_chars`` characters; each chunk's documents (one per selected field of each good row) are detected, and
the spans (labels, offsets, scores; never the text) are saved as a checkpoint in a hidden work directory beside
the output, ``.NAME.pare-work``. The chunk is then redacted and appended to the output's temporary file, which
becomes ``OUT`` only when the job completes (``pare.io``). A job stopped by Ctrl-C, SIGTERM or SIGKILL is resumed
by the same command: checkpointed chunks are not detected again, and every chunk is redacted and written again
in order, so the output is byte for byte that of an uninterrupted run. The work directory records what the
checkpoints depend on (the inputs' sizes and times, the model, the detection options, the chunk size): a job
that differs starts afresh. It is removed when the job completes or fails with a ``PareError``.
While it runs, a job holds a lock in the work directory (``pare.pii.lock``): a second job on the same output
(for a directory input, the same output root) stops before any work, naming the first's process id.

Run-wide options stay exact: ``consistent="run"`` keeps one anonymizer across chunks; ``every_occurrence="run"``
detects every chunk first (collecting the detected values), then redacts in a second pass from the checkpoints.

A bad record stops the job (``on_error="stop"``), or is counted and listed in the error report (``skip``:
dropped; ``keep``: written unredacted). With ``workers`` > 1, spawned processes (each loads the model once and
takes its share of the CPU threads) detect chunks while this process reads, checkpoints, redacts and writes
in input order: the output equals one process's.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO, Literal

from pare.data.tables import Format, Row, Selection, file_kind, list_files, open_reader, open_writer
from pare.errors import PareError
from pare.io import atomic_dir, atomic_file, check_output
from pare.pii.anonymize import DocumentRedaction, run_occurrence_index
from pare.pii.keys import KeyRing
from pare.pii.lock import LOCK_NAME, exclusive_lock
from pare.pii.operators import RedactionPolicy
from pare.pii.spans import DetectedSpan
from pare.pii.stream import DEFAULT_CHUNK_CHARS, StreamAnonymizer, chunked
from pare.pii.validate import DEFAULT_VALIDATED
from pare.pii.vault import Vault, VaultEntry, write_vault

OnError = Literal["stop", "skip", "keep"]
ON_ERROR: tuple[str, ...] = ("stop", "skip", "keep")
WORK_VERSION = 1
SpanTuple = tuple[str, int, int, float | None]  # label, start, end, score: a checkpoint's span


@dataclass(frozen=True)
class DetectSettings:
    """How documents are detected: the model and everything else a checkpoint depends on."""

    model_dir: str
    dequantize: str = "linear"
    validate: tuple[str, ...] = tuple(DEFAULT_VALIDATED)
    operating_point: str | None = None
    method: Literal["viterbi", "argmax"] = "viterbi"
    batch_size: int = 16
    chunk_chars: int = DEFAULT_CHUNK_CHARS

    def load(self, threads: int | None = None):
        """The ``PiiDetector`` these settings name, using ``threads`` CPU threads (``None``: the default)."""
        from pare.pii.detect import PiiDetector

        return PiiDetector.from_dir(
            self.model_dir,
            dequantize=self.dequantize,  # type: ignore[arg-type]
            validate=self.validate,
            threads=threads,
        )


@dataclass(frozen=True)
class JobConfig:
    """What to read and write. ``spans``: also write the spans found (file, row, column, label, offsets, score) as JSONL there;
    ``errors``: where the bad records are listed (``skip``/``keep``); ``vault``: the restore vault."""

    selection: Selection = field(default_factory=Selection)
    fmt: Format = "text"
    on_error: OnError = "stop"
    workers: int = 1
    spans: str | None = None
    errors: str | None = None
    vault: str | None = None
    overwrite: bool = False


@dataclass(frozen=True)
class BadRecord:
    """A record the job could not redact: its file, row index, ``FILE:LINE`` and field, and why."""

    file: str
    row: int
    where: str
    field: str | None
    reason: str


@dataclass(frozen=True)
class JobProgress:
    """Reported after each chunk: documents and characters done, the fraction of the input read, seconds."""

    documents: int
    characters: int
    done: float
    elapsed: float


@dataclass
class JobResult:
    """What a job did: documents, characters and rows written, bad records, chunks resumed from checkpoints,
    files redacted and files of other kinds left out (directories)."""

    documents: int = 0
    characters: int = 0
    rows: int = 0
    bad: list[BadRecord] = field(default_factory=list)
    resumed: int = 0
    files: int = 0
    skipped_files: list[str] = field(default_factory=list)


def work_dir_for(output: str | Path) -> Path:
    """The hidden directory beside ``output`` that holds a job's checkpoints."""
    output = Path(output)
    return output.parent / f".{output.name}.pare-work"


def input_files(source: Path) -> tuple[list[tuple[Path, Path, str]], list[str]]:
    """(input, output relative path, kind) of each file a job redacts, and the other files of a directory."""
    if not source.is_dir():
        kind = file_kind(source)
        if kind is None:
            raise PareError(
                f"{source}: not a file pare redacts as a table (.txt, .jsonl, .csv, .tsv, .parquet)"
            )
        return [(source, Path(source.name), kind)], []
    found, others = list_files(source)
    if not found:
        raise PareError(f"{source}: no .txt, .jsonl, .csv, .tsv or .parquet files in this directory")
    return [(source / rel, rel, file_kind(rel) or "txt") for rel in found], [str(p) for p in others]


def check_job_outputs(source: str | Path, output: str | Path | None, config: JobConfig) -> None:
    """Refuse, before any work, outputs the rules of ``pare.io`` forbid (the output, spans, errors, vault)."""
    source = Path(source)
    if source.is_dir() and output is None:
        raise PareError(f"{source}: a directory needs -o DIR for the redacted copies")
    if config.fmt == "json" and any(
        kind in ("csv", "tsv", "parquet") for _, _, kind in input_files(source)[0]
    ):
        raise PareError("--format json writes one record per document; for tables use --spans FILE.jsonl")
    paths = [p for p in (output, config.spans, config.errors, config.vault) if p is not None]
    if len({Path(p).resolve() for p in paths}) < len(paths):
        raise PareError("two outputs name the same path; choose a path for each")
    if output is not None:
        check_output(output, inputs=(source,), overwrite=config.overwrite, is_dir=source.is_dir())
    for path in (config.spans, config.errors, config.vault):
        if path is not None:
            check_output(path, inputs=(source, output), overwrite=config.overwrite, is_dir=False)


class Checkpoints:
    """Chunk checkpoints in a work directory, valid for one ``fingerprint`` (else cleared on first save)."""

    def __init__(self, root: Path, fingerprint: dict) -> None:
        self.root, self.fingerprint = root, json.loads(json.dumps(fingerprint))  # as read back: lists
        stamp = root / "job.json"
        try:
            self.valid = json.loads(stamp.read_text(encoding="utf-8")) == self.fingerprint
        except (OSError, ValueError):
            self.valid = False

    def load(self, key: str) -> list[list[SpanTuple]] | None:
        if not self.valid:
            return None
        try:
            return json.loads((self.root / f"{key}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def save(self, key: str, spans: list[list[SpanTuple]]) -> None:
        if not self.valid:
            self._clear()
            _write_atomic(self.root / "job.json", json.dumps(self.fingerprint))
            self.valid = True
        _write_atomic(self.root / f"{key}.json", json.dumps(spans, ensure_ascii=False))

    def _clear(self) -> None:
        """Empty the work directory, creating it if missing; the lock file stays (its holder is running)."""
        self.root.mkdir(parents=True, exist_ok=True)
        for entry in self.root.iterdir():
            if entry.name == LOCK_NAME:
                continue
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)

    def remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)  # the lock file too: safe, as ``pare.pii.lock`` says


def _write_atomic(path: Path, text: str) -> None:
    """A checkpoint file appears whole: written beside, then renamed (a killed job leaves no half chunk)."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _fingerprint(
    files: Sequence[tuple[Path, Path, str]], settings: DetectSettings, selection: Selection
) -> dict:
    stats = [(str(rel), path.stat().st_size, path.stat().st_mtime_ns) for path, rel, _ in files]
    detect = {**asdict(settings), "model_dir": str(Path(settings.model_dir).resolve())}
    return {"version": WORK_VERSION, "inputs": stats, "detect": detect, "selection": asdict(selection)}


# --- detection: in this process or in workers, in input order ---


def spans_to_tuples(spans: Sequence[DetectedSpan]) -> list[SpanTuple]:
    return [(s.label, s.start, s.end, s.score) for s in spans]


def tuples_to_spans(text: str, spans: Iterable[Sequence]) -> list[DetectedSpan]:
    return [DetectedSpan(label, start, end, text[start:end], score) for label, start, end, score in spans]


@lru_cache(maxsize=1)
def _worker_detector(settings: DetectSettings, threads: int):
    """A worker's detector, loaded once per process (the pool calls this for every chunk)."""
    return settings.load(threads)


def detect_in_worker(settings: DetectSettings, threads: int, texts: list[str]) -> list[list[SpanTuple]]:
    """One chunk's spans in a worker process."""
    detector = _worker_detector(settings, threads)
    spans = detector.detect(texts, settings.operating_point, settings.method, settings.batch_size)
    return [spans_to_tuples(s) for s in spans]


class _Detector:
    """Detects chunks here, or in ``workers`` spawned processes with at most two chunks each in flight."""

    def __init__(self, detector, settings: DetectSettings, workers: int) -> None:
        self.detector, self.settings, self.workers = detector, settings, workers
        self.pool: ProcessPoolExecutor | None = None
        if workers > 1:
            import multiprocessing
            import os

            self.threads = max(1, (os.cpu_count() or 1) // workers)
            context = multiprocessing.get_context("spawn")
            self.pool = ProcessPoolExecutor(workers, mp_context=context)

    def submit(self, texts: list[str]) -> Future:
        if self.pool is not None:
            return self.pool.submit(detect_in_worker, self.settings, self.threads, texts)
        done: Future = Future()
        s = self.settings
        done.set_result(
            [
                spans_to_tuples(x)
                for x in self.detector.detect(texts, s.operating_point, s.method, s.batch_size)
            ]
        )
        return done

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def detected(
        self, chunks: Iterable[tuple[str, list[Row]]], store: Checkpoints
    ) -> Iterator[tuple[list[Row], list[list[SpanTuple]], bool]]:
        """(rows, spans of their documents, whether from a checkpoint) of each chunk, in order."""
        pending: deque[tuple[str, list[Row], Future | list, bool]] = deque()
        for key, rows in chunks:
            saved = store.load(key)
            work = saved if saved is not None else self.submit(_documents(rows))
            pending.append((key, rows, work, saved is not None))
            while len(pending) > 2 * self.workers - 1:
                yield self._finish(pending.popleft(), store)
        while pending:
            yield self._finish(pending.popleft(), store)

    @staticmethod
    def _finish(item: tuple, store: Checkpoints) -> tuple[list[Row], list[list[SpanTuple]], bool]:
        key, rows, work, resumed = item
        if resumed:
            return rows, work, True
        spans = work.result()
        store.save(key, spans)
        return rows, spans, False


def _documents(rows: Sequence[Row]) -> list[str]:
    """The texts of a chunk's good rows, row by row, field by field (null cells left out)."""
    return [t for row in rows if row.error is None for t in row.texts if t is not None]


# --- the job: read, detect, redact, write, in order ---


class _Job:
    """One run of a job over its files; ``result`` fills as it goes."""

    def __init__(
        self,
        files: Sequence[tuple[Path, Path, str]],
        store: Checkpoints,
        engine: _Detector,
        policy: RedactionPolicy,
        keys: KeyRing | None,
        config: JobConfig,
        on_progress: Callable[[JobProgress], None] | None,
    ) -> None:
        self.files, self.store, self.engine, self.config = files, store, engine, config
        self.policy, self.keys = policy, keys
        self.on_progress = on_progress
        self.result = JobResult()
        self.vault: list[tuple[VaultEntry, ...]] = []
        self.started = time.monotonic()
        self.counted = [0, 0]  # documents and characters detected, for progress

    def chunks(self, i: int, rows: Iterator[Row]) -> Iterator[tuple[str, list[Row]]]:
        """The checkpoint key and rows of each chunk of file ``i``; a bad record stops here unless skipped."""
        limit = self.engine.settings.chunk_chars
        for k, chunk in enumerate(chunked(self._checked(rows), lambda r: r.chars + 1, limit)):
            yield f"{i:05d}-{k:06d}", chunk

    def _checked(self, rows: Iterator[Row]) -> Iterator[Row]:
        for row in rows:
            if row.error is not None and self.config.on_error == "stop":
                raise PareError(row.error)
            yield row

    def detected(self, i: int, rows: Iterator[Row], report: bool) -> Iterator[tuple[list[Row], list]]:
        """Each chunk of file ``i`` with its spans; progress reported after each when ``report``."""
        for chunk, spans, resumed in self.engine.detected(self.chunks(i, rows), self.store):
            self.result.resumed += resumed and report  # a second pass reads every chunk back
            if report and self.on_progress is not None:
                self.counted[0] += len(spans)
                self.counted[1] += sum(r.chars for r in chunk if r.error is None)
                done = (i + chunk[-1].done) / len(self.files)
                elapsed = time.monotonic() - self.started
                self.on_progress(JobProgress(self.counted[0], self.counted[1], done, elapsed))
            yield chunk, spans

    def occurrence_pass(self):
        """Detect every file (checkpointing each chunk) and index the detected values for ``every_occurrence="run"``."""

        def documents() -> Iterator[tuple[str, list[DetectedSpan]]]:
            for i, (path, _, kind) in enumerate(self.files):
                reader = open_reader(path, kind, self.config.selection)
                for chunk, spans in self.detected(i, reader.rows(), report=True):
                    for text, found in zip(_documents(chunk), spans, strict=True):
                        yield text, tuples_to_spans(text, found)

        return run_occurrence_index(documents(), self.policy)

    def redact_file(
        self, i: int, sink: BinaryIO, anonymizer: StreamAnonymizer, spans_out: BinaryIO | None, report: bool
    ) -> None:
        """Redact file ``i`` into ``sink``, chunk by chunk."""
        path, rel, kind = self.files[i]
        reader = open_reader(path, kind, self.config.selection)
        writer = open_writer(sink, reader, self.config.fmt)
        label = str(path) if path.name == str(rel) else str(rel)
        for chunk, spans in self.detected(i, reader.rows(), report):
            texts = _documents(chunk)
            found = [tuples_to_spans(t, s) for t, s in zip(texts, spans, strict=True)]
            redactions = anonymizer.redact(texts, found)
            self.vault.extend(Vault.from_redactions(redactions).documents)
            writer.write(self._rows_out(chunk, redactions, label, spans_out))
        writer.close()
        if kind == "jsonl" and self.result.rows == 0 and not self.result.bad and len(self.files) == 1:
            raise PareError(f"{path}: no documents (empty JSONL)")

    def _rows_out(
        self, chunk: list[Row], redactions: list[DocumentRedaction], label: str, spans_out: BinaryIO | None
    ) -> list:
        """What the writer gets for each row of a chunk; bad rows counted, dropped or kept as read."""
        docs = iter(redactions)
        out = []
        for row in chunk:
            if row.error is not None:
                self.result.bad.append(BadRecord(label, row.index, row.where, row.error_field, row.error))
                if self.config.on_error == "keep":
                    out.append((row, None, None))
                continue
            texts: list[str | None] = []
            record = None
            for name, text in zip(row.fields, row.texts, strict=True):
                if text is None:
                    texts.append(None)
                    continue
                doc = next(docs)
                texts.append(doc.redacted_text)
                record = doc.record() if self.config.fmt == "json" else None
                if spans_out is not None:
                    spans_out.write(_span_lines(label, row.index, name, doc, len(self.files) > 1))
                self.result.documents += 1
                self.result.characters += len(text)
            self.result.rows += 1
            out.append((row, texts, record))
        return out


def _span_lines(label: str, row: int, column: str, doc: DocumentRedaction, with_file: bool) -> bytes:
    """The ``--spans`` lines of one document: what was replaced, where (the text itself is not repeated)."""
    head = {"file": label} if with_file else {}
    lines = [
        json.dumps(
            {
                **head,
                "row": row,
                "column": column,
                "label": r.label,
                "start": r.start,
                "end": r.end,
                "score": r.score,
            },
            ensure_ascii=False,
        )
        + "\n"
        for r in doc.replacements
    ]
    return "".join(lines).encode("utf-8")


def run_job(
    source: str | Path,
    output: str | Path | None,
    detector,
    settings: DetectSettings,
    policy: RedactionPolicy,
    keys: KeyRing | None = None,
    config: JobConfig | None = None,
    *,
    sink: BinaryIO | None = None,
    on_progress: Callable[[JobProgress], None] | None = None,
) -> JobResult:
    """Redact the file or directory ``source`` into ``output`` (module docstring), or into ``sink`` (a
    binary stream, for one file) when ``output`` is ``None``. ``detector`` is ``settings.load()``, loaded by
    the caller (which checked the policy's labels against it), or ``None`` with ``config.workers`` above 1:
    each worker loads its own."""
    source = Path(source)
    config = config or JobConfig()
    files, others = input_files(source)
    check_job_outputs(source, output, config)
    if config.workers < 1:
        raise PareError(f"--workers must be at least 1, got {config.workers}")
    with contextlib.ExitStack() as stack:
        if output is None:
            root = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="pare-work-"))) / "work"
        else:
            root = work_dir_for(output)
            stack.enter_context(exclusive_lock(root, output))  # released last, after the clean-up below
        store = Checkpoints(root, _fingerprint(files, settings, config.selection))
        engine = _Detector(detector, settings, config.workers)
        stack.callback(engine.close)
        job = _Job(files, store, engine, policy, keys, config, on_progress)
        try:
            _write_outputs(job, source, output, sink, keys)
        except PareError:
            store.remove()
            raise
        store.remove()
    job.result.skipped_files = others
    job.result.files = len(files)
    return job.result


def _write_outputs(job: _Job, source: Path, output: str | Path | None, sink: BinaryIO | None, keys) -> None:
    """Run ``job`` with every output atomic: the redacted file(s), spans, vault and error report."""
    config = job.config
    inputs = (source,)
    with contextlib.ExitStack() as stack:
        if output is not None and source.is_dir():
            root = stack.enter_context(atomic_dir(output, inputs=inputs, overwrite=config.overwrite))
        elif output is not None:
            out_file = stack.enter_context(atomic_file(output, inputs=inputs, overwrite=config.overwrite))
        spans_out = None
        if config.spans is not None:
            spans_tmp = stack.enter_context(
                atomic_file(config.spans, inputs=inputs, overwrite=config.overwrite)
            )
            spans_out = stack.enter_context(spans_tmp.open("wb"))
        scope_run = job.policy.every_occurrence == "run"
        anonymizer = StreamAnonymizer(job.policy, job.keys, job.occurrence_pass() if scope_run else None)
        for i, (_, rel, _) in enumerate(job.files):
            if output is None:
                job.redact_file(i, sink, anonymizer, spans_out, report=not scope_run)  # type: ignore[arg-type]
                continue
            target = root / rel if source.is_dir() else out_file
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("wb") as fh:
                job.redact_file(i, fh, anonymizer, spans_out, report=not scope_run)
        if config.vault is not None and keys is not None:
            write_vault(
                config.vault, Vault(tuple(job.vault)), keys, inputs=inputs, overwrite=config.overwrite
            )
        if config.errors is not None and job.result.bad:
            _write_errors(config.errors, job.result.bad, inputs, config.overwrite)


def _write_errors(path: str, bad: Sequence[BadRecord], inputs: tuple, overwrite: bool) -> None:
    """The error report: one JSON line per bad record (file, row, line or row name, field, reason)."""
    with atomic_file(path, inputs=inputs, overwrite=overwrite) as tmp:
        tmp.write_text(
            "".join(json.dumps(asdict(b), ensure_ascii=False) + "\n" for b in bad), encoding="utf-8"
        )
