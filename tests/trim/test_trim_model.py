"""Trimming model directories: weights, tying, config ids, files written, trim.json, bad input, CLI."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import torch
from tokenizers import Tokenizer
from transformers import (
    AutoConfig,
    AutoModelForCausalLM,
    AutoTokenizer,
    GenerationConfig,
    ViTConfig,
    ViTModel,
)
from trim_helpers import read_json
from typer.testing import CliRunner

from pare.cli import app
from pare.errors import PareError
from pare.io import OUTPUT_MARKER
from pare.trim import read_trim_json, remap_ids, trim_model
from pare.trim.model import compose_old_ids


def snapshot(path: Path) -> dict[str, str]:
    return {
        str(p.relative_to(path)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in path.rglob("*")
        if p.is_file()
    }


@pytest.fixture
def corpus(tmp_path) -> Path:
    path = tmp_path / "corpus.txt"
    path.write_text("the quick brown fox\nMünchen und Москва\n", encoding="utf-8")
    return path


def test_llama_tied_head_config_ids_and_plain_loading(model_dirs, corpus, tmp_path):
    src, out = model_dirs["bpe"], tmp_path / "out"
    result = trim_model(src, out, corpus=[corpus])
    model = AutoModelForCausalLM.from_pretrained(out)
    assert model.lm_head.weight.data_ptr() == model.model.embed_tokens.weight.data_ptr()
    assert model.config.tie_word_embeddings and model.config.vocab_size == result.vocab_after
    assert result.params_after < result.params_before
    tok = AutoTokenizer.from_pretrained(out)
    cfg, gen = AutoConfig.from_pretrained(out), GenerationConfig.from_pretrained(out)
    assert tok.convert_ids_to_tokens(cfg.pad_token_id) == "<|pad|>"
    assert tok.convert_ids_to_tokens(cfg.bos_token_id) == "<|endoftext|>"
    assert tok.convert_ids_to_tokens(cfg.eos_token_id) == ["<|endoftext|>", "<|pad|>"]
    assert gen.eos_token_id == cfg.eos_token_id and gen.pad_token_id == cfg.pad_token_id
    assert tok("the fox").input_ids == Tokenizer.from_file(str(out / "tokenizer.json")).encode("the fox").ids


def test_bert_rows_past_the_tokenizer_and_the_mlm_bias_are_sliced(model_dirs, corpus, tmp_path):
    from safetensors.torch import load_file

    src, out = model_dirs["wordpiece"], tmp_path / "out"
    trim_model(src, out, corpus=[corpus])
    old_ids = read_trim_json(out)["old_ids"]
    before, after = load_file(src / "model.safetensors"), load_file(out / "model.safetensors")
    assert (
        before["bert.embeddings.word_embeddings.weight"].shape[0]
        == Tokenizer.from_file(str(src / "tokenizer.json")).get_vocab_size() + 3
    )
    for key in ("bert.embeddings.word_embeddings.weight", "cls.predictions.bias"):
        assert torch.equal(after[key], before[key][old_ids])
    for key in set(before) - {"bert.embeddings.word_embeddings.weight", "cls.predictions.bias"}:
        if key in after:
            assert torch.equal(after[key], before[key]), key
    pad = Tokenizer.from_file(str(src / "tokenizer.json")).token_to_id("[PAD]")
    assert AutoConfig.from_pretrained(out).pad_token_id == remap_ids(old_ids)[pad] < pad


def test_files_input_untouched_stale_vocab_removed_and_trim_json(model_dirs, corpus, tmp_path):
    src = tmp_path / "src"
    shutil.copytree(model_dirs["unigram"], src)
    for name in ("vocab.txt", "merges.txt", "sentencepiece.bpe.model", "added_tokens.json"):
        (src / name).write_text("stale")
    (src / "README.md").write_text("model card")
    (src / "1_Pooling").mkdir()
    (src / "1_Pooling" / "config.json").write_text("{}")
    tok_config = read_json(src / "tokenizer_config.json")
    tok_json = read_json(src / "tokenizer.json")
    tok_config["added_tokens_decoder"] = {
        str(a["id"]): {"content": a["content"]} for a in tok_json["added_tokens"]
    }
    (src / "tokenizer_config.json").write_text(json.dumps(tok_config))
    before = snapshot(src)
    out = tmp_path / "out"
    trim_model(src, out, corpus=[corpus])
    decoder = read_json(out / "tokenizer_config.json")["added_tokens_decoder"]
    trimmed = Tokenizer.from_file(str(out / "tokenizer.json"))
    assert len(decoder) == 4 and all(trimmed.id_to_token(int(k)) == v["content"] for k, v in decoder.items())
    assert snapshot(src) == before
    names = {p.name for p in out.iterdir()}
    assert {
        "README.md",
        "1_Pooling",
        "trim.json",
        "tokenizer.json",
        "config.json",
        "model.safetensors",
    } <= names
    assert not names & {"vocab.txt", "merges.txt", "sentencepiece.bpe.model", "added_tokens.json"}
    record = read_trim_json(out)
    assert record["source"] == str(src.resolve()) and record["vocab_after"] == len(record["old_ids"])
    with pytest.raises(PareError, match="overwrite an input"):
        trim_model(src, src, corpus=[corpus])


def test_trimming_twice_composes(model_dirs, corpus, tmp_path):
    src = model_dirs["wordpiece"]
    first = trim_model(src, tmp_path / "a", corpus=[corpus])
    small = tmp_path / "small.txt"
    small.write_text("the fox\n")
    trim_model(first.out_dir, tmp_path / "b", corpus=[small])
    composed = compose_old_ids(
        read_trim_json(tmp_path / "a")["old_ids"], read_trim_json(tmp_path / "b")["old_ids"]
    )
    orig, final = (Tokenizer.from_file(str(d / "tokenizer.json")) for d in (src, tmp_path / "b"))
    assert [final.id_to_token(i) for i in range(len(composed))] == [orig.id_to_token(i) for i in composed]


def test_tokenizer_only_directory(model_dirs, corpus, tmp_path):
    src = tmp_path / "tok"
    src.mkdir()
    shutil.copy(model_dirs["bpe"] / "tokenizer.json", src)
    result = trim_model(src, tmp_path / "out", corpus=[corpus])
    assert result.params_before == 0 and result.vocab_after < result.vocab_before
    assert {p.name for p in (tmp_path / "out").iterdir()} == {"tokenizer.json", "trim.json", OUTPUT_MARKER}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "empty corpus"),
        ("  \n\n", "yields no tokens"),
        ('{"txt": 1}\n', "corpus.jsonl:1: expected a JSON object with a string field 'text'"),
    ],
)
def test_bad_corpus_writes_nothing(model_dirs, tmp_path, content, message):
    path = tmp_path / ("corpus.jsonl" if "txt" in content else "corpus.txt")
    path.write_text(content)
    with pytest.raises(PareError, match=message):
        trim_model(model_dirs["wordpiece"], tmp_path / "out", corpus=[path])
    assert not (tmp_path / "out").exists()


def test_missing_tokenizer_and_missing_embeddings(model_dirs, corpus, tmp_path):
    no_tok = tmp_path / "no_tok"
    shutil.copytree(model_dirs["wordpiece"], no_tok, ignore=shutil.ignore_patterns("tokenizer.json"))
    with pytest.raises(PareError, match=r"no tokenizer\.json"):
        trim_model(no_tok, tmp_path / "out", corpus=[corpus])
    vit = tmp_path / "vit"
    cfg = ViTConfig(
        hidden_size=32, num_hidden_layers=1, num_attention_heads=2, intermediate_size=37, image_size=32
    )
    ViTModel(cfg).save_pretrained(vit)
    shutil.copy(model_dirs["wordpiece"] / "tokenizer.json", vit)
    with pytest.raises(PareError, match="cannot find the token embeddings of ViTModel"):
        trim_model(vit, tmp_path / "out", corpus=[corpus])
    assert not (tmp_path / "out").exists()


def test_cli_trim_and_error_line(model_dirs, corpus, tmp_path):
    keep = tmp_path / "keep.txt"
    keep.write_text("the\nfox\n")
    out = tmp_path / "out"
    runner = CliRunner()
    res = runner.invoke(
        app, ["trim", str(model_dirs["wordpiece"]), "--keep-tokens", str(keep), "-o", str(out), "--json"]
    )
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["vocab_after"] == len(read_trim_json(out)["old_ids"])
    assert {"the", "fox"} <= set(Tokenizer.from_file(str(out / "tokenizer.json")).get_vocab())
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    proc = subprocess.run(
        [sys.executable, "-c", "from pare.cli import main; main()", "trim", str(model_dirs["wordpiece"]), "--corpus",
         str(empty), "-o", str(tmp_path / "bad")],
        capture_output=True, text=True,
    )  # fmt: skip
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and proc.stderr.startswith("error: empty corpus")
    assert not (tmp_path / "bad").exists()
