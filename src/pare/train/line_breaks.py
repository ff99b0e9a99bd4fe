"""Line breaks a model can see: a marker token wherever the text breaks a line.

BERT's WordPiece normalizer turns every line break into a space, so the model reads ``Grazie,\\nFredo\\n\\n
Incidencia`` as one line. A name that starts a line (a chat turn ``Ema: ...``, a signature, the first line of
an address block) then looks like a word in mid-sentence. In a short training document it followed ``[CLS]``;
in a long text it follows the end of the previous paragraph, and the model misses it.

``mark_line_breaks`` puts a ``Replace`` normalizer in front of the tokenizer's own: each line break becomes a
marker character that is one vocabulary token (``¶``), whose offsets still point at the line break. The rule is
saved in ``tokenizer.json``, so every loader (``AutoTokenizer``, ``pipeline``, the ``tokenizers`` library of the
ONNX runtime) applies it. The detector drops the marker tokens' scores before decoding: they cover no visible
character, so they never start or end a span (``pare.pii.breaks.visible_tokens``).
"""

from __future__ import annotations

from typing import Any

from pare.errors import PareError

DEFAULT_MARKER = "¶"
_PROBE = "a\nb"


def drops_line_breaks(tokenizer: Any) -> bool:
    """True when no token of ``tokenizer`` covers the line break of ``"a\\nb"`` (BERT's WordPiece)."""
    enc = tokenizer(_PROBE, add_special_tokens=False, return_offsets_mapping=True)
    return not any("\n" in _PROBE[start:end] for start, end in enc["offset_mapping"])


def mark_line_breaks(tokenizer: Any, marker: str = DEFAULT_MARKER) -> Any:
    """A copy of the fast ``tokenizer`` that writes ``marker`` for each line break, or ``tokenizer`` itself
    when its tokens already keep line breaks (byte-level BPE, most SentencePiece models)."""
    if not drops_line_breaks(tokenizer):
        return tokenizer
    from transformers import PreTrainedTokenizerFast

    marker_id = tokenizer.convert_tokens_to_ids(marker)
    if marker_id is None or marker_id == tokenizer.unk_token_id:
        raise PareError(f"line-break marker {marker!r} is not one token of the tokenizer's vocabulary")
    backend = _backend_with_marker(tokenizer, marker, marker_id)
    # a generic fast tokenizer: model classes such as BertTokenizer rebuild their normalizer when loaded,
    # which would drop the rule; this one loads tokenizer.json as written
    special = {
        name: getattr(tokenizer, name)
        for name in (
            "unk_token",
            "sep_token",
            "pad_token",
            "cls_token",
            "mask_token",
            "bos_token",
            "eos_token",
        )
        if getattr(tokenizer, name, None) is not None
    }
    return PreTrainedTokenizerFast(
        tokenizer_object=backend,
        model_max_length=tokenizer.model_max_length,
        padding_side=tokenizer.padding_side,
        **special,
    )


def _backend_with_marker(tokenizer: Any, marker: str, marker_id: int) -> Any:
    """The tokenizer's backend with a ``Replace`` normalizer in front that turns each line break into the
    marker: bare where the pre-tokenizer splits it off (BERT's punctuation split), else with a space each side,
    so that the next line's first word is still tokenized as a word start (SentencePiece's ``▁`` pieces)."""
    from tokenizers import Tokenizer, normalizers

    word_start = tokenizer("b", add_special_tokens=False)["input_ids"]
    for replacement in (marker, f" {marker} "):
        backend = Tokenizer.from_str(tokenizer.backend_tokenizer.to_str())
        steps = [normalizers.Replace("\n", replacement)]
        if backend.normalizer is not None:
            steps.append(backend.normalizer)
        backend.normalizer = normalizers.Sequence(steps)
        ids = backend.encode(_PROBE, add_special_tokens=False).ids
        if marker_id in ids and ids[len(ids) - len(word_start) :] == word_start:
            return backend
    raise PareError(f"line-break marker {marker!r} does not split from the words around it")
