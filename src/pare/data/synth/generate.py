"""Synthesize documents: pick a template, fill it with seeded Faker values, render it with exact spans."""

from __future__ import annotations

import random
from collections.abc import Sequence

from faker import Faker

from pare.data.jsonl import Document
from pare.data.synth import (
    templates_de,
    templates_en,
    templates_es,
    templates_fr,
    templates_it,
    templates_nl,
    templates_pt,
)
from pare.data.synth.template import Template, held_out_ids, render
from pare.data.synth.values import Filler, stable_faker
from pare.errors import PareError
from pare.progress import Track, no_track

# language -> the Faker locales that fill its templates (one is drawn per document)
FAKER_LOCALES: dict[str, tuple[str, ...]] = {
    "en": ("en_US", "en_GB"),
    "de": ("de_DE",),
    "fr": ("fr_FR",),
    "es": ("es_ES",),
    "it": ("it_IT",),
    "pt": ("pt_BR", "pt_PT"),
    "nl": ("nl_NL",),
}
LOCALES: tuple[str, ...] = tuple(FAKER_LOCALES)
# "world", "world-train", "world-test": the English world family (``pare.data.synth.world``), apart from these
SPLITS: tuple[str, ...] = ("all", "train", "test", "transfer", "world", "world-train", "world-test")
# language -> its module of templates: ``TEMPLATES`` (the train/test pool) and ``TRANSFER_TEMPLATES``
_MODULES = {
    "en": templates_en,
    "de": templates_de,
    "fr": templates_fr,
    "es": templates_es,
    "it": templates_it,
    "pt": templates_pt,
    "nl": templates_nl,
}


def _languages(locales: Sequence[str] | None) -> list[str]:
    if locales is None:
        return list(LOCALES)
    chosen = list(dict.fromkeys(loc.strip() for loc in locales if loc.strip()))
    unknown = [loc for loc in chosen if loc not in FAKER_LOCALES]
    if unknown or not chosen:
        what = f"unknown locale {', '.join(map(repr, unknown))}" if unknown else "no locale given"
        raise PareError(f"{what}; supported locales: {', '.join(LOCALES)}")
    return chosen


def templates(locales: Sequence[str] | None = None) -> list[Template]:
    """The train and test templates of the given languages (default: all of ``LOCALES``), in a fixed order."""
    return [t for lang in _languages(locales) for t in _MODULES[lang].TEMPLATES]


def transfer_templates(locales: Sequence[str] | None = None) -> list[Template]:
    """The transfer templates of the given languages (never in ``templates``), in a fixed order.

    They are on neither side of the train/test split: text on which a student learns the teacher's behaviour
    on sentence frames the teacher was not trained on (distillation's unlabelled data).
    """
    return [t for lang in _languages(locales) for t in _MODULES[lang].TRANSFER_TEMPLATES]


def held_out_template_ids(
    pool: Sequence[Template], test_fraction: float = 0.2, split_seed: int = 0
) -> set[str]:
    """The ids of the held-out (test) templates: per language, ``template.held_out_ids``."""
    by_language: dict[str, list[str]] = {}
    for t in pool:
        by_language.setdefault(t.language, []).append(t.id)
    return held_out_ids(by_language, test_fraction, split_seed)


def _world(
    n: int,
    seed: int,
    locales: Sequence[str] | None,
    split: str,
    test_fraction: float,
    track: Track,
    split_seed: int,
    native_scripts: bool,
) -> list[Document]:
    """The world family behind ``synthesize``; imported here because ``world`` itself imports this module."""
    from pare.data.synth.world import synthesize_world

    if locales is not None and _languages(locales) != ["en"]:
        raise PareError(f"split {split!r} is English only; leave --locales out or pass en")
    return synthesize_world(
        n, seed, split, test_fraction, track, split_seed=split_seed, native_scripts=native_scripts
    )


def synthesize(
    n: int,
    seed: int,
    locales: Sequence[str] | None = None,
    split: str = "all",
    test_fraction: float = 0.2,
    track: Track = no_track,
    *,
    split_seed: int = 0,
    native_scripts: bool = False,
) -> list[Document]:
    """Generate ``n`` labelled documents; the same arguments always give the same documents.

    Each document draws a language uniformly from ``locales``, then a template of that language (restricted
    to the ``train`` or ``test`` templates of ``held_out_template_ids`` unless ``split="all"``; with
    ``split="transfer"``, a transfer template instead), then a Faker locale of the language. ``meta`` records
    ``template``, ``locale`` and ``style``. ``split_seed`` picks the template split; keep it equal when
    drawing a train and a test set.

    ``split="world"`` (``"world-train"``, ``"world-test"``: the sides of its frame split) draws the English
    world family instead (``pare.data.synth.world.synthesize_world``): ``locales`` must then be None or
    ``["en"]``, and ``meta`` also records ``source: "world"``. ``native_scripts`` (world splits only) writes
    some of its names, cities, countries and organisations in their own script.
    """
    if n <= 0:
        raise PareError(f"number of documents must be positive, got {n}")
    if split not in SPLITS:
        raise PareError(f"unknown split {split!r}; choose one of {', '.join(SPLITS)}")
    if not 0 < test_fraction < 1:
        raise PareError(f"test fraction must be strictly between 0 and 1, got {test_fraction}")
    if split.startswith("world"):
        return _world(n, seed, locales, split, test_fraction, track, split_seed, native_scripts)
    if native_scripts:
        raise PareError(
            f"native scripts are a world-family option; split {split!r} is not one of the world splits"
        )
    pool = transfer_templates(locales) if split == "transfer" else templates(locales)
    if split in ("train", "test"):
        held_out = held_out_template_ids(pool, test_fraction, split_seed)
        pool = [t for t in pool if (t.id in held_out) == (split == "test")]
    by_language: dict[str, list[Template]] = {}
    for t in pool:
        by_language.setdefault(t.language, []).append(t)
    languages = list(by_language)

    rng = random.Random(seed)
    fakers: dict[str, Faker] = {}  # construction is slow: one per locale, reseeded per document
    docs: list[Document] = []
    for _ in track(range(n), "synthesizing", n):
        template = rng.choice(by_language[rng.choice(languages)])
        locale = rng.choice(FAKER_LOCALES[template.language])
        fake = fakers.get(locale)
        if fake is None:
            fake = fakers[locale] = stable_faker(locale)
        fake.seed_instance(rng.getrandbits(64))
        filler = Filler(fake, random.Random(rng.getrandbits(64)), locale)
        text, spans = render(template, filler.fill(template))
        docs.append(
            Document(text, spans, {"template": template.id, "locale": locale, "style": template.style})
        )
    return docs
