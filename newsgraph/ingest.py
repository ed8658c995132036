"""Ingest: read inputs, extract what is new, store it - crash-safe and failure-tolerant.

The flow is a stream in chunks, so memory stays flat however big the corpus:

1. inputs (files, folders, URLs) are read one at a time into articles (`reader`);
2. for each chunk of articles, ids already in the store are skipped *before*
   extraction, so re-running an ingest costs only the reading;
3. the engine extracts the rest; a writer thread commits the results every
   `COMMIT_SECONDS` (or `COMMIT_EVERY` articles), each batch in one transaction, while
   extraction goes on. After a crash, the next run finds the committed articles and
   skips them, and no article is ever half stored.

Every failure (unreadable input, bad record, article extraction refuses, or a crash of
extraction on one article) is one ``(input, reason)`` line in the report; the other
articles are stored anyway.

Engines are a seam: anything with ``run(articles) -> Iterator[ArticleResult]`` (results
in input order) can be registered in `ENGINES`; ``local`` runs worker processes on this
machine (`newsgraph.workers`), ``ray`` runs them on a Ray cluster.
"""

from __future__ import annotations

import os
import queue
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Protocol

from newsgraph.model import Article, ArticleResult
from newsgraph.reader import CsvColumns, InputError, Overrides, iter_inputs, read_items
from newsgraph.store import Store
from newsgraph.workers import ProcessPool, ReadAhead, unwrap

COMMIT_EVERY = 64  # articles per transaction at most: a crash loses little
COMMIT_SECONDS = 2.0  # ... and commit at least this often, so progress is durable
WRITER_THREAD = True  # commit on a thread, overlapping extraction
CHUNK = 1024  # articles read ahead per extraction call; bounds memory


class IngestError(ValueError):
    """Ingest cannot start (unknown engine, bad option); the message says why."""


class Engine(Protocol):
    def run(self, articles: list[Article]) -> Iterator[ArticleResult]:
        """Extract the articles, yielding one result per article, in order."""
        ...


class LocalEngine:
    """Extraction on this machine: `workers` processes (every core by default).

    Each worker process parses and assembles its batches (see :mod:`newsgraph.workers`);
    the pool starts on the first large enough call and lasts until :meth:`close`.
    """

    def __init__(
        self, workers: int | None = None, model: str | None = None, batch_size: int = 16
    ) -> None:
        self.workers = max(1, workers or os.cpu_count() or 1)
        self.model = model
        self.batch_size = batch_size
        self._pool: ProcessPool | None = None
        self._read_ahead = ReadAhead()

    def run(self, articles: list[Article]) -> Iterator[ArticleResult]:
        from newsgraph import api

        # Starting processes costs time; only pay it for enough articles.
        if self._pool is None and (self.workers == 1 or len(articles) < 4 * self.batch_size):
            yield from api.extract_many(articles, self._model(), batch_size=self.batch_size)
            return
        if self._pool is None:
            self._pool = ProcessPool(self.workers, self._model(), self.batch_size)
        yield from self._read_ahead.results(self._pool.outcomes(articles))

    def run_one(self, article: Article) -> ArticleResult:
        from newsgraph import api

        outcome = self._read_ahead.take(article)
        return unwrap(outcome) if outcome is not None else api.extract(article, self._model())

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool = None

    def _model(self) -> str:
        from newsgraph import pipeline

        return self.model or pipeline.DEFAULT_MODEL


def _ray_engine(**options: object) -> Engine:  # Ray is an optional extra: import it only when asked
    from newsgraph.ray_engine import create

    return create(**options)  # type: ignore[arg-type]


ENGINES: dict[str, Callable[..., Engine]] = {"local": LocalEngine, "ray": _ray_engine}


def get_engine(name: str, workers: int | None = None, model: str | None = None) -> Engine:
    if name not in ENGINES:
        raise IngestError(f"unknown engine {name!r}; available: {', '.join(sorted(ENGINES))}")
    return ENGINES[name](workers=workers, model=model)


@dataclass
class IngestReport:
    ingested: int = 0
    unchanged: int = 0
    replaced: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failed

    @property
    def extracted(self) -> int:
        return self.ingested + self.replaced

    def count(self, status: str) -> None:
        setattr(self, status, getattr(self, status) + 1)

    def as_dict(self) -> dict[str, object]:
        return {
            "ingested": self.ingested,
            "unchanged": self.unchanged,
            "replaced": self.replaced,
            "failed": [list(f) for f in self.failed],
            "seconds": round(self.seconds, 2),
        }


Item = tuple[str, Article]  # (input label, article)


def ingest(
    paths: Iterable[str],
    db: str | Path | Store = "newsgraph.duckdb",
    overrides: Overrides | None = None,
    workers: int | None = None,
    engine: str | Engine = "local",
    progress: bool = True,
    csv_columns: CsvColumns | None = None,
    model: str | None = None,
    shards: str | Path | None = None,
) -> IngestReport:
    """Ingest files, folders and URLs into the store; see the module docstring.

    With `shards`, each stored batch is also written there as Parquet files
    (:mod:`newsgraph.shards`)."""
    runner = get_engine(engine, workers, model) if isinstance(engine, str) else engine
    store = db if isinstance(db, Store) else Store(db)
    report, started = IngestReport(), time.monotonic()
    items = _read_all(iter_inputs(paths), overrides, csv_columns, report)
    try:
        with _progress(progress) as tick:
            while chunk := list(islice(items, CHUNK)):
                fresh = _fresh(chunk, store, report, tick)
                _extract_and_store(fresh, runner, _Target(store, shards), report, tick)
    finally:
        if isinstance(engine, str):  # we made it, so we end it; a caller's engine is theirs
            getattr(runner, "close", lambda: None)()
    report.seconds = time.monotonic() - started
    return report


def _read_all(
    inputs: Iterable[str],
    overrides: Overrides | None,
    columns: CsvColumns | None,
    report: IngestReport,
) -> Iterator[Item]:
    for source in inputs:
        try:
            found = read_items(source, overrides, columns)
        except InputError as error:
            report.failed.append((error.source, error.reason))
            continue
        many = len(found) > 1
        for index, item in enumerate(found, start=1):
            if isinstance(item, InputError):
                report.failed.append((item.source, item.reason))
            else:
                yield (f"{source}#{index}" if many else source), item


def _fresh(
    chunk: list[Item], store: Store, report: IngestReport, tick: Callable[[int], None]
) -> list[Item]:
    """Drop articles already stored (or repeated in this chunk) and ones extraction refuses."""
    from newsgraph.api import ArticleError, check

    known = store.known_ids(article.id for _, article in chunk)
    fresh: list[Item] = []
    for label, article in chunk:
        if article.id in known:
            report.unchanged += 1
            tick(1)
            continue
        try:
            check(article)
        except ArticleError as error:
            report.failed.append((label, str(error)))
            tick(1)
            continue
        known.add(article.id)
        fresh.append((label, article))
    return fresh


@dataclass
class _Target:
    """Where committed batches go: the store, and Parquet shards if asked for."""

    store: Store
    shards: str | Path | None = None


def _extract_and_store(
    items: list[Item],
    runner: Engine,
    store: _Target,
    report: IngestReport,
    tick: Callable[[int], None],
) -> None:
    batch: list[tuple[str, ArticleResult]] = []
    last_commit = time.monotonic()
    with _Writer(store, report, tick) as writer:
        for label, result in _results(items, runner, report):
            batch.append((label, result))
            if len(batch) >= COMMIT_EVERY or time.monotonic() - last_commit > COMMIT_SECONDS:
                writer.put(batch)
                batch, last_commit = [], time.monotonic()
        writer.put(batch)


class _Writer:
    """Commits batches on a thread, so storing overlaps extraction instead of adding to it.

    The queue is short, so at most a few batches wait in memory; an error on the thread
    stops the ingest at the next `put` (or at the end) instead of passing silently.
    """

    def __init__(self, store: _Target, report: IngestReport, tick: Callable[[int], None]) -> None:
        self.store, self.report, self.tick = store, report, tick
        self.queue: queue.Queue[list[tuple[str, ArticleResult]] | None] = queue.Queue(maxsize=2)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._loop, name="newsgraph-writer", daemon=True)

    def __enter__(self) -> _Writer:
        self.thread.start()
        return self

    def __exit__(self, kind: object, *rest: object) -> None:
        self.queue.put(None)
        self.thread.join()
        if self.error is not None and kind is None:
            raise self.error

    def put(self, batch: list[tuple[str, ArticleResult]]) -> None:
        if self.error is not None:
            raise self.error
        if batch and not WRITER_THREAD:
            _commit(batch, self.store, self.report, self.tick)
        elif batch:
            self.queue.put(batch)

    def _loop(self) -> None:
        while (batch := self.queue.get()) is not None:
            if self.error is None:
                try:
                    _commit(batch, self.store, self.report, self.tick)
                except BaseException as error:  # noqa: BLE001 - re-raised on the main thread
                    self.error = error


def _results(
    items: list[Item], runner: Engine, report: IngestReport
) -> Iterator[tuple[str, ArticleResult]]:
    """Results in order; if the engine breaks, the rest go one by one to isolate the culprit."""
    done = 0
    try:
        for result in runner.run([article for _, article in items]):
            yield items[done][0], result
            done += 1
        return
    except Exception:  # noqa: BLE001 - any extraction bug: fall back below
        pass
    run_one = getattr(runner, "run_one", None) or (lambda a: next(iter(runner.run([a]))))
    for label, article in items[done:]:
        try:
            yield label, run_one(article)
        except Exception as error:  # noqa: BLE001 - one article's bug is its own failure
            report.failed.append(
                (
                    label,
                    f"extraction failed: {type(error).__name__}: {' '.join(str(error).split())}",
                )
            )


def _commit(
    batch: list[tuple[str, ArticleResult]],
    target: _Target,
    report: IngestReport,
    tick: Callable[[int], None],
) -> None:
    if not batch:
        return
    statuses = target.store.add_many(
        [r for _, r in batch], [label for label, _ in batch], shards=target.shards
    )
    for status in statuses:
        report.count(status)
    tick(len(batch))


class _progress:
    """A Rich progress line with articles/s on a terminal; a no-op otherwise."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.bar = None

    def __enter__(self) -> Callable[[int], None]:
        if not self.enabled:
            return lambda n: None
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
        )

        self.bar = Progress(
            SpinnerColumn(),
            TextColumn("ingesting"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self.bar.start()
        task = self.bar.add_task("ingest", total=None, rate="")
        started = time.monotonic()

        def tick(n: int) -> None:
            self.bar.advance(task, n)
            done = self.bar.tasks[0].completed
            rate = done / max(time.monotonic() - started, 1e-6)
            self.bar.update(task, rate=f"{rate:.1f} articles/s")

        return tick

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()
