"""``pare redact`` of a text, stdin or a text file, and ``pare restore``; file jobs are in ``pare.cli.jobs``."""

from __future__ import annotations

import sys

import typer

from pare.cli.common import (
    DecodeMethodOption,
    OperatingPointOption,
    ValidateOption,
    WindowBatchOption,
    err_console,
    rich_track,
)
from pare.cli.jobs import (
    FileJob,
    RayOptions,
    RedactRun,
    is_file_job,
    load_detector,
    redact_files,
    redact_with_ray,
)
from pare.cli.redact_options import (
    ChunkOption,
    ColumnsOption,
    ConcurrencyOption,
    ConsistentOption,
    DequantizeOption,
    EngineOption,
    ErrorsFileOption,
    EveryOccurrenceOption,
    FieldOption,
    IndexOption,
    KeyFileOption,
    MinScoreOption,
    ModeOption,
    OnErrorOption,
    OperatorOption,
    OperatorsFileOption,
    OutputFileOption,
    ProgressOption,
    RayAddressOption,
    RayCpusOption,
    RedactFileOption,
    RedactFormatOption,
    RedactModelOption,
    RedactOverwriteOption,
    SpansFileOption,
    VaultOption,
    WorkersOption,
)
from pare.errors import PareError


def redact_command(
    text: str | None = typer.Argument(None, help="Text to redact (default: -f FILE, else stdin)."),
    file: RedactFileOption = None,
    model: RedactModelOption = None,
    operating_point: OperatingPointOption = None,
    fmt: RedactFormatOption = "text",
    field: FieldOption = None,
    columns: ColumnsOption = "text",
    spans_file: SpansFileOption = None,
    on_error: OnErrorOption = "stop",
    errors_file: ErrorsFileOption = None,
    workers: WorkersOption = 1,
    chunk_chars: ChunkOption = 1 << 20,
    engine: EngineOption = "local",
    ray_address: RayAddressOption = None,
    concurrency: ConcurrencyOption = 0,
    ray_cpus: RayCpusOption = 1.0,
    progress: ProgressOption = None,
    mode: ModeOption = None,
    operator: OperatorOption = None,
    operators_file: OperatorsFileOption = None,
    index: IndexOption = False,
    consistent: ConsistentOption = "doc",
    every_occurrence: EveryOccurrenceOption = "doc",
    min_score: MinScoreOption = [],  # noqa: B006 (typer reads the default; it is never mutated)
    key_file: KeyFileOption = None,
    vault: VaultOption = None,
    method: DecodeMethodOption = "viterbi",
    batch_size: WindowBatchOption = 16,
    output: OutputFileOption = None,
    dequantize: DequantizeOption = "linear",
    validate: ValidateOption = "default",
    overwrite: RedactOverwriteOption = False,
) -> None:
    """Find PII and replace it. A .jsonl FILE gives JSONL out: each record with its --field redacted (text)
    or the JSON records (json); a table gives the same table with its --columns redacted. An interrupted file job resumes when run again."""
    from pare.pii.operators import PolicyOptions, build_policy

    if text is not None and file is not None:
        raise PareError("give either TEXT or -f FILE, not both")
    options = PolicyOptions(mode, operator, operators_file, index, min_score, consistent, every_occurrence)
    policy = _with_fitted_thresholds(build_policy(options), model, operating_point)
    keys = _redaction_keys(policy.keyed_operator(), key_file, vault)
    run = RedactRun(model, operating_point, method, batch_size, dequantize, validate, fmt, overwrite)
    if file is not None and is_file_job(file):
        job = FileJob(
            file, output, vault, field, columns, spans_file, on_error, errors_file, workers, chunk_chars
        )
        if engine == "ray":
            return redact_with_ray(job, run, policy, keys, RayOptions(ray_address, concurrency, ray_cpus))
        if engine != "local":
            raise PareError(f"--engine: unknown engine {engine!r}; expected local or ray")
        return redact_files(job, run, policy, keys, progress)
    _check_outputs(output, vault, (file, operators_file, key_file), overwrite)
    _redact_texts(text, file, output, vault, run, policy, keys, operators_file)


def _with_fitted_thresholds(policy, model: str | None, operating_point: str | None):
    """``policy`` plus the per-label minimum scores ``pare calibrate --per-label`` fitted for the named
    operating point (explicit --min-score values win)."""
    if operating_point is None:
        return policy
    from pare.evaluate.calibrate import load_min_scores, with_point_min_scores
    from pare.models import default_model_dir

    return with_point_min_scores(policy, load_min_scores(model or default_model_dir(), operating_point))


def _redact_texts(text, file, output, vault, run: RedactRun, policy, keys, operators_file) -> None:
    """``pare redact`` of TEXT, stdin or one text file, held in memory: detect, anonymize, write."""
    import json

    from pare.pii import read_text_file  # a whole file, one document; empty is an error
    from pare.pii.anonymize import anonymize

    # JSONL, tables and directories stream instead (redact_files)
    texts = [_input_text(text, file, read_text_file)]
    detector = load_detector(run.model, run.dequantize, run.validate)
    policy.check_labels(detector.taxonomy.categories, operators_file or "--min-score")
    spans = detector.detect(texts, run.operating_point, run.method, run.batch_size, track=rich_track)
    redactions = anonymize(texts, spans, policy, keys)
    record = redactions[0].record()
    body = json.dumps(record, ensure_ascii=False) + "\n" if run.fmt == "json" else record["redacted_text"]
    if vault is not None and keys is not None:
        _write_vault(vault, redactions, keys, (file, output), run.overwrite)
    _write_body(body, output, file, run.overwrite)


def _redaction_keys(keyed_operator: str | None, key_file: str | None, vault: str | None):
    """The ``KeyRing`` redact needs (an operator that needs a key, or a vault), else ``None``."""
    import os

    from pare.pii.keys import KEY_ENV, load_secret, require_keys

    secret = load_secret(key_file, os.environ.get(KEY_ENV))
    if keyed_operator is not None:
        return require_keys(secret, f"operator {keyed_operator!r}")
    return require_keys(secret, "--vault") if vault is not None else None


def _write_vault(vault: str, redactions, keys, inputs: tuple, overwrite: bool) -> None:
    from pare.pii.vault import Vault, write_vault

    write_vault(vault, Vault.from_redactions(redactions), keys, inputs=inputs, overwrite=overwrite)


def _check_outputs(output: str | None, vault: str | None, inputs: tuple, overwrite: bool) -> None:
    """Refuse, before any work, an output or vault path the output rules forbid, or both on one file."""
    from pathlib import Path

    from pare.io import check_output

    if output is not None and vault is not None and Path(output).resolve() == Path(vault).resolve():
        raise PareError(f"{vault}: -o and --vault name the same file; choose two paths")
    for path in (output, vault):
        if path is not None:
            check_output(path, inputs=inputs, overwrite=overwrite, is_dir=False)


def _write_body(body: str, output: str | None, source: str | None, overwrite: bool) -> None:
    """``body`` to ``output`` atomically, or to stdout ending in a line break."""
    from pare.io import atomic_file

    if output is None:
        sys.stdout.write(body if not body or body.endswith("\n") else body + "\n")
        sys.stdout.flush()  # before any note on stderr, so the two stay in order on a terminal
        return
    with atomic_file(output, inputs=(source,), overwrite=overwrite) as tmp:
        tmp.write_text(body, encoding="utf-8", newline="")


def restore_command(
    text: str | None = typer.Argument(None, help="Redacted text (default: -f FILE, else stdin)."),
    file: str | None = typer.Option(
        None, "-f", "--file", help="What pare redact wrote: a text file, or .jsonl of {'text': ...}."
    ),
    vault: str | None = typer.Option(
        None, "--vault", help="The vault pare redact --vault wrote (for placeholders and surrogates)."
    ),
    key_file: str | None = typer.Option(None, "--key-file", help="The key (default: $PARE_KEY)."),
    output: OutputFileOption = None,
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace an existing -o file."),
) -> None:
    """Give back the original texts: encrypted values with the key, indexed placeholders and surrogates with
    the vault."""
    import os

    from pare.io import read_utf8  # an empty file restores to an empty text
    from pare.pii.keys import KEY_ENV, load_secret, require_keys
    from pare.pii.restore import read_redacted_jsonl, restore_texts, restored_jsonl
    from pare.pii.vault import read_vault

    if text is not None and file is not None:
        raise PareError("give either TEXT or -f FILE, not both")
    _check_outputs(output, None, (file, vault, key_file), overwrite)
    keys = require_keys(load_secret(key_file, os.environ.get(KEY_ENV)), "pare restore")
    records = read_redacted_jsonl(file) if file is not None and file.endswith(".jsonl") else None
    texts = [r["text"] for r in records] if records is not None else [_input_text(text, file, read_utf8)]
    mapping = read_vault(vault, keys) if vault is not None else None
    result = restore_texts(texts, keys, mapping, where=file or "input")
    body = restored_jsonl(records, result.texts) if records is not None else result.texts[0]
    _write_body(body, output, file, overwrite)
    notes = []
    if result.by_value:
        notes.append(
            f"{result.by_value} of {len(texts)} documents changed since redaction; restored by value"
        )
    if mapping is None and not result.decrypted:
        notes.append("no encrypted values found; indexed placeholders and surrogates need --vault")
    for note in notes:
        err_console.print(f"note: {note}", markup=False, highlight=False, soft_wrap=True)


def _input_text(text: str | None, file: str | None, read_file) -> str:
    """The one document a command reads: FILE's text (through ``read_file``), TEXT, or stdin."""
    if file is not None:
        return read_file(file)
    if text is not None:
        return text
    try:
        return sys.stdin.buffer.read().decode("utf-8")
    except UnicodeDecodeError:
        raise PareError("stdin: not valid UTF-8") from None
