"""Shared by the attribution rule tests: a statements-only pipeline and a readable view
of what it finds."""

from __future__ import annotations

import pytest

from newsgraph.pipeline import build


@pytest.fixture(scope="module")
def nlp():
    return build(components=("newsgraph_statements",))


def found(nlp, text: str) -> list[tuple[str, str | None, str]]:
    """(cue, source, content) of each statement, as text."""
    doc = nlp(text)
    return [
        (
            text[s.cue[0] : s.cue[1]],
            text[s.source[0] : s.source[1]] if s.source else None,
            text[s.content[0] : s.content[1]],
        )
        for s in doc._.ng_statements
    ]


def cues(nlp, text: str) -> list[str]:
    return [s[0] for s in found(nlp, text)]
