"""The JSONL document format: validation with FILE:LINE errors, atomic round trips."""

from __future__ import annotations

import pytest

from pare.data.jsonl import Document, Span, iter_jsonl, parse_record, read_jsonl, write_jsonl
from pare.errors import PareError


def test_round_trip(tmp_path):
    docs = [
        Document("Ana at x@y.org", [Span(7, 14, "private_email"), Span(0, 3, "private_person")]),
        Document("東京 😀\u2028next", [], {"lang": "ja"}),
    ]
    path = tmp_path / "out" / "docs.jsonl"
    assert write_jsonl(path, docs) == 2
    back = read_jsonl(path)
    assert back[0].spans == sorted(docs[0].spans)
    assert back[1].text == docs[1].text and back[1].meta == {"lang": "ja"}
    assert [p.name for p in path.parent.iterdir()] == ["docs.jsonl"]  # no temporary file left


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ([], "expected a JSON object"),
        ({"spans": []}, "field 'text' must be a string"),
        ({"text": "ab", "spans": {}}, "field 'spans' must be a list"),
        ({"text": "ab", "spans": [1]}, r"spans\[0\] must be an object"),
        ({"text": "ab", "spans": [{"start": 0, "end": "2", "label": "x"}]}, "integer 'start' and 'end'"),
        ({"text": "ab", "spans": [{"start": True, "end": 2, "label": "x"}]}, "integer 'start' and 'end'"),
        ({"text": "ab", "spans": [{"start": 0, "end": 2}]}, "string 'label'"),
        ({"text": "ab", "spans": [{"start": 1, "end": 3, "label": "x"}]}, "out of range"),
        ({"text": "ab", "spans": [{"start": 1, "end": 1, "label": "x"}]}, "out of range"),
        (
            {
                "text": "abc",
                "spans": [{"start": 0, "end": 2, "label": "x"}, {"start": 1, "end": 3, "label": "x"}],
            },
            "overlap",
        ),
        ({"text": "ab", "spans": [{"start": 0, "end": 2, "label": "y"}]}, "unknown label 'y'"),
    ],
)
def test_parse_record_errors(record, message):
    with pytest.raises(PareError, match=f"f.jsonl:3: .*{message}"):
        parse_record(record, "f.jsonl:3", {"x"})


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "no documents"),
        (b'{"text": "a"}\n{"text": \n', "bad.jsonl:2: invalid JSON"),
        (b'{"text": "a"}\n\n{"text": "caf\xe9"}\n', "bad.jsonl:3: not valid UTF-8"),
        (
            b'{"text": "a", "spans": [{"start": 0, "end": 1, "label": "q"}]}\n',
            "bad.jsonl:1: spans.0. has unknown",
        ),
    ],
)
def test_read_errors(tmp_path, data, message):
    path = tmp_path / "bad.jsonl"
    path.write_bytes(data)
    with pytest.raises(PareError, match=message):
        read_jsonl(path, labels=["x"])


def test_empty_allowed_and_missing(tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_text("\n", encoding="utf-8")
    assert read_jsonl(path, allow_empty=True) == []
    with pytest.raises(PareError, match="no such file"):
        list(iter_jsonl(tmp_path / "missing.jsonl"))
    with pytest.raises(PareError, match="is a directory"):
        list(iter_jsonl(tmp_path))


def test_write_refuses_to_overwrite_its_input(tmp_path):
    path = tmp_path / "docs.jsonl"
    write_jsonl(path, [Document("a")])
    with pytest.raises(PareError, match="overwrite an input"):
        write_jsonl(path, [Document("b")], inputs=(path,))
    assert read_jsonl(path)[0].text == "a"
