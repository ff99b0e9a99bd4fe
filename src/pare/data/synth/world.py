"""The world family: English documents that look like what people write, not like records.

The template family (``generate.synthesize``) fills structured documents: chat lines that always start
with a name, names always in title case from two locales, few address and phone formats. A model trained
only on it takes any capitalized word that starts a reply for a name and misses names, addresses and URLs
written the way people write them. This family fills short English frames (questions, one-line answers,
chat, narrative, quoted speech, forms, letters, address blocks, and documents with no PII at all) with
values from many nationalities and countries, so that its effect can be measured apart: it is selected by
its own splits (``synthesize(..., split="world" | "world-train" | "world-test")``) and leaves the template
family's output unchanged.

Labelling conventions (the taxonomy's, as ``pare.data.synth`` documents them, made precise here):

- ``private_person``: a person's name in any casing, with initials and middle names inside the span;
  titles ("Dr.", "Mrs") are outside. A first name alone, or a surname after a title, is a name. Chat speaker
  names are names; speaker roles ("Agent:", "Customer:") are not. Organisations, products, public places,
  pets and capitalized words that start a sentence ("Cool", "She", "Office", "Will") are not.
- ``private_address``: a street address, a P.O. box, or a full postal address. A block written over several
  lines is one span, its flat or suite line and its country line included when they are part of the block
  ("..., Nairobi 00100, Kenya"). A city, a country, a region or a postcode alone is not an address.
- ``private_date``: a calendar date tied to a person (birth, appointment, move, visit, a letter's date), in
  any written form, with or without a year or weekday. Years, decades, quarters, clock times, weekdays and
  relative days ("next Tuesday"), and dates of public events (openings, releases, treaties) are not.
- ``private_url``: a URL of a person or a private resource (profile, personal site, share or payment
  link), with ``https://``, ``http://`` or no scheme. Documentation, news, government and shop pages are
  not. Sentence punctuation after a URL or an e-mail address is outside its span.
- ``private_phone``, ``private_email``, ``account_number``, ``secret``: as in the template family.
  Order, ticket and version numbers, amounts and postcodes are never labelled.

Frames are split into train and test by a hash of their id within each style (``held_out_frame_ids``), as
the template family splits templates, so a ``world-test`` score measures frames the model never saw.
"""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from pare.data.jsonl import Document, Span
from pare.data.synth.template import held_out_ids
from pare.data.synth.world_frames import FRAMES
from pare.data.synth.world_values import WORLD_KINDS, Casing, WorldFiller
from pare.errors import PareError
from pare.progress import Track, no_track

WORLD_SPLITS: tuple[str, ...] = ("world", "world-train", "world-test")
STYLES: tuple[str, ...] = tuple(FRAMES)
# How often each style starts a document (the negative style also joins others, see COMPOSABLE).
STYLE_WEIGHTS: dict[str, float] = {
    "question": 0.13, "answer": 0.11, "chat": 0.13, "narrative": 0.16, "quote": 0.06, "form": 0.09,
    "letter": 0.08, "address": 0.08, "negative": 0.16,
}  # fmt: skip
# Styles whose frames may follow each other in one document (a question and a remark, two sentences).
COMPOSABLE: frozenset[str] = frozenset({"question", "answer", "narrative", "quote", "negative"})
# Styles that may write names as records do ("Last, First").
RECORDS: frozenset[str] = frozenset({"form", "letter", "address"})
# style -> chance of (lower-case text, no final punctuation, typographic apostrophes, capitals in values)
SURFACES: dict[str, tuple[float, float, float, float]] = {
    "question": (0.15, 0.25, 0.1, 0.0), "answer": (0.2, 0.3, 0.1, 0.0), "chat": (0.45, 0.5, 0.1, 0.0),
    "narrative": (0.05, 0.05, 0.2, 0.0), "quote": (0.0, 0.0, 0.3, 0.0), "form": (0.0, 0.0, 0.0, 0.25),
    "letter": (0.0, 0.0, 0.15, 0.1), "address": (0.05, 0.0, 0.0, 0.2), "negative": (0.15, 0.2, 0.1, 0.0),
}  # fmt: skip
_TOKEN = re.compile(r"\{([a-z][a-z_]*?)(?:_(\d+))?\}|[{}]")


@dataclass(frozen=True)
class Frame:
    """One frame: ``id`` is ``world-STYLE-NNN``; ``parts`` are literals and ``(placeholder, kind)`` pairs."""

    id: str
    style: str
    text: str
    parts: tuple[str | tuple[str, str], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "parts", parse_frame(self.text, self.id))
        labelled = any(WORLD_KINDS[p[1]] for p in self.parts if isinstance(p, tuple))
        if labelled == (self.style == "negative"):
            raise ValueError(f"frame {self.id}: a {self.style} frame must {'not ' * labelled}have PII")


def parse_frame(text: str, where: str) -> tuple[str | tuple[str, str], ...]:
    """Literals and ``(placeholder, kind)`` pairs of a frame. Unknown kinds and stray braces raise, and so
    do two values of one label apart only by spaces: a reader would take them for one span."""
    parts: list[str | tuple[str, str]] = []
    pos = 0
    for match in _TOKEN.finditer(text):
        if match.group(1) is None or match.group(1) not in WORLD_KINDS:
            raise ValueError(f"frame {where}: bad placeholder {match.group(0)!r}")
        if match.start() > pos:
            parts.append(text[pos : match.start()])
        parts.append((match.group(0)[1:-1], match.group(1)))
        pos = match.end()
    if pos < len(text):
        parts.append(text[pos:])
    values = [(k, p) for k, p in enumerate(parts) if isinstance(p, tuple)]
    for (i, a), (j, b) in itertools.pairwise(values):
        between = "".join(p for p in parts[i + 1 : j] if isinstance(p, str))
        if WORLD_KINDS[a[1]] and WORLD_KINDS[a[1]] == WORLD_KINDS[b[1]] and not between.strip(" "):
            raise ValueError(f"frame {where}: {{{a[0]}}} and {{{b[0]}}} would read as one span")
    return tuple(parts)


def world_frames() -> list[Frame]:
    """Every frame of the family, in a fixed order (style by style)."""
    return [
        Frame(f"world-{style}-{k:03d}", style, text)
        for style, texts in FRAMES.items()
        for k, text in enumerate(texts, 1)
    ]


def held_out_frame_ids(frames: Sequence[Frame], test_fraction: float = 0.2, split_seed: int = 0) -> set[str]:
    """The ids of the test frames: per style (every style keeps frames on both sides), ``held_out_ids``."""
    by_style: dict[str, list[str]] = {}
    for f in frames:
        by_style.setdefault(f.style, []).append(f.id)
    return held_out_ids(by_style, test_fraction, split_seed)


def split_frames(split: str, test_fraction: float = 0.2, split_seed: int = 0) -> list[Frame]:
    """The frames of one world split: all of them, or the train or test side of ``held_out_frame_ids``."""
    if split not in WORLD_SPLITS:
        raise PareError(f"unknown world split {split!r}; choose one of {', '.join(WORLD_SPLITS)}")
    frames = world_frames()
    if split == "world":
        return frames
    held_out = held_out_frame_ids(frames, test_fraction, split_seed)
    return [f for f in frames if (f.id in held_out) == (split == "world-test")]


def render_frame(frame: Frame, filler: WorldFiller, lower: bool, smart: bool) -> tuple[str, list[Span]]:
    """The frame's text and spans. Offsets come from the substitution itself, never from a search; the
    literal text is cased or given typographic apostrophes here, values by the filler."""
    text, spans = "", []
    for part in frame.parts:
        if isinstance(part, str):
            literal = part.lower() if lower else part
            text += literal.replace("'", "\u2019") if smart else literal
            continue
        value = filler.value(*part)
        core = value.text.strip()
        if value.label is not None and core:
            start = len(text) + len(value.text) - len(value.text.lstrip())
            spans.append(Span(start, start + len(core), value.label))
        text += value.text
    return text, spans


def check_document(doc: Document) -> Document:
    """Raise unless the spans are sorted, disjoint, inside the text and free of surrounding whitespace."""
    end = 0
    for span in doc.spans:
        piece = doc.text[span.start : span.end]
        if span.start < end or span.end > len(doc.text) or not piece or piece != piece.strip():
            raise ValueError(f"bad span {span} in world document {doc.meta.get('template')}")
        end = span.end
    return doc


def make_document(
    rng: random.Random, by_style: dict[str, list[Frame]], native_scripts: bool = False
) -> Document:
    """One document: a style, a frame of it, sometimes one or two composable frames after it, then values."""
    styles = list(by_style)
    style = rng.choices(styles, [STYLE_WEIGHTS[s] for s in styles])[0]
    frames = [rng.choice(by_style[style])]
    composable = [f for s in styles if s in COMPOSABLE for f in by_style[s]]
    if style in COMPOSABLE and rng.random() < 0.3:
        frames += rng.sample([f for f in composable if f is not frames[0]], rng.randint(1, 2))
    p_lower, p_bare, p_smart, p_upper = SURFACES[style]
    lower, smart = rng.random() < p_lower, rng.random() < p_smart
    casing = Casing(lower=0.75, upper=0.0) if lower else Casing(upper=0.05 + p_upper)
    filler = WorldFiller(rng, casing, rng.random() < 0.45, style in RECORDS, native_scripts)
    text, spans = "", []
    for k, frame in enumerate(frames):
        if k:
            text += rng.choice((" ", " ", "\n", "\n\n"))
        piece, piece_spans = render_frame(frame, filler, lower, smart)
        spans += [Span(s.start + len(text), s.end + len(text), s.label) for s in piece_spans]
        text += piece
    if rng.random() < p_bare and text[-1:] in (".", "!") and (not spans or spans[-1].end < len(text)):
        text = text[:-1]
    meta = {"template": "+".join(f.id for f in frames), "locale": "en", "style": style, "source": "world"}
    return check_document(Document(text, spans, meta))


def synthesize_world(
    n: int,
    seed: int,
    split: str = "world",
    test_fraction: float = 0.2,
    track: Track = no_track,
    *,
    split_seed: int = 0,
    native_scripts: bool = False,
) -> list[Document]:
    """``n`` world documents; the same arguments always give the same documents (and bytes).

    ``split`` is ``world`` (every frame), ``world-train`` or ``world-test`` (the two sides of
    ``held_out_frame_ids(test_fraction, split_seed)``). Each document has its own generator seeded from
    ``seed``, so document ``k`` does not depend on how the ones before it drew. ``native_scripts``: some
    names (and, as negatives, cities, countries, organisations) in their own script (``WorldFiller``).
    """
    if n <= 0:
        raise PareError(f"number of documents must be positive, got {n}")
    by_style: dict[str, list[Frame]] = {}
    for frame in split_frames(split, test_fraction, split_seed):
        by_style.setdefault(frame.style, []).append(frame)
    rng = random.Random(seed)
    return [
        make_document(random.Random(rng.getrandbits(64)), by_style, native_scripts)
        for _ in track(range(n), "synthesizing", n)
    ]
