"""Span and token metrics as pure functions over gold and predicted spans.

A span is anything with ``label``, ``start`` and ``end`` (character offsets, end exclusive): a
``pare.data.jsonl.Span`` or a detected span. Both sides are trimmed of surrounding whitespace before they
are compared, so ``" Ana "`` and ``"Ana"`` are the same span.

Conventions for empty counts: precision is ``tp / n_pred`` and recall ``tp / n_gold``; a ratio over zero
is 1 when the other side is empty too (nothing to find and nothing found) and 0 otherwise.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Protocol

from pare.data.align import IGNORE_INDEX
from pare.errors import PareError


class SpanLike(Protocol):
    @property
    def label(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float

    def to_dict(self) -> dict[str, float]:
        return asdict(self)


@dataclass(frozen=True)
class LabelScores(PRF):
    support: int = 0  # number of gold spans of the label


@dataclass(frozen=True)
class SpanScores:
    """Strict span scores: micro over all spans, macro over labels seen in gold or predictions."""

    micro: PRF
    macro: PRF
    per_label: dict[str, LabelScores] = field(default_factory=dict)
    n_gold: int = 0
    n_pred: int = 0


def _ratio(num: int, den: int, other: int) -> float:
    if den:
        return num / den
    return 1.0 if other == 0 else 0.0


def prf(tp: int, n_pred: int, n_gold: int) -> PRF:
    """Precision, recall and F1 (harmonic mean ``2PR / (P + R)``) from counts."""
    p = _ratio(tp, n_pred, n_gold)
    r = _ratio(tp, n_gold, n_pred)
    return PRF(p, r, 2 * p * r / (p + r) if p + r else 0.0)


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without leading and trailing whitespace (may become empty)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def span_keys(text: str, spans: Sequence[SpanLike]) -> list[tuple[str, int, int]]:
    """``(label, start, end)`` of each span with its bounds trimmed; spans of only whitespace are dropped."""
    keys = []
    for s in spans:
        start, end = strip_span(text, s.start, s.end)
        if start < end:
            keys.append((s.label, start, end))
    return keys


def check_lengths(texts: Sequence[str], gold: Sequence, pred: Sequence) -> None:
    if not len(texts) == len(gold) == len(pred):
        raise PareError(
            f"need one gold and one predicted span list per text: {len(texts)} texts, "
            f"{len(gold)} gold lists, {len(pred)} predicted lists"
        )


def strict_span_scores(
    texts: Sequence[str], gold: Sequence[Sequence[SpanLike]], pred: Sequence[Sequence[SpanLike]]
) -> SpanScores:
    """Exact-match scores: a predicted span is correct when a gold span has its label and trimmed bounds."""
    check_lengths(texts, gold, pred)
    tp, n_gold, n_pred = Counter(), Counter(), Counter()
    for text, g, p in zip(texts, gold, pred, strict=True):
        gold_keys, pred_keys = Counter(span_keys(text, g)), Counter(span_keys(text, p))
        for key, n in gold_keys.items():
            n_gold[key[0]] += n
        for key, n in pred_keys.items():
            n_pred[key[0]] += n
        # a duplicated prediction matches at most as many identical gold spans as there are
        for key, n in (gold_keys & pred_keys).items():
            tp[key[0]] += n
    labels = sorted(set(n_gold) | set(n_pred))
    per_label = {}
    for label in labels:
        scores = prf(tp[label], n_pred[label], n_gold[label])
        per_label[label] = LabelScores(scores.precision, scores.recall, scores.f1, n_gold[label])
    total_gold, total_pred = sum(n_gold.values()), sum(n_pred.values())
    micro = prf(sum(tp.values()), total_pred, total_gold)
    if labels:
        # macro: unweighted mean of the per-label values
        macro = PRF(
            *(
                sum(getattr(s, k) for s in per_label.values()) / len(labels)
                for k in ("precision", "recall", "f1")
            )
        )
    else:
        macro = micro
    return SpanScores(micro, macro, per_label, total_gold, total_pred)


def overlap_span_scores(
    texts: Sequence[str], gold: Sequence[Sequence[SpanLike]], pred: Sequence[Sequence[SpanLike]]
) -> PRF:
    """Lenient scores: a prediction matches a gold span of the same label that it overlaps by a character.

    Matching is one to one (each gold and each prediction is used at most once). Per label, predictions are
    taken by increasing end and each takes the earliest-ending free gold it overlaps; for intervals this
    greedy choice gives a maximum matching.
    """
    check_lengths(texts, gold, pred)
    matched = total_gold = total_pred = 0
    for text, g, p in zip(texts, gold, pred, strict=True):
        gold_keys, pred_keys = span_keys(text, g), span_keys(text, p)
        total_gold += len(gold_keys)
        total_pred += len(pred_keys)
        free = sorted(gold_keys, key=lambda k: (k[2], k[1]))
        for label, start, end in sorted(pred_keys, key=lambda k: (k[2], k[1])):
            for i, (g_label, g_start, g_end) in enumerate(free):
                if g_label == label and g_start < end and start < g_end:
                    matched += 1
                    del free[i]
                    break
    return prf(matched, total_pred, total_gold)


def token_accuracy(pred: Sequence[Sequence[int]], gold: Sequence[Sequence[int]]) -> float:
    """Share of tokens whose predicted label id equals the gold one; gold ``IGNORE_INDEX`` tokens are skipped.

    1.0 when there is no token to score.
    """
    if len(pred) != len(gold):
        raise PareError(f"need one predicted and one gold id list per document: {len(pred)} vs {len(gold)}")
    correct = total = 0
    for k, (p, g) in enumerate(zip(pred, gold, strict=True)):
        if len(p) != len(g):
            raise PareError(f"document {k}: {len(p)} predicted label ids for {len(g)} gold ones")
        for a, b in zip(p, g, strict=True):
            if b != IGNORE_INDEX:
                total += 1
                correct += a == b
    return correct / total if total else 1.0
