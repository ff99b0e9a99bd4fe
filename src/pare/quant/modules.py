"""Quantized Linear and Embedding modules: weights are looked up in level tables on the fly.

A weight of shape ``(rows, cols)`` is cut into groups of ``group_size`` consecutive weights of a row. Group
``g`` has a width ``bits[g]`` and a table of ``2^bits[g]`` levels; each of its weights stores the index of its
level.

The file stores the indices bit-packed, per width; here they are unpacked once, at construction, to one byte
per weight (``codes``), and every group's table goes into one flat float32 ``levels`` tensor, the group's
table starting at ``base[g]``. Dequantizing any set of groups is then one index add and one gather, whatever
the widths: reading bit fields at every forward cost several times the matmul itself at batch 1, and a loop
over widths (a mask, a ``nonzero``, a gather and a scatter per width) made an embedding look-up cost 10-100
times ``nn.Embedding``'s, enough to make the whole model slower than its unquantized parent. A byte index
keeps the weight at a quarter of its float32 size (plus the tables).
"""

from __future__ import annotations

import torch
from torch import nn
from torch.nn import functional as F

from pare.quant.codebook import unpack


class QuantWeight(nn.Module):
    """A ``(rows, cols)`` weight: per-group widths, one flat level table and a one-byte level index per
    weight. ``packed[b]``/``tables[b]``: the bit-packed indices and the levels ``(groups, 2^b)`` of the
    ``b``-wide groups, in ascending group order."""

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
        bits = bits.to(torch.uint8)
        codes = torch.empty(bits.numel(), self.group_size, dtype=torch.uint8)
        base = torch.empty(bits.numel(), dtype=torch.int64)
        flat, start = [], 0
        for b in sorted(int(b) for b in packed):
            members = (bits == b).nonzero().squeeze(1)
            codes[members] = unpack(packed[b], b, self.group_size).to(torch.uint8)
            table = tables[b].float()
            base[members] = start + table.shape[1] * torch.arange(members.numel())
            flat.append(table.reshape(-1))
            start += table.numel()
        self.register_buffer("bits", bits)
        self.register_buffer("codes", codes)
        self.register_buffer("levels", torch.cat(flat))
        # int32 indices where they reach every level: building and reading them moves half the bytes of int64
        index_dtype = torch.int32 if start <= torch.iinfo(torch.int32).max else torch.int64
        self.register_buffer("base", base.to(index_dtype), persistent=False)
        # a row's groups are consecutive: row r holds groups r*per_row + row_groups
        self.per_row = self.shape[1] // self.group_size
        self.register_buffer("row_groups", torch.arange(self.per_row), persistent=False)

    def _expand(self, codes: torch.Tensor, base: torch.Tensor) -> torch.Tensor:
        """The levels of groups with indices ``codes`` ``(n, group_size)`` and table starts ``base`` ``(n,)``.

        Widened first, then added in place: a broadcast add of uint8 to a wider integer (type promotion) runs
        many times slower on CPU.
        """
        index = codes.to(base.dtype).add_(base[:, None])
        return self.levels.index_select(0, index.view(-1)).view(codes.shape)

    def dequantize(self) -> torch.Tensor:
        """The full ``(rows, cols)`` float32 weight."""
        return self._expand(self.codes, self.base).reshape(self.shape)

    def rows(self, ids: torch.Tensor) -> torch.Tensor:
        """Only the rows ``ids`` (an embedding lookup), ``(len(ids), cols)``: other rows are not expanded."""
        gid = ids.reshape(-1)
        if self.per_row > 1:
            gid = (gid[:, None] * self.per_row + self.row_groups).reshape(-1)
        codes, base = self.codes.index_select(0, gid), self.base.index_select(0, gid)
        return self._expand(codes, base).reshape(-1, self.shape[1])


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
