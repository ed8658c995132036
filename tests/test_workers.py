"""Worker processes parse and assemble articles; results come back in input order, and a
failing (or process-killing) article is a failure of its own, never of its batch."""

import multiprocessing
import os
from pathlib import Path

import pytest

from newsgraph import workers
from newsgraph.api import extract
from newsgraph.ingest import LocalEngine, ingest
from newsgraph.model import Article
from newsgraph.workers import Failure, ProcessPool

fork_only = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(),
    reason="the failure tests patch the parent, which only forked workers inherit",
)

TEXTS = [
    "Greek officials met Turkish diplomats in Athens on Tuesday.",
    "The Kenyan government said on Friday it would send 300 police officers to Haiti.",
    "Protesters marched in Lima on Sunday against the new mining law.",
    "Germany pledged 50 million euros in aid to Sudan, the ministry said.",
    "Chilean police arrested 12 people after clashes in Santiago.",
    "The Indian foreign minister will visit Tokyo next week, officials said.",
]


def _articles(texts: list[str]) -> list[Article]:
    return [Article(text=t, published="2024-05-06") for t in texts]


def _summary(result) -> tuple:
    return (
        result.article.id,
        [(e.type, e.trigger) for e in result.events],
        [a.name for a in result.actors],
    )


def test_workers_give_the_same_results_in_the_same_order():
    articles = _articles(TEXTS)
    expected = [_summary(extract(a)) for a in articles]
    with ProcessPool(2, batch_size=2) as pool:
        found = [_summary(workers.attach(a, o)) for a, o in pool.outcomes(articles)]
    assert found == expected


def _explode_on(marker: str, how: str):
    real = workers.Extractor.assemble

    def assemble(self, doc, article):
        if marker in article.text:
            if how == "exit":
                os._exit(3)  # as the OOM killer would end it: no exception, no cleanup
            raise ValueError("a bug in a rule")
        return real(self, doc, article)

    return assemble


@fork_only
def test_an_article_that_raises_is_a_failure_of_its_own(monkeypatch):
    monkeypatch.setattr(workers.Extractor, "assemble", _explode_on("BOOM", "raise"))
    articles = _articles([*TEXTS[:3], "BOOM said the mayor.", *TEXTS[3:]])
    with ProcessPool(2, batch_size=3) as pool:
        outcomes = [o for _, o in pool.outcomes(articles)]
    assert [isinstance(o, Failure) for o in outcomes] == [False] * 3 + [True] + [False] * 3
    assert "a bug in a rule" in str(outcomes[3].error)


@fork_only
def test_an_article_that_kills_its_worker_is_isolated(monkeypatch):
    monkeypatch.setattr(workers.Extractor, "assemble", _explode_on("DIE", "exit"))
    articles = _articles([*TEXTS[:2], "DIE said the mayor.", *TEXTS[2:4]])
    with ProcessPool(2, batch_size=2) as pool:
        outcomes = [o for _, o in pool.outcomes(articles)]
    assert [isinstance(o, Failure) for o in outcomes] == [False, False, True, False, False]
    assert "worker process died" in str(outcomes[2].error)


@fork_only
def test_ingest_with_worker_processes_stores_all_but_the_bad_article(monkeypatch, tmp_path: Path):
    monkeypatch.setattr(workers.Extractor, "assemble", _explode_on("BOOM", "raise"))
    source = tmp_path / "in"
    source.mkdir()
    texts = [f"{t} (Story {i}.)" for i in range(3) for t in TEXTS] + ["BOOM said the mayor."]
    for i, text in enumerate(texts):
        (source / f"{i:02d}.txt").write_text(text)
    engine = LocalEngine(workers=2, batch_size=2)  # 19 articles: enough to start the pool
    report = ingest([str(source)], db=tmp_path / "s.duckdb", engine=engine, progress=False)
    engine.close()
    assert report.ingested == len(texts) - 1
    assert [Path(label).name for label, _ in report.failed] == [f"{len(texts) - 1:02d}.txt"]
    assert "a bug in a rule" in report.failed[0][1]
