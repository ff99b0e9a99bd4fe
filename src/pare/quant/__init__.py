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
    from pare.quant.allocate import allocate_bits
    from pare.quant.codebook import fit_codebook, kmeans_dp, pack, unpack
    from pare.quant.core import METHODS, Calibration, QuantConfig, calibrate, find_targets, quantize
    from pare.quant.fisher import fisher_diagonal
    from pare.quant.modules import QuantEmbedding, QuantLinear, QuantWeight
    from pare.quant.storage import QuantizedModel, save_quantized

_EXPORTS = {
    "allocate_bits": "allocate",
    "fit_codebook": "codebook",
    "kmeans_dp": "codebook",
    "pack": "codebook",
    "unpack": "codebook",
    "METHODS": "core",
    "Calibration": "core",
    "QuantConfig": "core",
    "calibrate": "core",
    "find_targets": "core",
    "quantize": "core",
    "fisher_diagonal": "fisher",
    "QuantEmbedding": "modules",
    "QuantLinear": "modules",
    "QuantWeight": "modules",
    "QuantizedModel": "storage",
    "save_quantized": "storage",
}

__all__ = [
    "METHODS",
    "Calibration",
    "QuantConfig",
    "QuantEmbedding",
    "QuantLinear",
    "QuantWeight",
    "QuantizedModel",
    "allocate_bits",
    "calibrate",
    "find_targets",
    "fisher_diagonal",
    "fit_codebook",
    "kmeans_dp",
    "pack",
    "quantize",
    "save_quantized",
    "unpack",
]


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(import_module(f"pare.quant.{_EXPORTS[name]}"), name)
    raise AttributeError(f"module 'pare.quant' has no attribute {name!r}")
