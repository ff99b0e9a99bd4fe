"""Quantize a model's Linear and Embedding weights to per-group codebooks (the stored format: ``storage.py``).

Methods (all share one storage format): ``rtn`` uniform min-max grid per group, ``kmeans`` unweighted k-means
codebooks, ``fisher-uniform`` Fisher-weighted codebooks at one width, ``fisher`` Fisher-weighted codebooks with
a width per group chosen under the average-bit budget. The two Fisher methods assign Linear weights to their
levels with error feedback (``feedback.py``) unless ``error_feedback`` is off. The budget counts every stored
bit of a quantized weight: packed indices, the codebook (``2^b`` int8 levels and their fp16 step, or an fp16
scale and zero for ``rtn``) and the per-group width byte. Biases, norms and other parameters stay in their
dtype, outside that average.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field

import numpy as np
import torch
from torch import nn

from pare.errors import PareError
from pare.progress import Track, no_track
from pare.quant.allocate import allocate_bits
from pare.quant.codebook import DP_MAX_LEVELS, affine_grid, assign, distortion_curve, fit_codebook
from pare.quant.feedback import feedback_assign, input_hessians, output_error
from pare.quant.fisher import FisherMode, fisher_diagonal
from pare.quant.modules import QuantWeight
from pare.quant.storage import (
    FORMAT_VERSION,
    WEIGHTS_FILE,
    QuantizedModel,
    group_bits,
    store_codebook,
    store_grid,
    store_indices,
)

QUANT_METHODS = ("rtn", "kmeans", "fisher-uniform", "fisher")
# weights per vectorized codebook batch: bounds the DP's memory; larger batches ran slower (BENCHMARKS.md,
# quantization)
CHUNK = 1 << 16


@dataclass
class QuantConfig:
    """What to quantize to: ``bits`` is the average stored bits per quantized weight, overhead included."""

    bits: float = 4.0
    method: str = "fisher"
    group_size: int = 0  # weights per group along a row; 0 = the whole row
    min_bits: int = 2
    max_bits: int = 8
    fisher: FisherMode = "empirical"
    seed: int = 0
    exact_max_levels: int = 8  # exact DP up to this many levels; larger codebooks: DP on bins + Lloyd
    damp: float = 1e-3  # f + damp·mean(f): groups with no Fisher fall back to unweighted k-means
    embedding_min_bits: int | None = None  # fewest bits of an embedding row; None: see ``embedding_floor``
    error_feedback: bool = True  # Fisher methods: assign Linear weights with GPTQ-style error feedback
    # keep feedback on a layer only if it cuts the held-out output error by this share (``_error_feedback``)
    feedback_min_gain: float = 0.1

    @property
    def uses_fisher(self) -> bool:
        """Whether the method needs a calibration (the Fisher, and input Hessians for error feedback)."""
        return self.method in ("fisher", "fisher-uniform")

    def check(self) -> None:
        if self.method not in QUANT_METHODS:
            raise PareError(f"unknown method {self.method!r}; expected one of {', '.join(QUANT_METHODS)}")
        if not 1 <= self.min_bits <= self.max_bits <= 8:
            raise PareError(
                f"bit widths must satisfy 1 <= min-bits <= max-bits <= 8, got "
                f"{self.min_bits}..{self.max_bits}"
            )
        if not (math.isfinite(self.bits) and self.min_bits <= self.bits <= 8 * 3):
            raise PareError(f"--bits {self.bits} is outside the supported range [{self.min_bits}, 24]")
        if self.group_size < 0 or self.group_size % 8:
            raise PareError(
                f"--group-size must be 0 (whole rows) or a positive multiple of 8, got {self.group_size}"
            )
        if self.embedding_min_bits is not None and not (
            self.min_bits <= self.embedding_min_bits <= self.max_bits
        ):
            raise PareError(
                f"--embedding-min-bits {self.embedding_min_bits} must lie within "
                f"--min-bits..--max-bits ({self.min_bits}..{self.max_bits})"
            )
        if not 0 <= self.feedback_min_gain < 1:
            raise PareError(f"feedback_min_gain must be in [0, 1), got {self.feedback_min_gain}")
        if self.fisher not in ("empirical", "model"):
            raise PareError(f"unknown Fisher mode {self.fisher!r}; expected 'empirical' or 'model'")


@dataclass
class Target:
    """One weight to quantize: the module owning it and its group layout."""

    module: str
    kind: str  # "linear" or "embedding"
    weight: torch.Tensor
    group_size: int
    aliases: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.module}.weight"

    @property
    def groups(self) -> int:
        return self.weight.numel() // self.group_size


def find_targets(model: nn.Module, group_size: int = 0) -> list[Target]:
    """Every Linear and Embedding weight, once (a tied weight becomes an alias of its first owner)."""
    seen: dict[int, Target] = {}
    for name, module in model.named_modules():
        kind = (
            "linear"
            if isinstance(module, nn.Linear)
            else "embedding"
            if isinstance(module, nn.Embedding)
            else ""
        )
        if not kind:
            continue
        if id(module.weight) in seen:
            seen[id(module.weight)].aliases.append(name)
            continue
        cols = module.weight.shape[1]
        g = group_size or cols
        if cols % g:
            raise PareError(f"{name}: {cols} columns are not a multiple of --group-size {g}")
        seen[id(module.weight)] = Target(name, kind, module.weight, g)
    return list(seen.values())


def embedding_floor(config: QuantConfig, t: Target) -> int:
    """Fewest bits of a row of embedding ``t`` under ``fisher`` allocation.

    An embedding row gets Fisher only from the tokens the calibration text happens to use, which says nothing
    about the rest of the vocabulary: left to the allocation, the rows of tokens the calibration never saw
    would take the fewest bits, which costs F1 on held-out text where those tokens occur
    (benchmarks/ARCHIVE-2026-12.md, quantization, earlier tables). So by default no embedding row falls more
    than one bit below the budget, lowered while such a row would cost more than the budget (tiny rows, large
    codebooks).
    """
    if config.embedding_min_bits is not None:
        return config.embedding_min_bits
    b = min(config.max_bits, math.floor(config.bits) - 1)
    while b > config.min_bits and group_bits(t.group_size, b, False) > config.bits * t.group_size:
        b -= 1
    return max(b, config.min_bits)


def _chunks(n_groups: int, group_size: int) -> list[slice]:
    step = max(1, CHUNK // group_size)
    return [slice(i, min(i + step, n_groups)) for i in range(0, n_groups, step)]


def _curves(w: np.ndarray, f: np.ndarray, widths: list[int]) -> np.ndarray:
    """Distortion estimates ``(groups, len(widths))``; beyond 16 levels ``D ∝ k^-2`` (high-resolution law)."""
    out = np.zeros((len(w), len(widths)))
    live = f.sum(1) > 0  # groups the calibration never touched cost nothing at any width
    if not live.any():
        return out
    kmax = min(2 ** widths[-1], DP_MAX_LEVELS, w.shape[1])
    w, f = w[live], f[live]
    curve = np.concatenate([distortion_curve(w[s], f[s], kmax) for s in _chunks(len(w), w.shape[1])])
    for c, b in enumerate(widths):
        k = 2**b
        if k >= w.shape[1]:
            out[live, c] = 0.0
        elif k <= kmax:
            out[live, c] = curve[:, k - 1]
        else:
            out[live, c] = curve[:, kmax - 1] * (kmax / k) ** 2
    return out


@dataclass
class Calibration:
    """What the calibration data says about a model: the Fisher diagonal of every Linear and Embedding weight
    and the input Hessian of every Linear layer (in two parts, see ``input_hessians``). It depends on the
    model, the data and the Fisher mode, not on the method or the budget, so one measurement serves every
    quantization of the same model."""

    fisher: dict[str, torch.Tensor]
    hessians: dict[str, torch.Tensor]
    mode: FisherMode
    seed: int


def calibrate(
    model: nn.Module,
    batches,
    mode: FisherMode = "empirical",
    seed: int = 0,
    hessians: bool = True,
    track: Track = no_track,
    n_batches: int | None = None,
) -> Calibration:
    """Measure ``model`` on ``batches`` (see ``quantize``): one Fisher pass, and one Hessian pass if asked."""
    targets = find_targets(model)
    if not targets:
        raise PareError("the model has no Linear or Embedding layers to quantize")
    params = {t.name: t.weight for t in targets}
    fisher = fisher_diagonal(model, batches, params, mode, seed, track, n_batches)
    inputs = {}
    if hessians:
        linear = [t.module for t in targets if t.kind == "linear"]
        inputs = input_hessians(model, track(batches, "hessians", n_batches), linear)
    return Calibration(fisher, inputs, mode, seed)


def quantize(
    model: nn.Module,
    batches,
    config: QuantConfig,
    track: Track = no_track,
    n_batches: int | None = None,
    calibration: Calibration | None = None,
) -> QuantizedModel:
    """Quantize ``model``'s Linear and Embedding weights; ``batches`` feed the Fisher and the input Hessians of
    error feedback (unused by rtn/kmeans), unless ``calibration`` already holds them.

    ``batches`` is a sequence (read once per pass) of dicts for ``model(**batch)``, with optional gold
    ``labels`` (-100 ignored).
    Raises ``PareError`` for an impossible budget, a model without such layers, or a gradient-free calibration.
    """
    config.check()
    targets = find_targets(model, config.group_size)
    if not targets:
        raise PareError("the model has no Linear or Embedding layers to quantize")
    fisher, hessians = None, {}
    if config.uses_fisher:
        fisher, hessians = _measure(model, batches, config, track, n_batches, calibration)
    chosen, floors = _allocate(targets, config, fisher, track)
    tensors: dict[str, torch.Tensor] = {}
    entries: dict[str, dict] = {}
    start = 0
    for t in track(targets, "codebooks", len(targets)):
        bits = torch.from_numpy(chosen[start : start + t.groups].astype(np.uint8))
        start += t.groups
        f = fisher[t.name] if fisher else None
        entries[t.name] = _quantize_tensor(t, bits, f, config, tensors, hessians.get(t.module))
    return QuantizedModel(tensors, _manifest(config, targets, tensors, entries, chosen, floors, fisher))


def _measure(
    model: nn.Module,
    batches,
    config: QuantConfig,
    track: Track,
    n_batches: int | None,
    calibration: Calibration | None,
) -> tuple[dict[str, torch.Tensor], dict[str, torch.Tensor]]:
    """The Fisher and (with error feedback) the input Hessians: from ``calibration`` if it matches ``config``,
    else measured on ``batches``."""
    if calibration is None:
        calibration = calibrate(
            model, batches, config.fisher, config.seed, config.error_feedback, track, n_batches
        )
    elif calibration.mode != config.fisher or (
        config.fisher == "model" and calibration.seed != config.seed  # the seed draws the sampled labels
    ):
        raise PareError(
            f"the calibration was measured with --fisher {calibration.mode} (seed {calibration.seed}), "
            f"the quantization asks for {config.fisher} (seed {config.seed})"
        )
    elif config.error_feedback and not calibration.hessians:
        raise PareError("error feedback needs the input Hessians: calibrate with hessians=True")
    return calibration.fisher, calibration.hessians if config.error_feedback else {}


def _allocate(
    targets: list[Target], config: QuantConfig, fisher: dict[str, torch.Tensor] | None, track: Track
) -> tuple[np.ndarray, dict[str, int]]:
    """The width of every group (all targets' groups in order), and the floor of each embedding's rows.

    Group ``g`` at width ``b`` stores ``C[g, b]`` bits (``group_bits``); ``fisher`` picks ``b`` per group to
    minimize ``Σ D[g, b]``, its Fisher-weighted distortion, s.t. ``Σ C <= bits · n_weights`` and
    ``b >= floor[g]`` (``allocate_bits``); the other methods take the widest single ``b`` that fits.
    """
    widths = list(range(config.min_bits, config.max_bits + 1))
    n_weights = sum(t.weight.numel() for t in targets)
    budget = config.bits * n_weights
    affine = config.method == "rtn"
    cost = np.concatenate(
        [np.tile([group_bits(t.group_size, b, affine) for b in widths], (t.groups, 1)) for t in targets]
    )
    floors = {t.name: embedding_floor(config, t) for t in targets if t.kind == "embedding"}
    floor = np.zeros(len(cost), dtype=np.int64)  # lowest allowed column (width - min_bits) per group
    if config.method == "fisher":
        floor = np.concatenate(
            [np.full(t.groups, floors.get(t.name, config.min_bits) - config.min_bits) for t in targets]
        )
    smallest = cost[np.arange(len(cost)), floor].sum()
    if smallest > budget:
        embedding = f", embedding rows {widths[floor.max()]}" if floor.any() else ""
        raise PareError(
            f"--bits {config.bits} is below the smallest achievable {smallest / n_weights:.3f} bits per "
            f"weight (min-bits {config.min_bits}{embedding}, "
            f"{'whole-row groups' if not config.group_size else f'group size {config.group_size}'})"
        )
    if config.method == "fisher":
        dist = []
        for t in track(targets, "sensitivity", len(targets)):
            w = t.weight.detach().float().reshape(-1, t.group_size).numpy()
            f = fisher[t.name].reshape(-1, t.group_size).double().numpy()
            dist += [_curves(w[s], f[s], widths) for s in _chunks(t.groups, t.group_size)]
        choice = allocate_bits(np.concatenate(dist), cost, budget, floor)
    else:  # one width for all: the widest whose total fits the budget
        fits = [c for c in range(len(widths)) if cost[:, c].sum() <= budget]
        choice = np.full(len(cost), fits[-1])
    return np.asarray(widths)[choice], floors


def _manifest(
    config: QuantConfig,
    targets: list[Target],
    tensors: dict[str, torch.Tensor],
    entries: dict[str, dict],
    chosen: np.ndarray,
    floors: dict[str, int],
    fisher: dict[str, torch.Tensor] | None,
) -> dict:
    """The manifest of a quantization: its config, what it stored (bits counted from the tensors) and
    ``entries``, one per quantized weight."""
    widths = range(config.min_bits, config.max_bits + 1)
    n_weights = sum(t.weight.numel() for t in targets)
    stored = sum(v.numel() * v.element_size() for v in tensors.values())
    return {
        "format": "pare-quant",
        "version": FORMAT_VERSION,
        "config": asdict(config),
        "weights_file": WEIGHTS_FILE,
        "quantized_weights": n_weights,
        "quantized_bytes": stored,
        "bits_per_weight": 8 * stored / n_weights,
        "embedding_min_bits": floors if config.method == "fisher" else None,
        "fisher_distortion": sum(e["fisher_distortion"] or 0.0 for e in entries.values()) if fisher else None,
        "bits_histogram": {str(b): int((chosen == b).sum()) for b in widths if (chosen == b).any()},
        "tensors": entries,
    }


def _quantize_tensor(
    t: Target,
    bits: torch.Tensor,
    fisher: torch.Tensor | None,
    config: QuantConfig,
    out: dict[str, torch.Tensor],
    hessian: torch.Tensor | None = None,
) -> dict:
    """Fit the codebooks of one weight at the chosen widths; store them in ``out``; return its manifest entry.

    With ``hessian`` (a Linear layer's input ``Σ x xᵀ`` in two parts, ``(2, in, in)``, see ``input_hessians``),
    weights are assigned to their levels with error feedback where it pays on held-out inputs
    (``_error_feedback``); otherwise each weight goes to its nearest level.
    """
    w = t.weight.detach().float().reshape(-1, t.group_size)
    out[f"{t.name}.bits"] = bits
    members = {b: (bits == b).nonzero().squeeze(1) for b in sorted(set(bits.tolist()))}
    tables, index = _codebooks(t, w, _fit_weights(fisher, config, w.shape), members, config, out)
    feedback = None
    if hessian is not None:
        index, feedback = _error_feedback(t, members, tables, index, hessian, config)
    packed = store_indices(out, t.name, index, members)
    q = QuantWeight(tuple(t.weight.shape), t.group_size, bits, packed, tables).dequantize()
    err = (q - t.weight.detach().float()) ** 2
    return {
        "module": t.module,
        "kind": t.kind,
        "aliases": t.aliases,
        "shape": list(t.weight.shape),
        "group_size": t.group_size,
        "format": "affine" if config.method == "rtn" else "codebook",
        "mean_bits": float(bits.float().mean()),
        "bits_histogram": {str(b): int((bits == b).sum()) for b in members},
        "fisher_distortion": float((err.double() * fisher.double()).sum()) if fisher is not None else None,
        "mse": float(err.mean()),
        "error_feedback": feedback,
    }


def _fit_weights(fisher: torch.Tensor | None, config: QuantConfig, shape: torch.Size) -> np.ndarray:
    """Weights of the codebook fit, ``(groups, group_size)``: ``f + damp·mean(f)`` (so a group the calibration
    never touched fits as unweighted k-means), all ones without a Fisher or where it is zero everywhere."""
    if fisher is None:
        return np.ones(shape, dtype=np.float64)
    f = fisher.reshape(-1, shape[1]).double()
    mean = float(f.mean())
    return (f + config.damp * mean if mean > 0 else torch.ones_like(f)).numpy()


def _codebooks(
    t: Target,
    w: torch.Tensor,
    fit_f: np.ndarray,
    members: dict[int, torch.Tensor],
    config: QuantConfig,
    out: dict[str, torch.Tensor],
) -> tuple[dict[int, torch.Tensor], torch.Tensor]:
    """Fit and store the codebook of every group of ``w``, the groups of width ``b`` being ``members[b]``;
    returns the levels as stored per width, ``(groups of b, 2^b)``, and each weight's nearest level."""
    tables, index = {}, torch.empty(w.shape, dtype=torch.int64)
    for b, sel in members.items():
        ws, fs = w[sel], fit_f[sel.numpy()]
        if config.method == "rtn":  # min-max grid: zero + scale·t, t = 0..2^b-1
            scale, zero = (torch.from_numpy(a) for a in affine_grid(ws.numpy(), b))
            tables[b] = store_grid(out, t.name, b, scale, zero)
        else:  # 2^b levels c minimizing Σ f (w - c(w))², in chunks that bound the DP's memory
            parts = [
                fit_codebook(ws[s].numpy(), fs[s], 2**b, config.exact_max_levels)
                for s in _chunks(len(sel), t.group_size)
            ]
            fitted = torch.from_numpy(np.concatenate(parts)).sort(dim=1).values
            tables[b] = store_codebook(out, t.name, b, fitted)
        index[sel] = assign(ws, tables[b])  # nearest stored level
    return tables, index


def _error_feedback(
    t: Target,
    members: dict[int, torch.Tensor],
    tables: dict[int, torch.Tensor],
    index: torch.Tensor,
    hessian: torch.Tensor,
    config: QuantConfig,
) -> tuple[torch.Tensor, dict]:
    """Level indices with error feedback where it pays, else ``index`` (nearest levels); and what it measured.

    The output error of weight error ``Δ`` on inputs with ``H = Σ x xᵀ`` is ``Σ_rows Δ H Δᵀ``. Feedback is
    fitted on one part of ``hessian`` and scored on the other, both ways round, and kept only when that
    held-out error is at most ``1 - config.feedback_min_gain`` times nearest-level assignment's. Feedback
    moves weights off their nearest level, so the weight error grows; where that buys only a sliver of output
    error on the calibration text it can lose on text of another kind (a layer whose inputs carry a few huge
    activations, such as BERT's first FFN output), while on other layers it cuts the error by far more than
    the threshold (BENCHMARKS.md, quantization).
    """
    k = 2 ** max(members)
    padded = torch.empty(t.groups, k)
    for b, sel in members.items():  # repeat the top level: argmin ties go to the real (first) index
        padded[sel] = torch.cat([tables[b], tables[b][:, -1:].expand(-1, k - 2**b)], 1)
    table = padded.reshape(t.weight.shape[0], -1, k)

    def fit(h: torch.Tensor) -> torch.Tensor:
        return feedback_assign(t.weight, table, t.group_size, h).reshape(index.shape)

    def error(idx: torch.Tensor, h: torch.Tensor) -> float:
        q = padded.gather(1, idx).reshape(t.weight.shape)
        return output_error(q - t.weight.detach().float(), h)

    part_a, part_b = hessian  # the two document-disjoint parts (``FOLDS == 2``)
    full = part_a + part_b
    fed = fit(full)
    held_out = error(fit(part_a), part_b) + error(fit(part_b), part_a)
    # plain assignment ignores H, so its error on either part is already a held-out one (and their sum is
    # its error on the full H: the error is linear in H)
    plain = error(index, part_a) + error(index, part_b)
    feedback = {
        "kept": held_out < (1 - config.feedback_min_gain) * plain,
        "output_error": [plain, error(fed, full)],
        "held_out_error": [plain, held_out],
    }
    return (fed if feedback["kept"] else index), feedback
