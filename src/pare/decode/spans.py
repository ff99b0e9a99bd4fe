"""Scores to scored token spans: constrained Viterbi (default) or per-token argmax."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

import numpy as np

from pare.decode.inputs import ArrayLike, as_batch, as_scores
from pare.decode.marginals import span_scores
from pare.decode.transitions import OperatingPoint, as_taxonomy, build_transitions
from pare.decode.viterbi import argmax_decode, best_paths
from pare.errors import PareError
from pare.labels import Taxonomy, TokenSpan, tags_to_spans


def decode_spans(
    scores: ArrayLike,
    labels: Sequence[str] | Taxonomy,
    mask: ArrayLike | None = None,
    biases: OperatingPoint | Mapping[str, float] | None = None,
    method: Literal["viterbi", "argmax"] = "viterbi",
    word_ids: Sequence[Sequence[int | None]] | np.ndarray | None = None,
    breaks: Sequence[Sequence[bool]] | np.ndarray | None = None,
) -> list[list[TokenSpan]]:
    """Token spans ``[start, end)`` with category and ``score`` for each sequence of a batch.

    ``viterbi``: spans of the constrained best path; ``score`` is the exact posterior probability of the
    span under the same constrained, biased chain (``pare.decode.marginals``). With ``word_ids`` (each
    token's word), spans start and end at word boundaries only; with ``breaks`` (per token: a paragraph
    break before it), no span continues across a break.
    ``argmax``: spans read leniently off the per-token argmax (``pare.labels.tags_to_spans``); ``score`` is
    the mean over the span's tokens of the argmax label's probability (softmax of ``scores`` over labels,
    which is ``exp(scores)`` for log-probabilities). ``biases``, ``word_ids`` and ``breaks`` do not apply to
    argmax.
    """
    taxonomy = as_taxonomy(labels)
    names = taxonomy.labels
    if method == "viterbi":
        # inputs checked and transitions built once for both passes
        trans = build_transitions(taxonomy, biases)
        inputs = as_batch(scores, len(names), mask, word_ids, breaks)
        paths = best_paths(inputs, trans)
        return span_scores(inputs, trans, [tags_to_spans([names[i] for i in path]) for path in paths])
    if method != "argmax":
        raise PareError(f"unknown decoding method {method!r}; expected 'viterbi' or 'argmax'")
    emit = as_scores(scores, len(names))
    paths = argmax_decode(emit, mask)
    # probability of the argmax label: its softmax value, 1 / sum_j exp(emit_j - max_j emit_j)
    with np.errstate(invalid="ignore"):
        top = 1.0 / np.exp(emit - emit.max(axis=-1, keepdims=True)).sum(axis=-1)
    top = np.nan_to_num(top, nan=0.0)
    return [
        [
            TokenSpan(s.start, s.end, s.label, float(top[b, s.start : s.end].mean()))
            for s in tags_to_spans(tags)
        ]
        for b, tags in enumerate([names[i] for i in path] for path in paths)
    ]
