"""Label taxonomies and tagging schemes (BIO, BIOES).

A taxonomy is a tuple of categories (``private_person``, ...). Its BIOES labels are ``O`` then ``B-``,
``I-``, ``E-``, ``S-`` for each category in order: exactly the 33 labels of openai/privacy-filter as
``transformers`` orders them (``OPENAI_PRIVACY_FILTER_NER_LABELS``). BIO labels are ``O`` then ``B-``, ``I-``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from pare.errors import PareError

Scheme = Literal["BIO", "BIOES"]

PRIVACY_FILTER_CATEGORIES: tuple[str, ...] = (
    "account_number",
    "private_address",
    "private_date",
    "private_email",
    "private_person",
    "private_phone",
    "private_url",
    "secret",
)

# Categories whose spans never hold a line break: a name, a phone number or an e-mail address is written on
# one line, while an address is a block of lines and a secret (a PEM key) spans many. At a line break the
# decoder ends spans of these categories (``pare.decode.transitions``); other categories, custom ones
# included, go on.
SINGLE_LINE_CATEGORIES: frozenset[str] = frozenset(
    {"private_person", "private_email", "private_phone", "private_url", "private_date", "account_number"}
)

PREFIXES: dict[str, tuple[str, ...]] = {"BIO": ("B", "I"), "BIOES": ("B", "I", "E", "S")}


@dataclass(frozen=True)
class TokenSpan:
    """A decoded entity over tokens ``[start, end)`` with its category and, when known, a confidence."""

    start: int
    end: int
    label: str
    score: float | None = None


@dataclass(frozen=True)
class Taxonomy:
    """Categories plus a scheme; gives the label list and the id maps a model config needs."""

    categories: tuple[str, ...] = PRIVACY_FILTER_CATEGORIES
    scheme: Scheme = "BIOES"

    def __post_init__(self) -> None:
        if self.scheme not in PREFIXES:
            raise PareError(f"unknown tagging scheme {self.scheme!r}; expected BIO or BIOES")
        if len(set(self.categories)) != len(self.categories):
            raise PareError(f"taxonomy lists a category twice: {list(self.categories)}")
        for c in self.categories:
            if not c or c == "O" or "-" in c[:2]:
                raise PareError(f"invalid category name {c!r}")

    @property
    def labels(self) -> list[str]:
        return ["O"] + [f"{p}-{c}" for c in self.categories for p in PREFIXES[self.scheme]]

    @property
    def label2id(self) -> dict[str, int]:
        return {label: i for i, label in enumerate(self.labels)}

    @property
    def id2label(self) -> dict[int, str]:
        return dict(enumerate(self.labels))

    def __len__(self) -> int:
        return len(self.labels)

    @classmethod
    def from_labels(cls, labels: Sequence[str]) -> Taxonomy:
        """Recover the taxonomy from a label list (a model's ``id2label``), checking its order.

        Raises ``PareError`` when the list is not ``O`` followed by complete B/I(/E/S) groups per category.
        """
        labels = list(labels)
        if not labels or labels[0] != "O":
            raise PareError(f"label list must start with 'O', got {labels[:3]}")
        prefixes = {lab.split("-", 1)[0] for lab in labels[1:]}
        scheme: Scheme = "BIOES" if prefixes & {"E", "S"} else "BIO"
        categories: list[str] = []
        for lab in labels[1:]:
            if "-" not in lab:
                raise PareError(f"label {lab!r} has no B-/I-/E-/S- prefix")
            cat = lab.split("-", 1)[1]
            if cat not in categories:
                categories.append(cat)
        taxonomy = cls(tuple(categories), scheme)
        if taxonomy.labels != labels:
            raise PareError(
                f"labels are not in {scheme} order (O, then {'/'.join(PREFIXES[scheme])} per category): {labels}"
            )
        return taxonomy

    @classmethod
    def from_config(cls, config) -> Taxonomy:
        """The taxonomy of a ``transformers`` config (its ``id2label``)."""
        id2label = {int(k): v for k, v in config.id2label.items()}
        return cls.from_labels([id2label[i] for i in range(len(id2label))])

    def check_compatible(self, other: Taxonomy, what: str = "model") -> None:
        """Raise a one-line error when ``other`` has different categories than ``self``."""
        if set(self.categories) != set(other.categories):
            missing = sorted(set(self.categories) - set(other.categories))
            extra = sorted(set(other.categories) - set(self.categories))
            raise PareError(f"{what} labels do not match the taxonomy: missing {missing}, unexpected {extra}")


def split_tag(tag: str) -> tuple[str, str | None]:
    """``'B-secret'`` -> ``('B', 'secret')``; ``'O'`` -> ``('O', None)``."""
    if tag == "O":
        return "O", None
    prefix, _, cat = tag.partition("-")
    if prefix not in ("B", "I", "E", "S") or not cat:
        raise PareError(f"invalid tag {tag!r}")
    return prefix, cat


def tags_to_spans(tags: Sequence[str]) -> list[TokenSpan]:
    """Read spans off a tag sequence in either scheme. Lenient on invalid sequences (argmax output):

    a span starts at B or S, or at I/E that does not continue the open span of the same category;
    it closes at E or S, at O, or when the next tag starts something else.
    """
    spans: list[TokenSpan] = []
    start, cat = None, None
    for i, tag in enumerate(tags):
        prefix, c = split_tag(tag)
        continues = start is not None and c == cat and prefix in ("I", "E")
        if not continues and start is not None:
            spans.append(TokenSpan(start, i, cat))
            start, cat = None, None
        if prefix == "O":
            continue
        if not continues:
            start, cat = i, c
        if prefix in ("E", "S"):
            spans.append(TokenSpan(start, i + 1, cat))
            start, cat = None, None
    if start is not None:
        spans.append(TokenSpan(start, len(tags), cat))
    return spans


def spans_to_tags(spans: Iterable[TokenSpan], length: int, scheme: Scheme = "BIOES") -> list[str]:
    """Write non-overlapping token spans as a tag sequence of ``length`` in ``scheme``."""
    tags = ["O"] * length
    for s in sorted(spans, key=lambda s: s.start):
        if not 0 <= s.start < s.end <= length:
            raise PareError(f"span [{s.start}, {s.end}) out of range for {length} tokens")
        if any(t != "O" for t in tags[s.start : s.end]):
            raise PareError(f"span [{s.start}, {s.end}) overlaps another span")
        if scheme == "BIOES" and s.end - s.start == 1:
            tags[s.start] = f"S-{s.label}"
            continue
        tags[s.start] = f"B-{s.label}"
        for i in range(s.start + 1, s.end):
            tags[i] = f"I-{s.label}"
        if scheme == "BIOES":
            tags[s.end - 1] = f"E-{s.label}"
    return tags


def convert_scheme(tags: Sequence[str], to: Scheme) -> list[str]:
    """Convert BIO <-> BIOES (any valid input; lenient on invalid input as ``tags_to_spans`` is)."""
    return spans_to_tags(tags_to_spans(tags), len(tags), to)


def validate_tags(tags: Sequence[str], scheme: Scheme) -> None:
    """Raise ``PareError`` naming the first position where ``tags`` break ``scheme``'s transition rules."""
    prev_prefix, prev_cat = "O", None
    allowed_prefixes = ("O", *PREFIXES[scheme])
    for i, tag in enumerate(tags):
        prefix, cat = split_tag(tag)
        if prefix not in allowed_prefixes:
            raise PareError(f"tag {i} ({tag}): prefix {prefix} is not part of {scheme}")
        inside = prev_prefix in ("B", "I") and scheme == "BIOES"
        if prefix in ("I", "E") and not (prev_prefix in ("B", "I") and prev_cat == cat):
            raise PareError(f"tag {i} ({tag}): {prefix} must follow B- or I- of the same category")
        if inside and (prefix in ("O", "B", "S") or cat != prev_cat):
            raise PareError(f"tag {i} ({tag}): the span opened before it must continue or end with E-")
        prev_prefix, prev_cat = prefix, cat
    if scheme == "BIOES" and prev_prefix in ("B", "I"):
        raise PareError(f"tag {len(tags) - 1} ({tags[-1]}): a BIOES sequence cannot end inside a span")
