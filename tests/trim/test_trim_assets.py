"""Trimming real assets (skipped unless ``../shared/assets/prepare`` built them)."""

from __future__ import annotations

import json

import numpy as np
import pytest
import torch
from safetensors.numpy import load_file
from tokenizers import Tokenizer
from transformers import AutoModel, AutoTokenizer, OpenAIPrivacyFilterForTokenClassification
from trim_helpers import asset, tiny_config

from pare.trim import read_trim_json, trim_model

pytestmark = [pytest.mark.assets, pytest.mark.slow]

ENGLISH = [
    "The committee approved the budget after a long debate on Tuesday.\n",
    "Please send the signed contract to our office in Boston before Friday.\n",
    "Her phone number changed last week, so the invoice bounced.\n",
]


def test_me5_small_with_enpt_pieces_reproduces_me5_small_enpt(tmp_path):
    src, oracle = asset("me5-small"), asset("me5-small-enpt")
    oracle_json = json.loads((oracle / "tokenizer.json").read_text(encoding="utf-8"))
    pieces = [piece for piece, _score in oracle_json["model"]["vocab"]]
    trim_model(src, tmp_path / "out", keep_tokens=pieces)
    ours = json.loads((tmp_path / "out" / "tokenizer.json").read_text(encoding="utf-8"))
    assert [p for p, _ in ours["model"]["vocab"]] == pieces
    # the oracle stores float32 scores; ours are the original file's values
    assert [np.float32(s) for _, s in ours["model"]["vocab"]] == [
        np.float32(s) for _, s in oracle_json["model"]["vocab"]
    ]
    for key in ("added_tokens", "post_processor", "normalizer", "pre_tokenizer", "decoder"):
        assert ours[key] == oracle_json[key], key
    assert ours["model"]["unk_id"] == oracle_json["model"]["unk_id"]
    expected, got = load_file(oracle / "model.safetensors"), load_file(tmp_path / "out" / "model.safetensors")
    assert expected.keys() == got.keys()
    for key in expected:
        assert got[key].dtype == expected[key].dtype and np.array_equal(got[key], expected[key]), key


def test_minilm_trimmed_to_english_matches_the_original(tmp_path):
    src = asset("minilm")
    corpus = tmp_path / "en.txt"
    corpus.write_text("".join(ENGLISH), encoding="utf-8")
    result = trim_model(src, tmp_path / "out", corpus=[corpus])
    assert result.vocab_after < 3000 and result.params_after < 0.55 * result.params_before
    tok_a, tok_b = AutoTokenizer.from_pretrained(src), AutoTokenizer.from_pretrained(tmp_path / "out")
    model_a, model_b = (
        AutoModel.from_pretrained(src).eval(),
        AutoModel.from_pretrained(tmp_path / "out").eval(),
    )
    batch_a, batch_b = (
        tok_a(ENGLISH, padding=True, return_tensors="pt"),
        tok_b(ENGLISH, padding=True, return_tensors="pt"),
    )
    assert [tok_a.convert_ids_to_tokens(r) for r in batch_a.input_ids] == [
        tok_b.convert_ids_to_tokens(r) for r in batch_b.input_ids
    ]
    with torch.no_grad():
        diff = model_a(**batch_a).last_hidden_state - model_b(**batch_b).last_hidden_state
    assert diff.abs().max() <= 1e-5
    unseen = tok_b("Zürich's ölçü ξ 東京")  # other text still encodes (characters / [UNK])
    assert len(unseen.input_ids) > 2


def test_o200k_privacy_filter_trimmed_to_english(tmp_path):
    tok_dir = asset("o200k")
    tok = Tokenizer.from_file(str(tok_dir / "tokenizer.json"))
    src = tmp_path / "opf"
    special = {"pad": 199999, "eos": 199999}
    torch.manual_seed(0)
    model = OpenAIPrivacyFilterForTokenClassification(tiny_config("opf", 200064, special)).eval()
    model.save_pretrained(src)
    for name in ("tokenizer.json", "tokenizer_config.json"):
        (src / name).write_bytes((tok_dir / name).read_bytes())
    corpus = tmp_path / "en.jsonl"
    corpus.write_text("".join(json.dumps({"text": t}) + "\n" for t in ENGLISH), encoding="utf-8")
    result = trim_model(src, tmp_path / "out", corpus=[corpus])
    assert result.vocab_before == 200019 and result.vocab_after < 1500
    trimmed_tok = Tokenizer.from_file(str(tmp_path / "out" / "tokenizer.json"))
    trimmed = OpenAIPrivacyFilterForTokenClassification.from_pretrained(tmp_path / "out").eval()
    for text in ENGLISH:
        before, after = tok.encode(text), trimmed_tok.encode(text)
        assert before.tokens == after.tokens
        with torch.no_grad():
            diff = (
                model(input_ids=torch.tensor([before.ids])).logits
                - trimmed(input_ids=torch.tensor([after.ids])).logits
            )
        assert diff.abs().max() <= 1e-5
    other = "Grüße aus München 👋 東京都 +1 (555) 010-9999"
    assert trimmed_tok.decode(trimmed_tok.encode(other).ids) == other
    assert trimmed.config.pad_token_id == read_trim_json(tmp_path / "out")["old_ids"].index(199999)
