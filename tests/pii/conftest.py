"""Tiny token classifiers over MiniLM's real tokenizer, and a fake model whose logits depend on token ids."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
import torch

from pare.labels import Taxonomy

TAXONOMY = Taxonomy()


@pytest.fixture(scope="session")
def tiny_model_dir(tiny_bert) -> Path:
    """Random weights: outputs are arbitrary but deterministic."""
    return tiny_bert("tiny-pii")


@pytest.fixture(scope="session")
def detector_settings(tiny_bert):
    """A file job's detection settings and its loaded detector (the job tests share one model)."""
    from pare.pii.job import DetectSettings

    settings = DetectSettings(str(tiny_bert("job-model", seed=3)), chunk_chars=400)
    return settings, settings.load()


@pytest.fixture(scope="session")
def all_person_dir(tiny_bert) -> Path:
    """Tags every token ``S-private_person``: each token becomes its own span."""
    return tiny_bert("all-person", always="S-private_person")


class TokenTableModel(torch.nn.Module):
    """Logits = ``table[token id]`` (+ ``slope * position`` on label 0): no context at all."""

    def __init__(self, table: torch.Tensor, slope: float = 0.0) -> None:
        super().__init__()
        self.table = table
        self.slope = slope
        self.calls: list[tuple[int, int]] = []

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> SimpleNamespace:
        self.calls.append(tuple(input_ids.shape))
        logits = self.table[input_ids].clone()
        logits[..., 0] += self.slope * torch.arange(input_ids.shape[1], dtype=logits.dtype)
        return SimpleNamespace(logits=logits)


def token_table(tokenizer, tags: dict[str, str]) -> torch.Tensor:
    """A (vocab, 33) table scoring ``O`` for every token except the words in ``tags`` (word -> label)."""
    table = torch.zeros((len(tokenizer), len(TAXONOMY)))
    table[:, 0] = 5.0
    for word, label in tags.items():
        (token_id,) = tokenizer(word, add_special_tokens=False)["input_ids"]
        table[token_id] = 0.0
        table[token_id, TAXONOMY.label2id[label]] = 5.0
    return table


@pytest.fixture(scope="session")
def table_model(minilm_tokenizer):
    """Factory: ``table_model(tags, slope=0.0)`` -> a ``TokenTableModel`` over MiniLM's vocabulary."""

    def make(tags: dict[str, str], slope: float = 0.0) -> TokenTableModel:
        return TokenTableModel(token_table(minilm_tokenizer, tags), slope)

    return make
