"""Names written family name first, as Korean, Chinese, Vietnamese and Japanese names often are in English text.

A model trained mostly on "First Last" names tends to tag ``Park Seo-yeon`` as ``Seo-yeon`` and ``Tran Duc
Minh`` as ``Duc Minh``: the family name in front reads like a stray capitalized word. A person span right after
one of the common family names below (same line, one space between, no other span on it) grows back over it.
The list leaves out family names that are also common words or titles at the start of a sentence (``He``,
``Do``, ``Ma``, ``Sun``, ``Song``, ``Long``, ``An``, ``Oh``, ``So``, ``Du``, and ``Pan``, Polish for "Mr"), so
``He Jun`` stays as the model wrote it. No gold person span of pare's labelled sets (train, test, world, dev,
the written sets) has one of the listed names just before it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from pare.pii.spans import DetectedSpan

FAMILY_FIRST_NAMES = frozenset({
    # Korean
    "Park", "Kim", "Lee", "Choi", "Jung", "Jeong", "Kang", "Cho", "Yoon", "Jang", "Lim", "Shin", "Kwon",
    "Hwang", "Ahn", "Yoo", "Baek", "Seo", "Nam", "Ryu", "Jeon", "Bae", "Hong", "Moon",
    # Chinese
    "Wang", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Zhu", "Hu", "Guo", "Lin",
    "Luo", "Gao", "Liang", "Zheng", "Xie", "Tang", "Feng", "Deng", "Cao", "Peng", "Zeng", "Xiao",
    "Yuan", "Jiang", "Cai", "Ye", "Cheng", "Wei", "Shen", "Lu", "Dong", "Yu", "Su", "Jin", "Fang",
    # Vietnamese
    "Nguyen", "Nguyễn", "Tran", "Trần", "Pham", "Phạm", "Hoang", "Hoàng", "Huynh", "Huỳnh", "Phan", "Vu",
    "Vũ", "Vo", "Võ", "Dang", "Đặng", "Bui", "Bùi", "Ngo", "Ngô", "Duong", "Dương", "Ly", "Lý", "Le", "Lê",
    "Trinh", "Dinh", "Đinh",
    # Japanese
    "Tanaka", "Suzuki", "Takahashi", "Watanabe", "Ito", "Yamamoto", "Nakamura", "Kobayashi", "Kato",
    "Yoshida", "Yamada", "Sasaki", "Yamaguchi", "Matsumoto", "Inoue", "Kimura", "Hayashi", "Shimizu", "Mori",
    "Ikeda", "Hashimoto", "Yamashita", "Ishikawa", "Nakajima", "Maeda", "Fujita", "Ogawa", "Okada", "Sato",
    "Saito", "Sakamoto", "Murakami", "Kondo", "Ishii", "Aoki", "Fujii", "Nishimura", "Fukuda", "Miura",
})  # fmt: skip
_WORD_BEFORE = re.compile(
    r"(?<![\w.'’-])([^\W\d_]+) $"
)  # a whole word, then one space, at the end of the text read


def _family_name_before(text: str, start: int) -> int | None:
    """Where a family name that ends one space before ``start`` begins (``None``: there is none)."""
    match = _WORD_BEFORE.search(text, max(0, start - 24), start)
    if match is None:
        return None
    word = match.group(1)
    known = word in FAMILY_FIRST_NAMES or (word.isupper() and word.title() in FAMILY_FIRST_NAMES)
    return match.start(1) if known else None


def with_family_names(text: str, spans: Sequence[DetectedSpan]) -> list[DetectedSpan]:
    """``spans`` with each person span grown back over a family name just before it; a person span that is
    that family name alone (the model cut the name in two) is merged into it."""
    out: list[DetectedSpan] = []
    for span in spans:
        begin = _family_name_before(text, span.start) if span.label == "private_person" else None
        if begin is None:
            out.append(span)
            continue
        previous = out[-1] if out else None
        if previous is not None and previous.end > begin:
            if (previous.label, previous.start, previous.end) != ("private_person", begin, span.start - 1):
                out.append(span)  # the word belongs to another span: leave both as they are
                continue
            out.pop()  # "Park" and "Seo-yeon" as two names: one name
        out.append(replace(span, start=begin, text=text[begin : span.end]))
    return out
