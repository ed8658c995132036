"""newsgraph: who did or said what to whom, when and where, according to whom, and how sure."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from newsgraph.model import Article, ArticleResult


def extract(article: Article | str, model: str | None = None) -> ArticleResult:
    """Extract one article; see :func:`newsgraph.api.extract`."""
    from newsgraph import api, pipeline

    return api.extract(article, model=model or pipeline.DEFAULT_MODEL)


def open(path: str = "newsgraph.duckdb", **kwargs: Any) -> Any:  # noqa: A001 - mirrors sqlite3.connect style
    """Open a store; see :class:`newsgraph.store.Store`."""
    from newsgraph.store import Store

    return Store(path, **kwargs)
