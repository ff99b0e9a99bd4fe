"""The PII privacy filter: detect spans with a token classifier (any text length), then redact them."""

from pare.pii.anonymize import Anonymizer, DocumentRedaction, Replacement, anonymize
from pare.pii.breaks import paragraph_breaks
from pare.pii.detect import DetectedSpan, DocumentScores, PiiDetector
from pare.pii.keys import KeyRing, load_secret
from pare.pii.operators import OPERATORS, OperatorSpec, PolicyOptions, RedactionPolicy, build_policy
from pare.pii.redact import MODES, placeholder, read_jsonl_texts, read_text_file, redact, redaction_record
from pare.pii.restore import RestoreResult, restore_texts
from pare.pii.validate import VALIDATED_LABELS, validate_spans
from pare.pii.vault import Vault, VaultEntry, read_vault, write_vault

__all__ = [
    "MODES",
    "OPERATORS",
    "VALIDATED_LABELS",
    "Anonymizer",
    "DetectedSpan",
    "DocumentRedaction",
    "DocumentScores",
    "KeyRing",
    "OperatorSpec",
    "PiiDetector",
    "PolicyOptions",
    "RedactionPolicy",
    "Replacement",
    "RestoreResult",
    "Vault",
    "VaultEntry",
    "anonymize",
    "build_policy",
    "load_secret",
    "paragraph_breaks",
    "placeholder",
    "read_jsonl_texts",
    "read_text_file",
    "read_vault",
    "redact",
    "redaction_record",
    "restore_texts",
    "validate_spans",
    "write_vault",
]
