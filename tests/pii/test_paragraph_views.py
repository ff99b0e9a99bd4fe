"""Paragraphs read a second time alone: which tokens are read again, how the readings combine, and what the
detector gains from it."""

from __future__ import annotations

import itertools
import re

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from pare.labels import Taxonomy
from pare.pii import PiiDetector
from pare.pii.breaks import text_breaks
from pare.pii.paragraph_views import MIN_FIRST_LINE_CHARS, merge_views, text_paragraph_views

TAXONOMY = Taxonomy()
LONG_LINE = "Anna Smith wrote to us about the order."  # longer than MIN_FIRST_LINE_CHARS
assert len(LONG_LINE) >= MIN_FIRST_LINE_CHARS


def word_offsets(text: str, markers: bool = False) -> list[tuple[int, int]]:
    """One token per run of non-space characters; with ``markers``, one per line break too (a ``¶`` token)."""
    pattern = r"\S+|\n" if markers else r"\S+"
    return [m.span() for m in re.finditer(pattern, text)]


def tokens(text: str, offsets, view) -> list[str]:
    return [text[s:e] for s, e in offsets[view.start : view.end]]


def test_each_later_paragraph_with_a_long_first_line_is_read_again():
    text = f"Hello there.\n\n{LONG_LINE}\nSecond line.\n\nHi,\nBob wrote back.\n\n{LONG_LINE}"
    offsets = word_offsets(text)
    views = text_paragraph_views(text, offsets, window_size=100)
    # not the first paragraph (nothing precedes it), not "Hi," (its first line is short)
    assert [tokens(text, offsets, v) for v in views] == [
        [*LONG_LINE.split(), "Second", "line."],
        LONG_LINE.split(),
    ]
    assert all(v.core_start == v.start and v.core_end == v.end for v in views)


def test_a_view_skips_marker_tokens_and_holds_at_most_one_window():
    text = f"Intro.\n\n{LONG_LINE} " + " ".join(["word"] * 40) + "\n\nEnd of it."
    offsets = word_offsets(text, markers=True)
    (view,) = text_paragraph_views(text, offsets, window_size=12)
    assert tokens(text, offsets, view) == [*LONG_LINE.split(), "word", "word", "word", "word"]
    (view,) = text_paragraph_views(text, offsets, window_size=500)
    # ends at the paragraph's last visible token, not a marker
    assert tokens(text, offsets, view)[-1] == "word"


def test_a_token_holding_the_line_breaks_before_it_starts_its_paragraph():
    # byte-level BPE: "\n\nAnna" can be one token; the first line is measured from "Anna"
    text = f"Hi there.\n\n{LONG_LINE}\n\nHi,\nBob"
    offsets = [m.span() for m in re.finditer(r"\s*\S+", text)]
    views = text_paragraph_views(text, offsets, window_size=100)
    assert [tokens(text, offsets, v)[0].strip() for v in views] == ["Anna"]


def test_merge_is_the_normalized_product_of_the_two_readings_and_only_in_views():
    rng = np.random.default_rng(0)
    log_probs = np.log(rng.dirichlet(np.ones(5), size=8)).astype(np.float32)
    alone = np.log(rng.dirichlet(np.ones(5), size=3)).astype(np.float32)
    (view,) = text_paragraph_views("aa\n\n" + "b" * 30 + " c d", [(0, 2), (4, 34), (35, 36), (37, 38)], 3)
    merged = merge_views(log_probs, [view], [alone])
    assert np.array_equal(merged[: view.start], log_probs[: view.start])
    product = np.exp(log_probs[view.start : view.end]) * np.exp(alone)
    expected = np.sqrt(product) / np.sqrt(product).sum(-1, keepdims=True)
    assert np.allclose(np.exp(merged[view.start : view.end]), expected, atol=1e-6)
    assert np.allclose(
        merge_views(log_probs, [view], [log_probs[view.start : view.end]]), log_probs, atol=1e-6
    )


_piece = st.sampled_from(["word", "Anna", LONG_LINE, "x" * 30, "\n", "\n\n", " \n \n", "\r\n\r\n"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_piece, max_size=30), st.integers(1, 20), st.booleans())
def test_views_lie_in_one_paragraph_each_and_never_overlap(pieces, window_size, markers):
    text = " ".join(pieces)
    offsets = word_offsets(text, markers=markers)
    views = text_paragraph_views(text, offsets, window_size)
    visible = [t for t, (s, e) in enumerate(offsets) if not text[s:e].isspace()]
    paragraphs, _ = text_breaks(text, [offsets[t] for t in visible])
    starts = {visible[t] for t, p in enumerate(paragraphs) if p}
    for a, b in itertools.pairwise(views):
        assert a.end <= b.start
    for v in views:
        assert v.start in starts and 0 < v.end - v.start <= window_size
        inside = [t for t in visible if v.start < t < v.end]
        assert not starts.intersection(inside)  # no blank line inside a view
        # not cut by the window: it ends at the paragraph's last visible token
        if v.end - v.start < window_size:
            assert not text[slice(*offsets[v.end - 1])].isspace()


@pytest.mark.parametrize("views", [False, True])
def test_detector_combines_its_readings_row_by_row(table_model, minilm_tokenizer, views):
    model = table_model({}, slope=0.37)  # logits depend on the position in the window
    detector = PiiDetector(model, minilm_tokenizer, TAXONOMY, max_length=64, paragraph_views=views)
    text = f"Some words first here.\n\n{LONG_LINE}\n\nok"
    (doc,) = detector.token_scores([text])
    plain = PiiDetector(model, minilm_tokenizer, TAXONOMY, max_length=64, paragraph_views=False)
    (base,) = plain.token_scores([text])
    (view,) = text_paragraph_views(text, doc.offsets, detector.window_size)
    if not views:
        assert np.array_equal(doc.log_probs, base.log_probs)
        return
    ids = torch.tensor([detector.prefix + doc.input_ids[view.start : view.end] + detector.suffix])
    alone = torch.log_softmax(model(ids, torch.ones_like(ids)).logits[0, 1:-1], -1).numpy()
    assert np.allclose(doc.log_probs, merge_views(base.log_probs, [view], [alone]), atol=1e-5)
    assert not np.allclose(doc.log_probs[view.start : view.end], base.log_probs[view.start : view.end])
    assert np.array_equal(doc.log_probs[: view.start], base.log_probs[: view.start])


def test_a_name_deep_in_a_long_text_is_found_at_its_paragraph_start(table_model, minilm_tokenizer):
    # "O" gains with the position in the window: the model finds a name only near a window's start, as a
    # model trained on short documents finds a chat speaker only at a document's start
    model = table_model({"anna": "B-private_person", "smith": "E-private_person"}, slope=0.2)
    text = " ".join(["words"] * 30) + ".\n\n" + LONG_LINE
    found = {}
    for views in (False, True):
        detector = PiiDetector(model, minilm_tokenizer, TAXONOMY, max_length=64, paragraph_views=views)
        found[views] = [s.text for s in detector.detect([text])[0]]
    assert found == {False: [], True: ["Anna Smith"]}
