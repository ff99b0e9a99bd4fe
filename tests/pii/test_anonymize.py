"""Redaction with operators: old modes unchanged, every occurrence, thresholds, indexes, and the properties
surrogates and hashes must have."""

from __future__ import annotations

from collections import defaultdict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pii_strategies import ONE_WAY, REVERSIBLE, policies, runs, whole_word_occurrences

from pare.data.jsonl import Span
from pare.errors import PareError
from pare.pii import DetectedSpan, redaction_record
from pare.pii.anonymize import Anonymizer, anonymize
from pare.pii.keys import KeyRing
from pare.pii.operators import MODE_OPERATORS, OperatorSpec, RedactionPolicy

KEYS = KeyRing.from_secret(b"anonymize tests")


def spans_of(
    text: str, *words: str, label: str = "private_person", score: float | None = 0.9
) -> list[DetectedSpan]:
    """A span over the first occurrence of each word."""
    return [DetectedSpan(label, text.index(w), text.index(w) + len(w), w, score) for w in words]


@given(st.text(max_size=40), st.data(), st.sampled_from(sorted(MODE_OPERATORS)), st.booleans())
def test_the_modes_give_the_same_record_as_before(text, data, mode, every):
    cuts = sorted(data.draw(st.sets(st.integers(0, len(text)), max_size=6)))
    spans = [
        DetectedSpan("secret", a, b, text[a:b], data.draw(st.none() | st.floats(0, 1)))
        for a, b in zip(cuts[::2], cuts[1::2], strict=False)
        if a < b
    ]
    policy = RedactionPolicy(default=MODE_OPERATORS[mode], every_occurrence="doc" if every else "off")
    [done] = anonymize([text], [spans], policy)
    if done.added_occurrences == 0:
        assert done.record() == redaction_record(text, spans, mode)  # type: ignore[arg-type]


def test_every_occurrence_in_a_document_and_a_run():
    text = "Anna met Bob. Later, Anna left; Annabelle and anna stayed. Anna"
    [done] = anonymize([text], [spans_of(text, "Anna")], RedactionPolicy())
    assert done.redacted_text == (
        "<PRIVATE_PERSON> met Bob. Later, <PRIVATE_PERSON> left; Annabelle and anna stayed. <PRIVATE_PERSON>"
    )
    assert done.added_occurrences == 2
    assert [s["score"] for s in done.record()["detected_spans"]] == [0.9, None, None]
    assert done.record()["summary"]["added_occurrences"] == 2
    [off] = anonymize([text], [spans_of(text, "Anna")], RedactionPolicy(every_occurrence="off"))
    assert off.redacted_text.count("Anna ") == 1 and "added_occurrences" not in off.record()["summary"]
    docs = ["Call Anna Berg.", "Anna Berg called; Berg too."]
    doc_scope = anonymize(docs, [spans_of(docs[0], "Anna Berg"), []], RedactionPolicy())
    assert doc_scope[1].redacted_text == docs[1]
    run_scope = anonymize(docs, [spans_of(docs[0], "Anna Berg"), []], RedactionPolicy(every_occurrence="run"))
    assert run_scope[1].redacted_text == "<PRIVATE_PERSON> called; Berg too."


def test_longer_values_win_and_spans_never_overlap():
    text = "Anna Berg and Anna; Anna Berg."
    spans = [
        DetectedSpan("private_person", 0, 9, "Anna Berg", 0.9),
        DetectedSpan("private_person", 14, 18, "Anna"),
    ]
    [done] = anonymize([text], [spans], RedactionPolicy(default=OperatorSpec("replace", indexed=True)))
    assert done.redacted_text == "<PRIVATE_PERSON_1> and <PRIVATE_PERSON_2>; <PRIVATE_PERSON_1>."


def test_one_character_values_do_not_spread():
    text = "I said I would"
    [done] = anonymize([text], [[DetectedSpan("private_person", 0, 1, "I")]], RedactionPolicy())
    assert done.redacted_text == "<PRIVATE_PERSON> said I would"


def test_thresholds_leave_spans_as_text_and_count_them():
    text = "Anna Berg on 12/03/1985 at 555 1234"
    spans = [
        DetectedSpan("private_person", 0, 9, "Anna Berg", 0.4),
        DetectedSpan("private_date", 13, 23, "12/03/1985", 0.8),
        DetectedSpan("private_phone", 27, 35, "555 1234", None),
    ]
    policy = RedactionPolicy(min_score=0.5, min_score_by_label={"private_date": 0.9})
    [done] = anonymize([text], [spans], policy)
    assert done.redacted_text == "Anna Berg on 12/03/1985 at <PRIVATE_PHONE>"
    summary = done.record()["summary"]
    assert summary["below_min_score"] == {
        "span_count": 2,
        "by_label": {"private_person": 1, "private_date": 1},
    }
    assert summary["span_count"] == 1
    [none] = anonymize([text], [spans], RedactionPolicy())
    assert "below_min_score" not in none.record()["summary"]


def test_indexes_per_document_or_per_run():
    docs = ["Bob and Ann and Bob", "Ann, Cy"]
    spans = [spans_of(docs[0], "Bob", "Ann"), spans_of(docs[1], "Ann", "Cy")]
    indexed = OperatorSpec("replace", indexed=True)
    per_doc = anonymize(docs, spans, RedactionPolicy(default=indexed))
    assert [d.redacted_text for d in per_doc] == [
        "<PRIVATE_PERSON_1> and <PRIVATE_PERSON_2> and <PRIVATE_PERSON_1>",
        "<PRIVATE_PERSON_1>, <PRIVATE_PERSON_2>",
    ]
    per_run = anonymize(docs, spans, RedactionPolicy(default=indexed, consistent="run"))
    assert per_run[1].redacted_text == "<PRIVATE_PERSON_2>, <PRIVATE_PERSON_3>"


def test_operators_that_need_a_key_refuse_to_run_without_one():
    for name in ("surrogate", "hash", "encrypt"):
        with pytest.raises(PareError, match=f"operator '{name}' needs a key"):
            Anonymizer(RedactionPolicy(by_label={"secret": OperatorSpec(name)}))
    for name in ("keep", "mask", "redact", "replace"):
        Anonymizer(RedactionPolicy(default=OperatorSpec(name, indexed=True if name == "replace" else None)))


def test_every_operator_on_one_text():
    text = "Ana Silva paid 4111 1111 1111 1111, key sk-abc123"
    spans = [
        DetectedSpan("private_person", 0, 9, "Ana Silva"),
        DetectedSpan("account_number", 15, 34, "4111 1111 1111 1111"),
        Span(40, 49, "secret"),
    ]
    policy = RedactionPolicy(
        by_label={
            "private_person": OperatorSpec("redact"),
            "account_number": OperatorSpec("mask", chars_to_mask=15),
            "secret": OperatorSpec("keep"),
        }
    )
    [done] = anonymize([text], [spans], policy)
    assert done.redacted_text == " paid ***************1111, key sk-abc123"  # spaces count, as in Presidio
    assert [done.redacted_text[r.new_start : r.new_end] for r in done.replacements] == [
        "",
        "*" * 15 + "1111",
        "sk-abc123",
    ]


def surrogate_and_hash_policy(data) -> RedactionPolicy:
    operators = [OperatorSpec("surrogate"), OperatorSpec("hash"), OperatorSpec("surrogate", locale="fr_FR")]
    return data.draw(policies(operators))


@settings(max_examples=60)
@given(runs(), st.data())
def test_surrogates_and_hashes_are_consistent_and_never_an_original(run, data):
    texts, spans = run
    policy = surrogate_and_hash_policy(data)
    done = anonymize(texts, spans, policy, KEYS)
    given_to: dict[tuple[str, str], set[str]] = defaultdict(set)
    for doc in done:
        originals = {r.original for r in doc.replacements}
        by_replacement: dict[str, str] = {}
        for r in doc.replacements:
            assert r.replacement not in originals
            assert by_replacement.setdefault(r.replacement, r.original) == r.original  # one value, one fake
            given_to[r.label, r.original].add(r.replacement)
    # the same value has the same replacement throughout the run, unless it was an original of a document
    for (label, _value), replacements in given_to.items():
        if len(replacements) > 1:
            assert policy.operator_for(label).operator == "surrogate"
            clashes = [
                r for r in replacements if any(r in {x.original for x in d.replacements} for d in done)
            ]
            assert clashes or _contains_an_original(replacements, done)


def _contains_an_original(replacements: set[str], done) -> bool:
    originals = {r.original for d in done for r in d.replacements}
    return any(whole_word_occurrences(rep, o) for rep in replacements for o in originals)


@settings(max_examples=60)
@given(runs(), st.data())
def test_redacted_text_never_holds_a_detected_value(run, data):
    texts, spans = run
    policy = data.draw(policies(REVERSIBLE + ONE_WAY))
    policy = RedactionPolicy(
        default=policy.default,
        by_label=policy.by_label,
        consistent=policy.consistent,
        every_occurrence=data.draw(st.sampled_from(["doc", "run"])),
    )
    done = anonymize(texts, spans, policy, KEYS)
    values = {s.text for doc in spans for s in doc}
    for text, doc in zip(texts, done, strict=True):
        secret = {r.original for r in doc.replacements if r.operator != "keep"}
        if policy.every_occurrence == "run":
            secret |= {v for v in values if policy.operator_for(_label(spans, v)).operator != "keep"}
        for value in secret:
            # every whole-word occurrence in the original lies under a span that was replaced
            for a, b in whole_word_occurrences(text, value):
                assert any(r.start < b and a < r.end for r in doc.replacements), (text, value)
            for r in doc.replacements:
                if r.operator != "keep":
                    assert not whole_word_occurrences(r.replacement, value), (r, value)
        # outside the replacements the text is the original
        pieces, pos = [], 0
        for r in doc.replacements:
            pieces.append(doc.redacted_text[pos : r.new_start])
            pos = r.new_end
        pieces.append(doc.redacted_text[pos:])
        assert "".join(pieces) == "".join(_outside(text, doc.replacements))


def _label(spans, value: str) -> str:
    return next(s.label for doc in spans for s in doc if s.text == value)


def _outside(text: str, replacements) -> list[str]:
    pieces, pos = [], 0
    for r in replacements:
        pieces.append(text[pos : r.start])
        pos = r.end
    return [*pieces, text[pos:]]
