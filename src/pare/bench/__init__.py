"""Measuring models the same way everywhere: parameters, size on disk, CPU tokens/s, peak memory."""

from pare.bench.measure import (
    ModelStats,
    compare_speed,
    dir_size_bytes,
    measure_model,
    param_counts,
    peak_rss_mb,
)

__all__ = ["ModelStats", "compare_speed", "dir_size_bytes", "measure_model", "param_counts", "peak_rss_mb"]
