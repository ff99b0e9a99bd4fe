"""pare export --format onnx: what the directory holds, that onnxruntime computes what torch computes (any
batch and length), int8, other architectures, and refusals that write nothing."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import onnx
import pytest
import torch

import pare
from pare.errors import PareError
from pare.models import default_model_dir
from pare.onnx import export as export_module
from pare.onnx.config import OnnxExportConfig
from pare.onnx.export import export_onnx
from pare.onnx.runtime import OnnxTokenClassifier


def torch_logits(model, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
    with torch.inference_mode():
        return model(input_ids=torch.from_numpy(ids), attention_mask=torch.from_numpy(mask)).logits.numpy()


def random_batch(rng, batch: int, length: int, vocab: int) -> tuple[np.ndarray, np.ndarray]:
    """Ids framed by [CLS]/[SEP]-like ids, rows of random lengths padded at the end."""
    ids = rng.integers(5, vocab, (batch, length))
    mask = np.zeros((batch, length), dtype=np.int64)
    for i, n in enumerate(rng.integers(1, length + 1, batch)):
        mask[i, :n] = 1
        ids[i, n:] = 0
    mask[0] = 1  # the longest row fills the batch
    return ids, mask


def test_the_directory_holds_graph_config_tokenizer_calibration_and_record(tiny_dirs):
    source, out = tiny_dirs
    names = {p.name for p in out.iterdir()}
    assert {"model.onnx", "config.json", "tokenizer.json", "tokenizer_config.json"} <= names
    assert "viterbi_calibration.json" in names and "model.safetensors" not in names
    assert json.loads((out / "config.json").read_text())["id2label"]["1"] == "B-account_number"
    assert json.loads((out / "viterbi_calibration.json").read_text()) == json.loads(
        (source / "viterbi_calibration.json").read_text()
    )
    record = json.loads((out / "onnx_config.json").read_text())
    assert record["format"] == "pare-onnx" and record["opset"] >= 17 and record["int8"] is False
    graph = onnx.load(out / "model.onnx")
    assert max(o.version for o in graph.opset_import if o.domain in ("", "ai.onnx")) >= 17
    for value in graph.graph.input:  # batch and sequence are dynamic axes
        dims = value.type.tensor_type.shape.dim
        assert [d.dim_param != "" for d in dims] == [True, True], value


@pytest.mark.parametrize("batch, length", [(1, 1), (3, 17), (8, 128)])
def test_onnx_logits_equal_torch_logits_at_any_batch_and_length(tiny_dirs, batch, length):
    source, out = tiny_dirs
    model = pare.load(source)
    ids, mask = random_batch(np.random.default_rng(length), batch, length, 30522)
    got = OnnxTokenClassifier(out / "model.onnx").logits(ids, mask)
    real = mask.astype(bool)
    np.testing.assert_allclose(got[real], torch_logits(model, ids, mask)[real], atol=1e-4, rtol=1e-4)


def test_attention_is_exported_eager_without_the_sdpa_nan_guard(default_onnx):
    # SDPA's export guards fully masked rows with IsNaN/Where over every attention score: slow on the CPU
    ops = {node.op_type for node in onnx.load(default_onnx / "model.onnx").graph.node}
    assert "IsNaN" not in ops and "Softmax" in ops
    assert (
        pare.load(default_model_dir()).config._attn_implementation != "eager"
    )  # the source model keeps SDPA


def test_a_quantized_model_exports_its_dequantized_weights(default_onnx):
    model = pare.load(default_model_dir(), dequantize="all")
    ids, mask = random_batch(np.random.default_rng(0), 4, 40, model.config.vocab_size)
    got = OnnxTokenClassifier(default_onnx / "model.onnx").logits(ids, mask)
    real = mask.astype(bool)
    np.testing.assert_allclose(got[real], torch_logits(model, ids, mask)[real], atol=1e-3, rtol=1e-3)


def test_int8_quantizes_the_matmul_weights_and_stays_close(default_onnx, default_int8):
    ops = {node.op_type for node in onnx.load(default_int8 / "model.onnx").graph.node}
    assert {"MatMulInteger", "DynamicQuantizeLinear"} & ops
    record = json.loads((default_int8 / "onnx_config.json").read_text())
    assert record["int8"] is True and record["check"]["int8_agreement"] >= 0.95
    assert (default_int8 / "model.onnx").stat().st_size < (default_onnx / "model.onnx").stat().st_size


def test_int8_embeddings_store_the_embedding_tables_in_int8(default_int8, default_int8_embeddings):
    graph = onnx.load(default_int8_embeddings / "model.onnx").graph
    floats = [init for init in graph.initializer if init.data_type == onnx.TensorProto.FLOAT]
    vocab = json.loads((default_int8_embeddings / "config.json").read_text())["vocab_size"]
    assert all(vocab not in init.dims for init in floats)  # no fp32 table of one row per token is left
    eight_bit = (onnx.TensorProto.INT8, onnx.TensorProto.UINT8)
    assert any(init.data_type in eight_bit and vocab in init.dims for init in graph.initializer)
    record = json.loads((default_int8_embeddings / "onnx_config.json").read_text())
    assert record["int8"] is True and record["int8_embeddings"] is True
    assert record["check"]["int8_agreement"] >= 0.95
    smaller = (default_int8_embeddings / "model.onnx").stat().st_size
    assert smaller < 0.5 * (default_int8 / "model.onnx").stat().st_size


def test_a_mixture_of_experts_classifier_exports(tmp_path):
    """openai_privacy_filter's experts run in a data-dependent loop by default; the export must not freeze
    the experts the sample inputs happened to use."""
    from transformers import AutoConfig, AutoModelForTokenClassification

    from pare.labels import Taxonomy

    taxonomy = Taxonomy(("private_person", "private_phone"))
    config = AutoConfig.for_model(
        "openai_privacy_filter",
        num_hidden_layers=1,
        vocab_size=30522,
        hidden_size=32,
        num_local_experts=4,
        num_experts_per_tok=2,
        num_attention_heads=2,
        num_key_value_heads=1,
        head_dim=16,
        intermediate_size=32,
        pad_token_id=0,
        eos_token_id=3,
        id2label=taxonomy.id2label,
        label2id=taxonomy.label2id,
    )
    torch.manual_seed(0)
    model = AutoModelForTokenClassification.from_config(config).eval()
    source = tmp_path / "opf"
    model.save_pretrained(source)
    _copy_tokenizer(default_model_dir(), source)
    export_onnx(source, tmp_path / "onnx")
    for seed in range(3):  # different inputs route tokens to different experts
        ids, mask = random_batch(np.random.default_rng(seed), 3, 9 + seed, 20000)
        got = OnnxTokenClassifier(tmp_path / "onnx" / "model.onnx").logits(ids, mask)
        real = mask.astype(bool)
        np.testing.assert_allclose(got[real], torch_logits(model, ids, mask)[real], atol=1e-4, rtol=1e-4)


def _copy_tokenizer(source: Path, dest: Path) -> None:
    for name in ("tokenizer.json", "tokenizer_config.json"):
        (dest / name).write_bytes((source / name).read_bytes())


def test_the_cli_exports_and_refuses_to_replace_without_overwrite(run_pare, tiny_dirs, tmp_path, snapshot):
    source, _ = tiny_dirs
    out = tmp_path / "cli-onnx"
    code, stdout, err = run_pare("export", source, "--format", "onnx", "-o", out)
    assert code == 0, err
    assert stdout.startswith(f"wrote {out} (model.onnx") and "max logit difference" in stdout
    before = snapshot(out)
    code, stdout, err = run_pare("export", source, "--format", "onnx", "-o", out)
    assert code == 2 and err.count("\n") == 1 and "--overwrite" in err
    assert snapshot(out) == before
    code, _, err = run_pare("export", source, "--format", "onnx", "-o", out, "--overwrite", "--opset", "17")
    assert code == 0, err
    assert json.loads((out / "onnx_config.json").read_text())["opset"] == 17


@pytest.mark.parametrize(
    "case, message",
    [
        ("missing", "no such model directory"),
        ("encoder", "not a token classifier"),
        ("onnx", "already an ONNX export"),
        ("opset", "opset 16"),
        ("int8-hf", "--int8 and --int8-embeddings apply to --format onnx"),
    ],
)
def test_bad_inputs_are_one_line_errors_that_write_nothing(
    run_pare, tiny_bert, tiny_dirs, tmp_path, case, message
):
    source = {
        "missing": tmp_path / "nothing",
        "encoder": tiny_bert("tiny-encoder", token_classifier=False),
        "onnx": tiny_dirs[1],
    }.get(case, tiny_dirs[0])
    extra = {"opset": ["--opset", "16"], "int8-hf": ["--int8"]}.get(case, [])
    fmt = "hf" if case == "int8-hf" else "onnx"
    code, _, err = run_pare("export", source, "--format", fmt, "-o", tmp_path / "out", *extra)
    assert code == 2 and message in err and err.count("\n") == 1, err
    assert not (tmp_path / "out").exists()


def test_a_failed_parity_check_writes_nothing(monkeypatch, tiny_dirs, tmp_path):
    source, exported = tiny_dirs

    def write_a_wrong_graph(model, ids, mask, dest: Path, opset: int) -> None:
        graph = onnx.load(exported / "model.onnx")  # another model's logits: a broken export
        for init in graph.graph.initializer:
            if init.name.endswith("classifier.bias") or "bias" in init.name:
                array = onnx.numpy_helper.to_array(init) + 1.0
                init.CopyFrom(onnx.numpy_helper.from_array(array.astype(np.float32), init.name))
        onnx.save_model(graph, str(dest))

    monkeypatch.setattr(export_module, "_write_graph", write_a_wrong_graph)
    with pytest.raises(PareError, match=r"ONNX export check failed.*nothing written"):
        export_onnx(source, tmp_path / "out", OnnxExportConfig())
    assert not (tmp_path / "out").exists()
    assert [p.name for p in tmp_path.iterdir()] == []  # no temporary left behind either
