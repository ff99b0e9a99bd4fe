"""Quantization benchmark: pare's Fisher-aware codebooks against baselines, at the same average bits.

    python benchmarks/bench_quant.py --model runs/teacher/model --calib runs/teacher/train.jsonl \\
        --test runs/teacher/test.jsonl --out runs/bench_quant/teacher

Methods, all in pare's storage format and at the same budget of stored bits per quantized weight (packed
indices, codebooks or scales, and per-group widths all counted):
- ``rtn``: round-to-nearest on a uniform per-row min-max grid;
- ``kmeans``: unweighted k-means codebooks per row;
- ``fisher-uniform``: Fisher-weighted codebooks, one width for every row;
- ``fisher``: Fisher-weighted codebooks with a width per row allocated under the budget, Linear weights
  assigned to their levels with GPTQ-style error feedback (pare's default; ``fisher-uniform`` has it too);
- ``fisher-no-feedback``: ``fisher`` with each weight rounded to its nearest level (``--no-error-feedback``);
- ``hqq``: HQQ (``pip install --no-build-isolation hqq``) on every Linear layer at 2, 3 and 4 bits, group
  size 64 (its defaults), embeddings (and any layer its bit packing cannot take) left in fp32: an
  established CPU-capable library at its nearest setting. Its bits per weight count its packed weights,
  scales and zeros, over the layers it quantized.

For each: strict span F1 (constrained Viterbi) on the test documents, agreement of the decoded token labels
with the full-precision model's, mean KL(full || quantized) of the token label distributions, size on disk,
load time, CPU tokens/s of the detector's forward passes. The Fisher and the input Hessians are measured
once (``calibrate_s``) and shared by every Fisher row, whose ``quantize_s`` is the rest. Each finished row is
appended to ``OUT/rows.jsonl`` (a re-run replaces the rows of the same method and bits, so one method can be
re-run alone); from all of them it writes ``results.json``, ``results.md`` and ``f1_vs_bits.png`` into ``--out``.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

import numpy as np
import torch

import pare
from pare.data.jsonl import read_jsonl, write_jsonl
from pare.decode import viterbi_decode
from pare.evaluate import evaluate_scores
from pare.pii import PiiDetector
from pare.quant import QuantConfig
from pare.quant.pipeline import calibrate_directory, quantize_directory


def dir_bytes(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def score(detector: PiiDetector, docs, reference=None) -> dict:
    """F1, token throughput and, against ``reference`` scores, decoded-label agreement and mean KL."""
    texts = [d.text for d in docs]
    start = time.perf_counter()
    scores = detector.token_scores(texts, batch_size=32)
    seconds = time.perf_counter() - start
    n_tokens = sum(len(s.offsets) for s in scores)
    row = {
        "f1": evaluate_scores(detector, docs, scores)["micro"]["f1"],
        "tokens_per_s": n_tokens / seconds,
        "scores": scores,
    }
    if reference is not None:
        agree = kl = 0.0
        for ref, got in zip(reference, scores, strict=True):
            if not ref.offsets:
                continue
            p, q = ref.log_probs, got.log_probs
            kl += float((np.exp(p) * (p - q)).sum())
            words, breaks, lines = detector.constraints([ref])  # the detector's own decoding constraints
            a = viterbi_decode(p[None], detector.taxonomy, word_ids=words, breaks=breaks, lines=lines)[0]
            b = viterbi_decode(q[None], detector.taxonomy, word_ids=words, breaks=breaks, lines=lines)[0]
            agree += float(np.sum(np.array(a) == np.array(b)))
        row["agreement"] = agree / n_tokens
        row["kl"] = kl / n_tokens
    return row


def hqq_model(model_dir: Path, bits: int, group_size: int = 64) -> tuple[torch.nn.Module, int, int, float]:
    """The model with HQQ on every Linear layer; also (stored bytes, quantized weights, seconds)."""
    from hqq.core.quantize import BaseQuantizeConfig, HQQLinear

    model = pare.load(model_dir)
    config = BaseQuantizeConfig(nbits=bits, group_size=group_size)
    start = time.perf_counter()
    stored = n = 0
    for name, module in list(model.named_modules()):
        if isinstance(module, torch.nn.Linear):
            numel = module.weight.numel()  # before HQQ frees the original weight
            try:
                q = HQQLinear(module, config, compute_dtype=torch.float32, device="cpu")
            except RuntimeError:  # its bit packing needs shapes it cannot take (2-bit: the 33-row head)
                continue  # stays fp32 (counted with the other unquantized parameters)
            n += numel
            state = q.state_dict()
            stored += sum(state[k].numel() * state[k].element_size() for k in ("W_q", "scale", "zero"))
            parent, _, child = name.rpartition(".")
            setattr(model.get_submodule(parent) if parent else model, child, q)
    return model, stored, n, time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", type=Path, required=True, help="full-precision token classifier directory")
    ap.add_argument("--calib", type=Path, required=True, help="labelled JSONL for the Fisher (train split)")
    ap.add_argument("--test", type=Path, required=True, help="labelled JSONL scored (held-out templates)")
    ap.add_argument("--calib-docs", type=int, default=512, help="seeded sample of calibration documents")
    ap.add_argument("--max-docs", type=int, default=600, help="first N test documents")
    ap.add_argument(
        "--methods",
        nargs="+",
        default=["fisher", "fisher-no-feedback", "fisher-uniform", "kmeans", "rtn", "hqq"],
    )
    ap.add_argument("--bits", nargs="+", type=float, default=[4.0, 3.0, 2.5])
    ap.add_argument("--hqq-bits", nargs="+", type=int, default=[4, 3, 2])
    ap.add_argument("--out", type=Path, default=Path("runs/bench_quant"))
    args = ap.parse_args()
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    torch.manual_seed(0)
    args.out.mkdir(parents=True, exist_ok=True)
    docs = read_jsonl(args.test)[: args.max_docs]
    calib_docs = read_jsonl(args.calib)
    calib_docs = random.Random(0).sample(calib_docs, min(args.calib_docs, len(calib_docs)))
    calib = args.out / "calib.jsonl"
    write_jsonl(calib, calib_docs)

    full = PiiDetector.from_dir(args.model, device="cpu")
    ref = score(full, docs)
    reference = ref.pop("scores")
    log = args.out / "rows.jsonl"
    done = [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []

    def record(row: dict) -> None:
        # a finished row survives a crash later in the run; a re-run replaces rows of the same setting
        done[:] = [r for r in done if (r["method"], r["target_bits"]) != (row["method"], row["target_bits"])]
        done.append(row)
        log.write_text("".join(json.dumps(r) + "\n" for r in done))
        print(json.dumps(row), flush=True)

    fp32 = {"method": "fp32", "target_bits": 32, "bits_per_weight": 32.0, "agreement": 1.0, "kl": 0.0}
    record({**fp32, "size_mb": dir_bytes(args.model) / 1e6, **ref})
    calibration, calibrate_s = None, None  # measured once, shared by every Fisher row (same model and data)
    for method in args.methods:
        if method == "hqq":
            import hqq

            for bits in args.hqq_bits:
                model, stored, n, seconds = hqq_model(args.model, bits)
                others = sum(  # parameters HQQ leaves alone (embeddings, norms, biases), in fp32
                    p.numel() * p.element_size() for p in model.parameters() if p.dtype.is_floating_point
                )
                detector = PiiDetector(model, full.tokenizer, full.taxonomy)
                row = score(detector, docs, reference)
                row.pop("scores")
                row.update(
                    method=f"hqq {hqq.__version__}",
                    target_bits=bits,
                    bits_per_weight=8 * stored / n,
                    size_mb=(stored + others) / 1e6,  # estimated: HQQ has no save format for this model
                    quantize_s=seconds,
                )
                record(row)
            continue
        for bits in args.bits:
            qdir = args.out / f"q-{method}-{bits:g}"
            plain = method == "fisher-no-feedback"
            config = QuantConfig(bits=bits, method="fisher" if plain else method, error_feedback=not plain)
            if config.uses_fisher and calibration is None:
                start = time.perf_counter()
                calibration = calibrate_directory(args.model, calib, config)
                calibrate_s = time.perf_counter() - start
            start = time.perf_counter()
            manifest = quantize_directory(args.model, calib, qdir, config, calibration=calibration)
            seconds = time.perf_counter() - start
            start = time.perf_counter()
            detector = PiiDetector.from_dir(qdir, device="cpu")
            load_s = time.perf_counter() - start
            row = score(detector, docs, reference)
            row.pop("scores")
            row.update(
                method=method,
                target_bits=bits,
                bits_per_weight=manifest["bits_per_weight"],
                size_mb=dir_bytes(qdir) / 1e6,
                load_s=load_s,
                quantize_s=seconds,
                calibrate_s=calibrate_s if config.uses_fisher else None,
            )
            record(row)
    print(render(done, args.out))


def render(rows: list[dict], out: Path) -> str:
    """Write ``results.json``, ``results.md`` and ``f1_vs_bits.png`` for ``rows``; returns the markdown table."""
    rows = sorted(rows, key=lambda r: r["method"] != "fp32")  # fp32 first: the reference line
    (out / "results.json").write_text(json.dumps(rows, indent=1) + "\n")
    cols = ["method", "target_bits", "bits_per_weight", "f1", "agreement", "kl", "size_mb", "load_s"]
    cols += ["tokens_per_s", "calibrate_s", "quantize_s"]
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for r in rows:
        cells = [
            f"{r[c]:.4g}" if isinstance(r.get(c), float) else "-" if r.get(c) is None else str(r[c])
            for c in cols
        ]
        lines.append("| " + " | ".join(cells) + " |")
    (out / "results.md").write_text("\n".join(lines) + "\n")
    plot(rows, out / "f1_vs_bits.png")
    return "\n".join(lines)


def plot(rows: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 4))
    for method in dict.fromkeys(r["method"] for r in rows if r["method"] != "fp32"):
        pts = sorted((r["bits_per_weight"], r["f1"]) for r in rows if r["method"] == method)
        ax.plot(*zip(*pts, strict=True), marker="o", label=method)
    ax.axhline(rows[0]["f1"], color="k", ls="--", label="fp32")
    ax.set_xlabel("stored bits per quantized weight (all overhead counted)")
    ax.set_ylabel("strict span F1")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


if __name__ == "__main__":
    main()
