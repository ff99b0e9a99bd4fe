"""Distillation losses on logits ``(..., C)`` with a mask of the positions that count.

The same functions serve token classification (a row per token), sequence classification (a row per
sequence) and causal language models (a row per token over the vocabulary). All losses are averaged over
the masked-in rows and computed in float32.
"""

from __future__ import annotations

from typing import Literal

import torch
import torch.nn.functional as F

HiddenLoss = Literal["mse", "cosine", "none"]
HIDDEN_LOSSES: tuple[str, ...] = ("mse", "cosine", "none")


def _masked_mean(values: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    mask = mask.to(values.dtype)
    return (values * mask).sum() / mask.sum().clamp(min=1.0)


def kd_loss(
    student_logits: torch.Tensor,
    teacher_logits: torch.Tensor,
    mask: torch.Tensor,
    temperature: float = 2.0,
    teacher_indices: torch.Tensor | None = None,
) -> torch.Tensor:
    """Hinton's loss: T² · KL(p_T || q_T) averaged over masked-in rows.

    p_T = softmax(teacher / T), q_T = softmax(student / T); the T² keeps gradient magnitudes comparable
    across temperatures. With ``teacher_indices`` (top-k), ``teacher_logits`` holds only the k largest
    teacher logits at those class indices: p_T is renormalized over them (the tail gets no mass) and the
    student's full distribution is read at the same indices.
    """
    t = temperature
    log_q = F.log_softmax(student_logits.float() / t, dim=-1)
    log_p = F.log_softmax(teacher_logits.float() / t, dim=-1)
    if teacher_indices is not None:
        log_q = log_q.gather(-1, teacher_indices.long())
    # KL(p || q) = sum_c p_c (log p_c - log q_c)
    kl = (log_p.exp() * (log_p - log_q)).sum(-1)
    return t * t * _masked_mean(kl, mask)


def ce_loss(logits: torch.Tensor, labels: torch.Tensor, ignore_index: int = -100) -> torch.Tensor:
    """Cross-entropy on gold labels, averaged over labelled rows (0 when there are none)."""
    flat = labels.reshape(-1)
    valid = flat != ignore_index
    if not valid.any():
        return logits.sum() * 0.0
    return F.cross_entropy(logits.float().reshape(-1, logits.shape[-1])[valid], flat[valid])


def hidden_loss(
    student: torch.Tensor, teacher: torch.Tensor, mask: torch.Tensor, kind: HiddenLoss = "cosine"
) -> torch.Tensor:
    """Distance between student and teacher hidden states ``(..., H)`` averaged over masked-in positions.

    ``mse``: mean over H of (s - t)²; ``cosine``: 1 - cos(s, t).
    """
    s, t = student.float(), teacher.float()
    if kind == "mse":
        per = (s - t).pow(2).mean(-1)
    elif kind == "cosine":
        per = 1.0 - F.cosine_similarity(s, t, dim=-1, eps=1e-6)
    else:
        raise ValueError(f"unknown hidden loss {kind!r}")
    return _masked_mean(per, mask)
