"""Documents -> model inputs: tokenize once, label tokens from character spans, cut into windows.

Long documents are never truncated: they are cut into the same overlapping windows the detector uses
(``pare.data.windows``), each wrapped in the tokenizer's own special tokens. Special tokens and padding get
the label ``IGNORE_INDEX`` so the loss skips them.
"""

from __future__ import annotations

from collections.abc import Sequence

import torch

from pare.data.align import IGNORE_INDEX, char_spans_to_label_ids
from pare.data.jsonl import Document
from pare.data.windows import DEFAULT_HALO, plan_windows, special_frame
from pare.labels import Taxonomy
from pare.progress import Track, no_track

Feature = dict[str, list[int]]


def encode_documents(
    docs: Sequence[Document],
    tokenizer,
    taxonomy: Taxonomy | None,
    max_length: int = 256,
    halo: int = DEFAULT_HALO,
    track: Track = no_track,
    chunk: int = 256,
) -> list[Feature]:
    """One feature per window: ``input_ids``, ``attention_mask`` and (with a taxonomy) ``labels``.

    Each feature also carries ``doc`` (the document's index) so callers can group windows back.
    """
    prefix, suffix = special_frame(tokenizer)
    size = max_length - len(prefix) - len(suffix)
    features: list[Feature] = []
    for lo in track(range(0, len(docs), chunk), "tokenizing", total=-(-len(docs) // chunk)):
        batch = docs[lo : lo + chunk]
        enc = tokenizer(
            [d.text for d in batch], add_special_tokens=False, return_offsets_mapping=True, verbose=False
        )
        for k, doc in enumerate(batch):
            ids, offsets = enc["input_ids"][k], enc["offset_mapping"][k]
            labels = char_spans_to_label_ids(offsets, doc.spans, taxonomy) if taxonomy is not None else None
            for w in plan_windows(len(ids), size, halo):
                if w.end == w.start:
                    continue
                feature: Feature = {
                    "input_ids": prefix + ids[w.start : w.end] + suffix,
                    "doc": [lo + k],
                }
                feature["attention_mask"] = [1] * len(feature["input_ids"])
                if labels is not None:
                    feature["labels"] = (
                        [IGNORE_INDEX] * len(prefix) + labels[w.start : w.end] + [IGNORE_INDEX] * len(suffix)
                    )
                features.append(feature)
    return features


def collate(features: Sequence[Feature], pad_id: int) -> dict[str, torch.Tensor]:
    """Right-pad a list of features into a batch of tensors (``doc`` is dropped)."""
    width = max(len(f["input_ids"]) for f in features)
    batch: dict[str, torch.Tensor] = {}
    pads = {"input_ids": pad_id, "attention_mask": 0, "labels": IGNORE_INDEX}
    for key, pad in pads.items():
        if key in features[0]:
            rows = [f[key] + [pad] * (width - len(f[key])) for f in features]
            batch[key] = torch.tensor(rows, dtype=torch.long)
    return batch
