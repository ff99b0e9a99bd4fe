"""Unlabelled real text in the synthesizer's 7 languages, for distillation experiments (BENCHMARKS.md).

    python benchmarks/real_text.py --per-language 430 -o runs/real_text.jsonl

Each document joins random translated program messages of one language (``/usr/share/locale``: de, fr, es,
it, pt, nl) or paragraphs of Python's own reference documentation (en) until it holds 150 to 500
characters. The text is what a Debian machine already has (``../shared/assets/offline_text.py``), not
something pare ships, so it is for experiments and for recipes on such machines, not the default recipe.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from bench_trim import offline_text  # the loader of ../shared/assets/offline_text.py (script dir on sys.path)

LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl")


def messages(source, lang: str) -> list[str]:
    """The language's messages (or English documentation paragraphs) of 4 to 599 characters."""
    if lang == "en":
        texts = [p.strip() for topic in source.pydoc_topics() for p in topic.split("\n\n")]
        return [t for t in texts if 40 < len(t) < 600]
    texts = [m.strip() for m in source.gettext_catalogs(lang) if isinstance(m, str)]
    return [t for t in texts if 3 < len(t) < 600]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--per-language", type=int, default=430, help="documents per language")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("-o", "--output", type=Path, required=True)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    source = offline_text()
    docs = []
    for lang in LANGUAGES:
        pool = messages(source, lang)
        rng.shuffle(pool)
        parts = iter(pool)
        for _ in range(args.per_language):
            chosen, size, target = [], 0, rng.randint(150, 500)
            while size < target:
                chosen.append(next(parts))
                size += len(chosen[-1])
            docs.append("\n".join(chosen))
    rng.shuffle(docs)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", encoding="utf-8") as fh:
        for doc in docs:
            fh.write(json.dumps({"text": doc}, ensure_ascii=False) + "\n")
    print(f"wrote {len(docs)} documents to {args.output}")


if __name__ == "__main__":
    main()
