"""Turn hand-written documents with inline PII markup into labelled pare JSONL.

    python benchmarks/devset/markup.py benchmarks/devset/written/{chat_qa,letter_form,narrative}.jsonl \
        -o src/pare/data/devset/written_en.jsonl
    python benchmarks/devset/markup.py benchmarks/devset/written/heldout_{a,b}.jsonl \
        -o src/pare/data/devset/written_en_heldout.jsonl
    ... --check     # compare with the file instead of writing it

Each input line is ``{"text": "...", "style": "..."}`` where every PII value is written as
``{{label|value}}`` (label: person, address, email, phone, url, date, account, secret). The output is
``{"text", "spans", "meta": {"style", "source": "written:<file>:<line>"}}`` with the markup removed and each
span where its value landed, so labels come from the writer's markup, never from searching the text.
Any malformed line stops the conversion with its file and line number.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

LABELS = {
    "person": "private_person", "address": "private_address", "email": "private_email",
    "phone": "private_phone", "url": "private_url", "date": "private_date",
    "account": "account_number", "secret": "secret",
}  # fmt: skip
_MARK = re.compile(r"\{\{([a-z]+)\|(.*?)\}\}", re.DOTALL)


def parse(marked: str) -> tuple[str, list[dict]]:
    """The plain text and its spans; raises ValueError naming the first problem."""
    text, spans, pos = "", [], 0
    for m in _MARK.finditer(marked):
        label, value = m.group(1), m.group(2)
        if label not in LABELS:
            raise ValueError(f"unknown label {label!r}")
        if not value.strip() or "{{" in value:
            raise ValueError(f"empty or nested value in {m.group(0)!r}")
        lead = len(value) - len(value.lstrip())
        text += marked[pos : m.start()] + value[:lead]  # whitespace inside the braces stays outside the span
        spans.append({"label": LABELS[label], "start": len(text), "end": len(text) + len(value.strip())})
        text += value[lead:]
        pos = m.end()
    text += marked[pos:]
    if "{{" in text or "}}" in text:
        raise ValueError("unmatched '{{' or '}}'")
    return text, spans


def convert(path: Path) -> list[dict]:
    docs = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            text, spans = parse(record["text"])
        except (ValueError, KeyError) as err:
            raise SystemExit(f"{path}:{n}: {err}") from None
        meta = {"style": record.get("style", "unknown"), "source": f"written:{path.stem}:{n}"}
        docs.append({"text": text, "spans": spans, "meta": meta})
    return docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", type=Path, nargs="+")
    ap.add_argument("-o", "--out", type=Path, required=True)
    ap.add_argument("--check", action="store_true", help="compare with --out instead of writing it")
    args = ap.parse_args()
    docs = [doc for path in args.inputs for doc in convert(path)]
    content = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs)
    if args.check:
        same = args.out.read_text(encoding="utf-8") == content
        raise SystemExit(0 if same else f"{args.out} differs from its sources")
    tmp = args.out.with_suffix(".tmp")
    tmp.write_text(content, encoding="utf-8")
    tmp.replace(args.out)
    print(f"{len(docs)} documents, {sum(len(d['spans']) for d in docs)} spans -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
