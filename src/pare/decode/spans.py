"""Scores to scored token spans: constrained Viterbi (default) or per-token argmax."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

import numpy as np

from pare.decode.inputs import ArrayLike, as_batch, as_scores, valid_tokens
from pare.decode.marginals import span_probs
from pare.decode.transitions import OperatingPoint, as_taxonomy, build_transitions
from pare.decode.viterbi import argmax_decode, best_path_array
from pare.errors import PareError
from pare.labels import PREFIXES, Taxonomy, TokenSpan, tags_to_spans


def decode_spans(
    scores: ArrayLike,
    labels: Sequence[str] | Taxonomy,
    mask: ArrayLike | None = None,
    biases: OperatingPoint | Mapping[str, float] | None = None,
    method: Literal["viterbi", "argmax"] = "viterbi",
    word_ids: Sequence[Sequence[int | None]] | np.ndarray | None = None,
    breaks: Sequence[Sequence[bool]] | np.ndarray | None = None,
    lines: Sequence[Sequence[bool]] | np.ndarray | None = None,
) -> list[list[TokenSpan]]:
    """Token spans ``[start, end)`` with category and ``score`` for each sequence of a batch.

    ``viterbi``: spans of the constrained best path; ``score`` is the exact posterior probability of the
    span under the same constrained, biased chain (``pare.decode.marginals``). With ``word_ids`` (each
    token's word), spans start and end at word boundaries only; with ``breaks`` (per token: a paragraph
    break before it), no span continues across a break; with ``lines`` (per token: a line break before it),
    no span of a single-line category continues across one (``viterbi_decode``).
    ``argmax``: spans read leniently off the per-token argmax (``pare.labels.tags_to_spans``); ``score`` is
    the mean over the span's tokens of the argmax label's probability (softmax of ``scores`` over labels,
    which is ``exp(scores)`` for log-probabilities). ``biases``, ``word_ids``, ``breaks`` and ``lines`` do
    not apply to argmax.
    """
    taxonomy = as_taxonomy(labels)
    names = taxonomy.labels
    if method == "viterbi":
        # inputs checked and transitions built once for both passes
        trans = build_transitions(taxonomy, biases)
        inputs = as_batch(scores, len(names), mask, word_ids, breaks, lines)
        table = path_spans(best_path_array(inputs, trans), inputs.lengths, taxonomy)
        probs = span_probs(inputs, trans, *table)
        out: list[list[TokenSpan]] = [[] for _ in inputs.lengths]
        for row, start, end, cat, p in zip(*(a.tolist() for a in (*table, probs)), strict=True):
            out[row].append(TokenSpan(start, end, taxonomy.categories[cat], p))
        return out
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


def path_spans(
    paths: np.ndarray, lengths: np.ndarray, taxonomy: Taxonomy
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Row, start, end and category index (K,) of the spans of label-id ``paths`` (batch, >= longest row),
    in order: ``pare.labels.tags_to_spans`` of each row's ids, vectorized over all tokens of the batch.

    Label ``1 + n * c + p`` is prefix ``p`` (B, I, E, S; B, I in BIO) of category ``c`` (``Taxonomy``
    order). As in ``tags_to_spans``, token ``t`` continues the span of ``t - 1`` when ``t - 1`` is B/I and
    ``t`` is I/E of one category; a span starts at every other labelled token and ends at its last token
    that the next one does not continue.
    """
    ids = paths[valid_tokens(lengths, paths.shape[1])]  # every row's real tokens, one after another
    rows = np.repeat(np.arange(len(lengths)), lengths)
    n_prefix = len(PREFIXES[taxonomy.scheme])
    labelled = ids > 0
    cat, prefix = np.divmod(ids - 1, n_prefix)
    stays_open = labelled & (prefix <= 1)  # B or I
    continues = np.zeros(len(ids), dtype=bool)
    continues[1:] = (
        stays_open[:-1]
        & labelled[1:]
        & ((prefix[1:] == 1) | (prefix[1:] == 2))  # I or E
        & (cat[1:] == cat[:-1])
        & (rows[1:] == rows[:-1])
    )
    first = np.flatnonzero(labelled & ~continues)
    last = np.flatnonzero(labelled & ~np.append(continues[1:], False))
    row_start = np.cumsum(lengths) - lengths  # flat index of each row's first token
    span_rows = rows[first]
    return span_rows, first - row_start[span_rows], last + 1 - row_start[span_rows], cat[first]
