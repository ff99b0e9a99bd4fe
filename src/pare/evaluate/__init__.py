"""Evaluation: span metrics (strict, overlap, per label), detector evaluation, and paired bootstrap intervals of
F1 differences. Helpers such as ``prf`` and ``token_accuracy`` live in ``pare.evaluate.metrics``."""

from pare.evaluate.bootstrap import F1Difference, document_counts, paired_f1_difference
from pare.evaluate.detector import (
    evaluate_detector,
    evaluate_dir,
    evaluate_model,
    evaluate_scores,
    report,
)
from pare.evaluate.metrics import SpanScores, overlap_span_scores, strict_span_scores

__all__ = [
    "F1Difference",
    "SpanScores",
    "document_counts",
    "evaluate_detector",
    "evaluate_dir",
    "evaluate_model",
    "evaluate_scores",
    "overlap_span_scores",
    "paired_f1_difference",
    "report",
    "strict_span_scores",
]
