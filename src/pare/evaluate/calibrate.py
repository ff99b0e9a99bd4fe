"""Fit named operating points (the six transition biases) of a PII detector on labelled data.

The model's token scores are computed once; every candidate operating point only re-runs the constrained
Viterbi decoder over them. Three points are fitted and written into the model's ``viterbi_calibration.json``:

- ``balanced``: the highest F1;
- ``high_recall``: the highest precision among points whose recall reaches ``target_recall`` (where none
  does, the highest recall);
- ``high_precision``: the highest recall among points whose precision reaches ``target_precision`` (where
  none does, the highest precision).

P/R/F1 are micro span scores with ``match="overlap"`` (a gold span is found when a prediction of its label
overlaps it: what redaction needs, ``pare eval``'s ``overlap`` row) or ``"strict"`` (exact bounds, its
``micro`` row).

Search (deterministic, no randomness): first ``background_to_start`` and then ``background_stay`` alone are
swept over ``-bound..bound`` in steps of ``sweep_step``, which maps the main recall/precision trade-off (span
metrics are step functions, so a local search from zero can sit on a plateau far from a recall target).
Then, for each objective, a coordinate search on a grid starts from the best point decoded so far: each bias
in turn moves by +step while that improves the objective, else by -step while that does; passes repeat until
one improves nothing, then the step halves (2, 1, 0.5, 0.25). Biases stay within ``±bound``, so every value
is a multiple of 0.25 and is written exactly. Each coordinate search decodes at most ``budget`` new points.

Per-label minimum span scores (``per_label``), fitted after the biases of each point: for each label in
turn, the threshold (a midpoint between two of its spans' scores on the data, or none) that maximizes the
point's own objective on the micro counts, the other labels' thresholds fixed; passes repeat until none
changes. So ``balanced`` keeps a threshold where it raises F1, ``high_recall`` only one that keeps the recall
target met while raising precision, ``high_precision`` one that raises precision toward its target. A
threshold never drops every span of a label, and ties go to the lowest (no threshold first). They are
written next to the point's ``biases`` as ``"min_score": {label: score}``, which the operating-point reader
of ``pare.decode`` ignores; ``load_min_scores`` reads them, ``pare eval --operating-point NAME`` applies
them (``thresholded``), and ``with_point_min_scores`` puts them into a redaction policy.

The points found are reported by ``evaluate_scores``, the decoding and scoring ``pare eval`` runs, so
``pare eval --operating-point NAME`` on the same data (same ``--validate`` and ``--batch-size``) prints the
same figures. The search itself decodes without span confidences (P/R do not use them): several times
faster, the same spans.
"""

from __future__ import annotations

import itertools
import json
import shutil
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Literal

import numpy as np

from pare.data.align import token_spans_to_char_spans
from pare.data.jsonl import Document, check_labels
from pare.decode.calibration import load_operating_points
from pare.decode.transitions import OperatingPoint, as_operating_point
from pare.decode.viterbi import viterbi_decode
from pare.errors import PareError
from pare.evaluate.detector import evaluate_scores
from pare.evaluate.metrics import PRF, overlap_span_scores, prf, span_keys, strict_span_scores
from pare.labels import tags_to_spans
from pare.modeldir import CALIBRATION_FILE
from pare.progress import Track, no_track

BIAS_NAMES: tuple[str, ...] = tuple(f.name for f in fields(OperatingPoint))
FITTED: tuple[str, ...] = ("balanced", "high_recall", "high_precision")
Match = Literal["overlap", "strict"]
SWEPT = ("background_to_start", "background_stay")  # the biases that move recall most, swept alone first
SEARCH_BATCH = 64  # sequences per Viterbi call during the search (rows decode independently)
MIN_SCORE_FIELD = "min_score"  # next to "biases" in an operating point: per-label minimum span scores
MAX_CANDIDATES = 128  # thresholds tried per label (evenly spread over its spans' scores)
MAX_PASSES = 4  # passes over the labels while fitting thresholds


@dataclass(frozen=True)
class CalibrationConfig:
    """What to fit: the recall and precision targets, how spans match, and the search's limits."""

    target_recall: float = 0.98
    target_precision: float = 0.98
    match: Match = "overlap"
    budget: int = 100  # at most this many new operating points decoded per fitted point
    steps: tuple[float, ...] = (2.0, 1.0, 0.5, 0.25)
    bound: float = 8.0  # every bias stays within [-bound, bound]
    sweep_step: float = 1.0  # grid of the first sweep over each of SWEPT
    per_label: bool = False  # also fit a minimum span score per label for each point

    def __post_init__(self) -> None:
        for name in ("target_recall", "target_precision"):
            value = getattr(self, name)
            if not 0.0 < value <= 1.0:
                raise PareError(f"{name.replace('_', ' ')} must be in (0, 1], got {value}")
        if self.match not in ("overlap", "strict"):
            raise PareError(f"match {self.match!r}: expected 'overlap' or 'strict'")
        if self.budget < 1:
            raise PareError(f"search budget must be at least 1, got {self.budget}")
        if not self.steps or min(*self.steps, self.bound, self.sweep_step) <= 0:
            raise PareError("search steps and bound must be positive")


@dataclass(frozen=True)
class FittedPoint:
    """One operating point and its scores on the calibration data (``report``: ``pare eval --json``'s dict).

    ``target``: the recall (``high_recall``) or precision (``high_precision``) it aimed at, ``met``: whether
    it reached it (both ``None`` for points without a target).
    """

    name: str
    point: OperatingPoint
    precision: float
    recall: float
    f1: float
    report: dict
    target: float | None = None
    met: bool | None = None
    min_score: Mapping[str, float] = field(default_factory=dict)  # per-label thresholds, when fitted

    def to_dict(self) -> dict:
        keys = ("precision", "recall", "f1", "target", "met")
        out = {"biases": self.point.to_dict(), **{k: getattr(self, k) for k in keys}}
        return {**out, MIN_SCORE_FIELD: dict(self.min_score)}


@dataclass(frozen=True)
class Calibration:
    """The model's ``default`` point and the fitted ones, scored on ``n_docs`` documents."""

    points: tuple[FittedPoint, ...]
    match: Match
    n_docs: int
    evaluations: int  # operating points decoded during the search

    def fitted(self) -> dict[str, OperatingPoint]:
        return {p.name: p.point for p in self.points if p.name in FITTED}

    def min_scores(self) -> dict[str, dict[str, float]]:
        """The fitted points' per-label thresholds (empty where none was fitted or none helped)."""
        return {p.name: dict(p.min_score) for p in self.points if p.name in FITTED}

    def to_dict(self) -> dict:
        head = {"match": self.match, "n_docs": self.n_docs, "evaluations": self.evaluations}
        return {**head, "points": {p.name: p.to_dict() for p in self.points}}


Measure = Callable[[OperatingPoint], PRF]
Key = Callable[[PRF], tuple[float, ...]]


def objectives(config: CalibrationConfig) -> dict[str, Key]:
    """The key each fitted point maximizes: a target met first, then the other side of the trade-off."""

    def high_recall(s: PRF) -> tuple[float, ...]:
        met = s.recall >= config.target_recall
        return (1.0, s.precision, s.recall) if met else (0.0, s.recall, s.precision)

    def high_precision(s: PRF) -> tuple[float, ...]:
        met = s.precision >= config.target_precision
        return (1.0, s.recall, s.precision) if met else (0.0, s.precision, s.recall)

    return {
        "balanced": lambda s: (s.f1, s.precision),
        "high_recall": high_recall,
        "high_precision": high_precision,
    }


class _Memo:
    """Scores of the points decoded so far, in the order they were first decoded; counts new decodings."""

    def __init__(self, measure: Measure) -> None:
        self.measure = measure
        self.seen: dict[OperatingPoint, PRF] = {}
        self.spent = 0

    def __call__(self, point: OperatingPoint, limit: int | None = None) -> PRF | None:
        """The point's scores, or ``None`` when it is new and ``limit`` new points were already decoded."""
        if point not in self.seen:
            if limit is not None and self.spent >= limit:
                return None
            self.seen[point] = self.measure(point)
            self.spent += 1
        return self.seen[point]

    def best(self, key: Key) -> OperatingPoint:
        """The best point decoded so far under ``key`` (the first decoded wins ties); zero biases at first."""
        if not self.seen:
            return OperatingPoint()
        return max(self.seen, key=lambda p: key(self.seen[p]))


def _shifted(point: OperatingPoint, name: str, delta: float, bound: float) -> OperatingPoint:
    value = min(bound, max(-bound, getattr(point, name) + delta))
    return replace(point, **{name: value})


def coordinate_search(
    start: OperatingPoint, key: Key, memo: _Memo, config: CalibrationConfig
) -> OperatingPoint:
    """The best point the module's coordinate search reaches from ``start`` under ``key``."""
    limit = memo.spent + config.budget
    best = start
    best_key = key(memo(start))  # type: ignore[arg-type]  (without a limit a point is always decoded)
    for step in config.steps:
        improved = True
        while improved:
            improved = False
            for name in BIAS_NAMES:
                for delta in (step, -step):
                    moved = False
                    while True:  # go on in this direction while it improves
                        candidate = _shifted(best, name, delta, config.bound)
                        scores = memo(candidate, limit) if candidate != best else None
                        if scores is None or key(scores) <= best_key:
                            break
                        best, best_key, moved = candidate, key(scores), True
                    if moved:
                        improved = True
                        break  # a bias that moved up is not tried downwards in the same pass
    return best


def search_operating_points(
    measure: Measure, config: CalibrationConfig
) -> tuple[dict[str, OperatingPoint], int]:
    """Fit ``balanced``, ``high_recall`` and ``high_precision`` on ``measure``; also the points decoded."""
    memo = _Memo(measure)
    memo(OperatingPoint())
    for name in SWEPT:  # the main recall/precision trade-off, mapped first: every start is on it
        for k in range(-int(config.bound / config.sweep_step), int(config.bound / config.sweep_step) + 1):
            memo(replace(OperatingPoint(), **{name: k * config.sweep_step}))
    found: dict[str, OperatingPoint] = {}
    for name, key in objectives(config).items():
        found[name] = coordinate_search(memo.best(key), key, memo, config)
    return found, memo.spent


@dataclass(frozen=True)
class _Batch:
    """Documents decoded together during the search: padded float64 scores and their per-token constraints."""

    rows: tuple[int, ...]
    emit: np.ndarray
    mask: np.ndarray
    word_ids: list | None
    breaks: list
    lines: list | None


def _batches(detector, scores: Sequence, size: int = SEARCH_BATCH) -> list[_Batch]:
    """``scores`` (``DocumentScores``) grouped by length, as ``detector.decode`` decodes them."""
    order = sorted((d for d, doc in enumerate(scores) if doc.offsets), key=lambda d: len(scores[d].offsets))
    out = []
    for lo in range(0, len(order), size):
        rows = tuple(order[lo : lo + size])
        width = max(len(scores[d].offsets) for d in rows)
        emit = np.zeros((len(rows), width, len(detector.labels)))
        mask = np.zeros((len(rows), width), dtype=bool)
        for i, d in enumerate(rows):
            n = len(scores[d].offsets)
            emit[i, :n] = np.asarray(scores[d].log_probs, dtype=np.float32)
            mask[i, :n] = True
        out.append(_Batch(rows, emit, mask, *detector.constraints([scores[d] for d in rows])))
    return out


def _redecode(detector, scores: Sequence, batches: Sequence[_Batch], point: OperatingPoint) -> list[list]:
    """``detector.decode``'s spans for ``point`` without their confidences (every score 0)."""
    from pare.pii.spans import DetectedSpan
    from pare.pii.validate import validate_spans

    labels = detector.taxonomy.labels
    out: list[list] = [[] for _ in scores]
    for batch in batches:
        paths = viterbi_decode(
            batch.emit, detector.taxonomy, batch.mask, point, batch.word_ids, batch.breaks, batch.lines
        )
        for d, path in zip(batch.rows, paths, strict=True):
            doc = scores[d]
            token_spans = tags_to_spans([labels[i] for i in path])
            spans = [
                DetectedSpan(s.label, s.start, s.end, doc.text[s.start : s.end], 0.0)
                for s, _ in token_spans_to_char_spans(doc.text, doc.offsets, token_spans)
            ]
            out[d] = validate_spans(doc.text, spans, detector.validate) if detector.validate else spans
    return out


def span_measure(detector, docs: Sequence[Document], scores: Sequence, match: Match) -> Measure:
    """Micro P/R/F1 (``match``) of ``detector``'s spans for an operating point, from precomputed scores."""
    texts, gold = [d.text for d in docs], [d.spans for d in docs]
    batches = _batches(detector, scores)

    def measure(point: OperatingPoint) -> PRF:
        pred = _redecode(detector, scores, batches, point)
        if match == "strict":
            return strict_span_scores(texts, gold, pred).micro
        return overlap_span_scores(texts, gold, pred)

    return measure


# --- per-label minimum span scores ---


def passes_min_score(span, min_scores: Mapping[str, float]) -> bool:
    """Whether ``span`` is kept: no threshold for its label, no score, or a score at least the threshold
    (the rule of ``pare.pii.anonymize.apply_thresholds``)."""
    threshold = min_scores.get(span.label)
    score = getattr(span, "score", None)
    return threshold is None or score is None or score >= threshold


class ThresholdedDetector:
    """A detector whose ``decode`` (and so ``detect`` and ``evaluate_scores``) leaves out the spans below
    their label's minimum score; everything else is the wrapped detector's."""

    def __init__(self, detector, min_scores: Mapping[str, float]) -> None:
        self.detector = detector
        self.min_scores = dict(min_scores)

    def __getattr__(self, name: str):
        return getattr(self.detector, name)

    def decode(self, *args, **kwargs) -> list[list]:
        spans = self.detector.decode(*args, **kwargs)
        return [[s for s in doc if passes_min_score(s, self.min_scores)] for doc in spans]

    def detect(self, *args, **kwargs) -> list[list]:
        spans = self.detector.detect(*args, **kwargs)
        return [[s for s in doc if passes_min_score(s, self.min_scores)] for doc in spans]


@dataclass(frozen=True)
class _LabelTable:
    """One label's (tp, n_pred) for each candidate threshold (``None`` first: no threshold)."""

    thresholds: tuple[float | None, ...]
    counts: tuple[tuple[int, int], ...]
    n_gold: int


def _counts(texts: Sequence[str], gold: Sequence, pred: Sequence, match: Match) -> tuple[int, int]:
    """(matched predictions, predictions) of span lists, by the metric ``pare eval`` reports."""
    n_pred = sum(len(span_keys(t, p)) for t, p in zip(texts, pred, strict=True))
    s = (
        strict_span_scores(texts, gold, pred).micro
        if match == "strict"
        else overlap_span_scores(texts, gold, pred)
    )
    return round(s.precision * n_pred) if n_pred else 0, n_pred


def _label_table(
    texts: Sequence[str], gold: Sequence, pred: Sequence, label: str, match: Match
) -> _LabelTable:
    """The candidate thresholds of ``label``: midpoints between its spans' distinct scores (at most
    ``MAX_CANDIDATES``, never above the highest score), and the counts each gives."""
    rows = [d for d in range(len(texts)) if any(s.label == label for s in (*gold[d], *pred[d]))]
    texts = [texts[d] for d in rows]
    gold = [[s for s in gold[d] if s.label == label] for d in rows]
    pred = [[s for s in pred[d] if s.label == label] for d in rows]
    scores = sorted({s.score for doc in pred for s in doc if s.score is not None})
    cuts = [(a + b) / 2 for a, b in itertools.pairwise(scores)]
    if len(cuts) > MAX_CANDIDATES:
        cuts = [cuts[round(i * (len(cuts) - 1) / (MAX_CANDIDATES - 1))] for i in range(MAX_CANDIDATES)]
    thresholds: tuple[float | None, ...] = (None, *dict.fromkeys(cuts))
    counts = tuple(
        _counts(
            texts,
            gold,
            [[s for s in doc if passes_min_score(s, {} if t is None else {label: t})] for doc in pred],
            match,
        )
        for t in thresholds
    )
    return _LabelTable(
        thresholds, counts, sum(len(span_keys(t, g)) for t, g in zip(texts, gold, strict=True))
    )


def fit_min_scores(
    key: Key, texts: Sequence[str], gold: Sequence, pred: Sequence, match: Match
) -> dict[str, float]:
    """Per-label thresholds on ``pred`` (spans with scores) that maximize ``key`` of the micro scores
    (module docstring); labels whose best choice is no threshold are left out."""
    labels = sorted({s.label for doc in (*gold, *pred) for s in doc})
    tables = {label: _label_table(texts, gold, pred, label, match) for label in labels}
    choice = dict.fromkeys(labels, 0)

    def micro(label: str, i: int) -> PRF:
        picked = {**choice, label: i}
        tp = sum(tables[lb].counts[picked[lb]][0] for lb in labels)
        n_pred = sum(tables[lb].counts[picked[lb]][1] for lb in labels)
        return prf(tp, n_pred, sum(t.n_gold for t in tables.values()))

    for _ in range(MAX_PASSES):
        changed = False
        for label in labels:
            # max keeps the first of equals: the lowest threshold, and no threshold before any
            best = max(range(len(tables[label].thresholds)), key=lambda i: key(micro(label, i)))
            if key(micro(label, best)) > key(micro(label, choice[label])):
                choice[label], changed = best, True
        if not changed:
            break
    return {lb: t for lb in labels if (t := tables[lb].thresholds[choice[lb]]) is not None}


def _fitted_point(
    name: str, point: OperatingPoint, report: dict, config: CalibrationConfig, min_score: Mapping[str, float]
) -> FittedPoint:
    s = report["micro" if config.match == "strict" else "overlap"]
    target, met = None, None
    if name == "high_recall":
        target, met = config.target_recall, s["recall"] >= config.target_recall
    elif name == "high_precision":
        target, met = config.target_precision, s["precision"] >= config.target_precision
    return FittedPoint(name, point, s["precision"], s["recall"], s["f1"], report, target, met, min_score)


def calibrate_scores(
    detector, docs: Sequence[Document], scores: Sequence, config: CalibrationConfig, batch_size: int = 16
) -> Calibration:
    """Fit the points on token scores ``detector.token_scores`` computed for ``docs``; report each with
    ``evaluate_scores``. The ``default`` point is the model directory's (zero biases where it has none)."""
    if len(docs) != len(scores):
        raise PareError(f"need one token score set per document: {len(docs)} documents, {len(scores)} scores")
    if not any(d.spans for d in docs):
        raise PareError("the calibration data has no labelled spans; calibrating needs gold spans")
    found, spent = search_operating_points(span_measure(detector, docs, scores, config.match), config)
    points = {"default": as_operating_point(detector.resolve(None)), **found}
    min_scores: dict[str, dict[str, float]] = {}
    if config.per_label:
        texts, gold, keys = [d.text for d in docs], [d.spans for d in docs], objectives(config)
        for name, point in found.items():
            pred = detector.decode(scores, point, "viterbi", batch_size)
            min_scores[name] = fit_min_scores(keys[name], texts, gold, pred, config.match)
    fitted = []
    for name, point in points.items():
        scorer = ThresholdedDetector(detector, min_scores[name]) if min_scores.get(name) else detector
        report = evaluate_scores(scorer, docs, scores, point, "viterbi", batch_size)
        fitted.append(_fitted_point(name, point, report, config, min_scores.get(name, {})))
    return Calibration(tuple(fitted), config.match, len(docs), spent)


def as_default(points: Mapping[str, OperatingPoint], name: str) -> dict[str, OperatingPoint]:
    """``points`` with the point ``name`` also written as ``default`` (the one decoding uses when no point is
    named) and ``zero`` (zero biases: plain constrained Viterbi) kept by name."""
    if name not in points:
        raise PareError(f"no fitted point {name!r} to make the default; fitted: {', '.join(points)}")
    return {"zero": OperatingPoint(), **points, "default": points[name]}


def calibrate_detector(
    detector,
    docs: Sequence[Document],
    config: CalibrationConfig | None = None,
    batch_size: int = 16,
    track: Track = no_track,
) -> Calibration:
    """Score ``docs`` with ``detector`` once, then fit and report the points (``calibrate_scores``)."""
    check_labels(docs, detector.taxonomy.categories)
    scores = detector.token_scores([d.text for d in docs], batch_size=batch_size, track=track)
    return calibrate_scores(detector, docs, scores, config or CalibrationConfig(), batch_size)


def check_calibration_output(
    model_dir: str | Path, output: str | Path | None, overwrite: bool = False
) -> None:
    """Refuse, before any work, what ``write_calibration`` would refuse: a bad ``-o``, an unreadable
    calibration file, or writing into the model pare ships."""
    from pare.io import check_output
    from pare.models import default_model_dir

    model_dir = Path(model_dir)
    if output is not None:
        check_output(output, inputs=(model_dir,), overwrite=overwrite)
    elif model_dir.resolve() == default_model_dir().resolve():
        raise PareError(f"{model_dir}: is the model pare ships; write a calibrated copy with -o DIR")
    if (model_dir / CALIBRATION_FILE).exists():
        load_operating_points(model_dir / CALIBRATION_FILE)


def _copy_model_dir(model_dir: Path, dest: Path) -> None:
    """Every file and folder of ``model_dir`` into ``dest`` but pare's own marker and temporaries."""
    from pare.io import OUTPUT_MARKER

    for entry in sorted(model_dir.iterdir()):
        if entry.name == OUTPUT_MARKER or (entry.name.startswith(".") and ".pare-" in entry.name):
            continue
        if entry.is_dir():
            shutil.copytree(entry, dest / entry.name)
        else:
            shutil.copy2(entry, dest / entry.name)


def _update_points(
    path: Path, points: Mapping[str, OperatingPoint], min_scores: Mapping[str, Mapping[str, float]]
) -> None:
    """``pare.decode.update_operating_points`` that keeps what else the file holds (other points'
    thresholds, other fields) and writes ``min_scores`` next to the biases; a rewritten point loses
    thresholds it is not given (they were fitted for its old biases)."""
    from pare.io import atomic_file

    data: dict = {"operating_points": {}}
    if path.is_file():
        load_operating_points(path)  # a broken file is a one-line error naming the field
        data = json.loads(path.read_text(encoding="utf-8"))
    for name, point in points.items():
        entry: dict = {"biases": point.to_dict()}
        if min_scores.get(name):
            entry[MIN_SCORE_FIELD] = dict(min_scores[name])
        data["operating_points"][name] = entry  # a replaced point keeps its place
    with atomic_file(path, overwrite=True) as tmp:  # the file's purpose is to be replaced by a recalibration
        tmp.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def write_calibration(
    model_dir: str | Path,
    points: Mapping[str, OperatingPoint],
    output: str | Path | None = None,
    overwrite: bool = False,
    min_scores: Mapping[str, Mapping[str, float]] | None = None,
) -> Path:
    """Write ``points`` (and their per-label ``min_scores``) into ``model_dir``'s calibration file, keeping
    its other points (atomically: a temporary file renamed over it), or into a copy of ``model_dir`` at
    ``output`` (atomically, by pare's output rules). Returns the file written."""
    from pare.io import atomic_dir

    model_dir = Path(model_dir)
    check_calibration_output(model_dir, output, overwrite)
    if output is None:
        _update_points(model_dir / CALIBRATION_FILE, points, min_scores or {})
        return model_dir / CALIBRATION_FILE
    with atomic_dir(output, inputs=(model_dir,), overwrite=overwrite) as tmp:
        _copy_model_dir(model_dir, tmp)
        _update_points(tmp / CALIBRATION_FILE, points, min_scores or {})
    return Path(output) / CALIBRATION_FILE


def load_min_scores(model_dir: str | Path, name: str) -> dict[str, float]:
    """The per-label minimum scores of the operating point ``name`` in ``model_dir``'s calibration file
    (empty when it has none, or the file or point does not exist)."""
    from pare.pii.operators import parse_min_score

    path = Path(model_dir) / CALIBRATION_FILE
    if not path.is_file() or name not in load_operating_points(path):
        return {}
    raw = json.loads(path.read_text(encoding="utf-8"))["operating_points"][name].get(MIN_SCORE_FIELD, {})
    where = f"{path}: operating_points.{name}.{MIN_SCORE_FIELD}"
    if not isinstance(raw, dict):
        raise PareError(f"{where}: expected an object mapping labels to scores")
    return {str(label): parse_min_score(value, f"{where}.{label}") for label, value in raw.items()}


def thresholded(detector, operating_point: str | None):
    """``detector``, wrapped to drop the spans below the per-label minimum scores of the named
    ``operating_point`` where its model directory has some (unknown labels are a ``PareError``)."""
    if operating_point is None or detector.model_dir is None:
        return detector
    min_scores = load_min_scores(detector.model_dir, operating_point)
    for label in min_scores:
        if label not in detector.taxonomy.categories:
            where = f"{Path(detector.model_dir) / CALIBRATION_FILE}: operating_points.{operating_point}"
            raise PareError(f"{where}.{MIN_SCORE_FIELD}: unknown label {label!r}")
    return ThresholdedDetector(detector, min_scores) if min_scores else detector


def with_point_min_scores(policy, min_scores: Mapping[str, float]):
    """A ``RedactionPolicy`` that also applies an operating point's per-label ``min_scores``; the policy's
    own thresholds win (a global ``--min-score`` replaces them all, a label's replaces that label's)."""
    if policy.min_score is not None or not min_scores:
        return policy
    return replace(policy, min_score_by_label={**min_scores, **policy.min_score_by_label})
