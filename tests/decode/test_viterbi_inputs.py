"""Non-finite scores: NaN and +inf on real tokens are a ``PareError`` in every decoder; -inf means impossible."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from pare.decode import (
    argmax_decode,
    decode_spans,
    load_operating_points,
    score_spans,
    token_marginals,
    viterbi_decode,
)
from pare.errors import PareError
from pare.labels import Taxonomy, tags_to_spans, validate_tags

TAXONOMY = Taxonomy()
DECODERS = {
    "viterbi": lambda s, m: viterbi_decode(s, TAXONOMY, m),
    "argmax": lambda s, m: argmax_decode(s, m),
    "marginals": lambda s, m: token_marginals(s, TAXONOMY, m),
    "spans": lambda s, m: decode_spans(s, TAXONOMY, m),
    "argmax-spans": lambda s, m: decode_spans(s, TAXONOMY, m, method="argmax"),
    "score-spans": lambda s, m: score_spans(s, TAXONOMY, [[], []], m),
}


def scores(seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return torch.log_softmax(torch.from_numpy(rng.normal(0, 3, size=(2, 5, 33))), dim=-1).numpy()


@pytest.mark.parametrize("as_torch", [False, True], ids=["numpy", "torch"])
@pytest.mark.parametrize(("value", "kind"), [(np.inf, r"\+inf"), (np.nan, "NaN")])
@pytest.mark.parametrize("decoder", DECODERS)
def test_nan_and_plus_inf_on_real_tokens_are_rejected(decoder, value, kind, as_torch):
    s = scores()
    s[1, 3, 7] = value
    batch = torch.from_numpy(s) if as_torch else s
    with pytest.raises(PareError, match=f"^scores contain {kind} on real tokens \\(row 1, token 3\\)"):
        DECODERS[decoder](batch, None)


@pytest.mark.parametrize("decoder", DECODERS)
def test_non_finite_padding_is_ignored(decoder):
    s = scores()
    mask = np.ones((2, 5), dtype=bool)
    mask[1, 3:] = False
    expected = DECODERS[decoder](s, mask)
    s[1, 3, 7], s[1, 4] = np.inf, np.nan
    got = DECODERS[decoder](s, mask)
    if isinstance(expected, np.ndarray):
        np.testing.assert_array_equal(got, expected)
    else:
        assert got == expected


def test_minus_inf_still_means_impossible():
    s = scores(1)
    s[:, :, 0] = -np.inf  # "O" is impossible everywhere: every token must be inside a span
    s[0, 2] = -np.inf  # and one token of row 0 has no possible label at all
    paths = viterbi_decode(s, TAXONOMY)
    assert [len(p) for p in paths] == [5, 5]
    tags = [TAXONOMY.labels[i] for i in paths[1]]
    validate_tags(tags, "BIOES")
    assert "O" not in tags and sum(s.end - s.start for s in tags_to_spans(tags)) == 5
    assert all(0.0 <= span.score <= 1.0 for span in decode_spans(s, TAXONOMY)[1])
    assert np.all(token_marginals(s, TAXONOMY)[0] == 0)


@pytest.mark.parametrize(
    "content",
    [
        pytest.param('{"operating_points": ' + "[" * 100_000 + "]" * 100_000 + "}", id="deep"),
        pytest.param('{"operating_points": {"a": {"biases": {"x": ' + "9" * 5000 + "}}}}", id="long-int"),
    ],
)
def test_hostile_calibration_file_is_a_pare_error(tmp_path, content):
    path = tmp_path / "viterbi_calibration.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(PareError, match=f"^{path}: invalid JSON: nested too deeply or a number"):
        load_operating_points(path)
