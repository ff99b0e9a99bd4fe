"""A presidio-analyzer recognizer backed by a pare PII model: ``PareRecognizer``.

pare's spans become Presidio ``RecognizerResult``s with Presidio's entity names, so presidio-anonymizer's
operators (and everything else downstream of an ``AnalyzerEngine``) take them unchanged:

================  ==========================================================================
pare label        Presidio entity
================  ==========================================================================
private_person    PERSON
private_email     EMAIL_ADDRESS
private_phone     PHONE_NUMBER
private_address   LOCATION
private_date      DATE_TIME
private_url       URL
account_number    IBAN_CODE for a valid IBAN, CREDIT_CARD for a Luhn-valid card number of 13 to
                  19 digits, else US_BANK_NUMBER (Presidio's only generic bank account entity)
secret            SECRET (Presidio has no entity for passwords and API keys)
================  ==========================================================================

``entities={label: NAME}`` overrides any row (an overridden ``account_number`` is not split by form). A
result's ``score`` is pare's span score (the span's posterior probability under the constrained BIOES
chain); its ``analysis_explanation`` names the model, label and operating point, and
``recognition_metadata["pare_label"]`` keeps pare's label.

The model is loaded once, when the recognizer is built; ``analyze_batch`` detects many texts in one call.
pare's model is multilingual while a Presidio recognizer serves one language: for several languages, build
one recognizer per language around the same ``PiiDetector``. Presidio's ``AnonymizerEngine`` merges
adjacent results of one entity separated by whitespace unless ``merge_entities_with_spaces=False``; pass it
to keep pare's spans exactly as found.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path

try:
    from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult
except ImportError:  # one line instead of a traceback into presidio's absence
    raise ImportError(
        "pare.integrations.presidio needs presidio-analyzer: pip install 'pare[presidio]'"
    ) from None

from pare.decode import OperatingPoint
from pare.pii.checksums import is_iban, luhn_ok
from pare.pii.detect import PiiDetector
from pare.pii.spans import DetectedSpan

ENTITIES: dict[str, str] = {
    "private_person": "PERSON",
    "private_email": "EMAIL_ADDRESS",
    "private_phone": "PHONE_NUMBER",
    "private_address": "LOCATION",
    "private_date": "DATE_TIME",
    "private_url": "URL",
    "account_number": "US_BANK_NUMBER",
    "secret": "SECRET",
}
ACCOUNT_FORMS = ("IBAN_CODE", "CREDIT_CARD")  # what a default-mapped account_number may become instead
_CARD = re.compile(r"\d{13,19}")


def account_entity(value: str) -> str:
    """The Presidio entity of an account number by its form: IBAN_CODE, CREDIT_CARD or US_BANK_NUMBER."""
    compact = re.sub(r"[ -]", "", value).upper()
    if is_iban(compact):
        return "IBAN_CODE"
    if _CARD.fullmatch(compact) and luhn_ok(compact):
        return "CREDIT_CARD"
    return ENTITIES["account_number"]


class PareRecognizer(EntityRecognizer):
    """A Presidio ``EntityRecognizer`` that runs a pare PII model (module docstring).

    ``model``: a ``PiiDetector``, or a model directory (plain or quantized); default: the model pare ships.
    ``entities`` overrides rows of ``ENTITIES``; labels it maps to ``None`` are not reported.
    ``operating_point``: transition biases, or a point's name in the model's ``viterbi_calibration.json``.
    """

    def __init__(
        self,
        model: PiiDetector | str | Path | None = None,
        *,
        entities: Mapping[str, str | None] | None = None,
        operating_point: OperatingPoint | str | None = None,
        batch_size: int = 16,
        supported_language: str = "en",
        name: str = "PareRecognizer",
    ) -> None:
        if isinstance(model, PiiDetector):
            self.detector = model
        else:
            from pare.models import default_model_dir

            self.detector = PiiDetector.from_dir(model if model is not None else default_model_dir())
        overrides = dict(entities or {})
        self.split_accounts = "account_number" not in overrides
        mapping: dict[str, str | None] = {**ENTITIES, **overrides}
        self.entity_of = {c: mapping.get(c, c.upper()) for c in self.detector.taxonomy.categories}
        self.operating_point = operating_point
        self.batch_size = batch_size
        self.detector.resolve(operating_point)  # a bad operating point fails here, not at the first text
        super().__init__(self._supported(), name=name, supported_language=supported_language)

    def _supported(self) -> list[str]:
        names = [e for e in self.entity_of.values() if e is not None]
        if self.split_accounts and self.entity_of.get("account_number") is not None:
            names += ACCOUNT_FORMS
        return list(dict.fromkeys(names))

    def load(self) -> None:
        """Nothing to do: the model is loaded by ``__init__`` (Presidio calls this from its constructor)."""

    def entity(self, span: DetectedSpan) -> str | None:
        """The Presidio entity of one of pare's spans (``None``: not reported)."""
        if span.label == "account_number" and self.split_accounts:
            return account_entity(span.text)
        return self.entity_of.get(span.label)

    def analyze(self, text: str, entities: Sequence[str] | None = None, nlp_artifacts=None) -> list:
        """Presidio's results for ``text``, of the requested ``entities`` (all this recognizer's when empty)."""
        return self.analyze_batch([text], entities)[0]

    def analyze_batch(self, texts: Sequence[str], entities: Sequence[str] | None = None) -> list[list]:
        """``analyze`` for many texts, detected in one call of the model (batched windows)."""
        spans = self.detector.detect(list(texts), self.operating_point, batch_size=self.batch_size)
        wanted = set(entities) if entities else None
        return [self._results(doc, wanted) for doc in spans]

    def _results(self, spans: Sequence[DetectedSpan], wanted: set[str] | None) -> list:
        out = []
        for span in spans:
            entity = self.entity(span)
            if entity is None or (wanted is not None and entity not in wanted):
                continue
            explanation = AnalysisExplanation(
                recognizer=self.name,
                original_score=span.score,
                textual_explanation=self._explain(span.label),
            )
            metadata = {
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                "pare_label": span.label,
            }
            out.append(RecognizerResult(entity, span.start, span.end, span.score, explanation, metadata))
        return out

    def _explain(self, label: str) -> str:
        where = self.detector.model_dir or "an in-memory model"
        point = self.operating_point
        point = point if isinstance(point, str) else "the model's default" if point is None else "as given"
        return (
            f"pare model {where}: a span labelled {label}; score: its posterior probability under the constrained "
            f"BIOES chain (operating point {point})"
        )
