"""ONNX against torch: the same spans, the same F1, and end-to-end speed of the PII detector.

    pare data synth -n 600 --split test --seed 5 -o /tmp/test.jsonl
    python benchmarks/bench_onnx.py --model runs/compress/final --data /tmp/test.jsonl \\
        --teacher runs/compress/teacher --work /tmp/bench_onnx --out results.json

For ``--model`` (and ``--teacher``, if given) it exports ONNX fp32 (``pare export --format onnx``) and, for the
model, int8 (``--int8``) and int8 with int8 embeddings (``--int8 --int8-embeddings``, the form of the shipped
``default_onnx``) into ``--work`` (reused when already there), then:
- parity on the labelled JSONL: the share of documents whose spans (label, start, end) are identical between torch
  and ONNX (and ONNX int8), and strict micro span F1 of each against the gold spans, with the differences;
- speed, end to end (texts in, spans out: ``PiiDetector.detect``, tokenization, windows, decoding and
  validators included), torch and each ONNX variant (fp32, int8) side by side in this process, alternating
  which goes first each round: batch 1 (``--docs-b1`` documents, one ``detect`` call each) and batch 32
  (``--docs-b32`` documents in one call, 32 windows per forward pass). Medians of ``--rounds`` rounds, documents per second, and the median of the
  per-round ratios torch time / ONNX time. Both runtimes get ``--threads`` intra-op threads.
Prints one JSON object (also written to ``--out``).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import torch

from pare.bench.side_by_side import alternate
from pare.data.jsonl import read_jsonl
from pare.evaluate.metrics import strict_span_scores
from pare.labels import Taxonomy
from pare.onnx.config import OnnxExportConfig
from pare.onnx.export import export_onnx
from pare.onnx.runtime import OnnxTokenClassifier
from pare.onnx.tokenizer import RuntimeTokenizer
from pare.pii import PiiDetector


def exported(model_dir: str, dest: Path, config: OnnxExportConfig) -> Path:
    """``model_dir`` exported to ``dest`` (an earlier export there is reused)."""
    if not (dest / "model.onnx").is_file():
        export_onnx(model_dir, dest, config)
    return dest


def onnx_detector(path: Path, threads: int) -> PiiDetector:
    model = OnnxTokenClassifier(path / "model.onnx", "cpu", threads=threads)
    return PiiDetector(
        model, RuntimeTokenizer.from_dir(path), Taxonomy.from_config(model.config), model_dir=path
    )


def keys(spans) -> list[tuple[str, int, int]]:
    return [(s.label, s.start, s.end) for s in spans]


def parity(detectors: dict[str, PiiDetector], docs) -> dict:
    """Per detector: strict micro F1 on ``docs``; per ONNX one: documents with torch's spans, F1 difference."""
    texts, gold = [d.text for d in docs], [d.spans for d in docs]
    found = {name: det.detect(texts, batch_size=32) for name, det in detectors.items()}
    f1 = {name: strict_span_scores(texts, gold, spans).micro.f1 for name, spans in found.items()}
    out: dict = {"n_docs": len(docs), "f1": f1}
    for name in (n for n in found if n != "torch"):
        same = sum(keys(a) == keys(b) for a, b in zip(found["torch"], found[name], strict=True))
        out[f"{name}_same_spans"] = same / len(docs)
        out[f"{name}_f1_minus_torch"] = f1[name] - f1["torch"]
    return out


def speed(torch_det: PiiDetector, onnx_det: PiiDetector, texts: list[str], args) -> dict:
    """End-to-end documents per second of both detectors at batch 1 and 32, timed side by side."""
    one = texts[: args.docs_b1]
    many = texts[: args.docs_b32]
    result = {}
    for label, run in (
        ("b1", lambda det: [det.detect([t], batch_size=1) for t in one]),
        ("b32", lambda det: det.detect(many, batch_size=32)),
    ):
        n = len(one) if label == "b1" else len(many)
        timed = alternate(lambda run=run: run(torch_det), lambda run=run: run(onnx_det), args.rounds)
        result[label] = {
            "torch_docs_per_s": n / timed.baseline_s,
            "onnx_docs_per_s": n / timed.model_s,
            "onnx_speedup": timed.speedup,
            "ratios": [round(r, 3) for r in timed.ratios],
        }
    return result


def compare(name: str, model_dir: str, docs, args, int8: bool) -> dict:
    """Parity and speed of one model (``final`` or ``teacher``) against its ONNX exports."""
    work = Path(args.work) / name
    detectors = {"torch": PiiDetector.from_dir(model_dir, "cpu")}
    variants = {"onnx": OnnxExportConfig()}
    if int8:  # int8 MatMuls; and int8 embeddings too, the form pare ships (``default_onnx``)
        variants["onnx_int8"] = OnnxExportConfig(int8=True)
        variants["onnx_int8_embeddings"] = OnnxExportConfig(int8=True, int8_embeddings=True)
    for variant, config in variants.items():
        detectors[variant] = onnx_detector(exported(model_dir, work / variant, config), args.threads)
    return {
        "model": model_dir,
        "parity": parity(detectors, docs),
        "speed": {  # each ONNX variant against torch
            name: speed(detectors["torch"], det, [d.text for d in docs], args)
            for name, det in detectors.items()
            if name != "torch"
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", required=True, help="The model to export (plain, trimmed or quantized).")
    parser.add_argument("--data", required=True, help="Labelled JSONL (held-out test documents).")
    parser.add_argument("--teacher", help="Also compare this model (torch against ONNX fp32).")
    parser.add_argument("--work", default="runs/bench_onnx", help="Where the exports go (reused).")
    parser.add_argument("--out", help="Also write the JSON result here.")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--docs-b1", type=int, default=32)
    parser.add_argument("--docs-b32", type=int, default=128)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    docs = read_jsonl(args.data)
    result = {
        "threads": args.threads,
        "rounds": args.rounds,
        "final": compare("final", args.model, docs, args, True),
    }
    if args.teacher:
        result["teacher"] = compare("teacher", args.teacher, docs, args, False)
    text = json.dumps(result, indent=1)
    print(text)
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
