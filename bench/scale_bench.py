"""Scale benchmark: ingest speed with the local and ray engines, against the bare parse.

On one corpus, each measurement runs in a fresh subprocess (so none inherits another's
caches or memory) with the same model and the same number of processes:

- ``parse``: the bare ``nlp.pipe`` of the spaCy model alone (newsgraph's components
  not added), the floor any ingest pays;
- ``local`` and ``ray``: a full ``ingest`` of a JSONL file into a fresh store, reading,
  skip-checks, extraction and storing included. Ray's start (the cluster and the actors'
  model loads) is timed apart, as a long run pays it once;
- memory: the peak memory (PSS, so pages forked workers share count once) of the
  ingesting process *and all its descendants* (worker processes, or Ray's), sampled
  from /proc, at 1x and 10x a corpus big enough that both runs use worker processes;
- profile: one process, the time of each pipeline stage per article, and a pyinstrument
  profile of newsgraph's own work (components, assembly) on already-parsed docs, written
  to ``bench/out/scale_profile.txt``.

The corpus is PolNeAR's train and dev texts from ../shared when present, else our
examples repeated; copies beyond the first get a numbered closing line so each is new.
Ratios are measured in one run, so a busy machine weighs on both sides.

    python bench/scale_bench.py                      # ~5 minutes on 2 cores
    python bench/scale_bench.py --articles 900 --memory-base 100 --workers 8
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
OUT = ROOT / "bench" / "out"
sys.path.insert(0, str(ROOT))


# ------------------------------------------------------------------------ corpus


def base_texts() -> tuple[str, list[str]]:
    polnear = SHARED / "eval" / "dev" / "polnear"
    paths = sorted(polnear.glob("*/text/*.txt")) if polnear.is_dir() else []
    if paths:
        return "polnear train+dev", [p.read_text("utf-8") for p in paths]
    from newsgraph.reader import iter_inputs, read_path

    examples = [a.text for p in iter_inputs([str(ROOT / "examples")]) for a in read_path(p)]
    return "examples (repeated)", examples


def corpus(texts: list[str], size: int) -> list[str]:
    return [texts[i % len(texts)] + ("" if i < len(texts) else f"\n\n(Copy {i}.)")
            for i in range(size)]  # fmt: skip


def write_jsonl(texts: list[str], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for text in texts:
            handle.write(json.dumps({"text": text, "published": "2016-03-15"}) + "\n")
    return path


def read_jsonl(path: Path) -> list[str]:
    return [json.loads(line)["text"] for line in path.read_text("utf-8").splitlines()]


# ------------------------------------------------------------------------ memory


def _pss(pid: int, rss: int) -> int:
    """The process's proportional share of memory: pages shared with forked workers count
    once in all, not once per process as RSS counts them. RSS where the kernel lacks it."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return rss


def _tree_rss(root: int) -> int:
    """Bytes of memory (PSS) of `root` and every process descending from it (Linux /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            fields = stat[stat.rindex(")") + 2 :].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError, IndexError):
            continue  # the process ended while we looked
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += _pss(pid, rss.get(pid, 0))
        todo.extend(children.get(pid, []))
    return total


class PeakRss:
    """Samples the process tree's RSS on a thread; `peak` is the largest sum seen."""

    def __init__(self, every: float = 0.2) -> None:
        self.every, self.peak, self._stop = every, 0, threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, _tree_rss(os.getpid()))
            self._stop.wait(self.every)


# ------------------------------------------------------------------------ children


def child_parse(texts: list[str], workers: int) -> dict[str, Any]:
    import spacy

    from newsgraph import pipeline

    nlp = spacy.load(pipeline.DEFAULT_MODEL)
    nlp(texts[0])  # warm, as build() is warm before an ingest below
    started = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=workers, batch_size=16):
        pass
    return {"seconds": time.perf_counter() - started}


def child_ingest(source: Path, texts: list[str], workers: int, engine: str) -> dict[str, Any]:
    from newsgraph.ingest import LocalEngine, ingest
    from newsgraph.model import Article

    startup = time.perf_counter()
    if engine == "ray":
        from newsgraph.ray_engine import RayEngine

        runner: Any = RayEngine(workers=workers)
        list(runner.run([Article(text=t) for t in texts[: 2 * workers]]))  # actors up, models loaded
    else:
        from newsgraph.api import extract

        extract(texts[0])  # lexicons and gazetteer loaded before spaCy forks its workers
        runner = LocalEngine(workers=workers)
    startup = time.perf_counter() - startup
    with tempfile.TemporaryDirectory() as folder, PeakRss() as memory:
        started = time.perf_counter()
        report = ingest([str(source)], db=Path(folder) / "s.duckdb", engine=runner, progress=False)
        seconds = time.perf_counter() - started
    return {"seconds": seconds, "startup_s": startup, "peak_pss_mb": memory.peak / 2**20,
            "ingested": report.ingested, "failed": len(report.failed)}  # fmt: skip


def child_profile(texts: list[str]) -> dict[str, Any]:
    from pyinstrument import Profiler

    from newsgraph import pipeline
    from newsgraph.api import make_doc
    from newsgraph.extract.assemble import to_result
    from newsgraph.model import Article
    from newsgraph.store import Store

    nlp = pipeline.build()
    articles = [Article(text=t, published="2016-03-15") for t in texts]
    to_result(nlp(make_doc(nlp, articles[0])), articles[0])  # warm lexicons
    stages: dict[str, float] = {name: 0.0 for name in nlp.pipe_names}
    stages["assemble"] = 0.0
    results = []
    for article in articles:
        doc = make_doc(nlp, article)
        for name, proc in nlp.pipeline:
            started = time.perf_counter()
            doc = proc(doc)
            stages[name] += time.perf_counter() - started
        started = time.perf_counter()
        results.append(to_result(doc, article))
        stages["assemble"] += time.perf_counter() - started
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        Store(Path(folder) / "s.duckdb").add_many(results)
        stages["store"] = time.perf_counter() - started
    _profile_newsgraph(nlp, articles, Profiler)
    parse = sum(stages[n] for n in pipeline.spacy_pipe_names(nlp))
    total = sum(stages.values())
    return {"stages_s": {k: round(v, 3) for k, v in stages.items()},
            "parse_s": parse, "total_s": total, "non_parse_share": 1 - parse / total}  # fmt: skip


def _profile_newsgraph(nlp: Any, articles: list[Any], profiler_class: Any) -> None:
    """Profile only what newsgraph adds: its components and assembly, on parsed docs."""
    from newsgraph import pipeline
    from newsgraph.api import make_doc
    from newsgraph.extract.assemble import to_result

    ours = [(n, p) for n, p in nlp.pipeline if n in pipeline.COMPONENTS]
    with nlp.select_pipes(disable=[n for n, _ in ours]):
        docs = [nlp(make_doc(nlp, a)) for a in articles]
    profiler = profiler_class(interval=0.0005)
    profiler.start()
    for doc, article in zip(docs, articles, strict=True):
        for _, proc in ours:
            doc = proc(doc)
        to_result(doc, article)
    profiler.stop()
    OUT.mkdir(parents=True, exist_ok=True)
    text = profiler.output_text(unicode=False, color=False, show_all=False)
    (OUT / "scale_profile.txt").write_text(text)


def child(args: argparse.Namespace) -> None:
    texts = read_jsonl(Path(args.source))
    if args.child == "parse":
        out = child_parse(texts, args.workers)
    elif args.child == "ingest":
        out = child_ingest(Path(args.source), texts, args.workers, args.engine)
    else:
        out = child_profile(texts)
    print("RESULT " + json.dumps(out))


# ------------------------------------------------------------------------ driver


def run_child(mode: str, source: Path, workers: int, engine: str = "local") -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", mode, "--source", str(source),
               "--workers", str(workers), "--engine", engine]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    if done.returncode != 0 or not lines:
        return {"error": (done.stderr.strip().splitlines() or ["no output"])[-1]}
    return json.loads(lines[-1][len("RESULT ") :])


def has_ray() -> bool:
    import importlib.util

    return importlib.util.find_spec("ray") is not None


def speeds(result: dict[str, Any], articles: int, words: int, parse_s: float) -> dict[str, Any]:
    if "error" in result:
        return result
    seconds = result["seconds"]
    return {**{k: round(v, 2) if isinstance(v, float) else v for k, v in result.items()},
            "articles_per_s": round(articles / seconds, 2), "words_per_s": round(words / seconds),
            "ratio_to_parse": round(seconds / parse_s, 3)}  # fmt: skip


def main(args: argparse.Namespace) -> dict[str, Any]:
    name, texts = base_texts()
    sample = corpus(texts, args.articles)
    words = sum(len(t.split()) for t in sample)
    summary: dict[str, Any] = {
        "corpus": {"source": name, "articles": len(sample), "words": words},
        "workers": args.workers,
    }
    with tempfile.TemporaryDirectory() as folder:
        source = write_jsonl(sample, Path(folder) / "corpus.jsonl")
        # The parse runs before and after the engines: on a shared machine the load can
        # change between children, and the spread of the two shows how much.
        before = run_child("parse", source, args.workers)
        results = {}
        for engine in args.engines.split(","):
            if engine == "ray" and not has_ray():
                results[engine] = {"error": "ray not installed"}
                continue
            results[engine] = run_child("ingest", source, args.workers, engine)
        after = run_child("parse", source, args.workers)
        times = [r["seconds"] for r in (before, after) if "seconds" in r]
        parse_s = sum(times) / len(times) if times else float("nan")
        summary["parse"] = {**speeds({"seconds": parse_s}, len(sample), words, parse_s),
                            "runs_s": [round(t, 2) for t in times]}  # fmt: skip
        for engine, result in results.items():
            summary[engine] = speeds(result, len(sample), words, parse_s)
            if "seconds" in result and times:
                summary[engine]["ratio_range"] = [round(result["seconds"] / max(times), 3),
                                                  round(result["seconds"] / min(times), 3)]  # fmt: skip
        if args.memory_base > 0:
            summary["memory"] = memory(texts, args, Path(folder))
        few = write_jsonl(sample[: args.profile_articles], Path(folder) / "profile.jsonl")
        summary["profile"] = run_child("profile", few, 1)
    return summary


def memory(texts: list[str], args: argparse.Namespace, folder: Path) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for times in (1, 10):
        size = args.memory_base * times
        source = write_jsonl(corpus(texts, size), folder / f"memory-{times}.jsonl")
        result = run_child("ingest", source, args.workers, "local")
        found[f"{times}x"] = {"articles": size, **{k: round(v, 1) if isinstance(v, float) else v
                                                  for k, v in result.items()}}  # fmt: skip
    one, ten = found["1x"].get("peak_pss_mb"), found["10x"].get("peak_pss_mb")
    if one and ten:
        found["ratio_10x_to_1x"] = round(ten / one, 3)
    return found


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=200, help="articles for the speed runs")
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--engines", default="local,ray", help="comma-separated")
    parser.add_argument("--memory-base", type=int, default=70, help="articles at 1x (10x is 10 times); 0 skips")
    parser.add_argument("--profile-articles", type=int, default=30)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--source", help=argparse.SUPPRESS)
    parser.add_argument("--engine", default="local", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


if __name__ == "__main__":
    options = parse_args()
    if options.child:
        child(options)
    else:
        started = time.perf_counter()
        results = main(options)
        results["bench_seconds"] = round(time.perf_counter() - started, 1)
        OUT.mkdir(parents=True, exist_ok=True)
        (OUT / "scale.json").write_text(json.dumps(results, indent=2))
        print(json.dumps(results, indent=2))
