"""Hostile JSONL and CoNLL input: one-line ``PareError`` naming FILE:LINE and field, never the private text."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pare.data.conll import read_conll
from pare.data.jsonl import MAX_DEPTH, Document, Span, iter_jsonl_texts, read_jsonl, write_jsonl
from pare.errors import PareError

PARE = Path(sys.executable).parent / "pare"
SECRET = "Zelda Quixote 555-0199"  # stands for private text: must never appear in a message
FINE = b'{"text": "fine", "spans": []}\n'


def line(record: str) -> bytes:
    return record.replace("SECRET", SECRET).encode("utf-8") + b"\n"


# (line 2 of the file, what the message must say after "FILE:2: ", whether iter_jsonl_texts rejects it too)
JSONL_CASES = [
    pytest.param(b"[" * 100_000 + b"]" * 100_000 + b"\n", "nested deeper than 100 levels", True, id="deep"),
    pytest.param(
        line('{"text": "SECRET", "meta": ' + "[" * 150 + "]" * 150 + "}"),
        "nested deeper",
        True,
        id="deep-meta",
    ),
    pytest.param(
        line('{"text": "SECRET", "meta": {"a": ' + '{"a": ' * 5000 + "1" + "}" * 5001 + "}"),
        "nested deeper",
        True,
        id="deep-objects",
    ),
    pytest.param(
        line('{"text": "SECRET", "meta": {"n": ' + "7" * 5000 + "}}"),
        "a number has too many digits",
        True,
        id="int",
    ),
    pytest.param(
        line('{"text": "SECRET", "spans": [{"start": ' + "1" * 5000 + ', "end": 2, "label": "x"}]}'),
        "a number has too many digits",
        True,
        id="int-start",
    ),
    pytest.param(
        line('{"text": "SECRET \\ud800"}'), "field 'text' is not valid Unicode", True, id="surrogate"
    ),
    pytest.param(
        line('{"text": "SECRET \\udc00 \\ud83d"}'), "field 'text' is not valid Unicode", True, id="low"
    ),
    pytest.param(
        line('{"text": "SECRET", "spans": [{"start": 0, "end": 1, "label": "\\ud800"}]}'),
        "field 'spans.0..label' is not valid Unicode",
        True,
        id="surrogate-label",
    ),
    pytest.param(
        line('{"text": "SECRET", "meta": {"k\\udfff": 1}}'),
        "a key in field 'meta' is not valid",
        True,
        id="key",
    ),
    pytest.param(
        line('{"text": "SECRET", "note": ["\\ud800 SECRET"]}'),
        "a field pare does not read is not",
        True,
        id="other",
    ),
    pytest.param(
        line('{"text": "SECRET", "spans": [{"start": 0, "end": true, "label": "x"}]}'),
        "spans.0. needs integer 'start' and 'end' .'end' is a boolean.",
        False,
        id="end-true",
    ),
    pytest.param(
        line('{"text": "SECRET", "spans": [{"start": false, "end": 3, "label": "x"}]}'),
        "spans.0. needs integer 'start' and 'end' .'start' is a boolean.",
        False,
        id="start-false",
    ),
    pytest.param(
        line('{"text": "SECRET", "spans": [{"start": 0.0, "end": 3, "label": "x"}]}'),
        "'start' is a number",
        False,
        id="start-float",
    ),
    pytest.param(
        line('{"text": "SECRET", "spans": [{"start": 0, "label": "x"}]}'),
        "'end' is missing",
        False,
        id="no-end",
    ),
    pytest.param(
        line('{"text": "SECRET", "spans": [{"start": 0, "end": null, "label": "x"}]}'),
        "'end' is null",
        False,
        id="end-null",
    ),
    pytest.param(line('["SECRET"]'), "expected a JSON object", True, id="list"),
    pytest.param(line('"SECRET"'), "expected a JSON object", True, id="string"),
    pytest.param(line('{"txt": "SECRET"}'), "'text'", True, id="no-text"),
    pytest.param(line('{"text": ["SECRET"]}'), "'text'", True, id="text-list"),
    pytest.param(line('{"text": "SECRET", "spans": '), "invalid JSON", True, id="truncated"),
    pytest.param(line('{"text": "SECRET"}')[:-1] + b"\xff\n", "not valid UTF-8", True, id="utf8"),
]


@pytest.mark.parametrize(("data", "message", "texts_too"), JSONL_CASES)
def test_hostile_jsonl_is_one_line_naming_file_line_and_never_the_text(tmp_path, data, message, texts_too):
    path = tmp_path / "in.jsonl"
    path.write_bytes(FINE + data)
    readers = [read_jsonl] + ([lambda p: list(iter_jsonl_texts(p))] if texts_too else [])
    for read in readers:
        with pytest.raises(PareError, match=f"^{path}:2: .*{message}") as err:
            read(path)
        text = str(err.value).removeprefix(str(path))
        assert "\n" not in text and len(text) < 120
        assert not any(part in text for part in SECRET.split()), text
        text.encode("utf-8")  # printable: the message itself carries no lone surrogate


def test_text_reader_ignores_span_fields_but_not_broken_json(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_bytes(FINE + line('{"text": "SECRET", "spans": [{"start": 0, "end": true}]}'))
    assert list(iter_jsonl_texts(path)) == ["fine", SECRET]


def test_nesting_up_to_the_limit_surrogate_pairs_and_brackets_in_text_are_fine(tmp_path):
    meta = "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1)
    records = [
        '{"text": "a\\ud83d\\ude00b \\u00e9", "spans": [{"start": 0, "end": 1, "label": "x"}]}',
        '{"text": "' + "[{" * 200 + '", "meta": {"deep": ' + meta + "}}",
        '{"text": "\\\\ud800 is how JSON escapes a surrogate"}',
    ]
    path = tmp_path / "ok.jsonl"
    path.write_bytes("\n".join(records).encode("utf-8") + b"\n")
    docs = read_jsonl(path)
    assert docs[0].text == "a\U0001f600b é" and docs[0].spans == [Span(0, 1, "x")]
    assert docs[1].text == "[{" * 200 and docs[2].text.startswith("\\ud800")


def test_unreadable_file_is_a_pare_error(tmp_path, monkeypatch):
    path = tmp_path / "locked.jsonl"
    path.write_bytes(FINE)

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)  # chmod 0 does not stop root
    with pytest.raises(PareError, match=f"^{path}: cannot read .Permission denied.$"):
        read_jsonl(path)


documents = st.builds(
    lambda text, cuts, meta: Document(
        text,
        [Span(a, b, "x") for a, b in zip(cuts[::2], cuts[1::2], strict=False) if a < b],
        meta,
    ),
    st.text(max_size=40),
    st.lists(st.integers(0, 40), max_size=6, unique=True).map(sorted),
    st.dictionaries(st.text(max_size=5), st.integers() | st.text(max_size=5), max_size=3),
)


@settings(max_examples=60)
@given(st.lists(documents, min_size=1, max_size=4))
def test_valid_documents_round_trip_to_the_same_bytes(tmp_path_factory, docs):
    docs = [Document(d.text, [s for s in d.spans if s.end <= len(d.text)], d.meta) for d in docs]
    folder = tmp_path_factory.mktemp("rt")
    first, second = folder / "a.jsonl", folder / "b.jsonl"
    write_jsonl(first, docs)
    back = read_jsonl(first)
    assert [d.to_dict() for d in back] == [d.to_dict() for d in docs]
    write_jsonl(second, back)
    assert second.read_bytes() == first.read_bytes()
    ascii_escaped = folder / "c.jsonl"  # the same documents written by another tool, \\u-escaped
    ascii_escaped.write_text("".join(json.dumps(d.to_dict()) + "\n" for d in docs), encoding="utf-8")
    assert [d.to_dict() for d in read_jsonl(ascii_escaped)] == [d.to_dict() for d in docs]


# CoNLL: (file content, what the message must say after "in.conll:LINE: ", the line)
CONLL_CASES = [
    pytest.param("Ana O\nZelda\n", "expected a token and a tag", 2, id="one-column"),
    pytest.param("Ana O\nZelda Quixote\n", "invalid tag in the last column", 2, id="token-as-tag"),
    pytest.param("Ana O\nZelda Quixote-555\n", "invalid tag in the last column", 2, id="hyphenated"),
    pytest.param("Zelda X-FOO\n", "invalid tag 'X-FOO' in the last column", 1, id="unknown-tag"),
    pytest.param("Zelda B-\n", "invalid tag 'B-'", 1, id="no-category"),
    pytest.param("a O\n\nZelda I-PER\n", "tag 0 .I-PER.: I must follow", 3, id="bad-sequence"),
    pytest.param(b"Ana O\nZelda\xe9 O\n", "not valid UTF-8", 2, id="utf8"),
]


def conll_file(tmp_path, data: str | bytes) -> Path:
    path = tmp_path / "in.conll"
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


@pytest.mark.parametrize(("data", "message", "lineno"), CONLL_CASES)
def test_conll_errors_name_file_and_line_never_the_token(tmp_path, data, message, lineno):
    path = conll_file(tmp_path, data)
    with pytest.raises(PareError, match=f"^{path}:{lineno}: {message}") as err:
        read_conll(path)
    text = str(err.value).removeprefix(str(path))
    assert "\n" not in text
    assert not any(word in text for word in ("Zelda", "Quixote", "555", "Ana")), text


@pytest.mark.parametrize(
    ("data", "lineno"),
    [
        pytest.param("Ana O\nZelda Quixote\n", 2, id="token-as-tag"),
        pytest.param("Zelda\n", 1, id="one-column"),
        pytest.param(b"Zelda\xff B-PER\n", 1, id="utf8"),
    ],
)
def test_import_conll_cli_exits_2_with_one_line_and_writes_nothing(tmp_path, data, lineno):
    src = conll_file(tmp_path, data)
    out = tmp_path / "out" / "docs.jsonl"
    cmd = [str(PARE), "data", "import-conll", str(src), "-o", str(out)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.startswith(f"error: {src}:{lineno}: ") and proc.stderr.count("\n") == 1
    assert "Zelda" not in proc.stderr and "Quixote" not in proc.stderr and "Ana" not in proc.stderr
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["in.conll"]
