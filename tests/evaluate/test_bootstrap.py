import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pare.data.jsonl import Span
from pare.evaluate import strict_span_scores
from pare.evaluate.bootstrap import document_counts, group_counts, paired_f1_difference

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


def test_resampling_templates_widens_the_interval_when_templates_differ():
    # b gains on documents of a few templates only: per document the gain looks steady, per template it is luck
    rng = np.random.default_rng(1)
    groups = np.repeat(np.arange(20), 30)
    gold = rng.integers(2, 6, size=len(groups))
    a = np.stack([gold - 1, gold, gold], 1)
    b = a.copy()
    lucky = groups < 3
    b[lucky, 0] = gold[lucky]
    by_doc = paired_f1_difference(a, b, resamples=1000)
    by_template = paired_f1_difference(a, b, resamples=1000, groups=list(groups))
    assert by_doc.delta == pytest.approx(by_template.delta)
    assert by_template.high - by_template.low > 2 * (by_doc.high - by_doc.low)


def test_group_counts_sum_each_group():
    counts = np.array([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
    assert group_counts(counts, ["x", "y", "x"]).tolist() == [[8, 10, 12], [4, 5, 6]]
    with pytest.raises(ValueError, match="group names"):
        group_counts(counts, ["x"])
