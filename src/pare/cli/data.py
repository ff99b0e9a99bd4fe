"""``pare data``'s commands: ``synth`` and ``import-conll``."""

from __future__ import annotations

from typing import Literal

import typer

from pare.cli.common import OutputJsonlOption, OverwriteFileOption, rich_track


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
    native_scripts: bool = typer.Option(
        False,
        "--native-scripts",
        help="World splits: write some names, cities, countries and organisations in their own script.",
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
    docs = synthesize(
        n,
        seed,
        chosen,
        split,
        test_fraction,
        track=rich_track,
        split_seed=split_seed,
        native_scripts=native_scripts,
    )
    if text_only:
        written = write_jsonl(output, docs, text_only=True, overwrite=overwrite)
        print(f"wrote {written} unlabelled documents to {output}")
    else:
        written = write_jsonl(output, docs, overwrite=overwrite)
        print(f"wrote {written} documents ({sum(len(d.spans) for d in docs)} spans) to {output}")
