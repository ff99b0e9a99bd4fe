"""Evaluation: span metrics (strict, overlap, per label), token accuracy, detector evaluation, and paired
bootstrap intervals of F1 differences."""

from pare.evaluate.bootstrap import F1Difference, document_counts, paired_f1_difference
from pare.evaluate.detector import (
    evaluate_detector,
    evaluate_dir,
    evaluate_model,
    evaluate_scores,
    report,
)
from pare.evaluate.metrics import (
    PRF,
    LabelScores,
    SpanScores,
    overlap_span_scores,
    prf,
    strict_span_scores,
    token_accuracy,
    trim,
)

__all__ = [
    "PRF",
    "F1Difference",
    "LabelScores",
    "SpanScores",
    "document_counts",
    "evaluate_detector",
    "evaluate_dir",
    "evaluate_model",
    "evaluate_scores",
    "overlap_span_scores",
    "paired_f1_difference",
    "prf",
    "report",
    "strict_span_scores",
    "token_accuracy",
    "trim",
]
