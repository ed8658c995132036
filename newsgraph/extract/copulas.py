"""Cues a copula or a light verb carries: "Lee is a staunch supporter of the levy", where
the stance is in the noun after "is" and the copula's subject holds it, and "the poll has
Lee at 40 percent", where the poll places the candidate; and "per X", which vouches for
a clause as "according to" does."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.extract.attribution import StatementMention
from newsgraph.extract.contents import without_aside_relative
from newsgraph.extract.cues import lexicon
from newsgraph.extract.phrases import phrase_statement
from newsgraph.extract.source_phrases import noun_phrase, source_phrase
from newsgraph.extract.sources import source_token
from newsgraph.extract.spans import CharSpan, indices_with_pos, prep_object, subtree

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
        content_idx = without_aside_relative(doc, prep_object(prep))
        statement = phrase_statement(doc, quotes, cue, content_idx, source_phrase(source_tok), source_tok)
        if statement is not None:
            found.append(statement)
    return found


# Verbs with which a poll places a candidate: "the poll has Lee at 40 percent", "a
# survey put her support at 5 percent".
PLACING_VERBS = frozenset({"have", "put", "give"})
# What places the candidate after the verb's object: a figure ("at 40 percent"), a
# position ("ahead", "up by six") or a participle ("has Lee leading", "pulling even").
PLACES = frozenset({"at", "ahead", "behind", "up", "down", "within", "even"})


def _poll_subject(verb: Token) -> Token | None:
    """The poll, or the estimate or count ("estimates put the toll at 40"), that is the
    verb's subject, before it."""
    lex = lexicon()
    polls = lex.poll_nouns | lex.by_reckoning_nouns
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.lemma_.lower() in polls:
        return verb.head  # "with a poll giving Lee a 30-point lead"
    return next(
        (c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i and c.lemma_.lower() in polls),
        None,
    )


def _placing(verb: Token) -> bool:
    """Whether a "have" or "put" says where someone stands, in the few words after it:
    "has Lee at 40 percent", "put Okafor ahead", "has Lee leading" (which the parser
    reads in many ways); not "has a margin of error". "Put" places with any "at" or
    "ahead" it governs ("put his support among likely voters at 5 percent")."""
    if verb.lemma_.lower() == "give":
        # "the poll gave Lee a six-point lead", "the count gives her 1,280 delegates".
        return any(c.dep_ == "dative" for c in verb.children)
    reach = 5 if verb.lemma_.lower() == "have" else len(verb.doc)
    near = [t for t in verb.subtree if verb.i < t.i <= verb.i + reach]
    return any(
        t.lower_ in PLACES
        and t.dep_ in {"prep", "advmod", "acomp"}
        or t.tag_ == "VBG"
        and t.dep_ in {"ccomp", "xcomp", "amod"}
        for t in near
    )


def _misread_placing(have: Token) -> Token | None:
    """ "Latest poll has Lee pulling even": the parser takes "has" for an auxiliary of
    the candidate or of the participle after it; the poll is that word's subject. A
    perfect ("the poll has found") is no placing."""
    head = have.head
    if have.dep_ != "aux" or head.tag_ == "VBN" or head.i < have.i:
        return None
    if any(c.dep_ in {"aux", "auxpass"} and have.i < c.i < head.i for c in head.children):
        return None  # "has been showing": a tense
    if head.pos_ in {"NOUN", "PROPN"}:
        return head if any(c.dep_ == "xcomp" and c.tag_ == "VBG" for c in head.children) else None
    return head if head.tag_ == "VBG" else None


def poll_placing_statements(doc: Doc, quotes: list[CharSpan]) -> list[StatementMention]:
    """ "The Harbor Gazette poll has Okafor leading by six", "a survey put her support at 5
    percent", "estimates put the toll at 40": the poll is the source of where it places the candidate, which is the
    rest of the clause."""
    found = []
    for i in indices_with_pos(doc, ("VERB", "AUX")):
        verb = doc[i]
        if verb.lemma_.lower() not in PLACING_VERBS:
            continue
        head = _misread_placing(verb) if verb.lemma_.lower() == "have" else None
        if head is not None:
            poll, clause = _poll_subject(head), head
        elif _placing(verb):
            poll, clause = _poll_subject(verb), verb
        else:
            continue
        if poll is None:
            continue
        rest = _without_closing_marks(doc, {j for j in subtree(clause) if j > verb.i})
        cue = (verb.idx, verb.idx + len(verb))
        source = noun_phrase(poll)
        if poll.i == verb.head.i:
            source -= subtree(verb)  # "a poll giving Lee ...": the poll alone
        statement = phrase_statement(doc, quotes, cue, rest, source, poll)
        if statement is not None:
            found.append(statement)
    return found


def _misread_stance(adj: Token) -> tuple[Token, Token] | None:
    """The copula and the clause of a stance adjective the parser hung on the clause's
    subject: in "Lee is skeptical Okafor can win" it reads "skeptical Okafor" as one
    noun phrase, the subject of "can win", and that clause as the copula's."""
    doc, noun = adj.doc, adj.head
    if adj.dep_ != "amod" or noun.dep_ != "nsubj" or noun.i <= adj.i:
        return None
    j = adj.i - 1
    while j >= 0 and doc[j].dep_ in {"advmod", "neg"}:
        j -= 1
    clause = noun.head
    if j < 0 or doc[j].lemma_ != "be" or clause.dep_ != "ccomp" or clause.head.i != j:
        return None
    return doc[j], clause


def misread_stance_statements(doc: Doc, quotes: list[CharSpan]) -> list[StatementMention]:
    """ "Lee is skeptical Okafor can win": a stance adjective that takes a clause
    (reporting_adjectives) right after a copula reports that clause, though the parser
    made it a modifier of the clause's subject."""
    adjectives = lexicon().adjectives
    found = []
    for i in indices_with_pos(doc, ("ADJ",)):
        adj = doc[i]
        misread = _misread_stance(adj) if adj.lower_ in adjectives else None
        if misread is None or any(q[0] <= adj.idx < q[1] for q in quotes):
            continue
        copula, clause = misread
        source_tok = source_token(copula)
        if source_tok is None:
            continue
        cue = (_start_of(copula).idx, adj.idx + len(adj))
        content_idx = subtree(clause) - {adj.i}
        statement = phrase_statement(doc, quotes, cue, content_idx, source_phrase(source_tok), source_tok)
        if statement is not None:
            found.append(statement)
    return found


# Entity types of a name that is a measure, not someone who can vouch for a report.
MEASURE_ENTS = frozenset({"DATE", "TIME", "MONEY", "QUANTITY", "PERCENT", "CARDINAL", "ORDINAL"})


def per_statements(doc: Doc, quotes: list[CharSpan]) -> list[StatementMention]:
    """ "The ferry sank at dawn, per the Coast Guard": "per" with a name, not a unit ("$5
    per hour", "per capita"), says who vouches for the clause it closes or opens, as
    "according to" does."""
    found = []
    for i in indices_with_pos(doc, ("ADP",)):
        per = doc[i]
        if per.lower_ != "per" or per.dep_ != "prep":
            continue
        obj = next((c for c in per.children if c.dep_ == "pobj"), None)
        if obj is None or obj.pos_ != "PROPN" or obj.ent_type_ in MEASURE_ENTS:
            continue
        anchor = per.head
        while anchor.pos_ not in {"VERB", "AUX"} and anchor.head.i != anchor.i:
            anchor = anchor.head
        if anchor.pos_ not in {"VERB", "AUX"}:
            continue
        rest = _without_closing_marks(doc, subtree(anchor) - subtree(per))
        cue = (per.idx, per.idx + len(per))
        statement = phrase_statement(doc, quotes, cue, rest, noun_phrase(obj), obj)
        if statement is not None:
            found.append(statement)
    return found


def _without_closing_marks(doc: Doc, indices: set[int]) -> set[int]:
    """The words without the punctuation that closes them, a closing quote mark too
    (which ``trimmed`` keeps with its quote)."""
    while indices and doc[max(indices)].is_punct:
        indices = indices - {max(indices)}
    return indices
