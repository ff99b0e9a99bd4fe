"""Long documents from short ones: labelled documents joined end to end, their spans shifted along.

A detector cuts long texts into windows; scoring the same labelled documents one by one and joined into texts
of thousands of tokens shows what the cutting costs (``pare eval --join``).
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from pare.data.jsonl import Document, Span
from pare.errors import PareError


def join_documents(
    docs: Sequence[Document], min_chars: int, max_chars: int, seed: int = 0, separator: str = "\n\n"
) -> list[Document]:
    """Join consecutive ``docs`` (in order) into documents of ``min_chars`` to ``max_chars`` characters.

    Each joined document draws its target length uniformly from that range (seeded) and takes documents until
    it reaches it; the last one may be shorter. Every span keeps its label and text.
    """
    if not 0 < min_chars <= max_chars:
        raise PareError(f"join length: expected 0 < MIN <= MAX characters, got {min_chars}-{max_chars}")
    rng = random.Random(seed)
    joined: list[Document] = []
    group: list[Document] = []
    target = rng.randint(min_chars, max_chars)
    for doc in docs:
        group.append(doc)
        if sum(len(d.text) for d in group) + len(separator) * (len(group) - 1) >= target:
            joined.append(_concatenate(group, separator))
            group, target = [], rng.randint(min_chars, max_chars)
    if group:
        joined.append(_concatenate(group, separator))
    return joined


def _concatenate(group: Sequence[Document], separator: str) -> Document:
    spans: list[Span] = []
    offset = 0
    for doc in group:
        spans.extend(Span(s.start + offset, s.end + offset, s.label) for s in doc.spans)
        offset += len(doc.text) + len(separator)
    return Document(separator.join(d.text for d in group), spans)


def parse_char_range(text: str) -> tuple[int, int]:
    """``"4000-16000"`` (or ``"8000"``) as a (min, max) character range."""
    low, _, high = text.partition("-")
    try:
        return int(low), int(high or low)
    except ValueError:
        raise PareError(
            f"--join {text!r}: expected CHARS or MIN-MAX characters, for example 4000-16000"
        ) from None
