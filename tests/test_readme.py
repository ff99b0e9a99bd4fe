"""The README's examples run and show what they print.

Every fenced ``pare ...`` command of the README either runs here (in this process, in seconds) or is in
``LONG`` with the reason it is not run. A ``# ...`` line right after a command is its expected output; a
``json`` block right after a ``--format json`` command is its expected record. Every command of the synopsis
answers ``--help``, and the synopsis names every command the CLI has.
"""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")

# Fenced commands that take minutes, or need the output of one that does, or a key and a file the reader makes
# (the LLM round trip: examples/llm_round_trip.py does the same, run by tests/test_examples.py).
LONG = {
    "pare compress -o runs/compress": "trains a teacher and distils a student: about 35 minutes on 2 CPU cores",
    'pare redact --model runs/compress/final "Call Maria Gonzalez at +34 612 345 678"': (
        "needs runs/compress/final, the output of pare compress"
    ),
    'pare redact --operator surrogate --vault v.bin -o prompt.txt "Draft a reply to Maria Gonzalez '
    '(maria.gonzalez@example.com) confirming Friday."': "needs $PARE_KEY",
    "pare restore --vault v.bin -f answer.txt": "needs $PARE_KEY and the model's answer.txt",
}
SHELL = {"bash", "sh", "shell", "console"}


def fenced_blocks(text: str) -> list[tuple[str, str]]:
    """(info string, body) of every fenced code block, in order."""
    return [(m[1], m[2]) for m in re.finditer(r"^```(\w*)\n(.*?)^```", text, re.S | re.M)]


def readme_commands() -> list[tuple[list[str], str | None, dict | None]]:
    """Each fenced ``pare`` command as argv, with the output shown under it (a ``# `` line) or after it (a json
    block), if any."""
    blocks = fenced_blocks(README)
    found = []
    for i, (info, body) in enumerate(blocks):
        if info not in SHELL:
            continue
        lines = body.replace("\\\n", " ").splitlines()
        for j, line in enumerate(lines):
            argv = shlex.split(line, comments=True)
            if not argv or argv[0] != "pare":
                continue
            following = lines[j + 1] if j + 1 < len(lines) else ""
            shown = following[2:] if following.startswith("# ") else None
            record = None
            if "--format" in argv and argv[argv.index("--format") + 1] == "json":
                assert i + 1 < len(blocks) and blocks[i + 1][0] == "json", f"no json block after {line!r}"
                record = json.loads(blocks[i + 1][1])
            found.append((argv, shown, record))
    return found


def synopsis_commands() -> list[list[str]]:
    """The commands named in the headings of the README's Commands section, as argv."""
    section = re.search(r"^## Commands\n(.*?)^## ", README, re.S | re.M)
    assert section, "the README has no Commands section"
    headings = re.findall(r"^### (.+)$", section[1], re.M)
    return [name.split() for heading in headings for name in re.findall(r"`(pare [a-z -]+?)`", heading)]


COMMANDS = readme_commands()


def test_the_readme_has_commands_and_every_long_one_is_in_it():
    assert len(COMMANDS) >= 3
    listed = {shlex.join(argv) for argv, _, _ in COMMANDS}
    for command in LONG:
        assert shlex.join(shlex.split(command)) in listed, f"LONG names a command the README lacks: {command}"


def check_spans(record: dict) -> None:
    text = record["text"]
    assert record["detected_spans"], "the example should show at least one span"
    for span in record["detected_spans"]:
        assert text[span["start"] : span["end"]] == span["text"], span
    assert record["summary"]["span_count"] == len(record["detected_spans"])


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    """Where the README's commands run, one directory for all (a command may read what an earlier one wrote),
    with ``src`` linked so that the README's paths into the checkout resolve."""
    root = tmp_path_factory.mktemp("readme")
    (root / "src").symlink_to(Path(__file__).resolve().parents[1] / "src")
    return root


@pytest.mark.slow
@pytest.mark.parametrize(
    ("argv", "shown", "record"), COMMANDS, ids=[shlex.join(argv)[:60] for argv, _, _ in COMMANDS]
)
def test_readme_command(run_pare, monkeypatch, workdir, argv, shown, record):
    monkeypatch.chdir(workdir)
    long_commands = {shlex.join(shlex.split(c)): why for c, why in LONG.items()}
    if shlex.join(argv) in long_commands:
        pytest.skip(long_commands[shlex.join(argv)])
    code, out, err = run_pare(*argv[1:])
    assert code == 0, err
    if shown is not None:
        assert out == shown + "\n"
    if record is not None:
        check_spans(record)  # the README's own example is consistent
        got = json.loads(out)
        check_spans(got)
        keys = ("label", "start", "end", "text", "placeholder")
        assert [[s[k] for k in keys] for s in got["detected_spans"]] == [
            [s[k] for k in keys] for s in record["detected_spans"]
        ]
        assert [s["score"] for s in got["detected_spans"]] == pytest.approx(
            [s["score"] for s in record["detected_spans"]], abs=1e-3
        )
        for key in ("schema_version", "text", "redacted_text", "summary"):
            assert got[key] == record[key], key


def test_the_synopsis_names_every_command_and_each_answers_help(run_pare):
    import typer

    from pare.cli import app

    names = synopsis_commands()
    cli = typer.main.get_command(app)
    expected = set()
    for name, command in cli.commands.items():
        subcommands = getattr(command, "commands", None)
        expected |= {f"pare {name} {sub}" for sub in subcommands} if subcommands else {f"pare {name}"}
    assert {" ".join(argv) for argv in names} == expected
    for argv in names:
        code, out, err = run_pare(*argv[1:], "--help")
        assert code == 0, err
        assert "Usage" in out, argv


@pytest.mark.slow
def test_the_python_example_prints_what_it_shows(capsys):
    [code] = [body for info, body in fenced_blocks(README) if info == "python"]
    shown = [line[2:] for line in code.splitlines() if line.startswith("# ")]
    exec(compile(code, "README.md", "exec"), {"__name__": "readme_example"})
    assert capsys.readouterr().out.splitlines() == shown
