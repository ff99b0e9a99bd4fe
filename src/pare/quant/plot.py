"""The allocation heatmap: mean bits per (layer, module). Imports matplotlib only when it draws."""

from __future__ import annotations

import re
from pathlib import Path


def layer_and_module(module: str) -> tuple[str, str]:
    """``bert.encoder.layer.3.attention.self.query`` -> (``3``, ``attention.self.query``); else (``-``, tail)."""
    m = re.search(r"\.(\d+)\.(.+)$", module)
    return (m.group(1), m.group(2)) if m else ("-", ".".join(module.split(".")[-2:]))


def plot_allocation(manifest: dict, path: str | Path) -> None:
    """Draw layer × module mean bits (non-layer weights such as embeddings form the row ``-``) to a PNG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    cells = {layer_and_module(e["module"]): e["mean_bits"] for e in manifest["tensors"].values()}
    layers = sorted({k[0] for k in cells}, key=lambda s: (s != "-", int(s) if s.isdigit() else -1))
    modules = sorted({k[1] for k in cells})
    grid = np.full((len(layers), len(modules)), np.nan)
    for (layer, module), bits in cells.items():
        grid[layers.index(layer), modules.index(module)] = bits
    fig, ax = plt.subplots(figsize=(1.2 + 0.9 * len(modules), 1.2 + 0.45 * len(layers)))
    im = ax.imshow(grid, cmap="viridis", aspect="auto")
    ax.set_xticks(range(len(modules)), modules, rotation=45, ha="right", fontsize=7)
    ax.set_yticks(range(len(layers)), layers, fontsize=7)
    ax.set_ylabel("layer")
    for (i, j), v in np.ndenumerate(grid):
        if not np.isnan(v):
            ax.text(j, i, f"{v:.1f}", ha="center", va="center", fontsize=6, color="w")
    cfg = manifest["config"]
    ax.set_title(f"{cfg['method']}: {manifest['bits_per_weight']:.2f} bits/weight", fontsize=9)
    fig.colorbar(im, ax=ax, label="mean bits")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
