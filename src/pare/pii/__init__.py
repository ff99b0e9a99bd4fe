"""The PII privacy filter: detect spans with a token classifier (any text length), then redact them."""

from pare.pii.detect import DetectedSpan, DocumentScores, PiiDetector, paragraph_breaks
from pare.pii.redact import MODES, placeholder, read_jsonl_texts, read_text_file, redact, redaction_record
from pare.pii.validate import VALIDATED_LABELS, validate_spans

__all__ = [
    "MODES",
    "VALIDATED_LABELS",
    "DetectedSpan",
    "DocumentScores",
    "PiiDetector",
    "paragraph_breaks",
    "placeholder",
    "read_jsonl_texts",
    "read_text_file",
    "redact",
    "redaction_record",
    "validate_spans",
]
