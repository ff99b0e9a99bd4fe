import json
import random
import re
from collections import Counter
from itertools import pairwise

import pytest
from faker import Faker

from pare.data.jsonl import parse_record
from pare.data.synth import (
    KIND_LABELS,
    LOCALES,
    held_out_template_ids,
    render,
    synthesize,
    templates,
    transfer_templates,
)
from pare.data.synth.generate import FAKER_LOCALES
from pare.data.synth.values import Filler
from pare.errors import PareError
from pare.labels import PRIVACY_FILTER_CATEGORIES


@pytest.fixture(scope="module")
def docs():
    return synthesize(400, seed=11)


def dumps(documents):
    return "\n".join(json.dumps(d.to_dict(), ensure_ascii=False) for d in documents)


def test_same_seed_same_bytes_other_seed_other_bytes():
    a = dumps(synthesize(120, seed=5))
    assert a == dumps(synthesize(120, seed=5))
    assert a != dumps(synthesize(120, seed=6))


def test_spans_are_in_range_trimmed_sorted_and_valid(docs):
    for k, doc in enumerate(docs):
        parse_record(doc.to_dict(), f"doc {k}", set(PRIVACY_FILTER_CATEGORIES))
        for span in doc.spans:
            assert 0 <= span.start < span.end <= len(doc.text)
            piece = doc.text[span.start : span.end]
            assert piece == piece.strip() and piece
        assert doc.spans == sorted(doc.spans)
        assert all(a.end <= b.start for a, b in pairwise(doc.spans))


def test_all_categories_appear_in_a_few_hundred_documents(docs):
    assert {s.label for d in docs for s in d.spans} == set(PRIVACY_FILTER_CATEGORIES)


def test_template_inventory():
    pool = templates()
    assert len(pool) >= 150
    assert len({t.id for t in pool}) == len(pool)
    per_language = Counter(t.language for t in pool)
    assert set(per_language) == set(LOCALES) and len(LOCALES) >= 6
    assert min(per_language.values()) >= 20
    assert len({t.style for t in pool}) >= 8
    covered = {label for t in pool for label in t.labels}
    assert covered == set(PRIVACY_FILTER_CATEGORIES)
    assert {t.language for t in templates(["de", "fr"])} == {"de", "fr"}


def test_transfer_templates_are_outside_the_split_and_cover_every_language_and_category():
    pool, transfer = templates(), transfer_templates()
    ids = {t.id for t in transfer}
    assert len(ids) == len(transfer) and not ids & {t.id for t in pool}
    assert Counter(t.language for t in transfer) == Counter({lang: 30 for lang in LOCALES})
    assert {label for t in transfer for label in t.labels} == set(PRIVACY_FILTER_CATEGORIES)
    assert all(any(not t.labels for t in transfer_templates([lang])) for lang in LOCALES)
    docs = synthesize(300, seed=4, split="transfer")
    assert {d.meta["template"] for d in docs} <= ids
    assert {d.meta["template"][:2] for d in docs} == set(LOCALES)
    # the ordinary pools do not change: "all" draws no transfer template
    assert not {d.meta["template"] for d in synthesize(300, seed=4)} & ids


def test_negatives_whole_documents_and_lookalikes(docs):
    assert any(not d.spans for d in docs)
    for lang in LOCALES:
        assert any(not t.labels for t in templates([lang])), lang
    negative_kinds = {kind for kind, label in KIND_LABELS.items() if label is None}
    pii_templates = [t for t in templates() if t.labels]
    with_lookalikes = [
        t for t in pii_templates if {p[1] for p in t.parts if isinstance(p, tuple)} & negative_kinds
    ]
    assert len(with_lookalikes) > len(pii_templates) // 2


def expected_spans(template, values):
    """Independent expectation: (label, start, end, [values]) per span; same-label neighbours join."""
    out, text = [], ""
    for part in template.parts:
        if isinstance(part, str):
            text += part
            continue
        value, label = values[part[0]], KIND_LABELS[part[1]]
        core = value.strip()
        if label and core:
            start = len(text) + value.index(core)
            if out and out[-1][0] == label and set((text + value)[out[-1][2] : start]) <= {" "}:
                out[-1] = (label, out[-1][1], start + len(core), [*out[-1][3], core])
            else:
                out.append((label, start, start + len(core), [core]))
        text += value
    return text, out


def test_span_text_equals_generated_value_for_every_template():
    rng = random.Random(0)
    fakers = {loc: Faker(loc) for locs in FAKER_LOCALES.values() for loc in locs}
    for template in templates() + transfer_templates():
        locale = rng.choice(FAKER_LOCALES[template.language])
        fakers[locale].seed_instance(rng.getrandbits(32))
        values = Filler(fakers[locale], random.Random(rng.getrandbits(32)), locale).fill(template)
        assert set(values) == set(template.placeholders)
        text, spans = render(template, values)
        want_text, want = expected_spans(template, values)
        assert text == want_text
        assert [(s.label, s.start, s.end) for s in spans] == [w[:3] for w in want], template.id
        for span, (*_, group) in zip(spans, want, strict=True):
            assert all(v == v.strip() and v for v in group), template.id
            # the span's text is the generated value (or a first and last name joined by a space)
            assert text[span.start : span.end] == " ".join(group), template.id


def test_split_is_disjoint_stratified_and_independent_of_the_generation_seed():
    pool = templates()
    held_out = held_out_template_ids(pool, 0.2, split_seed=0)
    for lang in LOCALES:
        ids = {t.id for t in pool if t.language == lang}
        test_ids = ids & held_out
        assert test_ids and ids - test_ids, lang
        assert abs(len(test_ids) - 0.2 * len(ids)) <= 1
    assert held_out != held_out_template_ids(pool, 0.2, split_seed=1)
    train = {d.meta["template"] for d in synthesize(300, seed=1, split="train")}
    test = {d.meta["template"] for d in synthesize(300, seed=2, split="test")}
    assert train and test and not train & test
    assert test <= held_out and not train & held_out
    assert {t.split("-")[0] for t in test} == set(LOCALES)
    other = held_out_template_ids(pool, 0.2, split_seed=1)
    assert {d.meta["template"] for d in synthesize(100, seed=2, split="test", split_seed=1)} <= other


def test_meta_records_template_locale_style(docs):
    by_id = {t.id: t for t in templates()}
    for doc in docs:
        template = by_id[doc.meta["template"]]
        assert doc.meta["style"] == template.style
        assert doc.meta["locale"] in FAKER_LOCALES[template.language]
    assert {d.meta["locale"] for d in docs} == {loc for locs in FAKER_LOCALES.values() for loc in locs}


def test_locale_filter_and_local_date_formats():
    german = synthesize(150, seed=3, locales=["de"])
    assert {d.meta["locale"] for d in german} == {"de_DE"}
    months = "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"
    de_date = re.compile(
        rf"\d{{1,2}}\.\d{{1,2}}\.\d{{2}}(\d{{2}})?|\d{{1,2}}\. ({months}) \d{{4}}|\d{{4}}-\d\d-\d\d"
    )
    dates = [d.text[s.start : s.end] for d in german for s in d.spans if s.label == "private_date"]
    assert dates and all(de_date.fullmatch(x) for x in dates), dates


def test_progress_is_reported_through_track():
    calls = []

    def track(items, description, total=None):
        calls.append((description, total))
        yield from items

    assert len(synthesize(7, seed=0, track=track)) == 7
    assert calls == [("synthesizing", 7)]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"n": 0}, "positive"),
        ({"n": -3}, "positive"),
        ({"n": 5, "locales": ["en", "xx"]}, "supported locales: en, de, fr, es, it, pt, nl"),
        ({"n": 5, "locales": []}, "supported locales"),
        ({"n": 5, "split": "dev"}, "unknown split"),
        ({"n": 5, "split": "test", "test_fraction": 1.0}, "strictly between 0 and 1"),
        ({"n": 5, "test_fraction": 0.0}, "strictly between 0 and 1"),
    ],
)
def test_bad_arguments_raise_pare_error(kwargs, message):
    with pytest.raises(PareError, match=re.escape(message)):
        synthesize(seed=0, **kwargs)
