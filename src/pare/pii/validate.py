"""Validation of detected spans where a library or a checksum knows the format.

Each span of a validated label is trimmed (never extended, but for an e-mail or URL cut inside its address,
which grows to the whole address, and an address cut inside its street name), kept or dropped; spans of other labels pass
unchanged. The rules are deliberately conservative: they fix boundary errors (a sentence's closing period
or bracket swallowed into the span) and drop spans that cannot be of their category (a 5-digit postcode
tagged as a phone, an IBAN whose check digits fail). ``validate_spans(..., labels=...)`` runs only some
validators, so a caller keeps a validator only where measurement shows it helps.

- ``private_email``: trim surrounding brackets, quotes, ``mailto:`` and sentence punctuation; drop unless
  ``local@domain.tld`` (an RFC 5322 subset: dot-atom local part, dotted domain, alphabetic TLD). An address
  the model left wholly outside its spans is added (score 1.0): the one span validation creates.
- ``private_url``: trim leading brackets/quotes, trailing sentence punctuation and unbalanced closing
  brackets/quotes; drop if it has whitespace inside, or neither a scheme/``www.`` nor a dotted host.
- ``private_phone``: trim punctuation and a form's leading separator (``- ``, ``: ``, ``| ``); keep if
  ``phonenumbers`` finds it possible (international, or national in a common region with at least 7 digits)
  or it has 7–15 digits; drop otherwise.
- ``account_number``: trim punctuation, a leading separator and edge words without digits (``IBAN``,
  ``no.``; not from an IBAN, which may end in letters); drop an IBAN whose mod-97 check fails, and a
  4-4-4-4-grouped card number whose Luhn check fails; keep everything else (plain account numbers carry no
  checksum).
- ``private_date``: trim punctuation and a leading separator, never drop.
- ``private_address``: trim a leading separator (``- ``, ``, ``), never drop; one that starts inside its
  street name (first word without a digit) grows back over the capitalized words before it on its line
  (``Jl. Gatot`` of ``Jl. Gatot Subroto No. 12``), taking over spans there; a block whose first line is a
  name above a numbered street or P.O. box line is cut in two, a person span and the address below it.
  Address spans on the lines of one block (apart by one line break at most), with a number between them that
  was taken for a phone or a date, are joined into one address first.
- a ``private_phone`` span that is a grouped, Luhn-valid card number is relabelled ``account_number``.
- ``private_person``: trim a leading title or honorific (``Dr.``, ``Engr.``, ``Frau``) and, in a name written
  with capitals, uncapitalized edge words; drop a title, a letter, a form label (``D.O.B.``, ``Sex``), an
  abbreviation (``e.g.``) or chat shorthand (``omw``) alone, and the value of a form field that never holds
  a name (``Preferred language: Yoruba``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import replace

import phonenumbers

from pare.errors import PareError
from pare.pii.address_blocks import complete_address, join_address_pieces, split_name_line
from pare.pii.spans import DetectedSpan

Bounds = tuple[int, int]
Validator = Callable[[str], Bounds | None]

_SENTENCE_PUNCT = ".,;:!?"
# closing bracket or quote -> its opener; a closer is part of a span only when the span opens it too
_PAIRS = {")": "(", "]": "[", "}": "{", ">": "<", "”": "“", "’": "‘", "»": "«"}
_OPENERS = frozenset(_PAIRS.values())
_SYMMETRIC_QUOTES = "\"'`"
# an email or URL never starts with a bracket or quote, and "mailto:" is the link's scheme, not the address
_EMAIL_LEAD = re.compile(r"[\s(\[{<\"'`“‘«]*(?:mailto:)?", re.IGNORECASE)
_URL_LEAD = re.compile(r"[\s(\[{<\"'`“‘«]*")
# titles and honorifics of the languages pare's data covers, with or without a period; "M." is left out (it
# is as often an initial), and so are "Eng" and "Hon" (parts of names too)
_TITLES = (
    r"(?:mr|mrs|ms|miss|mx|dr|prof|engr|rev|capt|herr|herrn|frau|hr|fr|mme|mlle|sr|sra|srta|sig|sig\.ra|dott|"
    r"dott\.ssa|dhr|mevr|mevrouw|meneer|doctor|professor|mister|madame|monsieur|señor|señora|signor|signora)\.?"
)
_TITLE = re.compile(rf"{_TITLES}\s+(?=\S)", re.IGNORECASE)
_TITLE_ALONE = re.compile(_TITLES, re.IGNORECASE)
_NON_SPACE = re.compile(r"\S+")
# what a form, a note or a chat line writes where a model expects a name, and no name is: field labels and
# their values, abbreviations written with periods (read as initials), family words, chat shorthand
_NOT_NAMES = frozenset({
    "attn", "iban", "bic", "swift", "dob", "d.o.b.", "no.", "nr.", "tel.", "sex", "gender", "male", "female",
    "e.g.", "i.e.", "etc.", "cf.", "viz.", "vs.", "n/a", "p.s.", "a.m.", "p.m.", "dad", "mum", "mom",
    "omw", "lol", "brb", "idk", "tbh", "btw", "thx", "pls", "plz", "omg", "imo", "r u",
})  # fmt: skip
# a form's fields whose value is never a person's name ("Preferred language: Yoruba", "Citizenship: Vietnamese")
_NOT_NAME_FIELD = re.compile(
    r"(?:^|[\s(])(?:preferred\s+)?(?:language|nationality|citizenship|occupation|gender|sex|religion|"
    r"marital\s+status|job\s+title|country|reference|ref\.?)\s*[:|\-–—]\s*$",
    re.IGNORECASE | re.MULTILINE,
)
# a single letter, alone or as an initial: no name by itself ("Gender: F", "When N is omitted")
_LETTER_ALONE = re.compile(r"[^\W\d_]\.?")
# lowercase words that begin surnames ("van der Berg", "de la Cruz", "al-" is written with its name)
_NAME_PARTICLES = frozenset(
    [
        "van",
        "von",
        "der",
        "den",
        "de",
        "del",
        "della",
        "di",
        "da",
        "dos",
        "das",
        "du",
        "la",
        "le",
        "lo",
        "ten",
        "ter",
        "zu",
        "bin",
        "binti",
        "ibn",
        "y",
        "e",
    ]
)
# a form's separator before a value ("Tel. - 0741 86", "Card no. | 4566 ...") is not part of it
_FIELD_LEAD = re.compile(r"[\s.,:;|/\\\-–—]*")
_EMAIL_TRAIL = _SENTENCE_PUNCT + "".join(_PAIRS) + _SYMMETRIC_QUOTES
_ATOM = r"[\w!#$%&'*+/=?^`{|}~-]+"
_TLD = r"(?:[^\W\d_]{2,}|xn--[a-z0-9-]+)"
_EMAIL = re.compile(rf"{_ATOM}(?:\.{_ATOM})*@(?:[^\W_](?:[\w-]*[^\W_])?\.)+{_TLD}", re.IGNORECASE)
# addresses as people write them (letters, digits, . _ % + -), for growing a cut span: RFC's rarer local-part
# characters such as "=" would swallow "user=" of "?user=ana@example.org"
_COMMON_EMAIL = re.compile(rf"[\w%+-]+(?:\.[\w%+-]+)*@(?:[^\W_](?:[\w-]*[^\W_])?\.)+{_TLD}", re.IGNORECASE)
_SCHEME = re.compile(r"(?:[a-z][a-z0-9+.-]*://\S|www\.\S)", re.IGNORECASE)
_HOST = re.compile(r"(?:[^/?#@]*@)?([^/?#:]*)")
_TLD_ONLY = re.compile(_TLD, re.IGNORECASE)
_IPV4 = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")
# a phone extension ("x12", "ext. 12", "#12") is part of the number but not of its digit count
_EXTENSION = re.compile(r"[\s,;]*(?:ext\.?|extension|x|#)\s*\d{1,6}$", re.IGNORECASE)
_PHONE_REGIONS = ("US", "GB", "DE", "FR", "IN", "BR", "ES", "IT", "NL", "MX", "CN", "JP", "RU", "AU", "ZA")
# a date's final period is kept where it ends an abbreviation: "5 Aug.", "10 a.m.", "44 B.C."
_DATE_ABBREVIATION = re.compile(
    r"(?:\b(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)"
    r"|\b[a-z]\.[a-z])\.$",
    re.IGNORECASE,
)
# countries whose account numbers are IBANs (SWIFT registry and the common experimental ones)
_IBAN_COUNTRIES = frozenset(
    [
        "AD",
        "AE",
        "AL",
        "AO",
        "AT",
        "AZ",
        "BA",
        "BE",
        "BF",
        "BG",
        "BH",
        "BI",
        "BJ",
        "BR",
        "BY",
        "CF",
        "CG",
        "CH",
        "CI",
        "CM",
        "CR",
        "CV",
        "CY",
        "CZ",
        "DE",
        "DJ",
        "DK",
        "DO",
        "DZ",
        "EE",
        "EG",
        "ES",
        "FI",
        "FK",
        "FO",
        "FR",
        "GA",
        "GB",
        "GE",
        "GI",
        "GL",
        "GQ",
        "GR",
        "GT",
        "GW",
        "HN",
        "HR",
        "HU",
        "IE",
        "IL",
        "IQ",
        "IR",
        "IS",
        "IT",
        "JO",
        "KM",
        "KW",
        "KZ",
        "LB",
        "LC",
        "LI",
        "LT",
        "LU",
        "LV",
        "LY",
        "MA",
        "MC",
        "MD",
        "ME",
        "MG",
        "MK",
        "ML",
        "MN",
        "MR",
        "MT",
        "MU",
        "MZ",
        "NE",
        "NI",
        "NL",
        "NO",
        "OM",
        "PK",
        "PL",
        "PS",
        "PT",
        "QA",
        "RO",
        "RS",
        "RU",
        "SA",
        "SC",
        "SD",
        "SE",
        "SI",
        "SK",
        "SM",
        "SN",
        "SO",
        "ST",
        "SV",
        "TD",
        "TG",
        "TL",
        "TN",
        "TR",
        "UA",
        "VA",
        "VG",
        "XK",
        "YE",
    ]
)
_IBAN = re.compile(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}")
_CARD = re.compile(r"\d{4}([ -])\d{4}\1\d{4}\1\d{4}(?:\1\d{1,3})?|\d{4}([ -])\d{6}\2\d{5}")


def _unbalanced_closer(s: str, c: str) -> bool:
    """True when ``c`` (the last char of ``s``) closes a bracket or quote that ``s`` never opened."""
    if c in _PAIRS:
        return s.count(c) > s.count(_PAIRS[c])
    return c in _SYMMETRIC_QUOTES and s.count(c) % 2 == 1


def _unbalanced_opener(s: str, c: str) -> bool:
    """True when ``c`` (the first char of ``s``) opens a bracket or quote that ``s`` never closes."""
    if c in _OPENERS:
        closer = next(k for k, v in _PAIRS.items() if v == c)
        return s.count(c) > s.count(closer)
    return c in _SYMMETRIC_QUOTES and s.count(c) % 2 == 1


def _trim(s: str, i: int = 0, keep_end: Callable[[str], bool] | None = None) -> Bounds:
    """Bounds of ``s[i:]`` less whitespace, sentence punctuation and unbalanced brackets/quotes at its edges."""
    j = len(s)
    changed = True
    while changed and i < j:
        changed = False
        if s[i].isspace() or _unbalanced_opener(s[i:j], s[i]):
            i, changed = i + 1, True
        c = s[j - 1] if i < j else ""
        if (c and (c.isspace() or (c in _SENTENCE_PUNCT and not (keep_end and keep_end(s[i:j]))))) or (
            c and _unbalanced_closer(s[i:j], c)
        ):
            j, changed = j - 1, True
    return i, j


def _trim_field(s: str, keep_end: Callable[[str], bool] | None = None) -> Bounds:
    """``_trim`` that also drops a form's separator before the value ("Tel. - 0741 86"), until neither finds
    anything more."""
    bounds, previous = (0, len(s)), None
    while bounds != previous:
        previous = bounds
        i, j = bounds
        bounds = _trim(s[:j], _FIELD_LEAD.match(s, i, j).end(), keep_end)
    return bounds


def _validate_email(s: str) -> Bounds | None:
    # a sentence's period or closing bracket/quote is never part of the domain
    i, j = _EMAIL_LEAD.match(s).end(), len(s)
    while j > i and (s[j - 1].isspace() or s[j - 1] in _EMAIL_TRAIL):
        j -= 1
    # an address needs a local part, "@", and a dotted domain ending in a real TLD
    return (i, j) if _EMAIL.fullmatch(s, i, j) else None


def _url_host_ok(url: str) -> bool:
    """A scheme-less URL needs a dotted host ending in an alphabetic TLD, or an IPv4 address."""
    host = _HOST.match(url).group(1)
    labels = host.split(".")
    if len(labels) < 2 or not all(labels):
        return False
    return bool(_TLD_ONLY.fullmatch(labels[-1]) or _IPV4.fullmatch(host))


def _validate_url(s: str) -> Bounds | None:
    # a URL never starts with a bracket or quote; it ends before a sentence's punctuation or closing bracket
    i, j = _trim(s, _URL_LEAD.match(s).end())
    url = s[i:j]
    # a URL has no whitespace inside: such a span runs into the surrounding prose
    if not url or any(c.isspace() for c in url):
        return None
    return (i, j) if _SCHEME.match(url) or _url_host_ok(url) else None


def _possible_phone(number: str, region: str | None) -> phonenumbers.PhoneNumber | None:
    """The parsed number when ``phonenumbers`` finds it possible under ``region``, else None."""
    try:
        parsed = phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException:
        return None
    return parsed if phonenumbers.is_possible_number(parsed) else None


def _phone_ok(number: str) -> bool:
    """A possible number anywhere, or 7–15 digits; fewer digits are a postcode, a year, a house number."""
    core = _EXTENSION.sub("", number)
    digits = sum(c.isdecimal() for c in core)
    if 7 <= digits <= 15:
        return True
    if core.startswith(("+", "00")):
        return _possible_phone("+" + core.removeprefix("+").removeprefix("00"), None) is not None
    # national numbers: phonenumbers calls 4-digit strings possible in some regions, so require 7 digits
    for region in _PHONE_REGIONS:
        parsed = _possible_phone(core, region)
        if parsed is not None and len(phonenumbers.national_significant_number(parsed)) >= 7:
            return True
    return False


def _validate_phone(s: str) -> Bounds | None:
    # a sentence's punctuation, a form's separator and an unbalanced bracket are not part of the number
    i, j = _trim_field(s)
    return (i, j) if i < j and _phone_ok(s[i:j]) else None


def _iban_ok(iban: str) -> bool:
    """The ISO 13616 check: the rearranged IBAN, letters as 10..35, is 1 modulo 97."""
    rearranged = iban[4:] + iban[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


def _luhn_ok(digits: str) -> bool:
    """The Luhn check digit that every payment card number carries."""
    total = 0
    for k, d in enumerate(int(c) for c in reversed(digits)):
        total += d if k % 2 == 0 else (2 * d if d < 5 else 2 * d - 9)
    return total % 10 == 0


def _validate_account(s: str) -> Bounds | None:
    # sentence punctuation is never the last character of an account number, nor a separator the first
    i, j = _trim_field(s)
    if not _IBAN.fullmatch(re.sub(r"[ -]", "", s[i:j]).upper()):  # an IBAN may end in letters
        a, b = _without_wordy_edges(s, i, j)
        if (a, b) != (i, j):  # the new edge word may end in punctuation ("000." of "000. @")
            i, j = (a + k for k in _trim_field(s[a:b]))
    number = s[i:j]
    compact = re.sub(r"[ -]", "", number).upper()
    # an IBAN carries check digits: a failing one is not an IBAN (or is misread)
    if _IBAN.fullmatch(compact) and compact[:2] in _IBAN_COUNTRIES and not _iban_ok(compact):
        return None
    # card numbers carry a Luhn digit; plain bank account numbers don't, so only 4-4-4-4 grouping is checked
    if _CARD.fullmatch(number) and not _luhn_ok(compact):
        return None
    return (i, j) if i < j else None


def _without_wordy_edges(s: str, i: int, j: int) -> Bounds:
    # an account number has digits in its first and last group: a word without any at either edge is a
    # label or a neighbour the span ran into ("IBAN SA47...", "no. - 669-589100-591", "... 3016 thx")
    numbered = [w for w in _NON_SPACE.finditer(s, i, j) if any(c.isdigit() for c in w.group())]
    return (numbered[0].start(), numbered[-1].end()) if numbered else (i, j)


def _validate_address(s: str) -> Bounds | None:
    # a form's separator before an address is not part of it; its end may be an abbreviation ("Main St.")
    i, j = _FIELD_LEAD.match(s).end(), len(s.rstrip())
    return (i, j) if i < j else None


def _validate_person(s: str) -> Bounds | None:
    # a title or honorific before a name is not part of it ("Engr. Xia Jia" -> "Xia Jia"); a title alone is
    # no name. A final period stays: it ends an initial ("Sofia N."). In a name written with capitals, a
    # word without any (but a particle such as "van" or "de") is a neighbour the span ran into: "Javier Ruiz
    # mañana", "ai parlé avec Sophie Martin"
    i, j = len(s) - len(s.lstrip()), len(s.rstrip())
    capitalized = any(c.isupper() for c in s[i:j])
    while True:
        words = list(_NON_SPACE.finditer(s, i, j))
        if (title := _title_in(s, words, j)) is not None:
            i = title.end()
        elif capitalized and len(words) > 1 and _uncapitalized(words[0].group(), keep_particles=True):
            i = words[1].start()
        elif capitalized and len(words) > 1 and _uncapitalized(words[-1].group(), keep_particles=False):
            j = words[-2].end()
        else:
            break
    if i >= j or _TITLE_ALONE.fullmatch(s, i, j) or _LETTER_ALONE.fullmatch(s, i, j):
        return None
    return None if s[i:j].lower() in _NOT_NAMES else (i, j)


def _in_not_name_field(text: str, span: DetectedSpan) -> bool:
    """The span is the value of a form field that never holds a name, on the field's line."""
    line_start = text.rfind("\n", 0, span.start) + 1
    return _NOT_NAME_FIELD.search(text, line_start, span.start) is not None


def _title_in(s: str, words: list[re.Match], j: int) -> re.Match | None:
    """The last title that starts a word of the span and has a word after it: what precedes a title is no
    part of the name either ("Sie Frau Berg", "la señora Ana García")."""
    for word in reversed(words):
        if (title := _TITLE.match(s, word.start(), j)) is not None:
            return title
    return None


def _uncapitalized(word: str, keep_particles: bool) -> bool:
    """A word with letters but no capital letter (with ``keep_particles``, other than a name particle)."""
    if not any(c.isalpha() for c in word) or any(c.isupper() for c in word):
        return False
    return not (keep_particles and word.lower() in _NAME_PARTICLES)


def _validate_date(s: str) -> Bounds | None:
    # a sentence's final punctuation and a form's separator are not part of the date, but an abbreviation's
    # period is
    i, j = _trim_field(s, keep_end=lambda date: _DATE_ABBREVIATION.search(date) is not None)
    return (i, j) if i < j else None


_VALIDATORS: dict[str, Validator] = {
    "account_number": _validate_account,
    "private_date": _validate_date,
    "private_email": _validate_email,
    "private_address": _validate_address,
    "private_person": _validate_person,
    "private_phone": _validate_phone,
    "private_url": _validate_url,
}
VALIDATED_LABELS: tuple[str, ...] = tuple(_VALIDATORS)
# all on by default: each raised F1 on the development set or held-out templates and lowered it on neither
# (BENCHMARKS.md, validators)
DEFAULT_VALIDATED: tuple[str, ...] = VALIDATED_LABELS


def parse_validate(text: str) -> tuple[str, ...]:
    """``--validate``'s value: ``default``, ``all``, ``none`` or comma-separated labels, checked."""
    named = {"default": DEFAULT_VALIDATED, "all": VALIDATED_LABELS, "none": ()}
    if text in named:
        return named[text]
    return tuple(sorted(_active([label.strip() for label in text.split(",") if label.strip()])))


def _active(labels: Collection[str] | None) -> frozenset[str]:
    if labels is None:
        return frozenset(VALIDATED_LABELS)
    unknown = sorted(set(labels) - set(VALIDATED_LABELS))
    if unknown:
        raise PareError(
            f"no validator for {', '.join(unknown)}; validated labels: {', '.join(VALIDATED_LABELS)}"
        )
    return frozenset(labels)


def _validate_one(text: str, span: DetectedSpan) -> DetectedSpan | None:
    """``span`` trimmed by its label's validator, or None when dropped (or trimmed to nothing)."""
    bounds = _VALIDATORS[span.label](text[span.start : span.end])
    if bounds is None or bounds[0] >= bounds[1]:
        return None
    start, end = span.start + bounds[0], span.start + bounds[1]
    if (start, end) == (span.start, span.end) and span.text == text[start:end]:
        return span
    return replace(span, start=start, end=end, text=text[start:end])


def _complete_email(text: str, span: DetectedSpan) -> DetectedSpan:
    """An e-mail span cut inside its address (a student's span starting at ``.desk@`` of ``user0.desk@``)
    grows to the whole address around its ``@``; the only case where validation extends a span."""
    at = text.find("@", span.start, span.end)
    if at < 0:
        return span
    lo, hi = max(0, span.start - 64), min(len(text), span.end + 64)
    for match in _COMMON_EMAIL.finditer(text, lo, hi):
        if match.start() < at < match.end() and (match.start() < span.start or match.end() > span.end):
            start, end = min(match.start(), span.start), max(match.end(), span.end)
            return replace(span, start=start, end=end, text=text[start:end])
    return span


def _complete_url(text: str, span: DetectedSpan) -> DetectedSpan:
    """A URL span cut inside its URL (``https://www.yuri-novikov`` of ``https://www.yuri-novikov.me``) grows to
    the run of non-space characters around it, or failing that to the run's end, where that run is a URL;
    ``_validate_url`` then trims the run's brackets and punctuation."""
    lo, hi = span.start, span.end
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    while hi < len(text) and not text[hi].isspace():
        hi += 1
    for start in dict.fromkeys((lo, span.start)):  # "Website:https://..." is no URL; its end still is
        bounds = _validate_url(text[start:hi])
        if bounds is not None and start + bounds[0] <= span.start and start + bounds[1] >= span.end:
            start, end = start + bounds[0], start + bounds[1]
            return replace(span, start=start, end=end, text=text[start:end])
    return span


_COMPLETERS = {
    "private_email": _complete_email,
    "private_url": _complete_url,
    "private_address": complete_address,
}


def validate_spans(
    text: str, spans: Sequence[DetectedSpan], labels: Collection[str] | None = None
) -> list[DetectedSpan]:
    """Spans after validation: each span of a validated label is trimmed, kept or dropped; others pass unchanged.

    ``labels`` picks the validators to run (None: all of ``VALIDATED_LABELS``); order and scores are kept. A
    span that overlaps an e-mail or URL span grown to its whole address is dropped; a phone span that is a
    card number (grouped, Luhn-valid) becomes an account number when both validators run. Address pieces on
    the lines of one block are joined, and a name line atop a block becomes a person span.
    """
    active = _active(labels)
    out: list[DetectedSpan] = []
    grown: list[bool] = []
    for span in spans:
        if span.label == "private_phone" and {"private_phone", "account_number"} <= active:
            span = _card_as_account(text, span)
        whole = span
        if span.label in _COMPLETERS and span.label in active:
            whole = _COMPLETERS[span.label](text, span)
        kept = _validate_one(text, whole) if span.label in active else whole
        person = span.label == "private_person" and "private_person" in active
        if kept is not None and person and _in_not_name_field(text, kept):
            kept = None
        if kept is not None:
            out.append(kept)
            grown.append((whole.start, whole.end) != (span.start, span.end))
    out = _without_overlaps(out, grown) if any(grown) else out
    if "private_email" in active:
        out = _with_missed_emails(text, out)
    if "private_address" in active:
        out = join_address_pieces(text, out)
        if "private_person" in active:
            out = [piece for span in out for piece in _name_line_split(text, span)]
    return out


def _with_missed_emails(text: str, spans: list[DetectedSpan]) -> list[DetectedSpan]:
    """``spans`` and, in start order among them, an e-mail span (score 1.0, as a pattern match) for each
    address the model left wholly outside its spans. Every address of this shape in pare's test, world and
    dev sets is a gold e-mail span (the training set's others are inside secrets, which a span covers)."""
    out = list(spans)
    for match in _COMMON_EMAIL.finditer(text):
        if (bounds := _validate_email(match.group())) is None:
            continue
        start, end = match.start() + bounds[0], match.start() + bounds[1]
        if any(s.start < end and start < s.end for s in spans):
            continue
        k = next((k for k, s in enumerate(out) if s.start > start), len(out))
        out.insert(k, DetectedSpan("private_email", start, end, text[start:end], 1.0))
    return out


def _name_line_split(text: str, span: DetectedSpan) -> list[DetectedSpan]:
    """``span``, or the person and address spans of a block with a name line atop it, each validated."""
    pieces = split_name_line(text, span, _NAME_PARTICLES)
    if len(pieces) == 1:
        return pieces
    return [kept for piece in pieces if (kept := _validate_one(text, piece)) is not None]


def _card_as_account(text: str, span: DetectedSpan) -> DetectedSpan:
    """A phone span that is a grouped card number with a valid Luhn digit (16 digits: no phone number has
    more than 15) relabelled ``account_number``."""
    i, j = _trim_field(text[span.start : span.end])
    number = text[span.start + i : span.start + j]
    if _CARD.fullmatch(number) and _luhn_ok(re.sub(r"[ -]", "", number)):
        return replace(span, label="account_number")
    return span


def _without_overlaps(spans: list[DetectedSpan], grown: list[bool]) -> list[DetectedSpan]:
    """``spans`` less each span that overlaps a grown one (the model had cut the address into pieces) and each
    grown span that overlaps an earlier grown one (two pieces of one address, grown to the same)."""
    big = [s for s, g in zip(spans, grown, strict=True) if g]
    kept: list[DetectedSpan] = []
    kept_big: list[DetectedSpan] = []
    for span, is_grown in zip(spans, grown, strict=True):
        if not any(g.start < span.end and span.start < g.end for g in (kept_big if is_grown else big)):
            kept.append(span)
            if is_grown:
                kept_big.append(span)
    return kept
