"""One writer per output: a second job on an output another one is writing stops before any work."""

from __future__ import annotations

import os
import signal

import pytest
from test_job import KEYS, RUN_SCOPES, _corpus
from test_lock import hold_in_subprocess, refusal

from pare.errors import PareError
from pare.pii.job import DetectSettings, JobConfig, run_job, work_dir_for
from pare.pii.lock import LOCK_NAME, exclusive_lock
from pare.pii.operators import build_policy

pytest.importorskip("fcntl")


def _leftovers(directory) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if ".pare-" in p.name)


def test_a_held_output_is_refused_before_any_work(tmp_path, detector_settings, snapshot):
    settings, detector = detector_settings
    policy = build_policy(RUN_SCOPES)
    src = _corpus(tmp_path / "in.jsonl", 30)
    out = tmp_path / "out.jsonl"
    work = work_dir_for(out)

    def stop_after_two(progress):
        if progress.documents and len(list(work.glob("0*.json"))) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_job(src, out, detector, settings, policy, KEYS, on_progress=stop_after_two)
    assert not (work / LOCK_NAME).exists()  # an interrupted job lets go of its lock file
    with exclusive_lock(work, out):  # the first job, running
        before = snapshot(work)
        with pytest.raises(PareError) as refused:
            run_job(src, out, detector, settings, policy, KEYS, JobConfig(workers=2))
        assert str(refused.value) == refusal(out, os.getpid())
        assert snapshot(work) == before and not out.exists()
        assert _leftovers(tmp_path) == [work.name]  # no temporary output was started
    resumed = run_job(src, out, detector, settings, policy, KEYS)
    assert resumed.resumed == 2 and out.is_file()
    assert _leftovers(tmp_path) == []  # neither the work directory nor its lock file stays


def test_a_directory_job_locks_its_output_root(tmp_path, detector_settings):
    settings, detector = detector_settings
    policy = build_policy(RUN_SCOPES)
    src = tmp_path / "in"
    src.mkdir()
    _corpus(src / "a.jsonl", 5)
    _corpus(src / "sub.jsonl", 5, seed=1)
    out = tmp_path / "out"
    with exclusive_lock(work_dir_for(out), out), pytest.raises(PareError, match="another pare process"):
        run_job(src, out, detector, settings, policy, KEYS)
    assert not out.exists()
    run_job(src, out, detector, settings, policy, KEYS)
    assert sorted(p.name for p in out.iterdir()) == [".pare-output", "a.jsonl", "sub.jsonl"]
    assert _leftovers(tmp_path) == []


def test_stale_checkpoints_are_cleared_but_the_lock_stays(tmp_path, detector_settings):
    """Checkpoints of another job (here: another chunk size) are cleared on the first save; clearing them must not
    take the running job's lock file with them, or a second job could lock a fresh one and write beside it."""
    settings, detector = detector_settings
    policy = build_policy(RUN_SCOPES)
    src = _corpus(tmp_path / "in.jsonl", 30)
    out = tmp_path / "out.jsonl"
    work = work_dir_for(out)

    def stop(progress):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_job(src, out, detector, settings, policy, KEYS, on_progress=stop)
    checks = []

    def second_job_refused(progress):
        with pytest.raises(PareError, match="another pare process"), exclusive_lock(work, out):
            pass
        checks.append((work / LOCK_NAME).read_text())

    other = DetectSettings(settings.model_dir, chunk_chars=150)
    result = run_job(src, out, detector, other, policy, KEYS, on_progress=second_job_refused)
    assert result.resumed == 0 and checks and set(checks) == {f"{os.getpid()}\n"}
    assert _leftovers(tmp_path) == []


def test_a_killed_holder_does_not_block_the_next_run(tmp_path, detector_settings, run_pare):
    src = _corpus(tmp_path / "in.jsonl", 10)
    out = tmp_path / "out.jsonl"
    args = ["redact", "-f", src, "--model", detector_settings[0].model_dir, "-o", out]
    holder = hold_in_subprocess(work_dir_for(out))
    try:
        code, _, err = run_pare(*args)
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait()
    assert (code, err) == (2, f"error: {refusal(out, holder.pid)}\n")
    code, _, err = run_pare(*args)
    assert code == 0 and out.is_file() and _leftovers(tmp_path) == []
