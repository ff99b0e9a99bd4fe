"""The vectorized decoder against a straightforward reference: one row at a time, one token at a time, in
log space, with the step matrix of each token picked by hand.

The reference reads only ``Transitions.matrix``/``within``/``close``/``line``/``start``/``end`` (checked
against the scheme rules in ``test_viterbi.py`` and ``test_line_rule.py``). Its Viterbi does the same float
operations in the same order as ``pare.decode.viterbi`` (so ties break alike); its span score is the ratio
of two partition functions: paths that hold exactly the span's labels (and, in BIO, do not continue it) over
all paths.
"""

from __future__ import annotations

from dataclasses import fields

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pare.decode import build_transitions, decode_spans, score_spans, token_marginals
from pare.decode.spans import path_spans
from pare.decode.transitions import OperatingPoint, Transitions
from pare.labels import Taxonomy, TokenSpan, tags_to_spans

BIAS_NAMES = [f.name for f in fields(OperatingPoint)]
TAXONOMIES = [
    Taxonomy(("a",), "BIOES"),
    Taxonomy(("a", "b"), "BIOES"),
    Taxonomy(("a", "b"), "BIO"),
    Taxonomy(),
    Taxonomy(Taxonomy().categories, "BIO"),
    Taxonomy(("private_person", "private_address"), "BIO"),
]


def step_matrices(
    trans: Transitions, words: list, breaks: list, lines: list | None = None
) -> list[np.ndarray]:
    """The log-transition matrix of the step into each real token (index 0 unused): after a paragraph break
    the closing one, after a line break the line one, inside a word (same word id, not ``None``/negative) the
    within one, else the plain one."""
    mats = [trans.matrix]
    for t in range(1, len(words)):
        if breaks[t]:
            mats.append(trans.close)
        elif lines is not None and lines[t]:
            mats.append(trans.line)
        elif words[t] is not None and words[t] >= 0 and words[t] == words[t - 1]:
            mats.append(trans.within)
        else:
            mats.append(trans.matrix)
    return mats


def logsumexp(x: np.ndarray, axis: int) -> np.ndarray:
    top = np.max(x, axis=axis, keepdims=True)
    top = np.where(np.isfinite(top), top, 0.0)
    with np.errstate(divide="ignore"):
        return np.squeeze(np.log(np.exp(x - top).sum(axis=axis, keepdims=True)) + top, axis=axis)


def reference_viterbi(emit: np.ndarray, trans: Transitions, mats: list[np.ndarray]) -> list[int]:
    delta = emit[0] + trans.start
    pointers = []
    for t in range(1, len(emit)):
        cand = delta[None, :] + mats[t].T  # cand[j, i] = delta[i] + trans[i, j]
        arg = cand.argmax(axis=1)
        pointers.append(arg)
        delta = cand[np.arange(len(arg)), arg] + emit[t]
    path = [int((delta + trans.end).argmax())]
    for arg in reversed(pointers):
        path.append(int(arg[path[-1]]))
    return path[::-1]


def log_partition(emit: np.ndarray, trans: Transitions, mats: list[np.ndarray], allowed: np.ndarray) -> float:
    """log of the summed potential of the paths whose label at each token ``t`` is in ``allowed[t]``."""
    with np.errstate(invalid="ignore"):
        alpha = np.where(allowed[0], trans.start + emit[0], -np.inf)
        for t in range(1, len(emit)):
            alpha = logsumexp(alpha[:, None] + mats[t], axis=0) + emit[t]
            alpha = np.where(allowed[t], alpha, -np.inf)
        return float(logsumexp(alpha + trans.end, axis=0))


def reference_marginals(emit: np.ndarray, trans: Transitions, mats: list[np.ndarray]) -> np.ndarray:
    n, n_labels = emit.shape
    every = np.ones((n, n_labels), dtype=bool)
    log_z = log_partition(emit, trans, mats, every)
    out = np.zeros((n, n_labels))
    if not np.isfinite(log_z):
        return out
    for t in range(n):
        for j in range(n_labels):
            allowed = every.copy()
            allowed[t] = np.arange(n_labels) == j
            out[t, j] = np.exp(log_partition(emit, trans, mats, allowed) - log_z)
    return out


def span_labels(taxonomy: Taxonomy, span: TokenSpan) -> list[int]:
    """The label ids of an exact span: B I .. E (S alone) in BIOES, B I .. I in BIO."""
    ids = taxonomy.label2id
    size = span.end - span.start
    if taxonomy.scheme == "BIOES" and size == 1:
        return [ids[f"S-{span.label}"]]
    inner = [ids[f"I-{span.label}"]] * (size - 1)
    if taxonomy.scheme == "BIOES":
        inner[-1] = ids[f"E-{span.label}"]
    return [ids[f"B-{span.label}"], *inner]


def reference_span_score(
    emit: np.ndarray, trans: Transitions, mats: list[np.ndarray], span: TokenSpan
) -> float:
    n, n_labels = emit.shape
    every = np.ones((n, n_labels), dtype=bool)
    log_z = log_partition(emit, trans, mats, every)
    if not np.isfinite(log_z):
        return 0.0
    allowed = every.copy()
    for t, label in enumerate(span_labels(trans.taxonomy, span), start=span.start):
        allowed[t] = np.arange(n_labels) == label
    if trans.taxonomy.scheme == "BIO" and span.end < n:  # the span ends: the next token does not continue it
        allowed[span.end, trans.taxonomy.label2id[f"I-{span.label}"]] = False
    return float(np.exp(log_partition(emit, trans, mats, allowed) - log_z))


def random_batch(seed: int, taxonomy: Taxonomy, batch: int, tokens: int, impossible: float):
    """Log-probabilities with some impossible labels, random lengths, ragged word ids with ``None`` and
    negative entries, paragraph and line breaks and biases."""
    rng = np.random.default_rng(seed)
    logits = rng.normal(0, 3, size=(batch, tokens, len(taxonomy.labels)))
    scores = logits - np.log(np.exp(logits).sum(axis=-1, keepdims=True))
    scores[rng.random(scores.shape) < impossible] = -np.inf
    lengths = rng.integers(0, tokens + 1, size=batch)
    lengths[0] = tokens
    mask = np.arange(tokens)[None, :] < lengths[:, None]
    words = []
    for n in lengths.tolist():
        ids = np.cumsum(rng.random(n) < rng.uniform(0.2, 1.0)).tolist()
        words.append([None if rng.random() < 0.1 else (-1 if rng.random() < 0.05 else w) for w in ids])
    breaks = [(rng.random(n) < rng.uniform(0.0, 0.4)).tolist() for n in lengths.tolist()]
    lines = [(rng.random(n) < rng.uniform(0.0, 0.5)).tolist() for n in lengths.tolist()]
    biases = OperatingPoint(*rng.uniform(-3, 3, size=6)) if rng.random() < 0.7 else None
    return scores, mask, lengths, words, breaks, lines, biases


batches = st.tuples(
    st.integers(0, 2**32 - 1),
    st.sampled_from(TAXONOMIES),
    st.integers(1, 5),
    st.integers(1, 24),
    st.sampled_from([0.0, 0.05, 0.5]),
)


@settings(max_examples=80, deadline=None)
@given(batches, st.booleans(), st.booleans(), st.booleans())
def test_decode_spans_equal_the_reference(params, use_words, use_breaks, use_lines):
    """Same spans (Viterbi path read by ``tags_to_spans``) and the same exact-span probabilities."""
    seed, taxonomy, batch, tokens, impossible = params
    scores, mask, lengths, words, breaks, lines, biases = random_batch(
        seed, taxonomy, batch, tokens, impossible
    )
    words = words if use_words else None
    breaks = breaks if use_breaks else None
    lines = lines if use_lines else None
    got = decode_spans(scores, taxonomy, mask, biases, word_ids=words, breaks=breaks, lines=lines)
    trans = build_transitions(taxonomy, biases)
    for b, n in enumerate(lengths.tolist()):
        row_words = words[b] if words else list(range(n))
        mats = step_matrices(
            trans, row_words, breaks[b] if breaks else [False] * n, lines[b] if lines else None
        )
        path = reference_viterbi(scores[b, :n], trans, mats) if n else []
        spans = tags_to_spans([taxonomy.labels[i] for i in path])
        assert [(s.start, s.end, s.label) for s in got[b]] == [(s.start, s.end, s.label) for s in spans]
        expected = [reference_span_score(scores[b, :n], trans, mats, s) for s in spans]
        assert [s.score for s in got[b]] == pytest.approx(expected, abs=1e-9)


@settings(max_examples=60, deadline=None)
@given(batches, st.integers(0, 2**32 - 1))
def test_span_scores_and_marginals_equal_the_reference(params, pick):
    """Any span (across breaks, inside words, of any category) and every token's marginals."""
    seed, taxonomy, batch, tokens, impossible = params
    tokens = min(tokens, 10)  # the reference marginals run one partition function per token and label
    scores, mask, lengths, words, breaks, lines, biases = random_batch(
        seed, taxonomy, batch, tokens, impossible
    )
    scores, mask = scores[:, :tokens], mask[:, :tokens]
    rng = np.random.default_rng(pick)
    candidates = []
    for n in lengths.tolist():
        starts = rng.integers(0, max(n, 1), size=4 if n else 0)
        ends = [int(rng.integers(s + 1, n + 1)) for s in starts]
        cats = rng.choice(taxonomy.categories, size=len(starts))
        candidates.append([TokenSpan(int(s), e, str(c)) for s, e, c in zip(starts, ends, cats, strict=True)])
    constraints = {"word_ids": words, "breaks": breaks, "lines": lines}
    scored = score_spans(scores, taxonomy, candidates, mask, biases, **constraints)
    marginals = token_marginals(scores, taxonomy, mask, biases, **constraints)
    trans = build_transitions(taxonomy, biases)
    for b, n in enumerate(lengths.tolist()):
        mats = step_matrices(trans, words[b], breaks[b], lines[b])
        expected = [reference_span_score(scores[b, :n], trans, mats, s) for s in candidates[b]]
        assert [s.score for s in scored[b]] == pytest.approx(expected, abs=1e-9)
        if n:
            reference = reference_marginals(scores[b, :n], trans, mats)
            np.testing.assert_allclose(marginals[b, :n], reference, atol=1e-9, rtol=0)
        assert np.all(marginals[b, n:] == 0)


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(TAXONOMIES),
    st.lists(st.lists(st.integers(0, 40), max_size=12), min_size=1, max_size=4),
    st.integers(0, 3),
)
def test_path_spans_read_paths_as_tags_to_spans(taxonomy, rows, pad):
    """Any label ids, valid sequences or not, row by row as ``tags_to_spans`` reads their tags."""
    n_labels = len(taxonomy.labels)
    rows = [[i % n_labels for i in row] for row in rows]
    lengths = np.array([len(r) for r in rows])
    paths = np.full((len(rows), int(lengths.max()) + pad), n_labels - 1)  # padding holds anything
    for b, row in enumerate(rows):
        paths[b, : len(row)] = row
    got = list(zip(*(a.tolist() for a in path_spans(paths, lengths, taxonomy)), strict=True))
    expected = [
        (b, s.start, s.end, taxonomy.categories.index(s.label))
        for b, row in enumerate(rows)
        for s in tags_to_spans([taxonomy.labels[i] for i in row])
    ]
    assert got == expected


def test_transitions_are_built_once_and_read_only():
    taxonomy = Taxonomy()
    trans = build_transitions(taxonomy, {"background_stay": 0.5})
    assert build_transitions(taxonomy.labels, OperatingPoint(background_stay=0.5)) is trans
    assert build_transitions(taxonomy, None) is not trans
    for array in (trans.matrix, trans.close, trans.line, trans.by_kind(), trans.into, trans.scaled.pairs):
        with pytest.raises(ValueError, match="read-only"):
            array[0, 0] = 1.0
    # the stacked pair of a forward and a backward step is made of the per-kind matrices
    scaled = trans.scaled
    assert np.array_equal(scaled.pairs[1, 2, 0], scaled.forward[1])
    assert np.array_equal(scaled.pairs[1, 2, 1], scaled.forward[2].T)
