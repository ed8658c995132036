"""The extraction stages; each module is one spaCy component (see newsgraph.pipeline)."""

from __future__ import annotations

from spacy.tokens import Doc


def doc_text(doc: Doc) -> str:
    """The Doc's text, built once: ``doc.text`` joins every token on each access."""
    text = doc.user_data.get("ng_text")
    if text is None:
        text = doc.user_data["ng_text"] = doc.text
    return text
