"""Ingest benchmark: the store's overhead over extraction alone, and peak memory vs size.

1. Overhead: on the same articles, in one warm process, time extract-only (the engine's
   results, discarded) against a full ingest (read a JSONL file, skip-check, extract,
   store), in interleaved rounds keeping the best of each, to damp a noisy machine.
   The time spent in the store itself is reported too. Goal: ingest ≤ 1.05 × extract.
2. Memory: a fresh subprocess ingests 1× and then 10× the corpus; each reports its peak
   RSS (its own plus its extraction workers'). Goal: flat, since ingest streams.

The corpus is our examples/ (or, with ``--corpus polnear``, PolNeAR's texts from
../shared); copies beyond the first get a numbered closing line so each is distinct.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
OUT = ROOT / "bench" / "out"
sys.path.insert(0, str(ROOT))


ROUNDS = 3
CORPUS = "examples"  # or "polnear" (--corpus): long texts, much slower to extract


def base_texts() -> list[str]:
    polnear = SHARED / "eval" / "dev" / "polnear"
    if CORPUS == "polnear" and polnear.is_dir():
        texts = [p.read_text("utf-8") for p in sorted(polnear.glob("*/text/*.txt"))]
        if texts:
            return texts
    from newsgraph.reader import iter_inputs, read_path

    return [a.text for path in iter_inputs([str(ROOT / "examples")]) for a in read_path(path)]


def corpus(size: int) -> list[str]:
    texts = base_texts()
    return [texts[i % len(texts)] + ("" if i < len(texts) else f"\n\n(Copy {i}.)")
            for i in range(size)]


def write_jsonl(texts: list[str], folder: Path) -> Path:
    path = folder / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for text in texts:
            handle.write(json.dumps({"text": text, "published": "2024-01-15"}) + "\n")
    return path


def overhead(size: int, workers: int) -> dict[str, float]:
    from newsgraph.ingest import LocalEngine, ingest
    from newsgraph.reader import read_path
    from newsgraph.store import Store

    folder = Path(tempfile.mkdtemp(prefix="ng-bench-"))
    source = write_jsonl(corpus(size), folder)
    articles = read_path(source)
    engine = LocalEngine(workers=workers)
    list(engine.run(articles[:2]))  # load the pipeline and lexicons once, as both sides need

    def extract_only() -> float:
        started = time.perf_counter()
        for _ in engine.run(articles):
            pass
        return time.perf_counter() - started

    busy = [0.0]
    add_many = Store.add_many

    def timed_add_many(self: Store, *args: object, **kwargs: object) -> list[str]:
        started = time.perf_counter()
        try:
            return add_many(self, *args, **kwargs)
        finally:
            busy[0] += time.perf_counter() - started

    def full_ingest(run: int) -> float:
        started = time.perf_counter()
        report = ingest([str(source)], folder / f"run{run}.duckdb", workers=workers,
                        progress=False)
        assert report.ingested == size and not report.failed, report.failed
        return time.perf_counter() - started

    # Interleaved rounds, best of each: other load on the machine hits both sides alike.
    Store.add_many = timed_add_many  # type: ignore[method-assign]
    extract_runs, ingest_runs = [], []
    for run in range(ROUNDS):
        extract_runs.append(extract_only())
        ingest_runs.append(full_ingest(run))
    Store.add_many = add_many  # type: ignore[method-assign]
    extract_s, ingest_s = min(extract_runs), min(ingest_runs)
    store_s = busy[0] / ROUNDS
    return {
        "articles": size,
        "workers": workers,
        "extract_only_s": round(extract_s, 2),
        "ingest_s": round(ingest_s, 2),
        "extract_articles_per_s": round(size / extract_s, 2),
        "ingest_articles_per_s": round(size / ingest_s, 2),
        "ingest_to_extract_ratio": round(ingest_s / extract_s, 3),
        # Time spent storing (on the writer thread, overlapping extraction): the cost
        # storing would add if nothing overlapped, independent of machine noise.
        "store_s": round(store_s, 2),
        "store_to_extract_ratio": round(store_s / extract_s, 3),
    }


def memory_child(size: int, workers: int) -> None:
    """Run in a fresh process: ingest `size` articles, print peak RSS in MB as JSON."""
    from newsgraph.ingest import ingest

    folder = Path(tempfile.mkdtemp(prefix="ng-mem-"))
    source = write_jsonl(corpus(size), folder)
    started = time.perf_counter()
    report = ingest([str(source)], folder / "mem.duckdb", workers=workers, progress=False)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux
    workers_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"articles": size, "ingested": report.ingested,
                      "seconds": round(time.perf_counter() - started, 1),
                      "peak_rss_mb": round(own, 1), "worker_peak_rss_mb": round(workers_peak, 1)}))


def memory(size: int, workers: int) -> dict[str, object]:
    runs = {}
    for label, n in (("1x", size), ("10x", size * 10)):
        done = subprocess.run(
            [sys.executable, __file__, "--memory-child", str(n), "--workers", str(workers),
             "--corpus", CORPUS],
            capture_output=True, text=True, check=True)
        runs[label] = json.loads(done.stdout.strip().splitlines()[-1])
    ratio = runs["10x"]["peak_rss_mb"] / runs["1x"]["peak_rss_mb"]
    return {**runs, "peak_rss_10x_to_1x_ratio": round(ratio, 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=120, help="articles for the overhead run")
    parser.add_argument("--memory-size", type=int, default=20, help="1x corpus for memory")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--corpus", choices=("examples", "polnear"), default="examples")
    parser.add_argument("--memory-child", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    global CORPUS
    CORPUS = args.corpus
    if args.memory_child:
        memory_child(args.memory_child, args.workers)
        return
    results = {"overhead": overhead(args.size, args.workers),
               "memory": memory(args.memory_size, args.workers)}
    print(json.dumps(results, indent=2))
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "ingest.json").write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
