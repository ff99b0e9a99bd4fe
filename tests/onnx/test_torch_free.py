"""The runtime install: with torch and transformers unimportable, pare redact and pare eval run an ONNX export,
and a command that needs training code says which extra to install, in one line."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import typer

from pare.cli import app
from pare.cli.train import distill_defaults, finetune_defaults, quantize_defaults

# a finder that makes torch and transformers look uninstalled, before pare is imported
BLOCKED_RUN = """
import sys
class Uninstalled:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("torch", "transformers"):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
sys.meta_path.insert(0, Uninstalled())
sys.argv = ["pare", *sys.argv[1:]]
from pare.cli import main
main()
"""


def run_without_torch(*args: object) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", BLOCKED_RUN, *map(str, args)], capture_output=True, text=True, timeout=300
    )


def test_redact_runs_an_onnx_export_without_torch(default_onnx):
    done = run_without_torch(
        "redact", "--model", default_onnx, "--format", "json", "Mail jane.doe@example.com"
    )
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert [(s["label"], s["text"]) for s in record["detected_spans"]] == [
        ("private_email", "jane.doe@example.com")
    ]
    assert record["redacted_text"] == "Mail <PRIVATE_EMAIL>"


def test_eval_runs_an_onnx_export_without_torch(default_onnx, tmp_path):
    docs = [
        {
            "text": "Write to anna.berg@example.com today.",
            "spans": [{"start": 9, "end": 30, "label": "private_email"}],
        },
        {"text": "Call +34 612 345 678.", "spans": [{"start": 5, "end": 20, "label": "private_phone"}]},
        {"text": "Nothing to see here.", "spans": []},
    ]
    data = tmp_path / "few.jsonl"
    data.write_text("".join(json.dumps(d) + "\n" for d in docs))
    done = run_without_torch("eval", "--model", default_onnx, "--data", data, "--json")
    assert done.returncode == 0, done.stderr
    scores = json.loads(done.stdout)
    assert scores["n_docs"] == 3 and scores["micro"]["f1"] == 1.0


@pytest.mark.parametrize(
    "args", [("finetune", "--train", "t.jsonl", "-o", "out"), ("quantize", "m", "-o", "q")]
)
def test_a_command_that_needs_torch_names_the_extra(args):
    done = run_without_torch(*args)
    assert done.returncode == 2
    assert done.stderr == f"error: pare {args[0]} needs torch: pip install 'pare[train]'\n"


@pytest.mark.parametrize(
    "command, defaults",
    [("finetune", finetune_defaults), ("distill", distill_defaults), ("quantize", quantize_defaults)],
)
def test_lazy_option_defaults_are_the_library_config_defaults(command, defaults):
    """The training commands read their defaults when they run (no torch import before); what they get, and what
    a flag pair's help shows (its declared default), is the library config's."""
    click_command = typer.main.get_command(app).commands[command]
    ctx = click_command.make_context(command, [], resilient_parsing=True)
    expected = defaults()
    assert {name: ctx.params[name] for name in expected} == expected
    for param in click_command.params:
        if getattr(param, "secondary_opts", None) and param.name in expected:
            assert param.default == expected[param.name], param.name
