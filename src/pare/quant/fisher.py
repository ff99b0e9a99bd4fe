"""Diagonal Fisher information of chosen weights, streamed over calibration batches.

``F_i = Σ_windows (∂L_w/∂w_i)²`` where ``L_w`` is the summed cross-entropy of one calibration window (one
example): against the gold labels (``empirical``) or against labels drawn from the model's own predictive
distribution (``model``, the true Fisher in expectation; needs no labels). Positions labelled -100 (or
padded) are ignored. Squaring per window, not per batch, is the Fisher's definition (an expectation of the
squared per-example score); the squared batch gradient adds cross terms between windows that only average
out over many batches.

Per-window gradients come without a backward pass per window: a Linear weight's gradient in window ``b`` is
``δ_bᵀ X_b`` (output gradients times inputs over that window's positions) and an Embedding row's is the sum
of the output gradients at that window's positions holding its token, both read by hooks during one batched
backward pass. A weight used by two modules (a tied LM head) gets each use's square, without the cross term;
an embedding called with ids shared by the whole batch (BERT's position ids, shape ``(1, T)``) and weights
of other modules get the squared batch gradient.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Literal

import torch
from torch import nn

from pare.errors import PareError
from pare.progress import Track, no_track

FisherMode = Literal["empirical", "model"]
IGNORE = -100


def _is_causal(model: nn.Module) -> bool:
    config = getattr(model, "config", None)
    archs = getattr(config, "architectures", None) or []
    return bool(getattr(config, "is_decoder", False)) or any(a.endswith("CausalLM") for a in archs)


def _targets(
    logits: torch.Tensor,
    batch: Mapping[str, torch.Tensor],
    labels: torch.Tensor | None,
    mode: FisherMode,
    causal: bool,
    gen: torch.Generator,
) -> tuple[torch.Tensor, torch.Tensor]:
    """Flatten to ``(positions, classes)`` logits and their target labels, ignored positions removed."""
    mask = batch.get("attention_mask")
    if causal:  # position t predicts token t+1
        if labels is None and mode == "empirical":
            labels = (
                batch["input_ids"].masked_fill(mask == 0, IGNORE) if mask is not None else batch["input_ids"]
            )
        logits = logits[:, :-1]
        labels = labels[:, 1:] if labels is not None else None
        mask = mask[:, 1:] if mask is not None else None
    if labels is None:
        if mode == "empirical":
            raise PareError("empirical Fisher needs labels in the calibration batches; use --fisher model")
        keep = mask.bool() if mask is not None and mask.shape == logits.shape[:-1] else None
    else:
        keep = labels != IGNORE
    flat = logits.reshape(-1, logits.shape[-1])
    keep = keep.reshape(-1) if keep is not None else torch.ones(flat.shape[0], dtype=torch.bool)
    flat = flat[keep]
    if mode == "model":  # y ~ p(y | x): sample from the model's own predictive distribution
        target = torch.multinomial(torch.softmax(flat.detach().float(), -1), 1, generator=gen).squeeze(-1)
    else:
        target = labels.reshape(-1)[keep]
    return flat, target


def fisher_diagonal(
    model: nn.Module,
    batches: Iterable[Mapping[str, torch.Tensor]],
    params: Mapping[str, nn.Parameter],
    mode: FisherMode = "empirical",
    seed: int = 0,
    track: Track = no_track,
    total: int | None = None,
) -> dict[str, torch.Tensor]:
    """Accumulate per-window squared gradients of ``params`` (fp32 buffers of their size) over ``batches``.

    Each batch is a dict for ``model(**batch)``; its optional ``labels`` key holds gold labels. Raises
    ``PareError`` when no position carries a label (all -100, or no batches).
    """
    if mode not in ("empirical", "model"):
        raise PareError(f"unknown Fisher mode {mode!r}; expected 'empirical' or 'model'")
    gen = torch.Generator().manual_seed(seed)
    causal = _is_causal(model)
    acc = {name: torch.zeros_like(p, dtype=torch.float32) for name, p in params.items()}
    hooked = _hooked_modules(model, params)
    covered = {name for _, name in hooked}
    fallback = {name: p for name, p in params.items() if name not in covered}
    wanted = {id(p) for p in fallback.values()}
    saved = {name: p.requires_grad for name, p in model.named_parameters()}
    for p in model.parameters():
        p.requires_grad_(id(p) in wanted)
    handles = [module.register_forward_hook(_window_squares(acc[name])) for module, name in hooked]
    was_training = model.training
    model.eval()  # no dropout: the gradient of the deterministic model
    positions = 0
    try:
        for batch in track(batches, "fisher", total):
            inputs = {k: v for k, v in batch.items() if k != "labels"}
            logits = model(**inputs).logits
            flat, target = _targets(logits, inputs, batch.get("labels"), mode, causal, gen)
            if target.numel() == 0:
                continue
            positions += target.numel()
            model.zero_grad(set_to_none=True)
            nn.functional.cross_entropy(flat.float(), target, reduction="sum").backward()
            for name, p in fallback.items():
                if p.grad is not None:
                    acc[name] += p.grad.float() ** 2
    finally:
        for handle in handles:
            handle.remove()
        model.zero_grad(set_to_none=True)
        for name, p in model.named_parameters():
            p.requires_grad_(saved[name])
        model.train(was_training)
    if positions == 0:
        raise PareError("the calibration data yields no gradient: it is empty or every label is -100")
    return acc


def _hooked_modules(model: nn.Module, params: Mapping[str, nn.Parameter]) -> list[tuple[nn.Module, str]]:
    """(module, param name) for every Linear or Embedding module whose weight is one of ``params``."""
    by_id = {id(p): name for name, p in params.items()}
    return [
        (module, by_id[id(module.weight)])
        for module in model.modules()
        if isinstance(module, nn.Linear | nn.Embedding) and id(module.weight) in by_id
    ]


def _window_squares(acc: torch.Tensor):
    """A forward hook that adds each window's squared weight gradient to ``acc`` when the output's gradient
    arrives. The output is made to require grad, so the weights themselves need none (no weight gradients are
    computed twice)."""

    def hook(module: nn.Module, args: tuple, output: torch.Tensor) -> None:
        if not output.requires_grad:
            output.requires_grad_(True)
        x = args[0].detach()

        def on_grad(grad: torch.Tensor) -> None:
            grad = grad.detach().float()
            batch = grad.shape[0] if grad.dim() > 1 else 1  # outputs are (windows, ..., features)
            g = grad.reshape(batch, -1, grad.shape[-1])  # (windows, positions, out)
            if isinstance(module, nn.Embedding):
                ids = x.reshape(batch, -1)
                vocab = acc.shape[0]
                if module.padding_idx is not None:  # autograd leaves the padding row without gradient
                    g = g.masked_fill((ids == module.padding_idx)[..., None], 0.0)
                # one row per (window, token): sum that window's output gradients, square, add to the token's row
                keys, where = torch.unique(ids + vocab * torch.arange(batch)[:, None], return_inverse=True)
                rows = torch.zeros(len(keys), g.shape[-1]).index_add_(
                    0, where.reshape(-1), g.reshape(-1, g.shape[-1])
                )
                acc.index_add_(0, keys % vocab, rows.square())
            else:
                inputs = x.float().reshape(batch, -1, x.shape[-1])  # (windows, positions, in)
                for b in range(batch):  # δ_bᵀ X_b: this window's gradient, one (out, in) matrix at a time
                    acc.add_((g[b].T @ inputs[b]).square_())

        output.register_hook(on_grad)

    return hook
