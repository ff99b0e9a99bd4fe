"""``pare compress`` end to end on a tiny teacher: stages, report, resume, and recipe errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from transformers import AutoModelForTokenClassification, AutoTokenizer

from pare.compress import compress, parse_recipe
from pare.compress.recipe import load_recipe
from pare.compress.stages import prepare_calibration
from pare.data.devset import dev_set_path
from pare.data.jsonl import read_jsonl, write_jsonl
from pare.data.synth import synthesize
from pare.decode import OperatingPoint, load_operating_points
from pare.errors import PareError


@pytest.fixture(scope="module")
def tiny_teacher(tiny_bert) -> Path:
    """A 2-block BERT token classifier (hidden 16) over MiniLM's real tokenizer, random weights."""
    return tiny_bert("teacher")


def recipe_for(teacher: Path, dev: str | None = None) -> dict:
    synth = {"n_train": 24, "n_test": 8, "n_unlabelled": 12, "n_transfer": 6, "seed": 3}
    synth |= {"n_world": 4, "n_world_unlabelled": 3, "n_calibrate": 6}
    return {
        "teacher": str(teacher),
        "data": {"synth": synth, "dev": dev},
        "stages": [
            {"distill": {"layers": 1, "epochs": 1, "batch_size": 8, "max_length": 64}},
            {"trim": {}},
            {"quantize": {"bits": 7, "calib_docs": 8}},  # 16-wide rows: codebooks cost ~6 bits/weight,
        ],
    }


def test_compress_runs_every_stage_reports_and_resumes(tiny_teacher, tmp_path, monkeypatch):
    monkeypatch.setenv("PARE_CACHE", str(tmp_path / "cache"))
    out = tmp_path / "run"
    dev = tmp_path / "dev.jsonl"
    write_jsonl(dev, read_jsonl(dev_set_path())[:10])  # the shipped development set, cut short for speed
    rows = compress(parse_recipe(recipe_for(tiny_teacher, str(dev))), out)

    assert [r.name for r in rows] == ["teacher", "student", "trimmed", "final"]
    assert all(r.dev_f1 is not None for r in rows)
    assert rows[0].f1_pct_teacher == pytest.approx(100.0) or rows[0].f1 == 0
    for name in ("student", "trimmed", "final", "data"):
        assert (out / name).is_dir()
    for name, n, seed, split in (("unlabelled", 12, 3 + 2, "train"), ("transfer", 6, 3 + 3, "transfer")):
        records = [json.loads(line) for line in (out / "data" / f"{name}.jsonl").read_text().splitlines()]
        assert all(set(r) == {"text"} for r in records)  # no spans: the teacher labels them
        assert [r["text"] for r in records] == [d.text for d in synthesize(n, seed, split=split)]
    distilled = json.loads((out / "student" / "pare_distill.json").read_text())["data"]
    assert distilled["documents"] == 24 + 4 + 12 + 6 + 3  # as read, before half of them are joined
    student = AutoModelForTokenClassification.from_pretrained(out / "student")
    assert student.config.num_hidden_layers == 1
    trimmed_vocab = len(AutoTokenizer.from_pretrained(out / "trimmed"))
    assert trimmed_vocab < 30522
    assert rows[2].params < rows[1].params < rows[0].params
    assert rows[3].size_bytes < rows[2].size_bytes
    assert (out / "final" / "quant_config.json").is_file()
    for name in ("student", "trimmed", "final"):  # each model the run wrote decodes at its fitted point
        points = load_operating_points(out / name / "viterbi_calibration.json")
        assert points["default"] == points["balanced"] and points["zero"] == OperatingPoint()
    assert not (tiny_teacher / "viterbi_calibration.json").exists()  # the given teacher is left alone
    calibration = read_jsonl(out / "data" / "calibrate.jsonl")
    assert [d.text for d in calibration] == [d.text for d in synthesize(6, 3 + 5, split="transfer")]

    report = json.loads((out / "report.json").read_text())
    assert [s["name"] for s in report["stages"]] == ["teacher", "student", "trimmed", "final"]
    md = (out / "report.md").read_text()
    assert "| student |" in md and "f1_vs_size.png" in md and "| dev F1 |" in md
    speed = report["speed_vs_teacher"]
    assert set(speed) == {"1", "32"} and all(v["speedup"] > 0 for v in speed.values())
    assert f"{speed['32']['speedup']:.2f}x at batch 32" in md
    assert (out / "f1_vs_size.png").stat().st_size > 0 and (out / "tokens_per_s.png").stat().st_size > 0

    # a re-run finds every stage finished and recomputes nothing
    events: list[str] = []
    again = compress(parse_recipe(recipe_for(tiny_teacher)), out, on_event=events.append)
    assert sum("already done" in e for e in events) == 3
    assert not any("side by side" in e for e in events)  # the final is unchanged: its timing is reused
    assert [r.f1 for r in again] == [r.f1 for r in rows]

    # an interrupted run (the last stage's output lost) redoes only that stage
    import shutil

    shutil.rmtree(out / "final")
    events.clear()
    compress(parse_recipe(recipe_for(tiny_teacher)), out, on_event=events.append)
    assert sum("already done" in e for e in events) == 2
    assert (out / "final" / "quant_config.json").is_file()


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"stages": [{"prune": {}}]}, "unknown stage 'prune'"),
        ({"stages": [{"quantize": {}}, {"trim": {}}], "teacher": "t"}, "quantize must be the last stage"),
        ({"stages": [{"distill": {}}]}, "needs a 'teacher'"),
        ({"stages": [{"distill": {"layerz": 1}}], "teacher": "t"}, "unknown field 'layerz'"),
        ({"data": {"train": "a.jsonl"}}, "data.test is not"),
        ({"stagez": []}, "unknown field 'stagez'"),
        ({"calibrate": "best"}, "calibrate: 'best'"),
    ],
)
def test_bad_recipes_name_the_field(raw, message):
    with pytest.raises(PareError, match=message):
        parse_recipe(raw)


def test_recipe_file_errors_name_the_file_and_line(tmp_path):
    bad = tmp_path / "r.yaml"
    bad.write_text("stages:\n  - distill: {layers: [1\n")
    with pytest.raises(PareError, match=r"r\.yaml:\d+: invalid YAML"):
        load_recipe(bad)
    with pytest.raises(PareError, match="no such recipe file"):
        load_recipe(tmp_path / "missing.yaml")


def test_native_scripts_is_a_synth_option_off_by_default():
    assert load_recipe(None).data.synth.native_scripts is False
    assert parse_recipe({"data": {"synth": {"native_scripts": True}}}).data.synth.native_scripts is True
    with pytest.raises(PareError, match="native_scripts"):
        parse_recipe({"data": {"synth": {"native_scripts": "yes"}}})


def test_default_recipe_is_the_four_stage_pipeline():
    recipe = load_recipe(None)
    assert [s.kind for s in recipe.stages] == ["finetune", "distill", "trim", "quantize"]
    assert [s.output for s in recipe.stages] == ["teacher", "student", "trimmed", "final"]
    trim = recipe.stages[2]
    assert trim.options == {"keep_frequent": 20000}  # the stage default, also for a recipe's bare `trim`
    assert recipe.data.synth.n_transfer == 3000  # the transfer text the default student learns from
    assert recipe.data.dev == "natural_en" and dev_set_path().is_file()  # every stage is also scored there
    assert recipe.stages[1].options == {  # the stage defaults
        "epochs": 3,
        "join_fraction": 0.5,
        "noise_swap_rate": 0.3,
        "noise_typo_rate": 0.1,
    }
    assert recipe.stages[0].options == {"join_fraction": 0.5}
    assert (recipe.data.synth.n_world, recipe.data.synth.n_world_unlabelled) == (3000, 9000)
    assert (recipe.calibrate, recipe.data.synth.n_calibrate) == ("balanced", 300)
    assert parse_recipe({"calibrate": None}).calibrate is None
    assert (  # a recipe's own epochs win
        parse_recipe({"teacher": "t", "stages": [{"distill": {"epochs": 2}}]}).stages[0].options["epochs"]
        == 2
    )
    written = parse_recipe({"teacher": "t", "stages": ["distill", {"trim": {"keep_frequent": 0}}]})
    assert written.stages[1].options == {"keep_frequent": 0}
    assert parse_recipe({"teacher": "t", "stages": ["distill", "trim"]}).stages[1].options == trim.options


def test_world_documents_join_the_training_set_and_the_distillation_text(tmp_path):
    from pare.compress.stages import prepare_data

    spec = {
        "n_train": 6,
        "n_test": 2,
        "n_unlabelled": 0,
        "n_transfer": 0,
        "n_world": 4,
        "n_world_unlabelled": 3,
    }
    train, _, unlabelled = prepare_data(parse_recipe({"data": {"synth": spec}}), tmp_path)
    expected = synthesize(6, 0, split="train") + synthesize(4, 0, split="world-train")
    assert [d.text for d in read_jsonl(train)] == [d.text for d in expected]
    assert unlabelled == [tmp_path / "world.jsonl"]
    assert [d.text for d in read_jsonl(unlabelled[0])] == [
        d.text for d in synthesize(3, 4, split="world-train")
    ]
    german = prepare_data(parse_recipe({"data": {"synth": {**spec, "locales": ["de"]}}}), tmp_path / "de")
    assert len(read_jsonl(german[0])) == 6 and german[2] == []  # the world family is English only


def test_calibration_data_is_synthesized_given_or_absent(tmp_path):
    synthesized = prepare_calibration(
        parse_recipe({"data": {"synth": {"n_calibrate": 4, "seed": 2}}}), tmp_path
    )
    assert [d.text for d in read_jsonl(synthesized)] == [d.text for d in synthesize(4, 7, split="transfer")]
    own = tmp_path / "own.jsonl"
    write_jsonl(own, synthesize(3, 0, split="test"))
    given = parse_recipe({"data": {"train": str(own), "test": str(own), "calibrate": str(own)}})
    assert prepare_calibration(given, tmp_path) == own
    assert (
        prepare_calibration(parse_recipe({"data": {"train": str(own), "test": str(own)}}), tmp_path) is None
    )
    assert prepare_calibration(parse_recipe({"calibrate": None}), tmp_path) is None
