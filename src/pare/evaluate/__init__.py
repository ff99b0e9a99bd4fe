"""Evaluation: span metrics (strict, overlap, per label), token accuracy, and detector evaluation."""

from pare.evaluate.detector import (
    check_gold_labels,
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
    "LabelScores",
    "SpanScores",
    "check_gold_labels",
    "evaluate_detector",
    "evaluate_dir",
    "evaluate_model",
    "evaluate_scores",
    "overlap_span_scores",
    "prf",
    "report",
    "strict_span_scores",
    "token_accuracy",
    "trim",
]
