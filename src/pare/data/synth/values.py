"""Value generators: locale-appropriate text for every placeholder kind of one document.

A ``Filler`` belongs to one document. It draws from a Faker instance (seeded for that document) and a local
``random.Random``; dates come from fixed ranges, never from "today", so output does not change over time.
Persona kinds (``person``, ``full_name``, ``first_name``, ``last_name``, ``title``, ``email``, ``url``,
``share_url``) with the same index describe the same person, so ``Dear {title} {last_name}`` and ``{email}``
agree with each other.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import random
import string
import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from faker import Faker

from pare.data.synth.template import Template


def stable_faker(locale: str) -> Faker:
    """``Faker(locale)`` whose draws depend only on its seed: Faker builds some data lists from sets (it_IT's
    cities), whose order follows Python's per-process string-hash seed; sorting them removes that."""
    fake = Faker(locale)
    for provider in fake.providers:
        cities = getattr(provider, "cities", None)
        if isinstance(cities, list):
            provider.cities = sorted(cities)
    return fake


MONTHS: dict[str, tuple[str, ...]] = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
    "de": ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
           "November", "Dezember"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
           "noviembre", "diciembre"),
    "it": ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
           "ottobre", "novembre", "dicembre"),
    "pt": ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro",
           "outubro", "novembro", "dezembro"),
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december"),
}  # fmt: skip

# Date formats per Faker locale, as functions of (day, month, year, month name).
DateFormat = Callable[[int, int, int, str], str]
DATE_FORMATS: dict[str, tuple[DateFormat, ...]] = {
    "en_US": (
        lambda d, m, y, n: f"{m:02d}/{d:02d}/{y}",
        lambda d, m, y, n: f"{m}/{d}/{y}",
        lambda d, m, y, n: f"{n} {d}, {y}",
        lambda d, m, y, n: f"{n[:3]} {d}, {y}",
    ),
    "en_GB": (
        lambda d, m, y, n: f"{d:02d}/{m:02d}/{y}",
        lambda d, m, y, n: f"{d} {n} {y}",
        lambda d, m, y, n: f"{d} {n[:3]} {y}",
    ),
    "de_DE": (
        lambda d, m, y, n: f"{d:02d}.{m:02d}.{y}",
        lambda d, m, y, n: f"{d}.{m}.{y}",
        lambda d, m, y, n: f"{d}. {n} {y}",
        lambda d, m, y, n: f"{d:02d}.{m:02d}.{y % 100:02d}",
    ),
    "fr_FR": (
        lambda d, m, y, n: f"{d:02d}/{m:02d}/{y}",
        lambda d, m, y, n: f"{'1er' if d == 1 else d} {n} {y}",
    ),
    "es_ES": (
        lambda d, m, y, n: f"{d:02d}/{m:02d}/{y}",
        lambda d, m, y, n: f"{d}/{m}/{y}",
        lambda d, m, y, n: f"{d} de {n} de {y}",
    ),
    "it_IT": (
        lambda d, m, y, n: f"{d:02d}/{m:02d}/{y}",
        lambda d, m, y, n: f"{d} {n} {y}",
        lambda d, m, y, n: f"{d:02d}-{m:02d}-{y}",
    ),
    "pt_BR": (
        lambda d, m, y, n: f"{d:02d}/{m:02d}/{y}",
        lambda d, m, y, n: f"{d} de {n} de {y}",
    ),
    "pt_PT": (
        lambda d, m, y, n: f"{d:02d}/{m:02d}/{y}",
        lambda d, m, y, n: f"{d:02d}-{m:02d}-{y}",
        lambda d, m, y, n: f"{d} de {n} de {y}",
    ),
    "nl_NL": (
        lambda d, m, y, n: f"{d:02d}-{m:02d}-{y}",
        lambda d, m, y, n: f"{d}-{m}-{y}",
        lambda d, m, y, n: f"{d} {n} {y}",
    ),
}

TITLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {  # language -> (male, female)
    "en": (("Mr.", "Mr", "Dr."), ("Ms.", "Mrs.", "Ms", "Dr.")),
    "de": (("Herr", "Herr Dr."), ("Frau", "Frau Dr.")),
    "fr": (("M.", "Monsieur"), ("Mme", "Madame")),
    "es": (("Sr.", "D."), ("Sra.", "Dña.")),
    "it": (("Sig.", "Dott."), ("Sig.ra", "Dott.ssa")),
    "pt": (("Sr.", "Dr."), ("Sra.", "Dra.")),
    "nl": (("dhr.", "de heer"), ("mevr.", "mevrouw")),
}

PERSON_LINK_SITES: tuple[str, ...] = (
    "https://www.linkedin.com/in/{slug}-{hex4}",
    "https://github.com/{user}",
    "https://www.facebook.com/{user}",
    "https://www.instagram.com/{user}/",
    "https://calendly.com/{slug}/30min",
    "https://x.com/{user}",
    "https://{slug}.{tld}",
    "https://www.{slug}.{tld}/about",
    "https://{domain}/team/{slug}",
    "https://{domain}/profile/{user}",
)
SHARE_LINKS: tuple[str, ...] = (
    "https://drive.google.com/file/d/{tok33}/view?usp=sharing",
    "https://docs.google.com/document/d/{tok44}/edit?usp=sharing",
    "https://www.dropbox.com/s/{tok15}/{file}?dl=0",
    "https://zoom.us/j/{digits10}?pwd={tok32}",
    "https://wetransfer.com/downloads/{hex32}/{hex6}",
    "https://1drv.ms/u/s!{tok15}",
    "https://{domain}/share/{tok22}",
    "https://{domain}/reset-password?token={hex32}",
)
PUBLIC_URLS: tuple[str, ...] = (
    "https://docs.python.org/3/library/{module}.html",
    "https://{lang}.wikipedia.org/wiki/{topic}",
    "https://github.com/{org}/{repo}/releases/tag/v{version}",
    "https://github.com/{org}/{repo}/issues/{num}",
    "https://www.{domain}/",
    "https://{domain}/help/faq",
    "https://status.{domain}",
    "https://docs.{domain}/api/v{major}/",
    "https://pypi.org/project/{repo}/",
    "https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/{status}",
)
PUBLIC_PIECES: dict[str, tuple[str, ...]] = {
    "module": ("json", "datetime", "pathlib", "asyncio", "logging", "csv", "unittest"),
    "topic": ("Unicode", "Transport_Layer_Security", "ISO_8601", "Regular_expression", "UTF-8", "JSON"),
    "org": ("pallets", "psf", "numpy", "pytorch", "huggingface", "kubernetes", "rust-lang"),
    "repo": ("flask", "requests", "numpy", "transformers", "black", "httpx", "rich"),
    "status": ("404", "429", "503"),
}
PUBLIC_IPS: tuple[str, ...] = ("8.8.8.8", "8.8.4.4", "1.1.1.1", "9.9.9.9", "208.67.222.222", "140.82.121.4")
FILES: tuple[str, ...] = ("scan.pdf", "contract_signed.pdf", "IMG_2041.jpg", "cv.docx", "photos.zip")
ORDER_PREFIX = {"en": "ORD", "de": "BST", "fr": "CMD", "es": "PED", "it": "ORD", "pt": "PED", "nl": "BST"}
INVOICE_PREFIX = {"en": "INV", "de": "RE", "fr": "FAC", "es": "FAC", "it": "FT", "pt": "NF", "nl": "FACT"}
TLDS = {"en_US": "com", "en_GB": "co.uk", "pt_BR": "com.br"}
COMMON_PASSWORD_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("Sunshine", "Football", "Dragon", "Monkey", "Summer"),
    "de": ("Sommer", "Schatz", "Fussball", "Hallo", "Sonnenblume"),
    "fr": ("Soleil", "Bonjour", "Chocolat", "Doudou", "Marseille"),
    "es": ("Verano", "Corazon", "Futbol", "Princesa", "Tequiero"),
    "it": ("Estate", "Amore", "Calcio", "Ciao", "Juventus"),
    "pt": ("Saudade", "Futebol", "Amor", "Flamengo", "Verao"),
    "nl": ("Zomer", "Voetbal", "Welkom", "Schatje", "Ajax"),
}
ALNUM = string.ascii_letters + string.digits
B64 = ALNUM + "+/"
B64URL = ALNUM + "-_"


def slug(text: str, sep: str = "") -> str:
    """ASCII, lower-case word characters of ``text`` joined by ``sep`` (``Zoë Müller`` -> ``zoe.muller``)."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = ["".join(c for c in w if c.isalnum()) for w in plain.replace("-", " ").split()]
    return sep.join(w for w in words if w)


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


@dataclass
class Persona:
    female: bool
    first: str
    last: str
    title: str


class Filler:
    """Makes the placeholder values of one document for a Faker locale (``de_DE``)."""

    def __init__(self, fake: Faker, rng: random.Random, locale: str) -> None:
        self.fake = fake
        self.rng = rng
        self.locale = locale
        self.lang = locale[:2]
        self.personas: dict[str, Persona] = {}
        self.makers: dict[str, Callable[[str], str]] = {
            "person": self.person,
            "full_name": self.full_name,
            "first_name": lambda i: self.persona(i).first,
            "last_name": lambda i: self.persona(i).last,
            "title": lambda i: self.persona(i).title,
            "email": self.email,
            "url": lambda i: self.url(i, PERSON_LINK_SITES),
            "share_url": lambda i: self.url(i, SHARE_LINKS),
            "phone": lambda i: " ".join(fake.phone_number().split()),
            "address": lambda i: ", ".join(self.address_lines()),
            "address_block": lambda i: "\n".join(self.address_lines()),
            "street": self.street,
            "birth_date": lambda i: self.format_date(self.day(dt.date(1935, 1, 1), dt.date(2006, 12, 31))),
            "date": lambda i: self.format_date(self.day(dt.date(2022, 1, 1), dt.date(2026, 12, 31))),
            "event_date": lambda i: self.format_date(self.day(dt.date(2015, 1, 1), dt.date(2026, 12, 31))),
            "iban": self.iban,
            "card": self.card,
            "account": self.account,
            "secret": self.secret,
            "password": self.password,
            "api_key": self.api_key,
            "token": self.token,
            "jwt": self.jwt,
            "conn": self.conn,
            "private_key": self.private_key,
            "company": lambda i: fake.company(),
            "city": lambda i: fake.city(),
            "order_id": self.order_id,
            "ticket": self.ticket,
            "invoice_no": lambda i: (
                f"{INVOICE_PREFIX[self.lang]}-{rng.randint(2019, 2026)}-{rng.randint(1, 99999):05d}"
            ),
            "tracking": self.tracking,
            "product_code": self.product_code,
            "version": self.version,
            "sha": lambda i: self.chars("0123456789abcdef", rng.choice((7, 8, 12, 40))),
            "sha256": lambda i: self.chars("0123456789abcdef", 64),
            "public_url": self.public_url,
            "timestamp": self.timestamp,
            "time": self.clock,
            "ip": lambda i: rng.choice(PUBLIC_IPS) if rng.random() < 0.5 else fake.ipv4_public(),
            "host": self.host,
            "uuid": lambda i: str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "amount": self.amount,
            "num": lambda i: str(rng.randint(2, 480)),
        }

    def fill(self, template: Template) -> dict[str, str]:
        """A value for every placeholder of ``template`` (same name, same value)."""
        values: dict[str, str] = {}
        for part in template.parts:
            if isinstance(part, tuple) and part[0] not in values:
                name, kind = part
                values[name] = self.makers[kind](name[len(kind) :])
        return values

    # --- helpers ---

    def chars(self, alphabet: str, n: int) -> str:
        return "".join(self.rng.choice(alphabet) for _ in range(n))

    def day(self, lo: dt.date, hi: dt.date) -> dt.date:
        return lo + dt.timedelta(days=self.rng.randrange((hi - lo).days + 1))

    def format_date(self, day: dt.date) -> str:
        formats = DATE_FORMATS[self.locale]
        name = MONTHS[self.lang][day.month - 1]
        if self.rng.random() < 0.12:
            return day.isoformat()
        return self.rng.choice(formats)(day.day, day.month, day.year, name)

    def tld(self) -> str:
        return TLDS.get(self.locale, self.lang)

    def domain(self) -> str:
        return f"{slug(self.fake.last_name())}.{self.tld()}"

    def address_lines(self) -> list[str]:
        lines = [" ".join(line.split()).strip(" ,") for line in self.fake.address().splitlines()]
        return [line for line in lines if line]

    def street(self, index: str) -> str:
        lines = [" ".join(line.split()).strip(" ,") for line in self.fake.street_address().splitlines()]
        return ", ".join(line for line in lines if line)

    # --- persona kinds ---

    def persona(self, index: str) -> Persona:
        if index not in self.personas:
            female = self.rng.random() < 0.5
            first = self.fake.first_name_female() if female else self.fake.first_name_male()
            titles = TITLES[self.lang][1 if female else 0]
            self.personas[index] = Persona(female, first, self.fake.last_name(), self.rng.choice(titles))
        return self.personas[index]

    def person(self, index: str) -> str:
        """A name as prose writes it: first and last, with a middle name, or with initials."""
        p = self.persona(index)
        r = self.rng.random()
        if r < 0.7:
            return f"{p.first} {p.last}"
        if r < 0.82:
            second = self.fake.first_name_female() if p.female else self.fake.first_name_male()
            return f"{p.first} {second} {p.last}"
        if r < 0.94:
            return f"{p.first[0]}. {p.last}"
        return f"{p.first} {self.chars(string.ascii_uppercase, 1)}. {p.last}"

    def full_name(self, index: str) -> str:
        """A name as records write it: also ``Last, First`` and upper-case surnames."""
        p = self.persona(index)
        r = self.rng.random()
        if r < 0.3:
            return f"{p.last}, {p.first}"
        if r < 0.45:
            return f"{p.last.upper()} {p.first}"
        if r < 0.55:
            return f"{p.first} {p.last.upper()}"
        return self.person(index)

    def user(self, index: str) -> str:
        p = self.persona(index)
        first, last = slug(p.first), slug(p.last)
        return self.rng.choice(
            (
                f"{first}.{last}",
                f"{first}{last}",
                f"{first[0]}{last}",
                f"{first}_{last}{self.rng.randint(1, 99)}",
                f"{last}{first[:1]}{self.rng.randint(60, 99)}",
                self.fake.user_name(),
            )
        )

    def email(self, index: str) -> str:
        p = self.persona(index)
        first, last = slug(p.first), slug(p.last)
        local = self.rng.choice(
            (f"{first}.{last}", f"{first[0]}.{last}", f"{first}{last}{self.rng.randint(1, 99)}",
             f"{last}.{first}", f"{first}_{last}", self.fake.user_name())
        )  # fmt: skip
        domain = self.fake.free_email_domain() if self.rng.random() < 0.65 else self.domain()
        return f"{local}@{domain}"

    def url(self, index: str, patterns: tuple[str, ...]) -> str:
        p = self.persona(index)
        pattern = self.rng.choice(patterns)
        return pattern.format(
            slug=slug(f"{p.first} {p.last}", "-"),
            user=self.user(index),
            hex4=self.chars("0123456789abcdef", 4),
            hex6=self.chars("0123456789abcdef", 6),
            hex32=self.chars("0123456789abcdef", 32),
            tok15=self.chars(ALNUM, 15),
            tok22=self.chars(ALNUM, 22),
            tok32=self.chars(ALNUM, 32),
            tok33=self.chars(B64URL, 33),
            tok44=self.chars(B64URL, 44),
            digits10=self.chars(string.digits, 10),
            file=self.rng.choice(FILES),
            tld=self.tld(),
            domain=self.domain(),
        )

    # --- account numbers ---

    def iban(self, index: str) -> str:
        iban = self.fake.iban()
        if self.rng.random() < 0.5:
            return " ".join(iban[k : k + 4] for k in range(0, len(iban), 4))
        return iban

    def card(self, index: str) -> str:
        number = self.fake.credit_card_number()
        if len(number) == 16 and self.rng.random() < 0.5:
            return self.rng.choice((" ", "-")).join(number[k : k + 4] for k in range(0, 16, 4))
        return number

    def account(self, index: str) -> str:
        digits = self.chars(string.digits, self.rng.randint(8, 12))
        if self.locale == "pt_BR" or self.rng.random() < 0.15:
            return f"{digits[:-1]}-{digits[-1]}"
        return digits

    # --- secrets ---

    def password(self, index: str) -> str:
        r = self.rng.random()
        if r < 0.4:
            word = self.rng.choice(COMMON_PASSWORD_WORDS[self.lang])
            return f"{word}{self.rng.randint(1, 2025)}{self.rng.choice('!?#$%*')}"
        if r < 0.8:
            return self.chars(ALNUM + "!#$%&*+-.:=?@^_", self.rng.randint(10, 20))
        words = [slug(self.fake.word()) or "key" for _ in range(3)]
        return "-".join([*words, str(self.rng.randint(10, 99))])

    def api_key(self, index: str) -> str:
        c = self.chars
        return self.rng.choice(
            (
                lambda: "sk_live_" + c(ALNUM, 24),
                lambda: "sk-proj-" + c(B64URL, 48),
                lambda: "AKIA" + c(string.ascii_uppercase + string.digits, 16),
                lambda: "ghp_" + c(ALNUM, 36),
                lambda: f"xoxb-{c(string.digits, 12)}-{c(string.digits, 13)}-{c(ALNUM, 24)}",
                lambda: "AIza" + c(B64URL, 35),
                lambda: "glpat-" + c(B64URL, 20),
                lambda: f"SG.{c(B64URL, 22)}.{c(B64URL, 43)}",
                lambda: "hf_" + c(ALNUM, 34),
            )
        )()

    def token(self, index: str) -> str:
        r = self.rng.random()
        if r < 0.3:
            return self.jwt(index)
        if r < 0.6:
            return self.chars(B64URL, self.rng.choice((32, 43, 64)))
        if r < 0.8:
            return "ya29." + self.chars(B64URL, 72)
        return self.chars("0123456789abcdef", 40)

    def jwt(self, index: str) -> str:
        header = {"alg": self.rng.choice(("HS256", "RS256")), "typ": "JWT"}
        payload = {
            "sub": str(self.rng.randint(10**5, 10**9)),
            "iat": self.rng.randint(1_600_000_000, 1_800_000_000),
        }
        head = _b64url(json.dumps(header, separators=(",", ":")).encode())
        body = _b64url(json.dumps(payload, separators=(",", ":")).encode())
        return f"{head}.{body}.{self.chars(B64URL, 43)}"

    def conn(self, index: str) -> str:
        user = slug(self.fake.first_name()) or "app"
        pw = self.chars(ALNUM, self.rng.randint(12, 20))
        host = self.host(index)
        db = self.rng.choice(("app", "crm", "billing", "prod", "analytics"))
        return self.rng.choice(
            (
                f"postgresql://{user}:{pw}@{host}:5432/{db}",
                f"postgres://{user}:{pw}@{host}/{db}?sslmode=require",
                f"mysql://{user}:{pw}@{host}:3306/{db}",
                f"mongodb+srv://{user}:{pw}@cluster0.{self.chars('abcdefghijklmnopqrstuvwxyz0123456789', 5)}"
                f".mongodb.net/{db}",
                f"redis://:{pw}@{host}:6379/0",
                f"amqp://{user}:{pw}@{host}:5672/",
                f"Server=tcp:{host},1433;Database={db};User ID={user};Password={pw};Encrypt=True;",
            )
        )

    def private_key(self, index: str) -> str:
        kind = self.rng.choice(("RSA PRIVATE KEY", "PRIVATE KEY", "OPENSSH PRIVATE KEY", "EC PRIVATE KEY"))
        body = "\n".join(self.chars(B64, 64) for _ in range(self.rng.randint(2, 4)))
        return f"-----BEGIN {kind}-----\n{body}\n-----END {kind}-----"

    def secret(self, index: str) -> str:
        make = self.rng.choice((self.password, self.api_key, self.api_key, self.token, self.jwt, self.conn))
        return make(index)

    # --- hard negatives ---

    def order_id(self, index: str) -> str:
        n = self.rng.randint(10**5, 10**8)
        return self.rng.choice(
            (f"{ORDER_PREFIX[self.lang]}-{n}", f"#{n}", f"{self.rng.randint(2019, 2026)}-{n}")
        )

    def ticket(self, index: str) -> str:
        n = self.rng.randint(1000, 999999)
        return self.rng.choice((f"#{n}", f"INC{n:07d}", f"TCK-{n}", f"SUP-{n % 10000}"))

    def tracking(self, index: str) -> str:
        c = self.chars
        return self.rng.choice(
            (
                lambda: "1Z" + c(string.ascii_uppercase + string.digits, 16),
                lambda: "JJD" + c(string.digits, 18),
                lambda: "00340" + c(string.digits, 15),
                lambda: "3S" + c(string.ascii_uppercase, 4) + c(string.digits, 7),
                lambda: c(string.ascii_uppercase, 2) + c(string.digits, 9) + self.lang.upper(),
            )
        )()

    def product_code(self, index: str) -> str:
        c = self.chars
        return self.rng.choice(
            (
                lambda: f"SKU-{c(string.ascii_uppercase, 2)}-{c(string.digits, 4)}",
                lambda: c(string.digits, 13),  # EAN-13 barcode
                lambda: f"{c(string.ascii_uppercase, 3)}{c(string.digits, 3)}/{c(string.digits, 2)}",
            )
        )()

    def version(self, index: str) -> str:
        v = f"{self.rng.randint(0, 12)}.{self.rng.randint(0, 40)}.{self.rng.randint(0, 20)}"
        suffix = self.rng.choice(("", "", "", "-rc.1", "-beta.2", ".post1"))
        return ("v" if self.rng.random() < 0.4 else "") + v + suffix

    def public_url(self, index: str) -> str:
        pieces = {k: self.rng.choice(v) for k, v in PUBLIC_PIECES.items()}
        return self.rng.choice(PUBLIC_URLS).format(
            lang=self.lang,
            domain=self.domain(),
            version=self.version(index).lstrip("v"),
            num=self.rng.randint(10, 9999),
            major=self.rng.randint(1, 4),
            **pieces,
        )

    def timestamp(self, index: str) -> str:
        t = dt.datetime(2022, 1, 1) + dt.timedelta(seconds=self.rng.randrange(5 * 365 * 86400))
        ms = self.rng.randrange(1000)
        return self.rng.choice(
            (
                t.strftime("%Y-%m-%dT%H:%M:%SZ"),
                t.strftime("%Y-%m-%d %H:%M:%S") + f",{ms:03d}",
                t.strftime("%Y-%m-%dT%H:%M:%S") + f".{ms:03d}+00:00",
                str(int(t.replace(tzinfo=dt.UTC).timestamp())),
            )
        )

    def clock(self, index: str) -> str:
        h, m = self.rng.randint(7, 19), self.rng.choice((0, 15, 30, 45))
        if self.locale == "en_US":
            return f"{(h - 1) % 12 + 1}:{m:02d} {'AM' if h < 12 else 'PM'}"
        if self.lang == "fr":
            return f"{h}h{m:02d}"
        return f"{h}:{m:02d}"

    def host(self, index: str) -> str:
        c = self.chars
        return self.rng.choice(
            (
                lambda: (
                    f"db-{self.rng.choice(('prod', 'staging', 'eu1'))}-{self.rng.randint(1, 9):02d}.internal"
                ),
                lambda: f"{self.rng.choice(('api', 'cache', 'mq', 'db'))}.{self.domain()}",
                lambda: (
                    f"ip-10-{self.rng.randint(0, 255)}-{self.rng.randint(0, 255)}-{self.rng.randint(1, 254)}"
                ),
                lambda: f"{c('abcdefghijklmnopqrstuvwxyz', 6)}.eu-west-1.rds.amazonaws.com",
            )
        )()

    def amount(self, index: str) -> str:
        value = self.rng.randint(100, 500000) / 100
        us = f"{value:,.2f}"  # 1,234.56
        eu = us.replace(",", " ").replace(".", ",").replace(" ", ".")  # 1.234,56
        return {
            "en_US": f"${us}",
            "en_GB": f"£{us}",
            "fr_FR": f"{eu.replace('.', ' ')} €",
            "pt_BR": f"R$ {eu}",
            "nl_NL": f"€ {eu}",
        }.get(self.locale, f"{eu} €")
