"""How much of a difference in strict span F1 between two models is the test set's luck: a paired bootstrap.

Both models are scored on the same documents; resampling documents with replacement (the same draw for both)
and recomputing micro F1 = 2·tp / (n_gold + n_pred) from the resampled counts gives the distribution of the
difference that another test set of the same kind would show. Its percentiles are the interval. With
``groups`` (each document's template), whole templates are resampled instead (a cluster bootstrap): the
interval then covers another draw of templates, which is what a claim about unseen templates needs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np

from pare.evaluate.metrics import SpanLike, check_lengths, span_keys


def document_counts(
    texts: Sequence[str], gold: Sequence[Sequence[SpanLike]], pred: Sequence[Sequence[SpanLike]]
) -> np.ndarray:
    """Per document ``(tp, n_gold, n_pred)`` of strict span matching, shape ``(docs, 3)``."""
    check_lengths(texts, gold, pred)
    rows = []
    for text, g, p in zip(texts, gold, pred, strict=True):
        gold_keys, pred_keys = Counter(span_keys(text, g)), Counter(span_keys(text, p))
        rows.append((sum((gold_keys & pred_keys).values()), gold_keys.total(), pred_keys.total()))
    return np.asarray(rows, dtype=np.int64).reshape(-1, 3)


@dataclass(frozen=True)
class F1Difference:
    """Micro F1 of ``a`` and ``b`` on the test set, and the bootstrap percentile interval of their difference."""

    f1_a: float
    f1_b: float
    low: float
    high: float
    level: float

    @property
    def delta(self) -> float:
        """F1 of ``b`` minus F1 of ``a``."""
        return self.f1_b - self.f1_a


def _f1(counts: np.ndarray) -> np.ndarray:
    tp, gold, pred = counts[..., 0], counts[..., 1], counts[..., 2]
    return np.where(gold + pred > 0, 2 * tp / np.maximum(gold + pred, 1), 1.0)


def group_counts(counts: np.ndarray, groups: Sequence[Hashable]) -> np.ndarray:
    """Per-document counts summed per group (in order of first appearance), shape ``(groups, 3)``."""
    if len(groups) != len(counts):
        raise ValueError(f"{len(groups)} group names for {len(counts)} documents")
    index = {g: i for i, g in enumerate(dict.fromkeys(groups))}
    summed = np.zeros((len(index), 3), dtype=np.int64)
    np.add.at(summed, [index[g] for g in groups], counts)
    return summed


def paired_f1_difference(
    a: np.ndarray,
    b: np.ndarray,
    resamples: int = 2000,
    level: float = 0.95,
    seed: int = 0,
    groups: Sequence[Hashable] | None = None,
) -> F1Difference:
    """Bootstrap interval of ``F1(b) - F1(a)`` from per-document counts of the same documents; ``groups``
    resamples whole groups (templates) instead of documents."""
    if a.shape != b.shape:
        raise ValueError(f"counts of {len(a)} and {len(b)} documents: both models must score the same ones")
    if groups is not None:
        a, b = group_counts(a, groups), group_counts(b, groups)
    draw = np.random.default_rng(seed).integers(0, len(a), size=(resamples, len(a)))
    deltas = _f1(b[draw].sum(1)) - _f1(a[draw].sum(1))
    tail = (1 - level) / 2
    low, high = np.quantile(deltas, [tail, 1 - tail])
    return F1Difference(float(_f1(a.sum(0))), float(_f1(b.sum(0))), float(low), float(high), level)
