import json
import shutil

import numpy as np
import pytest
import torch
from transformers import (
    AutoModelForCausalLM,
    AutoModelForSequenceClassification,
    AutoModelForTokenClassification,
)

import pare.distill.core as distill_module
from pare.distill import DistillConfig, distill, truncate
from pare.distill.cache import cache_key, fingerprint_dir, teacher_targets
from pare.distill.core import build_features, load_model
from pare.distill.data import read_distill_data
from pare.distill.losses import kd_loss
from pare.distill.student import find_block_stack
from pare.errors import PareError
from pare.labels import Taxonomy

from .conftest import TAXONOMY, save_model, tiny_config

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
    # the windows the student trained on are recorded for the detector
    assert json.loads((out / "tokenizer_config.json").read_text())["model_max_length"] == FAST["max_length"]
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


def test_noisy_unlabelled_text_changes_what_the_teacher_labels(bert_teacher, data_files, tmp_path):
    clean = distill(bert_teacher, data_files, tmp_path / "clean", config(tmp_path, epochs=1))
    noisy = distill(
        bert_teacher, data_files, tmp_path / "noisy", config(tmp_path, epochs=1, noise_swap_rate=0.5)
    )
    assert not clean.teacher_cached and not noisy.teacher_cached  # other text, other teacher targets
    settings = json.loads((tmp_path / "noisy" / "pare_distill.json").read_text())["settings"]
    assert settings["noise_swap_rate"] == 0.5 and settings["noise_typo_rate"] == 0.0
    with pytest.raises(PareError, match="swap_rate"):
        config(tmp_path, noise_swap_rate=1.5).check()


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
    # a copy of the teacher elsewhere is the same teacher (pare compress copies its cached teacher)
    copy = shutil.copytree(bert_teacher, tmp_path / "teacher_copy")
    assert distill(copy, data_files, tmp_path / "c", cfg).teacher_cached and calls == []
    # changed weights are another teacher
    weights = next(copy.glob("*.safetensors"))
    weights.write_bytes(weights.read_bytes()[:-1] + b"\x00")
    assert fingerprint_dir(copy) != fingerprint_dir(bert_teacher)


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


def test_cache_key_and_entry_layout_are_stable(bert_teacher, data_files, tmp_path):
    """Existing caches stay valid only while the key hashes the same things and an entry the same files."""
    features = [{"input_ids": [2, 5, 6, 3]}, {"input_ids": [2, 7, 3]}]
    assert cache_key("abc", features, "token", [2], None) == "3f7d786dc1774e8bc9e5f1932ed208ed"
    key = cache_key("abc", features, "causal", [0, 2], 8, np.array([4, -1, 0]))
    assert key == "fb723dab974c0531a4d51cb1a6d780f2"

    teacher, _ = load_model(bert_teacher)
    _, blocks = find_block_stack(teacher)
    features = [{**f, "attention_mask": [1] * len(f["input_ids"])} for f in features]
    t = teacher_targets(
        teacher, features, teacher_id="x", task="token", blocks=blocks, hidden_layers=[2], cache_dir=tmp_path
    )
    assert t.path == tmp_path / cache_key("x", features, "token", [2], None)
    assert sorted(p.name for p in t.path.iterdir()) == [
        ".pare-output",
        "hidden.npy",
        "logits.npy",
        "meta.json",
    ]
    assert json.loads((t.path / "meta.json").read_text()) == {
        "version": 1,
        "teacher": "x",
        "task": "token",
        "examples": 2,
        "tokens": 7,
        "classes": 9,
        "top_k": None,
        "hidden_layers": [2],
    }


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


def test_trimmed_causal_student_learns_teacher_logits_on_its_vocabulary(tokenizer_dir, data_files, tmp_path):
    """Causal LM composition: the teacher's next-token logits are gathered onto the trimmed vocabulary."""
    from transformers import AutoTokenizer

    from pare.trim import read_trim_json, trim_model

    torch.manual_seed(0)
    teacher_dir = save_model(
        AutoModelForCausalLM.from_config(tiny_config("llama")), tokenizer_dir, tmp_path / "t"
    )
    trimmed = tmp_path / "trimmed"
    (tmp_path / "corpus.txt").write_text("call bob at 555\n")
    trim_model(teacher_dir, trimmed, corpus=[tmp_path / "corpus.txt"])
    old_ids = read_trim_json(trimmed)["old_ids"]
    assert len(old_ids) < AutoTokenizer.from_pretrained(teacher_dir).vocab_size
    cfg = config(tmp_path, layers=1, epochs=1, top_k=4, top_k_above=8)
    result = distill(teacher_dir, data_files, tmp_path / "s", cfg, student_dir=trimmed)
    student = AutoModelForCausalLM.from_pretrained(result.path)
    assert student.config.vocab_size == len(old_ids) and student.config.num_hidden_layers == 1
    record = json.loads((result.path / "pare_distill.json").read_text())
    assert record["teacher_logits_gathered_onto_student_vocabulary"]
    # cached targets: the teacher's top logits, indexed in the student's vocabulary
    cached = next((tmp_path / "cache").iterdir())
    indices = np.load(cached / "indices.npy")
    assert indices.max() < len(old_ids)
    # the first example: the teacher reads the student's tokens in its own ids
    data = read_distill_data(list(data_files), None)
    first = build_features(data, AutoTokenizer.from_pretrained(trimmed), "causal", None, cfg.max_length)[0]
    teacher = AutoModelForCausalLM.from_pretrained(teacher_dir).eval()
    with torch.no_grad():
        full = teacher(input_ids=torch.tensor([[old_ids[i] for i in first["input_ids"]]])).logits[0]
    top = full[:, old_ids].topk(4, dim=-1)
    n = len(first["input_ids"])
    assert np.array_equal(np.sort(indices[:n], 1), np.sort(top.indices.numpy(), 1))
    logits = np.load(cached / "logits.npy")[:n].astype(np.float32)
    assert np.allclose(np.sort(logits, 1), np.sort(top.values.numpy(), 1), atol=1e-2)


def test_causal_student_with_foreign_tokens_is_refused(tokenizer_dir, data_files, tmp_path):
    from transformers import BertTokenizerFast

    torch.manual_seed(0)
    teacher_dir = save_model(
        AutoModelForCausalLM.from_config(tiny_config("llama")), tokenizer_dir, tmp_path / "t"
    )
    other = tmp_path / "other"
    vocab = {"[PAD]": 0, "[UNK]": 1, "[CLS]": 2, "[SEP]": 3, "zzzforeign": 4}
    save_model(AutoModelForCausalLM.from_config(tiny_config("llama")), tokenizer_dir, other)
    BertTokenizerFast(vocab=vocab).save_pretrained(other)
    with pytest.raises(PareError, match="not in the teacher's vocabulary"):
        distill(teacher_dir, data_files, tmp_path / "s", config(tmp_path, epochs=1), student_dir=other)


@pytest.mark.parametrize("trainable", ["blocks", "head", "all"])
def test_trainable_blocks_keeps_the_teachers_embeddings_and_head(
    bert_teacher, data_files, tmp_path, trainable
):
    out = distill(
        bert_teacher, data_files, tmp_path / "s", config(tmp_path, layers=1, trainable=trainable)
    ).path
    teacher = AutoModelForTokenClassification.from_pretrained(bert_teacher).state_dict()
    student = AutoModelForTokenClassification.from_pretrained(out).state_dict()
    outside = [k for k in student if ".encoder.layer." not in k]
    inside = [k for k in student if ".encoder.layer.0." in k and k.endswith("weight")]
    assert outside and inside
    assert all(not torch.equal(student[k], teacher[k]) for k in inside)  # the block learns either way
    embeddings = [k for k in outside if "embeddings" in k and not k.endswith("position_ids")]
    head = [k for k in outside if k.startswith("classifier.")]
    assert embeddings and head
    assert all(torch.equal(student[k], teacher[k]) for k in embeddings if "LayerNorm" not in k) == (
        trainable != "all"
    )
    assert all(torch.equal(student[k], teacher[k]) for k in head) == (trainable == "blocks")


def _narrow_student_base(tokenizer_dir, path):
    """A 2-block BERT token classifier half as wide as the teacher, with the teacher's labels."""
    torch.manual_seed(1)
    labels = {"id2label": TAXONOMY.id2label, "label2id": TAXONOMY.label2id}
    config = tiny_config("bert", 2, hidden_size=16, **labels)
    return save_model(AutoModelForTokenClassification.from_config(config), tokenizer_dir, path)


def test_student_base_of_another_size_learns_from_the_teacher(
    bert_teacher, tokenizer_dir, data_files, tmp_path
):
    base = _narrow_student_base(tokenizer_dir, tmp_path / "narrow")
    result = distill(bert_teacher, data_files, tmp_path / "s", config(tmp_path), student_dir=base)
    student = AutoModelForTokenClassification.from_pretrained(result.path)
    assert (student.config.num_hidden_layers, student.config.hidden_size) == (1, 16)
    narrow = AutoModelForTokenClassification.from_pretrained(base).state_dict()
    trained = student.state_dict()
    assert torch.equal(
        trained["bert.embeddings.word_embeddings.weight"], narrow["bert.embeddings.word_embeddings.weight"]
    )
    assert not torch.equal(trained["classifier.weight"], narrow["classifier.weight"])
    assert result.history[-1].loss < result.history[0].loss


def test_hidden_loss_needs_a_student_base_of_the_teachers_shape(
    bert_teacher, tokenizer_dir, data_files, tmp_path
):
    base = _narrow_student_base(tokenizer_dir, tmp_path / "narrow")
    with pytest.raises(PareError, match="hidden loss needs a student base of the teacher's blocks"):
        distill(
            bert_teacher, data_files, tmp_path / "s", config(tmp_path, hidden_loss="mse"), student_dir=base
        )
