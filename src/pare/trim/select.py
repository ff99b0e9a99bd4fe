"""Choose which token ids survive a trim: corpus tokens by frequency, forced tokens, and the mandatory ones."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from pare.errors import PareError
from pare.trim.tokenizer import (
    frequency_order,
    id_to_token,
    mandatory_ids,
    merge_closure,
    merge_producers,
    model_type,
    unigram_char_support,
)

# ``pare trim``'s and ``pare compress``'s default ``keep_frequent``: a model trimmed to its training corpus alone
# meets words in new text that it can no longer spell as before, and loses far more F1 on text unlike the
# corpus than one that also keeps the language's common tokens; on the development set the default run's
# student loses nothing at this size and measurably less than at half of it (BENCHMARKS.md, Vocabulary trimming).
SAFE_KEEP_FREQUENT = 20_000


def read_keep_tokens(path: str | Path) -> list[str]:
    """Token strings, one per line, spelled as in ``tokenizer.json`` (only the line break is stripped)."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except FileNotFoundError:
        raise PareError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise PareError(f"{path}: not UTF-8 text") from None
    return [line.removesuffix("\r") for line in lines if line.removesuffix("\r")]


def select_tokens(
    tok_json: dict,
    counts: Counter[int] | None = None,
    *,
    min_count: int = 1,
    max_vocab: int | None = None,
    keep_tokens: Sequence[str] = (),
    keep_frequent: int = 0,
    extra_ids: Iterable[int] = (),
) -> list[int]:
    """The sorted old ids to keep.

    Mandatory ids (:func:`pare.trim.tokenizer.mandatory_ids`), ``extra_ids`` (e.g. the model config's special
    ids) and ``keep_tokens`` are always kept. Then corpus tokens seen at least ``min_count`` times are added,
    most frequent first (ties: lower id first), each with what keeps the corpus tokenized exactly as before
    (BPE: its merge closure; Unigram: its characters' pieces), while the total stays within ``max_vocab``.
    Last, the tokenizer's own ``keep_frequent`` most frequent tokens (:func:`frequency_order`), likewise: words
    of the language that the corpus happens not to use, so that new text of the domain keeps more of its
    original tokens. (More kept tokens never change how the corpus is tokenized.)
    """
    if min_count < 1:
        raise PareError(f"--min-count must be at least 1, got {min_count}")
    if keep_frequent < 0:
        raise PareError(f"--keep-frequent must not be negative, got {keep_frequent}")
    tokens = id_to_token(tok_json)
    lookup = {tok: i for i, tok in sorted(tokens.items(), reverse=True)}  # the lowest id wins for duplicates
    forced = set(extra_ids)
    for tok in keep_tokens:
        if tok not in lookup:
            raise PareError(f"keep-tokens: {tok!r} is not a token of tokenizer.json")
        forced.add(lookup[tok])
    bad = sorted(i for i in forced if i not in tokens)
    if bad:
        raise PareError(f"token id {bad[0]} is not a token of tokenizer.json")
    counts = counts or Counter()
    kind = model_type(tok_json)
    producers = merge_producers(tok_json) if kind == "BPE" else {}
    kept = merge_closure(producers, mandatory_ids(tok_json) | forced, set())
    ranked = sorted(
        (i for i, c in counts.items() if c >= min_count and i in tokens), key=lambda i: (-counts[i], i)
    )
    support = producers
    if kind == "Unigram" and ranked:
        # Corpus exactness for Unigram: keep the single-character pieces of every kept piece (no new <unk>
        # edges in the lattice) and a lowest-scoring piece (the <unk> score is lowest score - 10).
        support = unigram_char_support(tok_json, ranked)
        scores = [score for _piece, score in tok_json["model"]["vocab"]]
        kept.add(scores.index(min(scores)))
    if max_vocab is not None and len(kept) > max_vocab:
        raise PareError(f"--max-vocab {max_vocab} is below the {len(kept)} tokens that must be kept")
    frequent = frequency_order(tok_json)[:keep_frequent] if keep_frequent else []
    for i in [*ranked, *frequent]:
        grown = merge_closure(support, [i], kept)
        if max_vocab is not None and len(kept) + len(grown) > max_vocab:
            break
        kept |= grown
    return sorted(kept)
