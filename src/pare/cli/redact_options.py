"""``pare redact``'s options (its privacy operators, its file jobs, its output), apart from the command so that
both read in one sitting."""

from __future__ import annotations

from typing import Annotated, Literal

import typer

from pare.loader import Dequantize

# ``pare redact``'s privacy operators (pare.pii.operators), kept together because they configure one policy
OperatorOption = Annotated[
    str | None,
    typer.Option(
        "--operator",
        help="One operator for every label --operators does not name: replace, surrogate, hash, encrypt, "
        "mask, redact or keep.",
    ),
]
OperatorsFileOption = Annotated[
    str | None,
    typer.Option(
        "--operators", help="YAML or JSON file mapping a label (or default) to {operator: NAME, ...options}."
    ),
]
IndexOption = Annotated[
    bool,
    typer.Option("--index", help="Number placeholders, <PRIVATE_PERSON_1>: the same value, the same number."),
]
ConsistentOption = Annotated[
    Literal["doc", "run"],
    typer.Option(
        "--consistent", help="Indexes and surrogates per document (doc) or for the whole run (run)."
    ),
]
EveryOccurrenceOption = Annotated[
    Literal["doc", "run", "off"],
    typer.Option(
        "--every-occurrence",
        help="Also replace a detected value where else it occurs as a whole word: in its document (doc), in "
        "every document (run), or not (off).",
    ),
]
MinScoreOption = Annotated[
    list[str], typer.Option("--min-score", help="Leave spans scoring below X as text: X, or LABEL=X; repeat.")
]
KeyFileOption = Annotated[
    str | None,
    typer.Option("--key-file", help="Key for surrogate, hash, encrypt and --vault (default: $PARE_KEY)."),
]
VaultOption = Annotated[
    str | None,
    typer.Option("--vault", help="Write the mapping pare restore needs here (encrypted with the key)."),
]


# ``pare redact -f FILE|DIR``'s file-job options (pare.pii.job, pare.ray)
RedactFileOption = Annotated[
    str | None,
    typer.Option(
        "-f",
        "--file",
        help="A text file (one document), .jsonl (one record a line), .csv, .tsv, .parquet, or a directory "
        "of them (mirrored into -o DIR). Files are redacted as a stream, resumably (see --on-error).",
    ),
]
FieldOption = Annotated[
    str | None,
    typer.Option(
        "--field",
        help="JSONL: the field to redact (default: text; dotted names reach nested fields); the other "
        "fields are kept as they were.",
    ),
]
ColumnsOption = Annotated[
    str, typer.Option("--columns", help="CSV, TSV, Parquet: the columns to redact, a,b.")
]
SpansFileOption = Annotated[
    str | None,
    typer.Option(
        "--spans",
        help="Also write the spans replaced as JSONL (row, column, label, start, end, score). Its offsets "
        "point at the PII in the input: keep it as private as the input.",
    ),
]
OnErrorOption = Annotated[
    str,
    typer.Option(
        "--on-error",
        help="A bad record (invalid JSON or UTF-8, a missing field, a non-string value): stop, skip it "
        "(dropped, listed in --errors), or keep it (written unredacted, listed).",
    ),
]
ErrorsFileOption = Annotated[
    str | None,
    typer.Option("--errors", help="Where skipped or kept records are listed (default: OUTPUT.errors.jsonl)."),
]
WorkersOption = Annotated[
    int, typer.Option("--workers", min=1, help="Processes detecting at once (threads shared).")
]
ChunkOption = Annotated[
    int,
    typer.Option("--chunk-size", min=1, help="Characters per chunk: checkpointed and resumed as a unit."),
]
EngineOption = Annotated[
    str, typer.Option("--engine", help="local, or ray (Ray Data; pip install 'pare[ray]').")
]
RayAddressOption = Annotated[
    str | None,
    typer.Option("--ray-address", help="Ray cluster to join (default: $RAY_ADDRESS, else a local instance)."),
]
ConcurrencyOption = Annotated[
    int,
    typer.Option(
        "--concurrency",
        min=0,
        help="Ray: model actors (0: one per CPU of the cluster, less one for reading).",
    ),
]
RayCpusOption = Annotated[float, typer.Option("--ray-cpus", min=0.0, help="Ray: CPUs per model actor.")]
ProgressOption = Annotated[
    bool | None,
    typer.Option("--progress/--no-progress", help="Progress on stderr (default: when stderr is a terminal)."),
]
RedactModelOption = Annotated[
    str | None,
    typer.Option(
        "--model",
        "-m",
        help="Token classifier directory (plain, quantized or ONNX); default: the model pare ships.",
    ),
]
RedactFormatOption = Annotated[
    Literal["text", "json"],
    typer.Option("--format", help="Redacted text, or the JSON record (one per document; not for tables)."),
]
ModeOption = Annotated[
    Literal["typed", "generic", "mask"] | None,
    typer.Option("--mode", help="Placeholder style: typed (the default), generic or mask."),
]
OutputFileOption = Annotated[
    str | None, typer.Option("-o", "--output", help="Write here (atomically) instead of stdout.")
]
DequantizeOption = Annotated[
    Dequantize,
    typer.Option(
        "--dequantize",
        help="Quantized models: expand the Linear weights and small embeddings once (linear), none (least "
        "memory) or all.",
    ),
]
RedactOverwriteOption = Annotated[
    bool, typer.Option("--overwrite", help="Replace an existing -o or --vault file.")
]
