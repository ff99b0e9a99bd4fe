"""Students cut from a teacher: keep some of its transformer blocks, everything else as is.

Works for any ``transformers`` model without a per-architecture table: the block stack is found by
introspection (the largest ``nn.ModuleList`` whose length is ``config.num_hidden_layers``), the kept blocks'
weights are renamed to consecutive indices, and the student is the teacher's own class built from a copy of
its config with ``num_hidden_layers = k`` and every per-layer config list sliced to the kept blocks. So the
student keeps the teacher's embeddings, final norm, head and labels, and loads with the same ``AutoModel*``.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Literal

import torch
from torch import nn

from pare.errors import PareError

Init = Literal["first", "last", "uniform"]
INITS: tuple[str, ...] = ("first", "last", "uniform")
_NOT_PER_LAYER = frozenset(
    {"architectures"}
)  # config lists that only look per-layer when their length matches


def _num_layers(model: nn.Module) -> int:
    n = getattr(getattr(model, "config", None), "num_hidden_layers", None)
    if not isinstance(n, int) or n <= 0:
        raise PareError(
            f"{type(model).__name__}: config has no num_hidden_layers; cannot find its block stack"
        )
    return n


def find_block_stack(model: nn.Module) -> tuple[str, nn.ModuleList]:
    """The dotted name and module of the model's transformer blocks.

    The blocks are the ``nn.ModuleList`` of length ``config.num_hidden_layers`` holding the most parameters
    (``bert.encoder.layer``, ``model.layers``, ...). Raises ``PareError`` when there is none.
    """
    n = _num_layers(model)
    candidates = [
        (sum(p.numel() for p in module.parameters()), name, module)
        for name, module in model.named_modules()
        if isinstance(module, nn.ModuleList) and len(module) == n and name
    ]
    if not candidates:
        raise PareError(
            f"{type(model).__name__}: no module list of {n} blocks (config.num_hidden_layers); "
            "cannot find its transformer block stack"
        )
    _, name, module = max(candidates, key=lambda c: c[0])
    return name, module


def parse_layers(value: str) -> int | list[int]:
    """``"1"`` -> 1 (a number of blocks); ``"0,5"`` or ``"3,"`` -> [0, 5] / [3] (explicit block indices)."""
    try:
        if "," in value:
            return [int(v) for v in value.split(",") if v.strip()]
        return int(value)
    except ValueError:
        raise PareError(
            f"--layers: expected a number of blocks or comma-separated indices, got {value!r}"
        ) from None


def select_layers(num_layers: int, layers: int | Sequence[int], init: Init = "first") -> list[int]:
    """Teacher block indices to keep: explicit ``layers`` (checked, sorted), or ``layers`` blocks by ``init``.

    ``first``/``last``: the first or last k blocks; ``uniform``: k evenly spaced blocks ending at the last one
    (block ``round((i + 1) * n / k) - 1`` for ``i < k``, like DistilBERT's every-other-layer).
    """
    if isinstance(layers, int):
        k = layers
        if not 1 <= k <= num_layers:
            raise PareError(f"--layers {k}: the teacher has {num_layers} blocks; choose 1 to {num_layers}")
        if init == "first":
            return list(range(k))
        if init == "last":
            return list(range(num_layers - k, num_layers))
        if init == "uniform":
            return [round((i + 1) * num_layers / k) - 1 for i in range(k)]
        raise PareError(f"--init {init!r}: expected one of {', '.join(INITS)}")
    indices = sorted(set(layers))
    if not indices:
        raise PareError("--layers: no block indices given")
    bad = [i for i in indices if not 0 <= i < num_layers]
    if bad:
        raise PareError(
            f"--layers: block index {bad[0]} is out of range; the teacher has blocks 0 to {num_layers - 1}"
        )
    return indices


def student_config(config, layers: Sequence[int]):
    """A copy of ``config`` for the kept ``layers``: ``num_hidden_layers = k``, per-layer lists sliced."""
    n = config.num_hidden_layers
    new = copy.deepcopy(config)
    for key, value in vars(config).items():
        if key not in _NOT_PER_LAYER and isinstance(value, list | tuple) and len(value) == n:
            setattr(new, key, type(value)(value[i] for i in layers))
    new.num_hidden_layers = len(layers)
    return new


def truncate(teacher: nn.Module, layers: Sequence[int]) -> nn.Module:
    """The teacher with only blocks ``layers`` (teacher indices, sorted): same class, weights copied.

    Used untrained it is the truncation baseline; it is also the starting point of every distilled student.
    """
    stack_name, _ = find_block_stack(teacher)
    layers = select_layers(_num_layers(teacher), list(layers))
    config = student_config(teacher.config, layers)
    new_index = {old: new for new, old in enumerate(layers)}
    prefix = stack_name + "."
    state: dict[str, torch.Tensor] = {}
    for key, tensor in teacher.state_dict().items():
        if key.startswith(prefix):
            index, _, rest = key[len(prefix) :].partition(".")
            if int(index) not in new_index:
                continue
            key = f"{prefix}{new_index[int(index)]}.{rest}"
        state[key] = tensor
    student = type(teacher)(config)
    student.load_state_dict(state, strict=True)
    dtype = next(teacher.parameters()).dtype
    return student.to(dtype).eval()
