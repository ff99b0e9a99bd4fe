"""Names written family name first: a person span grows back over a common family name just before it."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pare.pii.family_names import with_family_names
from pare.pii.spans import DetectedSpan
from pare.pii.validate import validate_spans


def span(text: str, part: str, label: str = "private_person") -> DetectedSpan:
    start = text.index(part)
    return DetectedSpan(label, start, start + len(part), part, 0.9)


def names(text: str, parts: list[str]) -> list[str]:
    return [s.text for s in with_family_names(text, [span(text, p) for p in parts])]


@pytest.mark.parametrize(
    ("text", "parts", "expected"),
    [
        ("Sincerely,\nPark Seo-yeon\nProgram Coordinator", ["Seo-yeon"], ["Park Seo-yeon"]),
        (
            "Tenants: Kim Thi Huong and Tran Duc Minh",
            ["Kim Thi Huong", "Duc Minh"],
            ["Kim Thi Huong", "Tran Duc Minh"],
        ),
        ("Call Park Seo-yeon today", ["Park", "Seo-yeon"], ["Park Seo-yeon"]),  # cut in two: one name
        ("Dr. Park Ji-ho will see you", ["Ji-ho"], ["Park Ji-ho"]),
        ("PARK SEO-YEON", ["SEO-YEON"], ["PARK SEO-YEON"]),
    ],
)
def test_a_family_name_before_a_name_joins_it(text, parts, expected):
    assert names(text, parts) == expected


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("He Jun came late", ["Jun"]),  # a listed name that is also an English word is not listed
        ("Pan Krzysztof Nowak", ["Krzysztof Nowak"]),  # Polish "Mr"
        ("Park\nSeo-yeon", ["Seo-yeon"]),  # not on the same line
        ("Park  Seo-yeon", ["Seo-yeon"]),  # not one space apart
    ],
)
def test_other_words_lines_and_spacing_leave_the_span_alone(text, parts):
    assert (
        names(text, parts) == parts
        if text != "the Park Seo-yeon"
        else names(text, parts) == ["Park Seo-yeon"]
    )


def test_a_word_inside_another_span_is_left_to_it():
    text = "Lot 5 Kim Street, Seo-yeon"
    address, person = span(text, "Lot 5 Kim", "private_address"), span(text, "Seo-yeon")
    assert with_family_names(text, [address, person]) == [address, person]
    assert [
        s.text
        for s in validate_spans(
            "Please call Park Seo-yeon.", [span("Please call Park Seo-yeon.", "Seo-yeon")]
        )
    ] == ["Park Seo-yeon"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Park", "Kim", "Seo-yeon", "He", "Jun", " ", "\n", ".", "x"]), max_size=12))
def test_grown_spans_are_text_slices_in_order_without_overlaps(words):
    text = "".join(words)
    spans = [
        DetectedSpan("private_person", i, i + len(w), w, 0.5)
        for i, w in ((text.find(w), w) for w in ("Seo-yeon", "Jun"))
        if i >= 0
    ]
    spans.sort(key=lambda s: s.start)
    out = with_family_names(text, spans)
    assert all(text[s.start : s.end] == s.text for s in out)
    assert all(a.end <= b.start for a, b in pairwise(out))
    assert len(out) <= len(spans)
