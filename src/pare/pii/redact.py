"""Redaction: replace detected spans in a text, and the JSON record openai/privacy-filter's tools read.

Modes:
- ``typed``: each span becomes its upper-cased category in angle brackets, ``<PRIVATE_PERSON>``;
- ``generic``: each span becomes ``<REDACTED>``;
- ``mask``: each character of a span becomes ``*``, except line breaks (``\\n``, ``\\r``), which are kept so
  the redacted text has exactly the same length and the same lines as the original.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Literal, Protocol

from pare.data.jsonl import iter_jsonl_texts
from pare.errors import PareError
from pare.io import read_utf8

Mode = Literal["typed", "generic", "mask"]
MODES: tuple[str, ...] = ("typed", "generic", "mask")
SCHEMA_VERSION = 1
LINE_BREAKS = frozenset("\n\r")


class CharSpan(Protocol):
    """Anything with a category and character offsets: ``DetectedSpan``, ``pare.data.jsonl.Span``."""

    label: str
    start: int
    end: int


def placeholder(label: str, span_text: str, mode: Mode = "typed") -> str:
    """What replaces one span of category ``label`` whose original text is ``span_text``."""
    if mode == "typed":
        return f"<{label.upper()}>"
    if mode == "generic":
        return "<REDACTED>"
    if mode == "mask":
        return "".join(c if c in LINE_BREAKS else "*" for c in span_text)
    raise PareError(f"unknown redaction mode {mode!r}; expected one of {', '.join(MODES)}")


def _ordered(text: str, spans: Sequence[CharSpan]) -> list[CharSpan]:
    ordered = sorted(spans, key=lambda s: (s.start, s.end))
    for s in ordered:
        if not 0 <= s.start < s.end <= len(text):
            raise PareError(f"span [{s.start}, {s.end}) is out of range for a text of {len(text)} chars")
    for a, b in itertools.pairwise(ordered):
        if b.start < a.end:
            raise PareError(f"spans [{a.start}, {a.end}) and [{b.start}, {b.end}) overlap")
    return ordered


def redact(text: str, spans: Sequence[CharSpan], mode: Mode = "typed") -> str:
    """``text`` with every span replaced (module docstring); spans must not overlap."""
    placeholder("", "", mode)  # reject an unknown mode even when there are no spans
    parts: list[str] = []
    pos = 0
    for s in _ordered(text, spans):
        parts += [text[pos : s.start], placeholder(s.label, text[s.start : s.end], mode)]
        pos = s.end
    parts.append(text[pos:])
    return "".join(parts)


def redaction_record(text: str, spans: Sequence[CharSpan], mode: Mode = "typed") -> dict:
    """The JSON record of one redacted text, with openai/privacy-filter's field names.

    ``{"schema_version": 1, "text", "detected_spans": [{"label", "start", "end", "text", "placeholder",
    "score"}], "redacted_text", "summary": {"span_count", "by_label": {label: count}}}``; ``score`` is
    ``null`` for spans without one.
    """
    ordered = _ordered(text, spans)
    detected = [
        {
            "label": s.label,
            "start": s.start,
            "end": s.end,
            "text": text[s.start : s.end],
            "placeholder": placeholder(s.label, text[s.start : s.end], mode),
            "score": getattr(s, "score", None),
        }
        for s in ordered
    ]
    return {
        "schema_version": SCHEMA_VERSION,
        "text": text,
        "detected_spans": detected,
        "redacted_text": redact(text, ordered, mode),
        "summary": {"span_count": len(ordered), "by_label": dict(Counter(s.label for s in ordered))},
    }


def read_text_file(path: str | Path) -> str:
    """A whole UTF-8 file as one document; a missing, unreadable or empty file is a ``PareError``."""
    text = read_utf8(path)
    if not text:
        raise PareError(f"{path}: empty input file")
    return text


def read_jsonl_texts(path: str | Path) -> list[str]:
    """The ``text`` field of each non-blank line of a JSONL file (other fields are ignored)."""
    texts = list(iter_jsonl_texts(path))
    if not texts:
        raise PareError(f"{path}: no documents (empty JSONL)")
    return texts
