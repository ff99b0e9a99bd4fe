"""Directory in, directory out: calibrate a token classifier on JSONL documents and quantize it."""

from __future__ import annotations

import json
import time
from pathlib import Path

import torch

from pare.errors import PareError
from pare.progress import Track, no_track
from pare.quant.core import MANIFEST, Calibration, QuantConfig, calibrate, quantize, save_quantized


def calibration_batches(
    model_dir: str | Path, calib: str | Path, max_length: int = 128, batch_size: int = 8
) -> list[dict[str, torch.Tensor]]:
    """Tokenize the JSONL documents of ``calib`` into padded batches, with gold labels from their spans."""
    from transformers import AutoConfig, AutoTokenizer

    from pare.data.jsonl import read_jsonl
    from pare.labels import Taxonomy
    from pare.train.features import collate, encode_documents

    config = AutoConfig.from_pretrained(model_dir)
    try:
        taxonomy = Taxonomy.from_config(config)
    except PareError:
        taxonomy = None  # labels unknown to pare: only --fisher model can calibrate
    docs = read_jsonl(calib, taxonomy.categories if taxonomy else None)
    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    features = encode_documents(docs, tokenizer, taxonomy, max_length=max_length)
    pad = tokenizer.pad_token_id or 0
    return [collate(features[i : i + batch_size], pad) for i in range(0, len(features), batch_size)]


def calibrate_directory(
    model_dir: str | Path,
    calib: str | Path,
    config: QuantConfig,
    max_length: int = 128,
    batch_size: int = 8,
    track: Track = no_track,
) -> Calibration:
    """The Fisher and input Hessians of the model in ``model_dir`` on ``calib``, to quantize it several ways."""
    from pare.loader import load

    batches = calibration_batches(model_dir, calib, max_length, batch_size)
    model = load(model_dir)
    return calibrate(model, batches, config.fisher, config.seed, True, track, len(batches))


def quantize_directory(
    model_dir: str | Path,
    calib: str | Path | None,
    out: str | Path,
    config: QuantConfig,
    max_length: int = 128,
    batch_size: int = 8,
    track: Track = no_track,
    calibration: Calibration | None = None,
) -> dict:
    """Quantize the model in ``model_dir`` into ``out``; returns the written manifest.

    ``calibration`` (from ``calibrate_directory`` on the same model and ``calib``) skips the calibration passes.
    """
    from pare.loader import load

    config.validate()
    if (Path(model_dir) / MANIFEST).is_file():
        raise PareError(f"{model_dir}: already quantized; quantize the full-precision model")
    if config.uses_fisher and calib is None:
        raise PareError(f"method {config.method} needs calibration data: pass --calib FILE.jsonl")
    measure = config.uses_fisher and calibration is None
    batches = calibration_batches(model_dir, calib, max_length, batch_size) if measure else []
    model = load(model_dir)
    start = time.perf_counter()
    result = quantize(model, batches, config, track, len(batches), calibration)
    seconds = time.perf_counter() - start
    save_quantized(result, model, out, model_dir, {"seconds": seconds, "calibration": str(calib)})
    return json.loads((Path(out) / MANIFEST).read_text())
