"""Property tests: a trim changes nothing on its corpus and keeps every other text encodable."""

from __future__ import annotations

import json
import tempfile
from functools import cache
from pathlib import Path

import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tokenizers import Tokenizer
from trim_helpers import KINDS, model_class

from pare.errors import PareError
from pare.trim import read_trim_json, remap_ids, trim_model

WORDS = [
    "the", "quick", "brown", "fox", "Grüße", "München", "mundo", "roupa", "café", "Москва", "東京",
    "12.5%", "jane.doe@example.com", "naïve", "Hund", "zebra", "xylophone", "ü", "!!", "  ", "\n",
]  # fmt: skip
TEXTS = st.lists(
    st.lists(st.sampled_from(WORDS), max_size=6).map(" ".join) | st.text(max_size=12), min_size=1, max_size=5
)


@cache
def original(path: Path, arch: str):
    return model_class(arch).from_pretrained(path).eval()


def logits(model, ids: list[int]) -> torch.Tensor:
    with torch.no_grad():
        return model(input_ids=torch.tensor([ids])).logits[0]


@pytest.mark.parametrize("kind", list(KINDS))
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=TEXTS, keep_frequent=st.sampled_from([0, 150]))
def test_trim_is_invisible_on_its_corpus(model_dirs, kind, texts, keep_frequent):
    src = model_dirs[kind]
    arch = KINDS[kind][1]
    before = Tokenizer.from_file(str(src / "tokenizer.json"))
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        corpus.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
        out = Path(tmp) / "out"
        if not any(before.encode(t, add_special_tokens=False).ids for t in texts):
            with pytest.raises(PareError, match="yields no tokens"):
                trim_model(src, out, corpus=[corpus])
            assert not out.exists()
            return
        result = trim_model(src, out, corpus=[corpus], keep_frequent=keep_frequent)
        after = Tokenizer.from_file(str(out / "tokenizer.json"))
        old_ids = read_trim_json(out)["old_ids"]
        new = remap_ids(old_ids)
        assert result.vocab_after == len(old_ids) == after.get_vocab_size() <= before.get_vocab_size()
        assert keep_frequent or result.vocab_after < before.get_vocab_size()  # 150 may be all of a tiny one
        trimmed = model_class(arch).from_pretrained(out).eval()
        for text in texts:
            enc_before, enc_after = before.encode(text), after.encode(text)
            assert enc_after.tokens == enc_before.tokens
            assert enc_after.ids == [new[i] for i in enc_before.ids]
            if not enc_before.ids:
                continue
            reference = logits(original(src, arch), enc_before.ids)
            if arch != "opf":  # LM heads score the vocabulary: compare the kept columns
                reference = reference[:, old_ids]
            assert torch.max(torch.abs(logits(trimmed, enc_after.ids) - reference)) <= 1e-5


@pytest.fixture(scope="module")
def trimmed_dirs(model_dirs, tmp_path_factory):
    root = tmp_path_factory.mktemp("trimmed")
    corpus = root / "corpus.txt"
    corpus.write_text("the quick fox\nMünchen\n", encoding="utf-8")
    return {kind: trim_model(src, root / kind, corpus=[corpus]).out_dir for kind, src in model_dirs.items()}


@pytest.mark.parametrize("kind", list(KINDS))
@settings(max_examples=60, deadline=None)
@given(text=st.text(max_size=40))
def test_any_text_still_encodes_deterministically(trimmed_dirs, kind, text):
    tok = Tokenizer.from_file(str(Path(trimmed_dirs[kind]) / "tokenizer.json"))
    first, second = tok.encode(text), tok.encode(text)
    assert first.ids == second.ids
    assert all(0 <= i < tok.get_vocab_size() for i in first.ids)
    if kind == "bpe":  # byte-level BPE with its 256 byte tokens is lossless on any text
        assert tok.decode(tok.encode(text, add_special_tokens=False).ids) == text
