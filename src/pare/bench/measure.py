"""Model measurements for benchmarks and reports.

Speed and memory are measured in a fresh Python process per model (``python -m pare.bench.probe``), so one
model's allocations and caches never count against another's and peak RSS means "this model, loaded and
run". Throughput is the median over repeated timed forward passes after a warm-up, on seeded random token
ids (content does not change the cost of a dense encoder).
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from torch import nn

from pare.errors import PareError


@dataclass
class ModelStats:
    params_total: int
    params_blocks: int
    size_bytes: int
    load_seconds: float
    tokens_per_s: dict[int, float]  # batch size -> median tokens/s
    peak_rss_mb: float
    seq_len: int
    threads: int


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB since it was started (or last exec'd).

    ``VmHWM`` belongs to the process image; ``ru_maxrss`` keeps the parent's peak across fork and exec, so a
    probe launched from a large process would report that process's memory instead of its own.
    """
    status = Path("/proc/self/status")
    if status.is_file():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # no /proc: bytes on macOS, kB elsewhere
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024


def _count(module: nn.Module) -> int:
    """Parameters of ``module``, shared tensors once; a quantized weight counts its original shape's weights."""
    from pare.quant.modules import QuantWeight

    quantized = sum(q.shape[0] * q.shape[1] for q in module.modules() if isinstance(q, QuantWeight))
    return quantized + sum(p.numel() for p in {id(p): p for p in module.parameters()}.values())


def param_counts(model: nn.Module) -> tuple[int, int]:
    """(all parameters, parameters inside the transformer block stack), quantized weights included."""
    from pare.distill.student import find_block_stack

    try:
        _, blocks = find_block_stack(model)
        in_blocks = _count(blocks)
    except PareError:
        in_blocks = 0
    return _count(model), in_blocks


def dir_size_bytes(path: str | Path) -> int:
    """Bytes of every file under ``path`` (what a user downloads or ships)."""
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file())


def measure_model(
    model_dir: str | Path,
    batch_sizes: tuple[int, ...] = (1, 32),
    seq_len: int = 128,
    repeats: int = 5,
    threads: int | None = None,
    seed: int = 0,
) -> ModelStats:
    """Load ``model_dir`` in a fresh process and time forward passes at each batch size.

    ``threads`` fixes torch's intra-op threads in the probe (default: the number of CPU cores).
    """
    threads = threads or os.cpu_count() or 1
    options = {"batch_sizes": ",".join(map(str, batch_sizes)), "seq_len": seq_len, "repeats": repeats}
    out = _run_probe("pare.bench.probe", [str(model_dir)], {**options, "threads": threads, "seed": seed})
    return ModelStats(
        params_total=out["params_total"],
        params_blocks=out["params_blocks"],
        size_bytes=dir_size_bytes(model_dir),
        load_seconds=out["load_seconds"],
        tokens_per_s={int(k): v for k, v in out["tokens_per_s"].items()},
        peak_rss_mb=out["peak_rss_mb"],
        seq_len=seq_len,
        threads=threads,
    )


def compare_speed(
    baseline_dir: str | Path,
    model_dir: str | Path,
    batch_sizes: tuple[int, ...] = (1, 32),
    seq_len: int = 128,
    rounds: int = 7,
    threads: int | None = None,
    seed: int = 0,
) -> dict[int, dict[str, float]]:
    """Time ``baseline_dir`` and ``model_dir`` side by side in one fresh process, alternating per round.

    Returns, per batch size, both models' median tokens/s and ``speedup``: the median over rounds of
    baseline time / model time (robust to the machine's drift between separate measurements).
    """
    threads = threads or os.cpu_count() or 1
    options = {"batch_sizes": ",".join(map(str, batch_sizes)), "seq_len": seq_len, "rounds": rounds}
    out = _run_probe(
        "pare.bench.side_by_side",
        [str(baseline_dir), str(model_dir)],
        {**options, "threads": threads, "seed": seed},
    )
    return {int(batch): values for batch, values in out.items()}


def _run_probe(module: str, paths: list[str], options: dict) -> dict:
    """Run ``python -m module *paths --option value ...`` with ``options["threads"]`` threads; its last line."""
    cmd = [sys.executable, "-m", module, *paths]
    for key, value in options.items():
        cmd += [f"--{key.replace('_', '-')}", str(value)]
    env = {**os.environ, "TRANSFORMERS_VERBOSITY": "error", "OMP_NUM_THREADS": str(options["threads"])}
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        raise PareError(f"{' against '.join(paths)}: measuring failed: {last}")
    return json.loads(proc.stdout.strip().splitlines()[-1])
