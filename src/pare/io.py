"""Safe, atomic outputs: a result appears whole or not at all, and nothing pare did not write is ever removed.

The rule for an output path ``-o DEST`` (that of ``cp`` and ``save_pretrained``, made safe):
- a new path is written; an empty directory is replaced;
- an existing directory is replaced only when pare wrote it (it holds ``OUTPUT_MARKER``) and ``overwrite`` is
  given; an existing file only when ``overwrite`` is given; anything else is refused;
- an output never equals, lies inside or contains an input, nor the current directory.
The check runs before any work (``check_output``) and again at the final rename. A replacement swaps the two
directories in one atomic step where the system allows it, so a crash leaves the old output or the new one.
Temporaries carry the writer's process id; the next write to the same path removes those of dead processes.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import re
import shutil
import signal
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from pare.errors import PareError

# Written into every directory pare outputs: only such a directory may be replaced (with ``overwrite``).
OUTPUT_MARKER = ".pare-output"
_MARKER_TEXT = '{"written_by": "pare"}\n'
_TEMP_KINDS = ("tmp", "old")


def exit_on_sigterm() -> None:
    """Make SIGTERM (``kill``, ``timeout``, a job scheduler) unwind like Ctrl-C, so ``finally`` blocks run and an
    interrupted write removes its temporary directory. For programs (the CLI) to call, never the library."""
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def written_by_pare(path: str | Path) -> bool:
    """Whether ``path`` is a directory that pare wrote (it holds the output marker)."""
    return (Path(path) / OUTPUT_MARKER).is_file()


def mark_output(path: str | Path) -> None:
    """Mark a directory pare builds in place (a ``pare compress`` run) as pare's own."""
    marker = Path(path) / OUTPUT_MARKER
    if not marker.is_file():
        marker.write_text(_MARKER_TEXT, encoding="utf-8")


def _is_empty_dir(path: Path) -> bool:
    return path.is_dir() and not path.is_symlink() and next(path.iterdir(), None) is None


def _check_inputs(dest: Path, inputs: Iterable[str | Path | None]) -> None:
    """Refuse an output that is, lies inside, or contains an input (symlinks resolved)."""
    target = dest.resolve()
    for src in inputs:
        if src is None:
            continue
        source = Path(src).resolve()
        if target == source:
            raise PareError(f"{dest}: the output would overwrite an input; choose another output path")
        if source in target.parents:
            raise PareError(f"{dest}: the output would be inside the input {src}; choose another output path")
        if target in source.parents:
            raise PareError(f"{dest}: the output would contain the input {src}; choose another output path")


def check_output(
    dest: str | Path,
    *,
    inputs: Iterable[str | Path | None] = (),
    overwrite: bool = False,
    is_dir: bool = True,
) -> None:
    """Raise ``PareError`` unless ``dest`` may be written by the rule above. Call it before any work."""
    dest = Path(dest)
    _check_inputs(dest, inputs)
    cwd = Path.cwd().resolve()
    if dest.resolve() == cwd or dest.resolve() in cwd.parents:
        raise PareError(f"{dest}: is the current directory (or holds it); choose a new output path")
    if not (dest.exists() or dest.is_symlink()):
        return
    if is_dir:
        if not dest.is_dir() or dest.is_symlink():
            raise PareError(f"{dest}: exists and is not a directory; choose a new output path")
        if _is_empty_dir(dest):
            return
        if not written_by_pare(dest):
            raise PareError(f"{dest}: exists and was not written by pare; choose a new output path")
        if not overwrite:
            raise PareError(f"{dest}: exists (an earlier pare output); pass --overwrite to replace it")
        return
    if dest.is_dir():
        raise PareError(f"{dest}: is a directory; expected a file path")
    if not dest.is_file():
        raise PareError(f"{dest}: exists and is not a regular file; choose a new output path")
    if not overwrite:
        raise PareError(f"{dest}: exists; pass --overwrite to replace it")


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _temp_name(dest: Path, kind: str) -> str:
    return f".{dest.name}.pare-{kind}-{os.getpid()}-"


def clean_stale_temporaries(dest: str | Path) -> None:
    """Remove the temporaries that writes to ``dest`` by processes no longer running left behind.

    A directory moved aside for a replacement (``old``) goes back to ``dest`` if ``dest`` is missing: the
    crash came between the two renames of the fallback swap.
    """
    dest = Path(dest)
    if not dest.parent.is_dir():
        return
    pattern = re.compile(rf"^\.{re.escape(dest.name)}\.pare-({'|'.join(_TEMP_KINDS)})-(\d+)-\w+$")
    for entry in sorted(dest.parent.iterdir()):
        match = pattern.match(entry.name)
        if match is None or _pid_alive(int(match.group(2))):
            continue
        if entry.is_dir() and not entry.is_symlink():
            if not written_by_pare(entry):
                continue  # not a temporary of ours after all
            if match.group(1) == "old" and not dest.exists():
                os.replace(entry, dest)
            else:
                shutil.rmtree(entry, ignore_errors=True)
        elif entry.is_file():
            entry.unlink(missing_ok=True)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step (Linux ``renameat2``); False where the system cannot."""
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _replace_dir(tmp: Path, dest: Path) -> None:
    """Move the finished ``tmp`` to ``dest``, swapping out a previous pare output there."""
    if not dest.exists() or _is_empty_dir(dest):
        os.replace(tmp, dest)
        return
    if _exchange(tmp, dest):
        shutil.rmtree(tmp, ignore_errors=True)  # tmp now holds the previous output
        return
    old = Path(tempfile.mkdtemp(prefix=_temp_name(dest, "old"), dir=dest.parent))
    os.rmdir(old)
    os.replace(dest, old)
    os.replace(tmp, dest)
    shutil.rmtree(old, ignore_errors=True)


# a full, too-small or read-only disk; denied permissions count only where pare creates the output
_WRITE_ERRNOS = (errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EFBIG)
_CREATE_ERRNOS = (*_WRITE_ERRNOS, errno.EACCES, errno.EPERM, errno.ENOTDIR, errno.EEXIST)


@contextlib.contextmanager
def _as_pare_error(dest: Path, errnos: tuple[int, ...] = _WRITE_ERRNOS) -> Iterator[None]:
    """An operating-system failure to write the output as one line naming the output."""
    try:
        yield
    except OSError as err:
        if err.errno in errnos:
            raise PareError(f"{dest}: cannot write ({os.strerror(err.errno)})") from None
        raise


@contextmanager
def atomic_dir(
    dest: str | Path, *, overwrite: bool = False, inputs: Iterable[str | Path | None] = ()
) -> Iterator[Path]:
    """Yield a fresh temporary directory next to ``dest``; move it to ``dest`` only if the block succeeds.

    ``dest`` must be writable by the module's rule (``check_output``). The temporary lives in the same parent
    so the final rename is atomic on one filesystem, and it holds the output marker from the start.
    """
    dest = Path(dest)
    inputs = tuple(inputs)
    check_output(dest, inputs=inputs, overwrite=overwrite)
    with _as_pare_error(dest, _CREATE_ERRNOS):
        dest.parent.mkdir(parents=True, exist_ok=True)
        clean_stale_temporaries(dest)
        tmp = Path(tempfile.mkdtemp(prefix=_temp_name(dest, "tmp"), dir=dest.parent))
    try:
        with _as_pare_error(dest):
            tmp.chmod(0o777 & ~_umask())  # mkdtemp makes 0700; the output should get the usual permissions
            (tmp / OUTPUT_MARKER).write_text(_MARKER_TEXT, encoding="utf-8")
            yield tmp
            _fix_modes(tmp)
            check_output(dest, inputs=inputs, overwrite=overwrite)  # the path may have changed meanwhile
            _replace_dir(tmp, dest)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def _fix_modes(root: Path) -> None:
    """Give files written with private modes (safetensors writes 0600) the usual permissions."""
    mode = 0o666 & ~_umask()
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink() and (path.stat().st_mode & 0o777) != mode:
            path.chmod(mode)


@contextmanager
def atomic_file(
    dest: str | Path, *, overwrite: bool = False, inputs: Iterable[str | Path | None] = ()
) -> Iterator[Path]:
    """Yield a temporary path next to ``dest``; move it over ``dest`` only if the block succeeds."""
    dest = Path(dest)
    inputs = tuple(inputs)
    check_output(dest, inputs=inputs, overwrite=overwrite, is_dir=False)
    with _as_pare_error(dest, _CREATE_ERRNOS):
        dest.parent.mkdir(parents=True, exist_ok=True)
        clean_stale_temporaries(dest)
        fd, name = tempfile.mkstemp(prefix=_temp_name(dest, "tmp"), dir=dest.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        with _as_pare_error(dest):
            tmp.chmod(0o666 & ~_umask())  # mkstemp makes 0600
            yield tmp
            check_output(dest, inputs=inputs, overwrite=overwrite, is_dir=False)
            os.replace(tmp, dest)
    finally:
        if tmp.exists():
            tmp.unlink()


def read_bytes(path: str | Path, what: str = "a file", missing: str = "file") -> bytes:
    """A whole file; missing or unreadable is a ``PareError``: "PATH: no such {missing}", "PATH: is a directory,
    expected {what}", or "PATH: cannot read (reason)"."""
    path = Path(path)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise PareError(f"{path}: no such {missing}") from None
    except IsADirectoryError:
        raise PareError(f"{path}: is a directory, expected {what}") from None
    except OSError as err:
        raise PareError(f"{path}: cannot read ({err.strerror})") from None


def read_utf8(path: str | Path, what: str = "a text file") -> str:
    """A whole UTF-8 file; missing, unreadable or undecodable files are a ``PareError`` naming FILE[:LINE]."""
    data = read_bytes(path, what)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise PareError(f"{path}:{line}: not valid UTF-8") from None
