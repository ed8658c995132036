"""Sources: which word speaks for a cue, its subject or passive agent, and the fallbacks
for the parser's misreadings (a subject swallowed into an opening phrase, a name read as a
verb, a speaker after its quote). Where the speaker's phrase ends is in
``source_phrases``; outlets that relay a statement are in ``vias``."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract import entity_at
from newsgraph.extract.cues import (
    CUE_TIMES,
    cue_lemma,
    cue_prep,
    cue_word,
    feeling_passive,
    is_cue_verb,
    lexicon,
    shared_cue,
)
from newsgraph.extract.lexicon import get_lexicon
from newsgraph.extract.source_phrases import (
    DASHES,
    FINITE,
    QUOTE_MARKS,
    SUBJECT_DEPS,
    has_subject,
)
from newsgraph.extract.spans import (
    NOMINAL,
    main_verb,
    paragraphs,
    subtree,
)

# Verbs of seeming: the writer's inference about their subject ("Lee appears to lead").
SEEMING = {"seem", "appear"}

# How far up the tree a cue looks for a subject it shares ("..., saying that ...").
SUBJECT_CLIMB = {"conj", "advcl", "xcomp", "ccomp", "acl", "relcl", "pcomp", "prep", "acomp"}

# Opening quote marks.
OPEN_QUOTES = {'"', "“", "``"}

# Parts of a group that speak for it ("a third agreed", "half say").
FRACTIONS = {"half", "third", "thirds", "quarter", "quarters", "majority", "most", "many"}

def source_token(verb: Token) -> Token | None:
    """The subject (or passive agent) of the verb, climbing to a verb it hangs from."""
    node = verb.head if verb.pos_ == "ADJ" and verb.dep_ == "acomp" else verb
    felt = _feeler(node)
    if felt is not None:
        return felt
    named = name_read_as_modifier(node) or _inverted_speaker(node)
    if named is not None:
        return named
    node = shared_cue(node) or node
    joined = False  # reached through "and": the first verb's subject is shared
    for _ in range(4):
        # The nearest subject wins: a misparse can hang a name from inside the quote too.
        paras = paragraphs(verb.doc)
        # A passive subject speaks when the cue shares it through "and" ("Lee was forced
        # to retreat and said ..."), under a contracted "has" or in a feeling's passive.
        active = joined or _contracted_has(node) or feeling_passive(node) or _reported_passive(node, verb)
        subject_deps = {"nsubj", "csubj", "nsubjpass"} if active else {"nsubj", "csubj"}
        subjects = sorted(
            (
                _in_paragraph(c, paras[verb.i])
                for c in node.children
                if c.dep_ in subject_deps and _in_paragraph(c, paras[verb.i]) is not None
            ),
            key=lambda c: abs(c.i - node.i),
        ) or _quantity_subject(node)
        if subjects:
            subjects[0] = participle_subject(subjects[0]) or subjects[0]
            # "Lee appears to lead", "it seems that ...": the writer's inference about
            # the subject, which is its topic and not a source. A cue under it keeps
            # its subject: "she appeared to imply that ..." is her implying. "It"
            # before a stance adjective is a placeholder too: "it is clear that ...".
            if cue_lemma(node) in SEEMING and (node is verb or not cue_word(verb)):
                return None
            expletive = subjects[0].lower_ == "it" and (verb.pos_ == "ADJ" or _raised(verb, node))
            if expletive or _copular_aim(verb, node, subjects[0]):
                return None
            return _speaker_after_quote(node, subjects[0]) or subjects[0]
        for child in node.children:
            if child.dep_ == "agent":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
        agent = _stray_agent(node)
        if agent is not None:
            return agent
        if any(c.dep_ in {"nsubjpass", "expl"} for c in node.children):
            return None
        if node.dep_ not in SUBJECT_CLIMB and not _verb_read_as_dep(node) or node.head.i == node.i:
            return None
        if node.tag_ == "VBN" and node.dep_ == "advcl":
            return None  # "Asked about X, she said": the asker is not the subject
        if as_clause(node):
            # "As Amar put it, ...": the speaker is in the "as" clause, which the parser
            # may read as the object of "as"; the main clause's subject is not it.
            return _as_object(node)
        if node.dep_ == "acl" and main_verb(node):
            # "Lee, who ..., tweeted to say": a sentence parsed with no main verb; the
            # clause on its root noun is the main clause.
            return node.head
        if node.dep_ in {"ccomp", "acl"} and not is_cue_verb(node):
            return None
        if node.dep_ == "acl" and node.tag_ == "VBG" and node.head.pos_ in NOMINAL:
            # "a group backing the plan", "voters saying they ...", but "she issued a
            # statement saying ...": the one who issued it.
            found = _addressed_sender(node) or _author(node.head) or _event_object_subject(node.head)
            found = found or _shown_speaker(node)
            if found is None and _mute_thing(node.head):
                return None
            return found or node.head
        controller = _object_controller(node) or _with_subject(node)
        if controller is not None:
            return controller
        if node.dep_ == "conj" and _quote_closes_between(node.head, node):
            # "“We were wrong,” Lee told AFP" parsed with "told" joined to the quote's verb:
            # the quote's subject is the one quoted, not the one telling.
            return None
        joined = node.dep_ == "conj"
        node = node.head
    return None


# Forms of a word that opens a phrase on a noun, not a clause: "voters going to the
# polls", "workers eager for a raise". (A past participle with a subject before it is
# a clause: "the photo Lee posted".)
PARTICIPLE_TAGS = {"VBG", "JJ"}


def participle_subject(subject: Token) -> Token | None:
    """The noun before a participle the parser made a clause ("Most voters going to the
    polls said ..." parsed with "going" as the subject, "voters" as its own): the noun
    phrase with its participle is who speaks, as "voters who went to the polls" would be.
    The noun must run right into the participle; a comma sets off a clause of its own."""
    if subject.tag_ not in PARTICIPLE_TAGS or subject.pos_ not in {"VERB", "ADJ"}:
        return None
    noun = next((c for c in subject.lefts if c.dep_ == "nsubj" and c.pos_ in NOMINAL), None)
    if noun is None or noun.right_edge.i + 1 != subject.i:
        return None
    return noun


def misread_participle(tok: Token, verb: Token) -> set[int]:
    """The participle phrase on a source the parser made its clause (see
    ``participle_subject``), up to the cue: it says which ones speak."""
    head = tok.head
    if tok.dep_ != "nsubj" or participle_subject(head) != tok:
        return set()
    # The participle is the cue's subject (or its copula's: "voters ... were aware"), or
    # the cue hangs on it.
    cue = verb.head if verb.dep_ == "acomp" else verb
    linked = head.dep_ == "csubj" and head.head == cue or verb.dep_ == "dep" and verb.head == head
    if not linked:
        return set()
    words = {i for i in subtree(head) - (subtree(verb) if verb.head == head else set()) if i < verb.i}
    words = {i for i in words if i >= tok.left_edge.i}
    for child in cue.lefts:
        # "voters going to the polls last week said": the time the parser gave the verb
        # ends the phrase it follows.
        if child.dep_ == "npadvmod" and child.left_edge.i == max(words) + 1:
            words |= subtree(child)
    return words


def _verb_read_as_dep(verb: Token) -> bool:
    """A finite verb the parser hung as a loose "dep" on a verb or participle before it
    ("Lee paused, then revealed ...", "Most voters going to the polls say ..."): the
    second of two acts of one subject, which it shares as a verb joined by "and" does."""
    if verb.dep_ != "dep" or verb.pos_ != "VERB" or verb.tag_ not in FINITE:
        return False
    head = verb.head
    if head.i > verb.i or head.pos_ not in {"VERB", "ADJ", "AUX"} or not has_subject(head):
        return False
    if participle_subject(head) is not None:
        return True  # "Most voters going to the polls say": the participle is no act
    # "Lee paused, then revealed ...": a second act after a comma.
    return head.tag_ in FINITE and head.is_alpha and verb.doc[verb.left_edge.i - 1].text == ","


# How a "by" phrase may hang below a passive verb inside its own clause.
AGENT_PATH = {"prep", "pobj", "xcomp", "advmod", "npadvmod", "oprd"}


def _stray_agent(verb: Token) -> Token | None:
    """The doer of a passive cue whose "by" phrase the parser hung on a word after the
    verb ("Lee was attacked on the plan by her rival", "the ban was backed most
    strongly by the union"): a named person or group after "by" in the verb's own
    clause, past no clause of its own."""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    # Under the cue's own preposition the phrase is what was said: "Lee was asked about
    # the attack by a gunman".
    prep = cue_prep(verb)
    said = subtree(prep) if prep is not None else set()
    for word in verb.subtree:
        if word.i in said:
            continue
        if word.i <= verb.i or word.lower_ != "by" or word.dep_ != "prep" or word.head == verb:
            continue
        obj = next((c for c in word.children if c.dep_ == "pobj"), None)
        if obj is None or not (obj.ent_type_ in NAMED_TYPES or obj.pos_ == "PROPN"):
            continue
        path = word
        while path != verb and path.dep_ in AGENT_PATH:
            path = path.head
        if path == verb:
            return obj
    return None


def _inverted_speaker(verb: Token) -> Token | None:
    """The speaker after a verb of speaking set off by commas inside the sentence it
    reports ("The plan, said Lee and others, would fail"), which the parser read as the
    subject of the reported clause: the phrase right after the verb, closed by a comma,
    speaks; the phrase before the verb opens what was said."""
    doc = verb.doc
    if verb.tag_ not in FINITE or cue_lemma(verb) not in lexicon().speaking_verbs:
        return None
    if verb.i == 0 or doc[verb.i - 1].text != ",":
        return None
    for clause in verb.rights:
        if clause.dep_ != "ccomp":
            continue
        subject = next((c for c in clause.lefts if c.dep_ == "nsubj" and c.pos_ in NOMINAL), None)
        if subject is None or subject.left_edge.i != verb.i + 1 or not _person_like(subject):
            continue
        end = subject.right_edge.i
        if doc[end].text == "," or end + 1 < len(doc) and doc[end + 1].text == ",":
            return subject
    return None


def _person_like(noun: Token) -> bool:
    """A name, or a noun for a person by role or by its ending ("expert", "analyst"),
    not a thing that may be said ("said their speeches, ..., would ...")."""
    return (
        noun.pos_ == "PROPN"
        or noun.ent_type_ in NAMED_TYPES
        or get_lexicon().role(noun) is not None
        or noun.lemma_.lower().endswith(PERSON_SUFFIXES)
    )


# Modals a name can be misread as when capitalized: "Will wrote", "May said".
NAME_MODALS = {"will", "may", "can"}


def name_read_as_modifier(verb: Token) -> Token | None:
    """A name right before a cue with no subject that the parser hung on the verb as
    something else: a compound ("“...,” Lee barked and left"), a modal ("Will wrote", a
    modal never comes before a past form) or an adverb ("And Skelly called"). The word
    before a finite verb with no subject is its subject."""
    doc, i = verb.doc, verb.i
    if i == 0 or verb.pos_ != "VERB" or has_subject(verb) or verb.tag_ not in FINITE | {"VBN"}:
        return None
    word = doc[i - 1]
    if word.head != verb or word.i == verb.sent.start or not word.is_title:
        return None
    if doc[i - 2].is_space:
        return None  # a headline's first word: "Spurns offer, ..." is capitalized anyway
    if word.dep_ == "compound":
        return word if word.pos_ == "PROPN" else None
    if word.dep_ == "aux":
        past = verb.tag_ in {"VBD", "VBN"} and not any(c.dep_ == "auxpass" for c in verb.children)
        return word if word.lower_ in NAME_MODALS and past else None
    if word.dep_ == "advmod" and _unknown_name(word) and doc[i - 2].dep_ == "cc":
        return word
    return None


def _speaker_after_quote(verb: Token, subject: Token) -> Token | None:
    """The speaker after a cue that follows its quote ("“Nonsense,” wrote a farmer",
    "“Absurd,” replied the union leader"), when the parser took the quoted words for the
    subject and the speaker for an object: the quote ends with a comma, "?" or "!" and its
    closing mark right before the verb, and a noun phrase follows the verb."""
    doc, i = verb.doc, verb.i
    if subject.i > i or i < 2 or doc[i - 1].text not in QUOTE_MARKS or verb.tag_ not in FINITE:
        return None
    if any(c.dep_ == "nsubj" and c.i != subject.i for c in verb.children):
        return None  # 'Lee, star of “Dust,” thanked': the quote ends the subject's title
    words = [t.i for t in subject.subtree if not t.is_punct]
    if doc[i - 2].text not in {",", "?", "!"} or max(words) > i - 2:
        return None
    first = subject.left_edge.i
    if doc[first].text not in OPEN_QUOTES and (first == 0 or doc[first - 1].text not in OPEN_QUOTES):
        return None  # the quote is the subject's own: 'Lee, author of “Dust,” wrote'
    if any(doc[j].text in QUOTE_MARKS | OPEN_QUOTES for j in range(first + 1, i - 1)):
        return None  # 'Lee, star of “Dust,” thanked': a title quoted inside the subject
    for child in verb.rights:
        if child.dep_ in {"dobj", "nsubj", "attr", "npadvmod"} and child.pos_ in NOMINAL:
            return child if child.left_edge.i == i + 1 else None
    return None


# Passives that report someone's own words or acts: "Lee is quoted as saying", "Lee
# could be heard telling friends".
REPORTED_PASSIVES = {"quote", "hear", "overhear", "see", "catch", "record", "film", "tape"}


def _reported_passive(node: Token, verb: Token) -> bool:
    """A passive of quoting or perceiving over the cue ("Lee is quoted as saying ...",
    "Lee was heard telling ..."), or "is quoted" as the cue itself: its passive subject is
    the one whose words are reported, so the speaker."""
    if node.pos_ != "VERB" or node.lemma_.lower() not in REPORTED_PASSIVES:
        return False
    if node is verb:
        return node.lemma_.lower() == "quote"
    return verb.tag_ == "VBG"


def _feeler(verb: Token) -> Token | None:
    """The object of an active verb of feeling ("the remark alarmed the growers", "it
    amazes me that ..."): the one who feels is the source; the subject is only the cause."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in lexicon().feeling_object_verbs:
        return None
    if any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj"), None)


def _quote_closes_between(left: Token, right: Token) -> bool:
    """A quotation that closes between two words ("...,” Lee told"): the first is inside
    it, the second after it. A quoted word ("called him “crazy” and") does not end with a
    mark of its own."""
    doc = left.doc
    ends = [
        t.i
        for t in doc[left.i + 1 : right.i]
        if t.text in QUOTE_MARKS and doc[t.i - 1].text in {",", ".", "?", "!"}
    ]
    # "“...,” and said": the writer's own "and" joins two of the subject's acts.
    return bool(ends) and not any(t.dep_ == "cc" for t in doc[ends[-1] : right.i])


def as_clause(verb: Token) -> bool:
    """An adverbial clause opened by "as": "as the minister noted, ...", "As Amar put it".
    Not "as to" with an infinitive ("went so far as to say"), which has no subject of its
    own and tells what the main clause's subject did."""
    return (
        verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
        and not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


def _as_object(verb: Token) -> Token | None:
    mark = next(c for c in verb.children if c.dep_ == "mark" and c.lower_ == "as")
    return next((c for c in mark.children if c.dep_ == "pobj" and c.pos_ in NOMINAL), None)


def _object_controller(clause: Token) -> Token | None:
    """Who does what an infinitive or participle says when the verb above has an object
    before it: "the ruling led some allies to worry", "it prompted the council to call
    for ...", "the delay left many voters wondering whether ..."."""
    causes = lexicon().causative_verbs
    participle = clause.dep_ in {"advcl", "ccomp"} and clause.tag_ == "VBG"
    if clause.dep_ != "xcomp" and not participle:
        return None
    if clause.head.i > clause.i or clause.head.lemma_ not in causes:
        return None
    objects = (c for c in clause.head.children if c.dep_ in {"dobj", "dative"} and c.i < clause.i)
    found = next((c for c in objects if c.pos_ in NOMINAL), None)
    if participle and found is not None:
        # "left voters wondering", but not "left no doubt, saying ...": the participle
        # must follow its doer, and only after "leave" or "keep".
        if clause.head.lemma_ not in {"leave", "keep"} or not _right_before(found, clause):
            return None
    return found


def _right_before(phrase: Token, clause: Token) -> bool:
    """The phrase ends right before the clause, or with a comma that closes an aside
    inside it ("left many voters, including his own, wondering")."""
    end = phrase.right_edge.i
    if end + 1 == clause.i:
        return True
    doc = phrase.doc
    aside = any(t.text == "," for t in doc[phrase.i : end])
    return end + 2 == clause.i and doc[end + 1].text == "," and aside


def _with_subject(clause: Token) -> Token | None:
    """"The debate ended with Lee asking whether ...": the object of "with" right before
    a participle is who does it, though the parser hangs the participle elsewhere."""
    start = clause.left_edge.i
    if clause.tag_ != "VBG" or start != clause.i or start == clause.sent.start:
        return None
    before = clause.doc[start - 1]
    while before.dep_ != "pobj" and before.head.i > before.i:
        before = before.head
    preposition = before.head
    if before.dep_ != "pobj" or preposition.lower_ not in {"with", "without"}:
        return None
    return before if before.pos_ in NOMINAL and before.right_edge.i == start - 1 else None


def _contracted_has(verb: Token) -> bool:
    """"He's said he ...": "'s" read as a passive "is" when it is "has", which the
    clause or object after the verb gives away."""
    contracted = any(c.dep_ == "auxpass" and c.lower_ in {"'s", "’s"} for c in verb.children)
    # A particle or the cue's own preposition gives it away too: "she's spoken out
    # against ...", "he's called for ..." (no one "is spoken out").
    phrasal = cue_prep(verb) is not None or any(c.dep_ == "prt" for c in verb.rights)
    active = phrasal or any(c.dep_ in {"ccomp", "dobj"} and c.i > verb.i for c in verb.children)
    return contracted and active


# Heads whose subject "it" stands for nobody: "it is hard to imagine ...", "it remains to
# be seen ...", "it seems fair to say ...", "it takes courage to admit ...". A contracted
# "is" ("it's safe to say") the tagger may take for a verb of its own lemma.
PLACEHOLDER_HEADS = {"be", "remain", "seem", "appear", "become", "take"}
CONTRACTED_IS = {"'s", "’s"}


# Entity types a speaker found by position must have.
NAMED_TYPES = {"PERSON", "ORG", "NORP"}

# Adverbs between an inverted cue and its source: "said also Lee".
BETWEEN = {"also", "then", "later", "again", "too", "once"}


def stray_subject(verb: Token) -> Token | None:
    """The speaker of a cue the parser gave no subject, found by position: for a finite
    verb of speaking, the name right after it and its quote ("“...,” said David Lee, a
    ...") or the name opening its clause ("Ann Lee, a rabbi helping ..., said"); for a
    participle after a comma, the subject of the clause before it."""
    lex = lexicon()
    if verb.pos_ == "VERB" and verb.tag_ == "VBG":
        return _participle_subject(verb)
    if verb.pos_ != "VERB" or verb.tag_ not in FINITE:
        return None
    if has_subject(verb):
        return None
    found = _phrase_before(verb) or _opening_clause_subject(verb) or _misread_aside_subject(verb)
    if found is not None:
        return found
    sent = verb.sent
    before = [t.text for t in verb.doc[max(sent.start, verb.i - 2) : verb.i]]
    # Any cue verb right after its quote inverts with its speaker ("“...,” opined the
    # Globe", "“...,” cautioned Lee"); only verbs of speaking proper go further afield.
    if cue_lemma(verb) not in lex.speaking_verbs and not (
        before and before[-1] in QUOTE_MARKS and is_cue_verb(verb)
    ):
        return None
    if before and set(before) & QUOTE_MARKS:
        after = next((t for t in sent if t.i > verb.i and t.lower_ not in BETWEEN), None)
        if after is not None and (
            after.pos_ in {"PROPN", "DET"} or after.ent_type_ in NAMED_TYPES or _unknown_name(after)
        ):
            return _chunk_root(after)
        return None
    if before and before[-1] == ",":
        return _opening_name(verb)
    return None


# Words that stand for a group of people on their own: "..., many argue, ...".
GROUP_WORDS = {"many", "most", "some", "others", "few", "several", "both", "all"}

# How the parser may hang a misread subject on the verb of an aside.
MISREAD_SUBJECT_DEPS = {"amod", "aux", "compound", "det", "nummod", "advmod"}


def _misread_aside_subject(verb: Token) -> Token | None:
    """The one word between a comma and a cue verb that the parser hung on the verb as
    something other than its subject, in an aside or a clause running to the sentence's
    end: a group word ("That plan, many argue, would fail") or a capitalized name read
    as a modal ("In short, Will wrote, ...")."""
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 2].text != "," or verb.i - 2 <= verb.sent.start:
        return None
    word = doc[verb.i - 1]
    if word.head != verb or word.dep_ not in MISREAD_SUBJECT_DEPS:
        return None
    after = max(t.i for t in verb.subtree if not t.is_punct) + 1
    if after >= len(doc) or doc[after].text not in {",", "."}:
        return None
    return word if word.lower_ in GROUP_WORDS or word.is_title else None


def _unknown_name(tok: Token) -> bool:
    """A capitalized word the tagger did not take for a name ("said Skelly" tagged as an
    adverb), and not a time ("said Tuesday")."""
    return (
        tok.is_title
        and tok.ent_type_ not in {"DATE", "TIME"}
        and tok.pos_ in {"ADV", "NOUN", "ADJ", "VERB"}
        and tok.lower_ not in CUE_TIMES
    )


def speaker_before(verb: Token) -> Token | None:
    """The speaker found by position right before a cue whose parsed subject is a clause
    the parser built by mistake ("Making her way out, Lee and her aide, thanked ...")."""
    return _phrase_before(verb)


def _phrase_before(verb: Token) -> Token | None:
    """The noun phrase that ends right before a finite cue with no subject, which the
    parser hung elsewhere ("..., House Speaker Ryan's office announced", "..., a White
    House official who spoke anonymously said"): it opens the sentence or follows a
    comma."""
    doc, sent = verb.doc, verb.sent
    end = verb.i
    while end - 1 > sent.start and doc[end - 1].head == verb and doc[end - 1].dep_ == "advmod":
        end -= 1  # "Trump further said"
    aside = end - 1 > sent.start and doc[end - 1].text == "," and doc[end - 2].pos_ in NOMINAL
    if aside:
        end -= 1  # "Ann Lee and Tom Diaz, both senators, have said"
    if end - 1 <= sent.start:
        return None
    tok = doc[end - 1]
    while not _opens_noun_phrase(tok):
        if tok.head.i == tok.i or tok.head == verb or tok.head.right_edge.i != end - 1:
            return None
        tok = tok.head
    while aside and tok.dep_ in {"appos", "conj"} and _opens_noun_phrase(tok.head):
        tok = tok.head  # "Ann Lee, a rabbi," is Lee
    return (_name_before_aside(tok) if aside else None) or tok


def misread_verb_subject(verb: Token) -> Token | None:
    """The subject of a finite verb the parser read as an adjective of its object: "In
    March, Lee blasted the board for ..." parsed as a noun phrase "blasted board" with
    "Lee" hung on it. The subject is the verb's own, or the noun phrase that ends right
    before it and opens the sentence or follows a comma; a possessive ("his proposed
    plan") or a hyphen ("a Lee-backed plan") before the verb makes it a real modifier."""
    if verb.pos_ != "VERB" or verb.dep_ != "amod" or verb.tag_ not in {"VBD", "VBN"}:
        return None
    if verb.head.i < verb.i or verb.i == verb.sent.start:
        return None
    before = verb.doc[verb.i - 1]
    if before.text != "," and (before.pos_ not in NOMINAL or before.tag_ == "PRP$"):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject or _phrase_before(verb)


# Prepositions whose gerund the object does: "stopped the party *from* nominating ...",
# "charged him *with* lying".
OBJECT_CONTROL = {"from", "with", "within"}

# Subjects that stand for a thing, not a doer.
THING_WORDS = {"it", "which", "that", "this", "what"}

# Clauses a gerund's doer is found past: "she was likely to win by *attacking* ...".
GERUND_CLIMB = {"xcomp", "conj", "acomp", "advcl", "ccomp"}


def gerund_subject(verb: Token) -> Token | None:
    """The doer of a gerund after a preposition: the subject of the clause it stands in,
    past the nouns and adjectives it hangs from ("she was suspended after *slamming*
    ...", "he has a long history of *blaming* ...", "Lee was the most aggressive in
    *denouncing* ..."). A passive subject is the doer too: the one suspended slammed."""
    if verb.pos_ != "VERB" or verb.tag_ != "VBG" or verb.dep_ != "pcomp":
        return None
    if verb.head.lower_ in OBJECT_CONTROL:
        return None
    node = verb.head.head
    for _ in range(6):
        if node.pos_ in {"VERB", "AUX"}:
            subject = next((c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subject is not None and subject.lower_ in THING_WORDS:
                return None  # "it was honored with naming ...": a thing does nothing
            if subject is not None and subject.dep_ == "nsubjpass" and verb.head.lower_ == "by":
                return None  # "the ban is justified by arguing ...": by someone else
            if subject is not None or node.dep_ not in GERUND_CLIMB:
                return subject
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _name_before_aside(aside: Token) -> Token | None:
    """The name an appositive describes, when the parser hung the two apart: "Tanden,
    head of the center, recounted" with "Tanden" taken for part of the phrase before."""
    doc, first = aside.doc, aside.left_edge.i
    if first < 2 or doc[first - 1].text != "," or aside.dep_ != "appos":
        return None
    name = entity_at(doc, first - 2)
    # The recognizer often takes an unfamiliar surname for a place.
    if name is None or name.label_ not in NAMED_TYPES | {"GPE"} or name.end != first - 1:
        return None
    before = doc[name.start - 1] if name.start > aside.sent.start else None
    opens = before is None or before.text in DASHES | QUOTE_MARKS | {","} or (
        before.dep_ == "cc" and before.i == aside.sent.start
    )
    return name.root if opens else None


def _opens_noun_phrase(tok: Token) -> bool:
    """A noun phrase, not a preposition's object, that opens its sentence or follows a
    comma or a closing quote ("“...,” Lee answers")."""
    first = tok.left_edge.i
    opens = first == tok.sent.start or tok.doc[first - 1].text in QUOTE_MARKS | {","}
    return tok.pos_ in NOMINAL and tok.dep_ != "pobj" and opens


def opening_clause(verb: Token) -> Token | None:
    """A clause with a subject of its own that the parser hung before a cue with none:
    "Kasich offered the man a job, then says ..." parsed with "offered" as what "says"
    reports, or "Trump summed up ..., denounced ... and said ..."."""
    head = verb
    while head.dep_ == "conj" and head.head.i < head.i:
        head = head.head
    if has_subject(head):
        return None
    sent = verb.sent
    for clause in head.lefts:
        if _quoted_before(clause, verb):
            continue
        if (
            clause.dep_ in {"ccomp", "advcl"}
            and clause.tag_ in FINITE
            and clause.left_edge.i == sent.start
            and not any(c.dep_ == "mark" for c in clause.children)
            and any(c.dep_ == "nsubj" for c in clause.children)
        ):
            return clause
    return None


def _quoted_before(clause: Token, verb: Token) -> bool:
    """A clause that is a whole quote right before the verb ("“We need to split the
    vote,” added a delegate."): the quote the verb reports, inverted, not a clause of
    the verb's own speaker."""
    doc, i = verb.doc, verb.i
    first = clause.left_edge
    opens = first.text in OPEN_QUOTES or first.i > 0 and doc[first.i - 1].text in OPEN_QUOTES
    closes = i >= 2 and doc[i - 1].text in QUOTE_MARKS and doc[i - 2].text in {",", "?", "!"}
    return opens and closes


def _opening_clause_subject(verb: Token) -> Token | None:
    clause = opening_clause(verb)
    if clause is None:
        return None
    return next(c for c in clause.children if c.dep_ == "nsubj")


def _participle_subject(verb: Token) -> Token | None:
    """"Lee shared the news, writing ...": a participle set off by a comma shares the
    subject of the clause before it, wherever the parser hung it."""
    doc, sent = verb.doc, verb.sent
    first = min(t.i for t in verb.subtree)
    if first == 0 or doc[first - 1].text != ",":
        return None
    if first != verb.i and doc[first].dep_ not in {"neg", "advmod"}:
        return None  # "..., not even suggesting": only a negation or adverb before it
    for tok in reversed(doc[sent.start : first]):
        if tok.pos_ in {"VERB", "AUX"} and tok.tag_ in FINITE:
            subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subject is None and tok.pos_ == "VERB":
                subject = stray_subject(tok)  # "“...,” said Lee, explaining ..."
            if subject is None or subject.lower_ in {"it", "this", "that", "there", "what"}:
                return None
            return subject
    return None


def _opening_name(verb: Token) -> Token | None:
    """The person or group named first in the cue's clause, set off before it by
    commas: "Ann Lee, a rabbi helping ..., said"."""
    sent = verb.sent
    marks = [t.i for t in sent if t.i < verb.i and t.text in QUOTE_MARKS]
    start = max(marks) + 1 if marks else sent.start
    while start < verb.i and verb.doc[start].is_punct:
        start += 1
    ent = entity_at(verb.doc, start)
    if ent is None or ent.start != start or ent.label_ not in NAMED_TYPES or ent.end >= verb.i:
        return None
    if verb.doc[ent.end].text != ",":
        return None
    return ent.root


def _chunk_root(tok: Token) -> Token:
    for chunk in tok.sent.noun_chunks:
        if chunk.start <= tok.i < chunk.end:
            return chunk.root
    return tok


def _copular_aim(verb: Token, node: Token, subject: Token) -> bool:
    """"Her job will be to see that ...", "all she could do was shout": the infinitive
    after a copula says what a task or an aim is, and the thing named as subject (a job,
    a message, "all") does not speak. A person still can: "he was the first to vote"."""
    copular = node.lemma_ == "be" and verb.dep_ == "xcomp" and verb.head.i == node.i
    thing = subject.pos_ == "NOUN" and subject.ent_type_ not in NAMED_TYPES
    return copular and (thing or subject.lower_ in {"all", "what"})


def _raised(verb: Token, node: Token) -> bool:
    """Whether the subject was found above the cue on a copula, an adjective or a raising
    verb, whose "it" is a placeholder, not a speaker."""
    path = [t for t in verb.ancestors if t.i == node.i or node.is_ancestor(t)]
    return any(
        t.pos_ in {"AUX", "ADJ"} or t.lemma_ in PLACEHOLDER_HEADS or t.lower_ in CONTRACTED_IS
        for t in path
    )


# Endings of nouns for people ("voter", "governor", "activist", "spokeswoman").
PERSON_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "ee", "man", "men", "woman", "women")
# Nouns for many people at once ("a couple backing the bill"), and things that carry a
# message ("a sign saying ...").
GROUP_NOUNS = {"people", "group", "crowd", "campaign", "audience", "public", "lineup", "couple", "population"}
MESSAGE_CARRIERS = {"sign", "banner", "poster", "placard", "headline", "call", "caption",
                    "chart", "graphic", "slogan", "tweet", "text"}  # fmt: skip


def person_or_group(noun: Token) -> bool:
    """A noun for a person or a group of people: a named person or people ("Lee",
    "Kurds"), a role ("the governor", "judges"), a word for a doer ("donors") or a group
    ("rebel groups"); not a pronoun ("those invited")."""
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return False
    lemma = noun.lemma_.lower()
    return (
        noun.ent_type_ in {"PERSON", "NORP"}
        or get_lexicon().role(noun) is not None
        or noun.pos_ == "NOUN" and (lemma.endswith(DOER_SUFFIXES) or lemma in PEOPLE_NOUNS)
    )


# Endings of a noun for someone who does something ("donor", "lawmaker", "activist"):
# the person endings without "-ent", "-ant" and "-ee", which end as many things
# ("sentiment", "warrant", "committee").
DOER_SUFFIXES = tuple(s for s in PERSON_SUFFIXES if s not in {"ent", "ant", "ee"})
# Nouns for people at large.
PEOPLE_NOUNS = {"people", "group", "crowd", "public"}


def _agent_like(noun: Token) -> bool:
    """Whether a noun can name someone who speaks: a name, a pronoun, a role, a group or
    a document that states things."""
    lex = lexicon()
    lemma = noun.lemma_.lower()
    return (
        noun.pos_ in {"PROPN", "PRON"}
        or bool(noun.ent_type_)
        or get_lexicon().role(noun) is not None
        or lemma in lex.authored_nouns | lex.research_nouns | lex.poll_nouns | lex.media_nouns
        or lemma in GROUP_NOUNS | MESSAGE_CARRIERS
        or lemma.endswith(PERSON_SUFFIXES)
    )


def described_holder(adj: Token) -> Token | None:
    """Who holds the stance an adjective names when it describes a noun rather than
    follows a copula: the noun it follows ("voters angry at the levy", "Lee, eager to
    speak, ...") or the object it completes ("left the growers fearful that ..."), if
    that noun can name someone. Before its noun ("angry voters") it only sorts them."""
    if adj.pos_ != "ADJ":
        return None
    holder = None
    if adj.dep_ == "amod" and adj.head.i < adj.i and adj.head.pos_ in NOMINAL:
        holder = adj.head
    elif adj.dep_ == "oprd":
        holder = next((c for c in adj.head.children if c.dep_ == "dobj" and c.i < adj.i), None)
        if holder is not None and any(t.is_punct for t in adj.doc[holder.right_edge.i + 1 : adj.i]):
            return None  # "carrying his flag, eager to ...": the subject's mood, not the flag's
    if holder is None or not (_agent_like(holder) or _share_of_people(holder)):
        return None
    return holder


def _addressed_sender(participle: Token) -> Token | None:
    """The sender of a message whose words a participle of speaking gives, hung on the
    ones it went to ("sent a text to supporters saying: ...", "made a pitch to voters
    saying the law hurts jobs", "an email to donors stating that ..."): the one who sent
    or made it speaks, not those it reached: the message's owner or the subject of the verb
    that sent it."""
    noun = participle.head
    if noun.dep_ != "pobj" or noun.head.lower_ != "to" or not _reports_words(participle):
        return None
    above = noun.head.head
    owner = next((c for c in above.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    if above.pos_ in NOMINAL and above.dep_ == "dobj":
        above = above.head
    # "spoke to voters saying they ...": with nothing sent, the voters may be speaking.
    if above.pos_ != "VERB" or not any(c.dep_ == "dobj" for c in above.children):
        return None
    return next((c for c in above.children if c.dep_ == "nsubj"), None)


def _reports_words(participle: Token) -> bool:
    """A participle of speaking with words after it: a clause, or a colon or comma that
    opens a quote."""
    if cue_lemma(participle) not in lexicon().speaking_verbs | {"state"}:
        return False
    doc = participle.doc
    after = doc[participle.i + 1] if participle.i + 1 < len(doc) else None
    opens = after is not None and after.text in {":", ","}
    return opens or any(c.dep_ == "ccomp" for c in participle.children)


def _shown_speaker(participle: Token) -> Token | None:
    """The one shown or heard in a picture, a clip or a scene, when the parser hung the
    participle on the picture ("the spectacle of Lee denouncing the deal", "a clip of Lee
    saying she will run"): the one after "of", right before the participle, speaks."""
    noun = participle.head
    if noun.pos_ != "NOUN" or _agent_like(noun):
        return None
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    shown = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    # "the share of Republicans saying ...": a part of a group speaks as that part.
    if shown is None or shown.right_edge.i != participle.i - 1 or shown.tag_ in {"NNS", "NNPS"}:
        return None
    return shown if shown.pos_ in {"PROPN", "PRON"} or shown.ent_type_ in NAMED_TYPES else None


def _mute_thing(noun: Token) -> bool:
    """A thing that cannot speak, outside a verb's object, with a participle on it ("the
    polling data showing ...", "lawsuits alleging fraud", "legislation offering that
    amount passed"): the participle says what the thing is about, not who says so. PolNeAR
    marks such a thing as a source about one time in seven. An object is left alone: what
    is carried, posted or bankrolled may carry a message ("carried placards slamming the
    board", "ran ads attacking her"), as may what "there is" ("evidence suggesting ...")."""
    if noun.dep_ in {"dobj", "attr"} or _agent_like(noun) or _share_of_people(noun):
        return False
    # "the chorus of critics calling for ...": members named after "of" may be people the
    # lexicon does not know; the body they form speaks.
    return not (noun.dep_ == "pobj" and noun.head.lower_ == "of")


def _share_of_people(noun: Token) -> bool:
    """"A handful of insiders", "the only ones", "most of the voters": a part of a group,
    which speaks as the group would."""
    if noun.lower_ in {"one", "ones"} | FRACTIONS:
        return True
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and any(o.dep_ == "pobj" and _agent_like(o) for o in c.children)
        for c in noun.children
    )


def _event_object_subject(noun: Token) -> Token | None:
    """"The campaign entered the talks believing ...", "took turns rebutting ...": a
    participle after an object that names an event or a time tells what the subject did
    then, so the subject of the verb speaks."""
    if noun.dep_ != "dobj" or noun.head.pos_ != "VERB" or _agent_like(noun):
        return None
    return next((c for c in noun.head.children if c.dep_ == "nsubj"), None)


def _author(noun: Token) -> Token | None:
    """Who put out a statement, an ad or a letter: its owner ("her statement") or the
    subject of the verb that has it as object ("Lee released a video")."""
    if noun.lemma_.lower() not in lexicon().authored_nouns:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    verb = noun.head
    if noun.dep_ in {"dobj", "pobj"} and noun.head.dep_ == "prep":
        verb = noun.head.head  # "came out with an ad saying"
    if noun.dep_ not in {"dobj", "pobj"} or verb.pos_ != "VERB":
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _in_paragraph(subject: Token, para: int) -> Token | None:
    """The subject, or the part of it in the cue's paragraph: the parser may make a
    time stamp line ("2:40 p.m.") the subject and the real one its apposition."""
    paras = paragraphs(subject.doc)
    if paras[subject.i] == para:
        return subject
    return next(
        (
            t
            for t in subject.subtree
            if paras[t.i] == para and paras[t.head.i] != para and t.pos_ in NOMINAL
        ),
        None,
    )


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

CUE_LEAD_DEPS = {"aux", "auxpass", "neg", "advmod"}


def subject_in_opener(verb: Token) -> tuple[Token, set[int]] | None:
    """The subject the parser swallowed into an opening phrase ("At a rally in Dayton,
    Ohio, nurse Ann Lee railed against ...", "In a note to the board, Lee, its chair,
    recounted ..."): a cue with no subject of its own, an opening phrase that runs up to
    it, and after one of that phrase's commas a single noun phrase that ends there: its
    head and its words."""
    if verb.pos_ != "VERB" or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    opener = next((c for c in verb.children if c.dep_ == "prep" and c.i < verb.i), None)
    if opener is None or opener.left_edge.i != verb.sent.start:
        return None
    end = opener.right_edge.i
    between = verb.doc[end + 1 : verb.i]
    if any(t.head != verb or t.dep_ not in CUE_LEAD_DEPS for t in between):
        return None
    if any(c.dep_ == "auxpass" for c in verb.children):
        return None  # "In the interview, Lee was asked ...": the swallowed subject is asked
    doc = verb.doc
    for comma in (t for t in doc[opener.i : end] if t.text == ","):
        words = range(comma.i + 1, end + 1)
        roots = [doc[i] for i in words if doc[i].head.i not in words and not doc[i].is_punct]
        if len(roots) == 1 and roots[0].pos_ in {"PROPN", "NOUN"} and _agent_like(roots[0]):
            return roots[0], set(words)
    return None

