"""`newsgraph eval DATASET PATH`: score newsgraph against an annotated corpus."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.table import Table

from newsgraph import evaluate

err = Console(stderr=True, highlight=False)


def fail(message: str) -> NoReturn:
    """One clear line on stderr and exit code 2: the user asked for something impossible."""
    err.print(f"[bold red]newsgraph:[/] {message}", soft_wrap=True, markup=True)
    raise typer.Exit(2)


def run_or_fail(dataset: str, path: Path, limit: int | None, model: str | None) -> dict[str, Any]:  # type: ignore[return]
    from newsgraph.pipeline import ModelNotFound

    try:
        return evaluate.run(dataset, path, limit=limit, model=model)
    except (evaluate.UnknownDataset, evaluate.DatasetError, ModelNotFound) as error:
        fail(str(error))
    except ModuleNotFoundError as error:
        # A registered dataset whose scorer is not part of this installation.
        if not (error.name or "").startswith("newsgraph.evaluate"):
            raise
        fail(f"dataset {dataset!r} is registered but its scorer ({error.name}) is not installed")


def _value(name: str, value: float) -> str:
    return f"{value:g}" if name.endswith("_failures") else f"{value:.3f}"


def render(report: dict[str, Any], console: Console) -> None:
    """A header line, then the metrics as a two-column table, headline metrics first."""
    console.print(
        f"[bold]{report['dataset']}[/] {report['path']}  n={report['n']}  {report['seconds']}s",
        soft_wrap=True,
    )
    table = Table()
    table.add_column("metric")
    table.add_column("value", justify="right")
    for name, value in report["metrics"].items():
        table.add_row(name, _value(name, value))
    console.print(table)


def eval_command(
    dataset: Annotated[str, typer.Argument(help=f"One of: {', '.join(evaluate.DATASETS)}.")],
    path: Annotated[Path, typer.Argument(help="The dataset's file or folder.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    limit: Annotated[int | None, typer.Option(help="Score only the first N items.", min=1)] = None,
    model: Annotated[str | None, typer.Option(help="Any installed spaCy pipeline.")] = None,
) -> None:
    """Score newsgraph on a public gold set: precision, recall, F1 or accuracy."""
    report = run_or_fail(dataset, path, limit, model)
    if as_json:
        print(json.dumps(report, ensure_ascii=False))
    else:
        render(report, Console())


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_command)
