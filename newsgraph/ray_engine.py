"""The ``ray`` engine: extraction on a Ray cluster (or a local Ray), for corpora beyond one machine.

Each Ray actor loads the spaCy pipeline once and extracts batches of articles; the driver
keeps a few batches in flight per actor and yields results in input order, so `ingest`
stores them with the same guarantees as the local engine (idempotent, crash-safe).

Failures stay per article. An actor catches an article's exception and sends it back in
place of the result; `run` then raises, and `ingest` asks `run_one` for the rest one by
one: the first answer re-raises the article's own error (the report line names it, as
with the local engine), the following ones come from the results already in flight. If
an actor process dies, its batch is retried one article at a time on a restarted actor.

For Parquet shards beside the store, pass ``shards`` to `ingest` (any engine).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from typing import Any

from newsgraph.ingest import IngestError
from newsgraph.model import Article, ArticleResult
from newsgraph.workers import Extractor, Failure, Outcome, ReadAhead, in_order, unwrap
from newsgraph.workers import attach as _attach

RAY_MISSING = "the ray engine needs Ray: pip install 'newsgraph[ray]'"
BATCH = 16  # articles per remote call: big enough to amortize the call, small to balance
IN_FLIGHT = 2  # batches queued per actor, so an actor never waits for the driver


def _import_ray() -> Any:
    try:
        import ray
    except ImportError:
        raise IngestError(RAY_MISSING) from None
    return ray


class RayEngine:
    """Extraction on Ray: ``address`` joins a cluster (``ray://host:port`` or ``auto``);
    without it a local Ray starts with ``workers`` CPUs (every core by default)."""

    extractor: type[Extractor] = Extractor  # the actor class; a seam for tests

    def __init__(self, workers: int | None = None, model: str | None = None,
                 address: str | None = None, batch_size: int = BATCH) -> None:  # fmt: skip
        self.ray = _import_ray()
        self.workers, self.model, self.address = workers, model, address
        self.batch_size = max(1, batch_size)
        self.actors: list[Any] = []
        self._read_ahead = ReadAhead()

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
        yield from self._read_ahead.results(self._stream(articles))

    def run_one(self, article: Article) -> ArticleResult:
        """The next result already in flight after a failure, else one remote extraction."""
        outcome = self._read_ahead.take(article)
        if outcome is None:
            self._start()
            outcome = self._one(article)
        return unwrap(outcome)

    # ---------------------------------------------------------------- scheduling

    def _stream(self, articles: list[Article]) -> Iterator[tuple[Article, Outcome]]:
        """Round-robin batches over the actors, a few in flight each, read back in order."""
        return in_order(articles, self.batch_size, IN_FLIGHT * len(self.actors),
                        self._submit, self._collect)  # fmt: skip

    def _submit(self, index: int, batch: list[Article]) -> Any:
        return self.actors[index % len(self.actors)].extract.remote(batch)

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
