"""Readers and writers of the files pare redacts: rows in order, bad records named, other columns kept."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pare.data.tables import Selection, file_kind, list_files, open_reader, open_writer
from pare.errors import PareError


def _roundtrip(path: Path, kind: str, selection: Selection) -> tuple[list, bytes]:
    """Read every row, write it back with each text upper-cased; (rows, output bytes)."""
    reader = open_reader(path, kind, selection)
    out = io.BytesIO()
    writer = open_writer(out, reader, "text")
    rows = list(reader.rows())
    writer.write([(r, [t.upper() if t else t for t in r.texts], None) for r in rows if r.error is None])
    writer.close()
    return rows, out.getvalue()


def test_kinds_by_suffix():
    assert [file_kind(p) for p in ("a.JSONL", "b.csv", "c.tsv", "d.parquet", "e.txt", "f.md")] == [
        "jsonl", "csv", "tsv", "parquet", "txt", None,
    ]  # fmt: skip


def test_jsonl_nested_field_and_other_fields_kept(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(
        '{"id": 1, "a": {"b": "ana"}, "x": [1.5, null]}\n\n{"a": {"b": ""}, "id": 2}\n', encoding="utf-8"
    )
    rows, out = _roundtrip(src, "jsonl", Selection(field="a.b"))
    assert [(r.index, r.where, r.texts) for r in rows] == [(0, f"{src}:1", ["ana"]), (1, f"{src}:3", [""])]
    assert [json.loads(line) for line in out.decode().splitlines()] == [
        {"id": 1, "a": {"b": "ANA"}, "x": [1.5, None]},
        {"a": {"b": ""}, "id": 2},
    ]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (b'{"text": 3}', "in.jsonl:2: expected a JSON object with a string field 'text' (it is an integer)"),
        (b'{"other": "x"}', "in.jsonl:2: expected a JSON object with a string field 'text' (it is missing)"),
        (b"[1]", "in.jsonl:2: expected a JSON object with a string field 'text' (got a list)"),
        (b'{"text": "caf\xe9"}', "in.jsonl:2: not valid UTF-8"),
        (b'{"text": ', "in.jsonl:2: invalid JSON"),
    ],
)
def test_jsonl_bad_records_name_the_line_and_field(tmp_path, line, message):
    src = tmp_path / "in.jsonl"
    src.write_bytes(b'{"text": "ok"}\n' + line + b'\n{"text": "ok"}\n')
    rows = list(open_reader(src, "jsonl", Selection()).rows())
    assert [r.error is None for r in rows] == [True, False, True]
    assert message in rows[1].error and rows[1].error_field == "text" and rows[1].index == 1


def test_csv_keeps_other_cells_byte_for_byte(tmp_path):
    src = tmp_path / "in.csv"
    data = b'id,text,note\r\n1,"ana, lee","multi\r\nline"\r\n2,bob,caf\xe9\r\n'
    src.write_bytes(data)
    rows, out = _roundtrip(src, "csv", Selection(columns=("text",)))
    assert [(r.where, r.texts) for r in rows] == [(f"{src}:2", ["ana, lee"]), (f"{src}:4", ["bob"])]
    assert out == data.replace(b"ana, lee", b"ANA, LEE").replace(b"bob", b"BOB")


def test_tsv_and_csv_errors(tmp_path):
    src = tmp_path / "in.tsv"
    src.write_bytes(b"text\tid\nana\t1\n\xff\t2\n")
    rows = list(open_reader(src, "tsv", Selection(columns=("text",))).rows())
    assert rows[0].texts == ["ana"] and rows[1].error == f"{src}:3: column 'text' is not valid UTF-8"
    short = tmp_path / "short.csv"
    short.write_text("id,text\n1\n", encoding="utf-8")
    (row,) = open_reader(short, "csv", Selection(columns=("text",))).rows()
    assert row.error == f"{short}:2: row 0 has no column 'text'" and row.error_field == "text"
    with pytest.raises(PareError, match=r"in.tsv: no column 'body' \(its columns: text, id\)"):
        open_reader(src, "tsv", Selection(columns=("body",)))


def test_parquet_columns_untouched_except_the_named_ones(tmp_path):
    src = tmp_path / "in.parquet"
    table = pa.table(
        {
            "id": pa.array(range(2500), pa.int64()),
            "text": [f"ana {i}" if i % 7 else None for i in range(2500)],
            "other": [f"lee {i}" for i in range(2500)],
            "score": [i / 3 for i in range(2500)],
        }
    )
    pq.write_table(table, src)
    rows, out = _roundtrip(src, "parquet", Selection(columns=("text",)))
    assert len(rows) == 2500 and rows[2499].where == f"{src}: row 2499"
    got = pq.read_table(io.BytesIO(out))
    assert got.schema == table.schema
    for name in ("id", "other", "score"):
        assert got.column(name).equals(table.column(name))
    assert got.column("text").to_pylist() == [
        None if t is None else t.upper() for t in table.column("text").to_pylist()
    ]
    numbers = tmp_path / "numbers.parquet"
    pq.write_table(pa.table({"text": [1, 2]}), numbers)
    with pytest.raises(PareError, match="column 'text' holds int64, not text"):
        open_reader(numbers, "parquet", Selection(columns=("text",)))


def test_text_file_is_one_row_and_directories_list_what_pare_reads(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("b.txt", "sub/a.jsonl", "c.md", ".hidden/x.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("ana", encoding="utf-8")
    found, others = list_files(tmp_path)
    assert found == [Path("b.txt"), Path("sub/a.jsonl")] and others == [Path("c.md")]
    rows, out = _roundtrip(tmp_path / "b.txt", "txt", Selection())
    assert [r.texts for r in rows] == [["ana"]] and out == b"ANA"
