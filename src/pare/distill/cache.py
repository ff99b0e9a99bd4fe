"""Teacher outputs computed once, stored as memory-mapped ``.npy`` files, read by every later epoch and run.

A cache entry is a directory named by a hash of everything the outputs depend on: the teacher (its
directory's file names, sizes and modification times), the exact model inputs (the token ids of every
example, which covers the data, the tokenizer and ``max_length``), the task, the stored hidden layers and the
top-k setting. It holds

- ``logits.npy`` (rows, C) float32, or for more than ``top_k_above`` classes the top-k logits (rows, k)
  float16 with ``indices.npy`` (rows, k) int32 — a row per token (token classification, causal LM) or per
  example (sequence classification);
- ``hidden.npy`` (layers, tokens, H) float16: the outputs of the requested teacher blocks, a row per token;
- ``meta.json``: shapes and settings.

Rows follow the examples in order; example ``i``'s tokens are rows ``token_offsets[i]`` onwards.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from torch import nn

from pare.io import atomic_dir
from pare.progress import Track, no_track
from pare.train.features import collate

CACHE_VERSION = 1


def default_cache_dir() -> Path:
    """``$PARE_CACHE/distill`` or ``~/.cache/pare/distill``."""
    root = os.environ.get("PARE_CACHE")
    return (Path(root) if root else Path.home() / ".cache" / "pare") / "distill"


def fingerprint_dir(path: str | Path) -> str:
    """The identity of a model directory: each file's name and the SHA-256 of its bytes.

    By content, not by path or modification time, so a copy of the same teacher elsewhere (``pare compress``
    copies its cached teacher into every output directory) finds the outputs already computed; hashing a
    model's files costs a fraction of a second per 100 MB, far less than one pass of the teacher.
    """
    path = Path(path)
    h = hashlib.sha256()
    for f in sorted(p for p in path.rglob("*") if p.is_file()):
        with f.open("rb") as fh:
            h.update(
                f"{f.relative_to(path).as_posix()}:{hashlib.file_digest(fh, 'sha256').hexdigest()};".encode()
            )
    return h.hexdigest()


def token_offsets(features: Sequence[dict]) -> np.ndarray:
    """Start row of each example's tokens (length ``len(features) + 1``; the last entry is the total)."""
    lengths = np.array([len(f["input_ids"]) for f in features], dtype=np.int64)
    return np.concatenate([[0], np.cumsum(lengths)])


def cache_key(
    teacher_id: str,
    features: Sequence[dict],
    task: str,
    hidden_layers: Sequence[int],
    top_k: int | None,
    class_ids: np.ndarray | None = None,
) -> str:
    h = hashlib.sha256(json.dumps([CACHE_VERSION, teacher_id, task, list(hidden_layers), top_k]).encode())
    if class_ids is not None:
        h.update(b"classes:" + np.asarray(class_ids, dtype=np.int64).tobytes())
    for f in features:
        ids = np.asarray(f["input_ids"], dtype=np.int64)
        h.update(np.int64(len(ids)).tobytes())
        h.update(ids.tobytes())
    return h.hexdigest()[:32]


@contextmanager
def capture_block_outputs(blocks: nn.ModuleList, indices: Sequence[int]) -> Iterator[dict[int, torch.Tensor]]:
    """Record the output hidden states of ``blocks[i]`` for each ``i`` in ``indices`` during a forward."""
    outputs: dict[int, torch.Tensor] = {}

    def hook(i: int):
        def record(module, args, output):
            outputs[i] = output[0] if isinstance(output, tuple) else output

        return record

    handles = [blocks[i].register_forward_hook(hook(i)) for i in indices]
    try:
        yield outputs
    finally:
        for handle in handles:
            handle.remove()


@dataclass
class TeacherTargets:
    """Memory-mapped teacher outputs (see the module docstring for the layout)."""

    path: Path
    logits: np.ndarray
    indices: np.ndarray | None
    hidden: np.ndarray | None
    hidden_layers: list[int]
    offsets: np.ndarray
    per_example: bool  # one logits row per example (sequence classification) instead of per token
    computed: bool  # False when read from an existing cache entry

    @property
    def top_k(self) -> bool:
        return self.indices is not None


def _open(path: Path, offsets: np.ndarray, per_example: bool, computed: bool) -> TeacherTargets:
    meta = json.loads((path / "meta.json").read_text())
    indices = np.load(path / "indices.npy", mmap_mode="r") if (path / "indices.npy").exists() else None
    hidden = np.load(path / "hidden.npy", mmap_mode="r") if (path / "hidden.npy").exists() else None
    return TeacherTargets(
        path,
        np.load(path / "logits.npy", mmap_mode="r"),
        indices,
        hidden,
        meta["hidden_layers"],
        offsets,
        per_example,
        computed,
    )


def teacher_targets(
    teacher: nn.Module,
    features: Sequence[dict],
    *,
    teacher_id: str,
    task: str,
    blocks: nn.ModuleList,
    hidden_layers: Sequence[int] = (),
    cache_dir: str | Path | None = None,
    top_k: int = 64,
    top_k_above: int = 1024,
    batch_size: int = 32,
    pad_id: int = 0,
    class_ids: np.ndarray | None = None,
    track: Track = no_track,
) -> TeacherTargets:
    """Teacher logits (and hidden states of ``hidden_layers``) for every example, from the cache if present.

    ``blocks`` is the teacher's block stack (``find_block_stack``). Runs the teacher only on a cache miss.
    ``class_ids`` (the teacher class of each student class, -1 for none) gathers the teacher's logits onto
    the student's classes before they are stored (a trimmed vocabulary); classes without a teacher class get
    a logit far below every other.
    """
    per_example = task == "sequence"
    num_classes = teacher.config.num_labels if task != "causal" else teacher.config.vocab_size
    if class_ids is not None:
        num_classes = len(class_ids)
        gather = torch.from_numpy(np.maximum(class_ids, 0))
        absent = torch.from_numpy(class_ids < 0)
    k = top_k if num_classes > top_k_above else None
    hidden_layers = list(hidden_layers)
    key = cache_key(teacher_id, features, task, hidden_layers, k, class_ids)
    root = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    path = root / key
    offsets = token_offsets(features)
    if (path / "meta.json").exists():
        return _open(path, offsets, per_example, computed=False)

    device = next(teacher.parameters()).device
    rows = len(features) if per_example else int(offsets[-1])
    hidden_size = teacher.config.hidden_size
    with atomic_dir(path, overwrite=True) as tmp:
        width = k if k is not None else num_classes
        logits_out = np.lib.format.open_memmap(
            tmp / "logits.npy", "w+", np.float16 if k else np.float32, (rows, width)
        )
        idx_out = np.lib.format.open_memmap(tmp / "indices.npy", "w+", np.int32, (rows, k)) if k else None
        hid_out = (
            np.lib.format.open_memmap(
                tmp / "hidden.npy", "w+", np.float16, (len(hidden_layers), int(offsets[-1]), hidden_size)
            )
            if hidden_layers
            else None
        )
        order = sorted(range(len(features)), key=lambda i: len(features[i]["input_ids"]))
        chunks = [order[i : i + batch_size] for i in range(0, len(order), batch_size)]
        teacher.eval()
        with torch.inference_mode():
            for chunk in track(chunks, "teacher outputs", total=len(chunks)):
                batch = collate([features[i] for i in chunk], pad_id)
                inputs = {n: batch[n].to(device) for n in ("input_ids", "attention_mask")}
                with capture_block_outputs(blocks, hidden_layers) as captured:
                    logits = teacher(**inputs).logits.float()
                if class_ids is not None:
                    logits = logits[..., gather.to(device)].masked_fill(absent.to(device), -1e4)
                if k is not None:
                    values, top = logits.topk(k, dim=-1)
                for b, i in enumerate(chunk):
                    n = len(features[i]["input_ids"])
                    lo = int(offsets[i])
                    if per_example:
                        logits_out[i] = logits[b].cpu().numpy()
                    elif k is not None:
                        logits_out[lo : lo + n] = values[b, :n].cpu().numpy()
                        idx_out[lo : lo + n] = top[b, :n].cpu().numpy()
                    else:
                        logits_out[lo : lo + n] = logits[b, :n].cpu().numpy()
                    for j, layer in enumerate(hidden_layers):
                        hid_out[j, lo : lo + n] = captured[layer][b, :n].float().cpu().numpy()
        for array in (logits_out, idx_out, hid_out):
            if array is not None:
                array.flush()
        del logits_out, idx_out, hid_out
        meta = {
            "version": CACHE_VERSION,
            "teacher": teacher_id,
            "task": task,
            "examples": len(features),
            "tokens": int(offsets[-1]),
            "classes": num_classes,
            "top_k": k,
            "hidden_layers": hidden_layers,
        }
        (tmp / "meta.json").write_text(json.dumps(meta, indent=2))
    return _open(path, offsets, per_example, computed=True)
