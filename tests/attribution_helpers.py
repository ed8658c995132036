"""Shared by the attribution rule tests: a statements-only pipeline, a readable view
of what it finds, and Docs with a parse built by hand (``parsed``) for the parser's
mistakes, which change from one model to the next."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

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


def source_of(nlp, text: str, cue: str) -> str | None:
    """The source of the one statement with this cue."""
    (statement,) = [s for s in found(nlp, text) if s[0] == cue]
    return statement[1]


def cues(nlp, text: str) -> list[str]:
    return [s[0] for s in found(nlp, text)]


def parsed(nlp, rows: list[tuple[str, int, str, str, str, str]], ents: list[str]) -> Doc:
    """A Doc from (word, head, dep, pos, tag, lemma) rows and IOB entity tags."""
    words, heads, deps, pos, tags, lemmas = (list(col) for col in zip(*rows, strict=True))
    return Doc(
        nlp.vocab,
        words=words,
        heads=heads,
        deps=deps,
        pos=pos,
        tags=tags,
        lemmas=lemmas,
        ents=ents,
        spaces=[
            w != "“" and nxt not in {",", ".", "”", "'s"}
            for w, nxt in zip(words, [*words[1:], ""], strict=True)
        ],
        sent_starts=[True] + [False] * (len(words) - 1),
    )
