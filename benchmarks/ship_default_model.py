"""Copy a `pare compress` run's final model into the package as pare's default model, with a model card whose
figures are read from the run's own report and from the long-document benchmark's JSON; and its ONNX export,
the default where torch is not installed.

    pare export runs/compress/final --format onnx --int8-embeddings -o runs/compress/final_onnx
    python benchmarks/bench_generalization.py runs/compress/{teacher,final,final_onnx} ... --json-out runs/logs/gen.json
    python benchmarks/ship_default_model.py --run runs/compress --generalization runs/logs/gen.json \\
        --long runs/logs/long.json

Only what inference needs is copied (config, quantized weights and manifest, tokenizer files, operating
points); ``trim.json`` (the id map back to the teacher's vocabulary) and the bit-allocation plot stay in the
run directory. ``RUN/final_onnx`` is copied whole to ``default_onnx`` when it exists.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

from pare.modeldir import CALIBRATION_FILE, CONFIG_FILE, QUANT_MANIFEST, TOKENIZER_FILES

MODELS = Path(__file__).resolve().parents[1] / "src" / "pare" / "models"
DEST, DEST_ONNX = MODELS / "default", MODELS / "default_onnx"


def _by_stage(rows: dict) -> dict:
    """bench_generalization's rows of one set, keyed by the stage directory's name."""
    return {model.rstrip("/").split("/")[-1]: row for model, row in rows.items()}


def _stage_time(report: dict) -> str:
    """How long the run's stages took, saying which came from a cache (a cache hit takes no time)."""
    minutes = sum(s["seconds"] for s in report["stages"]) / 60
    cached = [s["name"] for s in report["stages"] if s.get("cached")]
    text = f"the stages of the run that made it took {minutes:.0f} minutes on the machine below"
    return text + (f", with the {', '.join(cached)} taken from pare's cache" if cached else "")


def dir_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.iterdir() if p.is_file())


def figures_table(report: dict, generalization: dict, sizes: dict[str, int]) -> list[str]:
    """Teacher, final and its ONNX export: F1 on every evaluation set (bench_generalization's JSON) and size
    (the report's stages, and ``sizes``)."""
    sizes = {**{s["name"]: s["size_bytes"] for s in report["stages"]}, **sizes}
    sets = list(generalization)
    lines = [
        "| model | " + " | ".join(f"{name} F1 (P / R)" for name in sets) + " | size MB |",
        "|---|" + "---|" * len(sets) + "---|",
    ]
    for stage in ("teacher", "final", "final_onnx"):
        if stage not in sizes or stage not in _by_stage(generalization[sets[0]]):
            continue
        cells = []
        for name in sets:
            row = _by_stage(generalization[name])[stage]
            cells.append(f"{row['f1']:.4f} ({row['precision']:.4f} / {row['recall']:.4f})")
        lines.append(f"| {stage} | " + " | ".join(cells) + f" | {sizes[stage] / 1e6:.2f} |")
    return lines


def card(report: dict, generalization: dict, long_rows: list[dict], sizes: dict[str, int]) -> str:
    long = {r["model"].rstrip("/").split("/")[-1]: r for r in long_rows}
    lines = [
        "# pare's default PII model",
        "",
        "A 1-block token classifier with 33 BIOES labels over openai/privacy-filter's 8 categories, made by",
        "`pare compress` with the default recipe: all-MiniLM-L6-v2 fine-tuned on pare's synthetic data (template",
        "documents in 7 languages and English 'world' documents, half of them joined into long texts), distilled",
        "into one transformer block on that text and noisy copies of it (random words swapped in, typos), which",
        "the teacher labels, vocabulary trimmed, and quantized with Fisher-weighted codebooks. `pare redact`",
        "uses it when no `--model` is given; `pare.load` and `PiiDetector.from_dir` open it.",
        "",
        "Its tokenizer writes a marker token (`¶`) for each line break, which MiniLM's WordPiece would drop, so",
        "that the model sees where lines end (an address block's name line, a signature). The rule is part of",
        "`tokenizer.json`: `AutoTokenizer` (transformers 5) and the `tokenizers` library apply it.",
        "",
        "`default_onnx/` beside it is its ONNX export (`pare export --format onnx --int8-embeddings`: int8",
        "weights and embedding tables) for onnxruntime: `pare redact` uses it when torch is not installed",
        '(`pip install pare` without the `train` extra), and `pare.models.default_model_dir("onnx")` names it.',
        "",
        f"Reproduce it: `pare compress -o runs/compress` ({_stage_time(report)}).",
        "",
        "It decodes at its `balanced` operating point by default: transition biases fitted for strict F1 on 300",
        "documents of transfer templates (on neither side of the train/test split), which raised F1 on the",
        "development and hand-written sets at some cost in recall (BENCHMARKS.md, operating points).",
        "`--operating-point zero` gives plain constrained Viterbi (more recall, less precision).",
        "",
        "## Figures (strict span F1)",
        "",
        *figures_table(report, generalization, sizes),
        "",
        "templates: 600 documents of held-out templates of pare's generator (they flatter a model); world: 600",
        "documents of held-out frames of the English world family; dev: the development set pare ships, made",
        "without pare's generator (`pare.data.devset`); written and heldout: documents written one by one by a",
        "language-model assistant (`written_en`, `written_en_heldout`), the figures closest to human-written",
        "text. Measured with `benchmarks/bench_generalization.py`, validators on, default operating point.",
        "",
        f"Machine: {report['machine']}.",
    ]
    if "final" in long:
        r = long["final"]
        lines.append(
            f"Long texts: joined into 4,000-16,000 characters, F1 {r['f1_joined']:.4f} against "
            f"{r['f1_single']:.4f} one by one; {r['emails_whole']} of {r['emails']} e-mails whole in one "
            "25,000-character text (`benchmarks/bench_long_docs.py`)."
        )
    lines += [
        "",
        "## Limits",
        "",
        "- Trained on synthetic text only. Held-out templates overstate quality on human-written text; the",
        "  development set is closer but is our own approximation (BENCHMARKS.md, issue 26).",
        "- The world documents, the development set and the long-text figures are English; the templates cover",
        "  en, de, fr, es, it, pt, nl; other languages are untested. Names written in other scripts (Cyrillic,",
        "  Arabic, Chinese ...) are mostly missed: the training text writes every name in Latin letters",
        "  (`written_scripts`: person F1 0.47; `pare compress` with `data: synth: {native_scripts: true}` trains",
        "  on some, at a likely cost on English text: BENCHMARKS.md, names in their own script).",
        "- Addresses are the weakest category; check a sample of your own text before relying on it.",
        "- The default operating point trades recall for precision (about 2 points of overlap recall on the",
        "  hand-written set); where a missed name costs more than a false one, use `--operating-point zero`",
        "  (`high_recall` reaches 0.98 recall on pare's calibration documents at very low precision).",
        "- In other languages than English a name sometimes runs into the words around it. The default",
        "  validators trim titles, what precedes them and uncapitalized words at a name's edges ('Sie Frau",
        "  Berg' -> 'Berg', 'Javier Ruiz mañana' -> 'Javier Ruiz'), but a capitalized word alone stays a",
        "  name: 'Veuillez appeler Madame Claire Dubois' also gives 'Veuillez'.",
        "- No name, e-mail, phone, URL, date or account number is found across a line break (the decoder's line",
        "  rule): a name hard-wrapped over two lines comes out as two names.",
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--run", type=Path, required=True, help="a finished `pare compress -o` directory")
    ap.add_argument("--generalization", type=Path, required=True, help="bench_generalization.py --json-out")
    ap.add_argument("--long", type=Path, help="bench_long_docs.py --json-out of the run's models")
    args = ap.parse_args()
    final = args.run / "final"
    report = json.loads((args.run / "report.json").read_text())
    long_rows = json.loads(args.long.read_text()) if args.long else []
    manifest = json.loads((final / QUANT_MANIFEST).read_text())
    names = {CONFIG_FILE, QUANT_MANIFEST, CALIBRATION_FILE, manifest["weights_file"], *TOKENIZER_FILES}
    for dest in (DEST, DEST_ONNX):
        if dest.exists():
            shutil.rmtree(dest)
    DEST.mkdir(parents=True)
    for name in sorted(names):
        if (final / name).is_file():
            shutil.copy2(final / name, DEST / name)
    sizes = {}
    if (args.run / "final_onnx").is_dir():
        shutil.copytree(args.run / "final_onnx", DEST_ONNX, ignore=shutil.ignore_patterns(".pare-output"))
        sizes["final_onnx"] = dir_bytes(DEST_ONNX)
    generalization = json.loads(args.generalization.read_text())
    (DEST / "README.md").write_text(card(report, generalization, long_rows, sizes))
    for dest in (DEST, DEST_ONNX):
        if dest.exists():
            print(f"wrote {dest}: {dir_bytes(dest) / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
