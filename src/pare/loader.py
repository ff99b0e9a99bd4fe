"""Load any model directory pare writes: plain Hugging Face, or quantized (``quant_config.json``)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal, get_args

from pare.errors import PareError
from pare.modeldir import (
    TOKENIZER_FILES,
    check_model_dir,
    load_config,
    load_pretrained,
    quiet_transformers,
)


def model_class(config):
    """The ``transformers`` class named by ``config.architectures``, else token classification."""
    import transformers

    for name in getattr(config, "architectures", None) or []:
        cls = getattr(transformers, name, None)
        if cls is not None:
            return cls
    return transformers.AutoModelForTokenClassification


Dequantize = Literal["none", "linear", "all"]
DEQUANTIZE: tuple[str, ...] = get_args(Dequantize)


def load(path: str | Path, dequantize: Dequantize = "none"):
    """A ready (eval-mode) model from ``path``.

    Quantized directories get ``QuantLinear``/``QuantEmbedding`` modules that hold a one-byte level index per
    weight (unpacked once from the stored bits) and dequantize by table look-up on the fly (``"none"``: memory
    stays compressed). ``"all"`` expands every weight once, giving a plain model. ``"linear"`` expands every
    weight once but the token embedding's, which stays compressed: a Linear layer uses all of its weight at
    every forward, and a position or token-type table nearly all, so expanding them each time costs as much as
    the matmul itself at batch 1, while the token embedding (most of a small model's weights) expands only the
    rows it looks up. Other directories load with ``transformers``.
    """

    if dequantize not in DEQUANTIZE:
        raise PareError(f"dequantize {dequantize!r}: expected one of {', '.join(DEQUANTIZE)}")
    path = Path(path)
    found = check_model_dir(path)
    if found.onnx:
        raise PareError(
            f"{path}: an ONNX export; onnxruntime runs it (pare.pii.PiiDetector.from_dir), torch cannot load it"
        )
    config = load_config(path)
    cls = model_class(config)
    if not found.quantized:
        return load_pretrained(cls, path).eval()
    from pare.quant.storage import install_quantized, owned_weights, read_quantized

    manifest, quantized, tensors = read_quantized(path)
    model = cls(config)
    # the other parameters load as usual; the quantized weights' modules are replaced (or filled) after
    missing, unexpected = model.load_state_dict(tensors, strict=False)
    owned = owned_weights(manifest)
    if set(missing) - owned or unexpected:
        raise PareError(
            f"{path}: weights do not match config.json (missing {sorted(set(missing) - owned)[:3]}, "
            f"unexpected {unexpected[:3]})"
        )
    install_quantized(model, manifest, quantized, dequantize)
    return model.eval()


def export_dequantized(path: str | Path, out: str | Path, *, overwrite: bool = False) -> Path:
    """Write a plain Hugging Face directory (dequantized weights, config, tokenizer) from ``path``. Atomic."""
    import shutil

    from pare.io import atomic_dir, check_output

    check_output(out, inputs=(path,), overwrite=overwrite)
    model = load(path, dequantize="all")
    with atomic_dir(out, inputs=(path,), overwrite=overwrite) as tmp:
        with quiet_transformers():
            model.save_pretrained(tmp)
        for fname in TOKENIZER_FILES:
            if (Path(path) / fname).is_file():
                shutil.copy2(Path(path) / fname, tmp / fname)
    return Path(out)
