"""Make an English PII development set whose text is made differently from pare's training generator.

    python benchmarks/devset/make_devset.py --seed 0 --n 1500 -o src/pare/data/devset/natural_en.jsonl
    python benchmarks/devset/make_devset.py --check     # regenerate in memory, compare with the file

pare's teacher scores far lower on human-written text than on its own held-out templates. This set is an
independent stand-in for such text, built by us (it is not, and does not try to be, any hidden test set):
seven styles (chat, qa, letter, narrative, form, address_block, negatives) written in our own frames, and
about 40% of the documents built around real English sentences from this machine (Python's reference text
and man pages) into which the PII is placed. Values come from 51 name locales, 36 countries' address
conventions, ``phonenumbers`` formats of 47 regions, and many written date forms. None of pare's templates
or its ``values.py`` are used.

Output is pare JSONL: ``{"text", "spans": [{"label", "start", "end"}], "meta": {"style", "source"}}``.
``meta`` is the one extra field pare's reader keeps (``Document.meta``); ``source`` is ``frame`` or
``real:<origin>`` (``real:man:man7/signal.7``, ``real:pydoc:assignment``), joined by ``+`` when several.

Label conventions (pare's synthetic generator's where it has one):

- ``private_person``: the name only. Titles (``Dr.``, ``Mrs``, ``Chief``), ``Attn:`` and a possessive
  ``'s`` are outside; initials are inside (``J. Okafor``, ``JO``); ``Last, First`` is one span; a first
  name alone is a span; names in any casing (``PRIYA NAIR``, ``priya``) are spans; chat speaker names are.
- ``private_address``: a street address with its number, a P.O. box with its town, or a whole postal
  block. A block is one span across its newlines and *includes* the country line when there is one (pare's
  Faker addresses never carry a country, so this is our call: the country line is part of a full postal
  address). A name line above a block is a separate person span. A city, country, street name without a
  number, or postcode alone is not labelled.
- ``private_date``: dates tied to a person (birth, appointments, moves, payments, meetings); the span is
  the date as written (``3rd of March``, ``14/03/1987``), without ``on``/``the`` or clock times. Years
  alone, and dates of public events, are not labelled.
- ``private_phone``: the number with its ``+``/``00`` and brackets; labels like ``Tel:`` are outside.
- ``private_email`` and ``private_url``: the whole address, scheme (``https://``) included; sentence
  punctuation after it (a final period, a closing bracket) is outside. URLs are personal (profiles,
  personal sites, shared documents); public URLs (documentation, news) are never labelled.
- ``account_number``: IBANs, card numbers and bank account numbers. Order, booking and ticket numbers are not.
- ``secret``: passwords and API keys, the whole string.

Every span is recorded when its value is inserted and re-checked at write time (``docbuilder.Doc.check``):
the text under it equals the inserted value, spans do not overlap or touch a letter or digit.

Regenerating gives the same bytes only with the same inputs: Faker and phonenumbers versions (see README),
CPython 3.11's ``pydoc_data``, and the listed man pages.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import sys
from pathlib import Path

from faker import Faker

sys.path.insert(0, str(Path(__file__).resolve().parent))  # sibling modules, also when imported from elsewhere

from devvalues import Values
from docbuilder import Doc
from gen import Gen
from realtext import Sentence, load_sentences
from styles import REAL_SHARE, STYLES

DEFAULT_OUT = Path(__file__).resolve().parents[2] / "src" / "pare" / "data" / "devset" / "natural_en.jsonl"
MAX_PER_SOURCE = 60  # sentences kept per man page or pydoc topic, so curl's and bash's pages don't dominate


def sentence_pool() -> list[Sentence]:
    """Real sentences, at most ``MAX_PER_SOURCE`` from each page or topic (the first ones, in file order)."""
    kept: collections.Counter[str] = collections.Counter()
    pool: list[Sentence] = []
    for s in load_sentences():
        if kept[s.source] < MAX_PER_SOURCE:
            kept[s.source] += 1
            pool.append(s)
    return pool


def generate(n: int, seed: int) -> list[dict]:
    """``n`` records, styles in equal shares (shuffled); each document draws from its own seeded RNG."""
    rng = random.Random(seed)
    sentences = sentence_pool()
    fakers: dict[str, Faker] = {}
    names = list(STYLES)
    styles = [names[k % len(names)] for k in range(n)]
    rng.shuffle(styles)
    records: list[dict] = []
    seen: set[str] = set()
    for style in styles:
        doc_rng = random.Random(rng.getrandbits(64))
        for _ in range(20):  # short negatives can repeat: draw again from the same stream
            doc = Doc(style)
            real = doc_rng.random() < REAL_SHARE[style]
            STYLES[style](Gen(doc_rng, Values(doc_rng, fakers), sentences), doc, real)
            if doc.text not in seen:
                break
        seen.add(doc.text)
        records.append(doc.record())
    return records


def serialize(records: list[dict]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")


def summary(records: list[dict], size: int) -> str:
    styles = collections.Counter(r["meta"]["style"] for r in records)
    labels = collections.Counter(s["label"] for r in records for s in r["spans"])
    real = sum(r["meta"]["source"] != "frame" for r in records)
    lines = [
        f"{len(records)} documents, {size:,} bytes, {real} ({real / len(records):.0%}) built on real sentences"
    ]
    lines.append("styles: " + ", ".join(f"{k} {v}" for k, v in sorted(styles.items())))
    lines.append("labels: " + ", ".join(f"{k} {v}" for k, v in sorted(labels.items())))
    lines.append(f"documents without spans: {sum(not r['spans'] for r in records)}")
    return "\n".join(lines)


def check(path: Path, n: int, seed: int) -> int:
    """0 if regenerating gives exactly the bytes of ``path``, else 1 with the first differing line."""
    fresh = serialize(generate(n, seed)).splitlines()
    stored = path.read_bytes().splitlines()
    for k, (a, b) in enumerate(zip(fresh, stored, strict=False), 1):
        if a != b:
            print(f"{path}:{k}: differs\n  stored: {b[:200]!r}\n  fresh:  {a[:200]!r}", file=sys.stderr)
            return 1
    if len(fresh) != len(stored):
        print(f"{path}: {len(stored)} lines stored, {len(fresh)} regenerated", file=sys.stderr)
        return 1
    print(f"{path}: OK, regenerated {len(fresh)} documents byte for byte (seed {seed})")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--n", type=int, default=1500, help="number of documents")
    ap.add_argument("-o", "--output", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--check", action="store_true", help="regenerate in memory and compare with --output")
    args = ap.parse_args(argv)
    if args.n <= 0:
        ap.error("--n must be positive")
    if args.check:
        return check(args.output, args.n, args.seed)
    records = generate(args.n, args.seed)
    data = serialize(records)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_bytes(data)
    print(f"wrote {args.output}\n{summary(records, len(data))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
