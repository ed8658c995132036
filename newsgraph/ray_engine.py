"""The ``ray`` engine: extraction on a Ray cluster (or a local Ray), for corpora beyond one machine.

Each Ray actor loads the spaCy pipeline once and extracts batches of articles; the driver
keeps a few batches in flight per actor and yields results in input order, so `ingest`
stores them with the same guarantees as the local engine (idempotent, crash-safe).

Failures stay per article. An actor catches an article's exception and sends it back in
place of the result; `run` then raises, and `ingest` asks `run_one` for the rest one by
one: the first answer re-raises the article's own error (the report line names it, as
with the local engine), the following ones come from the results already in flight. If
an actor process dies, its batch is retried one article at a time on a restarted actor.

With ``shards`` set, every `run` call (one ingest chunk) also writes one Parquet file per
table, ``<shards>/<table>/part-<run>-<n>.parquet``, in the store's own schema, which
DuckDB (``read_parquet('shards/events/*.parquet')``) or Spark read directly.
"""

from __future__ import annotations

import atexit
import itertools
import logging
import os
import pickle
import uuid
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph.ingest import IngestError
from newsgraph.model import Article, ArticleResult

RAY_MISSING = "the ray engine needs Ray: pip install 'newsgraph[ray]'"
BATCH = 16  # articles per remote call: big enough to amortize the call, small to balance
WARM_UP = "The mayor of Leeds said on Monday that 40 buses would run to York in May."
IN_FLIGHT = 2  # batches queued per actor, so an actor never waits for the driver


@dataclass
class Failure:
    """Stands for an article whose extraction raised; `error` is re-raised on the driver."""

    error: Exception


Outcome = ArticleResult | Failure


def _import_ray() -> Any:
    try:
        import ray
    except ImportError:
        raise IngestError(RAY_MISSING) from None
    return ray


def _portable(error: Exception) -> Exception:
    """The error itself when it pickles (so the report names its type), else a summary."""
    try:
        pickle.loads(pickle.dumps(error))
        return error
    except Exception:  # noqa: BLE001 - any pickling problem: fall back to text
        return RuntimeError(f"{type(error).__name__}: {error}")


class Extractor:
    """The actor's body: one spaCy pipeline, many batches."""

    def __init__(self, model: str | None) -> None:
        from newsgraph import pipeline

        self.nlp = pipeline.build(model or pipeline.DEFAULT_MODEL)
        # The lexicons and gazetteer load on first use (seconds): pay that now, at startup,
        # rather than stalling the first batch while the other actors run ahead.
        self.extract_one(Article(text=WARM_UP, published="2020-01-01"))

    def extract(self, articles: list[Article]) -> list[Outcome]:
        outcomes: list[Outcome] = []
        for article in articles:
            try:
                result = self.extract_one(article)
            except Exception as error:  # noqa: BLE001 - one article's bug is its own failure
                outcomes.append(Failure(_portable(error)))
                continue
            result.article = None  # type: ignore[assignment] - the driver has it; don't ship the text back
            outcomes.append(result)
        return outcomes

    def extract_one(self, article: Article) -> ArticleResult:
        from newsgraph.api import make_doc
        from newsgraph.extract.assemble import to_result

        return to_result(self.nlp(make_doc(self.nlp, article)), article)


class RayEngine:
    """Extraction on Ray: ``address`` joins a cluster (``ray://host:port`` or ``auto``);
    without it a local Ray starts with ``workers`` CPUs (every core by default)."""

    extractor: type[Extractor] = Extractor  # the actor class; a seam for tests

    def __init__(self, workers: int | None = None, model: str | None = None,
                 address: str | None = None, batch_size: int = BATCH,
                 shards: str | Path | None = None) -> None:  # fmt: skip
        self.ray = _import_ray()
        self.workers, self.model, self.address = workers, model, address
        self.batch_size = max(1, batch_size)
        self.shards = Path(shards) if shards else None
        self.actors: list[Any] = []
        self._ahead: Iterator[tuple[Article, Outcome]] = iter(())
        self._shard_run, self._shard_count = uuid.uuid4().hex[:8], 0
        self._unsharded: list[ArticleResult] = []
        if self.shards is not None:
            atexit.register(self._flush_shard)  # ingest has no "done" call; exit is the last chunk

    # ---------------------------------------------------------------- cluster

    def _start(self) -> None:
        ray = self.ray
        if not ray.is_initialized():
            options: dict[str, Any] = {"logging_level": logging.ERROR, "log_to_driver": False}
            if self.address:
                ray.init(address=self.address, **options)
            else:
                cpus = self.workers or os.cpu_count() or 1
                ray.init(num_cpus=cpus, include_dashboard=False, **options)
        if not self.actors:
            remote = ray.remote(num_cpus=1, max_restarts=3)(self.extractor)
            self.actors = [remote.remote(self.model) for _ in range(self._actor_count())]

    def _actor_count(self) -> int:
        cpus = int(self.ray.cluster_resources().get("CPU", 1))
        return max(1, min(self.workers or cpus, cpus))

    def close(self) -> None:
        """Stop the actors (Ray itself stays up for whoever started it)."""
        for actor in self.actors:
            self.ray.kill(actor)
        self.actors = []

    # ---------------------------------------------------------------- Engine protocol

    def run(self, articles: list[Article]) -> Iterator[ArticleResult]:
        """Results in input order; on an article's failure, raise and leave the rest to `run_one`."""
        if not articles:
            return
        self._start()
        self._flush_shard()  # results a previous failure left to run_one
        stream = self._stream(articles)
        for article, outcome in stream:
            if isinstance(outcome, Failure):
                self._ahead = itertools.chain([(article, outcome)], stream)
                raise outcome.error
            yield self._keep(outcome)
        self._flush_shard()

    def run_one(self, article: Article) -> ArticleResult:
        """The next result already in flight after a failure, else one remote extraction."""
        for ahead, outcome in self._ahead:
            if ahead is article:
                return self._keep(self._unwrap(outcome))
            break  # ingest asked for something else: the read-ahead no longer applies
        self._ahead = iter(())
        self._start()
        return self._keep(self._unwrap(self._one(article)))

    @staticmethod
    def _unwrap(outcome: Outcome) -> ArticleResult:
        if isinstance(outcome, Failure):
            raise outcome.error
        return outcome

    def _keep(self, result: ArticleResult) -> ArticleResult:
        if self.shards is not None:
            self._unsharded.append(result)
        return result

    # ---------------------------------------------------------------- scheduling

    def _stream(self, articles: list[Article]) -> Iterator[tuple[Article, Outcome]]:
        """Round-robin batches over the actors, a few in flight each, read back in order."""
        pending: deque[tuple[list[Article], Any]] = deque()
        limit = IN_FLIGHT * len(self.actors)
        for index, start in enumerate(range(0, len(articles), self.batch_size)):
            batch = articles[start : start + self.batch_size]
            actor = self.actors[index % len(self.actors)]
            pending.append((batch, actor.extract.remote(batch)))
            if len(pending) >= limit:
                yield from self._collect(*pending.popleft())
        while pending:
            yield from self._collect(*pending.popleft())

    def _collect(self, batch: list[Article], future: Any) -> Iterator[tuple[Article, Outcome]]:
        try:
            outcomes = self.ray.get(future)
        except self.ray.exceptions.RayError:
            # The actor died mid-batch (a crash, the OOM killer): isolate the culprit.
            outcomes = [self._one(article) for article in batch]
        for article, outcome in zip(batch, outcomes, strict=True):
            yield article, _attach(article, outcome)

    def _one(self, article: Article) -> Outcome:
        actor = self.actors[hash(article.id) % len(self.actors)]
        try:
            return _attach(article, self.ray.get(actor.extract.remote([article]))[0])
        except self.ray.exceptions.RayError as error:
            return Failure(RuntimeError(f"worker lost: {type(error).__name__}"))

    # ---------------------------------------------------------------- shards

    def _flush_shard(self) -> None:
        results, self._unsharded = self._unsharded, []
        if self.shards is None or not results:
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        from newsgraph.store import SCHEMAS, result_rows

        tables: dict[str, list[dict]] = {}
        for result in results:
            for table, rows in result_rows(result, None, self._shard_run).items():
                tables.setdefault(table, []).extend(rows)
        self._shard_count += 1
        name = f"part-{self._shard_run}-{self._shard_count:05d}.parquet"
        for table, rows in tables.items():
            folder = self.shards / table
            folder.mkdir(parents=True, exist_ok=True)
            pq.write_table(pa.Table.from_pylist(rows, schema=SCHEMAS[table]), folder / name)


def _attach(article: Article, outcome: Outcome) -> Outcome:
    if isinstance(outcome, ArticleResult):
        outcome.article = article
    return outcome


def create(workers: int | None = None, model: str | None = None, **options: Any) -> RayEngine:
    """The `ENGINES` factory: fails with one line naming the extra when Ray is missing."""
    return RayEngine(workers=workers, model=model, **options)


def with_address(engine: str, workers: int | None, address: str | None) -> str | RayEngine:
    """The CLI's ``--engine``/``--address`` pair as what `ingest` takes."""
    if address is None:
        return engine
    if engine != "ray":
        raise IngestError("--address joins a Ray cluster; use it with --engine ray")
    return RayEngine(workers=workers, address=address)
