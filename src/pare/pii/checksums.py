"""The formats and check digits of account numbers: IBANs (ISO 13616, mod 97) and payment cards (Luhn).

Shared by validation (which keeps, drops or finds account numbers), surrogates (which make new ones that
pass the same checks) and the Presidio integration (which names an account number's form).
"""

from __future__ import annotations

import re

# countries whose account numbers are IBANs (SWIFT registry and the common experimental ones)
IBAN_COUNTRIES = frozenset({
    "AD", "AE", "AL", "AO", "AT", "AZ", "BA", "BE", "BF", "BG", "BH", "BI", "BJ", "BR", "BY", "CF", "CG",
    "CH", "CI", "CM", "CR", "CV", "CY", "CZ", "DE", "DJ", "DK", "DO", "DZ", "EE", "EG", "ES", "FI", "FK",
    "FO", "FR", "GA", "GB", "GE", "GI", "GL", "GQ", "GR", "GT", "GW", "HN", "HR", "HU", "IE", "IL", "IQ",
    "IR", "IS", "IT", "JO", "KM", "KW", "KZ", "LB", "LC", "LI", "LT", "LU", "LV", "LY", "MA", "MC", "MD",
    "ME", "MG", "MK", "ML", "MN", "MR", "MT", "MU", "MZ", "NE", "NI", "NL", "NO", "OM", "PK", "PL", "PS",
    "PT", "QA", "RO", "RS", "RU", "SA", "SC", "SD", "SE", "SI", "SK", "SM", "SN", "SO", "ST", "SV", "TD",
    "TG", "TL", "TN", "TR", "UA", "VA", "VG", "XK", "YE",
})  # fmt: skip
# an IBAN without its spaces: country, check digits, 11-30 letters and digits of the national number
IBAN = re.compile(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}")
# a card number grouped as cards print it: 4-4-4-4(-1..3) or American Express's 4-6-5
CARD = re.compile(r"\d{4}([ -])\d{4}\1\d{4}\1\d{4}(?:\1\d{1,3})?|\d{4}([ -])\d{6}\2\d{5}")
# card numbers (13-19 digits, grouped by spaces or dashes or not) and IBANs (grouped by 4 or not) in text
ACCOUNT_IN_TEXT = re.compile(
    r"(?<![\w-])(?:\d{4}([ -]?)\d{4}\1\d{4}\1\d{1,4}(?:\1\d{1,3})?|\d{4}([ -]?)\d{6}\2\d{5}|"
    r"[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?)(?![\w-])"
)


def is_iban(compact: str) -> bool:
    """An IBAN by its form, its country and its check digits; ``compact``: upper case, no spaces or dashes."""
    return bool(IBAN.fullmatch(compact)) and compact[:2] in IBAN_COUNTRIES and iban_ok(compact)


def iban_ok(iban: str) -> bool:
    """The ISO 13616 check: the IBAN with its first four characters moved to the end is 1 modulo 97."""
    return _as_number(iban[4:] + iban[:4]) % 97 == 1


def iban_check_digits(iban: str) -> str:
    """The two check digits that make ``iban`` (whose own check digits are ignored) pass ``iban_ok``."""
    return f"{98 - _as_number(iban[4:] + iban[:2] + '00') % 97:02d}"


def _as_number(s: str) -> int:
    """Digits as themselves and letters as 10..35, read as one decimal number (ISO 13616)."""
    return int("".join(str(int(c, 36)) for c in s))


def luhn_ok(digits: str) -> bool:
    """The Luhn check digit that every payment card number carries."""
    total = 0
    for k, d in enumerate(int(c) for c in reversed(digits)):
        total += d if k % 2 == 0 else (2 * d if d < 5 else 2 * d - 9)
    return total % 10 == 0


def is_card(number: str) -> bool:
    """A payment card number: grouped as cards are printed (4-4-4-4, 4-6-5), or ungrouped with a card network's
    first digit and a valid Luhn digit. Grouped numbers need no Luhn check: people who write a card number by
    hand mistype it or make one up, and nothing else is printed in those groups."""
    if CARD.fullmatch(number):
        return True
    compact = re.sub(r"[ -]", "", number)
    return compact.isdigit() and 13 <= len(compact) <= 19 and compact[0] in "3456" and luhn_ok(compact)
