"""``pare compress`` from the command line: a tiny recipe end to end, the printed table, resuming, and errors
(one line, exit status 2). The speed probes are stand-ins (``quick_measurements``) so that it takes seconds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import torch
from transformers import AutoModelForTokenClassification, AutoTokenizer

from pare.compress import StageRow
from pare.compress.report import markdown_table

STAGES = [
    {"trim": {"keep_frequent": 50}},
    {"quantize": {"method": "rtn", "bits": 4.5, "calib_docs": 4}},
]


@pytest.fixture(scope="module")
def teacher_model(tiny_bert) -> Path:
    """A 2-block BERT token classifier (hidden 16) over MiniLM's real tokenizer, random weights."""
    return tiny_bert("teacher")


def table_rows(stdout: str) -> list[list[str]]:
    """The cells of each row of the markdown table ``pare compress`` prints (header and rule left out)."""
    lines = stdout.splitlines()
    assert lines[0].startswith("| stage | kind | span F1 |") and lines[1].startswith("|---|")
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in lines[2:]]


def unwrapped(text: str) -> str:
    """``text`` without whitespace: stderr goes through a console that wraps long lines."""
    return "".join(text.split())


def test_compress_runs_the_recipe_prints_the_table_and_resumes(
    teacher_model, recipe_file, tmp_path, run_pare, quick_measurements, pare_cache
):
    recipe = recipe_file(teacher_model, STAGES)
    out = tmp_path / "run"
    code, table, stderr = run_pare("compress", "--recipe", recipe, "-o", out)

    assert code == 0, stderr
    rows = table_rows(table)
    assert [row[:2] for row in rows] == [["teacher", "input"], ["trimmed", "trim"], ["final", "quantize"]]
    assert "stage1/2trim" in unwrapped(stderr) and "stage2/2quantize" in unwrapped(stderr)
    assert unwrapped(f"report: {out}/report.md; final model: {out}/final") in unwrapped(stderr)
    report = json.loads((out / "report.json").read_text())
    assert table == markdown_table([StageRow(**row) for row in report["stages"]])  # the report's rows
    assert table in (out / "report.md").read_text()

    trimmed = AutoModelForTokenClassification.from_pretrained(out / "trimmed")
    assert trimmed.config.vocab_size == len(AutoTokenizer.from_pretrained(out / "trimmed")) < 30522
    assert (out / "final" / "quant_config.json").is_file()
    # the final model is deployable: `pare export` turns it into a plain transformers directory
    code, stdout, stderr = run_pare("export", out / "final", "-o", tmp_path / "plain")
    assert code == 0 and stdout == f"wrote {tmp_path / 'plain'}\n", stderr
    plain = AutoModelForTokenClassification.from_pretrained(tmp_path / "plain")
    assert plain.config.vocab_size == trimmed.config.vocab_size

    # the same command again finds every stage finished and prints the same table
    code, again, stderr = run_pare("compress", "--recipe", recipe, "-o", out)
    assert code == 0, stderr
    assert unwrapped(stderr).count("alreadydone") == 2
    assert again == table  # rebuilt from the recorded state


@pytest.mark.parametrize(
    ("recipe_text", "message"),
    [
        (None, "no such recipe file"),
        ("stages:\n  - distill: {layers: [1\n", "invalid YAML"),
        ("teacher: t\nstages: [prune]\n", "unknown stage 'prune'"),
        ("stages: [{quantize: {}}, trim]\nteacher: t\n", "quantize must be the last stage"),
        ("stages: [distill]\n", "needs a 'teacher'"),
    ],
)
def test_a_bad_recipe_is_one_line_on_stderr_exit_2_and_writes_nothing(
    tmp_path, run_pare, pare_cache, recipe_text, message
):
    recipe = tmp_path / "recipe.yaml"
    if recipe_text is not None:
        recipe.write_text(recipe_text)
    code, stdout, stderr = run_pare("compress", "--recipe", recipe, "-o", tmp_path / "run")
    assert code == 2 and stdout == ""
    assert stderr.startswith("error: ") and stderr.count("\n") == 1 and message in stderr, stderr
    assert not (tmp_path / "run").exists() and not pare_cache.exists()


def test_an_output_directory_pare_did_not_write_is_refused_untouched(
    teacher_model, recipe_file, tmp_path, run_pare, snapshot, pare_cache
):
    recipe = recipe_file(teacher_model, STAGES)
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("years of work")
    before = snapshot(mine)
    code, stdout, stderr = run_pare("compress", "--recipe", recipe, "-o", mine)
    assert code == 2 and stdout == ""
    assert stderr.startswith("error: ") and stderr.count("\n") == 1 and "not written by pare" in stderr
    assert snapshot(mine) == before


def test_a_recipe_distils_into_the_block_of_another_model(
    teacher_model, tiny_bert, recipe_file, tmp_path, run_pare, quick_measurements, pare_cache
):
    other = tiny_bert("other", layers=3, seed=1)
    stage = {"distill": {"student": str(other), "epochs": 1, "batch_size": 8, "max_length": 64}}
    out = tmp_path / "run"
    code, _, stderr = run_pare("compress", "--recipe", recipe_file(teacher_model, [stage]), "-o", out)

    assert code == 0, stderr
    student = AutoModelForTokenClassification.from_pretrained(out / "student").state_dict()
    base = AutoModelForTokenClassification.from_pretrained(other).state_dict()
    teacher = AutoModelForTokenClassification.from_pretrained(teacher_model).state_dict()
    word = "bert.embeddings.word_embeddings.weight"
    assert torch.equal(student[word], base[word]) and not torch.equal(student[word], teacher[word])
    assert json.loads((out / "student" / "config.json").read_text())["num_hidden_layers"] == 1
