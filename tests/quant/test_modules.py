"""Quantized modules: exact dequantization, and no per-call work that loading could do once."""

import pytest
import torch
from transformers import BertConfig, BertForTokenClassification

import pare
from pare.quant import QuantConfig, QuantEmbedding, quantize, save_quantized
from pare.quant import modules as qmodules
from pare.quant.codebook import pack
from pare.quant.modules import QuantWeight


def random_storage(rows: int, cols: int, group_size: int, widths: list[int], seed: int = 0):
    """Bit-packed indices and level tables of a random weight, plus its dequantization written out plainly:
    group ``g`` of width ``b`` (the ``p``-th such group) is ``tables[b][p, index[p]]``."""
    g = torch.Generator().manual_seed(seed)
    n_groups = rows * cols // group_size
    bits = torch.tensor(widths, dtype=torch.uint8)[torch.randint(len(widths), (n_groups,), generator=g)]
    packed, tables = {}, {}
    expected = torch.empty(n_groups, group_size)
    for b in sorted(set(bits.tolist())):
        members = (bits == b).nonzero().squeeze(1)
        index = torch.randint(2**b, (members.numel(), group_size), generator=g)
        tables[b] = torch.randn(members.numel(), 2**b, generator=g).sort(dim=1).values
        packed[b] = pack(index, b)
        expected[members] = tables[b].gather(1, index)
    return bits, packed, tables, expected.reshape(rows, cols)


@pytest.mark.parametrize(("rows", "cols", "group_size"), [(7, 12, 12), (6, 12, 4), (5, 16, 2)])
def test_dequantize_and_row_lookup_match_the_tables_exactly(rows, cols, group_size):
    bits, packed, tables, expected = random_storage(rows, cols, group_size, [2, 3, 5, 8])
    qweight = QuantWeight((rows, cols), group_size, bits, packed, tables)
    assert torch.equal(qweight.dequantize(), expected)
    ids = torch.tensor([[3, 0, 3], [rows - 1, 1, 2]])
    looked_up = QuantEmbedding(qweight)(ids)
    assert looked_up.shape == (2, 3, cols)
    assert torch.equal(looked_up, expected[ids])


def test_indices_are_unpacked_once_into_one_byte_per_weight_and_one_flat_table():
    bits, packed, tables, _ = random_storage(8, 12, 4, [3, 4, 8])
    qweight = QuantWeight((8, 12), 4, bits, packed, tables)
    assert qweight.codes.dtype == torch.uint8 and qweight.codes.shape == (24, 4)
    assert qweight.levels.dtype == torch.float32
    assert qweight.levels.numel() == sum(t.numel() for t in tables.values())
    # nothing kept per width: a look-up is one gather whatever the widths
    assert set(dict(qweight.named_buffers())) == {"bits", "codes", "levels", "base", "row_groups"}


@pytest.fixture(scope="module")
def quantized_dir(tmp_path_factory):
    torch.manual_seed(0)
    config = BertConfig(
        vocab_size=60,
        hidden_size=32,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=24,
        num_labels=5,
        architectures=["BertForTokenClassification"],
    )
    model = BertForTokenClassification(config).eval()
    ids = torch.randint(2, 60, (2, 12))
    batches = [
        {"input_ids": ids, "attention_mask": torch.ones_like(ids), "labels": torch.randint(0, 5, ids.shape)}
    ]
    # 4.5 bits on average: groups of several widths in every weight
    result = quantize(model, batches, QuantConfig(bits=4.5, method="fisher"))
    return save_quantized(result, model, tmp_path_factory.mktemp("quant") / "q")


def count_calls(monkeypatch, owner, name: str) -> list[int]:
    calls = [0]
    original = getattr(owner, name)

    def counted(*args, **kwargs):
        calls[0] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    return calls


def test_linear_mode_forward_only_looks_up_its_tokens_rows(quantized_dir, monkeypatch):
    model = pare.load(quantized_dir, dequantize="linear")
    embeddings = model.bert.embeddings
    assert isinstance(embeddings.word_embeddings, QuantEmbedding)
    # read whole at every forward, like a Linear weight: expanded at load
    assert type(embeddings.position_embeddings) is torch.nn.Embedding
    assert type(embeddings.token_type_embeddings) is torch.nn.Embedding
    quantized = [m for m in model.modules() if isinstance(m, QuantWeight)]
    assert quantized == [embeddings.word_embeddings.qweight]
    unpacks = count_calls(monkeypatch, qmodules, "unpack")
    expansions = count_calls(monkeypatch, QuantWeight, "dequantize")
    lookups = count_calls(monkeypatch, QuantWeight, "rows")
    with torch.inference_mode():
        model(input_ids=torch.arange(2, 22).reshape(2, 10))
    assert (unpacks[0], expansions[0], lookups[0]) == (0, 0, 1)


def test_no_mode_unpacks_indices_at_forward(quantized_dir, monkeypatch):
    model = pare.load(quantized_dir, dequantize="none")
    unpacks = count_calls(monkeypatch, qmodules, "unpack")
    with torch.inference_mode():
        model(input_ids=torch.arange(2, 22).reshape(2, 10))
    assert unpacks[0] == 0


def test_every_mode_gives_the_logits_of_the_plain_dequantized_model(quantized_dir):
    ids = torch.randint(0, 60, (3, 16), generator=torch.Generator().manual_seed(5))
    mask = torch.ones_like(ids)
    mask[1:, 11:] = 0
    token_types = torch.randint(0, 2, ids.shape, generator=torch.Generator().manual_seed(6))
    plain = pare.export_dequantized(quantized_dir, quantized_dir.parent / "plain")
    reference = pare.load(plain)
    with torch.inference_mode():
        expected = reference(input_ids=ids, attention_mask=mask, token_type_ids=token_types).logits
        for mode in ("none", "linear", "all"):
            got = pare.load(quantized_dir, dequantize=mode)(
                input_ids=ids, attention_mask=mask, token_type_ids=token_types
            ).logits
            assert torch.equal(got, expected), mode


def test_linear_mode_keeps_every_embedding_compressed_where_the_model_names_no_token_embedding(quantized_dir):
    from pare.quant.storage import install_quantized, read_quantized

    manifest, quantized, tensors = read_quantized(quantized_dir)
    model = BertForTokenClassification(BertConfig.from_pretrained(quantized_dir))
    model.load_state_dict(tensors, strict=False)

    def unnamed():
        raise NotImplementedError

    model.get_input_embeddings = unnamed
    install_quantized(model, manifest, quantized, "linear")
    embeddings = model.bert.embeddings
    for name in ("word_embeddings", "position_embeddings", "token_type_embeddings"):
        assert isinstance(getattr(embeddings, name), QuantEmbedding), name
    assert type(model.classifier) is torch.nn.Linear
