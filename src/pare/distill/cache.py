"""Teacher outputs computed once, stored as memory-mapped ``.npy`` files, read by every later epoch and run.

A cache entry is a directory named by a hash of everything the outputs depend on: the teacher (its files'
names and contents, ``fingerprint_dir``), the exact model inputs (the token ids of every example, which
covers the data, the tokenizer and ``max_length``), the task, the stored hidden layers, the top-k setting
and the map onto a student's classes (``class_ids``), if any. It holds

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
    model's files costs far less than one pass of the teacher.
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
    """The directory name of the cache entry for these outputs: a change to what it hashes orphans every
    existing entry."""
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


@dataclass
class _Entry:
    """What one cache entry holds: the teacher's outputs on ``features``, and how they are stored."""

    teacher_id: str
    task: str
    features: Sequence[dict]
    offsets: np.ndarray  # ``token_offsets(features)``
    num_classes: int  # the student's classes: the teacher's, or as many as ``class_ids``
    k: int | None  # logits kept per row: the top k, or None for all of them
    hidden_layers: list[int]
    class_ids: np.ndarray | None

    @property
    def per_example(self) -> bool:
        """One logits row per example (sequence classification) instead of one per token."""
        return self.task == "sequence"

    def meta(self) -> dict:
        """The content of ``meta.json``."""
        return {
            "version": CACHE_VERSION,
            "teacher": self.teacher_id,
            "task": self.task,
            "examples": len(self.features),
            "tokens": int(self.offsets[-1]),
            "classes": self.num_classes,
            "top_k": self.k,
            "hidden_layers": self.hidden_layers,
        }


@dataclass
class _Arrays:
    """A cache entry's memory-mapped ``.npy`` files while they are written."""

    logits: np.ndarray
    indices: np.ndarray | None
    hidden: np.ndarray | None

    @classmethod
    def create(cls, directory: Path, entry: _Entry, hidden_size: int) -> _Arrays:
        """Create the entry's files in ``directory``, shaped for all of its rows."""
        k, tokens = entry.k, int(entry.offsets[-1])
        rows = len(entry.features) if entry.per_example else tokens
        width = k if k is not None else entry.num_classes
        logits = np.lib.format.open_memmap(
            directory / "logits.npy", "w+", np.float16 if k else np.float32, (rows, width)
        )
        indices = (
            np.lib.format.open_memmap(directory / "indices.npy", "w+", np.int32, (rows, k)) if k else None
        )
        hidden = (
            np.lib.format.open_memmap(
                directory / "hidden.npy", "w+", np.float16, (len(entry.hidden_layers), tokens, hidden_size)
            )
            if entry.hidden_layers
            else None
        )
        return cls(logits, indices, hidden)

    def flush(self) -> None:
        for array in (self.logits, self.indices, self.hidden):
            if array is not None:
                array.flush()


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
    num_classes = teacher.config.num_labels if task != "causal" else teacher.config.vocab_size
    if class_ids is not None:
        num_classes = len(class_ids)
    k = top_k if num_classes > top_k_above else None
    hidden_layers = list(hidden_layers)
    offsets = token_offsets(features)
    entry = _Entry(teacher_id, task, features, offsets, num_classes, k, hidden_layers, class_ids)
    key = cache_key(teacher_id, features, task, hidden_layers, k, class_ids)
    path = (Path(cache_dir) if cache_dir is not None else default_cache_dir()) / key
    if (path / "meta.json").exists():
        return _open(path, offsets, entry.per_example, computed=False)
    with atomic_dir(path, overwrite=True) as tmp:
        _compute(entry, tmp, teacher, blocks, batch_size, pad_id, track)
        (tmp / "meta.json").write_text(json.dumps(entry.meta(), indent=2))
    return _open(path, offsets, entry.per_example, computed=True)


def _compute(
    entry: _Entry,
    directory: Path,
    teacher: nn.Module,
    blocks: nn.ModuleList,
    batch_size: int,
    pad_id: int,
    track: Track,
) -> None:
    """Run the teacher over the entry's examples in batches of similar length, into memory-mapped ``.npy``
    files in ``directory``, flushed on return."""
    device = next(teacher.parameters()).device
    arrays = _Arrays.create(directory, entry, teacher.config.hidden_size)
    features = entry.features
    order = sorted(range(len(features)), key=lambda i: len(features[i]["input_ids"]))
    chunks = [order[i : i + batch_size] for i in range(0, len(order), batch_size)]
    if entry.class_ids is not None:
        gather = torch.from_numpy(np.maximum(entry.class_ids, 0)).to(device)
        absent = torch.from_numpy(entry.class_ids < 0).to(device)
    teacher.eval()
    with torch.inference_mode():
        for chunk in track(chunks, "teacher outputs", total=len(chunks)):
            batch = collate([features[i] for i in chunk], pad_id)
            inputs = {n: batch[n].to(device) for n in ("input_ids", "attention_mask")}
            with capture_block_outputs(blocks, entry.hidden_layers) as captured:
                logits = teacher(**inputs).logits.float()
            if entry.class_ids is not None:  # onto the student's classes, those without a teacher's far below
                logits = logits[..., gather].masked_fill(absent, -1e4)
            _store(entry, arrays, chunk, logits, captured)
    arrays.flush()


def _store(
    entry: _Entry, arrays: _Arrays, chunk: list[int], logits: torch.Tensor, captured: dict[int, torch.Tensor]
) -> None:
    """Write one batch's outputs (the examples ``chunk``, in order) to the rows of its examples."""
    if entry.k is not None:
        values, top = logits.topk(entry.k, dim=-1)
    for b, i in enumerate(chunk):
        n = len(entry.features[i]["input_ids"])
        lo = int(entry.offsets[i])
        if entry.per_example:
            arrays.logits[i] = logits[b].cpu().numpy()
        elif entry.k is not None:
            arrays.logits[lo : lo + n] = values[b, :n].cpu().numpy()
            arrays.indices[lo : lo + n] = top[b, :n].cpu().numpy()
        else:
            arrays.logits[lo : lo + n] = logits[b, :n].cpu().numpy()
        for j, layer in enumerate(entry.hidden_layers):
            arrays.hidden[j, lo : lo + n] = captured[layer][b, :n].float().cpu().numpy()
