"""The one-writer lock: refused with the holder's pid, released on exit and on SIGKILL, never split in two."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from pare.errors import PareError
from pare.pii import lock
from pare.pii.lock import LOCK_NAME, exclusive_lock

fcntl = pytest.importorskip("fcntl")

HOLD = """
import sys, time
from pathlib import Path
from pare.pii.lock import exclusive_lock
with exclusive_lock(Path(sys.argv[1]), "held"):
    print("held", flush=True)
    time.sleep(120)
"""


def hold_in_subprocess(directory: Path) -> subprocess.Popen:
    """A process that holds the lock of ``directory`` until it is killed (returned once it holds it)."""
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(directory)], stdout=subprocess.PIPE)
    assert proc.stdout is not None and proc.stdout.readline() == b"held\n"
    return proc


def refusal(output: object, pid: int | str) -> str:
    holder = f"pid {pid}" if isinstance(pid, int) else pid
    return (
        f"{output}: another pare process ({holder}) is writing this output; "
        "wait for it to finish or choose another output path"
    )


def test_a_second_holder_is_refused_with_the_first_ones_pid(tmp_path):
    work = tmp_path / ".out.jsonl.pare-work"
    with exclusive_lock(work, "out.jsonl"):
        assert (work / LOCK_NAME).read_text() == f"{os.getpid()}\n"
        with pytest.raises(PareError) as refused, exclusive_lock(work, "out.jsonl"):
            pytest.fail("the lock was taken twice")
        assert str(refused.value) == refusal("out.jsonl", os.getpid())
        assert (work / LOCK_NAME).is_file()  # the refused attempt left the holder's file alone
    assert not work.exists()  # the lock was all the directory held
    with exclusive_lock(work, "out.jsonl"):
        pass


def test_release_keeps_the_rest_of_the_directory(tmp_path):
    work = tmp_path / "work"
    with exclusive_lock(work, "out"):
        (work / "00000-000000.json").write_text("[]")
    assert [p.name for p in work.iterdir()] == ["00000-000000.json"]


def test_a_holder_that_has_not_written_its_pid_yet(tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    fd = os.open(work / LOCK_NAME, os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        with pytest.raises(PareError) as refused, exclusive_lock(work, "out"):
            pass
        assert str(refused.value) == refusal("out", "pid unknown")
    finally:
        os.close(fd)


def test_a_killed_holder_releases_the_lock(tmp_path):
    work = tmp_path / "work"
    proc = hold_in_subprocess(work)
    try:
        with pytest.raises(PareError) as refused, exclusive_lock(work, "out"):
            pass
        assert str(refused.value) == refusal("out", proc.pid)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    assert (work / LOCK_NAME).read_text() == f"{proc.pid}\n"  # no clean-up ran: the stale file stays
    with exclusive_lock(work, "out"):
        assert (work / LOCK_NAME).read_text() == f"{os.getpid()}\n"
    assert not work.exists()


def test_a_file_unlinked_between_open_and_flock_is_not_trusted(tmp_path, monkeypatch):
    """The holder leaves (unlinking the file) just after we opened it: locking that orphan would let a third
    job lock a fresh file beside us. The lock must end up on the file at the path."""
    work = tmp_path / "work"
    path = work / LOCK_NAME
    calls = []

    def flock(fd: int, operation: int) -> None:
        calls.append(fd)
        if len(calls) == 1:
            path.unlink()  # the previous holder's release
        fcntl.flock(fd, operation)

    monkeypatch.setattr(
        lock, "fcntl", SimpleNamespace(flock=flock, LOCK_EX=fcntl.LOCK_EX, LOCK_NB=fcntl.LOCK_NB)
    )
    with exclusive_lock(work, "out"):
        monkeypatch.undo()
        assert len(calls) == 2
        with pytest.raises(PareError, match="another pare process"), exclusive_lock(work, "out"):
            pass
    assert not work.exists()


def test_an_unwritable_place_is_one_line(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(PareError) as refused, exclusive_lock(tmp_path / "file" / "work", "out"):
        pass
    assert str(refused.value) == "out: cannot write (Not a directory)"
