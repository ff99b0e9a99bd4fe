"""Export a token classifier pare can load (plain, trimmed or quantized) to an ONNX directory.

The model is exported with torch's ``torch.export``-based exporter (dynamo; the TorchScript one is deprecated
and traces data-dependent code such as a mixture of experts into constants) with dynamic batch and sequence
axes and eager attention (SDPA's export adds a NaN guard that slows onnxruntime), then optimized by onnxruntime for the CPU (``ORT_ENABLE_EXTENDED``: constant folding, fused MatMul and
LayerNorm kernels) and saved as one file. ``int8`` adds onnxruntime's dynamic quantization of the MatMul
weights (int8 weights, activations quantized per batch at run time); ``int8_embeddings`` also stores the
embedding tables in int8 (their Gather weights), which is most of a 1-block model's file.

Every export is checked before anything is written, on windows of real text built exactly as the detector
builds them (special tokens, padding, the training window length): onnxruntime's logits must equal torch's
within ``atol + rtol * |torch|`` on every real token (``FP32_TOLERANCE``), and the ``tokenizers`` tokenizer
written beside the graph must give the same ids, offsets and word ids as the model's own tokenizer. An int8
graph differs from torch by design; it must keep 99% of the tokens' label probabilities within
``INT8_P99_PROB_DIFF`` (a single token may move further: int8 embeddings move a few) and its most probable
label on ``INT8_MIN_AGREEMENT`` of the tokens, which catches a broken quantization, not
its cost in F1 (``benchmarks/bench_onnx.py`` measures that). A failed check is a one-line ``PareError`` and
leaves no output.

The directory holds ``model.onnx``, ``config.json`` (labels as ``id2label``), the tokenizer
(``tokenizer.json``, ``tokenizer_config.json`` with ``model_max_length``, the window length pare trained with),
``viterbi_calibration.json`` when the source has one, and ``onnx_config.json`` (how it was made and checked).
"""

from __future__ import annotations

import contextlib
import json
import logging
import shutil
import time
import warnings
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch

from pare.data.windows import plan_windows
from pare.errors import PareError
from pare.io import atomic_dir, check_output
from pare.loader import load
from pare.modeldir import (
    CALIBRATION_FILE,
    CONFIG_FILE,
    ONNX_FILE,
    ONNX_MANIFEST,
    check_model_dir,
    first_line,
    load_tokenizer,
    quiet_transformers,
    save_tokenizer,
)
from pare.onnx.config import MIN_OPSET, OnnxExportConfig
from pare.onnx.runtime import CPU, INPUT_NAMES, OnnxTokenClassifier, log_softmax
from pare.onnx.tokenizer import RuntimeTokenizer

FP32_TOLERANCE = (1e-3, 1e-3)  # (atol, rtol) on logits
INT8_P99_PROB_DIFF = 0.25
INT8_MIN_AGREEMENT = 0.95
# the "few real inputs" of the write-time check: PII in several languages and layouts
SAMPLE_TEXTS = (
    "Call Maria Gonzalez at +34 612 345 678 or write to maria.gonzalez@example.com.",
    "Bitte rufen Sie Frau Anna Berg unter 030 1234567 an.",
    "IBAN DE89 3704 0044 0532 0130 00, born 1984-03-12, lives at 221B Baker Street, London NW1 6XE.",
    "Password: hunter2-Xq9!  Visit https://intranet.example.org/profile?id=4412 for details.",
    "Le rendez-vous de Jean-Pierre Dupont est le 3 mars 2025 à 14h, tél. 06 12 34 56 78.",
    "ok",
)


@dataclass(frozen=True)
class OnnxExport:
    """What ``export_onnx`` wrote and how it checked it (differences on real tokens of the sample windows)."""

    out_dir: Path
    opset: int
    int8: bool
    int8_embeddings: bool
    max_logit_diff: float  # the fp32 graph against torch
    int8_max_prob_diff: float | None  # the int8 graph against torch (label probabilities, largest)
    int8_p99_prob_diff: float | None  # ... and its 99th percentile over tokens
    int8_agreement: float | None  # share of tokens whose most probable label is torch's
    file_bytes: int
    seconds: float

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "out_dir": str(self.out_dir)}


def export_onnx(
    model_dir: str | Path,
    out: str | Path,
    config: OnnxExportConfig = OnnxExportConfig(),
    *,
    overwrite: bool = False,
) -> OnnxExport:
    """Write the ONNX directory of the token classifier in ``model_dir`` to ``out`` (atomically, checked)."""
    start = time.perf_counter()
    model_dir, out = Path(model_dir), Path(out)
    if config.opset < MIN_OPSET:
        raise PareError(f"opset {config.opset}: pare exports opset {MIN_OPSET} or later")
    check_output(out, inputs=(model_dir,), overwrite=overwrite)
    found = check_model_dir(model_dir, tokenizer=True, token_classifier=True)
    if found.onnx:
        raise PareError(f"{model_dir}: already an ONNX export")
    model = _export_ready(load(model_dir, dequantize="all"))
    tokenizer = load_tokenizer(model_dir)
    ids, mask = sample_windows(model, tokenizer)
    reference = _torch_logits(model, ids, mask)
    with atomic_dir(out, inputs=(model_dir,), overwrite=overwrite) as tmp:
        _write_files(model_dir, tokenizer, tmp)
        _write_graph(model, ids, mask, tmp / ONNX_FILE, config.opset)
        logit_diff = check_fp32(tmp / ONNX_FILE, ids, mask, reference)
        prob_diff = p99 = agreement = None
        if config.quantized_ops:
            quantize_int8(tmp / ONNX_FILE, config.quantized_ops)
            prob_diff, p99, agreement = check_int8(tmp / ONNX_FILE, ids, mask, reference)
        check_tokenizer(tokenizer, RuntimeTokenizer.from_dir(tmp), tmp)
        result = OnnxExport(
            out,
            config.opset,
            bool(config.quantized_ops),
            config.int8_embeddings,
            logit_diff,
            prob_diff,
            p99,
            agreement,
            (tmp / ONNX_FILE).stat().st_size,
            time.perf_counter() - start,
        )
        _write_manifest(tmp / ONNX_MANIFEST, model_dir, result)
    return result


def _export_ready(model: Any) -> Any:
    """The model in eval mode, with eager attention where it has it, and a mixture of experts (if any)
    computed without data-dependent loops."""
    if getattr(model.config, "_experts_implementation", None) not in (None, "batched_mm"):
        model.set_experts_implementation("batched_mm")
    # SDPA exports with a guard for fully masked rows (IsNaN and Where over the batch x heads x tokens x
    # tokens scores) that costs onnxruntime a fifth of a 1-block model's forward pass at batch 32; eager
    # attention computes the same logits without it (the fp32 check below holds either way)
    if getattr(model.config, "_attn_implementation", "eager") != "eager":
        with contextlib.suppress(ValueError, AttributeError):  # a model without an eager path keeps its own
            model.set_attn_implementation("eager")
    return model.eval()


def sample_windows(model: Any, tokenizer: Any) -> tuple[np.ndarray, np.ndarray]:
    """``input_ids`` and ``attention_mask`` of the sample texts' windows as the detector builds them: each text
    alone, and all of them joined into one text long enough for a full window."""
    from pare.labels import Taxonomy
    from pare.pii.detect import PiiDetector, pad_windows

    detector = PiiDetector(model, tokenizer, Taxonomy.from_config(model.config), device="cpu")
    texts = [*SAMPLE_TEXTS, " ".join(SAMPLE_TEXTS * 8)]
    enc = tokenizer(texts, add_special_tokens=False, verbose=False)
    rows = []
    for ids in enc["input_ids"]:
        for w in plan_windows(len(ids), detector.window_size, detector.halo):
            rows.append(detector.prefix + ids[w.start : w.end] + detector.suffix)
    return pad_windows(rows, detector.pad_id)


class _LogitsOnly(torch.nn.Module):
    """The model as a module of (input_ids, attention_mask) -> logits, the graph's one output."""

    def __init__(self, model: torch.nn.Module) -> None:
        super().__init__()
        self.model = model

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        return self.model(input_ids=input_ids, attention_mask=attention_mask).logits


def _torch_logits(model: Any, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
    with torch.inference_mode():
        out = model(input_ids=torch.from_numpy(ids), attention_mask=torch.from_numpy(mask)).logits
    return out.float().numpy()


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """Silence the exporter's and the quantizer's warnings and log lines (the library never prints)."""
    with warnings.catch_warnings(), quiet_transformers():
        warnings.simplefilter("ignore")
        logging.disable(logging.WARNING)
        try:
            yield
        finally:
            logging.disable(logging.NOTSET)


def _write_graph(model: Any, ids: np.ndarray, mask: np.ndarray, dest: Path, opset: int) -> None:
    """Export to ``dest`` (one file), dynamic in batch and sequence, optimized by onnxruntime for the CPU."""
    import onnx
    import onnxruntime as ort

    raw = dest.with_name("unoptimized.onnx")
    axes = {0: torch.export.Dim("batch"), 1: torch.export.Dim("sequence")}
    try:
        with _quiet():
            program = torch.onnx.export(
                _LogitsOnly(model).eval(),
                (torch.from_numpy(ids), torch.from_numpy(mask)),
                None,
                input_names=list(INPUT_NAMES),
                output_names=["logits"],
                opset_version=opset,
                dynamo=True,
                verbose=False,
                dynamic_shapes={name: axes for name in INPUT_NAMES},
            )
            onnx.save_model(program.model_proto, str(raw))
            options = ort.SessionOptions()
            options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_EXTENDED
            options.optimized_model_filepath = str(dest)
            ort.InferenceSession(str(raw), options, providers=[CPU])
    except Exception as err:  # the exporter and onnxruntime raise many types; each is one line to the user
        raise PareError(f"cannot export {type(model).__name__} to ONNX ({first_line(err)})") from None
    finally:
        raw.unlink(missing_ok=True)


def quantize_int8(path: Path, ops: tuple[str, ...] = ("MatMul",)) -> None:
    """Replace the graph at ``path`` with onnxruntime's dynamic int8 quantization of the weights of ``ops``
    (per output channel: w[:, j] ≈ scale_j · q[:, j], q in [-127, 127]; activations are quantized at run
    time): per channel loses less F1 than per tensor (BENCHMARKS.md, ONNX)."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantized = path.with_name("int8.onnx")
    try:
        with _quiet():
            quantize_dynamic(
                path, quantized, op_types_to_quantize=list(ops), weight_type=QuantType.QInt8, per_channel=True
            )
    except Exception as err:  # as above
        quantized.unlink(missing_ok=True)
        raise PareError(f"{path.name}: int8 quantization failed ({first_line(err)})") from None
    quantized.replace(path)


def _onnx_logits(path: Path, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
    return OnnxTokenClassifier(path, "cpu").logits(ids, mask)


def check_fp32(path: Path, ids: np.ndarray, mask: np.ndarray, reference: np.ndarray) -> float:
    """The largest logit difference on real tokens; a ``PareError`` when beyond ``FP32_TOLERANCE``."""
    atol, rtol = FP32_TOLERANCE
    real = mask.astype(bool)
    got, ref = _onnx_logits(path, ids, mask)[real], reference[real]
    diff = np.abs(got - ref)
    if not np.all(diff <= atol + rtol * np.abs(ref)):
        raise PareError(
            f"ONNX export check failed: onnxruntime's logits differ from torch's by up to {diff.max():.3g} "
            f"(tolerance {atol:g} + {rtol:g}·|logit|); nothing written"
        )
    return float(diff.max())


def check_int8(
    path: Path, ids: np.ndarray, mask: np.ndarray, reference: np.ndarray
) -> tuple[float, float, float]:
    """(largest and 99th-percentile label-probability difference per token, share of tokens with torch's most
    probable label) of the int8 graph on real tokens; a ``PareError`` when the percentile is beyond
    ``INT8_P99_PROB_DIFF`` or the share below ``INT8_MIN_AGREEMENT``."""
    real = mask.astype(bool)
    got, ref = _onnx_logits(path, ids, mask)[real], reference[real]
    per_token = np.abs(np.exp(log_softmax(got)) - np.exp(log_softmax(ref))).max(-1)
    largest, p99 = float(per_token.max()), float(np.quantile(per_token, 0.99))
    agreement = float((got.argmax(-1) == ref.argmax(-1)).mean())
    if p99 > INT8_P99_PROB_DIFF or agreement < INT8_MIN_AGREEMENT:
        raise PareError(
            f"ONNX int8 check failed: 99% of the tokens' label probabilities are within {p99:.3f} of torch's "
            f"(at most {INT8_P99_PROB_DIFF}) and the most probable label agrees on {agreement:.1%} of tokens "
            f"(at least {INT8_MIN_AGREEMENT:.0%}); nothing written"
        )
    return largest, p99, agreement


def _write_files(model_dir: Path, tokenizer: Any, tmp: Path) -> None:
    """Config, tokenizer (as ``tokenizer.json`` and its config) and calibration beside the graph."""
    shutil.copy2(model_dir / CONFIG_FILE, tmp / CONFIG_FILE)
    if (model_dir / CALIBRATION_FILE).is_file():
        shutil.copy2(model_dir / CALIBRATION_FILE, tmp / CALIBRATION_FILE)
    save_tokenizer(tokenizer, tmp)


def check_tokenizer(expected: Any, runtime: RuntimeTokenizer, where: Path) -> None:
    """The runtime tokenizer must encode the sample texts as the model's tokenizer does, frame windows with the
    same special tokens and pad with the same id."""
    from pare.data.windows import special_frame

    texts = [*SAMPLE_TEXTS, "Übergrößenträger  ﬁne\tnaïve 東京 🙂 O'Neil-Smith"]
    kwargs = {"add_special_tokens": False, "return_offsets_mapping": True, "verbose": False}
    a, b = expected(texts, **kwargs), runtime(texts, **kwargs)
    same = all(
        list(a["input_ids"][i]) == list(b["input_ids"][i])
        and [tuple(o) for o in a["offset_mapping"][i]] == [tuple(o) for o in b["offset_mapping"][i]]
        and a.word_ids(i) == b.word_ids(i)
        for i in range(len(texts))
    )
    same = same and special_frame(expected) == special_frame(runtime)
    same = same and expected.pad_token_id == runtime.pad_token_id
    same = same and min(expected.model_max_length, 10**6) == min(runtime.model_max_length, 10**6)
    if not same:
        raise PareError(
            f"{where}: the saved tokenizer.json does not encode as the model's tokenizer; nothing written"
        )


def _write_manifest(path: Path, source: Path, result: OnnxExport) -> None:
    import onnxruntime

    record = {
        "format": "pare-onnx",
        "source": str(source),
        "exporter": f"torch.onnx (dynamo), torch {torch.__version__}",
        "optimized_by": f"onnxruntime {onnxruntime.__version__} (ORT_ENABLE_EXTENDED, CPU)",
        "opset": result.opset,
        "int8": result.int8,
        "int8_embeddings": result.int8_embeddings,
        "check": {
            "fp32_tolerance": {"atol": FP32_TOLERANCE[0], "rtol": FP32_TOLERANCE[1]},
            "max_logit_diff": result.max_logit_diff,
            "int8_max_prob_diff": result.int8_max_prob_diff,
            "int8_p99_prob_diff": result.int8_p99_prob_diff,
            "int8_agreement": result.int8_agreement,
        },
    }
    path.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
