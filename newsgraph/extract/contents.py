"""The content of a verb cue: which tokens it reports, and how they hang on it (a
clause, an object, a preposition, the governing clause of an inverted or parenthetical
cue, or the rest of its own clause). :mod:`newsgraph.extract.statements` decides
whether a verb is a cue at all and assembles the statement."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.extract import doc_text
from newsgraph.extract.cues import (
    CLAUSE_DEPS,
    Lexicon,
    act_prep,
    adjective_prep,
    cue_lemma,
    cue_prep,
    cue_span,
    cue_word,
    feeling_passive,
    lexicon,
    made_clear,
    quote_phrase,
    shared_cue,
    speech_act,
    that_marked,
)
from newsgraph.extract.quotes import (
    find_quotes,
)
from newsgraph.extract.sources import (
    as_clause,
    misread_verb_subject,
    opening_clause,
)
from newsgraph.extract.spans import (
    between_commas,
    main_verb,
    paragraphs,
    prep_object,
    rest_of_paragraph,
    span_text,
    subtree,
    text_before,
)

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}

# Words that join a second, opposed view to a content: "..., while critics say ...".
CONTRAST = {"while", "though", "although", "whereas", "but", "even as"}


def content_of(verb: Token, lex: Lexicon) -> tuple[set[int], str]:
    """The content tokens and how they were found: clause, object or governor."""
    children = list(verb.children)
    if verb.pos_ == "ADJ" or feeling_passive(verb):
        # "were adamant that ...": the parser often hangs the clause on the copula.
        if verb.pos_ == "ADJ":
            children += [c for c in verb.head.children if c.dep_ == "ccomp" and c.i > verb.i]
        prep = adjective_prep(verb)
        if prep is not None and not any(c.dep_ == "ccomp" for c in children):
            return prep_object(prep), "prep"
    # The parser may run two paragraphs into one sentence: a clause in the paragraph
    # before is not this cue's.
    paras = paragraphs(verb.doc)
    children = [c for c in children if paras[c.i] == paras[verb.i]]
    clauses = reported_clauses(verb, children)
    if clauses:
        return _without_shared(clauses[0], verb), "clause"
    act = speech_act(verb) if verb.pos_ == "VERB" else None
    if act is not None:
        return _act_content(act), "act"
    for child in children:
        # "asked the senator whether ...": an embedded question parsed as an adverbial.
        if (
            child.dep_ == "advcl"
            and child.i > verb.i
            and any(c.dep_ == "mark" and c.lower_ in {"whether", "if"} for c in child.children)
        ):
            return subtree(child), "clause"
    phrase = quote_phrase(verb) or ()
    if cue_lemma(verb) not in lex.hearer_verbs:
        for child in verb.children:
            # The "it" of "as she put it" is part of the cue, not what was said.
            if child.dep_ in {"dobj", "attr"} and child.i > verb.i and child not in phrase:
                said_of = _predicate(verb) | _object_complement(verb, child)
                return subtree(child) | said_of, "object"
    if any(c.dep_ == "dobj" and c.tag_ == "WP" and c.i < verb.i for c in verb.children):
        # "in what officials called a hate crime": what it was called.
        named = _predicate(verb)
        if named:
            return named, "object"
    passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if passive and any(c.dep_ == "agent" for c in verb.children):
        # "The plan was first reported by the Times": the subject is what was reported.
        return subtree(passive[0]) | _predicate(verb), "passive"
    if _agent_participle(verb):
        return _participle_content(verb), "passive"
    theme = _passive_theme(verb)
    if theme:
        return theme, "passive"
    prep = cue_prep(verb)
    if prep is not None and prep.dep_ == "mark":
        return subtree(prep.head) - {prep.i}, "prep"  # "called for the state to act"
    if prep is not None and prep_object(prep):
        return prep_object(prep), "prep"
    colon = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    if colon is not None and colon.text == ":":
        # "She told reporters:" then the words, to the end of the paragraph or the quote.
        return rest_of_paragraph(colon), "colon"
    if verb.dep_ == "parataxis" or as_clause(verb) or _inverted_ccomp(verb) or _parenthetical(verb):
        # "as the minister noted, ..." and "..., the envoy said": the main clause.
        # "“...,” the official said": the quoted clause governs the cue.
        return subtree(verb.head) - subtree(verb), "governor"
    tail = _closing_attribution(verb)
    if tail is not None:
        return tail, "governor"
    spliced = _spliced_content(verb)
    if spliced:
        return spliced, "governor"
    # A verb of speaking reports something wherever it stands; another cue only as the
    # main verb or in a relative clause ("the plan she opposes").
    dependent = verb.dep_ in {"conj", "advcl", "ccomp", "xcomp"}
    if verb.pos_ == "VERB" and (
        main_verb(verb) or verb.dep_ == "relcl" or dependent and cue_lemma(verb) in lex.speaking_verbs
    ):
        return _own_clause(verb), "rest"
    if misread_verb_subject(verb) is not None:
        return _misread_object(verb), "object"
    than = _compared(verb)
    if than is not None:
        # "longer than the board had expected": the comparison is what was expected.
        return {i for i in subtree(verb.head) if i < than.i}, "rest"
    wh = _free_relative(verb)
    if wh is not None:
        # "from what they expected", "in what he called a rant": what follows the cue,
        # or else the "what" itself, the thing said or thought ("what she told the
        # Gazette": after a hearer verb comes the hearer).
        rest = _own_clause(verb) if cue_lemma(verb) not in lex.hearer_verbs else set()
        return rest or {wh.i}, "rest"
    if verb.pos_ == "VERB" and verb.dep_ == "advcl" and _subject_of_its_own(verb):
        # "when Lee lashed out at the board": what follows the cue, as for a main verb.
        return _own_clause(verb), "rest"
    return set(), "none"


def _misread_object(verb: Token) -> set[int]:
    """What a verb read as an adjective says: its "object" noun and what follows it ("Lee
    dismissed critics who ..."), or the clause that noun is the subject of ("Lee implied
    voters were tired": "implied" hung on "voters")."""
    node = verb.head
    if node.dep_ in {"nsubj", "nsubjpass"} and node.head.i > node.i:
        node = node.head
    return {i for i in subtree(node) if i > verb.i}


def _subject_of_its_own(verb: Token) -> bool:
    """A dependent clause with its own subject ("when Lee lashed out at the board", "while
    the mayor has cautioned against haste"): its verb speaks for that subject as a main
    verb would, so what follows it is what it says."""
    if any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in verb.children):
        return False  # "if Lee comes out on top": a supposition, not a stance
    return any(c.dep_ == "nsubj" and c.lower_ not in {"it", "there"} for c in verb.children)


def _compared(verb: Token) -> Token | None:
    """The "than" of a cue that measures a comparison ("higher than analysts
    predicted", "more voters than the mayor expected"), when the cue has a subject."""
    if verb.pos_ != "VERB" or verb.dep_ != "advcl" or verb.head.i > verb.i:
        return None
    if not any(c.dep_ == "nsubj" for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "than"), None)


def _free_relative(verb: Token) -> Token | None:
    """The "what" that opens a free relative clause the cue heads ("to what she said
    is ...", "from what they initially expected"): the clause names what was said."""
    first = verb.left_edge
    if verb.pos_ != "VERB" or first.tag_ != "WP" or first.lower_ not in {"what", "whatever"}:
        return None
    if any(c.tag_ == "MD" for c in verb.children):
        return None  # "what you can learn", "what one might find": a possibility
    return first if first.head == verb or first.head.head == verb else None


def _agent_participle(verb: Token) -> bool:
    """A participle with its doer after "by" that describes a noun or sets a scene: "the
    bill, opposed by the union,", "a fact first reported by the Gazette", "Pressed by
    the host on ..., she ...". The doer holds the stance on what the participle is about."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in {"acl", "advcl", "amod"}
        and any(c.dep_ == "agent" for c in verb.children)
    )


def _participle_content(verb: Token) -> set[int]:
    """What a doer's participle is about: the noun it describes ("the bill"), or, set
    before a clause, what follows the doer ("Pressed by the host *on his plans*"). The
    clause it is set before is not: "Asked by reporters, Lee said ..." is Lee's."""
    if verb.dep_ != "advcl":
        # The noun's phrase before the participle; what follows the doer (a closing
        # comma, a clause) would run the content over the source.
        first, last = verb.left_edge.i, verb.right_edge.i
        if verb.head.i > last:  # "the union-opposed levy"
            return {i for i in subtree(verb.head) if i > last}
        return {i for i in subtree(verb.head) if i < first}
    found: set[int] = set()
    for child in verb.rights:
        if child.dep_ != "agent" and child.dep_ in OWN_CLAUSE:
            found |= subtree(child)
    if not found and verb.head.i < verb.i and text_before(verb) == "," and not cue_word(verb.head):
        # "Burma took steps toward democracy, encouraged by the West": set off after
        # its clause, the participle is about that clause; a clause that reports
        # something itself ("Lee ordered a study, first reported by the Gazette") has
        # its own statement, which the participle would swallow.
        return {i for i in subtree(verb.head) if i < verb.left_edge.i - 1}
    return found


def _passive_theme(verb: Token) -> set[int]:
    """What a passive cue with a doer after "by" but no subject of its own is about:
    the subject it shares through "and" ("the plan was opposed by the union and *praised*
    by the mayor"), the subject of its copula ("Lee is most *disliked* by the base"), or
    the subject of the clause a "being" participle hangs on ("she took office after
    *being nominated* by the king"). The doer holds the stance on it."""
    if verb.tag_ != "VBN" or not any(c.dep_ == "agent" for c in verb.children):
        return set()
    head = verb.head
    if verb.dep_ == "conj":
        shared = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
        if shared is not None:
            return subtree(shared)
        return _participle_content(head) if _agent_participle(head) else set()
    if verb.dep_ == "acomp" or verb.dep_ == "pcomp" and _being(verb):
        holder = head if verb.dep_ == "acomp" else head.head
        subject = next((c for c in holder.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        return subtree(subject) if subject is not None else set()
    return set()


def _being(verb: Token) -> bool:
    """A participle with "being" as its passive auxiliary: "after being named by ..."."""
    return any(c.dep_ == "auxpass" and c.lower_ == "being" for c in verb.children)


# What may follow a closing "..., police said" besides its speaker: "on Tuesday", "too".
TAIL_DEPS = {"punct", "advmod", "npadvmod", "prep", "pobj", "det", "compound", "amod"}
CLAUSE_ENDS = {"--", "—", "–", ";"}


def reported_clauses(verb: Token, children: list[Token]) -> list[Token]:
    """The clauses a cue may report, the likeliest first."""
    clauses = _extra_clauses(verb) + [
        c for c in children if c.dep_ in CLAUSE_DEPS and c.i > verb.i or c.dep_ == "ccomp"
    ]
    # "Lee, whose firm ..., said ...": a clause the parser hung before the cue is where
    # its speaker stands, not what was said.
    clauses = [c for c in clauses if c != opening_clause(verb)]
    mark = _clause_break(verb)
    if mark is not None:
        clauses = [c for c in clauses if c.i > mark]
    # "It was no accident — Holt told the Gazette that ...": a "that" clause after the
    # cue is what it reports, not the clause the parser also hung before it.
    clauses.sort(key=lambda c: not (c.i > verb.i and that_marked(c)))
    return clauses


def _closing_attribution(verb: Token) -> set[int] | None:
    """The sentence before "..., police said." or "..., said Ann Lee, a nurse." when the
    parser hung that sentence on the cue in pieces: everything before the comma.
    Any reporting verb closes a sentence so ("..., city records show."); a dash or a
    semicolon ends the closing clause ("..., the office reported -- a shift that ...")."""
    lex, lemma = lexicon(), cue_lemma(verb)
    if verb.pos_ != "VERB" or not (lemma in lex.speaking_verbs or lemma in lex.verbs):
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects:
        return None
    subject = min(subjects, key=lambda c: abs(c.i - verb.i))
    phrase = subtree(subject) if subject.i > verb.i else set()
    start = min(verb.i, min(t.i for t in subject.subtree))
    doc, sent = verb.doc, verb.sent
    if start - 1 <= sent.start or doc[start - 1].text != ",":
        return None
    end = next((t.i for t in doc[verb.i : sent.end] if t.text in CLAUSE_ENDS), sent.end)
    # The paragraph break the parser keeps at a sentence's end is no word of the tail.
    if any(
        t.i not in phrase and t.dep_ not in TAIL_DEPS and not t.is_space
        for t in doc[verb.i + 1 : end]
    ):
        return None
    return {i for i in range(sent.start, start - 1) if not doc[i].is_space}


# What a cue's own clause says when the parser hung its complement elsewhere.
OWN_CLAUSE = {"prep", "dobj", "dative", "npadvmod", "attr", "oprd", "acomp", "advmod", "intj"}


def _own_clause(verb: Token) -> set[int]:
    """The content of a cue with no complement we know: "the plan she opposes" is about
    the plan; "Lee also said for the first time that ..." keeps what follows the verb.
    Clauses after it are left out, since they may hold statements of their own."""
    if verb.dep_ == "relcl":
        return subtree(verb.head) - subtree(verb)
    found: set[int] = set()
    for child in verb.rights:
        if child.dep_ in OWN_CLAUSE:
            found |= subtree(child)
    # "said in a statement": the medium is part of the cue, not what was said.
    end = cue_span(verb)[1]
    return {i for i in found if verb.doc[i].idx >= end}


# Prepositions that complete what a cue says of its object: "portrayed the mayor *as* a
# bully", "accused the board *of* lying", "blamed the council *for* the delay", "likened
# the plan *to* a tax", "criticized the governor *over* the cuts".
OBJECT_COMPLEMENTS = {"as", "of", "for", "to", "over"}

# Where a complement's own phrase ends: after it come asides and other clauses.
PHRASE_BREAKS = {",", ";", "--", "—", "–", "("}


def _object_complement(verb: Token, obj: Token) -> set[int]:
    """The phrase after the object that completes what was said of it ("described the
    plan as a gift that voters would regret"), up to a comma or a subordinate clause
    ("..., as critics warn"; "... while rivals say ..."), which are not part of it."""
    doc, found = verb.doc, set[int]()
    for prep in verb.rights:
        if prep.i < obj.i or prep.dep_ != "prep" or prep.lower_ not in OBJECT_COMPLEMENTS:
            continue
        if doc[prep.i - 1].text == ",":
            continue  # "..., as part of a lawsuit": an aside, not a complement
        part = subtree(prep)
        stops = [i for i in part if doc[i].text in PHRASE_BREAKS]
        stops += [doc[i].left_edge.i for i in part if _marked_clause(doc[i])]
        found |= {i for i in part if i < min(stops, default=len(doc))}
    return found


def _marked_clause(tok: Token) -> bool:
    """An adverbial clause opened by a conjunction: "while ...", "now that ..."."""
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" for c in tok.children)


def _predicate(verb: Token) -> set[int]:
    """What the object is called or judged to be: "called the plan *reckless*"."""
    found: set[int] = set()
    for child in verb.rights:
        if child.dep_ in {"oprd", "xcomp"} and not any(c.dep_ == "aux" for c in child.children):
            found |= subtree(child)
    return found


def _act_content(noun: Token) -> set[int]:
    """What a speech act says: its "that" clause or the object of its preposition."""
    for child in noun.rights:
        if child.dep_ in {"acl", "ccomp", "relcl"} and that_marked(child):
            return subtree(child)
    prep = act_prep(noun)
    if prep is not None:
        return prep_object(prep)
    # "made the case to a crowd in Ohio that ...": the parser hangs the clause on the
    # hearer, as if "that" opened a relative clause.
    for tok in noun.head.subtree:
        if tok.i > noun.i and tok.dep_ in {"relcl", "acl"} and that_marked(tok):
            return subtree(tok)
    # "made several statements affirming ...", "delivered a promise to ...": the clause
    # after the noun.
    clause = next((c for c in noun.rights if c.dep_ in {"acl", "xcomp"} and c.pos_ == "VERB"), None)
    if clause is not None and not cue_word(clause):
        return subtree(clause)
    # "made that argument", "voiced concern": the act itself is what was said, but
    # "gave a speech" says nothing.
    if noun.lemma_.lower() in lexicon().occasion_act_nouns:
        return set()
    return subtree(noun)


def _without_shared(clause: Token, verb: Token) -> set[int]:
    """The clause without the cues the parser hung on it that belong to ``verb``'s
    speaker ("said X and said that Y": the first content is X alone)."""
    indices = subtree(clause)
    for child in clause.rights:
        if shared_cue(child) == verb or _own_attribution(child) or _joined_attribution(child):
            cut = min(t.i for t in child.subtree)
            # Drop the joining "and" or comma too.
            while cut - 1 in indices and verb.doc[cut - 1].lower_ in {"and", ","}:
                cut -= 1
            indices = {i for i in indices if i < cut}
    return indices


def _own_attribution(child: Token) -> bool:
    """A clause joined to a content ("..., though voters say ...", "while critics argue
    ...") that carries a cue with a subject of its own: another source's statement,
    which PolNeAR keeps out of the first content."""
    marks = {c.lower_ for c in child.children if c.dep_ in {"mark", "cc"}}
    first = child.doc[min(t.i for t in child.subtree) - 1]
    if _even_as(child):
        marks.add("even as")
    if child.dep_ not in {"advcl", "conj"} or not (marks | {first.lower_}) & CONTRAST:
        return False
    return any(
        t.pos_ == "VERB" and cue_word(t) and any(c.dep_ == "nsubj" for c in t.children)
        for t in child.subtree
    )


def _even_as(clause: Token) -> bool:
    """A clause opened by "even as" ("..., even as critics warn ..."): a contrast, unlike
    a bare "as", which also sets a time or a manner."""
    mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "as"), None)
    return mark is not None and mark.i > 0 and clause.doc[mark.i - 1].lower_ == "even"


def _joined_attribution(child: Token) -> bool:
    """A clause joined to a content by ", and" whose own verb is a cue with a subject of
    its own ("said X, and those voters backed Y", "found X, and the mayor has been
    citing it"): the next statement in the sentence, not part of the first content. A
    second "that" clause ("said X, and that Y") is still the same content."""
    if child.dep_ != "conj" or child.pos_ != "VERB" or not cue_word(child):
        return False
    first = min(t.i for t in child.subtree)
    doc = child.doc
    if first < 2 or doc[first - 1].lower_ != "and" or doc[first - 2].text not in {",", "—", "--"}:
        return False
    if any(c.dep_ == "mark" for c in child.children) or doc[first].tag_ in {"WP", "WDT", "WRB"}:
        return False  # "and that ...", "and what they want": the same content goes on
    if not any(c.dep_ == "nsubj" for c in child.children):
        return False
    # Inside a quote the clause is the quoted speaker's words, not a statement.
    return not any(q[0] <= child.idx < q[1] for q in find_quotes(doc_text(doc)))


def _extra_clauses(verb: Token) -> list[Token]:
    """Clauses the parser hung elsewhere: on "clear" in "made it clear that ...", or on
    the medium in "says in a statement that ..."."""
    found = [c for c in verb.rights if _bare_adverbial(c)]
    clear = made_clear(verb)
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
                    if c.dep_ in {"acl", "ccomp", "relcl"} and that_marked(c)
                ]
    return found


def _bare_adverbial(clause: Token) -> bool:
    """"said after the meeting he would not attend": a clause with its own subject and
    no conjunction, which the parser hung as an adverbial after a verb of speaking."""
    if clause.dep_ != "advcl" or cue_lemma(clause.head) not in lexicon().speaking_verbs:
        return False
    if any(c.dep_ == "mark" for c in clause.children) or clause.tag_ in {"VBG", "VBN"}:
        return False
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children)


def _inverted_ccomp(verb: Token) -> bool:
    """'..., the envoy said' parsed as a complement of the quoted clause's verb."""
    if verb.dep_ != "ccomp" or verb.head.i > verb.i or any(c.dep_ == "mark" for c in verb.children):
        return False
    return text_before(verb) in {",", "”", '"', "—"}


def _parenthetical(verb: Token) -> bool:
    """"Soon after, the evidence indicates, the judge ruled": a cue set off by commas
    inside the clause it reports, parsed as an unmarked adverbial or as a complement of
    the verb after it ("If it rains, Lee warned on Monday, the dam will fail")."""
    if verb.dep_ not in {"advcl", "ccomp"} or verb.head.i < verb.i:
        return False
    if any(c.dep_ == "mark" for c in verb.children):
        return False
    # "Lee argued in an email, ...": a medium or time after the cue leaves it an aside,
    # but "pointed to the data, ..." names what it reports.
    own = cue_prep(verb)
    if any(c.dep_ in {"dobj", "ccomp", "xcomp"} or c == own for c in verb.rights):
        return False
    subject = next((c for c in verb.lefts if c.dep_ == "nsubj"), None)
    return subject is not None and between_commas(verb.doc, subject.left_edge.i, verb.right_edge.i)


# What a cue set off in a sentence may take after it before its closing comma.
ASIDE_TAIL = {"advmod", "npadvmod", "prep", "punct"}


def _spliced_content(verb: Token) -> set[int]:
    """The clause a cue with a subject reports when the parser joined the two with a
    bare comma as if they were a list of acts: "Voters oppose the levy, a new survey
    finds, ..." (the cue joined to the clause before it) or "The Herald reported,
    citing aides, Lee tried to ..." and "This sort of remark, the network claimed,
    breaks its rules" (the clause joined to the cue). An "and" would make them two acts."""
    if verb.pos_ != "VERB" or verb.tag_ not in {"VBD", "VBZ", "VBP"} or not _subject_of(verb):
        return set()
    if any(c.dep_ in {"dobj", "ccomp", "xcomp", "attr", "oprd"} for c in verb.rights):
        return set()
    doc = verb.doc
    if verb.dep_ == "conj" and verb.head.i < verb.i and _bare_comma_before(verb):
        head = verb.head
        if any(c.dep_ == "cc" and head.i < c.i < verb.i for c in head.children):
            return set()
        if not _aside_ends(verb):
            return set()
        return subtree(head) - subtree(verb)
    clause = next(
        (c for c in verb.rights if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}), None
    )
    if clause is None or not _bare_comma_before(clause):
        return set()
    joined = [c for c in verb.children if c.dep_ == "cc"]
    if _subject_of(clause):
        # "Lee argued, the crowd jeered, and ...": a list of events, not a report.
        return set() if joined else subtree(clause)
    if any(c.i < clause.i for c in joined):
        return set()
    # The clause shares its subject with what stands before the cue's own subject.
    subject = _subject_of(verb)
    assert subject is not None
    start = min(t.i for t in subject.subtree)
    if subject.i > verb.i or start == verb.sent.start or doc[start - 1].text != ",":
        return set()
    before = {i for i in range(verb.sent.start, start - 1) if not doc[i].is_space}
    return before | subtree(clause)


def _subject_of(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in SUBJECTS), None)


def _bare_comma_before(clause: Token) -> bool:
    """A comma, and no "and", right before the clause."""
    return text_before(clause) == ","


def _aside_ends(verb: Token) -> bool:
    """Only a time, a medium or the like follows the cue before a comma or the end."""
    return all(c.dep_ in ASIDE_TAIL for c in verb.rights)


CLAUSE_BREAKS = {";", ":"}


def _clause_break(verb: Token) -> int | None:
    """The semicolon or colon right before the cue's own clause ("He backs X; *she*
    backs Y", "The report found X: *70 percent* say Y"), if there is one: the clause
    before it is another statement, however the parser hung it on the cue."""
    lefts = [c for c in verb.lefts if c.dep_ not in CLAUSE_DEPS | {"ccomp", "punct"}]
    first = min((c.left_edge.i for c in lefts), default=verb.i)
    while first > 0 and verb.doc[first - 1].is_space:
        first -= 1
    if first == 0 or verb.doc[first - 1].text not in CLAUSE_BREAKS:
        return None
    return first - 1


def after_clause_break(verb: Token, content_idx: set[int]) -> set[int]:
    """The content without what lies before the cue's clause break."""
    mark = _clause_break(verb)
    return content_idx if mark is None else {i for i in content_idx if i > mark}


def without_aside_relative(doc: Doc, content_idx: set[int]) -> set[int]:
    """A noun content without the relative clause set off by a comma that closes it
    ("praised Ann Lee, who has vowed to ..."): the clause tells more about the noun and
    is not what was praised; a cue in it ("who has vowed") is its own speaker's
    statement, not part of this one."""
    for tok in (doc[i] for i in sorted(content_idx)):
        if tok.dep_ != "relcl" or tok.head.i not in content_idx or tok.head.i > tok.i:
            continue
        comma = tok.left_edge.i - 1
        if comma not in content_idx or doc[comma].text != ",":
            continue
        rest = [i for i in content_idx if i > tok.right_edge.i and not doc[i].is_punct]
        if rest:
            continue
        return {i for i in content_idx if i < comma}
    return content_idx


def without_closing_according(verb: Token, content_idx: set[int]) -> set[int]:
    """A content without the "..., according to X" that closes its sentence ("Lee said
    she would run, according to two aides"): X vouches for the whole report, Lee's
    saying included, so the phrase is a statement of its own and not part of Lee's."""
    doc = verb.doc
    # Runs once per cue: the text rules out most contents without a Token per word.
    if "according" not in span_text(doc, content_idx).lower():
        return content_idx
    for i in sorted(content_idx):
        tok = doc[i]
        if tok.lower_ != "according" or i <= verb.i or i + 1 >= len(doc) or doc[i + 1].lower_ != "to":
            continue
        last_word = max(j for j in content_idx if not doc[j].is_punct)
        if doc[i - 1].text == "," and tok.right_edge.i >= last_word:
            return {j for j in content_idx if j < i - 1}
    return content_idx
