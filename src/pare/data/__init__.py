"""Documents with character spans: JSONL and CoNLL I/O, synthetic PII, and char-span <-> token alignment."""

from pare.data.jsonl import Document, Span, check_labels, iter_jsonl, read_jsonl, write_jsonl

__all__ = ["Document", "Span", "check_labels", "iter_jsonl", "read_jsonl", "write_jsonl"]
