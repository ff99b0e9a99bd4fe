"""Random decoder inputs and checks shared by the paragraph-break and line-rule property tests."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest
from hypothesis import strategies as st

from pare.decode import score_spans, token_marginals
from pare.labels import Taxonomy, TokenSpan, split_tag, tags_to_spans, validate_tags

SCHEMES = {"BIOES": Taxonomy(), "BIO": Taxonomy(Taxonomy().categories, "BIO")}

# seed, scheme, batch, tokens, peaked
inputs = st.tuples(
    st.integers(0, 2**32 - 1),
    st.sampled_from(sorted(SCHEMES)),
    st.integers(1, 4),
    st.integers(1, 40),
    st.booleans(),
)


def random_scores(rng: np.random.Generator, taxonomy: Taxonomy, batch: int, tokens: int, peaked: bool):
    """Log-probabilities, lengths and mask. ``peaked`` scores favour long spans (B, then I), so that without a
    constraint the best path would often run across a break."""
    logits = rng.normal(0, 3, size=(batch, tokens, len(taxonomy.labels)))
    if peaked:
        prefixes = np.array([split_tag(label)[0] for label in taxonomy.labels])
        logits[:, :, prefixes == "I"] += 4.0
        logits[:, 0, prefixes == "B"] += 8.0
    scores = logits - np.log(np.exp(logits).sum(axis=-1, keepdims=True))
    lengths = rng.integers(0, tokens + 1, size=batch)
    mask = np.arange(tokens)[None, :] < lengths[:, None]
    return scores, lengths, mask


def random_biases(rng: np.random.Generator) -> dict[str, float]:
    names = ["background_stay", "end_to_start", "inside_to_continue"]
    return {name: float(v) for name, v in zip(names, rng.uniform(-2, 2, 3), strict=True)}


def crosses(span: TokenSpan, flags) -> bool:
    """A flag (a break before the token) on one of the span's tokens other than its first."""
    return bool(np.any(flags[span.start + 1 : span.end]))


def path_spans(paths, spans, taxonomy: Taxonomy, lengths) -> list[list[TokenSpan]]:
    """The spans of each row's Viterbi path, after checking that the path is a valid tag sequence of the row's
    length and that ``decode_spans`` gave the same spans, each scored in (0, 1]."""
    out = []
    for b, path in enumerate(paths):
        assert len(path) == lengths[b]
        tags = [taxonomy.labels[i] for i in path]
        validate_tags(tags, taxonomy.scheme)
        from_path = tags_to_spans(tags)
        assert [(s.start, s.end, s.label) for s in spans[b]] == [(s.start, s.end, s.label) for s in from_path]
        assert all(0.0 < s.score <= 1.0 for s in spans[b])
        out.append(from_path)
    return out


def check_marginals_across(
    scores,
    taxonomy: Taxonomy,
    mask,
    lengths,
    bias,
    flags,
    kind: str,
    blocked: Sequence[str],
    cats: Sequence[str],
) -> None:
    """With ``flags`` passed as ``kind`` (``breaks`` or ``lines``): no label that continues a span of a
    ``blocked`` category has probability at a flagged token, none that must be continued has it just before
    one, and every span of up to 4 tokens of ``cats`` that crosses a flag scores 0 when its category is
    blocked (a one-token span scores its S label's marginal)."""
    marg = token_marginals(scores, taxonomy, mask, bias, **{kind: flags})
    parsed = [split_tag(label) for label in taxonomy.labels]
    is_blocked = np.array([c in blocked for _, c in parsed])
    inside = np.array([p in ("I", "E") for p, _ in parsed]) & is_blocked
    must_continue = np.array([p in ("B", "I") and taxonomy.scheme == "BIOES" for p, _ in parsed]) & is_blocked
    every = [
        [TokenSpan(s, e, c) for s in range(n) for e in range(s + 1, min(n, s + 4) + 1) for c in cats]
        for n in lengths.tolist()
    ]
    scored = score_spans(scores, taxonomy, every, mask, bias, **{kind: flags})
    for b in range(len(lengths)):
        k = int(lengths[b])
        np.testing.assert_allclose(marg[b, :k].sum(-1), 1.0, atol=1e-9)
        cut = np.flatnonzero(flags[b, 1:k]) + 1
        assert np.all(marg[b, cut][:, inside] == 0)
        assert np.all(marg[b, cut - 1][:, must_continue] == 0)
        for s in scored[b]:
            assert 0.0 <= s.score <= 1.0
            if s.label in blocked and crosses(s, flags[b]):
                assert s.score == 0.0
            elif taxonomy.scheme == "BIOES" and s.end == s.start + 1:  # a one-token span is its S label
                assert s.score == pytest.approx(marg[b, s.start, taxonomy.label2id[f"S-{s.label}"]], abs=1e-9)
