"""Streaming detection and redaction: documents in, results out in input order, with bounded memory.

Documents are taken in chunks of about ``chunk_chars`` characters (a chunk ends with the document that reaches
the limit, so one longer document is a chunk of its own); each chunk is scored and decoded exactly as
``PiiDetector.detect`` does a list of texts, then released. Memory is therefore set by the chunk, the batch
and the longest document, never by the corpus, and a corpus that fits in one chunk gives bit for bit what
``detect`` gives. Larger corpora give the same spans; a span's score may differ from a whole-corpus
``detect`` in its last bits, because windows of other documents share its forward passes (padding changes the
order of floating-point sums). Chunking is a function of the documents alone, so the same input always gives
the same chunks and the same output, whatever runs them (one process, several workers, a resumed job).

``StreamAnonymizer`` applies a ``RedactionPolicy`` chunk by chunk with the results of ``pare.pii.anonymize``
on the whole run: ``consistent="run"`` keeps one ``Anonymizer`` (its indexes and surrogates) across chunks;
``every_occurrence="run"`` needs every document's detected values first, so the run index is built by a
first pass over the detected spans (``run_occurrence_index``) and documents are redacted in a second pass.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Literal, Protocol, TypeVar

from pare.decode import OperatingPoint
from pare.errors import PareError
from pare.pii.anonymize import Anonymizer, DocumentRedaction, OccurrenceIndex, run_occurrence_index
from pare.pii.keys import KeyRing
from pare.pii.operators import RedactionPolicy
from pare.pii.redact import CharSpan
from pare.pii.spans import DetectedSpan

T = TypeVar("T")
# about 250,000 tokens: tens of MB of scores, and a checkpoint every few seconds
DEFAULT_CHUNK_CHARS = 1 << 20


class Detector(Protocol):
    """What streaming needs of ``pare.pii.PiiDetector`` (named here so this module does not import it)."""

    def resolve(
        self, operating_point: OperatingPoint | Mapping[str, float] | str | None
    ) -> OperatingPoint | Mapping[str, float]: ...

    def detect(
        self,
        texts: Sequence[str],
        operating_point: OperatingPoint | Mapping[str, float] | str | None = None,
        method: Literal["viterbi", "argmax"] = "viterbi",
        batch_size: int = 16,
    ) -> list[list[DetectedSpan]]: ...


def chunked(items: Iterable[T], size: Callable[[T], int], limit: int) -> Iterator[list[T]]:
    """``items`` in consecutive lists, each ending with the item that brings its total ``size`` to ``limit``."""
    if limit < 1:
        raise PareError(f"chunk size must be at least 1 character, got {limit}")
    chunk: list[T] = []
    total = 0
    for item in items:
        chunk.append(item)
        total += size(item)
        if total >= limit:
            yield chunk
            chunk, total = [], 0
    if chunk:
        yield chunk


def detect_stream(
    detector: Detector,
    texts: Iterable[str],
    operating_point: OperatingPoint | Mapping[str, float] | str | None = None,
    method: Literal["viterbi", "argmax"] = "viterbi",
    batch_size: int = 16,
    chunk_chars: int = DEFAULT_CHUNK_CHARS,
) -> Iterator[list[DetectedSpan]]:
    """The spans of each text, in order, computed a chunk of ``chunk_chars`` characters at a time."""
    if isinstance(texts, str):
        raise TypeError("texts must be an iterable of strings, not one string")
    biases = detector.resolve(operating_point)  # a bad operating point fails before any text is read
    for chunk in chunked(texts, len, chunk_chars):
        yield from detector.detect(chunk, biases, method, batch_size)


class StreamAnonymizer:
    """``anonymize`` for a run that arrives in chunks: ``redact`` each chunk in order; the results equal those of
    ``anonymize`` over all documents at once. ``every_occurrence="run"`` needs ``run_index`` (from
    ``run_occurrence_index`` over every document)."""

    def __init__(
        self, policy: RedactionPolicy, keys: KeyRing | None = None, run_index: OccurrenceIndex | None = None
    ) -> None:
        if policy.every_occurrence == "run" and run_index is None:
            raise ValueError("every_occurrence='run' needs the run's occurrence index")
        self.policy = policy
        self.anonymizer = Anonymizer(policy, keys)
        self.run_index = run_index

    def redact(self, texts: Sequence[str], spans: Sequence[Sequence[CharSpan]]) -> list[DocumentRedaction]:
        """The next documents of the run (``Anonymizer.redact_documents``, scopes kept across calls)."""
        if len(texts) != len(spans):
            raise ValueError("one list of spans per text")
        return [
            self.anonymizer.redact_in_run(t, s, self.run_index) for t, s in zip(texts, spans, strict=True)
        ]


def redact_stream(
    detector: Detector,
    texts: Iterable[str],
    policy: RedactionPolicy,
    keys: KeyRing | None = None,
    *,
    operating_point: OperatingPoint | Mapping[str, float] | str | None = None,
    method: Literal["viterbi", "argmax"] = "viterbi",
    batch_size: int = 16,
    chunk_chars: int = DEFAULT_CHUNK_CHARS,
) -> Iterator[DocumentRedaction]:
    """Detect and redact ``texts`` chunk by chunk, in order (``.record()`` gives each document's JSON record).

    ``every_occurrence="run"`` reads ``texts`` twice (detect, then redact), so it must be a collection or
    another re-iterable, not an iterator; spans are then kept for the second pass.
    """
    options = {"operating_point": operating_point, "method": method, "batch_size": batch_size}
    if policy.every_occurrence == "run":
        if iter(texts) is texts:
            raise PareError(
                "every_occurrence='run' reads the texts twice: pass a collection, not an iterator"
            )
        spans = list(detect_stream(detector, texts, chunk_chars=chunk_chars, **options))
        redactor = StreamAnonymizer(
            policy, keys, run_occurrence_index(zip(texts, spans, strict=True), policy)
        )
        for chunk in chunked(zip(texts, spans, strict=True), lambda pair: len(pair[0]), chunk_chars):
            yield from redactor.redact([t for t, _ in chunk], [s for _, s in chunk])
        return
    redactor = StreamAnonymizer(policy, keys)
    pairs = _with_spans(texts, detector, chunk_chars, options)
    for chunk in chunked(pairs, lambda pair: len(pair[0]), chunk_chars):
        yield from redactor.redact([t for t, _ in chunk], [s for _, s in chunk])


def _with_spans(
    texts: Iterable[str], detector: Detector, chunk_chars: int, options: dict
) -> Iterator[tuple[str, list[DetectedSpan]]]:
    for chunk in chunked(texts, len, chunk_chars):
        yield from zip(chunk, detect_stream(detector, chunk, chunk_chars=chunk_chars, **options), strict=True)
