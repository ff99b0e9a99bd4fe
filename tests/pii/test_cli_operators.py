"""``pare redact`` with operators, thresholds and a vault, and ``pare restore``, end to end."""

from __future__ import annotations

import json

import pytest

PP = "<PRIVATE_PERSON>"


@pytest.fixture
def pare(run_pare):
    """``pare(*args, stdin=None)``: (exit status, stdout, stderr) of ``pare ARGS`` in this process."""
    return run_pare


@pytest.fixture
def key(monkeypatch):
    monkeypatch.setenv("PARE_KEY", "a test key")


@pytest.fixture
def no_key(monkeypatch):
    monkeypatch.delenv("PARE_KEY", raising=False)


def one_line_error(result, message: str) -> None:
    code, out, err = result
    assert code == 2 and out == "", err
    assert err.startswith("error: ") and message in err and err.count("\n") == 1, err


def test_without_operator_options_the_output_is_unchanged(pare, all_person_dir):
    assert pare("redact", "ana  silva", "--model", all_person_dir) == (0, f"{PP}  {PP}\n", "")
    _, out, _ = pare("redact", "ana, hi", "--model", all_person_dir, "--format", "json")
    assert json.loads(out)["summary"] == {"span_count": 2, "by_label": {"private_person": 2}}
    _, out, _ = pare("redact", "ana  silva", "--model", all_person_dir, "--mode", "mask")
    assert out == "*** *****\n".replace(" ", "  ", 1)


def test_jsonl_round_trip_with_a_vault(pare, key, all_person_dir, tmp_path):
    texts = ["ana met bob; ana left", "", "Call Ana Silva at home\n\nbob", "x"]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    ops = tmp_path / "ops.yaml"
    ops.write_text("private_person: {operator: surrogate}\n", encoding="utf-8")
    out, vault, back = tmp_path / "out.jsonl", tmp_path / "run.vault", tmp_path / "back.jsonl"
    args = ("redact", "-f", src, "--model", all_person_dir, "--operators", ops, "--vault", vault, "-o", out)
    assert pare(*args, "--consistent", "run") == (0, "", "")
    redacted = [json.loads(line)["text"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(redacted) == 4 and not any(word in redacted[0] for word in ("ana", "bob"))
    assert b"ana" not in vault.read_bytes()
    assert pare("restore", "-f", out, "--vault", vault, "-o", back) == (0, "", "")
    assert [json.loads(line)["text"] for line in back.read_text(encoding="utf-8").splitlines()] == texts
    # the vault is an output like -o: never replaced unasked
    one_line_error(pare(*args), "pass --overwrite")
    assert pare(*args, "--overwrite", "--operator", "encrypt") == (0, "", "")


def test_text_round_trip_through_stdout_and_stdin_with_a_key_file(pare, no_key, all_person_dir, tmp_path):
    key_file = tmp_path / "key"
    key_file.write_text("file key\n", encoding="utf-8")
    vault = tmp_path / "v"
    code, out, err = pare(
        "redact",
        "ana met bob",
        "--model",
        all_person_dir,
        "--index",
        "--vault",
        vault,
        "--key-file",
        key_file,
    )
    assert (code, out) == (0, "<PRIVATE_PERSON_1> <PRIVATE_PERSON_2> <PRIVATE_PERSON_3>\n"), err
    code, back, err = pare("restore", "--vault", vault, "--key-file", key_file, stdin=out.encode())
    assert (code, back) == (0, "ana met bob\n"), err
    code, out, _ = pare(
        "redact", "ana met ana", "--model", all_person_dir, "--operator", "encrypt", "--key-file", key_file
    )
    assert out.count("<ENC:PRIVATE_PERSON:") == 3 and len(set(out.split())) == 2
    assert pare("restore", out.strip(), "--key-file", key_file) == (0, "ana met ana\n", "")


def test_wrong_or_missing_key_is_one_line_and_writes_nothing(pare, monkeypatch, all_person_dir, tmp_path):
    monkeypatch.setenv("PARE_KEY", "right")
    vault, out = tmp_path / "v", tmp_path / "out.txt"
    assert (
        pare(
            "redact", "ana", "--model", all_person_dir, "--operator", "surrogate", "--vault", vault, "-o", out
        )[0]
        == 0
    )
    monkeypatch.setenv("PARE_KEY", "wrong")
    back = tmp_path / "back.txt"
    one_line_error(pare("restore", "-f", out, "--vault", vault, "-o", back), "wrong key")
    enc = tmp_path / "enc.txt"
    monkeypatch.setenv("PARE_KEY", "right")
    assert pare("redact", "ana", "--model", all_person_dir, "--operator", "encrypt", "-o", enc)[0] == 0
    monkeypatch.setenv("PARE_KEY", "wrong")
    one_line_error(pare("restore", "-f", enc, "-o", back), "no encrypted value decrypts with this key")
    monkeypatch.delenv("PARE_KEY")
    one_line_error(pare("restore", "-f", enc, "-o", back), "pare restore needs a key: set PARE_KEY")
    one_line_error(
        pare("redact", "ana", "--model", all_person_dir, "--operator", "hash"), "'hash' needs a key"
    )
    one_line_error(pare("redact", "ana", "--model", all_person_dir, "--vault", vault), "--vault needs a key")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["enc.txt", "out.txt", "v"]


def test_bad_options_are_one_line_before_any_work(pare, key, all_person_dir, tmp_path):
    ops = tmp_path / "ops.yaml"
    ops.write_text("private_person: {operator: hash, length: 3}\n", encoding="utf-8")
    model = ("--model", all_person_dir)
    one_line_error(pare("redact", "ana", *model, "--operators", ops), "ops.yaml: private_person.length")
    ops.write_text("private_persons: keep\n", encoding="utf-8")
    one_line_error(
        pare("redact", "ana", *model, "--operators", ops), "ops.yaml: unknown label 'private_persons'"
    )
    corpus = tmp_path / "in.jsonl"
    corpus.write_text('{"text": "ana"}\n', encoding="utf-8")
    for engine in (("--workers", "2"), ("--engine", "ray")):  # labels checked in the driver, no model loaded
        one_line_error(
            pare("redact", "-f", corpus, "-o", tmp_path / "o", *model, "--operators", ops, *engine),
            "unknown label 'private_persons'",
        )
    corpus.unlink()
    one_line_error(pare("redact", "ana", *model, "--min-score", "2"), "--min-score 2: expected")
    one_line_error(pare("redact", "ana", *model, "--operator", "blur"), "--operator: unknown operator 'blur'")
    one_line_error(
        pare("redact", "ana", *model, "--mode", "mask", "--operator", "keep"), "--mode or --operator"
    )
    same = tmp_path / "same.txt"
    one_line_error(pare("redact", "ana", *model, "-o", same, "--vault", same), "name the same file")
    one_line_error(pare("restore", "x", "-f", ops), "either TEXT or -f FILE")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ops.yaml"]


def test_min_score_counts_what_it_leaves(pare, all_person_dir):
    args = ("redact", "ana bob", "--model", all_person_dir, "--format", "json")
    code, out, _ = pare(*args, "--min-score", "private_person=1")
    summary = json.loads(out)["summary"]
    assert code == 0 and summary["span_count"] + summary["below_min_score"]["span_count"] == 2
    code, out, _ = pare(*args, "--min-score", "0")
    assert json.loads(out)["summary"]["below_min_score"] == {"span_count": 0, "by_label": {}}


@pytest.mark.slow
def test_the_shipped_model_round_trips_a_mix_of_operators(pare, key, tmp_path):
    text = "Call Maria Gonzalez at +34 612 345 678 or write to maria@example.com. Maria Gonzalez said hi."
    ops = tmp_path / "ops.json"
    ops.write_text(
        json.dumps(
            {
                "private_person": {"operator": "surrogate", "locale": "es_ES"},
                "private_phone": {"operator": "replace", "indexed": True},
                "private_email": "encrypt",
            }
        ),
        encoding="utf-8",
    )
    src, out, vault, back = (tmp_path / n for n in ("in.txt", "out.txt", "v", "back.txt"))
    src.write_text(text, encoding="utf-8")
    code, _, err = pare("redact", "-f", src, "--operators", ops, "--vault", vault, "-o", out)
    assert code == 0, err
    redacted = out.read_text(encoding="utf-8")
    assert "Maria" not in redacted and "612" not in redacted and "maria@" not in redacted
    assert "<PRIVATE_PHONE_1>" in redacted and "<ENC:PRIVATE_EMAIL:" in redacted
    assert pare("restore", "-f", out, "--vault", vault, "-o", back) == (0, "", "")
    assert back.read_text(encoding="utf-8") == text
