"""What several commands share: the stderr console, the progress bars, lazy option defaults, common options."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Annotated, Any, Literal, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

T = TypeVar("T")

err_console = Console(stderr=True)


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
        help="Check spans whose format is known (e-mail, URL, phone, IBAN/card checksums, dates, titles "
        "and labels taken as names, address blocks, password fields): trim punctuation, grow a cut e-mail, "
        "URL or street, join a block's pieces, add e-mail addresses, card numbers and password values no "
        "span covers, drop impossible ones. default (all), all, none, or labels (private_email,private_url).",
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


def quiet_transformers() -> None:
    """Keep transformers' warnings and progress bars off the terminal: pare draws its own progress.

    Without transformers (the runtime install) there is nothing to quiet."""
    try:
        from transformers.utils import logging as hf_logging
    except ImportError:
        return

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
