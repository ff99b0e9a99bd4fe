"""One training loop for fine-tuning and distillation, on Hugging Face Accelerate.

The same code runs on CPU, on one GPU (bf16 autocast) and on several (``accelerate launch``); bf16 autocast on
CPU is an opt-in (``--mixed-precision bf16``). Batches are drawn by a seeded, length-bucketed sampler (similar
lengths together, so little padding), the optimizer is AdamW with linear warm-up and decay, and every epoch
ends with a checkpoint that a re-run resumes from.
"""

from __future__ import annotations

import json
import math
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import torch
from accelerate import Accelerator
from accelerate.utils import set_seed
from transformers import get_linear_schedule_with_warmup

from pare.errors import PareError
from pare.io import atomic_dir
from pare.progress import Track, no_track

LossFn = Callable[[torch.nn.Module, dict[str, torch.Tensor]], torch.Tensor]


@dataclass
class LoopConfig:
    epochs: int = 3
    batch_size: int = 16
    learning_rate: float = 5e-5
    weight_decay: float = 0.01
    warmup_ratio: float = 0.06
    grad_accum: int = 1
    max_grad_norm: float = 1.0
    seed: int = 0
    mixed_precision: str = "auto"  # "auto" (see ``resolve_precision``), "bf16" or "no"
    checkpoint_dir: Path | None = None


@dataclass
class EpochLog:
    epoch: int
    loss: float
    seconds: float
    metrics: dict = field(default_factory=dict)


PRECISIONS = ("auto", "bf16", "no")


def resolve_precision(mixed_precision: str) -> str:
    """``auto`` is bf16 autocast (fp32 weights, bf16 matmuls) on a GPU and full precision on CPU; ``bf16``
    asks for autocast on CPU too, which can only pay where the CPU computes in bf16 natively (AMX or
    AVX512-BF16)."""
    if mixed_precision not in PRECISIONS:
        raise PareError(f"--mixed-precision {mixed_precision!r}: expected one of {', '.join(PRECISIONS)}")
    if mixed_precision != "auto":
        return mixed_precision
    return "bf16" if torch.cuda.is_available() else "no"


def bucketed_batches(lengths: Sequence[int], batch_size: int, seed: int) -> list[list[int]]:
    """Shuffle, sort by length inside chunks of 50 batches, cut into batches, shuffle the batches."""
    rng = random.Random(seed)
    order = list(range(len(lengths)))
    rng.shuffle(order)
    chunk = batch_size * 50
    batches: list[list[int]] = []
    for lo in range(0, len(order), chunk):
        part = sorted(order[lo : lo + chunk], key=lambda i: lengths[i])
        batches += [part[i : i + batch_size] for i in range(0, len(part), batch_size)]
    rng.shuffle(batches)
    return batches


def _latest_checkpoint(checkpoint_dir: Path | None) -> tuple[Path | None, list[EpochLog]]:
    if checkpoint_dir is None or not checkpoint_dir.is_dir():
        return None, []
    done = sorted(checkpoint_dir.glob("epoch-*"), key=lambda p: int(p.name.split("-")[1]))
    if not done:
        return None, []
    history = json.loads((done[-1] / "history.json").read_text())
    return done[-1], [EpochLog(**h) for h in history]


@dataclass
class _Prepared:
    """The accelerator and what its ``prepare`` returned: the model, optimizer and scheduler to step."""

    accelerator: Accelerator
    model: torch.nn.Module
    optimizer: torch.optim.Optimizer
    scheduler: Any  # accelerate's wrapper of the LR scheduler


def _prepare(model: torch.nn.Module, n_features: int, config: LoopConfig) -> _Prepared:
    """Seed everything, then AdamW (no weight decay on biases and norms) with linear warm-up and decay."""
    set_seed(config.seed)
    accelerator = Accelerator(
        mixed_precision=resolve_precision(config.mixed_precision),
        gradient_accumulation_steps=config.grad_accum,
    )
    steps_per_epoch = math.ceil(math.ceil(n_features / config.batch_size) / config.grad_accum)
    total_steps = steps_per_epoch * config.epochs
    decay = [p for n, p in model.named_parameters() if p.requires_grad and p.ndim >= 2]
    no_decay = [p for n, p in model.named_parameters() if p.requires_grad and p.ndim < 2]
    optimizer = torch.optim.AdamW(
        [{"params": decay, "weight_decay": config.weight_decay}, {"params": no_decay, "weight_decay": 0.0}],
        lr=config.learning_rate,
    )
    scheduler = get_linear_schedule_with_warmup(
        optimizer, int(config.warmup_ratio * total_steps), total_steps
    )
    return _Prepared(accelerator, *accelerator.prepare(model, optimizer, scheduler))


def _train_epoch(
    run: _Prepared,
    loader: torch.utils.data.DataLoader,
    loss_fn: LossFn,
    config: LoopConfig,
    desc: str,
    track: Track,
) -> float:
    """One pass over ``loader``; the mean batch loss. Leaves the model in eval mode."""
    accelerator, model = run.accelerator, run.model
    loader = accelerator.prepare(loader)
    model.train()
    total, count = 0.0, 0
    for batch in track(loader, desc, total=len(loader)):
        with accelerator.accumulate(model):
            loss = loss_fn(model, batch)
            accelerator.backward(loss)
            if accelerator.sync_gradients and config.max_grad_norm:
                accelerator.clip_grad_norm_(model.parameters(), config.max_grad_norm)
            run.optimizer.step()
            run.scheduler.step()
            run.optimizer.zero_grad()
        total += loss.item()
        count += 1
    model.eval()
    return total / max(count, 1)


def _save_checkpoint(accelerator: Accelerator, path: Path, history: list[EpochLog]) -> None:
    """The training state after an epoch, with the history so far, for ``_latest_checkpoint`` to resume."""
    with atomic_dir(path, overwrite=True) as tmp:
        accelerator.save_state(str(tmp))
        (tmp / "history.json").write_text(json.dumps([asdict(h) for h in history]))


def train_loop(
    model: torch.nn.Module,
    features: Sequence[dict],
    collate_fn: Callable[[list[dict]], dict[str, torch.Tensor]],
    loss_fn: LossFn,
    config: LoopConfig,
    track: Track = no_track,
    on_epoch_end: Callable[[torch.nn.Module, int], dict] | None = None,
) -> list[EpochLog]:
    """Train ``model`` in place on ``features`` minimizing ``loss_fn(model, batch)``; returns per-epoch logs.

    ``on_epoch_end(model, epoch)`` may return metrics (for example an evaluation) stored in the log.
    With ``config.checkpoint_dir`` set, each finished epoch is saved there and a later call resumes after it.
    """
    if not features:
        raise PareError("no training examples")
    run = _prepare(model, len(features), config)
    resume_from, history = _latest_checkpoint(config.checkpoint_dir)
    if resume_from is not None:
        run.accelerator.load_state(str(resume_from))
    lengths = [len(f["input_ids"]) for f in features]
    for epoch in range(len(history), config.epochs):
        started = time.perf_counter()
        loader = torch.utils.data.DataLoader(
            features,  # type: ignore[arg-type]
            batch_sampler=bucketed_batches(lengths, config.batch_size, config.seed * 1000 + epoch),
            collate_fn=collate_fn,
        )
        loss = _train_epoch(run, loader, loss_fn, config, f"epoch {epoch + 1}/{config.epochs}", track)
        metrics = on_epoch_end(run.accelerator.unwrap_model(run.model), epoch) if on_epoch_end else {}
        history.append(EpochLog(epoch, loss, time.perf_counter() - started, metrics or {}))
        if config.checkpoint_dir is not None and run.accelerator.is_main_process:
            _save_checkpoint(run.accelerator, config.checkpoint_dir / f"epoch-{epoch}", history)
    run.accelerator.wait_for_everyone()
    return history
