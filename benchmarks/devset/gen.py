"""Renders values the way people write them in each register, as ``Val`` pieces ready for a ``Doc``.

Also holds the unlabelled look-alikes (organizations, products, places, versions, order numbers ...) and the
access to real sentences.
"""

from __future__ import annotations

import random
import re

import addresses
from devvalues import Person, Values, ascii_fold
from docbuilder import Doc, Val
from realtext import Sentence

ORGS = ("Deutsche Bahn", "Barclays", "Safaricom", "Infosys", "the NHS", "Unilever", "Samsung", "IKEA",
        "Vodafone", "the World Bank", "Jumia", "Grab", "Tata Motors", "Petrobras", "Emirates", "Ryanair",
        "the Red Cross", "Airtel", "Zenith Bank", "Allegro", "Turkish Airlines", "Viettel", "Gojek",
        "the city council", "Kestrel Logistics", "Bluecedar Consulting", "Harbourview Clinic")  # fmt: skip
PRODUCTS = ("iPhone 14", "Galaxy A54", "Windows 11", "PlayStation 5", "Kindle Paperwhite", "ThinkPad X1",
            "Pixel 8", "AirPods Pro", "Excel", "WhatsApp", "Python 3.12", "Ubuntu 22.04", "Model 3")  # fmt: skip
CITIES = ("Lagos", "Hanoi", "Kraków", "Izmir", "Pune", "Nairobi", "Porto", "Ghent", "Cebu", "Bogotá",
          "Manchester", "Toronto", "Osaka", "Accra", "Dubai", "Lyon", "Leeds", "Chennai", "Durban", "Tartu",
          "Bandung", "Monterrey", "Brno", "Bergen", "Cork")  # fmt: skip
COUNTRIES = ("Ghana", "Vietnam", "Poland", "Turkey", "India", "Kenya", "Portugal", "Belgium", "Brazil",
             "Mexico", "Canada", "Japan", "Nigeria", "Ireland", "Indonesia", "Norway", "Hungary")  # fmt: skip
NATIONALITIES = ("Kenyan", "Nigerian", "Indian", "Polish", "Vietnamese", "Turkish", "Brazilian", "Irish",
                 "Mexican", "Filipino", "German", "Ghanaian")  # fmt: skip
STREETS_ONLY = ("Oxford Street", "the High Street", "Allen Avenue", "MG Road", "Nguyen Hue Street",
                "Avenida Paulista", "Kenyatta Avenue", "Queen Street")  # fmt: skip
PUBLIC_URLS = ("https://docs.python.org/3/library/json.html", "https://en.wikipedia.org/wiki/Lagos",
               "https://www.bbc.co.uk/news", "https://www.gov.uk/renew-adult-passport",
               "https://support.apple.com/en-gb/HT201236", "https://www.who.int/news",
               "www.nhs.uk/conditions/flu", "https://github.com/psf/requests/issues")  # fmt: skip
CHAT_SHORTHAND = {"you": "u", "your": "ur", "please": "pls", "thanks": "thx", "because": "cuz",
                  "okay": "ok", "tomorrow": "tmrw", "tonight": "tonite", "people": "ppl", "are": "r"}  # fmt: skip
_WORDS = re.compile(r"\b[a-z]{3,}\b")


class Gen:
    """One document's values and renderings."""

    def __init__(self, rng: random.Random, values: Values, sentences: list[Sentence]) -> None:
        self.rng = rng
        self.v = values
        self.sentences = sentences

    def pick(self, *options: str) -> str:
        return self.rng.choice(options)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    # --- names ---

    def person(self, female: bool | None = None) -> Person:
        return self.v.person(female=female)

    def kin(self, p: Person, female: str, male: str) -> str:
        return female if p.female else male

    def full(self, p: Person) -> str:
        if p.family_first and self.chance(0.7):
            return f"{p.last} {p.first}"
        return f"{p.first} {p.last}"

    def name_text(self, p: Person, form: str) -> str:
        if form == "first":
            return p.first
        if form == "initial":
            return f"{p.first[0]}. {p.last}" if self.chance(0.9) else f"{p.first[0]}{p.last[0]}"
        if form == "middle":
            middle = self.v.middle(p)
            if not middle or middle == p.first:
                return self.full(p)
            return f"{p.first} {middle[0]}. {p.last}" if self.chance(0.5) else f"{p.first} {middle} {p.last}"
        if form == "record":
            return f"{p.last.upper()}, {p.first}" if self.chance(0.5) else f"{p.last}, {p.first}"
        if form == "last":
            return p.last
        return self.full(p)

    def case(self, text: str, case: str) -> str:
        if case == "upper":
            return text.upper()
        if case == "lower":
            return text.lower()
        if case == "fold":
            return ascii_fold(text)
        if case == "lowerfold":
            return ascii_fold(text).lower()
        return text

    def name(self, p: Person, form: str | None = None, case: str = "title") -> list[Val]:
        """A name, and before it the title that some forms carry (the title is never part of the span)."""
        form = form or self.rng.choice(("full", "full", "full", "first", "middle", "initial", "title"))
        pieces: list[Val] = []
        if form in ("title", "title_full"):
            pieces.append(Val(self.v.title(p) + " "))
            form = "last" if form == "title" else "full"
        if form == "initial" and len(p.first) < 2:
            form = "full"
        pieces.append(Val(self.case(self.name_text(p, form), case), "private_person"))
        return pieces

    def chat_name(self, p: Person, form: str = "first") -> list[Val]:
        return self.name(p, form, self.pick("lower", "lowerfold", "title", "lower"))

    def he(self, p: Person) -> str:
        return "she" if p.female else "he"

    def his(self, p: Person) -> str:
        return "her" if p.female else "his"

    # --- other values ---

    def email(self, p: Person, lower: bool = False) -> Val:
        email = self.v.email(p)
        return Val(email.lower() if lower else email, "private_email")

    def phone(self, p: Person | None = None) -> Val:
        return Val(self.v.phone(p), "private_phone")

    def chat_phone(self, p: Person | None = None) -> Val:
        if self.chance(0.3):
            return Val(self.v.local_phone(), "private_phone")
        return Val(self.v.phone(p).replace("(", "").replace(")", ""), "private_phone")

    def birth(self, year: bool = True) -> Val:
        return Val(self.v.date(self.v.birth_day(), year), "private_date")

    def date(self, year: bool = True, lower: bool = False) -> Val:
        text = self.v.date(self.v.recent_day(), year)
        return Val(text.lower() if lower else text, "private_date")

    def url(self, p: Person) -> Val:
        return Val(self.v.personal_url(p), "private_url")

    def iban(self) -> Val:
        return Val(self.v.iban(), "account_number")

    def card(self) -> Val:
        return Val(self.v.card(), "account_number")

    def bank(self) -> Val:
        return Val(self.v.bank_account(), "account_number")

    def account(self) -> Val:
        return Val(self.v.account(), "account_number")

    def password(self) -> Val:
        return Val(self.v.password(), "secret")

    def api_key(self) -> Val:
        return Val(self.v.api_key(), "secret")

    def country_code(self) -> str:
        return self.rng.choice(sorted(addresses.COUNTRIES))

    def address_lines(self, code: str | None = None, country: bool | None = None) -> list[str]:
        with_country = self.chance(0.45) if country is None else country
        return addresses.address_lines(self.rng, code or self.country_code(), with_country)

    def address(self, code: str | None = None, country: bool | None = None) -> Val:
        """An address written inline (lines joined by commas)."""
        return Val(addresses.one_line(self.address_lines(code, country)), "private_address")

    def address_block(self, code: str | None = None, country: bool | None = None) -> Val:
        lines = self.address_lines(code, country)
        if self.chance(0.08):
            lines = [line.upper() for line in lines]
        return Val("\n".join(lines), "private_address")

    # --- unlabelled look-alikes ---

    def org(self) -> str:
        return self.rng.choice(ORGS)

    def city(self) -> str:
        return self.rng.choice(CITIES)

    def country(self) -> str:
        return self.rng.choice(COUNTRIES)

    def year(self) -> str:
        return str(self.rng.randint(1975, 2025))

    def version(self) -> str:
        return f"{self.rng.randint(1, 17)}.{self.rng.randint(0, 12)}.{self.rng.randint(0, 30)}"

    def order_ref(self) -> str:
        v = self.v
        return self.rng.choice(
            (f"#{v.digits(3)}-{v.digits(7)}-{v.digits(7)}", f"ORD{v.digits(8)}", f"INV-{v.digits(4)}",
             v.chars("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 6), f"TKT-{v.digits(5)}", f"#{v.digits(5)}")
        )  # fmt: skip

    def amount(self) -> str:
        n = self.rng.randint(3, 90000)
        return self.rng.choice((f"${n:,}.00", f"£{n:,}", f"€{n}", f"₦{n * 100:,}", f"Rs. {n:,}",
                                f"KSh {n * 10:,}", f"{n} zł", f"R$ {n},90"))  # fmt: skip

    def postcode(self) -> str:
        country = addresses.COUNTRIES[self.rng.choice(("GB", "US", "DE", "IN", "NL", "CA", "PL", "BR"))]
        return addresses._code(self.rng, self.rng.choice(country.postcodes))

    # --- real sentences ---

    def sentence(self, doc: Doc) -> str:
        """A real sentence; its origin is added to the document's ``source``."""
        s = self.rng.choice(self.sentences)
        origin = f"real:{s.source}"
        doc.source = origin if doc.source == "frame" else f"{doc.source}+{origin}"
        return s.text

    # --- chat noise ---

    def typo(self, word: str) -> str:
        k = self.rng.randrange(len(word) - 1)
        r = self.rng.random()
        if r < 0.4:
            return word[:k] + word[k + 1] + word[k] + word[k + 2 :]  # swapped letters
        if r < 0.7:
            return word[:k] + word[k + 1 :]  # a dropped letter
        return word[:k] + word[k] + word[k:]  # a doubled letter

    def chat_noise(self, text: str) -> str:
        """Shorthand and typos inside words; spaces and punctuation stay, so values keep their borders."""

        def one(m: re.Match[str]) -> str:
            word = m.group(0)
            if word in CHAT_SHORTHAND and self.chance(0.6):
                return CHAT_SHORTHAND[word]
            return self.typo(word) if len(word) > 3 and self.chance(0.07) else word

        return _WORDS.sub(one, text)


def lower_first(sentence: str) -> str:
    """Lower-case the first letter to continue a sentence, unless the first word is an acronym or a name."""
    first = sentence.split()[0]
    if (first.isupper() and len(first) > 1) or first.rstrip(",") in (
        "Python",
        "Unix",
        "Linux",
        "Unicode",
        "Git",
        "Bash",
        "POSIX",
    ):
        return sentence
    return sentence[0].lower() + sentence[1:]


def no_period(sentence: str) -> str:
    return sentence[:-1] if sentence.endswith(".") else sentence


def comma_split(sentence: str) -> tuple[str, str] | None:
    """Split at a comma near the middle that is outside brackets and quotes: ``(head, tail)``."""
    best: tuple[int, int] | None = None
    depth = 0
    for k, ch in enumerate(sentence):
        if ch in "(“":
            depth += 1
        elif ch in ")”":
            depth -= 1
        if ch == "," and depth == 0 and sentence[k + 1 : k + 2] == " " and sentence.count('"', 0, k) % 2 == 0:
            score = abs(k - len(sentence) // 2)
            if 12 < k < len(sentence) - 12 and (best is None or score < best[0]):
                best = (score, k)
    if best is None:
        return None
    return sentence[: best[1]], sentence[best[1] + 2 :]
