"""Best label paths: constrained Viterbi (BIOES/BIO rules plus operating-point biases) and plain argmax."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from pare.decode.inputs import ArrayLike, Batch, as_batch, as_lengths, as_scores, valid_tokens
from pare.decode.transitions import OperatingPoint, Transitions, build_transitions, step_kinds
from pare.labels import Taxonomy


def viterbi_decode(
    scores: ArrayLike,
    labels: Sequence[str] | Taxonomy,
    mask: ArrayLike | None = None,
    biases: OperatingPoint | Mapping[str, float] | None = None,
    word_ids: Sequence[Sequence[int | None]] | np.ndarray | None = None,
    breaks: Sequence[Sequence[bool]] | np.ndarray | None = None,
    lines: Sequence[Sequence[bool]] | np.ndarray | None = None,
) -> list[list[int]]:
    """The highest-scoring valid label-id path of each sequence.

    ``scores``: per-token log-probabilities (batch, tokens, labels), a numpy array or a torch tensor;
    ``mask``: (batch, tokens), real tokens first (padding only at the end). A path scores
    ``sum_t emit[t, y_t] + sum_t trans[y_{t-1}, y_t]`` with ``trans`` the operating-point biases, ``-inf`` on
    forbidden transitions, starts and ends. With ``word_ids`` (each token's word, as
    ``BatchEncoding.word_ids()``), no span starts or ends inside a word. With ``breaks`` (per token: true
    where a paragraph break lies before it), no span continues across a break; with ``lines`` (per token:
    true where a line break lies before it), no span of a single-line category (``pare.labels
    .SINGLE_LINE_CATEGORIES``) continues across it. A paragraph break wins over a line break at the same
    token, and either over a word.
    Each returned path has one label id per real token (``[]`` for a row without any). Vectorized over the
    batch and the labels; the loop runs over tokens.
    """
    trans = build_transitions(labels, biases)
    return best_paths(as_batch(scores, len(trans.taxonomy.labels), mask, word_ids, breaks, lines), trans)


def best_paths(inputs: Batch, trans: Transitions) -> list[list[int]]:
    """``viterbi_decode`` on checked inputs."""
    path = best_path_array(inputs, trans)
    return [path[b, :n].tolist() for b, n in enumerate(inputs.lengths.tolist())]


def best_path_array(inputs: Batch, trans: Transitions) -> np.ndarray:
    """The best label ids (batch, longest row's real tokens); entries past a row's length are meaningless."""
    lengths = inputs.lengths
    batch = len(lengths)
    steps = int(lengths.max()) if batch else 0
    if steps == 0:
        return np.zeros((batch, 0), dtype=np.intp)
    # padding scores 0 and steps by the identity, so a row's delta reaches the last step unchanged
    emit = np.where(valid_tokens(lengths, steps)[..., None], inputs.emit[:, :steps], 0.0)
    kinds, shared = step_kinds(lengths, steps, inputs.joined, inputs.breaks, inputs.lines)
    into = trans.into  # into[k, j, i] = trans_k[i, j]
    n_labels = emit.shape[2]
    pointers = np.zeros((steps, batch, n_labels), dtype=np.intp)
    cand = np.empty((batch, n_labels, n_labels))  # reused: no allocation per token
    row_start = np.arange(batch * n_labels) * n_labels  # flat index of cand[b, j, 0]
    # delta[b, j] = best score of a valid path over tokens 0..t ending on label j
    delta = emit[:, 0] + trans.start
    for t in range(1, steps):
        # delta'[b, j] = max_i delta[b, i] + trans_k[i, j] + emit[t, j], k the kind of step into token t
        kind = shared[t]
        np.add(delta[:, None, :], into[kind] if kind >= 0 else into[kinds[:, t]], out=cand)
        arg = cand.argmax(axis=2, out=pointers[t])
        # the max gathered at the argmax: faster than cand.max(axis=2) on these small matrices
        delta = cand.take(row_start + arg.ravel()).reshape(batch, n_labels)
        delta += emit[:, t]
    return _backtrace(pointers, (delta + trans.end).argmax(axis=1))


def _backtrace(pointers: np.ndarray, last: np.ndarray) -> np.ndarray:
    """Follow the back-pointers (steps, batch, labels) from each row's best last label: (batch, steps).

    On padding a pointer keeps its label (identity step; a label whose delta is ``-inf`` points to 0, but
    then every label's is and ``last`` is 0 too), so each row's path ends on ``last`` at its last real token.
    """
    steps, batch, n_labels = pointers.shape
    flat = pointers.reshape(steps, batch * n_labels)
    offsets = np.arange(batch) * n_labels  # flat index of pointers[t, b, 0]
    path = np.empty((steps, batch), dtype=np.intp)
    path[-1] = last
    for t in range(steps - 1, 0, -1):
        path[t - 1] = flat[t].take(offsets + path[t])
    return path.T


def argmax_decode(scores: ArrayLike, mask: ArrayLike | None = None) -> list[list[int]]:
    """The per-token best label id, without any transition constraint (one id per real token)."""
    emit = as_scores(scores)
    lengths = as_lengths(mask, emit)
    best = emit.argmax(axis=-1)
    return [best[b, :n].tolist() for b, n in enumerate(lengths.tolist())]
