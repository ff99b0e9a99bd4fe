"""The model-building commands: ``pare compress``, ``finetune``, ``distill``, ``trim`` and ``quantize``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import typer

from pare.cli.common import (
    MixedPrecisionOption,
    OutputDirOption,
    OverwriteOption,
    SeedOption,
    err_console,
    quiet_transformers,
    rich_track,
)
from pare.trim.select import SAFE_KEEP_FREQUENT

if TYPE_CHECKING:
    from pare.distill import DistillResult
    from pare.train.finetune import FinetuneResult


def finetune_defaults() -> dict[str, Any]:
    """``pare finetune``'s option defaults: ``FinetuneConfig``'s, read when the command runs (``LazyDefaults``)."""
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
        "line_break_marker": c.line_break_marker or "",
    }


def quantize_defaults() -> dict[str, Any]:
    """``pare quantize``'s option defaults: ``QuantConfig``'s, read when the command runs (``LazyDefaults``)."""
    from pare.quant import QuantConfig

    c = QuantConfig()
    names = ("bits", "group_size", "min_bits", "max_bits", "method", "fisher", "seed", "error_feedback")
    return {name: getattr(c, name) for name in names}


def distill_defaults() -> dict[str, Any]:
    """``pare distill``'s option defaults: ``DistillConfig``'s, read when the command runs (``LazyDefaults``)."""
    from pare.distill import DistillConfig

    c = DistillConfig()
    names = ("temperature", "alpha", "hidden_loss", "trainable", "epochs", "batch_size", "seed", "max_length")
    extra = ("grad_accum", "mixed_precision", "join_fraction", "noise_swap_rate", "noise_typo_rate")
    return {name: getattr(c, name) for name in (*names, *extra)} | {"lr": c.learning_rate}


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

    quiet_transformers()
    rows = compress(
        load_recipe(recipe), output, track=rich_track, on_event=lambda m: err_console.print(m, markup=False)
    )
    print(markdown_table(rows), end="")  # markdown rows stay whole (a console would wrap them when piped)
    err_console.print(f"report: {output}/report.md; final model: {output}/final", markup=False)


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
    line_break_marker: str = typer.Option(
        None,
        "--line-break-marker",
        help="Vocabulary character the model reads for each line break where the base tokenizer drops "
        "them (default ¶); '' turns it off.",
    ),
    overwrite: OverwriteOption = False,
) -> None:
    """Fine-tune an encoder into a BIOES PII token classifier; an interrupted run resumes when re-run."""
    from pathlib import Path

    from pare.data.jsonl import read_jsonl
    from pare.evaluate import evaluate_model
    from pare.io import check_output
    from pare.labels import Taxonomy
    from pare.train.finetune import FinetuneConfig, finetune

    quiet_transformers()
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
        line_break_marker=line_break_marker or None,
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


def distill_command(
    teacher: str = typer.Option(..., "--teacher", help="Teacher model directory (any transformers model)."),
    data: list[str] = typer.Option(
        ..., "--data", help="JSONL (with or without spans) or .txt (one document a line); repeat."
    ),
    output: str = typer.Option(..., "-o", "--output", help="Student directory (written atomically)."),
    layers: str = typer.Option(
        "1", "--layers", help="Number of blocks (1) or block indices (0,5) of the teacher (or --student)."
    ),
    init: str = typer.Option("first", "--init", help="Which k blocks: first, last or uniform."),
    student: str | None = typer.Option(
        None,
        "--student",
        help="Take the blocks from this model (same labels; any size or family) instead of the teacher.",
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
    join_fraction: float = typer.Option(
        None, "--join-fraction", help="Share of the documents joined a few at a time into long texts."
    ),
    noise_swap_rate: float = typer.Option(
        None,
        "--noise-swap-rate",
        help="Unlabelled text: per-word chance of swapping a lowercase word for a random vocabulary word.",
    ),
    noise_typo_rate: float = typer.Option(
        None, "--noise-typo-rate", help="Unlabelled text: per-word chance of a typo."
    ),
    cache_dir: str | None = typer.Option(
        None, "--cache-dir", help="Teacher-output cache (default ~/.cache/pare)."
    ),
    overwrite: OverwriteOption = False,
) -> None:
    """Distil a teacher into a student of fewer blocks (Hinton KD; 1 block = HarEmb); re-running resumes."""
    from pare.distill import DistillConfig, distill
    from pare.distill.student import parse_layers

    quiet_transformers()
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
        join_fraction=join_fraction,
        noise_swap_rate=noise_swap_rate,
        noise_typo_rate=noise_typo_rate,
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
