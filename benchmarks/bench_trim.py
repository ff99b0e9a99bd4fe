"""Vocabulary trimming on real models and real text.

    python benchmarks/bench_trim.py [--assets DIR] [--only me5,o200k,smollm2]   # DIR: $PARE_ASSETS or ~/.cache/pare-assets

1. multilingual-e5-small trimmed per language (en, de, pt, ru, ja, ar): vocabulary kept, parameters before and
   after, trimming time and peak memory (each trim runs in a fresh process; peak = its max RSS), and the share
   of held-out texts in that language that tokenize identically.
2. o200k tokenizer + a tiny random openai_privacy_filter model (vocab 200,064 rows) trimmed to an English PII corpus
   (synthetic train-template documents; held out: documents from the held-out templates).
3. SmolLM2-135M (tied head) trimmed to English prose: parameters and held-out perplexity before/after.
4. (with ``--pii MODEL_DIR... --pii-corpus FILE... --pii-test FILE [--pii-keep-frequent N...]``) PII token
   classifiers trimmed to the PII domain (the synthetic training text), once per ``keep_frequent`` value: size
   on disk and strict span F1 on held-out-template test documents, before and after.

Text comes from what a Debian box already has (``../shared/assets/offline_text.py``): translated program
messages (gettext catalogs) for every language, plus Python's reference prose (pydoc topics) for English.
Texts are split deterministically: every 10th text is held out.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import multiprocessing as mp
import os
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "assets"
LANGS = {"en": "en_GB", "de": "de", "pt": "pt", "ru": "ru", "ja": "ja", "ar": "ar"}


def offline_text():
    spec = importlib.util.spec_from_file_location("offline_text", SHARED / "offline_text.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def split(texts: list[str]) -> tuple[list[str], list[str]]:
    texts = [t for t in texts if t.strip()]
    return [t for i, t in enumerate(texts) if i % 10], texts[::10]


def language_texts(lang: str) -> list[str]:
    text = offline_text()
    docs = text.gettext_catalogs(LANGS[lang])
    if lang == "en":
        docs = docs + text.pydoc_topics()
    return [d if isinstance(d, str) else " ".join(d) for d in docs]


def write_jsonl(path: Path, texts: list[str]) -> Path:
    path.write_text(
        "".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts), encoding="utf-8"
    )
    return path


def _trim_job(args: tuple[str, str, list[str], int]) -> dict:
    """Runs in a fresh process: trim, and report the process's peak resident memory."""
    from pare.bench import peak_rss_mb
    from pare.trim import trim_model

    src, out, corpus, keep_frequent = args
    result = trim_model(src, out, corpus=corpus, keep_frequent=keep_frequent).to_dict()
    result["peak_rss_mb"] = peak_rss_mb()
    return result


def trim_in_fresh_process(src: Path, out: Path, corpus: Path | list[Path], keep_frequent: int = 0) -> dict:
    files = [str(p) for p in (corpus if isinstance(corpus, list) else [corpus])]
    with mp.get_context("spawn").Pool(1) as pool:
        return pool.map(_trim_job, [(str(src), str(out), files, keep_frequent)])[0]


def same_tokens_share(src: Path, out: Path, texts: list[str]) -> float:
    from tokenizers import Tokenizer

    a, b = (Tokenizer.from_file(str(d / "tokenizer.json")) for d in (src, out))
    same = sum(
        x.tokens == y.tokens for x, y in zip(a.encode_batch(texts), b.encode_batch(texts), strict=True)
    )
    return same / len(texts)


def bench_me5(assets: Path, tmp: Path) -> None:
    src = assets / "me5-small"
    print("\n## multilingual-e5-small (250,002 pieces, 117.7M params) trimmed per language\n")
    print("| lang | corpus texts | vocab kept | params before | params after | reduction | time s | peak RSS MB "
          "| held-out texts | held-out identical |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|---|")
    for lang in LANGS:
        train, held = split(language_texts(lang))
        corpus = write_jsonl(tmp / f"{lang}.jsonl", train)
        r = trim_in_fresh_process(src, tmp / f"me5-{lang}", corpus)
        share = same_tokens_share(src, tmp / f"me5-{lang}", held)
        print(
            f"| {lang} | {len(train):,} | {r['vocab_after']:,} | {r['params_before']:,} | {r['params_after']:,} "
            f"| {100 * r['param_reduction']:.1f}% | {r['seconds']:.1f} | {r['peak_rss_mb']:.0f} | {len(held):,} "
            f"| {100 * share:.1f}% |",
            flush=True,
        )


def english_prose() -> tuple[list[str], list[str]]:
    return split(offline_text().pydoc_topics())


def bench_o200k(assets: Path, tmp: Path) -> None:
    import torch
    from transformers import OpenAIPrivacyFilterConfig, OpenAIPrivacyFilterForTokenClassification

    src = tmp / "opf-tiny"
    config = OpenAIPrivacyFilterConfig(
        hidden_size=64, intermediate_size=64, head_dim=16, num_attention_heads=4, num_key_value_heads=2,
        num_hidden_layers=1, num_local_experts=4, num_experts_per_tok=2,
    )  # fmt: skip
    torch.manual_seed(0)
    OpenAIPrivacyFilterForTokenClassification(config).save_pretrained(src)
    for name in ("tokenizer.json", "tokenizer_config.json"):
        (src / name).write_bytes((assets / "o200k" / name).read_bytes())
    # an English PII corpus: synthetic train-template documents; held out: documents from the test templates
    from pare.data.synth import synthesize

    train = [d.text for d in synthesize(2000, seed=0, locales=["en"], split="train")]
    held = [d.text for d in synthesize(200, seed=1, locales=["en"], split="test")]
    corpus = write_jsonl(tmp / "en-pii.jsonl", train)
    r = trim_in_fresh_process(src, tmp / "opf-en", corpus)
    share = same_tokens_share(src, tmp / "opf-en", held)
    rows = config.vocab_size
    print(
        "\n## o200k + tiny openai_privacy_filter (hidden 64) trimmed to an English PII corpus (2,000 synthetic docs)\n"
    )
    print("| vocab before | vocab after | embedding rows before | embedding rows after | embedding params after "
          "| time s | peak RSS MB | held-out identical |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|")
    print(
        f"| {r['vocab_before']:,} | {r['vocab_after']:,} | {rows:,} | {r['vocab_after']:,} "
        f"| {r['vocab_after'] * config.hidden_size:,} (from {rows * config.hidden_size:,}) | {r['seconds']:.1f} "
        f"| {r['peak_rss_mb']:.0f} | {100 * share:.1f}% |",
        flush=True,
    )


def perplexity(model_dir: Path, texts: list[str], max_tokens: int = 256) -> float:
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tok = AutoTokenizer.from_pretrained(model_dir)
    model = AutoModelForCausalLM.from_pretrained(model_dir).eval()
    nll, count = 0.0, 0
    with torch.no_grad():
        for text in texts:
            ids = tok(text, return_tensors="pt").input_ids[:, :max_tokens]
            if ids.shape[1] < 2:
                continue
            loss = model(input_ids=ids, labels=ids).loss
            nll += loss.item() * (ids.shape[1] - 1)
            count += ids.shape[1] - 1
    return math.exp(nll / count)


def bench_smollm2(assets: Path, tmp: Path) -> None:
    src = assets / "smollm2-135m"
    train, held = english_prose()
    corpus = write_jsonl(tmp / "en-prose.jsonl", train)
    r = trim_in_fresh_process(src, tmp / "smollm2-en", corpus)
    held = held[:40]
    ppl_before, ppl_after = perplexity(src, held), perplexity(tmp / "smollm2-en", held)
    share = same_tokens_share(src, tmp / "smollm2-en", held)
    print("\n## SmolLM2-135M (tied head, byte-level BPE 49,152) trimmed to English prose (pydoc topics)\n")
    print("| vocab after | params before | params after | reduction | time s | peak RSS MB | held-out identical "
          "| held-out ppl before | held-out ppl after |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|")
    print(
        f"| {r['vocab_after']:,} | {r['params_before']:,} | {r['params_after']:,} | {100 * r['param_reduction']:.1f}% "
        f"| {r['seconds']:.1f} | {r['peak_rss_mb']:.0f} | {100 * share:.1f}% | {ppl_before:.2f} | {ppl_after:.2f} |",
        flush=True,
    )


def bench_pii(
    models: list[Path], corpus: list[Path], test: Path, keep_frequent: list[int], tmp: Path
) -> None:
    from pare.bench import dir_size_bytes
    from pare.data.jsonl import read_jsonl
    from pare.evaluate import evaluate_dir

    docs = read_jsonl(test)
    print(f"\n## PII token classifiers trimmed to the PII domain ({', '.join(p.name for p in corpus)})\n")
    print("| model | keep frequent | vocab before | vocab after | params before | params after | size MB before "
          "| size MB after | F1 before | F1 after | time s |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for i, src in enumerate(models):
        f1_before, size_before = evaluate_dir(src, docs)["micro"]["f1"], dir_size_bytes(src) / 1e6
        for n in keep_frequent:
            out = tmp / f"pii-{i}-{n}"
            r = trim_in_fresh_process(src, out, corpus, n)
            f1, size = evaluate_dir(out, docs)["micro"]["f1"], dir_size_bytes(out) / 1e6
            print(
                f"| {src} | {n:,} | {r['vocab_before']:,} | {r['vocab_after']:,} | {r['params_before']:,} "
                f"| {r['params_after']:,} | {size_before:.1f} | {size:.1f} | {f1_before:.4f} | {f1:.4f} "
                f"| {r['seconds']:.1f} |",
                flush=True,
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--assets",
        type=Path,
        default=Path(os.environ.get("PARE_ASSETS") or Path.home() / ".cache" / "pare-assets"),
    )
    parser.add_argument("--only", default="me5,o200k,smollm2")
    parser.add_argument("--pii", type=Path, nargs="*", default=[], help="PII model directories to trim")
    parser.add_argument("--pii-corpus", type=Path, nargs="*", default=[], help="their domain text")
    parser.add_argument("--pii-test", type=Path, help="labelled test JSONL for span F1")
    parser.add_argument(
        "--pii-keep-frequent", type=int, nargs="+", default=[0], help="trim once per value of keep_frequent"
    )
    args = parser.parse_args()
    benches = {"me5": bench_me5, "o200k": bench_o200k, "smollm2": bench_smollm2}
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for name in filter(None, args.only.split(",")):
            benches[name](args.assets, Path(tmp))
        if args.pii:
            if not (args.pii_corpus and args.pii_test):
                parser.error("--pii needs --pii-corpus and --pii-test")
            bench_pii(args.pii, args.pii_corpus, args.pii_test, args.pii_keep_frequent, Path(tmp))
    print(
        f"\ntotal {time.perf_counter() - start:.0f}s (shared 2-core CPU; single run per row)", file=sys.stderr
    )


if __name__ == "__main__":
    main()
