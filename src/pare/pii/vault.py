"""The mapping vault ``pare redact --vault FILE`` writes and ``pare restore --vault FILE`` reads.

For every document of a run, in order, the vault lists the restorable replacements (indexed placeholders,
surrogates, encrypted tokens) with their offsets in the redacted text: ``[start, end, replacement,
original]`` (``original`` is ``null`` for an ``encrypt`` token, which the key alone reverses). Offsets make a
restore exact even where a replacement's text also occurs elsewhere in the document by coincidence.

On disk: the 12 bytes ``PARE-VAULT`` + NUL + version 1, a random 12-byte nonce, then the AES-256-GCM
encryption (the header as associated data) of the zlib-compressed JSON ``{"format": "pare-vault",
"version": 1, "documents": [[entry, ...], ...]}``, under the vault key derived from the secret
(``pare.pii.keys``). A wrong key or a changed byte fails authentication.
"""

from __future__ import annotations

import json
import os
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from pare.errors import PareError
from pare.io import atomic_file, read_bytes
from pare.pii.anonymize import DocumentRedaction
from pare.pii.keys import KeyRing

VERSION = 1
MAGIC = b"PARE-VAULT\x00" + bytes([VERSION])
_NONCE = 12


@dataclass(frozen=True)
class VaultEntry:
    """A restorable replacement at ``[start, end)`` of the redacted text; ``original`` ``None``: encrypted."""

    start: int
    end: int
    replacement: str
    original: str | None


@dataclass(frozen=True)
class Vault:
    """The restorable replacements of each document of a run, in document order."""

    documents: tuple[tuple[VaultEntry, ...], ...]

    @classmethod
    def from_redactions(cls, redactions: Sequence[DocumentRedaction]) -> Vault:
        return cls(
            tuple(
                tuple(
                    VaultEntry(
                        r.new_start,
                        r.new_end,
                        r.replacement,
                        None if r.operator == "encrypt" else r.original,
                    )
                    for r in doc.replacements
                    if r.restorable
                )
                for doc in redactions
            )
        )

    def to_bytes(self, keys: KeyRing) -> bytes:
        """The encrypted file's bytes (module docstring)."""
        docs = [[[e.start, e.end, e.replacement, e.original] for e in doc] for doc in self.documents]
        plain = json.dumps(
            {"format": "pare-vault", "version": VERSION, "documents": docs}, ensure_ascii=False
        )
        nonce = os.urandom(_NONCE)
        sealed = AESGCM(keys.vault_key).encrypt(nonce, zlib.compress(plain.encode("utf-8")), MAGIC)
        return MAGIC + nonce + sealed

    @classmethod
    def from_bytes(cls, data: bytes, keys: KeyRing, where: str = "vault") -> Vault:
        """Decrypt and check a vault; a wrong key, a changed file or another file is a one-line ``PareError``."""
        if not data.startswith(MAGIC[:-1]):
            raise PareError(f"{where}: not a pare vault")
        if data[: len(MAGIC)] != MAGIC:
            raise PareError(f"{where}: a pare vault of another version (this pare reads version {VERSION})")
        nonce, sealed = data[len(MAGIC) : len(MAGIC) + _NONCE], data[len(MAGIC) + _NONCE :]
        try:
            plain = zlib.decompress(AESGCM(keys.vault_key).decrypt(nonce, sealed, MAGIC))
        except (InvalidTag, ValueError):
            raise PareError(
                f"{where}: cannot decrypt the vault: wrong key, or the file was changed"
            ) from None
        record = json.loads(plain.decode("utf-8"))
        return cls(tuple(_entries(doc, where) for doc in record["documents"]))


def _entries(doc: Iterable, where: str) -> tuple[VaultEntry, ...]:
    entries = []
    for item in doc:
        start, end, replacement, original = item
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end):
            raise PareError(f"{where}: a vault entry has bad offsets")
        entries.append(VaultEntry(start, end, replacement, original))
    return tuple(entries)


def write_vault(
    path: str | Path,
    vault: Vault,
    keys: KeyRing,
    *,
    inputs: Iterable[str | Path | None] = (),
    overwrite: bool = False,
) -> None:
    """Write ``vault`` to ``path`` atomically, by the output rules of ``pare.io`` (never over an input, never
    over a file unless ``overwrite``)."""
    data = vault.to_bytes(keys)
    with atomic_file(path, inputs=inputs, overwrite=overwrite) as tmp:
        tmp.chmod(0o600)  # encrypted, but nobody else needs to read it
        tmp.write_bytes(data)


def read_vault(path: str | Path, keys: KeyRing) -> Vault:
    """Read and decrypt the vault at ``path``."""
    data = read_bytes(path, "a vault file", missing="vault file")
    return Vault.from_bytes(data, keys, str(path))
