"""Cue detection: the speech lexicon (``knowledge/speech.yaml``), which tokens are cues,
and the character span of a cue with its auxiliaries, particle or preposition."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from newsgraph import knowledge
from newsgraph.extract.spans import NOMINAL, CharSpan, text_before

CLAUSE_DEPS = {"ccomp", "xcomp", "csubjpass"}

# Words before a cue verb that belong to the cue: "has said", "did not mention".
CUE_PREFIX_DEPS = {"aux", "auxpass", "neg"}

# "made it clear that ...", "made plain that ...".
MAKE_ADJECTIVES = {"clear", "plain", "known", "obvious"}

# Days and times the writer puts right after a cue ("said Tuesday"); they belong to it.
CUE_TIMES = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "today", "yesterday", "tonight", "overnight", "earlier", "later",
}  # fmt: skip


@dataclass(frozen=True)
class Lexicon:
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
    set_phrases: tuple[tuple[str, ...], ...]
    light_verbs: frozenset[str]
    act_nouns: dict[str, frozenset[str]]
    frames_not_cues: dict[str, frozenset[str]]
    named_frame_cues: dict[str, frozenset[str]]
    frame_cues: dict[str, frozenset[str]]
    attack_verbs: frozenset[str]
    infinitive_adjectives: frozenset[str]
    page_labels: frozenset[str]
    authored_nouns: frozenset[str]
    poll_nouns: frozenset[str]
    speaking_verbs: frozenset[str]
    research_nouns: frozenset[str]
    causative_verbs: frozenset[str]
    occasion_act_nouns: frozenset[str]
    event_nouns: frozenset[str]
    held_among_nouns: frozenset[str]
    feeling_object_verbs: frozenset[str]
    copular_view_nouns: frozenset[str]
    by_reckoning_nouns: frozenset[str]
    copular_agent_nouns: frozenset[str]
    view_holder_verbs: frozenset[str]
    held_view_nouns: dict[str, frozenset[str]]
    rule_nouns: frozenset[str]
    rule_verbs: frozenset[str]
    owned_speech_nouns: dict[str, frozenset[str]]


# Lexicon fields read straight from a speech.yaml list: a set of words, or "word second"
# pairs ("call for", "find object") read as {word: {seconds}}.
WORD_SETS = {
    "adjectives": "reporting_adjectives",
    "quote_verbs": "quote_verbs",
    "hearer_verbs": "hearer_verbs",
    "speech_nouns": "reporting_nouns",
    "not_cues": "not_reporting_verbs",
    "media_nouns": "media_nouns",
    "outlet_words": "outlet_name_words",
    "light_verbs": "light_verbs",
    "infinitive_adjectives": "infinitive_adjectives",
    "page_labels": "page_labels",
    "authored_nouns": "authored_nouns",
    "poll_nouns": "poll_nouns",
    "speaking_verbs": "speaking_verbs",
    "research_nouns": "research_nouns",
    "causative_verbs": "causative_verbs",
    "occasion_act_nouns": "occasion_act_nouns",
    "event_nouns": "event_nouns",
    "held_among_nouns": "held_among_nouns",
    "feeling_object_verbs": "feeling_object_verbs",
    "attack_verbs": "attack_verbs",
    "copular_view_nouns": "copular_view_nouns",
    "by_reckoning_nouns": "by_reckoning_nouns",
    "copular_agent_nouns": "copular_agent_nouns",
    "view_holder_verbs": "view_holder_verbs",
    "rule_nouns": "rule_nouns",
    "rule_verbs": "rule_verbs",
}
WORD_PAIRS = {
    "particle_cues": "particle_cues",
    "adjective_preps": "adjective_cues",
    "cue_nouns": "cue_nouns",
    "act_nouns": "speech_act_nouns",
    "frames_not_cues": "frames_not_cues",
    "named_frame_cues": "named_frame_cues",
    "frame_cues": "frame_cues",
    "held_view_nouns": "held_view_nouns",
    "owned_speech_nouns": "owned_speech_nouns",
}


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
def lexicon() -> Lexicon:
    kb = knowledge.load()
    speech = kb.speech
    outlets = frozenset(
        alias.lower() for e in kb.entities if e.outlet for alias in (e.name, *e.aliases)
    )
    return Lexicon(
        verbs=_words(speech, "reporting_verbs"),
        verb_forms={
            form: lemma
            for lemma in _words(speech, "reporting_verbs") | _words(speech, "quote_verbs")
            for form in inflections(lemma)
        },
        relay_words=_words(speech, "relay_words") | _words(speech, "according_to"),
        prep_cues=_prep_cues(speech),
        outlets=outlets,
        according=tuple(sorted(_words(speech, "according_to"))),
        hedges=tuple(sorted(_words(speech, "hedges"))),
        set_phrases=tuple(tuple(p.split()) for p in sorted(_words(speech, "set_phrases"))),
        **{field: _words(speech, key) for field, key in WORD_SETS.items()},
        **{field: _prep_cues(speech, key) for field, key in WORD_PAIRS.items()},
    )


@lru_cache(maxsize=4)
def matchers(vocab: Vocab) -> tuple[PhraseMatcher, PhraseMatcher]:
    """Phrase matchers for the multiword cues and hedges, built once per vocab."""
    lex = lexicon()
    result = []
    for label, phrases in (("ACCORDING", lex.according), ("HEDGE", lex.hedges)):
        matcher = PhraseMatcher(vocab, attr="LOWER")
        matcher.add(label, [vocab_doc(vocab, p) for p in phrases])
        result.append(matcher)
    return result[0], result[1]


def in_set_phrase(tok: Token) -> bool:
    """Whether ``tok`` is a word of a set phrase like "that said" or "all told", whose
    verb reports nothing."""
    doc = tok.doc
    for words in lexicon().set_phrases:
        for k, word in enumerate(words):
            start = tok.i - k
            if word != tok.lower_ or start < 0 or start + len(words) > len(doc):
                continue
            if all(doc[start + j].lower_ == w for j, w in enumerate(words)):
                return True
    return False


def vocab_doc(vocab: Vocab, phrase: str) -> Doc:
    return Doc(vocab, words=phrase.split())


def cue_lemma(tok: Token) -> str:
    """The lemma, repaired from the word form when the tagger's lemma is not in our lists."""
    lex = lexicon()
    lemma = tok.lemma_.lower()
    phrase = quote_phrase(tok)
    if phrase is not None:
        return _phrase_key(*phrase)
    if lemma in lex.verbs or lemma in lex.quote_verbs or lemma in lex.prep_cues:
        return lemma
    return lex.verb_forms.get(tok.lower_, lemma)


# How the parser may hang the second word of a two-word quote verb ("went on", "shot
# back", "as she put it").
QUOTE_PHRASE_DEPS = {"prt", "advmod", "prep", "dobj"}


def quote_phrase(tok: Token) -> tuple[Token, Token] | None:
    """A two-word quote verb in speech.yaml ("go on", "shoot back", "put it"): the verb
    and the word right after it."""
    if tok.pos_ != "VERB" or tok.i + 1 >= len(tok.doc):
        return None
    quote_verbs = lexicon().quote_verbs
    # Asked for every cue check of every verb: the first word rules out most without
    # building the next Token.
    if tok.lemma_.lower() not in _first_words(quote_verbs):
        return None
    second = tok.doc[tok.i + 1]
    if second.head != tok or second.dep_ not in QUOTE_PHRASE_DEPS:
        return None
    if _phrase_key(tok, second) not in quote_verbs:
        return None
    return tok, second


@lru_cache(maxsize=4)
def _first_words(quote_verbs: frozenset[str]) -> frozenset[str]:
    """The verbs that open a two-word quote verb ("go" of "go on")."""
    return frozenset(phrase.split()[0] for phrase in quote_verbs if " " in phrase)


def _phrase_key(verb: Token, second: Token) -> str:
    """How speech.yaml writes a two-word quote verb: "go on" for "went on"."""
    return f"{verb.lemma_.lower()} {second.lower_}"


def cue_prep(verb: Token) -> Token | None:
    """The preposition of a phrasal cue ("called for", "pointed to"), if any."""
    phrasal = lexicon().prep_cues.get(cue_lemma(verb))
    if not phrasal:
        return None
    prep = next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ in phrasal), None)
    return prep if prep is not None else _clause_prep(verb, phrasal)


def _clause_prep(verb: Token, phrasal: frozenset[str]) -> Token | None:
    """'calling for the state to act': the parser makes "for" the mark of a clause."""
    for clause in verb.rights:
        if clause.dep_ != "advcl":
            continue
        first = verb.doc[min(t.i for t in clause.subtree)]
        if first.dep_ == "mark" and first.lower_ in phrasal and first.i - verb.i <= 2:
            return first
    return None


def cue_particle(verb: Token) -> Token | None:
    """The particle of a particle cue ("pointed out", "weighed in"), if any."""
    particles = lexicon().particle_cues.get(verb.lemma_.lower())
    if not particles:
        return None
    return next(
        (c for c in verb.rights if c.lower_ in particles and (c.dep_ == "prt" or _loose_particle(c))),
        None,
    )


def _loose_particle(word: Token) -> bool:
    """A particle the parser took for an adverb ("walked *back* the pledge", "brushed
    *aside* the plan"): right after its verb, it is the particle all the same."""
    return word.dep_ == "advmod" and word.i == word.head.i + 1


def made_clear(verb: Token) -> Token | None:
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


def adjective_prep(adj: Token) -> Token | None:
    """The preposition of a stance adjective ("critical of", "worried about")."""
    preps = lexicon().adjective_preps.get(adj.lower_)
    if not preps:
        return None
    return next((c for c in adj.rights if c.dep_ in {"prep", "agent"} and c.lower_ in preps), None)


def feeling_passive(verb: Token) -> bool:
    """A feeling or stance in passive form, read as the adjective it is: "the crew were
    alarmed by the rota", "she was convinced that ..."."""
    if verb.pos_ != "VERB" or verb.tag_ != "VBN":
        return False
    deps = {c.dep_ for c in verb.children}
    if not {"auxpass", "nsubjpass"} <= deps and verb.dep_ != "acomp":
        return False
    if adjective_prep(verb) is not None:
        return True
    return verb.lower_ in lexicon().adjectives and any(
        c.dep_ == "ccomp" and c.i > verb.i for c in verb.children
    )


def _that_clause_verb(verb: Token) -> bool:
    """A verb outside our lists that takes "that ..." with a subject of its own
    ("she reasoned that ...", "critics charged that ..."): nearly always a report of
    speech or thought, bar a few verbs of cause and consequence."""
    if verb.lemma_.lower() in lexicon().not_cues or not verb.is_alpha:
        return False  # a stray "’s" tagged as a verb is no cue either
    has_subject = any(c.dep_ in {"nsubj"} for c in verb.children)
    return has_subject and any(
        c.dep_ == "ccomp" and c.i > verb.i and that_marked(c) for c in verb.children
    )


def that_marked(clause: Token) -> bool:
    """Whether the clause opens with the conjunction "that" ("said *that* ..."), wherever
    the parser hung it inside the clause."""
    first = clause.left_edge
    return first.dep_ == "mark" and first.lower_ == "that" or any(
        m.dep_ == "mark" and m.lower_ == "that" for m in clause.children
    )


def speech_act(verb: Token) -> Token | None:
    """The speech-act noun a light verb takes as its object ("made the allegation",
    "took a swipe at", "issued a warning"): together they are the cue."""
    lex = lexicon()
    if verb.lemma_.lower() not in lex.light_verbs:
        return held_view(verb)
    act = next(
        (c for c in verb.rights if c.dep_ == "dobj" and c.lemma_.lower() in lex.act_nouns), None
    )
    return act if act is not None else held_view(verb)


def held_view(verb: Token) -> Token | None:
    """The view a verb of holding or handing over takes as its object ("*has* doubts
    about the plan", "*holds* hawkish views on trade", "*gave* a curt answer"): together
    they are the cue, as with a speech-act noun; "has a car" is no view."""
    lex = lexicon()
    if verb.lemma_.lower() not in lex.view_holder_verbs:
        return None
    return next(
        (c for c in verb.rights if c.dep_ == "dobj" and c.lemma_.lower() in lex.held_view_nouns),
        None,
    )


def bare_act(noun: Token) -> bool:
    """A speech act with nothing after it to say what it is about ("made that
    argument", "voiced concern"): the act is what was said, and the verb alone the cue."""
    if act_prep(noun) is not None:
        return False
    if any(c.dep_ in {"acl", "relcl", "ccomp", "xcomp"} for c in noun.rights):
        return False
    # "made the case to a crowd that ...": a "that" clause the parser hung on the hearer.
    return not any(
        t.i > noun.i and t.dep_ in {"relcl", "acl"} and that_marked(t) for t in noun.head.subtree
    )


def act_prep(noun: Token) -> Token | None:
    """The preposition that names what a speech act is about ("a swipe *at* the mayor")."""
    lex = lexicon()
    lemma = noun.lemma_.lower()
    preps = (lex.act_nouns.get(lemma) or frozenset()) | (lex.held_view_nouns.get(lemma) or frozenset())
    # The parser may hang the preposition on the verb instead ("took a swipe | at ...").
    after = max(t.i for t in noun.subtree) + 1
    candidates = [*noun.rights, *(c for c in noun.head.rights if c.i == after)]
    return next((c for c in candidates if c.dep_ == "prep" and c.lower_ in preps), None)


def cue_word(tok: Token) -> bool:
    """A reporting verb, or an adjective of stance with a clause ("adamant that ...")."""
    lex = lexicon()
    if tok.pos_ == "VERB":
        lemma = cue_lemma(tok)
        return (
            lemma in lex.verbs
            or lemma in lex.quote_verbs
            or cue_prep(tok) is not None
            or cue_particle(tok) is not None
            or made_clear(tok) is not None
            or speech_act(tok) is not None
            or _that_clause_verb(tok)
            or feeling_passive(tok)
        )
    if tok.pos_ != "ADJ":
        return False
    if adjective_prep(tok) is not None:
        return tok.dep_ in {"acomp", "amod", "ROOT", "conj"} or _describing(tok)
    if tok.lower_ in lex.infinitive_adjectives and (tok.dep_ == "acomp" or _describing(tok)):
        # "was eager to meet", "were quick to embrace": a stance on what comes next.
        if any(c.dep_ == "xcomp" and c.i > tok.i for c in tok.children):
            return True
    if tok.lower_ not in lex.adjectives:
        return False
    clauses = list(tok.children) + (list(tok.head.children) if tok.dep_ == "acomp" else [])
    return any(c.dep_ == "ccomp" and c.i > tok.i for c in clauses)


def _describing(adj: Token) -> bool:
    """A stance adjective that describes a noun ("voters angry at", "left them fearful
    that") or makes a small clause with one ("made me wary of"), with no copula."""
    if adj.dep_ == "ccomp":
        return any(c.dep_ == "nsubj" and c.i < adj.i and c.pos_ in NOMINAL for c in adj.children)
    if adj.dep_ == "amod":
        return adj.head.i < adj.i and adj.head.pos_ in NOMINAL
    return adj.dep_ == "oprd"


def is_cue_verb(tok: Token) -> bool:
    return tok.pos_ == "VERB" and cue_word(tok)


def cue_span(verb: Token) -> CharSpan:
    """The verb with its auxiliaries and negation ("has not said") and its particle."""
    start = _cue_start(verb)
    adjectival = verb.pos_ == "ADJ" or feeling_passive(verb)
    if adjectival and verb.dep_ == "acomp" and verb.head.i < verb.i:
        start = _cue_start(verb.head)  # "was also critical of": the copula opens the cue
    prep = adjective_prep(verb) if adjectival else cue_prep(verb)
    clear = made_clear(verb)
    if clear is not None and clear.i - verb.i <= 2:
        return start.idx, clear.idx + len(clear)
    act = speech_act(verb) if verb.pos_ == "VERB" else None
    if act is not None and not bare_act(act):
        end = act_prep(act) or act
        return start.idx, end.idx + len(end)
    if (
        prep is not None
        and prep.i - verb.i <= 2
        and not any(c.dep_ in CLAUSE_DEPS for c in verb.children)
    ):
        return start.idx, prep.idx + len(prep)
    phrase = quote_phrase(verb)
    end = verb if phrase is None else phrase[1]
    particle = cue_particle(verb) if verb.pos_ == "VERB" else None
    for child in verb.rights:
        if (child.dep_ == "prt" or child == particle) and child.i == end.i + 1:
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


def shared_cue(verb: Token) -> Token | None:
    """The cue whose clause the parser hung this cue on, when the two share a speaker:
    "He said the vote was fair and said that ..." or "She said she was busy, telling
    reporters that ...". The parser makes the second cue part of the first one's
    content; it is the same speaker's next statement."""
    if verb.pos_ != "VERB" or any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children):
        return None
    before = text_before(verb).lower()
    if verb.dep_ == "conj":
        joined = before in {"and", ","}
    else:
        joined = verb.dep_ == "advcl" and verb.tag_ == "VBG" and before == ","
    head = verb.head
    if not joined or head.dep_ != "ccomp" or not cue_word(verb):
        return None
    outer = head.head
    return outer if outer.i < head.i and is_cue_verb(outer) else None
