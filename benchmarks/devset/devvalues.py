"""PII values for the development set, made independently of ``pare.data.synth.values``.

Names come from many Faker locales (only those with Latin-script or romanized names) plus short hand lists
for Arabic, Russian and Korean names in common English transliteration. Phone numbers are real-format numbers
of each region from ``phonenumbers`` (the library's example number with new final digits, kept only when
the library calls it valid). IBANs carry correct check digits and card numbers pass the Luhn check.

Every draw goes through the ``random.Random`` handed in; Faker instances are reseeded from it before each
use, so a document's values depend only on the generator's seed.
"""

from __future__ import annotations

import datetime as dt
import random
import string
import unicodedata
from dataclasses import dataclass

import phonenumbers
from faker import Faker
from phonenumbers import PhoneNumberFormat, PhoneNumberType

# Faker locale -> weight. Locales whose Faker falls back to en_US names are left out on purpose.
NAME_LOCALES: dict[str, int] = {
    "en_US": 5, "en_GB": 4, "en_IN": 4, "en_NG": 2, "en_KE": 2, "en_PK": 2, "en_AU": 1, "en_IE": 1,
    "en_TH": 1, "yo_NG": 2, "ig_NG": 2, "ha_NG": 1, "zu_ZA": 1, "tw_GH": 1, "vi_VN": 2, "tr_TR": 2,
    "pl_PL": 2, "hu_HU": 1, "ro_RO": 1, "hr_HR": 1, "lt_LT": 1, "lv_LV": 1, "et_EE": 1, "fi_FI": 1,
    "is_IS": 1, "ga_IE": 1, "id_ID": 2, "az_AZ": 1, "uz_UZ": 1, "es_MX": 2, "es_CO": 1, "es_AR": 1,
    "pt_BR": 2, "nl_BE": 1, "sk_SK": 1, "sl_SI": 1, "cs_CZ": 1, "da_DK": 1, "no_NO": 1, "sv_SE": 1,
    "de_DE": 2, "fr_FR": 2, "it_IT": 2, "es_ES": 1, "nl_NL": 1, "ja_JP": 2, "zh_CN": 2, "zh_TW": 1,
    "ar": 2, "ru": 2, "ko": 2,
}  # fmt: skip
ROMANIZED = frozenset({"ja_JP", "zh_CN", "zh_TW"})  # Faker's *_romanized_name providers
FAMILY_FIRST = frozenset({"zh_CN", "zh_TW", "vi_VN", "hu_HU", "ko"})  # often written surname first
# Hand lists: (female first names, male first names, surnames); Russian surnames get "-a" for women.
HAND_NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "ar": (
        ("Fatima", "Aisha", "Mariam", "Layla", "Noor", "Huda", "Salma", "Yasmin", "Rania", "Amira"),
        ("Mohammed", "Ahmed", "Omar", "Youssef", "Khaled", "Hassan", "Tariq", "Karim", "Samir", "Bilal"),
        ("Al-Sayed", "Haddad", "Mansour", "El-Amin", "Khoury", "Nasser", "Abdullah", "Farouk", "Saleh",
         "Al-Hashimi", "Darwish", "Aziz"),
    ),
    "ru": (
        ("Olga", "Tatiana", "Natalia", "Svetlana", "Irina", "Anastasia", "Yulia", "Ekaterina", "Daria"),
        ("Dmitry", "Sergei", "Alexei", "Mikhail", "Ivan", "Nikolai", "Andrei", "Yuri", "Pavel", "Oleg"),
        ("Ivanov", "Petrov", "Smirnov", "Kuznetsov", "Volkov", "Sokolov", "Popov", "Lebedev", "Morozov",
         "Novikov", "Fedorov", "Orlov"),
    ),
    "ko": (
        ("Ji-woo", "Seo-yeon", "Min-ji", "Eun-ji", "Hye-jin", "Soo-ah", "Ha-eun", "Yuna", "Da-eun"),
        ("Min-jun", "Seo-jun", "Ji-hoon", "Hyun-woo", "Dong-hyun", "Jae-won", "Sung-min", "Tae-yang"),
        ("Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Shin"),
    ),
}  # fmt: skip
PHONE_REGION: dict[str, str] = {
    "en_US": "US", "en_GB": "GB", "en_IN": "IN", "en_NG": "NG", "en_KE": "KE", "en_PK": "PK",
    "en_AU": "AU", "en_IE": "IE", "en_TH": "TH", "yo_NG": "NG", "ig_NG": "NG", "ha_NG": "NG",
    "zu_ZA": "ZA", "tw_GH": "GH", "vi_VN": "VN", "tr_TR": "TR", "pl_PL": "PL", "hu_HU": "HU",
    "ro_RO": "RO", "hr_HR": "HR", "lt_LT": "LT", "lv_LV": "LV", "et_EE": "EE", "fi_FI": "FI",
    "is_IS": "IS", "ga_IE": "IE", "id_ID": "ID", "az_AZ": "AZ", "uz_UZ": "UZ", "es_MX": "MX",
    "es_CO": "CO", "es_AR": "AR", "pt_BR": "BR", "nl_BE": "BE", "sk_SK": "SK", "sl_SI": "SI",
    "cs_CZ": "CZ", "da_DK": "DK", "no_NO": "NO", "sv_SE": "SE", "de_DE": "DE", "fr_FR": "FR",
    "it_IT": "IT", "es_ES": "ES", "nl_NL": "NL", "ja_JP": "JP", "zh_CN": "CN", "zh_TW": "TW",
    "ar": "AE", "ru": "RU", "ko": "KR",
}  # fmt: skip
TITLES_F = ("Mrs.", "Mrs", "Ms.", "Ms", "Miss", "Dr.", "Dr", "Prof.", "Madam")
TITLES_M = ("Mr.", "Mr", "Dr.", "Dr", "Prof.", "Chief", "Engr.")  # no "Sir": it goes before a first name
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")  # fmt: skip
FREE_MAIL = (
    "gmail.com", "gmail.com", "gmail.com", "yahoo.com", "yahoo.co.uk", "yahoo.co.in", "hotmail.com",
    "outlook.com", "live.co.uk", "icloud.com", "proton.me", "protonmail.com", "gmx.de", "web.de",
    "rediffmail.com", "aol.com", "orange.fr", "libero.it", "wp.pl", "seznam.cz", "ymail.com", "mail.ru",
    "yandex.com", "btinternet.com", "naver.com", "qq.com", "bigpond.com", "uol.com.br", "hotmail.co.uk",
)  # fmt: skip
WORK_MAIL = (
    "bluecedar-consulting.com", "harbourview-clinic.org", "kestrel-logistics.co.uk", "mwangi-law.co.ke",
    "novatek-solutions.in", "lagosdesignstudio.ng", "student.uni-example.edu", "cs.example.ac.uk",
    "sunrise-dental.com.au", "ortiz-arquitectos.mx", "firma-nowak.pl", "vinhphat-trading.vn",
)  # fmt: skip
IBAN_FORMATS: dict[str, str] = {  # country -> BBAN layout: a letter, n digit, c digit or capital
    "GB": "aaaannnnnnnnnnnnnn", "IE": "aaaannnnnnnnnnnnnn", "DE": "n" * 18, "FR": "n" * 23,
    "ES": "n" * 20, "IT": "a" + "n" * 22, "NL": "aaaa" + "n" * 10, "BE": "n" * 12, "PL": "n" * 24,
    "PT": "n" * 21, "AT": "n" * 16, "CH": "n" * 17, "SE": "n" * 20, "NO": "n" * 11, "DK": "n" * 14,
    "FI": "n" * 14, "TR": "n" * 22, "RO": "aaaa" + "c" * 16, "HU": "n" * 24, "CZ": "n" * 20,
    "AE": "n" * 19, "SA": "n" * 20, "BR": "n" * 23 + "ac", "HR": "n" * 17, "LT": "n" * 16,
}  # fmt: skip
ALNUM = string.ascii_letters + string.digits
B64URL = ALNUM + "-_"
HEX = "0123456789abcdef"


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    female: bool
    locale: str

    @property
    def family_first(self) -> bool:
        return self.locale in FAMILY_FIRST


# letters that NFKD does not decompose into an ASCII letter plus accents
_FOLD = str.maketrans({"đ": "d", "Đ": "D", "ı": "i", "ł": "l", "Ł": "L", "ə": "e", "Ə": "E", "ø": "o",
                       "Ø": "O", "æ": "ae", "Æ": "Ae", "ß": "ss", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D"})  # fmt: skip


def ascii_fold(text: str) -> str:
    """``Nguyễn Đức`` -> ``Nguyen Duc``: how names are often typed on a phone or an English keyboard."""
    return unicodedata.normalize("NFKD", text.translate(_FOLD)).encode("ascii", "ignore").decode()


def slug(text: str) -> str:
    """Lower-case ASCII letters and digits of ``text`` (for e-mail local parts and user names)."""
    return "".join(c for c in ascii_fold(text).lower() if c.isalnum())


def luhn_digit(digits: str) -> str:
    """The check digit that makes ``digits + check`` pass the Luhn test."""
    total = 0
    for k, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if k % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return str((10 - total % 10) % 10)


class Values:
    """Draws the values of one document from its own ``random.Random``."""

    def __init__(self, rng: random.Random, fakers: dict[str, Faker]) -> None:
        self.rng = rng
        self.fakers = fakers  # shared cache: Faker construction is slow; reseeded before every use

    def faker(self, locale: str) -> Faker:
        fake = self.fakers.get(locale)
        if fake is None:
            fake = self.fakers[locale] = Faker(locale)
        fake.seed_instance(self.rng.getrandbits(64))
        return fake

    def chars(self, alphabet: str, n: int) -> str:
        return "".join(self.rng.choice(alphabet) for _ in range(n))

    def digits(self, n: int) -> str:
        return self.chars(string.digits, n)

    # --- people ---

    def locale(self) -> str:
        return self.rng.choices(list(NAME_LOCALES), weights=list(NAME_LOCALES.values()))[0]

    def person(self, locale: str | None = None, female: bool | None = None) -> Person:
        """A person of a locale drawn by weight (or the given one), of a drawn (or the given) gender."""
        locale = locale or self.locale()
        female = self.rng.random() < 0.5 if female is None else female
        if locale in HAND_NAMES:
            women, men, surnames = HAND_NAMES[locale]
            first, last = self.rng.choice(women if female else men), self.rng.choice(surnames)
            if locale == "ru" and female:
                last += "a"
            return Person(first, last, female, locale)
        fake = self.faker(locale)
        if locale in ROMANIZED:
            first = fake.first_romanized_name()
            return Person(first, fake.last_romanized_name(), female, locale)
        # gendered surname lists where the locale has them (Kramárová, Birzniece)
        if female:
            return Person(fake.first_name_female(), fake.last_name_female(), female, locale)
        return Person(fake.first_name_male(), fake.last_name_male(), female, locale)

    def title(self, person: Person) -> str:
        return self.rng.choice(TITLES_F if person.female else TITLES_M)

    def middle(self, person: Person) -> str:
        return self.person(person.locale, person.female).first if person.locale not in HAND_NAMES else ""

    # --- contact details ---

    def user_name(self, person: Person) -> str:
        """A handle built the ways people build them: dots, initials, birth years, nicknames."""
        first, last = slug(person.first), slug(person.last)
        year = str(self.rng.randint(1965, 2006))
        return self.rng.choice(
            (
                f"{first}.{last}", f"{first}{last}", f"{first[0]}{last}", f"{first}_{last[:1]}",
                f"{first}{year[2:]}", f"{last}.{first}", f"{first}.{last}{self.rng.randint(1, 99)}",
                f"{first}{last}{year}", f"{first[0]}.{last}", f"the.real.{first}", f"{first}-{last}",
            )
        )  # fmt: skip

    def email(self, person: Person) -> str:
        local = self.user_name(person)
        if self.rng.random() < 0.06:
            local += "+" + self.rng.choice(("shop", "news", "bank", "work"))
        domain = self.rng.choice(FREE_MAIL if self.rng.random() < 0.75 else WORK_MAIL)
        email = f"{local}@{domain}"
        return email.title() if self.rng.random() < 0.04 else email

    def region(self, person: Person | None) -> str:
        if person is not None and self.rng.random() < 0.75:
            return PHONE_REGION[person.locale]
        return self.rng.choice(sorted(set(PHONE_REGION.values())))

    def phone_number(self, region: str) -> phonenumbers.PhoneNumber:
        """A valid number of the region: its example number with new digits after its first few.

        Redrawing all but the leading third keeps most draws valid (area and mobile prefixes survive) while
        varying the prefixes too; a draw the library calls invalid is redrawn, then only the last four digits.
        """
        kind = self.rng.choice((PhoneNumberType.MOBILE, PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE))
        example = phonenumbers.example_number_for_type(region, kind) or phonenumbers.example_number(region)
        nsn = phonenumbers.national_significant_number(example)
        for keep in [max(1, len(nsn) // 3)] * 20 + [len(nsn) - 4] * 20:
            candidate = phonenumbers.parse(
                f"+{example.country_code}{nsn[:keep]}{self.digits(len(nsn) - keep)}"
            )
            if phonenumbers.is_valid_number(candidate):
                return candidate
        return example

    def phone(self, person: Person | None = None, region: str | None = None) -> str:
        """A phone number written the many ways people write them (national, +CC, 00CC, dots, dashes)."""
        region = region or self.region(person)
        number = self.phone_number(region)
        national = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
        intl = phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
        e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
        r = self.rng.random()
        if r < 0.35:
            return national
        if r < 0.6:
            return intl
        if r < 0.7:
            return e164
        if r < 0.77:
            return "00" + intl[1:]
        if r < 0.84:
            return intl.replace(" ", "-") if region != "US" else national.replace("(", "").replace(") ", "-")
        if r < 0.9:
            return national.replace(" ", "").replace("-", "")
        if r < 0.95 and region in ("GB", "DE", "NL", "CH", "AT", "NG"):
            cc, rest = intl.split(" ", 1)
            return f"{cc} (0){rest}"
        return national.replace(" ", ".").replace("-", ".").replace("(", "").replace(")", "")

    def local_phone(self) -> str:
        """A short local number as people say it in chat (``555 0199``, ``555-0123``)."""
        sep = self.rng.choice((" ", "-", "", "."))
        return f"{self.rng.randint(200, 989)}{sep}{self.digits(4)}"

    # --- dates ---

    def day(self, first_year: int, last_year: int) -> dt.date:
        start, end = dt.date(first_year, 1, 1), dt.date(last_year, 12, 31)
        return start + dt.timedelta(days=self.rng.randrange((end - start).days + 1))

    def birth_day(self) -> dt.date:
        return self.day(1938, 2008)

    def recent_day(self) -> dt.date:
        return self.day(2019, 2026)

    def date(self, day: dt.date, year: bool = True) -> str:
        """A date in one of many written forms; ``year=False`` leaves the year out (``March 3rd``)."""
        d, m, y, name = day.day, day.month, day.year, MONTHS[day.month - 1]
        nth = f"{d}{'th' if 10 <= d % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(d % 10, 'th')}"
        if not year:
            return self.rng.choice((f"{name} {d}", f"{d} {name}", f"{nth} of {name}", f"{name} {nth}",
                                    f"{name[:3]} {d}", f"{d}/{m}", f"{m}/{d}"))  # fmt: skip
        forms = (
            f"{d} {name} {y}", f"{name} {d}, {y}", f"{d:02d}/{m:02d}/{y}", f"{m:02d}/{d:02d}/{y}",
            f"{m}/{d}/{y % 100:02d}", f"{y}-{m:02d}-{d:02d}", f"{d}.{m}.{y}", f"{d:02d}.{m:02d}.{y}",
            f"{d}-{name[:3]}-{y}", f"{nth} {name} {y}", f"{nth} of {name}, {y}", f"{name} {nth} {y}",
            f"{d} {name[:3]} {y}", f"{name[:3]}. {d}, {y}", f"{d} {name[:3]} '{y % 100:02d}",
            f"{d}/{m}/{y}", f"{y}/{m:02d}/{d:02d}", f"{d:02d}-{m:02d}-{y}",
        )  # fmt: skip
        return self.rng.choice(forms)

    # --- URLs ---

    def personal_url(self, person: Person) -> str:
        """A URL about one person: profile pages, personal sites, a shared calendar or document."""
        user, dashed = self.user_name(person), f"{slug(person.first)}-{slug(person.last)}"
        host = self.rng.choice(
            (
                f"www.linkedin.com/in/{dashed}-{self.chars(HEX, 8)}", f"linkedin.com/in/{dashed}",
                f"github.com/{user.replace('.', '')}", f"{slug(person.first)}{slug(person.last)}.com",
                f"www.{dashed}.me", f"{user.replace('.', '')}.github.io", f"medium.com/@{user}",
                f"www.instagram.com/{user}", f"twitter.com/{user.replace('.', '_')}", f"about.me/{dashed}",
                f"sites.google.com/view/{dashed}", f"www.facebook.com/{user}",
                f"www.facebook.com/profile.php?id=1000{self.digits(11)}", f"{dashed}.wordpress.com/about",
                f"calendly.com/{dashed}/30min", f"www.behance.net/{user.replace('.', '')}",
                f"people.example.edu/~{slug(person.last)}{slug(person.first)[:1]}/",
                f"docs.google.com/document/d/{self.chars(B64URL, 44)}/edit",
                f"us02web.zoom.us/j/{self.digits(11)}?pwd={self.chars(ALNUM, 32)}",
                f"www.dropbox.com/scl/fi/{self.chars(ALNUM.lower(), 21)}/{slug(person.last)}-cv.pdf",
            )
        )  # fmt: skip
        scheme = self.rng.choices(("https://", "http://", ""), weights=(7, 1, 2))[0]
        return scheme + host

    # --- account numbers ---

    def iban(self) -> str:
        """An IBAN with valid check digits (ISO 13616 mod-97), grouped by four half of the time."""
        country = self.rng.choice(sorted(IBAN_FORMATS))
        pools = {"a": string.ascii_uppercase, "n": string.digits, "c": string.ascii_uppercase + string.digits}
        bban = "".join(self.rng.choice(pools[c]) for c in IBAN_FORMATS[country])
        as_digits = "".join(str(int(c, 36)) for c in bban + country + "00")
        iban = f"{country}{98 - int(as_digits) % 97:02d}{bban}"
        if self.rng.random() < 0.5:
            return " ".join(iban[k : k + 4] for k in range(0, len(iban), 4))
        return iban

    def card(self) -> str:
        """A Luhn-valid Visa, Mastercard or Amex number, grouped as printed on cards or run together."""
        prefix, length = self.rng.choice((("4", 16), ("51", 16), ("55", 16), ("2221", 16), ("37", 15)))
        body = prefix + self.digits(length - len(prefix) - 1)
        number = body + luhn_digit(body)
        sep = self.rng.choice((" ", " ", "-", ""))
        if length == 15:
            return sep.join((number[:4], number[4:10], number[10:]))
        return sep.join(number[k : k + 4] for k in range(0, 16, 4))

    def bank_account(self) -> str:
        """A domestic account number: plain digits of many lengths, sometimes with a branch or check part."""
        r = self.rng.random()
        if r < 0.5:
            return self.digits(self.rng.choice((8, 10, 10, 11, 12, 14)))
        if r < 0.7:
            return f"{self.digits(4)}-{self.digits(7)}-{self.digits(1)}"
        if r < 0.85:
            return f"{self.digits(3)}-{self.digits(6)}-{self.digits(3)}"
        return f"{self.digits(6)}/{self.digits(4)}"

    def account(self) -> str:
        return self.rng.choice((self.iban, self.card, self.bank_account))()

    # --- secrets ---

    def api_key(self) -> str:
        c = self.chars
        return self.rng.choice(
            (
                lambda: "sk_test_" + c(ALNUM, 32), lambda: "sk-ant-api03-" + c(B64URL, 60),
                lambda: "github_pat_11" + c(string.ascii_uppercase + string.digits, 20) + "_" + c(ALNUM, 59),
                lambda: "xoxp-" + "-".join((self.digits(11), self.digits(12), c(HEX, 32))),
                lambda: "npm_" + c(ALNUM, 36), lambda: "SK" + c(HEX, 32), lambda: "AKIA" + c("ABCDEFGHJKLMNPQRSTUVWXYZ234567", 16),
                lambda: c(HEX, 32), lambda: "pat-na1-" + "-".join((c(HEX, 8), c(HEX, 4), c(HEX, 4), c(HEX, 12))),
                lambda: "dop_v1_" + c(HEX, 64), lambda: "rk_live_" + c(ALNUM, 24),
            )
        )()  # fmt: skip

    def password(self) -> str:
        """Passwords as people choose them: words with digits and symbols, leetspeak, random strings."""
        words = ("mango", "sunflower", "kilimanjaro", "bluebird", "tiger", "lagos", "istanbul", "pierogi",
                 "cricket", "marley", "chelsea", "butterfly", "dragonfruit", "karma", "nokia")  # fmt: skip
        w = self.rng.choice(words)
        r = self.rng.random()
        if r < 0.3:
            return f"{w.capitalize()}{self.rng.randint(1, 2026)}{self.rng.choice('!@#$?*')}"
        if r < 0.5:
            leet = w.replace("a", "@").replace("o", "0").replace("e", "3").replace("i", "1")
            return leet + self.rng.choice(("!", "#", "99", "_7", "$"))
        if r < 0.7:
            return "-".join(self.rng.sample(words, 3)) + str(self.rng.randint(10, 99))
        return self.chars(ALNUM + "!#%&*+?@^", self.rng.randint(10, 18))

    def secret(self) -> str:
        return self.password() if self.rng.random() < 0.5 else self.api_key()
