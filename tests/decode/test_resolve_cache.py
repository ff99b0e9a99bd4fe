"""``PiiDetector.resolve`` reads the model directory's calibration file once, and again only when the file
changes (its mtime, size or inode): a recalibration in between is seen, explicit points never read it."""

from __future__ import annotations

import os

import pytest

import pare.pii.detect
from pare.decode import CALIBRATION_FILE, OperatingPoint, save_operating_points
from pare.decode.calibration import calibration_stamp
from pare.errors import PareError
from pare.labels import Taxonomy
from pare.pii import PiiDetector


class NoModel:
    """Stands in for the classifier: ``resolve`` never runs it."""

    def window_log_probs(self, ids, mask):
        raise AssertionError("resolve ran the model")


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """Every calibration file the detector parses."""
    seen: list[str] = []
    load = pare.pii.detect.load_operating_points

    def counting(path):
        seen.append(str(path))
        return load(path)

    monkeypatch.setattr(pare.pii.detect, "load_operating_points", counting)
    return seen


def detector_for(model_dir, minilm_tokenizer) -> PiiDetector:
    return PiiDetector(NoModel(), minilm_tokenizer, Taxonomy(), model_dir=model_dir)


def test_the_file_is_parsed_once_while_it_is_unchanged(tmp_path, minilm_tokenizer, reads):
    first = OperatingPoint(background_stay=1.0)
    save_operating_points(tmp_path / CALIBRATION_FILE, {"default": first, "strict": OperatingPoint(2.0)})
    detector = detector_for(tmp_path, minilm_tokenizer)
    for _ in range(3):
        assert detector.resolve(None) == first
        assert detector.resolve("strict") == OperatingPoint(2.0)
    assert len(reads) == 1
    explicit = OperatingPoint(end_to_start=-1.0)
    assert detector.resolve(explicit) is explicit
    assert detector.resolve({"end_to_start": -1.0}) == {"end_to_start": -1.0}
    assert len(reads) == 1


def test_a_rewritten_file_is_read_again(tmp_path, minilm_tokenizer, reads):
    path = tmp_path / CALIBRATION_FILE
    save_operating_points(path, {"default": OperatingPoint(background_stay=1.0)})
    detector = detector_for(tmp_path, minilm_tokenizer)
    assert detector.resolve(None) == OperatingPoint(background_stay=1.0)
    before = os.stat(path)
    # a recalibration within the same mtime tick and of the same size: the new inode still tells
    save_operating_points(path, {"default": OperatingPoint(background_stay=3.0)})
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(path).st_size == before.st_size
    assert detector.resolve(None) == OperatingPoint(background_stay=3.0)
    assert len(reads) == 2
    with pytest.raises(PareError, match=r"available: default$"):
        detector.resolve("strict")
    save_operating_points(path, {"default": OperatingPoint(), "strict": OperatingPoint(background_stay=5.0)})
    assert detector.resolve("strict") == OperatingPoint(background_stay=5.0)
    assert len(reads) == 3


def test_a_removed_or_added_file_is_seen(tmp_path, minilm_tokenizer, reads):
    detector = detector_for(tmp_path, minilm_tokenizer)
    assert detector.resolve(None) == OperatingPoint()
    with pytest.raises(PareError, match="does not exist"):
        detector.resolve("strict")
    save_operating_points(tmp_path / CALIBRATION_FILE, {"default": OperatingPoint(end_to_start=2.0)})
    assert detector.resolve(None) == OperatingPoint(end_to_start=2.0)
    (tmp_path / CALIBRATION_FILE).unlink()
    assert detector.resolve(None) == OperatingPoint()
    assert len(reads) == 1


def test_a_broken_rewrite_fails_every_call_until_fixed(tmp_path, minilm_tokenizer):
    path = tmp_path / CALIBRATION_FILE
    save_operating_points(path, {"default": OperatingPoint(background_stay=1.0)})
    detector = detector_for(tmp_path, minilm_tokenizer)
    detector.resolve(None)
    path.write_text("{not json", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(PareError, match="invalid JSON"):
            detector.resolve(None)
    save_operating_points(path, {"default": OperatingPoint(background_stay=4.0)})
    assert detector.resolve(None) == OperatingPoint(background_stay=4.0)


def test_calibration_stamp(tmp_path):
    assert calibration_stamp(tmp_path) is None
    assert calibration_stamp(tmp_path / "missing") is None
    (tmp_path / CALIBRATION_FILE).mkdir()  # not a file: as if absent, like resolve_operating_point
    assert calibration_stamp(tmp_path) is None
    other = tmp_path / "model"
    other.mkdir()
    save_operating_points(other / CALIBRATION_FILE, {"default": OperatingPoint()})
    stat = os.stat(other / CALIBRATION_FILE)
    assert calibration_stamp(other) == (stat.st_mtime_ns, stat.st_size, stat.st_ino)
