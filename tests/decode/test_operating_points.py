"""Operating points: the bias dataclass, transition matrices, and viterbi_calibration.json I/O."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pare.decode import (
    CALIBRATION_FILE,
    OperatingPoint,
    build_transitions,
    load_operating_points,
    resolve_operating_point,
    save_operating_points,
)
from pare.errors import PareError
from pare.labels import Taxonomy

finite = st.floats(-50, 50, allow_nan=False)
points = st.builds(OperatingPoint, finite, finite, finite, finite, finite, finite)


@settings(max_examples=30, deadline=None)
@given(st.dictionaries(st.text(min_size=1, max_size=12), points, max_size=4))
def test_operating_points_round_trip(tmp_path_factory, named):
    path = tmp_path_factory.mktemp("calib") / CALIBRATION_FILE
    save_operating_points(path, named)
    assert load_operating_points(path) == named
    assert [p.name for p in path.parent.iterdir()] == [CALIBRATION_FILE]


def test_file_format_is_privacy_filter_format(tmp_path):
    path = tmp_path / CALIBRATION_FILE
    save_operating_points(path, {"default": OperatingPoint(background_stay=0.5)})
    data = json.loads(path.read_text())
    assert data["operating_points"]["default"]["biases"] == {
        "background_stay": 0.5,
        "background_to_start": 0.0,
        "inside_to_continue": 0.0,
        "inside_to_end": 0.0,
        "end_to_background": 0.0,
        "end_to_start": 0.0,
    }


def test_loads_a_file_with_extra_metadata_and_partial_biases(tmp_path):
    path = tmp_path / CALIBRATION_FILE
    path.write_text(
        json.dumps(
            {
                "version": 1,
                "operating_points": {
                    "default": {"biases": {"background_stay": 0.0}},
                    "high_recall": {"description": "more spans", "biases": {"background_to_start": 1.5}},
                },
            }
        )
    )
    loaded = load_operating_points(path)
    assert loaded == {"default": OperatingPoint(), "high_recall": OperatingPoint(background_to_start=1.5)}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "invalid JSON"),
        ("[]", "'operating_points'"),
        ('{"operating_points": []}', "'operating_points'"),
        ('{"operating_points": {"x": 1}}', "operating_points.x: expected an object with a 'biases'"),
        ('{"operating_points": {"x": {}}}', "operating_points.x: expected an object with a 'biases'"),
        ('{"operating_points": {"x": {"biases": []}}}', "operating_points.x.biases: expected an object"),
        ('{"operating_points": {"x": {"biases": {"stay": 1}}}}', "operating_points.x.biases.stay: unknown"),
        ('{"operating_points": {"x": {"biases": {"end_to_start": "1"}}}}', "biases.end_to_start: expected a"),
        (
            '{"operating_points": {"x": {"biases": {"end_to_start": true}}}}',
            "biases.end_to_start: expected a",
        ),
    ],
)
def test_invalid_files_name_file_and_field(tmp_path, content, message):
    path = tmp_path / CALIBRATION_FILE
    path.write_text(content)
    with pytest.raises(PareError, match=str(path)) as err:
        load_operating_points(path)
    assert message in str(err.value)


def test_missing_file(tmp_path):
    with pytest.raises(PareError, match="no such file"):
        load_operating_points(tmp_path / "nope.json")


def test_resolve_operating_point(tmp_path):
    assert resolve_operating_point(tmp_path) == OperatingPoint()
    with pytest.raises(PareError, match="does not exist"):
        resolve_operating_point(tmp_path, "high_recall")
    save_operating_points(
        tmp_path / CALIBRATION_FILE, {"high_recall": OperatingPoint(background_to_start=2.0)}
    )
    assert resolve_operating_point(tmp_path) == OperatingPoint()
    assert resolve_operating_point(tmp_path, "high_recall") == OperatingPoint(background_to_start=2.0)
    save_operating_points(
        tmp_path / CALIBRATION_FILE,
        {"default": OperatingPoint(end_to_start=-1.0), "precise": OperatingPoint(background_stay=1.0)},
    )
    assert resolve_operating_point(tmp_path) == OperatingPoint(end_to_start=-1.0)
    with pytest.raises(PareError, match="available: default, precise"):
        resolve_operating_point(tmp_path, "high_recall")


def test_bias_dict_rejects_unknown_names():
    with pytest.raises(PareError, match="background_stya"):
        build_transitions(Taxonomy(), {"background_stya": 1.0})


def test_bioes_transition_matrix_of_the_privacy_filter_taxonomy():
    taxonomy = Taxonomy()
    point = OperatingPoint(1.0, 2.0, 3.0, 4.0, 5.0, 6.0)
    trans = build_transitions(taxonomy.labels, point)
    ids = taxonomy.label2id
    m = trans.matrix
    assert m.shape == (33, 33)
    assert m[ids["O"], ids["O"]] == 1.0
    assert m[ids["O"], ids["B-secret"]] == m[ids["O"], ids["S-private_email"]] == 2.0
    assert m[ids["B-secret"], ids["I-secret"]] == m[ids["I-secret"], ids["I-secret"]] == 3.0
    assert m[ids["I-secret"], ids["E-secret"]] == 4.0
    assert m[ids["E-secret"], ids["O"]] == m[ids["S-secret"], ids["O"]] == 5.0
    assert m[ids["E-secret"], ids["B-private_url"]] == m[ids["S-secret"], ids["S-secret"]] == 6.0
    assert m[ids["B-secret"], ids["I-private_url"]] == -np.inf
    assert m[ids["I-secret"], ids["O"]] == -np.inf
    assert m[ids["O"], ids["I-secret"]] == m[ids["O"], ids["E-secret"]] == -np.inf
    assert m[ids["E-secret"], ids["I-secret"]] == -np.inf
    # per category: O->B,S; B,I->I,E; E,S->O + all B,S  => 1 + 8*2 from O, then 8*(2*2 + 2*17)
    assert np.isfinite(m).sum() == 1 + 16 + 8 * (2 * 2 + 2 * 17)
    starts = {taxonomy.labels[i][0] for i in np.flatnonzero(np.isfinite(trans.start))}
    ends = {taxonomy.labels[i][0] for i in np.flatnonzero(np.isfinite(trans.end))}
    assert starts == {"O", "B", "S"}
    assert ends == {"O", "E", "S"}


def test_bio_transitions():
    taxonomy = Taxonomy(("a", "b"), "BIO")  # O B-a I-a B-b I-b
    trans = build_transitions(taxonomy, OperatingPoint(end_to_background=-1.0, end_to_start=-2.0))
    m = trans.matrix
    assert m[2, 0] == -1.0 and m[1, 3] == -2.0 and m[2, 2] == 0.0
    assert m[0, 2] == -np.inf and m[1, 4] == -np.inf
    assert list(np.isfinite(trans.start)) == [True, True, False, True, False]
    assert np.isfinite(trans.end).all()
    assert trans.close[1, 2] == -np.inf and trans.close[1, 0] == -1.0
