import math

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from pare.distill.losses import ce_loss, hidden_loss, kd_loss


def test_kd_loss_zero_when_student_equals_teacher():
    logits = torch.randn(2, 5, 7)
    assert kd_loss(logits, logits.clone(), torch.ones(2, 5), 3.0).item() == pytest.approx(0.0, abs=1e-6)


def test_kd_loss_hand_computed():
    s = np.array([[1.0, 0.0, -1.0], [0.5, 0.5, 2.0]])
    t = np.array([[2.0, 0.0, 0.0], [0.0, 1.0, 0.0]])
    mask = np.array([1.0, 0.0])
    temp = 2.0

    def softmax(x):
        e = np.exp(x - x.max())
        return e / e.sum()

    p, q = softmax(t[0] / temp), softmax(s[0] / temp)
    expected = temp**2 * float((p * np.log(p / q)).sum())  # only row 0 is masked in
    got = kd_loss(torch.tensor(s), torch.tensor(t), torch.tensor(mask), temp).item()
    assert got == pytest.approx(expected, rel=1e-5)


def test_kd_loss_top_k_renormalises_over_kept_classes():
    s = torch.tensor([[0.3, -1.0, 2.0, 0.0]])
    t = torch.tensor([[3.0, 1.0, -2.0, 0.5]])
    values, idx = t.topk(2, dim=-1)  # classes 0 and 3
    p = torch.softmax(values / 1.0, -1)
    log_q = torch.log_softmax(s, -1)[0, idx[0]]
    expected = float((p[0] * (p[0].log() - log_q)).sum())
    got = kd_loss(s, values, torch.ones(1), 1.0, teacher_indices=idx).item()
    assert got == pytest.approx(expected, rel=1e-5)
    # with every class kept, top-k is the full loss
    full = kd_loss(s, t, torch.ones(1), 1.0).item()
    vals4, idx4 = t.topk(4, dim=-1)
    assert kd_loss(s, vals4, torch.ones(1), 1.0, teacher_indices=idx4).item() == pytest.approx(full, rel=1e-5)


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 4), st.integers(2, 6), st.floats(0.5, 5.0), st.integers(0, 1000))
def test_kd_loss_non_negative(rows, classes, temp, seed):
    g = torch.Generator().manual_seed(seed)
    s, t = torch.randn(rows, classes, generator=g), torch.randn(rows, classes, generator=g)
    assert kd_loss(s, t, torch.ones(rows), temp).item() >= -1e-6


def test_kd_gradient_moves_student_towards_teacher():
    t = torch.tensor([[2.0, -1.0, 0.0]])
    s = torch.zeros(1, 3, requires_grad=True)
    before = kd_loss(s, t, torch.ones(1), 2.0)
    before.backward()
    with torch.no_grad():
        stepped = s - 0.5 * s.grad
    assert kd_loss(stepped, t, torch.ones(1), 2.0).item() < before.item()


def test_ce_loss_ignores_unlabelled_rows():
    logits = torch.tensor([[[2.0, 0.0], [0.0, 1.0]]])
    labels = torch.tensor([[0, -100]])
    expected = -math.log(math.exp(2.0) / (math.exp(2.0) + 1.0))
    assert ce_loss(logits, labels).item() == pytest.approx(expected, rel=1e-5)
    assert ce_loss(logits, torch.full((1, 2), -100)).item() == 0.0


def test_hidden_losses_hand_computed():
    s = torch.tensor([[[1.0, 0.0], [1.0, 1.0], [5.0, 5.0]]])
    t = torch.tensor([[[0.0, 1.0], [2.0, 2.0], [0.0, 0.0]]])
    mask = torch.tensor([[1, 1, 0]])
    # per position: mean over H of (s - t)^2 = (1 + 1) / 2 = 1 for both masked-in rows
    assert hidden_loss(s, t, mask, "mse").item() == pytest.approx(1.0)
    assert hidden_loss(s, t, mask, "cosine").item() == pytest.approx((1.0 + 0.0) / 2)
