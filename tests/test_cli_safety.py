"""Every command that writes refuses an output path that could lose a user's data, and every bad model
directory, before any work: one line on stderr, exit status 2, and every file that existed before still there
byte for byte."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pare.io import OUTPUT_MARKER


@pytest.fixture(scope="module")
def workspace(tmp_path_factory, tiny_bert) -> Path:
    """A folder with a model, its sibling files, training data and someone's unrelated work."""
    root = tmp_path_factory.mktemp("work")
    model = tiny_bert("model")
    (root / "models").mkdir()
    os.replace(model, root / "models" / "model")
    (root / "models" / "notes.txt").write_text("my notes")
    (root / "train.jsonl").write_text(json.dumps({"text": "Ana Silva", "spans": []}) + "\n")
    (root / "thesis" / "sub").mkdir(parents=True)
    (root / "thesis" / "chapter1.tex").write_text("years of work")
    (root / "thesis" / "sub" / "data.csv").write_text("1,2,3")
    (root / "file.txt").write_text("a file")
    return root


def commands(root: Path) -> dict[str, list[object]]:
    """Each command that writes a model directory, with its arguments but the output."""
    model, train = root / "models" / "model", root / "train.jsonl"
    return {
        "trim": ["trim", model, "--keep-frequent", "50"],
        "quantize": ["quantize", model, "--method", "rtn", "--bits", "4.5"],
        "export": ["export", model],
        "finetune": ["finetune", "--train", train, "--base", model, "--epochs", "1"],
        "distill": ["distill", "--teacher", model, "--data", train, "--epochs", "1"],
    }


def assert_refused(result: tuple[int, str, str], message: str) -> None:
    code, out, err = result
    assert code == 2, (out, err)
    assert err.startswith("error: ") and err.count("\n") == 1, err
    assert message in err, err
    assert "Traceback" not in err


COMMANDS = ["trim", "quantize", "export", "finetune", "distill"]
BAD_OUTPUTS = [
    ("thesis", [], "not written by pare"),
    ("thesis", ["--overwrite"], "not written by pare"),
    ("models", ["--overwrite"], "contain the input"),
    ("models/model", ["--overwrite"], "overwrite an input"),
    ("models/model/sub", [], "inside the input"),
    ("file.txt", ["--overwrite"], "not a directory"),
    (".", ["--overwrite"], "current directory"),
]


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(("output", "flags", "message"), BAD_OUTPUTS)
def test_an_output_path_that_could_lose_data_is_refused(
    workspace, run_pare, snapshot, monkeypatch, command, output, flags, message
):
    before = snapshot(workspace)
    monkeypatch.chdir(workspace / "thesis" if output == "." else workspace)
    result = run_pare(*commands(workspace)[command], "-o", output, *flags)
    assert_refused(result, message)
    assert snapshot(workspace) == before
    assert sorted(p.name for p in workspace.iterdir()) == sorted(
        ["models", "train.jsonl", "thesis", "file.txt"]
    )


def test_a_pare_output_is_replaced_only_with_overwrite(workspace, run_pare, tmp_path, snapshot):
    args = commands(workspace)["trim"]
    out = tmp_path / "trimmed"
    assert run_pare(*args, "-o", out)[0] == 0
    assert (out / OUTPUT_MARKER).is_file()
    before = snapshot(tmp_path)
    assert_refused(run_pare(*args, "-o", out), "pass --overwrite")
    assert snapshot(tmp_path) == before
    code, _, err = run_pare(*args[:-1], "60", "-o", out, "--overwrite")
    assert code == 0, err
    assert json.loads((out / "trim.json").read_text())["keep_frequent"] == 60
    assert sorted(p.name for p in tmp_path.iterdir()) == ["trimmed"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["redact", "hi", "--model", "{model}", "-o", "{root}/file.txt"], "pass --overwrite"),
        (["redact", "hi", "--model", "{model}", "-o", "{root}/thesis"], "is a directory"),
        (["data", "synth", "-n", "2", "-o", "{root}/file.txt"], "pass --overwrite"),
        (
            ["data", "import-conll", "{root}/file.txt", "-o", "{root}/file.txt", "--overwrite"],
            "overwrite an input",
        ),
        (
            ["redact", "-f", "{root}/file.txt", "--model", "{model}", "-o", "{root}/file.txt"],
            "overwrite an input",
        ),
        (["restore", "hi", "-o", "{root}/file.txt"], "pass --overwrite"),
        (["restore", "-f", "{root}/file.txt", "-o", "{root}/file.txt", "--overwrite"], "overwrite an input"),
    ],
)
def test_a_file_output_never_replaces_a_file_unasked_or_an_input(
    workspace, run_pare, snapshot, args, message
):
    before = snapshot(workspace)
    filled = [a.format(root=workspace, model=workspace / "models" / "model") for a in args]
    assert_refused(run_pare(*filled), message)
    assert snapshot(workspace) == before


def model_copy(tiny_bert, edit) -> Path:
    model = tiny_bert("broken")
    edit(model)
    return model


def drop(name):
    return lambda d: (d / name).unlink()


def rewrite_config(change):
    def edit(d: Path) -> None:
        config = json.loads((d / "config.json").read_text())
        change(config)
        (d / "config.json").write_text(json.dumps(config))

    return edit


def as_pickle(d: Path) -> None:
    import torch
    from safetensors.torch import load_file

    torch.save(load_file(d / "model.safetensors"), d / "pytorch_model.bin")
    (d / "model.safetensors").unlink()


def truncate(name, keep=200):
    return lambda d: (d / name).write_bytes((d / name).read_bytes()[:keep])


def no_tokenizer(d: Path) -> None:
    for name in ("tokenizer.json", "tokenizer_config.json", "vocab.txt", "special_tokens_map.json"):
        (d / name).unlink(missing_ok=True)


BAD_MODELS = [
    (lambda d: None, "__missing__", "no such"),
    (lambda d: [p.unlink() for p in d.iterdir()], None, "no config.json"),
    (truncate("config.json", 40), None, "not valid JSON"),
    (rewrite_config(lambda c: c.pop("model_type")), None, "no model_type"),
    (as_pickle, None, "pytorch_model.bin (a pickle"),
    (truncate("model.safetensors", 5000), None, "truncated"),
    (drop("model.safetensors"), None, "no model weights"),
]


@pytest.mark.parametrize("command", ["trim", "quantize", "export", "distill", "finetune", "redact", "eval"])
@pytest.mark.parametrize(("edit", "special", "message"), BAD_MODELS)
def test_a_bad_model_directory_is_one_line_before_any_work(
    tiny_bert, tmp_path, run_pare, snapshot, command, edit, special, message
):
    model = tmp_path / "missing" if special == "__missing__" else model_copy(tiny_bert, edit)
    data = tmp_path / "data.jsonl"
    data.write_text(json.dumps({"text": "Ana Silva", "spans": []}) + "\n")
    args = {
        "trim": ["trim", model, "--keep-frequent", "50", "-o", tmp_path / "out"],
        "quantize": ["quantize", model, "--method", "rtn", "--bits", "4.5", "-o", tmp_path / "out"],
        "export": ["export", model, "-o", tmp_path / "out"],
        "distill": ["distill", "--teacher", model, "--data", data, "-o", tmp_path / "out"],
        "finetune": ["finetune", "--train", data, "--base", model, "-o", tmp_path / "out"],
        "redact": ["redact", "Ana Silva", "--model", model],
        "eval": ["eval", "--model", model, "--data", data],
    }[command]
    if command == "trim" and message == "no config.json":
        pytest.skip("a directory with only a tokenizer is trimmed as a tokenizer")
    before = snapshot(tmp_path)
    assert_refused(run_pare(*args), message)
    assert snapshot(tmp_path) == before


def test_silent_wrong_models_are_refused(tiny_bert, tmp_path, run_pare):
    # a token classifier's config stripped of its architecture and labels: trim used to drop the classifier
    bare = model_copy(
        tiny_bert, rewrite_config(lambda c: [c.pop(k) for k in ("architectures", "id2label", "label2id")])
    )
    assert_refused(
        run_pare("trim", bare, "--keep-frequent", "50", "-o", tmp_path / "t"),
        "does not match BertModel (unused: classifier",
    )
    # a masked-LM config over an encoder's weights: export and quantize used to invent the head at random
    masked = model_copy(tiny_bert, rewrite_config(lambda c: c.update(architectures=["BertForMaskedLM"])))
    assert_refused(
        run_pare("export", masked, "-o", tmp_path / "e"),
        "does not match BertForMaskedLM (missing: cls.predictions",
    )
    args = ("quantize", masked, "--method", "rtn", "--bits", "4.5", "-o", tmp_path / "q")
    assert_refused(run_pare(*args), "does not match BertForMaskedLM (missing: cls.predictions")
    # no tokenizer: quantize used to run and write a model nobody can feed text to
    untokenized = model_copy(tiny_bert, no_tokenizer)
    args = ("quantize", untokenized, "--method", "rtn", "--bits", "4.5", "-o", tmp_path / "q")
    assert_refused(run_pare(*args), "no tokenizer files")
    # no labels: the PII commands need a token classifier
    unlabelled = model_copy(tiny_bert, rewrite_config(lambda c: [c.pop(k) for k in ("id2label", "label2id")]))
    assert_refused(run_pare("redact", "hi", "--model", unlabelled), "no id2label")
    assert not any(tmp_path.iterdir())


def test_non_utf8_arguments_are_one_line():
    result = subprocess.run(
        [sys.executable, "-c", "from pare.cli import main; main()", "redact", b"caf\xe9", "--model", "m"],
        capture_output=True,
    )
    assert result.returncode == 2
    assert result.stderr == b"error: command-line argument 2 is not valid UTF-8\n"


def test_a_read_only_filesystem_is_one_line(workspace, run_pare, snapshot):
    target = Path("/sys/pare-test-output")
    before = snapshot(workspace)
    code, _, err = run_pare(*commands(workspace)["trim"], "-o", target)
    if code == 0:
        pytest.skip("/sys is writable here")
    assert_refused((code, "", err), "cannot write")
    assert snapshot(workspace) == before
