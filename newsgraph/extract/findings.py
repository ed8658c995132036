"""Cues a record or a poll carries that the parser misread: in "..., campaign records
show, the fund gave $5,000" or "FEC records from 2012 show he gave", the small model
often takes "show" for a noun, the second half of "records show", and the sentence has
no verb of finding. The records are the source of what they show."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.extract.attribution import StatementMention
from newsgraph.extract.cues import lexicon
from newsgraph.extract.phrases import phrase_statement
from newsgraph.extract.source_phrases import noun_phrase
from newsgraph.extract.spans import indices_with_lower, subtree

# Verbs with which a record, a poll or a study states a finding.
FINDING_VERBS = frozenset({"show", "suggest", "indicate", "reveal"})

# What ends the phrase before the verb on the left: punctuation, a conjunction or a
# word that opens a clause ("because polls show", "as the results show").
OPENER_POS = frozenset({"PUNCT", "CCONJ", "SCONJ"})

# Words that may stand before the record's noun in its phrase: "the", "new", "F.A.A.",
# "campaign finance", "2012".
MODIFIER_POS = frozenset({"DET", "ADJ", "PROPN", "NOUN", "NUM", "PART", "SPACE"})


def _misread(verb: Token) -> bool:
    """A verb of finding the parser did not read as a verb with a subject."""
    lex = lexicon()
    if lex.verb_forms.get(verb.lower_) not in FINDING_VERBS or verb.tag_ == "VBG":
        return False
    if verb.dep_ == "xcomp" or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False  # "seems to show": the subject is the raising verb's
    if verb.pos_ == "VERB" and verb.dep_ == "conj":
        return False  # the verb's own statement takes the subject it is joined to
    return verb.pos_ != "VERB" or not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)


def _record_phrase(verb: Token) -> tuple[Token, list[int]] | None:
    """The record's noun and its phrase, right before the verb: from the punctuation,
    conjunction or sentence start on its left, opening with the noun or its modifiers
    ("FEC records from 2012", "the survey", "campaign records compiled by the
    center")."""
    doc, sent = verb.doc, verb.sent
    start = verb.i
    while start > sent.start and doc[start - 1].pos_ not in OPENER_POS and "\n" not in doc[start - 1].text:
        start -= 1
    words = list(range(start, verb.i))
    lex = lexicon()
    findings = lex.research_nouns | lex.poll_nouns
    for i in words:
        tok = doc[i]
        if tok.pos_ == "NOUN" and (tok.lemma_.lower() in findings or tok.lower_ in findings):
            return tok, words
        if tok.pos_ not in MODIFIER_POS:
            return None
    return None


def _aside_content(verb: Token, first: int) -> set[int] | None:
    """What a record set off by commas vouches for ("X, records show." or "X, records
    show, Y"): the words before it, and after it too unless they open a clause of their
    own with "and" or "but". None when the phrase is not set off."""
    doc, sent = verb.doc, verb.sent
    if first == sent.start or doc[first - 1].text != ",":
        return None
    before = set(range(sent.start, first - 1))
    after_i = verb.i + 1
    if after_i >= sent.end or doc[after_i].text in {".", "!", "?"}:
        return before
    if doc[after_i].text != ",":
        return None
    rest = [i for i in range(after_i + 1, sent.end) if not doc[i].is_space]
    if not rest or doc[rest[0]].pos_ == "CCONJ":
        return before
    # "..., and, records show, does not use it, Lee said": the interrupted clause goes
    # on to the next comma; what follows it is another clause's.
    end = next((i for i in rest if doc[i].text == ","), sent.end)
    return before | {i for i in rest if i < end}


def misread_finding_statements(doc: Doc, quotes: list[tuple[int, int]]) -> list[StatementMention]:
    """ "..., county records show, the fund gave $5,000", "Tax records from 2012 show he
    gave": a record, a poll or a study right before a verb of finding that the parser
    took for a noun (or left without its subject) is the source of what it shows."""
    found = []
    forms = tuple(form for form, lemma in lexicon().verb_forms.items() if lemma in FINDING_VERBS)
    for verb in (doc[i] for i in indices_with_lower(doc, forms)):
        if not _misread(verb) or any(q[0] <= verb.idx < q[1] for q in quotes):
            continue
        phrase = _record_phrase(verb)
        if phrase is None:
            continue
        noun, words = phrase
        content = _aside_content(verb, words[0])
        if content is None:
            content = {i for i in range(verb.i + 1, verb.sent.end) if not doc[i].is_space}
        cue = (verb.idx, verb.idx + len(verb))
        statement = phrase_statement(doc, quotes, cue, content, set(words), noun)
        if statement is not None:
            found.append(statement)
    return found


def based_on_statements(doc: Doc, quotes: list[tuple[int, int]]) -> list[StatementMention]:
    """ "Based on current polling, Okafor should win": a sentence that opens by resting
    on a poll, a study or a statement reports what that finding says, as "according to"
    does. Only a finding or a text can be so cited: "Based on his experience, ..." is a
    reason, not a source."""
    lex = lexicon()
    findings = lex.research_nouns | lex.poll_nouns | lex.authored_nouns
    found = []
    for i in indices_with_lower(doc, ("based",)):
        based = doc[i]
        on = doc[i + 1] if i + 1 < len(doc) else None
        if based.i != based.sent.start or on is None or on.lower_ != "on":
            continue
        obj = next((c for c in on.children if c.dep_ == "pobj"), None)
        if obj is None or obj.lemma_.lower() not in findings:
            continue
        phrase = noun_phrase(obj)
        comma = max(phrase) + 1
        if comma >= based.sent.end or doc[comma].text != ",":
            continue
        content = {j for j in range(comma + 1, based.sent.end) if not doc[j].is_space}
        cue = (based.idx, on.idx + len(on))
        statement = phrase_statement(doc, quotes, cue, content, phrase, obj)
        if statement is not None and not any(q[0] <= based.idx < q[1] for q in quotes):
            found.append(statement)
    return found


def misread_reduced_relative(tok: Token, verb: Token) -> set[int]:
    """ "Research conducted for the council showed that ...", parsed with "conducted" as
    the main verb, "research" as its subject and "showed" joined to it: the past
    participle after a poll or a study says which one it is, so it stays in the source
    of the verb of finding, up to that verb. A participle with an object of its own or
    joined to the verb by "and" is a clause: "the study cost $2 million and showed ..."."""
    head = tok.head
    if tok.dep_ != "nsubj" or head.tag_ not in {"VBD", "VBN"} or head.pos_ != "VERB":
        return set()
    if verb.head != head or verb.dep_ not in {"conj", "dep"} or verb.i < head.i:
        return set()
    lex = lexicon()
    if tok.lemma_.lower() not in lex.research_nouns | lex.poll_nouns:
        return set()
    if any(c.dep_ in {"cc", "dobj", "nsubjpass", "auxpass", "aux"} for c in head.children):
        return set()
    return {i for i in subtree(head) - subtree(verb) if tok.left_edge.i <= i < verb.i}
