import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pare.data.jsonl import Span
from pare.evaluate import strict_span_scores
from pare.evaluate.bootstrap import document_counts, paired_f1_difference

TEXT = "Ana Lima lives in Porto and mails ana@x.pt"
CANDIDATES = [
    Span(0, 8, "private_person"),
    Span(0, 3, "private_person"),
    Span(18, 23, "private_address"),
    Span(34, 42, "private_email"),
    Span(33, 42, "private_email"),
    Span(4, 8, "private_person"),
]


@settings(max_examples=50, deadline=None)
@given(
    st.lists(st.tuples(st.sets(st.sampled_from(range(6))), st.sets(st.sampled_from(range(6)))), max_size=6)
)
def test_document_counts_add_up_to_strict_micro_scores(docs):
    texts = [TEXT] * len(docs)
    gold = [[CANDIDATES[i] for i in sorted(g)] for g, _ in docs]
    pred = [[CANDIDATES[i] for i in sorted(p)] for _, p in docs]
    counts = document_counts(texts, gold, pred)
    scores = strict_span_scores(texts, gold, pred)
    tp, n_gold, n_pred = counts.sum(0)
    assert (n_gold, n_pred) == (scores.n_gold, scores.n_pred)
    if n_gold + n_pred:
        assert 2 * tp / (n_gold + n_pred) == pytest.approx(scores.micro.f1)


def test_identical_models_differ_by_nothing():
    counts = np.array([[3, 4, 3], [1, 2, 2], [0, 1, 0], [5, 5, 5]])
    diff = paired_f1_difference(counts, counts.copy())
    assert (diff.delta, diff.low, diff.high) == (0.0, 0.0, 0.0)


def test_a_model_better_on_every_document_has_an_interval_above_zero():
    rng = np.random.default_rng(0)
    gold = rng.integers(2, 6, size=200)
    a = np.stack([gold - 1, gold, gold], 1)  # one miss per document
    b = np.stack([gold, gold, gold], 1)  # perfect
    diff = paired_f1_difference(a, b, resamples=500)
    assert 0 < diff.low <= diff.delta <= diff.high
    assert diff.level == 0.95
    assert diff.f1_b == 1.0 and diff.delta == pytest.approx(diff.f1_b - diff.f1_a)


def test_counts_of_different_documents_are_refused():
    with pytest.raises(ValueError, match="same"):
        paired_f1_difference(np.zeros((3, 3)), np.zeros((4, 3)))
