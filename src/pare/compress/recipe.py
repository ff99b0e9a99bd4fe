"""Recipes for ``pare compress``: which data, which teacher, which stages in which order.

A recipe is YAML::

    data:                      # where the data comes from (default: synthesized)
      train: train.jsonl       # labelled JSONL; or leave out and let `synth` make it
      test: test.jsonl         # the one test set every stage is evaluated on
      unlabelled: [notes.txt]  # optional extra text for distillation and trimming
      synth: {n_train: 3000, n_test: 600, n_unlabelled: 3000, n_transfer: 3000, seed: 0, native_scripts: false}
      dev: natural_en          # a second evaluation set made unlike the training data (null: none)
      calibrate: fit.jsonl     # labelled text the operating points are fitted on (synthesized if left out)
    teacher: path/or/hub-id    # start from this teacher instead of fine-tuning one
    calibrate: balanced        # each stage's model decodes at this fitted point by default (null: zero biases)
    stages:                    # any subset, in any sensible order; each is one of pare's commands
      - finetune: {epochs: 3}
      - distill: {layers: 1}   # {student: dir} takes the block from another model (``pare distill --student``)
      - trim: {}               # {keep_frequent: 20000} unless set
      - quantize: {bits: 4}

Every stage writes ``DIR/<output>`` (defaults: teacher, student, trimmed, final), so any stage can be re-run
alone with the matching sub-command.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from pare.errors import PareError
from pare.evaluate.calibrate import FITTED
from pare.trim.select import SAFE_KEEP_FREQUENT

STAGE_KINDS = ("finetune", "distill", "trim", "quantize")
DEFAULT_OUTPUTS = {"finetune": "teacher", "distill": "student", "trim": "trimmed", "quantize": "final"}
# Options a stage has in a recipe unless it sets them. Trim keeps the tokenizer's most frequent tokens besides
# the corpus's (``SAFE_KEEP_FREQUENT``): new text uses words the training text never did. Distil for 3 epochs,
# not `pare distill`'s 8, over the default data with its transfer and world text: more kinds of text beat more
# passes over the same text within the run's time budget on 2 cores (BENCHMARKS.md, distillation). Teacher and
# student see half their documents joined into long texts, so that windows start and end mid-text as they do
# in long documents (``pare.data.join.join_some``; a larger share for the student gained in one run and not in
# another: BENCHMARKS.md, joined distillation text). The student's unlabelled text is noisy (words swapped for
# random vocabulary words, typos), so that it learns how the teacher reads words no generator writes
# (BENCHMARKS.md, noisy distillation text).
DEFAULT_OPTIONS: dict[str, dict] = {
    "finetune": {"join_fraction": 0.5},
    "distill": {"epochs": 3, "join_fraction": 0.5, "noise_swap_rate": 0.3, "noise_typo_rate": 0.1},
    "trim": {"keep_frequent": SAFE_KEEP_FREQUENT},
}


@dataclass
class SynthSpec:
    n_train: int = 3000
    n_test: int = 600
    n_unlabelled: int = 3000  # train-template documents, no spans: the teacher labels them for distillation
    # Documents, no spans, from the transfer templates (on neither side of the train/test split). They carry the
    # teacher's generalization to held-out templates to the student, in less time than more epochs without them
    # (BENCHMARKS.md, distillation).
    n_transfer: int = 3000
    # English documents of the world family (``pare data synth --split world-train``): text people write
    # (questions, chat, letters, address blocks, many nationalities); labelled ones join the training set,
    # unlabelled ones the distillation text, three times as many: the student keeps more of its teacher on
    # the development set with them (BENCHMARKS.md, distillation text)
    n_world: int = 3000
    n_world_unlabelled: int = 9000
    # Labelled documents of the transfer templates (seed + 5), on neither side of the train/test split, that
    # each model's operating points are fitted on: neither the test set nor the dev set is fitted to
    n_calibrate: int = 300
    seed: int = 0
    locales: list[str] | None = None
    # Some world names in their own script (Сергей Петров, 王伟), with cities, countries and organisations of those
    # scripts as negatives. Off by default: +10 F1 on `written_scripts`, but the one run with it ended 1.7-2.5
    # points under the shipped model on the English hand-written sets (runs without it: 0.3-2.2; on held-out
    # written 2 it lost 2.35, they at most 0.92; BENCHMARKS.md, names in their own script).
    native_scripts: bool = False


@dataclass
class DataSpec:
    train: str | None = None
    test: str | None = None
    unlabelled: list[str] = field(default_factory=list)
    synth: SynthSpec = field(default_factory=SynthSpec)
    # a second evaluation set, made differently from the training data: a labelled JSONL file or the name of
    # a set pare ships (``pare.data.devset``); None scores the test set alone
    dev: str | None = "natural_en"
    calibrate: str | None = None  # labelled JSONL for the operating points; None: synthesized (n_calibrate)


@dataclass
class Stage:
    kind: str
    options: dict = field(default_factory=dict)
    output: str = ""

    def __post_init__(self) -> None:
        self.output = self.output or DEFAULT_OUTPUTS[self.kind]
        self.options = {**DEFAULT_OPTIONS.get(self.kind, {}), **self.options}


@dataclass
class Recipe:
    data: DataSpec = field(default_factory=DataSpec)
    teacher: str | None = None
    stages: list[Stage] = field(default_factory=list)
    seed: int = 0
    # The fitted operating point each model the run writes decodes at by default (``pare calibrate --default``):
    # a point fitted for F1 on the calibration documents raised strict F1 on the dev set and the hand-written
    # sets at some cost in recall (BENCHMARKS.md, operating points). None: plain constrained Viterbi.
    calibrate: str | None = "balanced"


def default_recipe() -> Recipe:
    """Synthesize data, fine-tune MiniLM, distil one block, trim to the domain, quantize to 4 bits."""
    return Recipe(stages=[Stage(kind) for kind in STAGE_KINDS])


def _fields(where: str, raw: object, allowed: set[str]) -> dict:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise PareError(f"{where}: expected a mapping, got {type(raw).__name__}")
    unknown = sorted(set(raw) - allowed)
    if unknown:
        raise PareError(
            f"{where}: unknown field {unknown[0]!r}; expected one of {', '.join(sorted(allowed))}"
        )
    return raw


def parse_recipe(raw: object, where: str = "recipe") -> Recipe:
    """Build a ``Recipe`` from decoded YAML, naming the field at fault in errors."""
    top = _fields(where, raw, {"data", "teacher", "stages", "seed", "calibrate"})
    data_raw = _fields(
        f"{where}: data", top.get("data"), {"train", "test", "unlabelled", "synth", "dev", "calibrate"}
    )
    synth_raw = _fields(
        f"{where}: data.synth",
        data_raw.get("synth"),
        {
            "n_train",
            "n_test",
            "n_unlabelled",
            "n_transfer",
            "n_world",
            "n_world_unlabelled",
            "n_calibrate",
            "seed",
            "locales",
            "native_scripts",
        },
    )
    if not isinstance(synth_raw.get("native_scripts", False), bool):
        raise PareError(f"{where}: data.synth.native_scripts: expected true or false")
    unlabelled = data_raw.get("unlabelled", [])
    if isinstance(unlabelled, str):
        unlabelled = [unlabelled]
    dev = data_raw.get("dev", DataSpec.dev)
    data = DataSpec(
        data_raw.get("train"),
        data_raw.get("test"),
        list(unlabelled),
        SynthSpec(**synth_raw),
        dev,
        data_raw.get("calibrate"),
    )
    if data.train is not None and data.test is None:
        raise PareError(
            f"{where}: data.train is given but data.test is not; every stage is scored on a test set"
        )
    raw_stages = top.get("stages", list(STAGE_KINDS))
    if not isinstance(raw_stages, list) or not raw_stages:
        raise PareError(f"{where}: stages must be a non-empty list")
    stages = []
    for i, item in enumerate(raw_stages):
        if isinstance(item, str):
            item = {item: {}}
        if not isinstance(item, dict) or len(item) != 1:
            raise PareError(
                f"{where}: stages[{i}] must be a stage name or a one-key mapping like {{distill: {{}}}}"
            )
        ((kind, options),) = item.items()
        if kind not in STAGE_KINDS:
            raise PareError(
                f"{where}: stages[{i}]: unknown stage {kind!r}; expected one of {', '.join(STAGE_KINDS)}"
            )
        options = dict(_fields(f"{where}: stages[{i}].{kind}", options, _stage_fields(kind) | {"output"}))
        stages.append(Stage(kind, options, str(options.pop("output", ""))))
    calibrate = top.get("calibrate", Recipe.calibrate)
    if calibrate is not None and calibrate not in FITTED:
        raise PareError(f"{where}: calibrate: {calibrate!r}; expected one of {', '.join(FITTED)} or null")
    recipe = Recipe(data, top.get("teacher"), stages, int(top.get("seed", 0)), calibrate)
    check_order(recipe, where)
    return recipe


def _stage_fields(kind: str) -> set[str]:
    """Options a stage accepts: the fields of the config dataclass of the matching library call."""
    from dataclasses import fields

    if kind == "finetune":
        from pare.train.finetune import FinetuneConfig

        return {f.name for f in fields(FinetuneConfig)} - {"taxonomy"}
    if kind == "distill":
        from pare.distill import DistillConfig

        return {f.name for f in fields(DistillConfig)} | {"student"}
    if kind == "trim":
        return {"min_count", "max_vocab", "keep_tokens", "keep_frequent"}
    from pare.quant import QuantConfig

    return {f.name for f in fields(QuantConfig)} | {"calib_docs"}


def check_order(recipe: Recipe, where: str = "recipe") -> None:
    """Reject stage orders that cannot work: nothing after quantize, no teacher for a distillation."""
    kinds = [s.kind for s in recipe.stages]
    if "quantize" in kinds and kinds.index("quantize") != len(kinds) - 1:
        raise PareError(
            f"{where}: quantize must be the last stage (a quantized model is not trained or trimmed)"
        )
    outputs = [s.output for s in recipe.stages]
    if len(set(outputs)) != len(outputs):
        raise PareError(f"{where}: two stages write the same output {outputs}")
    if kinds[0] != "finetune" and recipe.teacher is None:
        raise PareError(
            f"{where}: the first stage is {kinds[0]}, so the recipe needs a 'teacher' to start from"
        )


def load_recipe(path: str | Path | None) -> Recipe:
    """The recipe in ``path`` (YAML), or the built-in default when ``path`` is None."""
    if path is None:
        return default_recipe()
    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PareError(f"{path}: no such recipe file") from None
    except UnicodeDecodeError:
        raise PareError(f"{path}: not valid UTF-8") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise PareError(f"{path}{line}: invalid YAML ({getattr(err, 'problem', err)})") from None
    return parse_recipe(raw or {}, str(path))
