"""Templates: text with ``{field}`` placeholders, and rendering that records exact character spans.

A placeholder names a value *kind* (``{person}``, ``{iban}``, ``{order_id}``), optionally followed by an
index (``{person_2}``) for a second, independent value of the same kind. The same placeholder used twice in
one template gets the same value. ``{{`` and ``}}`` are literal braces (JSON and code snippets).

Each kind maps to one privacy-filter category or to ``None``: a look-alike (hard negative) that fills text
but is never labelled. Rendering writes the text piece by piece, so span offsets come from the substitution
itself, never from searching the output.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from pare.data.jsonl import Span
from pare.errors import PareError

# kind -> category (None: fills text, never labelled).
KIND_LABELS: dict[str, str | None] = {
    # private_person: names only; a title ("Dr.", "Frau") is the separate, unlabelled kind ``title``.
    "person": "private_person",
    "full_name": "private_person",  # record style: "Last, First", upper-case surnames
    "first_name": "private_person",
    "last_name": "private_person",
    "email": "private_email",
    "phone": "private_phone",
    # private_address: a street with number, or a full postal address (one line or a block).
    "address": "private_address",
    "address_block": "private_address",
    "street": "private_address",
    # private_date: dates of a person's life: birth dates, appointments, admissions, hiring.
    "birth_date": "private_date",
    "date": "private_date",
    "iban": "account_number",
    "card": "account_number",
    "account": "account_number",
    # private_url: URLs that point at a person or a private resource (profiles, share links with tokens).
    "url": "private_url",  # a profile or personal page
    "share_url": "private_url",  # a share, meeting or reset link carrying a token
    "secret": "secret",
    "password": "secret",
    "api_key": "secret",
    "token": "secret",
    "jwt": "secret",
    "conn": "secret",
    "private_key": "secret",
    # Hard negatives: look like identifiers, dates, URLs or keys, but identify no person or secret.
    "title": None,
    "company": None,
    "city": None,
    "order_id": None,
    "ticket": None,
    "invoice_no": None,
    "tracking": None,
    "product_code": None,
    "version": None,
    "sha": None,
    "sha256": None,
    "public_url": None,
    "timestamp": None,  # system event times (logs, builds): never private
    "event_date": None,  # release, build, publication, deadline dates: never private
    "time": None,
    "ip": None,
    "host": None,
    "uuid": None,
    "amount": None,
    "num": None,
}

_TOKEN = re.compile(r"\{\{|\}\}|\{([a-z][a-z0-9_]*?)(?:_(\d+))?\}|[{}]")


def parse(text: str) -> tuple[str | tuple[str, str], ...]:
    """Split template text into literal strings and ``(placeholder, kind)`` pairs; unknown kinds raise."""
    parts: list[str | tuple[str, str]] = []
    literal: list[str] = []
    pos = 0
    for match in _TOKEN.finditer(text):
        literal.append(text[pos : match.start()])
        pos = match.end()
        token = match.group(0)
        if token in ("{{", "}}"):
            literal.append(token[0])
        elif match.group(1) is None:
            raise ValueError(f"stray {token!r} at offset {match.start()} (write {token * 2} for a brace)")
        else:
            kind = match.group(1)
            if kind not in KIND_LABELS:
                raise ValueError(f"unknown placeholder {token} (kinds: {', '.join(sorted(KIND_LABELS))})")
            if "".join(literal):
                parts.append("".join(literal))
            literal = []
            parts.append((token[1:-1], kind))
    literal.append(text[pos:])
    if "".join(literal):
        parts.append("".join(literal))
    return tuple(parts)


@dataclass(frozen=True)
class Template:
    """One document template. ``id`` is ``LANG-STYLE-NNN`` (``de-email-003``); ``style`` repeats its style."""

    id: str
    style: str
    text: str
    parts: tuple[str | tuple[str, str], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        pieces = self.id.split("-")
        if len(pieces) != 3 or pieces[1] != self.style or not pieces[2].isdigit():
            raise ValueError(f"template id {self.id!r} must be LANG-{self.style}-NNN")
        try:
            parts = parse(self.text)
        except ValueError as err:
            raise ValueError(f"template {self.id}: {err}") from None
        object.__setattr__(self, "parts", parts)

    @property
    def language(self) -> str:
        return self.id.split("-")[0]

    @property
    def placeholders(self) -> tuple[str, ...]:
        """Distinct placeholder names in order of first use."""
        return tuple(dict.fromkeys(p[0] for p in self.parts if isinstance(p, tuple)))

    @property
    def labels(self) -> frozenset[str]:
        """The categories this template can produce (empty: a negative template)."""
        found = (KIND_LABELS[p[1]] for p in self.parts if isinstance(p, tuple))
        return frozenset(label for label in found if label is not None)


def render(template: Template, values: Mapping[str, str]) -> tuple[str, list[Span]]:
    """Substitute ``values`` (placeholder name -> text) and return the text with its labelled spans.

    A span covers its value without leading or trailing whitespace; a blank value yields no span. Values of
    the same category separated only by spaces form one span (a first and a last name are one name).
    """
    text = ""
    spans: list[Span] = []
    for part in template.parts:
        if isinstance(part, str):
            text += part
            continue
        name, kind = part
        value = values[name]
        label = KIND_LABELS[kind]
        core = value.strip()
        if label is not None and core:
            # offsets of the stripped core inside the value, shifted to where the value starts
            start = len(text) + len(value) - len(value.lstrip())
            end = start + len(core)
            prev = spans[-1] if spans else None
            if prev is not None and prev.label == label and set((text + value)[prev.end : start]) <= {" "}:
                # "{first_name} {last_name}" is one name: values of one category apart by spaces merge
                spans[-1] = Span(prev.start, end, label)
            else:
                spans.append(Span(start, end, label))
        text += value
    return text, spans


def held_out_ids(groups: Mapping[str, Sequence[str]], test_fraction: float, split_seed: int) -> set[str]:
    """The held-out (test) ids: in each group, the ``test_fraction`` of ids with the lowest ``sha256(seed:id)``.

    Ranking by a hash makes the split independent of the generation seed, so a train set and a test set drawn
    with different seeds never share a template; each group keeps at least one id on either side.
    """
    if not 0 < test_fraction < 1:
        raise PareError(f"test fraction must be strictly between 0 and 1, got {test_fraction}")
    held_out: set[str] = set()
    for group, ids in groups.items():
        if len(ids) < 2:
            raise PareError(f"{group!r} has {len(ids)} template(s); a split needs at least 2")
        ranked = sorted(ids, key=lambda i: hashlib.sha256(f"{split_seed}:{i}".encode()).hexdigest())
        held_out.update(ranked[: min(len(ids) - 1, max(1, round(test_fraction * len(ids))))])
    return held_out
