import itertools

import numpy as np
import pytest
import torch
from hypothesis import example, given, settings
from hypothesis import strategies as st

from pare.errors import PareError
from pare.quant.allocate import allocate_bits
from pare.quant.codebook import (
    assign,
    fit_codebook,
    int8_levels,
    int8_table,
    kmeans_dp,
    pack,
    unpack,
    weighted_quantiles,
)


def distortion(w: np.ndarray, f: np.ndarray, levels: np.ndarray) -> float:
    idx = assign(
        torch.from_numpy(w[None].astype(np.float64)), torch.from_numpy(levels[None].astype(np.float64))
    )
    return float((f * (w - levels[idx[0].numpy()]) ** 2).sum())


def brute_force(w: np.ndarray, f: np.ndarray, k: int) -> float:
    """Optimal 1-D clusters are contiguous in sorted order: try every set of k-1 cut points."""
    order = np.argsort(w)
    ws, fs = w[order], f[order]
    best = np.inf
    for cuts in itertools.combinations(range(1, len(w)), k - 1):
        total = 0.0
        for part_w, part_f in zip(np.split(ws, cuts), np.split(fs, cuts), strict=True):
            c = (part_f * part_w).sum() / part_f.sum()
            total += (part_f * (part_w - c) ** 2).sum()
        best = min(best, total)
    return best


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.floats(-4, 4, width=32), min_size=2, max_size=9),
    st.data(),
)
def test_dp_matches_brute_force(values, data):
    w = np.array(values, dtype=np.float32)
    f = np.array(data.draw(st.lists(st.floats(0.01, 10), min_size=len(w), max_size=len(w))))
    k = data.draw(st.integers(1, min(4, len(w))))
    levels, curve = kmeans_dp(w[None], f[None], k)
    best = brute_force(w, f, k)
    assert distortion(w, f, levels[0]) <= best + 1e-6 * (1 + best)
    assert curve[0, -1] == pytest.approx(best, rel=1e-6, abs=1e-9)
    assert np.all(np.diff(curve[0]) <= 1e-9)  # more levels never hurt


def test_dp_vectorized_over_rows_matches_row_by_row():
    rng = np.random.default_rng(0)
    w = rng.standard_normal((7, 40)).astype(np.float32)
    f = rng.random((7, 40)) ** 3 + 1e-3
    levels, curve = kmeans_dp(w, f, 5)
    for r in range(7):
        one, c1 = kmeans_dp(w[r : r + 1], f[r : r + 1], 5)
        np.testing.assert_allclose(levels[r], one[0], rtol=1e-6)
        np.testing.assert_allclose(curve[r], c1[0], rtol=1e-9)


def test_fisher_weighting_pulls_levels_to_sensitive_weights():
    w = np.linspace(-1, 1, 64, dtype=np.float32)[None]
    f = np.ones((1, 64))
    f[0, :8] = 1e4  # the most negative weights are very sensitive
    plain, weighted = fit_codebook(w, np.ones((1, 64)), 4), fit_codebook(w, f, 4)
    assert distortion(w[0], f[0], weighted[0]) < distortion(w[0], f[0], plain[0])
    assert (weighted[0] < -0.75).sum() > (plain[0] < -0.75).sum()


def test_long_rows_binned_dp_and_lloyd_close_to_exact():
    rng = np.random.default_rng(1)
    w = rng.standard_normal((4, 512)).astype(np.float32)
    f = rng.random((4, 512)) ** 4 + 1e-4
    exact = kmeans_dp(w, f, 16)[0]
    fast = fit_codebook(w, f, 16, exact_max_levels=8)
    d_exact = sum(distortion(w[r], f[r], exact[r]) for r in range(4))
    d_fast = sum(distortion(w[r], f[r], fast[r]) for r in range(4))
    assert d_exact <= d_fast * (1 + 1e-9) < d_exact * 1.1


@pytest.mark.parametrize("k", [32, 256])
def test_lloyd_gives_an_isolated_weight_its_own_level(k):
    # BERT's token-type row: a dense cloud with a few very sensitive weights, and one outlier far from it whose
    # Fisher is moderate; plain Lloyd from weighted quantiles left it on the cloud's top level
    rng = np.random.default_rng(0)
    w = np.concatenate([rng.normal(0, 0.03, 383), [0.36]]).astype(np.float32)[None]
    f = rng.random((1, 384)) ** 6 * 3e4 + 1.0
    f[0, -1] = 1.5e3
    exact = kmeans_dp(w, f, k)[0][0]
    fast = fit_codebook(w, f, k)[0]
    assert np.abs(fast - 0.36).min() < 1e-6
    assert distortion(w[0], f[0], fast) <= 1.1 * distortion(w[0], f[0], exact) + 1e-9


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 2**32 - 1), st.sampled_from([17, 24, 40]))
def test_large_codebooks_never_worse_than_their_weighted_quantile_start(seed, k):
    rng = np.random.default_rng(seed)
    w = (rng.standard_normal((3, 64)) * rng.random((3, 1)) ** 2).astype(np.float32)
    f = rng.random((3, 64)) ** 8 + 1e-4
    start = weighted_quantiles(torch.from_numpy(w.astype(np.float64)), torch.from_numpy(f), k).numpy()
    fitted = fit_codebook(w, f, k)
    assert fitted.shape == (3, k) and np.all(np.diff(fitted, axis=1) >= 0)
    for r in range(3):
        assert distortion(w[r], f[r], fitted[r]) <= distortion(w[r], f[r], start[r]) * (1 + 1e-6) + 1e-12


@pytest.mark.parametrize("bits", range(1, 9))
def test_pack_round_trips(bits):
    g = torch.Generator().manual_seed(bits)
    for n in (8, 13, 64):
        idx = torch.randint(0, 2**bits, (5, n), generator=g)
        packed = pack(idx, bits)
        assert packed.dtype == torch.uint8 and packed.shape == (5, -(-n * bits // 8))
        assert torch.equal(unpack(packed, bits, n), idx)


@given(st.lists(st.floats(-50, 50, allow_subnormal=False), min_size=2, max_size=16), st.booleans())
@example(
    [0.0, 0.0625], False
)  # the small row's step is fp16-subnormal: rounded down, it clipped the top level
def test_int8_levels_stay_sorted_within_half_a_step(values, zero_row):
    second = [0.0] * len(values) if zero_row else [v * 1e-3 for v in sorted(values)]  # zeros, or a small row
    levels = torch.tensor([sorted(values), second])
    q, step = int8_levels(levels)
    assert q.dtype == torch.int8 and step.dtype == torch.float16 and bool((step > 0).all())
    table = int8_table(q, step)
    assert bool((table[:, 1:] >= table[:, :-1]).all())
    assert bool(((table - levels).abs() <= step.float()[:, None] / 2 * (1 + 1e-3) + 1e-6).all())


def test_allocation_respects_budget_and_favours_sensitive_groups():
    widths = np.array([2, 3, 4, 5])
    sens = np.array([1.0, 1.0, 100.0, 100.0, 0.0, 0.0])
    distortion_ = sens[:, None] * 4.0 ** -widths[None, :]  # D ∝ 4^-b
    cost = np.tile(64 * widths, (6, 1)).astype(float)
    budget = 64 * 3.5 * 6
    choice = allocate_bits(distortion_, cost, budget)
    assert cost[np.arange(6), choice].sum() <= budget
    bits = widths[choice]
    assert bits[2] > bits[0] and bits[3] > bits[1]
    assert bits[4] == bits[5] == 2  # no sensitivity: the fewest bits
    # a floor lifts the insensitive groups and is paid for by the others, still within budget
    floor = np.array([0, 0, 0, 0, 1, 1])
    lifted = allocate_bits(distortion_, cost, budget, floor)
    assert cost[np.arange(6), lifted].sum() <= budget
    assert np.all(lifted >= floor) and widths[lifted][4] == widths[lifted][5] == 3
    with pytest.raises(PareError, match="below the smallest achievable"):
        allocate_bits(distortion_, cost, 64 * 2.5 * 6, np.full(6, 1))
