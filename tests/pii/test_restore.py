"""restore(redact(x)) == x: with the vault, with the key alone for encrypt, and exactly when a replacement's
text also occurs elsewhere; the vault's format and failures."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pii_strategies import ONE_WAY, REVERSIBLE, policies, runs

from pare.errors import PareError
from pare.pii import DetectedSpan
from pare.pii.anonymize import anonymize
from pare.pii.keys import KeyRing
from pare.pii.operators import OperatorSpec, RedactionPolicy
from pare.pii.restore import read_redacted_jsonl, restore_texts, restored_jsonl
from pare.pii.surrogates import SurrogateMaker
from pare.pii.vault import MAGIC, Vault, read_vault, write_vault

KEYS = KeyRing.from_secret(b"restore tests")
WRONG = KeyRing.from_secret(b"not the key")


def round_trip(texts, spans, policy, keys=KEYS, through_bytes: bool = True) -> list[str]:
    done = anonymize(texts, spans, policy, keys)
    vault = Vault.from_redactions(done)
    if through_bytes:
        vault = Vault.from_bytes(vault.to_bytes(keys), keys)
    return restore_texts([d.redacted_text for d in done], keys, vault).texts


@settings(max_examples=80)
@given(runs(), st.data())
def test_restore_gives_back_every_document_for_any_mix_of_reversible_operators(run, data):
    texts, spans = run
    policy = data.draw(policies(REVERSIBLE))
    assert round_trip(texts, spans, policy) == texts


@settings(max_examples=40)
@given(runs(), st.data())
def test_encrypt_needs_no_vault(run, data):
    texts, spans = run
    policy = data.draw(policies([OperatorSpec("encrypt"), OperatorSpec("keep")]))
    done = anonymize(texts, spans, policy, KEYS)
    assert restore_texts([d.redacted_text for d in done], KEYS).texts == texts


@settings(max_examples=40)
@given(runs(), st.data())
def test_one_way_operators_stay_and_the_rest_comes_back(run, data):
    texts, spans = run
    policy = data.draw(policies(REVERSIBLE + ONE_WAY))
    done = anonymize(texts, spans, policy, KEYS)
    back = restore_texts([d.redacted_text for d in done], KEYS, Vault.from_redactions(done)).texts
    for doc, restored in zip(done, back, strict=True):
        pieces, pos = [], 0
        for r in doc.replacements:
            pieces += [
                doc.text[pos : r.start],
                r.original if r.restorable or r.operator == "keep" else r.replacement,
            ]
            pos = r.end
        assert restored == "".join([*pieces, doc.text[pos:]])


def test_restore_is_exact_where_a_replacement_also_occurs_by_coincidence():
    fake = SurrogateMaker(KEYS).candidate("private_person", "Maria")
    text = f"Maria wrote to {fake}. <PRIVATE_PHONE_1> is not a number; call 555 1234."
    spans = [
        DetectedSpan("private_person", 0, 5, "Maria"),
        DetectedSpan("private_phone", text.index("555"), len(text) - 1, "555 1234"),
    ]
    policy = RedactionPolicy(
        by_label={
            "private_person": OperatorSpec("surrogate"),
            "private_phone": OperatorSpec("replace", indexed=True),
        }
    )
    [done] = anonymize([text], [spans], policy, KEYS)
    assert (
        done.redacted_text
        == f"{fake} wrote to {fake}. <PRIVATE_PHONE_1> is not a number; call <PRIVATE_PHONE_1>."
    )
    assert round_trip([text], [spans], policy) == [text]
    # a token-like text that is not this key's stays as it is
    odd = "<ENC:SECRET:" + "a" * 40 + "> and Maria"
    enc = RedactionPolicy(default=OperatorSpec("encrypt"))
    [done] = anonymize([odd], [[DetectedSpan("secret", odd.index("Maria"), len(odd), "Maria")]], enc, KEYS)
    assert restore_texts([done.redacted_text], KEYS).texts == [odd]


def test_a_changed_document_is_restored_by_value():
    text = "Maria Gonzalez called Bob."
    spans = [
        DetectedSpan("private_person", 0, 14, "Maria Gonzalez"),
        DetectedSpan("private_person", 22, 25, "Bob"),
    ]
    policy = RedactionPolicy(
        by_label={"private_person": OperatorSpec("replace", indexed=True)}, default=OperatorSpec("encrypt")
    )
    [done] = anonymize([text], [spans], policy, KEYS)
    assert done.redacted_text == "<PRIVATE_PERSON_1> called <PRIVATE_PERSON_2>."
    answer = "Summary: <PRIVATE_PERSON_2> got a call from <PRIVATE_PERSON_1>."
    result = restore_texts([answer], KEYS, Vault.from_redactions([done]))
    assert result.texts == ["Summary: Bob got a call from Maria Gonzalez."] and result.by_value == 1
    # appended text (the line break redact adds on stdout) keeps the exact restore
    result = restore_texts([done.redacted_text + "\n"], KEYS, Vault.from_redactions([done]))
    assert result.texts == [text + "\n"] and result.by_value == 0


def test_wrong_key_fails():
    text = "Ana Silva"
    spans = [[DetectedSpan("private_person", 0, 9, "Ana Silva")]]
    [done] = anonymize([text], spans, RedactionPolicy(default=OperatorSpec("encrypt")), KEYS)
    with pytest.raises(PareError, match="no encrypted value decrypts with this key"):
        restore_texts([done.redacted_text], WRONG)
    data = Vault.from_redactions([done]).to_bytes(KEYS)
    with pytest.raises(PareError, match="vault: cannot decrypt the vault: wrong key"):
        Vault.from_bytes(data, WRONG)
    changed = data[:-1] + bytes([data[-1] ^ 1])
    with pytest.raises(PareError, match="cannot decrypt the vault"):
        Vault.from_bytes(changed, KEYS)
    with pytest.raises(PareError, match="not a pare vault"):
        Vault.from_bytes(b"hello", KEYS)
    with pytest.raises(PareError, match="another version"):
        Vault.from_bytes(MAGIC[:-1] + b"\x09" + data[len(MAGIC) :], KEYS)
    with pytest.raises(PareError, match="1 documents, but the vault has 2"):
        restore_texts(["x"], KEYS, Vault(((), ())))


def test_vault_file_is_encrypted_atomic_and_never_overwritten(tmp_path):
    text = "Ana Silva"
    policy = RedactionPolicy(default=OperatorSpec("surrogate"))
    done = anonymize([text], [[DetectedSpan("private_person", 0, 9, "Ana Silva")]], policy, KEYS)
    path = tmp_path / "v.vault"
    write_vault(path, Vault.from_redactions(done), KEYS)
    raw = path.read_bytes()
    assert raw.startswith(MAGIC) and b"Ana" not in raw and (path.stat().st_mode & 0o777) == 0o600
    assert read_vault(path, KEYS) == Vault.from_redactions(done)
    with pytest.raises(PareError, match="pass --overwrite"):
        write_vault(path, Vault.from_redactions(done), KEYS)
    src = tmp_path / "in.txt"
    src.write_text("x", encoding="utf-8")
    with pytest.raises(PareError, match="overwrite an input"):
        write_vault(src, Vault.from_redactions(done), KEYS, inputs=(src,), overwrite=True)
    with pytest.raises(PareError, match="no such vault file"):
        read_vault(tmp_path / "missing", KEYS)


def test_jsonl_in_and_out(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_text('{"text": "a", "id": 1}\n\n{"text": "b"}\n', encoding="utf-8")
    records = read_redacted_jsonl(str(path))
    assert restored_jsonl(records, ["A", "B"]) == '{"text": "A", "id": 1}\n{"text": "B"}\n'
    path.write_text('{"schema_version": 1, "text": "a", "redacted_text": "b"}\n', encoding="utf-8")
    with pytest.raises(PareError, match=r"out\.jsonl:1: a --format json record"):
        read_redacted_jsonl(str(path))
