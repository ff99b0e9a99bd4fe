"""Keys for the operators that need one: where the secret comes from, and what is derived from it.

The secret is any string in the environment variable ``PARE_KEY``, or the bytes of a key file (one trailing
line break dropped); never a command-line argument, which other users of the machine can read. Each use gets
its own 256-bit (or, for AES-SIV, 512-bit) key derived with HKDF-SHA256, so one secret serves them all
without one use revealing another's key.

``encrypt`` writes ``<ENC:LABEL:PAYLOAD>``: PAYLOAD is the lower-case, unpadded base32 of the deterministic
AES-SIV encryption of the value with the upper-cased label as associated data. The same value and label give
the same token under the same key; any other key, or any change to label or payload, fails authentication,
so ordinary text is never mistaken for a token. Base32 keeps the payload one word (letters and digits 2-7).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESSIV
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from pare.errors import PareError
from pare.io import read_bytes

KEY_ENV = "PARE_KEY"
_SALT = b"pare.pii keys v1"
# an upper-case label (as placeholders spell it) and a base32 payload of at least a 16-byte tag and one byte
ENC_TOKEN = re.compile(r"<ENC:([A-Z0-9_.-]+):([a-z2-7]{27,})>")


def _derive(secret: bytes, purpose: str, length: int = 32) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=_SALT, info=purpose.encode()).derive(secret)


@dataclass(frozen=True)
class KeyRing:
    """The keys derived from one secret: HMAC keys for ``hash`` and surrogates, AES-SIV for ``encrypt``,
    AES-GCM for the vault. Build it with ``KeyRing.from_secret``."""

    hash_key: bytes
    surrogate_key: bytes
    encrypt_key: bytes
    vault_key: bytes

    @classmethod
    def from_secret(cls, secret: bytes) -> KeyRing:
        if not secret:
            raise PareError("the key is empty")
        return cls(
            hash_key=_derive(secret, "hash"),
            surrogate_key=_derive(secret, "surrogate"),
            encrypt_key=_derive(secret, "encrypt", 64),
            vault_key=_derive(secret, "vault"),
        )

    def hash_hex(self, value: str) -> str:
        """HMAC-SHA256 of ``value`` under the hash key, as 64 hex digits."""
        return hmac.new(self.hash_key, value.encode("utf-8"), hashlib.sha256).hexdigest()

    def surrogate_seed(self, *parts: str) -> bytes:
        """HMAC-SHA256 of ``parts`` (joined with NUL) under the surrogate key: a surrogate's random seed."""
        return hmac.new(self.surrogate_key, "\0".join(parts).encode("utf-8"), hashlib.sha256).digest()

    def encrypt_token(self, label: str, value: str) -> str:
        """``<ENC:LABEL:PAYLOAD>`` (module docstring)."""
        tag = label.upper()
        sealed = AESSIV(self.encrypt_key).encrypt(value.encode("utf-8"), [tag.encode("utf-8")])
        payload = base64.b32encode(sealed).decode("ascii").rstrip("=").lower()
        return f"<ENC:{tag}:{payload}>"

    def decrypt_token(self, token: str) -> str | None:
        """The value an ``encrypt_token`` token holds; ``None`` when it is not one of this key's tokens."""
        match = ENC_TOKEN.fullmatch(token)
        if match is None:
            return None
        tag, payload = match.groups()
        padded = payload.upper() + "=" * (-len(payload) % 8)
        try:
            sealed = base64.b32decode(padded)
            plain = AESSIV(self.encrypt_key).decrypt(sealed, [tag.encode("utf-8")])
            return plain.decode("utf-8")
        except (InvalidTag, binascii.Error, UnicodeDecodeError, ValueError):
            return None


def load_secret(key_file: str | Path | None, env_value: str | None) -> bytes | None:
    """The secret: ``key_file``'s bytes (one trailing line break dropped) when given, else ``env_value``
    (the value of ``PARE_KEY``), else ``None``. An empty or unreadable key file is a ``PareError``."""
    if key_file is not None:
        path = Path(key_file)
        data = read_bytes(path, "a key file", missing="key file")
        data = data.removesuffix(b"\n").removesuffix(b"\r")
        if not data:
            raise PareError(f"{path}: the key file is empty")
        return data
    if env_value:
        return env_value.encode("utf-8")
    return None


def require_keys(secret: bytes | None, why: str) -> KeyRing:
    """A ``KeyRing`` from ``secret``, or a one-line ``PareError`` saying ``why`` a key is needed."""
    if secret is None:
        raise PareError(f"{why} needs a key: set {KEY_ENV} or pass --key-file FILE")
    return KeyRing.from_secret(secret)
