"""Detection across window boundaries: stitched scores and spans that cross a cut."""

from __future__ import annotations

import pytest
import torch

from pare.data.windows import plan_windows
from pare.labels import Taxonomy
from pare.pii import PiiDetector

TAXONOMY = Taxonomy()


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
            got = torch.from_numpy(doc.log_probs[w.core_start : w.core_end])
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
            assert torch.allclose(
                torch.from_numpy(doc.log_probs[w.core_start : w.core_end]), expected, atol=1e-5
            )


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
