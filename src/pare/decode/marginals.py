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
import torch

from pare.decode.inputs import as_breaks, as_joined, as_lengths, as_scores, valid_tokens
from pare.decode.transitions import OperatingPoint, Transitions, build_transitions
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

    ``emit[b, t, j] = top[b, t] + log(pe[b, t, j])`` with ``pe`` in [0, 1] and ``trans = shift + log(ptrans)``
    (likewise ``within``, ``close`` and ``within_close``); the ``_t`` matrices are transposed for the backward
    pass. ``live`` marks real tokens, ``joined`` tokens that continue the previous token's word, ``breaks``
    tokens after a paragraph break, ``pend`` the end potentials per row.
    """

    pe: np.ndarray
    top: np.ndarray
    shift: float
    ptrans: np.ndarray
    ptrans_t: np.ndarray
    pwithin: np.ndarray
    pwithin_t: np.ndarray
    pclose: np.ndarray
    pclose_t: np.ndarray
    pwithin_close_t: np.ndarray
    pstart: np.ndarray
    pend: np.ndarray
    live: np.ndarray
    joined: np.ndarray
    breaks: np.ndarray
    bioes: bool


def _scaled_chain(
    emit: np.ndarray, trans: Transitions, live: np.ndarray, joined: np.ndarray | None, breaks: np.ndarray
) -> _Chain:
    """The chain of ``emit`` (already cut to the steps, padding 0) and ``trans`` in scaled probability space."""
    top = emit.max(axis=2)
    top = np.where(np.isfinite(top), top, 0.0)
    pe = np.exp(emit - top[..., None])
    finite = np.isfinite(trans.matrix)
    shift = float(trans.matrix[finite].max()) if finite.any() else 0.0
    ptrans = np.exp(trans.matrix - shift)
    pwithin = np.exp(trans.within - shift)
    pclose = np.exp(trans.close - shift)
    return _Chain(
        pe=pe,
        top=top,
        shift=shift,
        ptrans=ptrans,
        ptrans_t=np.ascontiguousarray(ptrans.T),
        pwithin=pwithin,
        pwithin_t=np.ascontiguousarray(pwithin.T),
        pclose=pclose,
        pclose_t=np.ascontiguousarray(pclose.T),
        pwithin_close_t=np.ascontiguousarray(np.exp(trans.within_close - shift).T),
        pstart=np.exp(trans.start),
        pend=np.broadcast_to(np.exp(trans.end), (emit.shape[0], len(trans.end))),
        live=live,
        joined=(np.zeros(live.shape, dtype=bool) if joined is None else joined)[:, : live.shape[1]],
        breaks=breaks,
        bioes=trans.taxonomy.scheme == "BIOES",
    )


def _step(
    chain: _Chain, x: np.ndarray, t: int, normal: np.ndarray, word: np.ndarray, cut: np.ndarray
) -> np.ndarray:
    """``x @ normal``, or ``x @ word`` for the rows whose token ``t`` continues a word, or ``x @ cut`` for
    those whose token ``t`` follows a paragraph break (applied last: the break wins, as in Viterbi)."""
    out = x @ normal
    inside = chain.joined[:, t]
    if inside.any():
        out[inside] = x[inside] @ word
    after = chain.breaks[:, t]
    if after.any():
        out[after] = x[after] @ cut
    return out


def _normalize(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each row of ``x`` over its sum (rows summing to 0 stay 0), and the log of that sum (0 for those)."""
    total = x.sum(axis=1)
    total = np.where(total > 0, total, 1.0)
    return x / total[:, None], np.log(total)


def _forward(chain: _Chain) -> tuple[np.ndarray, np.ndarray]:
    """``a`` (batch, steps, labels) and ``scale`` (batch, steps) with ``alpha = log(a) + scale``.

    ``alpha[t, j] = log sum_i exp(alpha[t-1, i] + trans[i, j]) + emit[t, j]``; a padded step carries
    ``a[t-1]`` over unchanged (its factor is 1).
    """
    pe, top, live = chain.pe, chain.top, chain.live
    batch, steps = live.shape
    a = np.empty_like(pe)
    scale = np.empty((batch, steps))
    a[:, 0], scale[:, 0] = _normalize(chain.pstart * pe[:, 0])
    scale[:, 0] += top[:, 0]
    for t in range(1, steps):
        on = live[:, t]
        stepped = _step(chain, a[:, t - 1], t, chain.ptrans, chain.pwithin, chain.pclose)
        a[:, t], log_factor = _normalize(np.where(on[:, None], stepped * pe[:, t], a[:, t - 1]))
        scale[:, t] = scale[:, t - 1] + log_factor + np.where(on, top[:, t] + chain.shift, 0.0)
    return a, scale


def _backward(chain: _Chain) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``b``, ``c`` (batch, steps, labels) and ``rest`` (batch, steps) with ``beta = log(b) + rest``.

    ``beta_close = log(c) + rest``; in BIOES ``c`` is ``b``. ``beta[t, i] = log sum_j exp(trans[i, j] + emit[t+1, j] + beta[t+1, j])``; at and after a row's last real
    token it restarts from the end potentials.
    """
    pe, top, live, pend = chain.pe, chain.top, chain.live, chain.pend
    batch, steps = live.shape
    b = np.empty_like(pe)
    c = b if chain.bioes else np.empty_like(pe)
    b[:, -1] = c[:, -1] = pend
    rest = np.zeros((batch, steps))
    for t in range(steps - 2, -1, -1):
        on = live[:, t + 1]
        y = pe[:, t + 1] * b[:, t + 1]
        stepped = _step(chain, y, t + 1, chain.ptrans_t, chain.pwithin_t, chain.pclose_t)
        b[:, t], log_factor = _normalize(np.where(on[:, None], stepped, pend))
        rest[:, t] = log_factor + np.where(on, top[:, t + 1] + chain.shift + rest[:, t + 1], 0.0)
        if not chain.bioes:
            closed = _step(chain, y, t + 1, chain.pclose_t, chain.pwithin_close_t, chain.pclose_t)
            c[:, t] = np.where(on[:, None], closed, pend) / np.exp(log_factor)[:, None]
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
    chain = _scaled_chain(emit, trans, live, joined, cut)
    a, scale = _forward(chain)
    b, c, rest = _backward(chain)
    with np.errstate(divide="ignore"):
        alpha = np.log(a) + scale[..., None]
        beta = np.log(b) + rest[..., None]
        beta_close = beta if chain.bioes else np.log(c) + rest[..., None]
        log_z = np.log((a[:, -1] * chain.pend).sum(axis=1)) + scale[:, -1]
    return ForwardBackward(emit, cut, alpha, beta, beta_close, log_z, lengths)


def token_marginals(
    scores: torch.Tensor | np.ndarray,
    labels: Sequence[str] | Taxonomy,
    mask: torch.Tensor | np.ndarray | None = None,
    biases: OperatingPoint | Mapping[str, float] | None = None,
    word_ids: Sequence[Sequence[int | None]] | np.ndarray | None = None,
    breaks: Sequence[Sequence[bool]] | np.ndarray | None = None,
) -> torch.Tensor:
    """``P(y_t = j)`` under the constrained chain: float64 CPU tensor (batch, tokens, labels), 0 on padding.

    Each real token's row sums to 1 (a row whose every valid path has zero potential is all 0). With
    ``word_ids``, only paths whose spans start and end at word boundaries count; with ``breaks``, only paths
    without a span across a paragraph break (``viterbi_decode``).
    """
    trans = build_transitions(labels, biases)
    emit = as_scores(scores, len(trans.taxonomy.labels))
    lengths = as_lengths(mask, emit)
    out = np.zeros_like(emit)
    if emit.shape[0] and emit.shape[1]:
        tokens = emit.shape[1]
        joined, cut = as_joined(word_ids, lengths, tokens), as_breaks(breaks, lengths, tokens)
        fb = forward_backward(emit, lengths, trans, joined, cut)
        steps = fb.alpha.shape[1]
        ok = valid_tokens(lengths, steps) & np.isfinite(fb.log_z)[:, None]
        with np.errstate(invalid="ignore"):
            marg = np.exp(fb.alpha + fb.beta - fb.log_z[:, None, None])
        out[:, :steps] = np.where(ok[..., None], marg, 0.0)
    return torch.from_numpy(out)


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
    scores: torch.Tensor | np.ndarray,
    labels: Sequence[str] | Taxonomy,
    spans: Sequence[Sequence[TokenSpan]],
    mask: torch.Tensor | np.ndarray | None = None,
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
    emit = as_scores(scores, len(trans.taxonomy.labels))
    lengths = as_lengths(mask, emit)
    if len(spans) != emit.shape[0]:
        raise PareError(f"got spans for {len(spans)} sequences but scores for {emit.shape[0]}")
    cat_index = {c: i for i, c in enumerate(trans.taxonomy.categories)}
    rows: list[int] = []
    starts: list[int] = []
    ends: list[int] = []
    cats: list[int] = []
    for b, (row, n) in enumerate(zip(spans, lengths.tolist(), strict=True)):
        for s in row:
            if s.label not in cat_index:
                raise PareError(f"span {s}: category {s.label!r} is not in the taxonomy")
            if not 0 <= s.start < s.end <= n:
                raise PareError(f"span {s}: outside the {n} real tokens of sequence {b}")
            rows.append(b)
            starts.append(s.start)
            ends.append(s.end)
            cats.append(cat_index[s.label])
    if not rows:
        return [[] for _ in spans]
    joined = as_joined(word_ids, lengths, emit.shape[1])
    cut = as_breaks(breaks, lengths, emit.shape[1])
    # the chain runs only over rows with spans: on real text most rows (windows, documents) have none
    scored = np.unique(rows)
    fb = forward_backward(
        emit[scored],
        lengths[scored],
        trans,
        None if joined is None else joined[scored],
        None if cut is None else cut[scored],
    )
    r = np.searchsorted(scored, rows)
    with np.errstate(invalid="ignore"):
        log_p = span_log_probs(fb, trans, r, np.array(starts), np.array(ends), np.array(cats))
    # log Z = -inf: no path has positive potential, so no span has positive probability
    log_p = np.where(np.isfinite(fb.log_z[r]), log_p, -np.inf)
    probs = iter(np.clip(np.exp(log_p), 0.0, 1.0).tolist())
    return [[TokenSpan(s.start, s.end, s.label, next(probs)) for s in row] for row in spans]
