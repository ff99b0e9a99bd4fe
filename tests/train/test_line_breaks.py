"""The line-break marker: a vocabulary token wherever a tokenizer would drop a line break."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pare.errors import PareError
from pare.modeldir import load_tokenizer
from pare.train.line_breaks import DEFAULT_MARKER, drops_line_breaks, mark_line_breaks


@pytest.fixture(scope="module")
def marked(minilm_tokenizer):
    return mark_line_breaks(minilm_tokenizer)


def markers(tokenizer, text: str) -> list[tuple[int, int]]:
    enc = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
    tokens = tokenizer.convert_ids_to_tokens(enc["input_ids"])
    return [
        tuple(offset)
        for token, offset in zip(tokens, enc["offset_mapping"], strict=True)
        if token == DEFAULT_MARKER
    ]


def test_a_marker_token_covers_each_line_break(minilm_tokenizer, marked):
    assert drops_line_breaks(minilm_tokenizer) and not drops_line_breaks(marked)
    assert markers(minilm_tokenizer, "Grazie,\nFredo\n\nHi") == []
    assert markers(marked, "Grazie,\nFredo\n\nHi") == [(7, 8), (13, 14), (14, 15)]
    assert markers(marked, "a\r\nb") == [(2, 3)]  # the \r stays a space


@given(text=st.text(alphabet=st.sampled_from(list("ab Zé.@1\n\r\t-")), max_size=40))
def test_without_its_markers_the_tokenization_is_the_bases(minilm_tokenizer, marked, text):
    base = minilm_tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
    new = marked(text, add_special_tokens=False, return_offsets_mapping=True)
    marker_id = marked.convert_tokens_to_ids(DEFAULT_MARKER)
    kept = [
        (i, tuple(o)) for i, o in zip(new["input_ids"], new["offset_mapping"], strict=True) if i != marker_id
    ]
    assert kept == [(i, tuple(o)) for i, o in zip(base["input_ids"], base["offset_mapping"], strict=True)]
    assert len(new["input_ids"]) - len(kept) == text.count("\n")


def test_the_rule_is_saved_with_the_tokenizer(marked, tmp_path):
    from tokenizers import Tokenizer

    marked.save_pretrained(tmp_path)
    assert markers(load_tokenizer(tmp_path), "a\nb") == [(1, 2)]
    raw = Tokenizer.from_file(str(tmp_path / "tokenizer.json"))  # what the ONNX runtime loads
    assert raw.encode("a\nb", add_special_tokens=False).tokens == ["a", DEFAULT_MARKER, "b"]
    assert load_tokenizer(tmp_path)("a b")["input_ids"] == marked("a b")["input_ids"]


def test_a_marker_outside_the_vocabulary_is_refused(minilm_tokenizer):
    with pytest.raises(PareError, match="not one token"):
        mark_line_breaks(minilm_tokenizer, marker="⏎")


def test_a_tokenizer_that_keeps_line_breaks_is_left_as_it_is():
    from tokenizers import Tokenizer, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    backend = Tokenizer(models.BPE())
    backend.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    trainer = trainers.BpeTrainer(vocab_size=300, initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
    backend.train_from_iterator(["a line\nand another line\n"], trainer)
    tokenizer = PreTrainedTokenizerFast(tokenizer_object=backend)
    assert not drops_line_breaks(tokenizer)
    assert mark_line_breaks(tokenizer) is tokenizer


def metaspace_tokenizer():
    """A tiny SentencePiece-style tokenizer (Unigram pieces, ``▁`` word starts) that reads line breaks as
    spaces, as XLM-R's does (words split at whitespace, then ``▁`` prepended)."""
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers
    from transformers import PreTrainedTokenizerFast

    pieces = ["<unk>", "▁", DEFAULT_MARKER, "▁a", "▁b", "a", "b"]
    backend = Tokenizer(models.Unigram([(piece, -1.0) for piece in pieces], unk_id=0))
    backend.normalizer = normalizers.Replace("\n", " ")
    backend.pre_tokenizer = pre_tokenizers.Sequence(
        [pre_tokenizers.WhitespaceSplit(), pre_tokenizers.Metaspace()]
    )
    return PreTrainedTokenizerFast(tokenizer_object=backend, unk_token="<unk>")


def test_a_sentencepiece_marker_keeps_the_next_word_a_word_start():
    tokenizer = metaspace_tokenizer()
    assert drops_line_breaks(tokenizer)
    marked = mark_line_breaks(tokenizer)
    enc = marked("a\nb", add_special_tokens=False, return_offsets_mapping=True)
    tokens = marked.convert_ids_to_tokens(enc["input_ids"])
    assert tokens == ["▁a", "▁", DEFAULT_MARKER, "▁b"]  # not "b", a piece inside a word
    assert [tuple(o) for o in enc["offset_mapping"]][1:3] == [(1, 2), (1, 2)]
    assert not drops_line_breaks(marked)


def test_the_marked_tokenizer_is_saved_under_a_name_any_transformers_knows(marked, tmp_path):
    import json

    from pare.modeldir import save_tokenizer

    save_tokenizer(marked, tmp_path)
    config = json.loads((tmp_path / "tokenizer_config.json").read_text())
    assert config["tokenizer_class"] == "PreTrainedTokenizerFast"  # transformers 4 has no TokenizersBackend
    assert markers(load_tokenizer(tmp_path), "a\nb") == [(1, 2)]
