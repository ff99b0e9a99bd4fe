import json

import pytest

from pare.distill.data import read_distill_data
from pare.errors import PareError


def test_labelled_only_when_the_record_has_spans(tmp_path):
    path = tmp_path / "d.jsonl"
    records = [{"text": "a b", "spans": []}, {"text": "c d"}, {"text": "   "}, {"text": "e", "spans": []}]
    path.write_text("".join(json.dumps(r) + "\n" for r in records) + "\n")
    text = tmp_path / "t.txt"
    text.write_text("first line\n\n  \nsecond line\r\n")
    data = read_distill_data([path, text])
    assert [d.text for d in data.docs] == ["a b", "c d", "e", "first line", "second line"]
    assert data.labelled == [True, False, True, False, False]
    assert data.num_labelled == 2


def test_bad_data_names_the_file_and_line(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text('{"text": "ok"}\n{"text": 3}\n')
    with pytest.raises(PareError, match=r"d.jsonl:2: field 'text'"):
        read_distill_data([path])
    path.write_text('{"text": "abc", "spans": [{"start": 0, "end": 1, "label": "x"}]}\n')
    with pytest.raises(PareError, match="unknown label 'x'"):
        read_distill_data([path], ["private_person"])
    with pytest.raises(PareError, match="no data files"):
        read_distill_data([])


def test_joined_distillation_text_is_labelled_only_when_every_part_was():
    from pare.data.jsonl import Document, Span
    from pare.distill.data import DistillData, join_some_data

    docs = [Document(f"doc {i}", [Span(0, 3, "private_person")] if i % 2 else []) for i in range(20)]
    labelled = [i % 2 == 1 for i in range(20)]
    joined = join_some_data(DistillData(docs, labelled), 1.0, seed=0)
    assert len(joined.docs) < 20 and sum(len(d.text) for d in joined.docs) > sum(len(d.text) for d in docs)
    for doc, known in zip(joined.docs, joined.labelled, strict=True):
        assert bool(doc.spans) == known  # labelled parts carry a span each; unlabelled ones none


def test_noise_replaces_unlabelled_text_and_keeps_labelled_documents():
    from pare.data.augment import AugmentConfig
    from pare.data.jsonl import Document, Span
    from pare.distill.data import DistillData, noisy_unlabelled

    labelled_doc = Document("call anna at home", [Span(5, 9, "private_person")])
    plain = Document("the parcel went to the depot on monday")
    data = DistillData([labelled_doc, plain], [True, False])
    noisy = noisy_unlabelled(data, ["zebra"], AugmentConfig(swap_rate=1.0, typo_rate=0.0))
    assert noisy.docs[0] == labelled_doc and noisy.labelled == [True, False]
    assert noisy.docs[1].text == " ".join(["zebra"] * 8) and not noisy.docs[1].spans
    assert noisy_unlabelled(data, ["zebra"], AugmentConfig(0.3, 0.2, seed=4)) == noisy_unlabelled(
        data, ["zebra"], AugmentConfig(0.3, 0.2, seed=4)
    )
