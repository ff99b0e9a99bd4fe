"""The teacher recipe end to end: synthesize train/test data, fine-tune with the defaults, evaluate, time.

    python benchmarks/bench_teacher.py --out runs/teacher

Writes ``OUT/train.jsonl``, ``OUT/test.jsonl`` (test documents use held-out templates), the model in
``OUT/model`` and ``OUT/results.json``; prints a markdown table and the JSON. Inference (the forward passes
of ``PiiDetector.token_scores``) and decoding (``PiiDetector.decode``: constrained Viterbi, span scores,
character spans) are timed separately and reported per 1,000 tokens.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import time
from dataclasses import asdict
from pathlib import Path

import torch
from transformers.utils import logging as hf_logging

from pare.data.jsonl import write_jsonl
from pare.data.synth import synthesize
from pare.evaluate import evaluate_scores
from pare.pii import PiiDetector
from pare.train.finetune import FinetuneConfig, finetune

DEFAULTS = FinetuneConfig()


def cpu_seconds() -> float:
    """CPU time used by this process so far (user + system, all threads)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def log_track(items, description: str, total: int | None = None):
    """A ``Track`` that logs progress to stderr about every 10% (long runs, no terminal)."""
    started = time.perf_counter()
    step = max(1, (total or 0) // 10)
    for i, item in enumerate(items, 1):
        yield item
        if total and (i % step == 0 or i == total):
            print(
                f"{description}: {i}/{total} {time.perf_counter() - started:.0f}s",
                file=sys.stderr,
                flush=True,
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="runs/teacher", help="output folder")
    parser.add_argument("--n-train", type=int, default=3000)
    parser.add_argument("--n-test", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0, help="train data uses SEED, test data SEED + 1")
    parser.add_argument("--epochs", type=int, default=DEFAULTS.epochs)
    parser.add_argument("--batch-size", type=int, default=DEFAULTS.batch_size)
    parser.add_argument("--lr", type=float, default=DEFAULTS.learning_rate)
    parser.add_argument("--max-length", type=int, default=DEFAULTS.max_length)
    parser.add_argument("--base", default=None, help="base encoder directory (default: all-MiniLM-L6-v2)")
    parser.add_argument(
        "--train-embeddings", action="store_true", help="train the word embeddings too (default: frozen)"
    )
    args = parser.parse_args()
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()

    out = Path(args.out)
    started = time.perf_counter()
    train = synthesize(args.n_train, seed=args.seed, split="train")
    test = synthesize(args.n_test, seed=args.seed + 1, split="test")
    write_jsonl(out / "train.jsonl", train)
    write_jsonl(out / "test.jsonl", test)
    synth_s = time.perf_counter() - started

    config = FinetuneConfig(
        base=args.base,
        epochs=args.epochs,
        batch_size=args.batch_size,
        learning_rate=args.lr,
        max_length=args.max_length,
        seed=args.seed,
        freeze_embeddings=not args.train_embeddings,
    )
    cpu_before = cpu_seconds()
    result = finetune(config, train, None, out / "model", track=log_track)

    finetune_cpu_s = cpu_seconds() - cpu_before
    detector = PiiDetector.from_dir(out / "model", device="cpu")
    texts = [d.text for d in test]
    t0 = time.perf_counter()
    scores = detector.token_scores(texts)
    infer_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    detector.decode(scores)
    decode_s = time.perf_counter() - t0
    metrics = evaluate_scores(detector, test, scores)
    n_tokens = sum(len(s.offsets) for s in scores)

    results = {
        "recipe": {**config.to_dict(), "n_train": args.n_train, "n_test": args.n_test},
        "train_windows": result.n_train_windows,
        "history": [asdict(h) for h in result.history],
        "seconds": {
            "synthesize": synth_s,
            "finetune": result.seconds,
            # on a shared machine wall time overstates the cost; CPU time / threads is the uncontended estimate
            "finetune_cpu": finetune_cpu_s,
            "total": time.perf_counter() - started,
        },
        "test_tokens": n_tokens,
        "inference_ms_per_1k_tokens": 1000 * infer_s / n_tokens * 1000,
        "decode_ms_per_1k_tokens": 1000 * decode_s / n_tokens * 1000,
        "eval": metrics,
        "machine": {
            "cpus": os.cpu_count(),
            "torch_threads": torch.get_num_threads(),
            "platform": platform.platform(),
        },
    }
    (out / "results.json").write_text(json.dumps(results, indent=2) + "\n")

    rows = [
        ("train docs / windows", f"{args.n_train} / {result.n_train_windows}"),
        (
            "epochs, batch, lr, max_length",
            f"{config.epochs}, {config.batch_size}, {config.learning_rate:g}, {config.max_length}",
        ),
        ("fine-tune wall time", f"{result.seconds / 60:.1f} min"),
        ("fine-tune CPU time / threads", f"{finetune_cpu_s / torch.get_num_threads() / 60:.1f} min"),
        ("test docs (held-out templates)", f"{len(test)} ({n_tokens} tokens, {metrics['n_gold']} spans)"),
        ("strict micro P / R / F1", "{precision:.4f} / {recall:.4f} / {f1:.4f}".format(**metrics["micro"])),
        ("strict macro F1", f"{metrics['macro']['f1']:.4f}"),
        ("overlap F1", f"{metrics['overlap']['f1']:.4f}"),
        ("token accuracy", f"{metrics['token_accuracy']:.4f}"),
        ("inference per 1k tokens", f"{results['inference_ms_per_1k_tokens']:.1f} ms"),
        ("decoding per 1k tokens", f"{results['decode_ms_per_1k_tokens']:.1f} ms"),
    ]
    print("| teacher recipe | value |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")
    print("\n| label | P | R | F1 | support |\n|---|---|---|---|---|")
    for label, s in metrics["per_label"].items():
        print(f"| {label} | {s['precision']:.4f} | {s['recall']:.4f} | {s['f1']:.4f} | {s['support']} |")
    print()
    print(json.dumps(results))


if __name__ == "__main__":
    main()
