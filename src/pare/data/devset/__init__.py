"""Development sets shipped with pare: labelled text made differently from pare's training generator.

``natural_en`` (1,500 English documents: chat, Q&A, letters, narrative, forms, address blocks of 36 countries,
hard negatives; 40% built around real sentences) is made by ``benchmarks/devset/make_devset.py`` without
``pare.data.synth``. Its F1 predicts a model's F1 on human-written text far better than held-out templates.

``written_en`` (420 documents) and ``written_en_heldout`` (300) are written one by one, not generated: each
document's text and PII markup were written by hand by a language-model assistant, in the same seven
styles (``benchmarks/devset/written``, converted by ``benchmarks/devset/markup.py``). The validators were
revised after reading ``written_en``'s errors; ``written_en_heldout`` was written apart from it (its writers saw
neither ``written_en`` nor the project) and is only scored, never read for rules. ``written_en_heldout2``
(450) was written the same way by three more writers, later, weighted to short chat, Q&A, forms and address
blocks of many countries; it is only scored too. ``written_scripts`` (400) was written the same way by two more
writers: English text with names in their own scripts (Cyrillic, Arabic, Devanagari, Chinese, Korean ...)
beside Latin ones, and words of those scripts that are not personal data (places, brands, public figures);
only scored.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from pare.errors import PareError

DEV_SETS = ("natural_en", "written_en", "written_en_heldout", "written_en_heldout2", "written_scripts")


def dev_set_path(name: str = "natural_en") -> Path:
    """The file of the shipped development set ``name``."""
    if name not in DEV_SETS:
        raise PareError(f"unknown development set {name!r}; shipped: {', '.join(DEV_SETS)}")
    return Path(str(files(__package__) / f"{name}.jsonl"))


def labelled_data(source: str | Path) -> Path:
    """``source`` as a file, or the shipped set of that name where no such file exists (``pare eval --data
    written_en_heldout``)."""
    path = Path(source)
    if not path.exists() and str(source) in DEV_SETS:
        return dev_set_path(str(source))
    return path
