"""Overlapping windows: the plan's invariants, stitching, and the tokenizer's special-token frame."""

from __future__ import annotations

import itertools

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from pare.data.windows import plan_windows, special_frame, stitch
from pare.labels import Taxonomy

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
@given(st.integers(1, 400), st.integers(3, 64), st.integers(0, 20))
def test_stitch_takes_each_row_from_its_core_window(n, size, halo):
    windows = plan_windows(n, size, halo)
    # window k scores token t with the value 1000 * k + t
    scores = [np.array([[1000.0 * k + t] for t in range(w.start, w.end)]) for k, w in enumerate(windows)]
    stitched = stitch(scores, windows)
    assert stitched.shape == (n, 1)
    owner = {t: k for k, w in enumerate(windows) for t in range(w.core_start, w.core_end)}
    assert stitched[:, 0].tolist() == [1000.0 * owner[t] + t for t in range(n)]


def test_special_frame(minilm_tokenizer):
    cls, sep = minilm_tokenizer.cls_token_id, minilm_tokenizer.sep_token_id
    assert special_frame(minilm_tokenizer) == ([cls], [sep])
