"""Distillation benchmark: HarEmb 1-block students vs baselines, and 2-/3-block students, on a PII teacher.

    python benchmarks/bench_distill.py --teacher runs/teacher/model \\
        --train runs/teacher/train.jsonl --test runs/teacher/test.jsonl

Models compared (all cut from the teacher, all the teacher's class):
- ``kd-1``: 1 block (the first), distilled with pare's defaults (KD + gold labels; the block, final norm and head
  trained, the embeddings frozen)
  on the labelled train set plus unlabelled text;
- ``gold-1``: the same student trained on gold labels only (alpha = 1, no teacher), same data, same steps;
- ``trunc-1``: the teacher truncated to 1 block, untrained;
- ``kd-2``, ``kd-3``: the first 2 and 3 blocks, distilled like ``kd-1``;
- ablations of ``kd-1``, one setting changed each (only when listed in ``--students``): ``kd-1-all`` trains
  every parameter, ``kd-1-blocks`` only the block (final norm and head stay the teacher's), ``kd-1-last`` starts
  from the last block, ``kd-1-t2`` uses temperature 2, ``kd-1-mse`` adds an mse loss between the student's
  block output and the teacher's last block output.

For each: strict micro span F1 (constrained Viterbi) on the test set and as % of the teacher's, parameters
(total and in the blocks), weight file size, CPU tokens/s at batch 1 and 32 (median of repeats, each model
timed in a fresh process) and that process's peak resident memory, and the speed-up over the teacher at
batch 1 and 32 timed side by side (``pare.bench.compare_speed``: both models in one process, alternating,
median of 15 per-round ratios), which separate timings minutes apart cannot give on a shared machine.
Prints a markdown table and JSON.
With ``--seeds 0,1,2`` every trained student is trained once per seed (the seed orders the batches and
draws the dropout masks): F1 is then the mean, with the lowest and highest, and speed is timed on the
first seed's model (the architectures are identical). ``NAME@SEED`` trains that student with one seed only,
so one run can hold seeded baselines and a one-seed curve: ``--students kd-1,gold-1,trunc-1,kd-2@0,kd-3@0``.
A student already trained by an earlier run of the same command (same settings and data files) is reused, so
an interrupted run resumes where it stopped (its training time is then the sum of its epochs); a student
interrupted mid-training resumes from its last finished epoch.
Unlabelled text defaults to freshly synthesized documents without spans (the teacher labels them):
``--n-unlabelled`` from the train templates and ``--n-transfer`` from the transfer templates, on neither side of
the train/test split; ``--unlabelled FILE`` (repeatable) uses your own text instead.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import asdict
from pathlib import Path

from pare.bench.measure import compare_speed, peak_rss_mb
from pare.distill import DistillConfig

DEFAULTS = DistillConfig()  # every student below uses pare's defaults except where its recipe says


def measure(model_dir: str, max_length: int, repeats: int) -> dict:
    """CPU tokens/s at batch 1 and 32 and peak RSS of this process (run in a fresh process per model)."""
    import torch
    from transformers import AutoModelForTokenClassification, AutoTokenizer

    from pare.data.jsonl import Document
    from pare.train.features import collate, encode_documents

    tok = AutoTokenizer.from_pretrained(model_dir)
    model = AutoModelForTokenClassification.from_pretrained(model_dir).eval()
    text = " ".join(["Call Maria Gonzalez at +34 612 345 678 or write to maria.gonzalez@example.com."] * 200)
    windows = encode_documents([Document(text)], tok, None, max_length)[:32]
    pad = tok.pad_token_id or 0
    result = {}
    with torch.inference_mode():
        for size in (1, 32):
            batch = collate(windows[:size], pad)
            inputs = {"input_ids": batch["input_ids"], "attention_mask": batch["attention_mask"]}
            model(**inputs)  # warm-up
            times = []
            for _ in range(repeats if size == 32 else 4 * repeats):
                start = time.perf_counter()
                model(**inputs)
                times.append(time.perf_counter() - start)
            result[f"tokens_per_s_b{size}"] = int(batch["attention_mask"].sum()) / statistics.median(times)
    result["peak_rss_mb"] = peak_rss_mb()
    return result


def model_stats(model_dir: Path) -> dict:
    from transformers import AutoModelForTokenClassification

    from pare.distill.student import find_block_stack

    model = AutoModelForTokenClassification.from_pretrained(model_dir)
    _, blocks = find_block_stack(model)
    return {
        "blocks": model.config.num_hidden_layers,
        "params": sum(p.numel() for p in model.parameters()),
        "block_params": sum(p.numel() for p in blocks.parameters()),
        "file_mb": sum(f.stat().st_size for f in model_dir.glob("*.safetensors")) / 2**20,
    }


def trained_before(out: Path, config: DistillConfig, data: list[Path]) -> float | None:
    """The summed epoch times of a student an earlier run of this benchmark already trained into ``out`` with the
    same settings and data files, so that an interrupted run resumes; None when there is none."""
    record_file = out / "pare_distill.json"
    if not record_file.is_file():
        return None
    record = json.loads(record_file.read_text())
    wanted = {k: v for k, v in asdict(config).items() if k != "layers"}  # recorded as the kept indices
    same = all(record["settings"].get(k) == v for k, v in wanted.items())
    if not same or record["data"]["files"] != [str(p) for p in data]:
        return None
    return sum(epoch["seconds"] for epoch in record["history"])


def timed_in_subprocess(model_dir: Path, max_length: int, repeats: int) -> dict:
    cmd = [sys.executable, __file__, "--measure", str(model_dir), "--max-length", str(max_length)]
    out = subprocess.run([*cmd, "--repeats", str(repeats)], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def save_truncated(teacher_dir: Path, out: Path, layers: list[int]) -> None:
    from transformers import AutoTokenizer

    from pare.distill import truncate
    from pare.distill.core import load_model
    from pare.io import atomic_dir

    teacher, _ = load_model(teacher_dir)
    with atomic_dir(out) as tmp:
        truncate(teacher, layers).save_pretrained(tmp)
        AutoTokenizer.from_pretrained(teacher_dir).save_pretrained(tmp)
        if (teacher_dir / "viterbi_calibration.json").exists():
            shutil.copyfile(teacher_dir / "viterbi_calibration.json", tmp / "viterbi_calibration.json")


def f1_of(model_dir: Path, docs) -> float:
    from pare.evaluate import evaluate_detector
    from pare.pii import PiiDetector

    return evaluate_detector(PiiDetector.from_dir(model_dir), docs, method="viterbi")["micro"]["f1"]


def speed_only(args: argparse.Namespace) -> None:
    """Speed, size and memory of the teacher and its truncations (architecture-only numbers, no F1)."""
    rows: dict[str, dict] = {"teacher": {"dir": str(args.teacher)}}
    for k in (1, 2, 3):
        out = args.work / f"trunc-{k}"
        save_truncated(args.teacher, out, list(range(k)))
        rows[f"trunc-{k}"] = {"dir": str(out)}
    for row in rows.values():
        row.update(model_stats(Path(row["dir"])))
        row.update(timed_in_subprocess(Path(row["dir"]), args.max_length, args.repeats))
    teacher = rows["teacher"]
    print(
        "| model | blocks | params | block params | file MB | tok/s b1 | tok/s b32 | × teacher b32 | peak RSS MB |"
    )
    print("|" + "---|" * 9)
    for name, r in rows.items():
        r["speedup_b32"] = r["tokens_per_s_b32"] / teacher["tokens_per_s_b32"]
        print(
            f"| {name} | {r['blocks']} | {r['params']:,} | {r['block_params']:,} | {r['file_mb']:.1f} | "
            f"{r['tokens_per_s_b1']:.0f} | {r['tokens_per_s_b32']:.0f} | {r['speedup_b32']:.2f} | "
            f"{r['peak_rss_mb']:.0f} |"
        )
    print(json.dumps({"max_length": args.max_length, "repeats": args.repeats, "models": rows}, indent=2))


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--teacher", type=Path)
    p.add_argument("--train", type=Path)
    p.add_argument("--test", type=Path)
    p.add_argument(
        "--unlabelled",
        type=Path,
        action="append",
        help="JSONL/.txt of unlabelled text, repeatable (default: synthesized)",
    )
    p.add_argument("--n-unlabelled", type=int, default=3000, help="synthesized train-template documents")
    p.add_argument("--n-transfer", type=int, default=3000, help="synthesized transfer-template documents")
    p.add_argument("--max-train", type=int, default=3000, help="use the first N training documents")
    p.add_argument("--max-test", type=int, default=1000, help="evaluate on the first N test documents")
    p.add_argument("--work", type=Path, default=Path("runs/bench_distill"))
    p.add_argument("--epochs", type=int, default=DEFAULTS.epochs)
    p.add_argument("--batch-size", type=int, default=DEFAULTS.batch_size)
    p.add_argument("--lr", type=float, default=DEFAULTS.learning_rate)
    p.add_argument("--max-length", type=int, default=DEFAULTS.max_length)
    p.add_argument("--repeats", type=int, default=5)
    p.add_argument("--students", default="kd-1,gold-1,trunc-1,kd-2,kd-3")
    p.add_argument("--seeds", default="0", help="comma-separated training seeds; F1 is averaged over them")
    p.add_argument("--json-out", type=Path)
    p.add_argument(
        "--speed-only",
        action="store_true",
        help="no training or F1: time the teacher and its untrained 1/2/3-block truncations (needs only --teacher)",
    )
    p.add_argument("--measure", help=argparse.SUPPRESS)
    args = p.parse_args()
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    if args.measure:
        print(json.dumps(measure(args.measure, args.max_length, args.repeats)))
        return
    if args.speed_only:
        if not args.teacher:
            p.error("--teacher is required")
        speed_only(args)
        return
    if not (args.teacher and args.train and args.test):
        p.error("--teacher, --train and --test are required")

    from pare.data.jsonl import read_jsonl, write_jsonl
    from pare.distill import DistillConfig, distill

    work = args.work
    common = {
        "epochs": args.epochs,
        "batch_size": args.batch_size,
        "learning_rate": args.lr,
        "max_length": args.max_length,
        "cache_dir": str(work / "cache"),
    }
    recipes = {
        "kd-1": {"layers": 1},
        "kd-1-all": {"layers": 1, "trainable": "all"},
        "kd-1-blocks": {"layers": 1, "trainable": "blocks"},
        "kd-1-last": {"layers": 1, "init": "last"},
        "kd-1-t2": {"layers": 1, "temperature": 2.0},
        "kd-1-mse": {"layers": 1, "hidden_loss": "mse"},
        "gold-1": {"layers": 1, "alpha": 1.0},
        "kd-2": {"layers": 2},
        "kd-3": {"layers": 3},
    }
    plan: list[tuple[str, list[int]]] = []  # (student, its seeds), checked before anything trains
    for spec in args.students.split(","):
        name, _, only = spec.partition("@")
        if (name not in recipes and name != "trunc-1") or (only and not only.isdigit()):
            p.error(
                f"--students: bad entry {spec!r}: NAME or NAME@SEED, NAME one of trunc-1, {', '.join(recipes)}"
            )
        plan.append((name, [int(only)] if only else [int(x) for x in args.seeds.split(",")]))

    work.mkdir(parents=True, exist_ok=True)
    train = work / "train.jsonl"
    write_jsonl(train, read_jsonl(args.train)[: args.max_train])
    test_docs = read_jsonl(args.test)[: args.max_test]
    unlabelled = args.unlabelled
    if unlabelled is None:
        from pare.data.synth import synthesize

        unlabelled = []
        for name, n, seed, split in (
            ("unlabelled", args.n_unlabelled, 12345, "train"),
            ("transfer", args.n_transfer, 12346, "transfer"),
        ):
            if n > 0:
                unlabelled.append(work / f"{name}.jsonl")
                write_jsonl(unlabelled[-1], synthesize(n, seed, split=split), text_only=True)
    data = [train, *unlabelled]
    rows: dict[str, dict] = {"teacher": {"dirs": [str(args.teacher)]}}
    for name, seeds in plan:
        if name == "trunc-1":  # no training: one model whatever the seed
            started = time.perf_counter()
            save_truncated(args.teacher, work / name, [0])
            rows[name] = {"dirs": [str(work / name)], "train_s": [round(time.perf_counter() - started, 1)]}
            continue
        rows[name] = {"dirs": [], "train_s": []}
        for seed in seeds:
            out = work / (name if len(seeds) == 1 else f"{name}-seed{seed}")
            config = DistillConfig(**{**common, **recipes[name], "seed": seed})
            seconds = trained_before(out, config, data)
            if seconds is None:
                started = time.perf_counter()
                distill(args.teacher, data, out, config)
                seconds = time.perf_counter() - started
            rows[name]["dirs"].append(str(out))
            rows[name]["train_s"].append(round(seconds, 1))
    for row in rows.values():
        dirs = [Path(d) for d in row["dirs"]]
        row.update(model_stats(dirs[0]))
        row["f1_each"] = [f1_of(d, test_docs) for d in dirs]
        row["f1"] = statistics.mean(row["f1_each"])
        row.update(timed_in_subprocess(dirs[0], args.max_length, args.repeats))
    teacher = rows["teacher"]
    teacher["speedup_b1"] = teacher["speedup_b32"] = 1.0
    for name, row in rows.items():
        row["f1_pct_teacher"] = 100 * row["f1"] / teacher["f1"] if teacher["f1"] else 0.0
        if name != "teacher":  # the ratio: both timed in one process, alternating (robust to drift)
            side = compare_speed(args.teacher, row["dirs"][0], seq_len=args.max_length, rounds=15)
            row["speedup_b1"], row["speedup_b32"] = side[1]["speedup"], side[32]["speedup"]
    header = (
        "| model | blocks | F1 | % teacher | params | block params | file MB | tok/s b1 | tok/s b32 "
        "| × teacher b1 | × teacher b32 | peak RSS MB |"
    )
    print(header)
    print("|" + "---|" * 12)
    for name, r in rows.items():
        spread = f" ({min(r['f1_each']):.4f}–{max(r['f1_each']):.4f})" if len(r["f1_each"]) > 1 else ""
        print(
            f"| {name} | {r['blocks']} | {r['f1']:.4f}{spread} | {r['f1_pct_teacher']:.1f} | {r['params']:,} | "
            f"{r['block_params']:,} | {r['file_mb']:.1f} | {r['tokens_per_s_b1']:.0f} | "
            f"{r['tokens_per_s_b32']:.0f} | {r['speedup_b1']:.2f} | {r['speedup_b32']:.2f} | "
            f"{r['peak_rss_mb']:.0f} |"
        )
    settings = {k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items() if k != "measure"}
    report = {"settings": settings, "n_test_docs": len(test_docs), "models": rows}
    print(json.dumps(report, indent=2))
    if args.json_out:
        args.json_out.write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
