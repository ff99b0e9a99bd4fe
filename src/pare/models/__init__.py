"""The PII model shipped inside pare: what ``pare redact`` uses when no ``--model`` is given.

``default/`` is the final model of ``pare compress`` with the default recipe (1-block student of the MiniLM
teacher, vocabulary trimmed, 4-bit Fisher-quantized), with a model card (``README.md``) giving its recipe,
data, figures and limits. ``pare.load`` and ``PiiDetector.from_dir`` open it like any other model directory.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from pare.errors import PareError


def default_model_dir() -> Path:
    """The directory of the shipped default PII model."""
    path = Path(str(files(__package__) / "default"))
    if not (path / "config.json").is_file():
        raise PareError(f"{path}: this installation of pare has no default model; pass --model DIR")
    return path
