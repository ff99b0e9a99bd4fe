"""An LLM round trip with pare: pseudonymize a prompt, let a model answer, restore the originals.

1. pare finds the PII in the prompt and replaces each value with a surrogate: a realistic fake of the same
   kind (a name for a name, a valid e-mail for an e-mail, digits grouped alike for a phone), the same fake
   for every occurrence of a value, derived from the key;
2. the pseudonymized prompt goes to the model (here a stand-in that quotes the names and e-mails it was
   given, as a real model's answer would);
3. the vault (what replaced what, AES-GCM-encrypted with the key at rest) gives the originals back in the
   answer, wherever the model wrote the surrogates.

Run: ``python examples/llm_round_trip.py ["your prompt"]``; the key is ``$PARE_KEY`` (a random one when unset).
The command-line form is ``pare redact --operator surrogate --vault v.bin`` then ``pare restore --vault v.bin``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from pare.models import default_model_dir
from pare.pii import (
    KeyRing,
    PiiDetector,
    PolicyOptions,
    Vault,
    anonymize,
    build_policy,
    read_vault,
    restore_texts,
    write_vault,
)

PROMPT = (
    "Please draft a short e-mail to Maria Gonzalez (maria.gonzalez@example.com) confirming that "
    "Jonas Weber will call her at +34 612 345 678 on Friday. Sign it as Jonas Weber."
)


def stand_in_model(prompt: str, people: list[str], emails: list[str]) -> str:
    """What an LLM might answer: it quotes the names and addresses the prompt gave it (here handed over as
    lists, where a real model reads them in the prompt)."""
    recipient, sender = people[0], people[-1]
    return (
        f"To: {emails[0]}\nSubject: Our call on Friday\n\nDear {recipient},\n\n"
        f"{sender} will call you on Friday as agreed.\n\nBest regards,\n{sender}"
    )


def round_trip(prompt: str, keys: KeyRing, vault_path: Path) -> tuple[str, str, str]:
    """The prompt sent to the model, the model's answer, and the answer with the originals restored."""
    detector = PiiDetector.from_dir(default_model_dir())
    spans = detector.detect([prompt])
    policy = build_policy(PolicyOptions(operator="surrogate"))
    (redaction,) = anonymize([prompt], spans, policy, keys)
    write_vault(vault_path, Vault.from_redactions([redaction]), keys)  # what `pare redact --vault` writes
    sent = redaction.redacted_text
    by_label: dict[str, list[str]] = {}
    for r in redaction.replacements:
        by_label.setdefault(r.label, []).append(r.replacement)
    answer = stand_in_model(sent, by_label.get("private_person", []), by_label.get("private_email", []))
    # the answer is a new text: restore finds the surrogates by value, wherever the model wrote them
    restored = restore_texts([answer], keys, read_vault(vault_path, keys)).texts[0]
    return sent, answer, restored


def main() -> None:
    prompt = sys.argv[1] if len(sys.argv) > 1 else PROMPT
    secret = os.environ.get("PARE_KEY")
    keys = KeyRing.from_secret(secret.encode() if secret else os.urandom(32))
    with tempfile.TemporaryDirectory() as tmp:
        sent, answer, restored = round_trip(prompt, keys, Path(tmp) / "vault.bin")
    for title, text in (
        ("prompt sent to the model", sent),
        ("the model's answer", answer),
        ("the answer, restored", restored),
    ):
        print(f"--- {title} ---\n{text}\n")


if __name__ == "__main__":
    main()
