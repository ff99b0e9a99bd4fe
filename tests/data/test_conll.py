"""CoNLL import: BIO and BIOES files, text and span reconstruction, errors with FILE:LINE, the CLI."""

from __future__ import annotations

import json
import sys

import pytest

from pare.cli import main
from pare.data.conll import read_conll
from pare.data.jsonl import Document, Span, read_jsonl
from pare.errors import PareError

BIO = """-DOCSTART- -X- -X- O

EU NNP B-NP B-ORG
rejects VBZ B-VP O
German JJ B-NP B-MISC
call NN I-NP O
Peter NNP B-NP B-PER
Blackburn NNP I-NP I-PER

Ana B-PER
"""

BIOES = (
    "Ana\tB-private_person\nde\tI-private_person\nSilva\tE-private_person\nat\tO\nx@y.org\tS-private_email\n"
)


def write(tmp_path, data: str | bytes, name: str = "in.conll"):
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_bio(tmp_path):
    docs = read_conll(write(tmp_path, BIO))
    assert docs == [
        Document(
            "EU rejects German call Peter Blackburn",
            [Span(0, 2, "ORG"), Span(11, 17, "MISC"), Span(23, 38, "PER")],
        ),
        Document("Ana", [Span(0, 3, "PER")]),
    ]
    for doc in docs:
        assert all(doc.text[s.start : s.end].strip() == doc.text[s.start : s.end] for s in doc.spans)


def test_bioes(tmp_path):
    (doc,) = read_conll(write(tmp_path, BIOES))
    assert doc.text == "Ana de Silva at x@y.org"
    assert [(doc.text[s.start : s.end], s.label) for s in doc.spans] == [
        ("Ana de Silva", "private_person"),
        ("x@y.org", "private_email"),
    ]


@pytest.mark.parametrize(
    ("data", "scheme", "message"),
    [
        ("a O\nb I-PER\n", None, "in.conll:2: tag 1 (I-PER)"),
        (
            "a B-PER\nb E-PER\n\nc O\nd B-PER\ne O\n",
            None,
            "in.conll:6: tag 2 (O)",
        ),  # BIOES: B must end with E
        ("a S-PER\n", "BIO", "in.conll:1: tag 0 (S-PER): prefix S is not part of BIO"),
        ("a O\nlonely\n", None, "in.conll:2: expected a token and a tag"),
        ("a O\nb U-PER\n", None, "in.conll:2: invalid tag 'U-PER'"),
        ("-DOCSTART- O\n\n\n", None, "no sentences"),
        (b"a O\nb\xff O\n", None, "in.conll:2: not valid UTF-8"),
    ],
)
def test_errors(tmp_path, data, scheme, message):
    with pytest.raises(PareError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_conll(write(tmp_path, data), scheme)


def test_missing_file(tmp_path):
    with pytest.raises(PareError, match="no such file"):
        read_conll(tmp_path / "nope.conll")


def test_cli(tmp_path, monkeypatch, capsys):
    src = write(tmp_path, BIOES)
    out = tmp_path / "out.jsonl"
    monkeypatch.setattr(sys, "argv", ["pare", "data", "import-conll", str(src), "-o", str(out)])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code in (0, None)
    assert "wrote 1 documents (2 spans)" in capsys.readouterr().out
    assert [d.to_dict() for d in read_jsonl(out)] == [json.loads(out.read_text())]
    bad = write(tmp_path, "a I-PER\n", "bad.conll")
    monkeypatch.setattr(
        sys, "argv", ["pare", "data", "import-conll", str(bad), "-o", str(tmp_path / "bad.jsonl")]
    )
    with pytest.raises(SystemExit) as exit_info:
        main()
    _, err = capsys.readouterr()
    assert exit_info.value.code == 2 and "bad.conll:1:" in err and err.count("\n") == 1
    assert not (tmp_path / "bad.jsonl").exists()
