import json

import pytest
import torch
from transformers import AutoModelForTokenClassification
from typer.testing import CliRunner

from pare.cli import app, main
from pare.labels import Taxonomy

from .conftest import save_model, token_config

runner = CliRunner()


def run_main(args, monkeypatch, capsys):
    """Run ``pare ARGS`` through ``main`` (so PareError becomes one line and exit 2)."""
    monkeypatch.setattr("sys.argv", ["pare", *map(str, args)])
    with pytest.raises(SystemExit) as exit_info:
        main()
    return exit_info.value.code, capsys.readouterr()


def test_opf_teacher_to_one_block_student_that_redacts(tokenizer_dir, data_files, tmp_path):
    torch.manual_seed(0)
    taxonomy = Taxonomy()  # the privacy-filter's 33 labels
    teacher = AutoModelForTokenClassification.from_config(token_config("opf", taxonomy=taxonomy))
    teacher_dir = save_model(teacher, tokenizer_dir, tmp_path / "teacher")
    out = tmp_path / "student"
    args = [
        "distill",
        "--teacher",
        teacher_dir,
        "--data",
        data_files[1],
        "-o",
        out,
        "--layers",
        "1",
        "--epochs",
        "1",
        "--batch-size",
        "2",
        "--max-length",
        "32",
        "--cache-dir",
        tmp_path / "cache",
    ]
    result = runner.invoke(app, list(map(str, args)))
    assert result.exit_code == 0, result.output
    assert "blocks [0]" in result.output
    student = AutoModelForTokenClassification.from_pretrained(out)
    assert type(student).__name__ == "OpenAIPrivacyFilterForTokenClassification"
    assert student.config.num_hidden_layers == 1
    redacted = runner.invoke(app, ["redact", "--model", str(out), "--format", "json", "call bob at 555 1234"])
    assert redacted.exit_code == 0, redacted.output
    assert json.loads(redacted.output)["text"] == "call bob at 555 1234"


def test_explicit_layers_and_uniform_init(bert_teacher, data_files, tmp_path):
    base = [
        "distill",
        "--teacher",
        bert_teacher,
        "--data",
        data_files[0],
        "--epochs",
        "1",
        "--max-length",
        "32",
        "--cache-dir",
        tmp_path / "c",
        "--hidden-loss",
        "mse",
    ]
    for layers, init, expected in (("0,2", "first", [0, 2]), ("2", "uniform", [1, 2])):
        out = tmp_path / f"s-{layers}-{init}"
        result = runner.invoke(app, [*map(str, base), "-o", str(out), "--layers", layers, "--init", init])
        assert result.exit_code == 0, result.output
        assert json.loads((out / "pare_distill.json").read_text())["kept_layers"] == expected
    out = tmp_path / "noisy"
    extra = ["--noise-swap-rate", "0.2", "--noise-typo-rate", "0.1", "--join-fraction", "0.5"]
    result = runner.invoke(app, [*map(str, base), "-o", str(out), *extra])
    assert result.exit_code == 0, result.output
    settings = json.loads((out / "pare_distill.json").read_text())["settings"]
    assert (settings["noise_swap_rate"], settings["noise_typo_rate"], settings["join_fraction"]) == (
        0.2,
        0.1,
        0.5,
    )


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--layers", "4"], "the teacher has 3 blocks"),
        (["--layers", "0,3"], "block index 3 is out of range"),
        (["--init", "middle"], "--init"),
        (["--hidden-loss", "l1"], "--hidden-loss"),
        (["--alpha", "1.5"], "--alpha"),
        (["--noise-typo-rate", "-0.1"], "typo_rate"),
        (["--join-fraction", "2"], "join_fraction"),
    ],
)
def test_bad_settings_exit_2_one_line(
    bert_teacher, data_files, tmp_path, monkeypatch, capsys, extra, message
):
    out = tmp_path / "s"
    code, captured = run_main(
        ["distill", "--teacher", bert_teacher, "--data", data_files[0], "-o", out, *extra],
        monkeypatch,
        capsys,
    )
    assert code == 2
    assert captured.err.startswith("error: ") and captured.err.count("\n") == 1 and message in captured.err
    assert not out.exists() and not list(tmp_path.iterdir())


def test_bad_data_and_models_exit_2(bert_teacher, tokenizer_dir, data_files, tmp_path, monkeypatch, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("\n   \n")
    other = Taxonomy(("private_email",))
    mismatched = save_model(
        AutoModelForTokenClassification.from_config(token_config("bert", taxonomy=other)),
        tokenizer_dir,
        tmp_path / "other",
    )
    wrong_label = tmp_path / "wrong.jsonl"
    wrong_label.write_text(
        json.dumps({"text": "abc", "spans": [{"start": 0, "end": 1, "label": "secret"}]}) + "\n"
    )
    cases = [
        (["--data", empty], "no usable text"),
        (["--data", tmp_path / "missing.jsonl"], "no such file"),
        (["--data", wrong_label], "unknown label 'secret'"),
        (["--data", data_files[0], "--student", mismatched], "differ from the teacher's"),
        (["--data", data_files[0], "-o", bert_teacher], "would overwrite an input"),
    ]
    for extra, message in cases:
        out = tmp_path / "s"
        code, captured = run_main(
            ["distill", "--teacher", bert_teacher, "-o", out, *extra], monkeypatch, capsys
        )
        assert code == 2, extra
        assert (
            captured.err.startswith("error: ") and captured.err.count("\n") == 1 and message in captured.err
        )
        assert not out.exists()
    (tmp_path / "not-a-model").mkdir()
    code, captured = run_main(
        ["distill", "--teacher", tmp_path / "not-a-model", "--data", data_files[0], "-o", tmp_path / "s"],
        monkeypatch,
        capsys,
    )
    assert code == 2 and "not a model directory" in captured.err
