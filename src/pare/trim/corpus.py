"""Stream a trimming corpus (text files, JSONL with a ``text`` field, or directories of them) and count tokens."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from tokenizers import Tokenizer

from pare.data.jsonl import iter_jsonl_texts
from pare.errors import PareError
from pare.progress import Track, no_track

TEXT_SUFFIXES = (".txt", ".text", ".md", ".rst")
JSONL_SUFFIX = ".jsonl"


def corpus_files(paths: Sequence[str | Path]) -> list[Path]:
    """The files behind ``paths``: files as given, directories searched recursively for text/JSONL files."""
    if not paths:
        raise PareError("empty corpus: give at least one file or directory")
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix in (*TEXT_SUFFIXES, JSONL_SUFFIX)
            )
            if not found:
                raise PareError(
                    f"{path}: no {', '.join((*TEXT_SUFFIXES, JSONL_SUFFIX))} files in this directory"
                )
            files += found
        elif path.is_file():
            files.append(path)
        else:
            raise PareError(f"{path}: no such file or directory")
    return files


def _file_texts(path: Path) -> Iterator[str]:
    try:
        if path.suffix == JSONL_SUFFIX:
            yield from iter_jsonl_texts(path)
        else:
            with path.open(encoding="utf-8") as f:
                yield from f  # one text per line, line break included
    except UnicodeDecodeError:
        raise PareError(f"{path}: not UTF-8 text") from None


def iter_corpus_texts(paths: Sequence[str | Path]) -> Iterator[str]:
    """Every text of the corpus: each line of a text file (with its line break), each JSONL record's ``text``."""
    for path in corpus_files(paths):
        yield from _file_texts(path)


def _batches(items: Iterable[str], size: int) -> Iterator[list[str]]:
    it = iter(items)
    while batch := list(itertools.islice(it, size)):
        yield batch


def count_corpus_tokens(
    tokenizer: Tokenizer, paths: Sequence[str | Path], track: Track = no_track, batch_size: int = 1024
) -> Counter[int]:
    """How often each token id occurs when ``tokenizer`` encodes the corpus (no special tokens added).

    Raises ``PareError`` when the corpus holds no text or its text yields no token.
    """
    counts: Counter[int] = Counter()
    n_texts = 0
    for batch in track(_batches(iter_corpus_texts(paths), batch_size), "counting corpus tokens"):
        n_texts += len(batch)
        for encoding in tokenizer.encode_batch(batch, add_special_tokens=False):
            counts.update(encoding.ids)
    shown = ", ".join(map(str, paths))
    if n_texts == 0:
        raise PareError(f"empty corpus: {shown} holds no text")
    if not counts:
        raise PareError(f"corpus {shown} yields no tokens")
    return counts
