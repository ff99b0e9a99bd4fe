"""``pare redact`` end to end on tiny saved models: inputs, formats, batches, and bad inputs."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pare.cli import main

PP = "<PRIVATE_PERSON>"


def run_cli(monkeypatch, capsys, *args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "argv", ["pare", *args])
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    try:
        main()
        code = 0
    except SystemExit as exit_info:
        code = exit_info.code or 0
    out, err = capsys.readouterr()
    return code, out, err


def test_text_argument_and_stdin(monkeypatch, capsys, all_person_dir):
    model = str(all_person_dir)
    assert run_cli(monkeypatch, capsys, "redact", "ana  silva", "--model", model) == (0, f"{PP}  {PP}\n", "")
    code, out, _ = run_cli(
        monkeypatch, capsys, "redact", "--model", model, "--mode", "generic", stdin=b"ana\n"
    )
    assert (code, out) == (0, "<REDACTED>\n")
    code, out, _ = run_cli(monkeypatch, capsys, "redact", "", "--model", model, "--format", "json")
    record = json.loads(out)
    assert code == 0 and record["redacted_text"] == "" and record["summary"]["span_count"] == 0


def test_json_record(monkeypatch, capsys, all_person_dir):
    code, out, _ = run_cli(
        monkeypatch, capsys, "redact", "ana, hi", "--model", str(all_person_dir), "--format", "json"
    )
    record = json.loads(out)
    assert code == 0 and out.count("\n") == 1
    assert record["redacted_text"] == f"{PP}, {PP}"  # a comma alone is no name
    assert [(s["text"], s["start"], s["end"], s["placeholder"]) for s in record["detected_spans"]] == [
        ("ana", 0, 3, PP),
        ("hi", 5, 7, PP),
    ]
    assert record["summary"] == {"span_count": 2, "by_label": {"private_person": 2}}


def test_plain_file_to_output(monkeypatch, capsys, all_person_dir, tmp_path):
    src = tmp_path / "doc.txt"
    src.write_text("ana\nbob lee\n", encoding="utf-8")
    out_path = tmp_path / "out" / "doc.txt"
    code, out, _ = run_cli(
        monkeypatch,
        capsys,
        "redact",
        "-f",
        str(src),
        "--model",
        str(all_person_dir),
        "--mode",
        "mask",
        "-o",
        str(out_path),
    )
    assert (code, out) == (0, "")
    assert out_path.read_text(encoding="utf-8") == "***\n*** ***\n"


def test_jsonl_batch(monkeypatch, capsys, all_person_dir, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "ana"}\n{"text": ""}\n\n{"text": "bob  lee", "id": 7}\n', encoding="utf-8")
    out_path = tmp_path / "out.jsonl"
    args = ("redact", "-f", str(src), "--model", str(all_person_dir), "--batch-size", "2")
    code, out, _ = run_cli(monkeypatch, capsys, *args, "--format", "json", "-o", str(out_path))
    assert (code, out) == (0, "")
    records = [json.loads(line) for line in out_path.read_text(encoding="utf-8").splitlines()]
    assert [r["text"] for r in records] == ["ana", "", "bob  lee"]
    assert [r["redacted_text"] for r in records] == [PP, "", f"{PP}  {PP}"]
    assert [r["summary"]["span_count"] for r in records] == [1, 0, 2]
    code, out, _ = run_cli(monkeypatch, capsys, *args)
    assert code == 0
    assert [json.loads(line) for line in out.splitlines()] == [
        {"text": PP},
        {"text": ""},
        {"text": f"{PP}  {PP}", "id": 7},  # the record's other fields are kept
    ]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("latin1.txt", b"caf\xe9\n", "latin1.txt:1: not valid UTF-8"),
        ("empty.txt", b"", "empty.txt: empty input file"),
        ("empty.jsonl", b"\n\n", "empty.jsonl: no documents"),
        ("bad.jsonl", b'{"text": "a"}\n[1]\n', "bad.jsonl:2: expected a JSON object"),
    ],
)
def test_bad_input_files(monkeypatch, capsys, all_person_dir, tmp_path, name, data, message):
    src = tmp_path / name
    src.write_bytes(data)
    out_path = tmp_path / "out.txt"
    code, out, err = run_cli(
        monkeypatch, capsys, "redact", "-f", str(src), "--model", str(all_person_dir), "-o", str(out_path)
    )
    assert code == 2 and out == ""
    assert err.startswith("error: ") and message in err and err.count("\n") == 1
    assert not out_path.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_bad_model_and_arguments(monkeypatch, capsys, all_person_dir, tmp_path):
    missing = tmp_path / "nope"
    code, out, err = run_cli(monkeypatch, capsys, "redact", "hi", "--model", str(missing))
    assert (code, out) == (2, "") and f"{missing}: no such model directory" in err and err.count("\n") == 1
    src = tmp_path / "a.txt"
    src.write_text("hi", encoding="utf-8")
    code, _, err = run_cli(
        monkeypatch, capsys, "redact", "hi", "-f", str(src), "--model", str(all_person_dir)
    )
    assert code == 2 and "either TEXT or -f FILE" in err
    code, _, err = run_cli(
        monkeypatch, capsys, "redact", "hi", "--model", str(all_person_dir), "--operating-point", "x"
    )
    assert code == 2 and "unknown operating point 'x'" in err
    code, _, err = run_cli(
        monkeypatch, capsys, "redact", "-f", str(src), "--model", str(all_person_dir), "-o", str(src)
    )
    assert code == 2 and "overwrite an input" in err and src.read_text(encoding="utf-8") == "hi"
    code, _, _ = run_cli(
        monkeypatch, capsys, "redact", "hi", "--model", str(all_person_dir), "--mode", "blur"
    )
    assert code == 2
    code, _, err = run_cli(monkeypatch, capsys, "redact", "--model", str(all_person_dir), stdin=b"\xff\xfe")
    assert code == 2 and "stdin: not valid UTF-8" in err


def test_subprocess_stdout_is_clean_jsonl(all_person_dir, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "ana lee"}\n{"text": "lee"}\n', encoding="utf-8")
    pare = Path(sys.executable).with_name("pare")
    done = subprocess.run(
        [str(pare), "redact", "-f", str(src), "--model", str(all_person_dir), "--format", "json"],
        capture_output=True,
        text=True,
        env={**os.environ, "TRANSFORMERS_VERBOSITY": "info"},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert [json.loads(line)["summary"]["span_count"] for line in done.stdout.splitlines()] == [2, 1]
    assert "Loading weights" not in done.stderr


def test_operating_point_thresholds_apply_and_min_score_wins(monkeypatch, capsys, all_person_dir, tmp_path):
    # a point's per-label minimum scores (pare calibrate --per-label) leave low spans as text in redact
    import shutil

    model = tmp_path / "m"
    shutil.copytree(all_person_dir, model)
    points = {"operating_points": {"strict": {"biases": {}, "min_score": {"private_person": 1.0}}}}
    (model / "viterbi_calibration.json").write_text(json.dumps(points), encoding="utf-8")
    args = ("redact", "ana silva", "--model", str(model))
    assert run_cli(monkeypatch, capsys, *args)[:2] == (0, f"{PP} {PP}\n")
    assert run_cli(monkeypatch, capsys, *args, "--operating-point", "strict")[:2] == (0, "ana silva\n")
    code, out, _ = run_cli(monkeypatch, capsys, *args, "--operating-point", "strict", "--min-score", "0")
    assert (code, out) == (0, f"{PP} {PP}\n")
