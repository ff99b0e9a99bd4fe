"""Noisy copies of unlabelled text for distillation: some words swapped for others, some mistyped.

A 1-block student knows only what its distillation text shows it; its teacher also brings what pretraining
taught it about words no generator writes. Copies of the text in which some lowercase words are replaced by
random whole words of the tokenizer's vocabulary (mostly rare ones: the vocabulary is drawn uniformly), and
some words get a typo, show the student how the teacher reads rare and misspelt words (the idea of
TinyBERT's data augmentation, without its masked-LM proposals). The teacher labels the copies, so no spans
are kept; e-mail addresses, URLs and numbers are never touched. Capitalized words and the words next to them
are left alone too (``spare_capitalized``): a capitalized word may be a name or a title, and the teacher
reads a mistyped title (``Frrau Anna Berg``) or a swapped-in word before a name (``kendrick Herrn Thomas
Müller``) as part of the name, and labels the copy so.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pare.errors import PareError

# a word not glued to an e-mail, URL, path or number: nothing before or after it but spaces and punctuation
_WORD = re.compile(r"(?<![\w@./:#+-])[^\W\d_]{2,}(?![\w@/:#+-]|\.\w)")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


@dataclass(frozen=True)
class AugmentConfig:
    """Per-word chances; each eligible word is swapped, mistyped or kept."""

    swap_rate: float = 0.15  # lowercase words replaced by a random vocabulary word
    typo_rate: float = 0.05  # words of 4+ letters given one typo (swap, drop, double or replace a letter)
    seed: int = 0
    spare_capitalized: bool = True  # never change a capitalized word or the words just before and after it

    def __post_init__(self) -> None:
        for name in ("swap_rate", "typo_rate"):
            value = getattr(self, name)
            if not 0 <= value <= 1:
                raise PareError(f"augment {name} must be between 0 and 1, got {value}")
        if self.swap_rate + self.typo_rate > 1:
            raise PareError("augment swap_rate + typo_rate must be at most 1")


def vocabulary_words(vocab: Iterable[str], min_len: int = 3) -> list[str]:
    """The whole lowercase words of a tokenizer vocabulary (no subword pieces, specials or digits), sorted."""
    return sorted({t for t in vocab if len(t) >= min_len and t.isalpha() and t.islower() and t.isascii()})


def typo(word: str, rng: random.Random) -> str:
    """``word`` (3+ letters) with one letter after the first swapped with the next, dropped, doubled or
    replaced: people rarely mistype a word's first letter."""
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == 1:
        return word[:i] + word[i + 1 :]
    if kind == 2:
        return word[: i + 1] + word[i:]
    letter = rng.choice(_LETTERS)
    return word[:i] + (letter.upper() if word[i].isupper() else letter) + word[i + 1 :]


def augment_text(text: str, words: Sequence[str], rng: random.Random, config: AugmentConfig) -> str:
    """One noisy copy of ``text`` (see the module docstring)."""
    matches = list(_WORD.finditer(text))
    capital = [m.group()[0].isupper() for m in matches]
    pieces, end = [], 0
    for i, match in enumerate(matches):
        word, draw = match.group(), rng.random()
        if not (config.spare_capitalized and any(capital[max(i - 1, 0) : i + 2])):
            word = _change(word, draw, words, rng, config)
        pieces += [text[end : match.start()], word]
        end = match.end()
    return "".join(pieces) + text[end:]


def _change(word: str, draw: float, words: Sequence[str], rng: random.Random, config: AugmentConfig) -> str:
    """``word`` swapped (a lowercase word only: a capitalized one may be a name), mistyped or kept, by
    where ``draw`` falls."""
    if draw < config.swap_rate:
        return rng.choice(words) if word.islower() and words else word
    if draw < config.swap_rate + config.typo_rate and len(word) >= 4:
        return typo(word, rng)
    return word


def augment_texts(texts: Sequence[str], words: Sequence[str], config: AugmentConfig) -> list[str]:
    """A noisy copy of each text, drawn from ``config.seed`` (the same inputs give the same copies)."""
    rng = random.Random(config.seed)
    return [augment_text(t, words, rng, config) for t in texts]
