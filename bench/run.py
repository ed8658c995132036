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


def extraction_ratio(texts: list[str], batch: int = 16) -> dict[str, float]:
    """Our components' cost over the bare parse, interleaved batch by batch.

    Each batch is parsed by the spaCy model alone, then newsgraph's components and the
    assembly run on those same parsed Docs. Timing both halves of every batch back to back
    keeps a noisy machine's load swings out of the ratio.
    """
    from newsgraph import pipeline
    from newsgraph.api import make_doc
    from newsgraph.extract.assemble import to_result
    from newsgraph.model import Article

    nlp = pipeline.build()
    ours = [name for name in nlp.pipe_names if name not in pipeline.spacy_pipe_names(nlp)]
    components = [nlp.get_pipe(name) for name in ours]
    articles = [Article(text=t, published="2024-01-15") for t in texts]

    def run_batch(chunk: list[Article]) -> tuple[float, float]:
        started = time.perf_counter()
        with nlp.select_pipes(disable=ours):
            docs = list(nlp.pipe([make_doc(nlp, a) for a in chunk], batch_size=batch))
        parsed = time.perf_counter()
        for doc, article in zip(docs, chunk, strict=True):
            for component in components:
                doc = component(doc)
            to_result(doc, article)
        return parsed - started, time.perf_counter() - parsed

    run_batch(articles[:batch])  # load lexicons and the gazetteer once, as a long ingest would
    parse_s = ours_s = 0.0
    for start in range(0, len(articles), batch):
        parse, extra = run_batch(articles[start : start + batch])
        parse_s, ours_s = parse_s + parse, ours_s + extra
    # Our tokenizer's own work (headline casing, paragraph starts) is timed on the parse
    # side above; move it to ours: its time over the model's tokenizer alone.
    tokenizer = nlp.tokenizer
    ours_tokenizing = timed(lambda: [tokenizer(t) for t in texts]) - timed(
        lambda: [tokenizer.tokenizer(t) for t in texts]
    )
    parse_s, ours_s = parse_s - ours_tokenizing, ours_s + ours_tokenizing
    words = sum(len(t.split()) for t in texts)
    return {
        "articles": len(texts),
        "words": words,
        "bare_parse_s": round(parse_s, 2),
        "newsgraph_components_s": round(ours_s, 2),
        "extract_to_parse_ratio": round((parse_s + ours_s) / parse_s, 3),
        "extract_words_per_s": round(words / (parse_s + ours_s)),
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
