"""Surrogates keep the format that matters, are deterministic under a key and differ between keys."""

from __future__ import annotations

import re

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pare.pii.checksums import iban_check_digits, luhn_ok
from pare.pii.keys import KeyRing
from pare.pii.surrogates import SurrogateMaker

MAKER = SurrogateMaker(KeyRing.from_secret(b"surrogate key"))
OTHER = SurrogateMaker(KeyRing.from_secret(b"another key"))


def shape(text: str) -> str:
    """Digits as 9, letters as a, the rest as is: the format a surrogate keeps."""
    return re.sub(r"[^\W\d_]", "a", re.sub(r"\d", "9", text))


@pytest.mark.parametrize(
    "phone", ["+34 612 345 678", "(030) 123-4567", "0049 30 1234567", "+1-202-555-0143", "555 1234"]
)
def test_phones_keep_digit_count_grouping_and_country_code(phone):
    out = MAKER.candidate("private_phone", phone)
    assert shape(out) == shape(phone) and out != phone
    if phone.startswith("+"):
        assert phonenumbers.parse(out, None).country_code == phonenumbers.parse(phone, None).country_code


def test_accounts_keep_format_and_checksums():
    iban = "DE89 3704 0044 0532 0130 00"
    out = MAKER.candidate("account_number", iban)
    compact = out.replace(" ", "")
    assert shape(out) == shape(iban) and out[:2] == "DE" and out != iban
    assert iban_check_digits(compact) == compact[2:4]
    card = "4111 1111 1111 1111"
    out = MAKER.candidate("account_number", card)
    assert shape(out) == shape(card) and luhn_ok(out.replace(" ", ""))
    assert shape(MAKER.candidate("account_number", "AB-1234-x")) == shape("AB-1234-x")


@pytest.mark.parametrize("date", ["12/03/1985", "2001-12-31", "3.5.1999", "March 3rd, 2001", "3. März 1985"])
def test_dates_keep_their_format(date):
    out = MAKER.candidate("private_date", date)
    if date[0].isdigit() and date[-1].isdigit() and date.isascii():
        assert shape(out) == shape(date)  # digit for digit
    words = re.compile(r"[^\W\d_]+")
    assert re.sub(r"\d+", "9", words.sub("a", out)) == re.sub(r"\d+", "9", words.sub("a", date))
    assert out != date


def test_each_category_looks_like_itself():
    email = MAKER.candidate("private_email", "maria@corp.de")
    assert re.fullmatch(r"[a-z0-9._-]+@example\.(com|org|net)", email)
    assert len(MAKER.candidate("private_person", "Maria Gonzalez").split()) >= 2
    assert MAKER.candidate("private_person", "ANNA").isupper()
    url = MAKER.candidate("private_url", "https://www.acme.com/users/ana")
    assert url.startswith("https://www.") and url.count("/") >= 3
    secret = MAKER.candidate("secret", "sk-AbC123xyz")
    assert secret.startswith("sk-") and shape(secret) == shape("sk-AbC123xyz")
    address = MAKER.candidate("private_address", "Hauptstr. 5\n10115 Berlin", "de_DE")
    assert address.count("\n") == 1
    assert shape(MAKER.candidate("custom_label", "Ab-12")) == "aa-99"


@settings(max_examples=30)
@given(
    st.sampled_from(["private_person", "private_phone", "private_date", "secret", "private_email"]),
    st.text(alphabet="abcXYZ0123 -/", min_size=1, max_size=20),
)
def test_deterministic_under_a_key_and_different_across_keys(label, value):
    first = MAKER.candidate(label, value)
    assert MAKER.candidate(label, value) == first
    assert SurrogateMaker(KeyRing.from_secret(b"surrogate key")).candidate(label, value) == first


def test_other_keys_and_attempts_give_other_surrogates():
    assert OTHER.candidate("private_person", "Maria Gonzalez") != MAKER.candidate(
        "private_person", "Maria Gonzalez"
    )
    attempts = {MAKER.candidate("private_phone", "612 345 678", attempt=k) for k in range(5)}
    assert len(attempts) == 5


def test_retries_until_acceptable_then_falls_back():
    first = MAKER.candidate("private_person", "Maria")
    assert MAKER.surrogate("private_person", "Maria", lambda c: c != first) != first
    # a one-digit value has ten possible fakes: refusing all of them ends in the keyed fallback
    out = MAKER.surrogate("private_phone", "7", lambda c: not c.isdigit())
    assert re.fullmatch(r"<PRIVATE_PHONE_[0-9a-f]{12}>", out)
