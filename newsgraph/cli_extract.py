"""`newsgraph extract` and `newsgraph info`."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from newsgraph import __version__, api, pipeline
from newsgraph.model import SCHEMA, ArticleResult

err = Console(stderr=True, highlight=False)


class Format(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


def fail_line(message: str) -> None:
    """One clear line on stderr, no traceback."""
    err.print(f"[bold red]newsgraph:[/] {escape(message)}", soft_wrap=True)


def extract_command(
    paths: Annotated[
        list[str], typer.Argument(help="Files (.txt .html .json .jsonl .csv, feeds) or URLs.")
    ],
    published: Annotated[str | None, typer.Option(help="Publication date, YYYY-MM-DD.")] = None,
    outlet: Annotated[str | None, typer.Option(help="The outlet that published it.")] = None,
    url: Annotated[str | None, typer.Option(help="The article's URL.")] = None,
    title: Annotated[str | None, typer.Option(help="The article's title.")] = None,
    model: Annotated[
        str, typer.Option(help="Any installed spaCy pipeline.")
    ] = pipeline.DEFAULT_MODEL,
    format: Annotated[
        Format | None,
        typer.Option("--format", help="table (default on a terminal), json or jsonl."),
    ] = None,  # noqa: A002
) -> None:
    """Extract events, statements, actors, places, dates and numbers from articles."""
    from newsgraph.reader import InputError, Overrides, read_path

    chosen = format or (Format.table if sys.stdout.isatty() else Format.json)
    overrides = Overrides(published=published, outlet=outlet, url=url, title=title)
    results: list[ArticleResult] = []
    failed = 0
    try:
        pipeline.build(model)
    except pipeline.ModelNotFound as error:
        fail_line(str(error))
        raise typer.Exit(2) from None
    for path in paths:
        try:
            for article in read_path(path, overrides):
                api.check(article)
                result = api.extract(article, model=model)
                results.append(result)
                if chosen is Format.jsonl:
                    print(result.to_json())
        except (InputError, api.ArticleError) as error:
            failed += 1
            fail_line(f"{path}: {error}" if not str(error).startswith(str(path)) else str(error))
    _print(results, chosen, len(paths))
    if failed:
        raise typer.Exit(1)


def _print(results: list[ArticleResult], chosen: Format, n_inputs: int) -> None:
    if chosen is Format.json:
        body = [r.to_dict() for r in results]
        print(
            json.dumps(
                body[0] if n_inputs == 1 and len(body) == 1 else body, ensure_ascii=False, indent=2
            )
        )
    elif chosen is Format.table:
        console = Console()
        for result in results:
            render(result, console)


def _actor_label(result: ArticleResult, actor_id: str | None) -> str:
    actor = result.actor(actor_id)
    if actor is None:
        return "—"
    tags = "/".join(x for x in (actor.country, actor.sector) if x)
    return f"{actor.name} [dim]({tags})[/]" if tags else actor.name


def render(result: ArticleResult, console: Console) -> None:
    """A readable summary of one article: its events and statements."""
    article = result.article
    console.rule(
        f"[bold]{article.title or article.id}[/] {article.outlet or ''} {article.published or ''}"
    )
    events = Table(title="Events", show_lines=False, expand=True)
    for column in ("type", "who", "to whom", "when", "where", "trigger", "modality"):
        events.add_column(column)
    places = {p.id: p.name for p in result.places}
    for event in result.events:
        events.add_row(
            ("not " if event.negated else "")
            + event.type
            + (f":{event.mode}" if event.mode else ""),
            ", ".join(_actor_label(result, a) for a in event.actors) or "—",
            ", ".join(_actor_label(result, a) for a in event.recipients) or "—",
            (event.date.value or event.date.text) if event.date else "—",
            places.get(event.location or "", "—"),
            event.trigger[2],
            event.modality,
        )
    console.print(events)
    statements = Table(title="Statements", expand=True)
    for column in ("source", "via", "says", "hedge"):
        statements.add_column(column)
    for statement in result.statements:
        statements.add_row(
            _actor_label(result, statement.source),
            " ← ".join(_actor_label(result, v) for v in statement.via) or "—",
            statement.content[2][:160],
            statement.hedge or "",
        )
    console.print(statements)


def info_command(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    model: Annotated[
        str, typer.Option(help="The spaCy pipeline to report on.")
    ] = pipeline.DEFAULT_MODEL,
) -> None:
    """Versions: newsgraph, the spaCy model and spaCy, and the output schema."""
    import spacy

    body = {
        "version": __version__,
        "spacy_model": model,
        "spacy_version": spacy.__version__,
        "schema": SCHEMA,
    }
    if as_json:
        print(json.dumps(body))
    else:
        for key, value in body.items():
            print(f"{key}: {value}")


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_command)
    app.command("info")(info_command)
