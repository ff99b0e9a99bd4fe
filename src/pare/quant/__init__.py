"""Fisher-aware non-uniform quantization with automatic mixed precision (SqueezeLLM codebooks + HAWQ allocation)."""

from pare.quant.allocate import allocate_bits
from pare.quant.codebook import fit_codebook, kmeans_dp, pack, unpack
from pare.quant.core import (
    METHODS,
    Calibration,
    QuantConfig,
    QuantizedModel,
    calibrate,
    find_targets,
    quantize,
    save_quantized,
)
from pare.quant.fisher import fisher_diagonal
from pare.quant.modules import QuantEmbedding, QuantLinear, QuantWeight

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
