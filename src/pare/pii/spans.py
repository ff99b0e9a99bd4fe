"""What the detector returns: a labelled character span of a text, with a confidence."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DetectedSpan:
    """A detected entity: category ``label`` over characters ``[start, end)`` of the text, with a confidence."""

    label: str
    start: int
    end: int
    text: str
    score: float | None = None

    def to_dict(self) -> dict:
        return {
            "label": self.label,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "score": self.score,
        }
