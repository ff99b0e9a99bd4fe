"""Constrained forward-backward: per-token label marginals and exact span probabilities.

The chain: a label path ``y`` over the real tokens has potential
``exp(start[y_0] + sum_t emit[t, y_t] + sum_{t>0} trans[y_{t-1}, y_t] + end[y_last])`` where ``emit`` are the
token log-probabilities, ``trans`` the operating-point biases (``-inf`` on forbidden transitions) and
``start``/``end`` are 0 or ``-inf`` (see ``pare.decode.transitions``). ``P(y)`` is the potential over
``Z``, the sum over all paths. With ``alpha[t, j]`` the log-sum of the potentials of the prefixes ending
on ``j`` at ``t`` and ``beta[t, j]`` that of the suffixes after ``(t, j)``:

- token marginal: ``P(y_t = j) = exp(alpha[t, j] + beta[t, j] - log Z)``;
- span score: the probability that the path contains exactly the span ``[s, e]`` of category ``x``
  (labels ``B-x I-x .. E-x``, or ``S-x`` for one token in BIOES; ``B-x I-x ..`` in BIO), i.e. it starts at
  ``s``, ends at ``e`` and has that category:
  ``log P = alpha[s, y_s] + sum_{t=s+1..e} (trans[y_{t-1}, y_t] + emit[t, y_t]) + beta'[e, y_e] - log Z``.
  ``beta'`` is ``beta`` restricted to transitions that do not continue the span; in BIOES a span ending on
  E/S cannot continue, so ``beta' = beta``; in BIO it excludes ``I-x`` at ``e + 1``.
With word ids, the step into a token that continues a word uses ``Transitions.within``, so every path (and
so every probability) is one whose spans start and end at word boundaries. With paragraph breaks, the step
into a token after a break uses ``Transitions.close`` (the break wins over a word), so no path has a span
across a break, and a span across one has probability 0.
Computed in float64 numpy (see ``pare.decode.inputs``) by scaled probability-space recursions that yield
the log-space tables, with the same constraints and biases as the Viterbi decoder; vectorized over the
batch, the loop runs over tokens only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from pare.decode.inputs import ArrayLike, Batch, as_batch, valid_tokens
from pare.decode.transitions import PAD, OperatingPoint, Transitions, build_transitions, step_kinds
from pare.errors import PareError
from pare.labels import Taxonomy, TokenSpan


@dataclass(frozen=True)
class ForwardBackward:
    """Log-space forward/backward tables (batch, steps, labels) of the constrained chain, ``log_z`` (batch,).

    ``steps`` is the longest row's number of real tokens; entries past a row's length are not meaningful.
    ``emit`` is the input cut to ``steps`` tokens with padding set to 0; ``breaks`` (batch, steps) marks the
    tokens after a paragraph break.
    """

    emit: np.ndarray
    breaks: np.ndarray
    alpha: np.ndarray
    beta: np.ndarray
    beta_close: np.ndarray
    log_z: np.ndarray
    lengths: np.ndarray


@dataclass(frozen=True)
class _Chain:
    """The constrained chain in probability space, scaled so nothing overflows.

    ``emit[b, t, j] = top[b, t] + log(pe[b, t, j])`` with ``pe`` in [0, 1]; the step into a token of kind
    ``k`` (``pare.decode.transitions.step_kinds``) is ``trans_k = shift + log(forward[k])``, except on
    padding, where ``forward[PAD]`` is exactly the identity (no shift). ``backward`` holds the transposed
    matrices, ``backward_close`` those without span continuations (BIO only, else ``None``). ``offset`` is
    the log factor each step takes out: ``top + shift`` on real tokens, 0 on padding. ``kinds`` (batch,
    steps) and ``shared`` (per step) are ``step_kinds``'s.
    """

    pe: np.ndarray
    top: np.ndarray
    offset: np.ndarray
    forward: np.ndarray
    backward: np.ndarray
    backward_close: np.ndarray | None
    pstart: np.ndarray
    pend: np.ndarray
    kinds: np.ndarray
    shared: list[int]


def _scaled_chain(
    emit: np.ndarray, trans: Transitions, live: np.ndarray, kinds: np.ndarray, shared: list[int]
) -> _Chain:
    """The chain of ``emit`` (already cut to the steps, padding 0) and ``trans`` in scaled probability space."""
    top = emit.max(axis=2)
    top = np.where(np.isfinite(top), top, 0.0)
    finite = np.isfinite(trans.matrix)
    shift = float(trans.matrix[finite].max()) if finite.any() else 0.0

    def scaled(closing: bool) -> np.ndarray:
        mats = np.exp(trans.by_kind(closing) - shift)
        mats[PAD] = np.eye(len(trans.start))  # padding carries the chain over exactly
        return mats

    forward = scaled(False)
    bio = trans.taxonomy.scheme != "BIOES"
    return _Chain(
        pe=np.exp(emit - top[..., None]),
        top=top,
        offset=np.where(live, top + shift, 0.0),
        forward=forward,
        backward=np.ascontiguousarray(forward.transpose(0, 2, 1)),
        backward_close=np.ascontiguousarray(scaled(True).transpose(0, 2, 1)) if bio else None,
        pstart=np.exp(trans.start),
        pend=np.exp(trans.end),
        kinds=kinds,
        shared=shared,
    )


def _step(chain: _Chain, x: np.ndarray, mats: np.ndarray, t: int) -> np.ndarray:
    """``x[b] @ mats[k]`` with ``k`` row ``b``'s kind of step into token ``t``: one matrix product for the
    whole batch when the rows share the kind (most tokens), else the batch times each kind, picked per row
    (cheaper than gathering a matrix per row)."""
    kind = chain.shared[t]
    if kind >= 0:
        return x @ mats[kind]
    return np.matmul(x, mats)[chain.kinds[:, t], np.arange(len(x))]


def _normalize(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each row of ``x`` over its sum (rows summing to 0 stay 0), and the log of that sum (0 for those)."""
    total = x.sum(axis=1)
    total = np.where(total > 0, total, 1.0)
    return x / total[:, None], np.log(total)


def _forward(chain: _Chain) -> tuple[np.ndarray, np.ndarray]:
    """``a`` (batch, steps, labels) and ``scale`` (batch, steps) with ``alpha = log(a) + scale``.

    ``alpha[t, j] = log sum_i exp(alpha[t-1, i] + trans[i, j]) + emit[t, j]``; a padded step carries
    ``a[t-1]`` over unchanged (identity matrix, ``pe`` 1, offset 0).
    """
    pe = chain.pe
    batch, steps = chain.offset.shape
    a = np.empty_like(pe)
    scale = np.empty((batch, steps))
    a[:, 0], scale[:, 0] = _normalize(chain.pstart * pe[:, 0])
    scale[:, 0] += chain.top[:, 0]
    for t in range(1, steps):
        stepped = _step(chain, a[:, t - 1], chain.forward, t)
        a[:, t], log_factor = _normalize(stepped * pe[:, t])
        scale[:, t] = scale[:, t - 1] + log_factor + chain.offset[:, t]
    return a, scale


def _backward(chain: _Chain) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``b``, ``c`` (batch, steps, labels) and ``rest`` (batch, steps) with ``beta = log(b) + rest``.

    ``beta_close = log(c) + rest``; in BIOES ``c`` is ``b``.
    ``beta[t, i] = log sum_j exp(trans[i, j] + emit[t+1, j] + beta[t+1, j])``, from the end potentials at
    the last step; padded steps carry them back unchanged to each row's last real token (identity matrix,
    ``pe`` 1, offset 0).
    """
    pe = chain.pe
    batch, steps = chain.offset.shape
    b = np.empty_like(pe)
    c = b if chain.backward_close is None else np.empty_like(pe)
    b[:, -1] = c[:, -1] = chain.pend
    rest = np.zeros((batch, steps))
    for t in range(steps - 2, -1, -1):
        y = pe[:, t + 1] * b[:, t + 1]
        b[:, t], log_factor = _normalize(_step(chain, y, chain.backward, t + 1))
        rest[:, t] = log_factor + (chain.offset[:, t + 1] + rest[:, t + 1])
        if chain.backward_close is not None:
            c[:, t] = _step(chain, y, chain.backward_close, t + 1) / np.exp(log_factor)[:, None]
    return b, c, rest


def forward_backward(
    emit: np.ndarray,
    lengths: np.ndarray,
    trans: Transitions,
    joined: np.ndarray | None = None,
    breaks: np.ndarray | None = None,
) -> ForwardBackward:
    """Run the constrained forward and backward passes over float64 ``emit`` (batch, tokens, labels).

    ``joined`` (batch, tokens) marks tokens that continue the previous token's word: the step into them uses
    ``trans.within`` (no span starts or ends inside a word). ``breaks`` (batch, tokens) marks tokens after a
    paragraph break: the step into them uses ``trans.close`` (no span continues across it; wins over
    ``joined``).

    Scaled recursions in probability space (each step renormalized, its log factor accumulated) give the
    log-space tables; a label whose probability falls below 1e-308 of the step's largest reads ``-inf``.
    """
    steps = max(int(lengths.max()) if emit.shape[0] else 0, 1)
    live = valid_tokens(lengths, steps)
    emit = np.where(live[..., None], emit[:, :steps], 0.0)
    cut = np.zeros(live.shape, dtype=bool) if breaks is None else breaks[:, :steps] & live
    chain = _scaled_chain(emit, trans, live, *step_kinds(lengths, steps, joined, cut))
    a, scale = _forward(chain)
    b, c, rest = _backward(chain)
    with np.errstate(divide="ignore"):
        alpha = np.log(a) + scale[..., None]
        beta = np.log(b) + rest[..., None]
        beta_close = beta if c is b else np.log(c) + rest[..., None]
        log_z = np.log((a[:, -1] * chain.pend).sum(axis=1)) + scale[:, -1]
    return ForwardBackward(emit, cut, alpha, beta, beta_close, log_z, lengths)


def token_marginals(
    scores: ArrayLike,
    labels: Sequence[str] | Taxonomy,
    mask: ArrayLike | None = None,
    biases: OperatingPoint | Mapping[str, float] | None = None,
    word_ids: Sequence[Sequence[int | None]] | np.ndarray | None = None,
    breaks: Sequence[Sequence[bool]] | np.ndarray | None = None,
) -> np.ndarray:
    """``P(y_t = j)`` under the constrained chain: float64 array (batch, tokens, labels), 0 on padding.

    Each real token's row sums to 1 (a row whose every valid path has zero potential is all 0). With
    ``word_ids``, only paths whose spans start and end at word boundaries count; with ``breaks``, only paths
    without a span across a paragraph break (``viterbi_decode``).
    """
    trans = build_transitions(labels, biases)
    inputs = as_batch(scores, len(trans.taxonomy.labels), mask, word_ids, breaks)
    emit, lengths = inputs.emit, inputs.lengths
    out = np.zeros_like(emit)
    if emit.shape[0] and emit.shape[1]:
        fb = forward_backward(emit, lengths, trans, inputs.joined, inputs.breaks)
        steps = fb.alpha.shape[1]
        ok = valid_tokens(lengths, steps) & np.isfinite(fb.log_z)[:, None]
        # P(y_t = j) = exp(alpha[t, j] + beta[t, j] - log Z)
        with np.errstate(invalid="ignore"):
            marg = np.exp(fb.alpha + fb.beta - fb.log_z[:, None, None])
        out[:, :steps] = np.where(ok[..., None], marg, 0.0)
    return out


def span_log_probs(
    fb: ForwardBackward,
    trans: Transitions,
    rows: np.ndarray,
    starts: np.ndarray,
    ends: np.ndarray,
    cats: np.ndarray,
) -> np.ndarray:
    """``log P(exact span)`` for spans ``[starts, ends)`` of category index ``cats`` in batch ``rows`` (K,).

    Vectorized over the K spans: each span's label path is gathered as a (K, longest span) table.
    """
    n_prefix = 4 if trans.taxonomy.scheme == "BIOES" else 2
    size = ends - starts
    base = 1 + cats * n_prefix  # label id of B-x; I-x = base + 1, E-x = base + 2, S-x = base + 3
    offs = np.arange(int(size.max()))[None, :]
    # label of token s + k: B (S for a one-token BIOES span) at k = 0, E at k = n - 1 in BIOES, else I
    ids = np.where(offs == 0, base[:, None], base[:, None] + 1)
    if n_prefix == 4:
        ids = np.where((offs == size[:, None] - 1) & (offs > 0), base[:, None] + 2, ids)
        ids[:, 0] = np.where(size == 1, base + 3, base)
    inside = offs < size[:, None]
    ids = np.where(inside, ids, 0)
    pos = np.where(inside, starts[:, None] + offs, 0)
    # sum over t = s+1..e of trans[y_{t-1}, y_t] + emit[t, y_t]; after a break the chain's step is ``close``,
    # which forbids the span's continuation: a span across a break gets -inf
    prev, cur = ids[:, :-1], ids[:, 1:]
    moves = np.where(fb.breaks[rows[:, None], pos[:, 1:]], trans.close[prev, cur], trans.matrix[prev, cur])
    step = moves + fb.emit[rows[:, None], pos[:, 1:], cur]
    body = np.where(inside[:, 1:], step, 0.0).sum(axis=1)
    head = fb.alpha[rows, starts, ids[:, 0]]
    tail = fb.beta_close[rows, ends - 1, ids[np.arange(len(rows)), size - 1]]
    return head + body + tail - fb.log_z[rows]


def score_spans(
    scores: ArrayLike,
    labels: Sequence[str] | Taxonomy,
    spans: Sequence[Sequence[TokenSpan]],
    mask: ArrayLike | None = None,
    biases: OperatingPoint | Mapping[str, float] | None = None,
    word_ids: Sequence[Sequence[int | None]] | np.ndarray | None = None,
    breaks: Sequence[Sequence[bool]] | np.ndarray | None = None,
) -> list[list[TokenSpan]]:
    """The same spans with ``score`` = posterior probability of each exact span (module docstring), in [0, 1].

    ``spans[b]`` are token spans ``[start, end)`` of sequence ``b`` with a category label (no prefix).
    With ``word_ids`` and ``breaks``, the chain is the constrained one of ``viterbi_decode`` (a span across
    a paragraph break scores 0).
    """
    trans = build_transitions(labels, biases)
    return span_scores(as_batch(scores, len(trans.taxonomy.labels), mask, word_ids, breaks), trans, spans)


def span_scores(
    inputs: Batch, trans: Transitions, spans: Sequence[Sequence[TokenSpan]]
) -> list[list[TokenSpan]]:
    """``score_spans`` on checked inputs."""
    rows, starts, ends, cats = _span_table(spans, inputs.lengths, trans)
    if not len(rows):
        return [[] for _ in spans]
    # the chain runs only over rows with spans: on real text most rows (windows, documents) have none
    scored = np.unique(rows)
    fb = forward_backward(
        inputs.emit[scored],
        inputs.lengths[scored],
        trans,
        None if inputs.joined is None else inputs.joined[scored],
        None if inputs.breaks is None else inputs.breaks[scored],
    )
    r = np.searchsorted(scored, rows)
    with np.errstate(invalid="ignore"):
        log_p = span_log_probs(fb, trans, r, starts, ends, cats)
    # log Z = -inf: no path has positive potential, so no span has positive probability
    log_p = np.where(np.isfinite(fb.log_z[r]), log_p, -np.inf)
    probs = iter(np.clip(np.exp(log_p), 0.0, 1.0).tolist())
    return [[TokenSpan(s.start, s.end, s.label, next(probs)) for s in row] for row in spans]


def _span_table(
    spans: Sequence[Sequence[TokenSpan]], lengths: np.ndarray, trans: Transitions
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Row, start, end and category index of every span (K,), checked against the rows' real tokens."""
    if len(spans) != len(lengths):
        raise PareError(f"got spans for {len(spans)} sequences but scores for {len(lengths)}")
    cat_index = {c: i for i, c in enumerate(trans.taxonomy.categories)}
    table: list[tuple[int, int, int, int]] = []
    for b, (row, n) in enumerate(zip(spans, lengths.tolist(), strict=True)):
        for s in row:
            if s.label not in cat_index:
                raise PareError(f"span {s}: category {s.label!r} is not in the taxonomy")
            if not 0 <= s.start < s.end <= n:
                raise PareError(f"span {s}: outside the {n} real tokens of sequence {b}")
            table.append((b, s.start, s.end, cat_index[s.label]))
    rows, starts, ends, cats = np.array(table, dtype=np.intp).reshape(-1, 4).T
    return rows, starts, ends, cats
