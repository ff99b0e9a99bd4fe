"""Secrets in their plainest form: the value of a password or PIN field that the model left outside its spans.

People write credentials the way forms do: ``Password: Gr4nite&Fog``, ``pw: Herrera2020!!``, ``ATM PIN:
4837``, ``the temporary password is Welcome#4471.`` The value after such a field is taken for a secret only
when it cannot be an ordinary word, so that ``password: see above`` or ``PIN is required`` stay text:

- after a PIN field, 4 to 8 digits, but not 6 (India's postcode is a "PIN" or "PIN code" of 6 digits);
- after a password field, at least 4 characters with a digit, a symbol, or a capital after a small letter
  (``blueHeron``), and not a mask (``********``) or an e-mail address (a label of its own).

Quotes around the value and sentence punctuation after it are outside the span; a password's own last ``!``
or ``#`` is not punctuation and stays.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pare.pii.spans import DetectedSpan

_PASSWORD = r"pass(?:word|code|phrase)|passwd|pwd?|wi-?fi\s+(?:key|code)"
_PIN = r"pin(?:\s+(?:number|no\.?))?"  # not "PIN code": India's postcode
# field label (not a URL's query parameter, ``?pwd=``), then ":", "=", "-" or "is" (optionally "now"), then
# an optional opening quote
_FIELD = re.compile(
    rf"(?<![?&/=.])\b(?:(?P<password>{_PASSWORD})|(?P<pin>{_PIN}))\s*(?:[:=]|\s-|\bis(?:\s+now)?\b:?)\s*[\"'“‘«(]?",
    re.IGNORECASE,
)
_VALUE = re.compile(r"[^\s;]+")  # a connection string goes on after ";"
_TRAILING = ".,;:)]}\"'”’»"
MASK = re.compile(r"[*•x.·]+", re.IGNORECASE)


def _password_like(value: str) -> bool:
    if len(value) < 4 or MASK.fullmatch(value) or "@" in value:
        return False
    has_digit = any(c.isdigit() for c in value)
    has_symbol = any(not c.isalnum() for c in value)
    camel = re.search(r"[a-z][A-Z]", value) is not None
    return has_digit or has_symbol or camel


def _pin_like(value: str) -> bool:
    # six digits after "PIN" are as often an Indian postcode ("PIN: 560103") as a card's PIN
    return value.isdigit() and 4 <= len(value) <= 8 and len(value) != 6


def field_secrets(text: str, covered: Callable[[int, int], bool]) -> list[DetectedSpan]:
    """Secret spans (score 1.0, as a pattern match) for the field values in ``text``, in start order, that
    ``covered(start, end)`` says no span touches."""
    found = []
    for field in _FIELD.finditer(text):
        value = _VALUE.match(text, field.end())
        if value is None:
            continue
        start, end = value.span()
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        word = text[start:end]
        ok = _pin_like(word) if field.group("pin") else _password_like(word)
        if ok and not covered(start, end):
            found.append(DetectedSpan("secret", start, end, word, 1.0))
    return found
