"""Restoring redacted texts: ``encrypt`` tokens with the key; indexed placeholders and surrogates with the
vault (``pare.pii.vault``).

With a vault, each document is restored at the offsets the vault recorded, which is exact whatever else the
text holds, as long as every recorded replacement is still where it was (text appended after the last one,
such as the line break ``pare redact`` adds on stdout, is fine). A document changed since (an LLM's
answer about it, say) is restored by value instead: every recorded replacement, as a whole word, becomes
its original wherever it occurs, and every token of this key is decrypted. Without a vault, only tokens.

A vault that does not decrypt means a wrong key. Without a vault, tokens that none decrypt mean one too;
a token-like text that does not decrypt while others do is left as it is (it was in the original).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from pare.errors import PareError
from pare.pii.anonymize import _whole
from pare.pii.keys import ENC_TOKEN, KeyRing
from pare.pii.vault import Vault, VaultEntry


@dataclass(frozen=True)
class RestoreResult:
    """The restored texts; how many documents were restored by value (changed since redaction); how many
    encrypted tokens were decrypted."""

    texts: list[str]
    by_value: int = 0
    decrypted: int = 0


def _positions_hold(text: str, entries: Sequence[VaultEntry]) -> bool:
    ordered = sorted(entries, key=lambda e: e.start)
    if any(b.start < a.end for a, b in itertools.pairwise(ordered)):
        return False
    return all(e.end <= len(text) and text[e.start : e.end] == e.replacement for e in ordered)


def _restore_at(text: str, entries: Sequence[VaultEntry], keys: KeyRing, where: str) -> tuple[str, int]:
    """``text`` with each entry replaced by its original (an encrypted one decrypted) at its offsets."""
    parts: list[str] = []
    pos = decrypted = 0
    for e in sorted(entries, key=lambda e: e.start):
        original = e.original
        if original is None:
            original = keys.decrypt_token(e.replacement)
            if original is None:
                raise PareError(f"{where}: an encrypted value does not decrypt with this key")
            decrypted += 1
        parts += [text[pos : e.start], original]
        pos = e.end
    parts.append(text[pos:])
    return "".join(parts), decrypted


class _Counter:
    def __init__(self) -> None:
        self.tokens = 0
        self.decrypted = 0


def _restore_by_value(text: str, entries: Sequence[VaultEntry], keys: KeyRing, seen: _Counter) -> str:
    """Every recorded replacement (whole words) and every token of this key back to its original."""
    mapping = {e.replacement: e.original for e in entries if e.original is not None and e.replacement}
    values = sorted(mapping, key=len, reverse=True)
    pattern = "|".join([f"(?P<enc>{ENC_TOKEN.pattern})", *(_whole(v) for v in values)])

    def back(m: re.Match) -> str:
        if m.group("enc") is None:
            return mapping[m.group()]
        seen.tokens += 1
        original = keys.decrypt_token(m.group())
        if original is None:
            return m.group()
        seen.decrypted += 1
        return original

    return re.sub(pattern, back, text)


def restore_texts(
    texts: Sequence[str], keys: KeyRing, vault: Vault | None = None, where: str = "input"
) -> RestoreResult:
    """Restore the documents of one run (module docstring); ``where`` names the input in messages."""
    if vault is not None and len(vault.documents) != len(texts):
        raise PareError(
            f"{where}: {len(texts)} documents, but the vault has {len(vault.documents)}; "
            "restore the whole output of the pare redact run that wrote the vault"
        )
    seen = _Counter()
    out: list[str] = []
    by_value = decrypted = 0
    for k, text in enumerate(texts):
        entries = vault.documents[k] if vault is not None else ()
        if vault is not None and _positions_hold(text, entries):
            restored, n = _restore_at(text, entries, keys, f"{where}: document {k + 1}")
            decrypted += n
        else:
            by_value += vault is not None and bool(entries)
            restored = _restore_by_value(text, entries, keys, seen)
        out.append(restored)
    if vault is None and seen.tokens and not seen.decrypted:
        raise PareError(f"{where}: no encrypted value decrypts with this key (a wrong key?)")
    return RestoreResult(out, by_value, decrypted + seen.decrypted)


def read_redacted_jsonl(path: str) -> list[dict]:
    """The records of a JSONL file ``pare redact`` wrote as text (``{"text": ...}``, other fields kept)."""
    from pare.data.jsonl import iter_json_lines

    records = []
    for where, record in iter_json_lines(path):
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise PareError(f"{where}: expected a JSON object with a string field 'text'")
        if "redacted_text" in record and "schema_version" in record:
            raise PareError(f"{where}: a --format json record; restore reads what pare redact writes as text")
        records.append(record)
    return records


def restored_jsonl(records: Sequence[dict], texts: Sequence[str]) -> str:
    """``records`` with their ``text`` restored, as JSONL."""
    import json

    rows = ({**r, "text": t} for r, t in zip(records, texts, strict=True))
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
