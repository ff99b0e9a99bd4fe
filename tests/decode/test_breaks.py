"""Paragraph breaks: no span continues across one, in Viterbi, marginals and span scores alike.

A break before token ``t`` allows only the transitions that close a span (or stay outside one) before ``t``
and start afresh at ``t``. Brute-force checks on tiny inputs are in ``test_viterbi.py``; these are properties
on longer random inputs over the full taxonomy in both schemes.
"""

from __future__ import annotations

import numpy as np
import pytest
from decode_inputs import (
    SCHEMES,
    check_marginals_across,
    crosses,
    inputs,
    path_spans,
    random_biases,
    random_scores,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from pare.decode import build_transitions, decode_spans, score_spans, token_marginals, viterbi_decode
from pare.errors import PareError
from pare.labels import Taxonomy, TokenSpan, split_tag


def random_input(seed: int, scheme: str, batch: int, tokens: int, peaked: bool):
    """Scores, mask, lengths, breaks, biases and word ids."""
    taxonomy = SCHEMES[scheme]
    rng = np.random.default_rng(seed)
    scores, lengths, mask = random_scores(rng, taxonomy, batch, tokens, peaked)
    breaks = rng.random((batch, tokens)) < 0.2
    biases = random_biases(rng)
    words = [[int(w) for w in np.cumsum(rng.random(tokens) < 0.6)] for _ in range(batch)]
    return taxonomy, scores, mask, lengths, breaks, biases, words


@settings(max_examples=60, deadline=None)
@given(inputs, st.booleans(), st.booleans())
def test_no_decoded_span_continues_across_a_break(params, use_biases, whole_words):
    seed, scheme, batch, tokens, peaked = params
    taxonomy, scores, mask, lengths, breaks, biases, words = random_input(seed, scheme, batch, tokens, peaked)
    options = {"biases": biases if use_biases else None, "word_ids": words if whole_words else None}
    paths = viterbi_decode(scores, taxonomy, mask, breaks=breaks, **options)
    spans = decode_spans(scores, taxonomy, mask, breaks=breaks, **options)
    for b, from_path in enumerate(path_spans(paths, spans, taxonomy, lengths)):
        assert not any(crosses(s, breaks[b]) for s in from_path)


@settings(max_examples=40, deadline=None)
@given(inputs, st.booleans())
def test_without_breaks_the_output_is_unchanged(params, whole_words):
    """No breaks, all-False breaks, and flags only where they are ignored (first token, padding) all decode
    exactly as without the argument."""
    seed, scheme, batch, tokens, peaked = params
    taxonomy, scores, mask, lengths, _, biases, words = random_input(seed, scheme, batch, tokens, peaked)
    words = words if whole_words else None
    ignored = ~mask
    ignored[:, 0] = True
    paths = viterbi_decode(scores, taxonomy, mask, biases, words)
    marg = token_marginals(scores, taxonomy, mask, biases, words)
    spans = decode_spans(scores, taxonomy, mask, biases, word_ids=words)
    for breaks in (None, np.zeros_like(mask), ignored, [[False] * int(n) for n in lengths]):
        assert viterbi_decode(scores, taxonomy, mask, biases, words, breaks) == paths
        assert np.array_equal(token_marginals(scores, taxonomy, mask, biases, words, breaks), marg)
        assert decode_spans(scores, taxonomy, mask, biases, word_ids=words, breaks=breaks) == spans


@settings(max_examples=40, deadline=None)
@given(inputs, st.booleans())
def test_marginals_give_continuations_across_a_break_zero_probability(params, use_biases):
    seed, scheme, batch, tokens, peaked = params
    taxonomy, scores, mask, lengths, breaks, biases, _ = random_input(seed, scheme, batch, tokens, peaked)
    bias = biases if use_biases else None
    cats = taxonomy.categories[:2]
    check_marginals_across(scores, taxonomy, mask, lengths, bias, breaks, "breaks", taxonomy.categories, cats)


@settings(max_examples=40, deadline=None)
@given(inputs, st.integers(1, 39))
def test_a_break_splits_a_sequence_into_independent_ones(params, at):
    """Without biases, every allowed step across a break has the same weight: decoding the two sides alone
    gives the same paths, marginals and span scores (joined documents decode as if apart)."""
    seed, scheme, _, tokens, peaked = params
    taxonomy, scores, _, _, _, _, _ = random_input(seed, scheme, 1, tokens + 1, peaked)
    at = min(at, tokens)
    breaks = np.zeros((1, tokens + 1), dtype=bool)
    breaks[0, at] = True
    left, right = scores[:, :at], scores[:, at:]
    path = viterbi_decode(scores, taxonomy, breaks=breaks)[0]
    assert path == viterbi_decode(left, taxonomy)[0] + viterbi_decode(right, taxonomy)[0]
    marg = token_marginals(scores, taxonomy, breaks=breaks)
    alone = np.concatenate([token_marginals(left, taxonomy), token_marginals(right, taxonomy)], axis=1)
    np.testing.assert_allclose(marg, alone, atol=1e-9, rtol=0)
    spans = decode_spans(scores, taxonomy, breaks=breaks)[0]
    shifted = [
        TokenSpan(s.start + at, s.end + at, s.label, s.score) for s in decode_spans(right, taxonomy)[0]
    ]
    expected = decode_spans(left, taxonomy)[0] + shifted
    assert [(s.start, s.end, s.label) for s in spans] == [(s.start, s.end, s.label) for s in expected]
    assert [s.score for s in spans] == pytest.approx([s.score for s in expected], abs=1e-9)


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_the_step_after_a_break_only_closes_and_starts_spans(scheme):
    """``Transitions.close``, the step into a token after a break: BIOES O/E/S -> O/B/S, BIO any -> O/B."""
    trans = build_transitions(SCHEMES[scheme])
    prefixes = [split_tag(label)[0] for label in trans.taxonomy.labels]
    ends = ("O", "E", "S") if scheme == "BIOES" else ("O", "B", "I")
    for i, p in enumerate(prefixes):
        for j, q in enumerate(prefixes):
            allowed = p in ends and q in ("O", "B", "S")
            assert np.isfinite(trans.close[i, j]) == allowed
            if allowed:
                assert trans.close[i, j] == trans.matrix[i, j]


def test_a_span_is_cut_at_the_break():
    """Scores that want one span over all four tokens give two spans, split where the break is."""
    taxonomy = Taxonomy(("a",), "BIOES")  # O B-a I-a E-a S-a
    probs = np.array(
        [[0.05, 0.8, 0.05, 0.05, 0.05], *[[0.05, 0.05, 0.8, 0.05, 0.05]] * 2, [0.05] * 3 + [0.8, 0.05]]
    )
    scores = np.log(probs)[None]
    ((whole,),) = decode_spans(scores, taxonomy)
    assert (whole.start, whole.end) == (0, 4)
    spans = decode_spans(scores, taxonomy, breaks=[[False, False, True, False]])[0]
    assert [(s.start, s.end) for s in spans] == [(0, 2), (2, 4)]
    assert score_spans(scores, taxonomy, [[TokenSpan(0, 4, "a")]], breaks=[[0, 0, 1, 0]])[0][0].score == 0.0


@pytest.mark.parametrize(
    ("breaks", "message"),
    [([[False, True]], "breaks row 0 has 2 entries for 3 real tokens"), ([], "breaks has 0 rows")],
)
def test_breaks_must_cover_the_real_tokens(breaks, message):
    scores = np.log(np.full((1, 3, 5), 0.2))
    for decode in (viterbi_decode, token_marginals, decode_spans):
        with pytest.raises(PareError, match=message):
            decode(scores, Taxonomy(("a",), "BIOES"), breaks=breaks)
