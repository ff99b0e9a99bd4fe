"""Redaction with operators: score thresholds, every occurrence of a detected value, then one operator per
label (``pare.pii.operators``), and the record of what replaced what.

The steps, for the documents of one run:

1. **thresholds**: a span whose score is below its label's ``min_score`` is left as text (and counted);
   a span without a score is always kept;
2. **every occurrence**: each kept value (at least two word characters) is also found wherever else it
   occurs as a whole word (not inside a longer word) in its document, or in any document of the run, and
   becomes a span of the same label there (score ``None``), unless it overlaps a span; longer values first;
3. **operators**: each span's text is replaced by its label's operator. Indexed placeholders and surrogates
   are consistent: the same (label, value) gets the same replacement throughout a document, or a run
   (``consistent="run"``). A surrogate never equals an original of its document, nor contains one as a
   whole word, and two values of a document never share one.

``DocumentRedaction`` holds every replacement with its offsets in the original and in the redacted text: the
JSON record (openai/privacy-filter's fields) and the vault (``pare.pii.vault``) are made from it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from pare.errors import PareError
from pare.pii.keys import KeyRing
from pare.pii.operators import (
    OperatorSpec,
    RedactionPolicy,
    hash_text,
    mask_text,
    placeholder_text,
)
from pare.pii.redact import SCHEMA_VERSION, CharSpan, _ordered
from pare.pii.spans import DetectedSpan
from pare.pii.surrogates import SurrogateMaker

_WORD = re.compile(r"\w")
_WORDS = re.compile(r"\w+")
MIN_WORD_CHARS = 2  # a value propagates to its other occurrences when it has at least this many


@dataclass(frozen=True)
class Replacement:
    """One span and what replaced it: ``[start, end)`` in the original text, ``new_start`` in the redacted
    one; ``restorable``: ``pare restore`` can give the original back (the vault records it)."""

    label: str
    operator: str
    start: int
    end: int
    original: str
    replacement: str
    new_start: int
    score: float | None
    restorable: bool

    @property
    def new_end(self) -> int:
        return self.new_start + len(self.replacement)


@dataclass(frozen=True)
class DocumentRedaction:
    """One redacted document: the replacements in order, the spans below their threshold, how many spans
    every-occurrence added, and whether thresholds were set (the record then counts what they dropped)."""

    text: str
    redacted_text: str
    replacements: tuple[Replacement, ...]
    below_min_score: tuple[CharSpan, ...] = ()
    added_occurrences: int = 0
    thresholds: bool = False

    def record(self) -> dict:
        """openai/privacy-filter's record (``pare.pii.redaction_record``); ``summary`` gains
        ``below_min_score`` (``span_count``, ``by_label``) when thresholds are set, and
        ``added_occurrences`` when every-occurrence added spans."""
        reps = self.replacements
        detected = [
            {
                "label": r.label,
                "start": r.start,
                "end": r.end,
                "text": r.original,
                "placeholder": r.replacement,
                "score": r.score,
            }
            for r in reps
        ]
        summary: dict = {"span_count": len(reps), "by_label": dict(Counter(r.label for r in reps))}
        if self.thresholds:
            below = self.below_min_score
            summary["below_min_score"] = {
                "span_count": len(below),
                "by_label": dict(Counter(s.label for s in below)),
            }
        if self.added_occurrences:
            summary["added_occurrences"] = self.added_occurrences
        return {
            "schema_version": SCHEMA_VERSION,
            "text": self.text,
            "detected_spans": detected,
            "redacted_text": self.redacted_text,
            "summary": summary,
        }


# --- 1. thresholds ---


def apply_thresholds(
    spans: Sequence[CharSpan], policy: RedactionPolicy
) -> tuple[list[CharSpan], list[CharSpan]]:
    """(kept, below): spans scoring below their label's threshold go to ``below``; no score, always kept."""
    kept: list[CharSpan] = []
    below: list[CharSpan] = []
    for s in spans:
        threshold = policy.threshold_for(s.label)
        score = getattr(s, "score", None)
        (below if threshold is not None and score is not None and score < threshold else kept).append(s)
    return kept, below


# --- 2. every occurrence ---


def _bounded(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is not part of a longer word on either side."""
    if _WORD.match(text, start) and start > 0 and _WORD.match(text, start - 1):
        return False
    return not (_WORD.match(text, end - 1) and end < len(text) and _WORD.match(text, end))


def occurrence_values(
    text: str, spans: Sequence[CharSpan], into: dict[str, str] | None = None
) -> dict[str, str]:
    """Each value of ``spans`` (at least ``MIN_WORD_CHARS`` word characters) with the label it was first
    detected with, added to ``into`` where it is new."""
    values = {} if into is None else into
    for s in spans:
        value = text[s.start : s.end]
        if len(_WORD.findall(value)) >= MIN_WORD_CHARS:
            values.setdefault(value, s.label)
    return values


class OccurrenceIndex:
    """Values to find again (value -> label), indexed by their first word: a document is searched only for
    the values whose first word it contains, so a run-wide index stays cheap."""

    def __init__(self, values: Mapping[str, str]) -> None:
        self.values = dict(values)
        self.by_word: dict[str, list[str]] = defaultdict(list)
        for value in self.values:
            first = _WORDS.search(value)
            if first is not None:
                self.by_word[first.group()].append(value)

    def add_occurrences(self, text: str, spans: Sequence[CharSpan]) -> tuple[list[CharSpan], int]:
        """``spans`` plus a span for every whole-word occurrence of a value that overlaps no span (longer
        values first, then left to right); and how many were added."""
        found: list[tuple[int, int, str]] = []
        for word in set(_WORDS.findall(text)):
            for value in self.by_word.get(word, ()):
                i = text.find(value)
                while i != -1:
                    if _bounded(text, i, i + len(value)):
                        found.append((i, i + len(value), value))
                    i = text.find(value, i + 1)
        taken = bytearray(len(text))
        for s in spans:
            taken[s.start : s.end] = b"\1" * (s.end - s.start)
        added: list[CharSpan] = []
        for start, end, value in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
            if not any(taken[start:end]):
                taken[start:end] = b"\1" * (end - start)
                added.append(DetectedSpan(self.values[value], start, end, value, None))
        return [*spans, *added], len(added)


# --- 3. operators ---


@dataclass
class _Memo:
    """Indexes and surrogates given so far, in one document or one run."""

    indexes: dict[tuple[str, str], int] = field(default_factory=dict)
    counters: Counter = field(default_factory=Counter)
    surrogates: dict[tuple[str, str], str] = field(default_factory=dict)
    owners: dict[str, tuple[str, str]] = field(default_factory=dict)

    def index(self, label: str, value: str) -> int:
        if (label, value) not in self.indexes:
            self.counters[label] += 1
            self.indexes[label, value] = self.counters[label]
        return self.indexes[label, value]


class _DocumentGuard:
    """What a surrogate in one document must avoid: its originals (equal, or inside it as a whole word) and
    the surrogates already given to other values of the document."""

    def __init__(self, originals: set[str]) -> None:
        self.originals = originals
        self.owners: dict[str, tuple[str, str]] = {}
        self._inside: re.Pattern | None = None

    def accepts(self, candidate: str, owner: tuple[str, str]) -> bool:
        if candidate in self.originals or self.owners.get(candidate, owner) != owner:
            return False
        if self._inside is None:  # compiled on first use: only surrogates need it
            longest_first = sorted((o for o in self.originals if o), key=len, reverse=True)
            self._inside = re.compile("|".join(_whole(o) for o in longest_first) or "(?!)")
        return self._inside.search(candidate) is None


def _whole(value: str) -> str:
    """A pattern for ``value`` as a whole word: no word character before (after) a word character edge."""
    before = r"(?<!\w)" if _WORD.match(value[0]) else ""
    after = r"(?!\w)" if _WORD.match(value[-1]) else ""
    return f"{before}{re.escape(value)}{after}"


class Anonymizer:
    """Applies a ``RedactionPolicy`` to the documents of one run; keeps the run's indexes and surrogates.

    ``keys`` is needed by ``surrogate``, ``hash`` and ``encrypt`` (a ``PareError`` without it).
    """

    def __init__(self, policy: RedactionPolicy, keys: KeyRing | None = None) -> None:
        keyed = policy.keyed_operator()
        if keyed is not None and keys is None:
            raise PareError(f"operator {keyed!r} needs a key: set PARE_KEY or pass --key-file FILE")
        self.policy = policy
        self.keys = keys
        self._surrogates = SurrogateMaker(keys) if keys is not None else None
        self._run = _Memo()

    def redact_documents(
        self, texts: Sequence[str], spans: Sequence[Sequence[CharSpan]]
    ) -> list[DocumentRedaction]:
        """Thresholds, every occurrence and operators (module docstring) over the documents of a run."""
        if len(texts) != len(spans):
            raise ValueError("one list of spans per text")
        run_index = None
        if self.policy.every_occurrence == "run":
            run_index = run_occurrence_index(zip(texts, spans, strict=True), self.policy)
        return [self.redact_in_run(text, s, run_index) for text, s in zip(texts, spans, strict=True)]

    def redact_in_run(
        self, text: str, spans: Sequence[CharSpan], run_index: OccurrenceIndex | None = None
    ) -> DocumentRedaction:
        """One document of a run: thresholds, every occurrence (of the document's own values, or of
        ``run_index``'s for ``every_occurrence="run"``) and operators."""
        kept, below = apply_thresholds(spans, self.policy)
        added = 0
        if self.policy.every_occurrence != "off":
            ordered = _ordered(text, kept)
            index = run_index or OccurrenceIndex(occurrence_values(text, ordered))
            kept, added = index.add_occurrences(text, ordered)
        return self.redact_document(text, kept, below, added)

    def redact_document(
        self,
        text: str,
        spans: Sequence[CharSpan],
        below: Sequence[CharSpan] = (),
        added: int = 0,
    ) -> DocumentRedaction:
        """One document's spans replaced by their operators (no thresholds, no every-occurrence here)."""
        ordered = _ordered(text, spans)
        memo = self._run if self.policy.consistent == "run" else _Memo()
        guard = _DocumentGuard({text[s.start : s.end] for s in ordered})
        parts: list[str] = []
        reps: list[Replacement] = []
        pos = out_pos = 0
        for s in ordered:
            spec = self.policy.operator_for(s.label)
            value = text[s.start : s.end]
            new = self._replace(spec, s.label, value, memo, guard)
            parts += [text[pos : s.start], new]
            out_pos += s.start - pos
            score = getattr(s, "score", None)
            reps.append(
                Replacement(
                    s.label, spec.operator, s.start, s.end, value, new, out_pos, score, spec.restorable
                )
            )
            out_pos += len(new)
            pos = s.end
        parts.append(text[pos:])
        thresholds = self.policy.has_thresholds
        return DocumentRedaction(text, "".join(parts), tuple(reps), tuple(below), added, thresholds)

    def _replace(self, spec: OperatorSpec, label: str, value: str, memo: _Memo, guard: _DocumentGuard) -> str:
        op = spec.operator
        if op == "keep":
            return value
        if op == "redact":
            return ""
        if op == "mask":
            return mask_text(value, spec)
        if op == "replace":
            return placeholder_text(label, spec, memo.index(label, value) if spec.indexed else None)
        assert self.keys is not None and self._surrogates is not None  # checked in __init__
        if op == "hash":
            return hash_text(label, self.keys.hash_hex(value), spec)
        if op == "encrypt":
            return self.keys.encrypt_token(label, value)
        return self._surrogate(spec, label, value, memo, guard)

    def _surrogate(
        self, spec: OperatorSpec, label: str, value: str, memo: _Memo, guard: _DocumentGuard
    ) -> str:
        owner = (label, value)
        known = memo.surrogates.get(owner)
        if known is None or not guard.accepts(known, owner):

            def acceptable(candidate: str) -> bool:
                return guard.accepts(candidate, owner) and memo.owners.get(candidate, owner) == owner

            assert self._surrogates is not None
            known = self._surrogates.surrogate(label, value, acceptable, spec.locale)
            if owner not in memo.surrogates:
                memo.surrogates[owner] = known
                memo.owners[known] = owner
        guard.owners[known] = owner
        return known


def run_occurrence_index(
    documents: Iterable[tuple[str, Sequence[CharSpan]]], policy: RedactionPolicy
) -> OccurrenceIndex:
    """The run-wide index of the values detected in ``documents`` (text, spans), in order, above the policy's
    thresholds (``every_occurrence="run"``)."""
    values: dict[str, str] = {}
    for text, spans in documents:
        kept, _ = apply_thresholds(spans, policy)
        occurrence_values(text, _ordered(text, kept), values)
    return OccurrenceIndex(values)


def anonymize(
    texts: Sequence[str],
    spans: Sequence[Sequence[CharSpan]],
    policy: RedactionPolicy,
    keys: KeyRing | None = None,
) -> list[DocumentRedaction]:
    """Redact a run of documents with ``policy`` (``Anonymizer``)."""
    return Anonymizer(policy, keys).redact_documents(texts, spans)
