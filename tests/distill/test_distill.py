import json

import numpy as np
import pytest
import torch
from transformers import (
    AutoModelForCausalLM,
    AutoModelForSequenceClassification,
    AutoModelForTokenClassification,
)

import pare.distill.core as distill_module
from pare.distill import DistillConfig, distill, kd_loss, truncate
from pare.distill.cache import teacher_targets
from pare.distill.core import build_features, load_model
from pare.distill.data import read_distill_data
from pare.distill.student import find_block_stack
from pare.labels import Taxonomy

from .conftest import save_model, tiny_config

FAST = {"epochs": 2, "batch_size": 4, "learning_rate": 5e-3, "max_length": 32}


def config(tmp_path, **kw) -> DistillConfig:
    return DistillConfig(cache_dir=str(tmp_path / "cache"), **{**FAST, **kw})


def mean_kd(student, teacher, features, temperature=2.0) -> float:
    """KD loss of ``student`` against ``teacher`` over all features, one example at a time."""
    losses = []
    with torch.no_grad():
        for f in features:
            ids = torch.tensor([f["input_ids"]])
            s, t = student(input_ids=ids).logits, teacher(input_ids=ids).logits
            losses.append(kd_loss(s, t, torch.ones(ids.shape), temperature).item())
    return float(np.mean(losses))


def test_distill_token_classifier_end_to_end(bert_teacher, data_files, tmp_path):
    out = tmp_path / "student"
    result = distill(bert_teacher, data_files, out, config(tmp_path, layers=1, epochs=3))
    assert result.layers == [0]
    assert result.hidden_map == [(0, 2)]
    model = AutoModelForTokenClassification.from_pretrained(out)
    assert type(model).__name__ == "BertForTokenClassification"
    assert model.config.num_hidden_layers == 1
    assert (out / "viterbi_calibration.json").read_text() == (
        bert_teacher / "viterbi_calibration.json"
    ).read_text()
    assert (out / "tokenizer.json").exists() or (out / "vocab.txt").exists()
    record = json.loads((out / "pare_distill.json").read_text())
    assert record["kept_layers"] == [0]
    assert record["data"] == {
        "files": [str(p) for p in data_files],
        "documents": 10,
        "labelled": 6,
        "examples": 10,
    }
    assert len(record["history"]) == 3
    assert not list(tmp_path.glob(".student.*"))  # no temporary or checkpoint directories left

    # the distilled student is closer to the teacher than the untrained truncation it started from
    teacher, _ = load_model(bert_teacher)
    from transformers import AutoTokenizer

    data = read_distill_data(data_files, ("private_person", "private_phone"))
    features = build_features(data, AutoTokenizer.from_pretrained(bert_teacher), "token", None, 32)
    assert mean_kd(model, teacher, features) < 0.5 * mean_kd(truncate(teacher, [0]), teacher, features)


def test_second_run_reads_the_teacher_cache(bert_teacher, data_files, tmp_path, monkeypatch):
    calls = []
    original = distill_module.teacher_targets

    def counting(teacher, *args, **kwargs):
        handle = teacher.register_forward_hook(lambda *a: calls.append(1))
        try:
            return original(teacher, *args, **kwargs)
        finally:
            handle.remove()

    monkeypatch.setattr(distill_module, "teacher_targets", counting)
    cfg = config(tmp_path, epochs=1)
    first = distill(bert_teacher, data_files, tmp_path / "a", cfg)
    assert calls and not first.teacher_cached
    calls.clear()
    second = distill(bert_teacher, data_files, tmp_path / "b", cfg)
    assert calls == [] and second.teacher_cached


def test_same_seed_same_student(bert_teacher, data_files, tmp_path):
    a = distill(
        bert_teacher, data_files, tmp_path / "a", config(tmp_path, seed=3, layers=2, hidden_loss="cosine")
    ).path
    b = distill(
        bert_teacher, data_files, tmp_path / "b", config(tmp_path, seed=3, layers=2, hidden_loss="cosine")
    ).path
    c = distill(
        bert_teacher, data_files, tmp_path / "c", config(tmp_path, seed=4, layers=2, hidden_loss="cosine")
    ).path
    sa, sb, sc = (AutoModelForTokenClassification.from_pretrained(p).state_dict() for p in (a, b, c))
    assert all(torch.equal(sa[k], sb[k]) for k in sa)
    assert not all(torch.equal(sa[k], sc[k]) for k in sa)


def test_cache_stores_only_mapped_hidden_layers(bert_teacher, data_files, tmp_path):
    from transformers import AutoTokenizer

    teacher, _ = load_model(bert_teacher)
    data = read_distill_data(data_files)
    taxonomy = Taxonomy.from_config(teacher.config)
    features = build_features(data, AutoTokenizer.from_pretrained(bert_teacher), "token", taxonomy, 32)
    _, blocks = find_block_stack(teacher)
    t = teacher_targets(
        teacher, features, teacher_id="x", task="token", blocks=blocks, hidden_layers=[2], cache_dir=tmp_path
    )
    assert t.computed and t.hidden.shape == (1, sum(len(f["input_ids"]) for f in features), 32)
    ids = torch.tensor([features[3]["input_ids"]])
    with torch.no_grad():
        out = teacher(input_ids=ids, output_hidden_states=True)
    lo, hi = t.offsets[3], t.offsets[4]
    assert np.allclose(t.logits[lo:hi], out.logits[0].numpy(), atol=1e-5)
    assert np.allclose(t.hidden[0, lo:hi], out.hidden_states[3][0].numpy(), atol=1e-2)
    again = teacher_targets(
        teacher, features, teacher_id="x", task="token", blocks=blocks, hidden_layers=[2], cache_dir=tmp_path
    )
    assert not again.computed


@pytest.mark.parametrize("hidden", ["mse", "none"])
def test_causal_lm_distils_with_top_k_logits(tokenizer_dir, data_files, tmp_path, hidden):
    torch.manual_seed(0)
    teacher_dir = save_model(
        AutoModelForCausalLM.from_config(tiny_config("llama")), tokenizer_dir, tmp_path / "t"
    )
    cfg = config(tmp_path, layers=[0, 2], hidden_loss=hidden, top_k=8, top_k_above=16, epochs=1)
    out = distill(teacher_dir, data_files, tmp_path / "s", cfg).path
    model = AutoModelForCausalLM.from_pretrained(out)
    assert type(model).__name__ == "LlamaForCausalLM" and model.config.num_hidden_layers == 2
    cached = next((tmp_path / "cache").iterdir())
    assert np.load(cached / "indices.npy").shape[1] == 8


def test_sequence_classifier_distils(tokenizer_dir, data_files, tmp_path):
    torch.manual_seed(0)
    model = AutoModelForSequenceClassification.from_config(tiny_config("bert", num_labels=3))
    teacher_dir = save_model(model, tokenizer_dir, tmp_path / "t")
    out = distill(teacher_dir, data_files, tmp_path / "s", config(tmp_path, layers=1, epochs=1)).path
    student = AutoModelForSequenceClassification.from_pretrained(out)
    assert student.config.num_hidden_layers == 1 and student.config.num_labels == 3


def test_gold_only_baseline_needs_no_teacher_cache(bert_teacher, data_files, tmp_path):
    distill(bert_teacher, data_files, tmp_path / "s", config(tmp_path, alpha=1.0, epochs=1))
    assert not (tmp_path / "cache").exists()


def test_interrupted_run_resumes_from_its_last_epoch(bert_teacher, data_files, tmp_path, monkeypatch):
    cfg = config(tmp_path, epochs=2, batch_size=5)  # 2 batches per epoch
    reference = distill(bert_teacher, data_files, tmp_path / "ref", cfg).path

    original = distill_module.make_loss_fn

    def failing_in_epoch_2(*args, **kwargs):
        loss_fn, calls = original(*args, **kwargs), []

        def wrapped(model, batch):
            calls.append(1)
            if len(calls) == 3:
                raise RuntimeError("interrupted")
            return loss_fn(model, batch)

        return wrapped

    monkeypatch.setattr(distill_module, "make_loss_fn", failing_in_epoch_2)
    out = tmp_path / "s"
    with pytest.raises(RuntimeError, match="interrupted"):
        distill(bert_teacher, data_files, out, cfg)
    assert not out.exists()
    (checkpoints,) = tmp_path.glob(".s.ckpt-*")
    assert [p.name for p in checkpoints.iterdir() if p.name.startswith("epoch-")] == ["epoch-0"]

    monkeypatch.setattr(distill_module, "make_loss_fn", original)
    result = distill(bert_teacher, data_files, out, cfg)
    assert [h.epoch for h in result.history] == [0, 1]
    assert not checkpoints.exists()
    resumed = AutoModelForTokenClassification.from_pretrained(out).state_dict()
    expected = AutoModelForTokenClassification.from_pretrained(reference).state_dict()
    assert all(torch.allclose(resumed[k], expected[k], atol=1e-6) for k in expected)
