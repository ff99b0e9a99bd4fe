"""Distillation data: labelled JSONL, JSONL without spans, and plain text (one document per line).

A record with a ``spans`` field is labelled (an empty list means "no entities"); a record without one, and
every line of a ``.txt`` file, is unlabelled: the teacher supplies its targets and it gets no gold loss.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pare.data.augment import AugmentConfig, augment_texts
from pare.data.join import join_some
from pare.data.jsonl import Document, load_json_line, parse_record
from pare.errors import PareError


@dataclass
class DistillData:
    docs: list[Document]
    labelled: list[bool]

    @property
    def num_labelled(self) -> int:
        return sum(self.labelled)


def _lines(path: Path) -> Iterable[tuple[int, str]]:
    try:
        with path.open("r", encoding="utf-8") as fh:
            lineno = 0
            try:
                for lineno, line in enumerate(fh, 1):
                    yield lineno, line
            except UnicodeDecodeError:
                raise PareError(f"{path}:{lineno + 1}: not valid UTF-8") from None
    except FileNotFoundError:
        raise PareError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise PareError(f"{path}: is a directory, expected a .jsonl or .txt file") from None


def read_distill_data(paths: Sequence[str | Path], categories: Iterable[str] | None = None) -> DistillData:
    """Read every file; ``.txt`` files are plain text, anything else JSONL. ``categories`` checks span labels.

    Documents with only whitespace are skipped; no usable text at all is a ``PareError``.
    """
    if not paths:
        raise PareError("no data files given")
    allowed = set(categories) if categories is not None else None
    data = DistillData([], [])
    for path in map(Path, paths):
        plain = path.suffix.lower() == ".txt"
        for lineno, line in _lines(path):
            if not line.strip():
                continue
            if plain:
                doc, labelled = Document(line.rstrip("\r\n")), False
            else:
                record = load_json_line(line, f"{path}:{lineno}")
                doc = parse_record(record, f"{path}:{lineno}", allowed)
                labelled = "spans" in record
            if doc.text.strip():
                data.docs.append(doc)
                data.labelled.append(labelled)
    if not data.docs:
        raise PareError(f"{', '.join(map(str, paths))}: no usable text (every document is empty)")
    return data


def noisy_unlabelled(data: DistillData, words: Sequence[str], config: AugmentConfig) -> DistillData:
    """``data`` with each unlabelled document replaced by a noisy copy (``pare.data.augment``: some words
    swapped for ``words``, some mistyped); labelled documents and their gold spans stay as they are."""
    pairs = list(zip(data.docs, data.labelled, strict=True))
    noisy = iter(augment_texts([doc.text for doc, known in pairs if not known], words, config))
    docs = [doc if known else Document(next(noisy)) for doc, known in pairs]
    return DistillData(docs, list(data.labelled))


def join_some_data(data: DistillData, fraction: float, seed: int) -> DistillData:
    """``pare.data.join.join_some`` over the labelled and the unlabelled documents apart, so that a joined
    text has gold spans exactly when all of its parts had them."""
    groups = []
    for flag in (True, False):
        docs = [d for d, known in zip(data.docs, data.labelled, strict=True) if known == flag]
        groups.append((join_some(docs, fraction, seed), flag))
    return DistillData([d for docs, _ in groups for d in docs], [flag for docs, flag in groups for _ in docs])
