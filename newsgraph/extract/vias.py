"""Vias: the news outlet or report that passed a statement on ("The Post reported that
...", "..., according to CNN"), kept with the statement it relayed."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.extract import doc_text, entity_at
from newsgraph.extract.attribution import StatementMention
from newsgraph.extract.cues import (
    cue_lemma,
    lexicon,
)
from newsgraph.extract.source_phrases import noun_phrase
from newsgraph.extract.spans import (
    CharSpan,
    span_tokens,
    trimmed,
)


def is_outlet(tok: Token) -> bool:
    """Whether the noun phrase headed by ``tok`` names a news outlet or a report."""
    lex = lexicon()
    indices = sorted(noun_phrase(tok))
    words = [tok.doc[i] for i in indices]
    text = " ".join(w.lower_ for w in words if w.lower_ not in {"the", "a", "an"})
    if text in lex.outlets:
        return True
    if tok.lemma_.lower() in lex.media_nouns or tok.lower_ in lex.media_nouns:
        return True
    return tok.pos_ == "PROPN" and any(
        w.pos_ == "PROPN" and w.lower_ in lex.outlet_words for w in _own_name(tok)
    )


def _own_name(tok: Token) -> list[Token]:
    """The name ``tok`` heads, without what describes it: in "Moore, a former member of
    the Journal's board" the Journal is not the speaker."""
    ent = entity_at(tok.doc, tok.i)
    if ent is not None:
        return list(ent)
    return [t for t in tok.subtree if t.i <= tok.i and (t is tok or t.dep_ == "compound")]


def outlet_span(tok: Token) -> CharSpan | None:
    """The outlet's name: the named entity on the head if any ("Al Mayadeen"), else the NP."""
    doc = tok.doc
    if tok.lemma_.lower() in lexicon().media_nouns:
        # "a report by the channel X" / "a report in X": the outlet is the nested noun.
        for child in tok.children:
            if child.dep_ in {"prep", "agent"} and child.lower_ in {"by", "in", "from", "on"}:
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return outlet_span(objs[0])
    for ent in doc.ents:
        if ent.start <= tok.i < ent.end:
            return ent.start_char, ent.end_char
    return trimmed(doc, noun_phrase(tok))


def via_of_verb(verb: Token) -> list[CharSpan]:
    if cue_lemma(verb) not in lexicon().hearer_verbs:
        return []
    for child in verb.children:
        if child.dep_ in {"dobj", "dative"} and is_outlet(child):
            span = outlet_span(child)
            return [span] if span else []
    return []


def _spoken(doc: Doc, statement: StatementMention) -> bool:
    lex = lexicon()
    return any(
        cue_lemma(t) in lex.speaking_verbs or cue_lemma(t) in lex.relay_words
        for t in span_tokens(doc, statement.cue)
    )


def _content_root(doc: Doc, span: CharSpan) -> Token | None:
    """The content's main word: its highest token in the parse."""
    content = doc.char_span(span[0], span[1], alignment_mode="expand")
    if content is None or not len(content):
        return None
    tokens = [t for t in content if not t.is_punct and t.dep_ != "mark"]
    return min(tokens, key=lambda t: len(list(t.ancestors)), default=None)


def apply_vias(doc: Doc, found: list[StatementMention]) -> list[StatementMention]:
    """An outlet's statement that carries another statement becomes that one's via."""
    carriers = []
    for outer in found:
        if outer.source_head is None or not is_outlet(doc[outer.source_head]):
            continue
        cue_words = doc_text(doc)[outer.cue[0] : outer.cue[1]].lower()
        relays = lexicon().relay_words
        if not any(
            cue_lemma(t) in relays or cue_words in relays for t in span_tokens(doc, outer.cue)
        ):
            continue  # the outlet's own claim ("the paper suggested ..."), not a relay
        root = _content_root(doc, outer.content)
        # Only the statement the outlet relays ("X reported that K said ..."), not every
        # cue word somewhere in its content.
        # "The paper said the winner has predicted ...": the paper's own claim about a
        # prediction, not a relayed statement; only speech is relayed.
        inner = [
            s for s in found
            if s is not outer and root is not None and s.cue[0] <= root.idx < s.cue[1]
            and s.source is not None and _spoken(doc, s)
        ]  # fmt: skip
        if not inner:
            continue
        span = outlet_span(doc[outer.source_head])
        for s in inner:
            if span and span not in s.via:
                s.via.append(span)
            s.relayed_by.append(outer)
        carriers.append(outer)
    return [s for s in found if all(s is not c for c in carriers)]

