"""Cues a copula carries: "Lee is a staunch supporter of the levy", where the stance is
in the noun after "is" and the copula's subject holds it."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.extract.attribution import StatementMention
from newsgraph.extract.contents import without_aside_relative
from newsgraph.extract.cues import lexicon
from newsgraph.extract.quotes import kind_and_content
from newsgraph.extract.sources import source_phrase, source_token
from newsgraph.extract.spans import CharSpan, indices_with_pos, prep_object, trimmed

# The prepositions that name whom or what an agent noun stands for or against.
AGENT_PREPS = frozenset({"of", "for"})


def _copula_of(noun: Token) -> Token | None:
    """The copula the agent noun is the complement of: "is a supporter", "is a critic of
    A and a backer of B" (the second joined by "and"), "were among the earliest
    supporters"."""
    node = noun
    while node.dep_ == "conj" and node.head.pos_ in {"NOUN", "PROPN"}:
        node = node.head
    head = node.head
    if node.dep_ == "attr" and head.lemma_ == "be":
        # "her claim to be an advocate for ...", misread with "claim" as the subject of
        # "to be": what someone claims or wants to be, not what anyone is.
        return None if _infinitive(head) and any(c.dep_ == "nsubj" for c in head.children) else head
    if node.dep_ == "pobj" and head.lower_ == "among" and head.head.lemma_ == "be":
        return head.head
    return None


def _infinitive(copula: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in copula.children)


def _start_of(copula: Token) -> Token:
    """The first of the auxiliaries and negation right before the copula ("has not been
    a supporter"): they join the cue, as with a verb cue."""
    start = copula
    for child in reversed(list(copula.lefts)):
        if (
            child.i == start.i - 1
            and child.dep_ in {"aux", "auxpass", "neg"}
            and child.lower_ != "to"
        ):
            start = child
    return start


def _contracted_subject(copula: Token) -> Token | None:
    """ "He's been a critic of ...": the parser reads the contracted "has" as a passive's
    auxiliary and its subject as a passive subject; it is the copula's subject."""
    if not any(c.dep_ == "auxpass" and c.lower_ in {"'s", "’s"} for c in copula.children):
        return None
    return next((c for c in copula.children if c.dep_ == "nsubjpass"), None)


def copular_agent_statements(doc: Doc, quotes: list[CharSpan]) -> list[StatementMention]:
    """ "Lee is an outspoken critic of the levy", "Ruiz was an early backer of Okafor":
    a noun for someone who takes a side (copular_agent_nouns in speech.yaml) after a
    copula puts its subject on record for or against the object of "of" or "for",
    which is the content. Inside a quote the words are the speaker's own."""
    nouns = lexicon().copular_agent_nouns
    found = []
    for i in indices_with_pos(doc, ("NOUN",)):
        noun = doc[i]
        if noun.lemma_.lower() not in nouns or any(q[0] <= noun.idx < q[1] for q in quotes):
            continue
        copula = _copula_of(noun)
        prep = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ in AGENT_PREPS), None)
        if copula is None or prep is None or not prep_object(prep):
            continue
        source_tok = source_token(copula) or _contracted_subject(copula)
        if source_tok is None:
            continue
        cue = (_start_of(copula).idx, prep.idx + len(prep))
        # "a backer of Lee, who has vowed to ...": the set-off clause tells more about
        # Lee, and a cue in it is its own speaker's statement.
        content = trimmed(doc, without_aside_relative(doc, prep_object(prep)))
        if content is None:
            continue
        kind, content = kind_and_content(doc, content, quotes, cue)
        found.append(
            StatementMention(
                cue=cue, content=content, source=trimmed(doc, source_phrase(source_tok)),
                source_head=source_tok.i, kind=kind,
            )
        )  # fmt: skip
    return found
