"""The line rule: across a single line break no span of a single-line category (a name, a phone number, ...)
continues, while addresses and secrets may; in Viterbi, marginals and span scores alike.

A line break before token ``t`` steps into ``t`` by ``Transitions.line``: ``matrix`` without the
continuations of single-line categories. Brute-force checks on tiny inputs are in ``test_viterbi.py`` and a
per-row reference in ``test_reference_decoder.py``; these are properties on longer random inputs over the
full taxonomy.
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
from pare.decode.transitions import BETWEEN, BREAK, LINE, N_KINDS, PAD, WITHIN, step_kinds
from pare.errors import PareError
from pare.labels import SINGLE_LINE_CATEGORIES, Taxonomy, TokenSpan, split_tag

MULTI_LINE = ("private_address", "secret")


def random_input(seed: int, scheme: str, batch: int, tokens: int, peaked: bool):
    """Scores, mask, lengths, line and paragraph breaks, biases and word ids."""
    taxonomy = SCHEMES[scheme]
    rng = np.random.default_rng(seed)
    scores, lengths, mask = random_scores(rng, taxonomy, batch, tokens, peaked)
    lines = rng.random((batch, tokens)) < 0.25
    breaks = rng.random((batch, tokens)) < 0.05
    biases = random_biases(rng)
    # a line break ends a word, as a tokenizer's words do (a word with a line break inside follows the line)
    words = [[int(w) for w in np.cumsum((rng.random(tokens) < 0.6) | row)] for row in lines]
    return taxonomy, scores, mask, lengths, lines, breaks, biases, words


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_the_step_after_a_line_break_drops_only_single_line_continuations(scheme):
    """``Transitions.line`` is ``matrix`` less B/I-x -> I/E-x for x single-line; everything else as is."""
    trans = build_transitions(SCHEMES[scheme], {"inside_to_continue": 0.7, "background_stay": -0.3})
    for i, prev in enumerate(trans.taxonomy.labels):
        for j, cur in enumerate(trans.taxonomy.labels):
            (p, c), (q, d) = split_tag(prev), split_tag(cur)
            continues = p in ("B", "I") and q in ("I", "E") and c == d
            if continues and c in SINGLE_LINE_CATEGORIES:
                assert trans.line[i, j] == -np.inf
            else:
                assert trans.line[i, j] == trans.matrix[i, j]
    # an address or a secret continues across a line break; a person, a phone, an e-mail does not
    ids = trans.taxonomy.label2id
    for category in MULTI_LINE:
        assert np.isfinite(trans.line[ids[f"B-{category}"], ids[f"I-{category}"]])
    for category in SINGLE_LINE_CATEGORIES:
        assert trans.line[ids[f"B-{category}"], ids[f"I-{category}"]] == -np.inf


def test_categories_outside_the_single_line_set_are_unconstrained():
    """A custom taxonomy without any single-line category: the line step is the plain one."""
    for scheme in ("BIOES", "BIO"):
        trans = build_transitions(Taxonomy(("a", "private_address"), scheme), {"inside_to_end": 1.5})
        assert np.array_equal(trans.line, trans.matrix)


def test_the_kinds_stack_holds_the_line_step_and_keeps_padding_the_identity():
    trans = build_transitions(Taxonomy(), {"background_stay": 0.5})
    kinds, closing = trans.by_kind(), trans.by_kind(closing=True)
    assert kinds.shape == closing.shape == (N_KINDS, 33, 33) and N_KINDS == 5
    for kind, matrix in [
        (BETWEEN, trans.matrix),
        (WITHIN, trans.within),
        (BREAK, trans.close),
        (LINE, trans.line),
    ]:
        assert np.array_equal(kinds[kind], matrix)
    assert np.array_equal(
        closing[LINE], trans.close
    )  # a span that ends at a line break: close, as at a break
    identity = np.where(np.eye(33, dtype=bool), 0.0, -np.inf)
    assert np.array_equal(kinds[PAD], identity) and np.array_equal(closing[PAD], identity)
    assert np.array_equal(trans.into[LINE], trans.line.T)
    scaled = trans.scaled
    assert np.array_equal(scaled.forward[PAD], np.eye(33))
    np.testing.assert_allclose(scaled.forward[LINE], np.exp(trans.line - scaled.shift))
    assert np.array_equal(scaled.pairs[LINE, BREAK, 1], scaled.forward[BREAK].T)
    assert np.array_equal(scaled.backward_close[LINE], scaled.backward_close[BREAK])


def test_a_paragraph_break_wins_over_a_line_break_and_either_over_a_word():
    joined = np.array([[False, True, True, True, True, False]])
    lines = np.array([[False, False, True, True, False, True]])
    breaks = np.array([[False, False, False, True, False, False]])
    kinds, shared = step_kinds(np.array([5]), 6, joined, breaks, lines)
    assert kinds.tolist() == [[BETWEEN, WITHIN, LINE, BREAK, WITHIN, PAD]]
    assert shared == kinds[0].tolist()
    assert step_kinds(np.array([5]), 6, joined, breaks)[0].tolist() == [
        [BETWEEN, WITHIN, WITHIN, BREAK, WITHIN, PAD]
    ]


@settings(max_examples=60, deadline=None)
@given(inputs, st.booleans(), st.booleans())
def test_no_single_line_span_continues_across_a_line_break(params, use_biases, whole_words):
    seed, scheme, batch, tokens, peaked = params
    taxonomy, scores, mask, lengths, lines, breaks, biases, words = random_input(
        seed, scheme, batch, tokens, peaked
    )
    options = {
        "biases": biases if use_biases else None,
        "word_ids": words if whole_words else None,
        "breaks": breaks,
        "lines": lines,
    }
    paths = viterbi_decode(scores, taxonomy, mask, **options)
    spans = decode_spans(scores, taxonomy, mask, **options)
    for b, from_path in enumerate(path_spans(paths, spans, taxonomy, lengths)):
        assert not any(crosses(s, breaks[b]) for s in from_path)
        assert not any(crosses(s, lines[b]) for s in from_path if s.label in SINGLE_LINE_CATEGORIES)


@settings(max_examples=40, deadline=None)
@given(inputs, st.booleans())
def test_spans_of_other_categories_may_run_over_lines(params, whole_words):
    """Where only addresses and secrets are possible, line breaks change nothing: spans, their scores and the
    marginals are those without them."""
    seed, scheme, batch, tokens, peaked = params
    taxonomy, scores, mask, _, lines, _, biases, words = random_input(seed, scheme, batch, tokens, peaked)
    categories = [split_tag(label)[1] for label in taxonomy.labels]
    scores = scores.copy()
    scores[..., [c is not None and c not in MULTI_LINE for c in categories]] = -np.inf
    words = words if whole_words else None
    with_lines = decode_spans(scores, taxonomy, mask, biases, word_ids=words, lines=lines)
    without = decode_spans(scores, taxonomy, mask, biases, word_ids=words)
    for got, expected in zip(with_lines, without, strict=True):
        assert [(s.start, s.end, s.label) for s in got] == [(s.start, s.end, s.label) for s in expected]
        assert [s.score for s in got] == pytest.approx([s.score for s in expected], abs=1e-12)
    marg = token_marginals(scores, taxonomy, mask, biases, words, lines=lines)
    np.testing.assert_allclose(
        marg, token_marginals(scores, taxonomy, mask, biases, words), atol=1e-12, rtol=0
    )


def test_an_address_runs_over_a_line_break_where_a_person_is_cut():
    """Scores that want one span over four tokens with a line break in the middle: an address stays whole,
    a person is cut into two at the line break (and scores 0 as one span)."""
    for category in ("private_address", "private_person"):
        taxonomy = Taxonomy((category,), "BIOES")  # O B I E S
        probs = np.array(
            [[0.05, 0.8, 0.05, 0.05, 0.05], *[[0.05, 0.05, 0.8, 0.05, 0.05]] * 2, [0.05] * 3 + [0.8, 0.05]]
        )
        scores = np.log(probs)[None]
        lines = [[False, False, True, False]]
        spans = decode_spans(scores, taxonomy, lines=lines)[0]
        whole = score_spans(scores, taxonomy, [[TokenSpan(0, 4, category)]], lines=lines)[0][0]
        if category == "private_address":
            assert [(s.start, s.end) for s in spans] == [(0, 4)]
            assert whole.score > 0.5
        else:
            assert [(s.start, s.end) for s in spans] == [(0, 2), (2, 4)]
            assert whole.score == 0.0


@settings(max_examples=40, deadline=None)
@given(inputs, st.booleans())
def test_without_lines_the_output_is_unchanged(params, whole_words):
    """The rule off (no ``lines``), all-False lines, and flags only where they are ignored (first token,
    padding, or where a paragraph break is) all decode exactly as without the argument."""
    seed, scheme, batch, tokens, peaked = params
    taxonomy, scores, mask, lengths, _, breaks, biases, words = random_input(
        seed, scheme, batch, tokens, peaked
    )
    words = words if whole_words else None
    ignored = ~mask | breaks
    ignored[:, 0] = True
    paths = viterbi_decode(scores, taxonomy, mask, biases, words, breaks)
    marg = token_marginals(scores, taxonomy, mask, biases, words, breaks)
    spans = decode_spans(scores, taxonomy, mask, biases, word_ids=words, breaks=breaks)
    for lines in (None, np.zeros_like(mask), ignored, [[False] * int(n) for n in lengths]):
        assert viterbi_decode(scores, taxonomy, mask, biases, words, breaks, lines) == paths
        assert np.array_equal(token_marginals(scores, taxonomy, mask, biases, words, breaks, lines), marg)
        assert (
            decode_spans(scores, taxonomy, mask, biases, word_ids=words, breaks=breaks, lines=lines) == spans
        )


@settings(max_examples=40, deadline=None)
@given(inputs, st.booleans())
def test_marginals_give_single_line_continuations_across_a_line_zero_probability(params, use_biases):
    seed, scheme, batch, tokens, peaked = params
    taxonomy, scores, mask, lengths, lines, _, biases, _ = random_input(seed, scheme, batch, tokens, peaked)
    bias = biases if use_biases else None
    cats = ("private_person", "private_address", "private_phone")
    check_marginals_across(
        scores, taxonomy, mask, lengths, bias, lines, "lines", SINGLE_LINE_CATEGORIES, cats
    )


@pytest.mark.parametrize(
    ("lines", "message"),
    [([[False, True]], "lines row 0 has 2 entries for 3 real tokens"), ([], "lines has 0 rows")],
)
def test_lines_must_cover_the_real_tokens(lines, message):
    scores = np.log(np.full((1, 3, 5), 0.2))
    for decode in (viterbi_decode, token_marginals, decode_spans):
        with pytest.raises(PareError, match=message):
            decode(scores, Taxonomy(("private_person",), "BIOES"), lines=lines)
