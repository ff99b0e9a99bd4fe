"""Quantized Linear and Embedding modules: weights are looked up in level tables on the fly.

A weight of shape ``(rows, cols)`` is cut into groups of ``group_size`` consecutive weights of a row. Group
``g`` has a width ``bits[g]``; the groups of width ``b`` (in ascending ``g``) keep their level indices in
``codes{b}`` and their levels in ``table{b}``. Dequantizing group ``g`` is ``table{b}[p, codes{b}[p]]`` with
``p`` its position among the groups of width ``b``.

The file stores the indices bit-packed (``idx{b}``); here they are unpacked once, at construction, to one byte
per weight: reading bit fields at every forward cost several times the matmul itself at batch 1, while a byte
index keeps the weight at a quarter of its float32 size (plus the tables) and dequantizes with a single gather
per width.
"""

from __future__ import annotations

import torch
from torch import nn
from torch.nn import functional as F

from pare.quant.codebook import unpack


class QuantWeight(nn.Module):
    """A ``(rows, cols)`` weight: per-group widths, level tables and a one-byte level index per weight."""

    def __init__(
        self,
        shape: tuple[int, int],
        group_size: int,
        bits: torch.Tensor,
        packed: dict[int, torch.Tensor],
        tables: dict[int, torch.Tensor],
    ) -> None:
        super().__init__()
        self.shape = (int(shape[0]), int(shape[1]))
        self.group_size = int(group_size)
        self.widths = sorted(int(b) for b in packed)
        bits = bits.to(torch.uint8)
        pos = torch.zeros(bits.numel(), dtype=torch.int64)
        for b in self.widths:
            members = (bits == b).nonzero().squeeze(1)
            pos[members] = torch.arange(members.numel())
            self.register_buffer(f"members{b}", members, persistent=False)
            self.register_buffer(f"codes{b}", unpack(packed[b], b, self.group_size).to(torch.uint8))
            self.register_buffer(f"table{b}", tables[b].float())
        self.register_buffer("bits", bits)
        self.register_buffer("pos", pos, persistent=False)

    def groups(self, gid: torch.Tensor) -> torch.Tensor:
        """Dequantized groups ``gid`` (any 1-D index tensor), ``(len(gid), group_size)`` float32."""
        out = torch.empty(gid.numel(), self.group_size, device=self.bits.device)
        width, pos = self.bits[gid], self.pos[gid]
        for b in self.widths:
            sel = (width == b).nonzero().squeeze(1)
            if sel.numel():
                p = pos[sel]
                out[sel] = getattr(self, f"table{b}")[p].gather(1, getattr(self, f"codes{b}")[p].long())
        return out

    def dequantize(self) -> torch.Tensor:
        """The full ``(rows, cols)`` float32 weight: one gather per width, written to its groups' rows."""
        out = torch.empty(self.bits.numel(), self.group_size, device=self.bits.device)
        for b in self.widths:
            levels = getattr(self, f"table{b}").gather(1, getattr(self, f"codes{b}").long())
            out.index_copy_(0, getattr(self, f"members{b}"), levels)
        return out.reshape(self.shape)

    def rows(self, ids: torch.Tensor) -> torch.Tensor:
        """Only the rows ``ids`` (an embedding lookup), ``(len(ids), cols)``: other rows are not expanded."""
        per_row = self.shape[1] // self.group_size
        gid = ids.reshape(-1, 1) * per_row + torch.arange(per_row, device=ids.device)
        return self.groups(gid.reshape(-1)).reshape(-1, self.shape[1])


class QuantLinear(nn.Module):
    """``nn.Linear`` whose weight is a ``QuantWeight`` dequantized at every forward."""

    def __init__(self, qweight: QuantWeight, bias: torch.Tensor | None) -> None:
        super().__init__()
        self.out_features, self.in_features = qweight.shape
        self.qweight = qweight
        self.bias = nn.Parameter(bias, requires_grad=False) if bias is not None else None

    @property
    def weight(self) -> torch.Tensor:
        return self.qweight.dequantize()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        bias = self.bias.to(x.dtype) if self.bias is not None else None
        return F.linear(x, self.qweight.dequantize().to(x.dtype), bias)


class QuantEmbedding(nn.Module):
    """``nn.Embedding`` that expands only the rows it looks up."""

    def __init__(self, qweight: QuantWeight, padding_idx: int | None = None) -> None:
        super().__init__()
        self.num_embeddings, self.embedding_dim = qweight.shape
        self.padding_idx = padding_idx
        self.qweight = qweight

    @property
    def weight(self) -> torch.Tensor:
        return self.qweight.dequantize()

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        return self.qweight.rows(ids.reshape(-1)).reshape(*ids.shape, self.embedding_dim)
