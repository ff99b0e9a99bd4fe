"""Hypothesis strategies shared by the operator and restore tests: runs of documents with detected spans."""

from __future__ import annotations

import re

from hypothesis import strategies as st

from pare.pii import DetectedSpan
from pare.pii.operators import OperatorSpec, RedactionPolicy

LABELS = ["private_person", "private_phone", "private_date", "account_number", "secret", "private_email"]
# values and filler words from disjoint alphabets: a filler never equals a value by chance
VALUE = st.lists(st.text(alphabet="abcdefgh", min_size=2, max_size=5), min_size=1, max_size=2).map(" ".join)
FILLER = st.text(alphabet="stuvwxyz", min_size=1, max_size=4)
SEPARATORS = [" ", ", ", "\n", " - ", ". "]
REVERSIBLE = [
    OperatorSpec("replace", indexed=True),
    OperatorSpec("surrogate"),
    OperatorSpec("surrogate", locale="de_DE"),
    OperatorSpec("encrypt"),
    OperatorSpec("keep"),
]
ONE_WAY = [
    OperatorSpec("replace", indexed=False),
    OperatorSpec("replace", new_value="<REDACTED>"),
    OperatorSpec("hash"),
    OperatorSpec("mask"),
    OperatorSpec("redact"),
]


@st.composite
def runs(draw, max_docs: int = 3) -> tuple[list[str], list[list[DetectedSpan]]]:
    """Documents made of values (as detected spans, or mentioned without a span) and filler words.

    A value always has one label; the same value recurs within and across documents.
    """
    pool = draw(
        st.lists(st.tuples(VALUE, st.sampled_from(LABELS)), min_size=1, max_size=5, unique_by=lambda p: p[0])
    )
    texts, spans = [], []
    for _ in range(draw(st.integers(1, max_docs))):
        pieces = draw(
            st.lists(
                st.one_of(
                    st.tuples(st.just("span"), st.sampled_from(pool)),
                    st.tuples(st.just("mention"), st.sampled_from(pool)),
                    st.tuples(st.just("filler"), FILLER),
                ),
                max_size=10,
            )
        )
        text, doc_spans = "", []
        for kind, item in pieces:
            if text:
                text += draw(st.sampled_from(SEPARATORS))
            word = item[0] if kind != "filler" else item
            if kind == "span":
                score = draw(st.floats(0.0, 1.0))
                doc_spans.append(DetectedSpan(item[1], len(text), len(text) + len(word), word, score))
            text += word
        texts.append(text)
        spans.append(doc_spans)
    return texts, spans


@st.composite
def policies(draw, operators: list[OperatorSpec]) -> RedactionPolicy:
    """A policy with an operator per label drawn from ``operators``, and both scopes drawn."""
    return RedactionPolicy(
        default=draw(st.sampled_from(operators)),
        by_label={label: draw(st.sampled_from(operators)) for label in LABELS},
        consistent=draw(st.sampled_from(["doc", "run"])),
        every_occurrence=draw(st.sampled_from(["doc", "run", "off"])),
    )


def whole_word_occurrences(text: str, value: str) -> list[tuple[int, int]]:
    """Where ``value`` occurs in ``text`` not as part of a longer word."""
    return [(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){re.escape(value)}(?!\w)", text)]
