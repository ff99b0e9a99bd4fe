"""Operator specs, the operators file, the command line's policy options, and the keys."""

from __future__ import annotations

import hashlib
import json

import pytest

from pare.errors import PareError
from pare.pii.keys import ENC_TOKEN, KeyRing, load_secret, require_keys
from pare.pii.operators import (
    OperatorSpec,
    PolicyOptions,
    build_policy,
    hash_text,
    mask_text,
    parse_min_scores,
    placeholder_text,
    read_operators_file,
)

KEYS = KeyRing.from_secret(b"test key")


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_operators_file_yaml_and_json(tmp_path):
    yaml_file = write(
        tmp_path,
        "ops.yaml",
        "default: {operator: replace, min_score: 0.5}\n"
        "private_person: {operator: surrogate, locale: de_DE}\n"
        "private_email: hash\n"
        "account_number: {operator: mask, masking_char: '#', chars_to_mask: 4, from_end: true}\n"
        "private_date: {min_score: 0.9}\n",
    )
    read = read_operators_file(yaml_file)
    assert read.default == OperatorSpec("replace")
    assert read.by_label == {
        "private_person": OperatorSpec("surrogate", locale="de_DE"),
        "private_email": OperatorSpec("hash"),
        "account_number": OperatorSpec("mask", masking_char="#", chars_to_mask=4, from_end=True),
    }
    assert (read.min_score, read.min_score_by_label) == (0.5, {"private_date": 0.9})
    json_file = write(tmp_path, "ops.json", json.dumps({"secret": {"operator": "encrypt"}}))
    assert read_operators_file(json_file).by_label == {"secret": OperatorSpec("encrypt")}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("private_person: {operator: blur}", "ops.yaml: private_person.operator: unknown operator 'blur'"),
        ("private_person: {operator: hash, locale: de_DE}", "ops.yaml: private_person: hash takes no option"),
        ("secret: {operator: hash, length: 4}", "ops.yaml: secret.length: expected 8 to 64"),
        (
            "secret: {operator: mask, masking_char: ab}",
            "ops.yaml: secret.masking_char: expected one character",
        ),
        ("secret: {operator: mask, chars_to_mask: x}", "ops.yaml: secret.chars_to_mask: expected an integer"),
        ("secret: {operator: replace, indexed: 1}", "ops.yaml: secret.indexed: expected a bool"),
        ("secret: {operator: surrogate, locale: xx_YY}", "ops.yaml: secret.locale: unknown Faker locale"),
        ("secret: {min_score: 2}", "ops.yaml: secret.min_score: expected a number from 0 to 1"),
        ("secret: {locale: de_DE}", "ops.yaml: secret: options locale need an 'operator'"),
        ("secret: {operator: replace, indexed: true, new_value: X}", "cannot be combined"),
        ("secret: [1]", "ops.yaml: secret: expected an operator name or a mapping"),
        ("- a\n- b", "ops.yaml: expected a mapping from labels"),
        ("a: [", "ops.yaml:1: not valid YAML or JSON"),
    ],
)
def test_operators_file_errors_name_file_and_field(tmp_path, text, message):
    path = write(tmp_path, "ops.yaml", text)
    with pytest.raises(PareError) as err:
        read_operators_file(path)
    assert message in str(err.value) and "\n" not in str(err.value)


def test_policy_precedence(tmp_path):
    ops = write(
        tmp_path, "ops.yaml", "default: hash\nprivate_person: {operator: replace}\nsecret: {min_score: 0.7}"
    )
    policy = build_policy(PolicyOptions(operators_file=str(ops)))
    assert policy.default.operator == "hash" and policy.operator_for("private_person").operator == "replace"
    assert policy.operator_for("secret").operator == "hash"
    policy = build_policy(PolicyOptions(operator="encrypt", operators_file=str(ops), min_scores=["0.3"]))
    assert policy.default.operator == "encrypt"
    assert (policy.min_score, policy.threshold_for("secret"), policy.threshold_for("x")) == (0.3, 0.7, 0.3)
    policy = build_policy(PolicyOptions(mode="generic"))
    assert policy.default == OperatorSpec("replace", new_value="<REDACTED>", indexed=False)
    policy = build_policy(PolicyOptions(operators_file=str(ops), index=True))
    assert policy.operator_for("private_person").indexed and policy.operator_for("private_person").restorable
    assert not policy.has_thresholds or policy.threshold_for("secret") == 0.7
    with pytest.raises(PareError, match="--mode or --operator"):
        build_policy(PolicyOptions(mode="typed", operator="hash"))
    with pytest.raises(PareError, match="--operator: unknown operator 'x'"):
        build_policy(PolicyOptions(operator="x"))
    with pytest.raises(PareError, match="cannot be combined with --mode generic"):
        build_policy(PolicyOptions(mode="generic", index=True))
    with pytest.raises(PareError, match=r"ops\.yaml: unknown label 'secret'"):
        build_policy(PolicyOptions(operators_file=str(ops))).check_labels(["private_person"], "ops.yaml")


def test_min_scores():
    assert parse_min_scores(["0.5", "private_date=0.9", "secret=1"]) == (
        0.5,
        {"private_date": 0.9, "secret": 1.0},
    )
    for bad in ("x", "=0.5", "a=2", "a=b"):
        with pytest.raises(PareError, match="--min-score"):
            parse_min_scores([bad])


def test_simple_operators():
    spec = OperatorSpec("mask", masking_char="#", chars_to_mask=3, from_end=True)
    assert mask_text("4111 1111", spec) == "4111 1###"
    assert mask_text("ab\ncd", OperatorSpec("mask")) == "**\n**"
    assert mask_text("ab", OperatorSpec("mask", chars_to_mask=5)) == "**"
    assert placeholder_text("private_person", OperatorSpec()) == "<PRIVATE_PERSON>"
    assert placeholder_text("private_person", OperatorSpec(indexed=True), 2) == "<PRIVATE_PERSON_2>"
    assert placeholder_text("secret", OperatorSpec(new_value="[x]")) == "[x]"


def test_hash_is_keyed_hmac_truncated_and_prefixed():
    digest = KEYS.hash_hex("Maria")
    token = hash_text("private_person", digest, OperatorSpec("hash", length=12))
    assert token == f"<PRIVATE_PERSON:{digest[:12]}>"
    assert digest != hashlib.sha256(b"Maria").hexdigest()  # never an unsalted hash
    assert KeyRing.from_secret(b"other").hash_hex("Maria") != digest
    assert KEYS.hash_hex("Maria") == digest


def test_encrypt_tokens_round_trip_and_authenticate():
    token = KEYS.encrypt_token("private_person", "Maria Gonzalez")
    assert ENC_TOKEN.fullmatch(token) and token.startswith("<ENC:PRIVATE_PERSON:")
    assert token == KEYS.encrypt_token("private_person", "Maria Gonzalez")  # deterministic
    assert KEYS.decrypt_token(token) == "Maria Gonzalez"
    assert KeyRing.from_secret(b"other").decrypt_token(token) is None
    assert KEYS.decrypt_token(token.replace("PRIVATE_PERSON", "SECRET")) is None  # the label is authenticated
    assert KEYS.decrypt_token("<ENC:SECRET:" + "a" * 40 + ">") is None
    assert KEYS.decrypt_token(KEYS.encrypt_token("secret", "x\n\u00e9\U0001f600")) == "x\n\u00e9\U0001f600"


def test_keys_come_from_a_file_or_the_environment(tmp_path):
    assert load_secret(None, None) is None and load_secret(None, "") is None
    assert load_secret(None, "abc") == b"abc"
    key = write(tmp_path, "key", "file key\n")
    assert load_secret(key, "abc") == b"file key"
    with pytest.raises(PareError, match="the key file is empty"):
        load_secret(write(tmp_path, "empty", "\n"), None)
    with pytest.raises(PareError, match="no such key file"):
        load_secret(tmp_path / "missing", None)
    with pytest.raises(PareError, match="'hash' needs a key: set PARE_KEY or pass --key-file"):
        require_keys(None, "'hash'")
