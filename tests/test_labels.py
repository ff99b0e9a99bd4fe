import pytest
from hypothesis import given
from hypothesis import strategies as st

from pare.errors import PareError
from pare.labels import (
    PRIVACY_FILTER_CATEGORIES,
    SINGLE_LINE_CATEGORIES,
    Taxonomy,
    TokenSpan,
    convert_scheme,
    spans_to_tags,
    tags_to_spans,
    validate_tags,
)


def test_default_taxonomy_matches_transformers_privacy_filter_labels():
    from transformers.models.openai_privacy_filter.configuration_openai_privacy_filter import (
        OPENAI_PRIVACY_FILTER_NER_LABELS,
    )

    taxonomy = Taxonomy()
    assert taxonomy.categories == PRIVACY_FILTER_CATEGORIES
    assert taxonomy.labels == list(OPENAI_PRIVACY_FILTER_NER_LABELS)
    assert len(taxonomy) == 33
    assert taxonomy.id2label[0] == "O" and taxonomy.label2id["S-secret"] == 32


def test_single_line_categories_are_privacy_filter_categories_but_addresses_and_secrets():
    """Addresses (blocks of lines) and secrets (PEM keys) run over lines; every other category is one line."""
    assert set(PRIVACY_FILTER_CATEGORIES) - {"private_address", "secret"} == SINGLE_LINE_CATEGORIES


def test_from_labels_round_trips_and_detects_scheme():
    for scheme in ("BIO", "BIOES"):
        taxonomy = Taxonomy(("a", "b"), scheme)
        assert Taxonomy.from_labels(taxonomy.labels) == taxonomy


@pytest.mark.parametrize(
    "labels",
    [[], ["B-a", "O"], ["O", "B-a", "E-a", "I-a", "S-a"], ["O", "B-a"], ["O", "x"]],
)
def test_from_labels_rejects_bad_orders(labels):
    with pytest.raises(PareError):
        Taxonomy.from_labels(labels)


def test_check_compatible_names_the_difference():
    with pytest.raises(PareError, match="missing"):
        Taxonomy(("a", "b")).check_compatible(Taxonomy(("a",)))


@st.composite
def token_spans(draw, categories=("a", "b")):
    length = draw(st.integers(0, 12))
    cuts = sorted(draw(st.sets(st.integers(0, length), max_size=8)))
    spans = []
    for lo, hi in zip(cuts[::2], cuts[1::2], strict=False):
        if lo < hi:
            spans.append(TokenSpan(lo, hi, draw(st.sampled_from(categories))))
    return spans, length


@given(token_spans(), st.sampled_from(["BIO", "BIOES"]))
def test_spans_tags_round_trip_and_validate(spans_length, scheme):
    spans, length = spans_length
    tags = spans_to_tags(spans, length, scheme)
    validate_tags(tags, scheme)
    assert tags_to_spans(tags) == spans


@given(token_spans())
def test_bio_bioes_conversion_is_lossless(spans_length):
    spans, length = spans_length
    bioes = spans_to_tags(spans, length, "BIOES")
    bio = convert_scheme(bioes, "BIO")
    assert bio == spans_to_tags(spans, length, "BIO")
    assert convert_scheme(bio, "BIOES") == bioes


@pytest.mark.parametrize(
    ("tags", "scheme"),
    [
        (["I-a"], "BIO"),
        (["B-a", "I-b"], "BIO"),
        (["B-a"], "BIOES"),
        (["B-a", "O"], "BIOES"),
        (["S-a", "E-a"], "BIOES"),
        (["E-a"], "BIO"),
    ],
)
def test_validate_tags_rejects_invalid_sequences(tags, scheme):
    with pytest.raises(PareError):
        validate_tags(tags, scheme)


def test_tags_to_spans_is_lenient_on_argmax_output():
    assert tags_to_spans(["I-a", "E-a", "O", "B-b", "S-b", "E-a"]) == [
        TokenSpan(0, 2, "a"),
        TokenSpan(3, 4, "b"),
        TokenSpan(4, 5, "b"),
        TokenSpan(5, 6, "a"),
    ]
