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
    size, target = 0, rng.randint(min_chars, max_chars)
    for doc in docs:
        size += len(doc.text) + (len(separator) if group else 0)
        group.append(doc)
        if size >= target:
            joined.append(_concatenate(group, separator))
            group, size, target = [], 0, rng.randint(min_chars, max_chars)
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


SEPARATORS = ("\n\n", "\n", " ")


def join_some(docs: Sequence[Document], fraction: float, seed: int = 0, max_group: int = 6) -> list[Document]:
    """``docs`` with about ``fraction`` of them joined, 2 to ``max_group`` at a time, into longer documents.

    A model trained on short documents sees a document's start after every ``[CLS]`` and its end before every
    ``[SEP]``; in a long text, windows start and end mid-text and hold the ends of other documents. Joined
    training documents show it that. Which documents are joined, in what groups and with which separator
    (blank line, line break or space) is drawn from ``seed``; the rest keep their order.
    """
    if not 0 <= fraction <= 1:
        raise PareError(f"join fraction must be between 0 and 1, got {fraction}")
    rng = random.Random(seed)
    chosen = [i for i in range(len(docs)) if rng.random() < fraction]
    rng.shuffle(chosen)
    joined = set(chosen)
    out = [doc for i, doc in enumerate(docs) if i not in joined]
    while chosen:
        size = rng.randint(2, max_group)
        group, chosen = chosen[:size], chosen[size:]
        out.append(_concatenate([docs[i] for i in group], rng.choice(SEPARATORS)))
    return out
