"""Values of the world family: names of many nationalities, addresses of 44 countries, phone numbers of 53
regions, dates in 32 written forms, personal and public URLs with and without a scheme, and hard negatives.

A ``WorldFiller`` belongs to one document; every draw comes from its ``random.Random`` or from a Faker
instance reseeded from it just before the draw, so a document depends only on its seed, never on which
documents came before or on the order Faker instances were built. Each value carries its label: most kinds
have a fixed one, but ``who`` (a chat speaker) is a name in some documents and a role ("Agent") in others.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import string
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import phonenumbers
from faker import Faker
from phonenumbers import PhoneNumberFormat, PhoneNumberType

from pare.data.synth.values import Filler, stable_faker
from pare.data.synth.world_tables import (
    ADDRESS_FORMATS,
    AMOUNTS,
    CITIES,
    COMPANY_STEMS,
    COUNTRIES,
    DATE_FORMS,
    DURATIONS,
    EXAMPLE_DOMAINS,
    FAMILY_FIRST,
    FILES,
    HAND_NAMES,
    JOINED_FAMILY_FIRST,
    MAIL_DOMAINS,
    MAILBOX_WORDS,
    NAME_SOURCES,
    NATIVE_NAME_SOURCES,
    NATIVE_NEGATIVE_LOCALES,
    NATIVE_NEGATIVE_SHARE,
    OFFICES,
    OPENERS,
    ORGS,
    PERSONAL_TLDS,
    PERSONAL_URLS,
    PHONE_REGIONS,
    PLACES,
    PRODUCTS,
    PRONOUNS,
    PUBLIC_PIECES,
    PUBLIC_URLS,
    RELATIVE_DAYS,
    ROLE_PAIRS,
    TITLES_FEMALE,
    TITLES_MALE,
    TRANSLIT,
    AddressFormat,
    is_native,
)

PERSON = "private_person"
# kind -> the label its values carry (``who``: a name, or no label when the document's speakers are roles).
WORLD_KINDS: dict[str, str | None] = {
    "name": PERSON, "first": PERSON, "last": PERSON, "who": PERSON,
    "email": "private_email", "phone": "private_phone", "url": "private_url",
    "address": "private_address", "address_block": "private_address", "street": "private_address",
    "pobox": "private_address", "date": "private_date", "birth_date": "private_date",
    "iban": "account_number", "card": "account_number", "account": "account_number",
    "password": "secret", "api_key": "secret",
    "title": None, "opener": None, "pronoun": None, "office": None, "role": None, "org": None,
    "product": None, "place": None, "city": None, "country": None, "year": None, "amount": None,
    "postcode": None, "version": None, "order_id": None, "ticket": None, "public_url": None, "time": None,
    "public_date": None, "relday": None, "duration": None, "num": None,
}  # fmt: skip
# Kinds written in lower or upper case with the document's casing (chat in lower case, envelopes in capitals).
LOWERABLE = frozenset(
    {"name", "first", "last", "who", "title", "address", "address_block", "street", "pobox", "date",
     "birth_date", "public_date", "city", "country", "org", "place", "product", "opener", "pronoun",
     "office", "role", "relday", "email"}
)  # fmt: skip
UPPERABLE = frozenset(
    {"name", "last", "who", "address", "address_block", "street", "pobox", "date", "birth_date", "city"}
)
# Letters that NFKD does not reduce to ASCII.
_FOLD = str.maketrans({"ı": "i", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "ß": "ss", "ł": "l", "Ł": "L",
                       "đ": "d", "Đ": "D", "ð": "d", "þ": "th", "ə": "e", "Ə": "E", "œ": "oe"})  # fmt: skip
_IBAN_LOCALES = ("en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL", "pl_PL", "pt_PT", "ro_RO", "no_NO",
                 "da_DK", "fi_FI", "cs_CZ", "tr_TR", "de_AT", "de_CH", "nl_BE", "el_GR", "en_IE", "pt_BR")  # fmt: skip
_COUNTRY_WEIGHTS = {"US": 6, "GB": 5, "CA": 2.5, "AU": 2.5, "IN": 3, "IE": 1.5, "NZ": 1.5, "NG": 2, "KE": 1.5,
                    "ZA": 1.5, "PH": 1.5, "SG": 1}  # fmt: skip
_POBOX_FORMATS = tuple(f for f in ADDRESS_FORMATS if f.pobox)
_NUMBER_TOKEN = re.compile(r"\{(n{1,5}|l)\}")
_NUMBER_RANGES = {
    "n": (1, 9),
    "nn": (10, 99),
    "nnn": (100, 999),
    "nnnn": (1000, 9999),
    "nnnnn": (10000, 99999),
}


@dataclass(frozen=True)
class Value:
    """A placeholder's text and the label of its span (None: a look-alike that is never labelled)."""

    text: str
    label: str | None


@dataclass
class Persona:
    """One person of a document: ``{name}``, ``{first}``, ``{email}`` with the same index agree."""

    source: str
    female: bool
    first: str
    last: str
    middle: str
    title: str
    family_first: bool

    @property
    def native(self) -> bool:
        return is_native(self.source)

    def latin_names(self) -> tuple[str, str]:
        """First and last name for addresses and URLs: names in their own script transliterated where pare
        can (Cyrillic, Greek); the others as they are."""
        if self.native:
            return transliterate(self.first), transliterate(self.last)
        return self.first, self.last


@dataclass(frozen=True)
class Casing:
    """How often a document writes a caseable value in lower or upper case."""

    lower: float = 0.03
    upper: float = 0.05


class FakerPool:
    """Faker instances by locale, built once per process (building one takes tens of milliseconds) and
    reseeded from the document's generator before every draw, so reuse never changes the output."""

    def __init__(self) -> None:
        self._fakers: dict[str, Faker] = {}

    def draw(self, locale: str, rng: random.Random) -> Faker:
        fake = self._fakers.get(locale)
        if fake is None:
            fake = self._fakers[locale] = stable_faker(locale)
        fake.seed_instance(rng.getrandbits(64))
        return fake


POOL = FakerPool()


def ascii_fold(text: str) -> str:
    """``text`` without diacritics (``Müller`` -> ``Muller``): people often type names that way."""
    plain = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(c for c in plain if not unicodedata.combining(c))


def transliterate(text: str) -> str:
    """Romanize Cyrillic or Greek letters (``Сорокина`` -> ``Sorokina``); other characters are kept."""
    out = []
    for c in unicodedata.normalize("NFD", text):
        if unicodedata.combining(c):
            continue
        low = TRANSLIT.get(c.lower())
        out.append(c if low is None else (low.capitalize() if c.isupper() else low))
    return "".join(out)


def slugify(text: str, sep: str = "") -> str:
    """ASCII lower-case words of ``text`` joined by ``sep``, for e-mail addresses and URLs."""
    words = re.split(r"[\s\-']+", ascii_fold(text).lower())
    return sep.join(
        w for w in ("".join(c for c in word if c.isalnum() and c.isascii()) for word in words) if w
    )


def weighted(rng: random.Random, items: Sequence[tuple[str, float]]) -> str:
    """One key of ``(key, weight)`` pairs."""
    return rng.choices([k for k, _ in items], [w for _, w in items])[0]


class WorldFiller:
    """Makes the values of one world document. ``roles``: chat speakers are roles, not names; ``records``:
    names may be written as records write them (``Last, First``, ``LAST First``), as forms and letters do;
    ``native_scripts``: some names, cities, countries and organisations are written in their own script."""

    def __init__(
        self,
        rng: random.Random,
        casing: Casing = Casing(),
        roles: bool = False,
        records: bool = False,
        native_scripts: bool = False,
    ) -> None:
        self.rng = rng
        self.native_scripts = native_scripts
        self.name_sources = NAME_SOURCES + NATIVE_NAME_SOURCES if native_scripts else NAME_SOURCES
        self.casing = casing
        self.roles = roles
        self.records = records
        self.personas: dict[str, Persona] = {}
        self.values: dict[str, Value] = {}
        self.role_pair = rng.choice(ROLE_PAIRS)
        self.makers: dict[str, Callable[[str], str]] = {
            "name": self.name, "first": lambda i: self.persona(i).first, "last": lambda i: self.persona(i).last,
            "title": lambda i: self.persona(i).title, "email": self.email, "phone": self.phone,
            "url": self.url, "address": self.address, "address_block": self.address_block,
            "street": self.street, "pobox": self.pobox,
            "date": lambda i: self.date(dt.date(2019, 1, 1), dt.date(2027, 12, 31)),
            "birth_date": lambda i: self.date(dt.date(1935, 1, 1), dt.date(2008, 12, 31)),
            "public_date": lambda i: self.date(dt.date(1900, 1, 1), dt.date(2026, 12, 31)),
            "iban": self.iban, "card": self.card, "account": self.account,
            "password": lambda i: self.secret(0.9), "api_key": lambda i: self.secret(0.1), "opener": lambda i: rng.choice(OPENERS),
            "pronoun": lambda i: rng.choice(PRONOUNS), "office": lambda i: rng.choice(OFFICES),
            "role": self.role, "org": lambda i: self.native("company", ORGS), "product": lambda i: rng.choice(PRODUCTS),
            "place": lambda i: self.native("city", PLACES), "city": self.city,
            "country": lambda i: self.native("country", COUNTRIES),
            "year": self.year, "amount": self.amount, "postcode": self.postcode, "version": self.version,
            "order_id": self.order_id, "ticket": self.ticket, "public_url": self.public_url, "time": self.clock,
            "relday": lambda i: rng.choice(RELATIVE_DAYS), "duration": lambda i: rng.choice(DURATIONS),
            "num": lambda i: str(rng.randint(2, 60)),
        }  # fmt: skip

    def value(self, name: str, kind: str) -> Value:
        """The value of placeholder ``name`` (``name_2``) of ``kind``; the same name gives the same value."""
        if name not in self.values:
            index = name[len(kind) :]
            if kind == "who":
                text, label = self.who(index)
            else:
                text, label = self.makers[kind](index), WORLD_KINDS[kind]
            self.values[name] = Value(self.cased(text, kind), label)
        return self.values[name]

    def cased(self, text: str, kind: str) -> str:
        r = self.rng.random()
        if kind in LOWERABLE and r < self.casing.lower:
            return text.lower()
        if kind in UPPERABLE and r > 1 - self.casing.upper:
            return text.upper()
        return text

    def chars(self, alphabet: str, n: int) -> str:
        return "".join(self.rng.choice(alphabet) for _ in range(n))

    def numbers(self, pattern: str) -> str:
        """Fill ``{n}``..``{nnnnn}`` and ``{l}`` of an address pattern; ``#``/``?`` stay for postcodes."""

        def one(match: re.Match[str]) -> str:
            token = match.group(1)
            return (
                self.rng.choice("ABCDEFGH") if token == "l" else str(self.rng.randint(*_NUMBER_RANGES[token]))
            )

        return _NUMBER_TOKEN.sub(one, pattern)

    def pattern(self, pattern: str) -> str:
        """A postcode-like pattern: ``#`` a digit, ``?`` an upper-case letter."""
        return "".join(
            self.rng.choice(string.digits)
            if c == "#"
            else self.rng.choice(string.ascii_uppercase)
            if c == "?"
            else c
            for c in pattern
        )

    # --- people ---

    def persona(self, index: str) -> Persona:
        if index not in self.personas:
            source = weighted(self.rng, self.name_sources)
            female = self.rng.random() < 0.5
            first, last = self.draw_name(source, female)
            middle, _ = self.draw_name(source, female)
            # typed without diacritics; not other scripts (NFKD takes Hangul apart into letters)
            folded = self.rng.random() < 0.15
            if folded and not is_native(source):
                first, last, middle = ascii_fold(first), ascii_fold(last), ascii_fold(middle)
            title = self.rng.choice(TITLES_FEMALE if female else TITLES_MALE)
            family_first = source in FAMILY_FIRST and self.rng.random() < 0.5
            self.personas[index] = Persona(source, female, first, last, middle, title, family_first)
        return self.personas[index]

    def draw_name(self, source: str, female: bool) -> tuple[str, str]:
        """A (given name, family name) pair from one name source, in Latin script unless it is "native:"."""
        if source in HAND_NAMES:
            male_names, female_names, family = HAND_NAMES[source]
            return self.rng.choice(female_names if female else male_names), self.rng.choice(family)
        kind, _, locale = source.rpartition(":")
        fake = POOL.draw(locale, self.rng)
        sex = "female" if female else "male"
        if kind == "roman":
            first = getattr(fake, f"first_romanized_name_{sex}", fake.first_romanized_name)()
            return first.title(), fake.last_romanized_name().title()
        first = getattr(fake, f"first_name_{sex}", fake.first_name)()
        last = getattr(fake, f"last_name_{sex}", fake.last_name)()
        if kind == "translit":
            return transliterate(first), transliterate(last)
        return first, last

    def name(self, index: str) -> str:
        """A full name in one of the ways people write it: initials, middle names, surname first, two
        surnames, and in records ``Last, First``."""
        p, r = self.persona(index), self.rng.random()
        first, last = p.first, p.last
        if p.source in JOINED_FAMILY_FIRST:
            return f"{last}{first}"
        if p.family_first and r < 0.6:
            return f"{last} {first}"
        if not self.records and (0.77 <= r < 0.80 or 0.88 <= r < 0.93):
            r = 0.0  # prose writes "First Last", not "Last, First"
        forms = (
            (0.50, lambda: f"{first} {last}"),
            (0.58, lambda: f"{first} {p.middle} {last}"),
            (0.65, lambda: f"{first[0]}. {last}"),
            (0.71, lambda: f"{first} {p.middle[0]}. {last}"),
            (0.77, lambda: f"{first[0]}.{p.middle[0]}. {last}"),
            (0.80, lambda: f"{last}, {first}"),
            (0.84, lambda: f"{first} {last}-{self.draw_name(p.source, p.female)[1]}"),
            (0.88, lambda: f"{first} {last} {self.draw_name(p.source, p.female)[1]}"),
            (0.93, lambda: f"{last.upper()} {first}"),
            (0.97, lambda: f"{first} {last} {self.rng.choice(('Jr', 'Sr', 'II', 'III'))}"),
            (1.01, lambda: f"{first} {last}"),
        )
        return next(make for bound, make in forms if r < bound)()

    def who(self, index: str) -> tuple[str, str | None]:
        """A chat speaker: a role ("Agent", "Customer": never labelled) or the speaker's first name."""
        if self.roles:
            return self.role(index), None
        p = self.persona(index)
        return (p.first if self.rng.random() < 0.75 else f"{p.first} {p.last[0]}."), PERSON

    def role(self, index: str) -> str:
        return self.role_pair[1 if index.lstrip("_") in ("2", "4") else 0]

    # --- contact details ---

    def email(self, index: str) -> str:
        latin_first, latin_last = self.persona(index).latin_names()
        first, last = slugify(latin_first) or "me", slugify(latin_last) or "mail"
        year = self.rng.choice((str(self.rng.randint(60, 99)), str(self.rng.randint(1970, 2008)), ""))
        local = self.rng.choice(
            (f"{first}.{last}", f"{first[0]}{last}", f"{first}_{last}", f"{first}{last}{year}", f"{first}.{last[0]}",
             f"{last}.{first}", f"{first}{year}", f"{last}{first[0]}", f"{first}-{last}")
        )  # fmt: skip
        if self.rng.random() < 0.25:
            local = self.mailbox(first)
        email = f"{local}@{self.mail_domain(last)}"
        return email.title() if self.rng.random() < 0.02 else email

    def mailbox(self, first: str) -> str:
        """A mailbox not made of a full name: a role, a numbered account, a handle, a tagged address."""
        word, other = self.rng.sample(MAILBOX_WORDS, 2)
        n = str(self.rng.randint(1, 99) if self.rng.random() < 0.7 else self.rng.randint(100, 9999))
        return self.rng.choice(
            (word, f"{word}{n}", f"{word}.{other}", f"{word}{n}.{other}", f"{word}_{n}", f"{first}.{word}",
             f"{first}+{word}", f"{word}-{first}", f"{first}{n}")
        )  # fmt: skip

    def mail_domain(self, last: str) -> str:
        r = self.rng.random()
        if r < 0.62:
            return self.rng.choice(MAIL_DOMAINS)
        if r < 0.8:
            return f"{self.rng.choice(COMPANY_STEMS)}.{self.rng.choice(PERSONAL_TLDS)}"
        if r < 0.9:
            return f"{last}.{self.rng.choice(('family', 'name', 'me', 'net'))}"
        stem = self.rng.choice(EXAMPLE_DOMAINS + COMPANY_STEMS)
        digit = str(self.rng.randint(0, 9)) if self.rng.random() < 0.5 else ""
        return f"{stem}{digit}.{self.rng.choice(('org', 'com', 'net'))}"

    def phone(self, index: str) -> str:
        """A valid number of a weighted region, written in one of the ways people write numbers."""
        return self.phone_form(self.phone_number(weighted(self.rng, PHONE_REGIONS)))

    def phone_number(self, region: str) -> phonenumbers.PhoneNumber:
        """A valid mobile or fixed-line number of ``region``: its example number with new trailing digits
        (the example itself when six tries give no valid number)."""
        kind = PhoneNumberType.MOBILE if self.rng.random() < 0.65 else PhoneNumberType.FIXED_LINE
        example = phonenumbers.example_number_for_type(region, kind) or phonenumbers.example_number(region)
        digits = str(example.national_number)
        k = min(4, len(digits) - 3)
        for _ in range(6):
            candidate = phonenumbers.PhoneNumber(
                country_code=example.country_code,
                national_number=int(digits[:-k] + self.chars(string.digits, k)),
                italian_leading_zero=example.italian_leading_zero,
            )
            if phonenumbers.is_valid_number(candidate):
                return candidate
        return example

    def phone_form(self, number: phonenumbers.PhoneNumber) -> str:
        """National or international form, E.164, with 00, with ``(0)``, or with other separators."""
        national = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
        intl = phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
        r = self.rng.random()
        if r < 0.32:
            return national
        if r < 0.62:
            return intl
        if r < 0.72:
            return phonenumbers.format_number(number, PhoneNumberFormat.E164)
        if r < 0.77:
            return "00" + intl[1:]
        if r < 0.82 and national.startswith("0"):
            return f"+{number.country_code} (0){national[1:]}"
        sep = self.rng.choice(("-", ".", " ", ""))
        plain = national if r < 0.91 else intl
        return re.sub(r"[\s.\-]+", sep, plain.replace("(", "").replace(")", ""))

    def url(self, index: str) -> str:
        p = self.persona(index)
        latin_first, latin_last = p.latin_names()
        first, last = slugify(latin_first) or "me", slugify(latin_last) or "home"
        cap = f"{ascii_fold(latin_first).title()}-{ascii_fold(latin_last).title()}".replace(" ", "-")
        fields = {
            "slug": f"{first}-{last}", "slugplain": f"{first}{last}", "slugdot": f"{first}.{last}",
            "slugcap": f"{first.title()}-{last.title()}" if p.native and not cap.isascii() else cap,
            "user": self.rng.choice((f"{first}{last}", f"{first}.{last}", f"{first}_{last[0]}", f"{first[0]}{last}",
                                     f"{first}{self.rng.randint(1, 99)}", f"{last}.{first}")),
            "tld": self.rng.choice(PERSONAL_TLDS), "file": self.rng.choice(FILES),
        }  # fmt: skip
        return self.with_scheme(self.rng.choice(PERSONAL_URLS), fields)

    def with_scheme(self, pattern: str, fields: dict[str, str]) -> str:
        """Fill a URL pattern and prefix ``https://``, ``http://`` or nothing (``www.`` where the site has it)."""
        scheme = self.rng.choices(("https://", "http://", ""), (0.5, 0.15, 0.35))[0]
        filled = dict(fields)
        filled.update(
            www="www." if self.rng.random() < 0.45 else "", slash="/" if self.rng.random() < 0.2 else ""
        )
        filled.setdefault("company", self.rng.choice(COMPANY_STEMS))
        alnum = string.ascii_letters + string.digits

        def token(match: re.Match[str]) -> str:
            key = match.group(1)
            if key in filled:
                return filled[key]
            size = int(re.sub(r"\D", "", key) or 8)
            alphabet = (
                string.digits
                if key.startswith("digits")
                else "0123456789abcdef"
                if key.startswith("hex")
                else alnum
            )
            return self.chars(alphabet, size)

        return scheme + re.sub(r"\{([a-z0-9]+)\}", token, pattern)

    # --- addresses ---

    def address_format(self) -> AddressFormat:
        weights = [_COUNTRY_WEIGHTS.get(f.code, 1.0) for f in ADDRESS_FORMATS]
        return self.rng.choices(ADDRESS_FORMATS, weights)[0]

    def pieces(self, fmt: AddressFormat) -> dict[str, str]:
        """Street, city, postcode, region, abbreviation and district of one address of ``fmt``'s country."""
        pieces = {"street": "", "city": "", "postcode": "", "region": "", "abbr": "", "district": ""}
        if fmt.locale is not None:
            pieces.update(self.faker_pieces(fmt))
        for key, options in fmt.hand:
            pieces[key] = self.numbers(self.rng.choice(options))
        if fmt.postcode:
            pieces["postcode"] = self.pattern(fmt.postcode)
        if fmt.real and self.rng.random() < 0.5:
            city, region = self.rng.choice(fmt.real)
            pieces.update(city=city, **({"region": region, "abbr": region} if region else {}))
        return pieces

    def faker_pieces(self, fmt: AddressFormat) -> dict[str, str]:
        fake = POOL.draw(fmt.locale or "en_US", self.rng)
        street = ", ".join(" ".join(line.split()).strip(" ,") for line in fake.street_address().splitlines())
        if not any(c.isdigit() for c in street):
            street += f" {self.rng.randint(1, 150)}"
        postcode = fake.postcode()
        if fmt.code == "NL" and len(postcode) == 6 and self.rng.random() < 0.7:
            postcode = f"{postcode[:4]} {postcode[4:]}"
        if fmt.code == "CA" and len(postcode) == 6 and self.rng.random() < 0.7:
            postcode = f"{postcode[:3]} {postcode[3:]}"
        abbr_method = {"en_CA": "province_abbr", "pt_BR": "estado_sigla"}.get(fmt.locale or "", "state_abbr")
        pieces = {"street": street, "city": fake.city(), "postcode": postcode}
        pieces["region"] = fake.administrative_unit() if hasattr(fake, "administrative_unit") else ""
        pieces["abbr"] = getattr(fake, abbr_method)() if hasattr(fake, abbr_method) else pieces["region"]
        if hasattr(fake, "bairro"):
            pieces["district"] = fake.bairro()
        return pieces

    def address_lines(
        self, country: float, pobox: float = 0.12, fmt: AddressFormat | None = None
    ) -> list[str]:
        """The lines of one postal address; a P.O.-box line replaces the street with chance ``pobox``, a
        country line ends it with chance ``country``."""
        fmt = fmt or self.address_format()
        pieces = self.pieces(fmt)
        unit = self.numbers(self.rng.choice(fmt.units)) if fmt.units and self.rng.random() < 0.35 else ""
        box = bool(fmt.pobox) and self.rng.random() < pobox
        lines: list[str] = []
        for pattern in self.rng.choice(fmt.layouts):
            if box and "{street}" in pattern:
                line = self.numbers(self.rng.choice(fmt.pobox)).replace("{postcode}", pieces["postcode"])
            else:
                line = pattern.format(unit=unit, **pieces)
            lines.extend(line.split("\n"))
        lines = [" ".join(line.split()).strip(" ,-/") for line in lines]
        lines = [line for line in lines if any(c.isalnum() for c in line)]
        if self.rng.random() < country:
            lines.append(self.rng.choice(fmt.countries))
        return lines

    def address(self, index: str) -> str:
        return ", ".join(self.address_lines(country=0.3))

    def address_block(self, index: str) -> str:
        return "\n".join(self.address_lines(country=0.45))

    def street(self, index: str) -> str:
        """The first line of an address: the street and number, with a flat or suite where it has one."""
        return self.address_lines(country=0.0, pobox=0.0)[0]

    def pobox(self, index: str) -> str:
        """A P.O. box alone ("PO Box 4410") or with the rest of its address on one line."""
        fmt = self.rng.choice(_POBOX_FORMATS)
        if self.rng.random() < 0.35:
            return self.numbers(self.rng.choice(fmt.pobox)).replace(
                "{postcode}", self.pieces(fmt)["postcode"]
            )
        return ", ".join(self.address_lines(country=0.25, pobox=1.0, fmt=fmt))

    def postcode(self, index: str) -> str:
        fmt = self.address_format()
        return self.pieces(fmt)["postcode"] or self.pattern("#####")

    def native(self, what: str, latin: Sequence[str]) -> str:
        """One of ``latin``, or now and then (``maybe_native``) a ``what`` in another script."""
        return self.maybe_native(what) or self.rng.choice(latin)

    def maybe_native(self, what: str) -> str | None:
        """With ``native_scripts``, now and then a Faker ``what`` (city, country, company) of a locale whose names
        are drawn in their own script: that script is not only names (words of it that are no PII)."""
        if not self.native_scripts or self.rng.random() >= NATIVE_NEGATIVE_SHARE:
            return None
        value = getattr(POOL.draw(self.rng.choice(NATIVE_NEGATIVE_LOCALES[what]), self.rng), what)()
        # Faker mixes in English ("New Щедра", "Bahrain", "عويضة Group"): only a value of that script counts
        return None if re.search(r"[A-Za-z]", value) else value

    def city(self, index: str) -> str:
        if value := self.maybe_native("city"):
            return value
        if self.rng.random() < 0.6:
            return self.rng.choice(CITIES)
        return self.pieces(self.address_format())["city"]

    # --- dates and numbers ---

    def date(self, lo: dt.date, hi: dt.date) -> str:
        day = lo + dt.timedelta(days=self.rng.randrange((hi - lo).days + 1))
        return self.rng.choice(DATE_FORMS)(day)

    def year(self, index: str) -> str:
        y = self.rng.randint(1950, 2027)
        return self.rng.choice(
            (str(y), str(y), f"'{y % 100:02d}", f"the {y // 10 * 10}s", f"FY{y}", f"Q{self.rng.randint(1, 4)} {y}",
             f"{y}/{(y + 1) % 100:02d}", f"summer {y}")
        )  # fmt: skip

    def clock(self, index: str) -> str:
        h, m = self.rng.randint(6, 21), self.rng.choice((0, 0, 15, 30, 45))
        h12 = (h - 1) % 12 + 1
        ampm = "am" if h < 12 else "pm"
        return self.rng.choice(
            (
                f"{h}:{m:02d}",
                f"{h12}:{m:02d} {ampm.upper()}",
                f"{h12}{ampm}",
                f"{h12}.{m:02d}{ampm}",
                f"{h:02d}{m:02d}h",
            )
        )

    def amount(self, index: str) -> str:
        whole, cents = (
            self.rng.choice((self.rng.randint(2, 99), self.rng.randint(100, 99999))),
            self.rng.randint(0, 99),
        )
        return self.rng.choice(AMOUNTS).format(w=whole, c=cents)

    def version(self, index: str) -> str:
        major, minor = self.rng.randint(1, 20), self.rng.randint(0, 30)
        return self.rng.choice(
            (f"{major}.{minor}.{self.rng.randint(0, 12)}", f"v{major}.{minor}", f"{major}.{minor}",
             f"iOS {self.rng.randint(14, 18)}.{self.rng.randint(0, 6)}", f"build {self.rng.randint(1000, 9999)}")
        )  # fmt: skip

    def order_id(self, index: str) -> str:
        n = self.rng.randint(10**5, 10**9)
        return self.rng.choice(
            (f"#{n}", f"ORD-{n}", f"{n}", f"A{n % 10**7:07d}", f"{self.rng.randint(100, 999)}-{n % 10**7}")
        )

    def ticket(self, index: str) -> str:
        n = self.rng.randint(1000, 999999)
        return self.rng.choice(
            (f"#{n}", f"INC{n:07d}", f"CASE-{n}", f"REQ-{self.rng.randint(2019, 2026)}-{n % 10**4:04d}")
        )

    def public_url(self, index: str) -> str:
        fields = {k: self.rng.choice(v) for k, v in PUBLIC_PIECES.items()}
        fields["asin"] = "B0" + self.chars(string.ascii_uppercase + string.digits, 8)
        return self.with_scheme(self.rng.choice(PUBLIC_URLS), fields)

    # --- account numbers and secrets ---

    def iban(self, index: str) -> str:
        iban = POOL.draw(self.rng.choice(_IBAN_LOCALES), self.rng).iban()
        return " ".join(iban[k : k + 4] for k in range(0, len(iban), 4)) if self.rng.random() < 0.5 else iban

    def card(self, index: str) -> str:
        number = POOL.draw("en_US", self.rng).credit_card_number()
        if len(number) == 16 and self.rng.random() < 0.6:
            return self.rng.choice((" ", "-")).join(number[k : k + 4] for k in range(0, 16, 4))
        return number

    def account(self, index: str) -> str:
        digits = self.chars(string.digits, self.rng.randint(8, 12))
        r = self.rng.random()
        if r < 0.15:
            return f"{digits[:2]}-{digits[2:6]}-{digits[6:]}"
        return f"{digits[:-1]}-{digits[-1]}" if r < 0.25 else digits

    def secret(self, password: float) -> str:
        """A password (with chance ``password``) or an API key, from the template family's generators."""
        filler = Filler(POOL.draw("en_US", self.rng), self.rng, "en_US")
        return filler.password("") if self.rng.random() < password else filler.api_key("")
