"""Character spans <-> token labels, through a fast tokenizer's offsets.

Offsets are ``(start, end)`` character offsets of each token in the original text (end exclusive); special
tokens have ``(0, 0)``. A token belongs to a span when their character ranges overlap, so sub-word pieces
inside a span continue it. Decoded spans map back to characters from the first token's start to the last
token's end, trimmed of surrounding whitespace; offsets are code-point offsets, so this is exact for any
Unicode text (accents, CJK, emoji).
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence

from pare.data.jsonl import Span
from pare.labels import Taxonomy, TokenSpan, spans_to_tags

IGNORE_INDEX = -100  # label for tokens the loss skips (special tokens, padding)


def char_spans_to_token_spans(offsets: Sequence[tuple[int, int]], spans: Sequence[Span]) -> list[TokenSpan]:
    """Map character spans to token spans ``[start, end)``; a token goes to the first span it overlaps.

    A span whose characters fall on no token of its own (for example inside a token already taken by the
    span before it) has no token representation and is dropped. Zero-width tokens inside a span continue it.
    """
    ordered = sorted(spans)
    ends = [s.end for s in ordered]
    owner = [-1] * len(offsets)
    for i, (a, b) in enumerate(offsets):
        # spans are sorted and disjoint: the first one ending after ``a`` is the only candidate to overlap first
        k = bisect.bisect_right(ends, a)
        if a < b and k < len(ordered) and ordered[k].start < b:
            owner[i] = k
    # a zero-width token covers no character; between two tokens of the same span it continues that span
    wide = [i for i, (a, b) in enumerate(offsets) if a < b]
    for p, q in itertools.pairwise(wide):
        if owner[p] != -1 and owner[p] == owner[q]:
            owner[p + 1 : q] = [owner[p]] * (q - p - 1)
    token_spans: list[TokenSpan] = []
    i = 0
    while i < len(owner):
        if owner[i] == -1:
            i += 1
            continue
        j = i
        while j < len(owner) and owner[j] == owner[i]:
            j += 1
        token_spans.append(TokenSpan(i, j, ordered[owner[i]].label))
        i = j
    return token_spans


def char_spans_to_label_ids(
    offsets: Sequence[tuple[int, int]],
    spans: Sequence[Span],
    taxonomy: Taxonomy,
    special_mask: Sequence[int] | None = None,
) -> list[int]:
    """Token label ids for ``spans`` in ``taxonomy``'s scheme; special tokens get ``IGNORE_INDEX``."""
    tags = spans_to_tags(char_spans_to_token_spans(offsets, spans), len(offsets), taxonomy.scheme)
    label2id = taxonomy.label2id
    ids = [label2id[t] for t in tags]
    if special_mask is not None:
        ids = [IGNORE_INDEX if special else i for i, special in zip(ids, special_mask, strict=True)]
    return ids


def token_spans_to_char_spans(
    text: str, offsets: Sequence[tuple[int, int]], token_spans: Sequence[TokenSpan]
) -> list[tuple[Span, float | None]]:
    """Character spans (whitespace-trimmed) for decoded token spans, with each span's score.

    Spans that cover only whitespace or zero-width tokens are dropped.
    """
    out: list[tuple[Span, float | None]] = []
    for ts in token_spans:
        covered = [offsets[i] for i in range(ts.start, ts.end) if offsets[i][0] < offsets[i][1]]
        if not covered:
            continue
        start, end = covered[0][0], covered[-1][1]
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            out.append((Span(start, end, ts.label), ts.score))
    return out
