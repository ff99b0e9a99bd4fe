"""Quantization benchmark: methods × average bits on a token classifier, against full precision.

For each method and bit budget: agreement of argmax labels with full precision, mean KL(full || quantized)
of the token label distributions, achieved bits per quantized weight, size on disk, load time, CPU tokens/s
and (with gold spans) span F1 through ``pare.evaluate``. Also tries HQQ (``pip install hqq``) on the Linear
layers as an established CPU baseline. Writes ``results.json``, ``results.md`` and ``quality_vs_bits.png``.

    python benchmarks/bench_quant.py --model DIR --test test.jsonl [--calib calib.jsonl] --out runs/quant
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import torch
from torch.nn import functional as F

import pare
from pare.data.jsonl import read_jsonl
from pare.quant import QuantConfig, quantize, save_quantized
from pare.quant.pipeline import calibration_batches


def dir_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.iterdir() if p.suffix in (".safetensors", ".json"))


def run_model(model, batches) -> tuple[list[torch.Tensor], float]:
    """Log-probabilities of every real token, and tokens per second of the forward passes."""
    out, tokens, start = [], 0, time.perf_counter()
    with torch.no_grad():
        for b in batches:
            logp = model(input_ids=b["input_ids"], attention_mask=b["attention_mask"]).logits.log_softmax(-1)
            mask = b["attention_mask"].bool()
            out.append(logp[mask])
            tokens += int(mask.sum())
    return out, tokens / (time.perf_counter() - start)


def compare(ref: list[torch.Tensor], got: list[torch.Tensor]) -> tuple[float, float]:
    """Argmax agreement and mean KL(ref || got) per token."""
    r, g = torch.cat(ref), torch.cat(got)
    agree = float((r.argmax(-1) == g.argmax(-1)).float().mean())
    kl = float(F.kl_div(g, r, log_target=True, reduction="batchmean"))
    return agree, kl


def span_f1(model, tokenizer, docs) -> float | None:
    try:
        from pare.evaluate.detector import evaluate_model
    except ImportError:
        return None
    r = evaluate_model(model, tokenizer, docs)
    return r.get("f1", (r.get("strict") or {}).get("f1")) if isinstance(r, dict) else None


def hqq_row(model_dir: Path, bits: int, batches, ref, tokenizer, docs) -> dict:
    """HQQ on every Linear layer (embeddings stay fp32 there), group size 64, CPU."""
    import hqq
    from hqq.core.quantize import BaseQuantizeConfig, HQQLinear

    model = pare.load(model_dir)
    cfg = BaseQuantizeConfig(nbits=bits, group_size=64)
    start = time.perf_counter()
    stored = n = 0
    for name, module in list(model.named_modules()):
        if isinstance(module, torch.nn.Linear):
            n += module.weight.numel()  # before HQQ frees the original weight
            q = HQQLinear(module, cfg, compute_dtype=torch.float32, device="cpu")
            stored += sum(v.numel() * v.element_size() for v in q.state_dict().values() if torch.is_tensor(v))
            parent, _, child = name.rpartition(".")
            setattr(model.get_submodule(parent) if parent else model, child, q)
    seconds = time.perf_counter() - start
    got, tps = run_model(model, batches)
    agree, kl = compare(ref, got)
    return {
        "method": f"hqq-{hqq.__version__}",
        "target_bits": bits,
        "bits_per_weight": 8 * stored / n,
        "note": "Linear layers only",
        "agreement": agree,
        "kl": kl,
        "tokens_per_s": tps,
        "quantize_s": seconds,
        "f1": span_f1(model, tokenizer, docs),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", required=True)
    ap.add_argument("--test", required=True)
    ap.add_argument(
        "--calib", help="calibration JSONL (default: the first 16 test documents, then not scored)"
    )
    ap.add_argument("--methods", nargs="+", default=["rtn", "kmeans", "fisher-uniform", "fisher", "hqq"])
    ap.add_argument("--bits", nargs="+", type=float, default=[4.0, 3.0, 2.5])
    ap.add_argument("--max-docs", type=int, default=200)
    ap.add_argument("--out", default="runs/bench_quant")
    args = ap.parse_args()
    from transformers import AutoTokenizer

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    docs = read_jsonl(args.test)
    calib = args.calib
    if calib is None:
        calib = out / "calib.jsonl"
        calib.write_text("".join(json.dumps(d.to_dict()) + "\n" for d in docs[:16]))
        docs = docs[16:]
    docs = docs[: args.max_docs]
    test_file = out / "test.jsonl"
    test_file.write_text("".join(json.dumps(d.to_dict()) + "\n" for d in docs))
    tokenizer = AutoTokenizer.from_pretrained(args.model)
    batches = calibration_batches(args.model, test_file, 128, 16)
    calib_batches = calibration_batches(args.model, calib, 128, 8)
    full = pare.load(args.model)
    ref, tps = run_model(full, batches)
    rows = [
        {
            "method": "fp32",
            "target_bits": 32,
            "bits_per_weight": 32.0,
            "agreement": 1.0,
            "kl": 0.0,
            "tokens_per_s": tps,
            "size_mb": dir_bytes(Path(args.model)) / 1e6,
            "f1": span_f1(full, tokenizer, docs),
        }
    ]
    print(json.dumps(rows[-1]), flush=True)
    for method in args.methods:
        for bits in args.bits:
            if method == "hqq":
                try:
                    row = hqq_row(Path(args.model), round(bits), batches, ref, tokenizer, docs)
                except Exception as err:  # report, do not hide, a baseline that fails here
                    row = {"method": "hqq", "target_bits": bits, "error": f"{type(err).__name__}: {err}"}
                rows.append(row)
                print(json.dumps(row), flush=True)
                continue
            qdir = out / f"q-{method}-{bits}"
            start = time.perf_counter()
            result = quantize(full, calib_batches, QuantConfig(bits=bits, method=method))
            seconds = time.perf_counter() - start
            save_quantized(result, full, qdir)
            start = time.perf_counter()
            model = pare.load(qdir)
            load_s = time.perf_counter() - start
            got, tps = run_model(model, batches)
            agree, kl = compare(ref, got)
            row = {
                "method": method,
                "target_bits": bits,
                "bits_per_weight": result.manifest["bits_per_weight"],
                "agreement": agree,
                "kl": kl,
                "tokens_per_s": tps,
                "size_mb": dir_bytes(qdir) / 1e6,
                "load_s": load_s,
                "quantize_s": seconds,
                "f1": span_f1(model, tokenizer, docs),
            }
            rows.append(row)
            print(json.dumps(row), flush=True)
    (out / "results.json").write_text(json.dumps(rows, indent=1) + "\n")
    cols = [
        "method",
        "target_bits",
        "bits_per_weight",
        "agreement",
        "kl",
        "f1",
        "size_mb",
        "load_s",
        "tokens_per_s",
        "quantize_s",
    ]
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for r in rows:
        cells = [f"{r[c]:.4g}" if isinstance(r.get(c), float) else str(r.get(c, "")) for c in cols]
        lines.append("| " + " | ".join(cells) + " |")
    (out / "results.md").write_text("\n".join(lines) + "\n")
    plot(rows, out / "quality_vs_bits.png")
    print("\n".join(lines))


def plot(rows: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    use_f1 = all(r.get("f1") is not None for r in rows if "error" not in r)
    key = "f1" if use_f1 else "kl"
    fig, ax = plt.subplots(figsize=(5.5, 4))
    for method in dict.fromkeys(r["method"] for r in rows if r["method"] != "fp32" and "error" not in r):
        pts = sorted((r["bits_per_weight"], r[key]) for r in rows if r["method"] == method)
        ax.plot(*zip(*pts, strict=True), marker="o", label=method)
    if use_f1:
        ax.axhline(rows[0]["f1"], color="k", ls="--", label="fp32")
    else:
        ax.set_yscale("log")
    ax.set_xlabel("stored bits per quantized weight")
    ax.set_ylabel("span F1" if use_f1 else "KL(fp32 || quantized) per token")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


if __name__ == "__main__":
    main()
