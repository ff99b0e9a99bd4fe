"""Model statistics for reports: parameter counts that see through quantized modules."""

from transformers import AutoModelForTokenClassification

from pare.bench import dir_size_bytes, param_counts
from pare.quant import QuantConfig, quantize, save_quantized


def test_quantized_weights_count_like_the_weights_they_replace(tiny_bert, tmp_path):
    import pare

    model = AutoModelForTokenClassification.from_pretrained(tiny_bert("measure")).eval()
    total, in_blocks = param_counts(model)
    assert 0 < in_blocks < total
    out = save_quantized(quantize(model, [], QuantConfig(bits=6, method="rtn")), model, tmp_path / "q")
    assert param_counts(pare.load(out)) == (total, in_blocks)
    assert dir_size_bytes(out) == sum(f.stat().st_size for f in out.iterdir())


def test_side_by_side_timing_reports_both_models_and_their_ratio(tiny_bert, tmp_path):
    from pare.bench import compare_speed

    base = tiny_bert("base", layers=6)
    small = tiny_bert("small", layers=1)
    result = compare_speed(base, small, batch_sizes=(2,), seq_len=64, rounds=5, threads=1)
    assert set(result) == {2}
    entry = result[2]
    assert entry["tokens_per_s"] > 0 and entry["baseline_tokens_per_s"] > 0
    # one block instead of six: clearly faster, timed side by side (a broken ratio or swapped models fail)
    assert entry["speedup"] > 1.2


def test_side_by_side_timing_names_the_model_that_failed(tmp_path):
    import pytest

    from pare.bench import compare_speed
    from pare.errors import PareError

    with pytest.raises(PareError, match="measuring failed"):
        compare_speed(tmp_path / "none", tmp_path / "other", rounds=1, threads=1)


def test_peak_memory_is_the_probe_process_own_not_its_launcher(tmp_path):
    """A probe launched from a large process reports its own peak (ru_maxrss would carry the parent's)."""
    import subprocess
    import sys

    import numpy as np

    parent = np.ones(600 * 2**20 // 8)  # 600 MB resident in this process when the child starts
    code = "from pare.bench import peak_rss_mb; print(peak_rss_mb())"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert 0 < float(out.stdout) < 550
    assert parent[-1] == 1.0
