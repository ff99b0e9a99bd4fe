"""The stages of ``pare compress``: each calls the same library function as its own sub-command."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import asdict
from pathlib import Path

from pare.compress.recipe import Recipe, Stage
from pare.data.jsonl import read_jsonl, write_jsonl
from pare.io import atomic_dir
from pare.progress import Track, no_track


def cache_root() -> Path:
    """Where fine-tuned teachers are kept between runs (``$PARE_CACHE`` or ``~/.cache/pare``)."""
    return Path(os.environ.get("PARE_CACHE", Path.home() / ".cache" / "pare"))


def prepare_data(recipe: Recipe, data_dir: Path, track: Track = no_track) -> tuple[Path, Path, list[Path]]:
    """The recipe's train and test JSONL files and its unlabelled text files.

    When the recipe has no training data, they are synthesized into ``data_dir``: train documents from the
    train templates (seed ``seed``) followed by ``n_world`` from the world family's train frames (seed ``seed``,
    English), test documents from the held-out templates (seed ``seed + 1``), and unlabelled ones, without
    spans: ``n_unlabelled`` from the train templates (seed ``seed + 2``), ``n_transfer`` from the transfer
    templates, on neither side of the split (seed ``seed + 3``), and ``n_world_unlabelled`` from the world
    family's train frames (seed ``seed + 4``). ``synth.native_scripts`` writes some of the world documents'
    names (and cities, countries, organisations) in their own script.
    """
    spec = recipe.data
    unlabelled = [Path(p) for p in spec.unlabelled]
    if spec.train is not None and spec.test is not None:
        read_jsonl(spec.train), read_jsonl(spec.test)  # validate early: fail before any training
        return Path(spec.train), Path(spec.test), unlabelled
    from pare.data.synth import synthesize

    train, test = data_dir / "train.jsonl", Path(spec.test) if spec.test else data_dir / "test.jsonl"
    synth = spec.synth
    english = synth.locales is None or "en" in synth.locales  # the world family is English
    if not train.is_file():
        docs = synthesize(synth.n_train, synth.seed, synth.locales, split="train", track=track)
        if synth.n_world and english:
            docs += synthesize(
                synth.n_world,
                synth.seed,
                split="world-train",
                track=track,
                native_scripts=synth.native_scripts,
            )
        write_jsonl(train, docs)
    if not test.is_file():
        write_jsonl(test, synthesize(synth.n_test, synth.seed + 1, synth.locales, split="test", track=track))
    for name, n, seed, split in (
        ("unlabelled", synth.n_unlabelled, synth.seed + 2, "train"),
        ("transfer", synth.n_transfer, synth.seed + 3, "transfer"),
        ("world", synth.n_world_unlabelled if english else 0, synth.seed + 4, "world-train"),
    ):
        if n > 0:
            text = data_dir / f"{name}.jsonl"
            if not text.is_file():
                world = split.startswith("world")
                native = world and synth.native_scripts
                docs = synthesize(
                    n, seed, None if world else synth.locales, split=split, track=track, native_scripts=native
                )
                write_jsonl(text, docs, text_only=True)
            unlabelled.append(text)
    return train, test, unlabelled


def prepare_calibration(recipe: Recipe, data_dir: Path, track: Track = no_track) -> Path | None:
    """The labelled documents each model's operating points are fitted on: the recipe's file, or
    ``n_calibrate`` documents of the transfer templates (seed ``seed + 5``) when the data is synthesized; None
    when the recipe fits none (``calibrate: null``) or brings its own data without a calibration file."""
    spec = recipe.data
    if recipe.calibrate is None:
        return None
    if spec.calibrate is not None:
        read_jsonl(spec.calibrate)  # validate early
        return Path(spec.calibrate)
    if spec.train is not None or spec.synth.n_calibrate <= 0:
        return None
    from pare.data.synth import synthesize

    path = data_dir / "calibrate.jsonl"
    if not path.is_file():
        synth = spec.synth
        write_jsonl(
            path, synthesize(synth.n_calibrate, synth.seed + 5, synth.locales, split="transfer", track=track)
        )
    return path


def run_calibrate(model: Path, docs: Path, point: str, track: Track) -> None:
    """Fit ``model``'s operating points on ``docs`` (strict span F1, the figure pare reports) and make
    ``point`` its default, in place (the stage's own output)."""
    from pare.evaluate.calibrate import CalibrationConfig, as_default, calibrate_detector, write_calibration
    from pare.pii import PiiDetector

    detector = PiiDetector.from_dir(model)
    result = calibrate_detector(detector, read_jsonl(docs), CalibrationConfig(match="strict"), track=track)
    write_calibration(model, as_default(result.fitted(), point))


def _fingerprint(*parts: object) -> str:
    digest = hashlib.sha256()
    for part in parts:
        if isinstance(part, Path) and part.is_file():
            digest.update(part.read_bytes())
        else:
            digest.update(json.dumps(part, sort_keys=True, default=str).encode())
    return digest.hexdigest()[:16]


def run_finetune(stage: Stage, recipe: Recipe, train: Path, out: Path, track: Track) -> bool:
    """Fine-tune the teacher; reuse an identical earlier fine-tune from the cache. Returns True if cached.

    No evaluation after each epoch: ``pare compress`` scores the finished teacher on the test set anyway.
    """
    from pare.train.finetune import FinetuneConfig, finetune

    config = FinetuneConfig(**{"base": recipe.teacher, "seed": recipe.seed, **stage.options})
    key = _fingerprint("finetune", config.to_dict(), train)
    cached = cache_root() / "teachers" / key
    was_cached = cached.is_dir()
    if not was_cached:
        finetune(config, read_jsonl(train), None, cached, track=track, overwrite=True)
    with atomic_dir(out, overwrite=True) as tmp:
        shutil.copytree(cached, tmp, dirs_exist_ok=True)
    return was_cached


def run_distill(
    stage: Stage, recipe: Recipe, teacher: Path, data: list[Path], out: Path, track: Track
) -> None:
    from pare.distill import DistillConfig, distill

    options = dict(stage.options)
    student = options.pop("student", None)
    config = DistillConfig(**{"seed": recipe.seed, **options})
    distill(teacher, data, out, config, student_dir=student, track=track, overwrite=True)


def run_trim(stage: Stage, model: Path, corpus: list[Path], out: Path, track: Track) -> None:
    from pare.trim import read_keep_tokens, trim_model

    options = dict(stage.options)
    keep = read_keep_tokens(options.pop("keep_tokens")) if "keep_tokens" in options else ()
    trim_model(model, out, corpus=corpus, keep_tokens=keep, track=track, overwrite=True, **options)


def run_quantize(
    stage: Stage, recipe: Recipe, model: Path, train: Path, data_dir: Path, out: Path, track: Track
) -> dict:
    """Quantize with Fisher information from (a seeded sample of) the training documents."""
    import random

    from pare.quant import QuantConfig
    from pare.quant.pipeline import quantize_directory

    options = dict(stage.options)
    n_calib = int(options.pop("calib_docs", 512))
    config = QuantConfig(**{"seed": recipe.seed, **options})
    docs = read_jsonl(train)
    if len(docs) > n_calib:
        docs = random.Random(recipe.seed).sample(docs, n_calib)
    calib = data_dir / "calib.jsonl"
    write_jsonl(calib, docs, overwrite=True)
    return quantize_directory(model, calib, out, config, track=track, overwrite=True)


def stage_signature(stage: Stage | None, inputs: list[str]) -> str:
    """Identifies a finished stage: same kind, options and inputs -> same result, so a re-run skips it."""
    return _fingerprint(asdict(stage) if stage is not None else None, inputs)
