"""Vocabulary trimming: keep the tokens a corpus uses, slice the embedding rows, rewrite the tokenizer.

Trimmed directories record ``trim.json`` (``old_ids``: the old id of each new id) so that later steps, such as
distillation from the untrimmed teacher, can map ids and logits between the two vocabularies.
"""

from pare.trim.corpus import corpus_files, count_corpus_tokens, iter_corpus_texts
from pare.trim.model import TrimResult, compose_old_ids, read_trim_json, remap_ids, trim_model
from pare.trim.select import read_keep_tokens, select_tokens
from pare.trim.tokenizer import mandatory_ids, trim_tokenizer_json

__all__ = [
    "TrimResult",
    "compose_old_ids",
    "corpus_files",
    "count_corpus_tokens",
    "iter_corpus_texts",
    "mandatory_ids",
    "read_keep_tokens",
    "read_trim_json",
    "remap_ids",
    "select_tokens",
    "trim_model",
    "trim_tokenizer_json",
]
