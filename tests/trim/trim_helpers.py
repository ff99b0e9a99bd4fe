"""Tiny tokenizers (trained here with ``tokenizers``) and tiny random models built from configs, for trim tests."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import torch
from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, processors, trainers
from transformers import PreTrainedTokenizerFast

TRAIN_TEXT = [
    "The quick brown fox jumps over the lazy dog.",
    "Grüße aus München! Der Hund schläft unter dem Tisch.",
    "Olá, mundo. O rato roeu a roupa do rei de Roma.",
    "Prices rose 12.5% in 2024; emails: jane.doe@example.com, +1 555 0100.",
    "Naïve café owners serve crème brûlée and smørrebrød.",
    "Москва — столица России. Привет, мир!",
    "東京都渋谷区に住んでいます。",
] * 3


def assets_dir() -> Path:
    """Where ``../shared/assets/prepare`` builds its assets: ``$PARE_ASSETS``, or ``~/.cache/pare-assets`` when
    that is unset or empty (as the script's ``${PARE_ASSETS:-$HOME/.cache/pare-assets}``)."""
    return Path(os.environ.get("PARE_ASSETS") or Path.home() / ".cache" / "pare-assets")


def asset(name: str) -> Path:
    """The prepared asset directory, or skip the test when ``prepare`` has not finished building it."""
    path = assets_dir() / name
    if not (path / ".done").is_file():
        pytest.skip(f"asset {name} not prepared in {path.parent} (run ../shared/assets/prepare)")
    return path


def wordpiece_tokenizer() -> Tokenizer:
    tok = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tok.normalizer = normalizers.BertNormalizer(lowercase=True)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.decoder = decoders.WordPiece()
    tok.train_from_iterator(
        TRAIN_TEXT, trainers.WordPieceTrainer(vocab_size=300, special_tokens=["[UNK]", "[CLS]"])
    )
    tok.add_special_tokens(["[SEP]", "[PAD]", "[MASK]"])  # last ids: a trim must move them
    cls, sep = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    tok.post_processor = processors.BertProcessing(("[SEP]", sep), ("[CLS]", cls))
    tok.enable_padding(pad_id=tok.token_to_id("[PAD]"), pad_token="[PAD]")
    return tok


def byte_bpe_tokenizer() -> Tokenizer:
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=420, special_tokens=["<|endoftext|>"], initial_alphabet=pre_tokenizers.ByteLevel.alphabet()
    )
    tok.train_from_iterator(TRAIN_TEXT, trainer)
    tok.add_special_tokens(["<|pad|>"])
    bos = tok.token_to_id("<|endoftext|>")
    tok.post_processor = processors.TemplateProcessing(
        single="<|endoftext|> $A",
        pair="<|endoftext|> $A <|endoftext|> $B",
        special_tokens=[("<|endoftext|>", bos)],
    )
    return tok


def unigram_tokenizer() -> Tokenizer:
    tok = Tokenizer(models.Unigram())
    tok.normalizer = normalizers.NFKC()
    tok.pre_tokenizer = pre_tokenizers.Metaspace()
    tok.decoder = decoders.Metaspace()
    trainer = trainers.UnigramTrainer(vocab_size=250, special_tokens=["<s>", "<unk>"], unk_token="<unk>")
    tok.train_from_iterator(TRAIN_TEXT, trainer)
    tok.add_special_tokens(["</s>", "<pad>"])
    tok.post_processor = processors.RobertaProcessing(("</s>", tok.token_to_id("</s>")), ("<s>", 0))
    return tok


def tiny_config(arch: str, vocab: int, special: dict[str, int]):
    """A tiny random config: hidden 32, 2 layers (1 for the mixture-of-experts privacy filter)."""
    from transformers import BertConfig, LlamaConfig, OpenAIPrivacyFilterConfig

    if arch == "bert":
        return BertConfig(
            vocab_size=vocab + 3,  # rows past the tokenizer, as in real checkpoints, are dropped by a trim
            hidden_size=32,
            num_hidden_layers=2,
            num_attention_heads=2,
            intermediate_size=37,
            max_position_embeddings=128,
            pad_token_id=special["pad"],
        )
    if arch == "llama":
        return LlamaConfig(
            vocab_size=vocab,
            hidden_size=32,
            intermediate_size=37,
            num_hidden_layers=2,
            num_attention_heads=2,
            num_key_value_heads=1,
            max_position_embeddings=128,
            tie_word_embeddings=True,
            bos_token_id=special["bos"],
            eos_token_id=[special["eos"], special["pad"]],
            pad_token_id=special["pad"],
        )
    return OpenAIPrivacyFilterConfig(
        vocab_size=vocab,
        hidden_size=32,
        intermediate_size=16,
        head_dim=8,
        num_attention_heads=4,
        num_key_value_heads=2,
        num_hidden_layers=1,
        num_local_experts=4,
        num_experts_per_tok=2,
        sliding_window=8,
        max_position_embeddings=128,
        pad_token_id=special["pad"],
        eos_token_id=special["eos"],
    )


def model_class(arch: str):
    import transformers

    return {
        "bert": transformers.BertForMaskedLM,
        "llama": transformers.LlamaForCausalLM,
        "opf": transformers.OpenAIPrivacyFilterForTokenClassification,
    }[arch]


KINDS = {
    # tokenizer kind -> (builder, model architecture, special tokens for the model config)
    "wordpiece": (wordpiece_tokenizer, "bert", {"pad": "[PAD]"}),
    "bpe": (byte_bpe_tokenizer, "llama", {"bos": "<|endoftext|>", "eos": "<|endoftext|>", "pad": "<|pad|>"}),
    "unigram": (unigram_tokenizer, "opf", {"pad": "<pad>", "eos": "</s>"}),
}


def build_model_dir(path: Path, kind: str, seed: int = 0) -> Path:
    """A saved tiny model with its tokenizer (``tokenizer.json`` + ``tokenizer_config.json``)."""
    build, arch, special = KINDS[kind]
    tok = build()
    ids = {name: tok.token_to_id(t) for name, t in special.items()}
    torch.manual_seed(seed)
    model = model_class(arch)(tiny_config(arch, tok.get_vocab_size(), ids)).eval()
    if arch == "bert":  # a non-zero MLM bias, so that slicing it is checked too
        torch.nn.init.normal_(model.cls.predictions.bias)
    model.save_pretrained(path)
    fast_kwargs = {k + "_token": t for k, t in special.items()}
    PreTrainedTokenizerFast(tokenizer_object=tok, **fast_kwargs).save_pretrained(path)
    return path


def read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))
