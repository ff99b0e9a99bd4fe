"""Tiny teachers (BERT, Llama, Qwen2, openai_privacy_filter) and data for the distillation tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import torch
from transformers import AutoConfig, AutoModelForTokenClassification, BertTokenizerFast

from pare.labels import Taxonomy

TAXONOMY = Taxonomy(("private_person", "private_phone"))
WORDS = [
    "alice",
    "bob",
    "carol",
    "lives",
    "in",
    "paris",
    "call",
    "me",
    "at",
    "the",
    "number",
    "is",
    "and",
    "on",
    "street",
]
TEXTS = [
    ("alice lives in paris", [(0, 5, "private_person")]),
    ("call bob at 555 1234", [(5, 8, "private_person"), (12, 20, "private_phone")]),
    ("the number is 987 654", [(14, 21, "private_phone")]),
    ("carol and bob on the street", [(0, 5, "private_person"), (10, 13, "private_person")]),
    ("call me at 123", [(11, 14, "private_phone")]),
    ("paris is the street", []),
]
UNLABELLED = ["bob lives on the street", "call carol at 42 13", "alice and carol", "the number is 77"]


def make_tokenizer(path: Path) -> BertTokenizerFast:
    letters = [chr(c) for c in range(ord("a"), ord("z") + 1)] + [str(d) for d in range(10)]
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *WORDS, *letters, *(f"##{c}" for c in letters)]
    tok = BertTokenizerFast(vocab={w: i for i, w in enumerate(vocab)})
    tok.save_pretrained(path)
    return tok


def tiny_config(kind: str, num_layers: int = 3, vocab_size: int = 100, **extra):
    common = {"num_hidden_layers": num_layers, "vocab_size": vocab_size, "hidden_size": 32, **extra}
    if kind == "bert":
        return AutoConfig.for_model(
            "bert", num_attention_heads=2, intermediate_size=32, max_position_embeddings=64, **common
        )
    if kind in ("llama", "qwen2", "gemma2"):
        return AutoConfig.for_model(
            kind,
            num_attention_heads=2,
            num_key_value_heads=1,
            head_dim=16,
            intermediate_size=32,
            pad_token_id=0,
            bos_token_id=2,
            eos_token_id=3,
            **common,
        )
    if kind == "opf":
        return AutoConfig.for_model(
            "openai_privacy_filter",
            num_local_experts=4,
            num_experts_per_tok=2,
            num_attention_heads=2,
            num_key_value_heads=1,
            head_dim=16,
            intermediate_size=32,
            pad_token_id=0,
            eos_token_id=3,
            **common,
        )
    raise ValueError(kind)


def token_config(kind: str, num_layers: int = 3, taxonomy: Taxonomy = TAXONOMY):
    return tiny_config(kind, num_layers, id2label=taxonomy.id2label, label2id=taxonomy.label2id)


def save_model(model, tokenizer_dir: Path, path: Path) -> Path:
    model.save_pretrained(path)
    BertTokenizerFast.from_pretrained(tokenizer_dir).save_pretrained(path)
    return path


@pytest.fixture(scope="session")
def tokenizer_dir(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("tok")
    make_tokenizer(path)
    return path


@pytest.fixture(scope="session")
def bert_teacher(tokenizer_dir, tmp_path_factory) -> Path:
    """A randomly initialised 3-block BERT token classifier with a calibration file."""
    torch.manual_seed(0)
    # large weights: blocks that change the hidden states a lot and confident outputs, something to distil
    config = tiny_config(
        "bert", 3, id2label=TAXONOMY.id2label, label2id=TAXONOMY.label2id, initializer_range=0.2
    )
    model = AutoModelForTokenClassification.from_config(config)
    with torch.no_grad():
        model.classifier.weight.mul_(5.0)
    path = save_model(model, tokenizer_dir, tmp_path_factory.mktemp("bert") / "teacher")
    (path / "viterbi_calibration.json").write_text(
        json.dumps({"operating_points": {"default": {"biases": {"background_stay": 0.5}}}})
    )
    return path


@pytest.fixture(scope="session")
def data_files(tmp_path_factory) -> tuple[Path, Path]:
    """A labelled JSONL file and a plain-text file."""
    root = tmp_path_factory.mktemp("data")
    labelled = root / "train.jsonl"
    labelled.write_text(
        "".join(
            json.dumps({"text": t, "spans": [{"start": a, "end": b, "label": lab} for a, b, lab in spans]})
            + "\n"
            for t, spans in TEXTS
        )
    )
    plain = root / "text.txt"
    plain.write_text("\n".join(UNLABELLED) + "\n")
    return labelled, plain
