import os
import signal
import subprocess
import sys

import pytest

import pare.io as pare_io
from pare.errors import PareError
from pare.io import OUTPUT_MARKER, atomic_dir, atomic_file


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


def test_atomic_dir_replaces_an_earlier_pare_output_only_with_overwrite(tmp_path):
    dest = tmp_path / "out"
    with atomic_dir(dest) as tmp:
        (tmp / "old.txt").write_text("old")
    with pytest.raises(PareError, match="pass --overwrite"), atomic_dir(dest) as tmp:
        (tmp / "new.txt").write_text("new")
    assert (dest / "old.txt").read_text() == "old"
    with atomic_dir(dest, overwrite=True) as tmp:
        (tmp / "new.txt").write_text("new")
    assert sorted(p.name for p in dest.iterdir()) == [OUTPUT_MARKER, "new.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_atomic_dir_replaces_an_empty_directory(tmp_path):
    (tmp_path / "out").mkdir()
    with atomic_dir(tmp_path / "out") as tmp:
        (tmp / "new.txt").write_text("new")
    assert (tmp_path / "out" / "new.txt").read_text() == "new"


def test_the_swap_without_renameat2_gives_the_same_result(tmp_path, monkeypatch):
    monkeypatch.setattr(pare_io, "_exchange", lambda a, b: False)
    dest = tmp_path / "out"
    for text in ("old", "new"):
        with atomic_dir(dest, overwrite=True) as tmp:
            (tmp / "f.txt").write_text(text)
    assert (dest / "f.txt").read_text() == "new"
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


@pytest.mark.parametrize("overwrite", [False, True])
def test_a_directory_pare_did_not_write_is_never_replaced(tmp_path, overwrite, snapshot):
    thesis = tmp_path / "thesis"
    (thesis / "sub").mkdir(parents=True)
    (thesis / "chapter1.tex").write_text("years of work")
    (thesis / "sub" / "data.csv").write_text("1,2,3")
    before = snapshot(tmp_path)
    with pytest.raises(PareError, match="not written by pare"), atomic_dir(thesis, overwrite=overwrite):
        pass
    assert snapshot(tmp_path) == before


def test_outputs_never_touch_inputs_or_their_neighbours(tmp_path, monkeypatch, snapshot):
    model = tmp_path / "models" / "model"
    model.mkdir(parents=True)
    (model / "config.json").write_text("{}")
    (tmp_path / "models" / "sibling.txt").write_text("keep")
    before = snapshot(tmp_path)
    cases = [
        (model, "overwrite an input"),
        (tmp_path / "models", "contain the input"),
        (model / "sub", "inside the input"),
        (tmp_path / "models" / "sibling.txt", "contain the input|not a directory|not written by pare"),
    ]
    for dest, message in cases:
        with pytest.raises(PareError, match=message), atomic_dir(dest, overwrite=True, inputs=(model,)):
            pass
    monkeypatch.chdir(model.parent)
    with pytest.raises(PareError, match="current directory"), atomic_dir(".", overwrite=True):
        pass
    assert snapshot(tmp_path) == before


def test_a_file_is_never_replaced_by_a_directory(tmp_path):
    (tmp_path / "out").write_text("mine")
    with pytest.raises(PareError, match="not a directory"), atomic_dir(tmp_path / "out", overwrite=True):
        pass
    assert (tmp_path / "out").read_text() == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_atomic_file_replaces_a_file_only_with_overwrite(tmp_path):
    dest = tmp_path / "f.txt"
    dest.write_text("mine")
    with pytest.raises(PareError, match="pass --overwrite"), atomic_file(dest) as tmp:
        tmp.write_text("new")
    assert dest.read_text() == "mine"
    with atomic_file(dest, overwrite=True) as tmp:
        tmp.write_text("new")
    assert dest.read_text() == "new"
    with pytest.raises(PareError, match="is a directory"), atomic_file(tmp_path, overwrite=True):
        pass


def test_files_get_the_usual_modes(tmp_path):
    with atomic_dir(tmp_path / "out") as tmp:
        (tmp / "weights").write_bytes(b"x")
        (tmp / "weights").chmod(0o600)  # as safetensors writes them
    mode = 0o666 & ~pare_io._umask()
    assert (tmp_path / "out" / "weights").stat().st_mode & 0o777 == mode


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_a_rerun_removes_the_temporaries_of_dead_writers(tmp_path):
    pid = dead_pid()
    stale = tmp_path / f".out.pare-tmp-{pid}-abc"
    stale.mkdir()
    (stale / OUTPUT_MARKER).write_text("{}")
    stale_file = tmp_path / f".out.pare-tmp-{pid}-def"
    stale_file.mkdir()  # a folder without pare's marker is not pare's: kept
    live = tmp_path / f".out.pare-tmp-{os.getpid()}-ghi"
    live.mkdir()
    (live / OUTPUT_MARKER).write_text("{}")
    with atomic_dir(tmp_path / "out") as tmp:
        (tmp / "f").write_text("x")
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted([live.name, stale_file.name, "out"])


def test_a_crash_between_the_two_renames_is_undone_by_the_next_write(tmp_path):
    old = tmp_path / f".out.pare-old-{dead_pid()}-abc"
    old.mkdir()
    (old / OUTPUT_MARKER).write_text("{}")
    (old / "f.txt").write_text("previous output")
    pare_io.clean_stale_temporaries(tmp_path / "out")
    assert (tmp_path / "out" / "f.txt").read_text() == "previous output"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_sigkill_leaves_the_old_output_and_a_rerun_cleans_up(tmp_path):
    dest = tmp_path / "out"
    with atomic_dir(dest) as tmp:
        (tmp / "f.txt").write_text("old")
    code = (
        "import sys, time\n"
        "from pare.io import atomic_dir\n"
        "with atomic_dir(sys.argv[1], overwrite=True) as tmp:\n"
        "    (tmp / 'f.txt').write_text('half')\n"
        "    print('writing', flush=True)\n"
        "    time.sleep(60)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code, str(dest)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "writing"
    proc.kill()
    proc.wait(timeout=30)
    assert (dest / "f.txt").read_text() == "old"
    assert len(list(tmp_path.iterdir())) == 2  # the output and the killed writer's temporary
    with atomic_dir(dest, overwrite=True) as tmp:
        (tmp / "f.txt").write_text("new")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert (dest / "f.txt").read_text() == "new"


def test_a_full_disk_is_one_line_and_leaves_no_trace(tmp_path):
    # RLIMIT_FSIZE makes writes past 1 kB fail with EFBIG, as a full disk fails them with ENOSPC
    code = (
        "import resource, signal, sys\n"
        "from pare.errors import PareError\n"
        "from pare.io import atomic_dir\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))\n"
        "try:\n"
        "    with atomic_dir(sys.argv[1]) as tmp:\n"
        "        (tmp / 'big').write_bytes(bytes(10_000))\n"
        "except PareError as err:\n"
        "    print(err)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "out")], capture_output=True, text=True, check=True
    ).stdout
    assert out == f"{tmp_path / 'out'}: cannot write (File too large)\n"
    assert list(tmp_path.iterdir()) == []
