"""The training loop's parts: precision choice, length-bucketed batches, and one loop on a tiny linear model."""

from __future__ import annotations

import itertools

import pytest
import torch
from hypothesis import given
from hypothesis import strategies as st

from pare.errors import PareError
from pare.train.loop import LoopConfig, bucketed_batches, resolve_precision, train_loop


@pytest.mark.parametrize(("gpu", "expected"), [(True, "bf16"), (False, "no")])
def test_auto_precision_follows_the_gpu_and_explicit_choices_pass_through(monkeypatch, gpu, expected):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: gpu)
    assert resolve_precision("auto") == expected
    assert resolve_precision("no") == "no" and resolve_precision("bf16") == "bf16"
    with pytest.raises(PareError, match="--mixed-precision 'fp16'"):
        resolve_precision("fp16")


@given(
    lengths=st.lists(st.integers(1, 500), min_size=1, max_size=300),
    batch_size=st.integers(1, 8),
    seed=st.integers(0, 3),
)
def test_bucketed_batches_cover_every_index_once_in_similar_length_batches(lengths, batch_size, seed):
    batches = bucketed_batches(lengths, batch_size, seed)
    assert sorted(i for b in batches for i in b) == list(range(len(lengths)))
    assert all(1 <= len(b) <= batch_size for b in batches)
    assert batches == bucketed_batches(lengths, batch_size, seed)
    chunk = batch_size * 50
    if len(lengths) <= chunk:  # one chunk: sorted by length, then cut, so batches do not interleave
        spans = sorted((min(lengths[i] for i in b), max(lengths[i] for i in b)) for b in batches)
        assert all(hi <= next_lo for (_, hi), (next_lo, _) in itertools.pairwise(spans))


def test_bucketed_batches_depend_on_the_seed():
    lengths = list(range(100))
    assert bucketed_batches(lengths, 4, 0) != bucketed_batches(lengths, 4, 1)


def test_loop_logs_the_mean_batch_loss_and_decays_only_matrices():
    torch.manual_seed(0)
    model = torch.nn.Linear(3, 2)
    weight, bias = model.weight.detach().clone(), model.bias.detach().clone()
    features = [{"input_ids": [0] * (1 + i % 3), "x": float(i)} for i in range(10)]

    def loss_fn(m: torch.nn.Module, batch: dict[str, torch.Tensor]) -> torch.Tensor:
        # a zero gradient, so that weight decay is the only update AdamW makes
        return batch["x"].sum() + 0 * sum(p.sum() for p in m.parameters())

    seen = []

    def on_epoch_end(trained: torch.nn.Module, epoch: int) -> dict:
        seen.append((trained.training, epoch))
        return {"epoch_seen": epoch}

    config = LoopConfig(
        epochs=2, batch_size=4, learning_rate=0.1, weight_decay=0.5, warmup_ratio=0.0, mixed_precision="no"
    )
    history = train_loop(
        model,
        features,
        lambda items: {"x": torch.tensor([f["x"] for f in items])},
        loss_fn,
        config,
        on_epoch_end=on_epoch_end,
    )
    assert [h.epoch for h in history] == [0, 1] and seen == [(False, 0), (False, 1)]
    assert [h.metrics for h in history] == [{"epoch_seen": 0}, {"epoch_seen": 1}]
    # every example once per epoch, in batches of 4, 4 and 2: the mean of the three batch sums
    assert [h.loss for h in history] == [pytest.approx(sum(range(10)) / 3)] * 2
    assert torch.equal(model.bias, bias)
    assert model.weight.abs().sum() < weight.abs().sum()
    assert torch.allclose(model.weight / weight, (model.weight / weight)[0, 0].expand_as(weight))


def test_no_examples_is_an_error():
    with pytest.raises(PareError, match="no training examples"):
        train_loop(torch.nn.Linear(1, 1), [], lambda items: {}, lambda m, b: m.weight.sum(), LoopConfig())
