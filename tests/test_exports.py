"""Exports parse back with their ecosystem's tools; the query CLI prints what is stored."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd
import pytest
from test_store import sample_result  # a sibling test module: pytest puts tests/ on sys.path
from typer.testing import CliRunner

from newsgraph.cli import _register_all, app
from newsgraph.exports import GDELT_COLUMNS, ExportError, export, quad_class
from newsgraph.store import TABLES, Store


@pytest.fixture
def db(tmp_path: Path) -> Store:
    store = Store(tmp_path / "x.duckdb")
    store.add(sample_result())
    return store


def test_parquet_folder_has_every_table(db: Store, tmp_path: Path) -> None:
    out = export(db, "parquet", tmp_path / "pq")
    events = pd.read_parquet(out / "events.parquet")
    assert sorted(p.stem for p in out.iterdir()) == sorted(TABLES)
    assert sorted(events["type"]) == ["AID", "ASSAULT"]
    assert list(events.loc[events["type"] == "AID", "actor_names"].iloc[0]) == ["France"]


def test_csv_folder_keeps_lists_as_json(db: Store, tmp_path: Path) -> None:
    out = export(db, "csv", tmp_path / "csv")
    events = pd.read_csv(out / "events.csv")
    aid = events[events["type"] == "AID"].iloc[0]
    assert json.loads(aid["recipient_countries"]) == ["MLI"]
    assert len(pd.read_csv(out / "actors.csv")) == 5


def test_plover_json_lines_use_plover_field_names(db: Store, tmp_path: Path) -> None:
    out = export(db, "plover-json", tmp_path / "events.jsonl")
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assault = next(r for r in records if r["event"] == ["ASSAULT"])
    assert assault["mode"] == ["firearms"]
    assert assault["event_loc"]["geonameid"] == 2457163
    assert assault["actor"] == [{"sector": "MIL", "entity_text": "soldiers"}]
    assert assault["size"] == {"killed": 12}
    assert assault["newsgraph"]["source_kind"] == "unnamed"
    aid = next(r for r in records if r["event"] == ["AID"])
    assert aid["date"] == "2024-05-06"
    assert aid["recipient"] == [{"code": "MLI", "entity_text": "Mali"}]
    assert aid["cite_info"]["url"] == "https://news.example/aid"


def test_gdelt_tsv_has_a_header_and_cameo_codes(db: Store, tmp_path: Path) -> None:
    out = export(db, "gdelt-tsv", tmp_path / "events.tsv")
    with out.open(newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert list(rows[0]) == list(GDELT_COLUMNS)
    aid = next(r for r in rows if r["PLOVERType"] == "AID")
    assert (aid["EventCode"], aid["EventRootCode"], aid["QuadClass"]) == ("073", "07", "2")
    assert (aid["Actor1CountryCode"], aid["Actor2Code"], aid["SQLDATE"]) == (
        "FRA", "MLI", "20240506")
    assault = next(r for r in rows if r["PLOVERType"] == "ASSAULT")
    assert (assault["ActionGeo_FullName"], assault["ActionGeo_FeatureID"]) == ("Gao", "2457163")


def test_quad_classes_follow_cameo_roots() -> None:
    assert [quad_class(c) for c in ("010", "073", "112", "190", None)] == ["1", "2", "3", "4", ""]


def test_graphml_reads_back_in_networkx(db: Store, tmp_path: Path) -> None:
    import networkx as nx

    graph = nx.read_graphml(export(db, "graphml", tmp_path / "g.graphml"))
    edges = list(graph.edges(data=True))
    assert [(graph.nodes[a]["label"], graph.nodes[b]["label"], d["type"])
            for a, b, d in edges] == [("France", "Mali", "AID")]
    assert graph.number_of_nodes() == 5  # every actor, even without an edge


def test_geojson_has_points_for_located_events(db: Store, tmp_path: Path) -> None:
    collection = json.loads(export(db, "geojson", tmp_path / "e.geojson").read_text())
    [feature] = collection["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [-0.04, 16.27]}
    assert feature["properties"]["type"] == "ASSAULT"


def test_unknown_format_is_a_clear_error(db: Store, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="unknown export format 'xlsx'; one of parquet"):
        export(db, "xlsx", tmp_path / "out")


@pytest.fixture
def cli() -> CliRunner:
    if not app.registered_commands:
        _register_all()
    return CliRunner()


def test_cli_events_json_and_stats(cli: CliRunner, db: Store) -> None:
    result = cli.invoke(app, ["events", "--db", db.path, "--type", "AID", "--format", "json"])
    assert result.exit_code == 0
    [event] = json.loads(result.stdout)
    assert (event["type"], event["event_date"], event["actor_names"]) == (
        "AID", "2024-05-06", ["France"])
    stats = json.loads(cli.invoke(app, ["stats", "--db", db.path, "--json"]).stdout)
    assert {k: stats[k] for k in ("articles", "events", "statements", "actors", "places")} == {
        "articles": 1, "events": 2, "statements": 2, "actors": 5, "places": 1}


def test_cli_csv_and_table_formats(cli: CliRunner, db: Store) -> None:
    as_csv = cli.invoke(app, ["statements", "--db", db.path, "--format", "csv"]).stdout
    assert [r["source_name"] for r in csv.DictReader(as_csv.splitlines())] == [
        "Claire Dubois", "officials"]
    table = cli.invoke(app, ["actors", "--db", db.path, "--actor", "MLI", "--format", "table"])
    assert table.exit_code == 0 and "Mali" in table.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["events", "--db", "missing.duckdb"], "no such store"),
        (["events", "--since", "yesterday"], "bad --since date"),
        (["events", "--type", "BOMB"], "unknown PLOVER type"),
        (["places", "--actor", "FRA"], "--actor does not apply to places"),
        (["export", "--format", "xlsx", "out"], "unknown export format"),
    ],
)
def test_cli_user_errors_are_one_line_exit_2(cli: CliRunner, db: Store, args: list[str],
                                             message: str) -> None:
    if "--db" not in args:
        args = [*args, "--db", db.path]
    result = cli.invoke(app, args)
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output


def test_cli_export_writes_the_format(cli: CliRunner, db: Store, tmp_path: Path) -> None:
    out = tmp_path / "g.geojson"
    result = cli.invoke(app, ["export", "--db", db.path, "--format", "geojson", str(out)])
    assert result.exit_code == 0 and json.loads(out.read_text())["type"] == "FeatureCollection"
