from itertools import pairwise

import pytest

from pare.data.devset import DEV_SETS, dev_set_path
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
