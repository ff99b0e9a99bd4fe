"""Small pieces for ``pare compress`` tests that must run in seconds: short labelled documents, recipe files,
and the out-of-process speed measurements replaced by in-process stand-ins."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from pare.data.jsonl import Document, Span, write_jsonl


def short_docs(n: int, start: int = 0) -> list[Document]:
    """``n`` one-sentence documents with a person and an e-mail: one training window each."""
    names = ["Ana Silva", "Jan de Vries", "Marie Curie", "Hans Müller", "Lucia Rossi"]
    docs = []
    for i in range(start, start + n):
        name = names[i % len(names)]
        email = f"{name.split()[0].lower()}{i}@example.org"
        text = f"Please contact {name} at {email}."
        spans = [Span(15, 15 + len(name), "private_person")]
        spans.append(Span(text.index(email), text.index(email) + len(email), "private_email"))
        docs.append(Document(text, spans))
    return docs


@pytest.fixture
def data_files(tmp_path) -> tuple[Path, Path]:
    """A labelled train and test JSONL of short documents (no synthesis, no development set)."""
    train, test = tmp_path / "train.jsonl", tmp_path / "test.jsonl"
    write_jsonl(train, short_docs(8))
    write_jsonl(test, short_docs(4, start=8))
    return train, test


@pytest.fixture
def recipe_file(tmp_path, data_files) -> Callable[..., Path]:
    """``recipe_file(teacher, stages, name=...)``: a recipe YAML under ``tmp_path`` with ``teacher``, the
    ``data_files`` (or ``train=`` another training file), no development set, and ``stages``."""

    def write(teacher: Path, stages: list, name: str = "recipe.yaml", train: Path | None = None) -> Path:
        data = {"train": str(train or data_files[0]), "test": str(data_files[1]), "dev": None}
        path = tmp_path / name
        path.write_text(yaml.safe_dump({"teacher": str(teacher), "data": data, "stages": stages}))
        return path

    return write


@pytest.fixture
def quick_measurements(monkeypatch) -> None:
    """Replace the speed and memory probes (each a fresh Python process timing forward passes) with constant
    stand-ins; sizes on disk stay real. ``test_compress.py`` runs the real probes."""
    from pare.bench import ModelStats, dir_size_bytes

    def measure_model(model_dir, *args, **kwargs) -> ModelStats:
        speed = {1: 100.0, 32: 1000.0}
        return ModelStats(1000, 500, dir_size_bytes(model_dir), 0.1, speed, 100.0, 128, 1)

    def compare_speed(baseline_dir, model_dir, *args, **kwargs) -> dict[int, dict[str, float]]:
        return {b: {"baseline_tokens_per_s": 100.0, "tokens_per_s": 150.0, "speedup": 1.5} for b in (1, 32)}

    monkeypatch.setattr("pare.bench.measure_model", measure_model)
    monkeypatch.setattr("pare.bench.compare_speed", compare_speed)


@pytest.fixture
def pare_cache(tmp_path, monkeypatch) -> Path:
    """``$PARE_CACHE`` under ``tmp_path``: fine-tuned teachers never land in the user's ~/.cache."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("PARE_CACHE", str(cache))
    return cache
