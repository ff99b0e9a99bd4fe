"""Best label paths: constrained Viterbi (BIOES/BIO rules plus operating-point biases) and plain argmax."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import torch

from pare.decode.inputs import as_breaks, as_joined, as_lengths, as_scores, valid_tokens
from pare.decode.transitions import OperatingPoint, build_transitions
from pare.labels import Taxonomy


def viterbi_decode(
    scores: torch.Tensor | np.ndarray,
    labels: Sequence[str] | Taxonomy,
    mask: torch.Tensor | np.ndarray | None = None,
    biases: OperatingPoint | Mapping[str, float] | None = None,
    word_ids: Sequence[Sequence[int | None]] | np.ndarray | None = None,
    breaks: Sequence[Sequence[bool]] | np.ndarray | None = None,
) -> list[list[int]]:
    """The highest-scoring valid label-id path of each sequence.

    ``scores``: per-token log-probabilities (batch, tokens, labels); ``mask``: (batch, tokens), real tokens
    first (padding only at the end). A path scores ``sum_t emit[t, y_t] + sum_t trans[y_{t-1}, y_t]`` with
    ``trans`` the operating-point biases, ``-inf`` on forbidden transitions, starts and ends. With
    ``word_ids`` (each token's word, as ``BatchEncoding.word_ids()``), no span starts or ends inside a word.
    With ``breaks`` (per token: true where a paragraph break lies before it), no span continues across a
    break; at a token both inside a word and after a break, the break wins.
    Each returned path has one label id per real token (``[]`` for a row without any). Vectorized over the
    batch.
    """
    trans = build_transitions(labels, biases)
    emit = as_scores(scores, len(trans.taxonomy.labels))
    lengths = as_lengths(mask, emit)
    batch, _, n_labels = emit.shape
    steps = int(lengths.max()) if batch else 0
    if steps == 0:
        return [[] for _ in range(batch)]
    live = valid_tokens(lengths, steps)
    joined = as_joined(word_ids, lengths, steps)
    broken = as_breaks(breaks, lengths, steps)
    into_word = np.ascontiguousarray(trans.within.T)
    into_break = np.ascontiguousarray(trans.close.T)
    stay = np.broadcast_to(np.arange(n_labels), (batch, n_labels))
    # delta[b, j] = best score of a valid path over tokens 0..t ending on label j
    delta = emit[:, 0] + trans.start
    pointers = np.empty((batch, steps, n_labels), dtype=np.int64)
    into = np.ascontiguousarray(trans.matrix.T)  # into[j, i] = trans[i, j]: reduce over the last axis
    cand = np.empty((batch, n_labels, n_labels))
    row_start = np.arange(batch * n_labels) * n_labels  # flat offset of cand[b, j, 0]
    for t in range(1, steps):
        # delta'[b, j] = max_i delta[b, i] + trans[i, j], plus emit[t, j]; padded rows keep delta as is
        np.add(delta[:, None, :], into, out=cand)
        # inside a word no span starts or ends; after a paragraph break none continues (last: the break wins)
        _restrict(cand, delta, None if joined is None else joined[:, t], into_word)
        _restrict(cand, delta, None if broken is None else broken[:, t], into_break)
        arg = cand.argmax(axis=2)
        best = cand.take(row_start + arg.ravel()).reshape(batch, n_labels)
        on = live[:, t, None]
        delta = np.where(on, best + emit[:, t], delta)
        pointers[:, t] = np.where(on, arg, stay)
    path = np.empty((batch, steps), dtype=np.int64)
    path[:, -1] = (delta + trans.end).argmax(axis=1)
    rows = np.arange(batch)
    for t in range(steps - 1, 0, -1):
        path[:, t - 1] = pointers[rows, t, path[:, t]]
    # padded steps point to themselves, so a row's path ends where its real tokens end
    return [path[b, :n].tolist() for b, n in enumerate(lengths.tolist())]


def _restrict(cand: np.ndarray, delta: np.ndarray, flagged: np.ndarray | None, into: np.ndarray) -> None:
    """In the ``flagged`` rows (``None``: none), rescore ``cand`` with the transposed transitions ``into``."""
    if flagged is not None and flagged.any():
        cand[flagged] = delta[flagged, None, :] + into


def argmax_decode(
    scores: torch.Tensor | np.ndarray, mask: torch.Tensor | np.ndarray | None = None
) -> list[list[int]]:
    """The per-token best label id, without any transition constraint (one id per real token)."""
    emit = as_scores(scores)
    lengths = as_lengths(mask, emit)
    best = emit.argmax(axis=-1)
    return [best[b, :n].tolist() for b, n in enumerate(lengths.tolist())]
