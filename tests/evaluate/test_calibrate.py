"""Fitting operating points (``pare.evaluate.calibrate``) and ``pare calibrate``.

The search is tested against a known synthetic P/R surface; the fit against the shipped (quantized) default
model on 60 held-out-template documents, always calibrating a copy of it.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from pare.data.jsonl import write_jsonl
from pare.data.synth import synthesize
from pare.decode import OperatingPoint, load_operating_points, save_operating_points
from pare.decode.calibration import update_operating_points
from pare.errors import PareError
from pare.evaluate import evaluate_scores
from pare.evaluate.calibrate import (
    FITTED,
    CalibrationConfig,
    _batches,
    _redecode,
    calibrate_scores,
    search_operating_points,
)
from pare.evaluate.metrics import prf
from pare.modeldir import CALIBRATION_FILE
from pare.models import default_model_dir

CUSTOM = OperatingPoint(background_to_start=0.5, end_to_start=-1.0)


def surface(point: OperatingPoint, ceiling: float = 100.0):
    """A known trade-off: starting spans (O→B) buys recall, costs precision; I→E only costs precision."""
    push = point.background_to_start - point.background_stay
    found = min(ceiling, 90 + 2 * max(0.0, push))  # of 100 gold spans
    predicted = found + max(0.0, 5 + 3 * push) + abs(point.inside_to_end)
    return prf(found, predicted, 100)  # type: ignore[arg-type]  (fractional counts: a smooth surface)


def test_the_search_meets_each_target_and_is_deterministic():
    calls: list[OperatingPoint] = []

    def measure(point: OperatingPoint):
        calls.append(point)
        return surface(point)

    config = CalibrationConfig(target_recall=0.98, target_precision=0.95, budget=40)
    found, spent = search_operating_points(measure, config)
    assert spent == len(calls) == len(set(calls)), "every point is decoded once"
    assert spent <= 1 + 2 * 17 + len(FITTED) * config.budget
    assert set(found) == set(FITTED)
    high = surface(found["high_recall"])
    assert high.recall >= 0.98
    # the most precise point of the surface that reaches the recall: push 4, nothing else
    assert high.precision == pytest.approx(98 / (98 + 17))
    assert surface(found["high_precision"]).precision >= 0.95
    assert surface(found["balanced"]).f1 >= max(surface(p).f1 for p in calls[:35])
    assert search_operating_points(surface, config) == (found, spent)
    for point in found.values():  # grid values, written exactly
        assert all((4 * v).is_integer() and abs(v) <= config.bound for v in point.to_dict().values())


def test_an_unreachable_target_gives_the_highest_recall():
    found, _ = search_operating_points(lambda p: surface(p, 97.0), CalibrationConfig(budget=20))
    assert surface(found["high_recall"], 97.0).recall == 0.97  # the target 0.98 is out of reach
    found, _ = search_operating_points(lambda p: prf(50, 100, 100), CalibrationConfig(budget=5))
    assert found["high_recall"] == OperatingPoint()  # nothing moves: the first point decoded wins ties


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("target_recall", 0.0),
        ("target_recall", 1.5),
        ("target_precision", -1.0),
        ("budget", 0),
        ("bound", 0.0),
    ],
)
def test_a_bad_config_is_one_line(field, value):
    with pytest.raises(PareError, match=r"^[^\n]+$"):
        replace(CalibrationConfig(), **{field: value})


def test_updating_the_calibration_file_keeps_other_points_in_place(tmp_path):
    path = tmp_path / CALIBRATION_FILE
    save_operating_points(path, {"default": CUSTOM, "balanced": OperatingPoint(), "mine": CUSTOM})
    new = {
        "high_recall": OperatingPoint(background_to_start=6.0),
        "balanced": OperatingPoint(inside_to_end=-2.5),
    }
    update_operating_points(path, new)
    points = load_operating_points(path)
    assert list(points) == ["default", "balanced", "mine", "high_recall"]
    assert points["default"] == points["mine"] == CUSTOM
    assert points["balanced"] == new["balanced"] and points["high_recall"] == new["high_recall"]
    once = path.read_bytes()
    update_operating_points(path, new)
    assert path.read_bytes() == once
    assert sorted(p.name for p in tmp_path.iterdir()) == [CALIBRATION_FILE], "no temporary left behind"


@pytest.fixture(scope="module")
def docs():
    return synthesize(60, seed=5, split="test")  # what `pare data synth -n 60 --seed 5 --split test` writes


@pytest.fixture(scope="module")
def scored(docs):
    from pare.pii import PiiDetector

    detector = PiiDetector.from_dir(default_model_dir())
    return detector, detector.token_scores([d.text for d in docs])


def span_keys(spans) -> list[list[tuple]]:
    return [[(s.label, s.start, s.end, s.text) for s in doc] for doc in spans]


@pytest.mark.slow
def test_the_search_decodes_the_spans_the_detector_decodes(scored):
    detector, scores = scored
    batches = _batches(detector, scores, size=7)
    for point in (OperatingPoint(), OperatingPoint(background_to_start=4, inside_to_end=-1.5), CUSTOM):
        assert span_keys(_redecode(detector, scores, batches, point)) == span_keys(
            detector.decode(scores, point)
        )


@pytest.mark.slow
def test_the_fit_meets_the_target_recall_on_its_data(scored, docs):
    detector, scores = scored
    config = CalibrationConfig(target_recall=0.98, budget=5)
    result = calibrate_scores(detector, docs, scores, config)
    points = {p.name: p for p in result.points}
    assert list(points) == ["default", *FITTED]
    high = points["high_recall"]
    assert high.met and high.target == 0.98
    assert points["default"].recall < 0.98 <= high.recall  # the default falls short; the fit reaches it
    assert points["balanced"].f1 >= points["default"].f1
    assert high.report == evaluate_scores(detector, docs, scores, high.point)
    assert (high.precision, high.recall) == (
        high.report["overlap"]["precision"],
        high.report["overlap"]["recall"],
    )
    strict = calibrate_scores(detector, docs, scores, replace(config, match="strict"))
    assert strict.points[0].recall == points["default"].report["micro"]["recall"]


@pytest.mark.slow
def test_data_without_spans_is_an_error(scored, docs):
    detector, scores = scored
    empty = [replace(d, spans=[]) for d in docs]
    with pytest.raises(PareError, match="no labelled spans"):
        calibrate_scores(detector, empty, scores, CalibrationConfig(budget=1))


@pytest.fixture
def model_copy(tmp_path) -> Path:
    """The shipped default model, copied, with a calibration file holding points calibrate must keep."""
    model = tmp_path / "model"
    shutil.copytree(default_model_dir(), model)
    save_operating_points(model / CALIBRATION_FILE, {"default": OperatingPoint(), "custom": CUSTOM})
    return model


@pytest.mark.slow
def test_cli_calibrates_in_place_and_pare_eval_reproduces_its_figures(
    model_copy, docs, tmp_path, run_pare, snapshot
):
    data = tmp_path / "dev.jsonl"
    write_jsonl(data, docs)
    pristine = tmp_path / "pristine"
    shutil.copytree(model_copy, pristine)
    before = snapshot(model_copy)
    args = ["--data", data, "--target-recall", "0.96", "--budget", "5", "--json"]
    code, out, err = run_pare("calibrate", "-m", model_copy, *args)
    assert code == 0, err
    printed = json.loads(out)["points"]
    assert printed["high_recall"]["met"] and printed["high_recall"]["recall"] >= 0.96
    after = snapshot(model_copy)
    assert {k for k in after if after[k] != before.get(k)} == {CALIBRATION_FILE}, "only the file changed"
    assert sorted(after) == sorted(before), "no temporary left behind"
    points = load_operating_points(model_copy / CALIBRATION_FILE)
    assert list(points) == ["default", "custom", *FITTED]
    assert points["custom"] == CUSTOM
    assert points["high_recall"].to_dict() == printed["high_recall"]["biases"]
    code, out, err = run_pare(
        "eval", "-m", model_copy, "--data", data, "--operating-point", "high_recall", "--json"
    )
    assert code == 0, err
    overlap = json.loads(out)["overlap"]
    assert (overlap["precision"], overlap["recall"]) == (
        printed["high_recall"]["precision"],
        printed["high_recall"]["recall"],
    )
    # -o: a copy of the model with the same file, byte for byte (deterministic); the input untouched
    untouched = snapshot(pristine)
    code, _, err = run_pare("calibrate", "-m", pristine, *args, "-o", tmp_path / "out")
    assert code == 0, err
    assert snapshot(pristine) == untouched
    written = snapshot(tmp_path / "out")
    assert written[CALIBRATION_FILE] == after[CALIBRATION_FILE]
    assert {k: v for k, v in written.items() if k != ".pare-output"} == after


@pytest.mark.slow
def test_cli_default_makes_a_fitted_point_the_one_used_without_a_name(model_copy, docs, tmp_path, run_pare):
    data = tmp_path / "dev.jsonl"
    write_jsonl(data, docs)
    args = ["--data", data, "--budget", "3", "--match", "strict", "--default", "balanced", "--json"]
    code, out, err = run_pare("calibrate", "-m", model_copy, *args)
    assert code == 0, err
    points = load_operating_points(model_copy / CALIBRATION_FILE)
    assert points["default"] == points["balanced"] != OperatingPoint() and points["zero"] == OperatingPoint()
    assert points["custom"] == CUSTOM
    code, out, err = run_pare("eval", "-m", model_copy, "--data", data, "--json")
    assert code == 0, err
    assert (
        json.loads(out)["micro"]["f1"]
        == json.loads(
            run_pare("eval", "-m", model_copy, "--data", data, "--operating-point", "balanced", "--json")[1]
        )["micro"]["f1"]
    )


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--target-recall", "1.5"], "target recall must be in (0, 1]"),
        (["-o", "{tmp}/notes"], "exists and is not a directory"),
        (["-o", "{model}/sub"], "inside the input"),
        (["--default", "best"], "--default 'best': expected one of balanced"),
    ],
)
def test_cli_bad_input_is_one_line_and_writes_nothing(
    model_copy, tmp_path, run_pare, snapshot, extra, message
):
    (tmp_path / "notes").write_text("mine")
    (tmp_path / "dev.jsonl").write_text(json.dumps({"text": "Ana", "spans": []}) + "\n")
    before = snapshot(tmp_path)
    extra = [a.format(tmp=tmp_path, model=model_copy) for a in extra]
    code, out, err = run_pare("calibrate", "-m", model_copy, "--data", tmp_path / "dev.jsonl", *extra)
    assert code == 2 and out == ""
    assert err.startswith("error: ") and err.count("\n") == 1 and message in err, err
    assert snapshot(tmp_path) == before


def test_cli_refuses_a_broken_calibration_file_and_the_shipped_model(model_copy, tmp_path, run_pare):
    data = tmp_path / "dev.jsonl"
    data.write_text(json.dumps({"text": "Ana", "spans": []}) + "\n")
    (model_copy / CALIBRATION_FILE).write_text('{"operating_points": {"x": {"biases": {"bogus": 1}}}}')
    code, _, err = run_pare("calibrate", "-m", model_copy, "--data", data)
    assert code == 2 and "unknown transition bias" in err and err.count("\n") == 1
    shipped = sorted(p.name for p in default_model_dir().iterdir())
    code, _, err = run_pare("calibrate", "-m", default_model_dir(), "--data", data)
    assert code == 2 and "is the model pare ships" in err and err.count("\n") == 1
    assert sorted(p.name for p in default_model_dir().iterdir()) == shipped
