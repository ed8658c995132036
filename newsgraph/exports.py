"""Exports of a store, each in its ecosystem's conventions.

=============== ======= =============================================================
format          OUT     what
=============== ======= =============================================================
``parquet``     folder  one ``<table>.parquet`` per store table, types kept
``csv``         folder  one ``<table>.csv`` per table; list columns as JSON text
``plover-json`` file    one PLOVER event record per line (JSONL), field names from the
                        PLOVER data-exchange format: ``id``, ``date``, ``actor`` and
                        ``recipient`` (entity objects with ``code``, ``sector``,
                        ``entity_text``), ``event``, ``mode``, ``event_loc`` (with
                        ``geonameid``), ``event_text``, ``text_info``, ``cite_info``;
                        newsgraph's own additions sit under ``newsgraph``
``gdelt-tsv``   file    a GDELT-1.0-like event table with CAMEO ``EventCode``; one row
                        per event with its first actor and first recipient
``graphml``     file    actors as nodes, events as directed edges actor → recipient
                        with the PLOVER ``type`` (events without a recipient have no
                        edge); for Gephi or networkx
``geojson``     file    events that have a located place, as Point features (QGIS)
=============== ======= =============================================================
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from newsgraph import __version__
from newsgraph.store import TABLES, Store

EVENT_ORDER = "event_date, article_id, trigger_start"


class ExportError(ValueError):
    """The export cannot be written as asked; the message says why."""


def export(store: Store, format: str, out: str | Path) -> Path:  # noqa: A002
    """Write the store to `out` in `format`; return the path written."""
    if format not in EXPORTERS:
        raise ExportError(f"unknown export format {format!r}; one of {', '.join(EXPORTERS)}")
    out = Path(out)
    folder = format in {"parquet", "csv"}
    if folder and out.exists() and not out.is_dir():
        raise ExportError(f"{out}: exists and is not a folder; {format} export writes a folder")
    if not folder and out.is_dir():
        raise ExportError(f"{out}: is a folder; {format} export writes one file")
    (out if folder else out.parent).mkdir(parents=True, exist_ok=True)
    EXPORTERS[format](store, out)
    return out


# ------------------------------------------------------------------------- tables


def _parquet(store: Store, out: Path) -> None:
    with store.reading() as con:
        for table in TABLES:
            target = str(out / f"{table}.parquet").replace("'", "''")
            con.execute(f"COPY {table} TO '{target}' (FORMAT parquet)")


def _csv(store: Store, out: Path) -> None:
    with store.reading() as con:
        for table in TABLES:
            columns = con.execute(f"DESCRIBE {table}").fetchall()
            select = ", ".join(
                f"to_json({name}) AS {name}" if kind.endswith("[]") else name
                for name, kind, *_ in columns
            )
            target = str(out / f"{table}.csv").replace("'", "''")
            con.execute(f"COPY (SELECT {select} FROM {table}) TO '{target}' (HEADER, DELIMITER ',')")


# ------------------------------------------------------------------------- PLOVER


def _entities(row: dict, side: str) -> list[dict[str, Any]]:
    names, countries, sectors = (row[f"{side}_{k}"] or [] for k in ("names", "countries", "sectors"))
    return [_drop_none({"code": country, "sector": sector, "entity_text": name})
            for name, country, sector in zip(names, countries, sectors, strict=False)]


def plover_record(row: dict) -> dict[str, Any]:
    """One events-table row as a PLOVER event record."""
    location = None
    if row["place_name"]:
        location = _drop_none({
            "extracted_place": row["place_name"], "resolved_place": row["place_name"],
            "geonameid": row["geonameid"], "lat": row["lat"], "lon": row["lon"],
            "country_code": row["place_country"],
        })
    size = {q["what"]: q["high"] if q["high"] is not None else q["low"]
            for q in row["quantities"] or [] if q["what"]}
    return _drop_none({
        "id": f"{row['article_id']}-{row['event_id']}",
        "has_event": not row["negated"],
        "date": _iso(row["event_date"]),
        "actor": _entities(row, "actor"),
        "recipient": _entities(row, "recipient"),
        "event": [row["type"]],
        "mode": [row["mode"]] if row["mode"] else [],
        "context": [],
        "event_loc": location,
        "event_text": [row["evidence"]],
        "size": size or None,
        "text_info": {"start": row["trigger_start"], "end": row["trigger_end"],
                      "trigger": row["trigger_text"]},
        "cite_info": _drop_none({
            "url": row["url"], "publication": row["outlet"], "language": "en",
            "coder": f"newsgraph {__version__}", "codebook": "plover",
        }),
        "coder": "newsgraph",
        "newsgraph": _drop_none({
            "article_id": row["article_id"], "cameo": row["cameo"],
            "modality": row["modality"], "negated": row["negated"],
            "confidence": row["confidence"], "date_text": row["date_text"],
            "source": row["source_name"], "source_kind": row["source_kind"],
        }),
    })


def _plover_json(store: Store, out: Path) -> None:
    with out.open("w", encoding="utf-8") as handle:
        for row in store.rows("events", EVENT_ORDER):
            handle.write(json.dumps(plover_record(row), ensure_ascii=False) + "\n")


# -------------------------------------------------------------------------- GDELT

GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "NumMentions", "NumSources", "NumArticles",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat",
    "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL",
    "PLOVERType",
)


def quad_class(cameo: str | None) -> str:
    """CAMEO's four quad classes by root code: verbal/material cooperation/conflict."""
    if not cameo or not cameo[:2].isdigit():
        return ""
    root = int(cameo[:2])
    return "1" if root <= 5 else "2" if root <= 9 else "3" if root <= 14 else "4"


def _first(values: list | None) -> Any:
    return values[0] if values else None


def _actor_columns(row: dict, side: str) -> list[str]:
    country, sector = _first(row[f"{side}_countries"]), _first(row[f"{side}_sectors"])
    return [f"{country or ''}{sector or ''}", _first(row[f"{side}_names"]) or "",
            country or "", sector or ""]


def gdelt_row(row: dict) -> list[str]:
    """One events-table row as GDELT-like columns (`GDELT_COLUMNS`)."""
    day: date | None = row["event_date"]
    cameo = row["cameo"] or ""
    located = row["lat"] is not None and row["lon"] is not None
    return [
        f"{row['article_id']}-{row['event_id']}",
        day.strftime("%Y%m%d") if day else "", day.strftime("%Y%m") if day else "",
        str(day.year) if day else "",
        f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else "",
        *_actor_columns(row, "actor"), *_actor_columns(row, "recipient"),
        "1", cameo, cameo[:3], cameo[:2], quad_class(cameo), "1", "1", "1",
        "4" if located else "0", row["place_name"] or "", row["place_country"] or "",
        _num(row["lat"]), _num(row["lon"]), _num(row["geonameid"]),
        datetime.now().strftime("%Y%m%d"), row["url"] or "", row["type"],
    ]


def _gdelt_tsv(store: Store, out: Path) -> None:
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n",
                            quoting=csv.QUOTE_MINIMAL)
        writer.writerow(GDELT_COLUMNS)
        for row in store.rows("events", EVENT_ORDER):
            writer.writerow(gdelt_row(row))


# -------------------------------------------------------------------------- graph


def _node_key(name: str | None, country: str | None) -> str:
    return f"{(name or '?').strip().lower()}|{country or ''}"


def build_graph(store: Store) -> Any:
    """A networkx MultiDiGraph: actors (merged by name and country) and event edges."""
    import networkx as nx

    graph = nx.MultiDiGraph(name="newsgraph")
    for actor in store.rows("actors"):
        key = _node_key(actor["name"], actor["country"])
        if key not in graph:
            graph.add_node(key, label=actor["name"], kind=actor["kind"],
                           country=actor["country"] or "", sector=actor["sector"] or "",
                           mentions=0)
        graph.nodes[key]["mentions"] += actor["n_mentions"]
    for row in store.rows("events", EVENT_ORDER):
        sources = zip(row["actor_names"] or [], row["actor_countries"] or [], strict=False)
        for name, country in sources:
            targets = zip(row["recipient_names"] or [], row["recipient_countries"] or [],
                          strict=False)
            for target, target_country in targets:
                graph.add_edge(_node_key(name, country), _node_key(target, target_country),
                               **_edge(row))
    return graph


def _edge(row: dict) -> dict[str, Any]:
    return {"type": row["type"], "mode": row["mode"] or "", "cameo": row["cameo"] or "",
            "date": _iso(row["event_date"]) or "", "negated": bool(row["negated"]),
            "modality": row["modality"], "confidence": float(row["confidence"]),
            "article_id": row["article_id"], "event_id": row["event_id"],
            "trigger": row["trigger_text"], "place": row["place_name"] or ""}


def _graphml(store: Store, out: Path) -> None:
    import networkx as nx

    graph = build_graph(store)
    for key in graph.nodes:  # GraphML has no null: nodes seen only in events get defaults
        graph.nodes[key].setdefault("label", key.split("|")[0])
        for field in ("kind", "country", "sector"):
            graph.nodes[key].setdefault(field, "")
        graph.nodes[key].setdefault("mentions", 0)
    nx.write_graphml(graph, out)


# ------------------------------------------------------------------------ GeoJSON


def _geojson(store: Store, out: Path) -> None:
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
            "properties": {
                "id": f"{row['article_id']}-{row['event_id']}", "type": row["type"],
                "mode": row["mode"], "cameo": row["cameo"], "date": _iso(row["event_date"]),
                "actors": "; ".join(n or "?" for n in row["actor_names"] or []),
                "recipients": "; ".join(n or "?" for n in row["recipient_names"] or []),
                "place": row["place_name"], "geonameid": row["geonameid"],
                "negated": row["negated"], "trigger": row["trigger_text"],
                "evidence": row["evidence"], "source": row["source_name"],
                "outlet": row["outlet"], "url": row["url"],
            },
        }
        for row in store.rows("events", EVENT_ORDER)
        if row["lat"] is not None and row["lon"] is not None
    ]
    collection = {"type": "FeatureCollection", "features": features}
    out.write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")


# ------------------------------------------------------------------------ helpers


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _num(value: Any) -> str:
    return "" if value is None else str(value)


def _drop_none(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None}


EXPORTERS: dict[str, Callable[[Store, Path], None]] = {
    "parquet": _parquet,
    "csv": _csv,
    "plover-json": _plover_json,
    "gdelt-tsv": _gdelt_tsv,
    "graphml": _graphml,
    "geojson": _geojson,
}
FORMATS = tuple(EXPORTERS)


def iter_plover(store: Store) -> Iterator[dict[str, Any]]:
    """PLOVER records of every event, for callers that want them in memory."""
    return (plover_record(row) for row in store.rows("events", EVENT_ORDER))
