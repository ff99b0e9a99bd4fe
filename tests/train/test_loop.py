import pytest
import torch

from pare.errors import PareError
from pare.train.loop import resolve_precision


def test_precision_auto_is_bf16_on_gpu_only_and_explicit_choices_pass_through():
    assert resolve_precision("auto") == ("bf16" if torch.cuda.is_available() else "no")
    assert resolve_precision("no") == "no" and resolve_precision("bf16") == "bf16"
    with pytest.raises(PareError, match="--mixed-precision 'fp16'"):
        resolve_precision("fp16")
