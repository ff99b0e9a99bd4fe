"""PiiDetector on tiny saved models: loading, errors, spans, operating points, decoding methods."""

from __future__ import annotations

import itertools
import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pare.decode import OperatingPoint, save_operating_points
from pare.errors import PareError
from pare.pii import DetectedSpan, PiiDetector
from pare.pii.breaks import visible_tokens
from pare.pii.detect import decode_groups


def test_detect_spans_are_consistent(tiny_model_dir):
    texts = ["Call Ana Silva at +31 6 1234 5678, tomorrow.", "", "  \n ", "東京 café 😀 naïve"]
    detector = PiiDetector.from_dir(tiny_model_dir, device="cpu")
    results = detector.detect(texts)
    assert len(results) == len(texts)
    assert results[1] == [] and results[2] == []
    for text, spans in zip(texts, results, strict=True):
        for a, b in itertools.pairwise(spans):
            assert a.end <= b.start
        for s in spans:
            assert isinstance(s, DetectedSpan)
            assert s.text == text[s.start : s.end] and s.text == s.text.strip()
            assert s.label in detector.taxonomy.categories
            assert 0.0 <= s.score <= 1.0
    assert detector.detect([]) == []


def test_every_token_a_person(all_person_dir):
    detector = PiiDetector.from_dir(all_person_dir, device="cpu")
    (spans,) = detector.detect(["john  lives\nhere, ok"])
    assert [(s.text, s.label) for s in spans] == [
        ("john", "private_person"),
        ("lives", "private_person"),
        ("here", "private_person"),
        ("ok", "private_person"),  # "," alone was a span too, which the person validator drops
    ]
    assert all(s.score > 0.99 for s in spans)
    (argmax_spans,) = detector.detect(["john lives"], method="argmax")
    assert [s.text for s in argmax_spans] == ["john", "lives"]


def test_token_scores_are_log_probs(tiny_model_dir):
    detector = PiiDetector.from_dir(tiny_model_dir, device="cpu")
    a, b = detector.token_scores(["hello world", ""])
    assert a.log_probs.shape == (len(a.offsets), 33) == (2, 33)
    assert isinstance(a.log_probs, np.ndarray) and a.log_probs.dtype == np.float32
    np.testing.assert_allclose(np.exp(a.log_probs).sum(-1), 1.0, atol=1e-5)
    assert a.offsets == [(0, 5), (6, 11)]
    assert b.log_probs.shape == (0, 33) and b.offsets == []


def test_line_break_markers_feed_the_model_but_never_make_a_span(all_person_dir, minilm_tokenizer, tmp_path):
    from pare.train.line_breaks import mark_line_breaks

    model_dir = tmp_path / "model"
    shutil.copytree(all_person_dir, model_dir)
    mark_line_breaks(minilm_tokenizer).save_pretrained(model_dir)
    detector = PiiDetector.from_dir(model_dir, device="cpu")
    text = "john\n\nlives\r\nhere"
    (scores,) = detector.token_scores([text])
    assert len(detector.tokenizer(text, add_special_tokens=False)["input_ids"]) == 6  # 3 words, 3 markers
    assert scores.offsets == [(0, 4), (6, 11), (13, 17)] and scores.log_probs.shape[0] == 3
    assert scores.breaks == [False, True, False] and scores.lines == [False, False, True]
    assert [s.text for s in detector.detect([text])[0]] == ["john", "lives", "here"]


@pytest.mark.parametrize(
    ("text", "offsets", "kept"),
    [
        ("ab cd", [(0, 2), (3, 5)], None),
        ("ab\ncd", [(0, 2), (2, 3), (3, 5)], [0, 2]),
        ("ab \n\n cd", [(0, 2), (3, 4), (4, 5), (6, 8)], [0, 3]),
        ("ab", [(0, 2), (2, 2)], [0]),
        ("\n", [(0, 1)], []),
    ],
)
def test_visible_tokens_leave_out_whitespace_and_empty_tokens(text, offsets, kept):
    assert visible_tokens(text, offsets) == kept


def test_named_operating_point(all_person_dir, tmp_path):
    model_dir = tmp_path / "model"
    shutil.copytree(all_person_dir, model_dir)
    # no O->B/S and no E/S->B/S: only the first token can open a span
    strict = OperatingPoint(background_to_start=-1000.0, end_to_start=-1000.0)
    save_operating_points(model_dir / "viterbi_calibration.json", {"strict": strict})
    detector = PiiDetector.from_dir(model_dir, device="cpu")
    text = "ana and bob"
    assert [s.text for s in detector.detect([text])[0]] == ["ana", "and", "bob"]
    assert [s.text for s in detector.detect([text], operating_point="strict")[0]] == ["ana"]
    assert [s.text for s in detector.detect([text], operating_point=strict)[0]] == ["ana"]
    with pytest.raises(PareError, match="unknown operating point 'lenient'"):
        detector.detect([text], operating_point="lenient")


def _broken(tmp_path: Path, source: Path, edit) -> Path:
    model_dir = tmp_path / "broken"
    shutil.copytree(source, model_dir)
    edit(model_dir)
    return model_dir


def _set_config(model_dir: Path, **changes) -> None:
    path = model_dir / "config.json"
    config = json.loads(path.read_text())
    config.update(changes)
    path.write_text(json.dumps(config))


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: shutil.rmtree(d), "no such model directory"),
        (lambda d: (d / "config.json").unlink(), "no config.json"),
        (lambda d: (d / "config.json").write_text("{not json"), "config.json:1: not valid JSON"),
        (lambda d: (d / "model.safetensors").unlink(), "no model weights"),
        (lambda d: _set_config(d, architectures=["BertModel"]), "not a token classifier"),
        (
            lambda d: _set_config(
                d, id2label={"0": "LABEL_0", "1": "LABEL_1"}, label2id={"LABEL_0": 0, "LABEL_1": 1}
            ),
            "not a BIO/BIOES taxonomy",
        ),
        (lambda d: (d / "model.safetensors").write_bytes(b"garbage"), "truncated or not a safetensors file"),
        (lambda d: (d / "tokenizer.json").unlink(), "no tokenizer files"),
        (lambda d: _set_config(d, vocab_size=100), "the tokenizer has 30522 tokens but the model only 100"),
    ],
)
def test_bad_model_dirs(tiny_model_dir, tmp_path, edit, message):
    model_dir = _broken(tmp_path, tiny_model_dir, edit)
    with pytest.raises(PareError, match=message) as err:
        PiiDetector.from_dir(model_dir, device="cpu")
    assert str(model_dir) in str(err.value)
    assert "\n" not in str(err.value)


def test_transformers_pipeline_loads_the_tiny_model(tiny_model_dir):
    from transformers import pipeline

    tagger = pipeline("token-classification", model=str(tiny_model_dir), device="cpu")
    entities = tagger("Ana Silva lives in Lisbon")
    assert isinstance(entities, list)
    assert all(e["entity"] in tagger.model.config.label2id for e in entities)


def test_quantized_dir_loads_through_pare_load(tiny_model_dir, tmp_path):
    import pare
    from pare.quant import QuantConfig
    from pare.quant.pipeline import quantize_directory

    model_dir = tmp_path / "quantized"
    quantize_directory(
        tiny_model_dir, None, model_dir, QuantConfig(bits=11, method="rtn", min_bits=8)
    )  # 16-wide rows: ~2.5 bits of scale overhead
    detector = PiiDetector.from_dir(model_dir, device="cpu")
    assert any("Quant" in type(m).__name__ for m in detector.model.modules())
    reference = PiiDetector(pare.load(model_dir, dequantize="all"), detector.tokenizer, detector.taxonomy)
    text = ["Ana Silva, 12 Main St, ana@example.org"]
    assert detector.detect(text) == reference.detect(text)


def test_unknown_method_fails_before_the_model_runs(table_model, minilm_tokenizer):
    from pare.labels import Taxonomy

    model = table_model({})
    detector = PiiDetector(model, minilm_tokenizer, Taxonomy())
    with pytest.raises(PareError, match="unknown decoding method 'beam'"):
        detector.detect(["hello"], method="beam")
    assert model.calls == []
    with pytest.raises(PareError, match="no model directory"):
        detector.detect(["hello"], operating_point="default")
    assert detector.detect(["hello"]) == [[]]


def test_spans_keep_words_whole_with_wordpiece(table_model, minilm_tokenizer):
    """'jobst' is 'jobs' + '##t': the piece-level best path tags 'jobs' alone; whole-word decoding may not."""
    from pare.labels import Taxonomy
    from pare.pii.detect import words_are_span_boundaries

    taxonomy = Taxonomy()
    model = table_model({})
    jobs, t = minilm_tokenizer.convert_tokens_to_ids(["jobs", "##t"])
    model.table[jobs, 0] = 0.0
    model.table[jobs, taxonomy.label2id["B-private_person"]] = 5.0
    model.table[jobs, taxonomy.label2id["S-private_person"]] = 6.0
    model.table[t, taxonomy.label2id["E-private_person"]] = 4.5
    text = ["hi jobst ok"]
    assert words_are_span_boundaries(minilm_tokenizer)
    pieces = PiiDetector(model, minilm_tokenizer, taxonomy, whole_words=False)
    assert [s.text for s in pieces.detect(text)[0]] == ["jobs"]
    words = PiiDetector(model, minilm_tokenizer, taxonomy)
    assert words.whole_words
    ((span,),) = words.detect(text)
    assert (span.text, span.label) == ("jobst", "private_person") and 0.0 < span.score <= 1.0


@given(st.lists(st.integers(0, 5000), max_size=60), st.integers(1, 40), st.integers(1, 20_000))
def test_decode_groups_take_every_document_once_within_both_limits(lengths, batch_size, max_tokens):
    groups = decode_groups(lengths, batch_size, max_tokens)
    assert sorted(d for g in groups for d in g) == [d for d, n in enumerate(lengths) if n]
    order = [lengths[d] for g in groups for d in g]
    assert order == sorted(order)  # similar lengths together
    for g in groups:
        assert len(g) <= batch_size
        assert len(g) == 1 or len(g) * max(lengths[d] for d in g) <= max_tokens
