"""PII redaction on Ray Data: the detection and redaction of ``pare redact`` over a Ray ``Dataset``, on a
local Ray instance or a cluster (``address``, or ``$RAY_ADDRESS``).

``redact_dataset`` adds a ``map_batches`` stage whose callable class loads the model once per actor
(``concurrency`` actors of ``num_cpus`` CPUs each, the model using that many threads) and redacts the named string
columns of each batch; the other columns pass through. Each document is detected and redacted as in
``pare.pii.detect`` and ``pare.pii.anonymize`` with a document-scoped policy, so a row gets the spans and the
redacted text the single-process path gives it (a score may differ in its last bits where other documents
share its forward pass). Run-wide options (``consistent="run"``, ``every_occurrence="run"``, a vault) need
one ordered pass over the corpus and are refused here. ``redact_path`` reads and writes files with Ray Data's
own JSONL, CSV and Parquet readers and writers. Ray is an optional extra: ``pip install 'pare[ray]'``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import ray
import ray.data

from pare.data.tables import file_kind
from pare.errors import PareError
from pare.io import atomic_dir
from pare.pii.job import DetectSettings, JobConfig
from pare.pii.keys import KeyRing
from pare.pii.operators import RedactionPolicy
from pare.pii.stream import StreamAnonymizer

ROWS_PER_BATCH = 256  # rows each actor call redacts


@dataclass(frozen=True)
class RayConfig:
    """The model and detection options, then the actors: ``concurrency`` of them with ``num_cpus`` CPUs each,
    on the cluster at ``address`` (``None``: ``$RAY_ADDRESS``, else local Ray)."""

    settings: DetectSettings
    concurrency: int = 0  # 0: as many actors as the cluster's CPUs hold, less one CPU left for reading
    num_cpus: float = 1.0
    address: str | None = None
    rows_per_batch: int = ROWS_PER_BATCH


class _Redactor:
    """The ``map_batches`` callable: one detector per actor, loaded in ``__init__``."""

    def __init__(
        self,
        settings: DetectSettings,
        policy: RedactionPolicy,
        keys: KeyRing | None,
        columns: Sequence[str],
        threads: int,
    ) -> None:
        self.settings, self.columns = settings, tuple(columns)
        self.detector = settings.load(threads)
        self.anonymizer = StreamAnonymizer(policy, keys)

    def __call__(self, batch: dict) -> dict:
        s = self.settings
        for column in self.columns:
            values = list(batch[column])
            if any(v is not None and not isinstance(v, str) for v in values):
                raise PareError(f"column '{column}' holds values that are not text")
            texts = [v for v in values if v is not None]
            spans = self.detector.detect(texts, s.operating_point, s.method, s.batch_size)
            redacted = iter(r.redacted_text for r in self.anonymizer.redact(texts, spans))
            batch[column] = [None if v is None else next(redacted) for v in values]
        return batch


def _check_policy(policy: RedactionPolicy, keys: KeyRing | None) -> None:
    if policy.consistent == "run" or policy.every_occurrence == "run":
        raise PareError(
            "--consistent run and --every-occurrence run need one ordered pass: use --engine local"
        )
    if policy.keyed_operator() is not None and keys is None:
        raise PareError(
            f"operator {policy.keyed_operator()!r} needs a key: set PARE_KEY or pass --key-file FILE"
        )


def redact_dataset(
    ds: ray.data.Dataset,
    model: str | Path | RayConfig,
    columns: Sequence[str] = ("text",),
    *,
    policy: RedactionPolicy | None = None,
    keys: KeyRing | None = None,
    concurrency: int | None = None,
    num_cpus: float | None = None,
) -> ray.data.Dataset:
    """``ds`` with its string ``columns`` redacted (module docstring); lazy, like every Ray Data stage.

    ``model``: a model directory, or a ``RayConfig`` (detection options too); ``policy`` defaults to typed
    placeholders; ``concurrency``/``num_cpus`` override the config's.
    """
    config = model if isinstance(model, RayConfig) else RayConfig(DetectSettings(str(model)))
    config = replace(
        config,
        concurrency=concurrency if concurrency is not None else config.concurrency,
        num_cpus=num_cpus if num_cpus is not None else config.num_cpus,
    )
    policy = policy or RedactionPolicy()
    _check_policy(policy, keys)
    missing = [c for c in columns if c not in ds.columns()]
    if missing:
        raise PareError(f"the dataset has no column '{missing[0]}' (its columns: {', '.join(ds.columns())})")
    threads = max(1, int(config.num_cpus))
    actors = config.concurrency or _auto_actors(config.num_cpus)
    return ds.map_batches(
        _Redactor,
        fn_constructor_args=(config.settings, policy, keys, tuple(columns), threads),
        batch_size=config.rows_per_batch,
        batch_format="numpy",
        compute=ray.data.ActorPoolStrategy(size=actors),
        num_cpus=config.num_cpus,
    )


def _auto_actors(num_cpus: float) -> int:
    """Actors that leave one CPU free: with every CPU held by an actor, Ray cannot schedule the reads."""
    cpus = ray.cluster_resources().get("CPU", 1.0)
    return max(1, int((cpus - 1) // max(num_cpus, 1e-3)))


def _read(path: Path, kind: str) -> ray.data.Dataset:
    if kind == "jsonl":
        return ray.data.read_json(str(path), file_extensions=["jsonl"])
    if kind in ("csv", "tsv"):
        from pyarrow import csv

        options = csv.ParseOptions(delimiter="\t" if kind == "tsv" else ",")
        return ray.data.read_csv(str(path), parse_options=options, file_extensions=[kind])
    return ray.data.read_parquet(str(path), file_extensions=["parquet"])


def _write(ds: ray.data.Dataset, kind: str, out: Path) -> None:
    if kind == "jsonl":
        ds.write_json(str(out), force_ascii=False)
    elif kind in ("csv", "tsv"):
        from pyarrow import csv

        ds.write_csv(
            str(out),
            arrow_csv_args_fn=lambda: {
                "write_options": csv.WriteOptions(delimiter="\t" if kind == "tsv" else ",")
            },
        )
    else:
        ds.write_parquet(str(out))


def redact_path(
    source: str | Path,
    output: str | Path,
    config: RayConfig,
    policy: RedactionPolicy,
    keys: KeyRing | None = None,
    job: JobConfig | None = None,
) -> None:
    """Redact a JSONL, CSV, TSV or Parquet file (or a directory of one kind) into the directory ``output``
    (Ray Data's files, written atomically), rows in input order."""
    source, job = Path(source), job or JobConfig()
    kinds = {file_kind(p) for p in (source.rglob("*") if source.is_dir() else [source]) if p.is_file()}
    kinds.discard(None)
    if len(kinds) != 1 or kinds & {"txt"}:
        raise PareError(f"{source}: --engine ray reads .jsonl, .csv, .tsv or .parquet files of one kind")
    if job.vault or job.spans or job.fmt == "json" or job.on_error != "stop" or "." in job.selection.field:
        raise PareError(
            "--engine ray redacts columns only: no --vault, --spans, --format json, --on-error or dotted --field"
        )
    (kind,) = kinds
    columns = (job.selection.field,) if kind == "jsonl" else job.selection.columns
    if not ray.is_initialized():
        ray.init(address=config.address or os.environ.get("RAY_ADDRESS"), log_to_driver=False)
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True  # rows come out in input order, as on one machine
    context.enable_progress_bars = False
    with atomic_dir(output, inputs=(source,), overwrite=job.overwrite) as tmp:
        _write(redact_dataset(_read(source, kind), config, columns, policy=policy, keys=keys), kind, tmp)
