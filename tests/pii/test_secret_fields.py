"""Password and PIN field values the model missed, found by their pattern."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pare.pii.secret_fields import field_secrets
from pare.pii.spans import DetectedSpan
from pare.pii.validate import validate_spans


def found(text: str) -> list[str]:
    return [s.text for s in field_secrets(text, lambda i, j: False)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Temporary password: Welcome#5820 - you'll be asked", ["Welcome#5820"]),
        ("I've set a temporary password: Welcome#4471. You'll be asked", ["Welcome#4471"]),
        ("user: a@b.com\npw: Herrera2020!!\ndon't change it", ["Herrera2020!!"]),
        ("ATM PIN: 4837\nBranch: Ayala Ave", ["4837"]),
        ("The Wi-Fi password is sunflower-2718, all lowercase.", ["sunflower-2718"]),
        ('the password is now "blueHeron77!" - I changed it', ["blueHeron77!"]),
        ("PASSWORD = Gr4nite&Fog", ["Gr4nite&Fog"]),
    ],
)
def test_a_field_value_that_cannot_be_a_word_is_a_secret(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "A password is required to sign in.",
        "Password: ********",
        "password: see above",
        "Your PIN is 12 digits long? No, PIN: 12.",
        "PIN: 123456789",  # too long for a PIN: an account or phone number
        "Bengaluru, Karnataka, PIN: 560103",  # an Indian postcode
        "Pin code: 5601",
        "Email password: anna@example.com",
        "Passwords: none",
    ],
)
def test_ordinary_words_masks_and_other_labels_are_not(text):
    assert found(text) == []


def test_validation_adds_a_missed_field_value_and_leaves_a_covered_one_to_the_model():
    text = "Network: CasaPinhal_5G\nPassword: pinhal#verao24"
    added = validate_spans(text, [])
    assert [(s.label, s.text, s.score) for s in added] == [("secret", "pinhal#verao24", 1.0)]
    start = text.index("pinhal#")
    model = DetectedSpan("secret", start, start + 6, "pinhal", 0.8)
    assert validate_spans(text, [model]) == [model]
    assert validate_spans(text, [], labels=["private_email"]) == []


@settings(max_examples=300, deadline=None)
@given(st.text("pPwWiInNaAsSoOrRdD:= -!#x19.\"'\n", max_size=60))
def test_found_spans_are_text_slices_in_order_and_never_start_with_space(text):
    spans = field_secrets(text, lambda i, j: False)
    assert all(text[s.start : s.end] == s.text and s.text and not s.text[0].isspace() for s in spans)
    assert all(a.end <= b.start for a, b in pairwise(spans))
