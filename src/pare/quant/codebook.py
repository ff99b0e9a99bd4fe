"""1-D codebooks for groups of weights: exact Fisher-weighted k-means, Lloyd refinement, affine grids, packing.

A group is a row of ``n`` weights ``w`` with sensitivities ``f`` (diagonal Fisher). A codebook is ``k`` sorted
levels ``c``; each weight is replaced by its nearest level. The distortion is ``Σ f_i (w_i - c(w_i))²``.
Every function works on a batch of groups at once: arrays of shape ``(groups, n)``.
"""

from __future__ import annotations

import numpy as np
import torch

DP_MAX_LEVELS = 16  # DP for k <= 16 (b <= 4); larger codebooks use weighted Lloyd from weighted quantiles
BINS = 128  # rows longer than this are merged into equal-count bins for the approximate (fast) DP


def kmeans_dp(w: np.ndarray, f: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Exact weighted 1-D k-means: the ``k`` levels minimizing ``Σ f_i (w_i - c(w_i))²`` for each row.

    Optimal 1-D clusters are contiguous in sorted order, so with prefix sums ``P0=Σf, P1=Σfw, P2=Σfw²`` the
    cost of cluster ``w[m:i]`` is ``(P2_i-P2_m) - (P1_i-P1_m)²/(P0_i-P0_m)`` and
    ``D_j(i) = min_{m<i} D_{j-1}(m) + cost(m, i)``. The argmin is monotone in ``i`` (the cost is Monge), so each
    layer is solved by divide and conquer in ``O(n log n)``, vectorized over rows with ragged windows.
    Requires ``f > 0`` and ``k <= n``. Returns sorted levels ``(rows, k)`` and the optimal distortion
    with ``j = 1..k`` levels, ``(rows, k)``.
    """
    rows, n = w.shape
    order = np.argsort(w, axis=1, kind="stable")
    ws = np.take_along_axis(w, order, 1).astype(np.float64)
    fs = np.take_along_axis(f, order, 1).astype(np.float64)
    zero = np.zeros((rows, 1))
    p0 = np.concatenate([zero, fs.cumsum(1)], 1)
    p1 = np.concatenate([zero, (fs * ws).cumsum(1)], 1)
    p2 = np.concatenate([zero, (fs * ws * ws).cumsum(1)], 1)
    cost = p2 - p1 * p1 / np.maximum(p0, 1e-300)  # D_1(i): one cluster over w[0:i]
    base = (np.arange(rows) * (n + 1))[:, None]
    prefix = np.stack([p0, p1, p2], -1).reshape(-1, 3)
    argmins, curve = [], [cost[:, n]]
    for j in range(2, k + 1):
        table = np.concatenate([cost.reshape(-1, 1), prefix], 1)  # per flat index m: D_{j-1}(m), P0, P1, P2
        new = np.full((rows, n + 1), np.inf)
        arg = np.zeros((rows, n + 1), dtype=np.int64)
        # segments of i (shared by all rows) with per-row windows [lo, hi] for the argmin m
        a, b = np.array([j]), np.array([n])
        lo, hi = np.full((rows, 1), j - 1), np.full((rows, 1), n - 1)
        while a.size:
            segs = a.size
            mid = (a + b) // 2
            top = np.minimum(hi, mid - 1)
            width = (top - lo + 1).reshape(-1)
            start = np.cumsum(width) - width
            m = np.arange(int(width.sum())) + np.repeat((base + lo).reshape(-1) - start, width)
            at_i = np.repeat(table[(base + mid).reshape(-1), 1:], width, axis=0)
            at_m = table[m]
            s0, s1, s2 = (at_i[:, t] - at_m[:, t + 1] for t in range(3))
            val = at_m[:, 0] + np.maximum(s2 - s1 * s1 / np.maximum(s0, 1e-300), 0.0)
            best = np.minimum.reduceat(val, start)
            first = np.where(val <= np.repeat(best, width), m, np.iinfo(np.int64).max)
            opt = np.minimum.reduceat(first, start).reshape(rows, segs) - base
            new[:, mid] = best.reshape(rows, segs)
            arg[:, mid] = opt
            left, right = a <= mid - 1, mid + 1 <= b
            a, b = np.concatenate([a[left], mid[right] + 1]), np.concatenate([mid[left] - 1, b[right]])
            lo = np.concatenate([lo[:, left], opt[:, right]], 1)
            hi = np.concatenate([opt[:, left], hi[:, right]], 1)
        cost = new
        argmins.append(arg)
        curve.append(cost[:, n])
    # backtrack the cluster boundaries, then each level is its cluster's weighted mean
    bounds = np.full((rows, k + 1), n)
    for j in range(k - 1, 0, -1):
        bounds[:, j] = np.take_along_axis(argmins[j - 1], bounds[:, j + 1 : j + 2], 1)[:, 0]
    bounds[:, 0] = 0
    s0 = np.diff(np.take_along_axis(p0, bounds, 1), axis=1)
    s1 = np.diff(np.take_along_axis(p1, bounds, 1), axis=1)
    return (s1 / np.maximum(s0, 1e-300)).astype(np.float32), np.maximum(np.stack(curve, 1), 0.0)


def _binned(w: np.ndarray, f: np.ndarray, bins: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Merge each sorted row into ``bins`` equal-count bins: mass ``Σf`` at the weighted mean.

    Also returns the within-bin distortion, which any codebook on the bins adds to its bin-level cost.
    """
    n = w.shape[1]
    order = np.argsort(w, axis=1, kind="stable")
    ws = np.take_along_axis(w, order, 1).astype(np.float64)
    fs = np.take_along_axis(f, order, 1).astype(np.float64)
    starts = np.linspace(0, n, bins + 1).round().astype(np.int64)[:-1]
    mass = np.add.reduceat(fs, starts, axis=1)
    mean = np.add.reduceat(fs * ws, starts, axis=1) / mass
    return mean, mass, (fs * ws * ws).sum(1) - (mass * mean * mean).sum(1)


def assign(w: torch.Tensor, levels: torch.Tensor) -> torch.Tensor:
    """Index of the nearest level for every weight; ``levels`` sorted ascending, shape ``(rows, k)``."""
    mid = (levels[:, 1:] + levels[:, :-1]) / 2
    return torch.searchsorted(mid.contiguous(), w.contiguous())


def lloyd(w: torch.Tensor, f: torch.Tensor, levels: torch.Tensor, iters: int = 30) -> torch.Tensor:
    """Weighted Lloyd: alternate nearest-level assignment and Fisher-weighted means until nothing moves.

    Lloyd alone never opens a level for an isolated weight: a weight far from the rest of its row (as in BERT's
    token-type embedding) stays on a distant level and can carry most of the row's distortion
    (benchmarks/ARCHIVE-2026-12.md, the codebook fix). So each round also moves levels no weight chose onto
    the weights of largest error, and the one level whose removal costs least onto the worst weight when that
    weight's error is larger. Every step lowers the distortion.
    """
    idx = assign(w, levels)
    for _ in range(iters):
        mass = torch.zeros_like(levels).scatter_add_(1, idx, f)
        moment = torch.zeros_like(levels).scatter_add_(1, idx, f * w)
        levels = torch.where(mass > 0, moment / mass.clamp_min(1e-300), levels)
        levels = _swap(w, f, _reseed(w, f, levels, mass == 0))
        new = assign(w, levels)
        if torch.equal(new, idx):
            break
        idx = new
    return levels


def _errors(w: torch.Tensor, f: torch.Tensor, levels: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Each weight's nearest level (``levels`` sorted) and its error ``f·(w - c(w))²``."""
    idx = assign(w, levels)
    return idx, f * (w - levels.gather(1, idx)) ** 2


def _reseed(w: torch.Tensor, f: torch.Tensor, levels: torch.Tensor, empty: torch.Tensor) -> torch.Tensor:
    """Move each row's ``empty`` levels onto its weights of largest error, largest first; sorted."""
    most = int(empty.sum(1).max())
    if most == 0:
        return levels.sort(dim=1).values
    err = _errors(w, f, levels.sort(dim=1).values)[1]
    worst = w.gather(1, err.topk(most, dim=1).indices)  # (rows, most), largest error first
    # the j-th empty level of a row takes its j-th worst weight
    rank = (empty.cumsum(1) - 1).clamp(0, most - 1)
    return torch.where(empty, worst.gather(1, rank), levels).sort(dim=1).values


def _swap(w: torch.Tensor, f: torch.Tensor, levels: torch.Tensor) -> torch.Tensor:
    """Per row, move the level whose removal costs least onto the weight of largest error, where that pays.

    Removing level ``j`` sends its weights to the nearer neighbour, at cost ``R_j``; a level on the worst
    weight then saves at least its error ``e``, so the distortion falls by at least ``e - R_j`` (sorted in,
    sorted out).
    """
    k = levels.shape[1]
    if k < 2:
        return levels
    idx, err = _errors(w, f, levels)
    far = torch.full_like(w, torch.inf)
    below = torch.where(idx > 0, (w - levels.gather(1, (idx - 1).clamp_min(0))) ** 2, far)
    above = torch.where(idx < k - 1, (w - levels.gather(1, (idx + 1).clamp_max(k - 1))) ** 2, far)
    removal = torch.zeros_like(levels).scatter_add_(1, idx, f * torch.minimum(below, above) - err)
    cheapest, j = removal.min(1)
    worst, i = err.max(1)
    pays = (worst > cheapest).nonzero().squeeze(1)
    levels = levels.clone()
    levels[pays, j[pays]] = w[pays, i[pays]]
    return levels.sort(dim=1).values


def weighted_quantiles(w: torch.Tensor, f: torch.Tensor, k: int) -> torch.Tensor:
    """``k`` levels at the mid-quantiles ``(t + 1/2)/k`` of each row's weights, each weight of mass ``f^(1/3)``.

    High-resolution theory puts the levels minimizing ``Σ f (w - c)²`` at a density proportional to
    (weight density × Fisher)^(1/3); mass ``f^(1/3)`` per weight is its cheap stand-in. Mass ``f`` crowded the
    levels onto a few heavy weights, many of them duplicated: wasted levels (benchmarks/ARCHIVE-2026-12.md,
    the codebook fix).
    """
    ws, order = w.sort(dim=1)
    cdf = f.gather(1, order).pow(1 / 3).cumsum(1)
    cdf = cdf / cdf[:, -1:]
    q = ((torch.arange(k, dtype=w.dtype) + 0.5) / k).expand(w.shape[0], k).contiguous()
    pos = torch.searchsorted(cdf.contiguous(), q).clamp_max(w.shape[1] - 1)
    return ws.gather(1, pos)


def distortion_curve(w: np.ndarray, f: np.ndarray, kmax: int) -> np.ndarray:
    """Estimated optimal distortion with ``k = 1..kmax`` levels, ``(rows, kmax)``, from one DP on bins.

    Exact for rows of at most ``BINS`` weights; longer rows are first merged into ``BINS`` bins (an upper
    bound: bin cost plus within-bin distortion).
    """
    kmax = min(kmax, w.shape[1])
    if w.shape[1] <= BINS:
        return kmeans_dp(w, f, kmax)[1]
    mean, mass, within = _binned(w, f, BINS)
    return kmeans_dp(mean, mass, kmax)[1] + np.maximum(within, 0.0)[:, None]


def fit_codebook(w: np.ndarray, f: np.ndarray, k: int, exact_max_levels: int = 8) -> np.ndarray:
    """Fisher-weighted codebook of ``k`` levels per row (``f > 0``). Returns sorted float32 ``(rows, k)``.

    ``k <= exact_max_levels`` (or rows of at most ``BINS`` weights): the exact DP. Up to 16 levels: the exact
    DP on ``BINS`` equal-count bins, refined by weighted Lloyd on all weights. Beyond: weighted Lloyd from
    weighted quantiles. (Lloyd never increases the distortion of its starting codebook.)
    """
    n = w.shape[1]
    if k >= n:  # every weight gets its own level: zero distortion
        return np.sort(np.concatenate([w, np.repeat(w[:, -1:], k - n, 1)], 1), axis=1).astype(np.float32)
    if k <= DP_MAX_LEVELS and (k <= exact_max_levels or n <= BINS):
        return kmeans_dp(w, f, k)[0]
    tw, tf = torch.from_numpy(w.astype(np.float64)), torch.from_numpy(f.astype(np.float64))
    if k <= DP_MAX_LEVELS:
        init = torch.from_numpy(kmeans_dp(*_binned(w, f, BINS)[:2], k)[0].astype(np.float64))
    else:
        init = weighted_quantiles(tw, tf, k)
    return lloyd(tw, tf, init).numpy().astype(np.float32)


def int8_levels(levels: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Sorted levels ``(rows, k)`` stored as int8 multiples of one fp16 step per row: ``level ≈ step·q``.

    Half the bits of fp16 levels (8·2^b + 16 per row instead of 16·2^b). Rounding moves a level by at most
    step/2, step = max |level| / 127: small against the distortion of the codebook itself at the widths the
    budget picks (BENCHMARKS.md, quantization). Rounding is monotone, so the levels stay sorted.
    """
    exact = levels.abs().amax(1) / 127
    step = exact.half()
    # where fp16 is subnormal (a step below 6e-5) its rounding can shrink the step enough to push the largest
    # level past ±127: take the next fp16 step up there (elsewhere it is unchanged)
    clipped = torch.round(exact * 127 / step.float()) > 127
    step = torch.where(clipped, torch.nextafter(step, torch.full_like(step, torch.inf)), step)
    step = torch.where(step > 0, step, torch.ones_like(step))  # an all-zero row (or underflow): any step
    q = torch.round(levels / step.float()[:, None]).clamp(-127, 127).to(torch.int8)
    return q, step


def int8_table(q: torch.Tensor, step: torch.Tensor) -> torch.Tensor:
    """The float32 levels ``(rows, k)`` of an ``int8_levels`` codebook."""
    return q.float() * step.float()[:, None]


def affine_grid(w: np.ndarray, bits: int) -> tuple[np.ndarray, np.ndarray]:
    """Round-to-nearest baseline: per-row min-max grid ``zero + scale·t``, ``t = 0..2^b-1``, in fp16."""
    lo, hi = w.min(1), w.max(1)
    scale = np.maximum((hi - lo) / (2**bits - 1), 1e-8).astype(np.float16)
    return scale, lo.astype(np.float16)


def grid_levels(scale: torch.Tensor, zero: torch.Tensor, bits: int) -> torch.Tensor:
    """The levels of an affine grid, ``(rows, 2^b)``."""
    return zero.float()[:, None] + scale.float()[:, None] * torch.arange(2**bits, dtype=torch.float32)


def pack(idx: torch.Tensor, bits: int) -> torch.Tensor:
    """Pack ``b``-bit indices ``(rows, n)`` tightly, little-endian, into ``ceil(n·b/8)`` bytes per row."""
    rows, n = idx.shape
    bitplanes = (idx.to(torch.int32)[..., None] >> torch.arange(bits, dtype=torch.int32)) & 1
    flat = bitplanes.reshape(rows, n * bits)
    flat = torch.nn.functional.pad(flat, (0, -(n * bits) % 8)).reshape(rows, -1, 8)
    return (flat << torch.arange(8, dtype=torch.int32)).sum(-1).to(torch.uint8)


def unpack(packed: torch.Tensor, bits: int, n: int) -> torch.Tensor:
    """Inverse of ``pack``: ``(rows, ceil(n·b/8))`` bytes back to ``(rows, n)`` int64 indices.

    Index ``i`` occupies bits ``i·b .. i·b+b-1`` of the row's little-endian bit stream, so (b <= 8) it lies
    within the 16-bit word made of bytes ``i·b // 8`` and the one after: read that word, shift, mask.
    """
    start = torch.arange(n) * bits
    low, shift = start // 8, (start % 8).to(torch.int32)
    wide = torch.nn.functional.pad(packed, (0, 1)).to(torch.int32)  # a spare byte after the last
    word = wide[:, low] | (wide[:, low + 1] << 8)
    return ((word >> shift) & (2**bits - 1)).long()
