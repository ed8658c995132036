"""Statements: who said (wrote, believes, wants) what, through which outlet, how hedged.

General rules on the dependency parse, with the words in ``knowledge/speech.yaml``:

- A reporting verb ("say", "tell", "believe", "want" ...) is a *cue*, with its auxiliaries
  and negation ("has not said"). Its content is its clausal complement (``ccomp``: "said
  after the meeting that ..."), its ``xcomp`` ("wants to leave"), a quote it governs, its
  noun object ("denied the claim"; not for hearer verbs: "told *reporters*"), the object
  of a phrasal cue ("called for a recount"), or what follows "said:". Its source is the
  subject noun phrase (the nearest one, without a dateline or an age), the ``by`` agent
  of a passive, or the subject of the verb it hangs from ("..., saying that ...").
  Stance adjectives with a clause ("adamant that ...") are cues too, and so is the colon
  of a headline or transcript line ("Premier Okafor: ...").
- PolNeAR-style forms: particle verbs ("pointed out"), "made it clear that", stance
  adjectives with a preposition ("was critical of ...", the copula joins the cue), any
  verb with a subject and a "that" clause unless it is a verb of consequence ("means
  that"), speech and stance nouns with an owner ("the mayor's call for ...", "her view
  that ...", "in his view, ..."), quantities as sources ("about 4 in 10 say"), and a day
  right after the cue ("said Tuesday"). Clauses come from the cue's own paragraph only.
- A cue inside a quote belongs to the quoted speaker's words and is not reported.
- When the cue sits inside or after the quoted clause ("“...,” the official said" parsed
  as ``parataxis``), the content is the governing clause minus the cue's own clause.
- "according to X" / "citing X" / "as reported by X": X is the source and the clause the
  phrase modifies is the content. If X is an outlet or a report and the clause holds its
  own reporting verb, X becomes a *via* of that inner statement instead.
- Quotes: straight and curly marks are paired over the text. A statement whose content
  lies inside one quote is ``direct`` and its content is the text inside the marks; an
  indirect clause holding a quoted fragment is ``mixed``. A quote split around its verb
  ("“A,” he said, “B.”") yields **two** statements that share cue and source, one per
  fragment, so each content is exact text. A paragraph that is only a quote, with no cue
  of its own, continues the previous direct statement: a new statement with that cue and
  source.
- Via: the outlet that heard the source ("told the Post"), the outlet of an "according
  to"/"citing" phrase, or an outlet that "reported" the inner statement; nearest first.
- Hedges ("reportedly", "it appears", "is said to") on the cue, on the content's verb or
  governing the cue set ``hedged``. A hedge adverb on a verb that is not a cue
  ("Ankara has reportedly begun ...") makes a sourceless statement with the hedge as cue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from newsgraph import knowledge
from newsgraph.extract import doc_text
from newsgraph.pipeline import register_extensions

register_extensions()

CharSpan = tuple[int, int]
SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
CLAUSE_DEPS = {"ccomp", "xcomp", "csubjpass"}
# How far up the tree a cue looks for a subject it shares ("..., saying that ...").
SUBJECT_CLIMB = {"conj", "advcl", "xcomp", "ccomp", "acl", "relcl", "pcomp", "prep", "acomp"}
# Words before a cue verb that belong to the cue: "has said", "did not mention".
CUE_PREFIX_DEPS = {"aux", "auxpass", "neg"}
OPEN_QUOTES = '“"«'
CLOSE_QUOTES = '”"»'
# "made it clear that ...", "made plain that ...".
MAKE_ADJECTIVES = {"clear", "plain", "known", "obvious"}
# Days and times the writer puts right after a cue ("said Tuesday"); they belong to it.
CUE_TIMES = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "today", "yesterday", "tonight", "overnight", "earlier", "later",
}  # fmt: skip
# Parts of a group that speak for it ("a third agreed", "half say").
FRACTIONS = {"half", "third", "thirds", "quarter", "quarters", "majority", "most", "many"}
# Below this many word tokens, quoted text is a scare quote or a title, not a statement.
MIN_QUOTE_WORDS = 4


@dataclass
class StatementMention:
    cue: CharSpan
    content: CharSpan
    source: CharSpan | None
    source_head: int | None
    kind: str  # direct | indirect | mixed
    via: list[CharSpan] = field(default_factory=list)
    hedged: bool = False
    hedge: str | None = None


@dataclass(frozen=True)
class _Lexicon:
    verbs: frozenset[str]
    verb_forms: dict[str, str]
    adjectives: frozenset[str]
    quote_verbs: frozenset[str]
    relay_words: frozenset[str]
    prep_cues: dict[str, frozenset[str]]
    particle_cues: dict[str, frozenset[str]]
    adjective_preps: dict[str, frozenset[str]]
    hearer_verbs: frozenset[str]
    speech_nouns: frozenset[str]
    cue_nouns: dict[str, frozenset[str]]
    not_cues: frozenset[str]
    media_nouns: frozenset[str]
    outlet_words: frozenset[str]
    outlets: frozenset[str]
    according: tuple[str, ...]
    hedges: tuple[str, ...]


def _words(speech: dict, key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in speech.get(key) or ())


def inflections(lemma: str) -> set[str]:
    """Regular English forms of a verb, for when the tagger's lemma is off ("hoped" -> hop)."""
    forms = {lemma, lemma + "s", lemma + "ed", lemma + "ing"}
    if lemma.endswith("e"):
        forms |= {lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(lemma + "es")
    return forms


def _prep_cues(speech: dict, key: str = "phrasal_cues") -> dict[str, frozenset[str]]:
    """'call for', 'point to' -> {'call': {'for'}, 'point': {'to'}}."""
    table: dict[str, set[str]] = {}
    for phrase in speech.get(key) or ():
        verb, _, prep = str(phrase).lower().partition(" ")
        table.setdefault(verb, set()).add(prep)
    return {verb: frozenset(preps) for verb, preps in table.items()}


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    kb = knowledge.load()
    speech = kb.speech
    outlets = frozenset(
        alias.lower() for e in kb.entities if e.outlet for alias in (e.name, *e.aliases)
    )
    return _Lexicon(
        verbs=_words(speech, "reporting_verbs"),
        verb_forms={
            form: lemma
            for lemma in _words(speech, "reporting_verbs") | _words(speech, "quote_verbs")
            for form in inflections(lemma)
        },
        adjectives=_words(speech, "reporting_adjectives"),
        quote_verbs=_words(speech, "quote_verbs"),
        relay_words=_words(speech, "relay_words") | _words(speech, "according_to"),
        prep_cues=_prep_cues(speech),
        particle_cues=_prep_cues(speech, "particle_cues"),
        adjective_preps=_prep_cues(speech, "adjective_cues"),
        hearer_verbs=_words(speech, "hearer_verbs"),
        speech_nouns=_words(speech, "reporting_nouns"),
        cue_nouns=_prep_cues(speech, "cue_nouns"),
        not_cues=_words(speech, "not_reporting_verbs"),
        media_nouns=_words(speech, "media_nouns"),
        outlet_words=_words(speech, "outlet_name_words"),
        outlets=outlets,
        according=tuple(sorted(_words(speech, "according_to"))),
        hedges=tuple(sorted(_words(speech, "hedges"))),
    )


@lru_cache(maxsize=4)
def _matchers(vocab: Vocab) -> tuple[PhraseMatcher, PhraseMatcher]:
    """Phrase matchers for the multiword cues and hedges, built once per vocab."""
    lex = lexicon()
    result = []
    for label, phrases in (("ACCORDING", lex.according), ("HEDGE", lex.hedges)):
        matcher = PhraseMatcher(vocab, attr="LOWER")
        matcher.add(label, [vocab_doc(vocab, p) for p in phrases])
        result.append(matcher)
    return result[0], result[1]


def vocab_doc(vocab: Vocab, phrase: str) -> Doc:
    return Doc(vocab, words=phrase.split())


# --- spans -----------------------------------------------------------------------------


def _trimmed(doc: Doc, indices: set[int]) -> CharSpan | None:
    """Char span from the first to the last token, dropping edge punctuation."""
    if not indices:
        return None
    lo, hi = min(indices), max(indices)
    while lo <= hi and (doc[lo].is_punct or doc[lo].is_space) and doc[lo].text not in '“"':
        lo += 1
    while hi >= lo and (doc[hi].is_punct or doc[hi].is_space) and doc[hi].text not in '”"':
        hi -= 1
    if lo > hi:
        return None
    return doc[lo].idx, doc[hi].idx + len(doc[hi])


def _paragraphs(doc: Doc) -> list[int]:
    """Paragraph number of each token; the parser may run a title into the next line."""
    cached = doc.user_data.get("ng_paragraphs")
    if cached is None or len(cached) != len(doc):
        cached, para = [], 0
        for tok in doc:
            if "\n" in tok.text and tok.is_space:
                para += 1
            cached.append(para)
            if "\n" in tok.whitespace_:
                para += 1
        doc.user_data["ng_paragraphs"] = cached
    return cached


def _subtree(tok: Token, exclude: set[int] = frozenset()) -> set[int]:
    """The token's subtree within its paragraph, minus ``exclude``."""
    paras = _paragraphs(tok.doc)
    return {t.i for t in tok.subtree if paras[t.i] == paras[tok.i]} - exclude


def _phrase(tok: Token) -> set[int]:
    """A source or outlet noun phrase: the subtree, cut at a following clause or quote."""
    indices = _subtree(tok)
    doc = tok.doc
    for child in tok.rights:
        if child.dep_ in {"ccomp", "parataxis"} or (
            child.dep_ == "relcl" and any(_cue_word(t) for t in child.subtree)
        ):
            indices -= _subtree(child)
    # A dateline ("PARIS (AP) — The minister") is not part of the phrase.
    dashes = [
        i
        for i in range(min(indices, default=tok.i), tok.i)
        if doc[i].text in {"—", "–", "--", "-"} and doc[i].whitespace_
    ]
    if dashes:
        indices = {i for i in indices if i > max(dashes)}
    # A name followed by an age ("Ann Lee, 59, of Ohio"): the name alone.
    if tok.pos_ == "PROPN":
        for i in sorted(indices):
            if i > tok.i and doc[i].text == "," and i + 1 < len(doc) and doc[i + 1].like_num:
                indices = {j for j in indices if j < i}
                break
    return indices


def _source_phrase(tok: Token) -> set[int]:
    """The source's phrase, joined with a title the parser split off as a second subject
    ("Vatican spokesman the Rev. Ann Lee said")."""
    indices = _phrase(tok)
    for other in tok.head.children:
        if other.dep_ == "nsubj" and other.i < tok.i and other is not tok:
            extra = _phrase(other)
            if extra and max(extra) + 1 == min(indices):
                indices |= extra
    return indices


# --- quotes ----------------------------------------------------------------------------


def find_quotes(text: str) -> list[CharSpan]:
    """Inner spans of quoted passages; curly marks pair, straight marks toggle.

    A quote left open at the end of a paragraph closes there (news style reopens the
    quote on the next paragraph, which becomes its own passage).
    """
    spans: list[CharSpan] = []
    for para in re.finditer(r"[^\n]+", text):
        start: int | None = None
        for m in re.finditer(r"[“”\"«»]", para.group()):
            pos, mark = para.start() + m.start(), m.group()
            if start is None and mark in OPEN_QUOTES:
                start = pos + 1
            elif start is not None and mark in CLOSE_QUOTES:
                spans.append((start, pos))
                start = None
        if start is not None:
            spans.append((start, para.end()))
    return [t for t in (_strip(text, s) for s in spans) if t[1] > t[0]]


def _strip(text: str, span: CharSpan) -> CharSpan:
    """Drop the spaces and the comma a quote often ends with ("“...,” he said")."""
    start, end = span
    while start < end and text[start] in " \t,":
        start += 1
    while end > start and text[end - 1] in " \t,;:":
        end -= 1
    return start, end


def _quote_words(text: str, span: CharSpan) -> int:
    return len(re.findall(r"\w+", text[span[0] : span[1]]))


# --- cues ------------------------------------------------------------------------------


def _is_cue_verb(tok: Token) -> bool:
    return tok.pos_ == "VERB" and _cue_word(tok)


def _source_token(verb: Token) -> Token | None:
    """The subject (or passive agent) of the verb, climbing to a verb it hangs from."""
    node = verb.head if verb.pos_ == "ADJ" and verb.dep_ == "acomp" else verb
    for _ in range(4):
        # The nearest subject wins: a misparse can hang a name from inside the quote too.
        paras = _paragraphs(verb.doc)
        subjects = sorted(
            (
                c
                for c in node.children
                if c.dep_ in {"nsubj", "csubj"} and paras[c.i] == paras[verb.i]
            ),
            key=lambda c: abs(c.i - node.i),
        ) or _quantity_subject(node)
        if subjects:
            # "it appears that ...", "it seems": the pronoun is a placeholder, not a source.
            expletive = subjects[0].lower_ == "it" and _lemma(node) in {"appear", "seem"}
            return None if expletive else subjects[0]
        for child in node.children:
            if child.dep_ == "agent":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
        if any(c.dep_ in {"nsubjpass", "expl"} for c in node.children):
            return None
        if node.dep_ not in SUBJECT_CLIMB or node.head.i == node.i:
            return None
        if node.tag_ == "VBN" and node.dep_ == "advcl":
            return None  # "Asked about X, she said": the asker is not the subject
        if node.dep_ in {"ccomp", "acl"} and not _is_cue_verb(node):
            return None
        node = node.head
    return None


def _quantity_subject(verb: Token) -> list[Token]:
    """Quantities as subjects ("About 4 in 10 say", "a third agreed"), which the parser misses."""
    if any(c.dep_ in {"nsubjpass", "expl"} for c in verb.children):
        return []
    first = min((t.i for t in verb.subtree), default=verb.i)
    return [
        c
        for c in verb.lefts
        if c.dep_ in {"npadvmod", "nummod", "dep", "nmod"}
        and (c.pos_ == "NUM" or any(t.like_num or t.lower_ in FRACTIONS for t in c.subtree))
        and min(t.i for t in c.subtree) == first
    ][:1]


def _content_of(verb: Token, lex: _Lexicon) -> tuple[set[int], str]:
    """The content tokens and how they were found: clause, object or governor."""
    children = list(verb.children)
    if verb.pos_ == "ADJ":
        # "were adamant that ...": the parser often hangs the clause on the copula.
        children += [c for c in verb.head.children if c.dep_ == "ccomp" and c.i > verb.i]
        prep = _adjective_prep(verb)
        if prep is not None and not any(c.dep_ == "ccomp" for c in children):
            return _prep_object(prep), "prep"
    # The parser may run two paragraphs into one sentence: a clause in the paragraph
    # before is not this cue's.
    paras = _paragraphs(verb.doc)
    children = [c for c in children if paras[c.i] == paras[verb.i]]
    clauses = _extra_clauses(verb) + [
        c for c in children if c.dep_ in CLAUSE_DEPS and c.i > verb.i or c.dep_ == "ccomp"
    ]
    if clauses:
        return _subtree(clauses[0]), "clause"
    for child in children:
        # "asked the senator whether ...": an embedded question parsed as an adverbial.
        if (
            child.dep_ == "advcl"
            and child.i > verb.i
            and any(c.dep_ == "mark" and c.lower_ in {"whether", "if"} for c in child.children)
        ):
            return _subtree(child), "clause"
    if _lemma(verb) not in lex.hearer_verbs:
        for child in verb.children:
            if child.dep_ in {"dobj", "attr"} and child.i > verb.i:
                return _subtree(child), "object"
    passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if passive and any(c.dep_ == "agent" for c in verb.children):
        # "The plan was first reported by the Times": the subject is what was reported.
        return _subtree(passive[0]), "passive"
    prep = _cue_prep(verb)
    if prep is not None and _prep_object(prep):
        return _prep_object(prep), "prep"
    colon = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    if colon is not None and colon.text == ":":
        # "She told reporters:" then the words, to the end of the paragraph or the quote.
        return _rest_of_paragraph(colon), "colon"
    as_clause = verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in verb.children
    )
    if verb.dep_ == "parataxis" or as_clause or _inverted_ccomp(verb):
        # "as the minister noted, ..." and "..., the envoy said": the main clause.
        # "“...,” the official said": the quoted clause governs the cue.
        return _subtree(verb.head) - _subtree(verb), "governor"
    return set(), "none"


def _prep_object(prep: Token) -> set[int]:
    objs = [c for c in prep.children if c.dep_ in {"pobj", "pcomp"}]
    return _subtree(objs[0]) if objs else set()


def _extra_clauses(verb: Token) -> list[Token]:
    """Clauses the parser hung elsewhere: on "clear" in "made it clear that ...", or on
    the medium in "says in a statement that ..."."""
    found = []
    clear = _made_clear(verb)
    if clear is not None:
        found += [c for c in clear.rights if c.dep_ in {"ccomp", "advcl"}]
    for prep in verb.rights:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and obj.lower_ in lexicon().speech_nouns:
                found += [
                    c
                    for c in obj.rights
                    if c.dep_ in {"acl", "ccomp", "relcl"}
                    and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                ]
    return found


def _inverted_ccomp(verb: Token) -> bool:
    """'..., the envoy said' parsed as a complement of the quoted clause's verb."""
    if verb.dep_ != "ccomp" or verb.head.i > verb.i or any(c.dep_ == "mark" for c in verb.children):
        return False
    first = min(t.i for t in verb.subtree)
    return first > 0 and verb.doc[first - 1].text in {",", "”", '"', "—"}


def _rest_of_paragraph(tok: Token) -> set[int]:
    """Tokens after ``tok`` up to the paragraph's end, or the next paragraph if none."""
    doc, paras = tok.doc, _paragraphs(tok.doc)
    para = paras[tok.i]
    rest = {i for i in range(tok.i + 1, len(doc)) if paras[i] == para and not doc[i].is_space}
    if not rest:
        nxt = next((i for i in range(tok.i + 1, len(doc)) if not doc[i].is_space), None)
        if nxt is not None:
            rest = {i for i in range(nxt, len(doc)) if paras[i] == paras[nxt]}
    return rest


def _headline_statements(doc: Doc) -> list[StatementMention]:
    """'Name: claim' at the start of a paragraph, as in headlines and transcripts."""
    found = []
    paras = _paragraphs(doc)
    starts = [
        i
        for i in range(len(doc))
        if not doc[i].is_space and (i == 0 or paras[i - 1] != paras[i] or doc[i - 1].is_space)
    ]
    for start in starts:
        end = next((i for i in range(start, min(start + 7, len(doc))) if doc[i].text == ":"), None)
        if end is None or end == start or paras[end] != paras[start]:
            continue
        head = doc[start:end]
        if any(t.pos_ in {"VERB", "AUX"} or t.text == "-" for t in head):
            continue
        if not any(t.pos_ == "PROPN" or t.is_upper for t in head):
            continue
        rest = _rest_of_paragraph(doc[end])
        content = _trimmed(doc, rest)
        if content is None or sum(1 for i in rest if doc[i].is_alpha) < 3:
            continue
        found.append(
            StatementMention(
                cue=(doc[end].idx, doc[end].idx + 1), content=content,
                source=(head.start_char, head.end_char), source_head=head.root.i,
                kind="indirect",
            )
        )  # fmt: skip
    return found


def _lemma(tok: Token) -> str:
    """The lemma, repaired from the word form when the tagger's lemma is not in our lists."""
    lex = lexicon()
    lemma = tok.lemma_.lower()
    if lemma in lex.verbs or lemma in lex.quote_verbs or lemma in lex.prep_cues:
        return lemma
    return lex.verb_forms.get(tok.lower_, lemma)


def _cue_prep(verb: Token) -> Token | None:
    """The preposition of a phrasal cue ("called for", "pointed to"), if any."""
    phrasal = lexicon().prep_cues.get(_lemma(verb))
    if not phrasal:
        return None
    return next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ in phrasal), None)


def _cue_particle(verb: Token) -> Token | None:
    """The particle of a particle cue ("pointed out", "weighed in"), if any."""
    particles = lexicon().particle_cues.get(verb.lemma_.lower())
    if not particles:
        return None
    return next((c for c in verb.rights if c.dep_ == "prt" and c.lower_ in particles), None)


def _made_clear(verb: Token) -> Token | None:
    """The adjective of "made (it) clear that ...", which puts a view on record."""
    if verb.lemma_.lower() != "make":
        return None
    return next(
        (
            c
            for c in verb.rights
            if c.lower_ in MAKE_ADJECTIVES and c.dep_ in {"ccomp", "oprd", "acomp", "xcomp"}
        ),
        None,
    )


def _adjective_prep(adj: Token) -> Token | None:
    """The preposition of a stance adjective ("critical of", "worried about")."""
    preps = lexicon().adjective_preps.get(adj.lower_)
    if not preps:
        return None
    return next((c for c in adj.rights if c.dep_ == "prep" and c.lower_ in preps), None)


def _that_clause_verb(verb: Token) -> bool:
    """A verb outside our lists that takes "that ..." with a subject of its own
    ("she reasoned that ...", "critics charged that ..."): nearly always a report of
    speech or thought, bar a few verbs of cause and consequence."""
    if verb.lemma_.lower() in lexicon().not_cues:
        return False
    has_subject = any(c.dep_ in {"nsubj"} for c in verb.children)
    return has_subject and any(
        c.dep_ == "ccomp"
        and c.i > verb.i
        and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for c in verb.children
    )


def _cue_word(tok: Token) -> bool:
    """A reporting verb, or an adjective of stance with a clause ("adamant that ...")."""
    lex = lexicon()
    if tok.pos_ == "VERB":
        lemma = _lemma(tok)
        return (
            lemma in lex.verbs
            or lemma in lex.quote_verbs
            or _cue_prep(tok) is not None
            or _cue_particle(tok) is not None
            or _made_clear(tok) is not None
            or _that_clause_verb(tok)
        )
    if tok.pos_ != "ADJ":
        return False
    if _adjective_prep(tok) is not None:
        return tok.dep_ in {"acomp", "amod", "ROOT", "conj"}
    if tok.lower_ not in lex.adjectives:
        return False
    clauses = list(tok.children) + (list(tok.head.children) if tok.dep_ == "acomp" else [])
    return any(c.dep_ == "ccomp" and c.i > tok.i for c in clauses)


def _outlet_tokens(tok: Token) -> bool:
    """Whether the noun phrase headed by ``tok`` names a news outlet or a report."""
    lex = lexicon()
    indices = sorted(_phrase(tok))
    words = [tok.doc[i] for i in indices]
    text = " ".join(w.lower_ for w in words if w.lower_ not in {"the", "a", "an"})
    if text in lex.outlets:
        return True
    if tok.lemma_.lower() in lex.media_nouns or tok.lower_ in lex.media_nouns:
        return True
    return tok.pos_ == "PROPN" and any(
        w.pos_ == "PROPN" and w.lower_ in lex.outlet_words for w in words
    )


def _outlet_span(tok: Token) -> CharSpan | None:
    """The outlet's name: the named entity on the head if any ("Al Mayadeen"), else the NP."""
    doc = tok.doc
    if tok.lemma_.lower() in lexicon().media_nouns:
        # "a report by the channel X" / "a report in X": the outlet is the nested noun.
        for child in tok.children:
            if child.dep_ in {"prep", "agent"} and child.lower_ in {"by", "in", "from", "on"}:
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return _outlet_span(objs[0])
    for ent in doc.ents:
        if ent.start <= tok.i < ent.end:
            return ent.start_char, ent.end_char
    return _trimmed(doc, _phrase(tok))


def _via_of_verb(verb: Token) -> list[CharSpan]:
    if _lemma(verb) not in lexicon().hearer_verbs:
        return []
    for child in verb.children:
        if child.dep_ in {"dobj", "dative"} and _outlet_tokens(child):
            span = _outlet_span(child)
            return [span] if span else []
    return []


def _cue_span(verb: Token) -> CharSpan:
    """The verb with its auxiliaries and negation ("has not said") and its particle."""
    start = _cue_start(verb)
    if verb.pos_ == "ADJ" and verb.dep_ == "acomp" and verb.head.i < verb.i:
        start = _cue_start(verb.head)  # "was also critical of": the copula opens the cue
    prep = _cue_prep(verb) if verb.pos_ == "VERB" else _adjective_prep(verb)
    clear = _made_clear(verb)
    if clear is not None and clear.i - verb.i <= 2:
        return start.idx, clear.idx + len(clear)
    if (
        prep is not None
        and prep.i - verb.i <= 2
        and not any(c.dep_ in CLAUSE_DEPS for c in verb.children)
    ):
        return start.idx, prep.idx + len(prep)
    end = verb
    for child in verb.rights:
        if child.dep_ == "prt" and child.i == end.i + 1:
            end = child
        elif child.i == end.i + 1 and child.dep_ == "prep" and child.lower_ == "in":
            # "said in a statement": the medium belongs to the cue.
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs and objs[0].lower_ in lexicon().speech_nouns:
                end = objs[0]
        elif child.i == end.i + 1 and child.dep_ == "npadvmod" and child.lower_ in CUE_TIMES:
            end = child
    return start.idx, end.idx + len(end)


def _cue_start(verb: Token) -> Token:
    """The first of the auxiliaries, negation and short adverbs right before the verb."""
    start = verb
    for child in reversed(list(verb.lefts)):
        adverb = (
            child.dep_ == "advmod"
            and child.pos_ == "ADV"
            and child.lower_ not in lexicon().hedges
            and not list(child.children)  # "also said", not "so far has said"
        )
        auxiliary = child.dep_ in CUE_PREFIX_DEPS and child.lower_ != "to"
        if child.i == start.i - 1 and (auxiliary or adverb):
            start = child
    return start


def _kind_and_content(
    doc: Doc, content: CharSpan, quotes: list[CharSpan], cue: CharSpan
) -> tuple[str, CharSpan]:
    for q in quotes:
        if q[0] <= cue[0] < q[1]:
            # A cue quoted inside someone else's words keeps its own clause.
            return ("direct" if q[0] <= content[0] and content[1] <= q[1] else "mixed"), content
    for q in quotes:
        # Inside a quote (perhaps with the marks): direct, and the content is the quote.
        if q[0] - 2 <= content[0] and content[1] <= q[1] + 2:
            return "direct", q
        if content[0] <= q[0] and q[1] <= content[1]:
            outside = doc_text(doc)[content[0] : q[0] - 1] + doc_text(doc)[q[1] + 1 : content[1]]
            if re.search(r"\w", outside):
                return "mixed", content
            return "direct", q
    for q in quotes:
        if q[0] < content[1] and content[0] < q[1]:
            return "mixed", content
    return "indirect", content


def _verb_statement(verb: Token, quotes: list[CharSpan]) -> StatementMention | None:
    lex = lexicon()
    content_idx, how = _content_of(verb, lex)
    if how != "colon":
        # The parser may run on into the next paragraph; content stays in the cue's.
        paras = _paragraphs(verb.doc)
        content_idx = {i for i in content_idx if paras[i] == paras[verb.i]}
    source_tok = _source_token(verb)
    if how == "object" and source_tok is None:
        return None  # "Finding a solution ..." is not a finding without a finder
    if _lemma(verb) in lex.quote_verbs and _lemma(verb) not in lex.verbs:
        if how not in {"clause", "governor", "colon"} or any(
            c.dep_ == "xcomp" for c in verb.children
        ):
            content_idx = set()  # only a quote of its own makes it a cue
    if source_tok is not None:
        content_idx -= _subtree(source_tok)
    content = _trimmed(verb.doc, content_idx - {verb.i})
    if content is None or how == "governor":
        # A cue set off by commas inside or after its quote: prefer the quote itself.
        content = _adjacent_quote(verb, source_tok, quotes) or content
    if content is None:
        return None
    source = _trimmed(verb.doc, _source_phrase(source_tok)) if source_tok is not None else None
    overlaps = source is not None and content[0] < source[1] and source[0] < content[1]
    if overlaps and how != "governor":
        return None
    kind, content = _kind_and_content(verb.doc, content, quotes, _cue_span(verb))
    return StatementMention(
        cue=_cue_span(verb),
        content=content,
        source=source,
        source_head=source_tok.i if source_tok is not None else None,
        kind=kind,
        via=_via_of_verb(verb),
    )


def _adjacent_quote(
    verb: Token, source_tok: Token | None, quotes: list[CharSpan]
) -> CharSpan | None:
    """A quote right before the cue clause ("“Okay,” I said") or right after it."""
    text = doc_text(verb.doc)
    left = verb.idx
    if source_tok is not None:
        left = min(left, min(t.idx for t in source_tok.subtree))
    right = verb.idx + len(verb)
    for q in quotes:
        before = text[q[1] : left]
        if q[1] <= left and "\n" not in before and not re.search(r"\w", before):
            return q
        after = text[right : q[0]]
        if q[0] >= right and "\n\n" not in after.strip(" ") and not re.search(r"\w", after):
            return q
        if q[0] >= right and _short_lead_in(after):
            return q  # "she asked at the town hall, “Any questions?”"
    return None


def _short_lead_in(text: str) -> bool:
    """A few words of setting between a cue and its quote, ending in a comma or colon."""
    text = text.rstrip(' \u201c"')
    return "\n" not in text and len(text) < 50 and text.endswith((",", ":")) and "." not in text


def _noun_source(noun: Token) -> Token | None:
    """Whose call, view or claim: the possessive, or the object of "by"/"from"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.rights:
        if child.dep_ in {"prep", "agent"} and child.lower_ in {"by", "from"}:
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs and objs[0].pos_ in {"PROPN", "NOUN", "PRON"}:
                return objs[0]
    return None


def _noun_content(noun: Token, preps: frozenset[str]) -> tuple[set[int], Token | None]:
    """What the noun reports: its clause ("the claim that ..."), infinitive ("her call to
    ban ...") or prepositional object ("his support for ..."); the preposition if any."""
    for child in noun.rights:
        if child.dep_ in {"acl", "ccomp", "relcl"} and (
            any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)
            or any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
        ):
            return _subtree(child), None
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in preps and _prep_object(child):
            return _prep_object(child), child
    head = noun.head
    if noun.dep_ == "nsubj" and head.lemma_ == "be":
        # "Her view is that ...": the clause after the copula.
        for child in head.rights:
            if child.dep_ in {"ccomp", "attr"} and child.i > noun.i:
                return _subtree(child), None
    if noun.dep_ == "pobj" and head.lower_ == "in" and head.head.pos_ in {"VERB", "AUX"}:
        # "In her view, ...": the clause the phrase modifies.
        return _subtree(head.head) - _subtree(head), None
    return set(), None


def _noun_statements(doc: Doc, quotes: list[CharSpan]) -> list[StatementMention]:
    """Speech and stance nouns with an owner: "Lee's call for a recount", "in his view"."""
    nouns = lexicon().cue_nouns
    found = []
    for i in _indices_with_pos(doc, ("NOUN",)):
        noun = doc[i]
        if noun.lemma_.lower() not in nouns:
            continue
        source_tok = _noun_source(noun)
        if source_tok is None:
            continue
        content_idx, prep = _noun_content(noun, nouns[noun.lemma_.lower()])
        source_idx = _subtree(source_tok)
        content = _trimmed(doc, content_idx - source_idx - {noun.i})
        if content is None:
            continue
        end = prep if prep is not None and prep.i == noun.i + 1 else noun
        cue = (noun.idx, end.idx + len(end))
        kind, content = _kind_and_content(doc, content, quotes, cue)
        found.append(
            StatementMention(
                cue=cue, content=content, source=_trimmed(doc, source_idx),
                source_head=source_tok.i, kind=kind,
            )
        )  # fmt: skip
    return found


def _according_statements(doc: Doc, quotes: list[CharSpan]) -> list[StatementMention]:
    """'according to X, Y' / 'Y, citing X': X is the source (or a via), Y the content."""
    matcher, _ = _matchers(doc.vocab)
    found = []
    for _, start, end in matcher(doc):
        span = doc[start:end]
        objs = [t for t in span[-1].children if t.dep_ in {"pobj", "dobj"}]
        if not objs:
            objs = [t for t in span[0].children if t.dep_ in {"pobj", "dobj"}]
        if not objs:
            continue
        obj = objs[0]
        phrase = _subtree(span.root) | set(range(start, end))
        anchor = span.root.head if span.root.head.i not in range(start, end) else span.root
        # Climb to the clause the phrase modifies, past nouns and participles.
        while anchor.head.i != anchor.i and (
            anchor.dep_ in {"prep", "agent", "acl", "amod", "pobj", "appos"}
            or anchor.pos_ not in {"VERB", "AUX"}
        ):
            anchor = anchor.head
        if anchor.i == span.root.i:
            continue
        if span[0].lower_ in {"citing", "quoting"} and _cue_word(anchor):
            # "McCain said, citing low growth": the evidence of the speaker's own words.
            continue
        content = _trimmed(doc, _subtree(anchor) - phrase)
        if content is None:
            continue
        kind, content = _kind_and_content(doc, content, quotes, (span.start_char, span.end_char))
        found.append(
            StatementMention(
                cue=(span.start_char, span.end_char),
                content=content,
                source=_trimmed(doc, _phrase(obj)),
                source_head=obj.i,
                kind=kind,
            )
        )
    return found


def _quote_statements(
    doc: Doc, quotes: list[CharSpan], found: list[StatementMention]
) -> list[StatementMention]:
    """Quotes no cue claimed yet: split quotes, 'X said:' before a quote, continuations."""
    extra: list[StatementMention] = []
    for q in quotes:
        if _quote_words(doc_text(doc), q) < MIN_QUOTE_WORDS:
            continue
        if any(s.content[0] < q[1] and q[0] < s.content[1] for s in found + extra):
            continue
        owner = _nearby_statement(doc, q, found + extra)
        if owner is None:
            continue
        extra.append(
            StatementMention(
                cue=owner.cue,
                content=q,
                source=owner.source,
                source_head=owner.source_head,
                kind="direct",
                via=list(owner.via),
                hedged=owner.hedged,
                hedge=owner.hedge,
            )
        )
    return extra


def _nearby_statement(
    doc: Doc, q: CharSpan, found: list[StatementMention]
) -> StatementMention | None:
    """The statement a cue-less quote belongs to: same sentence, or just before it."""
    gap_before = [s for s in found if s.cue[1] <= q[0]]
    gap_after = [s for s in found if s.cue[0] >= q[1]]
    if gap_before:
        prev = max(gap_before, key=lambda s: s.cue[1])
        between = doc_text(doc)[prev.cue[1] : q[0]]
        # "he said, “B.”" or "she said:" then the quote, or a following quoted paragraph.
        if len(between) < 40 or (
            prev.kind == "direct"
            and between.rstrip().endswith(tuple(CLOSE_QUOTES + "."))
            and between.count("\n") >= 1
            and "\n" in doc_text(doc)[prev.content[1] : q[0]]
            and _only_quotes_between(doc_text(doc), prev.content[1], q[0])
        ):
            return prev
    if gap_after:
        nxt = min(gap_after, key=lambda s: s.cue[0])
        if nxt.cue[0] - q[1] < 30:
            return nxt
    return None


def _only_quotes_between(text: str, start: int, end: int) -> bool:
    """Nothing but punctuation, whitespace and the cue clause between two quotes."""
    between = text[start:end]
    return "\n" in between and len(between.strip(' \n“”".,')) < 60


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


def _attach_hedges(doc: Doc, found: list[StatementMention]) -> list[StatementMention]:
    """Mark hedged statements; a hedge adverb on a non-cue verb is its own statement."""
    _, matcher = _matchers(doc.vocab)
    extra = []
    for _, start, end in matcher(doc):
        span = doc[start:end]
        text = span.text.lower()
        owner = next((s for s in found if _hedges(span, doc, s)), None)
        if owner is not None:
            owner.hedged, owner.hedge = True, text
            continue
        if len(span) == 1 and span[0].pos_ == "ADV" and span.root.head.pos_ in {"VERB", "AUX"}:
            clause = _subtree(span.root.head) - {span[0].i}
            content = _trimmed(doc, clause)
            if content:
                extra.append(
                    StatementMention(
                        cue=(span.start_char, span.end_char), content=content, source=None,
                        source_head=None, kind="indirect", hedged=True, hedge=text,
                    )
                )  # fmt: skip
    return extra


def _tokens(doc: Doc, span: CharSpan) -> list[Token]:
    found = doc.char_span(span[0], span[1], alignment_mode="expand")
    return list(found) if found is not None else []


def _content_root(doc: Doc, span: CharSpan) -> Token | None:
    """The content's main word: its highest token in the parse."""
    content = doc.char_span(span[0], span[1], alignment_mode="expand")
    if content is None or not len(content):
        return None
    tokens = [t for t in content if not t.is_punct and t.dep_ != "mark"]
    return min(tokens, key=lambda t: len(list(t.ancestors)), default=None)


def _apply_vias(doc: Doc, found: list[StatementMention]) -> list[StatementMention]:
    """An outlet's statement that carries another statement becomes that one's via."""
    carriers = []
    for outer in found:
        if outer.source_head is None or not _outlet_tokens(doc[outer.source_head]):
            continue
        cue_words = doc_text(doc)[outer.cue[0] : outer.cue[1]].lower()
        relays = lexicon().relay_words
        if not any(_lemma(t) in relays or cue_words in relays for t in _tokens(doc, outer.cue)):
            continue  # the outlet's own claim ("the paper suggested ..."), not a relay
        root = _content_root(doc, outer.content)
        # Only the statement the outlet relays ("X reported that K said ..."), not every
        # cue word somewhere in its content.
        inner = [
            s for s in found
            if s is not outer and root is not None and s.cue[0] <= root.idx < s.cue[1]
            and s.source is not None
        ]  # fmt: skip
        if not inner:
            continue
        span = _outlet_span(doc[outer.source_head])
        for s in inner:
            if span and span not in s.via:
                s.via.append(span)
        carriers.append(outer)
    return [s for s in found if all(s is not c for c in carriers)]


def _indices_with_pos(doc: Doc, tags: tuple[str, ...]) -> list[int]:
    """Token indices with one of the coarse tags; one array read instead of a Token each."""
    wanted = {doc.vocab.strings[tag] for tag in tags}
    return [i for i, pos in enumerate(doc.to_array("POS").tolist()) if pos in wanted]


def find_statements(doc: Doc) -> list[StatementMention]:
    """All attributions in the doc, in text order."""
    quotes = find_quotes(doc_text(doc))
    candidates = (doc[i] for i in _indices_with_pos(doc, ("VERB", "ADJ")))
    found = [s for s in (_verb_statement(t, quotes) for t in candidates if _cue_word(t)) if s]
    # Words quoted from someone ("“I think we can win,” she said") stay in that quote.
    found = [s for s in found if not any(q[0] <= s.cue[0] < q[1] for q in quotes)]
    found += _according_statements(doc, quotes)
    found += _noun_statements(doc, quotes)
    found += _headline_statements(doc)
    found = _apply_vias(doc, found)
    found += _quote_statements(doc, quotes, found)
    found += _attach_hedges(doc, found)
    found.sort(key=lambda s: (s.cue[0], s.content[0]))
    return found


@Language.component("newsgraph_statements")
def statements_component(doc: Doc) -> Doc:
    doc._.ng_statements = find_statements(doc)
    return doc


__all__ = ["StatementMention", "find_quotes", "find_statements", "lexicon"]
