"""Extraction workers, shared by the local engine's processes and Ray's actors.

A worker parses *and* assembles its articles, so only the small results cross a process
boundary. (spaCy's own ``n_process`` ships every parsed ``Doc`` back to the parent,
which would then assemble them all on one core.) A worker catches an article's error and
returns a :class:`Failure` in its place: one bad article never costs its batch.

:class:`ProcessPool` runs workers on this machine. With the ``fork`` start method
(Linux) they inherit the parent's warmed pipeline, lexicons and gazetteer; elsewhere each
builds its own once (about two seconds with the gazetteer cached on disk).
"""

from __future__ import annotations

import itertools
import multiprocessing
import pickle
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from newsgraph.model import Article, ArticleResult

WARM_UP = "The mayor of Leeds said on Monday that 40 buses would run to York in May."


@dataclass
class Failure:
    """Stands for an article whose extraction raised; `error` is re-raised by the caller."""

    error: Exception


Outcome = ArticleResult | Failure


def portable(error: Exception) -> Exception:
    """The error itself when it pickles (so the report names its type), else a summary."""
    try:
        pickle.loads(pickle.dumps(error))
        return error
    except Exception:  # noqa: BLE001 - any pickling problem: fall back to text
        return RuntimeError(f"{type(error).__name__}: {error}")


class Extractor:
    """A worker's body: one spaCy pipeline, many batches."""

    def __init__(self, model: str | None) -> None:
        from newsgraph import pipeline

        self.nlp = pipeline.build(model or pipeline.DEFAULT_MODEL)
        # The lexicons and gazetteer load on first use: pay that now, at startup, rather
        # than stalling the first batch while the other workers run ahead.
        self.extract_one(Article(text=WARM_UP, published="2020-01-01"))

    def extract(self, articles: list[Article]) -> list[Outcome]:
        outcomes: list[Outcome] = []
        docs = self._parsed(articles)
        for article in articles:
            try:
                result = self.assemble(next(docs), article)
            except Exception as error:  # noqa: BLE001 - one article's bug is its own failure
                outcomes.append(Failure(portable(error)))
                docs = self._parsed(articles[len(outcomes) :])  # spaCy's stream ends on an error
                continue
            result.article = None  # type: ignore[assignment] - the caller has it; don't ship the text back
            outcomes.append(result)
        return outcomes

    def extract_one(self, article: Article) -> ArticleResult:
        from newsgraph.api import make_doc

        return self.assemble(self.nlp(make_doc(self.nlp, article)), article)

    def _parsed(self, articles: list[Article]) -> Iterator:
        from newsgraph.api import make_doc

        return self.nlp.pipe(make_doc(self.nlp, a) for a in articles)

    def assemble(self, doc: object, article: Article) -> ArticleResult:
        """A parsed article's result (the seam where an extraction bug would raise)."""
        from newsgraph.extract.assemble import to_result

        return to_result(doc, article)  # type: ignore[arg-type]


def attach(article: Article, outcome: Outcome) -> Outcome:
    """Give a shipped-back result its article again."""
    if isinstance(outcome, ArticleResult):
        outcome.article = article
    return outcome


def in_order(
    articles: list[Article],
    batch_size: int,
    in_flight: int,
    submit: Callable[[int, list[Article]], Any],
    collect: Callable[[list[Article], Any], Iterator[tuple[Article, Outcome]]],
) -> Iterator[tuple[Article, Outcome]]:
    """Batches submitted ahead (at most `in_flight` waiting), their outcomes read in order.

    `submit(n, batch)` starts the n-th batch and returns its future; `collect(batch,
    future)` waits for it and yields each article with its outcome."""
    pending: deque[tuple[list[Article], Any]] = deque()
    for index, start in enumerate(range(0, len(articles), batch_size)):
        batch = articles[start : start + batch_size]
        pending.append((batch, submit(index, batch)))
        if len(pending) >= in_flight:
            yield from collect(*pending.popleft())
    while pending:
        yield from collect(*pending.popleft())


# ---------------------------------------------------------------- local processes

_worker: Extractor | None = None  # the Extractor of this worker process


def _start_worker(model: str | None) -> None:
    global _worker
    _worker = Extractor(model)


def _extract_in_worker(articles: list[Article]) -> list[Outcome]:
    assert _worker is not None, "the pool's initializer builds the worker"
    return _worker.extract(articles)


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


class ProcessPool:
    """Worker processes extracting batches of articles, results read back in input order.

    A few batches are in flight per worker, so workers never wait for the parent. If a
    worker process dies (a crash, the OOM killer), the pool is restarted and its batch is
    retried one article at a time, so the culprit alone becomes a Failure.
    """

    def __init__(self, processes: int, model: str | None = None, batch_size: int = 16,
                 in_flight: int = 2) -> None:  # fmt: skip
        self.processes, self.model = processes, model
        self.batch_size, self.in_flight = max(1, batch_size), max(1, in_flight)
        self._executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> ProcessPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def outcomes(self, articles: list[Article]) -> Iterator[tuple[Article, Outcome]]:
        return in_order(articles, self.batch_size, self.in_flight * self.processes,
                        lambda _, batch: self._submit(batch), self._collect)  # fmt: skip

    def _submit(self, batch: list[Article]) -> Future:
        if self._executor is None:
            if _context().get_start_method() == "fork":
                Extractor(self.model)  # warm this process: forked workers inherit its pipeline
            self._executor = ProcessPoolExecutor(
                self.processes, _context(), initializer=_start_worker, initargs=(self.model,)
            )
        return self._executor.submit(_extract_in_worker, batch)

    def _collect(self, batch: list[Article], future: Future) -> Iterator[tuple[Article, Outcome]]:
        try:
            outcomes = future.result()
        except BrokenProcessPool:
            outcomes = [self._alone(article) for article in batch]
        for article, outcome in zip(batch, outcomes, strict=True):
            yield article, attach(article, outcome)

    def _alone(self, article: Article) -> Outcome:
        """Retry one article on a working pool; if it breaks the pool again, it is the culprit."""
        for _ in range(2):
            try:
                return self._submit([article]).result()[0]
            except BrokenProcessPool:
                self._restart()
        return Failure(RuntimeError("a worker process died extracting this article"))

    def _restart(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
        self._executor = None


class ReadAhead:
    """Results in order, stopping at a failure; then the outcomes already in flight.

    An engine's `run` raises an article's error where it occurs, and `ingest` then asks
    `run_one` for the rest one by one: those answers come from here, not a new extraction.
    """

    def __init__(self) -> None:
        self._ahead: Iterator[tuple[Article, Outcome]] = iter(())

    def results(self, stream: Iterator[tuple[Article, Outcome]]) -> Iterator[ArticleResult]:
        for article, outcome in stream:
            if isinstance(outcome, Failure):
                self._ahead = itertools.chain([(article, outcome)], stream)
                raise outcome.error
            yield outcome

    def take(self, article: Article) -> Outcome | None:
        """The outcome in flight for `article`, if it is the next one; else None."""
        for ahead, outcome in self._ahead:
            if ahead is article:
                return outcome
            break  # the caller asked for something else: the read-ahead no longer applies
        self._ahead = iter(())
        return None


def unwrap(outcome: Outcome) -> ArticleResult:
    if isinstance(outcome, Failure):
        raise outcome.error
    return outcome
