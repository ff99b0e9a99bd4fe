"""ONNX exports shared by the tests of this package: each export takes seconds, so each is made once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pare.models import default_model_dir
from pare.onnx.config import OnnxExportConfig
from pare.onnx.export import export_onnx


@pytest.fixture(scope="session")
def tiny_dirs(tiny_bert, tmp_path_factory) -> tuple[Path, Path]:
    """(a tiny random BERT token classifier with a calibration file, its ONNX export)."""
    source = tiny_bert("tiny-onnx-source")
    calibration = {"operating_points": {"default": {"biases": {"background_stay": 0.5}}}}
    (source / "viterbi_calibration.json").write_text(json.dumps(calibration))
    out = tmp_path_factory.mktemp("tiny-onnx") / "onnx"
    export_onnx(source, out)
    return source, out


@pytest.fixture(scope="session")
def default_onnx(tmp_path_factory) -> Path:
    """The shipped (quantized) model exported to ONNX, fp32."""
    out = tmp_path_factory.mktemp("default-onnx") / "onnx"
    export_onnx(default_model_dir(), out)
    return out


@pytest.fixture(scope="session")
def default_int8(tmp_path_factory) -> Path:
    """The shipped model exported to ONNX with int8 MatMul weights."""
    out = tmp_path_factory.mktemp("default-int8") / "onnx"
    export_onnx(default_model_dir(), out, OnnxExportConfig(int8=True))
    return out


@pytest.fixture(scope="session")
def default_int8_embeddings(tmp_path_factory) -> Path:
    """The shipped model exported to ONNX with int8 MatMul weights and int8 embedding tables."""
    out = tmp_path_factory.mktemp("default-int8-embeddings") / "onnx"
    export_onnx(default_model_dir(), out, OnnxExportConfig(int8_embeddings=True))
    return out
