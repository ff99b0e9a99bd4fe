"""The onnxruntime backend of PiiDetector: the tokenizers-only tokenizer encodes as transformers does, and an
ONNX directory finds the spans its torch model finds, over windows, whole words and scores."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import pare
from pare.data.synth import synthesize
from pare.data.windows import special_frame
from pare.errors import PareError
from pare.modeldir import load_tokenizer
from pare.models import default_model_dir
from pare.onnx.runtime import OnnxTokenClassifier
from pare.onnx.tokenizer import RuntimeTokenizer
from pare.pii import PiiDetector
from pare.pii.detect import words_are_span_boundaries

TEXTS = st.text(
    st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Z", "Cc")), max_size=120
) | st.sampled_from(["", " ", "\n\n", "Anna  Berg\t030-123\u00a0456", "ﬁ東京🙂é"])


@pytest.fixture(scope="module")
def tokenizers_pair():
    return load_tokenizer(default_model_dir()), RuntimeTokenizer.from_dir(default_model_dir())


@given(texts=st.lists(TEXTS, min_size=1, max_size=4))
def test_the_runtime_tokenizer_encodes_as_the_transformers_one(tokenizers_pair, texts):
    hf, runtime = tokenizers_pair
    kwargs = {"add_special_tokens": False, "return_offsets_mapping": True, "verbose": False}
    a, b = hf(texts, **kwargs), runtime(texts, **kwargs)
    for i in range(len(texts)):
        assert b["input_ids"][i] == list(a["input_ids"][i])
        assert b["offset_mapping"][i] == [tuple(o) for o in a["offset_mapping"][i]]
        assert b.word_ids(i) == a.word_ids(i)


def test_the_runtime_tokenizer_has_the_frame_padding_length_and_word_rule(tokenizers_pair):
    hf, runtime = tokenizers_pair
    assert special_frame(runtime) == special_frame(hf) == ([2], [3])
    assert (runtime.pad_token_id, runtime.model_max_length, len(runtime)) == (
        hf.pad_token_id,
        hf.model_max_length,
        len(hf),
    )
    assert words_are_span_boundaries(runtime) is words_are_span_boundaries(hf) is True


def test_an_onnx_directory_loads_as_a_detector_on_onnxruntime(default_onnx):
    detector = PiiDetector.from_dir(default_onnx, "cpu")
    reference = PiiDetector.from_dir(default_model_dir(), "cpu")
    assert isinstance(detector.model, OnnxTokenClassifier) and detector.device == "cpu"
    assert isinstance(detector.tokenizer, RuntimeTokenizer)
    same = ("max_length", "window_size", "halo", "prefix", "suffix", "pad_id", "whole_words", "labels")
    assert {k: getattr(detector, k) for k in same} == {k: getattr(reference, k) for k in same}
    assert detector.max_length == 128  # the training window, from tokenizer_config.json


def test_onnx_spans_equal_torch_spans_on_synthetic_documents(default_onnx):
    docs = synthesize(40, seed=5, split="test")
    texts = [d.text for d in docs] + ["\n\n".join(d.text for d in docs[:12]), ""]  # one text of many windows
    torch_detector = PiiDetector.from_dir(default_model_dir(), "cpu")
    onnx_detector = PiiDetector.from_dir(default_onnx)
    assert len(onnx_detector.tokenizer([texts[-2]], add_special_tokens=False)["input_ids"][0]) > 300
    expected, got = torch_detector.detect(texts), onnx_detector.detect(texts, batch_size=5)
    assert sum(map(len, expected)) > 100
    for want, have in zip(expected, got, strict=True):
        assert [(s.label, s.start, s.end, s.text) for s in have] == [
            (s.label, s.start, s.end, s.text) for s in want
        ]
        np.testing.assert_allclose([s.score for s in have], [s.score for s in want], atol=1e-4)


def test_onnx_token_scores_are_numpy_log_probs(default_onnx):
    a, b = PiiDetector.from_dir(default_onnx).token_scores(["Call Anna", ""])
    assert isinstance(a.log_probs, np.ndarray) and a.log_probs.dtype == np.float32
    np.testing.assert_allclose(np.exp(a.log_probs).sum(-1), 1.0, atol=1e-5)
    assert b.log_probs.shape == (0, 33)


def test_operating_points_come_from_the_exported_calibration(tiny_dirs):
    source, out = tiny_dirs
    assert PiiDetector.from_dir(out).resolve("default") == PiiDetector.from_dir(source, "cpu").resolve(
        "default"
    )


def test_torch_cannot_load_an_onnx_directory(default_onnx):
    with pytest.raises(PareError, match="an ONNX export"):
        pare.load(default_onnx)


def test_a_broken_onnx_directory_is_a_one_line_error(default_onnx, tmp_path):
    broken = tmp_path / "broken"
    broken.mkdir()
    for name in ("config.json", "tokenizer.json", "tokenizer_config.json"):
        (broken / name).write_bytes((default_onnx / name).read_bytes())
    (broken / "model.onnx").write_bytes(b"not a protobuf")
    with pytest.raises(PareError, match="cannot load the ONNX model") as info:
        PiiDetector.from_dir(broken)
    assert "\n" not in str(info.value)
    (broken / "tokenizer.json").unlink()
    with pytest.raises(PareError, match="tokenizer"):
        PiiDetector.from_dir(broken)
