import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pare.data.jsonl import read_jsonl
from pare.labels import PRIVACY_FILTER_CATEGORIES

PARE = Path(sys.executable).parent / "pare"


def run(*args, hash_seed="0"):
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    cmd = [str(PARE), "data", "synth", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=600, env=env)


def test_cli_writes_valid_jsonl_and_is_deterministic_across_processes(tmp_path):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    args = ["--n", "40", "--seed", "9", "--locales", "en,de", "--split", "test", "--test-fraction", "0.3"]
    result = run(*args, "-o", str(a))
    assert result.returncode == 0, result.stderr
    assert "wrote 40 documents" in result.stdout
    docs = read_jsonl(a, PRIVACY_FILTER_CATEGORIES)
    assert len(docs) == 40
    assert {d.meta["template"][:3] for d in docs} <= {"en-", "de-"}
    assert run(*args, "-o", str(b)).returncode == 0
    assert a.read_bytes() == b.read_bytes()


def test_text_only_writes_unlabelled_transfer_documents(tmp_path):
    out = tmp_path / "transfer.jsonl"
    result = run("--n", "30", "--seed", "2", "--split", "transfer", "--text-only", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "wrote 30 unlabelled documents" in result.stdout
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 30 and all(set(r) == {"text"} and r["text"].strip() for r in records)


def test_same_seed_same_bytes_whatever_the_string_hash_seed(tmp_path):
    # Faker builds some data lists from sets (it_IT cities), whose order follows PYTHONHASHSEED
    outs = [tmp_path / f"{h}.jsonl" for h in ("1", "2")]
    for hash_seed, out in zip(("1", "2"), outs, strict=True):
        result = run("--n", "400", "--seed", "3", "-o", str(out), hash_seed=hash_seed)
        assert result.returncode == 0, result.stderr
    assert outs[0].read_bytes() == outs[1].read_bytes()


@pytest.mark.parametrize(
    "args",
    [["--n", "0"], ["--n", "5", "--locales", "en,klingon"], ["--n", "5", "--split", "validation"]],
)
def test_cli_bad_arguments_exit_2_with_one_line_and_write_nothing(tmp_path, args):
    out = tmp_path / "out.jsonl"
    result = run(*args, "-o", str(out))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    assert not out.exists() and not list(tmp_path.iterdir())
