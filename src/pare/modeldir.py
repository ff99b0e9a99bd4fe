"""One place for the Hugging Face model-directory conventions: file names, the checks every command runs on a
model directory before any work, and loading a model or tokenizer with transformers quieted.

A check fails with a one-line ``PareError`` naming the directory and what is wrong: missing, empty, no or a
broken ``config.json``, weights missing, truncated or pickled only (``pytorch_model.bin``: unpickling can run
code, so pare, like ``torch.load(weights_only=True)``, does not), no tokenizer, no labels.
"""

from __future__ import annotations

import contextlib
import json
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pare.errors import PareError

CONFIG_FILE = "config.json"
SAFETENSORS_FILE = "model.safetensors"
SAFETENSORS_INDEX = "model.safetensors.index.json"
PICKLED_WEIGHT_FILES = (
    "pytorch_model.bin",
    "pytorch_model.bin.index.json",
    "tf_model.h5",
    "flax_model.msgpack",
)
QUANT_MANIFEST = "quant_config.json"
# ``pare export --format onnx`` writes this graph (with config, tokenizer and labels) instead of weights
ONNX_FILE = "model.onnx"
ONNX_MANIFEST = "onnx_config.json"
CALIBRATION_FILE = "viterbi_calibration.json"
GENERATION_CONFIG_FILE = "generation_config.json"
# Files that make up a tokenizer; copied beside a model pare writes from another one.
TOKENIZER_FILES = (
    "tokenizer.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
    "vocab.txt",
    "vocab.json",
    "merges.txt",
    "added_tokens.json",
    "sentencepiece.bpe.model",
    "spiece.model",
    "tokenizer.model",
)
# Any one of these is a vocabulary transformers can build a tokenizer from (the rest only configure it).
TOKENIZER_VOCAB_FILES = (
    "tokenizer.json",
    "vocab.txt",
    "vocab.json",
    "spiece.model",
    "sentencepiece.bpe.model",
    "tokenizer.model",
)


def is_local_path(name: str | Path) -> bool:
    """Whether ``name`` means a local directory rather than a Hugging Face Hub id (``org/name``)."""
    text = str(name)
    return Path(text).exists() or Path(text).is_absolute() or text.startswith(".") or text.count("/") > 1


def first_line(err: BaseException) -> str:
    """An exception as one short line (library errors can span pages)."""
    lines = str(err).strip().splitlines()
    return f"{type(err).__name__}: {lines[0][:200]}" if lines else type(err).__name__


@dataclass(frozen=True)
class ModelDir:
    """A checked model directory: its ``config.json`` as read, and what else it holds."""

    path: Path
    config: dict[str, Any]
    quantized: bool
    has_tokenizer: bool
    onnx: bool = False

    @property
    def architectures(self) -> list[str]:
        return [str(a) for a in self.config.get("architectures") or []]

    @property
    def is_token_classifier(self) -> bool:
        return any(a.endswith("ForTokenClassification") for a in self.architectures)


def read_json_file(path: Path) -> Any:
    """A JSON file, or a one-line ``PareError`` naming FILE:LINE."""
    try:
        return json.loads(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError:
        raise PareError(f"{path}: not valid UTF-8") from None
    except json.JSONDecodeError as err:
        raise PareError(f"{path}:{err.lineno}: not valid JSON ({err.msg})") from None
    except (RecursionError, ValueError):
        raise PareError(f"{path}: not valid JSON (nested too deeply or a number too long)") from None
    except OSError as err:
        raise PareError(f"{path}: cannot read ({err.strerror})") from None


def _read_config(path: Path, what: str) -> dict[str, Any]:
    if not path.exists():
        raise PareError(f"{path}: no such {what} directory")
    if not path.is_dir():
        raise PareError(f"{path}: not a directory (expected a {what} directory)")
    config_path = path / CONFIG_FILE
    if not config_path.is_file():
        raise PareError(f"{path}: not a model directory (no {CONFIG_FILE})")
    config = read_json_file(config_path)
    if not isinstance(config, dict):
        raise PareError(f"{config_path}: expected a JSON object")
    if not isinstance(config.get("model_type"), str):
        raise PareError(f"{config_path}: no model_type; not a transformers config")
    return config


def check_safetensors(path: Path) -> None:
    """Refuse a safetensors file whose header is unreadable or whose data is shorter than it says."""
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
            if len(head) < 8:
                raise PareError(f"{path}: truncated or not a safetensors file")
            (size,) = struct.unpack("<Q", head)
            if size > 100_000_000:
                raise PareError(f"{path}: not a safetensors file (header of {size} bytes)")
            header = json.loads(fh.read(size).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise PareError(f"{path}: not a safetensors file (unreadable header)") from None
    except OSError as err:
        raise PareError(f"{path}: cannot read ({err.strerror})") from None
    ends = [e["data_offsets"][1] for k, e in header.items() if k != "__metadata__" and isinstance(e, dict)]
    if path.stat().st_size < 8 + size + max(ends, default=0):
        raise PareError(f"{path}: truncated ({path.stat().st_size:,} bytes; the header needs more)")


def _check_weights(path: Path) -> None:
    if (path / SAFETENSORS_FILE).is_file():
        check_safetensors(path / SAFETENSORS_FILE)
        return
    if (path / SAFETENSORS_INDEX).is_file():
        index = read_json_file(path / SAFETENSORS_INDEX)
        shards = sorted(set((index.get("weight_map") or {}).values())) if isinstance(index, dict) else []
        if not shards:
            raise PareError(f"{path / SAFETENSORS_INDEX}: no weight_map")
        for shard in shards:
            if not (path / shard).is_file():
                raise PareError(f"{path}: shard {shard} named by {SAFETENSORS_INDEX} is missing")
            check_safetensors(path / shard)
        return
    pickled = [name for name in PICKLED_WEIGHT_FILES if (path / name).is_file()]
    if pickled:
        raise PareError(
            f"{path}: weights only in {pickled[0]} (a pickle, which can run code when loaded); pare reads "
            "safetensors: re-save the model with save_pretrained(..., safe_serialization=True)"
        )
    raise PareError(f"{path}: no model weights ({SAFETENSORS_FILE})")


def check_model_dir(
    path: str | Path,
    *,
    what: str = "model",
    weights: bool = True,
    tokenizer: bool = False,
    token_classifier: bool = False,
) -> ModelDir:
    """Check ``path`` before any work: config, weights (plain, quantized or an ONNX graph), tokenizer and labels
    as asked. An ONNX directory needs ``tokenizer.json`` itself: its runtime reads no other tokenizer file."""
    path = Path(path)
    config = _read_config(path, what)
    quantized = (path / QUANT_MANIFEST).is_file()
    onnx = (path / ONNX_FILE).exists()
    if weights:
        if onnx:
            _check_onnx(path)
        elif quantized:
            _check_quantized(path)
        else:
            _check_weights(path)
    vocab_files = ("tokenizer.json",) if onnx else TOKENIZER_VOCAB_FILES
    has_tokenizer = any((path / name).is_file() for name in vocab_files)
    if tokenizer and not has_tokenizer:
        raise PareError(f"{path}: no tokenizer files (tokenizer.json); the {what} needs its tokenizer")
    found = ModelDir(path, config, quantized, has_tokenizer, onnx)
    if token_classifier:
        _check_labels(found)
    return found


def _check_quantized(path: Path) -> None:
    manifest = read_json_file(path / QUANT_MANIFEST)
    if not isinstance(manifest, dict) or manifest.get("format") != "pare-quant":
        raise PareError(f"{path / QUANT_MANIFEST}: not a pare quantization manifest")
    weights_file = manifest.get("weights_file")
    if not isinstance(weights_file, str) or not (path / weights_file).is_file():
        raise PareError(f"{path}: the quantized weights file named by {QUANT_MANIFEST} is missing")
    check_safetensors(path / weights_file)


def _check_onnx(path: Path) -> None:
    file = path / ONNX_FILE
    if not file.is_file():
        raise PareError(f"{file}: not a regular file")
    if file.stat().st_size == 0:
        raise PareError(f"{file}: empty (an interrupted copy?)")


def read_taxonomy(path: str | Path):
    """The ``Taxonomy`` of the token classifier in ``path``, from its ``config.json`` alone (no weights read):
    what a caller needs to check options against a model that other processes will load."""
    return _config_taxonomy(check_model_dir(path, token_classifier=True).config)


def _config_taxonomy(config: dict):
    """The taxonomy of a parsed ``config.json``'s ``id2label`` (keys ``"0"`` .. ``"n-1"``)."""
    from pare.labels import Taxonomy

    id2label = config["id2label"]
    return Taxonomy.from_labels([id2label[str(i)] for i in range(len(id2label))])


def _check_labels(model: ModelDir) -> None:
    """A token classifier with a BIO/BIOES taxonomy in ``id2label``."""
    config_path = model.path / CONFIG_FILE
    if model.architectures and not model.is_token_classifier:
        raise PareError(
            f"{config_path}: {', '.join(model.architectures)} is not a token classifier "
            "(expected a *ForTokenClassification model)"
        )
    id2label = model.config.get("id2label")
    if not isinstance(id2label, dict) or not id2label:
        raise PareError(f"{config_path}: no id2label; not a token classifier pare can read")
    try:
        _config_taxonomy(model.config)
    except (KeyError, PareError) as err:
        raise PareError(f"{config_path}: labels are not a BIO/BIOES taxonomy ({err})") from None


@contextlib.contextmanager
def quiet_transformers() -> Iterator[None]:
    """Silence transformers' load reports and progress bars (library code never prints)."""
    from transformers.utils import logging

    level = logging.get_verbosity()
    bars = logging.is_progress_bar_enabled()
    logging.set_verbosity_error()
    logging.disable_progress_bar()
    try:
        yield
    finally:
        logging.set_verbosity(level)
        if bars:
            logging.enable_progress_bar()


def _from_pretrained(cls: Any, path: Path, kwargs: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
    """``cls.from_pretrained`` quietly, with its loading report; failures as one line."""
    try:
        with quiet_transformers():
            return cls.from_pretrained(path, output_loading_info=True, **kwargs)
    except RuntimeError as err:
        if "mismatched_sizes" not in str(err):
            raise PareError(f"{path}: cannot load the model ({first_line(err)})") from None
        raise PareError(f"{path}: weights do not match config.json in shape (labels changed?)") from None
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise PareError(f"{path}: cannot load the model ({first_line(err)})") from None


def _refuse_mismatch(path: Path, model: Any, missing: list[str], unused: list[str]) -> None:
    if missing or unused:
        kinds = (("missing", missing), ("unused", unused))
        found = "; ".join(f"{kind}: {', '.join(keys[:2])}" for kind, keys in kinds if keys)
        name = type(model).__name__
        raise PareError(f"{path}: the checkpoint does not match {name} ({found}); check config.json")


def load_pretrained(cls: Any, path: str | Path, *, partial: bool = False, **kwargs: Any) -> Any:
    """``cls.from_pretrained(path)`` quietly, refusing a checkpoint that is not exactly the model.

    A missing or mis-shaped weight would be initialised at random (a masked-LM head, a classifier of another
    label count) and an unused one dropped (a classifier under a bare encoder's config): either way the result
    would be another model, with no error. ``partial`` accepts both, for a base that gets a new head.
    """
    model, info = _from_pretrained(cls, Path(path), kwargs)
    if not partial:
        _refuse_mismatch(Path(path), model, sorted(info["missing_keys"]), sorted(info["unexpected_keys"]))
    return model


def load_checkpoint(cls: Any, path: str | Path, **kwargs: Any) -> tuple[Any, set[str]]:
    """The model and the names of the weights its checkpoint lacks (a pooler some encoders ship without), for
    rewriting a checkpoint as it is: the caller saves only what was there. Unused weights are refused."""
    model, info = _from_pretrained(cls, Path(path), kwargs)
    _refuse_mismatch(Path(path), model, [], sorted(info["unexpected_keys"]))
    return model, set(info["missing_keys"])


def load_config(path: str | Path) -> Any:
    """``AutoConfig.from_pretrained(path)`` quietly; an unreadable config is one line naming the file."""
    from transformers import AutoConfig

    try:
        with quiet_transformers():
            return AutoConfig.from_pretrained(path, local_files_only=True)
    except (OSError, ValueError, KeyError) as err:
        raise PareError(f"{Path(path) / CONFIG_FILE}: cannot read the config ({first_line(err)})") from None


def load_tokenizer(path: str | Path, *, fast: bool = True) -> Any:
    """``AutoTokenizer.from_pretrained(path)`` quietly; pare needs a fast tokenizer (character offsets)."""
    from transformers import AutoTokenizer

    try:
        with quiet_transformers():
            tokenizer = AutoTokenizer.from_pretrained(path)
    except (OSError, ValueError, KeyError, TypeError, RuntimeError) as err:
        raise PareError(f"{path}: cannot load the tokenizer ({first_line(err)})") from None
    if fast and not getattr(tokenizer, "is_fast", False):
        raise PareError(
            f"{path}: the tokenizer is not a fast tokenizer (no tokenizer.json); pare needs offsets"
        )
    return tokenizer


# transformers 5 writes its generic fast tokenizer as "TokenizersBackend", a name transformers 4 does not know;
# both load "PreTrainedTokenizerFast" (the 4.x class, an alias in 5) from the same tokenizer.json
_GENERIC_TOKENIZER = ("TokenizersBackend", "PreTrainedTokenizerFast")


def save_tokenizer(tokenizer: Any, dest: str | Path) -> None:
    """``tokenizer.save_pretrained(dest)``, naming a generic fast tokenizer so that any transformers loads it."""
    with quiet_transformers():
        tokenizer.save_pretrained(dest)
    path = Path(dest) / "tokenizer_config.json"
    if not path.is_file():
        return
    config = json.loads(path.read_text(encoding="utf-8"))
    if config.get("tokenizer_class") == _GENERIC_TOKENIZER[0]:
        config["tokenizer_class"] = _GENERIC_TOKENIZER[1]
        path.write_text(json.dumps(config, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
