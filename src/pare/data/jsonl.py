"""The JSONL document format: one ``{"text": str, "spans": [{"start", "end", "label"}]}`` per line.

Offsets are character (code point) offsets into ``text``, ``end`` exclusive. Readers validate every record
and stop at the first bad one with ``FILE:LINE: reason``; writers are atomic.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pare.errors import PareError
from pare.io import atomic_file

MAX_DEPTH = 100  # deepest JSON nesting a line may have (a document needs 3: record, spans, span)
_SPAN_FIELD = re.compile(r"spans\[\d+\]")
_OTHER = "?"  # see _child


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
    spans = [_parse_span(raw, f"{where}: spans[{k}]", len(text), labels) for k, raw in enumerate(raw_spans)]
    spans.sort()
    for a, b in itertools.pairwise(spans):
        if b.start < a.end:
            raise PareError(f"{where}: spans [{a.start}, {a.end}) and [{b.start}, {b.end}) overlap")
    meta = record.get("meta", {})
    return Document(text, spans, meta if isinstance(meta, dict) else {})


def _parse_span(raw: object, where: str, n_chars: int, labels: set[str] | None) -> Span:
    """One span of a record; ``where`` is ``FILE:LINE: spans[K]``."""
    if not isinstance(raw, dict):
        raise PareError(f"{where} must be an object")
    start, end, label = raw.get("start"), raw.get("end"), raw.get("label")
    for name, value in (("start", start), ("end", end)):
        if not isinstance(value, int) or isinstance(value, bool):
            got = _json_type(value) if name in raw else "missing"
            raise PareError(f"{where} needs integer 'start' and 'end' ('{name}' is {got})")
    if not isinstance(label, str) or not label:
        raise PareError(f"{where} needs a string 'label'")
    if not 0 <= start < end <= n_chars:
        raise PareError(f"{where} [{start}, {end}) is out of range for a text of {n_chars} chars")
    if labels is not None and label not in labels:
        raise PareError(f"{where} has unknown label {label!r}")
    return Span(start, end, label)


def _json_type(value: object) -> str:
    """``value``'s JSON type, for messages (never the value: it may be private)."""
    if value is None or isinstance(value, bool):
        return "null" if value is None else "a boolean"
    names = {int: "an integer", float: "a number", str: "a string", list: "a list", dict: "an object"}
    return names.get(type(value), type(value).__name__)


def iter_json_lines(path: str | Path) -> Iterator[tuple[str, object]]:
    """``("FILE:LINE", record)`` for each non-blank line of a JSONL file; bad UTF-8 or JSON is a ``PareError``."""
    path = Path(path)
    try:
        fh = path.open("rb")
    except FileNotFoundError:
        raise PareError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise PareError(f"{path}: is a directory, expected a JSONL file") from None
    except OSError as err:
        raise PareError(f"{path}: cannot read ({err.strerror})") from None
    with fh:
        # decode line by line: a text-mode reader decodes whole buffers ahead and would blame the wrong line
        for lineno, raw in enumerate(fh, 1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise PareError(f"{path}:{lineno}: not valid UTF-8") from None
            if line.strip():
                yield f"{path}:{lineno}", load_json_line(line, f"{path}:{lineno}")


def load_json_line(line: str, where: str) -> object:
    """Decode one JSONL line; invalid JSON, absurd nesting or numbers, and lone surrogates are a ``PareError``.

    Messages name ``where`` and the fault, never the offending text.
    """
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise PareError(f"{where}: invalid JSON ({err.msg})") from None
    except RecursionError:
        raise PareError(f"{where}: invalid JSON (nested deeper than {MAX_DEPTH} levels)") from None
    except ValueError:  # Python's limit on the digits of an int (sys.get_int_max_str_digits)
        raise PareError(f"{where}: invalid JSON (a number has too many digits)") from None
    # only a \u escape can make a lone surrogate, and only brackets can nest: skip the walk when neither can
    if "\\u" in line or line.count("[") + line.count("{") > MAX_DEPTH:
        _check_tree(record, where)
    return record


def _check_tree(record: object, where: str) -> None:
    """Walk ``record`` without recursion: nesting at most ``MAX_DEPTH``, every key and string valid Unicode."""
    stack: list[tuple[object, int, str]] = [(record, 0, "")]
    while stack:
        value, depth, field = stack.pop()
        if depth > MAX_DEPTH:
            raise PareError(f"{where}: invalid JSON (nested deeper than {MAX_DEPTH} levels)")
        if isinstance(value, str):
            _check_unicode(value, where, _describe(field))
        elif isinstance(value, list):
            names = (f"{field}[{k}]" if field == "spans" else field for k in range(len(value)))
            stack.extend((item, depth + 1, name) for item, name in zip(value, names, strict=True))
        elif isinstance(value, dict):
            for key, item in value.items():
                _check_unicode(key, where, f"a key in {_describe(field)}")
                stack.append((item, depth + 1, _child(field, key)))


def _child(field: str, key: str) -> str:
    """How messages name member ``key`` of ``field``: pare's own fields by name; anything else by the field
    around it, or as ``_OTHER`` at the top (a key is the user's text and may be private)."""
    if not field:
        return key if key in ("text", "spans", "meta") else _OTHER
    if _SPAN_FIELD.fullmatch(field) and key in ("start", "end", "label"):
        return f"{field}.{key}"
    return field


def _describe(field: str) -> str:
    if not field:
        return "the record"
    return "a field pare does not read" if field == _OTHER else f"field '{field}'"


def _check_unicode(text: str, where: str, what: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise PareError(f"{where}: {what} is not valid Unicode (a lone surrogate escape)") from None


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
    inputs: Iterable[str | Path | None] = (),
    text_only: bool = False,
    overwrite: bool = False,
) -> int:
    """Atomically write documents (or plain dicts) as JSONL; returns the number written.

    With ``text_only`` each document is written as ``{"text": ...}``, its spans dropped: unlabelled text, which
    ``pare distill`` has the teacher label. An existing file is replaced only with ``overwrite``.
    """
    n = 0
    with atomic_file(path, inputs=inputs, overwrite=overwrite) as tmp, tmp.open("w", encoding="utf-8") as fh:
        for doc in docs:
            record = doc.to_dict() if isinstance(doc, Document) else doc
            if text_only:
                record = {"text": record["text"]}
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    return n


def check_labels(docs: Sequence[Document], categories: Sequence[str], what: str = "") -> None:
    """``PareError`` for the first gold span whose label is not one of ``categories``.

    ``what`` names the document set in the message ("training", "evaluation", ...).
    """
    allowed = set(categories)
    for i, doc in enumerate(docs):
        for k, span in enumerate(doc.spans):
            if span.label not in allowed:
                raise PareError(
                    f"{what + ' ' if what else ''}document {i + 1}: spans[{k}] has label {span.label!r}, "
                    f"which is not in the model's taxonomy ({', '.join(categories)})"
                )
