"""The FastAPI application: JSON API under /api, HTML pages, and the static assets.

`create_app` is all a test or ``newsgraph serve`` needs. The app holds a `Store`
object, which holds no connection (each query opens and closes one), so it reads the
file between the writes of a running ``newsgraph ingest`` and sees its new articles.
Every response carries a strict Content-Security-Policy: scripts and styles only from
this server's /static, nothing inline, no framing.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsgraph import __version__
from newsgraph.store import QueryError, Store, StoreBusy, StoreError

STATIC = Path(__file__).with_name("static")

CSP = "; ".join((
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
))
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}
LOCK_TIMEOUT = 15.0  # seconds a request waits for an ingest batch before answering 503


class Settings:
    """What a running app was started with."""

    def __init__(self, db: str | Path, allow_ingest: bool = False, token: str | None = None):
        self.db = str(db)
        self.allow_ingest = allow_ingest
        self.token = token
        self._store: Store | None = None

    def store(self) -> Store:
        """The store, opened on first use (so the server may start before the file exists)."""
        if self._store is None:
            if self.allow_ingest and not Path(self.db).exists():
                Store(self.db, lock_timeout=LOCK_TIMEOUT)  # creates an empty store
            self._store = Store(self.db, read_only=True, lock_timeout=LOCK_TIMEOUT)
        return self._store


def create_app(db: str | Path, allow_ingest: bool = False, token: str | None = None) -> FastAPI:
    """The web app over the store at ``db``; ingest via POST only when allowed."""
    from newsgraph.web import api, pages

    if allow_ingest and not token:
        raise ValueError("allow_ingest needs a token")
    app = FastAPI(
        title="newsgraph",
        version=__version__,
        description="Sourced, PLOVER-coded events, actors, statements and places.",
        docs_url=None,  # Swagger UI loads from a CDN; the schema is at /openapi.json
        redoc_url=None,
    )
    app.state.settings = Settings(db, allow_ingest, token)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    _add_security_headers(app)
    _add_error_handlers(app)
    return app


def _add_security_headers(app: FastAPI) -> None:
    @app.middleware("http")
    async def headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response: Response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if request.url.path.startswith("/api/"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith(("/api/", "/openapi")) and \
        "text/html" in request.headers.get("accept", "text/html")


def _error(request: Request, status: int, message: str,
           headers: dict[str, str] | None = None) -> Response:
    if _wants_html(request):
        from newsgraph.web.pages import error_page

        return error_page(request, status, message, headers)
    return JSONResponse({"detail": message}, status_code=status, headers=headers)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "error"
        return _error(request, exc.status_code, message, getattr(exc, "headers", None))

    @app.exception_handler(QueryError)
    async def query_error(request: Request, exc: QueryError) -> Response:
        return _error(request, 422, str(exc))

    @app.exception_handler(StoreBusy)
    async def busy(request: Request, exc: StoreBusy) -> Response:
        return _error(request, 503, "the store is busy with an ingest; try again shortly",
                      {"Retry-After": "2"})

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        return _error(request, 503, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        if _wants_html(request):
            return _error(request, 422, _describe(exc))
        return JSONResponse({"detail": _describe(exc), "errors": _plain(exc.errors())},
                            status_code=422)


def _describe(exc: RequestValidationError) -> str:
    parts = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("query", "body"))
        parts.append(f"{where}: {error.get('msg', 'invalid')}" if where else error.get("msg", ""))
    return "; ".join(parts) or "invalid request"


def _plain(errors: list) -> list[dict]:
    return [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")),
             "type": str(e.get("type", ""))} for e in errors]
