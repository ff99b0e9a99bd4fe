"""A tiny random BERT with the real MiniLM tokenizer, and a few synthetic-looking documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from pare.data.jsonl import Document, Span


@pytest.fixture(scope="session")
def tiny_base(tiny_bert) -> Path:
    """A 1-layer BERT encoder (no head) with MiniLM's tokenizer: a base to fine-tune."""
    return tiny_bert("tiny-base", layers=1, token_classifier=False)


def make_docs(n: int) -> list[Document]:
    """``n`` short documents with a person, an e-mail and sometimes a phone number."""
    names = ["Ana Silva", "Jan de Vries", "Marie Curie", "Hans Müller", "Lucia Rossi"]
    docs = []
    for i in range(n):
        name = names[i % len(names)]
        email = f"{name.split()[0].lower()}{i}@example.org"
        text = f"Please contact {name} at {email}"
        spans = [Span(15, 15 + len(name), "private_person")]
        spans.append(Span(text.index(email), text.index(email) + len(email), "private_email"))
        if i % 2:
            phone = f"+31 6 {1000 + i} 22 33"
            spans.append(Span(len(text) + 10, len(text) + 10 + len(phone), "private_phone"))
            text += f" or phone {phone}"
        docs.append(Document(text + ".", spans))
    return docs


@pytest.fixture
def docs() -> list[Document]:
    return make_docs(20)


@pytest.fixture
def doc_factory():
    """``make_docs`` itself, for tests that need other counts."""
    return make_docs
