"""Operators: what replaces a detected span, chosen per label (Presidio's operator names where they exist).

- ``replace``: ``<PRIVATE_PERSON>``, or ``new_value``; ``indexed``: ``<PRIVATE_PERSON_1>``, the same value
  getting the same number throughout a document (a run, with ``consistent: run``);
- ``surrogate``: a realistic fake of the same category in ``locale`` (``pare.pii.surrogates``);
- ``hash``: ``<PRIVATE_PERSON:HEX>``, the first ``length`` hex digits of a keyed HMAC-SHA256 of the value;
- ``encrypt``: ``<ENC:PRIVATE_PERSON:PAYLOAD>``, deterministic AES-SIV, reversible with the key;
- ``mask``: ``masking_char`` over ``chars_to_mask`` characters (all by default; from the end with
  ``from_end``), line breaks kept;
- ``redact``: removes the span; ``keep``: leaves it.

An operators file (YAML or JSON) maps a label, or ``default``, to an operator and its options, or to just an
operator's name; an entry's ``min_score`` drops that label's spans scoring below it (``default``'s: every
label's)::

    default: {operator: replace, min_score: 0.5}
    private_person: {operator: surrogate, locale: de_DE}
    private_email: hash
    account_number: {operator: mask, masking_char: "#", chars_to_mask: 8, from_end: true}
    private_date: {min_score: 0.9}        # the default operator, a stricter threshold
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

import yaml

from pare.errors import PareError
from pare.io import read_utf8

OPERATORS: tuple[str, ...] = ("replace", "surrogate", "hash", "encrypt", "mask", "redact", "keep")
KEYED_OPERATORS = frozenset({"surrogate", "hash", "encrypt"})
LINE_BREAKS = frozenset("\n\r")
Scope = Literal["doc", "run"]
OccurrenceScope = Literal["doc", "run", "off"]
# the options each operator takes, besides ``operator`` and ``min_score``
_OPTIONS: dict[str, tuple[str, ...]] = {
    "replace": ("new_value", "indexed"),
    "surrogate": ("locale",),
    "hash": ("length",),
    "encrypt": (),
    "mask": ("masking_char", "chars_to_mask", "from_end"),
    "redact": (),
    "keep": (),
}


@dataclass(frozen=True)
class OperatorSpec:
    """One label's operator and its options (module docstring); ``indexed=None``: as ``--index`` says."""

    operator: str = "replace"
    new_value: str | None = None
    indexed: bool | None = None
    locale: str = "en_US"
    length: int = 16
    masking_char: str = "*"
    chars_to_mask: int | None = None
    from_end: bool = False

    @property
    def restorable(self) -> bool:
        """Whether ``pare restore`` gives the original back (encrypt with the key; the rest with the vault)."""
        return self.operator in ("surrogate", "encrypt") or (
            self.operator == "replace" and bool(self.indexed)
        )


@dataclass(frozen=True)
class RedactionPolicy:
    """Operators by label (``default`` for the rest), score thresholds, and the two scopes.

    ``consistent``: whether indexes and surrogates are shared by the documents of a run (``run``) or
    numbered afresh in each (``doc``). ``every_occurrence``: a value detected once is replaced wherever else
    it occurs, as a whole word, in its document (``doc``), in any document of the run (``run``), or not
    (``off``).
    """

    default: OperatorSpec = field(default_factory=OperatorSpec)
    by_label: Mapping[str, OperatorSpec] = field(default_factory=dict)
    min_score: float | None = None
    min_score_by_label: Mapping[str, float] = field(default_factory=dict)
    consistent: Scope = "doc"
    every_occurrence: OccurrenceScope = "doc"

    def operator_for(self, label: str) -> OperatorSpec:
        return self.by_label.get(label, self.default)

    def threshold_for(self, label: str) -> float | None:
        return self.min_score_by_label.get(label, self.min_score)

    @property
    def has_thresholds(self) -> bool:
        return self.min_score is not None or bool(self.min_score_by_label)

    def keyed_operator(self) -> str | None:
        """The name of an operator of this policy that needs a key, if any."""
        for spec in (self.default, *self.by_label.values()):
            if spec.operator in KEYED_OPERATORS:
                return spec.operator
        return None

    @property
    def restorable(self) -> bool:
        """Whether any operator of this policy writes something ``pare restore`` reverses."""
        return any(spec.restorable for spec in (self.default, *self.by_label.values()))

    def check_labels(self, labels: Collection[str], where: str) -> None:
        """Refuse labels the model does not have (``where`` names the file or option that gave them)."""
        for label in (*self.by_label, *self.min_score_by_label):
            if label not in labels:
                raise PareError(f"{where}: unknown label {label!r}; the model's: {', '.join(sorted(labels))}")


MODE_OPERATORS: dict[str, OperatorSpec] = {
    "typed": OperatorSpec("replace"),
    "generic": OperatorSpec("replace", new_value="<REDACTED>"),
    "mask": OperatorSpec("mask"),
}


def placeholder_text(label: str, spec: OperatorSpec, index: int | None = None) -> str:
    """What ``replace`` writes: ``new_value``, ``<LABEL>``, or ``<LABEL_N>`` for the ``index`` N."""
    if spec.new_value is not None:
        return spec.new_value
    return f"<{label.upper()}>" if index is None else f"<{label.upper()}_{index}>"


def mask_text(value: str, spec: OperatorSpec) -> str:
    """``value`` with ``chars_to_mask`` characters (all by default) masked, line breaks kept."""
    n = len(value) if spec.chars_to_mask is None else min(spec.chars_to_mask, len(value))
    chosen = range(len(value) - n, len(value)) if spec.from_end else range(n)
    chars = list(value)
    for i in chosen:
        if chars[i] not in LINE_BREAKS:
            chars[i] = spec.masking_char
    return "".join(chars)


def hash_text(label: str, hex_digest: str, spec: OperatorSpec) -> str:
    """What ``hash`` writes: ``<LABEL:HEX>`` with the first ``length`` hex digits of the keyed HMAC."""
    return f"<{label.upper()}:{hex_digest[: spec.length]}>"


# --- parsing: the operators file and the command-line options ---


def _check_option(where: str, name: str, value: object, spec_locale_ok: Collection[str]) -> object:
    """One option's value, checked; ``where`` is ``FILE: LABEL``."""
    kinds = {"new_value": str, "locale": str, "masking_char": str, "indexed": bool, "from_end": bool}
    if name in kinds and not isinstance(value, kinds[name]):
        raise PareError(f"{where}.{name}: expected a {kinds[name].__name__.replace('str', 'string')}")
    if name in ("length", "chars_to_mask") and (not isinstance(value, int) or isinstance(value, bool)):
        raise PareError(f"{where}.{name}: expected an integer")
    if name == "length" and not 8 <= value <= 64:  # type: ignore[operator]
        raise PareError(f"{where}.length: expected 8 to 64 hex digits")
    if name == "chars_to_mask" and value < 0:  # type: ignore[operator]
        raise PareError(f"{where}.chars_to_mask: expected a count of at least 0")
    if name == "masking_char" and len(value) != 1:  # type: ignore[arg-type]
        raise PareError(f"{where}.masking_char: expected one character")
    if name == "locale" and value not in spec_locale_ok:
        raise PareError(f"{where}.locale: unknown Faker locale {value!r}")
    return value


def _faker_locales() -> frozenset[str]:
    from faker.config import AVAILABLE_LOCALES

    return frozenset(AVAILABLE_LOCALES)


def parse_min_score(value: object, where: str) -> float:
    """A score threshold: a number from 0 to 1."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0.0 <= value <= 1.0:
        raise PareError(f"{where}: expected a number from 0 to 1")
    return float(value)


def parse_entry(raw: object, where: str, default: OperatorSpec) -> tuple[OperatorSpec, float | None]:
    """One entry of an operators file (an operator's name, or a mapping): its spec and its ``min_score``."""
    if isinstance(raw, str):
        raw = {"operator": raw}
    if not isinstance(raw, dict):
        raise PareError(f"{where}: expected an operator name or a mapping with 'operator'")
    entry = dict(raw)
    min_score = (
        parse_min_score(entry.pop("min_score"), f"{where}.min_score") if "min_score" in entry else None
    )
    if "operator" not in entry:
        if entry:
            raise PareError(f"{where}: options {', '.join(map(str, entry))} need an 'operator'")
        return default, min_score
    name = entry.pop("operator")
    if name not in OPERATORS:
        raise PareError(
            f"{where}.operator: unknown operator {name!r}; expected one of {', '.join(OPERATORS)}"
        )
    for option in entry:
        if option not in _OPTIONS[name]:
            allowed = ", ".join(_OPTIONS[name]) or "none"
            raise PareError(f"{where}: {name} takes no option {option!r} (its options: {allowed})")
    locales = _faker_locales() if "locale" in entry else frozenset()
    checked = {k: _check_option(where, k, v, locales) for k, v in entry.items()}
    spec = OperatorSpec(operator=name, **checked)
    if spec.indexed and spec.new_value is not None:
        raise PareError(f"{where}: 'indexed' and 'new_value' cannot be combined")
    return spec, min_score


@dataclass(frozen=True)
class OperatorsFile:
    """What an operators file says: the default (if it names one), specs and thresholds by label."""

    default: OperatorSpec | None
    by_label: dict[str, OperatorSpec]
    min_score: float | None
    min_score_by_label: dict[str, float]


def read_operators_file(path: str | Path) -> OperatorsFile:
    """Parse an operators file (YAML or JSON, module docstring); errors name the file and the field."""
    text = read_utf8(path, "an operators file (YAML or JSON)")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise PareError(f"{path}{line}: not valid YAML or JSON") from None
    if not isinstance(data, dict) or not data:
        raise PareError(f"{path}: expected a mapping from labels (or 'default') to operators")
    default, min_score = (None, None)
    if "default" in data:
        default, min_score = parse_entry(data["default"], f"{path}: default", OperatorSpec())
        default = default if _names_operator(data["default"]) else None
    by_label: dict[str, OperatorSpec] = {}
    thresholds: dict[str, float] = {}
    for label, raw in data.items():
        if label == "default":
            continue
        if not isinstance(label, str) or not label:
            raise PareError(f"{path}: a key is not a label name")
        spec, score = parse_entry(raw, f"{path}: {label}", OperatorSpec())
        if _names_operator(raw):
            by_label[label] = spec
        if score is not None:
            thresholds[label] = score
    return OperatorsFile(default, by_label, min_score, thresholds)


def _names_operator(raw: object) -> bool:
    return isinstance(raw, str) or (isinstance(raw, dict) and "operator" in raw)


def parse_min_scores(values: Sequence[str]) -> tuple[float | None, dict[str, float]]:
    """``--min-score`` values: ``X`` (every label) or ``LABEL=X``; the last one for a label wins."""
    overall: float | None = None
    by_label: dict[str, float] = {}
    for value in values:
        label, sep, number = value.rpartition("=")
        where = f"--min-score {value}"
        try:
            score = parse_min_score(float(number), where)
        except ValueError:
            raise PareError(f"{where}: expected X or LABEL=X, X a number from 0 to 1") from None
        if sep and not label:
            raise PareError(f"{where}: expected X or LABEL=X, X a number from 0 to 1")
        if sep:
            by_label[label] = score
        else:
            overall = score
    return overall, by_label


@dataclass(frozen=True)
class PolicyOptions:
    """The command line's redaction options, as given (``None``: not given)."""

    mode: str | None = None
    operator: str | None = None
    operators_file: str | None = None
    index: bool = False
    min_scores: Sequence[str] = ()
    consistent: Scope = "doc"
    every_occurrence: OccurrenceScope = "doc"


def build_policy(options: PolicyOptions) -> RedactionPolicy:
    """The policy the options give: the file's entries per label; for the other labels ``--operator``, else
    ``--mode``, else the file's ``default``, else ``replace``; ``--min-score`` over the file's thresholds;
    ``--index`` for every ``replace`` that does not say ``indexed``."""
    if options.mode is not None and options.operator is not None:
        raise PareError("give --mode or --operator, not both")
    read = read_operators_file(options.operators_file) if options.operators_file else None
    default = OperatorSpec()
    if options.operator is not None:
        if options.operator not in OPERATORS:
            raise PareError(
                f"--operator: unknown operator {options.operator!r}; expected one of {', '.join(OPERATORS)}"
            )
        default = parse_entry(options.operator, "--operator", default)[0]
    elif options.mode is not None:
        default = MODE_OPERATORS[options.mode]
    elif read is not None and read.default is not None:
        default = read.default
    by_label = dict(read.by_label) if read else {}
    if options.index and default.new_value is not None and default.operator == "replace":
        raise PareError("--index numbers typed placeholders; it cannot be combined with --mode generic")
    default = _with_index(default, options.index)
    by_label = {label: _with_index(spec, options.index) for label, spec in by_label.items()}
    overall, thresholds = parse_min_scores(options.min_scores)
    file_overall, file_thresholds = (read.min_score, read.min_score_by_label) if read else (None, {})
    return RedactionPolicy(
        default=default,
        by_label=by_label,
        min_score=overall if overall is not None else file_overall,
        min_score_by_label={**file_thresholds, **thresholds},
        consistent=options.consistent,
        every_occurrence=options.every_occurrence,
    )


def _with_index(spec: OperatorSpec, index: bool) -> OperatorSpec:
    if spec.operator != "replace" or spec.indexed is not None:
        return spec
    return replace(spec, indexed=index and spec.new_value is None)
