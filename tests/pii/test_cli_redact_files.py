"""``pare redact -f`` on the files people have: tables, directories, bad records, progress, engines."""

from __future__ import annotations

import json
import sys

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

PP = "<PRIVATE_PERSON>"


@pytest.fixture(scope="module")
def model(tiny_bert) -> str:
    return str(tiny_bert("files-all-person", always="S-private_person"))


def test_csv_columns_untouched_except_the_named_ones(run_pare, model, tmp_path):
    src = tmp_path / "in.csv"
    src.write_text('id,name,body,note\n1,ana,"hi bob",x y\n2,lee,,"a,b"\n', encoding="utf-8")
    out, spans = tmp_path / "out.csv", tmp_path / "spans.jsonl"
    code, stdout, err = run_pare(
        "redact", "-f", src, "--model", model, "--columns", "name,body", "-o", out, "--spans", spans
    )
    assert (code, stdout, err) == (0, "", "")
    assert out.read_text(encoding="utf-8") == f'id,name,body,note\n1,{PP},{PP} {PP},x y\n2,{PP},,"a,b"\n'
    found = [json.loads(line) for line in spans.read_text(encoding="utf-8").splitlines()]
    assert [(s["row"], s["column"], s["start"], s["end"]) for s in found] == [
        (0, "name", 0, 3),
        (0, "body", 0, 2),
        (0, "body", 3, 6),
        (1, "name", 0, 3),
    ]
    assert all(s["label"] == "private_person" and s["score"] > 0.5 for s in found)


def test_parquet_columns_untouched_except_the_named_ones(run_pare, model, tmp_path):
    src, out = tmp_path / "in.parquet", tmp_path / "out.parquet"
    table = pa.table({"text": ["ana lee", None, "bob"], "other": ["ana", "lee", "bob"], "n": [1, 2, 3]})
    pq.write_table(table, src)
    assert run_pare("redact", "-f", src, "--model", model, "-o", out, "--chunk-size", "3")[0] == 0
    got = pq.read_table(out)
    assert got.column("text").to_pylist() == [f"{PP} {PP}", None, PP]
    assert got.column("other").equals(table.column("other")) and got.column("n").equals(table.column("n"))


def test_directories_are_mirrored(run_pare, model, tmp_path):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text("ana", encoding="utf-8")
    (src / "sub" / "b.jsonl").write_text('{"text": "lee", "id": 1}\n', encoding="utf-8")
    (src / "sub" / "c.tsv").write_text("text\tid\nbob\t2\n", encoding="utf-8")
    (src / "notes.md").write_text("ana", encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = run_pare("redact", "-f", src, "--model", model, "-o", out, "--field", "text")
    assert code == 0 and "1 file(s) of other kinds left out" in err
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()) == [
        ".pare-output",
        "a.txt",
        "sub/b.jsonl",
        "sub/c.tsv",
    ]
    assert (out / "a.txt").read_text(encoding="utf-8") == PP
    assert json.loads((out / "sub" / "b.jsonl").read_text(encoding="utf-8")) == {"text": PP, "id": 1}
    assert (out / "sub" / "c.tsv").read_text(encoding="utf-8") == f"text\tid\n{PP}\t2\n"


def test_a_bad_record_is_one_line_or_skipped_and_reported(run_pare, model, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(b'{"body": {"t": "ana"}}\n{"body": {"t": 3}}\n{"body": {"t": "caf\xc3\xa9"}}\n')
    out = tmp_path / "out.jsonl"
    code, stdout, err = run_pare("redact", "-f", src, "--model", model, "-o", out, "--field", "body.t")
    assert (code, stdout) == (2, "") and err.count("\n") == 1
    assert f"{src}:2: expected a JSON object with a string field 'body.t' (it is an integer)" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]
    code, _, err = run_pare(
        "redact", "-f", src, "--model", model, "-o", out, "--field", "body.t", "--on-error", "skip"
    )
    assert code == 0 and f"1 bad record(s) skipped; listed in {out}.errors.jsonl" in err
    assert [json.loads(line)["body"]["t"] for line in out.read_text(encoding="utf-8").splitlines()] == [
        PP,
        PP,
    ]
    (bad,) = [
        json.loads(line)
        for line in (tmp_path / "out.jsonl.errors.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert (bad["row"], bad["field"], bad["where"]) == (1, "body.t", f"{src}:2")


def test_refusals_are_one_line(run_pare, model, tmp_path, monkeypatch):
    src = tmp_path / "in.csv"
    src.write_text("text\nana\n", encoding="utf-8")
    code, _, err = run_pare("redact", "-f", src, "--model", model, "--format", "json")
    assert code == 2 and "for tables use --spans FILE.jsonl" in err and err.count("\n") == 1
    code, _, err = run_pare("redact", "-f", src, "--model", model, "--columns", "body")
    assert code == 2 and "in.csv: no column 'body' (its columns: text)" in err
    code, _, err = run_pare("redact", "-f", src, "--model", model, "--on-error", "ignore")
    assert code == 2 and "--on-error: expected one of stop, skip, keep" in err
    monkeypatch.setitem(sys.modules, "pare.ray", None)  # as if Ray were not installed
    code, _, err = run_pare("redact", "-f", src, "--model", model, "--engine", "ray", "-o", tmp_path / "o")
    assert code == 2 and err == "error: --engine ray needs Ray Data: pip install 'pare[ray]'\n"


def test_progress_on_stderr_and_stdout_output(run_pare, model, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"text": f"ana {i}"}) + "\n" for i in range(5)), encoding="utf-8")
    code, stdout, err = run_pare("redact", "-f", src, "--model", model, "--progress", "--chunk-size", "4")
    assert code == 0 and [json.loads(line) for line in stdout.splitlines()] == [{"text": f"{PP} {PP}"}] * 5
    assert "redacting: 1 documents" in err and "chars/s" in err
