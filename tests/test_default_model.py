"""The model pare ships: ``pare redact`` works right after install, with no --model."""

from __future__ import annotations

import json

from pare.modeldir import check_model_dir
from pare.models import default_model_dir


def test_the_shipped_model_is_a_small_quantized_token_classifier_with_a_card():
    path = default_model_dir()
    found = check_model_dir(path, tokenizer=True, token_classifier=True)
    assert found.quantized
    assert sum(p.stat().st_size for p in path.iterdir()) < 10_000_000
    card = (path / "README.md").read_text()
    assert "development set" in card and "Limits" in card


def test_redact_needs_no_model_argument(run_pare):
    text = "Hi, I'm Maria Gonzalez. Write to maria.gonzalez@example.com or call +34 612 345 678."
    code, out, err = run_pare("redact", "--format", "json", text)
    assert code == 0, err
    record = json.loads(out)
    labels = {s["label"]: s["text"] for s in record["detected_spans"]}
    assert labels.get("private_email") == "maria.gonzalez@example.com"
    assert "maria.gonzalez@example.com" not in record["redacted_text"]


def test_the_readme_quick_start_example_gives_what_it_shows(run_pare):
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    text, shown = re.search(r'```bash\npare redact "([^"]+)"\n# (.+)\n```', readme).groups()
    code, out, err = run_pare("redact", text)
    assert (code, out) == (0, shown + "\n"), err


def test_the_onnx_twin_is_a_small_int8_export_that_finds_the_same_spans():
    from pare.pii import PiiDetector

    path = default_model_dir("onnx")
    assert check_model_dir(path, tokenizer=True, token_classifier=True).onnx
    assert sum(p.stat().st_size for p in path.iterdir()) < 13_000_000
    assert json.loads((path / "onnx_config.json").read_text())["int8_embeddings"] is True
    texts = [
        "Hi, I'm Maria Gonzalez. Write to maria.gonzalez@example.com or call +34 612 345 678.",
        "Bitte rufen Sie Frau Anna Berg unter 030 1234567 an.",
        "Send the contract to 221B Baker Street, London NW1 6XE before 3 March 2025.",
    ]
    onnx_spans = PiiDetector.from_dir(path).detect(texts)
    torch_spans = PiiDetector.from_dir(default_model_dir("torch")).detect(texts)
    for got, want in zip(onnx_spans, torch_spans, strict=True):
        assert [(s.label, s.start, s.end) for s in got] == [(s.label, s.start, s.end) for s in want]


def test_without_torch_the_default_is_the_onnx_twin(monkeypatch):
    import importlib.util

    import pytest

    from pare.errors import PareError

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "torch" else real(name, *a)
    )
    assert default_model_dir() == default_model_dir("onnx") != default_model_dir("torch")
    with pytest.raises(PareError, match="backend 'tf'"):
        default_model_dir("tf")


def test_read_taxonomy_gives_the_model_labels_without_loading_it():
    from pare.modeldir import read_taxonomy
    from pare.pii import PiiDetector

    for backend in ("torch", "onnx"):
        path = default_model_dir(backend)
        assert read_taxonomy(path) == PiiDetector.from_dir(path).taxonomy
