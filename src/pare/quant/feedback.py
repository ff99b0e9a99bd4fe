"""Error feedback for Linear weights on fixed codebooks (the column-by-column update of GPTQ, Frantar et al. 2022).

A Linear layer's output error on its calibration inputs ``X`` is ``Σ_rows Δw H Δwᵀ`` with ``H = Σ_t x_t x_tᵀ``,
one matrix for every row. Rounding each weight to its nearest level ignores ``H``'s off-diagonal terms;
quantizing one column at a time and pushing its error onto the columns still to come cancels part of it:
with ``U`` the upper Cholesky factor of ``H⁻¹``, column ``j``'s error ``e = (w_j - q_j) / U_jj`` updates
``W[:, j:] -= e U[j, j:]`` (the optimal-brain-surgeon step, restricted to the remaining columns). Columns go in
decreasing ``H_jj`` (the inputs with the most energy first). The levels never change: each weight still goes to
the nearest level of its group's codebook, so storage and the bit accounting are those of plain assignment.

The Hessian is measured in ``FOLDS`` parts (batch ``i`` goes to part ``i % FOLDS``) so the caller can check
feedback fitted on one part against the inputs of the other: feedback can lower the error on the very inputs it
was fitted to and raise it on new ones (BERT's first FFN output, whose few huge input activations it over-fits).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import torch
from torch import nn

BLOCK = 128  # columns per lazy update: the error of a block reaches later columns in one matmul
FOLDS = 2


def input_hessians(
    model: nn.Module, batches: Iterable[Mapping[str, torch.Tensor]], modules: Iterable[str]
) -> dict[str, torch.Tensor]:
    """``H = Σ x xᵀ`` (float32) over the inputs each named Linear module sees at unpadded positions, in ``FOLDS``
    parts: ``(FOLDS, in, in)``, batch ``i`` summed into part ``i % FOLDS``; ``H`` is the sum over parts."""
    hessians: dict[str, torch.Tensor] = {}
    mask: list[torch.Tensor | None] = [None]
    fold = [0]

    def hook_for(name: str):
        def hook(module: nn.Module, args: tuple, output: torch.Tensor) -> None:
            x = args[0].detach()
            keep = mask[0]
            if keep is not None and x.shape[:-1] == keep.shape:
                x = x[keep]
            x = x.reshape(-1, x.shape[-1]).float()
            if name not in hessians:
                hessians[name] = x.new_zeros(FOLDS, x.shape[-1], x.shape[-1])
            hessians[name][fold[0]] += x.T @ x

        return hook

    wanted = set(modules)
    handles = [m.register_forward_hook(hook_for(n)) for n, m in model.named_modules() if n in wanted]
    was_training = model.training
    model.eval()
    try:
        with torch.no_grad():
            for i, batch in enumerate(batches):
                fold[0] = i % FOLDS
                inputs = {k: v for k, v in batch.items() if k != "labels"}
                attention = inputs.get("attention_mask")
                mask[0] = attention.bool() if attention is not None else None
                model(**inputs)
    finally:
        for handle in handles:
            handle.remove()
        model.train(was_training)
    return hessians


def output_error(delta: torch.Tensor, hessian: torch.Tensor) -> float:
    """``Σ_rows Δw H Δwᵀ``: the squared output error of weight error ``delta`` on the calibration inputs."""
    d = delta.double()
    return float(((d @ hessian.double()) * d).sum())


def feedback_assign(
    weight: torch.Tensor, levels: torch.Tensor, group_size: int, hessian: torch.Tensor, damp: float = 0.01
) -> torch.Tensor:
    """Level index per weight, ``(rows, cols)``, chosen column by column with error feedback.

    ``levels`` is ``(rows, cols // group_size, k)``: each group's sorted codebook, padded to ``k`` by repeating
    its top level (a tie resolves to the first, real, index). ``damp`` adds ``damp · mean(diag H)`` to the
    diagonal, as GPTQ does, so that ``H`` inverts when some inputs are (nearly) collinear.
    """
    w = weight.detach().double().clone()
    rows, cols = w.shape
    h = hessian.double().clone()
    dead = torch.diag(h) == 0  # inputs never active: their weights cannot change the output
    h[dead, dead] = 1.0
    order = torch.argsort(torch.diag(h), descending=True)
    w, h = w[:, order], h[order][:, order]
    h += damp * torch.diag(h).mean() * torch.eye(cols, dtype=h.dtype)
    u = torch.linalg.cholesky(torch.cholesky_inverse(torch.linalg.cholesky(h)), upper=True)
    table = levels.double()[:, order // group_size]  # (rows, cols, k) in processing order
    index = torch.empty(rows, cols, dtype=torch.int64)
    for start in range(0, cols, BLOCK):
        stop = min(start + BLOCK, cols)
        block, err = w[:, start:stop].clone(), torch.empty(rows, stop - start, dtype=w.dtype)
        for j in range(stop - start):
            col = table[:, start + j]
            idx = (block[:, j : j + 1] - col).abs().argmin(1)
            index[:, start + j] = idx
            err[:, j] = (block[:, j] - col.gather(1, idx[:, None]).squeeze(1)) / u[start + j, start + j]
            block[:, j:] -= err[:, j : j + 1] * u[start + j, start:stop][None, j:]
        w[:, stop:] -= err @ u[start:stop, stop:]
    out = torch.empty_like(index)
    out[:, order] = index
    return out
