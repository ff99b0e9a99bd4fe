import string

from hypothesis import given
from hypothesis import strategies as st

from pare.pii.checksums import iban_check_digits, iban_ok, is_card, luhn_ok


@given(
    country=st.sampled_from(["DE", "GB", "FR", "PL", "SA"]),
    bban=st.text(string.digits + string.ascii_uppercase, min_size=11, max_size=30),
    bump=st.integers(min_value=1, max_value=9),
)
def test_iban_check_digits_make_a_valid_iban_and_a_changed_digit_breaks_it(country, bban, bump):
    iban = country + iban_check_digits(country + "00" + bban) + bban
    assert iban_ok(iban)
    broken = iban[:2] + str((int(iban[2]) + bump) % 10) + iban[3:]
    assert not iban_ok(broken)


def test_known_numbers():
    assert iban_ok("GB29NWBK60161331926819") and not iban_ok("GB28NWBK60161331926819")
    assert luhn_ok("4111111111111111") and not luhn_ok("4111111111111112")


@given(digits=st.text(string.digits, min_size=13, max_size=19))
def test_an_ungrouped_number_is_a_card_only_with_a_networks_first_digit_and_luhn(digits):
    assert is_card(digits) == (digits[0] in "3456" and luhn_ok(digits))


def test_a_grouped_number_is_a_card_whatever_its_check_digit():
    assert is_card("4111 1111 1111 1112") and is_card("3782-822463-10006")
    assert not is_card("4111 1111 1111") and not is_card("0800 720 021")
