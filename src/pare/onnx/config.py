"""What ``pare export --format onnx`` can be asked for (torch-free, so the command line can read its defaults)."""

from __future__ import annotations

from dataclasses import dataclass

MIN_OPSET = 17
DEFAULT_OPSET = 18


@dataclass(frozen=True)
class OnnxExportConfig:
    """How to export: the ONNX ``opset`` (at least 17), whether to quantize the MatMul weights to int8, and
    whether to store the embedding tables (the graph's Gather weights) in int8 too (``int8_embeddings``
    implies ``int8``): most of a small model's bytes are its embeddings."""

    opset: int = DEFAULT_OPSET
    int8: bool = False
    int8_embeddings: bool = False

    @property
    def quantized_ops(self) -> tuple[str, ...]:
        """The operator types whose weights onnxruntime's dynamic quantization turns into int8."""
        if self.int8_embeddings:
            return ("MatMul", "Gather")
        return ("MatMul",) if self.int8 else ()
