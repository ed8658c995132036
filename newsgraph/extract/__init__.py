"""The extraction stages; each module is one spaCy component (see newsgraph.pipeline)."""

from __future__ import annotations

from spacy.tokens import Doc, Span


def doc_text(doc: Doc) -> str:
    """The Doc's text, built once: ``doc.text`` joins every token on each access."""
    text = doc.user_data.get("ng_text")
    if text is None:
        text = doc.user_data["ng_text"] = doc.text
    return text


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """The NER's entities, built once: ``doc.ents`` makes new Span objects on each access.

    Our components read the entities but never set them, so the tuple stays true."""
    ents = doc.user_data.get("ng_ents")
    if ents is None:
        ents = doc.user_data["ng_ents"] = tuple(doc.ents)
    return ents


def entity_at(doc: Doc, i: int) -> Span | None:
    """The entity holding token `i`, if any (an index built once per Doc)."""
    index = doc.user_data.get("ng_ent_index")
    if index is None:
        index = doc.user_data["ng_ent_index"] = {
            t: ent for ent in doc_ents(doc) for t in range(ent.start, ent.end)
        }
    return index.get(i)
