"""``pare export`` from the command line: what it writes loads with plain transformers and holds the weights
pare runs; bad inputs are one line on stderr with exit status 2 and write nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch
from transformers import AutoModelForTokenClassification, AutoTokenizer

from pare.loader import load


@pytest.fixture(scope="module")
def plain_model(tiny_bert) -> Path:
    """A 2-block BERT token classifier (hidden 16) over MiniLM's real tokenizer, random weights."""
    return tiny_bert("plain")


@pytest.fixture(scope="module")
def quantized_model(plain_model, tmp_path_factory) -> Path:
    """``plain_model`` quantized to about 4.5 bits a weight (round to nearest: no calibration data)."""
    from pare.quant import QuantConfig
    from pare.quant.pipeline import quantize_directory

    out = tmp_path_factory.mktemp("quantized") / "q"
    quantize_directory(plain_model, None, out, QuantConfig(method="rtn", bits=4.5))
    return out


def assert_same_weights(model: torch.nn.Module, reference: torch.nn.Module) -> None:
    ours, theirs = model.state_dict(), reference.state_dict()
    assert ours.keys() == theirs.keys()
    for name, tensor in ours.items():
        assert torch.equal(tensor, theirs[name]), name


def assert_one_line_error(result: tuple[int, str, str], message: str) -> None:
    code, stdout, stderr = result
    assert code == 2 and stdout == ""
    assert stderr.startswith("error: ") and stderr.count("\n") == 1 and message in stderr, stderr


def test_export_dequantizes_into_a_directory_plain_transformers_loads(quantized_model, tmp_path, run_pare):
    assert (quantized_model / "quant_config.json").is_file()
    out = tmp_path / "plain"
    code, stdout, stderr = run_pare("export", quantized_model, "-o", out)

    assert code == 0, stderr
    assert stdout == f"wrote {out}\n"
    assert not (out / "quant_config.json").exists() and (out / "model.safetensors").is_file()
    exported = AutoModelForTokenClassification.from_pretrained(out)
    assert_same_weights(exported, load(quantized_model, dequantize="all"))  # the weights pare runs
    text = "Please contact Ana Silva at ana@example.org."
    assert AutoTokenizer.from_pretrained(out)(text) == AutoTokenizer.from_pretrained(quantized_model)(text)
    assert exported.config.id2label == load(quantized_model).config.id2label


def test_export_of_a_plain_model_keeps_its_weights(plain_model, tmp_path, run_pare):
    out = tmp_path / "copy"
    code, stdout, stderr = run_pare("export", plain_model, "-o", out)
    assert code == 0, stderr
    assert stdout == f"wrote {out}\n"
    assert_same_weights(
        AutoModelForTokenClassification.from_pretrained(out),
        AutoModelForTokenClassification.from_pretrained(plain_model),
    )


def test_export_replaces_its_earlier_output_only_with_overwrite(
    quantized_model, tmp_path, run_pare, snapshot
):
    out = tmp_path / "plain"
    assert run_pare("export", quantized_model, "-o", out)[0] == 0
    before = snapshot(out)
    assert_one_line_error(run_pare("export", quantized_model, "-o", out), "pass --overwrite to replace it")
    assert snapshot(out) == before
    code, stdout, stderr = run_pare("export", quantized_model, "-o", out, "--overwrite")
    assert code == 0, stderr
    assert stdout == f"wrote {out}\n" and snapshot(out) == before  # the same model, written again


@pytest.mark.parametrize(
    ("name", "message"),
    [("missing", "no such model directory"), ("empty", "not a model directory (no config.json)")],
)
def test_export_of_something_that_is_not_a_model_is_one_line_and_writes_nothing(
    tmp_path, run_pare, name, message
):
    (tmp_path / "empty").mkdir()
    assert_one_line_error(run_pare("export", tmp_path / name, "-o", tmp_path / "out"), message)
    assert not (tmp_path / "out").exists()


def test_export_without_an_output_is_a_usage_error(plain_model, run_pare):
    code, stdout, stderr = run_pare("export", plain_model)
    assert code == 2 and stdout == ""
    assert "Missing option '-o' / '--output'" in stderr
