"""Shared input checks: scores as a float64 array, the mask as per-row lengths, per-token constraints.

Decoding runs in numpy on the CPU and never imports torch (the onnxruntime path has none): its per-token
steps are small (batch × labels × labels) and torch's intra-op thread pool makes each of them far slower on
a shared CPU, while numpy runs them in the caller's thread. Torch tensors (any device) are still accepted:
they are recognised by their methods and copied to the CPU once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from pare.errors import PareError

ArrayLike = Any  # a numpy array, a torch tensor (any device, any dtype) or nested lists


def to_numpy(x: ArrayLike) -> ArrayLike:
    """A torch tensor as a CPU numpy array (floating point as float64: bfloat16 has no numpy dtype);
    anything else unchanged. Duck-typed, so that decoding works without torch installed."""
    if hasattr(x, "detach") and hasattr(x, "numpy") and hasattr(x, "is_floating_point"):
        x = x.detach().cpu()
        return x.double().numpy() if x.is_floating_point() else x.numpy()
    return x


def as_scores(scores: ArrayLike, n_labels: int | None = None) -> np.ndarray:
    """``scores`` as a float64 array shaped (batch, tokens, labels)."""
    array = np.asarray(to_numpy(scores), dtype=np.float64)
    if array.ndim != 3:
        raise PareError(f"scores must be shaped (batch, tokens, labels), got shape {array.shape}")
    if array.shape[-1] == 0:
        raise PareError("scores have no labels (last dimension is 0)")
    if n_labels is not None and array.shape[-1] != n_labels:
        raise PareError(f"scores have {array.shape[-1]} labels but the label list has {n_labels}")
    return array


def as_lengths(mask: ArrayLike | None, scores: np.ndarray) -> np.ndarray:
    """Per-row number of real tokens (int64, (batch,)) from a (batch, tokens) bool/int mask; ``None``: all real.

    Real tokens must be a prefix of each row (padding only at the end): a mask with holes is a
    ``PareError``. NaN and ``+inf`` scores on real tokens are rejected too; padding may hold anything.
    """
    batch, tokens, _ = scores.shape
    if mask is None:
        lengths = np.full(batch, tokens, dtype=np.int64)
    else:
        m = np.asarray(to_numpy(mask)) != 0
        if m.shape != (batch, tokens):
            raise PareError(f"mask must be shaped (batch, tokens) = {(batch, tokens)}, got {m.shape}")
        lengths = m.sum(axis=1).astype(np.int64)
        holes = np.flatnonzero((valid_tokens(lengths, tokens) != m).any(axis=1))
        if holes.size:
            raise PareError(f"mask row {holes[0]}: real tokens must come first, padding only at the end")
    _check_finite(scores, valid_tokens(lengths, tokens))
    return lengths


def _check_finite(scores: np.ndarray, real: np.ndarray) -> None:
    """Scores of real tokens are log-probabilities: finite, or ``-inf`` for "impossible"; NaN and ``+inf``
    (which would outweigh every constraint and give invalid paths) are a ``PareError`` naming the first."""
    bad = (np.isnan(scores) | np.isposinf(scores)).any(axis=-1) & real
    if bad.any():
        row, token = np.argwhere(bad)[0]
        kind = "NaN" if np.isnan(scores[row, token]).any() else "+inf"
        raise PareError(
            f"scores contain {kind} on real tokens (row {row}, token {token}): "
            "log-probabilities must be finite or -inf"
        )


def valid_tokens(lengths: np.ndarray, tokens: int) -> np.ndarray:
    """(batch, tokens) bool: True on real tokens."""
    return np.arange(tokens)[None, :] < lengths[:, None]


def as_joined(word_ids, lengths: np.ndarray, tokens: int) -> np.ndarray | None:
    """(batch, tokens) bool: True where real token ``t`` is a later piece of the word of token ``t - 1``.

    ``word_ids`` holds each row's word index per token, as ``BatchEncoding.word_ids()`` gives it (``None``
    or a negative number for tokens of no word); ragged rows are fine as long as each covers its real tokens.
    ``None`` gives ``None``: no word constraint.
    """
    if word_ids is None:
        return None
    if len(word_ids) != len(lengths):
        raise PareError(f"word_ids has {len(word_ids)} rows but scores have {len(lengths)}")
    words = np.full((len(lengths), tokens), -1, dtype=np.int64)
    for b, (row, n) in enumerate(zip(word_ids, lengths.tolist(), strict=True)):
        if len(row) < n:
            raise PareError(f"word_ids row {b} has {len(row)} entries for {n} real tokens")
        words[b, :n] = [-1 if w is None else int(w) for w in row[:n]]
    joined = np.zeros_like(words, dtype=bool)
    joined[:, 1:] = (words[:, 1:] == words[:, :-1]) & (words[:, 1:] >= 0)
    return joined & valid_tokens(lengths, tokens)


def as_breaks(breaks, lengths: np.ndarray, tokens: int, name: str = "breaks") -> np.ndarray | None:
    """(batch, tokens) bool: True where a break (of a paragraph, or a line) lies between real tokens ``t - 1``
    and ``t``.

    ``breaks`` holds each row's flag per token (true: a break before that token), as a (batch, tokens) array
    or ragged rows that each cover their real tokens. A flag on a row's first token has no token before it
    and is ignored, as are flags on padding. ``None`` gives ``None``: no break constraint. ``name`` is the
    argument's name in error messages.
    """
    if breaks is None:
        return None
    if len(breaks) != len(lengths):
        raise PareError(f"{name} has {len(breaks)} rows but scores have {len(lengths)}")
    out = np.zeros((len(lengths), tokens), dtype=bool)
    for b, (row, n) in enumerate(zip(breaks, lengths.tolist(), strict=True)):
        if len(row) < n:
            raise PareError(f"{name} row {b} has {len(row)} entries for {n} real tokens")
        out[b, 1:n] = np.asarray(row[1:n], dtype=bool)
    return out


@dataclass(frozen=True)
class Batch:
    """Checked decoder inputs: ``emit`` float64 (batch, tokens, labels), ``lengths`` (batch,) real tokens
    per row, ``joined``, ``breaks`` (paragraph) and ``lines`` (line breaks) (batch, tokens) bool or ``None``
    (``as_joined``, ``as_breaks``)."""

    emit: np.ndarray
    lengths: np.ndarray
    joined: np.ndarray | None
    breaks: np.ndarray | None
    lines: np.ndarray | None


def as_batch(
    scores: ArrayLike,
    n_labels: int,
    mask: ArrayLike | None,
    word_ids: Sequence[Sequence[int | None]] | np.ndarray | None,
    breaks: Sequence[Sequence[bool]] | np.ndarray | None,
    lines: Sequence[Sequence[bool]] | np.ndarray | None = None,
) -> Batch:
    """Check and convert the inputs of the constrained decoders once (``PareError`` on bad ones)."""
    emit = as_scores(scores, n_labels)
    lengths = as_lengths(mask, emit)
    tokens = emit.shape[1]
    return Batch(
        emit,
        lengths,
        as_joined(word_ids, lengths, tokens),
        as_breaks(breaks, lengths, tokens),
        as_breaks(lines, lengths, tokens, "lines"),
    )
