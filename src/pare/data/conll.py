"""CoNLL import: one ``TOKEN ... TAG`` line per token, a blank line between sentences.

Columns are whitespace-separated; the token is the first column and the tag the last (so CoNLL-2003's
four-column files work). ``-DOCSTART-`` lines are skipped. Tags are BIO or BIOES (detected from the whole
file unless given) and must follow the scheme's rules. Each sentence becomes one ``Document`` whose text is
its tokens joined by single spaces, with character spans for its entities.
"""

from __future__ import annotations

import re
from pathlib import Path

from pare.data.jsonl import Document, Span
from pare.errors import PareError
from pare.io import read_utf8
from pare.labels import PREFIXES, Scheme, split_tag, tags_to_spans, validate_tags

_TAG_INDEX = re.compile(r"^tag (\d+) ")
# what a mistyped tag looks like (U-PER, X-FOO); anything else in the tag column may be a token: never echoed
_TAG_LIKE = re.compile(r"[A-Z]-[A-Za-z0-9_.:-]{0,40}")


def _check_tag(tag: str, where: str) -> None:
    """A ``PareError`` naming ``where`` unless ``tag`` is ``O`` or ``B-``/``I-``/``E-``/``S-`` + category.

    Messages never hold the token, which may be private, and quote the tag only when it looks like one.
    """
    try:
        split_tag(tag)
    except PareError:
        shown = f" {tag!r}" if _TAG_LIKE.fullmatch(tag) else ""
        raise PareError(
            f"{where}: invalid tag{shown} in the last column (expected O or B-, I-, E-, S- and a category)"
        ) from None


def read_conll(path: str | Path, scheme: Scheme | None = None) -> list[Document]:
    """Read the sentences of a CoNLL file as documents; errors name ``FILE:LINE``.

    ``scheme=None`` picks BIOES when any tag starts with ``E-`` or ``S-``, else BIO.
    """
    path = Path(path)
    if scheme is not None and scheme not in PREFIXES:
        raise PareError(f"unknown tagging scheme {scheme!r}; expected BIO or BIOES")
    sentences: list[list[tuple[int, str, str]]] = [[]]  # (line number, token, tag)
    for lineno, raw in enumerate(read_utf8(path, "a CoNLL file").split("\n"), 1):
        fields = raw.split()
        if not fields:
            if sentences[-1]:
                sentences.append([])
            continue
        if fields[0] == "-DOCSTART-":
            continue
        if len(fields) < 2:
            raise PareError(f"{path}:{lineno}: expected a token and a tag (TOKEN ... TAG), got 1 column")
        _check_tag(fields[-1], f"{path}:{lineno}")
        sentences[-1].append((lineno, fields[0], fields[-1]))
    sentences = [s for s in sentences if s]
    if not sentences:
        raise PareError(f"{path}: no sentences (empty CoNLL file)")
    if scheme is None:
        used = {split_tag(tag)[0] for s in sentences for _, _, tag in s}
        scheme = "BIOES" if used & {"E", "S"} else "BIO"
    docs: list[Document] = []
    for sentence in sentences:
        tags = [tag for _, _, tag in sentence]
        try:
            validate_tags(tags, scheme)
        except PareError as err:
            # the message starts with the position of the first bad tag: report that tag's line
            match = _TAG_INDEX.match(str(err))
            lineno = sentence[int(match.group(1))][0] if match else sentence[0][0]
            raise PareError(f"{path}:{lineno}: {err} ({scheme})") from None
        starts: list[int] = []
        pos = 0
        for _, token, _ in sentence:
            starts.append(pos)
            pos += len(token) + 1
        text = " ".join(token for _, token, _ in sentence)
        spans = [
            Span(starts[s.start], starts[s.end - 1] + len(sentence[s.end - 1][1]), s.label)
            for s in tags_to_spans(tags)
        ]
        docs.append(Document(text, spans))
    return docs
