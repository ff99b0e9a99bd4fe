"""One writer per output: an exclusive advisory lock held by a file job for as long as it runs.

The lock is ``fcntl.flock`` on the file ``LOCK_NAME`` inside the job's work directory, taken without waiting,
with the holder's process id written into it for the message a second job gets. The kernel releases a flock
when its holder exits or is killed (SIGKILL included), so a stale lock file never blocks a resume. The holder
unlinks the file when it lets go, and a job that locked a file someone unlinked meanwhile locks the one now at
the path instead: two jobs never hold locks on two different files of the same directory.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from pare.errors import PareError

try:
    import fcntl
except ImportError:  # Windows has no flock: file jobs run unlocked there (pare's CI is Linux)
    fcntl = None  # type: ignore[assignment]

LOCK_NAME = "lock"
_TRIES = 20  # each retry means another holder came and went between our open and our flock


@contextlib.contextmanager
def exclusive_lock(directory: Path, output: str | Path) -> Iterator[None]:
    """Hold the lock of ``directory`` (created if missing) while the block runs. If another process holds it,
    raise a ``PareError`` naming ``output`` and that process. On leaving, the lock file goes, and the directory
    too if nothing else is in it."""
    if fcntl is None:
        yield
        return
    path = Path(directory) / LOCK_NAME
    fd = _acquire(path, output)
    try:
        yield
    finally:
        _release(fd, path)


def _acquire(path: Path, output: str | Path) -> int:
    """An open descriptor of ``path`` on which this process holds the flock, its pid written in."""
    for _ in range(_TRIES):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except FileNotFoundError:
            continue  # the holder removed the directory between our mkdir and open
        except OSError as err:
            raise PareError(f"{output}: cannot write ({err.strerror})") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(fd)
            os.close(fd)
            raise PareError(
                f"{output}: another pare process ({holder}) is writing this output; "
                "wait for it to finish or choose another output path"
            ) from None
        if _is_at(fd, path):
            _write_pid(fd)
            return fd
        os.close(fd)  # we locked a file its holder unlinked on leaving: lock the one at the path now
    raise PareError(f"{output}: cannot lock {path} (it keeps changing); try again")


def _is_at(fd: int, path: Path) -> bool:
    """Whether the open file ``fd`` is the file now at ``path``."""
    try:
        here = path.stat()
    except FileNotFoundError:
        return False
    there = os.fstat(fd)
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


def _write_pid(fd: int) -> None:
    # written before truncating, so a reader sees an old or the new pid on the first line, never nothing
    data = f"{os.getpid()}\n".encode()
    os.pwrite(fd, data, 0)
    os.ftruncate(fd, len(data))


def _holder(fd: int) -> str:
    """The holder's "pid N" as it wrote it in the lock file, or "pid unknown" before it has."""
    first = os.pread(fd, 32, 0).split(b"\n", 1)[0].strip()
    return f"pid {int(first)}" if first.isdigit() else "pid unknown"


def _release(fd: int, path: Path) -> None:
    """Unlink the lock file (if it is still ours) while holding it, then let go by closing it."""
    try:
        if _is_at(fd, path):
            path.unlink()
        with contextlib.suppress(OSError):
            path.parent.rmdir()  # only succeeds when the lock was all the directory held
    finally:
        os.close(fd)
