"""The diagonal Fisher: per-window squared gradients from hooks equal a brute-force loop over windows."""

import pytest
import torch
from torch import nn
from transformers import BertConfig, BertForSequenceClassification, BertForTokenClassification

from pare.quant.fisher import fisher_diagonal


def _bert(cls):
    torch.manual_seed(0)
    config = BertConfig(
        vocab_size=50,
        hidden_size=16,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=32,
        max_position_embeddings=16,
        num_labels=4,
    )
    return cls(config).eval()


def _batches(seed=0, n=3, windows=3, length=7, token_labels=True):
    g = torch.Generator().manual_seed(seed)
    out = []
    for _ in range(n):
        ids = torch.randint(1, 50, (windows, length), generator=g)
        ids[:, 1] = 0  # the padding id, unmasked: autograd gives its embedding row no gradient
        mask = torch.ones_like(ids)
        mask[0, -2:] = 0  # padding in one window
        shape = (windows, length) if token_labels else (windows,)
        labels = torch.randint(0, 4, shape, generator=g)
        if token_labels:
            labels[mask == 0] = -100
        out.append({"input_ids": ids, "attention_mask": mask, "labels": labels})
    return out


def _squared_gradients(model, pieces, params):
    """Σ over ``pieces`` (sub-batches) of the squared gradient of each one's summed cross-entropy."""
    acc = {name: torch.zeros_like(p) for name, p in params.items()}
    for piece in pieces:
        model.zero_grad()
        out = model(input_ids=piece["input_ids"], attention_mask=piece["attention_mask"]).logits
        nn.functional.cross_entropy(
            out.reshape(-1, out.shape[-1]), piece["labels"].reshape(-1), ignore_index=-100, reduction="sum"
        ).backward()
        for name, p in params.items():
            acc[name] += p.grad**2
    model.zero_grad()
    return acc


def _windows(batches):
    """Every window of every batch as a batch of its own: one backward pass per window."""
    return [{k: v[w : w + 1] for k, v in b.items()} for b in batches for w in range(len(b["input_ids"]))]


def _window_params(model):
    """Every Linear and Embedding weight except the position embeddings (their ids are shared by the batch)."""
    return {
        name: module.weight
        for name, module in model.named_modules()
        if isinstance(module, nn.Linear | nn.Embedding) and "position" not in name
    }


@pytest.mark.parametrize(
    ("cls", "token_labels"), [(BertForTokenClassification, True), (BertForSequenceClassification, False)]
)
def test_hooked_per_window_fisher_equals_one_backward_per_window(cls, token_labels):
    model = _bert(cls)
    params = _window_params(model)
    batches = _batches(token_labels=token_labels)
    fisher = fisher_diagonal(model, batches, params)
    assert all(p.grad is None for p in model.parameters())  # nothing left behind
    assert not model.training
    expected = _squared_gradients(model, _windows(batches), params)
    for name in params:
        assert torch.allclose(fisher[name], expected[name], rtol=1e-4, atol=1e-9), name
    word = fisher["bert.embeddings.word_embeddings"]
    assert word[0].abs().sum() == 0 and word.sum() > 0  # the padding row (id 0) has no gradient


def test_per_window_fisher_differs_from_the_squared_batch_gradient():
    model = _bert(BertForTokenClassification)
    params = {"w": model.bert.encoder.layer[0].intermediate.dense.weight}
    batches = _batches()
    batched = _squared_gradients(model, batches, params)["w"]
    assert not torch.allclose(fisher_diagonal(model, batches, params)["w"], batched, rtol=1e-2)


def test_weights_outside_linear_and_embedding_use_the_batch_gradient():
    model = _bert(BertForTokenClassification)
    norm = model.bert.encoder.layer[0].output.LayerNorm.weight
    fisher = fisher_diagonal(model, _batches(), {"norm": norm})["norm"]
    assert fisher.shape == norm.shape and fisher.sum() > 0
    assert norm.requires_grad  # restored
