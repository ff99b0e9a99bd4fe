"""The JSONL document format: one ``{"text": str, "spans": [{"start", "end", "label"}]}`` per line.

Offsets are character (code point) offsets into ``text``, ``end`` exclusive. Readers validate every record
and stop at the first bad one with ``FILE:LINE: reason``; writers are atomic.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pare.errors import PareError
from pare.io import atomic_file


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int
    label: str

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "label": self.label}


@dataclass
class Document:
    text: str
    spans: list[Span] = field(default_factory=list)
    meta: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        record = {"text": self.text, "spans": [s.to_dict() for s in self.spans]}
        if self.meta:
            record["meta"] = self.meta
        return record


def parse_record(record: object, where: str, labels: set[str] | None = None) -> Document:
    """Validate one decoded JSON record and build a ``Document``; errors are prefixed with ``where``."""
    if not isinstance(record, dict):
        raise PareError(f"{where}: expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str):
        raise PareError(f"{where}: field 'text' must be a string")
    raw_spans = record.get("spans", [])
    if not isinstance(raw_spans, list):
        raise PareError(f"{where}: field 'spans' must be a list")
    spans: list[Span] = []
    for k, raw in enumerate(raw_spans):
        if not isinstance(raw, dict):
            raise PareError(f"{where}: spans[{k}] must be an object")
        start, end, label = raw.get("start"), raw.get("end"), raw.get("label")
        if not (isinstance(start, int) and isinstance(end, int)) or isinstance(start, bool):
            raise PareError(f"{where}: spans[{k}] needs integer 'start' and 'end'")
        if not isinstance(label, str) or not label:
            raise PareError(f"{where}: spans[{k}] needs a string 'label'")
        if not 0 <= start < end <= len(text):
            raise PareError(
                f"{where}: spans[{k}] [{start}, {end}) is out of range for a text of {len(text)} chars"
            )
        if labels is not None and label not in labels:
            raise PareError(f"{where}: spans[{k}] has unknown label {label!r}")
        spans.append(Span(start, end, label))
    spans.sort()
    for a, b in itertools.pairwise(spans):
        if b.start < a.end:
            raise PareError(f"{where}: spans [{a.start}, {a.end}) and [{b.start}, {b.end}) overlap")
    meta = record.get("meta", {})
    return Document(text, spans, meta if isinstance(meta, dict) else {})


def iter_json_lines(path: str | Path) -> Iterator[tuple[str, object]]:
    """``("FILE:LINE", record)`` for each non-blank line of a JSONL file; bad UTF-8 or JSON is a ``PareError``."""
    path = Path(path)
    try:
        fh = path.open("rb")
    except FileNotFoundError:
        raise PareError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise PareError(f"{path}: is a directory, expected a JSONL file") from None
    with fh:
        # decode line by line: a text-mode reader decodes whole buffers ahead and would blame the wrong line
        for lineno, raw in enumerate(fh, 1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise PareError(f"{path}:{lineno}: not valid UTF-8") from None
            if not line.strip():
                continue
            try:
                yield f"{path}:{lineno}", json.loads(line)
            except json.JSONDecodeError as err:
                raise PareError(f"{path}:{lineno}: invalid JSON ({err.msg})") from None


def iter_jsonl_texts(path: str | Path) -> Iterator[str]:
    """The ``text`` field of each record of a JSONL file (other fields are ignored, not validated)."""
    for where, record in iter_json_lines(path):
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise PareError(f"{where}: expected a JSON object with a string field 'text'")
        yield record["text"]


def iter_jsonl(path: str | Path, labels: Iterable[str] | None = None) -> Iterator[Document]:
    """Stream documents from ``path``, validating each; ``labels`` restricts span labels (categories)."""
    allowed = set(labels) if labels is not None else None
    for where, record in iter_json_lines(path):
        yield parse_record(record, where, allowed)


def read_jsonl(
    path: str | Path, labels: Iterable[str] | None = None, *, allow_empty: bool = False
) -> list[Document]:
    """Read every document of ``path``; an empty file is an error unless ``allow_empty``."""
    docs = list(iter_jsonl(path, labels))
    if not docs and not allow_empty:
        raise PareError(f"{path}: no documents (empty JSONL)")
    return docs


def write_jsonl(
    path: str | Path,
    docs: Iterable[Document | dict],
    *,
    inputs: tuple[Path, ...] = (),
    text_only: bool = False,
) -> int:
    """Atomically write documents (or plain dicts) as JSONL; returns the number written.

    With ``text_only`` each document is written as ``{"text": ...}``, its spans dropped: unlabelled text, which
    ``pare distill`` has the teacher label.
    """
    n = 0
    with atomic_file(path, inputs=inputs) as tmp, tmp.open("w", encoding="utf-8") as fh:
        for doc in docs:
            record = doc.to_dict() if isinstance(doc, Document) else doc
            if text_only:
                record = {"text": record["text"]}
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    return n
