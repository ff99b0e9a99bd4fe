"""Load any model directory pare writes: plain Hugging Face, or quantized (``quant_config.json``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal, get_args

from pare.errors import PareError
from pare.modeldir import (
    QUANT_MANIFEST,
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
    stays compressed). ``"all"`` expands every weight once, giving a plain model. ``"linear"`` expands the
    Linear weights once and keeps embeddings compressed: a Linear layer uses all of its weight at every forward,
    and expanding it each time costs as much as the matmul itself at batch 1, while an embedding expands only
    the rows it looks up. Other directories load with ``transformers``.
    """

    if dequantize not in DEQUANTIZE:
        raise PareError(f"dequantize {dequantize!r}: expected one of {', '.join(DEQUANTIZE)}")
    path = Path(path)
    found = check_model_dir(path)
    config = load_config(path)
    cls = model_class(config)
    if not found.quantized:
        return load_pretrained(cls, path).eval()
    manifest_path = path / QUANT_MANIFEST
    import torch
    from safetensors.torch import load_file

    from pare.quant.core import FORMAT_VERSION, qweight_from_storage
    from pare.quant.modules import QuantEmbedding, QuantLinear

    manifest = json.loads(manifest_path.read_text())
    if manifest.get("version", 1) > FORMAT_VERSION:
        raise PareError(
            f"{manifest_path}: format version {manifest['version']} is newer than this pare reads "
            f"({FORMAT_VERSION}); upgrade pare"
        )
    tensors = load_file(str(path / manifest["weights_file"]))
    model = cls(config)
    quantized = {}
    for name, entry in manifest["tensors"].items():
        quantized[name] = qweight_from_storage(tensors, name, entry)
        for key in [k for k in tensors if k.startswith(f"{name}.")]:
            del tensors[key]
    missing, unexpected = model.load_state_dict(tensors, strict=False)
    owned = {f"{m}.weight" for e in manifest["tensors"].values() for m in [e["module"], *e["aliases"]]}
    if set(missing) - owned or unexpected:
        raise PareError(
            f"{path}: weights do not match config.json (missing {sorted(set(missing) - owned)[:3]}, "
            f"unexpected {unexpected[:3]})"
        )
    for name, entry in manifest["tensors"].items():
        qweight = quantized[name]
        for module_name in [entry["module"], *entry["aliases"]]:
            module = model.get_submodule(module_name)
            embedding = isinstance(module, torch.nn.Embedding)
            if dequantize == "all" or (dequantize == "linear" and not embedding):
                with torch.no_grad():
                    module.weight.copy_(qweight.dequantize().to(module.weight.dtype))
                continue
            parent_name, _, child = module_name.rpartition(".")
            parent = model.get_submodule(parent_name) if parent_name else model
            if embedding:
                new = QuantEmbedding(qweight, module.padding_idx)
            else:
                new = QuantLinear(qweight, module.bias.detach() if module.bias is not None else None)
            setattr(parent, child, new)
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
