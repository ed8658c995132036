"""Where a source phrase ends: from a speaker's head word, the words that name the
speaker, without the clauses, asides, times and places that only describe them or the
occasion (see ``source_phrase`` and ``noun_phrase``)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.cues import (
    cue_word,
    lexicon,
)
from newsgraph.extract.spans import (
    main_verb,
    subtree,
    text_before,
)

# Adverbs that lean on a source from outside it: "even the mayor", "meanwhile Lee".
FOCUS = {"even", "just", "virtually", "also", "too", "then", "maybe", "perhaps", "meanwhile"}

# Words after a source that are not part of it: "the workers here", "Lee and Kim both",
# "the ministers all". Not "there": it points back to a place already named and says
# which group speaks ("polls there show", "executives there say"), as "in that state"
# would; "here" is where the writer stands, a circumstance of the report.
AFTER_SOURCE = {"here", "both", "too", "alone", "all", "each"}

# Reflexives after a source: right after it they stress it and belong to it ("Lee himself
# said"); set off by a comma they open a description ("Lee, himself a farmer, said").
REFLEXIVES = {"himself", "herself", "themselves", "itself"}

# Dashes that set off a dateline or a label when spaced ("PARIS (AP) — The minister");
# unspaced, a hyphen joins a word ("Seitz-Wald").
DASHES = frozenset({"-", "–", "—", "--"})

# Words of a clause that only says a source spoke unnamed: "an aide who requested
# anonymity", "an official who spoke anonymously".
ANONYMOUS = {"anonymity", "anonymously"}

# Closing quote marks: a source's phrase starts after them.
QUOTE_MARKS = {'"', "”", "''"}


# Finite verb tags: a verb in one of these forms has a subject somewhere.
FINITE = {"VBD", "VBZ", "VBP"}


def noun_phrase(tok: Token) -> set[int]:
    """A source or outlet noun phrase: the subtree, cut at a following clause or quote."""
    indices = subtree(tok)
    for child in tok.rights:
        set_off = child.dep_ == "acl" and _set_off(child) and not _how_it_was_made(tok, child)
        if set_off or _dashed_aside(child) or _circumstance(child) or _news_on(tok, child):
            # Everything from the comma on describes the noun ("Lee, wearing a cap,", "Lee,
            # who chairs the board," after a bare surname), and
            # "Lee on Tuesday", "Lee in an interview", "Lee, himself a farmer" say when and
            # how the source spoke, not who it is: the phrase ends there.
            start = min(t.i for t in child.subtree)
            indices = {i for i in indices if i < start}
        elif child.dep_ in {"ccomp", "parataxis"} or (
            child.dep_ in {"relcl", "acl"} and _cut_clause(child) and not _identifying(child)
        ):
            indices -= subtree(child)
    indices = _without_next_subject(tok, _after_dateline(tok, indices))
    indices = _without_reporting_clause(tok, indices)
    indices = _without_elliptic_clause(tok, indices)
    indices = _without_set_off_participle(tok, indices)
    indices = _without_set_off_adverb(tok, indices)
    indices = _without_set_off_occasion(tok, indices)
    if tok.pos_ == "PROPN":
        indices = _without_trailing_figure(tok, indices)
    return indices


# Participles that say who made a poll, a study or an ad, or how: "conducted by",
# "commissioned by", "taken in March", "titled ...".
MAKING_PARTICIPLES = frozenset({"conduct", "commission", "sponsor", "take", "field", "carry", "title", "entitle"})


def _how_it_was_made(tok: Token, clause: Token) -> bool:
    """A past participle set off after a poll, a study or an ad that says who made it or
    how ("a survey, conducted by the state university,", "the ad, titled ..."): it tells
    which one speaks, as it does without the comma ("a poll conducted by ..."). Where
    it went after ("the poll, released Monday by ...", "the memo, obtained by the
    Gazette,") is, for PolNeAR, how it reached the reader, and is cut like "Lee, asked
    about it," is."""
    lex = lexicon()
    lemma = tok.lemma_.lower()
    made = clause.tag_ == "VBN" and clause.lemma_.lower() in MAKING_PARTICIPLES
    return made and (lemma in lex.research_nouns | lex.poll_nouns or lemma in lex.authored_nouns)


def _without_reporting_clause(tok: Token, indices: set[int]) -> set[int]:
    """The phrase without a set-off relative clause that reports something of its own
    ("Ann Lee, the bank's economist, who added that rates would rise") or says the source
    spoke unnamed ("an aide to the mayor, who requested anonymity"), wherever the parser
    hung it: such a clause is a second statement or a circumstance of this one, not a
    description of who speaks; the source ends at its comma."""
    doc = tok.doc
    for i in sorted(indices):
        clause = doc[i]
        if clause.dep_ != "relcl" or i < tok.i or not _set_off(clause):
            continue
        if _reports(clause) or _unnamed(clause):
            start = min(t.i for t in clause.subtree) - 1
            return {j for j in indices if j < start}
    return indices


# Conjunctions that open a clause of time or concession cut short to a participle or an
# adjective: "when asked", "while still hopeful".
ELLIPTIC_OPENERS = {"when", "while", "once", "if", "though", "although", "whenever"}


def _without_elliptic_clause(tok: Token, indices: set[int]) -> set[int]:
    """The phrase without a clause cut short to a participle or an adjective that the
    parser hung on the source ("the mayor's office, when contacted by the Gazette,",
    "Tom Lee when asked about the dam", "many farmers, while still hopeful,"): it says
    when or in what mood the source spoke, not who it is."""
    doc = tok.doc
    for i in sorted(indices):
        word = doc[i]
        if i <= tok.i or word.pos_ not in {"VERB", "ADJ"} or has_subject(word):
            continue
        first = doc[min(t.i for t in word.subtree)]
        if first.lower_ in ELLIPTIC_OPENERS and first.dep_ in {"advmod", "mark"}:
            return {j for j in indices if j < first.i}
    return indices


def _without_set_off_participle(tok: Token, indices: set[int]) -> set[int]:
    """The phrase without a present participle set off by a comma, wherever the parser
    hung it ("Ann Lee, writing in the Gazette,", "Tom Diaz, the port's director,
    speaking at a forum,"): it says how the source spoke, as a participle on the source
    itself does."""
    doc = tok.doc
    for i in sorted(indices):
        word = doc[i]
        if i <= tok.i or word.tag_ != "VBG" or word.pos_ != "VERB":
            continue
        # "managing director" is a title; "including ..." names members of the source.
        if word.dep_ in {"amod", "compound"} or word.lemma_ in {"include", "exclude"}:
            continue
        if word.left_edge.i == i and doc[i - 1].text == ",":
            return {j for j in indices if j < i - 1}
    return indices


# Set-off phrases that comment on the sentence, not on who speaks: "the judges, for
# instance, said".
DISCOURSE_PHRASES = {
    ("for", "instance"), ("for", "example"), ("in", "fact"), ("of", "course"),
    ("in", "turn"), ("for", "now"), ("so", "far"), ("in", "contrast"), ("by", "contrast"),
}  # fmt: skip

# Adverbs that open a description of the source rather than comment on the sentence:
# "Lee, then the mayor", "Lee, long a critic of the plan".
DESCRIBING_ADVERBS = {"then", "now", "formerly", "once", "also", "long", "still", "later"}


def _without_set_off_adverb(tok: Token, indices: set[int]) -> set[int]:
    """The phrase without adverbs set off by a comma at its end ("the activists in the
    hall, surprisingly enough,", "Lee, almost alone,", "the judges, for instance,"):
    they say how the writer sees the sentence or how the source acted, not who it is.
    An adverb that opens a description stays ("Lee, then the mayor")."""
    doc = tok.doc
    marks = [i for i in indices if i > tok.i and doc[i].text in {",", "—", "--"}]
    if not marks:
        return indices
    mark = max(marks)
    words = [doc[i] for i in sorted(indices) if i > mark and not doc[i].is_punct]
    if not words or words[0].lower_ in DESCRIBING_ADVERBS:
        return indices
    if tuple(w.lower_ for w in words) in DISCOURSE_PHRASES or all(w.pos_ == "ADV" for w in words):
        return {i for i in indices if i < mark}
    return indices


# Gatherings and platforms a source speaks at or on: "Lee, the group's head, at its
# convention", "Lee, the mayor's nephew, on Facebook".
OCCASION_NOUNS = {
    "convention", "rally", "conference", "forum", "event", "hearing", "meeting", "debate",
    "summit", "ceremony", "gathering", "luncheon", "dinner", "breakfast", "town hall",
    "facebook", "twitter", "instagram", "television", "tv", "radio", "podcast", "show",
}  # fmt: skip

# Prepositions that place a statement at an occasion or on a platform.
OCCASION_PREPS = {"on", "at", "in", "during", "via", "over", "before"}


def _without_set_off_occasion(tok: Token, indices: set[int]) -> set[int]:
    """The phrase without a prepositional phrase set off by a comma at its end and hung on
    a noun of it, that says what the source spoke about or where ("said Ann Lee, director
    of the project, about the ruling", "said Tom Diaz, the group's head, at its
    convention", "wrote Lee, the mayor's nephew, on Facebook"): the parser hangs it on the
    last noun of the description, but it belongs to the verb."""
    doc = tok.doc
    marks = [i for i in indices if i > tok.i and doc[i].text == ","]
    if not marks or max(marks) + 1 not in indices:
        return indices
    mark = max(marks)
    prep = doc[mark + 1]
    if prep.dep_ != "prep" or prep.head.pos_ not in {"NOUN", "PROPN"} or prep.head.i not in indices:
        return indices
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None:
        return indices
    lemma = obj.lemma_.lower()
    occasion = prep.lower_ in OCCASION_PREPS and (
        lemma in OCCASION_NOUNS or lemma in lexicon().speech_nouns or obj.ent_type_ in {"DATE", "TIME"}
    )
    if prep.lower_ == "about" or occasion:
        return {i for i in indices if i < mark}
    return indices


def _reports(clause: Token) -> bool:
    """A reporting verb with a clause it reports: "who added that ...", "who said he ..."."""
    return cue_word(clause) and any(c.dep_ == "ccomp" for c in clause.children)


def _unnamed(clause: Token) -> bool:
    """A clause that only says the source asked not to be named: "who spoke on condition
    of anonymity", "who declined to be identified"."""
    words = list(clause.subtree)
    if any(t.lower_ in ANONYMOUS for t in words):
        return True
    return clause.lemma_ in {"decline", "refuse", "ask"} and any(
        t.lemma_ in {"identify", "name"} and t.tag_ == "VBN" for t in words
    )


def _without_trailing_figure(tok: Token, indices: set[int]) -> set[int]:
    """A name followed by a figure alone ("Lee, 2016"): the name. An age is part of the
    name ("Ann Lee, 59,"), as news writing introduces people, and so is a description
    after the figure ("Ann Lee, 59, a nurse from Ohio")."""
    doc = tok.doc
    for i in sorted(indices):
        if i > tok.i and doc[i].text == "," and i + 1 < len(doc) and doc[i + 1].like_num:
            if _age(doc[i + 1]) or any(j > i + 1 and doc[j].is_alpha for j in indices):
                return indices
            return {j for j in indices if j < i}
    return indices


def _age(tok: Token) -> bool:
    """A number that reads as a person's age after their name: one to three digits."""
    return tok.text.isdigit() and len(tok.text) <= 3


def _identifying(clause: Token) -> bool:
    """A relative clause with no comma before it picks out who the source is ("a member
    who supports the plan", "those who back her"), and stays in it even when it speaks;
    unless it only says the source spoke anonymously ("an aide who requested anonymity"),
    a circumstance of speaking."""
    if clause.dep_ != "relcl" or _set_off(clause):
        return False
    return not any(t.lower_ in ANONYMOUS for t in clause.subtree)


def _cut_clause(clause: Token) -> bool:
    """A clause on the source that holds a statement of its own ("Lee, who says ...",
    "a group calling for ..."). A past participle stays: "a poll released Friday" and
    "data compiled by the state" name the source."""
    return clause.tag_ != "VBN" and any(cue_word(t) for t in clause.subtree)


def _circumstance(child: Token) -> bool:
    """A modifier after a source that says when, where or how it spoke."""
    if child.lower_ in AFTER_SOURCE and child.dep_ in {"advmod", "appos", "npadvmod", "det", "dep"}:
        return True
    if child.lower_ in REFLEXIVES and child.dep_ in {"advmod", "appos", "npadvmod", "det", "dep"}:
        return child.i > 0 and child.doc[child.left_edge.i - 1].text == ","
    if _dates_a_finding(child):
        return False
    if child.dep_ == "npadvmod" and child.ent_type_ in {"DATE", "TIME"}:
        return True
    if _singling_out(child):
        return True
    if child.dep_ == "prep" and child.lower_ == "through" and _set_off(child):
        return True  # "Lee, through a spokesman, declined": who carried the words
    if child.dep_ == "prep" and child.lower_ in {"in", "during", "at", "on", "via", "over"}:
        obj = next((c for c in child.children if c.dep_ == "pobj"), None)
        if obj is None:
            return False
        lemma, lex = obj.lemma_.lower(), lexicon()
        if obj.ent_type_ in {"DATE", "TIME"}:
            return True
        # "Lee in an interview" spoke there; "a report in a local paper" is that report.
        spoken = child.head.lemma_.lower() not in lex.speech_nouns | lex.authored_nouns
        return spoken and (lemma in lex.speech_nouns or lemma in lex.media_nouns)
    return False


def _singling_out(child: Token) -> bool:
    """"in particular", "in general" after a source ("farmers in particular want"): the
    writer's stress on the source, not part of who it is."""
    return (
        child.dep_ == "prep"
        and child.lower_ == "in"
        and [c.lower_ for c in child.children] in (["particular"], ["general"])
    )


def _dashed_aside(clause: Token) -> bool:
    """A relative clause set off by a dash ("Ms. Lee -- whose brother chairs the board --
    said", "The judge - who has clashed with the governor - promised"): dashes mark an
    aside that breaks into the sentence, news about the source rather than part of its
    name, more plainly than commas do."""
    if clause.dep_ != "relcl" or clause.left_edge.i == 0:
        return False
    dash = clause.doc[clause.left_edge.i - 1]
    # Spaced: "Lee-who" would be one hyphenated word.
    return dash.text in DASHES and bool(dash.whitespace_)


def _news_on(tok: Token, clause: Token) -> bool:
    """A clause set off after a bare surname ("Lee, who won the vote,"): the name is a
    later mention of someone already introduced, so the clause adds news about them
    rather than saying who they are, and the source is the name alone. A clause that
    gives the post the person holds stays ("Lee, who chairs the board,")."""
    if clause.dep_ != "relcl" or tok.pos_ != "PROPN" or not _set_off(clause):
        return False
    if _holds_post(clause):
        return False
    return all(t.i == tok.i for t in tok.subtree if t.i < clause.left_edge.i and not t.is_punct)


# Verbs of a relative clause that give the post someone holds or held: "who chairs the
# board", "who served as envoy", "who was elected to the House in 2012".
POST_VERBS = {
    "serve", "work", "run", "lead", "head", "chair", "direct", "manage", "oversee",
    "represent", "teach", "own", "elect",
}  # fmt: skip


def _holds_post(clause: Token) -> bool:
    """A relative clause that says what post its noun holds ("who runs the clinic", "who
    is now the party's chairman"): it says who the person is, a title in a clause, so
    it belongs with a name even where other news about the name does not. Not a clause
    on something of theirs ("whose son runs the clinic") nor one that reports."""
    if any(t.tag_ == "WP$" for t in clause.subtree) or _reports(clause):
        return False
    if clause.lemma_ in POST_VERBS:
        return True
    return clause.lemma_ == "be" and any(
        c.dep_ == "attr" and c.pos_ == "NOUN" for c in clause.children
    )


def _dates_a_finding(child: Token) -> bool:
    """A date on a poll or a study tells which one it is ("a poll last week", "a survey in
    March"), where "Lee on Tuesday" says when a person spoke."""
    return _finding(child.head) and (
        child.ent_type_ in {"DATE", "TIME"}
        or any(c.dep_ == "pobj" and c.ent_type_ in {"DATE", "TIME"} for c in child.children)
    )


def _set_off(clause: Token) -> bool:
    """A clause after a comma ("Lee, who chairs the board,", "Lee, wearing a cap,") only
    describes the noun; the source is the noun without it."""
    return text_before(clause) in {",", "—", "–", "("}


def source_phrase(tok: Token) -> set[int]:
    """The source's phrase, joined with a title the parser split off as a second subject
    ("Vatican spokesman the Rev. Ann Lee said")."""
    indices = noun_phrase(tok)
    indices -= _verb_complement(tok)
    indices -= _main_clause(tok)
    if tok.dep_ == "nsubj" and tok.head.i > tok.i:
        # A subject's phrase ends before its verb, whatever the parser hung on it after:
        # "Lee alleges that ..., a claim his office disputes".
        indices = {i for i in indices if i < tok.head.i}
        indices |= _finding_date(tok, indices) | _companions(tok, indices)
        indices |= _present_day(tok, indices)
    for other in tok.head.children:
        # Not a relative pronoun: in "Lee, whom many critics believed was ..." it is the
        # object of the cue's clause, not a title of its subject.
        relative = other.tag_ in {"WP", "WDT"}
        if other.dep_ == "nsubj" and other.i < tok.i and other is not tok and not relative:
            extra = noun_phrase(other)
            if extra and max(extra) + 1 == min(indices) and not _clause_before(other, extra):
                indices |= extra
    indices |= _title_read_as_verb(tok, indices)
    indices |= _name_read_as_verb(tok, indices)
    indices |= _closing_description(tok, indices)
    indices |= _group_before(tok, indices)
    indices |= _plural_possessor(tok, indices)
    # The parser may take a dateline for a second subject: "PARIS (AP) — The minister".
    indices = _after_dateline(tok, indices)
    indices = _after_quote(tok, indices)
    indices = _after_quote_end(tok.doc, indices)
    # "Even the mayor said": the focus word is the writer's, not part of the source.
    doc = tok.doc
    while len(indices) > 1 and doc[min(indices)].lower_ in FOCUS and min(indices) != tok.i:
        indices.discard(min(indices))
    return _whole_words(doc, _without_dangling_conjunction(doc, indices))


def _clause_before(other: Token, extra: set[int]) -> bool:
    """A second subject that holds a verb in the past tense and ends in "and" is a clause
    of its own joined to the source's ("The general toured Ohio on Friday, and the
    campaign has touted ..."), not a title of the source."""
    doc = other.doc
    return doc[max(extra)].dep_ == "cc" and any(
        doc[i].tag_ == "VBD" and doc[i].dep_ == "acl" for i in extra
    )


def _finding(tok: Token) -> bool:
    """A poll, a study or an inquiry, but not a news report, whose date is when it ran
    ("a report on Wednesday")."""
    lemma, lex = tok.lemma_.lower(), lexicon()
    return lemma in lex.research_nouns and lemma not in lex.media_nouns


def _finding_date(tok: Token, indices: set[int]) -> set[int]:
    """The date right after a poll or a study that subjects a verb ("a poll last week
    found", "a survey in March showed"): it says which finding it is, though the parser
    hangs it on the verb."""
    if not _finding(tok) or not indices:
        return set()
    verb, start = tok.head, max(indices) + 1
    for date in verb.children:
        words = subtree(date)
        if date.dep_ in {"npadvmod", "prep"} and min(words) == start and max(words) + 1 == verb.i:
            if any(tok.doc[i].ent_type_ in {"DATE", "TIME"} for i in words):
                return words
    return set()


def _present_day(tok: Token, indices: set[int]) -> set[int]:
    """"today" between a group noun and its verb ("the party today agrees", "its
    defenders today argue"): it sets the group of now against the group of before, so it
    says who speaks, though the parser hangs it on the verb. After a name ("Lee today
    said") it only dates the statement."""
    if not indices or tok.pos_ != "NOUN":
        return set()
    after = max(indices) + 1
    word = tok.doc[after] if after < len(tok.doc) else None
    if word is None or word.lower_ != "today" or word.head != tok.head or word.i + 1 != tok.head.i:
        return set()
    return {after}


def _companions(tok: Token, indices: set[int]) -> set[int]:
    """Others named with a subject between commas ("Lee, along with two aides, said"):
    they speak with it, though the parser hangs the phrase on the verb."""
    if not indices:
        return set()
    doc, verb, end = tok.doc, tok.head, max(indices)
    for child in verb.lefts:
        words = subtree(child)
        if (
            child.dep_ == "prep"
            and child.lower_ in {"along", "together"}
            and doc[end + 1].text == ","
            and min(words) == end + 2
        ):
            return set(range(end + 1, max(words) + 1))
    return set()


def _without_next_subject(tok: Token, indices: set[int]) -> set[int]:
    """The phrase without an apposition that is the subject of the clause after it:
    "According to the poll, most voters want ..." parsed with "voters" as a second name
    for the poll, and "want" left with no subject."""
    doc = tok.doc
    for other in sorted(indices):
        word = doc[other]
        if word.dep_ != "appos" or other <= tok.i or doc[word.left_edge.i - 1].text != ",":
            continue
        after = word.right_edge.i + 1
        if after < len(doc) and after not in indices and _subjectless(_clause_head(doc[after])):
            return {i for i in indices if i < word.left_edge.i - 1}
    return indices


def _clause_head(word: Token) -> Token:
    """The verb an auxiliary serves ("have" in "have attacked"), or the word itself."""
    return word.head if word.dep_ in {"aux", "auxpass"} else word


# Dependencies that give a verb its subject, a placeholder one included ("there is").
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})


def has_subject(verb: Token) -> bool:
    """Whether the parser gave the verb a subject of its own."""
    return any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def _subjectless(verb: Token) -> bool:
    """A finite verb the parser gave no subject."""
    return (
        verb.pos_ in {"VERB", "AUX"}
        and verb.tag_ in FINITE
        and not has_subject(verb)
    )


def _title_read_as_verb(tok: Token, indices: set[int]) -> set[int]:
    """A title opening the sentence that the parser read as a verb and its object
    ("Presumptive Democratic nominee Ann Lee said", "Presumptive" taken for a verb): a
    capitalized verb with no subject, its object running up to the source's name."""
    if not indices or tok.dep_ != "nsubj":
        return set()
    doc, start = tok.doc, min(indices)
    first = tok.sent.start
    while first < start and (doc[first].is_punct or doc[first].is_space):
        first += 1
    verb = doc[first]
    if first >= start - 1 or verb.pos_ != "VERB" or not verb.is_title or verb == tok.head:
        return set()
    if any(c.dep_ in {"nsubj", "nsubjpass", "aux"} for c in verb.children):
        return set()
    words = [doc[i] for i in range(first + 1, start)]
    # A title is a run of adjectives and nouns ending in a noun: not "Take a look at ...".
    if words[-1].pos_ != "NOUN" or verb.tag_ == "VBG":
        return set()
    if not all(verb.is_ancestor(w) and w.pos_ in {"ADJ", "NOUN", "PROPN"} for w in words):
        return set()
    return set(range(first, start))


def _name_read_as_verb(tok: Token, indices: set[int]) -> set[int]:
    """A capitalized name opening a source's title that the tagger read as a bare verb
    ("Trump senior adviser Ann Lee said", "Fight for Fairness director Ann Lee said"): a
    verb with nothing of its own, or only a preposition with no object, right before the
    title and opening its clause."""
    if not indices or tok.dep_ not in {"nsubj", "nsubjpass"}:
        return set()
    doc, start = tok.doc, min(indices)
    if start == 0 or doc[start].pos_ not in {"ADJ", "NOUN", "PROPN", "NUM", "SYM"}:
        return set()
    word = doc[start - 1]
    if word.dep_ == "prep" and not any(c.dep_ == "pobj" for c in word.children):
        word = word.head  # "Fight for" with "$15" hung on the title
    if word.pos_ != "VERB" or word.tag_ not in {"VB", "VBP"} or not word.is_title:
        return set()
    if word.i == tok.head.i or word.is_ancestor(tok) or word.right_edge.i != start - 1:
        return set()
    if any(c.dep_ != "prep" for c in word.rights):
        return set()  # what the parser hung before it (the quote) is not the verb's own
    first = word.i
    if first > word.sent.start and not (doc[first - 1].is_punct or doc[first - 1].is_space):
        return set()
    return set(range(first, start))


# Nouns for a body of people that speaks through its members: "an army of volunteers
# marching ...", "the chorus of critics calling for ...".
BODY_NOUNS = {
    "army", "chorus", "flood", "crowd", "throng", "band", "legion", "wave", "host",
    "contingent", "cadre", "coalition", "group", "trio", "handful", "slew", "swarm",
}  # fmt: skip


def _group_before(tok: Token, indices: set[int]) -> set[int]:
    """The body a source belongs to when a cue hangs on the members ("the chorus of
    critics calling for a recount", "an army of volunteers planning protests"): the
    source is the whole group, from its determiner on."""
    if not indices or tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return set()
    group = tok.head.head
    if group.lemma_.lower() not in BODY_NOUNS or group.pos_ != "NOUN" or group.i > tok.i:
        return set()
    mods = [c.left_edge.i for c in group.lefts if c.dep_ in {"det", "amod", "compound", "nummod", "poss"}]
    start, doc = min(mods, default=group.i), tok.doc
    while start < group.i and doc[start].dep_ in {"mark", "cc", "punct", "advmod"}:
        start += 1  # "that the chorus of critics ...": the clause's mark is not the group's
    return set(range(start, min(indices)))


def _plural_possessor(tok: Token, indices: set[int]) -> set[int]:
    """A possessor ending in a bare apostrophe right before the source ("As Eastline
    Partners’ Ann Lee pointed out"), which the tagger took for a closing quote and the
    parser hung elsewhere: the source is whose it is too."""
    if not indices or min(indices) < 2:
        return set()
    doc, start = tok.doc, min(indices)
    mark, owner = doc[start - 1], doc[start - 2]
    if mark.text not in {"’", "'"} or owner.whitespace_ or not mark.whitespace_:
        return set()
    if not (owner.is_alpha and owner.lower_.endswith("s") and owner.pos_ in {"NOUN", "PROPN"}):
        return set()
    first = owner.i
    while first > 0 and doc[first - 1].dep_ == "compound" and doc[first - 1].head.i == owner.i:
        first -= 1  # "Eastline Partners’"
    return set(range(first, start))


# Adverbs that open a description of a person: "Ann Lee, then ambassador to Peru".
DESCRIPTION_ADVERBS = {"then", "now", "formerly", "once", "also"}

# What may end a sentence after a description: its stop and closing quote marks.
SENTENCE_END = {".", "!", "?"} | QUOTE_MARKS


def _closing_description(tok: Token, indices: set[int]) -> set[int]:
    """A description closing the sentence after a named person who speaks after the cue
    ("said Ann Lee, then ambassador to Peru.", "said Sen. Ann Lee, D-Ore.") that the
    parser hung on the verb: a noun phrase with no verb of its own, which describes the
    person as an appositive does."""
    if not indices or tok.ent_type_ != "PERSON" or tok.head.i > tok.i:
        return set()
    doc, sent = tok.doc, tok.sent
    comma = max(i for i in indices if not doc[i].is_punct or i == tok.i) + 1
    if comma >= sent.end or doc[comma].text != ",":
        return set()
    end = comma + 1
    while end < sent.end and doc[end].text not in SENTENCE_END and not doc[end].is_space:
        end += 1
    words = doc[comma + 1 : end]
    rest = doc[end : sent.end]
    if not len(words) or any(t.text not in SENTENCE_END and not t.is_space for t in rest):
        return set()  # the sentence goes on: not a closing description
    first = words[0]
    if first.pos_ not in {"DET", "ADJ", "NOUN", "PROPN"} and first.lower_ not in DESCRIPTION_ADVERBS:
        return set()
    if any(w.pos_ in {"VERB", "AUX"} and w.dep_ != "amod" for w in words):
        return set()
    if not any(w.pos_ in {"NOUN", "PROPN"} for w in words):
        return set()
    if any(w.head.i in indices for w in words):
        return set()  # hung on the source, it was cut for a reason
    return set(range(comma + 1, end))


def _main_clause(tok: Token) -> set[int]:
    """The predicate of a sentence the parser read as one noun phrase ("Donald Trump
    named Ted Cruz as ..." with "named" a participle on "Trump"): it follows the source."""
    for child in tok.rights:
        if child.dep_ == "acl" and main_verb(child) and child.tag_ in {"VBN", "VBD"}:
            return {t.i for t in tok.subtree if t.i >= child.left_edge.i}
    return set()


def _verb_complement(tok: Token) -> set[int]:
    """What the parser hung on a passive's doer but belongs to the verb: "seen by
    voters *as a lifeboat*", "pressed by the host *on his plans*"."""
    if tok.dep_ != "pobj" or tok.head.dep_ != "agent":
        return set()
    found: set[int] = set()
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ in {"as", "on"} or _charge(child):
            found |= {t.i for t in child.subtree}
    return found


def _charge(prep: Token) -> bool:
    """An "of" with a gerund after a passive's doer: what the doer charged someone with
    ("accused by the press *of hiding losses*"), not which doer it is."""
    return prep.dep_ == "prep" and prep.lower_ == "of" and any(
        c.dep_ in {"pcomp", "pobj"} and c.tag_ == "VBG" for c in prep.children
    )


def _without_dangling_conjunction(doc: Doc, indices: set[int]) -> set[int]:
    """A cut that kept a conjunction but not what it joins ("Lee, Kim and")."""
    while len(indices) > 1 and (doc[max(indices)].dep_ == "cc" or doc[max(indices)].text == ","):
        indices.discard(max(indices))
    return indices


def _whole_words(doc: Doc, indices: set[int]) -> set[int]:
    """The phrase grown over a hyphenated word it starts or ends inside ("co-host",
    "who co-wrote")."""
    start = min(indices, default=0)
    while start > 0 and hyphen_joined(doc[start - 1], doc[start]):
        start -= 1
        indices.add(start)
    end = max(indices, default=0)
    while end + 1 < len(doc) and hyphen_joined(doc[end], doc[end + 1]):
        end += 1
        indices.add(end)
    return indices


def hyphen_joined(left: Token, right: Token) -> bool:
    """Two tokens of one hyphenated word: "co" "-", "-" "wrote"."""
    return (
        "-" in {left.text, right.text}
        and not left.whitespace_
        and not left.is_space
        and not right.is_space
    )


def _after_quote(tok: Token, indices: set[int]) -> set[int]:
    """The phrase without the end of a quote the parser joined to it ("...,” Lee said")."""
    doc = tok.doc
    marks = [i for i in indices if i < tok.i and doc[i].text in QUOTE_MARKS]
    return {i for i in indices if i > max(marks)} if marks else indices


def _after_quote_end(doc: Doc, indices: set[int]) -> set[int]:
    """The phrase after a quote's closing mark whose opening lies before the phrase:
    the parser took the end of the quote for the subject and the speaker for its
    apposition ('"A fine reporter, this man," Lee, the club's chair, said')."""
    opened = False
    for i in sorted(indices):
        if doc[i].tag_ == "``":
            opened = True
        elif _quote_end(doc, i) and not opened and any(j > i for j in indices):
            return {j for j in indices if j > i}
    return indices


def _quote_end(doc: Doc, i: int) -> bool:
    """A closing quote mark after a comma: a quotation ends there and its speaker
    follows ('..., this man," Lee said'); an apostrophe or a quoted title does not."""
    return doc[i].text in QUOTE_MARKS and i > 0 and doc[i - 1].text == ","


def _after_dateline(tok: Token, indices: set[int]) -> set[int]:
    """The phrase without a dateline before it ("PARIS (AP) — The minister")."""
    doc = tok.doc
    dashes = [
        i
        for i in range(min(indices, default=tok.i), max(indices, default=tok.i))
        if doc[i].text in DASHES and doc[i].whitespace_
        and (i < tok.i or _dateline(doc[min(indices) : i]))
    ]  # fmt: skip
    return {i for i in indices if i > max(dashes)} if dashes else indices


def _dateline(words: Span) -> bool:
    """Words before a dash that make a dateline: a place or a news agency in brackets
    ("PARIS (AP) —", "LA CROSSE, Wis. —") with no verb, which the parser may make the
    subject, the speaker its apposition."""
    last = words[-1] if len(words) else None
    return (
        last is not None
        and (last.text == ")" or last.ent_type_ == "GPE")
        and not any(w.pos_ in {"VERB", "AUX"} for w in words)
    )
