"""Mixed-precision allocation: a bit width per group under an average-bit budget (HAWQ-style, Lagrangian).

Each group ``g`` has candidate widths ``b`` with a Fisher-weighted distortion ``D[g, b]`` and a storage cost
``C[g, b]`` in bits (packed indices + codebook + per-group metadata). Minimize ``Σ D`` s.t. ``Σ C <= budget``:
for a multiplier ``λ`` each group independently takes ``argmin_b D + λ C``; bisect ``λ`` to the smallest
feasible value, then spend the leftover bits greedily on the best ``ΔD/ΔC`` single-step upgrades.
"""

from __future__ import annotations

import numpy as np

from pare.errors import PareError


def allocate_bits(
    distortion: np.ndarray, cost: np.ndarray, budget: float, floor: np.ndarray | None = None
) -> np.ndarray:
    """Column index (into the candidate widths) per group; ``distortion``/``cost`` are ``(groups, widths)``.

    Candidates must be sorted by cost; ``floor`` (optional) is the lowest column each group may take. Raises
    ``PareError`` when even the cheapest allowed choice exceeds ``budget``.
    """
    rows = np.arange(len(cost))
    floor = np.zeros(len(cost), dtype=np.int64) if floor is None else np.asarray(floor, dtype=np.int64)
    if cost[rows, floor].sum() > budget:
        raise PareError(
            f"budget of {budget:.0f} bits is below the smallest achievable {cost[rows, floor].sum():.0f}"
        )
    allowed = np.where(np.arange(cost.shape[1]) < floor[:, None], np.inf, distortion)

    def pick(lam: float) -> np.ndarray:
        return np.argmin(allowed + lam * cost, axis=1)

    lo, hi = 0.0, 1.0
    while cost[rows, pick(hi)].sum() > budget:
        hi *= 4.0
    for _ in range(60):  # bisection on log λ keeps the relative precision
        mid = (lo + hi) / 2 if lo == 0.0 else np.sqrt(lo * hi)
        if cost[rows, pick(mid)].sum() > budget:
            lo = mid
        else:
            hi = mid
        if lo and hi / lo < 1 + 1e-9:
            break
    choice = pick(hi)
    # greedy fill: one upgrade per group, best distortion saved per extra bit first
    left = budget - cost[rows, choice].sum()
    up = np.minimum(choice + 1, cost.shape[1] - 1)
    gain = distortion[rows, choice] - distortion[rows, up]
    extra = cost[rows, up] - cost[rows, choice]
    ratio = np.where((up > choice) & (gain > 0), gain / np.maximum(extra, 1e-12), -1.0)
    order = np.argsort(-ratio, kind="stable")
    order = order[ratio[order] > 0]
    take = order[np.cumsum(extra[order]) <= left]
    choice[take] = up[take]
    return choice
