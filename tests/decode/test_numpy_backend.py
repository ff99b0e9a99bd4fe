"""The decoder is numpy-native: it imports neither torch nor transformers, still takes torch tensors, and a
batch of rows with different lengths, word constraints and breaks decodes exactly as each row alone.

The batched loop picks the matrix of each step per row (plain, inside a word, after a paragraph or a line
break, padding); these
tests mix those kinds across the rows of a batch, which the per-row brute-force checks never do.
"""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from pare.decode import decode_spans, score_spans, token_marginals, viterbi_decode
from pare.labels import SINGLE_LINE_CATEGORIES, Taxonomy, TokenSpan, tags_to_spans, validate_tags

SCHEMES = {"BIOES": Taxonomy(), "BIO": Taxonomy(Taxonomy().categories, "BIO")}

WITHOUT_TORCH = """
import sys
sys.modules["torch"] = None  # any attempt to import torch now raises ImportError
sys.modules["transformers"] = None
import pkgutil, importlib
import numpy as np
import pare.decode
for info in pkgutil.iter_modules(pare.decode.__path__):
    importlib.import_module(f"pare.decode.{info.name}")
from pare.decode import decode_spans, token_marginals
from pare.labels import Taxonomy


class FakeTensor:  # what the decoder may use of a torch tensor
    def __init__(self, array):
        self.array = array
    def detach(self):
        return self
    def cpu(self):
        return self
    def is_floating_point(self):
        return self.array.dtype.kind == "f"
    def double(self):
        return FakeTensor(self.array.astype(np.float64))
    def numpy(self):
        return self.array


scores = np.log(np.full((1, 3, 5), 0.2, dtype=np.float32))
scores[0, :2, 4] = 0.0  # S-a twice
taxonomy = Taxonomy(("a",), "BIOES")
mask = FakeTensor(np.array([[True, True, False]]))
spans = decode_spans(FakeTensor(scores), taxonomy, mask, word_ids=[[0, 1, 2]], breaks=[[0, 1, 0]])
assert [(s.start, s.end, s.label) for s in spans[0]] == [(0, 1, "a"), (1, 2, "a")], spans
assert token_marginals(FakeTensor(scores), taxonomy, mask).shape == (1, 3, 5)
print("ok")
"""


def test_decoding_works_without_torch_or_transformers():
    """Every module of pare.decode imports, and decodes tensor-like inputs, with torch made unimportable."""
    done = subprocess.run([sys.executable, "-c", WITHOUT_TORCH], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def mixed_batch(seed: int, scheme: str, batch: int, tokens: int):
    """Rows of random lengths, each with or without word ids, paragraph and line breaks, some with impossible
    tokens."""
    taxonomy = SCHEMES[scheme]
    rng = np.random.default_rng(seed)
    logits = rng.normal(0, 3, size=(batch, tokens, len(taxonomy.labels)))
    scores = logits - np.log(np.exp(logits).sum(axis=-1, keepdims=True))
    scores[rng.random(scores.shape) < 0.05] = -np.inf  # some labels impossible at some tokens
    lengths = rng.integers(0, tokens + 1, size=batch)
    lengths[0] = tokens
    mask = np.arange(tokens)[None, :] < lengths[:, None]
    # one row's words are all distinct (no constraint), another's are one word each token pair, etc.
    words = [[int(w) for w in np.cumsum(rng.random(tokens) < rng.uniform(0.2, 1.0))] for _ in range(batch)]
    breaks = rng.random((batch, tokens)) < rng.uniform(0.0, 0.4, size=(batch, 1))
    lines = rng.random((batch, tokens)) < rng.uniform(0.0, 0.5, size=(batch, 1))
    biases = {"background_stay": float(rng.uniform(-2, 2)), "end_to_start": float(rng.uniform(-2, 2))}
    return taxonomy, scores, mask, lengths, words, breaks, lines, biases


def keeps_constraints(tags: list[str], words: list[int], breaks, lines) -> bool:
    """No span continues across a paragraph break, no single-line one across a line break; none starts or
    ends inside a word except right after a break of either kind."""
    cut = [t > 0 and bool(breaks[t]) for t in range(len(tags))]
    line = [t > 0 and bool(lines[t]) for t in range(len(tags))]
    inside = [t > 0 and not (cut[t] or line[t]) and words[t] == words[t - 1] for t in range(len(tags))]
    return not any(
        any(cut[s.start + 1 : s.end])
        or (s.label in SINGLE_LINE_CATEGORIES and any(line[s.start + 1 : s.end]))
        or inside[s.start]
        or (s.end < len(tags) and inside[s.end])
        for s in tags_to_spans(tags)
    )


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**32 - 1), st.sampled_from(sorted(SCHEMES)), st.integers(2, 6), st.integers(1, 30))
def test_a_mixed_batch_decodes_as_each_row_alone(seed, scheme, batch, tokens):
    taxonomy, scores, mask, lengths, words, breaks, lines, biases = mixed_batch(seed, scheme, batch, tokens)
    paths = viterbi_decode(scores, taxonomy, mask, biases, words, breaks, lines)
    marg = token_marginals(scores, taxonomy, mask, biases, words, breaks, lines)
    spans = decode_spans(scores, taxonomy, mask, biases, word_ids=words, breaks=breaks, lines=lines)
    for b in range(batch):
        k = int(lengths[b])
        one = (scores[b : b + 1, :k], taxonomy, None, biases, [words[b][:k]], [breaks[b, :k]], [lines[b, :k]])
        assert paths[b] == viterbi_decode(*one)[0]
        np.testing.assert_allclose(marg[b, :k], token_marginals(*one)[0], atol=1e-12, rtol=0)
        assert np.all(marg[b, k:] == 0)
        alone = score_spans(*one[:2], [spans[b]], *one[2:])[0]
        assert [s.score for s in spans[b]] == pytest.approx([s.score for s in alone], abs=1e-12)
        tags = [taxonomy.labels[i] for i in paths[b]]
        if k and marg[b, 0].sum() > 0.5:  # the row has a path of positive probability: the best is valid
            validate_tags(tags, scheme)
            assert keeps_constraints(tags, words[b], breaks[b], lines[b])


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64, torch.bfloat16])
def test_torch_tensors_decode_as_their_values_in_float64(dtype):
    _, scores, mask, _, words, breaks, _, biases = mixed_batch(7, "BIOES", 3, 12)
    scores = np.where(np.isfinite(scores), scores, -30.0)  # bfloat16 keeps -inf, but keep it simple
    tensor = torch.from_numpy(scores).to(dtype)
    values = tensor.double().numpy()
    taxonomy = SCHEMES["BIOES"]
    for m in (torch.from_numpy(mask), torch.from_numpy(mask).long()):
        assert viterbi_decode(tensor, taxonomy, m, biases, words, breaks) == viterbi_decode(
            values, taxonomy, mask, biases, words, breaks
        )
        assert np.array_equal(token_marginals(tensor, taxonomy, m), token_marginals(values, taxonomy, mask))
        assert decode_spans(tensor, taxonomy, m, biases, word_ids=words) == decode_spans(
            values, taxonomy, mask, biases, word_ids=words
        )


def test_a_shorter_row_keeps_its_own_path_and_scores():
    """Rows ending at different tokens, the longest one last: each row's path and span scores are its own."""
    taxonomy = Taxonomy(("a",), "BIOES")  # O B-a I-a E-a S-a
    span = np.log([[0.05, 0.8, 0.05, 0.05, 0.05], [0.05, 0.05, 0.05, 0.8, 0.05]])
    background = np.log(np.full((4, 5), 0.05))
    background[:, 0] = np.log(0.8)
    scores = np.stack([np.vstack([span, background[:2]]), np.vstack([background[:2], span])])
    mask = np.array([[True, True, False, False], [True] * 4])
    spans = decode_spans(scores, taxonomy, mask)
    assert [(s.start, s.end) for s in spans[0]] == [(0, 2)]
    assert [(s.start, s.end) for s in spans[1]] == [(2, 4)]
    alone = score_spans(scores[:1, :2], taxonomy, [[TokenSpan(0, 2, "a")]])[0][0]
    assert spans[0][0].score == pytest.approx(alone.score, abs=1e-12) and alone.score > 0.5
