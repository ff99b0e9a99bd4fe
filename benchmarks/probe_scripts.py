"""A probe, not a benchmark: names of every Faker locale, in their own script, in short English sentences.

    python benchmarks/probe_scripts.py src/pare/models/default runs/compress/teacher

Each locale gives ``--per-locale`` names (given name and family name as Faker writes them), each put into one
of ``FRAMES`` (sentences written for this probe, not from pare's generators). Prints, per model and writing
system (the Unicode script of the name's letters), how many names a person span covers exactly, how many a
person span touches, and how many person spans fall outside the name. Faker is also where pare's world
generator takes names from, so this shows whether a model reads a script at all, not how well it does on text
people wrote.
"""

from __future__ import annotations

import argparse
import random
import unicodedata
import warnings
from collections import Counter, defaultdict

from faker import Faker
from faker.config import AVAILABLE_LOCALES

from pare.pii import PiiDetector

FRAMES = (
    "I want to add {name} as a beneficiary.",
    "{name} will join the call at 3.",
    "Please forward the contract to {name} before Friday.",
    "my landlord {name} never answers the phone",
    "Met {name} at the conference yesterday, great talk.",
    "Hi {name}, thanks for your message.",
    "The package was signed for by {name}.",
    "Can you ask {name} whether the invoice was paid?",
)


def script(name: str) -> str:
    """The writing system of a name: the first word of the Unicode name of its first letter (LATIN, CJK ...)."""
    letter = next(c for c in name if c.isalpha())
    word = unicodedata.name(letter, "UNKNOWN").split()[0]
    return "CJK" if word in ("HIRAGANA", "KATAKANA") else word


def probe_names(per_locale: int, seed: int) -> list[tuple[str, str, int, int]]:
    """(script, text, name start, name end) for ``per_locale`` names of every Faker locale with a person
    provider of its own (locales that fall back to en_US's names are left out)."""
    rng = random.Random(seed)
    english = Faker("en_US")
    english.seed_instance(seed)
    fallback = {english.first_name() for _ in range(200)}
    out = []
    for locale in sorted(AVAILABLE_LOCALES):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # deprecated aliases (fr_QC) say so
            fake = Faker(locale)
        fake.seed_instance(seed)
        firsts = [fake.first_name() for _ in range(per_locale)]
        if set(firsts) <= fallback:
            continue
        for first in firsts:
            name = f"{first} {fake.last_name()}"
            frame = rng.choice(FRAMES)
            start = frame.index("{name}")
            out.append((script(name), frame.replace("{name}", name), start, start + len(name)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("models", nargs="+")
    ap.add_argument("--per-locale", type=int, default=16)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    items = probe_names(args.per_locale, args.seed)
    scripts = sorted({s for s, *_ in items}, key=lambda s: (s != "LATIN", s))
    counts: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for model in args.models:
        detector = PiiDetector.from_dir(model, device="cpu")
        found = detector.detect([text for _, text, _, _ in items], batch_size=32)
        for (kind, _, start, end), spans in zip(items, found, strict=True):
            people = [s for s in spans if s.label == "private_person"]
            c = counts[model, kind]
            c["exact"] += any((s.start, s.end) == (start, end) for s in people)
            c["touch"] += any(s.start < end and s.end > start for s in people)
            c["other"] += sum(not (s.start < end and s.end > start) for s in people)
    print("| script | names | " + " | ".join(args.models) + " |")
    print("|---|---|" + "---|" * len(args.models))
    for kind in scripts:
        cells = [
            f"{c['exact']} / {c['touch']} / {c['other']}" for c in (counts[m, kind] for m in args.models)
        ]
        print(f"| {kind.lower()} | {sum(i[0] == kind for i in items)} | " + " | ".join(cells) + " |")
    print("\ncells: names found exactly / names a person span touches / person spans elsewhere")


if __name__ == "__main__":
    main()
