"""Model statistics for reports: parameter counts that see through quantized modules."""

import torch
from transformers import BertConfig, BertForTokenClassification

from pare.bench import dir_size_bytes, param_counts
from pare.quant import QuantConfig, quantize, save_quantized


def tiny_classifier() -> BertForTokenClassification:
    torch.manual_seed(0)
    config = BertConfig(
        vocab_size=50,
        hidden_size=16,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=32,
        max_position_embeddings=16,
        num_labels=3,
        architectures=["BertForTokenClassification"],
    )
    return BertForTokenClassification(config).eval()


def test_quantized_weights_count_like_the_weights_they_replace(tmp_path):
    import pare

    model = tiny_classifier()
    total, in_blocks = param_counts(model)
    assert 0 < in_blocks < total
    out = save_quantized(quantize(model, [], QuantConfig(bits=6, method="rtn")), model, tmp_path / "q")
    assert param_counts(pare.load(out)) == (total, in_blocks)
    assert dir_size_bytes(out) == sum(f.stat().st_size for f in out.iterdir())
