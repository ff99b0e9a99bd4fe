"""Development sets shipped with pare: labelled text made differently from pare's training generator.

``natural_en`` (1,500 English documents: chat, Q&A, letters, narrative, forms, address blocks of 36 countries,
hard negatives; 40% built around real sentences) is made by ``benchmarks/devset/make_devset.py`` without
``pare.data.synth``. Its F1 predicts a model's F1 on human-written text far better than held-out templates.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from pare.errors import PareError

DEV_SETS = ("natural_en",)


def dev_set_path(name: str = "natural_en") -> Path:
    """The file of the shipped development set ``name``."""
    if name not in DEV_SETS:
        raise PareError(f"unknown development set {name!r}; shipped: {', '.join(DEV_SETS)}")
    return Path(str(files(__package__) / f"{name}.jsonl"))
