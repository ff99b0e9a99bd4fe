"""Overlapping windows: the plan's invariants, stitching, and detection across window boundaries."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from pare.labels import Taxonomy
from pare.pii import PiiDetector
from pare.pii.windows import plan_windows, special_frame, stitch

TAXONOMY = Taxonomy()


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 3000), st.integers(1, 300), st.integers(0, 100))
def test_plan_windows_invariants(n, size, halo):
    windows = plan_windows(n, size, halo)
    context = min(halo, (size - 1) // 2)
    assert windows[0].core_start == 0 and windows[-1].core_end == n
    for a, b in itertools.pairwise(windows):
        assert a.core_end == b.core_start  # cores tile the document
        assert a.start < b.start
    for w in windows:
        assert 0 <= w.start <= w.core_start <= w.core_end <= w.end <= n
        assert w.end - w.start == min(size, n)
        assert w.core_start < w.core_end or n == 0
        # every token sees `context` tokens on each side, or the document edge
        assert w.core_start - w.start >= context or w.core_start == w.start == 0
        assert w.end - w.core_end >= context or w.core_end == w.end == n


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 400), st.integers(3, 64), st.integers(0, 20), st.booleans())
def test_stitch_takes_each_row_from_its_core_window(n, size, halo, as_torch):
    windows = plan_windows(n, size, halo)
    # window k scores token t with the value 1000 * k + t
    scores = [np.array([[1000.0 * k + t] for t in range(w.start, w.end)]) for k, w in enumerate(windows)]
    if as_torch:
        scores = [torch.from_numpy(s) for s in scores]
    stitched = np.asarray(stitch(scores, windows))
    assert stitched.shape == (n, 1)
    owner = {t: k for k, w in enumerate(windows) for t in range(w.core_start, w.core_end)}
    assert stitched[:, 0].tolist() == [1000.0 * owner[t] + t for t in range(n)]


def test_special_frame(minilm_tokenizer):
    cls, sep = minilm_tokenizer.cls_token_id, minilm_tokenizer.sep_token_id
    assert special_frame(minilm_tokenizer) == ([cls], [sep])


def _long_text(n_words: int) -> str:
    words = ["the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "café", "東"]
    return " ".join(words[i % len(words)] for i in range(n_words))


def test_stitched_scores_match_each_tokens_window(table_model, minilm_tokenizer):
    # logits depend on the position inside the window, so a token scored by the wrong window would differ
    model = table_model({}, slope=0.37)
    detector = PiiDetector(model, minilm_tokenizer, TAXONOMY, max_length=20, halo=4)
    texts = [_long_text(90), "short one", _long_text(33)]
    docs = detector.token_scores(texts, batch_size=2)
    for doc in docs:
        windows = plan_windows(len(doc.input_ids), detector.window_size, 4)
        for w in windows:
            ids = torch.tensor([detector.prefix + doc.input_ids[w.start : w.end] + detector.suffix])
            expected = torch.log_softmax(model(ids, torch.ones_like(ids)).logits[0], -1)[1:-1]
            got = doc.log_probs[w.core_start : w.core_end]
            assert torch.allclose(got, expected[w.core_start - w.start : w.core_end - w.start])
    assert len(plan_windows(len(docs[0].input_ids), detector.window_size, 4)) > 3


def test_tiny_bert_windows_equal_separate_runs(tiny_model_dir):
    detector = PiiDetector.from_dir(tiny_model_dir, device="cpu", max_length=24, halo=5)
    texts = [_long_text(70), "hi", _long_text(25)]
    docs = detector.token_scores(texts, batch_size=3)
    for doc in docs:
        for w in plan_windows(len(doc.input_ids), detector.window_size, 5):
            ids = torch.tensor([detector.prefix + doc.input_ids[w.start : w.end] + detector.suffix])
            with torch.no_grad():
                logits = detector.model(input_ids=ids, attention_mask=torch.ones_like(ids)).logits[0, 1:-1]
            expected = torch.log_softmax(logits, -1)[w.core_start - w.start : w.core_end - w.start]
            assert torch.allclose(doc.log_probs[w.core_start : w.core_end], expected, atol=1e-5)


@pytest.mark.parametrize("method", ["viterbi", "argmax"])
def test_span_across_a_window_boundary_is_one_span(table_model, minilm_tokenizer, method):
    tags = {"alpha": "B-private_person", "beta": "I-private_person", "gamma": "E-private_person"}
    model = table_model(tags)
    detector = PiiDetector(model, minilm_tokenizer, TAXONOMY, max_length=16, halo=3)
    entity = "alpha " + "beta " * 12 + "gamma"
    text = "the " * 9 + entity + " the" * 30
    (spans,) = detector.detect([text], method=method, batch_size=4)
    assert [(s.label, s.text) for s in spans] == [("private_person", entity)]
    assert spans[0].start == text.index("alpha")
    # the entity's tokens (9 .. 23) are scored by several windows
    windows = plan_windows(len(minilm_tokenizer(text, add_special_tokens=False)["input_ids"]), 14, 3)
    owners = {k for k, w in enumerate(windows) for t in range(9, 24) if w.core_start <= t < w.core_end}
    assert len(owners) >= 2
    assert len(model.calls) >= 2  # several batches of windows
