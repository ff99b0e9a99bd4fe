"""Surrogates: realistic fakes of a detected value, of the same category and in a chosen Faker locale.

Each surrogate is drawn from a random generator seeded with the HMAC of (label, locale, value, attempt)
under the key (``KeyRing.surrogate_seed``), so the same value always gives the same surrogate under the same
key, and nobody without the key can link the two. The format is kept where it matters:

- ``private_person``: as many names as words, the last a surname, in the value's case (all upper, all lower);
- ``private_email``: a valid address at ``example.com``, ``.org`` or ``.net`` (reserved domains);
- ``private_phone``: every digit replaced, the count, grouping, separators and ``+`` country code kept;
- ``account_number``: letters and digits replaced, separators kept; an IBAN stays a valid IBAN of the same
  country, a number that passes the Luhn check (cards) still passes it;
- ``private_date``: numbers replaced by plausible ones of the same width (years 1940-2015; days and months
  that stay valid read either way round), month names (English, German, French, Spanish, Italian,
  Portuguese, Dutch) by other month names of the same language;
- ``private_address``: a Faker street, then postcode and city, then country, one per comma-separated part
  or line of the value;
- ``private_url``: a Faker domain, the scheme, ``www.`` and the presence of a path kept;
- ``secret`` and any other label: every letter and digit replaced by a random one of the same kind, a short
  prefix such as ``sk-`` or ``ghp_`` kept.

``SurrogateMaker.surrogate`` retries with the next attempt number until the candidate is acceptable to the
caller (for example differs from every original in the document): still deterministic.
"""

from __future__ import annotations

import calendar
import random
import re
import string
from collections.abc import Callable

from pare.pii.checksums import IBAN, iban_check_digits, luhn_ok
from pare.pii.keys import KeyRing

MAX_ATTEMPTS = 64
_ASCII_DIGITS = frozenset(string.digits)
_SEPARATORS = frozenset(" -")
_SECRET_PREFIX = re.compile(r"^[A-Za-z]{2,4}[-_]")
_URL = re.compile(r"(?i)([a-z][a-z0-9+.-]*://)?(www\.)?([^/?#\s]*)(.*)", re.S)
_DATE_TOKEN = re.compile(r"(\d+)(st|nd|rd|th)?|[^\W\d_]+")


def _words(names: str) -> tuple[str, ...]:
    return tuple(names.split())


# month names, lower case: English (full, abbreviated), then the other languages of pare's synthetic data
_MONTH_NAMES: tuple[tuple[str, ...], ...] = (
    tuple(calendar.month_name[m].lower() for m in range(1, 13)),
    tuple(calendar.month_abbr[m].lower() for m in range(1, 13)),
    _words("januar februar märz april mai juni juli august september oktober november dezember"),
    _words("janvier février mars avril mai juin juillet août septembre octobre novembre décembre"),
    _words("enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"),
    _words("gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre"),
    _words("janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro"),
    _words("januari februari maart april mei juni juli augustus september oktober november december"),
)
_EMAIL_DOMAINS = ("example.com", "example.org", "example.net")

Maker = Callable[[str, object, random.Random], str]


class SurrogateMaker:
    """Deterministic surrogates under one key; keeps one Faker per locale."""

    def __init__(self, keys: KeyRing) -> None:
        self._keys = keys
        self._fakers: dict[str, object] = {}

    def _faker(self, locale: str, seed: int):
        if locale not in self._fakers:
            from faker import Faker

            self._fakers[locale] = Faker(locale)
        fake = self._fakers[locale]
        fake.seed_instance(seed)  # type: ignore[attr-defined]
        return fake

    def candidate(self, label: str, value: str, locale: str = "en_US", attempt: int = 0) -> str:
        """The ``attempt``-th surrogate of ``value`` (module docstring)."""
        seed = self._keys.surrogate_seed(label, locale, value, str(attempt))
        rng = random.Random(seed)
        fake = self._faker(locale, int.from_bytes(seed[:8], "big"))
        return _MAKERS.get(label, _characters)(value, fake, rng)

    def surrogate(
        self, label: str, value: str, acceptable: Callable[[str], bool], locale: str = "en_US"
    ) -> str:
        """The first ``candidate`` (attempt 0, 1, ...) that ``acceptable`` takes; after ``MAX_ATTEMPTS``
        (a value with too few possible fakes), ``<LABEL_HEX>`` from the keyed seed."""
        for attempt in range(MAX_ATTEMPTS):
            out = self.candidate(label, value, locale, attempt)
            if out and acceptable(out):
                return out
        for attempt in range(MAX_ATTEMPTS, 2 * MAX_ATTEMPTS):
            out = f"<{label.upper()}_{self._keys.surrogate_seed(label, locale, value, str(attempt)).hex()[:12]}>"
            if acceptable(out):
                return out
        raise RuntimeError("no acceptable surrogate")  # unreachable in practice: 64 random 48-bit tokens


def _characters(value: str, fake: object, rng: random.Random, keep: int = 0) -> str:
    """Every letter and digit after the first ``keep`` characters replaced by a random one of its kind."""
    out = list(value)
    for i in range(keep, len(value)):
        c = value[i]
        if c in _ASCII_DIGITS or c.isdigit():
            out[i] = rng.choice(string.digits)
        elif c.isupper():
            out[i] = rng.choice(string.ascii_uppercase)
        elif c.isalpha():
            out[i] = rng.choice(string.ascii_lowercase)
    return "".join(out)


def _in_case_of(template: str, text: str) -> str:
    if template.isupper():
        return text.upper()
    return text.lower() if template.islower() else text


def _person(value: str, fake, rng: random.Random) -> str:
    words = value.split()
    names = [fake.first_name() for _ in words[:-1]] + [
        fake.first_name() if len(words) < 2 else fake.last_name()
    ]
    return _in_case_of(value, " ".join(names))


def _email(value: str, fake, rng: random.Random) -> str:
    local = re.sub(r"[^a-z0-9._-]", "", fake.user_name().lower()).strip("._-") or "user"
    return _in_case_of(value, f"{local}@{rng.choice(_EMAIL_DOMAINS)}")


def _country_code_length(value: str) -> int:
    """Digits of the ``+CC`` (or ``00CC``) country code that starts ``value``, else 0."""
    import phonenumbers

    compact = re.sub(r"[^\d+]", "", value)
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    if not compact.startswith("+"):
        return 0
    try:
        return len(str(phonenumbers.parse(compact, None).country_code))
    except phonenumbers.NumberParseException:
        return 0


def _phone(value: str, fake, rng: random.Random) -> str:
    keep = _country_code_length(value) + (2 if value.lstrip().startswith("00") else 0)
    out = list(value)
    positions = [i for i, c in enumerate(value) if c in _ASCII_DIGITS]
    for k, i in enumerate(positions[keep:]):
        if k == 0:  # the first national digit: a trunk 0 stays 0, anything else a plausible 2-9
            out[i] = "0" if value[i] == "0" else rng.choice("23456789")
        else:
            out[i] = rng.choice(string.digits)
    return "".join(out)


def _account(value: str, fake, rng: random.Random) -> str:
    positions = [i for i, c in enumerate(value) if c not in _SEPARATORS]
    compact = "".join(value[i] for i in positions).upper()
    if IBAN.fullmatch(compact) and iban_check_digits(compact) == compact[2:4]:
        out = list(_characters(value, fake, rng))
        for k in range(2):
            out[positions[k]] = value[positions[k]]
        new = "".join(out[i] for i in positions).upper()
        out[positions[2]], out[positions[3]] = iban_check_digits(new)
        return "".join(out)
    out = list(_characters(value, fake, rng))
    if compact.isdigit() and 12 <= len(compact) <= 19 and luhn_ok(compact):
        last = positions[-1]
        for d in string.digits:
            out[last] = d
            if luhn_ok("".join(out[i] for i in positions)):
                break
    return "".join(out)


def _date_number(digits: str, rng: random.Random) -> str:
    n, v = len(digits), int(digits)
    if n == 4:
        return str(rng.randint(1940, 2015))
    if n == 1:
        return str(rng.randint(1, 9))
    if n == 2 and v <= 12:
        return f"{rng.randint(1, 12):02d}"
    if n == 2 and v <= 31:
        return str(rng.randint(13, 28))
    return "".join(rng.choice(string.digits) for _ in digits)


def _ordinal(n: int) -> str:
    return "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _date(value: str, fake, rng: random.Random) -> str:
    def swap(m: re.Match) -> str:
        if m.group(1) is not None:
            if m.group(2) is None:
                return _date_number(m.group(1), rng)
            day = rng.randint(1, 28)
            return f"{day}{_in_case_of(m.group(2), _ordinal(day))}"
        word = m.group()
        for names in _MONTH_NAMES:
            if word.lower() in names:
                other = rng.choice([n for n in names if n != word.lower()])
                return (
                    other.capitalize()
                    if word[:1].isupper() and not word.isupper()
                    else _in_case_of(word, other)
                )
        return word

    return _DATE_TOKEN.sub(swap, value)


def _address_parts(fake, n: int, has_digits: bool) -> list[str]:
    if n == 1:
        return [fake.street_address() if has_digits else fake.city()]
    parts = [fake.street_address(), f"{fake.postcode()} {fake.city()}", fake.country()]
    return (parts + [fake.city() for _ in range(n)])[:n]


def _address(value: str, fake, rng: random.Random) -> str:
    sep = "\n" if "\n" in value else ","
    pieces = re.split(r"(\r?\n\s*)" if sep == "\n" else r"(,\s*)", value)
    parts, glue = pieces[::2], pieces[1::2]
    fakes = [p.replace("\n", ", ") for p in _address_parts(fake, len(parts), any(c.isdigit() for c in value))]
    out = [fakes[0]]
    for g, part in zip(glue, fakes[1:], strict=True):
        out += [g, part]
    return _in_case_of(value, "".join(out))


def _url(value: str, fake, rng: random.Random) -> str:
    scheme, www, _, rest = _URL.fullmatch(value).groups()  # type: ignore[union-attr]
    path = rest if rest.strip("/") == "" else "/" + fake.uri_path()
    return f"{scheme or ''}{www or ''}{fake.domain_name()}{path}"


def _secret(value: str, fake, rng: random.Random) -> str:
    prefix = _SECRET_PREFIX.match(value)
    return _characters(value, fake, rng, keep=prefix.end() if prefix else 0)


_MAKERS: dict[str, Maker] = {
    "private_person": _person,
    "private_email": _email,
    "private_phone": _phone,
    "account_number": _account,
    "private_date": _date,
    "private_address": _address,
    "private_url": _url,
    "secret": _secret,
}
