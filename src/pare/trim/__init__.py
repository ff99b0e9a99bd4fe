"""Vocabulary trimming: keep the tokens a corpus uses, slice the embedding rows, rewrite the tokenizer.

Trimmed directories record ``trim.json`` (``old_ids``: the old id of each new id) so that later steps, such as
distillation from the untrimmed teacher, can map ids and logits between the two vocabularies.
"""

from pare.trim.model import TrimResult, read_trim_json, remap_ids, trim_model
from pare.trim.select import read_keep_tokens

__all__ = ["TrimResult", "read_keep_tokens", "read_trim_json", "remap_ids", "trim_model"]
