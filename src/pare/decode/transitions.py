"""Allowed transitions of a tagging scheme and the additive biases of an operating point.

BIOES (openai/privacy-filter): start on O/B/S, end on O/E/S; O→O/B/S; B-x/I-x → I-x/E-x; E/S → O/B/S.
BIO: start on O/B, end anywhere; O→O/B; B-x/I-x → I-x/O/B; I-x only after B-x/I-x.

The six biases of an ``OperatingPoint`` are added to the allowed transitions between two tokens (never to
the start or the end). In BIO there is no E tag: a span closes by going to O (``end_to_background``) or
to a B (``end_to_start``), and ``inside_to_end`` is unused.

Whole words: between two pieces of one word (``##ing`` after ``walk``) a span may neither start nor end, so
only O→O and the transitions that continue a span are allowed there (``Transitions.within``).

Paragraph breaks: across a blank line no span continues, so only the transitions that end a span (or stay
outside one) before the break and start afresh after it are allowed there (``Transitions.close``): BIOES
O/E/S → O/B/S, BIO any → O/B.

Line breaks: across a single line break no span of a single-line category (a name, a phone number, ...:
``pare.labels.SINGLE_LINE_CATEGORIES``) continues, while an address or a secret may (``Transitions.line``:
``matrix`` without the continuations of single-line categories).

The decoders pick, per row and token, the matrix of the step into that token (``step_kinds``): ``BETWEEN``
(``matrix``), ``WITHIN`` a word (``within``), after a paragraph ``BREAK`` (``close``), after a ``LINE`` break
(``line``) or ``PAD`` (padding: the identity, which carries the chain over unchanged to the row's end). A
paragraph break wins over a line break, and either over a word.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from functools import cached_property, lru_cache

import numpy as np

from pare.decode.inputs import valid_tokens
from pare.errors import PareError
from pare.labels import SINGLE_LINE_CATEGORIES, Taxonomy, split_tag

NEG_INF = float("-inf")
# the kinds of step into a token, indices into ``Transitions.by_kind``
BETWEEN, WITHIN, BREAK, LINE, PAD = range(5)
N_KINDS = PAD + 1


@dataclass(frozen=True)
class OperatingPoint:
    """The six additive transition biases of openai/privacy-filter (0 = plain constrained Viterbi).

    Positive values favour the transition, negative values discourage it.
    """

    background_stay: float = 0.0  # O -> O
    background_to_start: float = 0.0  # O -> B/S
    inside_to_continue: float = 0.0  # B/I -> I (same category)
    inside_to_end: float = 0.0  # B/I -> E (same category)
    end_to_background: float = 0.0  # E/S -> O
    end_to_start: float = 0.0  # E/S -> B/S

    @classmethod
    def from_dict(cls, biases: Mapping[str, object], where: str = "biases") -> OperatingPoint:
        """Build from a mapping of bias names to numbers; missing names are 0.

        Raises ``PareError`` naming ``where`` and the field for an unknown name or a non-number.
        """
        if not isinstance(biases, Mapping):
            raise PareError(
                f"{where}: expected an object of bias names to numbers, got {type(biases).__name__}"
            )
        names = [f.name for f in fields(cls)]
        values: dict[str, float] = {}
        for name, value in biases.items():
            if name not in names:
                raise PareError(
                    f"{where}.{name}: unknown transition bias; expected one of {', '.join(names)}"
                )
            if isinstance(value, bool) or not isinstance(value, int | float) or not np.isfinite(value):
                raise PareError(f"{where}.{name}: expected a finite number, got {value!r}")
            values[name] = float(value)
        return cls(**values)

    def to_dict(self) -> dict[str, float]:
        return {f.name: float(getattr(self, f.name)) for f in fields(self)}


def as_operating_point(biases: OperatingPoint | Mapping[str, float] | None) -> OperatingPoint:
    """Accept an ``OperatingPoint``, a dict of bias names (unknown name -> ``PareError``) or ``None`` (zeros)."""
    if biases is None:
        return OperatingPoint()
    if isinstance(biases, OperatingPoint):
        return biases
    return OperatingPoint.from_dict(biases)


def as_taxonomy(labels: Sequence[str] | Taxonomy) -> Taxonomy:
    """A ``Taxonomy`` as is, or the taxonomy a label list spells (``PareError`` if it is not BIO/BIOES order)."""
    return labels if isinstance(labels, Taxonomy) else Taxonomy.from_labels(labels)


@dataclass(frozen=True)
class ScaledSteps:
    """The steps of the chain in probability space, for the forward-backward recursions.

    ``forward[k] = exp(trans_k - shift)`` for each kind of step ``k`` (``BETWEEN``, ``WITHIN``, ``BREAK``,
    ``LINE``), with ``shift`` the largest finite bias, so every entry is in [0, 1]; ``forward[PAD]`` is
    exactly the identity (no shift). ``backward`` holds the transposed matrices, ``backward_close`` the
    transposed closing ones (``Transitions.by_kind(closing=True)``). ``both`` is ``(forward, backward)``
    stacked (2, K, L, L) and ``pairs[kf, kb]`` is ``(forward[kf], backward[kb])`` (K, K, 2, L, L), with
    K = ``N_KINDS``: one matrix product steps both directions at once.
    """

    shift: float
    forward: np.ndarray
    backward: np.ndarray
    backward_close: np.ndarray
    both: np.ndarray
    pairs: np.ndarray


@dataclass(frozen=True)
class Transitions:
    """Log-potentials of the constrained chain over a taxonomy's labels (``-inf`` = not allowed).

    ``matrix[i, j]``: bias of going from label ``i`` to label ``j``; ``start``/``end``: 0 where a sequence
    may start/end on the label. ``close`` is ``matrix`` without the transitions that continue a span
    (B-x/I-x -> I-x/E-x): following it from a span's last label guarantees the span ends there; it is also
    the step into a token after a paragraph break, where no span may continue.
    ``within`` is ``matrix`` between two pieces of one word: only O->O and span continuations, so no span
    starts or ends inside a word; ``within_close`` is ``within`` without the continuations (O->O alone).
    ``line`` is ``matrix`` without the continuations of single-line categories (``SINGLE_LINE_CATEGORIES``):
    the step into a token after a line break; its closing variant is ``close``.
    ``build_transitions`` hands out one shared, read-only instance per taxonomy and operating point, so the
    stacks the decoders need (``by_kind``, ``into``, ``scaled``) are computed once, on first use.
    """

    taxonomy: Taxonomy
    matrix: np.ndarray
    start: np.ndarray
    end: np.ndarray
    close: np.ndarray
    within: np.ndarray
    within_close: np.ndarray
    line: np.ndarray

    def by_kind(self, closing: bool = False) -> np.ndarray:
        """(``N_KINDS``, labels, labels): the step into a token of each kind (``BETWEEN``, ``WITHIN``,
        ``BREAK``, ``LINE``, ``PAD``).

        ``matrix``, ``within``, ``close``, ``line`` and the identity (0 on the diagonal, ``-inf`` elsewhere);
        with ``closing``, without the steps that continue a span: ``close``, ``within_close``, ``close``,
        ``close``, identity.
        """
        return self._closing_kinds if closing else self._kinds

    @cached_property
    def _kinds(self) -> np.ndarray:
        return _read_only(np.stack([self.matrix, self.within, self.close, self.line, self._identity]))

    @cached_property
    def _closing_kinds(self) -> np.ndarray:
        return _read_only(np.stack([self.close, self.within_close, self.close, self.close, self._identity]))

    @cached_property
    def _identity(self) -> np.ndarray:
        return np.where(np.eye(len(self.start), dtype=bool), 0.0, NEG_INF)

    @cached_property
    def into(self) -> np.ndarray:
        """(``N_KINDS``, labels, labels): ``into[k, j, i] = by_kind()[k, i, j]``, the Viterbi's view (max over
        ``i``)."""
        return _read_only(np.ascontiguousarray(self.by_kind().transpose(0, 2, 1)))

    @cached_property
    def scaled(self) -> ScaledSteps:
        """The steps in scaled probability space (``ScaledSteps``)."""
        finite = np.isfinite(self.matrix)
        shift = float(self.matrix[finite].max()) if finite.any() else 0.0

        def exp_kinds(closing: bool) -> np.ndarray:
            mats = np.exp(self.by_kind(closing) - shift)
            mats[PAD] = np.eye(len(self.start))  # padding carries the chain over exactly
            return mats

        forward = exp_kinds(False)
        backward = np.ascontiguousarray(forward.transpose(0, 2, 1))
        backward_close = np.ascontiguousarray(exp_kinds(True).transpose(0, 2, 1))
        n = len(self.start)
        pairs = np.empty((N_KINDS, N_KINDS, 2, n, n))
        pairs[:, :, 0] = forward[:, None]
        pairs[:, :, 1] = backward[None, :]
        arrays = (forward, backward, backward_close, np.stack([forward, backward]), pairs)
        return ScaledSteps(shift, *(_read_only(a) for a in arrays))


def _read_only(array: np.ndarray) -> np.ndarray:
    """``array``, no longer writeable: cached transitions are shared by every caller."""
    array.flags.writeable = False
    return array


def build_transitions(
    labels: Sequence[str] | Taxonomy, biases: OperatingPoint | Mapping[str, float] | None = None
) -> Transitions:
    """The constrained transition matrix (with operating-point biases) for a label list or taxonomy.

    The result is shared and read-only: the same taxonomy and operating point give the same instance.
    """
    return _transitions(as_taxonomy(labels), as_operating_point(biases))


# A memo of a pure function of two frozen values, bounded: a process decodes with a handful of taxonomies and
# operating points, and rebuilding the matrices (and their stacks) on every call cost a short document ~0.2 ms.
@lru_cache(maxsize=64)
def _transitions(taxonomy: Taxonomy, point: OperatingPoint) -> Transitions:
    parsed = [split_tag(label) for label in taxonomy.labels]
    bioes = taxonomy.scheme == "BIOES"

    def having(*prefixes: str) -> np.ndarray:  # (labels,) bool: the label's prefix is one of these
        return np.array([p in prefixes for p, _ in parsed])

    cats = np.array([c or "" for _, c in parsed])
    single_line = np.array([c in SINGLE_LINE_CATEGORIES for c in cats])
    same = cats[:, None] == cats[None, :]  # [i, j]: labels i and j have one category
    background, inside, to_start = having("O"), having("B", "I")[:, None], having("B", "S")[None, :]
    # a span closes from E/S in BIOES, from B/I (into O or a new B) in BIO
    closes = having("E", "S")[:, None] if bioes else inside
    continues = inside & having("I", "E")[None, :] & same
    stay = background[:, None] & background[None, :]
    rules = [  # disjoint masks of the allowed transitions [from, to], each with its bias
        (stay, point.background_stay),
        (background[:, None] & to_start, point.background_to_start),
        (inside & having("I")[None, :] & same, point.inside_to_continue),
        (inside & having("E")[None, :] & same, point.inside_to_end),
        (closes & background[None, :], point.end_to_background),
        (closes & to_start, point.end_to_start),
    ]
    matrix = np.full(same.shape, NEG_INF)
    for allowed, bias in rules:
        matrix[allowed] = bias
    start = np.where(having("O", "B", "S"), 0.0, NEG_INF)
    end = np.where(having("O", "E", "S") if bioes else having("O", "B", "I"), 0.0, NEG_INF)
    close = np.where(continues, NEG_INF, matrix)
    within = np.where(continues | stay, matrix, NEG_INF)
    within_close = np.where(stay, matrix, NEG_INF)
    line = np.where(continues & single_line[:, None], NEG_INF, matrix)
    arrays = (matrix, start, end, close, within, within_close, line)
    return Transitions(taxonomy, *(_read_only(a) for a in arrays))


def step_kinds(
    lengths: np.ndarray,
    steps: int,
    joined: np.ndarray | None,
    breaks: np.ndarray | None,
    lines: np.ndarray | None = None,
) -> tuple[np.ndarray, list[int]]:
    """The kind of step into each token (batch, steps), and per token the kind all rows share (-1: they differ).

    ``joined``/``breaks``/``lines`` (batch, >= steps) bool, from ``pare.decode.inputs``; a paragraph break
    wins over a line break, either over a word, and padding over all. The shared kind lets a decoder use one
    matrix for the whole batch at most tokens.
    """
    kinds = np.full((len(lengths), steps), BETWEEN, dtype=np.intp)
    if joined is not None:
        kinds[joined[:, :steps]] = WITHIN
    if lines is not None:
        kinds[lines[:, :steps]] = LINE
    if breaks is not None:
        kinds[breaks[:, :steps]] = BREAK
    kinds[~valid_tokens(lengths, steps)] = PAD
    if not len(lengths):
        return kinds, [BETWEEN] * steps
    shared = np.where((kinds == kinds[:1]).all(axis=0), kinds[0], -1)
    return kinds, shared.tolist()
