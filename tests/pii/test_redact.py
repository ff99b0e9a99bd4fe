"""Redaction modes, the JSON record, and the input readers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pare.data.jsonl import Span
from pare.errors import PareError
from pare.pii import DetectedSpan, read_jsonl_texts, read_text_file, redact, redaction_record

TEXT = "Ana Silva\nlives at 1 Main St."
SPANS = [
    DetectedSpan("private_person", 0, 9, "Ana Silva", 0.9),
    DetectedSpan("private_address", 19, 29, "1 Main St.", 0.5),
]


def test_modes():
    assert redact(TEXT, SPANS) == "<PRIVATE_PERSON>\nlives at <PRIVATE_ADDRESS>"
    assert redact(TEXT, SPANS, "generic") == "<REDACTED>\nlives at <REDACTED>"
    assert redact(TEXT, SPANS, "mask") == "*********\nlives at **********"
    assert redact(TEXT, list(reversed(SPANS))) == redact(TEXT, SPANS)
    assert redact(TEXT, [Span(0, 3, "secret")]) == "<SECRET> Silva\nlives at 1 Main St."


def test_mask_keeps_line_breaks_and_length():
    text = "addr: 12 Road\r\nTown 99"
    out = redact(text, [Span(6, 22, "private_address")], "mask")
    assert out == "addr: *******\r\n*******"
    assert len(out) == len(text)


@given(st.text(max_size=40), st.data())
def test_mask_preserves_everything_outside_spans(text, data):
    cuts = sorted(data.draw(st.sets(st.integers(0, len(text)), max_size=6)))
    spans = [Span(a, b, "secret") for a, b in zip(cuts[::2], cuts[1::2], strict=False) if a < b]
    out = redact(text, spans, "mask")
    assert len(out) == len(text)
    inside = {i for s in spans for i in range(s.start, s.end)}
    for i, (a, b) in enumerate(zip(text, out, strict=True)):
        assert b == (a if i not in inside or a in "\r\n" else "*")


def test_record_fields():
    record = redaction_record(TEXT, SPANS, "typed")
    assert record == {
        "schema_version": 1,
        "text": TEXT,
        "detected_spans": [
            {
                "label": "private_person",
                "start": 0,
                "end": 9,
                "text": "Ana Silva",
                "placeholder": "<PRIVATE_PERSON>",
                "score": 0.9,
            },
            {
                "label": "private_address",
                "start": 19,
                "end": 29,
                "text": "1 Main St.",
                "placeholder": "<PRIVATE_ADDRESS>",
                "score": 0.5,
            },
        ],
        "redacted_text": "<PRIVATE_PERSON>\nlives at <PRIVATE_ADDRESS>",
        "summary": {"span_count": 2, "by_label": {"private_person": 1, "private_address": 1}},
    }
    masked = redaction_record(TEXT, [Span(0, 3, "private_person")], "mask")
    assert masked["detected_spans"][0]["placeholder"] == "***"
    assert masked["detected_spans"][0]["score"] is None


def test_empty_text():
    assert redact("", []) == ""
    record = redaction_record("", [], "generic")
    assert record["redacted_text"] == "" and record["detected_spans"] == []
    assert record["summary"] == {"span_count": 0, "by_label": {}}


@pytest.mark.parametrize(
    ("spans", "message"),
    [
        ([Span(0, 5, "secret"), Span(3, 8, "secret")], "overlap"),
        ([Span(5, 100, "secret")], "out of range"),
    ],
)
def test_bad_spans(spans, message):
    with pytest.raises(PareError, match=message):
        redact(TEXT, spans)


def test_unknown_mode():
    with pytest.raises(PareError, match="unknown redaction mode"):
        redact("text", [], "blur")


def test_readers(tmp_path):
    good = tmp_path / "in.jsonl"
    good.write_text('{"text": "a", "id": 1}\n\n{"text": "b\\u2028c"}\n', encoding="utf-8")
    assert read_jsonl_texts(good) == ["a", "b\u2028c"]
    cases = {
        "empty.jsonl": (b"", "empty.jsonl: no documents"),
        "blank.jsonl": (b"\n \n", "no documents"),
        "notjson.jsonl": (b'{"text": "a"}\n{oops\n', "notjson.jsonl:2: invalid JSON"),
        "notext.jsonl": (
            b'{"body": "a"}\n',
            "notext.jsonl:1: expected a JSON object with a string field 'text'",
        ),
        "latin1.jsonl": (b'{"text": "a"}\n{"text": "caf\xe9"}\n', "latin1.jsonl:2: not valid UTF-8"),
    }
    for name, (data, message) in cases.items():
        (tmp_path / name).write_bytes(data)
        with pytest.raises(PareError, match=message):
            read_jsonl_texts(tmp_path / name)
    plain = tmp_path / "doc.txt"
    plain.write_text("line 1\nline 2\n", encoding="utf-8")
    assert read_text_file(plain) == "line 1\nline 2\n"
    with pytest.raises(PareError, match="no such file"):
        read_text_file(tmp_path / "missing.txt")
