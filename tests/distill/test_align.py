import json

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from transformers import AutoModelForTokenClassification, AutoTokenizer

from pare.data.jsonl import Document
from pare.distill import DistillConfig, distill
from pare.distill.align import aligned_teacher_rows
from pare.distill.cache import token_offsets
from pare.train.features import encode_documents

from .conftest import TAXONOMY, WORDS, make_tokenizer

WORD = st.sampled_from([*WORDS, "xq", "42", "zebra"])
TEXT = st.lists(WORD, min_size=1, max_size=30).map(" ".join)


@settings(max_examples=25, deadline=None)
@given(st.lists(TEXT, min_size=1, max_size=4), st.integers(6, 20), st.integers(0, 3))
def test_same_tokenizer_aligns_to_its_own_rows(tokenizer_dir, texts, max_length, halo):
    """With one tokenizer, every content token maps to its own window's row if that window's core holds it,
    else to the same token in the window whose core does: the same token id either way."""
    tok = AutoTokenizer.from_pretrained(tokenizer_dir)
    docs = [Document(t) for t in texts]
    features = encode_documents(docs, tok, None, max_length, halo)
    offsets = token_offsets(features)
    flat_ids = np.concatenate([f["input_ids"] for f in features])
    rows = aligned_teacher_rows(docs, tok, tok, offsets, max_length, halo)
    assert [len(r) for r in rows] == [len(f["input_ids"]) for f in features]
    for f, r in zip(features, rows, strict=True):
        assert r[0] == -1 and r[-1] == -1  # [CLS] and [SEP]
        content = np.array(r[1:-1])
        assert (content >= 0).all()
        assert flat_ids[content].tolist() == f["input_ids"][1:-1]


def test_split_words_learn_from_the_teacher_word(tmp_path):
    teacher_tok = make_tokenizer(tmp_path / "t")
    # a "trimmed" student vocabulary without the word "alice": it is spelled out in pieces
    vocab = {w: i for w, i in teacher_tok.get_vocab().items() if w != "alice"}
    student_vocab = {w: i for i, w in enumerate(sorted(vocab, key=vocab.get))}
    from transformers import BertTokenizerFast

    student_tok = BertTokenizerFast(vocab=student_vocab)
    docs = [Document("call alice")]
    features = encode_documents(docs, teacher_tok, None, 32)  # [CLS] call alice [SEP]
    rows = aligned_teacher_rows(docs, teacher_tok, student_tok, token_offsets(features), 32)
    assert student_tok.tokenize("call alice") == ["call", "a", "##l", "##i", "##c", "##e"]
    assert rows == [[-1, 1, 2, 2, 2, 2, 2, -1]]


def test_trimmed_student_distils_from_the_untrimmed_teacher(bert_teacher, data_files, tmp_path):
    from pare.trim import trim_model

    corpus = tmp_path / "corpus.txt"
    corpus.write_text("call bob at 555 1234\nthe number is\n")
    trimmed = tmp_path / "trimmed"
    trim_model(bert_teacher, trimmed, corpus=[corpus])
    old_ids = json.loads((trimmed / "trim.json").read_text())["old_ids"]
    cfg = DistillConfig(layers=1, epochs=1, batch_size=4, max_length=32, cache_dir=str(tmp_path / "cache"))
    out = distill(bert_teacher, data_files, tmp_path / "s", cfg, student_dir=trimmed).path
    student = AutoModelForTokenClassification.from_pretrained(out)
    assert student.config.num_hidden_layers == 1
    assert student.config.vocab_size == len(old_ids)
    assert student.config.id2label == {i: lab for i, lab in enumerate(TAXONOMY.labels)}
    assert json.loads((out / "pare_distill.json").read_text())["tokens_aligned_by_characters"] is True
    assert (out / "trim.json").exists()
    assert (
        AutoTokenizer.from_pretrained(out).get_vocab() == AutoTokenizer.from_pretrained(trimmed).get_vocab()
    )
