"""Inputs (numpy/torch, masks, batches), argmax decoding, and decode_spans."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from pare.decode import argmax_decode, decode_spans, score_spans, token_marginals, viterbi_decode
from pare.errors import PareError
from pare.labels import Taxonomy, TokenSpan, tags_to_spans, validate_tags

TAXONOMY = Taxonomy()


def random_batch(seed: int, batch: int, tokens: int, labels: int = 33):
    rng = np.random.default_rng(seed)
    scores = torch.log_softmax(torch.from_numpy(rng.normal(0, 3, size=(batch, tokens, labels))), dim=-1)
    lengths = rng.integers(0, tokens + 1, size=batch)
    mask = torch.arange(tokens)[None, :] < torch.from_numpy(lengths)[:, None]
    return scores, mask, lengths


@settings(max_examples=20, deadline=None)
@given(
    st.integers(0, 2**32 - 1), st.integers(1, 4), st.integers(1, 12), st.sampled_from(["viterbi", "argmax"])
)
def test_batch_equals_per_sequence_and_numpy_equals_torch(seed, batch, tokens, method):
    scores, mask, lengths = random_batch(seed, batch, tokens)
    biases = {"background_stay": 0.3, "end_to_start": -0.5}
    batched = decode_spans(scores, TAXONOMY, mask, biases, method)
    as_numpy = decode_spans(scores.numpy(), TAXONOMY.labels, mask.numpy().astype(int), biases, method)
    float32 = decode_spans(scores.float(), TAXONOMY, mask, biases, method)
    assert batched == as_numpy
    assert [[(s.start, s.end, s.label) for s in row] for row in float32] == [
        [(s.start, s.end, s.label) for s in row] for row in batched
    ]
    for b in range(batch):
        k = int(lengths[b])
        alone = decode_spans(scores[b : b + 1, :k], TAXONOMY, None, biases, method)[0]
        assert [(s.start, s.end, s.label) for s in alone] == [(s.start, s.end, s.label) for s in batched[b]]
        assert [s.score for s in alone] == pytest.approx([s.score for s in batched[b]], abs=1e-12)
        assert all(0.0 <= s.score <= 1.0 and 0 <= s.start < s.end <= k for s in batched[b])


@settings(max_examples=20, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 3), st.integers(1, 10))
def test_viterbi_paths_are_valid_and_spans_follow_them(seed, batch, tokens):
    scores, mask, lengths = random_batch(seed, batch, tokens)
    paths = viterbi_decode(scores, TAXONOMY, mask)
    spans = decode_spans(scores, TAXONOMY, mask)
    for b, path in enumerate(paths):
        assert len(path) == lengths[b]
        tags = [TAXONOMY.labels[i] for i in path]
        validate_tags(tags, "BIOES")
        assert [(s.start, s.end, s.label) for s in spans[b]] == [
            (s.start, s.end, s.label) for s in tags_to_spans(tags)
        ]


def test_rows_without_tokens():
    scores, _, _ = random_batch(0, 3, 5)
    mask = torch.tensor([[1, 1, 0, 0, 0], [0, 0, 0, 0, 0], [1, 1, 1, 1, 1]])
    assert viterbi_decode(scores, TAXONOMY, mask)[1] == []
    assert argmax_decode(scores, mask)[1] == []
    assert decode_spans(scores, TAXONOMY, mask)[1] == []
    marg = token_marginals(scores, TAXONOMY, mask)
    assert isinstance(marg, np.ndarray) and marg.dtype == np.float64
    assert not np.isnan(marg).any()
    assert np.all(marg[1] == 0)
    empty = torch.zeros(2, 0, 33)
    assert viterbi_decode(empty, TAXONOMY) == [[], []]
    assert decode_spans(empty, TAXONOMY, method="argmax") == [[], []]
    assert token_marginals(empty, TAXONOMY).shape == (2, 0, 33)


def test_padding_scores_are_ignored():
    scores, _, _ = random_batch(1, 2, 6)
    mask = torch.tensor([[1, 1, 1, 0, 0, 0], [1] * 6])
    garbage = scores.clone()
    garbage[0, 3:] = float("nan")
    assert viterbi_decode(garbage, TAXONOMY, mask) == viterbi_decode(scores, TAXONOMY, mask)
    assert np.array_equal(token_marginals(garbage, TAXONOMY, mask), token_marginals(scores, TAXONOMY, mask))


def test_argmax_decode_and_its_span_scores():
    labels = Taxonomy(("a",), "BIOES").labels  # O B-a I-a E-a S-a
    probs = np.array([[[0.1, 0.6, 0.1, 0.1, 0.1], [0.2, 0.1, 0.5, 0.1, 0.1], [0.7, 0.1, 0.1, 0.05, 0.05]]])
    scores = np.log(probs)
    assert argmax_decode(scores) == [[1, 2, 0]]
    spans = decode_spans(scores, labels, method="argmax")
    assert spans == [[TokenSpan(0, 2, "a", pytest.approx((0.6 + 0.5) / 2))]]


def test_viterbi_span_score_is_a_probability_of_the_decoded_span():
    labels = Taxonomy(("a",), "BIOES").labels
    confident = np.log(np.array([[[0.01, 0.96, 0.01, 0.01, 0.01], [0.01, 0.01, 0.01, 0.96, 0.01]]]))
    unsure = np.log(np.array([[[0.3, 0.4, 0.1, 0.1, 0.1], [0.3, 0.1, 0.1, 0.4, 0.1]]]))
    (high,) = decode_spans(confident, labels)[0]
    (low,) = decode_spans(unsure, labels)[0]
    assert (high.start, high.end, high.label) == (low.start, low.end, low.label) == (0, 2, "a")
    assert high.score > 0.99
    # valid paths of 2 tokens: B E, O O, O S, S O, S S
    z = 0.4 * 0.4 + 0.3 * 0.3 + 0.3 * 0.1 + 0.1 * 0.3 + 0.1 * 0.1
    assert low.score == pytest.approx(0.4 * 0.4 / z)
    (single,) = score_spans(unsure, labels, [[TokenSpan(0, 1, "a")]])[0]
    assert single.score == pytest.approx((0.1 * 0.3 + 0.1 * 0.1) / z)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda s: viterbi_decode(s[0], TAXONOMY), "shaped \\(batch, tokens, labels\\)"),
        (lambda s: viterbi_decode(s[..., :32], TAXONOMY), "32 labels but the label list has 33"),
        (lambda s: viterbi_decode(s, ["B-x", "O"]), "must start with 'O'"),
        (lambda s: viterbi_decode(s, TAXONOMY, torch.tensor([[1, 0, 1, 0]] * 2)), "mask row 0"),
        (lambda s: viterbi_decode(s, TAXONOMY, torch.ones(2, 3)), "mask must be shaped"),
        (lambda s: decode_spans(s, TAXONOMY, method="beam"), "unknown decoding method"),
        (lambda s: score_spans(s, TAXONOMY, [[TokenSpan(0, 9, "secret")], []]), "outside the 4 real tokens"),
        (
            lambda s: score_spans(s, TAXONOMY, [[TokenSpan(0, 1, "nope")], []]),
            "'nope' is not in the taxonomy",
        ),
        (lambda s: token_marginals(torch.full_like(s, float("nan")), TAXONOMY), "NaN"),
    ],
)
def test_bad_inputs_raise_pare_error(call, message):
    scores, _, _ = random_batch(2, 2, 4)
    with pytest.raises(PareError, match=message):
        call(scores)


def test_impossible_row_gives_zero_probabilities_not_nan():
    scores, _, _ = random_batch(3, 2, 4)
    scores[1, 2] = float("-inf")
    marg = token_marginals(scores, TAXONOMY)
    assert not np.isnan(marg).any()
    assert np.all(marg[1] == 0)
    np.testing.assert_allclose(marg[0].sum(-1), 1.0)
    paths = viterbi_decode(scores, TAXONOMY)
    assert [len(p) for p in paths] == [4, 4]
    spans = decode_spans(scores, TAXONOMY)
    assert all(s.score == 0.0 for s in spans[1])
    assert all(0.0 <= s.score <= 1.0 for s in spans[0])
