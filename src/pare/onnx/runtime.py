"""A token classifier exported by ``pare export --format onnx``, run on onnxruntime (no torch, no transformers).

``OnnxTokenClassifier`` takes (batch, tokens) int64 ``input_ids`` and ``attention_mask`` numpy arrays and gives
per-token label log-probabilities as a float32 numpy array, which is what ``pare.pii.detect.PiiDetector`` asks of
a model that is not a torch module. It runs on the CPU by default; ``device="cuda"`` (or ``None`` where
onnxruntime has its CUDA provider) puts it on the GPU, with the CPU as fallback for any operator CUDA lacks.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np

from pare.errors import PareError
from pare.modeldir import CONFIG_FILE, ONNX_FILE, first_line, read_json_file

CPU = "CPUExecutionProvider"
CUDA = "CUDAExecutionProvider"
INPUT_NAMES = ("input_ids", "attention_mask")


def providers_for(device: str | None) -> list[str]:
    """onnxruntime execution providers for ``device``: ``"cpu"``, ``"cuda"``, or ``None`` (CUDA when present)."""
    import onnxruntime as ort

    available = ort.get_available_providers()
    name = str(device).split(":")[0] if device is not None else ("cuda" if CUDA in available else "cpu")
    if name == "cpu":
        return [CPU]
    if name == "cuda":
        if CUDA not in available:
            raise PareError(
                "device cuda: this onnxruntime has no CUDA provider (pip install onnxruntime-gpu)"
            )
        return [CUDA, CPU]
    raise PareError(f"device {device!r}: the ONNX backend runs on cpu or cuda")


def log_softmax(logits: np.ndarray) -> np.ndarray:
    """``log_softmax`` over the last axis, in float32 as torch computes it."""
    x = logits.astype(np.float32, copy=False)
    shifted = x - x.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


class OnnxTokenClassifier:
    """``model.onnx`` of an exported directory on an onnxruntime session; ``config`` is its ``config.json``
    (empty while the directory has none). ``threads``: onnxruntime's intra-op threads (default: its own)."""

    def __init__(self, path: str | Path, device: str | None = "cpu", threads: int | None = None) -> None:
        self.path = Path(path)
        config = (
            read_json_file(self.path.parent / CONFIG_FILE)
            if self.path.with_name(CONFIG_FILE).is_file()
            else {}
        )
        self.config = SimpleNamespace(**config) if isinstance(config, dict) else SimpleNamespace()
        self.session = _session(self.path, providers_for(device), threads)
        self.device = "cuda" if CUDA in self.session.get_providers() else "cpu"
        names = tuple(i.name for i in self.session.get_inputs())
        if names != INPUT_NAMES:
            raise PareError(f"{self.path}: expected inputs {', '.join(INPUT_NAMES)}, got {', '.join(names)}")

    def logits(self, input_ids: np.ndarray, attention_mask: np.ndarray) -> np.ndarray:
        """(batch, tokens, labels) float32 logits."""
        feed = {"input_ids": input_ids.astype(np.int64), "attention_mask": attention_mask.astype(np.int64)}
        return self.session.run(None, feed)[0]

    def window_log_probs(self, input_ids: np.ndarray, attention_mask: np.ndarray) -> np.ndarray:
        """(batch, tokens, labels) float32 log-probabilities, the detector's per-window scores."""
        return log_softmax(self.logits(input_ids, attention_mask))


def _session(path: Path, providers: list[str], threads: int | None) -> Any:
    import onnxruntime as ort

    if not path.is_file():
        raise PareError(f"{path.parent}: no {ONNX_FILE}")
    options = ort.SessionOptions()
    options.log_severity_level = 3  # errors only: the library never prints
    if threads is not None:
        options.intra_op_num_threads = threads
    try:
        return ort.InferenceSession(str(path), options, providers=providers)
    except Exception as err:  # onnxruntime raises its own exception types for unreadable or invalid models
        raise PareError(f"{path}: cannot load the ONNX model ({first_line(err)})") from None
