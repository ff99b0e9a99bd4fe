"""``pare.integrations.presidio``: pare's spans as Presidio results, through AnalyzerEngine and AnonymizerEngine.

The sample is 30 held-out-template documents (what ``pare data synth -n 30 --seed 11 --split test`` writes);
the model is the one pare ships, loaded once for the module.
"""

from __future__ import annotations

import importlib
import json
import sys

import pytest

pytest.importorskip("presidio_analyzer")
pytest.importorskip("presidio_anonymizer")

from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
from presidio_analyzer.nlp_engine import NoOpNlpEngine
from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import OperatorConfig

from pare.data.synth import synthesize
from pare.integrations.presidio import ENTITIES, PareRecognizer, account_entity
from pare.models import default_model_dir
from pare.pii import PiiDetector

ENTITY_LABELS = {e: label for label, e in ENTITIES.items()} | {
    "IBAN_CODE": "account_number",
    "CREDIT_CARD": "account_number",
}


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return [d.text for d in synthesize(30, seed=11, split="test")]


@pytest.fixture(scope="module")
def recognizer() -> PareRecognizer:
    return PareRecognizer(PiiDetector.from_dir(default_model_dir()))


@pytest.fixture(scope="module")
def analyzer(recognizer) -> AnalyzerEngine:
    """An engine that needs no downloaded language model: no NLP, a registry holding only pare."""
    registry = RecognizerRegistry(recognizers=[recognizer])
    nlp = NoOpNlpEngine(models=[{"lang_code": "en", "model_name": "none"}])
    return AnalyzerEngine(registry=registry, nlp_engine=nlp)


def as_keys(results) -> list[tuple]:
    return sorted((r.entity_type, r.start, r.end, r.score) for r in results)


def same_results(got: list[list[tuple]], expected: list[list[tuple]]) -> None:
    """The same spans and entities, scores equal up to float noise (windows batched differently)."""
    assert [[k[:3] for k in doc] for doc in got] == [[k[:3] for k in doc] for doc in expected]
    for doc_got, doc_expected in zip(got, expected, strict=True):
        assert [k[3] for k in doc_got] == pytest.approx([k[3] for k in doc_expected], abs=1e-5)


@pytest.fixture(scope="module")
def redacted(texts, tmp_path_factory) -> dict[str, list[dict]]:
    """What ``pare redact --format json`` prints for the texts, every-occurrence off: the model's spans only."""
    from typer.testing import CliRunner

    from pare.cli import app

    data = tmp_path_factory.mktemp("sample") / "texts.jsonl"
    data.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    out = {}
    for mode in ("typed", "mask"):
        args = ["redact", "-f", str(data), "--format", "json", "--every-occurrence", "off", "--mode", mode]
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0, result.output
        out[mode] = [json.loads(line) for line in result.stdout.splitlines()]
    return out


@pytest.mark.slow
def test_the_recognizer_returns_the_spans_pare_redact_finds(texts, recognizer, redacted):
    expected = []
    for record in redacted["typed"]:
        spans = record["detected_spans"]
        keys = [
            (
                account_entity(s["text"]) if s["label"] == "account_number" else ENTITIES[s["label"]],
                s["start"],
                s["end"],
                s["score"],
            )
            for s in spans
        ]
        expected.append(sorted(keys))
    assert sum(map(len, expected)) > 60, "the sample has spans to compare"
    same_results([as_keys(recognizer.analyze(t, [], None)) for t in texts], expected)
    same_results([as_keys(r) for r in recognizer.analyze_batch(texts)], expected)
    forms = {k[0] for doc in expected for k in doc}
    assert {"PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "DATE_TIME"} <= forms


@pytest.mark.slow
def test_results_carry_an_explanation_and_pare_label(texts, recognizer):
    results = [r for doc in recognizer.analyze_batch(texts[:5]) for r in doc]
    assert results
    for r in results:
        assert 0.0 < r.score <= 1.0
        assert r.analysis_explanation.original_score == r.score
        assert "posterior probability" in r.analysis_explanation.textual_explanation
        assert ENTITY_LABELS[r.entity_type] == r.recognition_metadata["pare_label"]


@pytest.mark.slow
def test_inside_an_analyzer_engine_the_results_are_unchanged(texts, recognizer, analyzer):
    for text in texts:
        assert as_keys(analyzer.analyze(text, language="en")) == as_keys(recognizer.analyze(text, [], None))
    only = analyzer.analyze(texts[0] + " Call Ana Berg.", language="en", entities=["PERSON"])
    assert only and {r.entity_type for r in only} == {"PERSON"}


@pytest.mark.slow
def test_presidio_anonymizer_gives_pare_redacts_text(texts, analyzer, redacted):
    """Replace with pare's placeholders, and mask, through presidio-anonymizer: pare redact's texts."""
    anonymizer = AnonymizerEngine()
    placeholders = {
        e: OperatorConfig("replace", {"new_value": f"<{ENTITY_LABELS[e].upper()}>"}) for e in ENTITY_LABELS
    }
    mask = {
        "DEFAULT": OperatorConfig("mask", {"masking_char": "*", "chars_to_mask": 10**6, "from_end": False})
    }
    masked_docs = 0
    for text, typed, masked in zip(texts, redacted["typed"], redacted["mask"], strict=True):
        results = analyzer.analyze(text, language="en")
        out = anonymizer.anonymize(text, results, placeholders, merge_entities_with_spaces=False)
        assert out.text == typed["redacted_text"]
        out = anonymizer.anonymize(text, results, mask, merge_entities_with_spaces=False)
        # pare's mask keeps line breaks inside a span (a multi-line address); Presidio masks them too
        assert len(out.text) == len(masked["redacted_text"])
        if not any("\n" in s["text"] for s in masked["detected_spans"]):
            assert out.text == masked["redacted_text"]
            masked_docs += 1
    assert masked_docs >= 20


@pytest.mark.slow
def test_the_entity_mapping_is_overridable(texts, recognizer):
    custom = PareRecognizer(
        recognizer.detector, entities={"account_number": "ACCOUNT", "private_address": None}
    )
    assert "ACCOUNT" in custom.supported_entities and "IBAN_CODE" not in custom.supported_entities
    assert "LOCATION" not in custom.supported_entities
    plain = [as_keys(r) for r in recognizer.analyze_batch(texts)]
    mine = [as_keys(r) for r in custom.analyze_batch(texts)]
    renamed = [
        sorted(
            ("ACCOUNT", *k[1:]) if k[0] in ("IBAN_CODE", "CREDIT_CARD", "US_BANK_NUMBER") else k
            for k in doc
            if k[0] != "LOCATION"
        )
        for doc in plain
    ]
    assert mine == renamed


@pytest.mark.parametrize(
    ("value", "entity"),
    [
        ("DE89 3704 0044 0532 0130 00", "IBAN_CODE"),
        ("DE89 3704 0044 0532 0130 01", "US_BANK_NUMBER"),  # a failing check digit: not an IBAN
        ("4111-1111-1111-1111", "CREDIT_CARD"),
        ("4111 1111 1111 1112", "US_BANK_NUMBER"),
        ("30533457479602", "CREDIT_CARD"),  # a Diners Club number: 14 digits, Luhn-valid
        ("30533457479603", "US_BANK_NUMBER"),
        ("0532013000", "US_BANK_NUMBER"),  # too short for a card
    ],
)
def test_account_numbers_take_presidios_name_for_their_form(value, entity):
    assert account_entity(value) == entity


def test_without_presidio_the_import_fails_with_one_line(monkeypatch):
    monkeypatch.setitem(sys.modules, "presidio_analyzer", None)  # what an absent package looks like
    monkeypatch.delitem(sys.modules, "pare.integrations.presidio", raising=False)
    with pytest.raises(ImportError) as info:
        importlib.import_module("pare.integrations.presidio")
    message = str(info.value)
    assert "\n" not in message and "pip install 'pare[presidio]'" in message
