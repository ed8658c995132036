"""What the web app reads from the store: pages of items with totals, ready for JSON.

An adapter over `newsgraph.store.Store`'s public API. Every function takes a `Store`
and opens one short-lived read-only connection through ``store.reading()``, which
retries while ``newsgraph ingest`` holds the file; so the server never keeps the file
open and new articles show up on the next request.

Actors have no id across articles in the store (each article numbers its own), so the
web app names an actor by a short hash of its lower-cased name and country
(`actor_key`), which DuckDB can compute too (`ACTOR_KEY_SQL`).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from datetime import date, datetime
from typing import Any

from newsgraph.model import PLOVER_TYPES
from newsgraph.store import Filters, QueryError, Store
from newsgraph.store import event_filters as store_event_filters

ACTOR_KEY_SQL = "substr(md5(lower({name}) || '|' || coalesce({country}, '')), 1, 12)"

EVENT_COLUMNS = (
    "e.article_id, e.event_id, e.event_date, e.type, e.mode, e.cameo, e.actor_names, "
    "e.actor_countries, e.actor_sectors, e.recipient_names, e.recipient_countries, "
    "e.recipient_sectors, e.negated, e.modality, e.date_value, e.date_text, "
    "e.date_granularity, e.place_name, e.place_country, e.lat, e.lon, e.quantities, "
    "e.trigger_text, e.evidence, e.statement_id, e.source_name, e.source_kind, "
    "e.confidence, e.published, e.outlet, a.title"
)
STATEMENT_COLUMNS = (
    "s.article_id, s.statement_id, s.source_name, s.source_country, s.source_sector, "
    "s.source_kind, s.cue_text, s.content_text, s.kind, s.via_names, s.hedged, s.hedge, "
    "s.published, s.outlet, a.title"
)


def actor_key(name: str | None, country: str | None) -> str:
    """The web id of an actor: same name (any case) and country → same id."""
    raw = f"{(name or '').lower()}|{country or ''}"
    return hashlib.md5(raw.encode("utf-8")).hexdigest()[:12]


def _rows(con: Any, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cursor = con.execute(sql, params)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _page(store: Store, table: str, columns: str, where: Filters, order: str,
          limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
    sql = (f"FROM {table} LEFT JOIN (SELECT article_id, title FROM articles) a "
           f"USING (article_id) {where.sql()}")
    with store.reading() as con:
        total = con.execute(f"SELECT count(*) {sql}", where.params).fetchone()[0]
        rows = _rows(con, f"SELECT {columns} {sql} ORDER BY {order} LIMIT ? OFFSET ?",
                     [*where.params, limit, offset])
    return rows, int(total)


# -------------------------------------------------------------------- events


def event_filters(actor: str | None = None, recipient: str | None = None,
                  type: str | None = None, since: str | None = None,  # noqa: A002
                  until: str | None = None, place: str | None = None, q: str | None = None,
                  source_kind: str | None = None, actor_id: str | None = None) -> Filters:
    """The WHERE clause of an event query; raises QueryError for a bad value."""
    where = store_event_filters(actor, recipient, type, since, until, place, source_kind)
    if q:
        where.add("(contains(lower(evidence), ?) OR contains(lower(trigger_text), ?))",
                  [q.lower(), q.lower()])
    if actor_id:
        key = ACTOR_KEY_SQL.format(name="n.name", country="n.country")
        where.add(
            f"(SELECT count(*) FROM (SELECT unnest(actor_names || recipient_names) AS name, "
            f"unnest(actor_countries || recipient_countries) AS country) n "
            f"WHERE {key} = ?) > 0", [actor_id])
    return where


def events(store: Store, where: Filters, limit: int = 50, offset: int = 0,
           newest_first: bool = False) -> tuple[list[dict[str, Any]], int]:
    order = ("e.event_date DESC NULLS LAST, e.published DESC NULLS LAST" if newest_first
             else "e.event_date NULLS LAST, e.article_id")
    rows, total = _page(store, "events e", EVENT_COLUMNS, where,
                        f"{order}, e.article_id, e.trigger_start", limit, offset)
    return [event_item(row) for row in rows], total


def _parties(names: list, countries: list, sectors: list) -> list[dict[str, Any]]:
    return [
        {"id": actor_key(n, c), "name": n, "country": c, "sector": s}
        for n, c, s in zip(names or [], countries or [], sectors or [], strict=False)
    ]


def event_item(row: dict[str, Any]) -> dict[str, Any]:
    """One event row as the API shows it: parties and place as small objects."""
    return {
        "article_id": row["article_id"],
        "event_id": row["event_id"],
        "type": row["type"],
        "mode": row["mode"],
        "cameo": row["cameo"],
        "date": row["event_date"],
        "date_text": row["date_text"],
        "date_granularity": row["date_granularity"],
        "actors": _parties(row["actor_names"], row["actor_countries"], row["actor_sectors"]),
        "recipients": _parties(row["recipient_names"], row["recipient_countries"],
                               row["recipient_sectors"]),
        "negated": row["negated"],
        "modality": row["modality"],
        "place": ({"name": row["place_name"], "country": row["place_country"],
                   "lat": row["lat"], "lon": row["lon"]} if row["place_name"] else None),
        "quantities": row["quantities"] or [],
        "trigger": row["trigger_text"],
        "evidence": row["evidence"],
        "statement_id": row["statement_id"],
        "source": row["source_name"],
        "source_kind": row["source_kind"],
        "confidence": row["confidence"],
        "published": row["published"],
        "outlet": row["outlet"],
        "title": row["title"],
    }


# ---------------------------------------------------------------- statements


def statement_filters(source: str | None = None, source_kind: str | None = None,
                      hedged: bool | None = None, source_id: str | None = None) -> Filters:
    where = Filters()
    if source:
        where.add("(source_country = ? OR contains(lower(source_name), ?))",
                  [source.upper(), source.lower()])
    where.source_kind(source_kind)
    if hedged is not None:
        where.add("hedged = ?", [hedged])
    if source_id:
        key = ACTOR_KEY_SQL.format(name="source_name", country="source_country")
        where.add(f"{key} = ?", [source_id])
    return where


def statements(store: Store, where: Filters, limit: int = 50,
               offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    rows, total = _page(store, "statements s", STATEMENT_COLUMNS, where,
                        "s.published NULLS LAST, s.article_id, s.cue_start", limit, offset)
    for row in rows:
        row["source_id"] = actor_key(row["source_name"], row["source_country"]) \
            if row["source_name"] else None
    return rows, total


# -------------------------------------------------------------------- actors


def _actor_sql(where: str) -> str:
    key = ACTOR_KEY_SQL.format(name="name", country="country")
    event_key = ACTOR_KEY_SQL.format(name="n", country="country")
    return (
        f"WITH acts AS (SELECT {key} AS id, name, kind, country, sector, article_id, "
        f"n_mentions FROM actors), per AS (SELECT id, arg_max(name, n_mentions) AS name, "
        f"mode(kind) AS kind, any_value(country) AS country, mode(sector) AS sector, "
        f"count(DISTINCT article_id) AS articles, CAST(sum(n_mentions) AS BIGINT) AS "
        f"mentions FROM acts GROUP BY id), ev AS (SELECT {event_key} AS id, "
        f"count(*) AS events FROM (SELECT unnest(actor_names || recipient_names) AS n, "
        f"unnest(actor_countries || recipient_countries) AS country FROM events) GROUP BY 1) "
        f"SELECT per.*, coalesce(ev.events, 0) AS events FROM per LEFT JOIN ev USING (id) {where}"
    )


def actors(store: Store, name: str | None = None, limit: int = 50,
           offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """Actors across articles, most active (in events) first."""
    where, params = "", []
    if name:
        where, params = "WHERE country = ? OR contains(lower(name), ?)", [name.upper(), name.lower()]
    sql = _actor_sql(where)
    with store.reading() as con:
        total = con.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]
        rows = _rows(con, f"{sql} ORDER BY events DESC, articles DESC, mentions DESC, name "
                          f"LIMIT ? OFFSET ?", [*params, limit, offset])
    return rows, int(total)


def actor(store: Store, actor_id: str) -> dict[str, Any] | None:
    with store.reading() as con:
        rows = _rows(con, _actor_sql("WHERE id = ?"), [actor_id])
    return rows[0] if rows else None


def neighbours(store: Store, actor_id: str, limit: int = 20) -> list[dict[str, Any]]:
    """Actors on the other side of this actor's events, with how often and how."""
    where = event_filters(actor_id=actor_id)
    with store.reading() as con:
        rows = _rows(con, f"SELECT type, actor_names, actor_countries, recipient_names, "
                          f"recipient_countries FROM events {where.sql()}", where.params)
    counts: Counter[tuple[str, str | None]] = Counter()
    types: dict[tuple[str, str | None], Counter[str]] = {}
    for row in rows:
        sides = (list(zip(row["actor_names"], row["actor_countries"], strict=False)),
                 list(zip(row["recipient_names"], row["recipient_countries"], strict=False)))
        mine = [i for i, side in enumerate(sides)
                if any(actor_key(n, c) == actor_id for n, c in side)]
        for other in {1 - i for i in mine}:
            for name, country in sides[other]:
                if name and actor_key(name, country) != actor_id:
                    counts[(name, country)] += 1
                    types.setdefault((name, country), Counter())[row["type"]] += 1
    return [
        {"id": actor_key(n, c), "name": n, "country": c, "events": k,
         "types": [t for t, _ in types[(n, c)].most_common()]}
        for (n, c), k in counts.most_common(limit)
    ]


# -------------------------------------------------------------------- places


def places(store: Store, name: str | None = None, limit: int = 100,
           offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """Places across articles with their event counts, most eventful first."""
    where, params = "", []
    if name:
        where, params = "WHERE contains(lower(p.name), ?)", [name.lower()]
    sql = (
        "WITH p AS (SELECT coalesce(CAST(geonameid AS VARCHAR), lower(name)) AS k, "
        "any_value(name) AS name, any_value(geonameid) AS geonameid, any_value(country) AS "
        "country, avg(lat) AS lat, avg(lon) AS lon, count(DISTINCT article_id) AS articles, "
        "CAST(sum(n_mentions) AS BIGINT) AS mentions FROM places GROUP BY 1), "
        "e AS (SELECT coalesce(CAST(geonameid AS VARCHAR), lower(place_name)) AS k, "
        "count(*) AS events FROM events WHERE place_name IS NOT NULL GROUP BY 1) "
        f"SELECT p.name, p.geonameid, p.country, p.lat, p.lon, p.articles, p.mentions, "
        f"coalesce(e.events, 0) AS events FROM p LEFT JOIN e USING (k) {where}"
    )
    with store.reading() as con:
        total = con.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]
        rows = _rows(con, f"{sql} ORDER BY events DESC, articles DESC, name LIMIT ? OFFSET ?",
                     [*params, limit, offset])
    return rows, int(total)


# ------------------------------------------------------------------ articles


def articles(store: Store, limit: int = 50, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """Stored articles' metadata, newest first."""
    with store.reading() as con:
        total = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        rows = _rows(con, "SELECT article_id, title, outlet, url, published, n_events, "
                          "n_statements, ingested_at FROM articles ORDER BY published DESC "
                          "NULLS LAST, ingested_at DESC, article_id LIMIT ? OFFSET ?",
                     [limit, offset])
    return rows, int(total)


def stats(store: Store) -> dict[str, int]:
    return store.stats()


# ------------------------------------------------------------ network, timeline


def network(store: Store, where: Filters, limit: int = 2000) -> dict[str, Any]:
    """Actors as nodes and actor→recipient pairs as edges, one edge per pair and type."""
    with store.reading() as con:
        rows = _rows(con, f"SELECT type, actor_names, actor_countries, recipient_names, "
                          f"recipient_countries FROM events {where.sql()} LIMIT ?",
                     [*where.params, limit])
    nodes: dict[str, dict[str, Any]] = {}
    edges: Counter[tuple[str, str, str]] = Counter()
    for row in rows:
        for name, country in zip(row["actor_names"], row["actor_countries"], strict=False):
            for other, other_country in zip(row["recipient_names"], row["recipient_countries"],
                                            strict=False):
                if not name or not other:
                    continue
                a, b = actor_key(name, country), actor_key(other, other_country)
                for key, n, c in ((a, name, country), (b, other, other_country)):
                    node = nodes.setdefault(key, {"id": key, "name": n, "country": c,
                                                  "events": 0})
                    node["events"] += 1
                if a != b:
                    edges[(a, b, row["type"])] += 1
    return {
        "nodes": sorted(nodes.values(), key=lambda n: -n["events"]),
        "edges": [{"source": a, "target": b, "type": t, "count": k}
                  for (a, b, t), k in edges.most_common()],
    }


def timeline(store: Store, where: Filters) -> dict[str, Any]:
    """Event counts per period and PLOVER type; months, or days for a short span."""
    where.add("event_date IS NOT NULL", [])
    with store.reading() as con:
        rows = con.execute(f"SELECT event_date, type FROM events {where.sql()}",
                           where.params).fetchall()
    days = [_as_date(d) for d, _ in rows]
    if not days:
        return {"unit": "month", "periods": [], "types": []}
    unit = "day" if (max(days) - min(days)).days <= 45 else "month"
    counts: dict[str, Counter[str]] = {}
    for day, (_, kind) in zip(days, rows, strict=True):
        period = day.isoformat() if unit == "day" else day.isoformat()[:7]
        counts.setdefault(period, Counter())[kind] += 1
    present = {kind for _, kind in rows}
    return {
        "unit": unit,
        "types": [t for t in PLOVER_TYPES if t in present],
        "periods": [{"period": p, "counts": dict(counts.get(p, {}))}
                    for p in _every_period(min(days), max(days), unit)],
    }


def _every_period(first: date, last: date, unit: str) -> list[str]:
    """Each day or month from first to last, so empty periods show as gaps."""
    if unit == "day":
        return [date.fromordinal(n).isoformat()
                for n in range(first.toordinal(), last.toordinal() + 1)]
    months = range(first.year * 12 + first.month - 1, last.year * 12 + last.month)
    return [f"{m // 12:04d}-{m % 12 + 1:02d}" for m in months]


def _as_date(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def check_type(value: str | None) -> None:
    """Raise QueryError for an unknown PLOVER type, before any query runs."""
    Filters().types(value)


__all__ = ["QueryError", "actor_key"]
