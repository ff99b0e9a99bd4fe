"""Streaming detection and redaction give the whole-corpus results, a chunk at a time."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pii_strategies import ONE_WAY, REVERSIBLE, policies, runs

from pare.labels import Taxonomy
from pare.pii import KeyRing, PiiDetector, anonymize
from pare.pii.anonymize import run_occurrence_index
from pare.pii.stream import StreamAnonymizer, chunked, redact_stream

KEYS = KeyRing.from_secret(b"stream-test-key")
WORDS = ["ana", "lee", "bob", "hi", "the", "call", "at", ",", ".", "\n\n", "x"]
TAGS = {"ana": "S-private_person", "lee": "S-private_person", "bob": "S-private_person"}


def _spans(found):
    """Spans without their scores (labels and offsets), for comparisons across batchings."""
    return [[(s.label, s.start, s.end, s.text) for s in doc] for doc in found]


documents = st.lists(st.lists(st.sampled_from(WORDS), max_size=80).map(" ".join), min_size=1, max_size=12)


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=documents, batch_size=st.integers(1, 9), chunk_chars=st.integers(1, 400))
def test_stream_equals_whole_corpus(table_model, minilm_tokenizer, texts, batch_size, chunk_chars):
    """Random document lengths (short, and several windows long), batch sizes and chunk sizes."""
    detector = PiiDetector(table_model(TAGS), minilm_tokenizer, Taxonomy(), max_length=24)
    whole = detector.detect(texts, batch_size=batch_size)
    streamed = list(detector.detect_stream(iter(texts), batch_size=batch_size, chunk_chars=chunk_chars))
    assert _spans(streamed) == _spans(whole)
    for got, want in zip(streamed, whole, strict=True):
        for a, b in zip(got, want, strict=True):
            assert abs(a.score - b.score) <= 1e-9  # other documents in a batch change only the last bits
    assert any(_spans(whole)) or not any("ana" in t for t in texts)


def test_one_chunk_is_bit_identical_to_detect(tiny_model_dir):
    detector = PiiDetector.from_dir(tiny_model_dir)
    texts = [" ".join(["ana lee called bob at home"] * n) for n in (1, 40, 3, 0, 12)]
    assert list(detector.detect_stream(texts, batch_size=3)) == detector.detect(texts, batch_size=3)
    # chunking only regroups detect calls: chunk by chunk, results equal detect on each chunk
    chunks = list(chunked(texts, len, 300))
    assert len(chunks) > 1
    expected = [spans for chunk in chunks for spans in detector.detect(chunk, batch_size=3)]
    assert list(detector.detect_stream(texts, batch_size=3, chunk_chars=300)) == expected


def test_chunks_end_at_the_document_that_reaches_the_limit():
    assert list(chunked(["aaaa", "b", "cc", "dddddd", "e"], len, 3)) == [
        ["aaaa"],
        ["b", "cc"],
        ["dddddd"],
        ["e"],
    ]
    assert list(chunked([], len, 3)) == []


@settings(max_examples=60)
@given(run=runs(max_docs=6), data=st.data(), cut=st.integers(1, 40))
def test_chunked_anonymizer_equals_anonymize(run, data, cut):
    """Every policy, both scopes: redacting chunk by chunk gives what one call over the run gives."""
    texts, spans = run
    policy = data.draw(policies(REVERSIBLE + ONE_WAY))
    whole = anonymize(texts, spans, policy, KEYS)
    index = (
        run_occurrence_index(zip(texts, spans, strict=True), policy)
        if policy.every_occurrence == "run"
        else None
    )
    redactor = StreamAnonymizer(policy, KEYS, index)
    pieces = list(chunked(list(zip(texts, spans, strict=True)), lambda pair: len(pair[0]), cut))
    streamed = [r for piece in pieces for r in redactor.redact([t for t, _ in piece], [s for _, s in piece])]
    assert streamed == whole


@settings(max_examples=10, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(run=runs(max_docs=5), data=st.data(), cut=st.integers(1, 60))
def test_redact_stream_equals_detect_then_anonymize(table_model, minilm_tokenizer, run, data, cut):
    texts, _ = run
    detector = PiiDetector(table_model(TAGS), minilm_tokenizer, Taxonomy(), max_length=24)
    policy = data.draw(policies(REVERSIBLE + ONE_WAY))
    whole = anonymize(texts, detector.detect(texts), policy, KEYS)
    streamed = list(redact_stream(detector, texts, policy, KEYS, chunk_chars=cut))
    assert [r.redacted_text for r in streamed] == [r.redacted_text for r in whole]
    assert [[(x.start, x.end, x.replacement) for x in r.replacements] for r in streamed] == [
        [(x.start, x.end, x.replacement) for x in r.replacements] for r in whole
    ]
