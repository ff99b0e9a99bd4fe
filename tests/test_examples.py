"""The scripts under examples/ run and do what they say."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def sections(out: str) -> dict[str, str]:
    """``--- TITLE ---`` blocks of the script's output, by title."""
    parts = re.split(r"^--- (.+) ---$", out, flags=re.MULTILINE)
    return {title: body.strip("\n") for title, body in zip(parts[1::2], parts[2::2], strict=True)}


@pytest.mark.slow
def test_llm_round_trip_hides_the_originals_from_the_model_and_restores_them():
    env = {**os.environ, "PARE_KEY": "a test key"}
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / "llm_round_trip.py")],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    texts = sections(done.stdout)
    assert list(texts) == ["prompt sent to the model", "the model's answer", "the answer, restored"]
    sent, answer, restored = texts.values()
    people = ["Maria Gonzalez", "Jonas Weber"]
    originals = [*people, "maria.gonzalez@example.com", "+34 612 345 678"]
    for value in originals:
        assert value not in sent, f"{value!r} reached the model"
        assert value not in answer
    for value in [*people, "maria.gonzalez@example.com"]:  # what the answer quotes
        assert value in restored
    assert "Friday" in sent and "Friday" in restored, "the text around the PII is kept"
    assert restored.count("Jonas Weber") == 2, "every occurrence of a surrogate is restored"
