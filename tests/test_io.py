import signal
import subprocess
import sys

import pytest

from pare.errors import PareError
from pare.io import atomic_dir, atomic_file


def test_atomic_dir_appears_only_on_success(tmp_path):
    dest = tmp_path / "out"
    with pytest.raises(RuntimeError), atomic_dir(dest) as tmp:
        (tmp / "half.bin").write_text("x")
        raise RuntimeError("boom")
    assert not dest.exists()
    assert list(tmp_path.iterdir()) == []
    with atomic_dir(dest) as tmp:
        (tmp / "done.txt").write_text("ok")
    assert (dest / "done.txt").read_text() == "ok"


def test_atomic_dir_replaces_existing_output_whole(tmp_path):
    dest = tmp_path / "out"
    dest.mkdir()
    (dest / "old.txt").write_text("old")
    with atomic_dir(dest) as tmp:
        (tmp / "new.txt").write_text("new")
    assert sorted(p.name for p in dest.iterdir()) == ["new.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_atomic_writes_refuse_to_overwrite_an_input(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("keep")
    with pytest.raises(PareError, match="overwrite an input"), atomic_file(src, inputs=(src,)):
        pass
    assert src.read_text() == "keep"


def test_atomic_file_failure_leaves_no_trace(tmp_path):
    dest = tmp_path / "f.txt"
    with pytest.raises(ValueError), atomic_file(dest) as tmp:
        tmp.write_text("partial")
        raise ValueError
    assert list(tmp_path.iterdir()) == []


def test_sigterm_during_an_atomic_write_leaves_no_trace(tmp_path):
    # as under `pare ...`, whose entry point installs the handler
    code = (
        "import sys, time\n"
        "from pare.io import atomic_dir, exit_on_sigterm\n"
        "exit_on_sigterm()\n"
        "with atomic_dir(sys.argv[1]) as tmp:\n"
        "    (tmp / 'part.bin').write_bytes(b'x')\n"
        "    print('writing', flush=True)\n"
        "    time.sleep(60)\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(tmp_path / "out")], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout.readline().strip() == "writing"
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=30) == 128 + signal.SIGTERM
    assert list(tmp_path.iterdir()) == []
