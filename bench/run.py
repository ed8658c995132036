"""`make bench`: extraction cost as a ratio to the bare spaCy parse, then the ingest bench.

Ratios are measured in one run on the same texts, so a noisy machine affects both sides.
The corpus is PolNeAR's texts from ../shared when present, else our examples repeated.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
OUT = ROOT / "bench" / "out"


def corpus(limit: int = 300) -> list[str]:
    polnear = SHARED / "eval" / "dev" / "polnear"
    texts = [p.read_text("utf-8") for p in sorted(polnear.glob("*/text/*.txt"))[:limit]] if polnear.is_dir() else []
    if not texts:
        sys.path.insert(0, str(ROOT))
        from newsgraph.reader import iter_inputs, read_path

        examples = [a.text for path in iter_inputs([str(ROOT / "examples")]) for a in read_path(path)]
        texts = (examples * (limit // max(1, len(examples)) + 1))[:limit]
    return texts


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def extraction_ratio(texts: list[str]) -> dict[str, float]:
    from newsgraph import pipeline
    from newsgraph.api import make_doc
    from newsgraph.extract.assemble import to_result
    from newsgraph.model import Article

    nlp = pipeline.build()
    ours = [name for name in nlp.pipe_names if name in pipeline.COMPONENTS]
    articles = [Article(text=t, published="2024-01-15") for t in texts]

    def bare() -> None:
        with nlp.select_pipes(disable=ours):
            for _ in nlp.pipe(texts, batch_size=16):
                pass

    def full() -> None:
        docs = ((make_doc(nlp, a), a) for a in articles)
        for doc, article in nlp.pipe(docs, as_tuples=True, batch_size=16):
            to_result(doc, article)

    full()  # warm caches and lexicons once, as a long ingest would
    bare_s = min(timed(bare), timed(bare))
    full_s = min(timed(full), timed(full))
    words = sum(len(t.split()) for t in texts)
    return {
        "articles": len(texts),
        "words": words,
        "bare_parse_s": round(bare_s, 2),
        "extract_s": round(full_s, 2),
        "extract_to_parse_ratio": round(full_s / bare_s, 3),
        "extract_words_per_s": round(words / full_s),
    }


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    texts = corpus()
    results = {"extraction": extraction_ratio(texts)}
    print(json.dumps(results, indent=2))
    (OUT / "extraction.json").write_text(json.dumps(results, indent=2))
    for script in ("ingest_bench.py", "story_bench.py", "scale_bench.py"):
        path = ROOT / "bench" / script
        if path.exists():
            print(f"\n== {script}", flush=True)
            subprocess.run([sys.executable, str(path)], check=False)


if __name__ == "__main__":
    main()
