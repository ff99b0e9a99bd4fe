"""Diagonal Fisher information of chosen weights, streamed over calibration batches.

``F_i = Σ_batches (∂L/∂w_i)²`` where ``L`` is the summed cross-entropy of the batch: against the gold labels
(``empirical``) or against labels drawn from the model's own predictive distribution (``model``, the true
Fisher in expectation; needs no labels). Positions labelled -100 (or padded) are ignored.
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
    """Accumulate squared gradients of ``params`` (fp32 buffers of their size) over ``batches``.

    Each batch is a dict for ``model(**batch)``; its optional ``labels`` key holds gold labels. Raises
    ``PareError`` when no position carries a label (all -100, or no batches).
    """
    if mode not in ("empirical", "model"):
        raise PareError(f"unknown Fisher mode {mode!r}; expected 'empirical' or 'model'")
    gen = torch.Generator().manual_seed(seed)
    causal = _is_causal(model)
    acc = {name: torch.zeros_like(p, dtype=torch.float32) for name, p in params.items()}
    wanted = {id(p) for p in params.values()}
    saved = {name: p.requires_grad for name, p in model.named_parameters()}
    for p in model.parameters():
        p.requires_grad_(id(p) in wanted)
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
            for name, p in params.items():
                if p.grad is not None:
                    acc[name] += p.grad.float() ** 2
    finally:
        model.zero_grad(set_to_none=True)
        for name, p in model.named_parameters():
            p.requires_grad_(saved[name])
        model.train(was_training)
    if positions == 0:
        raise PareError("the calibration data yields no gradient: it is empty or every label is -100")
    return acc
