"""The stored format of a quantized model: written by ``save_quantized``, read back into modules by ``load``.

A quantized directory holds ``model.quant.safetensors`` and its manifest ``quant_config.json``. Each quantized
weight ``W`` (state-dict name ``W``) is stored as tensors ``W.bits`` (uint8 width per group) and, per width
``b`` present, ``W.idx{b}`` (the level indices of its groups, bit-packed by ``codebook.pack``) with either
``W.levels{b}`` (int8) and ``W.step{b}`` (fp16) for a codebook, ``level = step·q``, or ``W.scale{b}`` and
``W.zero{b}`` (fp16) for an affine grid, ``level = zero + scale·t``. Version 1 stored fp16 ``W.levels{b}`` and
no step; it still loads. All other parameters are stored as they are.

This module depends on no other part of the quantizer but the codebook helpers and the quantized modules, so
loading a model never imports the quantizer itself (``core.py``) nor the plot (``plot.py``, matplotlib).
"""

from __future__ import annotations

import json
import math
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import torch
from torch import nn

from pare.errors import PareError
from pare.io import atomic_dir
from pare.modeldir import GENERATION_CONFIG_FILE, QUANT_MANIFEST, TOKENIZER_FILES
from pare.quant.codebook import grid_levels, int8_levels, int8_table, pack
from pare.quant.modules import QuantEmbedding, QuantLinear, QuantWeight

FORMAT_VERSION = 2  # 2: int8 codebook levels with an fp16 step per group; 1: fp16 levels (still read)
WEIGHTS_FILE = "model.quant.safetensors"
MANIFEST = QUANT_MANIFEST
PLOT_FILE = "allocation.png"
# copied from the source directory beside the quantized weights
COMPANION_FILES = (*TOKENIZER_FILES, GENERATION_CONFIG_FILE)


@dataclass
class QuantizedModel:
    """The quantized storage (tensor name -> tensor) and its manifest, ready to save or to load."""

    tensors: dict[str, torch.Tensor]
    manifest: dict


def group_bits(group_size: int, bits: int, affine: bool) -> int:
    """Stored bits of one group: packed indices + codebook (int8 levels and an fp16 step, or an fp16 scale and
    zero) + its width byte."""
    return math.ceil(group_size * bits / 8) * 8 + (32 if affine else 8 * 2**bits + 16) + 8


def store_grid(
    out: dict[str, torch.Tensor], name: str, bits: int, scale: torch.Tensor, zero: torch.Tensor
) -> torch.Tensor:
    """Store the affine grids (fp16 ``scale``, ``zero`` per group) of weight ``name``'s ``bits``-wide groups;
    returns their levels ``(groups, 2^b)``."""
    out[f"{name}.scale{bits}"], out[f"{name}.zero{bits}"] = scale, zero
    return grid_levels(scale, zero, bits)


def store_codebook(out: dict[str, torch.Tensor], name: str, bits: int, levels: torch.Tensor) -> torch.Tensor:
    """Store the sorted codebooks ``levels`` of weight ``name``'s ``bits``-wide groups as int8 multiples of an
    fp16 step; returns the levels as stored, ``(groups, 2^b)``."""
    q, step = int8_levels(levels)
    out[f"{name}.levels{bits}"], out[f"{name}.step{bits}"] = q, step
    return int8_table(q, step)


def store_indices(
    out: dict[str, torch.Tensor], name: str, index: torch.Tensor, members: dict[int, torch.Tensor]
) -> dict[int, torch.Tensor]:
    """Bit-pack the level indices ``index`` ``(groups, group_size)`` of each width's groups ``members[b]``."""
    packed = {b: pack(index[sel], b) for b, sel in members.items()}
    for b, p in packed.items():
        out[f"{name}.idx{b}"] = p
    return packed


def qweight_from_storage(tensors: dict[str, torch.Tensor], name: str, entry: dict) -> QuantWeight:
    """Rebuild a ``QuantWeight`` from stored tensors (``name`` is the weight's state-dict name)."""
    bits = tensors[f"{name}.bits"]
    packed, tables = {}, {}
    for b in sorted(set(bits.tolist())):
        packed[b] = tensors[f"{name}.idx{b}"]
        if entry["format"] == "affine":
            tables[b] = grid_levels(tensors[f"{name}.scale{b}"], tensors[f"{name}.zero{b}"], b)
        elif tensors[f"{name}.levels{b}"].dtype == torch.int8:
            tables[b] = int8_table(tensors[f"{name}.levels{b}"], tensors[f"{name}.step{b}"])
        else:  # format version 1 stored fp16 levels
            tables[b] = tensors[f"{name}.levels{b}"].float()
    return QuantWeight(tuple(entry["shape"]), entry["group_size"], bits, packed, tables)


def read_quantized(path: Path) -> tuple[dict, dict[str, QuantWeight], dict[str, torch.Tensor]]:
    """The manifest of quantized directory ``path``, its quantized weights (state-dict name ->
    ``QuantWeight``) and its other tensors. Raises ``PareError`` for a format newer than this pare reads."""
    from safetensors.torch import load_file

    manifest_path = path / MANIFEST
    manifest = json.loads(manifest_path.read_text())
    if manifest.get("version", 1) > FORMAT_VERSION:
        raise PareError(
            f"{manifest_path}: format version {manifest['version']} is newer than this pare reads "
            f"({FORMAT_VERSION}); upgrade pare"
        )
    tensors = load_file(str(path / manifest["weights_file"]))
    quantized = {}
    for name, entry in manifest["tensors"].items():
        quantized[name] = qweight_from_storage(tensors, name, entry)
        for key in [k for k in tensors if k.startswith(f"{name}.")]:
            del tensors[key]
    return manifest, quantized, tensors


def owned_weights(manifest: dict) -> set[str]:
    """State-dict names of every quantized weight, aliases (tied weights) included."""
    return {f"{m}.weight" for e in manifest["tensors"].values() for m in [e["module"], *e["aliases"]]}


def token_embedding(model: nn.Module) -> nn.Module | None:
    """The model's token embedding (``get_input_embeddings``), or None where the model does not say."""
    try:
        return model.get_input_embeddings()
    except (AttributeError, NotImplementedError):
        return None


def install_quantized(
    model: nn.Module, manifest: dict, quantized: dict[str, QuantWeight], dequantize: str = "none"
) -> None:
    """Put the quantized weights into ``model``: ``QuantLinear``/``QuantEmbedding`` in place of each owning
    module, or the expanded weight copied in: every weight for ``"all"``; for ``"linear"``, every weight but
    the token embedding's (but every embedding's, where the model names no token embedding).

    Under ``"linear"`` only the token embedding stays compressed: it holds most of a small model's weights and
    a forward reads only its tokens' rows. Every forward reads a Linear weight whole, and a position or
    token-type table nearly so: expanding them at each call cost as much as the matmul at batch 1 (the two
    small tables' look-ups alone made a 1-block model several percent slower than its parent), so they are
    expanded once, here.
    """
    tokens = token_embedding(model)
    for name, entry in manifest["tensors"].items():
        qweight = quantized[name]
        for module_name in [entry["module"], *entry["aliases"]]:
            module = model.get_submodule(module_name)
            embedding = isinstance(module, nn.Embedding)
            compressed = embedding and (tokens is None or module is tokens)
            if dequantize == "all" or (dequantize == "linear" and not compressed):
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


def save_quantized(
    result: QuantizedModel,
    model: nn.Module,
    out: str | Path,
    source: str | Path | None = None,
    extra: dict | None = None,
    *,
    overwrite: bool = False,
    plot: Callable[[dict, Path], None] | None = None,
) -> Path:
    """Write ``out``: safetensors (packed quantized weights + the other parameters), ``quant_config.json``,
    ``config.json`` and the tokenizer files of ``source``; with ``plot`` (e.g. ``plot.plot_allocation``), also
    ``plot(manifest, out / "allocation.png")``. Atomic; ``overwrite`` replaces an earlier pare output
    (``pare.io``)."""
    from safetensors.torch import save_file

    skip = owned_weights(result.manifest)
    plain = {k: v.detach().contiguous().clone() for k, v in model.state_dict().items() if k not in skip}
    inputs = (Path(source),) if source is not None else ()
    with atomic_dir(out, inputs=inputs, overwrite=overwrite) as tmp:
        save_file({**plain, **result.tensors}, str(tmp / WEIGHTS_FILE), metadata={"format": "pt"})
        manifest = {**result.manifest, **(extra or {})}
        manifest["file_bytes"] = (tmp / WEIGHTS_FILE).stat().st_size
        manifest["other_parameters"] = sum(v.numel() for v in plain.values())
        (tmp / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n")
        model.config.save_pretrained(tmp)
        if source is not None:
            for fname in COMPANION_FILES:
                if (Path(source) / fname).is_file():
                    shutil.copy2(Path(source) / fname, tmp / fname)
        if plot is not None:
            plot(manifest, tmp / PLOT_FILE)
    return Path(out)
