"""`newsgraph story --db FILE`: events reported many times, corroboration, contradictions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.table import Table

from newsgraph.story import DEFAULT_WINDOW

err = Console(stderr=True, highlight=False)


def fail(message: str) -> NoReturn:
    err.print(f"[bold red]newsgraph:[/] {message}", soft_wrap=True, markup=True)
    raise typer.Exit(2)


def story_report(db: Path, since: str | None, until: str | None, actor: str | None,
                 window: int) -> dict[str, Any]:
    """Update the story tables from the store, then read them back, filtered."""
    from newsgraph.story_analysis import story_json
    from newsgraph.story_db import load_clusters, sync

    sync(db, window)
    return story_json(load_clusters(db), window, since=since, until=until, actor=actor)


def _parties(cluster: dict[str, Any]) -> str:
    actors = ", ".join(cluster["actors"]) or "?"
    recipients = ", ".join(cluster["recipients"])
    return f"{actors} → {recipients}" if recipients else actors


def render(report: dict[str, Any], console: Console) -> None:
    clusters = Table(title=f"{len(report['clusters'])} event clusters")
    for column in ("id", "type", "dates", "parties", "outlets", "corroboration"):
        clusters.add_column(column, justify="right" if column == "corroboration" else "left")
    for c in report["clusters"]:
        kind = ("not " if c["negated"] else "") + c["type"]
        dates = c["first_date"] if c["first_date"] == c["last_date"] else \
            f"{c['first_date']} – {c['last_date']}"
        clusters.add_row(c["id"], kind, dates or "", _parties(c), ", ".join(c["outlets"]),
                         str(c["corroboration"]))
    console.print(clusters)
    if report["contradictions"]:
        table = Table(title="contradictions")
        table.add_column("clusters")
        table.add_column("reason")
        for x in report["contradictions"]:
            table.add_row(" / ".join(x["clusters"]), x["reason"])
        console.print(table)
    if report["quantity_conflicts"]:
        table = Table(title="conflicting numbers")
        for column in ("what", "values", "articles"):
            table.add_column(column)
        for q in report["quantity_conflicts"]:
            values = ", ".join(f"{lo:g}" if lo == hi else f"{lo:g}–{hi:g}" for lo, hi in q["values"])
            table.add_row(q["what"], values, ", ".join(q["articles"]))
        console.print(table)


def story_command(
    db: Annotated[Path, typer.Option("--db", help="The store (a DuckDB file).")],
    since: Annotated[str | None, typer.Option(help="Clusters on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Clusters on or before YYYY-MM-DD.")] = None,
    actor: Annotated[str | None, typer.Option(help="An ISO3 code or part of a name.")] = None,
    window: Annotated[int, typer.Option(help="Days between reports of one event.", min=0)] =
        DEFAULT_WINDOW,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Group events reported by several articles; show corroboration and contradictions."""
    from newsgraph.story_db import StoryError

    try:
        report = story_report(db, since, until, actor, window)
    except (StoryError, ValueError) as error:
        fail(str(error))
    if as_json:
        typer.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        render(report, Console())


def register(app: typer.Typer) -> None:
    app.command("story")(story_command)
