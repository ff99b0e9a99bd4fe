"""A document under construction: text is appended piece by piece and each PII value records its own span.

Spans therefore come from construction, never from searching the finished text. ``check`` re-verifies every
span against the value that was inserted before a document is written.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

LABELS = frozenset(
    {"account_number", "private_address", "private_date", "private_email", "private_person", "private_phone",
     "private_url", "secret"}
)  # fmt: skip
_SLOT = re.compile(r"\{([a-z_0-9]+)\}")


@dataclass(frozen=True)
class Val:
    """A piece of text; with a ``label`` it is a PII value and becomes a span."""

    text: str
    label: str | None = None


Slot = str | Val | Sequence[Val]


@dataclass
class Doc:
    style: str
    source: str = "frame"
    text: str = ""
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    inserted: list[str] = field(default_factory=list)  # the value of each span, for ``check``
    noise: Callable[[str], str] | None = None  # typo maker for the literal text of chat messages

    def add(self, text: str) -> Doc:
        self.text += self.noise(text) if self.noise else text
        return self

    def pii(self, value: Val) -> Doc:
        if value.label is None:
            self.text += value.text  # unlabelled values (titles, cities) are never typo'd: they are data
            return self
        if value.label not in LABELS or not value.text or value.text != value.text.strip():
            raise ValueError(f"bad PII value {value!r}")
        end = value.text[-1]
        if value.label != "secret" and (end in ".,;:!?" or (end == ")" and "(" not in value.text)):
            raise ValueError(f"PII value {value!r} ends in punctuation, which the conventions leave outside")
        self.spans.append((len(self.text), len(self.text) + len(value.text), value.label))
        self.inserted.append(value.text)
        self.text += value.text
        return self

    def put(self, slot: Slot) -> Doc:
        if isinstance(slot, str):
            return self.add(slot)
        for value in [slot] if isinstance(slot, Val) else slot:
            self.pii(value)
        return self

    def fill(self, frame: str, **slots: Slot) -> Doc:
        """Append ``frame`` with each ``{name}`` replaced by ``slots[name]`` (literal text or values)."""
        pos = 0
        for match in _SLOT.finditer(frame):
            self.add(frame[pos : match.start()])
            self.put(slots[match.group(1)])
            pos = match.end()
        return self.add(frame[pos:])

    def check(self) -> None:
        """Every span is its inserted value, inside the text, not overlapping, not glued to a word."""
        for (start, end, _), value in zip(self.spans, self.inserted, strict=True):
            if self.text[start:end] != value:
                raise AssertionError(f"span {start}:{end} is {self.text[start:end]!r}, inserted {value!r}")
            before = self.text[start - 1] if start else " "
            after = self.text[end] if end < len(self.text) else " "
            if before.isalnum() or after.isalnum():
                raise AssertionError(f"span {value!r} is glued to a word in {self.text!r}")
        for a, b in itertools.pairwise(sorted(self.spans)):
            if b[0] < a[1]:
                raise AssertionError(f"spans {a} and {b} overlap in {self.text!r}")

    def record(self) -> dict:
        """The JSONL record: pare's ``text`` and ``spans``, and ``meta`` (which pare's reader keeps)."""
        self.check()
        spans = [{"label": label, "start": start, "end": end} for start, end, label in sorted(self.spans)]
        return {"text": self.text, "spans": spans, "meta": {"style": self.style, "source": self.source}}
