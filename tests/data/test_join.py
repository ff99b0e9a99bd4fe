"""Joining labelled documents into long ones keeps every span's label and text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pare.data.join import join_documents, join_some, parse_char_range
from pare.data.jsonl import Document, Span
from pare.errors import PareError


@st.composite
def documents(draw) -> Document:
    words = draw(st.lists(st.text("abc xyz", min_size=1, max_size=8), min_size=1, max_size=6))
    text = " ".join(words)
    spans, pos = [], 0
    for word in words:
        if word.strip() == word and draw(st.booleans()):
            spans.append(Span(pos, pos + len(word), "private_person"))
        pos += len(word) + 1
    return Document(text, spans)


@given(
    st.lists(documents(), min_size=1, max_size=30), st.integers(1, 60), st.integers(0, 60), st.integers(0, 9)
)
def test_joined_documents_keep_every_span_and_the_order(docs, low, extra, seed):
    joined = join_documents(docs, low, low + extra, seed=seed)
    assert "\n\n".join(d.text for d in joined) == "\n\n".join(d.text for d in docs)
    expected = [(s.label, d.text[s.start : s.end]) for d in docs for s in d.spans]
    assert [(s.label, d.text[s.start : s.end]) for d in joined for s in d.spans] == expected
    assert all(len(d.text) >= low for d in joined[:-1])


def test_bad_ranges_are_one_line():
    assert parse_char_range("4000-16000") == (4000, 16000)
    assert parse_char_range("8000") == (8000, 8000)
    with pytest.raises(PareError, match="expected CHARS or MIN-MAX"):
        parse_char_range("long")
    with pytest.raises(PareError, match="0 < MIN <= MAX"):
        join_documents([Document("a")], 10, 5)


@given(st.lists(documents(), min_size=0, max_size=40), st.floats(0, 1), st.integers(0, 9))
def test_join_some_keeps_every_span_once(docs, fraction, seed):
    out = join_some(docs, fraction, seed)
    key = sorted((s.label, d.text[s.start : s.end]) for d in docs for s in d.spans)
    assert sorted((s.label, d.text[s.start : s.end]) for d in out for s in d.spans) == key
    assert sum(len(d.text) for d in out) >= sum(len(d.text) for d in docs)
    assert join_some(docs, fraction, seed) == out
    assert join_some(docs, 0.0, seed) == list(docs)
