"""The `newsgraph` command: a thin layer over the library.

Each feature module adds its commands with ``register(app)``; this file only wires them.
"""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="newsgraph",
    help="Sourced, PLOVER-coded events, actors, dates, places and numbers from news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Modules whose register(app) adds commands, in the order --help lists them.
COMMAND_MODULES = (
    "newsgraph.cli_extract",
    "newsgraph.cli_store",
    "newsgraph.cli_story",
    "newsgraph.cli_web",
    "newsgraph.cli_eval",
)


def _register_all() -> None:
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(app)


def main() -> None:
    _register_all()
    app()


if __name__ == "__main__":
    main()
