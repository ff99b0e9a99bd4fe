"""Fixtures for the trim tests: one tiny model directory per tokenizer kind, built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest
from trim_helpers import KINDS, build_model_dir


@pytest.fixture(scope="session")
def model_dirs(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("trim-models")
    return {kind: build_model_dir(root / kind, kind) for kind in KINDS}
