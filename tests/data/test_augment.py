"""Noisy copies of distillation text change words only, never e-mails, URLs or numbers, and are seeded."""

from __future__ import annotations

import itertools
import random
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pare.data.augment import AugmentConfig, augment_text, augment_texts, typo, vocabulary_words
from pare.errors import PareError

WORDS = ["zebra", "quantum", "cgroup", "kiln"]
PROTECTED = re.compile(r"\S*[@/\d]\S*")  # e-mails, URLs, paths and anything with a digit


def protected(text: str) -> list[str]:
    return PROTECTED.findall(text)


def shared_length(a: str, b: str) -> int:
    return sum(1 for _ in itertools.takewhile(lambda pair: pair[0] == pair[1], zip(a, b, strict=False)))


texts = st.lists(
    st.sampled_from(
        ["the", "order", "went", "to", "Anna", "anna.b@mail.example.org", "https://x.example/u/anna", "+44 20",
         "7946 0958", "ref:", "A7557466", "(see", "notes).", "hello,", "world!", "\n", "v2.1", "über"]
    ),
    max_size=30,
).map(" ".join)  # fmt: skip


@given(texts, st.integers(0, 99))
def test_protected_tokens_survive_unchanged(text, seed):
    config = AugmentConfig(swap_rate=0.5, typo_rate=0.5, seed=seed)
    (noisy,) = augment_texts([text], WORDS, config)
    assert protected(noisy) == protected(text)


@given(texts, st.integers(0, 99))
def test_same_seed_same_copy_and_zero_rates_keep_the_text(text, seed):
    config = AugmentConfig(swap_rate=0.3, typo_rate=0.2, seed=seed)
    assert augment_texts([text], WORDS, config) == augment_texts([text], WORDS, config)
    assert augment_texts([text], WORDS, AugmentConfig(0.0, 0.0, seed)) == [text]


def test_swaps_use_the_vocabulary_and_spare_capitalized_words():
    text = "Anna said the parcel went to the depot"
    config = AugmentConfig(swap_rate=1.0, typo_rate=0.0, spare_capitalized=False)
    assert (
        augment_text(text, ["zebra"], random.Random(0), config)
        == "Anna zebra zebra zebra zebra zebra zebra zebra"
    )


@given(texts, st.integers(0, 99))
def test_capitalized_words_and_their_neighbours_stay_as_they_are(text, seed):
    words = text.split(" ")
    spared = {i for i, w in enumerate(words) for i in (i - 1, i, i + 1) if w.isalpha() and w[0].isupper()}
    (noisy,) = augment_texts([text], WORDS, AugmentConfig(swap_rate=0.5, typo_rate=0.5, seed=seed))
    changed = [i for i, (a, b) in enumerate(zip(words, noisy.split(" "), strict=True)) if a != b]
    assert not spared & set(changed)


def test_titles_before_a_name_keep_their_spelling():
    config = AugmentConfig(swap_rate=0.0, typo_rate=1.0)
    noisy = augment_text("please call Frau Anna Berg today about the parcel", WORDS, random.Random(0), config)
    assert " call Frau Anna Berg today " in noisy and not noisy.endswith("about the parcel")


def test_typo_keeps_the_first_letter_and_changes_one_place():
    rng = random.Random(3)
    for _ in range(200):
        word = rng.choice(["Parcel", "depot", "ANNA", "cat"])
        out = typo(word, rng)
        assert out[0] == word[0]
        assert abs(len(out) - len(word)) <= 1
        head = shared_length(out, word)
        tail = shared_length(out[head:][::-1], word[head:][::-1])
        assert len(word) - head - tail <= 2  # the change is confined to two neighbouring letters


def test_vocabulary_words_keep_whole_lowercase_words():
    vocab = ["[CLS]", "##ing", "the", "zebra", "ab", "Anna", "x1y", "über", "depot"]
    assert vocabulary_words(vocab) == ["depot", "the", "zebra"]


@pytest.mark.parametrize(
    "kwargs", [{"swap_rate": -0.1}, {"typo_rate": 1.5}, {"swap_rate": 0.7, "typo_rate": 0.5}]
)
def test_bad_rates_are_refused(kwargs):
    with pytest.raises(PareError, match="augment"):
        AugmentConfig(**kwargs)
