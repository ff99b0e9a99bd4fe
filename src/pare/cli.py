"""The ``pare`` command line: parses arguments, calls the library, prints. No logic of its own."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import Annotated, Literal, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from pare.distill import DistillConfig, DistillResult
from pare.distill.student import parse_layers
from pare.errors import PareError
from pare.evaluate.calibrate import CalibrationConfig
from pare.io import exit_on_sigterm
from pare.loader import Dequantize
from pare.quant import QuantConfig
from pare.train.finetune import FinetuneConfig, FinetuneResult
from pare.trim.select import SAFE_KEEP_FREQUENT

T = TypeVar("T")

app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    help="Make transformer models small and fast.",
)
data_app = typer.Typer(no_args_is_help=True, help="Synthesize and convert PII data.")
app.add_typer(data_app, name="data")

err_console = Console(stderr=True)
# option defaults come from the library's config dataclasses, so the CLI and the library cannot disagree
FINETUNE = FinetuneConfig()
DISTILL = DistillConfig()
QUANT = QuantConfig()
CALIBRATE = CalibrationConfig()
# Options that several commands share, declared once: same flags, same help everywhere (a command's own options
# stay in its signature). A required one gets ``...`` as its default, as in ``typer.Option(...)``.
OutputDirOption = Annotated[
    str, typer.Option("-o", "--output", help="Output directory (written atomically).")
]
OutputJsonlOption = Annotated[str, typer.Option("-o", "--output", help="Output JSONL (written atomically).")]
OverwriteOption = Annotated[
    bool,
    typer.Option("--overwrite", help="Replace an existing output that pare wrote (never anything else)."),
]
OverwriteFileOption = Annotated[bool, typer.Option("--overwrite", help="Replace an existing output file.")]
SeedOption = Annotated[int, typer.Option("--seed")]
MixedPrecisionOption = Annotated[
    str,
    typer.Option(
        "--mixed-precision", help="auto (bf16 autocast on a GPU, fp32 on CPU), bf16 (also on CPU) or no."
    ),
]
OperatingPointOption = Annotated[
    str | None,
    typer.Option(
        "--operating-point", help="Named transition biases from the model's viterbi_calibration.json."
    ),
]
DecodeMethodOption = Annotated[Literal["viterbi", "argmax"], typer.Option("--method", help="Span decoding.")]
WindowBatchOption = Annotated[int, typer.Option("--batch-size", min=1, help="Windows per forward pass.")]
ValidateOption = Annotated[
    str,
    typer.Option(
        "--validate",
        help="Check spans whose format a library knows (e-mail, URL, phone, IBAN/card checksums, dates): trim "
        "trailing punctuation, drop impossible ones. default (all but dates), all, none, or labels "
        "(private_email,private_url).",
    ),
]


class RichTrack:
    """A ``pare.progress.Track`` drawing progress bars on stderr (hidden when stderr is not a terminal).

    One live display serves every bar, so library code may nest tracked loops (stages, epochs, batches).
    """

    def __init__(self) -> None:
        columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
        self.progress = Progress(
            *columns, console=err_console, transient=True, disable=not err_console.is_terminal
        )
        self.depth = 0

    def __call__(self, items: Iterable[T], description: str, total: int | None = None) -> Iterator[T]:
        if total is None and hasattr(items, "__len__"):
            total = len(items)  # type: ignore[arg-type]
        if self.depth == 0:
            self.progress.start()
        self.depth += 1
        task = self.progress.add_task(description, total=total)
        try:
            for item in items:
                yield item
                self.progress.advance(task)
        finally:
            self.progress.remove_task(task)
            self.depth -= 1
            if self.depth == 0:
                self.progress.stop()


rich_track = RichTrack()


def _quiet_transformers() -> None:
    """Keep transformers' warnings and progress bars off the terminal: pare draws its own progress."""
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()


# --- commands are added below this line, one function each, grouped by concern ---


@app.command("compress")
def compress_command(
    output: str = typer.Option(
        ..., "--output", "-o", help="Directory for every stage, the report and final/."
    ),
    recipe: str | None = typer.Option(
        None, "--recipe", help="YAML recipe (default: synth data, fine-tune, distil, trim, quantize)."
    ),
) -> None:
    """Teacher to deployable model in one command; re-running resumes from the last finished stage."""
    from pare.compress import compress, load_recipe
    from pare.compress.report import markdown_table

    _quiet_transformers()
    rows = compress(
        load_recipe(recipe), output, track=rich_track, on_event=lambda m: err_console.print(m, markup=False)
    )
    print(markdown_table(rows), end="")  # markdown rows stay whole (a console would wrap them when piped)
    err_console.print(f"report: {output}/report.md; final model: {output}/final", markup=False)


def _check_arguments(argv: list[str]) -> None:
    """Python decodes undecodable argument bytes to lone surrogates, which fail far later: refuse them now."""
    for i, arg in enumerate(argv[1:], 1):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            raise PareError(f"command-line argument {i} is not valid UTF-8") from None


def main() -> None:
    """Entry point: user errors become one line on stderr and exit status 2, never a traceback.

    An operating-system error about a named file (unreadable, a full or read-only disk) is reported the same way.
    """
    exit_on_sigterm()
    try:
        _check_arguments(sys.argv)
        app()
    except PareError as err:
        _fail(str(err))
    except OSError as err:
        if err.filename is None:
            raise
        _fail(f"{err.filename}: {err.strerror or type(err).__name__}")


def _fail(message: str) -> None:
    err_console.print(f"error: {message}", markup=False, highlight=False, soft_wrap=True)
    sys.exit(2)


@app.command("version")
def version() -> None:
    """Print pare's version."""
    from pare import __version__

    print(__version__)


@app.command("eval")
def eval_command(
    model: str = typer.Option(..., "--model", "-m", help="Token classifier directory (plain or quantized)."),
    data: str = typer.Option(..., "--data", help="Labelled JSONL: text and character spans."),
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

    from pare.data.join import join_documents, parse_char_range
    from pare.data.jsonl import read_jsonl
    from pare.evaluate import evaluate_detector
    from pare.pii import PiiDetector
    from pare.pii.validate import parse_validate

    _quiet_transformers()
    detector = PiiDetector.from_dir(model, validate=parse_validate(validate))
    docs = read_jsonl(data, labels=detector.taxonomy.categories)
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


@app.command("calibrate")
def calibrate_command(
    model: str = typer.Option(..., "--model", "-m", help="Token classifier directory (plain or quantized)."),
    data: str = typer.Option(..., "--data", help="Labelled JSONL to fit on (not the data you test on)."),
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
    overwrite: OverwriteOption = False,
) -> None:
    """Fit the transition biases on labelled data and write the operating points balanced (best F1),
    high_recall and high_precision into the model's viterbi_calibration.json, keeping its other points.
    Without -o this changes the model directory in place (the one command that writes into its input): the
    file is replaced atomically (a temporary file renamed over it). pare eval --operating-point NAME on the
    same data prints the same figures."""
    import json

    from pare.data.jsonl import read_jsonl
    from pare.evaluate.calibrate import calibrate_detector, check_calibration_output, write_calibration
    from pare.pii import PiiDetector
    from pare.pii.validate import parse_validate

    _quiet_transformers()
    config = CalibrationConfig(target_recall, target_precision, match, budget)
    check_calibration_output(model, output, overwrite)
    detector = PiiDetector.from_dir(model, validate=parse_validate(validate))
    docs = read_jsonl(data, labels=detector.taxonomy.categories)
    result = calibrate_detector(detector, docs, config, batch_size, track=rich_track)
    written = write_calibration(model, result.fitted(), output, overwrite)
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
    for p in result.points:
        biases = ", ".join(f"{arrows[k]} {v:+g}" for k, v in p.point.to_dict().items() if v) or "none"
        table.add_row(p.name, f"{p.precision:.4f}", f"{p.recall:.4f}", f"{p.f1:.4f}", biases)
    Console().print(table)


@app.command("finetune")
def finetune_command(
    train: str = typer.Option(..., "--train", help="Labelled training JSONL."),
    output: str = typer.Option(..., "-o", "--output", help="Output model directory (written atomically)."),
    base: str | None = typer.Option(
        None, "--base", help="Base encoder directory (default: all-MiniLM-L6-v2)."
    ),
    eval_data: str | None = typer.Option(None, "--eval", help="Labelled JSONL scored after every epoch."),
    epochs: int = typer.Option(FINETUNE.epochs, "--epochs", min=1),
    batch_size: int = typer.Option(FINETUNE.batch_size, "--batch-size", min=1),
    learning_rate: float = typer.Option(FINETUNE.learning_rate, "--lr", min=0.0),
    max_length: int = typer.Option(
        FINETUNE.max_length, "--max-length", min=8, help="Tokens per training window."
    ),
    seed: SeedOption = FINETUNE.seed,
    train_embeddings: bool = typer.Option(
        not FINETUNE.freeze_embeddings,
        "--train-embeddings/--freeze-embeddings",
        help="Also train the word embeddings (default: keep the base's).",
    ),
    mixed_precision: MixedPrecisionOption = FINETUNE.mixed_precision,
    overwrite: OverwriteOption = False,
) -> None:
    """Fine-tune an encoder into a BIOES PII token classifier; an interrupted run resumes when re-run."""
    from pathlib import Path

    from pare.data.jsonl import read_jsonl
    from pare.evaluate import evaluate_model
    from pare.io import check_output
    from pare.labels import Taxonomy
    from pare.train.finetune import finetune

    _quiet_transformers()
    taxonomy = Taxonomy()
    check_output(
        output, inputs=(train, eval_data, base if base and Path(base).exists() else None), overwrite=overwrite
    )
    train_docs = read_jsonl(train, labels=taxonomy.categories)
    eval_docs = read_jsonl(eval_data, labels=taxonomy.categories) if eval_data else None
    config = FinetuneConfig(
        base=base,
        epochs=epochs,
        batch_size=batch_size,
        learning_rate=learning_rate,
        max_length=max_length,
        seed=seed,
        freeze_embeddings=not train_embeddings,
        mixed_precision=mixed_precision,
        taxonomy=taxonomy,
    )

    def evaluate(model, tokenizer) -> dict:  # the detector's own windows, as `pare eval` sees the saved model
        return evaluate_model(model, tokenizer, eval_docs, batch_size=batch_size, track=rich_track)

    per_epoch = evaluate if eval_docs is not None else None
    _print_finetune(finetune(config, train_docs, per_epoch, output, track=rich_track, overwrite=overwrite))


def _print_finetune(result: FinetuneResult) -> None:
    """One line per epoch (loss, time and, when scored, eval micro F1), then what was written."""
    for h in result.history:
        line = f"epoch {h.epoch + 1}: loss {h.loss:.4f}, {h.seconds:.0f}s"
        if "eval" in h.metrics:
            line += f", eval micro F1 {h.metrics['eval']['micro']['f1']:.4f}"
        print(line)
    resumed = f" (resumed after epoch {result.resumed_epochs})" if result.resumed_epochs else ""
    print(
        f"wrote {result.out_dir}: {result.n_train_docs} documents, {result.n_train_windows} windows, "
        f"{result.seconds:.0f}s{resumed}"
    )


@app.command("trim")
def trim(
    model: str = typer.Argument(..., help="Model (or tokenizer-only) directory with a tokenizer.json."),
    corpus: list[str] = typer.Option([], "--corpus", help="Text/JSONL file or directory; repeat."),
    output: OutputDirOption = ...,
    min_count: int = typer.Option(1, "--min-count", help="Keep corpus tokens seen at least N times."),
    max_vocab: int | None = typer.Option(None, "--max-vocab", help="At most K tokens in all."),
    keep_tokens: str | None = typer.Option(None, "--keep-tokens", help="Tokens to keep, one a line."),
    keep_frequent: int = typer.Option(
        SAFE_KEEP_FREQUENT,
        "--keep-frequent",
        help="Also keep the tokenizer's own N most frequent tokens, so new text keeps its spelling "
        "(0: the corpus alone, smallest and riskiest).",
    ),
    json_out: bool = typer.Option(False, "--json", help="Print the result as JSON."),
    overwrite: OverwriteOption = False,
) -> None:
    """Trim a model's vocabulary to the tokens a corpus uses (plus specials and byte/char fallbacks)."""
    import json

    from pare.trim import read_keep_tokens, trim_model

    forced = read_keep_tokens(keep_tokens) if keep_tokens else []
    kwargs = {"corpus": corpus, "keep_tokens": forced, "keep_frequent": keep_frequent}
    kwargs |= {"min_count": min_count, "max_vocab": max_vocab}
    result = trim_model(model, output, track=rich_track, overwrite=overwrite, **kwargs)
    if json_out:
        print(json.dumps(result.to_dict()))
        return
    print(f"vocab  {result.vocab_before:,} -> {result.vocab_after:,}")
    if result.params_before:
        print(
            f"params {result.params_before:,} -> {result.params_after:,} (-{100 * result.param_reduction:.1f}%)"
        )
    print(f"wrote  {result.out_dir} in {result.seconds:.1f}s")


@app.command("quantize")
def quantize_command(
    model: str = typer.Argument(..., help="Full-precision model directory."),
    calib: str | None = typer.Option(
        None, "--calib", help="Calibration JSONL (gold spans used by empirical)."
    ),
    output: OutputDirOption = ...,
    bits: float = typer.Option(
        QUANT.bits, "--bits", help="Average stored bits per quantized weight, overhead included."
    ),
    group_size: int = typer.Option(
        QUANT.group_size, "--group-size", help="Weights per group along a row (0 = whole row)."
    ),
    min_bits: int = typer.Option(QUANT.min_bits, "--min-bits"),
    max_bits: int = typer.Option(QUANT.max_bits, "--max-bits"),
    embedding_min_bits: int | None = typer.Option(
        None,
        "--embedding-min-bits",
        help="Fewest bits of an embedding row (default: one below --bits, at least --min-bits).",
    ),
    method: str = typer.Option(QUANT.method, "--method", help="fisher, fisher-uniform, kmeans or rtn."),
    fisher: str = typer.Option(QUANT.fisher, "--fisher", help="empirical (gold labels) or model (sampled)."),
    seed: SeedOption = QUANT.seed,
    error_feedback: bool = typer.Option(
        QUANT.error_feedback,
        "--error-feedback/--no-error-feedback",
        help="Fisher methods: assign Linear weights to their levels with GPTQ-style error feedback.",
    ),
    export_dequantized: str | None = typer.Option(
        None, "--export-dequantized", help="Also write a plain HF dir."
    ),
    overwrite: OverwriteOption = False,
) -> None:
    """Fisher-aware non-uniform quantization with automatic mixed precision."""
    from pare.io import check_output
    from pare.loader import export_dequantized as export
    from pare.quant.pipeline import quantize_directory

    config = QuantConfig(
        bits=bits,
        method=method,
        group_size=group_size,
        min_bits=min_bits,
        max_bits=max_bits,
        fisher=fisher,  # type: ignore[arg-type]
        seed=seed,
        embedding_min_bits=embedding_min_bits,
        error_feedback=error_feedback,
    )
    if export_dequantized:
        check_output(export_dequantized, inputs=(model, calib, output), overwrite=overwrite)
    m = quantize_directory(model, calib, output, config, track=rich_track, overwrite=overwrite)
    _print_quantized(m, bits)
    if export_dequantized:
        export(output, export_dequantized, overwrite=overwrite)
        print(f"wrote {output} and {export_dequantized}")
    else:
        print(f"wrote {output}")


def _print_quantized(m: dict, bits: float) -> None:
    """Bits per weight against the target ``bits`` with the histogram of widths, then the file's size and time."""
    hist = ", ".join(f"{b}b:{n}" for b, n in m["bits_histogram"].items())
    print(
        f"bits/weight {m['bits_per_weight']:.3f} (target {bits}) over {m['quantized_weights']:,} weights [{hist}]"
    )
    print(
        f"file {m['file_bytes'] / 2**20:.2f} MiB ({m['other_parameters']:,} other parameters kept) in {m['seconds']:.0f}s"
    )


@app.command("export")
def export_command(
    model: str = typer.Argument(..., help="Model directory (quantized or not)."),
    output: OutputDirOption = ...,
    overwrite: OverwriteOption = False,
) -> None:
    """Write a plain Hugging Face directory, dequantizing quantized weights."""
    from pare.loader import export_dequantized

    export_dequantized(model, output, overwrite=overwrite)
    print(f"wrote {output}")


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


@app.command("redact")
def redact_command(
    text: str | None = typer.Argument(None, help="Text to redact (default: -f FILE, else stdin)."),
    file: str | None = typer.Option(
        None, "-f", "--file", help="Plain text file (one document) or .jsonl (one 'text' per line)."
    ),
    model: str | None = typer.Option(
        None,
        "--model",
        "-m",
        help="Token classifier directory (plain or quantized); default: the model pare ships.",
    ),
    operating_point: OperatingPointOption = None,
    fmt: Literal["text", "json"] = typer.Option(
        "text", "--format", help="Redacted text, or the JSON record."
    ),
    mode: Literal["typed", "generic", "mask"] | None = typer.Option(
        None, "--mode", help="Placeholder style: typed (the default), generic or mask."
    ),
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
    output: str | None = typer.Option(
        None, "-o", "--output", help="Write here (atomically) instead of stdout."
    ),
    dequantize: Dequantize = typer.Option(
        "linear",
        "--dequantize",
        help="Quantized models: expand the Linear weights and small embeddings once (linear), none (least "
        "memory) or all.",
    ),
    validate: ValidateOption = "default",
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace an existing -o or --vault file."),
) -> None:
    """Find PII and replace it. A .jsonl FILE gives JSONL out: records (json) or {"text": redacted} (text)."""
    from pare.pii.anonymize import anonymize
    from pare.pii.operators import PolicyOptions, build_policy

    if text is not None and file is not None:
        raise PareError("give either TEXT or -f FILE, not both")
    options = PolicyOptions(mode, operator, operators_file, index, min_score, consistent, every_occurrence)
    policy = build_policy(options)
    keys = _redaction_keys(policy.keyed_operator(), key_file, vault)
    _check_outputs(output, vault, (file, operators_file, key_file), overwrite)
    batch = file is not None and file.endswith(".jsonl")
    texts = _texts_to_redact(text, file, batch)
    detector = _load_detector(model, dequantize, validate)
    policy.check_labels(detector.taxonomy.categories, operators_file or "--min-score")
    spans = detector.detect(texts, operating_point, method, batch_size, track=rich_track)
    redactions = anonymize(texts, spans, policy, keys)
    body = _redacted_body([r.record() for r in redactions], batch, fmt)
    if vault is not None and keys is not None:
        _write_vault(vault, redactions, keys, (file, output), overwrite)
    _write_body(body, output, file, overwrite)


def _load_detector(model: str | None, dequantize: Dequantize, validate: str):
    """The ``PiiDetector`` of ``model`` (default: the model pare ships), transformers quieted."""
    from pare.models import default_model_dir
    from pare.pii import PiiDetector
    from pare.pii.validate import parse_validate

    _quiet_transformers()
    checks = parse_validate(validate)
    return PiiDetector.from_dir(model or default_model_dir(), dequantize=dequantize, validate=checks)


def _write_vault(vault: str, redactions, keys, inputs: tuple, overwrite: bool) -> None:
    from pare.pii.vault import Vault, write_vault

    write_vault(vault, Vault.from_redactions(redactions), keys, inputs=inputs, overwrite=overwrite)


def _redaction_keys(keyed_operator: str | None, key_file: str | None, vault: str | None):
    """The ``KeyRing`` redact needs (an operator that needs a key, or a vault), else ``None``."""
    import os

    from pare.pii.keys import KEY_ENV, load_secret, require_keys

    secret = load_secret(key_file, os.environ.get(KEY_ENV))
    if keyed_operator is not None:
        return require_keys(secret, f"operator {keyed_operator!r}")
    return require_keys(secret, "--vault") if vault is not None else None


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
        return
    with atomic_file(output, inputs=(source,), overwrite=overwrite) as tmp:
        tmp.write_text(body, encoding="utf-8", newline="")


@app.command("restore")
def restore_command(
    text: str | None = typer.Argument(None, help="Redacted text (default: -f FILE, else stdin)."),
    file: str | None = typer.Option(
        None, "-f", "--file", help="What pare redact wrote: a text file, or .jsonl of {'text': ...}."
    ),
    vault: str | None = typer.Option(
        None, "--vault", help="The vault pare redact --vault wrote (for placeholders and surrogates)."
    ),
    key_file: str | None = typer.Option(None, "--key-file", help="The key (default: $PARE_KEY)."),
    output: str | None = typer.Option(
        None, "-o", "--output", help="Write here (atomically) instead of stdout."
    ),
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace an existing -o file."),
) -> None:
    """Give back the original texts: encrypted values with the key, indexed placeholders and surrogates with
    the vault."""
    import os

    from pare.pii.keys import KEY_ENV, load_secret, require_keys
    from pare.pii.restore import read_redacted_jsonl, restore_texts, restored_jsonl
    from pare.pii.vault import read_vault

    if text is not None and file is not None:
        raise PareError("give either TEXT or -f FILE, not both")
    _check_outputs(output, None, (file, vault, key_file), overwrite)
    keys = require_keys(load_secret(key_file, os.environ.get(KEY_ENV)), "pare restore")
    records = read_redacted_jsonl(file) if file is not None and file.endswith(".jsonl") else None
    texts = [r["text"] for r in records] if records is not None else [_text_to_restore(text, file)]
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


def _text_to_restore(text: str | None, file: str | None) -> str:
    """The one document to restore: FILE's text (may be empty), TEXT, or stdin."""
    from pare.io import read_utf8

    if file is not None:
        return read_utf8(file)
    if text is not None:
        return text
    try:
        return sys.stdin.buffer.read().decode("utf-8")
    except UnicodeDecodeError:
        raise PareError("stdin: not valid UTF-8") from None


def _texts_to_redact(text: str | None, file: str | None, batch: bool) -> list[str]:
    """The documents to redact: FILE's (every line of a JSONL ``batch``, else the whole file), TEXT, or stdin."""
    from pare.pii import read_jsonl_texts, read_text_file

    if file is not None:
        return read_jsonl_texts(file) if batch else [read_text_file(file)]
    if text is not None:
        return [text]
    try:
        return [sys.stdin.buffer.read().decode("utf-8")]
    except UnicodeDecodeError:
        raise PareError("stdin: not valid UTF-8") from None


def _redacted_body(records: list[dict], batch: bool, fmt: str) -> str:
    """What redact writes: JSONL for a ``batch`` (the records, or {"text": redacted}), else one record or text."""
    import json

    if batch:
        rows = [r if fmt == "json" else {"text": r["redacted_text"]} for r in records]
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if fmt == "json":
        return json.dumps(records[0], ensure_ascii=False) + "\n"
    return records[0]["redacted_text"]


@app.command("distill")
def distill_command(
    teacher: str = typer.Option(..., "--teacher", help="Teacher model directory (any transformers model)."),
    data: list[str] = typer.Option(
        ..., "--data", help="JSONL (with or without spans) or .txt (one document a line); repeat."
    ),
    output: str = typer.Option(..., "-o", "--output", help="Student directory (written atomically)."),
    layers: str = typer.Option("1", "--layers", help="Number of blocks (1) or teacher block indices (0,5)."),
    init: str = typer.Option("first", "--init", help="Which k blocks: first, last or uniform."),
    student: str | None = typer.Option(
        None, "--student", help="Take the blocks from this model (same labels/blocks) instead of the teacher."
    ),
    temperature: float = typer.Option(
        DISTILL.temperature, "--temperature", help="Softmax temperature T of the KD loss."
    ),
    alpha: float = typer.Option(
        DISTILL.alpha, "--alpha", help="Weight of the gold-label loss (1 = no teacher)."
    ),
    hidden_loss: str = typer.Option(DISTILL.hidden_loss, "--hidden-loss", help="mse, cosine or none."),
    trainable: str = typer.Option(
        DISTILL.trainable,
        "--trainable",
        help="head (blocks, final norm and head; embeddings stay the teacher's, HarEmb), blocks (only the "
        "blocks) or all parameters.",
    ),
    epochs: int = typer.Option(DISTILL.epochs, "--epochs"),
    batch_size: int = typer.Option(DISTILL.batch_size, "--batch-size"),
    lr: float = typer.Option(DISTILL.learning_rate, "--lr"),
    seed: SeedOption = DISTILL.seed,
    max_length: int = typer.Option(DISTILL.max_length, "--max-length", help="Tokens per training window."),
    grad_accum: int = typer.Option(DISTILL.grad_accum, "--grad-accum", help="Batches per optimizer step."),
    mixed_precision: MixedPrecisionOption = DISTILL.mixed_precision,
    cache_dir: str | None = typer.Option(
        None, "--cache-dir", help="Teacher-output cache (default ~/.cache/pare)."
    ),
    overwrite: OverwriteOption = False,
) -> None:
    """Distil a teacher into a student of fewer blocks (Hinton KD; 1 block = HarEmb); re-running resumes."""
    from pare.distill import distill

    _quiet_transformers()
    config = DistillConfig(
        layers=parse_layers(layers),
        init=init,  # type: ignore[arg-type]
        temperature=temperature,
        alpha=alpha,
        hidden_loss=hidden_loss,  # type: ignore[arg-type]
        trainable=trainable,  # type: ignore[arg-type]
        epochs=epochs,
        batch_size=batch_size,
        learning_rate=lr,
        seed=seed,
        max_length=max_length,
        grad_accum=grad_accum,
        mixed_precision=mixed_precision,
        cache_dir=cache_dir,
    )
    result = distill(
        teacher, data, output, config, student_dir=student, track=rich_track, overwrite=overwrite
    )
    _print_distilled(result)


def _print_distilled(result: DistillResult) -> None:
    """One line per epoch, then what was written and whether the teacher's outputs came from the cache."""
    for h in result.history:
        print(f"epoch {h.epoch + 1}: loss {h.loss:.4f}, {h.seconds:.0f}s")
    source = "cached" if result.teacher_cached else "computed"
    print(f"wrote {result.path}: blocks {result.layers} of the teacher kept; teacher outputs {source}")


@data_app.command("import-conll")
def import_conll(
    file: str = typer.Argument(..., help="CoNLL file: TOKEN ... TAG per line, blank line between sentences."),
    output: OutputJsonlOption = ...,
    scheme: Literal["BIO", "BIOES"] | None = typer.Option(
        None, "--scheme", help="Tag scheme (default: detected)."
    ),
    overwrite: OverwriteFileOption = False,
) -> None:
    """Convert a CoNLL file to pare JSONL, one document per sentence."""
    from pare.data.conll import read_conll
    from pare.data.jsonl import write_jsonl
    from pare.io import check_output

    check_output(output, inputs=(file,), overwrite=overwrite, is_dir=False)
    docs = read_conll(file, scheme)
    n = write_jsonl(output, docs, inputs=(file,), overwrite=overwrite)
    print(f"wrote {n} documents ({sum(len(d.spans) for d in docs)} spans) to {output}")


@data_app.command("synth")
def synth(
    n: int = typer.Option(..., "-n", "--n", help="Number of documents."),
    seed: int = typer.Option(0, "--seed", help="Random seed: same seed and options, same bytes."),
    locales: str | None = typer.Option(
        None, "--locales", help="Comma-separated languages (default: all of en,de,fr,es,it,pt,nl)."
    ),
    split: str = typer.Option(
        "all",
        "--split",
        help="all, train or test: which side of the template split; transfer: the templates on neither side "
        "(unlabelled text for distillation); world, world-train, world-test: the English 'world' family "
        "(utterances, chat, letters, address blocks; many nationalities), all frames or one side of its "
        "frame split (English only).",
    ),
    test_fraction: float = typer.Option(
        0.2, "--test-fraction", help="Share of each language's templates held out for test."
    ),
    split_seed: int = typer.Option(
        0, "--split-seed", help="Seed of the template split; keep it equal for train and test."
    ),
    text_only: bool = typer.Option(
        False, "--text-only", help="Write only each document's text: unlabelled data for `pare distill`."
    ),
    output: OutputJsonlOption = ...,
    overwrite: OverwriteFileOption = False,
) -> None:
    """Synthesize labelled multilingual PII documents from Faker-filled templates."""
    from pare.data.jsonl import write_jsonl
    from pare.data.synth import synthesize
    from pare.io import check_output

    check_output(output, overwrite=overwrite, is_dir=False)
    chosen = locales.split(",") if locales is not None else None
    docs = synthesize(n, seed, chosen, split, test_fraction, track=rich_track, split_seed=split_seed)
    if text_only:
        written = write_jsonl(output, docs, text_only=True, overwrite=overwrite)
        print(f"wrote {written} unlabelled documents to {output}")
    else:
        written = write_jsonl(output, docs, overwrite=overwrite)
        print(f"wrote {written} documents ({sum(len(d.spans) for d in docs)} spans) to {output}")
