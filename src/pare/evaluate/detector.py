"""Evaluate a PII detector on labelled documents: strict and overlap span scores, token accuracy."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import numpy as np

from pare.data.align import char_spans_to_label_ids
from pare.data.jsonl import Document, check_labels
from pare.decode.transitions import OperatingPoint
from pare.decode.viterbi import argmax_decode, viterbi_decode
from pare.errors import PareError
from pare.evaluate.metrics import overlap_span_scores, strict_span_scores, token_accuracy
from pare.progress import Track, no_track

if TYPE_CHECKING:
    import torch

OperatingPointArg = OperatingPoint | Mapping[str, float] | str | None


def evaluate_detector(
    detector,
    docs: Sequence[Document],
    operating_point: OperatingPointArg = None,
    method: Literal["viterbi", "argmax"] = "viterbi",
    batch_size: int = 16,
    track: Track = no_track,
) -> dict:
    """Score ``detector`` (a ``pare.pii.detect.PiiDetector``) on ``docs``; returns the ``pare eval --json`` dict."""
    check_labels(docs, detector.taxonomy.categories)
    scores = detector.token_scores([d.text for d in docs], batch_size=batch_size, track=track)
    return evaluate_scores(detector, docs, scores, operating_point, method, batch_size)


def evaluate_scores(
    detector,
    docs: Sequence[Document],
    scores: Sequence,
    operating_point: OperatingPointArg = None,
    method: Literal["viterbi", "argmax"] = "viterbi",
    batch_size: int = 16,
) -> dict:
    """Evaluate from token scores already computed by ``detector.token_scores`` (one per document).

    Spans come from ``detector.decode``. Token accuracy compares the decoded label path (the same
    constrained Viterbi with the same biases, or argmax) with the gold labels of every content token.
    """
    if method not in ("viterbi", "argmax"):
        raise PareError(f"unknown decoding method {method!r}; expected 'viterbi' or 'argmax'")
    taxonomy = detector.taxonomy
    pred = detector.decode(scores, operating_point, method, batch_size)
    biases = detector.resolve(operating_point)
    pred_ids, gold_ids = [], []
    for doc, doc_scores in zip(docs, scores, strict=True):
        if not doc_scores.offsets:
            continue
        log_probs = np.asarray(doc_scores.log_probs)[None]
        if method == "viterbi":
            words, breaks, lines = detector.constraints([doc_scores])
            path = viterbi_decode(
                log_probs, taxonomy, biases=biases, word_ids=words, breaks=breaks, lines=lines
            )
            pred_ids.append(path[0])
        else:
            pred_ids.append(argmax_decode(log_probs)[0])
        gold_ids.append(char_spans_to_label_ids(doc_scores.offsets, doc.spans, taxonomy))
    return report([d.text for d in docs], [d.spans for d in docs], pred, token_accuracy(pred_ids, gold_ids))


def report(
    texts: Sequence[str], gold: Sequence[Sequence], pred: Sequence[Sequence], token_acc: float
) -> dict:
    """The evaluation dict: ``micro``, ``macro``, ``per_label``, ``overlap``, ``token_accuracy`` and counts."""
    strict = strict_span_scores(texts, gold, pred)
    return {
        "micro": strict.micro.to_dict(),
        "macro": strict.macro.to_dict(),
        "per_label": {
            label: {"precision": s.precision, "recall": s.recall, "f1": s.f1, "support": s.support}
            for label, s in strict.per_label.items()
        },
        "overlap": overlap_span_scores(texts, gold, pred).to_dict(),
        "token_accuracy": token_acc,
        "n_docs": len(texts),
        "n_gold": strict.n_gold,
        "n_pred": strict.n_pred,
    }


def evaluate_dir(
    model_dir: str | Path,
    docs: Sequence[Document],
    operating_point: str | None = None,
    method: Literal["viterbi", "argmax"] = "viterbi",
    batch_size: int = 16,
    track: Track = no_track,
) -> dict:
    """Load the detector in ``model_dir`` (plain or quantized) and evaluate it on ``docs``."""
    from pare.pii.detect import PiiDetector

    detector = PiiDetector.from_dir(model_dir)
    return evaluate_detector(detector, docs, operating_point, method, batch_size, track)


def evaluate_model(
    model: torch.nn.Module,
    tokenizer,
    docs: Sequence[Document],
    max_length: int | None = None,
    batch_size: int = 16,
    track: Track = no_track,
) -> dict:
    """Evaluate an in-memory token classifier (labels in its config) as a detector, zero biases."""
    from pare.labels import Taxonomy
    from pare.pii.detect import PiiDetector

    was_training = model.training
    model.eval()
    try:
        detector = PiiDetector(model, tokenizer, Taxonomy.from_config(model.config), max_length=max_length)
        return evaluate_detector(detector, docs, OperatingPoint(), batch_size=batch_size, track=track)
    finally:
        model.train(was_training)
