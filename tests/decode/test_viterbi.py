"""Viterbi, marginals and span scores against brute-force enumeration of every valid label sequence.

The reference writes the scheme rules and bias assignments again from the spec, independently of
``pare.decode.transitions``, and checks each enumerated sequence with ``pare.labels.validate_tags``.
"""

from __future__ import annotations

import itertools
from functools import cache

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pare.decode import OperatingPoint, score_spans, token_marginals, viterbi_decode
from pare.errors import PareError
from pare.labels import SINGLE_LINE_CATEGORIES, Taxonomy, TokenSpan, split_tag, tags_to_spans, validate_tags

BIAS_NAMES = [
    "background_stay",
    "background_to_start",
    "inside_to_continue",
    "inside_to_end",
    "end_to_background",
    "end_to_start",
]


def reference_bias(prev: str, cur: str, scheme: str) -> str | None:
    """Which bias a transition ``prev -> cur`` takes, or None when the scheme forbids it."""
    (p, c), (q, d) = split_tag(prev), split_tag(cur)
    if p == "O":
        return {"O": "background_stay", "B": "background_to_start", "S": "background_to_start"}.get(q)
    if p in ("B", "I"):
        if q in ("I", "E"):
            if c != d:
                return None
            return "inside_to_continue" if q == "I" else "inside_to_end"
        if scheme == "BIOES":
            return None
        return {"O": "end_to_background", "B": "end_to_start"}.get(q)
    return {"O": "end_to_background", "B": "end_to_start", "S": "end_to_start"}.get(q)


@cache
def valid_sequences(categories: tuple[str, ...], scheme: str, n: int) -> np.ndarray:
    """All valid label-id sequences of length n, shape (count, n)."""
    labels = Taxonomy(categories, scheme).labels
    first_ok = [i for i, lab in enumerate(labels) if split_tag(lab)[0] in ("O", "B", "S")]
    last_ok = ("O", "E", "S") if scheme == "BIOES" else ("O", "B", "I")
    seqs = [[i] for i in first_ok]
    for _ in range(n - 1):
        seqs = [
            [*s, j]
            for s in seqs
            for j in range(len(labels))
            if reference_bias(labels[s[-1]], labels[j], scheme)
        ]
    seqs = [s for s in seqs if split_tag(labels[s[-1]])[0] in last_ok]
    for s in seqs:
        validate_tags([labels[i] for i in s], scheme)
    return np.array(seqs, dtype=np.int64).reshape(len(seqs), n)


def sequence_scores(
    emit: np.ndarray, seqs: np.ndarray, labels: list[str], scheme: str, point: dict
) -> np.ndarray:
    """Total log-potential of each sequence: emissions plus the bias of each transition."""
    n = seqs.shape[1]
    total = emit[np.arange(n)[None, :], seqs].sum(axis=1)
    for row, seq in enumerate(seqs):
        total[row] += sum(
            point[reference_bias(labels[a], labels[b], scheme)] for a, b in itertools.pairwise(seq)
        )
    return total


def random_case(draw_seed: int, n_cats: int, scheme: str, n: int, batch: int, categories=("a", "b")):
    rng = np.random.default_rng(draw_seed)
    taxonomy = Taxonomy(tuple(categories[:n_cats]), scheme)
    logits = rng.normal(0.0, 2.0, size=(batch, n, len(taxonomy.labels)))
    scores = logits - np.log(np.exp(logits).sum(axis=-1, keepdims=True))
    lengths = rng.integers(0, n + 1, size=batch)
    lengths[0] = n
    mask = np.arange(n)[None, :] < lengths[:, None]
    point = {name: float(v) for name, v in zip(BIAS_NAMES, rng.uniform(-3, 3, size=6), strict=True)}
    return taxonomy, scores, mask, lengths, point


case = st.tuples(
    st.integers(0, 2**32 - 1),
    st.integers(1, 2),
    st.sampled_from(["BIOES", "BIO"]),
    st.integers(1, 6),
    st.integers(1, 3),
    st.booleans(),
)


def brute_force(taxonomy: Taxonomy, emit: np.ndarray, point: dict, use_biases: bool):
    """Valid sequences of emit's length with their normalized probabilities and scores."""
    seqs = valid_sequences(taxonomy.categories, taxonomy.scheme, emit.shape[0])
    biases = point if use_biases else dict.fromkeys(BIAS_NAMES, 0.0)
    total = sequence_scores(emit, seqs, taxonomy.labels, taxonomy.scheme, biases)
    probs = np.exp(total - total.max())
    return seqs, total, probs / probs.sum()


def every_span(taxonomy: Taxonomy, lengths) -> list[list[TokenSpan]]:
    """Each row's every token span of every category."""
    return [
        [
            TokenSpan(s, e, c)
            for s in range(int(k))
            for e in range(s + 1, int(k) + 1)
            for c in taxonomy.categories
        ]
        for k in lengths
    ]


def exact_span_probabilities(taxonomy: Taxonomy, seqs: np.ndarray, probs: np.ndarray) -> dict:
    """(start, end, category) -> total probability of the sequences that contain exactly that span."""
    contains: dict[tuple[int, int, str], float] = {}
    for seq, p in zip(seqs, probs, strict=True):
        for s in tags_to_spans([taxonomy.labels[i] for i in seq]):
            contains[(s.start, s.end, s.label)] = contains.get((s.start, s.end, s.label), 0.0) + p
    return contains


def label_marginals(seqs: np.ndarray, probs: np.ndarray, n_labels: int) -> np.ndarray:
    """P(y_t = j) from enumerated sequences and their probabilities, (tokens, labels)."""
    expected = np.zeros((seqs.shape[1], n_labels))
    for t in range(seqs.shape[1]):
        np.add.at(expected[t], seqs[:, t], probs)
    return expected


@settings(max_examples=80, deadline=None)
@given(case)
def test_viterbi_matches_brute_force(params):
    seed, n_cats, scheme, n, batch, use_biases = params
    taxonomy, scores, mask, lengths, point = random_case(seed, n_cats, scheme, n, batch)
    paths = viterbi_decode(scores, taxonomy.labels, mask, point if use_biases else None)
    assert len(paths) == batch
    for b, path in enumerate(paths):
        k = int(lengths[b])
        assert len(path) == k
        if k == 0:
            continue
        seqs, total, _ = brute_force(taxonomy, scores[b, :k], point, use_biases)
        validate_tags([taxonomy.labels[i] for i in path], scheme)
        biases = point if use_biases else dict.fromkeys(BIAS_NAMES, 0.0)
        got = sequence_scores(scores[b, :k], np.array([path]), taxonomy.labels, scheme, biases)[0]
        assert got == pytest.approx(total.max(), abs=1e-9)
        order = np.sort(total)
        if len(order) == 1 or order[-1] - order[-2] > 1e-9:
            assert path == seqs[total.argmax()].tolist()


@settings(max_examples=80, deadline=None)
@given(case)
def test_marginals_match_brute_force(params):
    seed, n_cats, scheme, n, batch, use_biases = params
    taxonomy, scores, mask, lengths, point = random_case(seed, n_cats, scheme, n, batch)
    marg = token_marginals(scores, taxonomy, mask, point if use_biases else None)
    assert marg.shape == scores.shape
    assert not np.isnan(marg).any()
    for b in range(batch):
        k = int(lengths[b])
        assert np.all(marg[b, k:] == 0)
        if k == 0:
            continue
        np.testing.assert_allclose(marg[b, :k].sum(-1), 1.0, atol=1e-9)
        seqs, _, probs = brute_force(taxonomy, scores[b, :k], point, use_biases)
        np.testing.assert_allclose(marg[b, :k], label_marginals(seqs, probs, len(taxonomy.labels)), atol=1e-9)


@settings(max_examples=60, deadline=None)
@given(case)
def test_span_scores_equal_brute_force_probability_of_the_exact_span(params):
    seed, n_cats, scheme, n, batch, use_biases = params
    taxonomy, scores, mask, lengths, point = random_case(seed, n_cats, scheme, n, batch)
    candidates = every_span(taxonomy, lengths)
    scored = score_spans(scores, taxonomy, candidates, mask, point if use_biases else None)
    for b in range(batch):
        k = int(lengths[b])
        assert [(s.start, s.end, s.label) for s in scored[b]] == [
            (s.start, s.end, s.label) for s in candidates[b]
        ]
        if k == 0:
            continue
        seqs, _, probs = brute_force(taxonomy, scores[b, :k], point, use_biases)
        contains = exact_span_probabilities(taxonomy, seqs, probs)
        for s in scored[b]:
            assert 0.0 <= s.score <= 1.0
            assert s.score == pytest.approx(contains.get((s.start, s.end, s.label), 0.0), abs=1e-9)


@settings(max_examples=60, deadline=None)
@given(case, st.integers(0, 7), st.booleans())
def test_span_scores_of_a_row_do_not_depend_on_the_other_rows(params, keep, whole_words):
    """Rows without spans are left out of the chain; the other rows' scores stay as with every row scored."""
    seed, n_cats, scheme, n, batch, use_biases = params
    taxonomy, scores, mask, lengths, point = random_case(seed, n_cats, scheme, n, batch)
    biases = point if use_biases else None
    words = random_words(seed, batch, n) if whole_words else None
    every = every_span(taxonomy, lengths)
    some = [row if keep >> b & 1 else [] for b, row in enumerate(every)]
    full = score_spans(scores, taxonomy, every, mask, biases, word_ids=words)
    part = score_spans(scores, taxonomy, some, mask, biases, word_ids=words)
    for b in range(batch):
        assert [(s.start, s.end, s.label) for s in part[b]] == [(s.start, s.end, s.label) for s in some[b]]
        if some[b]:
            assert [s.score for s in part[b]] == pytest.approx([s.score for s in full[b]], abs=1e-12)


def test_reference_enumeration_is_complete():
    """The DFS reference finds exactly the sequences validate_tags accepts (small exhaustive check)."""
    for scheme in ("BIOES", "BIO"):
        taxonomy = Taxonomy(("a", "b"), scheme)
        for n in (1, 2, 3):
            every = itertools.product(range(len(taxonomy.labels)), repeat=n)
            accepted = set()
            for seq in every:
                try:
                    validate_tags([taxonomy.labels[i] for i in seq], scheme)
                except Exception:
                    continue
                accepted.add(seq)
            assert accepted == {tuple(s) for s in valid_sequences(taxonomy.categories, scheme, n)}


def test_biases_change_the_decision():
    """A strong background_stay turns a weak entity into O; a strong end_to_start splits spans."""
    taxonomy = Taxonomy(("a",), "BIOES")
    labels = taxonomy.labels  # O B-a I-a E-a S-a
    scores = np.log(np.array([[[0.4, 0.3, 0.1, 0.1, 0.1], [0.4, 0.1, 0.1, 0.3, 0.1]]]))
    assert [labels[i] for i in viterbi_decode(scores, labels)[0]] == ["O", "O"]
    assert [labels[i] for i in viterbi_decode(scores, labels, biases={"background_stay": -2.0})[0]] == [
        "B-a",
        "E-a",
    ]
    point = OperatingPoint(background_stay=-2.0, inside_to_end=-5.0, end_to_start=3.0)
    assert [labels[i] for i in viterbi_decode(scores, labels, biases=point)[0]] == ["S-a", "S-a"]


def random_words(seed: int, batch: int, n: int) -> list[list[int | None]]:
    """Word index per token, as ``BatchEncoding.word_ids()``: pieces join the word before, some are None."""
    rng = np.random.default_rng(seed + 1)
    rows = []
    for _ in range(batch):
        row: list[int | None] = []
        word = -1
        for t in range(n):
            if rng.random() < 0.1:
                row.append(None)
                continue
            if t == 0 or row[-1] is None or rng.random() >= 0.5:
                word += 1
            row.append(word)
        rows.append(row)
    return rows


def keeps_words_whole(tags: list[str], words: list[int | None]) -> bool:
    """No span starts or ends between two tokens of one word (the spec, written independently)."""
    joined = [t > 0 and words[t] is not None and words[t] == words[t - 1] for t in range(len(tags))]
    return not any(joined[s.start] or (s.end < len(tags) and joined[s.end]) for s in tags_to_spans(tags))


def random_breaks(seed: int, batch: int, n: int) -> np.ndarray:
    """Per token: a paragraph break before it; flags on a row's first token and on padding are ignored."""
    return np.random.default_rng(seed + 2).random((batch, n)) < 0.3


def respects_breaks(tags: list[str], words: list[int | None], breaks, lines=None) -> bool:
    """No span continues across a paragraph break, no span of a single-line category across a line break,
    and none starts or ends inside a word except right after a break of either kind (the break wins; a
    paragraph break wins over a line break): the spec, written independently."""
    cut = [t > 0 and bool(breaks[t]) for t in range(len(tags))]
    line = [t > 0 and lines is not None and bool(lines[t]) and not cut[t] for t in range(len(tags))]
    joined = [
        t > 0 and not cut[t] and not line[t] and words[t] is not None and words[t] == words[t - 1]
        for t in range(len(tags))
    ]
    return not any(
        any(cut[s.start + 1 : s.end])
        or (s.label in SINGLE_LINE_CATEGORIES and any(line[s.start + 1 : s.end]))
        or joined[s.start]
        or (s.end < len(tags) and joined[s.end])
        for s in tags_to_spans(tags)
    )


def check_constrained(taxonomy, emit, path, marg, scored, seqs, total, bias_values) -> None:
    """Viterbi's path, the marginals and span scores of one row against the enumerated allowed ``seqs``."""
    tags = [taxonomy.labels[i] for i in path]
    validate_tags(tags, taxonomy.scheme)
    assert any(np.array_equal(path, s) for s in seqs)
    got = sequence_scores(emit, np.array([path]), taxonomy.labels, taxonomy.scheme, bias_values)[0]
    assert got == pytest.approx(total.max(), abs=1e-9)
    probs = np.exp(total - total.max())
    probs /= probs.sum()
    np.testing.assert_allclose(marg, label_marginals(seqs, probs, len(taxonomy.labels)), atol=1e-9)
    contains = exact_span_probabilities(taxonomy, seqs, probs)
    for s in scored:
        assert s.score == pytest.approx(contains.get((s.start, s.end, s.label), 0.0), abs=1e-9)


def check_against_brute_force(
    taxonomy, scores, mask, lengths, point, use_biases, allowed, **constraints
) -> None:
    """Decode with ``constraints`` (word ids, breaks, lines), then check every row against the enumerated
    sequences that ``allowed(tags, row, length)`` admits: the best path, the marginals and the span scores."""
    biases = point if use_biases else None
    paths = viterbi_decode(scores, taxonomy.labels, mask, biases, **constraints)
    marg = token_marginals(scores, taxonomy, mask, biases, **constraints)
    scored = score_spans(scores, taxonomy, every_span(taxonomy, lengths), mask, biases, **constraints)
    bias_values = point if use_biases else dict.fromkeys(BIAS_NAMES, 0.0)
    for b in range(len(lengths)):
        k = int(lengths[b])
        if k == 0:
            continue
        seqs, total, _ = brute_force(taxonomy, scores[b, :k], point, use_biases)
        ok = np.array([allowed([taxonomy.labels[i] for i in s], b, k) for s in seqs])
        seqs, total = seqs[ok], total[ok]  # all-O is always allowed, so some remain
        assert allowed([taxonomy.labels[i] for i in paths[b]], b, k)
        check_constrained(taxonomy, scores[b, :k], paths[b], marg[b, :k], scored[b], seqs, total, bias_values)


@settings(max_examples=80, deadline=None)
@given(case)
def test_whole_word_decoding_matches_brute_force(params):
    """Viterbi, marginals and span scores restricted to paths whose spans keep words whole."""
    seed, n_cats, scheme, n, batch, use_biases = params
    taxonomy, scores, mask, lengths, point = random_case(seed, n_cats, scheme, n, batch)
    words = random_words(seed, batch, n)

    def allowed(tags, b, k):
        return keeps_words_whole(tags, words[b][:k])

    check_against_brute_force(taxonomy, scores, mask, lengths, point, use_biases, allowed, word_ids=words)


@settings(max_examples=80, deadline=None)
@given(case, st.booleans())
def test_paragraph_break_decoding_matches_brute_force(params, whole_words):
    """With breaks (and word ids): the best path, marginals and span scores over the paths without a span
    across a break; a token both after a break and inside a word follows the break."""
    seed, n_cats, scheme, n, batch, use_biases = params
    taxonomy, scores, mask, lengths, point = random_case(seed, n_cats, scheme, n, batch)
    words = random_words(seed, batch, n) if whole_words else None
    breaks = random_breaks(seed, batch, n)

    def allowed(tags, b, k):
        return respects_breaks(tags, words[b][:k] if words else [None] * k, breaks[b])

    check_against_brute_force(
        taxonomy, scores, mask, lengths, point, use_biases, allowed, word_ids=words, breaks=breaks
    )


@settings(max_examples=80, deadline=None)
@given(case, st.booleans(), st.booleans())
def test_line_break_decoding_matches_brute_force(params, whole_words, with_breaks):
    """With line breaks (and word ids, paragraph breaks): the best path, marginals and span scores over the
    paths without a span of a single-line category across a line break; an address may run across one."""
    seed, n_cats, scheme, n, batch, use_biases = params
    categories = ("private_person", "private_address") if seed % 2 else ("private_address", "private_phone")
    taxonomy, scores, mask, lengths, point = random_case(seed, n_cats, scheme, n, batch, categories)
    words = random_words(seed, batch, n) if whole_words else None
    lines = np.random.default_rng(seed + 3).random((batch, n)) < 0.4
    breaks = random_breaks(seed, batch, n) & with_breaks

    def allowed(tags, b, k):
        return respects_breaks(tags, words[b][:k] if words else [None] * k, breaks[b], lines[b])

    check_against_brute_force(
        taxonomy,
        scores,
        mask,
        lengths,
        point,
        use_biases,
        allowed,
        word_ids=words,
        breaks=breaks,
        lines=lines,
    )


def test_word_ids_must_cover_the_real_tokens():
    taxonomy = Taxonomy(("a",), "BIOES")
    scores = np.log(np.full((1, 3, 5), 0.2))
    with pytest.raises(PareError, match="word_ids row 0"):
        viterbi_decode(scores, taxonomy, word_ids=[[0, 0]])
