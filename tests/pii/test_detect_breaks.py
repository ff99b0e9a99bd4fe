"""Paragraph and line breaks: the detector never returns a span that runs across a blank line, nor one of a
single-line category (a name, a phone number, ...) that runs across a line break."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pare.data.windows import plan_windows
from pare.decode import decode_spans
from pare.labels import SINGLE_LINE_CATEGORIES, Taxonomy
from pare.pii import PiiDetector
from pare.pii.breaks import line_breaks, paragraph_breaks, text_breaks

TAXONOMY = Taxonomy()
PERSON = {"anna": "B-private_person", "smith": "I-private_person", "hello": "E-private_person"}


@pytest.mark.parametrize(
    ("gap", "blank"),
    [
        ("\n\n", True),
        ("\n \n", True),
        (" \n\t\n  ", True),
        ("\r\n\r\n", True),
        ("\n\n\n", True),
        ("\u2029\u2029", True),
        ("\n", False),
        ("\r\n", False),
        (" \n ", False),
        ("  ", False),
        ("", False),
    ],
)
def test_a_break_is_a_blank_line_between_two_tokens(gap, blank):
    text = f"ab{gap}cd"
    offsets = [(0, 2), (2 + len(gap), 4 + len(gap))]
    assert paragraph_breaks(text, offsets) == [False, blank]
    assert paragraph_breaks(text, offsets[:1]) == [False] and paragraph_breaks(text, []) == []


@pytest.mark.parametrize(
    ("gap", "line"),
    [
        ("\n", True),
        ("\r\n", True),
        ("\r", True),
        (" \n ", True),
        ("\t\n", True),
        ("\u2028", True),
        ("\x85", True),
        ("\n\n", False),  # a blank line: a paragraph break, not a line break
        ("\r\n\r\n", False),
        ("\n \n", False),
        ("  ", False),
        ("", False),
    ],
)
def test_a_line_break_is_a_single_line_break_between_two_tokens(gap, line):
    text = f"ab{gap}cd"
    offsets = [(0, 2), (2 + len(gap), 4 + len(gap))]
    assert line_breaks(text, offsets) == [False, line]
    assert line_breaks(text, offsets[:1]) == [False] and line_breaks(text, []) == []


def test_line_breaks_inside_tokens_count():
    """Byte-level BPE tokens hold line breaks: a token of a line break has a line break on both sides."""
    text = "ab\ncd \nef"
    assert line_breaks(text, [(0, 2), (2, 3), (3, 5)]) == [False, True, True]
    assert line_breaks(text, [(3, 5), (5, 7), (7, 9)]) == [False, True, True]
    assert line_breaks(text, [(0, 3), (3, 5)]) == [False, True]  # a token ending in a line break


def naive_breaks(text: str, offsets) -> tuple[list[bool], list[bool]]:
    """Paragraph and line breaks token by token, every gap read (the spec, written independently)."""
    paragraphs, lines = [False] * len(offsets), [False] * len(offsets)
    for t in range(1, len(offsets)):
        (s0, e0), (s1, e1) = offsets[t - 1], offsets[t]
        gap = text[s0 + len(text[s0:e0].rstrip()) : e1 - len(text[s1:e1].lstrip())]
        rows = gap.replace("\r\n", "\n").splitlines(keepends=True)
        n_breaks = sum(row != row.rstrip("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029") for row in rows)
        blank = any(not row.strip() for row in rows[1:]) and n_breaks >= 2
        paragraphs[t] = blank
        lines[t] = n_breaks >= 1 and not blank
    return paragraphs, lines


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["ab", "c", " ", "\n", "\r\n", "\t", "\u2028", "d e", " \n "]), max_size=12))
def test_breaks_are_read_from_every_gap(pieces):
    """Each piece a token (whitespace pieces too, as byte-level BPE makes them): the scan that reads only
    the gaps near a line break finds what reading every gap finds."""
    text = "".join(pieces)
    offsets, at = [], 0
    for piece in pieces:
        offsets.append((at, at + len(piece)))
        at += len(piece)
    assert text_breaks(text, offsets) == naive_breaks(text, offsets)
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]  # WordPiece: no whitespace in tokens
    assert text_breaks(text, words) == naive_breaks(text, words)


def test_whitespace_inside_tokens_counts():
    """Byte-level BPE tokens hold line breaks: a token of a blank line has a break on both sides."""
    text = "ab\n\ncd \n\nef"
    assert paragraph_breaks(text, [(0, 2), (2, 4), (4, 6)]) == [False, True, True]
    assert paragraph_breaks(text, [(4, 6), (6, 9), (9, 11)]) == [False, True, True]
    assert paragraph_breaks(text, [(0, 2), (2, 3), (3, 4), (4, 6)]) == [False, False, True, False]


def test_document_breaks_come_from_the_text_between_real_tokens(minilm_tokenizer, table_model):
    detector = PiiDetector(table_model({}), minilm_tokenizer, TAXONOMY)
    (doc,) = detector.token_scores(["Best regards,\nAnna Smith\n\nHello, Mr. Santos."])
    tokens = minilm_tokenizer.convert_ids_to_tokens(doc.input_ids)
    assert [tok for tok, cut in zip(tokens, doc.breaks, strict=True) if cut] == ["hello"]
    assert [tok for tok, cut in zip(tokens, doc.lines, strict=True) if cut] == ["anna"]
    words, breaks, lines = detector.constraints([doc])
    assert (words, breaks, lines) == ([doc.word_ids], [doc.breaks], [doc.lines])
    off = PiiDetector(table_model({}), minilm_tokenizer, TAXONOMY, whole_words=False, line_rule=False)
    assert off.constraints([doc]) == (None, [doc.breaks], None)


def person_model(table_model, minilm_tokenizer):
    """Anna (B) Smith (I) Hello (E): one person span unless something cuts it; alone, 'hello' is O."""
    model = table_model(PERSON)
    model.table[minilm_tokenizer.convert_tokens_to_ids("hello"), 0] = 1.0
    return model


@pytest.mark.parametrize("blank", ["\n\n", "\n \n", "\r\n\r\n", "\n\n\n  "])
def test_a_span_never_runs_across_a_blank_line(table_model, minilm_tokenizer, blank):
    detector = PiiDetector(person_model(table_model, minilm_tokenizer), minilm_tokenizer, TAXONOMY)
    text = f"Best regards,\nAnna Smith{blank}Hello, Mr. Santos."
    (doc,) = detector.token_scores([text])
    # the same scores decoded without the break give one span across the blank line
    (unconstrained,) = decode_spans(doc.log_probs[None], TAXONOMY, word_ids=[doc.word_ids])
    assert [(s.start, s.end) for s in unconstrained] == [(3, 6)]
    (spans,) = detector.detect([text])
    assert [(s.label, s.text) for s in spans] == [("private_person", "Anna Smith")]


def test_a_single_line_break_cuts_a_person_but_not_an_address(table_model, minilm_tokenizer):
    """The line rule (default on) ends a person at the line break; without it, or for an address, the span
    runs on over the line break as the scores want."""
    text = "Best regards,\nAnna Smith\nHello, Mr. Santos."
    model = person_model(table_model, minilm_tokenizer)
    (spans,) = PiiDetector(model, minilm_tokenizer, TAXONOMY).detect([text])
    assert [(s.label, s.text) for s in spans] == [("private_person", "Anna Smith")]
    (spans,) = PiiDetector(model, minilm_tokenizer, TAXONOMY, line_rule=False).detect([text])
    assert [s.text for s in spans] == ["Anna Smith\nHello"]
    address = table_model({word: tag.replace("person", "address") for word, tag in PERSON.items()})
    address.table[minilm_tokenizer.convert_tokens_to_ids("hello"), 0] = 1.0
    # validate=(): the address validator drops an address without a digit, and this one is made of names
    (spans,) = PiiDetector(address, minilm_tokenizer, TAXONOMY, validate=()).detect([text])
    assert [(s.label, s.text) for s in spans] == [("private_address", "Anna Smith\nHello")]


@pytest.mark.parametrize("line", ["\n", "\r\n", " \n\t", "\u2028"])
@pytest.mark.parametrize("category", sorted(SINGLE_LINE_CATEGORIES))
def test_no_single_line_category_runs_across_a_line_break(table_model, minilm_tokenizer, line, category):
    tags = {word: tag.replace("private_person", category) for word, tag in PERSON.items()}
    detector = PiiDetector(table_model(tags), minilm_tokenizer, TAXONOMY, validate=())
    (spans,) = detector.detect([f"Anna Smith{line}Hello"])
    assert spans and not any(re.search(r"[\n\r\u2028]", s.text) for s in spans)
    assert {s.label for s in spans} == {category}


def test_breaks_hold_across_window_boundaries(table_model, minilm_tokenizer):
    """The breaks belong to the stitched document: a blank line inside a span that several windows score
    still cuts it, once, where the blank line is."""
    tags = {"alpha": "B-private_person", "beta": "I-private_person", "gamma": "E-private_person"}
    detector = PiiDetector(table_model(tags), minilm_tokenizer, TAXONOMY, max_length=16, halo=3)
    first, second = "alpha" + " beta" * 6, "beta " * 5 + "gamma"
    text = "the " * 9 + first + "\n\n" + second + " the" * 30
    (spans,) = detector.detect([text], batch_size=4)
    assert [s.text for s in spans] == [first, second]
    n_tokens = len(minilm_tokenizer(text, add_special_tokens=False)["input_ids"])
    assert len(plan_windows(n_tokens, detector.window_size, 3)) > 3
    (cut,) = detector.detect([text.replace("\n\n", "\n")], batch_size=4)  # a person: cut at a line break too
    assert [s.text for s in cut] == [first, second]
    (whole,) = detector.detect([text.replace("\n\n", " ")], batch_size=4)
    assert [s.text for s in whole] == [first + " " + second]


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["torch", "onnx"])
def test_the_shipped_model_keeps_signatures_and_lines_apart(backend):
    """Both backends (torch, and the ONNX twin on onnxruntime) get the breaks: no span across a blank line,
    no name or phone number across a line break (the issue's examples), addresses still over lines."""
    from pare.models import default_model_dir

    detector = PiiDetector.from_dir(default_model_dir(backend), device="cpu")
    texts = [
        "Best regards,\nAgnès Bourdon\n\nOlá, M. Santos, tudo bem?",
        "Merci,\nValentina\n\nMonsieur Laine,\nvoici le contrat.",
        "Cheers,\nTom Baker\r\n\r\nDear Ms. Okafor, thanks.",
        "Traudel Römer\nJl. Gatot Subroto No. 12\n10270 Jakarta",
        "Rua Augusta 160\n3699-811 FARO",
    ]
    found = detector.detect(texts)
    for text, spans in zip(texts, found, strict=True):
        assert spans, text
        assert not any(re.search(r"\n\s*\n", s.text.replace("\r\n", "\n")) for s in spans), spans
        assert not any("\n" in s.text for s in spans if s.label in SINGLE_LINE_CATEGORIES), spans
    assert any("\n" in s.text for s in found[-1] if s.label == "private_address"), found[-1]
