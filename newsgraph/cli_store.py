"""`newsgraph ingest`, the query commands (`events`, `statements`, `actors`, `places`),
`stats` and `export`."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

err = Console(stderr=True, highlight=False)

DbOption = Annotated[str, typer.Option("--db", help="The store file (DuckDB).")]
DEFAULT_DB = "newsgraph.duckdb"


class OutFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print one clear line on stderr; return the Exit to raise."""
    err.print(f"[bold red]newsgraph:[/] {escape(message)}", soft_wrap=True, markup=True)
    return typer.Exit(code)


def _open(db: str, read_only: bool = True) -> Any:
    from newsgraph.store import Store, StoreError

    try:
        return Store(db, read_only=read_only)
    except StoreError as error:
        raise fail(str(error), 2) from None


# ------------------------------------------------------------------------- ingest


def ingest_command(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (walked recursively) or http(s) URLs.")],
    db: DbOption = DEFAULT_DB,
    published: Annotated[str | None, typer.Option(help="Publication date for every article, YYYY-MM-DD.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet for every article.")] = None,
    workers: Annotated[int | None, typer.Option(help="Extraction processes (default: every core).")] = None,
    engine: Annotated[str, typer.Option(help="Extraction engine: local or ray.")] = "local",
    address: Annotated[str | None, typer.Option(help="Ray cluster to join (--engine ray): ray://host:port or auto.")] = None,
    text_column: Annotated[str, typer.Option(help="CSV column with the text.")] = "text",
    title_column: Annotated[str, typer.Option(help="CSV column with the title.")] = "title",
    date_column: Annotated[str, typer.Option(help="CSV column with the date.")] = "published",
    outlet_column: Annotated[str, typer.Option(help="CSV column with the outlet.")] = "outlet",
    url_column: Annotated[str, typer.Option(help="CSV column with the url.")] = "url",
    progress: Annotated[bool, typer.Option(help="Show a progress bar on a terminal.")] = True,
    shards: Annotated[str | None, typer.Option(help="Also write each stored batch as Parquet files in this folder (DIR/<table>/part-*.parquet).")] = None,
) -> None:
    """Extract articles into the store; re-running adds only what is new."""
    from newsgraph.ingest import IngestError, ingest
    from newsgraph.ray_engine import with_address
    from newsgraph.reader import CsvColumns, InputError, Overrides, normalize_date
    from newsgraph.store import StoreError

    try:
        published = normalize_date(published, "--published")
        report = ingest(
            paths, db=db, overrides=Overrides(published=published, outlet=outlet),
            workers=workers, engine=with_address(engine, workers, address), progress=progress,
            csv_columns=CsvColumns(text_column, title_column, date_column, outlet_column,
                                   url_column), shards=shards,
        )
    except (InputError, IngestError) as error:
        raise fail(str(error), 2) from None
    except StoreError as error:
        raise fail(str(error), 2) from None
    if not (report.ingested or report.replaced or report.unchanged or report.failed):
        raise fail(f"no readable inputs in {' '.join(paths)} (.txt .html .json .jsonl .csv, "
                   f"feeds or URLs)", 1)
    for source, reason in report.failed:
        err.print(f"[red]failed[/] {source}: {reason}", soft_wrap=True, markup=True,
                  highlight=False)
    rate = report.extracted / report.seconds if report.seconds else 0.0
    err.print(f"{report.ingested} ingested, {report.replaced} replaced, {report.unchanged} "
              f"unchanged, {len(report.failed)} failed in {report.seconds:.1f} s "
              f"({rate:.1f} articles/s) → {db}")
    if report.failed:
        raise typer.Exit(1)


# ------------------------------------------------------------------------ queries

# Columns the table view shows, per command; csv/json give every column.
VIEW = {
    "events": ["event_date", "type", "mode", "actor_names", "recipient_names", "place_name",
               "source_name", "trigger_text", "modality", "article_id"],
    "statements": ["published", "source_name", "kind", "content_text", "hedge", "article_id"],
    "actors": ["name", "kind", "country", "sector", "articles", "mentions"],
    "places": ["name", "country", "lat", "lon", "geonameid", "articles", "mentions"],
}
FILTERS = {
    "events": {"actor", "recipient", "type", "since", "until", "place", "source_kind"},
    "statements": {"actor", "since", "until", "source_kind"},
    "actors": {"actor", "since", "until"},
    "places": {"place", "since", "until"},
}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)) or hasattr(value, "tolist"):
        items = value.tolist() if hasattr(value, "tolist") else value
        if isinstance(items, list):
            return ", ".join("?" if v is None else str(v) for v in items)
    text = str(value)
    if text.endswith(" 00:00:00"):  # DATE columns arrive as midnight timestamps
        text = text[:-9]
    return "" if text in {"nan", "NaT", "None", "<NA>"} else text


def _csv_cell(value: Any) -> str:
    """Lists as JSON (so they parse back); everything else as in the table view."""
    plain = _jsonable(value)
    return json.dumps(plain, ensure_ascii=False) if isinstance(plain, (list, dict)) else _cell(value)


def _jsonable(value: Any) -> Any:
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if hasattr(value, "isoformat"):
        text = value.isoformat()
        return text[:10] if text.endswith("T00:00:00") else text
    if isinstance(value, float) and value != value:  # NaN
        return None
    return value


def _print_frame(frame: Any, what: str, chosen: OutFormat) -> None:
    if chosen is OutFormat.json:
        records = [{k: _jsonable(v) for k, v in row.items()} for row in frame.to_dict("records")]
        print(json.dumps(records, ensure_ascii=False, indent=2))
    elif chosen is OutFormat.csv:
        import csv

        writer = csv.writer(sys.stdout)
        writer.writerow(list(frame.columns))
        for row in frame.itertuples(index=False):
            writer.writerow([_csv_cell(v) for v in row])
    else:
        table = Table(title=f"{len(frame)} {what}", expand=False)
        columns = [c for c in VIEW[what] if c in frame.columns]
        for column in columns:
            table.add_column(column.replace("_names", "s").replace("_", " "),
                             overflow="fold", max_width=60)
        for row in frame[columns].itertuples(index=False):
            table.add_row(*(_cell(v) for v in row))
        Console().print(table)


def _query(what: str, db: str, limit: int | None, chosen: OutFormat | None,
           **filters: Any) -> None:
    from newsgraph.store import QueryError

    given = {k: v for k, v in filters.items() if v is not None}
    misplaced = sorted(set(given) - FILTERS[what])
    if misplaced:
        flag = "--" + misplaced[0].replace("_", "-")
        raise fail(f"{flag} does not apply to {what}", 2)
    store = _open(db)
    try:
        frame = getattr(store, what)(limit=limit, **given)
    except QueryError as error:
        raise fail(str(error), 2) from None
    _print_frame(frame, what, chosen or (OutFormat.table if sys.stdout.isatty() else OutFormat.json))


def _make_query_command(what: str) -> Any:
    def command(
        db: DbOption = DEFAULT_DB,
        actor: Annotated[str | None, typer.Option(help="ISO3 code or part of a name.")] = None,
        recipient: Annotated[str | None, typer.Option(help="ISO3 code or part of a name (events).")] = None,
        type: Annotated[str | None, typer.Option("--type", help="PLOVER type(s), comma-separated (events).")] = None,  # noqa: A002
        since: Annotated[str | None, typer.Option(help="From this date, YYYY-MM-DD.")] = None,
        until: Annotated[str | None, typer.Option(help="Up to this date, YYYY-MM-DD.")] = None,
        place: Annotated[str | None, typer.Option(help="Part of a place name.")] = None,
        source_kind: Annotated[str | None, typer.Option(help="named or unnamed source.")] = None,
        limit: Annotated[int | None, typer.Option(help="At most this many rows.")] = None,
        format: Annotated[OutFormat | None, typer.Option("--format", help="table (default on a terminal), csv or json.")] = None,  # noqa: A002
    ) -> None:
        _query(what, db, limit, format, actor=actor, recipient=recipient, type=type,
               since=since, until=until, place=place, source_kind=source_kind)

    command.__doc__ = f"List stored {what}, filtered."
    return command


# ---------------------------------------------------------------- stats and export


def stats_command(
    db: DbOption = DEFAULT_DB,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Counts of articles, events, statements, actors and places in the store."""
    counts = _open(db).stats()
    if as_json:
        print(json.dumps(counts))
        return
    table = Table(title=db)
    table.add_column("what")
    table.add_column("count", justify="right")
    for key, value in counts.items():
        table.add_row(key, f"{value:,}")
    Console().print(table)


def export_command(
    out: Annotated[str, typer.Argument(help="Output folder (parquet, csv) or file.")],
    db: DbOption = DEFAULT_DB,
    format: Annotated[str, typer.Option("--format", help="parquet, csv, plover-json, gdelt-tsv, graphml or geojson.")] = "parquet",  # noqa: A002
) -> None:
    """Export the store for other tools."""
    from newsgraph.exports import ExportError, export

    store = _open(db)
    try:
        written = export(store, format, out)
    except ExportError as error:
        raise fail(str(error), 2) from None
    err.print(f"wrote {format} to {written}")


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_command)
    for what in ("events", "statements", "actors", "places"):
        app.command(what)(_make_query_command(what))
    app.command("stats")(stats_command)
    app.command("export")(export_command)
