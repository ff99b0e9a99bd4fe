"""Distil a teacher into a student of fewer blocks (Hinton KD + hidden-state matching; HarEmb for k = 1).

The student is ``truncate(teacher, layers)``: the teacher's own class with its embeddings, final norm and
head and only the kept blocks (or the same cut of another model with the teacher's labels, ``student_dir``,
which may be narrower, shallower or of another family). It is trained on

    loss = alpha · CE(gold)  +  (1 - alpha) · T² · KL(p_T^teacher || q_T^student)  +  w_h · hidden

where batches without gold labels use the KD term alone (weight 1), and ``hidden`` matches each student
block's output to a teacher block's output (mse or cosine). Student block i targets the teacher block it was
copied from, except the last student block, which targets the teacher's last block: the head reads the last
block's output, so that is the output it must reproduce. ``alpha = 1`` trains on gold labels only, without a
teacher (the "no teacher" baseline). Teacher outputs come from ``pare.distill.cache``.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import numpy as np
import torch
from torch import nn

from pare.data.align import IGNORE_INDEX
from pare.data.augment import AugmentConfig, vocabulary_words
from pare.distill.align import aligned_teacher_rows, vocabulary_map
from pare.distill.cache import TeacherTargets, capture_block_outputs, fingerprint_dir, teacher_targets
from pare.distill.data import DistillData, join_some_data, noisy_unlabelled, read_distill_data
from pare.distill.losses import HIDDEN_LOSSES, HiddenLoss, ce_loss, hidden_loss, kd_loss
from pare.distill.student import INITS, Init, find_block_stack, select_layers, truncate
from pare.errors import PareError
from pare.io import atomic_dir, check_output
from pare.labels import Taxonomy
from pare.modeldir import (
    CALIBRATION_FILE,
    check_model_dir,
    load_config,
    load_pretrained,
    load_tokenizer,
    save_tokenizer,
)
from pare.progress import Track, no_track
from pare.train.features import collate, encode_documents
from pare.train.loop import EpochLog, LoopConfig, resolve_precision, train_loop

if TYPE_CHECKING:
    from transformers import PreTrainedTokenizerBase

Trainable = Literal["all", "blocks", "head"]
TRAINABLE: tuple[str, ...] = ("all", "blocks", "head")
TASKS = {"ForTokenClassification": "token", "ForSequenceClassification": "sequence", "ForCausalLM": "causal"}
TRIM_FILE = "trim.json"


@dataclass
class DistillConfig:
    layers: int | list[int] = 1  # a number of blocks (chosen by ``init``) or block indices of the base
    init: Init = "first"
    # Defaults from development runs on the MiniLM PII teacher's 1-block student with `pare compress`'s data
    # (BENCHMARKS.md, distillation): training the block, final norm and head with the embeddings frozen beat
    # training only the block in both seeds, and training every parameter memorizes the training templates;
    # the first block, T = 1 and no hidden loss beat the last block, T = 2 and an mse hidden loss. Re-run
    # these comparisons with
    # benchmarks/bench_distill.py --students kd-1,kd-1-blocks,kd-1-all,kd-1-last,kd-1-t2,kd-1-mse.
    temperature: float = 1.0
    alpha: float = 0.2  # weight of the gold-label loss; 1.0 = gold labels only, no teacher
    hidden_loss: HiddenLoss = "none"
    hidden_weight: float = 1.0
    # "head": the blocks and everything after them (final norm, head), the embeddings frozen (HarEmb);
    # "blocks": only the kept blocks, final norm and head stay the teacher's too; "all": everything
    trainable: Trainable = "head"
    epochs: int = 8
    batch_size: int = 16
    learning_rate: float = 2e-3
    seed: int = 0
    max_length: int = 128
    halo: int | None = None  # context tokens kept on each side where a long document is cut; max_length // 8
    # share of the documents joined a few at a time into long texts, as for the teacher (``FinetuneConfig``)
    join_fraction: float = 0.0
    # unlabelled documents replaced by noisy copies the teacher labels: per-word chances of a swap for a random
    # word of the teacher's vocabulary and of a typo (``pare.data.augment``); 0 and 0 keep the text as it is
    noise_swap_rate: float = 0.0
    noise_typo_rate: float = 0.0
    noise_spare_capitalized: bool = True  # leave capitalized words and their neighbours as they are
    grad_accum: int = 1
    mixed_precision: str = "auto"  # bf16 autocast on a GPU; "bf16" on CPU too (``resolve_precision``)
    top_k: int = 64  # stored teacher logits per row when there are more than ``top_k_above`` classes
    top_k_above: int = 1024
    teacher_batch_size: int = 32
    cache_dir: str | None = None  # default ``pare.distill.cache.default_cache_dir()``

    def check(self) -> None:
        if self.init not in INITS:
            raise PareError(f"--init {self.init!r}: expected one of {', '.join(INITS)}")
        if self.hidden_loss not in HIDDEN_LOSSES:
            raise PareError(f"--hidden-loss {self.hidden_loss!r}: expected one of {', '.join(HIDDEN_LOSSES)}")
        if self.trainable not in TRAINABLE:
            raise PareError(f"--trainable {self.trainable!r}: expected one of {', '.join(TRAINABLE)}")
        if not self.temperature > 0:
            raise PareError(f"--temperature must be positive, got {self.temperature}")
        if not 0.0 <= self.alpha <= 1.0:
            raise PareError(f"--alpha must be between 0 and 1, got {self.alpha}")
        if self.halo is not None and not 0 <= self.halo < self.max_length // 2:
            raise PareError(f"halo must be between 0 and max_length / 2, got {self.halo}")
        for name in ("epochs", "batch_size", "max_length", "grad_accum", "top_k", "teacher_batch_size"):
            if getattr(self, name) < 1:
                raise PareError(f"--{name.replace('_', '-')} must be at least 1, got {getattr(self, name)}")
        if not self.learning_rate > 0:
            raise PareError(f"--lr must be positive, got {self.learning_rate}")
        if not 0 <= self.join_fraction <= 1:
            raise PareError(f"join_fraction must be between 0 and 1, got {self.join_fraction}")
        self.noise()
        resolve_precision(self.mixed_precision)

    def noise(self) -> AugmentConfig | None:
        """The noise of the unlabelled documents (checked), or None when there is none."""
        if not (self.noise_swap_rate or self.noise_typo_rate):
            return None
        return AugmentConfig(
            self.noise_swap_rate, self.noise_typo_rate, self.seed, self.noise_spare_capitalized
        )


@dataclass
class DistillResult:
    path: Path
    layers: list[int]
    hidden_map: list[tuple[int, int]]
    history: list[EpochLog] = field(default_factory=list)
    teacher_cached: bool = False  # teacher outputs were read from the cache, not computed


def model_task(config) -> str:
    """``token``, ``sequence`` or ``causal`` from a config's architecture name."""
    arch = (getattr(config, "architectures", None) or [""])[0]
    for suffix, task in TASKS.items():
        if arch.endswith(suffix):
            return task
    raise PareError(
        f"architecture {arch or '(none)'!r}: distillation supports token classification, "
        "sequence classification and causal language models"
    )


def load_model(model_dir: str | Path, what: str = "teacher") -> tuple[nn.Module, str]:
    """A model directory's model (with the ``AutoModelFor*`` class its architecture names) and task."""
    from transformers import (
        AutoModelForCausalLM,
        AutoModelForSequenceClassification,
        AutoModelForTokenClassification,
    )

    model_dir = Path(model_dir)
    check_model_dir(model_dir, what=what, tokenizer=True)
    task = model_task(load_config(model_dir))
    auto = {
        "token": AutoModelForTokenClassification,
        "sequence": AutoModelForSequenceClassification,
        "causal": AutoModelForCausalLM,
    }[task]
    return load_pretrained(auto, model_dir).eval(), task


def hidden_map(layers: Sequence[int], num_teacher_layers: int) -> list[tuple[int, int]]:
    """(student block, teacher block) pairs for the hidden loss (see the module docstring)."""
    pairs = [(i, t) for i, t in enumerate(layers)]
    pairs[-1] = (len(layers) - 1, num_teacher_layers - 1)
    return pairs


def _labels_of(model: nn.Module) -> list[str]:
    id2label = {int(k): v for k, v in model.config.id2label.items()}
    return [id2label[i] for i in range(len(id2label))]


def build_features(
    data: DistillData,
    tokenizer,
    task: str,
    taxonomy: Taxonomy | None,
    max_length: int,
    track: Track = no_track,
    halo: int | None = None,
) -> list[dict]:
    """Model inputs for every window of every document; unlabelled documents' labels are all ignored.

    Each feature also carries ``example`` (its own index, to find its rows in the teacher cache).
    """
    halo = max_length // 8 if halo is None else halo
    features = encode_documents(
        data.docs, tokenizer, taxonomy if task == "token" else None, max_length, halo, track=track
    )
    for i, f in enumerate(features):
        if "labels" in f and not data.labelled[f["doc"][0]]:
            f["labels"] = [IGNORE_INDEX] * len(f["labels"])
        f["example"] = [i]
    return features


class _Collator:
    """Pads a batch and attaches the teacher's targets read from the memory-mapped cache."""

    def __init__(self, targets: TeacherTargets | None, pad_id: int):
        self.targets = targets
        self.pad_id = pad_id

    def __call__(self, batch_features: list[dict]) -> dict[str, torch.Tensor]:
        batch = collate(batch_features, self.pad_id)
        t = self.targets
        if t is None:
            return batch
        ids = [f["example"][0] for f in batch_features]
        width = batch["input_ids"].shape[1]
        # the cache row of each token: the example's own rows, or rows aligned by characters when the
        # student tokenizes differently; -1 for padding and tokens without a teacher row
        rows = np.full((len(ids), width), -1, dtype=np.int64)
        for b, (i, f) in enumerate(zip(ids, batch_features, strict=True)):
            if "teacher_rows" in f:
                rows[b, : len(f["teacher_rows"])] = f["teacher_rows"]
            else:
                lo, hi = int(t.offsets[i]), int(t.offsets[i + 1])
                rows[b, : hi - lo] = np.arange(lo, hi)
        valid = rows >= 0
        safe = np.where(valid, rows, 0)
        logit_rows = np.asarray(ids)[:, None] if t.per_example else safe
        batch["teacher_logits"] = torch.from_numpy(
            np.asarray(t.logits[logit_rows.reshape(-1)], dtype=np.float32)
        )
        batch["teacher_logits"] = batch["teacher_logits"].reshape(*logit_rows.shape, -1)
        if t.indices is not None:
            idx = np.asarray(t.indices[logit_rows.reshape(-1)], dtype=np.int64)
            batch["teacher_indices"] = torch.from_numpy(idx).reshape(*logit_rows.shape, -1)
        batch["token_mask"] = torch.from_numpy(valid).float()
        batch["kd_mask"] = torch.ones(len(ids), 1) if t.per_example else batch["token_mask"]
        if t.hidden is not None:
            hid = np.asarray(t.hidden[:, safe.reshape(-1)], dtype=np.float32)
            batch["teacher_hidden"] = torch.from_numpy(hid).reshape(hid.shape[0], *rows.shape, -1)
        return batch


def make_loss_fn(
    config: DistillConfig,
    task: str,
    stack_name: str,
    pairs: Sequence[tuple[int, int]],
    hidden_layers: list[int],
):
    """The training loss for ``train_loop`` (see the module docstring)."""
    use_hidden = config.hidden_loss != "none" and config.alpha < 1.0
    slot = {t: j for j, t in enumerate(hidden_layers)}

    def loss_fn(model: nn.Module, batch: dict[str, torch.Tensor]) -> torch.Tensor:
        inputs = {"input_ids": batch["input_ids"], "attention_mask": batch["attention_mask"]}
        blocks = getattr(model, "module", model).get_submodule(stack_name)
        with capture_block_outputs(blocks, [s for s, _ in pairs] if use_hidden else []) as captured:
            logits = model(**inputs).logits
        rows = logits[:, None, :] if task == "sequence" else logits
        labels = batch.get("labels")
        labelled = labels is not None and bool((labels != IGNORE_INDEX).any())
        loss = config.alpha * ce_loss(logits, labels) if labelled else logits.sum() * 0.0
        if config.alpha < 1.0:
            kd = kd_loss(
                rows,
                batch["teacher_logits"],
                batch["kd_mask"],
                config.temperature,
                batch.get("teacher_indices"),
            )
            loss = loss + ((1.0 - config.alpha) if labelled else 1.0) * kd
        if use_hidden:
            mask = batch["token_mask"]
            terms = [
                hidden_loss(captured[s], batch["teacher_hidden"][slot[t]], mask, config.hidden_loss)
                for s, t in pairs
            ]
            loss = loss + config.hidden_weight * torch.stack(terms).mean()
        return loss

    return loss_fn


@dataclass
class _Run:
    """What the steps of one ``distill`` call read: its paths and settings, the task, the kept blocks and how
    the student's tokens relate to the teacher's. The models stay out of it, so each is freed after its last
    step."""

    config: DistillConfig
    teacher_dir: Path
    base_dir: Path  # the model whose blocks the student keeps: ``student_dir`` or the teacher
    out_dir: Path
    inputs: tuple[Path, ...]  # what the output is made from (``check_output``, ``atomic_dir``)
    overwrite: bool
    data_paths: Sequence[str | Path]
    track: Track
    task: str
    taxonomy: Taxonomy | None  # token classification's labels
    n_teacher: int
    teacher_stack: str  # the dotted name of the teacher's block stack
    layers: list[int]
    pairs: list[tuple[int, int]]  # (student block, teacher block) for the hidden loss
    hidden_layers: list[int]  # teacher blocks whose outputs the hidden loss reads; none without it
    tokenizer: PreTrainedTokenizerBase  # the teacher's
    student_tokenizer: PreTrainedTokenizerBase
    aligned: bool  # student tokens learn from teacher tokens by characters (token classifier, own tokenizer)
    class_ids: np.ndarray | None  # causal LM with its own vocabulary: the teacher's id of each student id


@dataclass
class _Examples:
    """The data as read and as trained on, and the model inputs made from it for student and teacher."""

    read: DistillData
    data: DistillData  # ``read`` with some documents joined (``join_fraction``)
    halo: int
    features: list[dict]
    teacher_features: list[dict]


def distill(
    teacher_dir: str | Path,
    data_paths: Sequence[str | Path],
    out_dir: str | Path,
    config: DistillConfig | None = None,
    *,
    student_dir: str | Path | None = None,
    track: Track = no_track,
    overwrite: bool = False,
) -> DistillResult:
    """Distil the model in ``teacher_dir`` on ``data_paths`` into a student saved at ``out_dir``.

    ``student_dir`` (optional) is the model whose blocks the student keeps instead of the teacher's (for
    example a vocabulary-trimmed copy of the teacher, or a smaller model of another family): same labels.
    When its tokenizer differs, a token classifier's student token learns from the teacher token covering its
    first character, and a causal LM learns from the teacher's logits gathered onto its own vocabulary
    (``pare.distill.align``).
    The output directory appears whole or not at all: ``save_pretrained`` weights and config, the tokenizer,
    the teacher's ``viterbi_calibration.json`` (if any), the base's ``trim.json`` (if any) and
    ``pare_distill.json`` (settings, kept layers, hidden-loss map, per-epoch history). ``overwrite`` replaces
    an earlier pare output at ``out_dir``.
    """
    config = config or DistillConfig()
    config.check()
    run, teacher, base = _load(
        Path(teacher_dir), student_dir, data_paths, Path(out_dir), config, overwrite, track
    )
    examples = _read_examples(run)
    student, stack_name = _build_student(base, run.layers, config.trainable)
    del base
    targets = _teacher_outputs(run, teacher, examples) if config.alpha < 1.0 else None
    del teacher
    checkpoints = _checkpoint_dir(run, targets, len(examples.features))
    history = _train(run, student, stack_name, examples.features, targets, checkpoints)
    _write(run, student, examples, history)
    shutil.rmtree(checkpoints, ignore_errors=True)
    teacher_cached = bool(targets and not targets.computed)
    return DistillResult(run.out_dir, run.layers, run.pairs, history, teacher_cached=teacher_cached)


def _load(
    teacher_dir: Path,
    student_dir: str | Path | None,
    data_paths: Sequence[str | Path],
    out_dir: Path,
    config: DistillConfig,
    overwrite: bool,
    track: Track,
) -> tuple[_Run, nn.Module, nn.Module]:
    """Check the output path, load the teacher, the student base and their tokenizers, and plan the blocks."""
    inputs = (teacher_dir, *((Path(student_dir),) if student_dir else ()), *map(Path, data_paths))
    check_output(out_dir, inputs=inputs, overwrite=overwrite)
    teacher, task = load_model(teacher_dir, "teacher")
    n_teacher = teacher.config.num_hidden_layers
    teacher_stack, _ = find_block_stack(teacher)
    base_dir = Path(student_dir) if student_dir is not None else teacher_dir
    base, base_task = (teacher, task) if student_dir is None else load_model(base_dir, "student")
    use_hidden = config.alpha < 1.0 and config.hidden_loss != "none"
    _check_base(base_dir, base, base_task, teacher, task, use_hidden)
    layers = select_layers(base.config.num_hidden_layers, config.layers, config.init)
    tokenizer = load_tokenizer(teacher_dir, fast=False)
    student_tokenizer = tokenizer if student_dir is None else load_tokenizer(base_dir, fast=False)
    different = student_tokenizer.get_vocab() != tokenizer.get_vocab()
    class_ids = _teacher_ids(base_dir, base, task, tokenizer, student_tokenizer) if different else None
    pairs = hidden_map(layers, n_teacher)
    run = _Run(
        config=config,
        teacher_dir=teacher_dir,
        base_dir=base_dir,
        out_dir=out_dir,
        inputs=inputs,
        overwrite=overwrite,
        data_paths=data_paths,
        track=track,
        task=task,
        taxonomy=Taxonomy.from_config(teacher.config) if task == "token" else None,
        n_teacher=n_teacher,
        teacher_stack=teacher_stack,
        layers=layers,
        pairs=pairs,
        hidden_layers=sorted({t for _, t in pairs}) if use_hidden else [],
        tokenizer=tokenizer,
        student_tokenizer=student_tokenizer,
        aligned=different and task == "token",
        class_ids=class_ids,
    )
    return run, teacher, base


def _check_base(
    base_dir: Path, base: nn.Module, base_task: str, teacher: nn.Module, task: str, use_hidden: bool
) -> None:
    """Refuse a student base whose labels or task differ from the teacher's. Its blocks may differ in number
    and width (a smaller model of another family), except with the hidden loss, which pairs student blocks
    with the teacher's own."""
    if base_task != task or _labels_of(base) != _labels_of(teacher):
        raise PareError(
            f"{base_dir}: student labels {_labels_of(base)} ({base_task}) differ from the teacher's "
            f"{_labels_of(teacher)} ({task})"
        )
    shape = ("num_hidden_layers", "hidden_size")
    base_shape = [getattr(base.config, k, None) for k in shape]
    teacher_shape = [getattr(teacher.config, k, None) for k in shape]
    if use_hidden and base_shape != teacher_shape:
        raise PareError(
            f"{base_dir}: the hidden loss needs a student base of the teacher's blocks and width "
            f"({teacher_shape[0]} x {teacher_shape[1]}), it has {base_shape[0]} x {base_shape[1]}; "
            "use --hidden-loss none"
        )


def _teacher_ids(
    base_dir: Path,
    base: nn.Module,
    task: str,
    tokenizer: PreTrainedTokenizerBase,
    student_tokenizer: PreTrainedTokenizerBase,
) -> np.ndarray | None:
    """For a student base with its own tokenizer: a causal LM's map to the teacher's ids (``vocabulary_map``);
    None for a token classifier, which aligns tokens by characters instead. A sequence classifier is
    refused."""
    if task == "sequence":
        raise PareError(
            f"{base_dir}: the student's tokenizer differs from the teacher's; a sequence classifier "
            "can only be distilled with the teacher's tokenizer"
        )
    if task != "causal":
        return None
    try:
        return vocabulary_map(student_tokenizer, tokenizer, base.config.vocab_size)
    except PareError as err:
        raise PareError(f"{base_dir}: {err}") from None


def _read_examples(run: _Run) -> _Examples:
    """Read the data and make the student's model inputs and the teacher's."""
    config, task = run.config, run.task
    read = read_distill_data(run.data_paths, run.taxonomy.categories if run.taxonomy else None)
    noise = config.noise()
    if noise is not None:
        read = noisy_unlabelled(read, vocabulary_words(run.tokenizer.get_vocab()), noise)
    data = join_some_data(read, config.join_fraction, config.seed) if config.join_fraction else read
    if config.alpha >= 1.0 and (task != "token" or not data.num_labelled):
        # only token classification has gold labels in pare's data format; other tasks learn from the teacher
        raise PareError(
            "--alpha 1 trains on gold labels only, but the data has no labelled token-classification documents"
        )
    halo = config.max_length // 8 if config.halo is None else config.halo
    features = build_features(
        data, run.student_tokenizer, task, run.taxonomy, config.max_length, run.track, halo
    )
    if run.aligned:
        teacher_features = build_features(data, run.tokenizer, task, None, config.max_length, halo=halo)
    elif run.class_ids is not None:  # the teacher reads the student's tokens, spelled in its own ids
        teacher_features = [{**f, "input_ids": run.class_ids[f["input_ids"]].tolist()} for f in features]
    else:
        teacher_features = features
    if not features or not teacher_features:
        raise PareError("no usable text: the data produced no model inputs")
    return _Examples(read, data, halo, features, teacher_features)


def _build_student(base: nn.Module, layers: list[int], trainable: Trainable) -> tuple[nn.Module, str]:
    """The base cut to ``layers`` with only the ``trainable`` parameters requiring gradients, and the dotted
    name of its block stack."""
    student = truncate(base, layers)
    stack_name, student_blocks = find_block_stack(student)
    if trainable == "blocks":
        in_blocks = {id(p) for p in student_blocks.parameters()}
        for p in student.parameters():
            p.requires_grad_(id(p) in in_blocks)
    elif trainable == "head":  # every embedding table (word, position, type) stays the teacher's
        embedded = {id(m.weight) for m in student.modules() if isinstance(m, nn.Embedding)}
        for p in student.parameters():
            p.requires_grad_(id(p) not in embedded)
    return student, stack_name


def _teacher_outputs(run: _Run, teacher: nn.Module, examples: _Examples) -> TeacherTargets:
    """The teacher's outputs on its model inputs, from the cache or computed into it; with tokens aligned by
    characters, each student feature also gets the cache row of each of its tokens (``teacher_rows``)."""
    config = run.config
    if torch.cuda.is_available():
        teacher.to("cuda")
    targets = teacher_targets(
        teacher,
        examples.teacher_features,
        teacher_id=fingerprint_dir(run.teacher_dir),
        task=run.task,
        blocks=teacher.get_submodule(run.teacher_stack),
        hidden_layers=run.hidden_layers,
        cache_dir=config.cache_dir,
        top_k=config.top_k,
        top_k_above=config.top_k_above,
        batch_size=config.teacher_batch_size,
        pad_id=_pad_id(run.tokenizer),
        class_ids=run.class_ids,
        track=run.track,
    )
    if run.aligned:
        rows = aligned_teacher_rows(
            examples.data.docs,
            run.tokenizer,
            run.student_tokenizer,
            targets.offsets,
            config.max_length,
            examples.halo,
        )
        for f, r in zip(examples.features, rows, strict=True):
            f["teacher_rows"] = r
    return targets


def _pad_id(tokenizer: PreTrainedTokenizerBase) -> int:
    """The tokenizer's padding id, or 0 when it has none."""
    return tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0


def _settings(run: _Run) -> dict:
    """The run's settings as recorded in ``pare_distill.json``."""
    return {
        **asdict(run.config),
        "layers": run.layers,
        "teacher": str(run.teacher_dir),
        "student": str(run.base_dir),
    }


def _checkpoint_dir(run: _Run, targets: TeacherTargets | None, num_features: int) -> Path:
    """Where training checkpoints each epoch: named by the settings, the teacher outputs and the number of
    examples, so an interrupted run resumes only into the same run."""
    run_id = hashlib.sha256(
        json.dumps(
            [_settings(run), targets.path.name if targets else None, num_features], sort_keys=True
        ).encode()
    ).hexdigest()[:12]
    return run.out_dir.parent / f".{run.out_dir.name}.ckpt-{run_id}"


def _train(
    run: _Run,
    student: nn.Module,
    stack_name: str,
    features: list[dict],
    targets: TeacherTargets | None,
    checkpoints: Path,
) -> list[EpochLog]:
    """Train the student on the features and the teacher's targets; the per-epoch history."""
    config = run.config
    loop = LoopConfig(
        epochs=config.epochs,
        batch_size=config.batch_size,
        learning_rate=config.learning_rate,
        grad_accum=config.grad_accum,
        seed=config.seed,
        mixed_precision=config.mixed_precision,
        checkpoint_dir=checkpoints,
    )
    student.train()
    history = train_loop(
        student,
        features,
        _Collator(targets, _pad_id(run.student_tokenizer)),
        make_loss_fn(config, run.task, stack_name, run.pairs, run.hidden_layers),
        loop,
        track=run.track,
    )
    student.eval()
    return history


def _write(run: _Run, student: nn.Module, examples: _Examples, history: list[EpochLog]) -> None:
    """Save the student, its tokenizer, the files carried over from its inputs and ``pare_distill.json``."""
    with atomic_dir(run.out_dir, inputs=run.inputs, overwrite=run.overwrite) as tmp:
        student.save_pretrained(tmp)
        if run.task == "token":  # the detector's default windows: the ones the student trained on
            run.student_tokenizer.model_max_length = run.config.max_length
        save_tokenizer(run.student_tokenizer, tmp)
        for name, src in ((CALIBRATION_FILE, run.teacher_dir), (TRIM_FILE, run.base_dir)):
            if (src / name).is_file():
                shutil.copyfile(src / name, tmp / name)
        (tmp / "pare_distill.json").write_text(json.dumps(_record(run, examples, history), indent=2) + "\n")


def _record(run: _Run, examples: _Examples, history: list[EpochLog]) -> dict:
    """The content of ``pare_distill.json``."""
    return {
        "task": run.task,
        "teacher": str(run.teacher_dir),
        "student_base": str(run.base_dir),
        "teacher_layers": run.n_teacher,
        "kept_layers": run.layers,
        "tokens_aligned_by_characters": run.aligned,
        "teacher_logits_gathered_onto_student_vocabulary": run.class_ids is not None,
        "hidden_map": run.pairs if run.hidden_layers else [],
        "settings": _settings(run),
        "data": {
            "files": [str(p) for p in run.data_paths],
            "documents": len(examples.read.docs),
            "labelled": examples.read.num_labelled,
            "examples": len(examples.features),
        },
        "history": [asdict(h) for h in history],
    }
