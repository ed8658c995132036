"""Shared fixtures: one spaCy pipeline per test session, and the ../shared folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph import pipeline
from newsgraph.api import extract as _extract
from newsgraph.model import Article, ArticleResult

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    return pipeline.build()


@pytest.fixture(scope="session")
def extract():
    """Extract a text we wrote, published on a fixed Tuesday unless told otherwise."""

    def run(text: str, published: str | None = "2026-03-10", outlet: str | None = None) -> ArticleResult:
        return _extract(Article(text=text, published=published, outlet=outlet))

    return run


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is absent: this test needs the shared gold data")
    return SHARED
