"""File jobs: written whole or not at all, resumed byte for byte after a kill, bad records, workers."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pare.errors import PareError
from pare.pii import KeyRing
from pare.pii.job import DetectSettings, JobConfig, run_job, work_dir_for
from pare.pii.operators import PolicyOptions, build_policy

WORDS = [
    "ana",
    "lee",
    "called",
    "bob",
    "at",
    "home",
    "on",
    "monday",
    ",",
    "the",
    "office",
    "in",
    ".",
    "berlin",
]
KEYS = KeyRing.from_secret(b"job-test-key")


def _corpus(path: Path, n: int, seed: int = 0) -> Path:
    import random

    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 60)))
            fh.write(json.dumps({"id": i, "text": words, "meta": {"n": i / 7}}) + "\n")
    return path


def _run(src, out, detector_settings, chunk_chars=400, policy_options=PolicyOptions(), **config):
    settings, detector = detector_settings
    settings = DetectSettings(settings.model_dir, chunk_chars=chunk_chars)
    policy = build_policy(policy_options)
    return run_job(src, out, detector, settings, policy, KEYS, JobConfig(**config))


RUN_SCOPES = PolicyOptions(index=True, consistent="run", every_occurrence="run")


def test_chunk_sizes_and_run_scopes_give_the_whole_corpus_output(tmp_path, detector_settings):
    src = _corpus(tmp_path / "in.jsonl", 40)
    one = _run(src, tmp_path / "one.jsonl", detector_settings, 10**9, RUN_SCOPES)
    many = _run(src, tmp_path / "many.jsonl", detector_settings, 150, RUN_SCOPES)
    assert (one.documents, many.documents) == (40, 40)
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "many.jsonl").read_bytes()
    records = [
        json.loads(line) for line in (tmp_path / "many.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert [r["id"] for r in records] == list(range(40)) and records[7]["meta"] == {"n": 1.0}
    assert any("_" in r["text"] for r in records)  # indexed placeholders were given
    assert not work_dir_for(tmp_path / "many.jsonl").exists()


def test_an_interrupted_job_leaves_no_output_and_resumes(tmp_path, detector_settings, monkeypatch):
    src = _corpus(tmp_path / "in.jsonl", 30)
    out = tmp_path / "out.jsonl"
    settings, detector = detector_settings
    calls = []

    def stop_after_two(progress):
        calls.append(progress)
        if len(calls) == 2:
            raise KeyboardInterrupt

    policy = build_policy(RUN_SCOPES)
    with pytest.raises(KeyboardInterrupt):
        run_job(src, out, detector, settings, policy, KEYS, JobConfig(fmt="json"), on_progress=stop_after_two)
    assert not out.exists() and len(list(work_dir_for(out).glob("0*.json"))) == 2
    assert calls[0].documents > 0 and 0 < calls[0].done < 1
    resumed = run_job(src, out, detector, settings, policy, KEYS, JobConfig(fmt="json"))
    assert resumed.resumed == 2
    fresh = run_job(src, tmp_path / "fresh.jsonl", detector, settings, policy, KEYS, JobConfig(fmt="json"))
    assert fresh.resumed == 0 and out.read_bytes() == (tmp_path / "fresh.jsonl").read_bytes()
    # a changed input invalidates the checkpoints
    calls.clear()
    with pytest.raises(KeyboardInterrupt):
        run_job(src, tmp_path / "x.jsonl", detector, settings, policy, KEYS, on_progress=stop_after_two)
    _corpus(src, 30, seed=1)
    assert run_job(src, tmp_path / "x.jsonl", detector, settings, policy, KEYS).resumed == 0


def test_resume_after_sigkill_is_byte_identical(tmp_path, detector_settings, run_pare):
    """A real process killed mid-run (SIGKILL: no clean-up at all), then the same command again."""
    src = _corpus(tmp_path / "in.jsonl", 120)
    out = tmp_path / "out.jsonl"
    model = detector_settings[0].model_dir
    args = ["redact", "-f", src, "--model", model, "-o", out, "--format", "json", "--chunk-size", "300"]
    args += ["--index", "--consistent", "run"]
    pare = Path(sys.executable).with_name("pare")
    proc = subprocess.Popen([str(pare), *map(str, args)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    work = work_dir_for(out)
    deadline = time.monotonic() + 120
    while len(list(work.glob("0*.json"))) < 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL and not out.exists(), "the job ended before it was killed"
    assert (work / "lock").read_text() == f"{proc.pid}\n"  # its lock file stays, but the kernel let go of it
    code, _, err = run_pare(*args)  # the same command again (in this process: faster than a new one)
    assert code == 0 and "resumed:" in err and not work.exists()
    fresh = tmp_path / "fresh.jsonl"
    args[args.index(out)] = fresh
    assert run_pare(*args)[0] == 0
    assert out.read_bytes() == fresh.read_bytes()
    assert not [p for p in tmp_path.iterdir() if ".pare-" in p.name]  # no temporary left behind


def test_bad_records_stop_skip_or_keep(tmp_path, detector_settings):
    src = tmp_path / "in.jsonl"
    src.write_bytes(b'{"text": "ana"}\n{"text": 5}\n{"nope": "x"}\nnot json\n{"text": "bob"}\n')
    out = tmp_path / "out.jsonl"
    with pytest.raises(PareError, match=r"in.jsonl:2: expected a JSON object with a string field 'text'"):
        _run(src, out, detector_settings)
    assert not out.exists() and not work_dir_for(out).exists()
    report = tmp_path / "errors.jsonl"
    skipped = _run(src, out, detector_settings, on_error="skip", errors=str(report))
    assert (skipped.rows, len(skipped.bad)) == (2, 3)
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2
    listed = [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]
    assert [(b["row"], b["where"], b["field"]) for b in listed] == [
        (1, f"{src}:2", "text"),
        (2, f"{src}:3", "text"),
        (3, f"{src}:4", "text"),
    ]
    kept = tmp_path / "kept.jsonl"
    _run(src, kept, detector_settings, on_error="keep", errors=str(tmp_path / "e2.jsonl"))
    lines = kept.read_bytes().splitlines()
    assert lines[1:4] == [b'{"text": 5}', b'{"nope": "x"}', b"not json"]


def test_workers_give_one_process_output(tmp_path, detector_settings):
    src = _corpus(tmp_path / "in.jsonl", 30)
    one = _run(src, tmp_path / "one.jsonl", detector_settings, fmt="json")
    two = _run(src, tmp_path / "two.jsonl", detector_settings, fmt="json", workers=2)
    assert one.documents == two.documents == 30
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()
    assert not work_dir_for(tmp_path / "two.jsonl").exists()  # nor its lock file
