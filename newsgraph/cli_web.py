"""`newsgraph serve`: the web app and JSON API over a store, with uvicorn."""

from __future__ import annotations

import ipaddress
import os
import socket
from typing import Annotated

import typer
from rich.console import Console

err = Console(stderr=True, highlight=False)


def fail(message: str, code: int = 2) -> typer.Exit:
    err.print(f"[bold red]newsgraph:[/] {message}", soft_wrap=True, markup=False)
    return typer.Exit(code)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def bind(host: str, port: int) -> socket.socket:
    """A listening socket, bound before uvicorn starts so a busy port is one clear error."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
    except socket.gaierror as error:
        raise fail(f"cannot resolve host {host!r}: {error.strerror}") from None
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does
    try:
        sock.bind((host, port))
    except OSError as error:
        sock.close()
        reason = "is already in use" if error.errno in (98, 48, 10048) else f": {error.strerror}"
        raise fail(f"cannot listen on {host}:{port}: the port {reason}".replace(
            "the port :", "")) from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def serve_command(
    db: Annotated[str, typer.Option("--db", help="The store file (DuckDB).")] = "newsgraph.duckdb",
    host: Annotated[str, typer.Option(help="Address to listen on; loopback unless you ask.")] =
        "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=0, max=65535)] = 8000,
    allow_ingest: Annotated[bool, typer.Option(
        "--allow-ingest", help="Accept POST /api/articles (needs a token).")] = False,
    token: Annotated[str | None, typer.Option(
        help="Bearer token for POST /api/articles; default $NEWSGRAPH_TOKEN.")] = None,
) -> None:
    """Serve the web app and the JSON API (schema at /openapi.json)."""
    import uvicorn

    from newsgraph.web.app import create_app

    token = token or os.environ.get("NEWSGRAPH_TOKEN") or None
    if allow_ingest and not token:
        raise fail("--allow-ingest needs a token: pass --token or set NEWSGRAPH_TOKEN")
    if not allow_ingest and not os.path.exists(db):
        raise fail(f"{db}: no such store; create it with `newsgraph ingest` (or serve with "
                   f"--allow-ingest to start empty)")
    if not is_loopback(host):
        err.print(f"[bold yellow]warning:[/] listening on {host}, not loopback: anyone who "
                  f"can reach this machine can read the store", soft_wrap=True)
    sock = bind(host, port)
    app = create_app(db, allow_ingest=allow_ingest, token=token)
    shown = f"[{host}]" if ":" in host else host
    err.print(f"newsgraph: serving {db} on http://{shown}:{sock.getsockname()[1]}/ "
              f"(ingest {'on' if allow_ingest else 'off'}); Ctrl-C stops", soft_wrap=True)
    config = uvicorn.Config(app, log_level="warning", access_log=False)
    uvicorn.Server(config).run(sockets=[sock])


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)
