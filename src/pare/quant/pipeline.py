"""Directory in, directory out: calibrate a token classifier on JSONL documents and quantize it."""

from __future__ import annotations

import json
import time
from itertools import zip_longest
from pathlib import Path

import torch

from pare.errors import PareError
from pare.progress import Track, no_track
from pare.quant.core import Calibration, QuantConfig, calibrate, quantize
from pare.quant.storage import MANIFEST, save_quantized


def calibration_batches(
    model_dir: str | Path, calib: str | Path, max_length: int = 128, batch_size: int = 8
) -> list[dict[str, torch.Tensor]]:
    """Tokenize the JSONL documents of ``calib`` into padded batches, with gold labels from their spans.

    Long documents are cut into windows that overlap by ``max_length // 8`` tokens each side (the detector's wide
    halo would count every token of a long document dozens of times). The documents are dealt into two parts of
    about the same number of windows, and batches alternate between the parts (the larger one first, its one
    surplus batch last), so the two parts of ``input_hessians`` (batch ``i`` in part ``i % 2``) hold different
    documents; within a part, windows are sorted by length to pad less.
    """

    from pare.data.jsonl import read_jsonl
    from pare.labels import Taxonomy
    from pare.modeldir import load_config, load_tokenizer
    from pare.train.features import collate, encode_documents

    try:
        taxonomy = Taxonomy.from_config(load_config(model_dir))
    except PareError:
        taxonomy = None  # labels unknown to pare: only --fisher model can calibrate
    docs = read_jsonl(calib, taxonomy.categories if taxonomy else None)
    tokenizer = load_tokenizer(model_dir)
    features = encode_documents(docs, tokenizer, taxonomy, max_length=max_length, halo=max_length // 8)
    pad = tokenizer.pad_token_id or 0
    by_doc: dict[int, list] = {}
    for f in features:
        by_doc.setdefault(f["doc"][0], []).append(f)
    parts: tuple[list, list] = ([], [])
    for windows in by_doc.values():  # each document to the part with fewer windows so far
        min(parts, key=len).extend(windows)
    batches = []
    for part in parts:
        part.sort(key=lambda f: len(f["input_ids"]))
        batches.append([collate(part[i : i + batch_size], pad) for i in range(0, len(part), batch_size)])
    first, second = sorted(batches, key=len, reverse=True)
    return [b for pair in zip_longest(first, second) for b in pair if b is not None]


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
    *,
    overwrite: bool = False,
) -> dict:
    """Quantize the model in ``model_dir`` into ``out``; returns the written manifest.

    ``calibration`` (from ``calibrate_directory`` on the same model and ``calib``) skips the calibration passes.
    Every input and the output path are checked before any work.
    """
    from pare.io import check_output
    from pare.loader import load
    from pare.modeldir import check_model_dir
    from pare.quant.plot import plot_allocation

    config.check()
    check_output(out, inputs=(model_dir, calib), overwrite=overwrite)
    found = check_model_dir(model_dir, tokenizer=True)
    if found.quantized:
        raise PareError(f"{model_dir}: already quantized; quantize the full-precision model")
    if config.uses_fisher and calib is None:
        raise PareError(f"method {config.method} needs calibration data: pass --calib FILE.jsonl")
    measure = config.uses_fisher and calibration is None
    batches = calibration_batches(model_dir, calib, max_length, batch_size) if measure else []
    model = load(model_dir)
    start = time.perf_counter()
    result = quantize(model, batches, config, track, len(batches), calibration)
    seconds = time.perf_counter() - start
    extra = {"seconds": seconds, "calibration": str(calib)}
    save_quantized(result, model, out, model_dir, extra, overwrite=overwrite, plot=plot_allocation)
    return json.loads((Path(out) / MANIFEST).read_text())
