"""Value tables of the world family: name sources, address formats of 44 countries, phone regions, date
forms, URL patterns and the hard-negative vocabularies.

The tables are data, kept apart from the code that draws from them (``world_values``) so that adding a
country or a name source is one entry. Every string here was written for pare; nothing is copied from a
corpus. Placeholders inside address and URL patterns: ``{n}`` 1-9, ``{nn}`` 10-99, ``{nnn}`` 100-999,
``{nnnn}`` 1000-9999, ``{nnnnn}`` 10000-99999, ``{l}`` a letter A-H; in postcode patterns ``#`` is a digit
and ``?`` an upper-case letter.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

# --- names ---------------------------------------------------------------------------------------------

# Where a persona's name comes from, with a weight. A Faker locale whose names are Latin script; "roman:"
# a Faker locale with romanized names; "translit:" a Cyrillic or Greek Faker locale, transliterated;
# "hand:" the romanized tables below (languages that Faker has only in their own script).
NAME_SOURCES: tuple[tuple[str, float], ...] = (
    ("en_US", 6), ("en_GB", 4), ("en_IE", 1), ("en_NZ", 1), ("en_IN", 4), ("en_NG", 2), ("en_KE", 1.5),
    ("en_PK", 1.5), ("en_TH", 1), ("de_DE", 2), ("de_AT", 1), ("de_CH", 1), ("fr_FR", 2), ("fr_CA", 1),
    ("fr_DZ", 1), ("nl_NL", 1.5), ("nl_BE", 1), ("es_ES", 2), ("es_MX", 2), ("es_AR", 1), ("es_CO", 1),
    ("es_CL", 1), ("it_IT", 2), ("pt_BR", 2), ("pt_PT", 1), ("pl_PL", 1.5), ("cs_CZ", 1), ("sk_SK", 1),
    ("hu_HU", 1), ("ro_RO", 1), ("sv_SE", 1), ("no_NO", 1), ("da_DK", 1), ("fi_FI", 1), ("et_EE", 0.5),
    ("lt_LT", 0.5), ("lv_LV", 0.5), ("hr_HR", 1), ("sl_SI", 0.5), ("tr_TR", 1.5), ("az_AZ", 0.5),
    ("uz_UZ", 0.5), ("id_ID", 1.5), ("vi_VN", 1.5), ("sw", 1), ("zu_ZA", 1), ("yo_NG", 1), ("ig_NG", 1),
    ("ha_NG", 1), ("tw_GH", 1), ("ga_IE", 0.5), ("is_IS", 0.5),
    ("roman:ja_JP", 1.5), ("roman:zh_CN", 2), ("roman:zh_TW", 1),
    ("translit:ru_RU", 1.5), ("translit:uk_UA", 1), ("translit:bg_BG", 0.5), ("translit:el_GR", 1),
    ("hand:ar", 2.5), ("hand:ko", 1.5), ("hand:fa", 1), ("hand:he", 1), ("hand:bn", 1), ("hand:am", 0.5),
)  # fmt: skip
# With ``native_scripts`` (``pare data synth --native-scripts``), names also come from these: a Faker locale's
# names in their own script ("native:"), as English text quotes them ("my landlord Сергей Петров"); a model
# that never saw other letters in a name's place misses them (BENCHMARKS.md, names in their own script).
NATIVE_NAME_SOURCES: tuple[tuple[str, float], ...] = (
    ("native:ru_RU", 1), ("native:uk_UA", 0.5), ("native:bg_BG", 0.25), ("native:el_GR", 0.5),
    ("native:ar_AA", 1), ("native:fa_IR", 0.4), ("native:he_IL", 0.4), ("native:hi_IN", 0.6),
    ("native:bn_BD", 0.25), ("native:th_TH", 0.25), ("native:ka_GE", 0.15), ("native:hy_AM", 0.15),
    ("native:zh_CN", 0.8), ("native:ja_JP", 0.5), ("native:ko_KR", 0.5),
)  # fmt: skip
# With ``native_scripts``, the share of organisations, cities, places and countries written in one of those
# scripts (a Faker company, city or country of those locales), so that a word of another script is not a name
# for being of that script (BENCHMARKS.md, names in their own script).
NATIVE_NEGATIVE_SHARE = 0.25
_NATIVE_LOCALES = tuple(source.removeprefix("native:") for source, _ in NATIVE_NAME_SOURCES)
NATIVE_NEGATIVE_LOCALES: dict[str, tuple[str, ...]] = {
    "city": _NATIVE_LOCALES,
    "country": _NATIVE_LOCALES,
    # the other locales' companies are a surname and "Inc" or "Group"
    "company": ("ru_RU", "fa_IR", "bn_BD", "th_TH", "zh_CN", "ja_JP", "ko_KR"),
}


def is_native(source: str) -> bool:
    """Whether a name source draws names in their own script (``NATIVE_NAME_SOURCES``)."""
    return source.startswith("native:")


# Native-script sources whose full names are written family name first with no space between (王伟, 김지후).
JOINED_FAMILY_FIRST: frozenset[str] = frozenset({"native:zh_CN", "native:ja_JP", "native:ko_KR"})
# Sources whose names are often written family name first ("Kim Min-jun", "Wang Lei").
FAMILY_FIRST: frozenset[str] = frozenset({"roman:zh_CN", "roman:zh_TW", "hand:ko", "hu_HU"})

# source -> (male given names, female given names, family names), romanized.
HAND_NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "hand:ar": (
        ("Ahmed", "Mohammed", "Omar", "Khalid", "Youssef", "Hassan", "Tariq", "Karim", "Samir", "Faisal",
         "Walid", "Nabil", "Ziad", "Rami", "Bilal", "Hamza", "Mustafa", "Saif"),
        ("Fatima", "Aisha", "Layla", "Mariam", "Noor", "Huda", "Salma", "Rania", "Dina", "Yasmin", "Amira",
         "Hala", "Reem", "Lina", "Nadia", "Sara", "Zainab", "Maha"),
        ("Al-Sayed", "Haddad", "Khoury", "Mansour", "Nasser", "Saleh", "Hamdan", "Abdullah", "El-Masri",
         "Farouk", "Qasim", "Al-Amin", "Darwish", "Ibrahim", "Jaber", "Rahman", "Sabbagh", "Shami",
         "Tahan", "Al-Hashimi", "Bakri", "Othman"),
    ),
    "hand:ko": (
        ("Min-jun", "Ji-ho", "Jae-won", "Hyun-woo", "Dong-hyun", "Sung-min", "Tae-yang", "Joon-ho",
         "Seung-hoon", "Woo-jin"),
        ("Seo-yeon", "Ha-eun", "Soo-ah", "Ye-jin", "Eun-ji", "Yu-na", "Ji-woo", "Min-seo", "Hye-jin",
         "Da-eun"),
        ("Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Oh", "Seo",
         "Shin", "Kwon", "Hwang", "Ahn", "Song"),
    ),
    "hand:fa": (
        ("Ali", "Reza", "Mehdi", "Hossein", "Dariush", "Kian", "Arash", "Babak", "Kourosh", "Navid"),
        ("Shirin", "Parisa", "Nasrin", "Leila", "Maryam", "Setareh", "Roya", "Azadeh", "Niloufar", "Mina"),
        ("Hosseini", "Ahmadi", "Karimi", "Rezaei", "Moradi", "Tehrani", "Jafari", "Sadeghi", "Rahimi",
         "Farahani", "Kazemi", "Mousavi", "Ghorbani", "Shirazi"),
    ),
    "hand:he": (
        ("Yosef", "Avi", "Eitan", "Noam", "Omer", "Itai", "Yonatan", "Ariel", "Amit", "Guy"),
        ("Noa", "Tamar", "Yael", "Shira", "Michal", "Maya", "Adi", "Hila", "Talia", "Neta"),
        ("Cohen", "Levi", "Mizrahi", "Peretz", "Biton", "Friedman", "Katz", "Azoulay", "Ben-David",
         "Shapiro", "Avraham", "Dahan"),
    ),
    "hand:bn": (
        ("Arif", "Rahim", "Tanvir", "Sabbir", "Imran", "Shafiq", "Rakib", "Mahbub", "Sohel", "Anwar"),
        ("Nusrat", "Farzana", "Tahmina", "Sadia", "Rumana", "Shirin", "Sharmin", "Mitu", "Jannat", "Lamia"),
        ("Hossain", "Islam", "Chowdhury", "Rahman", "Akter", "Uddin", "Sarkar", "Talukder", "Bhuiyan",
         "Mahmud", "Khatun", "Sheikh"),
    ),
    "hand:am": (
        ("Abebe", "Dawit", "Tesfaye", "Bereket", "Yonas", "Mulugeta", "Henok", "Samuel", "Kaleb", "Eyob"),
        ("Meron", "Selam", "Hirut", "Tigist", "Bethlehem", "Liya", "Saba", "Rahel", "Hana", "Mahlet"),
        ("Bekele", "Haile", "Tadesse", "Girma", "Alemu", "Mekonnen", "Wolde", "Kebede", "Assefa",
         "Gebremedhin", "Desta", "Negash"),
    ),
}  # fmt: skip

# Romanization of Cyrillic (Russian, Ukrainian, Bulgarian) and Greek letters, lower case.
TRANSLIT: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "yo", "є": "ye", "ж": "zh",
    "з": "z", "и": "i", "і": "i", "ї": "yi", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch",
    "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th", "ι": "i", "κ": "k",
    "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r", "σ": "s", "ς": "s", "τ": "t",
    "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps", "ω": "o",
}  # fmt: skip

TITLES_MALE: tuple[str, ...] = ("Mr.", "Mr", "Dr.", "Dr", "Prof.", "Sir", "Rev.")
TITLES_FEMALE: tuple[str, ...] = ("Mrs.", "Mrs", "Ms.", "Ms", "Miss", "Dr.", "Dr", "Prof.")

# --- e-mail and URLs -------------------------------------------------------------------------------------

MAIL_DOMAINS: tuple[str, ...] = (
    "gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "proton.me", "aol.com",
    "gmx.de", "web.de", "orange.fr", "libero.it", "yahoo.co.uk", "btinternet.com", "rediffmail.com",
    "mail.ru", "naver.com", "qq.com", "yandex.ru", "uol.com.br", "wp.pl", "seznam.cz", "telkomsa.net",
)  # fmt: skip
PERSONAL_TLDS: tuple[str, ...] = ("com", "net", "org", "me", "dev", "io", "co.uk", "de", "fr", "ca", "in")
# Mailboxes not made of a name: role and shared accounts, numbered accounts, handles ("info@", "user7.desk@",
# "office2@"). People write and paste these as often as name addresses, and a token such as "user" or "info"
# must not make a model read the address as ordinary text.
MAILBOX_WORDS: tuple[str, ...] = (
    "info", "office", "contact", "admin", "support", "sales", "hello", "billing", "team", "hr", "jobs", "press",
    "mail", "desk", "reception", "accounts", "user", "name", "me", "post", "help", "orders", "booking", "home",
    "family", "work", "private", "inbox", "test", "student", "guest", "member", "client", "service",
)  # fmt: skip
# Domains of documentation and test data, written into real text as often as real ones.
EXAMPLE_DOMAINS: tuple[str, ...] = ("example", "example-mail", "test", "mailbox", "sample", "demo")

# Personal URLs without a scheme: a profile, a personal site, a payment or share link. ``{www}`` is "www."
# or nothing; the scheme ("https://", "http://" or none) is added when drawn.
PERSONAL_URLS: tuple[str, ...] = (
    "{www}linkedin.com/in/{slug}", "{www}linkedin.com/in/{slug}-{hex4}{slash}", "github.com/{user}",
    "{www}facebook.com/{user}", "{www}facebook.com/profile.php?id={digits15}", "{www}instagram.com/{user}{slash}",
    "x.com/{user}", "twitter.com/{user}", "{user}.github.io{slash}", "about.me/{user}", "medium.com/@{user}",
    "{user}.wordpress.com", "calendly.com/{slug}", "calendly.com/{slug}/30min", "{www}tiktok.com/@{user}",
    "{www}youtube.com/@{user}", "{www}behance.net/{user}", "dribbble.com/{user}", "soundcloud.com/{user}",
    "{www}flickr.com/photos/{user}", "paypal.me/{user}", "venmo.com/u/{user}", "t.me/{user}",
    "wa.me/{digits11}", "{www}{slugplain}.{tld}{slash}", "{www}{slugplain}.{tld}/about", "{slug}.{tld}/blog",
    "{www}{company}.com/team/{slug}", "{www}{company}.com/people/{slugdot}", "{company}.org/~{user}",
    "{www}researchgate.net/profile/{slugcap}", "{www}strava.com/athletes/{digits8}",
    "{www}etsy.com/shop/{slugplain}", "{www}patreon.com/{user}", "{www}airbnb.com/users/show/{digits9}",
    "drive.google.com/file/d/{tok33}/view", "docs.google.com/document/d/{tok44}/edit",
    "{www}dropbox.com/s/{tok15}/{file}", "zoom.us/j/{digits10}?pwd={tok32}", "photos.app.goo.gl/{tok17}",
    "1drv.ms/u/s!{tok15}", "we.tl/t-{tok10}", "{www}{company}.com/reset?token={hex32}",
)  # fmt: skip
FILES: tuple[str, ...] = ("passport.pdf", "payslip_march.pdf", "IMG_4410.jpg", "lease.pdf", "cv_2024.docx")
# Made-up company stems for e-mail domains and staff pages.
COMPANY_STEMS: tuple[str, ...] = (
    "northwindlabs", "bluecanoe", "tallpine", "brightforge", "quillandco", "harborline", "vantagepoint",
    "sundialhealth", "copperleaf", "meadowsoft", "ironbridge", "lumenworks", "riverstone", "kestrelai",
)  # fmt: skip

# Public URLs (hard negatives): documentation, news, reference, government and shop pages.
PUBLIC_URLS: tuple[str, ...] = (
    "docs.python.org/3/library/{module}.html", "en.wikipedia.org/wiki/{topic}", "{www}bbc.co.uk/news/{news}",
    "{www}gov.uk/{govuk}", "{www}irs.gov/forms-pubs", "{www}who.int/news-room/fact-sheets",
    "developer.mozilla.org/en-US/docs/Web/{mdn}", "{www}{company}.com/pricing", "{www}{company}.com/careers",
    "help.{company}.com/articles/{digits6}", "status.{company}.com", "{www}{company}.com/blog/{topicslug}",
    "support.{company}.com/hc/en-us", "{www}nasa.gov/missions", "{www}un.org/en/about-us",
    "pypi.org/project/{module}/", "github.com/{org}/{module}/issues/{digits4}", "{www}amazon.com/dp/{asin}",
    "maps.google.com", "{www}europa.eu/youreurope", "{www}canada.ca/en/services/benefits.html",
    "{www}reuters.com/world/", "{www}nytimes.com/section/technology", "{www}ox.ac.uk/admissions",
    "{www}cdc.gov/flu/index.html", "{www}nhs.uk/conditions/{condition}/", "stackoverflow.com/questions/{digits8}",
)  # fmt: skip
PUBLIC_PIECES: dict[str, tuple[str, ...]] = {
    "module": ("json", "pathlib", "asyncio", "logging", "requests", "numpy", "flask", "httpx"),
    "topic": ("Unicode", "Photosynthesis", "ISO_8601", "Great_Barrier_Reef", "Haiku", "Volcano", "Jazz"),
    "topicslug": ("release-notes", "how-we-hire", "product-update", "year-in-review", "security-practices"),
    "news": ("world-europe-68312345", "technology-67894512", "business-69011223", "science-environment-1"),
    "govuk": ("apply-renew-passport", "vehicle-tax", "browse/benefits", "council-tax-bands"),
    "mdn": ("HTML", "CSS/display", "API/Fetch_API", "HTTP/Status/404"),
    "org": ("pallets", "psf", "numpy", "pytorch", "huggingface", "rust-lang"),
    "condition": ("flu", "hay-fever", "migraine", "chickenpox"),
}

# --- phones ----------------------------------------------------------------------------------------------

# Regions for phonenumbers, with a weight (English-speaking regions drawn more often).
PHONE_REGIONS: tuple[tuple[str, float], ...] = (
    ("US", 6), ("GB", 5), ("CA", 2), ("AU", 2), ("IE", 1), ("NZ", 1), ("IN", 4), ("NG", 2), ("KE", 1.5),
    ("ZA", 1.5), ("GH", 1), ("PH", 1.5), ("SG", 1), ("MY", 1), ("PK", 1), ("BD", 1), ("AE", 1), ("SA", 1),
    ("EG", 1), ("DE", 2), ("FR", 2), ("ES", 1.5), ("IT", 1.5), ("NL", 1), ("BE", 1), ("CH", 1), ("AT", 1),
    ("PT", 1), ("PL", 1), ("SE", 1), ("NO", 1), ("DK", 1), ("FI", 1), ("CZ", 1), ("RO", 1), ("TR", 1),
    ("GR", 1), ("UA", 1), ("RU", 1), ("IL", 1), ("BR", 1.5), ("MX", 1.5), ("AR", 1), ("CO", 1), ("CL", 1),
    ("JP", 1), ("KR", 1), ("CN", 1), ("HK", 0.5), ("TW", 0.5), ("VN", 1), ("ID", 1), ("TH", 1),
)  # fmt: skip

# --- dates -----------------------------------------------------------------------------------------------

MONTHS: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
)  # fmt: skip
WEEKDAYS: tuple[str, ...] = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def ordinal(n: int) -> str:
    """``1st``, ``2nd``, ``11th``, ``23rd``."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _mon(d: dt.date) -> str:
    return MONTHS[d.month - 1]


def _wd(d: dt.date) -> str:
    return WEEKDAYS[d.weekday()]


# Written forms of a date, as functions of the date: US, British, ISO, dotted, with weekdays, without a year.
DATE_FORMS: tuple[Callable[[dt.date], str], ...] = (
    lambda d: f"{_mon(d)} {d.day}, {d.year}",
    lambda d: f"{_mon(d)[:3]} {d.day}, {d.year}",
    lambda d: f"{_mon(d)[:3]}. {d.day}, {d.year}",
    lambda d: f"{_mon(d)} {ordinal(d.day)}, {d.year}",
    lambda d: f"{_mon(d)} {d.day} {d.year}",
    lambda d: f"{d.day} {_mon(d)} {d.year}",
    lambda d: f"{d.day} {_mon(d)[:3]} {d.year}",
    lambda d: f"{ordinal(d.day)} {_mon(d)} {d.year}",
    lambda d: f"{ordinal(d.day)} of {_mon(d)} {d.year}",
    lambda d: f"{ordinal(d.day)} of {_mon(d)}, {d.year}",
    lambda d: f"{d.month:02d}/{d.day:02d}/{d.year}",
    lambda d: f"{d.month}/{d.day}/{d.year}",
    lambda d: f"{d.month}/{d.day}/{d.year % 100:02d}",
    lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}",
    lambda d: f"{d.day}/{d.month}/{d.year}",
    lambda d: f"{d.day:02d}-{d.month:02d}-{d.year}",
    lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",
    lambda d: f"{d.day}.{d.month}.{d.year % 100:02d}",
    lambda d: d.isoformat(),
    lambda d: f"{d.year}/{d.month:02d}/{d.day:02d}",
    lambda d: f"{d.day:02d}-{_mon(d)[:3]}-{d.year}",
    lambda d: f"{d.day:02d} {_mon(d)[:3].upper()} {d.year}",
    lambda d: f"{_wd(d)}, {_mon(d)} {d.day}, {d.year}",
    lambda d: f"{_wd(d)} {d.day} {_mon(d)} {d.year}",
    lambda d: f"{_wd(d)[:3]}, {d.day} {_mon(d)[:3]} {d.year}",
    lambda d: f"{d.day} {_mon(d)[:3]} '{d.year % 100:02d}",
    lambda d: f"{_mon(d)} {d.day}",
    lambda d: f"{_mon(d)} {ordinal(d.day)}",
    lambda d: f"{d.day} {_mon(d)}",
    lambda d: f"the {ordinal(d.day)} of {_mon(d)}",
    lambda d: f"{_wd(d)}, {_mon(d)[:3]} {d.day}",
    lambda d: f"{_wd(d)} the {ordinal(d.day)}",
)

# --- addresses -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AddressFormat:
    """How one country writes a postal address.

    ``layouts`` are the lines of a block, each a pattern over the pieces ``{street}``, ``{unit}``,
    ``{city}``, ``{postcode}``, ``{region}``, ``{abbr}``, ``{district}``; the line holding ``{street}`` is
    replaced by a ``pobox`` line in a P.O.-box address. ``units`` are apartment, suite or floor pieces put
    where ``{unit}`` is (a leading ``\\n`` puts one on its own line). Pieces come from the Faker ``locale``,
    or, where it is None or a piece is listed in ``hand``, from ``hand``'s tuples (numbers filled in).
    """

    code: str
    locale: str | None
    layouts: tuple[tuple[str, ...], ...]
    countries: tuple[str, ...]
    units: tuple[str, ...] = ()
    pobox: tuple[str, ...] = ()
    postcode: str = ""  # a pattern overriding the locale's postcode ("####-###")
    hand: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # real (city, region or abbreviation) pairs, drawn half the time instead of the locale's
    real: tuple[tuple[str, str], ...] = ()


ADDRESS_FORMATS: tuple[AddressFormat, ...] = (
    AddressFormat(
        "US", "en_US",
        (("{street}{unit}", "{city}, {abbr} {postcode}"), ("{street}{unit}", "{city} {abbr} {postcode}")),
        ("USA", "United States", "U.S.A.", "United States of America"),
        (" Apt {n}", " Apt. {nn}{l}", " Suite {nnn}", " Unit {nn}", " #{nn}", "\nApt {nn}{l}", "\nSuite {nnn}"),
        ("PO Box {nnnn}", "P.O. Box {nnnnn}", "Post Office Box {nnn}"),
        real=(("Austin", "TX"), ("Columbus", "OH"), ("Portland", "OR"), ("Raleigh", "NC"), ("Tucson", "AZ"),
              ("Omaha", "NE"), ("Boise", "ID"), ("Albany", "NY"), ("Madison", "WI"), ("Savannah", "GA"),
              ("Fresno", "CA"), ("Duluth", "MN"), ("Tampa", "FL"), ("Denver", "CO"), ("Richmond", "VA")),
    ),
    AddressFormat(
        "GB", "en_GB",
        (("{unit}{street}", "{city}", "{postcode}"), ("{unit}{street}", "{city} {postcode}")),
        ("United Kingdom", "UK", "England", "Scotland", "Wales"),
        ("Flat {n}, ", "Flat {nn}{l}, ", "Apartment {nn}, ", "Flat {n}\n"),
        ("PO Box {nnn}", "P.O. Box {nnnn}"),
        real=(("Leeds", ""), ("Bristol", ""), ("Glasgow", ""), ("Cardiff", ""), ("Norwich", ""),
              ("Sheffield", ""), ("Brighton", ""), ("Aberdeen", ""), ("Leicester", ""), ("York", "")),
    ),
    AddressFormat(
        "CA", "en_CA", (("{unit}{street}", "{city}, {abbr} {postcode}"), ("{unit}{street}", "{city} {abbr}  {postcode}")),
        ("Canada",), ("Unit {n} - ", "{nnn}-", "Apt {nn}, ", "Suite {nnn}, "),
        ("PO Box {nnnn}", "PO Box {nnnn} Stn Main", "C.P. {nnn}"),
        real=(("Toronto", "ON"), ("Halifax", "NS"), ("Winnipeg", "MB"), ("Calgary", "AB"), ("Victoria", "BC"),
              ("Ottawa", "ON"), ("Regina", "SK"), ("Moncton", "NB")),
    ),
    AddressFormat(
        "AU", "en_AU", (("{unit}{street}", "{city} {abbr} {postcode}"),), ("Australia",),
        ("Unit {n}, ", "{n}/", "Apartment {nn}, ", "Level {n}, "),
        ("PO Box {nnnn}", "GPO Box {nnnn}", "Locked Bag {nn}"),
        real=(("Brisbane", "QLD"), ("Fremantle", "WA"), ("Hobart", "TAS"), ("Geelong", "VIC"),
              ("Newcastle", "NSW"), ("Darwin", "NT"), ("Adelaide", "SA")),
    ),
    AddressFormat(
        "NZ", "en_NZ", (("{unit}{street}", "{city} {postcode}"),), ("New Zealand",),
        ("Flat {n}, ", "{n}/", "Unit {n}{l}, "), ("PO Box {nnnn}", "Private Bag {nnnn}"),
        real=(("Wellington", ""), ("Dunedin", ""), ("Hamilton", ""), ("Nelson", ""), ("Tauranga", "")),
    ),
    AddressFormat(
        "IE", "en_IE", (("{unit}{street}", "{city}", "Co. {region}", "{postcode}"), ("{unit}{street}", "{city} {postcode}")),
        ("Ireland",), ("Apt {nn}, ", "Apartment {n}, "), ("PO Box {nnn}",),
        real=(("Galway", "Galway"), ("Cork", "Cork"), ("Kilkenny", "Kilkenny"), ("Sligo", "Sligo")),
    ),
    AddressFormat(
        "IN", "en_IN", (("{unit}{street}", "{city} - {postcode}", "{region}"), ("{unit}{street}", "{city}, {region} {postcode}")),
        ("India",), ("Flat No. {nnn}, ", "Flat {nnn}, ", "Door No. {nn}, "), ("PO Box {nnn}", "Post Box No. {nnn}"),
        real=(("Pune", "Maharashtra"), ("Chennai", "Tamil Nadu"), ("Jaipur", "Rajasthan"),
              ("Kochi", "Kerala"), ("Lucknow", "Uttar Pradesh"), ("Bengaluru", "Karnataka")),
    ),
    AddressFormat(
        "DE", "de_DE", (("{street}{unit}", "{postcode} {city}"),), ("Germany", "GERMANY", "Deutschland"),
        (", {n}. OG", ", Whg. {n}", "\nWohnung {nn}", ", Hinterhaus"), ("Postfach {nnnn}", "Postfach {nn} {nn}"),
    ),
    AddressFormat(
        "AT", "de_AT", (("{street}{unit}", "{postcode} {city}"),), ("Austria", "Österreich"),
        ("/Top {n}", "/{n}/{nn}"), ("Postfach {nnn}",),
    ),
    AddressFormat(
        "CH", "de_CH", (("{street}", "{postcode} {city}"), ("{street}", "CH-{postcode} {city}")),
        ("Switzerland", "Schweiz", "Suisse"), (), ("Postfach {nnn}", "Case postale {nnn}"),
    ),
    AddressFormat(
        "FR", "fr_FR", (("{unit}{street}", "{postcode} {city}"),), ("France", "FRANCE"),
        ("Appt {nn}, ", "Bât. {l}, ", "Apt {nn}\n", "Résidence Les Tilleuls\n"), ("BP {nnn}", "CS {nnnnn}"),
    ),
    AddressFormat(
        "BE", "nl_BE", (("{street}{unit}", "{postcode} {city}"),), ("Belgium", "België", "Belgique"),
        (" bus {n}", "/{n}", " bte {nn}"), ("Postbus {nnn}",),
    ),
    AddressFormat(
        "NL", "nl_NL", (("{street}{unit}", "{postcode} {city}"), ("{street}{unit}", "{postcode}  {city}")),
        ("Netherlands", "The Netherlands", "Nederland"), ("-{l}", " {l}", "-{n}", " hs", "-{nn}"), ("Postbus {nnnn}",),
    ),
    AddressFormat(
        "ES", "es_ES", (("{street}{unit}", "{postcode} {city}"), ("{street}{unit}", "{postcode} {city} ({region})")),
        ("Spain", "España"), (", {n}º {l}", ", {n}º {n}ª", ", piso {n}, puerta {n}", ", Esc. {l}, {n}º"),
        ("Apartado de Correos {nnn}", "Apdo. {nnnn}"),
    ),
    AddressFormat(
        "IT", "it_IT", (("{street}{unit}", "{postcode} {city} ({abbr})"), ("{street}{unit}", "{postcode} {city}")),
        ("Italy", "Italia"), (", scala {l}, int. {n}", ", int. {nn}", ", piano {n}"),
        ("Casella Postale {nnn}", "C.P. {nnn}"),
    ),
    AddressFormat(
        "PT", "pt_PT", (("{street}{unit}", "{postcode} {city}"),), ("Portugal",),
        (", {n}º Esq.", ", {n}º Dto.", ", {n}º {l}", ", R/C"), ("Apartado {nnn}",),
    ),
    AddressFormat(
        "BR", "pt_BR", (("{street}{unit}", "{district}", "{city} - {abbr}", "{postcode}"), ("{street}{unit} - {district}", "{city}/{abbr}", "CEP {postcode}")),
        ("Brazil", "Brasil"), (", apto {nn}", ", apt. {nnn}", ", casa {n}", ", bloco {l}, apto {nn}"),
        ("Caixa Postal {nnnn}",), postcode="#####-###",
    ),
    AddressFormat(
        "MX", "es_MX", (("{street}", "Col. {district}", "{postcode} {city}, {abbr}"),), ("Mexico", "México"),
        (), ("Apartado Postal {nnn}",),
        hand=(("district", ("Roma Norte", "Condesa", "Del Valle", "Polanco", "Centro", "Narvarte", "Coyoacán")),),
    ),
    AddressFormat(
        "AR", "es_AR", (("{street}{unit}", "{postcode} {city}", "{region}"),), ("Argentina",),
        (", Piso {n} Dto. {l}", " {n}º {l}", ", {n}° \"{l}\""), ("Casilla de Correo {nnn}",), postcode="?####???",
    ),
    AddressFormat(
        "CO", "es_CO", (("{street}{unit}", "{city}, {region}"),), ("Colombia",),
        (" Apto {nnn}", " Torre {n} Apto {nnn}", " Casa {n}"), ("Apartado Aéreo {nnnn}",),
    ),
    AddressFormat(
        "CL", "es_CL", (("{street}{unit}", "{city}", "{region}"),), ("Chile",), (", depto. {nnn}", ", dpto {nn}"),
        ("Casilla {nnn}",),
    ),
    AddressFormat(
        "PL", "pl_PL", (("{street}{unit}", "{postcode} {city}"),), ("Poland", "Polska"), (" m. {n}", " lok. {n}"),
        ("Skrytka pocztowa {nnn}", "skr. poczt. {nn}"),
    ),
    AddressFormat(
        "CZ", "cs_CZ", (("{street}{unit}", "{postcode} {city}"),), ("Czech Republic", "Czechia"), ("/{n}",),
        ("P. O. Box {nn}",),
    ),
    AddressFormat(
        "SK", "sk_SK", (("{street}", "{postcode} {city}"),), ("Slovakia", "Slovensko"), (), ("P. O. Box {nn}",),
    ),
    AddressFormat(
        "HU", "hu_HU", (("{city}", "{street}{unit}", "{postcode}"), ("{postcode} {city}", "{street}{unit}")),
        ("Hungary", "Magyarország"), (" {n}. em. {n}.", " fsz. {n}", " {n}/{nn}"), ("Pf. {nnn}", "Postafiók {nnn}"),
    ),
    AddressFormat(
        "RO", "ro_RO", (("{street}{unit}", "{city} {postcode}", "jud. {region}"), ("{street}{unit}", "{postcode} {city}")),
        ("Romania", "România"), (", bl. {l}{n}, sc. {l}, ap. {nn}", ", ap. {nn}"), ("CP {nn}",),
    ),
    AddressFormat(
        "SE", "sv_SE", (("{street}{unit}", "{postcode} {city}"),), ("Sweden", "Sverige"), (", lgh {nnnn}", " {n} tr"),
        ("Box {nnn}", "Box {nnnn}"), postcode="### ##",
    ),
    AddressFormat(
        "NO", "no_NO", (("{street}{unit}", "{postcode} {city}"),), ("Norway", "Norge"), (", H0{n}0{n}", " {l}"),
        ("Postboks {nnn}",),
    ),
    AddressFormat(
        "DK", "da_DK", (("{street}{unit}", "{postcode} {city}"), ("{street}{unit}", "DK-{postcode} {city}")),
        ("Denmark", "Danmark"), (", {n}. tv.", ", {n}. th.", ", st. mf."), ("Postboks {nnn}",),
    ),
    AddressFormat(
        "FI", "fi_FI", (("{street}{unit}", "{postcode} {city}"),), ("Finland", "Suomi"), (" A {n}", " B {nn}", " as. {n}"),
        ("PL {nnn}",),
    ),
    AddressFormat(
        "HR", "hr_HR", (("{street}", "{postcode} {city}"), ("{street}", "HR-{postcode} {city}")), ("Croatia", "Hrvatska"),
        (), ("p.p. {nn}",),
    ),
    AddressFormat(
        "ID", "id_ID", (("{street}{unit}", "{city} {postcode}", "{region}"), ("{street}{unit}", "{city}, {region} {postcode}")),
        ("Indonesia",), (" RT {n}/RW {n}", " Blok {l} No. {n}"), ("PO Box {nnnn}", "Kotak Pos {nnn}"),
    ),
    AddressFormat(
        "MY", "en_MS", (("{street}", "{postcode} {city}", "{region}"),), ("Malaysia",), (),
        ("Peti Surat {nnn}", "PO Box {nnnn}"),
    ),
    AddressFormat(
        "VN", "vi_VN", (("{street}", "{city}"), ("{street}, {district}", "{city}")), ("Vietnam", "Viet Nam"), (), (),
        hand=(("district", ("Phường Bến Nghé", "Quận 3", "Phường Hàng Bạc", "Quận Hải Châu", "Phường 7")),),
    ),
    AddressFormat(
        "JP", None,
        (("{unit}{street}", "{district}, {city} {postcode}"), ("{postcode}", "{city}, {district}", "{street}{unit}")),
        ("Japan",), ("Room {nnn}, ", "Sakura Heights {nnn}, ", "\nApt {nnn}"), ("PO Box {nnn}",),
        postcode="###-####",
        hand=(("street", ("{n}-{nn}-{n} Jingumae", "{n}-{n}-{nn} Nishi-Shinjuku", "{n}-{nn} Umeda",
                          "{n}-chome-{n}-{nn} Minami-Aoyama", "{n}-{n}-{n} Tenjin", "{nn}-{n} Sakae")),
              ("district", ("Shibuya-ku", "Shinjuku-ku", "Kita-ku", "Naka-ku", "Chuo-ku", "Minato-ku")),
              ("city", ("Tokyo", "Osaka", "Nagoya", "Fukuoka", "Sapporo", "Yokohama", "Kyoto"))),
    ),
    AddressFormat(
        "KR", None, (("{unit}{street}", "{district}, {city} {postcode}"),), ("South Korea", "Republic of Korea", "Korea"),
        ("Apt {nnn}-{nnnn}, ", "{nnn}-dong {nnnn}-ho, ", "Unit {nnnn}, "), (), postcode="#####",
        hand=(("street", ("{nn} Teheran-ro", "{nnn} Sejong-daero", "{nn} Olympic-ro {nn}-gil", "{nn} Hangang-daero")),
              ("district", ("Gangnam-gu", "Jongno-gu", "Mapo-gu", "Songpa-gu", "Haeundae-gu", "Suseong-gu")),
              ("city", ("Seoul", "Busan", "Incheon", "Daegu", "Daejeon"))),
    ),
    AddressFormat(
        "CN", None, (("{unit}{street}", "{district}, {city} {postcode}"), ("{unit}{street}, {district}", "{city}, {postcode}")),
        ("China", "P.R. China", "PRC"), ("Room {nnnn}, ", "Flat {nnn}, Building {n}, "), (), postcode="######",
        hand=(("street", ("No. {nn} Jianguo Road", "No. {nnn} Nanjing West Road", "{nn} Huaihai Middle Road",
                          "No. {n} Zhongshan Avenue", "{nnn} Tianfu Avenue")),
              ("district", ("Chaoyang District", "Jing'an District", "Tianhe District", "Nanshan District",
                            "Wuhou District", "Xihu District")),
              ("city", ("Beijing", "Shanghai", "Guangzhou", "Shenzhen", "Chengdu", "Hangzhou"))),
    ),
    AddressFormat(
        "SG", None, (("{street}{unit}", "Singapore {postcode}"),), ("Singapore",), (" #{nn}-{nnn}", " #0{n}-{nn}"),
        ("PO Box {nnnn}",), postcode="######",
        hand=(("street", ("Blk {nnn} Ang Mo Kio Avenue {n}", "{nn} Orchard Road", "Blk {nnn} Tampines Street {nn}",
                          "{n} Marine Parade Road", "Blk {nnn} Jurong West Street {nn}")),),
    ),
    AddressFormat(
        "NG", None, (("{street}", "{district}", "{city} {postcode}", "{region}"), ("{street}, {district}", "{city}")),
        ("Nigeria",), (), ("P.O. Box {nnnn}", "PMB {nnnn}"), postcode="######",
        hand=(("street", ("{nn} Adeola Odeku Street", "Plot {nnn}, Adetokunbo Ademola Crescent", "{n} Awolowo Road",
                          "{nn} Allen Avenue", "No. {nn} Ahmadu Bello Way", "{nn} Bode Thomas Street")),
              ("district", ("Victoria Island", "Ikoyi", "Ikeja", "Wuse II", "Garki", "Bodija", "Surulere")),
              ("city", ("Lagos", "Abuja", "Ibadan", "Port Harcourt", "Kano", "Enugu")),
              ("region", ("Lagos State", "FCT", "Oyo State", "Rivers State", "Kano State"))),
    ),
    AddressFormat(
        "KE", None, (("{street}", "{district}", "{city} {postcode}"), ("{street}, {district}", "{city}")),
        ("Kenya",), (), ("P.O. Box {nnnnn}-{postcode}", "P.O. Box {nnnn}"), postcode="00###",
        hand=(("street", ("House No. {nn}, Ngong Road", "{nn} Moi Avenue", "Apartment {l}{n}, Riverside Drive",
                          "Plot {nnn}, Kenyatta Avenue", "{nn} Lenana Road")),
              ("district", ("Kilimani", "Westlands", "Lavington", "Nyali", "Karen")),
              ("city", ("Nairobi", "Mombasa", "Kisumu", "Nakuru", "Eldoret"))),
    ),
    AddressFormat(
        "ZA", None, (("{unit}{street}", "{district}", "{city}", "{postcode}"), ("{unit}{street}, {district}", "{city} {postcode}")),
        ("South Africa",), ("Unit {n}, ", "Flat {nn}, "), ("PO Box {nnnn}", "Private Bag X{nn}"), postcode="####",
        hand=(("street", ("{nn} Long Street", "{nnn} Jan Smuts Avenue", "{n} Vilakazi Street", "{nn} Florida Road",
                          "{nn} Beach Road")),
              ("district", ("Gardens", "Rosebank", "Orlando West", "Morningside", "Sea Point", "Hatfield")),
              ("city", ("Cape Town", "Johannesburg", "Durban", "Pretoria", "Soweto", "Gqeberha"))),
    ),
    AddressFormat(
        "EG", None, (("{unit}{street}", "{district}, {city} {postcode}"),), ("Egypt",), ("Apartment {n}, ", "Floor {n}, "),
        ("P.O. Box {nnn}",), postcode="#####",
        hand=(("street", ("{nn} El Tahrir Street", "{n} Corniche El Nil", "{nn} Abbas El Akkad Street", "{nn} Road 9")),
              ("district", ("Dokki", "Zamalek", "Nasr City", "Maadi", "Heliopolis")),
              ("city", ("Cairo", "Giza", "Alexandria"))),
    ),
    AddressFormat(
        "AE", None, (("{street}", "{district}", "{city}"), ("{street}, {district}, {city}",)),
        ("United Arab Emirates", "UAE"), (), ("P.O. Box {nnnnn}",),
        hand=(("street", ("Villa {nn}, Street {nn}", "Apartment {nnn}, {l} Tower, Sheikh Zayed Road",
                          "Flat {nnn}, Al Wasl Road", "Villa {n}, Street {nn}")),
              ("district", ("Al Barsha {n}", "Jumeirah {n}", "Dubai Marina", "Al Khalidiyah", "Al Nahda")),
              ("city", ("Dubai", "Abu Dhabi", "Sharjah", "Ajman"))),
    ),
    AddressFormat(
        "TR", None, (("{street}{unit}", "{postcode} {district}/{city}"), ("{street}{unit}", "{district}", "{postcode} {city}")),
        ("Turkey", "Türkiye"), (" D: {n}", " Daire {n}", " K:{n} D:{nn}"), ("PK {nnn}",), postcode="#####",
        hand=(("street", ("Atatürk Cad. No: {nn}", "Bağdat Caddesi No:{nnn}", "Cumhuriyet Mah. {nnn}. Sokak No: {n}",
                          "İstiklal Cd. No: {nn}", "Gazi Bulvarı No: {nn}")),
              ("district", ("Kadıköy", "Çankaya", "Beşiktaş", "Konak", "Nilüfer")),
              ("city", ("İstanbul", "Ankara", "İzmir", "Bursa", "Antalya"))),
    ),
    AddressFormat(
        "PH", None, (("{unit}{street}", "{district}, {city} {postcode}"), ("{unit}{street}, {district}", "{city}, {postcode}")),
        ("Philippines",), ("Unit {nnn}, ", "Rm {nnn}, "), ("P.O. Box {nnnn}",), postcode="####",
        hand=(("street", ("{nnnn} Ayala Avenue", "{nn} Rizal Street", "Blk {nn} Lot {nn} Sampaguita St.",
                          "{nnn} Katipunan Avenue", "{nn} Mabini Street")),
              ("district", ("Barangay San Antonio", "Brgy. Poblacion", "Barangay Lahug", "Brgy. Kapitolyo")),
              ("city", ("Makati City", "Quezon City", "Cebu City", "Davao City", "Pasig City"))),
    ),
)  # fmt: skip

# --- hard negatives --------------------------------------------------------------------------------------

# Capitalized words that start sentences or replies: interjections, pronouns, office and department nouns,
# and words that are also given names ("Will", "May", "Grace"). Never labelled.
OPENERS: tuple[str, ...] = (
    "Cool", "Sure", "Thanks", "Thank you", "Great", "Okay", "OK", "Ok", "Sorry", "Yes", "Yeah", "Yep", "No",
    "Nope", "Hi", "Hello", "Hey", "Honestly", "Anyway", "Also", "Well", "Perfect", "Done", "Noted", "Right",
    "Absolutely", "Awesome", "Nice", "Lovely", "Cheers", "Understood", "Got it", "Alright", "Hmm", "Oh",
    "Wow", "Fine", "Agreed", "Definitely", "Of course", "Sounds good", "No worries", "Good morning",
    "Apologies", "Unfortunately", "Actually", "Btw", "Update", "Quick question", "Reminder", "Welcome",
)  # fmt: skip
PRONOUNS: tuple[str, ...] = ("She", "He", "They", "We", "It", "You", "I", "Someone", "Everyone", "Nobody")
OFFICES: tuple[str, ...] = (
    "Office", "Reception", "Security", "Finance", "Billing", "Support", "Delivery", "Payroll", "Housing",
    "Admin", "Management", "Customer Service", "Accounts", "Maintenance", "Legal", "Dispatch", "Front Desk",
    "Pharmacy", "Registrar", "Facilities", "HR", "IT", "Sales", "Warehouse", "Council",
)  # fmt: skip
# Speaker roles in transcripts: (first speaker, second speaker). Never labelled.
ROLE_PAIRS: tuple[tuple[str, str], ...] = (
    ("Agent", "Customer"), ("Support", "User"), ("Operator", "Caller"), ("Nurse", "Patient"), ("Bot", "Me"),
    ("Interviewer", "Candidate"), ("Host", "Guest"), ("Teacher", "Parent"), ("Driver", "Passenger"),
    ("Landlord", "Tenant"), ("Advisor", "Client"), ("Receptionist", "Caller"), ("Q", "A"), ("Staff", "Visitor"),
    ("Rep", "Customer"), ("Assistant", "User"), ("Dispatcher", "Caller"), ("Pharmacist", "Customer"),
    ("Moderator", "Member"), ("Seller", "Buyer"), ("Doctor", "Patient"), ("Coach", "Player"),
)  # fmt: skip
ORGS: tuple[str, ...] = (
    "Northwind Bank", "Bluewater Insurance", "City General Hospital", "Harbor Credit Union", "the Department of Revenue",
    "Greenfield Council", "Maple Leaf Telecom", "the Tax Office", "St. Anne's Clinic", "Riverside Dental",
    "the Passport Office", "Summit Airlines", "Orbit Mobile", "Crescent Energy", "the DMV", "Brightway Realty",
    "Pioneer Logistics", "the Post Office", "Lakeside University", "Sunrise Pharmacy", "Metro Transit",
    "Oakridge Library", "Atlas Gym", "Silverline Couriers", "the British Council", "the Red Cross", "UNICEF",
    "Google", "Microsoft", "Amazon", "IKEA", "Samsung", "Toyota", "Airbnb", "Uber", "PayPal", "Spotify",
    "Netflix", "Vodafone", "HSBC", "Barclays", "Deutsche Bahn", "Tesco", "Walmart", "FedEx", "DHL", "Apple",
)  # fmt: skip
PRODUCTS: tuple[str, ...] = (
    "iPhone 15", "Galaxy S24", "Pixel 8", "Kindle Paperwhite", "PlayStation 5", "the X200 printer",
    "the Pro plan", "Windows 11", "Office 365", "the premium subscription", "AirPods", "the router",
    "Model 3", "the family plan", "the blue kettle", "MacBook Air", "the standing desk", "Excel",
)  # fmt: skip
PLACES: tuple[str, ...] = (
    "Central Station", "the public library", "Heathrow Airport", "the town hall", "Hyde Park", "the British Museum",
    "Times Square", "the main square", "Terminal 2", "the city hospital", "the train station", "JFK",
    "the Eiffel Tower", "the museum", "Union Square", "the farmers market", "the stadium", "Platform 4",
    "the mall", "the harbour", "the old town", "Gate B12", "the community centre", "the north entrance",
)  # fmt: skip
CITIES: tuple[str, ...] = (
    "London", "Paris", "Lagos", "Nairobi", "Mumbai", "Delhi", "Toronto", "Sydney", "Berlin", "Madrid",
    "Rome", "Lisbon", "Warsaw", "Istanbul", "Cairo", "Dubai", "Tokyo", "Seoul", "Shanghai", "Manila",
    "Jakarta", "Hanoi", "Mexico City", "Bogotá", "Buenos Aires", "São Paulo", "Johannesburg", "Accra",
    "Dublin", "Edinburgh", "Chicago", "Houston", "Boston", "Vancouver", "Melbourne", "Auckland", "Karachi",
    "Dhaka", "Bangkok", "Singapore", "Amsterdam", "Brussels", "Vienna", "Zurich", "Stockholm", "Oslo",
    "Helsinki", "Prague", "Budapest", "Bucharest", "Athens", "Kyiv", "Tel Aviv", "Tehran", "Addis Ababa",
)  # fmt: skip
COUNTRIES: tuple[str, ...] = (
    "Nigeria", "Kenya", "India", "Pakistan", "Bangladesh", "the UK", "Ireland", "Canada", "the US", "Australia",
    "New Zealand", "Germany", "France", "Spain", "Italy", "Portugal", "Poland", "Turkey", "Egypt", "Morocco",
    "Ghana", "South Africa", "Brazil", "Mexico", "Argentina", "Colombia", "Chile", "Japan", "China", "Korea",
    "Vietnam", "Indonesia", "the Philippines", "Malaysia", "Thailand", "Ukraine", "Greece", "Sweden",
    "Norway", "Finland", "the Netherlands", "Belgium", "Switzerland", "Austria", "Israel", "Iran", "Ethiopia",
)  # fmt: skip
# Amount formats over (whole, cents).
AMOUNTS: tuple[str, ...] = (
    "${w:,}.{c:02d}", "${w:,}", "£{w:,}.{c:02d}", "€{w:,}", "{w:,}.{c:02d} EUR", "₹{w:,}", "R$ {w},{c:02d}",
    "CHF {w}", "¥{w:,}", "AED {w:,}", "KES {w:,}", "₦{w:,}", "{w} USD", "USD {w:,}.{c:02d}", "C${w}",
    "A${w}.{c:02d}", "{w:,} kr", "PHP {w:,}",
)  # fmt: skip
DURATIONS: tuple[str, ...] = (
    "two weeks", "48 hours", "3 days", "ten minutes", "six months", "a year", "90 days", "an hour", "5-7 business days",
)  # fmt: skip
RELATIVE_DAYS: tuple[str, ...] = (
    "tomorrow", "today", "next week", "this weekend", "next Tuesday", "on Friday", "last month",
    "Monday morning", "end of the month", "tonight", "yesterday", "in the spring", "after Easter",
)  # fmt: skip
