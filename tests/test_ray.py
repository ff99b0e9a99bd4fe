"""The Ray Data engine on a local Ray instance with 2 CPUs gives the single-process results."""

from __future__ import annotations

import json

import pytest

ray = pytest.importorskip("ray")

from pare.pii import PiiDetector, anonymize  # noqa: E402
from pare.pii.job import DetectSettings  # noqa: E402
from pare.pii.operators import PolicyOptions, build_policy  # noqa: E402
from pare.ray import RayConfig, redact_dataset  # noqa: E402

TEXTS = ["ana lee called bob", "", "x " * 300, "call ana at home, then lee"]


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def model(tiny_bert) -> str:
    return str(tiny_bert("ray-model", seed=5))


def test_redact_dataset_equals_the_local_path(local_ray, model):
    policy = build_policy(PolicyOptions(index=True))
    rows = [{"id": i, "text": t, "other": t} for i, t in enumerate(TEXTS)]
    ds = ray.data.from_items(rows)
    out = redact_dataset(
        ds, RayConfig(DetectSettings(model), rows_per_batch=2), ["text"], policy=policy, concurrency=1
    ).take_all()
    detector = PiiDetector.from_dir(model)
    local = anonymize(TEXTS, detector.detect(TEXTS), policy)
    assert sorted(out, key=lambda r: r["id"]) == [
        {"id": i, "text": r.redacted_text, "other": t}
        for i, (r, t) in enumerate(zip(local, TEXTS, strict=True))
    ]
    assert any(r.replacements for r in local)


def test_cli_engine_ray_equals_the_local_engine(local_ray, model, run_pare, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(
        "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(TEXTS)), encoding="utf-8"
    )
    code, _, err = run_pare(
        "redact", "-f", src, "--model", model, "--engine", "ray", "-o", tmp_path / "ray", "--concurrency", "1"
    )
    assert code == 0, err
    got = [
        json.loads(line)
        for p in sorted((tmp_path / "ray").glob("*.json"))
        for line in p.read_text().splitlines()
    ]
    assert (
        run_pare("redact", "-f", src, "--model", model, "--field", "text", "-o", tmp_path / "local.jsonl")[0]
        == 0
    )
    local = [json.loads(line) for line in (tmp_path / "local.jsonl").read_text(encoding="utf-8").splitlines()]
    assert got == local
    code, _, err = run_pare(
        "redact", "-f", src, "--model", model, "--engine", "ray", "-o", tmp_path / "r2", "--consistent", "run"
    )
    assert code == 2 and "use --engine local" in err
