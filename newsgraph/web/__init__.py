"""The analyst web app and JSON API over a store; `create_app` builds it."""

from __future__ import annotations


def create_app(*args, **kwargs):  # type: ignore[no-untyped-def]
    """See `newsgraph.web.app.create_app` (imported lazily: FastAPI is slow to import)."""
    from newsgraph.web.app import create_app as build

    return build(*args, **kwargs)
