"""The PII model shipped inside pare: what ``pare redact`` uses when no ``--model`` is given.

``default/`` is the final model of ``pare compress`` with the default recipe (1-block student of the MiniLM
teacher, vocabulary trimmed, 4-bit Fisher-quantized), with a model card (``README.md``) giving its recipe,
data, figures and limits. ``pare.load`` and ``PiiDetector.from_dir`` open it like any other model directory.
``default_onnx/`` is its ONNX export with int8 weights and embeddings, for onnxruntime: the default where
torch is not installed, so that the base install (no ``train`` extra) redacts out of the box.
"""

from __future__ import annotations

import importlib.util
from importlib.resources import files
from pathlib import Path
from typing import Literal

from pare.errors import PareError

Backend = Literal["auto", "torch", "onnx"]
_DIRS = {"torch": "default", "onnx": "default_onnx"}


def default_model_dir(backend: Backend = "auto") -> Path:
    """The directory of the shipped default PII model for ``backend``; ``auto`` is the torch model when torch
    is installed, else the ONNX export."""
    if backend == "auto":
        backend = "torch" if importlib.util.find_spec("torch") is not None else "onnx"
    if backend not in _DIRS:
        raise PareError(f"backend {backend!r}: expected one of auto, {', '.join(_DIRS)}")
    path = Path(str(files(__package__) / _DIRS[backend]))
    if not (path / "config.json").is_file():
        raise PareError(f"{path}: this installation of pare has no default model; pass --model DIR")
    return path
