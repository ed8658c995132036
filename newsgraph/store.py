"""The event store: extraction results in one DuckDB file, queried as pandas DataFrames.

Tables (one row per item, keyed by ``article_id`` plus the item's id):

- ``articles``: metadata, text, and the full ``newsgraph/article/1`` JSON (``doc``);
- ``actors``, ``statements``, ``events``, ``places``, ``quantities``: the items, with
  the names, countries and sources they point to copied in, so queries need no joins;
- ``meta``: ``schema_version`` and the newsgraph version that wrote the file.

Identity. An article's id comes from its normalized text and url (`model.article_id`),
so adding it again is ``"unchanged"``. A *changed* article - a new id with the url of a
stored one (or, without urls, the same single-article source file) - is ``"replaced"``:
the old article's rows go and the new ones come in the same transaction. Rows written
by the same `Store` object are never replaced by it, so a feed whose entries share one
link keeps them all.

Concurrency. DuckDB lets one process write a file, and no other process may open it
(even read-only) while that writer holds it. So no `Store` keeps a connection open:

- a writer opens the file for each batch (`add_many`), commits the batch in one
  transaction and closes it, so a crash loses at most the batch in flight and never
  leaves half an article (DuckDB's write-ahead log drops uncommitted work);
- every query opens a short-lived read-only connection and closes it;
- both retry with jittered exponential backoff (20 ms doubling to 250 ms) while the file is locked
  by another process, for up to ``lock_timeout`` seconds (default 60), then raise
  `StoreBusy`. An ingest and a running ``newsgraph serve`` therefore take turns.

Schema versions. `SCHEMA_VERSION` is stored in ``meta``. Opening an older file for
writing runs the `MIGRATIONS` from its version up; opening it read-only, or an older
file with no migration path, raises `StoreError` saying what to do. A file written by a
newer newsgraph is refused with a request to upgrade newsgraph.
"""

from __future__ import annotations

import json
import random
import re
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import fields, is_dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

from newsgraph import __version__
from newsgraph.model import PLOVER_TYPES, SCHEMA, ArticleResult
from newsgraph.shards import write_parts

SCHEMA_VERSION = 1
DEFAULT_PATH = "newsgraph.duckdb"

# version -> function bringing a connection from that version to the next one.
MIGRATIONS: dict[int, Callable[[duckdb.DuckDBPyConnection], None]] = {}

STR, INT, FLOAT, BOOL, DAY = pa.string(), pa.int64(), pa.float64(), pa.bool_(), pa.date32()
STRS, SPANS = pa.list_(pa.string()), pa.list_(pa.list_(pa.int64()))
QUANTS = pa.list_(pa.struct([("low", FLOAT), ("high", FLOAT), ("what", STR)]))

# table -> (column, arrow type); the DuckDB types follow from the arrow ones.
COLUMNS: dict[str, list[tuple[str, pa.DataType]]] = {
    "articles": [
        ("article_id", STR),
        ("title", STR),
        ("outlet", STR),
        ("url", STR),
        ("published", DAY),
        ("language", STR),
        ("source", STR),
        ("run", STR),
        ("ingested_at", pa.timestamp("us")),
        ("n_events", INT),
        ("n_statements", INT),
        ("text", STR),
        ("doc", STR),
    ],
    "actors": [
        ("article_id", STR),
        ("actor_id", STR),
        ("name", STR),
        ("kind", STR),
        ("country", STR),
        ("sector", STR),
        ("role", STR),
        ("mentions", SPANS),
        ("n_mentions", INT),
        ("published", DAY),
    ],
    "statements": [
        ("article_id", STR),
        ("statement_id", STR),
        ("source_id", STR),
        ("source_name", STR),
        ("source_country", STR),
        ("source_sector", STR),
        ("source_kind", STR),
        ("cue_start", INT),
        ("cue_end", INT),
        ("cue_text", STR),
        ("content_start", INT),
        ("content_end", INT),
        ("content_text", STR),
        ("kind", STR),
        ("via", STRS),
        ("via_names", STRS),
        ("hedged", BOOL),
        ("hedge", STR),
        ("published", DAY),
        ("outlet", STR),
        ("url", STR),
    ],
    "events": [
        ("article_id", STR),
        ("event_id", STR),
        ("event_date", DAY),
        ("type", STR),
        ("mode", STR),
        ("cameo", STR),
        ("actor_ids", STRS),
        ("actor_names", STRS),
        ("actor_countries", STRS),
        ("actor_sectors", STRS),
        ("recipient_ids", STRS),
        ("recipient_names", STRS),
        ("recipient_countries", STRS),
        ("recipient_sectors", STRS),
        ("negated", BOOL),
        ("modality", STR),
        ("date_value", STR),
        ("date_text", STR),
        ("date_granularity", STR),
        ("place_id", STR),
        ("place_name", STR),
        ("geonameid", INT),
        ("place_country", STR),
        ("lat", FLOAT),
        ("lon", FLOAT),
        ("quantities", QUANTS),
        ("trigger_start", INT),
        ("trigger_end", INT),
        ("trigger_text", STR),
        ("evidence", STR),
        ("statement_id", STR),
        ("source_id", STR),
        ("source_name", STR),
        ("source_kind", STR),
        ("confidence", FLOAT),
        ("published", DAY),
        ("outlet", STR),
        ("url", STR),
    ],
    "places": [
        ("article_id", STR),
        ("place_id", STR),
        ("name", STR),
        ("geonameid", INT),
        ("country", STR),
        ("lat", FLOAT),
        ("lon", FLOAT),
        ("mentions", SPANS),
        ("n_mentions", INT),
        ("published", DAY),
    ],
    "quantities": [
        ("article_id", STR),
        ("quantity_id", INT),
        ("low", FLOAT),
        ("high", FLOAT),
        ("what", STR),
        ("span_start", INT),
        ("span_end", INT),
        ("span_text", STR),
    ],
}
TABLES = tuple(COLUMNS)
SCHEMAS = {name: pa.schema(cols) for name, cols in COLUMNS.items()}
SOURCE_KINDS = ("named", "unnamed")

_DUCK_TYPES = {
    STR: "VARCHAR",
    INT: "BIGINT",
    FLOAT: "DOUBLE",
    BOOL: "BOOLEAN",
    DAY: "DATE",
    STRS: "VARCHAR[]",
    SPANS: "BIGINT[][]",
    pa.timestamp("us"): "TIMESTAMP",
    QUANTS: "STRUCT(low DOUBLE, high DOUBLE, what VARCHAR)[]",
}


class StoreError(RuntimeError):
    """The store cannot be opened or used as asked; the message says what to do."""


class StoreBusy(StoreError):
    """Another process held the file for longer than ``lock_timeout``."""


class QueryError(ValueError):
    """A query filter is invalid (unknown type, bad date…)."""


def _ddl(table: str) -> str:
    columns = ", ".join(f"{name} {_DUCK_TYPES[kind]}" for name, kind in COLUMNS[table])
    key = " PRIMARY KEY" if table == "articles" else ""
    columns = columns.replace("article_id VARCHAR", f"article_id VARCHAR{key}", 1)
    return f"CREATE TABLE IF NOT EXISTS {table} ({columns})"


def _is_lock_error(error: Exception) -> bool:
    message = str(error).lower()
    return "lock" in message or "different configuration" in message


class Store:
    """A newsgraph store in one DuckDB file; see the module docstring for the design."""

    def __init__(
        self, path: str | Path = DEFAULT_PATH, read_only: bool = False, lock_timeout: float = 60.0
    ) -> None:
        self.path = str(path)
        self.read_only = read_only
        self.lock_timeout = lock_timeout
        self.run = uuid.uuid4().hex  # marks rows this object wrote (see "Identity")
        if read_only and not Path(self.path).exists():
            raise StoreError(f"{self.path}: no such store; create it with `newsgraph ingest`")
        with self._connect(write=not read_only) as con:
            self._check_schema(con)

    def __repr__(self) -> str:
        return f"Store({self.path!r}, read_only={self.read_only})"

    # ---------------------------------------------------------------- connections

    @contextmanager
    def _connect(self, write: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        if write and self.read_only:
            raise StoreError(f"{self.path}: opened read-only; cannot write")
        con = self._open(write)
        try:
            yield con
        finally:
            con.close()

    def _open(self, write: bool) -> duckdb.DuckDBPyConnection:
        deadline, pause = time.monotonic() + self.lock_timeout, 0.02
        while True:
            try:
                con = duckdb.connect(self.path, read_only=not write)
                if write:
                    # Closing then costs no checkpoint: the WAL is durable already, and
                    # DuckDB folds it into the file once it passes 4 MB.
                    con.execute("PRAGMA disable_checkpoint_on_shutdown")
                    con.execute("SET checkpoint_threshold = '4MB'")
                return con
            except (duckdb.IOException, duckdb.ConnectionException) as error:
                if not _is_lock_error(error):
                    raise StoreError(f"{self.path}: cannot open: {error}") from error
                if time.monotonic() >= deadline:
                    raise StoreBusy(
                        f"{self.path}: still locked by another process after "
                        f"{self.lock_timeout:.0f} s; try again when it has finished"
                    ) from error
                time.sleep(pause * random.uniform(0.5, 1.5))  # jitter: no lockstep retries
                pause = min(pause * 2, 0.25)

    # ------------------------------------------------------------------- schema

    def _check_schema(self, con: duckdb.DuckDBPyConnection) -> None:
        tables = {
            row[0] for row in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()
        }
        if "meta" not in tables:
            if tables:
                raise StoreError(f"{self.path}: not a newsgraph store (it has other tables)")
            if self.read_only:
                raise StoreError(f"{self.path}: empty store; create it with `newsgraph ingest`")
            self._create(con)
            return
        version = int(
            con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
        )
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: written by a newer newsgraph (store schema {version}, this "
                f"newsgraph reads up to {SCHEMA_VERSION}); upgrade newsgraph to open it"
            )
        if version < SCHEMA_VERSION:
            self._migrate(con, version)

    def _create(self, con: duckdb.DuckDBPyConnection) -> None:
        con.begin()
        con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        for table in TABLES:
            con.execute(_ddl(table))
        self._set_meta(con, SCHEMA_VERSION)
        con.commit()

    def _set_meta(self, con: duckdb.DuckDBPyConnection, version: int) -> None:
        con.execute(
            "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?), ('newsgraph_version', ?)",
            [str(version), __version__],
        )

    def _migrate(self, con: duckdb.DuckDBPyConnection, version: int) -> None:
        missing = [v for v in range(version, SCHEMA_VERSION) if v not in MIGRATIONS]
        if missing:
            raise StoreError(
                f"{self.path}: store schema {version} is too old to migrate; re-ingest the "
                f"articles into a new file"
            )
        if self.read_only:
            raise StoreError(
                f"{self.path}: store schema {version} needs migrating to {SCHEMA_VERSION}; "
                f"open it once for writing (e.g. `newsgraph ingest` or newsgraph.open(path))"
            )
        con.begin()
        for step in range(version, SCHEMA_VERSION):
            MIGRATIONS[step](con)
        self._set_meta(con, SCHEMA_VERSION)
        con.commit()

    def schema_version(self) -> int:
        with self._connect() as con:
            return int(
                con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
            )

    # ------------------------------------------------------------------- writing

    def add(self, result: ArticleResult, source: str | None = None) -> str:
        """Store one result; return "ingested", "unchanged" or "replaced"."""
        return self.add_many([result], [source])[0]

    def add_many(self, results: Iterable[ArticleResult],
                 sources: Iterable[str | None] | None = None,
                 shards: str | Path | None = None) -> list[str]:
        """Store a batch in one transaction; return each result's status, in order.

        With `shards`, the new rows are also written as Parquet files there (see
        :mod:`newsgraph.shards`) before the transaction commits."""
        results = list(results)
        sources = list(sources) if sources is not None else [None] * len(results)
        rows: dict[str, list[dict[str, Any]]] = {table: [] for table in TABLES}
        statuses, doomed, seen = [], set(), set()
        with self._connect(write=True) as con:
            con.begin()
            try:
                stored = self._stored_matches(con, results, sources)
                for result, source in zip(results, sources, strict=True):
                    status, replaced = self._plan(result, source, stored, seen)
                    statuses.append(status)
                    doomed.update(replaced)
                    if status != "unchanged":
                        seen.add(result.article.id)
                        for table, table_rows in result_rows(result, source, self.run).items():
                            rows[table].extend(table_rows)
                self._delete(con, doomed - seen)
                self._insert(con, rows)
                if shards is not None:
                    write_parts(rows, Path(shards), self.run)
                con.commit()
            except BaseException:
                con.rollback()
                raise
        return statuses

    def _stored_matches(self, con: duckdb.DuckDBPyConnection, results: list[ArticleResult],
                        sources: list[str | None]) -> list[tuple[str, str | None, str | None, bool]]:
        """Stored articles sharing an id, url or source with the batch (one query)."""
        ids = [r.article.id for r in results]
        urls = [r.article.url for r in results if r.article.url]
        found = con.execute(
            "SELECT article_id, url, source, run = ? FROM articles WHERE list_contains(?, "
            "article_id) OR list_contains(?, url) OR list_contains(?, source)",
            [self.run, ids, urls, [s for s in sources if s]],
        ).fetchall()
        return [tuple(row) for row in found]

    @staticmethod
    def _plan(result: ArticleResult, source: str | None, stored: list[tuple],
              seen: set[str]) -> tuple[str, list[str]]:
        article = result.article
        if article.id in seen or any(row[0] == article.id for row in stored):
            return "unchanged", []
        by_source = source if source and "#" not in source and not article.url else None
        old = [
            row[0] for row in stored
            if not row[3] and ((article.url and row[1] == article.url)
                               or (by_source and row[1] is None and row[2] == by_source))
        ]
        return ("replaced" if old else "ingested"), old

    def _delete(self, con: duckdb.DuckDBPyConnection, ids: set[str]) -> None:
        if not ids:
            return
        for table in TABLES:
            con.execute(f"DELETE FROM {table} WHERE list_contains(?, article_id)", [sorted(ids)])

    def _insert(self, con: duckdb.DuckDBPyConnection, rows: dict[str, list[dict]]) -> None:
        for table, table_rows in rows.items():
            if not table_rows:
                continue
            arrow = pa.Table.from_pylist(table_rows, schema=SCHEMAS[table])
            con.register("_batch", arrow)
            con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _batch")
            con.unregister("_batch")

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of these article ids are already stored (to skip them before extracting)."""
        ids = sorted(set(ids))
        if not ids:
            return set()
        with self._connect() as con:
            found = con.execute(
                "SELECT article_id FROM articles WHERE list_contains(?, article_id)", [ids]
            ).fetchall()
        return {row[0] for row in found}

    # ------------------------------------------------------------------- reading

    def query(self, sql: str, params: list[Any] | None = None) -> pd.DataFrame:
        """Run read-only SQL against the store and return a DataFrame."""
        with self._connect() as con:
            return con.execute(sql, params or []).df()

    def events(
        self,
        actor: str | None = None,
        recipient: str | None = None,
        type: str | None = None,
        since: str | None = None,
        until: str | None = None,  # noqa: A002
        place: str | None = None,
        source_kind: str | None = None,
        limit: int | None = None,
    ) -> pd.DataFrame:
        """Events, filtered; ``actor``/``recipient`` take an ISO3 code or part of a name."""
        where = event_filters(actor, recipient, type, since, until, place, source_kind)
        return self._select("events", where, "event_date, article_id, trigger_start", limit)

    def statements(
        self,
        actor: str | None = None,
        since: str | None = None,
        until: str | None = None,
        source_kind: str | None = None,
        limit: int | None = None,
    ) -> pd.DataFrame:
        """Statements; ``actor`` matches the source by ISO3 code or part of its name."""
        where = Filters()
        if actor:
            where.add(
                "(source_country = ? OR contains(lower(source_name), ?))",
                [actor.upper(), actor.lower()],
            )
        where.dates(since, until, "published")
        where.source_kind(source_kind)
        return self._select("statements", where, "published, article_id, cue_start", limit)

    def actors(
        self,
        actor: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
    ) -> pd.DataFrame:
        """Actors across articles: one row per name/kind/country/sector, most cited first."""
        where = Filters()
        if actor:
            where.add("(country = ? OR contains(lower(name), ?))", [actor.upper(), actor.lower()])
        where.dates(since, until, "published")
        sql = (
            f"SELECT name, kind, country, sector, count(DISTINCT article_id) AS articles, "
            f"CAST(sum(n_mentions) AS BIGINT) AS mentions FROM actors {where.sql()} "
            f"GROUP BY ALL ORDER BY articles DESC, mentions DESC, name"
        )
        return self._limited(sql, where.params, limit)

    def places(
        self,
        place: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
    ) -> pd.DataFrame:
        """Places across articles: one row per place, most cited first."""
        where = Filters()
        where.contains("name", place)
        where.dates(since, until, "published")
        sql = (
            f"SELECT name, geonameid, country, lat, lon, count(DISTINCT article_id) AS "
            f"articles, CAST(sum(n_mentions) AS BIGINT) AS mentions FROM places {where.sql()} "
            f"GROUP BY ALL ORDER BY articles DESC, mentions DESC, name"
        )
        return self._limited(sql, where.params, limit)

    def articles(self, limit: int | None = None) -> pd.DataFrame:
        """Stored articles' metadata (no text), oldest first."""
        sql = (
            "SELECT article_id, published, outlet, title, url, source, n_events, "
            "n_statements, ingested_at FROM articles ORDER BY published, article_id"
        )
        return self._limited(sql, [], limit)

    def article(self, article_id: str) -> dict[str, Any]:
        """The stored ``newsgraph/article/1`` dict of one article; KeyError if absent."""
        with self._connect() as con:
            row = con.execute(
                "SELECT doc, text FROM articles WHERE article_id = ?", [article_id]
            ).fetchone()
        if row is None:
            raise KeyError(article_id)
        doc = json.loads(row[0])
        doc["article"]["text"] = row[1]
        return doc

    def stats(self) -> dict[str, int]:
        """Counts of articles, events, statements, distinct actors and places, quantities."""
        sql = """SELECT
            (SELECT count(*) FROM articles),
            (SELECT count(*) FROM events),
            (SELECT count(*) FROM statements),
            (SELECT count(*) FROM (SELECT DISTINCT lower(name), country FROM actors)),
            (SELECT count(*) FROM (SELECT DISTINCT coalesce(CAST(geonameid AS VARCHAR),
                                                            lower(name)) FROM places)),
            (SELECT count(*) FROM quantities)"""
        with self._connect() as con:
            counts = con.execute(sql).fetchone()
        keys = ("articles", "events", "statements", "actors", "places", "quantities")
        return dict(zip(keys, (int(c) for c in counts), strict=True))

    def table(self, name: str) -> pd.DataFrame:
        """A whole table, as stored (for exports)."""
        if name not in TABLES:
            raise QueryError(f"unknown table {name!r}; one of {', '.join(TABLES)}")
        return self.query(f"SELECT * FROM {name}")

    def rows(self, table: str, order: str = "article_id", chunk: int = 2048) -> Iterator[dict]:
        """A table's rows as dicts (lists stay lists), streamed in chunks for big stores."""
        if table not in TABLES:
            raise QueryError(f"unknown table {table!r}; one of {', '.join(TABLES)}")
        with self._connect() as con:
            cursor = con.execute(f"SELECT * FROM {table} ORDER BY {order}")
            names = [column[0] for column in cursor.description]
            while batch := cursor.fetchmany(chunk):
                yield from (dict(zip(names, row, strict=True)) for row in batch)

    @contextmanager
    def reading(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A short-lived read-only connection (for exports and custom SQL)."""
        with self._connect() as con:
            yield con

    def _select(self, table: str, where: Filters, order: str, limit: int | None) -> pd.DataFrame:
        return self._limited(
            f"SELECT * FROM {table} {where.sql()} ORDER BY {order}", where.params, limit
        )

    def _limited(self, sql: str, params: list[Any], limit: int | None) -> pd.DataFrame:
        if limit is not None:
            if limit < 0:
                raise QueryError("limit must be 0 or more")
            sql += f" LIMIT {int(limit)}"
        return self.query(sql, params)


def event_filters(actor: str | None = None, recipient: str | None = None,
                  type: str | None = None, since: str | None = None,  # noqa: A002
                  until: str | None = None, place: str | None = None,
                  source_kind: str | None = None) -> Filters:
    """The WHERE clause every event query shares (the CLI, the API and the web pages)."""
    where = Filters()
    where.party(actor, "actor")
    where.party(recipient, "recipient")
    where.types(type)
    where.dates(since, until, "event_date")
    where.contains("place_name", place)
    where.source_kind(source_kind)
    return where


class Filters:
    """WHERE clauses and their parameters, built from the query methods' arguments."""

    def __init__(self) -> None:
        self.clauses: list[str] = []
        self.params: list[Any] = []

    def add(self, clause: str, params: list[Any]) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return f"WHERE {' AND '.join(self.clauses)}" if self.clauses else ""

    def party(self, value: str | None, side: str) -> None:
        if value:
            self.add(
                f"(list_contains({side}_countries, ?) OR "
                f"contains(lower(array_to_string({side}_names, chr(31))), ?))",
                [value.upper(), value.lower()],
            )

    def types(self, value: str | None) -> None:
        if not value:
            return
        wanted = [t.strip().upper() for t in value.split(",") if t.strip()]
        unknown = [t for t in wanted if t not in PLOVER_TYPES]
        if unknown:
            raise QueryError(
                f"unknown PLOVER type {unknown[0]!r}; one of {', '.join(PLOVER_TYPES)}"
            )
        self.add("list_contains(?, type)", [wanted])

    def dates(self, since: str | None, until: str | None, column: str) -> None:
        if since:
            self.add(f"{column} >= ?", [parse_day(since, "since")])
        if until:
            self.add(f"{column} <= ?", [parse_day(until, "until")])

    def contains(self, column: str, value: str | None) -> None:
        if value:
            self.add(f"contains(lower({column}), ?)", [value.lower()])

    def source_kind(self, value: str | None) -> None:
        if not value:
            return
        if value not in SOURCE_KINDS:
            raise QueryError(f"source kind must be named or unnamed, not {value!r}")
        self.add("source_kind = ?", [value])


def parse_day(value: str, name: str = "date") -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise QueryError(f"bad --{name} date {value!r}; use YYYY-MM-DD") from error


# ---------------------------------------------------------------- rows of a result


def plain(value: Any) -> Any:
    """`ArticleResult.to_dict`'s shape without `dataclasses.asdict`'s deep copies."""
    kind = type(value)
    if kind in _SCALARS:  # most values: offsets, names, codes
        return value
    if kind is list or kind is tuple:
        return [item if type(item) in _SCALARS else plain(item) for item in value]
    names = _FIELDS.get(kind, _UNKNOWN)
    if names is _UNKNOWN:
        names = _FIELDS[kind] = [f.name for f in fields(value)] if is_dataclass(value) else None
    if names is not None:
        # Scalars are tested here rather than in a call: it halves the time of a result.
        return {name: item if type(item := getattr(value, name)) in _SCALARS else plain(item)
                for name in names}  # fmt: skip
    return value


_SCALARS = frozenset({str, int, float, bool, type(None)})
_UNKNOWN: Any = object()
_FIELDS: dict[type, list[str] | None] = {}


def result_rows(result: ArticleResult, source: str | None, run: str) -> dict[str, list[dict]]:
    """The rows one ArticleResult adds to each table."""
    doc = {"schema": SCHEMA, **plain(result)}
    article = doc["article"]
    published = _day(article["published"])
    text = article.pop("text")
    actors = {a["id"]: a for a in doc["actors"]}
    statements = {s["id"]: s for s in doc["statements"]}
    places = {p["id"]: p for p in doc["places"]}
    shared = {
        "article_id": article["id"],
        "published": published,
        "outlet": article["outlet"],
        "url": article["url"],
    }
    return {
        "articles": [
            {
                **shared,
                "title": article["title"],
                "language": article["language"],
                "source": source,
                "run": run,
                "ingested_at": datetime.now(UTC).replace(tzinfo=None),
                "n_events": len(doc["events"]),
                "n_statements": len(doc["statements"]),
                "text": text,
                "doc": json.dumps(doc, ensure_ascii=False),
            }
        ],
        "actors": [_actor_row(a, shared) for a in doc["actors"]],
        "statements": [_statement_row(s, actors, shared) for s in doc["statements"]],
        "events": [_event_row(e, actors, statements, places, text, shared) for e in doc["events"]],
        "places": [_place_row(p, shared) for p in doc["places"]],
        "quantities": [_quantity_row(i, q, shared) for i, q in enumerate(doc["quantities"])],
    }


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _actor_row(actor: dict, shared: dict) -> dict:
    return {
        "article_id": shared["article_id"],
        "published": shared["published"],
        "actor_id": actor["id"],
        "name": actor["name"],
        "kind": actor["kind"],
        "country": actor["country"],
        "sector": actor["sector"],
        "role": actor["role"],
        "mentions": actor["mentions"],
        "n_mentions": len(actor["mentions"]),
    }


def _source_kind(actor: dict | None) -> str | None:
    if actor is None:
        return None
    return "unnamed" if actor["kind"] == "unnamed" else "named"


def _statement_row(statement: dict, actors: dict, shared: dict) -> dict:
    source = actors.get(statement["source"])
    cue, content = statement["cue"], statement["content"]
    return {
        **shared,
        "statement_id": statement["id"],
        "source_id": statement["source"],
        "source_name": source and source["name"],
        "source_country": source and source["country"],
        "source_sector": source and source["sector"],
        "source_kind": _source_kind(source),
        "cue_start": cue[0],
        "cue_end": cue[1],
        "cue_text": cue[2],
        "content_start": content[0],
        "content_end": content[1],
        "content_text": content[2],
        "kind": statement["kind"],
        "via": statement["via"],
        "via_names": [actors[v]["name"] if v in actors else v for v in statement["via"]],
        "hedged": statement["hedged"],
        "hedge": statement["hedge"],
    }


def _side(ids: list[str], actors: dict, side: str) -> dict:
    found = [actors.get(i, {}) for i in ids]
    return {
        f"{side}_ids": ids,
        f"{side}_names": [a.get("name") for a in found],
        f"{side}_countries": [a.get("country") for a in found],
        f"{side}_sectors": [a.get("sector") for a in found],
    }


def _event_row(
    event: dict, actors: dict, statements: dict, places: dict, text: str, shared: dict
) -> dict:
    date_value = event["date"] or {}
    place = places.get(event["location"]) or {}
    statement = statements.get(event["statement"]) or {}
    source = actors.get(statement.get("source"))
    trigger = event["trigger"]
    return {
        **shared,
        **_side(event["actors"], actors, "actor"),
        **_side(event["recipients"], actors, "recipient"),
        "event_id": event["id"],
        "type": event["type"],
        "mode": event["mode"],
        "cameo": event["cameo"],
        "negated": event["negated"],
        "modality": event["modality"],
        "event_date": _day(date_value.get("value")) or shared["published"],
        "date_value": date_value.get("value"),
        "date_text": date_value.get("text"),
        "date_granularity": date_value.get("granularity"),
        "place_id": event["location"],
        "place_name": place.get("name"),
        "geonameid": place.get("geonameid"),
        "place_country": place.get("country"),
        "lat": place.get("lat"),
        "lon": place.get("lon"),
        "quantities": event["quantities"],
        "trigger_start": trigger[0],
        "trigger_end": trigger[1],
        "trigger_text": trigger[2],
        "evidence": sentence_around(text, trigger[0], trigger[1]),
        "statement_id": event["statement"],
        "source_id": statement.get("source"),
        "source_name": source and source["name"],
        "source_kind": _source_kind(source),
        "confidence": event["confidence"],
    }


def _place_row(place: dict, shared: dict) -> dict:
    return {
        "article_id": shared["article_id"],
        "published": shared["published"],
        "place_id": place["id"],
        "name": place["name"],
        "geonameid": place["geonameid"],
        "country": place["country"],
        "lat": place["lat"],
        "lon": place["lon"],
        "mentions": place["mentions"],
        "n_mentions": len(place["mentions"]),
    }


def _quantity_row(index: int, quantity: dict, shared: dict) -> dict:
    span = quantity["span"]
    return {
        "article_id": shared["article_id"],
        "quantity_id": index,
        "low": quantity["low"],
        "high": quantity["high"],
        "what": quantity["what"],
        "span_start": span[0],
        "span_end": span[1],
        "span_text": span[2],
    }


_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+|\n\s*\n")


def sentence_around(text: str, start: int, end: int, limit: int = 600) -> str:
    """The sentence holding a span (cheap punctuation split), as evidence for an event."""
    begin = window = max(start - 2 * limit, 0)  # no need to scan the article from its start
    for match in _SENTENCE_END.finditer(text, window, max(start, 0)):
        begin = match.end()
    after = _SENTENCE_END.search(text, max(end, start))
    stop = after.start() + 1 if after else len(text)
    sentence = " ".join(text[begin:stop].split())
    return sentence if len(sentence) <= limit else sentence[:limit].rsplit(" ", 1)[0] + " …"
