"""Token selection and the tokenizer.json rewrite (no model involved)."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from tokenizers import Tokenizer
from trim_helpers import TRAIN_TEXT, byte_bpe_tokenizer, unigram_tokenizer, wordpiece_tokenizer

from pare.errors import PareError
from pare.trim import remap_ids
from pare.trim.select import select_tokens
from pare.trim.tokenizer import (
    byte_level_alphabet,
    frequency_order,
    mandatory_ids,
    merge_pairs,
    trim_tokenizer_json,
)


def as_json(tok: Tokenizer) -> dict:
    return json.loads(tok.to_str())


def counts_of(tok: Tokenizer, texts: list[str]) -> Counter:
    return Counter(i for t in texts for i in tok.encode(t, add_special_tokens=False).ids)


def trim(tok: Tokenizer, texts: list[str], **kwargs) -> tuple[Tokenizer, list[int]]:
    tok_json = as_json(tok)
    keep = select_tokens(tok_json, counts_of(tok, texts), **kwargs)
    new_json, old_ids = trim_tokenizer_json(tok_json, keep)
    return Tokenizer.from_str(json.dumps(new_json)), old_ids


def test_wordpiece_mandatory_tokens_are_specials_and_every_character():
    tok = wordpiece_tokenizer()
    kept = {tok.id_to_token(i) for i in mandatory_ids(as_json(tok))}
    assert {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "a", "##a", "м"} <= kept
    assert {t for t in tok.get_vocab() if len(t.removeprefix("##")) == 1} <= kept
    assert not any(len(t.removeprefix("##")) > 1 and not t.startswith("[") for t in kept)


def test_byte_level_bpe_keeps_the_256_byte_tokens_and_closes_merges():
    tok = byte_bpe_tokenizer()
    tok_json = as_json(tok)
    assert set(byte_level_alphabet()) <= {tok.id_to_token(i) for i in mandatory_ids(tok_json)}
    new, _ = trim(tok, ["the quick brown fox"])
    vocab = new.get_vocab()
    merges = as_json(new)["model"]["merges"]
    results = {a + b for a, b in merges}
    # every kept multi-byte token is produced by a kept merge of two kept tokens
    assert all(t in results for t in vocab if len(t) > 1 and not t.startswith("<|"))
    assert all(a in vocab and b in vocab for a, b in merges)
    assert len(merges) < len(tok_json["model"]["merges"])


def test_bpe_merges_written_as_strings_stay_strings():
    tok = byte_bpe_tokenizer()
    tok_json = as_json(tok)
    tok_json["model"]["merges"] = [" ".join(m) for m in tok_json["model"]["merges"]]
    text = "Grüße aus München"
    counts = counts_of(tok, [text])
    new_json, _ = trim_tokenizer_json(tok_json, select_tokens(tok_json, counts))
    assert all(isinstance(m, str) for m in new_json["model"]["merges"])
    assert Tokenizer.from_str(json.dumps(new_json)).encode(text).tokens == tok.encode(text).tokens


def test_ids_are_contiguous_in_the_original_order_and_specials_are_remapped():
    tok = wordpiece_tokenizer()
    new, old_ids = trim(tok, ["the fox"])
    assert old_ids == sorted(old_ids)
    assert sorted(new.get_vocab().values()) == list(range(len(old_ids)))
    assert [new.id_to_token(i) for i in range(len(old_ids))] == [tok.id_to_token(i) for i in old_ids]
    new_json = as_json(new)
    cls, sep = new_json["post_processor"]["cls"], new_json["post_processor"]["sep"]
    assert new.id_to_token(cls[1]) == cls[0] == "[CLS]" and new.id_to_token(sep[1]) == sep[0] == "[SEP]"
    assert new.id_to_token(new_json["padding"]["pad_id"]) == "[PAD]"
    batch = new.encode_batch(["the fox", "the"])
    assert batch[1].tokens == ["[CLS]", "the", "[SEP]", "[PAD]"]


def test_template_processor_ids_are_remapped():
    tok = byte_bpe_tokenizer()
    new, _ = trim(tok, ["hello"])
    special = as_json(new)["post_processor"]["special_tokens"]["<|endoftext|>"]
    assert new.id_to_token(special["ids"][0]) == "<|endoftext|>"
    assert new.encode("hello").tokens[0] == "<|endoftext|>"


def test_unigram_keeps_the_characters_of_kept_pieces_so_no_unknown_path_appears():
    # "abc" -> ab + c (-28) beats a + bc (-29). Dropping "a" alone would add an <unk> edge scored
    # (lowest kept score - 10) = -26 and make <unk> + bc win; keeping "a" and the lowest piece prevents it.
    pieces = [
        ["<unk>", 0.0],
        ["a", -29.0],
        ["b", -10.0],
        ["c", -12.0],
        ["ab", -16.0],
        ["bc", 0.0],
        ["zz", -30.0],
    ]
    tok_json = {
        "version": "1.0",
        "model": {"type": "Unigram", "unk_id": 0, "vocab": pieces},
        "added_tokens": [],
    }
    tok = Tokenizer.from_str(json.dumps(tok_json))
    assert tok.encode("abc").tokens == ["ab", "c"]
    keep = select_tokens(tok_json, counts_of(tok, ["abc", "bc"]))
    assert keep == [0, 1, 2, 3, 4, 5, 6]
    without_support = sorted({0, 3, 4, 5})  # what the corpus tokens alone would give
    bad = Tokenizer.from_str(json.dumps(trim_tokenizer_json(tok_json, without_support)[0]))
    assert bad.encode("abc").tokens != ["ab", "c"]  # the failure the rule exists for


def test_unigram_byte_fallback_pieces_are_mandatory():
    pieces = [["<unk>", 0.0], ["<0x41>", -5.0], ["<0xE2>", -5.0], ["x", -1.0], ["xy", -2.0]]
    tok_json = {"model": {"type": "Unigram", "unk_id": 0, "vocab": pieces, "byte_fallback": True}}
    assert mandatory_ids(tok_json) == {0, 1, 2}


def test_min_count_and_max_vocab():
    tok = wordpiece_tokenizer()
    tok_json = as_json(tok)
    base = len(select_tokens(tok_json, Counter({tok.token_to_id("the"): 1})))
    counts = counts_of(tok, TRAIN_TEXT[:7])
    everything = select_tokens(tok_json, counts)
    frequent = select_tokens(tok_json, counts, min_count=3)
    assert len(frequent) < len(everything)
    assert all(counts[i] >= 3 for i in set(frequent) - set(mandatory_ids(tok_json)))
    capped = select_tokens(tok_json, counts, max_vocab=base + 2)
    assert len(capped) <= base + 2
    most_frequent = max(set(everything) - set(mandatory_ids(tok_json)), key=lambda i: (counts[i], -i))
    assert most_frequent in capped
    with pytest.raises(PareError, match="max-vocab 5 is below"):
        select_tokens(tok_json, counts, max_vocab=5)
    with pytest.raises(PareError, match="min-count"):
        select_tokens(tok_json, counts, min_count=0)


def test_keep_tokens_alone_define_the_vocabulary():
    tok = unigram_tokenizer()
    tok_json = as_json(tok)
    wanted = [tok.id_to_token(i) for i in (10, 20, 30)]
    keep = select_tokens(tok_json, keep_tokens=wanted)
    assert set(keep) == mandatory_ids(tok_json) | {10, 20, 30}
    with pytest.raises(PareError, match="'no-such-piece' is not a token"):
        select_tokens(tok_json, keep_tokens=["no-such-piece"])


def test_dropping_a_required_token_is_refused():
    tok = wordpiece_tokenizer()
    with pytest.raises(PareError, match="is required but was not kept"):
        trim_tokenizer_json(as_json(tok), [tok.token_to_id("the")])


def test_remap_ids_inverts_old_ids():
    assert remap_ids([3, 7, 9]) == {3: 0, 7: 1, 9: 2}


def test_frequency_order_follows_what_each_tokenizer_records():
    uni = as_json(unigram_tokenizer())
    order = frequency_order(uni)
    scores = [score for _piece, score in uni["model"]["vocab"]]
    assert [scores[i] for i in order] == sorted((scores[i] for i in order), reverse=True)

    bpe = as_json(byte_bpe_tokenizer())
    order = frequency_order(bpe)
    first_merges = ["".join(pair) for pair in merge_pairs(bpe)[:5]]
    merged = [bpe["model"]["vocab"][t] for t in first_merges]
    produced = [i for i in order if i in merged]
    assert produced == merged  # the first merges' tokens, in merge order

    tok = wordpiece_tokenizer()
    wp = as_json(tok)
    wp["model"]["vocab"]["[unused0]"] = len(wp["model"]["vocab"]) + 10  # a BERT-style placeholder
    order = frequency_order(wp)
    assert order == sorted(order)
    specials = {tok.token_to_id(t) for t in ("[UNK]", "[CLS]", "[SEP]", "[PAD]", "[MASK]")}
    assert not specials & set(order) and wp["model"]["vocab"]["[unused0]"] not in order


@pytest.mark.parametrize("make", [wordpiece_tokenizer, byte_bpe_tokenizer, unigram_tokenizer])
def test_keep_frequent_adds_the_most_frequent_tokens_and_stays_consistent(make):
    tok = make()
    tok_json = as_json(tok)
    counts = counts_of(tok, TRAIN_TEXT[:1])
    n = len(mandatory_ids(tok_json)) + 30  # past the characters and bytes, which are kept anyway
    plain = set(select_tokens(tok_json, counts))
    wider = set(select_tokens(tok_json, counts, keep_frequent=n))
    assert plain < wider and set(frequency_order(tok_json)[:n]) <= wider
    new_json, old_ids = trim_tokenizer_json(tok_json, sorted(wider))  # BPE: merge closure kept
    trimmed, new = Tokenizer.from_str(json.dumps(new_json)), remap_ids(old_ids)
    before = tok.encode(TRAIN_TEXT[0])
    assert trimmed.encode(TRAIN_TEXT[0]).ids == [new[i] for i in before.ids]  # the corpus: unchanged
    capped = select_tokens(tok_json, counts, keep_frequent=n, max_vocab=len(plain) + 3)
    assert plain <= set(capped) and len(capped) <= len(plain) + 3
    with pytest.raises(PareError, match="keep-frequent"):
        select_tokens(tok_json, counts, keep_frequent=-1)
