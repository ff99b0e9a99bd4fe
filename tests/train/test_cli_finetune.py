"""``pare finetune``: a small run end to end, and bad inputs (exit 2, one line, nothing written)."""

from __future__ import annotations

import json
import sys

import pytest

from pare.data.jsonl import write_jsonl
from pare.train.finetune import TRAINING_FILE, checkpoint_dir_for


def run_cli(monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    from pare.cli import main

    monkeypatch.setattr(sys, "argv", ["pare", *args])
    with pytest.raises(SystemExit) as exit_info:
        main()
    out, err = capsys.readouterr()
    return exit_info.value.code or 0, out, err


def test_finetune_with_eval_writes_a_model_and_prints_a_summary(
    tiny_base, doc_factory, tmp_path, monkeypatch, capsys
):
    write_jsonl(tmp_path / "train.jsonl", doc_factory(16))
    write_jsonl(tmp_path / "eval.jsonl", doc_factory(4))
    out = tmp_path / "model"
    args = ["finetune", "--base", str(tiny_base), "--train", str(tmp_path / "train.jsonl")]
    args += ["--eval", str(tmp_path / "eval.jsonl"), "-o", str(out), "--epochs", "1", "--max-length", "32"]
    code, stdout, _ = run_cli(monkeypatch, capsys, *args)
    assert code == 0
    assert "epoch 1: loss" in stdout and "eval micro F1" in stdout and f"wrote {out}" in stdout
    record = json.loads((out / TRAINING_FILE).read_text())
    assert record["config"]["max_length"] == 32 and record["config"]["line_break_marker"] == "¶"
    assert set(record["history"][0]["metrics"]["eval"]["micro"]) == {"precision", "recall", "f1"}
    assert not checkpoint_dir_for(out).exists()


def test_an_empty_line_break_marker_turns_it_off(tiny_base, doc_factory, tmp_path, monkeypatch, capsys):
    write_jsonl(tmp_path / "train.jsonl", doc_factory(8))
    out = tmp_path / "model"
    args = ["finetune", "--base", str(tiny_base), "--train", str(tmp_path / "train.jsonl"), "-o", str(out)]
    code, _, _ = run_cli(
        monkeypatch, capsys, *args, "--epochs", "1", "--max-length", "32", "--line-break-marker", ""
    )
    assert code == 0
    assert json.loads((out / TRAINING_FILE).read_text())["config"]["line_break_marker"] is None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "train.jsonl: no such file"),
        ("", "train.jsonl: no documents (empty JSONL)"),
        (
            '{"text": "Ana", "spans": [{"start": 0, "end": 3, "label": "nickname"}]}\n',
            "train.jsonl:1: spans[0]",
        ),
        ('{"text": "Ana"}\n{"text": 3}\n', "train.jsonl:2: field 'text' must be a string"),
    ],
)
def test_bad_training_files_exit_2_with_one_line_and_write_nothing(
    tiny_base, tmp_path, monkeypatch, capsys, content, message
):
    train = tmp_path / "train.jsonl"
    if content is not None:
        train.write_text(content)
    out = tmp_path / "model"
    code, stdout, err = run_cli(
        monkeypatch, capsys, "finetune", "--base", str(tiny_base), "--train", str(train), "-o", str(out)
    )
    assert code == 2 and stdout == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith("error: ") and message in err
    assert sorted(p.name for p in tmp_path.iterdir()) == (["train.jsonl"] if content is not None else [])


def test_output_over_an_input_and_a_missing_base_are_rejected(
    tiny_base, doc_factory, tmp_path, monkeypatch, capsys
):
    train = tmp_path / "train.jsonl"
    write_jsonl(train, doc_factory(2))
    code, _, err = run_cli(monkeypatch, capsys, "finetune", "--train", str(train), "-o", str(train))
    assert code == 2 and "overwrite an input" in err
    out = tmp_path / "model"
    code, _, err = run_cli(
        monkeypatch,
        capsys,
        "finetune",
        "--base",
        str(tmp_path / "nope"),
        "--train",
        str(train),
        "-o",
        str(out),
    )
    assert code == 2 and "no such base model directory" in err and len(err.strip().splitlines()) == 1
    assert not out.exists() and not checkpoint_dir_for(out).exists()
