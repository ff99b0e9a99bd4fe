"""Trim a model directory: tokenizer files, embedding / output rows, config ids, and a ``trim.json`` id map."""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from pare.errors import PareError
from pare.io import atomic_dir, check_output
from pare.modeldir import check_model_dir, load_checkpoint, load_config, quiet_transformers, read_json_file
from pare.progress import Track, no_track
from pare.trim.corpus import count_corpus_tokens
from pare.trim.select import select_tokens
from pare.trim.tokenizer import id_to_token, remap_tokenizer_config, trim_tokenizer_json

TRIM_JSON = "trim.json"
# Files that would let a loader pick up the untrimmed vocabulary or weights: never copied to the output.
STALE_FILES = frozenset(
    {
        "vocab.txt",
        "vocab.json",
        "merges.txt",
        "added_tokens.json",
        "sentencepiece.bpe.model",
        "sentencepiece.model",
        "spiece.model",
        "spm.model",
        "tokenizer.model",
        "bpe.codes",
    }
)
REWRITTEN_FILES = frozenset(
    {"config.json", "generation_config.json", "tokenizer.json", "tokenizer_config.json", TRIM_JSON}
)
WEIGHT_SUFFIXES = (".safetensors", ".bin", ".pt", ".pth", ".h5", ".msgpack", ".onnx", ".gguf", ".ckpt", ".ot")


@dataclass
class TrimResult:
    """What a trim did. ``params_*`` are 0 for a tokenizer-only directory."""

    out_dir: str
    vocab_before: int
    vocab_after: int
    params_before: int
    params_after: int
    seconds: float

    @property
    def param_reduction(self) -> float:
        """Fraction of parameters removed (0 when there is no model)."""
        return 1 - self.params_after / self.params_before if self.params_before else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "param_reduction": self.param_reduction}


def remap_ids(old_ids: Sequence[int]) -> dict[int, int]:
    """The old id -> new id map of a trim (ids that were dropped are absent)."""
    return {old: new for new, old in enumerate(old_ids)}


def compose_old_ids(first: Sequence[int], second: Sequence[int]) -> list[int]:
    """``old_ids`` of trimming with ``first`` and then trimming that result with ``second``."""
    return [first[i] for i in second]


def read_trim_json(model_dir: str | Path) -> dict[str, Any]:
    """The ``trim.json`` record a trim left in ``model_dir`` (``source``, ``old_ids``, sizes)."""
    path = Path(model_dir) / TRIM_JSON
    if not path.is_file():
        raise PareError(f"{path}: no such file (was {model_dir} made by `pare trim`?)")
    return json.loads(path.read_text(encoding="utf-8"))


def _config_token_ids(config: Any) -> dict[str, int | list[int]]:
    """Every ``*_token_id`` attribute that is set, of a config or generation config."""
    return {
        k: v
        for k, v in config.to_dict().items()
        if k.endswith("_token_id") and (isinstance(v, int) or (isinstance(v, list) and v))
    }


def _id_list(value: int | list[int]) -> list[int]:
    return value if isinstance(value, list) else [value]


def _load_model(model_dir: Path) -> tuple[Any, set[str]]:
    """The model in its saved architecture and dtype, plus the parameter names the checkpoint lacked."""
    import transformers

    config = load_config(model_dir)  # trim_model checked the directory before reading the corpus
    arch = (config.architectures or [None])[0]
    cls = getattr(transformers, arch, None) if arch else None
    return load_checkpoint(cls or transformers.AutoModel, model_dir, dtype="auto")


def _n_params(model: Any, missing: set[str]) -> int:
    """Parameters the checkpoint holds; shared (tied) parameters are counted once."""
    return sum(p.numel() for name, p in model.named_parameters() if name not in missing)


def _slice_embeddings(model: Any, old_ids: list[int], model_dir: Path) -> None:
    """Keep rows ``old_ids`` of every vocabulary-indexed parameter, preserving weight sharing (tying).

    Vocabulary-indexed: the input embedding weight, the output embedding weight and bias, and any other 1-D
    parameter as long as the vocabulary (an LM-head bias kept outside the output layer, as in BERT's MLM head).
    """
    import torch
    from torch import nn

    try:
        inp = model.get_input_embeddings()
    except (NotImplementedError, AttributeError):
        inp = None
    try:
        out = model.get_output_embeddings()
    except (NotImplementedError, AttributeError):
        out = None
    modules = [m for m in (inp, out) if isinstance(getattr(m, "weight", None), torch.Tensor)]
    if not modules:
        raise PareError(f"{model_dir}: cannot find the token embeddings of {type(model).__name__}")
    rows = modules[0].weight.shape[0]
    if any(m.weight.shape[0] != rows for m in modules):
        raise PareError(f"{model_dir}: input and output embeddings of {type(model).__name__} differ in size")
    if old_ids[-1] >= rows:
        raise PareError(
            f"{model_dir}: tokenizer id {old_ids[-1]} has no embedding row (the model has {rows})"
        )
    targets = [m.weight for m in modules] + [getattr(m, "bias", None) for m in modules]
    targets += [p for p in model.parameters() if p.dim() == 1 and p.shape[0] == rows]
    index = torch.tensor(old_ids, dtype=torch.long)
    sliced = {
        id(p): nn.Parameter(p.detach().index_select(0, index).clone(), requires_grad=p.requires_grad)
        for p in targets
        if p is not None
    }
    for module in model.modules():
        for name, p in list(module._parameters.items()):
            if p is not None and id(p) in sliced:
                setattr(module, name, sliced[id(p)])
    new = remap_ids(old_ids)
    for module in modules:
        if isinstance(module, nn.Embedding):
            module.num_embeddings = len(old_ids)
            if module.padding_idx is not None:
                module.padding_idx = new.get(module.padding_idx)
        elif isinstance(module, nn.Linear):
            module.out_features = len(old_ids)


def _remap_config_ids(config: Any, new: dict[int, int]) -> None:
    for key, value in _config_token_ids(config).items():
        ids = [new[i] for i in _id_list(value)]
        setattr(config, key, ids if isinstance(value, list) else ids[0])


def _copy_other_files(src: Path, dest: Path) -> None:
    """Copy what describes the model but holds no vocabulary or weights (README, pooling configs, templates)."""
    for path in sorted(src.iterdir()):
        if path.name.startswith(".") or path.name in STALE_FILES | REWRITTEN_FILES:
            continue
        if (
            path.is_file()
            and not path.name.endswith(WEIGHT_SUFFIXES)
            and not path.name.endswith(".index.json")
        ):
            shutil.copy2(path, dest / path.name)
        elif path.is_dir() and not any(
            p.name.endswith(WEIGHT_SUFFIXES) or p.name in STALE_FILES for p in path.rglob("*")
        ):
            shutil.copytree(path, dest / path.name)


def _check_request(
    model_dir: Path,
    out_dir: str | Path,
    corpus: Sequence[str | Path],
    keep_tokens: Sequence[str],
    keep_frequent: int,
    overwrite: bool,
) -> bool:
    """Refuse a trim that cannot succeed before any corpus is read; True when ``model_dir`` holds a model."""
    check_output(out_dir, inputs=(model_dir, *corpus), overwrite=overwrite)
    if not model_dir.is_dir():
        raise PareError(
            f"{model_dir}: {'not a directory' if model_dir.exists() else 'no such model directory'}"
        )
    if not (model_dir / "tokenizer.json").is_file():
        raise PareError(f"{model_dir}: no tokenizer.json (only fast tokenizers can be trimmed)")
    if not corpus and not keep_tokens and not keep_frequent:
        raise PareError("nothing defines the vocabulary: give a corpus and/or tokens to keep")
    has_model = (model_dir / "config.json").is_file()
    if has_model:
        check_model_dir(model_dir)  # before the corpus is read: a broken model fails fast
    return has_model


def _read_tokenizer(tok_path: Path) -> tuple[dict, Any]:
    """``tokenizer.json`` as JSON and as a ``tokenizers.Tokenizer`` that encodes without padding or truncation."""
    from tokenizers import Tokenizer

    tok_json = read_json_file(tok_path)
    try:
        tokenizer = Tokenizer.from_file(str(tok_path))
    except Exception as err:  # the Rust loader's own error types
        raise PareError(f"{tok_path}: cannot be loaded ({str(err).splitlines()[0]})") from None
    tokenizer.no_padding()
    tokenizer.no_truncation()
    return tok_json, tokenizer


@dataclass
class _LoadedModel:
    """A model to trim: the module, the parameter names its checkpoint lacked, and the configs that name token
    ids (the model config and, where there is one, the generation config)."""

    model: Any
    missing: set[str]
    configs: list[Any]

    def token_ids(self, tok_json: dict, model_dir: Path) -> list[int]:
        """Every id the configs name (kept by the trim), each checked to be a token of ``tok_json``."""
        tokens = id_to_token(tok_json)
        ids: list[int] = []
        for config in self.configs:
            for key, value in _config_token_ids(config).items():
                for i in _id_list(value):
                    if i not in tokens:
                        raise PareError(f"{model_dir}: {key}={i} is not a token of tokenizer.json")
                    ids.append(i)
        return ids


def _load_for_trim(model_dir: Path) -> _LoadedModel:
    model, missing = _load_model(model_dir)
    configs = [c for c in (model.config, getattr(model, "generation_config", None)) if c]
    return _LoadedModel(model, missing, configs)


def _rewrite_tokenizer(tok_json: dict, keep: Sequence[int]) -> tuple[str, list[int]]:
    """The trimmed ``tokenizer.json`` text and ``old_ids``, checked to load before anything is written."""
    from tokenizers import Tokenizer

    new_json, old_ids = trim_tokenizer_json(tok_json, keep)
    new_text = json.dumps(new_json, ensure_ascii=False, indent=2)
    Tokenizer.from_str(new_text)  # fails here, before anything is written, if the rewrite is inconsistent
    return new_text, old_ids


def _slice_model(loaded: _LoadedModel, old_ids: list[int], model_dir: Path) -> tuple[int, int]:
    """Cut the model to ``old_ids`` in place (embedding rows, config ids, vocab size); params before, after."""
    model, missing = loaded.model, loaded.missing
    params_before = _n_params(model, missing)
    _slice_embeddings(model, old_ids, model_dir)
    params_after = _n_params(model, missing)
    new = remap_ids(old_ids)
    for config in loaded.configs:
        _remap_config_ids(config, new)
    text_config = model.config.get_text_config()
    model.config.vocab_size = text_config.vocab_size = len(old_ids)
    return params_before, params_after


def _write_trimmed(
    tmp: Path, model_dir: Path, loaded: _LoadedModel | None, new_text: str, record: dict[str, Any]
) -> None:
    """Write the trimmed directory into ``tmp``: weights, tokenizer files, other files, ``trim.json``."""
    if loaded is not None:
        # only what the checkpoint held: weights the loader had to initialise are not invented here
        state = {k: v for k, v in loaded.model.state_dict().items() if k not in loaded.missing}
        with quiet_transformers():
            loaded.model.save_pretrained(tmp, state_dict=state)
    (tmp / "tokenizer.json").write_text(new_text, encoding="utf-8")
    if (model_dir / "tokenizer_config.json").is_file():
        new = remap_ids(record["old_ids"])
        tok_config = remap_tokenizer_config(read_json_file(model_dir / "tokenizer_config.json"), new)
        (tmp / "tokenizer_config.json").write_text(json.dumps(tok_config, ensure_ascii=False, indent=2))
    _copy_other_files(model_dir, tmp)
    (tmp / TRIM_JSON).write_text(json.dumps(record), encoding="utf-8")


def trim_model(
    model_dir: str | Path,
    out_dir: str | Path,
    *,
    corpus: Sequence[str | Path] = (),
    keep_tokens: Sequence[str] = (),
    keep_frequent: int = 0,
    min_count: int = 1,
    max_vocab: int | None = None,
    track: Track = no_track,
    overwrite: bool = False,
) -> TrimResult:
    """Trim the vocabulary of the model (or tokenizer-only) directory ``model_dir`` into ``out_dir``.

    Keeps the tokens ``corpus`` uses (see :func:`pare.trim.select.select_tokens`), ``keep_tokens``, the
    tokenizer's ``keep_frequent`` most frequent tokens and the mandatory ones; with no corpus, the last three
    alone define the vocabulary. Writes the sliced model
    (safetensors), rewritten tokenizer files and ``trim.json``. ``model_dir`` is never modified and
    ``out_dir`` appears only when everything succeeded; ``overwrite`` replaces an earlier pare output there.
    """
    start = time.perf_counter()
    model_dir = Path(model_dir)
    has_model = _check_request(model_dir, out_dir, corpus, keep_tokens, keep_frequent, overwrite)
    tok_json, tokenizer = _read_tokenizer(model_dir / "tokenizer.json")
    counts = count_corpus_tokens(tokenizer, corpus, track) if corpus else None
    loaded = _load_for_trim(model_dir) if has_model else None
    keep = select_tokens(
        tok_json,
        counts,
        min_count=min_count,
        max_vocab=max_vocab,
        keep_tokens=keep_tokens,
        keep_frequent=keep_frequent,
        extra_ids=loaded.token_ids(tok_json, model_dir) if loaded else [],
    )
    new_text, old_ids = _rewrite_tokenizer(tok_json, keep)
    params_before, params_after = _slice_model(loaded, old_ids, model_dir) if loaded else (0, 0)
    record = {
        "source": str(model_dir.resolve()),
        "old_ids": old_ids,
        "vocab_before": len(id_to_token(tok_json)),
        "vocab_after": len(old_ids),
        "corpus": [str(p) for p in corpus],
        "min_count": min_count,
        "max_vocab": max_vocab,
        "forced_tokens": len(keep_tokens),
        "keep_frequent": keep_frequent,
    }
    with atomic_dir(out_dir, inputs=(model_dir, *corpus), overwrite=overwrite) as tmp:
        _write_trimmed(tmp, model_dir, loaded, new_text, record)
    return TrimResult(
        out_dir=str(out_dir),
        vocab_before=record["vocab_before"],
        vocab_after=len(old_ids),
        params_before=params_before,
        params_after=params_after,
        seconds=time.perf_counter() - start,
    )
