"""A second reading of sentences where the tagger took a reporting verb for a noun.

The small model reads "Trump claims he's worth $10 billion" with "claims" as a plural
noun, and "..., campaign finance records show." with "show" as a noun. The sentence
then has no speech verb, and its statement is lost.

When a form of a ``speech.yaml`` reporting verb follows a possible subject but was not
read as a verb with a subject, the sentence is parsed again with that word swapped for
the same form of "say", which the tagger does not take for a noun. If "say" then heads a
clause with a subject before it and something reported (a clause, an object, the
sentence it closes, or a preposition right after it: "calls for", "talks to"), the
sentence keeps that reading, with its own word and the verb's lemma back. Otherwise
the first reading stands. Only the parse and tags change; the text, tokens and
entities are the model's own.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.extract.cues import lexicon
from newsgraph.extract.source_phrases import hyphen_joined
from newsgraph.extract.sources import GROUP_WORDS

ATTRS = [TAG, POS, MORPH, DEP, HEAD, LEMMA]

# A second reading keeps the first reading's entities.
NOT_REREAD = {"ner"}

# What a possible subject ends in, right before the verb.
SUBJECT_TAGS = {"NN", "NNS", "NNP", "NNPS", "PRP"}

SUBJECTS = {"nsubj", "nsubjpass"}

# What a verb of speech reports: a clause, an object or an infinitive.
REPORTED = {"ccomp", "parataxis", "dobj", "xcomp"}

# Readings tried per sentence, at most.
MAX_TRIES = 2


def say_form(word: str) -> str | None:
    """The form of "say" that stands in for ``word`` (a form of a reporting verb)."""
    lower = word.lower()
    if lower.endswith("ing"):
        return None
    if lower.endswith("s") and not lower.endswith("ss"):
        return "says"
    if lower.endswith("ed") or lower in {"said", "told", "wrote", "thought", "found"}:
        return "said"
    return "say"


def misread(tok: Token) -> bool:
    """A form of a reporting verb after a possible subject, not read as a verb with one,
    in a sentence whose reading does not hold together without it."""
    lex = lexicon()
    lemma = lex.verb_forms.get(tok.lower_)
    if lemma is None or lemma not in lex.verbs or say_form(tok.text) is None:
        return False
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if tok.i == tok.sent.start or tok.ent_type_ or after is not None and hyphen_joined(tok, after):
        return False  # "tweet-id": part of a hyphenated word
    before = tok.doc[tok.i - 1]
    nominal = before.tag_ in SUBJECT_TAGS or before.dep_ == "compound" or _quantifier_subject(before)
    if not nominal or before.dep_ == "poss" or before.ent_type_ in {"DATE", "TIME"}:
        return False
    if tok.pos_ in {"NOUN", "PROPN", "ADJ"}:
        if tok.dep_ == "pobj":
            return False  # "... on the reality show": the noun the preposition wants
        return _fragment(tok.sent) or _closes_after_comma(tok)
    if tok.pos_ != "VERB" or _subjects(tok):
        return False
    if tok.tag_ == "VBN":
        # A participle after a noun ("a company called Acme") is usually read right; it
        # is misread when the clause it left behind has two subjects ("Outlets reported
        # Friday the agency had ...": "outlets" and "agency" both on "had").
        return any(_subjects(t) > 1 for t in tok.sent)
    return tok.dep_ == "ROOT"


def _quantifier_subject(tok: Token) -> bool:
    """A quantifier that opens its clause, so it may be the subject of the next word:
    "Many fear he will lose", "..., and few express enthusiasm" (not "how many states")."""
    if tok.lower_ not in GROUP_WORDS:  # "Many fear ...", "Some view ..."
        return False
    if tok.i == tok.sent.start:
        return True
    prev = tok.doc[tok.i - 1]
    return prev.is_punct or prev.is_space or prev.pos_ in {"CCONJ", "SCONJ"}


def _subjects(tok: Token) -> int:
    return sum(c.dep_ in SUBJECTS for c in tok.children)


def _fragment(sent: Span) -> bool:
    """No verb heads the sentence, or the one that does has no subject."""
    root = sent.root
    return root.pos_ not in {"VERB", "AUX"} or not _subjects(root)


def _closes_after_comma(tok: Token) -> bool:
    """``tok`` ends its sentence, in a phrase after a comma ("..., records show.")."""
    after = tok.doc[tok.i + 1] if tok.i + 1 < tok.sent.end else None
    if after is not None and not after.is_punct:
        return False
    for prev in reversed(tok.doc[tok.sent.start : tok.i]):
        if prev.text == ",":
            return True
        if prev.pos_ in {"VERB", "AUX"} or prev.is_punct:
            return False
    return False


def reads_as_speech(verb: Token) -> bool:
    """``verb`` heads a clause with a subject before it and something it reports."""
    if verb.pos_ != "VERB":
        return False
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if subject is None or subject.i > verb.i or subject.tag_ in {"WP", "WDT"}:
        return False
    reports = any(c.dep_ in REPORTED for c in verb.children)
    closes = verb.dep_ == "ROOT" and any(
        c.dep_ in {"ccomp", "parataxis"} for c in verb.children if c.i < verb.i
    )
    return reports or closes or _speaks_to(verb, subject)


def _speaks_to(verb: Token, subject: Token) -> bool:
    """A headline-like clause with a preposition right after the verb ("Acme calls for a
    recount", "Mayor talks to reporters about ..."): nothing is reported as a clause or
    an object, but the verb with its preposition is what the subject said."""
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    return (
        verb.dep_ == "ROOT"
        and subject.i == verb.i - 1
        and after is not None
        and after.dep_ == "prep"
        and after.head == verb
        and after.lower_ != "of"  # "The campaign contrasts of ...": a noun's "of"
    )


class Rereader:
    """The ``newsgraph_reread`` component: reads again the sentences ``misread`` flags."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name

    def model_pipes(self) -> list:
        """The model's own pipes that run before this one, but for the entity recognizer."""
        pipes = []
        for name, pipe in self.nlp.pipeline:
            if name == self.name:
                break
            if name not in NOT_REREAD:
                pipes.append(pipe)
        return pipes

    def __call__(self, doc: Doc) -> Doc:
        forms = lexicon().verb_forms
        strings = doc.vocab.strings
        lowers = doc.to_array("LOWER").tolist()  # no Token for the words that are no verb form
        flagged = [doc[i] for i, low in enumerate(lowers) if strings[low] in forms and misread(doc[i])]
        tried: dict[int, int] = {}
        for tok in flagged:
            sent = tok.sent
            if tried.get(sent.start, 0) >= MAX_TRIES or tried.get(sent.start) == -1:
                continue
            done = self.reread(doc, sent, tok)
            tried[sent.start] = -1 if done else tried.get(sent.start, 0) + 1
        return doc

    def reread(self, doc: Doc, sent: Span, tok: Token) -> bool:
        """Parse ``sent`` again with ``tok`` read as "say"; keep it if it reads as speech."""
        words = [t.text for t in sent]
        at = tok.i - sent.start
        words[at] = say_form(tok.text) or tok.text
        again = Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in sent])
        again[0].is_sent_start = True
        for pipe in self.model_pipes():
            again = pipe(again)
        if sum(t.dep_ == "ROOT" for t in again) != 1 or not reads_as_speech(again[at]):
            return False
        self._adopt(doc, sent, again, at, lexicon().verb_forms[tok.lower_])
        return True

    @staticmethod
    def _adopt(doc: Doc, sent: Span, again: Doc, at: int, lemma: str) -> None:
        """Copy ``again``'s tags and parse onto ``sent``'s tokens in ``doc``."""
        # HEAD holds offsets, which may be negative, in the array's unsigned integers;
        # copied bit for bit they stay right.
        rows = doc.to_array(ATTRS)
        new = again.to_array(ATTRS)
        new[at, ATTRS.index(LEMMA)] = np.uint64(doc.vocab.strings.add(lemma))
        rows[sent.start : sent.end] = new
        doc.from_array(ATTRS, rows)


@Language.factory("newsgraph_reread")
def make_rereader(nlp: Language, name: str) -> Rereader:
    return Rereader(nlp, name)
