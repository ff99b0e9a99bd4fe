"""Atomic writes: outputs appear whole or not at all, and inputs are never touched."""

from __future__ import annotations

import os
import shutil
import signal
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pare.errors import PareError


def exit_on_sigterm() -> None:
    """Make SIGTERM (``kill``, ``timeout``, a job scheduler) unwind like Ctrl-C, so ``finally`` blocks run and an
    interrupted write removes its temporary directory. For programs (the CLI) to call, never the library."""
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _check_not_input(dest: Path, inputs: tuple[Path, ...]) -> None:
    for src in inputs:
        if src is not None and Path(src).resolve() == dest.resolve():
            raise PareError(f"{dest}: the output would overwrite an input; choose another output path")


@contextmanager
def atomic_dir(dest: str | Path, *, overwrite: bool = True, inputs: tuple[Path, ...] = ()) -> Iterator[Path]:
    """Yield a fresh temporary directory next to ``dest``; rename it to ``dest`` only if the block succeeds.

    The temporary directory lives in the same parent so the final rename is atomic on one filesystem.
    An existing ``dest`` is replaced only after the new one is complete (``overwrite=True``).
    """
    dest = Path(dest)
    _check_not_input(dest, inputs)
    if dest.exists() and not overwrite:
        raise PareError(f"{dest}: already exists")
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent))
    tmp.chmod(0o777 & ~_umask())  # mkdtemp makes 0700; the output should get the usual permissions
    try:
        yield tmp
        if dest.exists():
            old = dest.with_name(f".{dest.name}.old-{os.getpid()}")
            os.replace(dest, old)
            os.replace(tmp, dest)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, dest)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


@contextmanager
def atomic_file(dest: str | Path, *, inputs: tuple[Path, ...] = ()) -> Iterator[Path]:
    """Yield a temporary path next to ``dest``; move it over ``dest`` only if the block succeeds."""
    dest = Path(dest)
    _check_not_input(dest, inputs)
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
    os.close(fd)
    tmp = Path(name)
    tmp.chmod(0o666 & ~_umask())  # mkstemp makes 0600
    try:
        yield tmp
        os.replace(tmp, dest)
    finally:
        if tmp.exists():
            tmp.unlink()


def read_utf8(path: str | Path, what: str = "a text file") -> str:
    """A whole UTF-8 file; missing, unreadable or undecodable files are a ``PareError`` naming FILE[:LINE]."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise PareError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise PareError(f"{path}: is a directory, expected {what}") from None
    except OSError as err:
        raise PareError(f"{path}: cannot read ({err.strerror})") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise PareError(f"{path}:{line}: not valid UTF-8") from None
