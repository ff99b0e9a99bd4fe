"""Paragraph breaks: the detector never returns a span that runs across a blank line."""

from __future__ import annotations

import re

import pytest

from pare.data.windows import plan_windows
from pare.decode import decode_spans
from pare.labels import Taxonomy
from pare.pii import PiiDetector
from pare.pii.detect import paragraph_breaks

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


def test_a_single_line_break_does_not_cut_a_span(table_model, minilm_tokenizer):
    detector = PiiDetector(person_model(table_model, minilm_tokenizer), minilm_tokenizer, TAXONOMY)
    (spans,) = detector.detect(["Best regards,\nAnna Smith\nHello, Mr. Santos."])
    assert [s.text for s in spans] == ["Anna Smith\nHello"]


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
    (whole,) = detector.detect([text.replace("\n\n", "\n")], batch_size=4)
    assert [s.text for s in whole] == [first + "\n" + second]


@pytest.mark.slow
def test_the_shipped_model_keeps_signatures_apart():
    from pare.models import default_model_dir

    detector = PiiDetector.from_dir(default_model_dir(), device="cpu")
    texts = [
        "Best regards,\nAgnès Bourdon\n\nOlá, M. Santos, tudo bem?",
        "Merci,\nValentina\n\nMonsieur Laine,\nvoici le contrat.",
        "Cheers,\nTom Baker\r\n\r\nDear Ms. Okafor, thanks.",
    ]
    for text, spans in zip(texts, detector.detect(texts), strict=True):
        assert spans, text
        assert not any(re.search(r"\n\s*\n", s.text.replace("\r\n", "\n")) for s in spans), spans
