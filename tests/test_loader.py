"""``pare.load`` of a quantized directory needs only the stored format, not the quantizer or its plot."""

import subprocess
import sys
import textwrap

import torch
from transformers import BertConfig, BertForTokenClassification

import pare
from pare.quant import QuantConfig, quantize, save_quantized


def run_python(code: str) -> None:
    res = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr[-2000:]


def test_loading_a_quantized_model_imports_neither_the_quantizer_nor_matplotlib(tmp_path):
    torch.manual_seed(0)
    config = BertConfig(
        vocab_size=50,
        hidden_size=32,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=16,
        num_labels=3,
        architectures=["BertForTokenClassification"],
    )
    model = BertForTokenClassification(config).eval()
    out = save_quantized(quantize(model, [], QuantConfig(bits=4.5, method="rtn")), model, tmp_path / "q")
    ids = torch.arange(2, 12)[None]
    with torch.no_grad():
        expected = pare.load(out, dequantize="all")(input_ids=ids).logits
    torch.save(expected, tmp_path / "expected.pt")
    run_python(
        f"""
        import sys
        import torch
        import pare

        for mode in ("none", "linear", "all"):
            with torch.no_grad():
                got = pare.load({str(out)!r}, dequantize=mode)(input_ids=torch.arange(2, 12)[None]).logits
            torch.testing.assert_close(got, torch.load({str(tmp_path / "expected.pt")!r}), rtol=0, atol=1e-5)
        loaded = sorted(m for m in sys.modules if m.startswith(("pare.quant", "matplotlib")))
        assert loaded == ["pare.quant", "pare.quant.codebook", "pare.quant.modules", "pare.quant.storage"], loaded
        """
    )
