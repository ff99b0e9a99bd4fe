"""What cutting long texts into windows costs: strict span F1 of the same labelled documents scored one by one
and joined into long texts, and whole e-mails found in one long text of 60 e-mail addresses.

    python benchmarks/bench_long_docs.py runs/compress/teacher runs/compress/final \\
        --test runs/compress/data/test.jsonl --join 4000-16000 --max-length 0,128

Every model is scored at each ``--max-length`` (0: the model's own default, its tokenizer's
``model_max_length``; a smaller value cuts shorter windows). The joined documents are made by
``pare.data.join.join_documents`` (about 1,000 to 4,000 tokens each at 4 characters a token). The e-mail text
is ``EMAILS`` sentences, each naming one address, among filler prose (about 24,000 characters); an address
counts when a private_email span covers exactly it.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from pare.data.join import join_documents, parse_char_range
from pare.data.jsonl import read_jsonl
from pare.evaluate import evaluate_detector
from pare.pii import PiiDetector

EMAILS = 60
FILLER = (
    "The committee reviewed the quarterly figures and agreed to postpone the decision until the next meeting.",
    "Several members asked for more detail on the maintenance schedule before the budget is approved.",
    "The minutes of the previous session were read aloud and accepted without changes.",
    "A short discussion followed about the new archive policy and the retention of old records.",
    "Nobody raised any objection to the proposed timetable, which will be circulated next week.",
)


def email_text(seed: int = 0) -> tuple[str, list[tuple[int, int]]]:
    """A long text with ``EMAILS`` addresses among filler sentences, and the address offsets."""
    rng = random.Random(seed)
    parts, spans, pos = [], [], 0
    for i in range(EMAILS):
        filler = " ".join(rng.sample(FILLER, 4))
        address = f"user{i}.{rng.choice(['name', 'office', 'desk'])}@example{i % 7}.org"
        lead = f"{filler} Case {i + 1} was filed. Contact "
        sentence = f"{lead}{address}."
        spans.append((pos + len(lead), pos + len(lead) + len(address)))
        parts.append(sentence)
        pos += len(sentence) + 1
    return " ".join(parts), spans


def whole_emails(detector: PiiDetector, text: str, spans: list[tuple[int, int]]) -> int:
    found = {(s.start, s.end) for s in detector.detect([text])[0] if s.label == "private_email"}
    return sum(span in found for span in spans)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("models", type=Path, nargs="+")
    ap.add_argument("--test", type=Path, required=True, help="labelled JSONL")
    ap.add_argument("--join", default="4000-16000", help="MIN-MAX characters of a joined document")
    ap.add_argument("--max-length", default="0", help="comma-separated window lengths; 0: the model's own")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json-out", type=Path, help="also write the rows as JSON")
    args = ap.parse_args()
    rows = []
    docs = read_jsonl(args.test)
    joined = join_documents(docs, *parse_char_range(args.join), seed=args.seed)
    text, spans = email_text(args.seed)
    print(
        f"{len(docs)} documents -> {len(joined)} joined ({args.join} characters); e-mail text {len(text):,} chars"
    )
    print("| model | window | F1 one by one | F1 joined | difference | e-mails whole |")
    print("|---|---|---|---|---|---|")
    for model in args.models:
        for max_length in (int(v) for v in args.max_length.split(",")):
            detector = PiiDetector.from_dir(model, device="cpu", max_length=max_length or None)
            single = evaluate_detector(detector, docs, batch_size=32)["micro"]["f1"]
            long = evaluate_detector(detector, joined, batch_size=32)["micro"]["f1"]
            whole = whole_emails(detector, text, spans)
            window = f"{detector.max_length} (halo {detector.halo})"
            rows.append(
                {
                    "model": str(model),
                    "max_length": detector.max_length,
                    "halo": detector.halo,
                    "f1_single": single,
                    "f1_joined": long,
                    "emails_whole": whole,
                    "emails": EMAILS,
                }
            )
            print(
                f"| {model} | {window} | {single:.4f} | {long:.4f} | {100 * (long - single):+.2f} | "
                f"{whole}/{EMAILS} |",
                flush=True,
            )
    if args.json_out:
        args.json_out.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
