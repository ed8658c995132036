"""Statements: who said (wrote, believes, wants) what, through which outlet, how hedged.

This module is the spaCy component and the rules for verb cues. The parts live in:

- :mod:`newsgraph.extract.cues`: the speech lexicon and which tokens are cues;
- :mod:`newsgraph.extract.sources`: which word speaks for a cue, and the fallbacks for
  the parser's misreadings;
- :mod:`newsgraph.extract.source_phrases`: where the speaker's phrase ends;
- :mod:`newsgraph.extract.vias`: the outlets that passed a statement on;
- :mod:`newsgraph.extract.contents`: what a verb cue reports, and where it ends;
- :mod:`newsgraph.extract.quotes`: quote marks, quoted contents, continued quotes;
- :mod:`newsgraph.extract.phrases`: noun cues, "according to", headline colons;
- :mod:`newsgraph.extract.copulas` and :mod:`newsgraph.extract.findings`: copular stances,
  and what polls and records show;
- :mod:`newsgraph.extract.hedges`: "reportedly" and the like;
- :mod:`newsgraph.extract.spans` and :mod:`newsgraph.extract.attribution`: shared
  span helpers and the ``StatementMention`` record.

General rules on the dependency parse, with the words in ``knowledge/speech.yaml``:

- A reporting verb ("say", "tell", "believe", "want" ...) is a *cue*, with its auxiliaries
  and negation ("has not said"). Its content is its clausal complement (``ccomp``: "said
  after the meeting that ..."), its ``xcomp`` ("wants to leave"), a quote it governs, its
  noun object ("denied the claim"; not for hearer verbs: "told *reporters*"), the object
  of a phrasal cue ("called for a recount"), or what follows "said:". Its source is the
  subject noun phrase (the nearest one, without a dateline or an age), the ``by`` agent
  of a passive, or the subject of the verb it hangs from ("..., saying that ...").
  Stance adjectives with a clause ("adamant that ...", "glad that ...") or an infinitive
  ("was eager to meet ...") are cues too, and so is the colon of a headline or transcript
  line ("Premier Okafor: ...").
- Some verbs report only in one frame and with a named subject ("Senator Lee published
  an op-ed", "the council voted to delay"): ``named_frame_cues`` in speech.yaml; a few
  with any subject that speaks ("the board decided to wait"): ``frame_cues``; verbs of
  striking with a named person as object ("Lee hit Okafor on taxes"): ``attack_verbs``.
- PolNeAR-style forms: particle verbs ("pointed out"), "made it clear that", stance
  adjectives with a preposition ("was critical of ...", the copula joins the cue), any
  verb with a subject and a "that" clause unless it is a verb of consequence ("means
  that"), speech and stance nouns with an owner ("the mayor's call for ...", "her view
  that ...", "in his view, ..."), quantities as sources ("about 4 in 10 say"), and a day
  right after the cue ("said Tuesday"). Clauses come from the cue's own paragraph only.
- A closing "..., police said." or "..., said Ann Lee, a nurse." reports the sentence
  before its comma, however the parser hung that sentence on the cue.
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
  fragment, so each content is exact text. A quote signed with a dash and a name
  ("“...” ― Ann Lee, a nurse") is that person's. A paragraph that is only a quote, with no cue
  of its own, continues the previous direct statement: a new statement with that cue and
  source.
- Via: the outlet that heard the source ("told the Post"), the outlet of an "according
  to"/"citing" phrase, or an outlet that "reported" the inner statement; nearest first.
- Hedges ("reportedly", "it appears", "is said to") on the cue, on the content's verb or
  governing the cue set ``hedged``. A hedge adverb on a verb that is not a cue
  ("Ankara has reportedly begun ...") makes a sourceless statement with the hedge as cue.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsgraph.extract import doc_text
from newsgraph.extract.attribution import StatementMention
from newsgraph.extract.contents import (
    after_clause_break,
    content_of,
    reported_clauses,
    without_aside_relative,
    without_closing_according,
)
from newsgraph.extract.copulas import (
    copular_agent_statements,
    misread_stance_statements,
    per_statements,
    poll_placing_statements,
)
from newsgraph.extract.cues import (
    Lexicon,
    cue_lemma,
    cue_span,
    cue_word,
    in_set_phrase,
    lexicon,
)
from newsgraph.extract.findings import (
    FINDING_VERBS,
    based_on_statements,
    misread_finding_statements,
    misread_reduced_relative,
)
from newsgraph.extract.hedges import attach_hedges
from newsgraph.extract.phrases import (
    according_statements,
    by_reckoning_statements,
    copular_noun_statements,
    headline_statements,
    held_among_statements,
    noun_read_stance_statements,
    noun_statements,
    owned_speech_statements,
    poll_statements,
    viewer_statements,
)
from newsgraph.extract.quotes import (
    adjacent_quote,
    find_quotes,
    kind_and_content,
    quote_statements,
    signed_quotes,
)
from newsgraph.extract.source_phrases import DASHES, source_phrase
from newsgraph.extract.sources import (
    SEEMING,
    as_clause,
    described_holder,
    gerund_subject,
    misread_participle,
    misread_verb_subject,
    person_or_group,
    source_token,
    speaker_before,
    stray_subject,
    subject_in_opener,
)
from newsgraph.extract.spans import (
    CharSpan,
    fixed_parse,
    indices_with_pos,
    paragraphs,
    span_text,
    subtree,
    trimmed,
)
from newsgraph.extract.vias import apply_vias, via_of_verb
from newsgraph.pipeline import register_extensions

register_extensions()


def frame(verb: Token, how: str) -> str:
    """How a cue takes its content, finer for clauses: a "that" clause, one with another
    mark ("whether", "if"), a bare complement (``ccomp``) or an infinitive (``xcomp``)."""
    if how != "clause":
        return how
    clauses = reported_clauses(verb, list(verb.children))
    if not clauses:
        return how
    if clauses[0].dep_ == "xcomp":
        return "xcomp"
    marks = [m.lower_ for m in clauses[0].children if m.dep_ == "mark"]
    return ("that" if "that" in marks else "mark") if marks else "ccomp"


def _loose_frame(verb: Token, how: str, lex: Lexicon) -> bool:
    """A frame in which this word rarely reports anything ("found the keys", "pushed
    the cart", "ensure that ..."): measured per word on news, kept in speech.yaml."""
    key = cue_lemma(verb) if verb.pos_ == "VERB" else verb.lower_
    frames = lex.frames_not_cues.get(key)
    if frames and "infinitive" in frames and _to_infinitive(verb) and how == "object":
        return True
    if frames and "describing" in frames and verb.dep_ in {"acl", "relcl"}:
        return True  # "governors seeking to stem his rise": who they are, not a stance
    if not frames or frame(verb, how) not in frames:
        return False
    # "A survey found 90 percent support": a study reports in any frame.
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is None or subject.lemma_.lower() not in lex.research_nouns


def _to_infinitive(verb: Token) -> bool:
    """A verb in its "to" form ("went to see him", "free to support either one", "spent
    $40,000 to back her"): with an object, an act planned, hoped for or paid for, not one
    on record ("to see why ..." still reports a finding)."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


# Entity types of a named source: a person, an organization, a group or a state.
NAMED = {"PERSON", "ORG", "NORP", "GPE"}


def _named_frame_cue(verb: Token, lex: Lexicon) -> bool:
    """A verb that reports a stance or act of record only in one frame and with a named
    subject ("the senator *published* an op-ed", "Lee *is looking* to run"): measured
    per word, frame and subject on news, kept in speech.yaml."""
    frames = lex.named_frame_cues.get(verb.lemma_.lower())
    if not frames or verb.pos_ != "VERB":
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or not (subject.pos_ == "PROPN" or subject.ent_type_ in NAMED):
        return False
    return frame(verb, content_of(verb, lex)[1]) in frames


def _frame_cue(verb: Token, lex: Lexicon) -> bool:
    """A verb that reports a decision only in one frame, whatever its subject ("the board
    *decided* to wait", "voters *decided* they had had enough"), but not as a bare event
    ("the game was decided late"): measured per word and frame on news, in speech.yaml."""
    frames = lex.frame_cues.get(verb.lemma_.lower())
    if not frames or verb.pos_ != "VERB" or source_token(verb) is None:
        return False
    return frame(verb, content_of(verb, lex)[1]) in frames


def _rule_cue(verb: Token, lex: Lexicon) -> bool:
    """A law or a rule as the subject of a verb that states a rule ("the law *requires*
    that ...", "state rules do not *require* ..."): the text is the source of its rule,
    where "the job requires patience" states nothing."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in lex.rule_verbs:
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.lemma_.lower() in lex.rule_nouns


# Entity types of places.
PLACES = {"GPE", "LOC", "FAC"}


def _attack_cue(verb: Token, lex: Lexicon) -> bool:
    """A verb of striking with a named person or group as its object and a speaker as
    its subject: "Lee *hit* Okafor on taxes" is a verbal attack, "the storm hit Florida"
    has no speaker and "hit the trail" strikes no one."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in lex.attack_verbs:
        return False
    target = next((c for c in verb.children if c.dep_ == "dobj"), None)
    # A place is struck by storms and armies, not by words.
    if target is None or target.ent_type_ in PLACES:
        return False
    if target.ent_type_ not in NAMED and target.pos_ != "PROPN":
        return False
    subject = source_token(verb)
    return subject is not None and subject.ent_type_ not in PLACES


# What may stand between a closing quote and the clause that signs it off.
QUOTE_GAP = " ,\t\u00a0-\u2013\u2014'\"\u201d\u2019"
QUOTE_MARKS = " \u00a0'\"\u201d\u2019"


def _main_verb_with_subject(verb: Token) -> bool:
    """The sentence's main verb with a subject of its own: where a verb outside our lists
    may still hand over a quote."""
    return verb.pos_ == "VERB" and verb.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in verb.children)


def _signing_off_quote(verb: Token, quotes: list[CharSpan]) -> bool:
    """A verb outside our lists that signs off the quote right before it, with a subject
    and nothing after it ("“We will not back down,” the mayor fumed.", "“...,” retorted
    Lee."): the quote is what the verb reports, whatever manner of speaking it names."""
    if not _main_verb_with_subject(verb):
        return False
    if any(c.dep_ not in {"punct", "advmod", "npadvmod", "nsubj"} for c in verb.rights):
        return False
    subject = next(c for c in verb.children if c.dep_ == "nsubj")
    start = verb.doc[min(subject.left_edge.i, verb.i)].idx
    text = doc_text(verb.doc)
    return any(
        end <= start
        and not text[end:start].strip(QUOTE_GAP)
        and "\n" not in text[end:start]
        # "“We will win.” The crowd left.": a quote closed by a full stop ends its own
        # sentence; one that signs off ends in a comma, "!" or "?".
        and text[begin:start].rstrip(QUOTE_MARKS)[-1:] in {",", "!", "?"}
        for begin, end in quotes
    )


def _colon_quote(verb: Token, quotes: list[CharSpan]) -> bool:
    """A main verb outside our lists whose clause ends in a colon and a quote ("He
    demurred: “Not today.”", "Lee went further: “...”"): the colon hands its speaker's
    words over, whatever the verb names, unless another verb comes before the colon."""
    if not _main_verb_with_subject(verb):
        return False
    colon = next((c for c in verb.rights if c.dep_ == "punct" and c.text == ":"), None)
    if colon is None:
        return False
    if any(t.pos_ in {"VERB", "AUX"} for t in verb.doc[verb.i + 1 : colon.i]):
        return False
    # The quote opens right after the colon: a space and a quote mark at most between.
    return any(colon.idx < begin <= colon.idx + 3 for begin, _ in quotes)


def _verb_statement(
    verb: Token, quotes: list[CharSpan], dash_led: list[CharSpan]
) -> StatementMention | None:
    """The statement a cue verb makes; ``dash_led`` are the quotes right after a dash."""
    lex = lexicon()
    cue = cue_span(verb)
    content_idx, how = content_of(verb, lex)
    if _loose_frame(verb, how, lex) and not _quote_frame(verb, content_idx, quotes):
        return None
    if _terms_of_speaking(verb.doc, content_idx) or _prospect(verb) or _names_who(verb):
        return None
    if how != "colon":
        # The parser may run on into the next paragraph; content stays in the cue's.
        paras = paragraphs(verb.doc)
        content_idx = {i for i in content_idx if paras[i] == paras[verb.i]}
    content_idx = after_clause_break(verb, content_idx)
    if how in {"object", "prep"}:
        content_idx = without_aside_relative(verb.doc, content_idx)
    if not as_clause(verb):
        content_idx = without_closing_according(verb, content_idx)
    source_tok = (
        source_token(verb)
        or stray_subject(verb)
        or misread_verb_subject(verb)
        or gerund_subject(verb)
        or described_holder(verb)
    )
    swallowed = subject_in_opener(verb) if source_tok is None else None
    opener: set[int] | None = None
    if swallowed is not None:
        source_tok, opener = swallowed
    if _a_time(source_tok):
        return None  # "As Monday began": a time speaks for nobody
    if how == "object" and source_tok is None:
        return None  # "Finding a solution ..." is not a finding without a finder
    if source_tok is not None and not _speaker(source_tok):
        # "Making her way out, Lee and her aide, thanked ...": a clause the parser made
        # the subject; the speaker is the phrase right before the cue.
        misread = source_tok.pos_ in {"VERB", "AUX"} and source_tok.i < verb.i
        source_tok = speaker_before(verb) if misread else None
    if source_tok is not None and _borrowed_it(verb, source_tok):
        source_tok = None
    if source_tok is not None and _act_as_subject(verb, source_tok, lex):
        source_tok = None
    if _seeming(verb):
        source_tok = None
    if source_tok is not None and _you_with_object(verb, source_tok):
        source_tok = None
    if cue_lemma(verb) in lex.quote_verbs and cue_lemma(verb) not in lex.verbs:
        # Only a quote of its own makes it a cue: "As the day began, ..." is a time, but
        # "as she put it" is what "put it" is for.
        marked = any(c.dep_ == "mark" for c in verb.children) and " " not in cue_lemma(verb)
        aimed = how in {"object", "rest"} and _particle_retort(verb)
        if (how not in {"clause", "governor", "colon"} and not aimed) or marked or any(
            c.dep_ == "xcomp" for c in verb.children
        ):
            content_idx = set()
    phrase = source_phrase(source_tok) if source_tok is not None else set()
    if opener is not None and source_tok is not None and source_tok.i in opener:
        phrase &= opener  # the opening phrase's words before the comma are not the speaker's
    if source_tok is not None:
        # A cue inside its source's phrase ("voters saying ...") keeps its clause.
        inside = verb in source_tok.subtree
        # Words the phrase took from elsewhere ("Cook" read as a verb in "Cook senior
        # adviser Ann Lee said") are the source's, not the content's.
        own = _before_describing(verb, phrase)
        content_idx -= own if inside else subtree(source_tok) | own
    content = trimmed(verb.doc, content_idx - {verb.i})
    aside = _dashed_quote(verb, source_tok, quotes, cue, dash_led)
    if aside is not None:
        content = aside
    elif content is None or how == "governor":
        # A cue set off by commas inside or after its quote: prefer the quote itself.
        content = adjacent_quote(verb, source_tok, quotes, cue) or content
    if content is None:
        return None
    source = None
    if source_tok is not None:
        grown = _with_participle(verb, source_tok, phrase)
        source = trimmed(verb.doc, _past_cue(verb, _before_describing(verb, grown)))
    overlaps = source is not None and content[0] < source[1] and source[0] < content[1]
    # "the wall, which he said the state would fund": the relative clause is the content,
    # its speaker and cue inside it.
    if overlaps and how != "governor" and verb.dep_ != "relcl":
        # "what many analysts said was a sign": a free relative opens the content before
        # its speaker; what follows the cue is what was said.
        content = _after_free_relative(verb, content_idx)
        if content is None or source is not None and content[0] < source[1]:
            return None
    kind, content = kind_and_content(verb.doc, content, quotes, cue)
    return StatementMention(
        cue=cue,
        content=content,
        source=source,
        source_head=source_tok.i if source_tok is not None else None,
        kind=kind,
        via=via_of_verb(verb),
    )


def _seeming(verb: Token) -> bool:
    """"Seem" or "appear" as the cue itself, with no cue under it ("the figures appear
    to be wrong", "..., and seemed to take heart"): the writer's inference about its
    subject, which is no speaker, however the subject was found (:func:`source_token`
    declines it only on the verb's own subject, not one shared through "and")."""
    if verb.lemma_.lower() not in SEEMING:
        return False
    return not any(c.dep_ == "xcomp" and cue_word(c) for c in verb.children)


def _particle_retort(verb: Token) -> bool:
    """A quote verb with its particle aimed at something ("fired back at the governor",
    "laughed off the attack ad", "hit back at critics"): a retort or a dismissal on
    record, which reports its target as "said" reports its clause."""
    doc = verb.doc
    second = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if second is None or second.head != verb or second.dep_ not in {"prt", "advmod"}:
        return False
    return second.lower_ in RETORT_PARTICLES


# The particles of a retort or a dismissal: "fired back", "laughed off".
RETORT_PARTICLES = frozenset({"back", "off"})


MODALS = frozenset({"would", "might", "could", "may", "will", "'d", "’d", "'ll", "’ll"})


def _prospect(verb: Token) -> bool:
    """A cue with a modal in a clause that fills a noun ("the possibility that she might
    nominate him", "no guarantee he would name a moderate", "news that the union would
    endorse her"): a prospect the noun names, not a stance anyone has taken."""
    return (
        verb.dep_ == "acl"
        and verb.head.pos_ == "NOUN"
        and any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children)
    )


def _names_who(verb: Token) -> bool:
    """A participle with a doer after "by" on a person or a group of people ("the
    governor *challenged* by Lee in 1990", "judges *nominated* by both parties", "Diaz
    - *mentioned* by the Gazette as a pick -"): it says who they are, a past act or a
    title, not a stance the doer holds. PolNeAR marks about one in four of them."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or not any(c.dep_ == "agent" for c in verb.children):
        return False
    return person_or_group(verb.head)


# The terms a source spoke on, not what it said: "spoke on (the) condition of anonymity",
# "talked on background".
SPEAKING_TERMS = frozenset({"condition", "anonymity", "background"})


def _terms_of_speaking(doc: Doc, content_idx: set[int]) -> bool:
    """A content that is only the terms of speaking ("who spoke on the condition of
    anonymity", "talked to the paper on background"): it says how the source spoke, not
    what, and the speaking itself is no statement."""
    # Most contents hold none of the words; the text says so without a Token per word.
    text = span_text(doc, content_idx).lower()
    if not any(word in text for word in SPEAKING_TERMS):
        return False
    roots = [doc[i] for i in content_idx if doc[i].head.i not in content_idx or doc[i].head.i == i]
    return bool(roots) and all(
        r.lemma_.lower() in SPEAKING_TERMS and r.head.lower_ in {"on", "under"} for r in roots
    )


def _with_participle(verb: Token, tok: Token, indices: set[int]) -> set[int]:
    """A participle right after the source with no comma before it says which ones speak
    ("groups urging her to run are hailing ...", "Republicans backing the bill have
    said"): it stays in the source, though it holds a stance of its own, unless it holds
    this very cue."""
    if not indices:
        return indices
    misread = misread_participle(tok, verb) or misread_reduced_relative(tok, verb)
    if misread:
        return indices | misread
    for child in tok.rights:
        words = subtree(child)
        if child.dep_ != "acl" or child.tag_ != "VBG" or verb.i in words:
            continue
        opens = verb.doc[min(words)]
        if min(words) == max(indices) + 1 and max(words) < verb.i and not opens.is_punct:
            return indices | words
    return indices


def _before_describing(verb: Token, indices: set[int]) -> set[int]:
    """A stance adjective after the noun it describes ("voters angry at the levy") sits
    inside that noun's phrase: the source ends before it, the rest is what it is about."""
    if verb.pos_ == "ADJ" and verb.i in indices:
        return {i for i in indices if i < verb.left_edge.i}
    return indices


def _past_cue(verb: Token, indices: set[int]) -> set[int]:
    """A source phrase the parser grew over the cue before it ("“...,” tweeted party
    spokesman Ann Lee" with "tweeted" read as an adjective on the title): the source
    starts after the cue."""
    if verb.i in indices and any(i > verb.i for i in indices):
        return {i for i in indices if i > verb.i}
    return indices


def _dashed_quote(
    verb: Token,
    source_tok: Token | None,
    quotes: list[CharSpan],
    cue: CharSpan,
    dash_led: list[CharSpan],
) -> CharSpan | None:
    """The quote of a cue set between dashes inside another sentence ("Lee praised the
    plan - “a bold step,” she said - and left"): what the cue reports is the quote,
    not the sentence around the dashes, which is another statement."""
    # Runs once per cue; most texts have no quote after a dash before it.
    if not any(q[1] <= verb.idx for q in dash_led):
        return None
    quote = adjacent_quote(verb, source_tok, quotes, cue)
    if quote is None or quote[1] > verb.idx or quote not in dash_led:
        return None
    subtree_idx = {t.i for t in verb.subtree}
    for tok in verb.doc[verb.i + 1 : verb.sent.end]:
        if tok.text in DASHES:
            return quote
        if tok.i not in subtree_idx or tok.is_quote or tok.text in {".", ";", ":"}:
            return None
    return None


def _after_dash(text: str, quote: CharSpan) -> bool:
    """Whether a dash comes right before the quote, its opening mark aside."""
    # A window, not the whole text before the quote.
    before = text[max(0, quote[0] - 200) : quote[0]].rstrip(" \t,'`“\"").rstrip()
    return any(before.endswith(d) for d in DASHES)


def _quote_frame(verb: Token, content_idx: set[int], quotes: list[CharSpan]) -> bool:
    """A cue with nothing after it but a quote right before its clause ("“Really,” she
    added"): the quote is what it reports, whatever the word means elsewhere."""
    if content_idx or verb.dep_ != "ROOT":
        return False
    quote = adjacent_quote(verb, source_token(verb), quotes)
    return quote is not None and quote[1] <= verb.idx


def _after_free_relative(verb: Token, content_idx: set[int]) -> CharSpan | None:
    """The content after the cue when a "what" or "who" before the speaker opens it."""
    first = verb.doc[min(content_idx)] if content_idx else None
    if first is None or first.tag_ not in {"WP", "WDT"}:
        return None
    return trimmed(verb.doc, {i for i in content_idx if i > verb.i})


def _a_time(tok: Token | None) -> bool:
    """A date or time, but not a person known by age ("said the 46-year-old") or a
    count of people, which the entity recognizer marks as dates too."""
    if tok is None or tok.ent_type_ not in {"DATE", "TIME"}:
        return False
    # "43 said the same": a bare count of people, which the recognizer took for a year.
    return tok.lower_ not in {"old", "olds"} and not (tok.tag_ == "CD" and tok.dep_ == "nsubj")


def _speaker(subject: Token) -> bool:
    """Whether a cue's subject can be named as its speaker. A clause cannot: "Holding
    rates near zero has encouraged ..." (but a name the tagger took for a verb can). Nor
    can a relative "that": "the groups that oppose the bill" mostly describes them, and
    PolNeAR marks a source for only a quarter of such clauses; the stance stays."""
    if subject.pos_ in {"VERB", "AUX"}:
        title = subject.is_title and (subject.i != subject.sent.start or _bare_word(subject))
        return bool(subject.ent_type_) or title
    if _pointing_word(subject):
        return False
    return not (subject.lower_ == "that" and subject.head.dep_ == "relcl") or _finding_relative(subject)


def _finding_relative(subject: Token) -> bool:
    """A relative "that" on a poll or a study ("a new poll that shows ...", "polling that
    documented her lead"): a verb of finding reports what it found, and PolNeAR marks the
    pronoun as its source, where on a person or a group it mostly only describes them."""
    lex = lexicon()
    verb, antecedent = subject.head, subject.head.head
    finding = verb.lemma_.lower() in FINDING_VERBS | {"find"}
    return finding and antecedent.lemma_.lower() in lex.research_nouns | lex.poll_nouns


def _borrowed_it(verb: Token, subject: Token) -> bool:
    """A bare "it" that is another verb's subject, lent to a cue without one of its own
    ("It means admitting that ...", "when it comes to recognizing ...", "It received a
    fee to promote ..."): an expletive or a thing, not the one who admits or promotes.
    PolNeAR marks such a source about one time in six. An "it" whose own verb is a cue
    speaks ("It wants to argue ..."): a paper or a party, kept."""
    return (
        subject.lower_ == "it"
        and subject.head.i != verb.i
        and not cue_word(subject.head)
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
    )


def _act_as_subject(verb: Token, subject: Token, lex: Lexicon) -> bool:
    """A speech act, a stance or an event named by a noun as the subject of a verb that
    is not a verb of speaking proper ("His remarks indicated ...", "the senator's
    endorsement may signal ...", "the debate revealed ..."): the writer reads the act or
    the event, no one speaks through it. An authored text speaks ("the statement urged ..."), and so does any
    act noun with "said" ("the question asked whether ..."). PolNeAR marks such a
    source about one time in five."""
    if subject.pos_ != "NOUN" or verb.lemma_.lower() in lex.speaking_verbs:
        return False
    noun = subject.lemma_.lower()
    if noun in lex.authored_nouns:
        return False
    return any(
        noun in nouns
        for nouns in (lex.act_nouns, lex.cue_nouns, lex.occasion_act_nouns, lex.event_nouns)
    )


def _you_with_object(verb: Token, subject: Token) -> bool:
    """"You" outside a quote as the subject of a cue with a thing for its object and no
    clause ("you will never see his tax returns", "Do you support the levy?", "you can
    see the scope of the problem"): the writer addresses the reader or anyone at all,
    and neither has said anything. PolNeAR marks such a source about one time in four;
    with a clause ("you might think that ...") far more often, so that stays."""
    if subject.lower_ != "you" or subject.head.i != verb.i:
        return False
    children = {c.dep_ for c in verb.children}
    return "dobj" in children and not children & {"ccomp", "xcomp"}


def _bare_word(subject: Token) -> bool:
    """A subject with nothing hung on it but punctuation and asides: "Kowalski, through a
    lawyer, declined" is a name the tagger took for a verb, not a clause like "Holding
    rates low has helped"."""
    doc = subject.doc
    return all(c.dep_ == "punct" or doc[c.left_edge.i - 1].text == "," for c in subject.children)


# Words that point at a thing or a fact, never at a person: "That suggests ...",
# "What makes it hard is ...". ("Those" is left out: "those who voted" are people.)
POINTING = {"this", "that", "these", "what", "whatever"}


def _pointing_word(subject: Token) -> bool:
    """A bare "this", "that" or "what" as subject points at a fact or a thing the writer
    just named ("That shows how hard the race is"), so it is not a speaker: PolNeAR marks
    such a subject as a source about one time in ten."""
    return (
        subject.lower_ in POINTING
        and subject.head.dep_ != "relcl"
        and not any(c.dep_ in {"relcl", "acl", "prep", "appos"} for c in subject.children)
    )


# Cues that are not a verb of their own: phrases, nouns, copulas, polls. Each rule reads
# the Doc and its quotes and returns its statements, in this order.
PHRASE_RULES = (
    according_statements,
    noun_statements,
    owned_speech_statements,
    copular_noun_statements,
    held_among_statements,
    poll_statements,
    noun_read_stance_statements,
    viewer_statements,
    by_reckoning_statements,
    copular_agent_statements,
    poll_placing_statements,
    misread_stance_statements,
    per_statements,
    misread_finding_statements,
    based_on_statements,
)


def find_statements(doc: Doc) -> list[StatementMention]:
    """All attributions in the doc, in text order."""
    with fixed_parse(doc):
        return _statements(doc)


def _statements(doc: Doc) -> list[StatementMention]:
    quotes = find_quotes(doc_text(doc))
    dash_led = [q for q in quotes if _after_dash(doc_text(doc), q)]
    candidates = (doc[i] for i in indices_with_pos(doc, ("VERB", "ADJ")))
    lex = lexicon()
    found = [
        s
        for s in (
            _verb_statement(t, quotes, dash_led)
            for t in candidates
            if (
                cue_word(t)
                or _named_frame_cue(t, lex)
                or _frame_cue(t, lex)
                or _attack_cue(t, lex)
                or _rule_cue(t, lex)
                or _signing_off_quote(t, quotes)
            or _colon_quote(t, quotes)
            )
            and not in_set_phrase(t)
        )
        if s
    ]
    # Words quoted from someone ("“I think we can win,” she said") stay in that quote.
    found = [s for s in found if not any(q[0] <= s.cue[0] < q[1] for q in quotes)]
    for phrase_rule in PHRASE_RULES:
        found += phrase_rule(doc, quotes)
    found += headline_statements(doc)
    found = _fold_seeming(doc, apply_vias(doc, found))
    found += signed_quotes(doc, quotes)
    found += quote_statements(doc, quotes, found)
    found += attach_hedges(doc, found)
    for statement in found:
        _drop_markup(doc, statement)
    found = _without_describing_sources(doc, found)
    found = _outside_long_quotes(doc, quotes, found)
    found.sort(key=lambda s: (s.cue[0], s.content[0]))
    return found


def _without_describing_sources(doc: Doc, found: list[StatementMention]) -> list[StatementMention]:
    """A cue inside another statement's source ("Ann Lee, a senator *who has endorsed*
    Okafor, said ...", "groups *backing* the levy are hailing ..."): it says who that
    speaker is, and PolNeAR marks it as a statement of its own about one time in three
    (one in five when the speaker "said" something). It is dropped."""
    sources = [(s.source, s.cue) for s in found if s.source is not None]
    return [
        s
        for s in found
        # The containment test first: it is cheap, and rarely true.
        if not any(src[0] <= s.cue[0] and s.cue[1] <= src[1] and cue != s.cue for src, cue in sources)
        or _stance_word(doc, s)
    ]


# A quote of this many words or more is someone's words, not a title or a scare-quoted
# term ("this “reporter”", "star of “Scandal”").
LONG_QUOTE_WORDS = 5


def _outside_long_quotes(
    doc: Doc, quotes: list[CharSpan], found: list[StatementMention]
) -> list[StatementMention]:
    """A cue inside a long quote is the quoted speaker's word, whichever rule found it
    ("“... and her push for closer ties,” the paper wrote", "“According to the census,
    ...”"); a source inside one while its cue is outside was taken from the speaker's
    words (“I'm more skilled with my hands,” said Ann Lee): no source. A headline or
    transcript colon ("“LEE: ...") keeps its speaker."""
    text = doc_text(doc)
    long_quotes = [q for q in quotes if len(text[q[0] : q[1]].split()) >= LONG_QUOTE_WORDS]
    if not long_quotes:
        return found

    def quote_of(pos: int) -> CharSpan | None:
        return next((q for q in long_quotes if q[0] <= pos < q[1]), None)

    kept = []
    for s in found:
        quote = quote_of(s.cue[0])
        if quote is not None and text[s.cue[0] : s.cue[1]] != ":":
            continue
        if s.source is not None and quote_of(s.source[0]) not in {None, quote}:
            s.source, s.source_head = None, None
        kept.append(s)
    return kept


def _stance_word(doc: Doc, statement: StatementMention) -> bool:
    """A stance adjective ("insiders, long dismissive of the plan, ...") or a participle
    right on its noun ("members backing the plan have said ..."): a stance the source
    holds, kept with that source."""
    span = doc.char_span(*statement.cue, alignment_mode="expand")
    root = span.root if span is not None and len(span) else None
    return root is not None and (root.pos_ == "ADJ" or root.dep_ == "acl" and root.tag_ == "VBG")


def _drop_markup(doc: Doc, statement: StatementMention) -> None:
    """A source glued to a markup tag left in the text (an embedded post's
    ``<post author="..." date="...">Ann Lee``): the tag names no one, so the source
    starts after its closing ``>``, or is none if nothing follows it."""
    text = doc_text(doc)
    for s in [statement, *statement.relayed_by]:
        if s.source is None:
            continue
        cut = text.rfind(">", s.source[0], s.source[1])
        if cut < 0:
            continue
        start = cut + 1
        while start < s.source[1] and not (text[start].isalnum() or text[start] in "@#"):
            start += 1
        s.source = (start, s.source[1]) if start < s.source[1] else None
        if s.source is None:
            s.source_head = None


def _fold_seeming(doc: Doc, found: list[StatementMention]) -> list[StatementMention]:
    """"Rubio seemed to offer a caveat" is Rubio's statement, with "seemed to offer" as
    its cue and "seemed" as its hedge; the seeming is not a second, sourceless statement
    around it."""
    by_start = {s.cue[0]: s for s in found}
    folded = []
    for seeming in found:
        verb = _seeming_verb(doc, seeming)
        inner = next(
            (by_start[c.idx] for c in verb.children if c.dep_ == "xcomp" and c.idx in by_start),
            None,
        ) if verb is not None else None  # fmt: skip
        if inner is not None:
            inner.cue = (seeming.cue[0], inner.cue[1])
            inner.hedged, inner.hedge = True, inner.hedge or verb.lower_
            folded.append(seeming)
    return [s for s in found if all(s is not f for f in folded)]


def _seeming_verb(doc: Doc, statement: StatementMention) -> Token | None:
    """The verb of a sourceless "seemed" or "appears" statement."""
    if statement.source is not None:
        return None
    verb = doc.char_span(*statement.cue, alignment_mode="expand").root
    return verb if verb.lemma_.lower() in SEEMING else None


@Language.component("newsgraph_statements")
def statements_component(doc: Doc) -> Doc:
    doc._.ng_statements = find_statements(doc)
    return doc


__all__ = ["StatementMention", "find_quotes", "find_statements", "lexicon"]
