import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn

from pare.quant.codebook import assign
from pare.quant.feedback import feedback_assign, input_hessians, output_error


def codebooks(w: torch.Tensor, group_size: int, k: int) -> torch.Tensor:
    """Evenly spaced levels over each group's range: ``(rows, groups, k)``."""
    g = w.reshape(w.shape[0], -1, group_size)
    lo, hi = g.amin(-1, keepdim=True), g.amax(-1, keepdim=True)
    return lo + (hi - lo) * torch.linspace(0, 1, k)


def nearest(w: torch.Tensor, levels: torch.Tensor, group_size: int) -> torch.Tensor:
    k = levels.shape[-1]
    return assign(w.reshape(-1, group_size), levels.reshape(-1, k)).reshape(w.shape)


def dequant(levels: torch.Tensor, index: torch.Tensor, group_size: int) -> torch.Tensor:
    k = levels.shape[-1]
    return levels.reshape(-1, k).gather(1, index.reshape(-1, group_size)).reshape(index.shape)


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10_000), st.sampled_from([4, 8]), st.sampled_from([2, 4]))
def test_uncorrelated_inputs_give_nearest_levels(seed, group_size, k):
    # a diagonal H has no cross terms to feed errors into: every weight goes to its nearest level
    g = torch.Generator().manual_seed(seed)
    w = torch.randn(5, 16, generator=g)
    levels = codebooks(w, group_size, k)
    h = torch.diag(torch.rand(16, generator=g) + 0.1)
    assert torch.equal(feedback_assign(w, levels, group_size, h), nearest(w, levels, group_size))


def test_feedback_lowers_output_error_on_correlated_inputs():
    # greedy feedback is not better on every layer (a pushed weight can leave its codebook's range), but it
    # must be on most random layers with correlated inputs, and in total
    plain, fed = [], []
    for seed in range(30):
        g = torch.Generator().manual_seed(seed)
        x = torch.randn(400, 24, generator=g) @ torch.randn(24, 24, generator=g)
        h = x.T @ x
        w = torch.randn(6, 24, generator=g)
        levels = codebooks(w, 8, 4)
        index = feedback_assign(w, levels, 8, h, damp=1e-4)
        assert index.min() >= 0 and index.max() < 4
        plain.append(output_error(dequant(levels, nearest(w, levels, 8), 8) - w, h))
        fed.append(output_error(dequant(levels, index, 8) - w, h))
    assert sum(f < p for f, p in zip(fed, plain, strict=True)) >= 20
    assert sum(fed) < 0.9 * sum(plain)


def test_padded_codebooks_resolve_to_real_levels():
    # a 2-level group padded to 4 by repeating its top level must never index the padding
    w = torch.tensor([[0.0, 1.0, 5.0, 9.0]])
    levels = torch.tensor([[[0.0, 1.0, 1.0, 1.0]]])
    index = feedback_assign(w, levels, 4, torch.eye(4))
    assert index.max() <= 1


def test_input_hessians_sum_unpadded_inputs():
    torch.manual_seed(0)
    model = nn.Sequential(nn.Embedding(10, 4), nn.Linear(4, 3))
    ids = torch.tensor([[1, 2, 3], [4, 5, 0]])
    mask = torch.tensor([[1, 1, 1], [1, 1, 0]])

    class Wrapped(nn.Module):  # model(**batch) with an attention mask it does not use
        def __init__(self):
            super().__init__()
            self.net = model

        def forward(self, input_ids, attention_mask=None):
            return self.net(input_ids)

    other = torch.tensor([[7, 8, 9]])
    batches = [{"input_ids": ids, "attention_mask": mask}, {"input_ids": other}, {"input_ids": ids[:1]}]
    hessians = input_hessians(Wrapped(), batches, ["net.1"])["net.1"]
    x = model[0](ids)[mask.bool()].detach()
    y, z = model[0](other)[0].detach(), model[0](ids[:1])[0].detach()
    assert hessians.shape == (2, 4, 4)  # batch i goes to part i % 2
    assert torch.allclose(hessians[0], x.T @ x + z.T @ z, atol=1e-5)
    assert torch.allclose(hessians[1], y.T @ y, atol=1e-5)
