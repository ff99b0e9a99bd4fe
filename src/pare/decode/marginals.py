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
across a break, and a span across one has probability 0. With line breaks, the step into a token after one
uses ``Transitions.line``: no path has a span of a single-line category across a line break.
Computed in float64 numpy (see ``pare.decode.inputs``) by scaled probability-space recursions that yield
the log-space tables, with the same constraints and biases as the Viterbi decoder: one loop over the tokens
runs the forward and the backward pass together (one stacked matrix product per token), vectorized over the
batch; the log factors they take out are summed after the loop.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from pare.decode.inputs import ArrayLike, Batch, as_batch, valid_tokens
from pare.decode.transitions import OperatingPoint, Transitions, build_transitions, step_kinds
from pare.errors import PareError
from pare.labels import Taxonomy, TokenSpan


@dataclass(frozen=True)
class ForwardBackward:
    """Log-space forward/backward tables (batch, steps, labels) of the constrained chain, ``log_z`` (batch,).

    ``steps`` is the longest row's number of real tokens; entries past a row's length are not meaningful.
    ``emit`` is the input cut to ``steps`` tokens with padding set to 0; ``kinds`` (batch, steps) is the kind
    of step into each token (``step_kinds``).
    """

    emit: np.ndarray
    kinds: np.ndarray
    alpha: np.ndarray
    beta: np.ndarray
    beta_close: np.ndarray
    log_z: np.ndarray
    lengths: np.ndarray


def _run_passes(
    pe_pairs: np.ndarray, trans: Transitions, kinds: np.ndarray, shared: list[int]
) -> tuple[np.ndarray, np.ndarray]:
    """The forward and the backward recursion in scaled probability space, both in one loop over tokens.

    ``pe_pairs[i] = (pe[:, i], pe[:, n - 1 - i])`` (steps, 2, batch, labels): the emissions each direction
    meets at step ``i``. Both directions take the same kind of step, so one matrix product per token does
    the two (``ScaledSteps.pairs``):
        forward:  raw[i+1, 0] = w[i, 0] @ F_k(i+1),      w[i, 0] = raw[i, 0] * pe[i] / total[i, 0]
        backward: raw[i+1, 1] = w[i, 1] @ F_k(n-1-i).T,  w[i, 1] = raw[i, 1] * pe[n-1-i] / total[i, 1]
    from ``raw[0]`` = the (start, end) potentials, with ``total`` the sum of ``raw * pe`` (each ``w`` sums
    to 1) and ``F_k = exp(trans_k - shift)`` for the kind ``k`` of the step into a token (``step_kinds``).
    Returns ``raw`` (steps, 2, batch, labels) and ``total`` (steps, 2, batch): ``raw[i, 0]`` is the forward
    message into token ``i`` and ``raw[i, 1]`` the backward one out of token ``n - 1 - i``, each over the
    product of its direction's totals before step ``i``.
    """
    scaled = trans.scaled
    n, _, batch, n_labels = pe_pairs.shape
    raw = np.zeros((n, 2, batch, n_labels))  # zeros, not empty: a product never reads stale NaNs
    raw[0, 0], raw[0, 1] = np.exp(trans.start), np.exp(trans.end)
    total = np.empty((n, 2, batch))
    w = np.empty((2, batch, n_labels))
    # rows whose steps differ in kind: every kind's product, each row picking its own (cheaper than
    # gathering a matrix per row); picks[i] = (kinds of the forward step, kinds of the backward step)
    if -1 in shared:
        picks = np.stack([kinds[:, 1:], kinds[:, :0:-1]], axis=1).transpose(2, 1, 0)
        direction, rows = np.arange(2)[:, None], np.arange(batch)
    with np.errstate(invalid="ignore"):  # a row without any valid path divides 0 by 0, see _no_nans
        for i in range(n - 1):
            np.multiply(raw[i], pe_pairs[i], out=w)
            np.add.reduce(w, axis=2, out=total[i])
            w /= total[i][..., None]
            kf, kb = shared[i + 1], shared[n - 1 - i]
            if kf >= 0 and kb >= 0:
                np.matmul(w, scaled.pairs[kf, kb], out=raw[i + 1])
            else:
                raw[i + 1] = np.matmul(w[:, None], scaled.both)[direction, picks[i], rows]
    total[-1] = (raw[-1] * pe_pairs[-1]).sum(axis=2)
    return _no_nans(raw, total)


def _no_nans(raw: np.ndarray, total: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A row whose messages sum to 0 (no valid path) turned NaN at the next step: its messages are 0 from
    there on, and a step that sums to 0 takes out no factor (log 1)."""
    if (total > 0).all():  # every row has a path (NaN totals compare False)
        return raw, total
    return np.where(np.isnan(raw), 0.0, raw), np.where(total > 0, total, 1.0)


def forward_backward(
    emit: np.ndarray,
    lengths: np.ndarray,
    trans: Transitions,
    joined: np.ndarray | None = None,
    breaks: np.ndarray | None = None,
    lines: np.ndarray | None = None,
) -> ForwardBackward:
    """Run the constrained forward and backward passes over float64 ``emit`` (batch, tokens, labels).

    ``joined`` (batch, tokens) marks tokens that continue the previous token's word: the step into them uses
    ``trans.within`` (no span starts or ends inside a word). ``breaks`` (batch, tokens) marks tokens after a
    paragraph break: the step into them uses ``trans.close`` (no span continues across it; wins over
    ``joined``). ``lines`` marks tokens after a line break: ``trans.line`` (no span of a single-line category
    continues; ``breaks`` wins over it, it over ``joined``).

    Scaled recursions in probability space (each step renormalized, its log factor accumulated) give the
    log-space tables; a label whose probability falls below 1e-308 of the step's largest reads ``-inf``.
    """
    steps = max(int(lengths.max()) if emit.shape[0] else 0, 1)
    live = valid_tokens(lengths, steps)
    emit = np.where(live[..., None], emit[:, :steps], 0.0)
    kinds, shared = step_kinds(lengths, steps, joined, breaks, lines)
    # emit = top + log(pe) with pe in [0, 1]; padding has emit 0, so pe 1 and top 0 there
    top = emit.max(axis=2)
    top = np.where(np.isfinite(top), top, 0.0)
    pe_pairs = np.empty((steps, 2, *emit.shape[::2]))  # (steps, 2, batch, labels)
    pe_pairs[:, 0] = np.exp(emit - top[..., None]).transpose(1, 0, 2)
    pe_pairs[:, 1] = pe_pairs[::-1, 0]
    pe = pe_pairs[:, 0].transpose(1, 0, 2)  # a view: long documents hold one copy fewer
    raw, total = _run_passes(pe_pairs, trans, kinds, shared)
    # the log factor each step took out: its total, the emissions' top and the transitions' shift (real
    # tokens only: padding steps by the exact identity)
    factor = np.log(total) + np.stack([top.T, top.T[::-1]], axis=1)  # (steps, 2, batch), in step order
    shift = np.where(live, trans.scaled.shift, 0.0).T  # (steps, batch): into token t
    # alpha[t] = log(raw_f[t] * pe[t]) + top[t] + sum_{i<t} (factor_f[i] + shift[i+1])
    fwd = np.zeros((steps, len(lengths)))
    fwd[1:] = np.cumsum(factor[:-1, 0] + shift[1:], axis=0)
    # beta[t] = log(raw_b[t]) + sum_{i>t} (factor_b[i] + shift[i]), factor_b in backward step order
    bwd = np.zeros((steps, len(lengths)))
    bwd[:-1] = np.cumsum(factor[:-1, 1] + shift[::-1][:-1], axis=0)[::-1]
    raw_f, raw_b = raw[:, 0].transpose(1, 0, 2), raw[::-1, 1].transpose(1, 0, 2)
    with np.errstate(divide="ignore"):
        alpha = np.log(raw_f * pe) + (top + fwd.T)[..., None]
        beta = np.log(raw_b) + bwd.T[..., None]
        beta_close = beta
        if trans.taxonomy.scheme != "BIOES":
            beta_close = np.log(_backward_close(raw_b, total[::-1, 1].T, pe, trans, kinds)) + bwd.T[..., None]
        log_z = np.log((raw_f[:, -1] * pe[:, -1] * np.exp(trans.end)).sum(axis=1)) + top[:, -1] + fwd[-1]
    return ForwardBackward(emit, kinds, alpha, beta, beta_close, log_z, lengths)


def _backward_close(
    raw_b: np.ndarray, total_b: np.ndarray, pe: np.ndarray, trans: Transitions, kinds: np.ndarray
) -> np.ndarray:
    """The backward messages (batch, steps, labels) over the steps that do not continue a span (BIO), on the
    scale of ``raw_b``: ``w[t + 1] @ Fclose_k(t+1).T`` with ``w`` the backward recursion's normalized
    message, one product per kind for the whole table; the end potentials at the last step."""
    w = raw_b[:, 1:] * pe[:, 1:] / total_b[:, 1:, None]
    out = np.empty_like(raw_b)
    out[:, -1] = np.exp(trans.end)
    inner = out[:, :-1]
    for kind in np.unique(kinds[:, 1:]).tolist():
        chosen = kinds[:, 1:] == kind
        inner[chosen] = w[chosen] @ trans.scaled.backward_close[kind]
    return out


def token_marginals(
    scores: ArrayLike,
    labels: Sequence[str] | Taxonomy,
    mask: ArrayLike | None = None,
    biases: OperatingPoint | Mapping[str, float] | None = None,
    word_ids: Sequence[Sequence[int | None]] | np.ndarray | None = None,
    breaks: Sequence[Sequence[bool]] | np.ndarray | None = None,
    lines: Sequence[Sequence[bool]] | np.ndarray | None = None,
) -> np.ndarray:
    """``P(y_t = j)`` under the constrained chain: float64 array (batch, tokens, labels), 0 on padding.

    Each real token's row sums to 1 (a row whose every valid path has zero potential is all 0). With
    ``word_ids``, only paths whose spans start and end at word boundaries count; with ``breaks``, only paths
    without a span across a paragraph break; with ``lines``, only paths without a span of a single-line
    category across a line break (``viterbi_decode``).
    """
    trans = build_transitions(labels, biases)
    inputs = as_batch(scores, len(trans.taxonomy.labels), mask, word_ids, breaks, lines)
    emit, lengths = inputs.emit, inputs.lengths
    out = np.zeros_like(emit)
    if emit.shape[0] and emit.shape[1]:
        fb = forward_backward(emit, lengths, trans, inputs.joined, inputs.breaks, inputs.lines)
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
    # sum over t = s+1..e of trans_k[y_{t-1}, y_t] + emit[t, y_t], k the kind of step into t: after a break
    # (``close``, or ``line`` for a single-line category) the continuation is forbidden, so the span gets -inf
    prev, cur = ids[:, :-1], ids[:, 1:]
    moves = trans.by_kind()[fb.kinds[rows[:, None], pos[:, 1:]], prev, cur]
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
    lines: Sequence[Sequence[bool]] | np.ndarray | None = None,
) -> list[list[TokenSpan]]:
    """The same spans with ``score`` = posterior probability of each exact span (module docstring), in [0, 1].

    ``spans[b]`` are token spans ``[start, end)`` of sequence ``b`` with a category label (no prefix).
    With ``word_ids``, ``breaks`` and ``lines``, the chain is the constrained one of ``viterbi_decode`` (a
    span across a paragraph break, or of a single-line category across a line break, scores 0).
    """
    trans = build_transitions(labels, biases)
    inputs = as_batch(scores, len(trans.taxonomy.labels), mask, word_ids, breaks, lines)
    return span_scores(inputs, trans, spans)


def span_scores(
    inputs: Batch, trans: Transitions, spans: Sequence[Sequence[TokenSpan]]
) -> list[list[TokenSpan]]:
    """``score_spans`` on checked inputs."""
    probs = iter(span_probs(inputs, trans, *_span_table(spans, inputs.lengths, trans)).tolist())
    return [[TokenSpan(s.start, s.end, s.label, next(probs)) for s in row] for row in spans]


def span_probs(
    inputs: Batch,
    trans: Transitions,
    rows: np.ndarray,
    starts: np.ndarray,
    ends: np.ndarray,
    cats: np.ndarray,
) -> np.ndarray:
    """``P(exact span)`` (K,) in [0, 1] of spans ``[starts, ends)`` of category index ``cats`` in ``rows``."""
    if not len(rows):
        return np.zeros(0)
    # the chain runs only over rows with spans: on real text most rows (windows, documents) have none
    scored = np.unique(rows)
    fb = forward_backward(
        inputs.emit[scored],
        inputs.lengths[scored],
        trans,
        *(None if flags is None else flags[scored] for flags in (inputs.joined, inputs.breaks, inputs.lines)),
    )
    r = np.searchsorted(scored, rows)
    with np.errstate(invalid="ignore"):
        log_p = span_log_probs(fb, trans, r, starts, ends, cats)
    # log Z = -inf: no path has positive potential, so no span has positive probability
    log_p = np.where(np.isfinite(fb.log_z[r]), log_p, -np.inf)
    return np.clip(np.exp(log_p), 0.0, 1.0)


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
