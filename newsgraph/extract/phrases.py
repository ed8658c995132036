"""Cues that are not verbs: speech and stance nouns with an owner ("her call for ..."),
"according to X", "in a poll released Monday, ...", and the colon of a headline
("Premier Okafor: ...")."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.attribution import StatementMention
from newsgraph.extract.cues import cue_word, lexicon, matchers, speech_act
from newsgraph.extract.quotes import kind_and_content
from newsgraph.extract.source_phrases import DASHES, noun_phrase, source_phrase
from newsgraph.extract.spans import (
    CharSpan,
    between_commas,
    indices_with_lower,
    indices_with_pos,
    paragraphs,
    prep_object,
    rest_of_paragraph,
    subtree,
    trimmed,
)
from newsgraph.extract.vias import is_outlet


def _noun_source(noun: Token) -> Token | None:
    """Whose call, view or claim: the possessive, or the object of "by"/"from"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    return _prep_holder(noun, frozenset({"by", "from"}))


def _prep_holder(noun: Token, preps: frozenset[str]) -> Token | None:
    """The object of one of ``preps`` after the noun, when it can name someone."""
    for child in noun.rights:
        if child.dep_ in {"prep", "agent"} and child.lower_ in preps:
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs and objs[0].pos_ in {"PROPN", "NOUN", "PRON"}:
                return objs[0]
    return None


def held_among_statements(doc: Doc, quotes: list[CharSpan]) -> list[StatementMention]:
    """"Support among union members", "anxiety among donors that ...": the group after
    "among" holds the stance the noun names, whoever owns the noun ("her support among
    women" is the women's). The noun phrase, or the clause the noun takes, is the
    content."""
    lex = lexicon()
    found = []
    for i in indices_with_pos(doc, ("NOUN",)):
        noun = doc[i]
        if noun.lemma_.lower() not in lex.held_among_nouns:
            continue
        holder = _prep_holder(noun, frozenset({"among"}))
        if holder is None:
            continue
        among = holder.head
        source_idx = noun_phrase(holder)
        content_idx, _ = _noun_content(noun, lex.cue_nouns.get(noun.lemma_.lower(), frozenset()))
        if not content_idx:
            content_idx = subtree(noun) - subtree(among)
        cue = (noun.idx, noun.idx + len(noun))
        statement = phrase_statement(doc, quotes, cue, content_idx - {among.i}, source_idx, holder)
        if statement is not None:
            found.append(statement)
    return found


def phrase_statement(
    doc: Doc,
    quotes: list[CharSpan],
    cue: CharSpan,
    content_idx: set[int],
    source_idx: set[int],
    source_tok: Token,
) -> StatementMention | None:
    """A statement from a cue phrase, its content without its source; None when
    nothing is left to say."""
    content = trimmed(doc, content_idx - source_idx)
    if content is None:
        return None
    kind, content = kind_and_content(doc, content, quotes, cue)
    return StatementMention(
        cue=cue, content=content, source=trimmed(doc, source_idx),
        source_head=source_tok.i, kind=kind,
    )  # fmt: skip


def _owner_acting(noun: Token, owner: Token) -> Token | None:
    """"Cruz stepped up his attacks on Trump": the verb's subject, whose own speech act
    the noun is ("his"), is the source, and the verb joins the cue."""
    verb = noun.head
    if owner.dep_ != "poss" or owner.pos_ != "PRON" or noun.dep_ != "dobj":
        return None
    if verb.pos_ != "VERB":
        return None
    subject = next((c for c in verb.lefts if c.dep_ == "nsubj"), None)
    if subject is None or subject.tag_ in {"WP", "WDT"} or subject.lower_ == "that":
        return None
    return subject


def _complement_that(clause: Token) -> bool:
    """Whether the clause opens with the conjunction "that" though the parser gave it
    another role ("warnings that they would soar" with "that" as an object): tagged as a
    conjunction (IN), it is no relative pronoun (WDT), so the clause is the noun's
    content, not a description of it."""
    first = clause.left_edge
    return first.lower_ == "that" and first.tag_ == "IN" and first.head == clause


def _reported_clause(noun: Token) -> Token | None:
    """The "that" or "to" clause a noun takes ("the claim that ...", "her call to ban
    ..."), if any."""
    for child in noun.rights:
        if child.dep_ in {"acl", "ccomp", "relcl"} and (
            any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)
            or any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
            or _complement_that(child)
        ):
            return child
    return None


def _noun_content(noun: Token, preps: frozenset[str]) -> tuple[set[int], Token | None]:
    """What the noun reports: its clause ("the claim that ..."), infinitive ("her call to
    ban ...") or prepositional object ("his support for ..."); the preposition if any."""
    clause = _reported_clause(noun)
    if clause is not None:
        return subtree(clause), None
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in preps and prep_object(child):
            return prep_object(child), child
    head = noun.head
    if noun.dep_ == "nsubj" and head.lemma_ == "be":
        # "Her view is that ...": the clause after the copula.
        for child in head.rights:
            if child.dep_ in {"ccomp", "attr"} and child.i > noun.i:
                return subtree(child), None
    if noun.dep_ == "pobj" and head.lower_ == "in" and head.head.pos_ in {"VERB", "AUX"}:
        # "In her view, ...": the clause the phrase modifies.
        return subtree(head.head) - subtree(head), None
    return set(), None


# Prepositions whose object is the matter of a dispute or of some act: "criticized Lee
# over her remarks", "a feud over his refusal to ...". ("for" was measured too, and
# loses more true attributions than it saves.)
REASON_PREPS = frozenset({"over"})


def _reason_or_topic(noun: Token) -> bool:
    """Whether the speech noun is what a dispute or an act is over ("slammed Lee over her
    call for a recount"): it names the matter of that act, and news annotators rarely
    take it for an attribution of its own."""
    return noun.dep_ == "pobj" and noun.head.lower_ in REASON_PREPS


def noun_statements(doc: Doc, quotes: list[CharSpan]) -> list[StatementMention]:
    """Speech and stance nouns with an owner: "Lee's call for a recount", "in his view"."""
    nouns = lexicon().cue_nouns
    found = []
    for i in indices_with_pos(doc, ("NOUN",)):
        noun = doc[i]
        if noun.lemma_.lower() not in nouns:
            continue
        source_tok = _noun_source(noun)
        if source_tok is None or speech_act(noun.head) == noun:
            continue  # "repeated his claim" is the verb's statement
        if _reason_or_topic(noun):
            continue
        content_idx, prep = _noun_content(noun, nouns[noun.lemma_.lower()])
        start = noun
        owner = _owner_acting(noun, source_tok)
        if owner is not None:
            source_tok, start = owner, noun.head
            source_idx = source_phrase(owner)
        else:
            source_idx = subtree(source_tok)
        end = prep if prep is not None and prep.i == noun.i + 1 else noun
        cue = (start.idx, end.idx + len(end))
        statement = phrase_statement(doc, quotes, cue, content_idx - {noun.i}, source_idx, source_tok)
        if statement is not None:
            found.append(statement)
    return found


# Entity types of a prepositional object that say when, not what about: "his remarks on
# Tuesday", "her statement on May 3".
WHEN_ENTS = frozenset({"DATE", "TIME"})


def _speech_content(noun: Token, preps: frozenset[str]) -> tuple[set[int], Token | None]:
    """What an owned speech noun is about: its "that" or "to" clause ("her claim that
    ...", "his vow to ...") or the object of one of its prepositions ("his remarks about
    the tariff"), but not a date ("his remarks on Tuesday"). Unlike ``_noun_content``, no
    clause the noun only sits in ("in his remarks, Lee said ..."): that clause has a
    verb of its own to report it."""
    clause = _reported_clause(noun)
    if clause is not None:
        return subtree(clause), None
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in preps and prep_object(child):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.ent_type_ in WHEN_ENTS:
                continue
            return prep_object(child), child
    return set(), None


def owned_speech_statements(doc: Doc, quotes: list[CharSpan]) -> list[StatementMention]:
    """"His remarks about the tariff", "the board's statement that ...", "a comment from
    Lee on ...": a noun for words someone said (owned_speech_nouns), with an owner and
    with what it is about, reports the owner's words, as "made remarks about" does.
    Pairs cue_nouns lists too are read by ``noun_statements``."""
    lex = lexicon()
    found = []
    for i in indices_with_pos(doc, ("NOUN",)):
        noun = doc[i]
        lemma = noun.lemma_.lower()
        preps = lex.owned_speech_nouns.get(lemma)
        if preps is None:
            continue
        source_tok = _noun_source(noun)
        if source_tok is None or speech_act(noun.head) == noun or _reason_or_topic(noun):
            continue
        if noun.dep_ == "pobj" and noun.head.lower_ == "in":
            continue  # "In her remarks, Lee said ...": the verb reports it
        content_idx, prep = _speech_content(noun, preps)
        if not content_idx:
            continue
        if lemma in lex.cue_nouns and (prep is None or prep.lower_ in lex.cue_nouns[lemma]):
            continue  # noun_statements reads it
        end = prep if prep is not None and prep.i == noun.i + 1 else noun
        cue = (noun.idx, end.idx + len(end))
        statement = phrase_statement(doc, quotes, cue, content_idx - {noun.i}, subtree(source_tok), source_tok)
        if statement is not None:
            found.append(statement)
    return found


def _copular_clause(noun: Token) -> Token | None:
    """The clause after the copula the noun is the subject of: "Her answer was that ...",
    "My advice is, stay home"."""
    head = noun.head
    if noun.dep_ != "nsubj" or head.lemma_ != "be":
        return None
    return next((c for c in head.rights if c.dep_ == "ccomp" and c.i > noun.i), None)


def _maker(noun: Token) -> Token | None:
    """Who made or gave the promise, the argument or the answer the noun names: the
    subject of a relative clause on a light verb ("the promise she has made", "the
    answer Lee gave"), unless that subject is the relative pronoun itself."""
    for clause in noun.rights:
        if clause.dep_ == "relcl" and clause.lemma_.lower() in lexicon().light_verbs:
            subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.tag_ not in {"WP", "WDT"} and subject.lower_ != "that":
                return subject
    return None


def copular_noun_statements(doc: Doc, quotes: list[CharSpan]) -> list[StatementMention]:
    """"The senator's response was that ...", "The one promise she has made is that
    ...": a noun for what its owner (or its maker) said or thinks, subject of a copula
    with a clause, makes the owner the source of the clause. Owned nouns that take their
    content otherwise too are in cue_nouns, and read there."""
    lex = lexicon()
    found = []
    for i in indices_with_pos(doc, ("NOUN",)):
        noun = doc[i]
        lemma = noun.lemma_.lower()
        if lemma not in lex.copular_view_nouns and lemma not in lex.cue_nouns:
            continue
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is not None and lemma in lex.cue_nouns:
            continue  # an owned cue noun is read by noun_statements
        owner = owner or _maker(noun)
        clause = _copular_clause(noun)
        if owner is None or clause is None:
            continue
        if any(q[0] <= noun.idx < q[1] for q in quotes):
            continue  # "“My hope is that ...,” she said": her words, and her statement
        cue = (noun.idx, noun.idx + len(noun))
        statement = phrase_statement(doc, quotes, cue, subtree(clause), subtree(owner), owner)
        if statement is not None:
            found.append(statement)
    return found


def according_statements(doc: Doc, quotes: list[CharSpan]) -> list[StatementMention]:
    """'according to X, Y' / 'Y, citing X': X is the source (or a via), Y the content."""
    matcher, _ = matchers(doc.vocab)
    found = []
    for _, start, end in matcher(doc):
        span = doc[start:end]
        objs = [t for t in span[-1].children if t.dep_ in {"pobj", "dobj"}]
        if not objs:
            objs = [t for t in span[0].children if t.dep_ in {"pobj", "dobj"}]
        if not objs:
            continue
        obj = objs[0]
        phrase = subtree(span.root) | set(range(start, end))
        anchor = span.root.head if span.root.head.i not in range(start, end) else span.root
        # Climb to the clause the phrase modifies, past nouns and participles.
        while anchor.head.i != anchor.i and (
            anchor.dep_ in {"prep", "agent", "acl", "amod", "pobj", "appos"}
            or anchor.pos_ not in {"VERB", "AUX"}
        ):
            anchor = anchor.head
        if anchor.i == span.root.i:
            continue
        set_off = between_commas(doc, min(phrase), max(phrase))
        if set_off and anchor.dep_ in {"ccomp", "advcl"} and anchor.head.i > max(phrase):
            # "Another issue raised at the talks, according to Al Hadath, was ...": set
            # off inside the sentence, it vouches for the clause it interrupts, whatever
            # the parser hung it on.
            anchor = anchor.head
        if span[0].lower_ in {"citing", "quoting"} and (cue_word(anchor) or _cites_own(anchor)):
            # "McCain said, citing low growth": the evidence of the speaker's own words.
            continue
        content = trimmed(doc, _beside(doc, subtree(anchor) - phrase, phrase))
        if content is None:
            continue
        kind, content = kind_and_content(doc, content, quotes, (span.start_char, span.end_char))
        found.append(
            StatementMention(
                cue=(span.start_char, span.end_char),
                content=content,
                source=trimmed(doc, noun_phrase(obj)),
                source_head=obj.i,
                kind=kind,
            )
        )
    return found


def _beside(doc: Doc, rest: set[int], phrase: set[int]) -> set[int]:
    """The words on the side of "according to X" that hold the clause: a sentence ending
    in the phrase ends its content before it, whatever punctuation follows."""
    first, last = min(phrase), max(phrase)
    if not any(i > last and not doc[i].is_punct for i in rest):
        return {i for i in rest if i < first}
    if not any(i < first and not doc[i].is_punct for i in rest):
        return {i for i in rest if i > last}
    return rest


def _cites_own(anchor: Token) -> bool:
    """"He banned the paper, citing his anger at it": someone, not an outlet, giving a
    reason of their own; "The paper reported ..., citing officials" passes them on."""
    subject = next((c for c in anchor.children if c.dep_ == "nsubj"), None)
    return subject is not None and not is_outlet(subject)


def poll_statements(doc: Doc, quotes: list[CharSpan]) -> list[StatementMention]:
    """'In a poll released Monday, Lee led by 6 points': the poll is the source."""
    found, polls = [], lexicon().poll_nouns
    for tok in (doc[i] for i in indices_with_lower(doc, ("in",))):
        if tok.dep_ != "prep":
            continue
        opening = _opening_phrase(tok)
        objs = [
            c
            for c in tok.children
            if c.dep_ == "pobj" and c.lemma_.lower() in polls
            and (c.tag_ in {"NN", "NNP"} or opening is not None)
        ]  # fmt: skip
        if not objs:
            continue
        phrase = subtree(tok)
        if opening is not None:
            content_idx = opening
        else:
            anchor = tok.head
            # "took 6 percent of the vote in a poll released Sunday": the verb of the phrase.
            while anchor.pos_ in {"NOUN", "PROPN", "NUM", "ADP"} and anchor.dep_ in {"dobj", "pobj", "prep"}:
                anchor = anchor.head
            if anchor.pos_ not in {"VERB", "AUX"} or cue_word(anchor) or _describes_noun(anchor):
                continue
            # The sentence's closing stop after the phrase would stretch the content over it.
            after = {i for i in subtree(anchor) if i > max(phrase) and doc[i].is_punct}
            content_idx = subtree(anchor) - phrase - after
        content = trimmed(doc, content_idx)
        if content is None:
            continue
        cue = (tok.idx, tok.idx + len(tok))
        kind, content = kind_and_content(doc, content, quotes, cue)
        found.append(
            StatementMention(
                cue=cue, content=content, source=trimmed(doc, noun_phrase(objs[0])),
                source_head=objs[0].i, kind=kind,
            )
        )  # fmt: skip
    return found


def _describes_noun(clause: Token) -> bool:
    """A clause on a noun ("the voters surveyed in the poll", "members, not all of whom
    took part in this survey"): the poll there says who was asked, and the clause
    reports no finding of it."""
    return clause.dep_ in {"acl", "relcl"}


# Pronouns that stand for a thing or a statement, not someone who holds a view: "To
# that, she added ...", "To this end, ...".
NOT_HOLDER_PRONOUNS = frozenset({"that", "this", "it", "what", "which", "these"})
# Entity types that name someone, or a group or body of people, who can hold a view.
HOLDER_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def _could_hold_view(tok: Token) -> bool:
    """Whether the object of an opening "To ..." names people ("To Lee", "To many", "To
    them", "To rural voters") rather than a limit or an aim ("To date", "To this end",
    "To the extent that ...")."""
    if tok.ent_type_:
        return tok.ent_type_ in HOLDER_ENTS
    if tok.pos_ == "PRON":
        return tok.lower_ not in NOT_HOLDER_PRONOUNS
    if tok.lower_ in {"many", "some", "others", "most"}:
        return True
    if tok.pos_ == "NOUN" and tok.tag_ == "NNS":
        return True
    # "To a lot of readers": a quantity of people.
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    objs = [c for c in of.children if c.dep_ == "pobj"] if of is not None else []
    return tok.pos_ == "NOUN" and bool(objs) and objs[0].tag_ in {"NNS", "NNPS"}


def _sentence_opener(tok: Token) -> bool:
    """Whether ``tok`` opens its sentence, after at most a conjunction ("But to many,"),
    and its phrase ends in a comma."""
    doc = tok.doc
    before = doc[tok.sent.start : tok.i]
    if any(not (t.is_punct or t.is_space or t.dep_ == "cc") for t in before):
        return False
    end = max(subtree(tok))
    return end + 1 < len(doc) and doc[end + 1].text == ","


def viewer_statements(doc: Doc, quotes: list[CharSpan]) -> list[StatementMention]:
    """"To many voters, the plan is a tax": an opening "To X," says the clause is how X
    sees it, so X is the source and the clause the content. A clause whose own verb
    reports someone ("To that, she added ...") is that verb's statement."""
    found = []
    for tok in (doc[i] for i in indices_with_lower(doc, ("to",))):
        if tok.dep_ != "prep" or not _sentence_opener(tok):
            continue
        if any(q[0] <= tok.idx < q[1] for q in quotes):
            continue  # a speaker's own "to me" stays inside the quote
        objs = [c for c in tok.children if c.dep_ == "pobj"]
        anchor = tok.head
        if not objs or not _could_hold_view(objs[0]) or anchor.pos_ not in {"VERB", "AUX"}:
            continue
        if cue_word(anchor):
            continue
        phrase = subtree(tok)
        rest = {i for i in subtree(anchor) if i > max(phrase)}
        while rest and doc[max(rest)].is_punct:
            rest.discard(max(rest))
        cue = (tok.idx, tok.idx + len(tok))
        statement = phrase_statement(doc, quotes, cue, rest, subtree(objs[0]), objs[0])
        if statement is not None:
            found.append(statement)
    return found


def _reckoning(by: Token) -> Token | None:
    """The object of "by" when it names someone's reckoning: "by one estimate", "by the
    agency's count", "by popular reckoning"; not a bare noun ("a margin won by count")
    nor a score ("by a count of 5 to 3")."""
    obj = next((c for c in by.children if c.dep_ == "pobj"), None)
    if obj is None or obj.lemma_.lower() not in lexicon().by_reckoning_nouns:
        return None
    deps = {c.dep_ for c in obj.children}
    if "prep" in deps or not deps & {"poss", "det", "nummod", "amod"}:
        return None
    return obj


def by_reckoning_statements(doc: Doc, quotes: list[CharSpan]) -> list[StatementMention]:
    """"By the agency's count, 40 ferries sank": the reckoning is the source of the
    clause the phrase modifies. A clause whose own verb reports someone ("By one
    estimate, officials said ...") is that verb's statement."""
    found = []
    for tok in (doc[i] for i in indices_with_lower(doc, ("by",))):
        if tok.dep_ != "prep":
            continue
        obj = _reckoning(tok)
        anchor = tok.head
        if obj is None or anchor.pos_ not in {"VERB", "AUX"} or cue_word(anchor):
            continue
        phrase = subtree(tok)
        rest = subtree(anchor) - phrase
        while rest and doc[max(rest)].is_punct:
            rest.discard(max(rest))
        cue = (tok.idx, tok.idx + len(tok))
        statement = phrase_statement(doc, quotes, cue, rest, subtree(obj), obj)
        if statement is not None:
            found.append(statement)
    return found


def _opening_phrase(tok: Token) -> set[int] | None:
    """The rest of the sentence when "in ..." opens it and a comma sets it off: "In a
    poll released Monday, 60 percent said ..." or "In the latest polls, he trails". Set
    off there, the poll (or polls) vouch for the whole clause, whatever its verb, and
    whatever the parser made its root; elsewhere "leads in the polls" is the writer's
    own summary."""
    sent, phrase = tok.sent, subtree(tok)
    if tok.i != sent.start or max(phrase) + 1 >= sent.end or tok.doc[max(phrase) + 1].text != ",":
        return None
    rest = {i for i in range(max(phrase) + 2, sent.end) if not tok.doc[i].is_space}
    while rest and tok.doc[max(rest)].is_punct:
        rest.discard(max(rest))
    return rest or None


def _names(doc: Doc) -> set[str]:
    """Words the article uses as names: proper nouns and people."""
    return {t.text for t in doc if t.pos_ == "PROPN" or t.ent_type_ == "PERSON"}


# "Mayor to Council: ...", "Senator on Tariffs: ...": a headline names who speaks, then
# whom or what they address.
ADDRESS_PREPS = frozenset({"to", "on"})


def _addresser(head: Span) -> Span:
    """The speaker of a headline's "Name to/on Whom: claim": the words before the first
    "to" or "on", which names the audience or the topic, not the speaker."""
    # An infinitive "to" ("Mayor to Resign: ...") is news about the mayor, not a speech.
    cut = next((t.i for t in head[1:] if t.lower_ in ADDRESS_PREPS and t.pos_ != "PART"), None)
    return head if cut is None else head.doc[head.start : cut]


def _after_dash(head: Span) -> Span:
    """The words after the last dash set off by spaces: "EXCLUSIVE – Name: ..." and
    "Pollsters agree - Name: ..." put a label or a lead-in before the speaker. A hyphen
    inside a word ("Seitz-Wald", "R-Ohio") divides nothing."""
    doc = head.doc
    dashes = [
        t.i for t in head
        if t.text in DASHES and (t.whitespace_ or t.i > 0 and doc[t.i - 1].whitespace_)
    ]  # fmt: skip
    return head if not dashes else doc[dashes[-1] + 1 : head.end]


def _reporting_label(head: Span) -> bool:
    """A common noun for a poll, a study or a news outlet before a headline's colon
    ("Poll: Mayor leads by six", "Newspaper: Agency hid the audit"): like a name, it
    says whose finding or story the headline passes on."""
    lex = lexicon()
    lemma = head.root.lemma_.lower()
    return head.root.pos_ == "NOUN" and (lemma in lex.research_nouns or lemma in lex.media_nouns)


def headline_statements(doc: Doc) -> list[StatementMention]:
    """'Name: claim' at the start of a paragraph, as in headlines and transcripts."""
    found = []
    names: set[str] | None = None
    labels = lexicon().page_labels
    paras = paragraphs(doc)
    spaces = doc.to_array("IS_SPACE").tolist()  # one array read, not a Token per word
    starts = [
        i
        for i in range(len(doc))
        if not spaces[i] and (i == 0 or paras[i - 1] != paras[i] or spaces[i - 1])
    ]
    for start in starts:
        end = next((i for i in range(start, min(start + 7, len(doc))) if doc[i].text == ":"), None)
        if end is None or end == start or paras[end] != paras[start]:
            continue
        head = _addresser(_after_dash(doc[start:end]))
        if not head or any(t.pos_ in {"VERB", "AUX"} for t in head):
            continue
        if not any(t.pos_ == "PROPN" or t.is_upper for t in head) and not _reporting_label(head):
            # "Clinton: I support ...": a capitalized word the tagger took for a noun in
            # the headline, which the article uses as a name elsewhere.
            names = _names(doc) if names is None else names
            if not any(t.is_title and t.text in names for t in head):
                continue
        if any(t.lower_ in labels for t in head):
            continue  # "Editor's note:", "CORRECTION:", "Q:" label the page, not a speaker
        rest = rest_of_paragraph(doc[end])
        content = trimmed(doc, rest)
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


# Verbs of stance whose bare form the tagger takes for a noun after a plural subject:
# "Majorities across the spectrum favor a path to status", "One in five say ...".
NOUN_READ_VERBS = frozenset({"support", "favor", "favour", "oppose", "say"})


def noun_read_stance_statements(doc: Doc, quotes: list[CharSpan]) -> list[StatementMention]:
    """"Men under 35 support Lee by 4 points", "About two-thirds of voters ... support
    banning ...": a stance verb in its bare form read as a noun, after a subject with no
    finite verb of its own and before what it is about. The words from the sentence's
    start to it are the source; the rest of the clause is the content."""
    found = []
    nouns = set(indices_with_pos(doc, ("NOUN",)))
    for i in (j for j in indices_with_lower(doc, tuple(NOUN_READ_VERBS)) if j in nouns):
        verb = doc[i]
        sent = verb.sent
        if verb.tag_ != "NN" or i == sent.start or i + 1 >= sent.end:
            continue
        before, after = doc[i - 1], doc[i + 1]
        if before.tag_ not in {"NNS", "NNPS", "CD"} or after.is_punct or after.pos_ == "ADP":
            continue
        if any(t.tag_ in {"VBZ", "VBP", "VBD", "MD"} for t in doc[sent.start : i]) or verb.is_upper:
            continue
        rest = [t.i for t in doc[i + 1 : sent.end]]
        stop = next((j for j in rest if doc[j].text in {";", ","} and doc[j + 1].lower_ in {"but", "while", "and"}), None)
        content_idx = {j for j in rest if stop is None or j < stop}
        source_idx = set(range(sent.start, i))
        cue = (verb.idx, verb.idx + len(verb))
        statement = phrase_statement(doc, quotes, cue, content_idx, source_idx, before)
        if statement is not None:
            found.append(statement)
    return found
