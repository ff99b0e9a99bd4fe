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
