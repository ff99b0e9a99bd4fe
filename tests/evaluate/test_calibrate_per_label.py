"""Per-label minimum span scores: ``pare calibrate --per-label``, the calibration file, and where they apply.

The fit is tested on hand-made spans whose best thresholds are known; the file and ``pare eval`` on a copy
of the shipped default model with 60 held-out-template documents.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pare.data.jsonl import Span, write_jsonl
from pare.data.synth import synthesize
from pare.decode import OperatingPoint, load_operating_points, save_operating_points
from pare.errors import PareError
from pare.evaluate.calibrate import (
    FITTED,
    CalibrationConfig,
    ThresholdedDetector,
    fit_min_scores,
    load_min_scores,
    objectives,
    thresholded,
    with_point_min_scores,
    write_calibration,
)
from pare.modeldir import CALIBRATION_FILE
from pare.models import default_model_dir
from pare.pii import PolicyOptions, anonymize, build_policy
from pare.pii.spans import DetectedSpan

# ten one-word documents: "alpha" is a person in all ten; the model finds all ten (scores 0.9) and, in four
# other documents, "beta" as a person with low scores (wrong); dates: five found, all right, low scores
TEXTS = [f"alpha beta 2020 doc{i}" for i in range(10)]
GOLD = [[Span(0, 5, "private_person"), *([Span(11, 15, "private_date")] if i < 5 else [])] for i in range(10)]
PRED = [
    [
        DetectedSpan("private_person", 0, 5, "alpha", 0.9),
        *([DetectedSpan("private_person", 6, 10, "beta", 0.2 + 0.1 * i)] if i < 4 else []),
        *([DetectedSpan("private_date", 11, 15, "2020", 0.1 + 0.05 * i)] if i < 5 else []),
    ]
    for i in range(10)
]


def keys(config: CalibrationConfig):
    return objectives(config)


@pytest.mark.parametrize("match", ["overlap", "strict"])
def test_balanced_thresholds_drop_the_low_scoring_false_positives_only(match):
    found = fit_min_scores(keys(CalibrationConfig())["balanced"], TEXTS, GOLD, PRED, match)
    # person: between the best wrong span (0.5) and the right ones (0.9); dates are all right: no threshold
    assert found == {"private_person": pytest.approx(0.7)}


def test_high_recall_keeps_what_the_target_needs():
    config = CalibrationConfig(target_recall=1.0)
    found = fit_min_scores(keys(config)["high_recall"], TEXTS, GOLD, PRED, "overlap")
    assert found == {"private_person": pytest.approx(0.7)}, "precision up, recall still 1.0"
    # a target that allows losing dates does not drop right spans either: precision would not rise
    config = CalibrationConfig(target_recall=0.8)
    assert "private_date" not in fit_min_scores(keys(config)["high_recall"], TEXTS, GOLD, PRED, "overlap")


def test_high_precision_trades_recall_for_its_target():
    wrong_date = [*PRED[9], DetectedSpan("private_date", 11, 15, "2020", 0.05)]  # doc 9 has no date
    pred = [*PRED[:9], wrong_date]
    config = CalibrationConfig(target_precision=1.0)
    found = fit_min_scores(keys(config)["high_precision"], TEXTS, GOLD, pred, "overlap")
    assert found["private_date"] == pytest.approx(0.075)  # the wrong date out, every right one kept
    assert found["private_person"] == pytest.approx(0.7)


def test_no_threshold_where_every_span_is_right():
    right = [[s for s in doc if s.text != "beta"] for doc in PRED]
    for name in FITTED:
        assert fit_min_scores(keys(CalibrationConfig())[name], TEXTS, GOLD, right, "overlap") == {}


def test_point_thresholds_fill_the_policy_where_the_user_set_none():
    point = {"private_person": 0.7, "private_date": 0.3}
    policy = build_policy(PolicyOptions(min_scores=["private_date=0.1"]))
    merged = with_point_min_scores(policy, point)
    assert dict(merged.min_score_by_label) == {"private_person": 0.7, "private_date": 0.1}
    assert (
        with_point_min_scores(build_policy(PolicyOptions(min_scores=["0.5"])), point).min_score_by_label == {}
    )
    (redaction,) = anonymize([TEXTS[0]], [PRED[0]], merged)
    assert redaction.redacted_text == "<PRIVATE_PERSON> beta <PRIVATE_DATE> doc0"
    assert redaction.record()["summary"]["below_min_score"]["by_label"] == {"private_person": 1}


@pytest.fixture
def model_copy(tmp_path) -> Path:
    model = tmp_path / "model"
    shutil.copytree(default_model_dir(), model)
    return model


def test_the_file_keeps_thresholds_next_to_the_biases_and_the_decoder_reads_it(model_copy):
    custom = OperatingPoint(background_to_start=1.0)
    save_operating_points(model_copy / CALIBRATION_FILE, {"default": OperatingPoint(), "custom": custom})
    write_calibration(model_copy, {"custom": custom}, min_scores={"custom": {"private_date": 0.25}})
    high = OperatingPoint(inside_to_end=-2.0)
    write_calibration(model_copy, {"high_recall": high}, min_scores={"high_recall": {"secret": 0.5}})
    assert load_operating_points(model_copy / CALIBRATION_FILE) == {
        "default": OperatingPoint(),
        "custom": custom,
        "high_recall": high,
    }
    assert load_min_scores(model_copy, "custom") == {"private_date": 0.25}, "kept by a later calibration"
    assert load_min_scores(model_copy, "high_recall") == {"secret": 0.5}
    assert load_min_scores(model_copy, "default") == {}
    write_calibration(model_copy, {"high_recall": OperatingPoint()})  # refitted without thresholds
    assert load_min_scores(model_copy, "high_recall") == {}


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ({"private_date": 1.5}, "min_score.private_date: expected a number from 0 to 1"),
        ([0.5], "expected an object"),
    ],
)
def test_a_bad_threshold_in_the_file_is_one_line(model_copy, value, message):
    data = {"operating_points": {"p": {"biases": OperatingPoint().to_dict(), "min_score": value}}}
    (model_copy / CALIBRATION_FILE).write_text(json.dumps(data))
    with pytest.raises(PareError, match=r"^[^\n]+$") as info:
        load_min_scores(model_copy, "p")
    assert message in str(info.value) and CALIBRATION_FILE in str(info.value)


@pytest.mark.slow
def test_a_thresholded_detector_leaves_out_low_scoring_spans(model_copy):
    from pare.pii import PiiDetector

    data = {
        "operating_points": {
            "p": {"biases": OperatingPoint().to_dict(), "min_score": {"private_person": 0.99}}
        }
    }
    (model_copy / CALIBRATION_FILE).write_text(json.dumps(data))
    detector = PiiDetector.from_dir(model_copy)
    texts = [d.text for d in synthesize(20, seed=3, split="test")]
    plain = detector.detect(texts, "p")
    wrapped = thresholded(detector, "p")
    assert isinstance(wrapped, ThresholdedDetector) and thresholded(detector, None) is detector
    expected = [[s for s in doc if s.label != "private_person" or s.score >= 0.99] for doc in plain]
    assert wrapped.detect(texts, "p") == expected == wrapped.decode(detector.token_scores(texts), "p")
    assert sum(map(len, expected)) < sum(map(len, plain)), "the threshold dropped spans"


@pytest.mark.slow
def test_cli_per_label_and_pare_eval_reproduces_every_point(model_copy, tmp_path, run_pare):
    data = tmp_path / "dev.jsonl"
    write_jsonl(data, synthesize(60, seed=5, split="test"))
    args = ["--data", data, "--target-recall", "0.96", "--budget", "5", "--per-label", "--json"]
    code, out, err = run_pare("calibrate", "-m", model_copy, *args)
    assert code == 0, err
    printed = json.loads(out)["points"]
    for name in FITTED:
        assert load_min_scores(model_copy, name) == printed[name]["min_score"]
        code, out, err = run_pare(
            "eval", "-m", model_copy, "--data", data, "--operating-point", name, "--json"
        )
        assert code == 0, err
        overlap = json.loads(out)["overlap"]
        assert (overlap["precision"], overlap["recall"]) == (
            printed[name]["precision"],
            printed[name]["recall"],
        )
    assert printed["high_recall"]["met"]
    assert printed["balanced"]["f1"] >= printed["default"]["f1"]
