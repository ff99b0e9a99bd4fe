import json

import torch

from pare.quant.pipeline import calibration_batches

WORDS = [
    "apple",
    "house",
    "river",
    "table",
    "window",
    "garden",
    "yellow",
    "music",
    "winter",
    "paper",
    "doctor",
]


def test_calibration_batches_cut_long_documents_once_and_split_parts_by_document(tiny_bert, tmp_path):
    model_dir = tiny_bert()
    # one word per document, repeated: every window's tokens say which document it came from
    lengths = [300, 5, 40, 7, 120, 3, 9, 60, 2, 11, 30]
    calib = tmp_path / "calib.jsonl"
    calib.write_text(
        "".join(
            json.dumps({"text": " ".join([w] * n), "spans": []}) + "\n"
            for w, n in zip(WORDS, lengths, strict=True)
        )
    )
    batches = calibration_batches(model_dir, calib, max_length=128, batch_size=2)

    parts: list[set[int]] = [set(), set()]
    for i, batch in enumerate(batches):
        for row, mask in zip(batch["input_ids"], batch["attention_mask"], strict=True):
            doc = set(row[mask.bool()][1:-1].tolist())  # drop [CLS] and [SEP]
            assert len(doc) == 1
            parts[i % 2] |= doc
    assert not parts[0] & parts[1]  # no document feeds both parts of the Hessian
    assert len(parts[0] | parts[1]) == len(WORDS)
    tokens = sum(int(b["attention_mask"].sum()) for b in batches) - 2 * sum(
        len(b["input_ids"]) for b in batches
    )
    # the 300-word document: 3 windows of 126 (the detector's 64-token halo would make 88 of them)
    assert tokens <= sum(lengths) + 2 * 126
    assert all(torch.all(b["attention_mask"].sum(1).diff() >= 0) for b in batches)  # sorted: little padding
