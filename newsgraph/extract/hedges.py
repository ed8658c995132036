"""Hedges: words by which the writer does not vouch for a claim ("reportedly")."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from newsgraph.extract.attribution import StatementMention
from newsgraph.extract.cues import matchers
from newsgraph.extract.spans import subtree, trimmed


def _hedges(hedge: Span, doc: Doc, statement: StatementMention) -> bool:
    """The hedge is in the cue, modifies the cue verb, or governs it ("it appears ...")."""
    cue = doc.char_span(statement.cue[0], statement.cue[1], alignment_mode="expand")
    if cue is None:
        return False
    verb = cue.root
    return (
        hedge.start <= verb.i < hedge.end
        or hedge.root.head.i == verb.i
        or (verb.head.i == hedge.root.i and verb.i != hedge.root.i)
    )


def attach_hedges(doc: Doc, found: list[StatementMention]) -> list[StatementMention]:
    """Mark hedged statements; a hedge adverb on a non-cue verb is its own statement."""
    _, matcher = matchers(doc.vocab)
    extra = []
    for _, start, end in matcher(doc):
        span = doc[start:end]
        text = span.text.lower()
        owner = next((s for s in found if _hedges(span, doc, s)), None)
        if owner is not None:
            owner.hedged, owner.hedge = True, text
            continue
        if len(span) == 1 and span[0].pos_ == "ADV" and span.root.head.pos_ in {"VERB", "AUX"}:
            clause = subtree(span.root.head) - {span[0].i}
            content = trimmed(doc, clause)
            if content:
                extra.append(
                    StatementMention(
                        cue=(span.start_char, span.end_char), content=content, source=None,
                        source_head=None, kind="indirect", hedged=True, hedge=text,
                    )
                )  # fmt: skip
    return extra
