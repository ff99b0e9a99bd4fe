"""Span metrics on hand-made cases and properties over random span sets."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pare.data.align import IGNORE_INDEX
from pare.data.jsonl import Span
from pare.errors import PareError
from pare.evaluate.metrics import overlap_span_scores, prf, strict_span_scores, strip_span, token_accuracy

TEXT = "Call Ana Silva at 555-1234 now"
ANA = Span(5, 14, "private_person")
PHONE = Span(18, 26, "private_phone")


def strict(gold, pred, text=TEXT):
    return strict_span_scores([text], [gold], [pred])


def test_exact_match_scores_one():
    s = strict([ANA, PHONE], [PHONE, ANA])
    assert (s.micro.precision, s.micro.recall, s.micro.f1) == (1.0, 1.0, 1.0)
    assert s.per_label["private_person"].support == 1
    assert s.n_gold == s.n_pred == 2


def test_boundary_off_by_one_is_wrong_strict_but_right_overlap():
    pred = [Span(5, 13, "private_person"), PHONE]
    s = strict([ANA, PHONE], pred)
    assert s.micro.precision == 0.5 and s.micro.recall == 0.5
    assert s.per_label["private_person"].f1 == 0.0
    assert s.per_label["private_phone"].f1 == 1.0
    assert overlap_span_scores([TEXT], [[ANA, PHONE]], [pred]).f1 == 1.0


def test_whitespace_around_a_span_is_trimmed_on_both_sides():
    assert strip_span(TEXT, 4, 15) == (5, 14)
    s = strict([Span(4, 14, "private_person")], [Span(5, 15, "private_person")])
    assert s.micro.f1 == 1.0


def test_wrong_label_counts_as_false_positive_and_false_negative():
    s = strict([ANA], [Span(5, 14, "private_address")])
    assert s.micro.f1 == 0.0
    assert s.per_label["private_address"].support == 0
    assert s.per_label["private_address"].precision == 0.0
    assert s.per_label["private_person"].recall == 0.0
    # macro averages over both labels seen (gold or predicted)
    assert s.macro.f1 == 0.0
    assert overlap_span_scores([TEXT], [[ANA]], [[Span(5, 14, "private_address")]]).f1 == 0.0


def test_macro_differs_from_micro():
    gold = [ANA, PHONE, Span(27, 30, "private_phone")]
    pred = [ANA]
    s = strict(gold, pred)
    assert s.micro.recall == pytest.approx(1 / 3)
    assert s.macro.recall == pytest.approx(0.5)  # person 1.0, phone 0.0
    assert s.macro.precision == pytest.approx(0.5)  # person 1.0, phone: nothing predicted -> 0


def test_overlap_matches_each_gold_at_most_once():
    gold = [Span(5, 14, "private_person")]
    pred = [Span(5, 8, "private_person"), Span(9, 14, "private_person")]
    o = overlap_span_scores([TEXT], [gold], [pred])
    assert o.recall == 1.0
    assert o.precision == 0.5


def test_overlap_finds_the_maximum_matching():
    # pred A overlaps gold 1 and 2; pred B overlaps only gold 1: both can be matched
    text = "x" * 40
    gold = [Span(0, 10, "secret"), Span(12, 20, "secret")]
    pred = [Span(8, 14, "secret"), Span(2, 5, "secret")]
    assert overlap_span_scores([text], [gold], [pred]).f1 == 1.0


def test_empty_gold_and_prediction_is_perfect_and_no_prediction_is_zero():
    s = strict([], [])
    assert s.micro.f1 == 1.0 and s.macro.f1 == 1.0 and s.n_gold == 0
    s = strict([ANA], [])
    assert (s.micro.precision, s.micro.recall, s.micro.f1) == (0.0, 0.0, 0.0)


def test_prf_formula():
    p = prf(tp=2, n_pred=4, n_gold=2)
    assert (p.precision, p.recall) == (0.5, 1.0)
    assert p.f1 == pytest.approx(2 / 3)


def test_token_accuracy_skips_ignored_tokens():
    assert token_accuracy([[0, 1, 2, 3]], [[0, 1, IGNORE_INDEX, 4]]) == pytest.approx(2 / 3)
    assert token_accuracy([], []) == 1.0
    with pytest.raises(PareError, match="document 0"):
        token_accuracy([[0, 1]], [[0]])


def test_mismatched_list_lengths_are_an_error():
    with pytest.raises(PareError, match="per text"):
        strict_span_scores([TEXT], [[ANA]], [])


LABELS = ["private_person", "private_email", "secret"]


@st.composite
def documents(draw):
    """A text and a set of non-overlapping, non-whitespace-edged spans in it."""
    n_words = draw(st.integers(0, 12))
    words = [draw(st.text(alphabet="abc", min_size=1, max_size=4)) for _ in range(n_words)]
    text = " ".join(words)
    starts, pos = [], 0
    for w in words:
        starts.append(pos)
        pos += len(w) + 1
    spans, k = [], 0
    while k < n_words:
        length = draw(st.integers(1, 3))
        if draw(st.booleans()):
            last = min(k + length, n_words) - 1
            spans.append(Span(starts[k], starts[last] + len(words[last]), draw(st.sampled_from(LABELS))))
        k += length
    return text, spans


@settings(max_examples=60, deadline=None)
@given(st.lists(documents(), max_size=4))
def test_perfect_prediction_scores_one(docs):
    texts, gold = [t for t, _ in docs], [s for _, s in docs]
    s = strict_span_scores(texts, gold, gold)
    assert s.micro.f1 == s.macro.f1 == 1.0
    assert all(v.f1 == 1.0 for v in s.per_label.values())
    assert overlap_span_scores(texts, gold, gold).f1 == 1.0


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(documents(), documents()), max_size=4))
def test_scores_are_probabilities_and_overlap_is_at_least_strict(pairs):
    # the two documents share nothing but their spans are scored against the first text
    texts = [a[0] for a, _ in pairs]
    gold = [a[1] for a, _ in pairs]
    pred = [[s for s in b[1] if s.end <= len(a[0])] for a, b in pairs]
    s = strict_span_scores(texts, gold, pred)
    o = overlap_span_scores(texts, gold, pred)
    for m in (s.micro, s.macro, o, *s.per_label.values()):
        assert 0.0 <= m.precision <= 1.0 and 0.0 <= m.recall <= 1.0 and 0.0 <= m.f1 <= 1.0
    assert o.precision >= s.micro.precision and o.recall >= s.micro.recall
    assert s.n_gold == sum(len(g) for g in gold)
