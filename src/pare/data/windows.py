"""Overlapping windows over long token sequences, and stitching their scores back together.

A document of any length is tokenized once, without special tokens. Windows of ``size`` tokens start every
``size - 2 * halo`` tokens, so consecutive windows overlap by ``2 * halo``. Each token takes its scores from
the one window whose *core* holds it: the core is the window minus ``halo`` tokens at each edge (the first
window's core starts at 0, the last one's runs to the end). So every token is scored with at least ``halo``
tokens of context on both sides, or with all the context the document has. Cores tile the document exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pare.errors import PareError

DEFAULT_HALO = 64


@dataclass(frozen=True)
class Window:
    start: int  # first token of the window, in document positions
    end: int  # one past the last token
    core_start: int  # tokens [core_start, core_end) take their scores from this window
    core_end: int


def plan_windows(n_tokens: int, size: int, halo: int = DEFAULT_HALO) -> list[Window]:
    """Windows covering ``n_tokens`` positions; one window when the document fits."""
    if size <= 0:
        raise PareError(f"window size must be positive, got {size}")
    halo = min(halo, (size - 1) // 2)  # leave at least one core token per window
    if n_tokens <= size:
        return [Window(0, n_tokens, 0, n_tokens)]
    step = size - 2 * halo
    windows: list[Window] = []
    start = 0
    while True:
        end = min(start + size, n_tokens)
        start = end - size  # the last window is pulled back so it is full
        core_start = 0 if not windows else windows[-1].core_end
        core_end = n_tokens if end == n_tokens else end - halo
        windows.append(Window(start, end, core_start, core_end))
        if end == n_tokens:
            return windows
        start += step


def stitch(window_scores: Sequence, windows: Sequence[Window]):
    """Concatenate each window's core rows (``window_scores[k]`` is a (window length, labels) numpy array)."""
    import numpy as np

    parts = [
        scores[w.core_start - w.start : w.core_end - w.start]
        for scores, w in zip(window_scores, windows, strict=True)
    ]
    return np.concatenate(parts, axis=0)


def special_frame(tokenizer) -> tuple[list[int], list[int]]:
    """The special-token ids a tokenizer puts before and after content (``[CLS]``/``[SEP]``, ``<s>``, none...)."""
    enc = tokenizer("a", add_special_tokens=True, return_special_tokens_mask=True)
    ids, special = enc["input_ids"], enc["special_tokens_mask"]
    content = [i for i, s in enumerate(special) if not s]
    if not content:
        return list(ids), []
    return list(ids[: content[0]]), list(ids[content[-1] + 1 :])
