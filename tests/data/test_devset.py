from itertools import pairwise
from pathlib import Path

import pytest

from pare.data.devset import DEV_SETS, dev_set_path, labelled_data
from pare.data.jsonl import read_jsonl
from pare.errors import PareError
from pare.labels import PRIVACY_FILTER_CATEGORIES


@pytest.mark.parametrize("name", DEV_SETS)
def test_every_shipped_set_reads_with_valid_spans(name):
    docs = read_jsonl(dev_set_path(name))
    assert len(docs) >= 300
    for doc in docs:
        spans = sorted(doc.spans, key=lambda s: s.start)
        for span in spans:
            value = doc.text[span.start : span.end]
            assert span.label in PRIVACY_FILTER_CATEGORIES and value and value == value.strip()
        assert all(a.end <= b.start for a, b in pairwise(spans))  # no overlaps


def test_an_unknown_set_is_named_in_the_error():
    with pytest.raises(PareError, match="written_en_heldout2"):
        dev_set_path("written")


def test_labelled_data_prefers_a_file_and_falls_back_to_a_shipped_set(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert labelled_data("written_en_heldout2") == dev_set_path("written_en_heldout2")
    (tmp_path / "written_en").write_text("")  # a file of that name is the user's data, not ours
    assert labelled_data("written_en") == Path("written_en")
    assert labelled_data("missing.jsonl") == Path("missing.jsonl")  # left for the reader's one-line error
