"""Fisher-aware non-uniform quantization with automatic mixed precision (SqueezeLLM codebooks + HAWQ allocation).

Layers, each importing only those below it: ``codebook`` (codebook fitting, bit packing) and ``allocate``;
``modules`` (quantized Linear/Embedding); ``storage`` (the stored format: writing it, reading it back into
modules); ``fisher``, ``feedback``; ``core`` (the quantizer); ``pipeline`` (directory in, directory out).
``plot`` (matplotlib) is imported only by whoever draws. The names below are imported on first use, so that
loading a quantized model (``pare.load``: ``storage`` and ``modules``) does not import the quantizer.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pare.quant.core import QUANT_METHODS, Calibration, QuantConfig, calibrate, quantize
    from pare.quant.modules import QuantEmbedding, QuantLinear
    from pare.quant.storage import QuantizedModel, save_quantized

# what a user calls; the algorithms' own functions are imported from their modules (pare.quant.codebook, ...)
_EXPORTS = {
    "QUANT_METHODS": "core",
    "Calibration": "core",
    "QuantConfig": "core",
    "calibrate": "core",
    "quantize": "core",
    "QuantEmbedding": "modules",
    "QuantLinear": "modules",
    "QuantizedModel": "storage",
    "save_quantized": "storage",
}

__all__ = [
    "QUANT_METHODS",
    "Calibration",
    "QuantConfig",
    "QuantEmbedding",
    "QuantLinear",
    "QuantizedModel",
    "calibrate",
    "quantize",
    "save_quantized",
]


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(import_module(f"pare.quant.{_EXPORTS[name]}"), name)
    raise AttributeError(f"module 'pare.quant' has no attribute {name!r}")
