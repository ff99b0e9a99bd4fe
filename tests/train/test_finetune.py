"""Fine-tuning end to end on a tiny model: output format, resume, determinism, input errors."""

from __future__ import annotations

import json

import pytest
import torch
from safetensors.torch import load_file

from pare.data.jsonl import Document, Span
from pare.decode.calibration import CALIBRATION_FILE, load_operating_points
from pare.errors import PareError
from pare.labels import Taxonomy
from pare.train.finetune import TRAINING_FILE, FinetuneConfig, checkpoint_dir_for, finetune


def config_for(base, **kw) -> FinetuneConfig:
    return FinetuneConfig(
        **{"base": str(base), "epochs": 1, "batch_size": 8, "learning_rate": 1e-3, "max_length": 32, **kw}
    )


def weights(model_dir) -> dict[str, torch.Tensor]:
    return load_file(str(model_dir / "model.safetensors"))


def test_writes_a_plain_transformers_token_classifier(tiny_base, docs, tmp_path):
    from transformers import AutoModelForTokenClassification, pipeline

    out = tmp_path / "teacher"
    result = finetune(config_for(tiny_base), docs, out_dir=out)
    taxonomy = Taxonomy()
    assert result.n_train_docs == 20 and len(result.history) == 1
    assert result.history[0].loss > 0
    assert not checkpoint_dir_for(out).exists()
    model = AutoModelForTokenClassification.from_pretrained(out)
    assert model.config.id2label == taxonomy.id2label
    assert model.config.label2id == taxonomy.label2id
    assert model.config.architectures == ["BertForTokenClassification"]
    pipe = pipeline("token-classification", model=str(out))
    entities = pipe("Please contact Ana Silva at ana@example.org")
    assert all(e["entity"] in taxonomy.labels for e in entities)
    assert load_operating_points(out / CALIBRATION_FILE)["default"].to_dict() == dict.fromkeys(
        [
            "background_stay",
            "background_to_start",
            "inside_to_continue",
            "inside_to_end",
            "end_to_background",
            "end_to_start",
        ],
        0.0,
    )
    record = json.loads((out / TRAINING_FILE).read_text())
    assert record["config"]["taxonomy"]["categories"] == list(taxonomy.categories)
    assert record["n_train_docs"] == 20 and len(record["history"]) == 1
    assert list(tmp_path.iterdir()) == [out]  # no temporary or checkpoint directory left behind


def test_training_reduces_the_loss(tiny_base, docs, tmp_path):
    result = finetune(config_for(tiny_base, epochs=3), docs * 2, out_dir=tmp_path / "m")
    losses = [h.loss for h in result.history]
    assert losses[-1] < losses[0]


def test_word_embeddings_stay_the_bases_unless_asked_to_train(tiny_base, docs, tmp_path):
    def word_embeddings(tensors: dict[str, torch.Tensor]) -> torch.Tensor:
        (key,) = [k for k in tensors if k.endswith("word_embeddings.weight")]  # "bert." prefix or not
        return tensors[key]

    base = word_embeddings(weights(tiny_base))
    frozen = finetune(config_for(tiny_base), docs, out_dir=tmp_path / "frozen")
    assert torch.equal(word_embeddings(weights(frozen.out_dir)), base)
    assert frozen.history[0].loss > 0
    trained = finetune(config_for(tiny_base, freeze_embeddings=False), docs, out_dir=tmp_path / "trained")
    assert not torch.equal(word_embeddings(weights(trained.out_dir)), base)


def test_same_seed_gives_identical_weights_and_another_seed_does_not(tiny_base, docs, tmp_path):
    a = weights(finetune(config_for(tiny_base), docs, out_dir=tmp_path / "a").out_dir)
    b = weights(finetune(config_for(tiny_base), docs, out_dir=tmp_path / "b").out_dir)
    c = weights(finetune(config_for(tiny_base, seed=1), docs, out_dir=tmp_path / "c").out_dir)
    assert a.keys() == b.keys()
    assert all(torch.equal(a[k], b[k]) for k in a)
    assert not torch.equal(a["classifier.weight"], c["classifier.weight"])


class Interrupt(Exception):
    pass


def test_an_interrupted_run_resumes_from_its_last_epoch(tiny_base, docs, tmp_path):
    config = config_for(tiny_base, epochs=2)
    full = weights(finetune(config, docs, out_dir=tmp_path / "full").out_dir)

    def stop_in_second_epoch(items, description, total=None):
        if description.startswith("epoch 2"):
            raise Interrupt
        yield from items

    out = tmp_path / "resumed"
    with pytest.raises(Interrupt):
        finetune(config, docs, out_dir=out, track=stop_in_second_epoch)
    assert not out.exists()
    assert [p.name for p in checkpoint_dir_for(out).glob("epoch-*")] == ["epoch-0"]

    seen = []

    def record(items, description, total=None):
        seen.append(description)
        yield from items

    result = finetune(config, docs, out_dir=out, track=record)
    assert result.resumed_epochs == 1
    assert [d for d in seen if d.startswith("epoch")] == ["epoch 2/2"]
    assert [h.epoch for h in result.history] == [0, 1]
    resumed = weights(out)
    assert all(torch.allclose(full[k], resumed[k], atol=1e-6) for k in full)
    assert not checkpoint_dir_for(out).exists()


def test_a_checkpoint_of_another_run_is_not_resumed(tiny_base, docs, tmp_path):
    out = tmp_path / "m"
    checkpoint_dir_for(out).mkdir()
    (checkpoint_dir_for(out) / "run.json").write_text(json.dumps({"fingerprint": "other"}))
    with pytest.raises(PareError, match="different fine-tune"):
        finetune(config_for(tiny_base), docs, out_dir=out)
    assert not out.exists()


def test_labels_outside_the_taxonomy_are_rejected(tiny_base, tmp_path):
    docs = [Document("Ana lives here", [Span(0, 3, "nickname")])]
    with pytest.raises(PareError, match=r"training document 1: spans\[0\] has label 'nickname'"):
        finetune(config_for(tiny_base), docs, out_dir=tmp_path / "m")
    assert list(tmp_path.iterdir()) == []


def test_bad_settings_and_no_documents_are_rejected(tiny_base, docs, tmp_path):
    with pytest.raises(PareError, match="epochs"):
        finetune(config_for(tiny_base, epochs=0), docs, out_dir=tmp_path / "m")
    with pytest.raises(PareError, match="no training documents"):
        finetune(config_for(tiny_base), [], out_dir=tmp_path / "m")
    with pytest.raises(PareError, match="overwrite an input"):
        finetune(config_for(tiny_base), docs, out_dir=tiny_base)
    with pytest.raises(PareError, match="no such base model directory"):
        finetune(config_for(tmp_path / "missing"), docs, out_dir=tmp_path / "m")
    assert list(tmp_path.iterdir()) == []


def test_the_detector_windows_are_the_ones_the_model_was_trained_on(tiny_base, docs, tmp_path):
    from pare.pii import PiiDetector

    config = config_for(tiny_base)
    out = tmp_path / "teacher"
    finetune(config, docs, out_dir=out)
    assert json.loads((out / "tokenizer_config.json").read_text())["model_max_length"] == config.max_length
    detector = PiiDetector.from_dir(out, device="cpu")
    assert detector.max_length == config.max_length
    assert detector.halo == min(64, (config.max_length - 2) // 4)  # [CLS] and [SEP] are not window tokens


def test_the_fine_tuned_tokenizer_marks_line_breaks_unless_turned_off(tiny_base, docs, tmp_path):
    from pare.modeldir import load_tokenizer
    from pare.train.line_breaks import drops_line_breaks

    marked = finetune(config_for(tiny_base), docs, out_dir=tmp_path / "marked").out_dir
    plain = finetune(config_for(tiny_base, line_break_marker=None), docs, out_dir=tmp_path / "plain").out_dir
    assert not drops_line_breaks(load_tokenizer(marked))
    assert drops_line_breaks(load_tokenizer(plain))
