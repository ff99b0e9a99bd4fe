"""The fine-tuned teacher cache of ``pare compress`` (``$PARE_CACHE/teachers``): the same fine-tune options and
training data reuse the cached teacher, byte for byte, without training; a changed option or changed data
trains anew."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from pare.compress import compress, load_recipe
from pare.data.jsonl import read_jsonl, write_jsonl

FINETUNE = {"epochs": 1, "batch_size": 8, "max_length": 32}


@pytest.fixture(scope="module")
def base_encoder(tiny_bert) -> Path:
    """A 1-block BERT encoder (hidden 16, no head) over MiniLM's real tokenizer: the base to fine-tune."""
    return tiny_bert("base", layers=1, token_classifier=False)


@pytest.fixture
def trainings(monkeypatch) -> list[str]:
    """The output directory of every fine-tune that actually runs."""
    module = importlib.import_module("pare.train.finetune")  # pare.train.finetune is also the function
    calls: list[str] = []
    real = module.finetune

    def spy(config, docs, per_epoch, out_dir, **kwargs):
        calls.append(str(out_dir))
        return real(config, docs, per_epoch, out_dir, **kwargs)

    monkeypatch.setattr(module, "finetune", spy)
    return calls


def test_same_options_and_data_reuse_the_cached_teacher_and_a_change_trains_anew(
    base_encoder, recipe_file, data_files, tmp_path, snapshot, trainings, quick_measurements, pare_cache
):
    def run(name: str, options: dict, train: Path | None = None):
        recipe = recipe_file(base_encoder, [{"finetune": options}], name=f"{name}.yaml", train=train)
        rows = compress(load_recipe(recipe), tmp_path / name)
        assert [r.name for r in rows] == ["teacher"]
        return rows[0]

    first = run("first", FINETUNE)
    assert not first.cached and len(trainings) == 1
    (cached,) = (pare_cache / "teachers").iterdir()
    assert trainings == [str(cached)]

    second = run("second", FINETUNE)  # another run directory: only the cache can supply the teacher
    assert second.cached and len(trainings) == 1
    assert snapshot(tmp_path / "second" / "teacher") == snapshot(tmp_path / "first" / "teacher")
    assert f"| {second.seconds:.0f} (cached) |" in (tmp_path / "second" / "report.md").read_text()

    changed = run("changed", {**FINETUNE, "seed": 1})
    assert not changed.cached and len(trainings) == 2
    weights = "model.safetensors"
    assert (tmp_path / "changed" / "teacher" / weights).read_bytes() != (cached / weights).read_bytes()

    fewer = tmp_path / "fewer.jsonl"
    write_jsonl(fewer, read_jsonl(data_files[0])[:-1])
    other_data = run("other-data", FINETUNE, train=fewer)
    assert not other_data.cached and len(trainings) == 3
    assert len(list((pare_cache / "teachers").iterdir())) == 3
