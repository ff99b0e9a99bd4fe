"""Read and rewrite a ``tokenizer.json`` (WordPiece, BPE, Unigram) for a kept subset of its token ids.

The rewrite keeps the original relative order: kept old ids, sorted, become new ids ``0..n-1``. Every id the
file mentions (model vocabulary, added tokens, post-processor, padding) is remapped with the same map.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from pare.errors import PareError

MODEL_TYPES = ("WordPiece", "BPE", "Unigram")


def model_type(tok_json: dict) -> str:
    """The tokenizer model type, checked to be one pare can trim."""
    kind = tok_json.get("model", {}).get("type")
    if kind not in MODEL_TYPES:
        raise PareError(
            f"tokenizer.json: model type {kind!r} cannot be trimmed (supported: {', '.join(MODEL_TYPES)})"
        )
    return kind


def id_to_token(tok_json: dict) -> dict[int, str]:
    """Every id of the tokenizer (model vocabulary and added tokens) with its token string."""
    model = tok_json["model"]
    if model_type(tok_json) == "Unigram":
        tokens = {i: piece for i, (piece, _score) in enumerate(model["vocab"])}
    else:
        tokens = {int(i): tok for tok, i in model["vocab"].items()}
    for added in tok_json.get("added_tokens", []):
        tokens[int(added["id"])] = added["content"]
    return tokens


def merge_pairs(tok_json: dict) -> list[tuple[str, str]]:
    """BPE merges as pairs, whichever of the two file spellings (``"a b"`` or ``["a", "b"]``) is used."""
    return [
        tuple(m.split(" ", 1)) if isinstance(m, str) else (m[0], m[1]) for m in tok_json["model"]["merges"]
    ]


def _merge_result(tok_json: dict, left: str, right: str) -> str:
    # BPE joins the two parts, dropping the continuing-subword prefix of the right part ("a" + "##b" -> "ab")
    prefix = tok_json["model"].get("continuing_subword_prefix") or ""
    if prefix and right.startswith(prefix):
        right = right[len(prefix) :]
    return left + right


def merge_producers(tok_json: dict) -> dict[int, list[tuple[int, int]]]:
    """For each BPE token id, the (left, right) id pairs of the merges that produce it."""
    vocab = tok_json["model"]["vocab"]
    producers: dict[int, list[tuple[int, int]]] = {}
    for left, right in merge_pairs(tok_json):
        result = vocab.get(_merge_result(tok_json, left, right))
        if result is not None and left in vocab and right in vocab:
            producers.setdefault(result, []).append((vocab[left], vocab[right]))
    return producers


def frequency_order(tok_json: dict) -> list[int]:
    """The model vocabulary's ids, most frequent first, as far as the tokenizer itself records frequency.

    Unigram: by piece score (its log probability). BPE: by the rank of the first merge that produces the token
    (tokens no merge produces, the alphabet, first). WordPiece: by id, the order in which trainers write the
    vocabulary (BERT's: most frequent first). Added tokens and bracketed placeholders such as BERT's
    ``[unused12]`` are left out: they are either kept anyway or never produced from text.
    """
    kind = model_type(tok_json)
    added = {int(a["id"]) for a in tok_json.get("added_tokens", [])}
    tokens = id_to_token(tok_json)
    if kind == "Unigram":
        scores = [score for _piece, score in tok_json["model"]["vocab"]]
        order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    elif kind == "BPE":
        vocab = tok_json["model"]["vocab"]
        rank: dict[int, int] = {}
        for r, (left, right) in enumerate(merge_pairs(tok_json)):
            result = vocab.get(_merge_result(tok_json, left, right))
            if result is not None:
                rank.setdefault(result, r)
        order = sorted(vocab.values(), key=lambda i: (rank.get(i, -1), i))
    else:
        order = sorted(int(i) for i in tok_json["model"]["vocab"].values())
    placeholder = re.compile(r"\[[^\[\]\s]+\]")
    return [i for i in order if i not in added and not placeholder.fullmatch(tokens[i])]


def _find_types(node: Any, kind: str) -> Iterator[dict]:
    if isinstance(node, dict):
        if node.get("type") == kind:
            yield node
        for value in node.values():
            yield from _find_types(value, kind)
    elif isinstance(node, list):
        for value in node:
            yield from _find_types(value, kind)


def is_byte_level(tok_json: dict) -> bool:
    """True when text is mapped to bytes before the model (GPT-2 style ``ByteLevel`` pre-tokenizer)."""
    return any(_find_types(tok_json.get("pre_tokenizer"), "ByteLevel")) or any(
        _find_types(tok_json.get("decoder"), "ByteLevel")
    )


def byte_level_alphabet() -> list[str]:
    """The 256 characters GPT-2's byte-level encoding uses for the 256 byte values (``bytes_to_unicode``)."""
    printable = [
        *range(ord("!"), ord("~") + 1),
        *range(ord("¡"), ord("¬") + 1),
        *range(ord("®"), ord("ÿ") + 1),
    ]
    chars, extra = {}, 0
    for b in range(256):
        if b in printable:
            chars[b] = chr(b)
        else:
            chars[b] = chr(256 + extra)
            extra += 1
    return [chars[b] for b in range(256)]


def _is_single_char(token: str, prefix: str, suffix: str) -> bool:
    if prefix and token.startswith(prefix) and len(token) > len(prefix):
        token = token[len(prefix) :]
    if suffix and token.endswith(suffix) and len(token) > len(suffix):
        token = token[: -len(suffix)]
    return len(token) == 1


def _processor_ids(node: Any) -> Iterator[int]:
    for proc in _find_types(node, "TemplateProcessing"):
        for special in proc.get("special_tokens", {}).values():
            yield from special["ids"]
    for kind in ("BertProcessing", "RobertaProcessing"):
        for proc in _find_types(node, kind):
            yield proc["sep"][1]
            yield proc["cls"][1]


def mandatory_ids(tok_json: dict) -> set[int]:
    """Ids that keep the tokenizer total and consistent whatever the corpus.

    All added/special tokens, the ids the post-processor and padding insert, the unknown token, and the
    fallback alphabet: the 256 byte tokens of a byte-level BPE, ``<0xNN>`` byte-fallback pieces, or (WordPiece
    and plain BPE) every single-character token with its ``##`` continuation form.
    """
    kind = model_type(tok_json)
    model = tok_json["model"]
    tokens = id_to_token(tok_json)
    ids = {int(a["id"]) for a in tok_json.get("added_tokens", [])}
    ids.update(_processor_ids(tok_json.get("post_processor")))
    if tok_json.get("padding"):
        ids.add(tok_json["padding"]["pad_id"])
    if kind == "Unigram":
        if model.get("unk_id") is not None:
            ids.add(model["unk_id"])
        vocab_ids = range(len(model["vocab"]))
    else:
        vocab = model["vocab"]
        if model.get("unk_token") in vocab:
            ids.add(vocab[model["unk_token"]])
        vocab_ids = vocab.values()
    if model.get("byte_fallback"):
        ids.update(i for i in vocab_ids if _is_byte_piece(tokens[i]))
    elif kind == "BPE" and is_byte_level(tok_json):
        ids.update(model["vocab"][c] for c in byte_level_alphabet() if c in model["vocab"])
    elif kind != "Unigram":
        prefix = model.get("continuing_subword_prefix") or ""
        suffix = model.get("end_of_word_suffix") or ""
        ids.update(i for i in vocab_ids if _is_single_char(tokens[i], prefix, suffix))
    return ids


def _is_byte_piece(token: str) -> bool:
    return len(token) == 6 and token.startswith("<0x") and token.endswith(">")


def unigram_char_support(tok_json: dict, ids: Iterable[int]) -> dict[int, list[tuple[int, ...]]]:
    """For each Unigram piece of ``ids``, the single-character pieces of its characters (those that exist).

    Keeping them leaves the Viterbi lattice of a text made of kept pieces unchanged except for removed
    edges: no position loses its single-character edge, so no new ``<unk>`` edge appears.
    """
    pieces = [piece for piece, _score in tok_json["model"]["vocab"]]
    singles = {piece: i for i, piece in enumerate(pieces) if len(piece) == 1}
    return {i: [tuple(singles[c] for c in pieces[i] if c in singles)] for i in ids if i < len(pieces)}


def merge_closure(
    producers: dict[int, list[tuple[int, ...]]], ids: Iterable[int], closed: set[int]
) -> set[int]:
    """The ids not yet in ``closed`` that keeping ``ids`` requires: ``ids`` and, recursively, every part of
    each entry of ``producers`` for them (BPE: both parts of every merge producing a kept token, from
    :func:`merge_producers`). ``closed`` must itself be closed; it is not modified."""
    grown = {i for i in ids if i not in closed}
    stack = list(grown)
    while stack:
        for pair in producers.get(stack.pop(), ()):
            for part in pair:
                if part not in closed and part not in grown:
                    grown.add(part)
                    stack.append(part)
    return grown


def _remap_processor(node: Any, new: dict[int, int]) -> Any:
    if isinstance(node, list):
        return [_remap_processor(v, new) for v in node]
    if not isinstance(node, dict):
        return node
    out = {k: _remap_processor(v, new) for k, v in node.items()}
    if node.get("type") == "TemplateProcessing":
        out["special_tokens"] = {
            name: dict(special, ids=[new[i] for i in special["ids"]])
            for name, special in node.get("special_tokens", {}).items()
        }
    elif node.get("type") in ("BertProcessing", "RobertaProcessing"):
        out["sep"] = [node["sep"][0], new[node["sep"][1]]]
        out["cls"] = [node["cls"][0], new[node["cls"][1]]]
    return out


def trim_tokenizer_json(tok_json: dict, keep_ids: Iterable[int]) -> tuple[dict, list[int]]:
    """Rewrite ``tok_json`` to the tokens ``keep_ids``; return the new JSON and ``old_ids`` (old id per new id).

    BPE keeps a merge iff its two parts and its result are all kept. The caller is responsible for keeping
    the mandatory ids (:func:`mandatory_ids`); a kept set missing the unknown token or an id used by the
    post-processor or padding is an error. ``tok_json`` itself is not modified.
    """
    kind = model_type(tok_json)
    tokens = id_to_token(tok_json)
    old_ids = sorted(set(keep_ids))
    unknown = [i for i in old_ids if i not in tokens]
    if unknown:
        raise PareError(f"tokenizer.json: token id {unknown[0]} does not exist")
    new = {old: i for i, old in enumerate(old_ids)}
    missing = sorted(mandatory_ids(tok_json) - new.keys())
    if missing:
        raise PareError(
            f"tokenizer.json: token {tokens[missing[0]]!r} (id {missing[0]}) is required but was not kept"
        )

    model = dict(tok_json["model"])
    if kind == "Unigram":
        n_pieces = len(model["vocab"])
        model["vocab"] = [model["vocab"][old] for old in old_ids if old < n_pieces]
        if model.get("unk_id") is not None:
            model["unk_id"] = new[model["unk_id"]]
    else:
        vocab = model["vocab"]
        model["vocab"] = {tokens[old]: new[old] for old in old_ids if vocab.get(tokens[old]) == old}
    if kind == "BPE":
        kept = model["vocab"]
        model["merges"] = [
            merge
            for merge, (left, right) in zip(tok_json["model"]["merges"], merge_pairs(tok_json), strict=True)
            if left in kept and right in kept and _merge_result(tok_json, left, right) in kept
        ]

    out = dict(tok_json)
    out["model"] = model
    out["added_tokens"] = [dict(a, id=new[int(a["id"])]) for a in tok_json.get("added_tokens", [])]
    out["post_processor"] = _remap_processor(tok_json.get("post_processor"), new)
    if tok_json.get("padding"):
        out["padding"] = dict(tok_json["padding"], pad_id=new[tok_json["padding"]["pad_id"]])
    return out, old_ids


def remap_tokenizer_config(config: dict, new: dict[int, int]) -> dict:
    """``tokenizer_config.json`` with ``added_tokens_decoder`` keyed by new ids (entries not kept dropped)."""
    out = dict(config)
    if "added_tokens_decoder" in config:
        out["added_tokens_decoder"] = {
            str(new[int(k)]): v for k, v in config["added_tokens_decoder"].items() if int(k) in new
        }
    return out
