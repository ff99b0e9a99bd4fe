import pytest
import torch
from torch import nn
from transformers import AutoConfig, AutoModelForCausalLM, AutoModelForTokenClassification

from pare.distill.student import find_block_stack, parse_layers, select_layers, student_config, truncate
from pare.errors import PareError

from .conftest import tiny_config, token_config

STACKS = {
    "bert": "bert.encoder.layer",
    "llama": "model.layers",
    "opf": "model.layers",
    "qwen2": "model.layers",
}


@pytest.mark.parametrize("kind", sorted(STACKS))
def test_block_stack_found_by_introspection(kind):
    model = AutoModelForTokenClassification.from_config(token_config(kind))
    name, blocks = find_block_stack(model)
    assert name == STACKS[kind]
    assert len(blocks) == 3


def test_causal_lm_block_stack():
    model = AutoModelForCausalLM.from_config(tiny_config("llama"))
    assert find_block_stack(model)[0] == "model.layers"


def test_no_block_stack_is_a_user_error():
    class Flat(nn.Module):
        def __init__(self):
            super().__init__()
            self.config = AutoConfig.for_model("bert", num_hidden_layers=3)
            self.layers = nn.ModuleList([nn.Linear(2, 2), nn.Linear(2, 2)])

    with pytest.raises(PareError, match="block stack"):
        find_block_stack(Flat())


@pytest.mark.parametrize(
    ("layers", "init", "expected"),
    [
        (1, "first", [0]),
        (1, "last", [5]),
        (1, "uniform", [5]),
        (2, "first", [0, 1]),
        (2, "last", [4, 5]),
        (2, "uniform", [2, 5]),
        (3, "uniform", [1, 3, 5]),
        (6, "uniform", [0, 1, 2, 3, 4, 5]),
        ([5, 0, 5], "first", [0, 5]),
    ],
)
def test_select_layers(layers, init, expected):
    assert select_layers(6, layers, init) == expected


@pytest.mark.parametrize("layers", [0, 7, [6], [-1]])
def test_select_layers_out_of_range(layers):
    with pytest.raises(PareError, match="layers"):
        select_layers(6, layers)


def test_parse_layers():
    assert parse_layers("2") == 2
    assert parse_layers("0,5") == [0, 5]
    assert parse_layers("3,") == [3]
    with pytest.raises(PareError):
        parse_layers("a,b")


@pytest.mark.parametrize("kind", sorted(STACKS))
@pytest.mark.parametrize("layers", [[1], [0, 2]])
def test_truncate_copies_chosen_blocks_and_reloads(kind, layers, tmp_path):
    torch.manual_seed(0)
    teacher = AutoModelForTokenClassification.from_config(token_config(kind))
    student = truncate(teacher, layers)
    assert type(student) is type(teacher)
    assert student.config.num_hidden_layers == len(layers)
    name, t_blocks = find_block_stack(teacher)
    s_blocks = student.get_submodule(name)
    for i, j in enumerate(layers):
        t_state, s_state = t_blocks[j].state_dict(), s_blocks[i].state_dict()
        assert t_state.keys() == s_state.keys()
        for key in t_state:
            assert torch.equal(t_state[key], s_state[key]), key
    t_rest = {k: v for k, v in teacher.state_dict().items() if not k.startswith(name + ".")}
    s_rest = {k: v for k, v in student.state_dict().items() if not k.startswith(name + ".")}
    assert t_rest.keys() == s_rest.keys()
    assert all(torch.equal(t_rest[k], s_rest[k]) for k in t_rest)

    student.save_pretrained(tmp_path)
    loaded = AutoModelForTokenClassification.from_pretrained(tmp_path)
    assert type(loaded) is type(teacher)
    assert loaded.config.num_hidden_layers == len(layers)
    assert loaded.config.id2label == teacher.config.id2label
    ids = torch.tensor([[5, 6, 7, 8]])
    with torch.no_grad():
        out = loaded(input_ids=ids, attention_mask=torch.ones_like(ids)).logits
        expected = student(input_ids=ids, attention_mask=torch.ones_like(ids)).logits
    assert out.shape == (1, 4, teacher.config.num_labels)
    assert torch.allclose(out, expected, atol=1e-5)


def test_truncate_all_blocks_is_the_teacher():
    torch.manual_seed(0)
    teacher = AutoModelForTokenClassification.from_config(token_config("bert")).eval()
    student = truncate(teacher, [0, 1, 2])
    ids = torch.tensor([[2, 9, 10, 3]])
    with torch.no_grad():
        assert torch.allclose(teacher(input_ids=ids).logits, student(input_ids=ids).logits, atol=1e-6)


def test_per_layer_config_lists_are_sliced():
    config = tiny_config("gemma2", num_layers=4)
    assert config.layer_types == ["sliding_attention", "full_attention"] * 2
    new = student_config(config, [1, 2])
    assert new.num_hidden_layers == 2
    assert new.layer_types == ["full_attention", "sliding_attention"]
    assert config.num_hidden_layers == 4  # the teacher's config is untouched


def test_truncated_qwen2_keeps_layer_types(tmp_path):
    teacher = AutoModelForTokenClassification.from_config(token_config("qwen2"))
    student = truncate(teacher, [2])
    assert student.config.layer_types == [teacher.config.layer_types[2]]
    student.save_pretrained(tmp_path)
    assert AutoModelForTokenClassification.from_pretrained(tmp_path).config.num_hidden_layers == 1
