"""What ``pare export --format onnx`` can be asked for (torch-free, so the command line can read its defaults)."""

from __future__ import annotations

from dataclasses import dataclass

MIN_OPSET = 17
DEFAULT_OPSET = 18


@dataclass(frozen=True)
class OnnxExportConfig:
    """How to export: the ONNX ``opset`` (at least 17) and whether to quantize the MatMul weights to int8."""

    opset: int = DEFAULT_OPSET
    int8: bool = False
