"""Paragraphs read twice: in the text's own windows, and again with nothing before them.

In a long text a window holds whatever precedes a paragraph, and where several documents were put end to end
that is another document: a chat turn's speaker or the name in a greeting right after the previous text's
signature reads as a word in mid-text, and the model misses it (the joined-text loss in BENCHMARKS.md). Read
alone, the paragraph starts a window as a document starts one in training. But alone is not always better:
the first capitalized word of a short one-line paragraph (``Buongiorno,``, ``Ufficio del personale``) then
looks like a chat speaker, and becomes a name.

So each paragraph after a blank line whose first line holds at least ``MIN_FIRST_LINE_CHARS`` characters is
scored a second time in a window of its own (its first window's worth of tokens), and each of those tokens
takes the normalized product of its two readings' distributions:

    log p(label) = (log p_text(label) + log p_alone(label)) / 2 - log Z

(``Z`` makes the probabilities sum to one). A label both readings find likely stays likely; one that only one
reading finds likely is halved in log space.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from pare.data.windows import Window
from pare.pii.breaks import LINE_BREAK, visible_breaks

MIN_FIRST_LINE_CHARS = 25


def plan_paragraph_views(
    text: str,
    offsets: Sequence[tuple[int, int]],
    visible: Sequence[int] | None,
    paragraphs: Sequence[bool],
    window_size: int,
) -> list[Window]:
    """The second reading's windows (each its own core) over the tokens at ``offsets``: every paragraph after a
    blank line whose first line is long enough, from its first visible token to its last, at most
    ``window_size`` tokens. ``visible``: the indices of the visible tokens (``pare.pii.breaks.visible_tokens``;
    ``None``: all of them); ``paragraphs``: per visible token, whether a paragraph break lies before it
    (``pare.pii.breaks.text_breaks`` of the visible tokens' offsets)."""
    index = range(len(offsets)) if visible is None else visible
    starts = [t for t, starts_paragraph in enumerate(paragraphs) if starts_paragraph]
    views = []
    for k, first in enumerate(starts):
        last = (starts[k + 1] if k + 1 < len(starts) else len(index)) - 1  # visible tokens, inclusive
        token_start, token_end = offsets[index[first]]
        # a byte-level token may hold the line breaks before it: the line starts at its first visible character
        begin = token_end - len(text[token_start:token_end].lstrip())
        line_end = LINE_BREAK.search(text, begin)
        if (line_end.start() if line_end else len(text)) - begin < MIN_FIRST_LINE_CHARS:
            continue
        start, end = index[first], min(index[first] + window_size, index[last] + 1)
        views.append(Window(start, end, start, end))
    return views


def text_paragraph_views(text: str, offsets: Sequence[tuple[int, int]], window_size: int) -> list[Window]:
    """``plan_paragraph_views`` of one tokenized text, its visible tokens and breaks found here (the detector
    passes those it found already)."""
    visible, (paragraphs, _) = visible_breaks(text, offsets)
    return plan_paragraph_views(text, offsets, visible, paragraphs, window_size)


def merge_views(
    log_probs: np.ndarray, views: Sequence[Window], view_log_probs: Sequence[np.ndarray]
) -> np.ndarray:
    """``log_probs`` (tokens, labels) with the rows of each view replaced by the normalized product of the two
    readings (the views do not overlap)."""
    out = log_probs.copy()
    for view, alone in zip(views, view_log_probs, strict=True):
        both = 0.5 * (log_probs[view.start : view.end] + alone)
        out[view.start : view.end] = both - np.logaddexp.reduce(both, axis=-1, keepdims=True)
    return out
