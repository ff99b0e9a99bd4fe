"""Where a text breaks between two tokens: paragraph breaks (a blank line) and line breaks.

Tokenizers drop line breaks (or hide them inside a token of whitespace), while the decoder needs them: no span
crosses a blank line, and no span of a single-line category crosses a line break (``pare.pii.detect``). The
breaks come from the text between tokens, through the tokens' character offsets.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

# the line boundaries of ``str.splitlines``; a CRLF pair is one boundary
_LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
LINE_BREAK = re.compile(f"[{_LINE_BREAKS}]")
_BLANK_LINE = re.compile(f"[{_LINE_BREAKS}]\\s*[{_LINE_BREAKS}]")


def visible_tokens(text: str, offsets: Sequence[tuple[int, int]]) -> list[int] | None:
    """The indices of the tokens that cover a visible character, or ``None`` when all of them do.

    A token of whitespace alone (a line-break marker, ``pare.train.line_breaks``; a byte-level ``"\\n\\n"``)
    can hold no span boundary: spans are trimmed of whitespace. It stays in the model's input, as context.
    """
    keep = [t for t, (start, end) in enumerate(offsets) if not text[start:end].isspace() and end > start]
    return None if len(keep) == len(offsets) else keep


def paragraph_breaks(text: str, offsets: Sequence[tuple[int, int]]) -> list[bool]:
    """Per token: whether a blank line (two line breaks with only whitespace between) lies between the
    previous token's last non-space character and this token's first one.

    The whitespace at a token's edges counts as well as the gap between tokens: byte-level BPE tokens hold
    spaces and line breaks (a token of just ``"\\n\\n"`` gets a break before and after it).
    """
    return text_breaks(text, offsets)[0]


def line_breaks(text: str, offsets: Sequence[tuple[int, int]]) -> list[bool]:
    """Per token: whether a single line break (a line break, but no blank line: not a paragraph break) lies
    between the previous token's last non-space character and this token's first one."""
    return text_breaks(text, offsets)[1]


def text_breaks(text: str, offsets: Sequence[tuple[int, int]]) -> tuple[list[bool], list[bool]]:
    """``(paragraph_breaks, line_breaks)`` of the tokens at ``offsets``, from one scan of the text."""
    paragraphs, lines = [False] * len(offsets), [False] * len(offsets)
    marks = np.array([m.start() for m in LINE_BREAK.finditer(text)], dtype=np.int64)
    if len(offsets) < 2 or not len(marks):  # most short texts: no line break anywhere, no per-token scan
        return paragraphs, lines
    bounds = np.asarray(offsets, dtype=np.int64).reshape(-1, 2)
    # a break before token t lies in [start of t - 1, end of t): only tokens with a line break there are read
    near = np.searchsorted(marks, bounds[1:, 1]) > np.searchsorted(marks, bounds[:-1, 0])
    for t in (np.flatnonzero(near) + 1).tolist():
        (s0, e0), (s1, e1) = offsets[t - 1], offsets[t]
        after = s0 + len(text[s0:e0].rstrip())
        before = e1 - len(text[s1:e1].lstrip())
        gap = text[after:before].replace("\r\n", "\n")
        paragraphs[t] = _BLANK_LINE.search(gap) is not None
        lines[t] = not paragraphs[t] and LINE_BREAK.search(gap) is not None
    return paragraphs, lines


def visible_breaks(
    text: str, offsets: Sequence[tuple[int, int]]
) -> tuple[list[int] | None, tuple[list[bool], list[bool]]]:
    """``visible_tokens`` of the tokens at ``offsets``, and ``text_breaks`` of those visible tokens: what the
    decoder reads of a document besides its scores."""
    visible = visible_tokens(text, offsets)
    return visible, text_breaks(text, offsets if visible is None else [offsets[t] for t in visible])
