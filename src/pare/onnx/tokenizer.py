"""A fast tokenizer read from ``tokenizer.json`` with the ``tokenizers`` library alone (no transformers).

``RuntimeTokenizer`` offers the part of a ``transformers`` fast tokenizer that ``pare.pii.detect`` uses: call it
on texts for ids, character offsets, special-token masks and word ids; ``backend_tokenizer`` (for the word
probe), ``pad_token_id``, ``model_max_length`` (from ``tokenizer_config.json``, where ``pare finetune`` and
``pare distill`` record the training window) and ``len``. Truncation and padding stored in ``tokenizer.json``
are switched off, as ``transformers`` does when it is called without them.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pare.errors import PareError
from pare.modeldir import first_line, read_json_file

TOKENIZER_JSON = "tokenizer.json"
TOKENIZER_CONFIG = "tokenizer_config.json"
SPECIAL_TOKENS_MAP = "special_tokens_map.json"
# what transformers reports when a tokenizer records no length limit
NO_LENGTH_LIMIT = int(1e30)


class Encoding(dict):
    """The result of calling a ``RuntimeTokenizer``: a dict of per-text lists plus ``word_ids(i)``."""

    def __init__(self, encodings: list[Any], offsets: bool, special_mask: bool) -> None:
        super().__init__(input_ids=[e.ids for e in encodings])
        if offsets:
            self["offset_mapping"] = [e.offsets for e in encodings]
        if special_mask:
            self["special_tokens_mask"] = [e.special_tokens_mask for e in encodings]
        self._encodings = encodings

    def word_ids(self, index: int = 0) -> list[int | None]:
        return list(self._encodings[index].word_ids)


class Single(Encoding):
    """One text's encoding, as ``transformers`` gives it for a string: the lists of that text itself."""

    def __init__(self, encoding: Any, offsets: bool, special_mask: bool) -> None:
        super().__init__([encoding], offsets, special_mask)
        for key in list(self):
            self[key] = self[key][0]


class RuntimeTokenizer:
    """``tokenizer.json`` (and ``tokenizer_config.json``) of a directory, behaving like its fast tokenizer."""

    is_fast = True

    def __init__(self, backend: Any, config: dict[str, Any]) -> None:
        backend.no_truncation()
        backend.no_padding()
        self.backend_tokenizer = backend
        limit = config.get("model_max_length")
        self.model_max_length = (
            int(limit) if isinstance(limit, int | float) and limit > 0 else NO_LENGTH_LIMIT
        )
        pad = _token_text(config.get("pad_token"))
        self.pad_token_id = backend.token_to_id(pad) if pad is not None else None

    @classmethod
    def from_dir(cls, path: str | Path) -> RuntimeTokenizer:
        """The tokenizer of ``path``; a missing or unreadable ``tokenizer.json`` is a one-line ``PareError``."""
        from tokenizers import Tokenizer

        path = Path(path)
        file = path / TOKENIZER_JSON
        if not file.is_file():
            raise PareError(f"{path}: no {TOKENIZER_JSON}; the runtime needs the fast tokenizer's file")
        try:
            backend = Tokenizer.from_file(str(file))
        except Exception as err:  # tokenizers raises its own exception type for every parse error
            raise PareError(f"{file}: cannot load the tokenizer ({first_line(err)})") from None
        config: dict[str, Any] = {}
        for name in (SPECIAL_TOKENS_MAP, TOKENIZER_CONFIG):  # the config's entries win, as in transformers
            if (path / name).is_file():
                found = read_json_file(path / name)
                if not isinstance(found, dict):
                    raise PareError(f"{path / name}: expected a JSON object")
                config |= found
        return cls(backend, config)

    def __len__(self) -> int:
        return int(self.backend_tokenizer.get_vocab_size(with_added_tokens=True))

    def __call__(
        self,
        texts: str | Sequence[str],
        *,
        add_special_tokens: bool = True,
        return_offsets_mapping: bool = False,
        return_special_tokens_mask: bool = False,
        verbose: bool = True,
    ) -> Encoding:
        """Encode a text or a list of texts (``verbose`` is accepted for compatibility and ignored)."""
        if isinstance(texts, str):
            encoding = self.backend_tokenizer.encode(texts, add_special_tokens=add_special_tokens)
            return Single(encoding, return_offsets_mapping, return_special_tokens_mask)
        encodings = self.backend_tokenizer.encode_batch(list(texts), add_special_tokens=add_special_tokens)
        return Encoding(encodings, return_offsets_mapping, return_special_tokens_mask)


def _token_text(token: Any) -> str | None:
    """A special token as ``tokenizer_config.json`` stores it: a string, or an AddedToken dict."""
    if isinstance(token, dict):
        token = token.get("content")
    return token if isinstance(token, str) else None
