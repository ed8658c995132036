"""Events: PLOVER-typed happenings from our verb and noun lexicon over the dependency parse.

- A verb in ``events.yaml`` (or a phrasal "verb particle") triggers an event. Its subject
  gives the actors (a passive's "by" agent too); its object, dative and the objects of the
  entry's recipient prepositions give the recipients. Coordination and appositions expand
  ("the mediators - Egypt, Qatar and Turkey - ..."). A verb without its own subject takes
  the subject of the verb it complements ("began recruiting"), or that verb's object when
  the governing verb is a request ("pressuring Israel to agree").
- A light verb ("hold", "reach", "impose") lets its object noun decide ("reach an agreement").
- A noun in the lexicon is a nominal event: "talks between A and B", "sanctions on X",
  "Israel's refusal"; without its own participants it takes the governing verb's subject.
- Negation: "not", "never", "no agreements", or a governing "refuse"/"fail".
- Modality from the verbs above the trigger: an intention verb ("wants", "would like")
  makes it ``intended`` when the wisher is the actor and ``requested`` otherwise; a request
  verb makes it ``requested``; will/going to make it ``future``; could/might/if make it
  ``hypothetical``; should/must make it ``requested``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsgraph import knowledge
from newsgraph.extract.actors import country_record, place_country, word_country
from newsgraph.extract.lexicon import get_lexicon
from newsgraph.extract.spans import indices_with_pos
from newsgraph.pipeline import register_extensions

register_extensions()

DEFAULT_RECIPIENT_PREPS = ("with", "to", "against", "on", "toward", "towards", "at")
DEONTIC = {"should", "must", "ought"}
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
MODIFIERS = ("amod", "compound", "nmod")
CLAUSE_LINKS = ("xcomp", "ccomp", "advcl", "pcomp", "acomp", "prep", "conj", "relcl", "acl")


@dataclass
class EventMention:
    type: str
    trigger: int  # token index
    mode: str | None = None
    cameo: str | None = None
    actors: list[Any] = field(default_factory=list)  # ActorRecord
    recipients: list[Any] = field(default_factory=list)
    negated: bool = False
    modality: str = "asserted"
    nominal: bool = False
    clause: Token | None = None  # the verb whose clause holds the event (for date and place)
    derived: bool = False  # a promise or threat read off a future act (see derived_events)


@dataclass(eq=False)
class EventLexicon:
    verbs: dict[str, dict[str, Any]]
    nouns: dict[str, dict[str, Any]]
    light_verbs: set[str]
    intention: set[str]
    request: set[str]
    hypothetical: set[str]
    future: set[str]
    negation: set[str]


@lru_cache(maxsize=4)
def event_lexicon(knowledge_dirs: tuple[str, ...] | None = None) -> EventLexicon:
    raw = knowledge.load(knowledge_dirs).events
    modality = raw.get("modality") or {}

    def words(name: str) -> set[str]:
        return {str(w).lower().removeprefix("be ") for w in modality.get(name) or ()}

    return EventLexicon(
        verbs={str(k).lower(): v for k, v in (raw.get("verbs") or {}).items()},
        nouns={str(k).lower(): v for k, v in (raw.get("nouns") or {}).items()},
        light_verbs={str(w).lower() for w in raw.get("light_verbs") or ()},
        intention=words("intention"),
        request=words("request"),
        hypothetical=words("hypothetical") - DEONTIC,
        future=words("future"),
        negation=words("negation"),
    )


# --- triggers ------------------------------------------------------------------------------


def verb_entry(token: Token, lexicon: EventLexicon) -> dict[str, Any] | None:
    lemma = token.lemma_.lower()
    for child in token.children:
        if child.dep_ in ("prt", "prep"):
            entry = lexicon.verbs.get(f"{lemma} {child.lower_}")
            if entry is not None and _object_fits(token, entry):
                return entry
    entry = lexicon.verbs.get(lemma)
    if entry is not None and _object_fits(token, entry):
        if entry.get("no_clause") and any(c.dep_ == "ccomp" for c in token.children):
            return None  # "warned that ...": a statement, not the act
        return entry
    return None


def noun_entry(token: Token, lexicon: EventLexicon) -> dict[str, Any] | None:
    """The noun's entry, or the sense its context picks ("went on strike", "hunger strike")."""
    entry = lexicon.nouns.get(token.lemma_.lower())
    if entry is None:
        return None
    if token.dep_ == "pobj" and token.head.lower_ in (entry.get("pobj_of") or {}):
        return entry["pobj_of"][token.head.lower_]
    for child in token.children:
        if child.dep_ in ("compound", "amod") and child.lemma_.lower() in (entry.get("compound") or {}):
            return entry["compound"][child.lemma_.lower()]
    return entry


def _object_fits(token: Token, entry: dict[str, Any]) -> bool:
    wanted = entry.get("object")
    if not wanted:
        return True
    objects = [c.lemma_.lower() for c in token.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
    if not objects and entry.get("intransitive"):
        return True  # "allowed to leave": the entry also holds with no object at all
    if any(o in wanted for o in objects):
        return True
    # "released Prime Minister X", "freed 90 Palestinians": people as the object
    return bool(entry.get("object_people")) and any(_names_people(c) for c in token.children if c.dep_ == "dobj")


def _names_people(token: Token) -> bool:
    if token.ent_type_ in ("PERSON", "NORP"):
        return True
    table = token.doc._.ng_actors
    actor = table.at(token.i) if table is not None else None
    return actor is not None and actor.kind in ("person", "group", "unnamed")


def _light_object(token: Token, lexicon: EventLexicon) -> tuple[Token, dict[str, Any]] | None:
    if token.lemma_.lower() not in lexicon.light_verbs:
        return None
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            noun = _event_noun(child)
            entry = noun_entry(noun, lexicon)
            if entry is not None:
                return noun, entry
    return None


def _wrapping_object(verb: Token, noun: Token) -> Token | None:
    """The light verb's object when it only wraps the event noun ('effort' in 'a mediation effort')."""
    for child in verb.children:
        inside = child.left_edge.i <= noun.i <= child.right_edge.i
        if child.dep_ in ("dobj", "nsubjpass") and child.i != noun.i and inside:
            return child
    return None


def _event_noun(token: Token) -> Token:
    """'another round of talks' -> 'talks'; 'a mediation effort' -> 'mediation'."""
    if token.lemma_.lower() in ("effort", "bid", "attempt", "process", "campaign", "initiative", "plan"):
        for child in token.children:
            if child.dep_ == "compound" and event_lexicon().nouns.get(child.lemma_.lower()):
                return child
    if token.lemma_.lower() in ("round", "series", "wave", "set", "kind"):
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return token


# --- participants --------------------------------------------------------------------------


def actors_of(token: Token | None, table: Any) -> list[Any]:
    """The actors a phrase names: itself, its appositions, its 'of' members, and conjuncts."""
    if token is None or table is None:
        return []
    found: list[Any] = []
    for word in (token, *token.conjuncts):
        found.extend(_actors_of_word(word, table))
    unique: list[Any] = []
    for actor in found:
        if actor not in unique:
            unique.append(actor)
    return unique


def _actors_of_word(word: Token, table: Any) -> list[Any]:
    here = table.all_at(word.i)
    if here:
        return here
    for child in word.children:
        if child.dep_ == "appos":
            return actors_of(child, table)
    for child in word.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and table.all_at(pobj.i):
                    return actors_of(pobj, table)
    for child in word.children:
        if child.dep_ == "compound" and table.all_at(child.i):
            return table.all_at(child.i)
    for child in word.children:  # "praised Haiti's efforts": the possessor is the party
        if child.dep_ == "poss" and child.pos_ != "PRON" and table.all_at(child.i):
            return table.all_at(child.i)
    return _implied_countries(word, table)


def _implied_countries(word: Token, table: Any) -> list[Any]:
    """Countries a participant names without being an actor itself.

    "rejected an Australian ultimatum", "Israeli and Syrian proposals": the adjective's
    country is the party; "the invasion of South Lebanon": a place stands for its country.
    The countries join the actor table, so every event sees the same actor.
    """
    lexicon = get_lexicon()
    if word.dep_ in (*MODIFIERS, "poss"):  # a noun event's own modifier: "Palestinian riots"
        code = word_country(word, lexicon) if word.pos_ in ("ADJ", "PROPN") else None
        return [_country_actor(table, code, word)] if code else []
    found: list[Any] = []
    for child in word.children:
        if child.dep_ in MODIFIERS and child.pos_ in ("ADJ", "PROPN"):
            for adjective in (child, *child.conjuncts):
                code = word_country(adjective, lexicon)
                if table.all_at(adjective.i):  # "Israeli military policies": a named actor
                    found.extend(table.all_at(adjective.i))
                elif code is not None:
                    found.append(_country_actor(table, code, adjective))
    if not found and word.pos_ == "PROPN" and word.dep_ in ("dobj", "pobj", "nsubjpass"):
        code = word_country(word, lexicon) or place_country(word)
        if code is not None:
            found.append(_country_actor(table, code, word))
    return found


def _country_actor(table: Any, code: str, token: Token) -> Any:
    left = token.i
    while left > 0 and token.doc[left - 1].dep_ == "compound" and token.doc[left - 1].head.i == left:
        left -= 1  # the whole name: "South Lebanon", "Ivory Coast"
    return table.add(country_record(code, token.doc[left : token.i + 1].text), token.doc[left : token.i + 1])


def subject_of(verb: Token) -> tuple[Token | None, bool]:
    """The subject token and whether the clause is passive."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj", "expl"):
            if child.dep_ != "expl":
                return child, False
        if child.dep_ == "nsubjpass":
            return child, True
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head)
    if verb.dep_ in ("xcomp", "pcomp", "acomp") or (verb.dep_ == "advcl" and verb.tag_ == "VB"):
        governor = _governor(verb)
        if governor is not None:
            obj = next((c for c in governor.children if c.dep_ == "dobj"), None)
            if obj is not None and governor.lemma_.lower() in event_lexicon().request | {
                "pressure",
                "force",
                "allow",
                "let",
                "urge",
            }:
                return obj, False
            return subject_of(governor)
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return verb.head, verb.tag_ == "VBN"
    return None, False


def _governor(token: Token) -> Token | None:
    head = token.head
    while head.i != token.i and head.pos_ not in ("VERB", "AUX", "ADJ"):
        if head.head.i == head.i:
            return None
        head = head.head
    return head if head.i != token.i else None


def _verb_participants(verb: Token, entry: dict[str, Any], table: Any) -> tuple[list, list]:
    subject, passive = subject_of(verb)
    actors: list[Any] = []
    recipients: list[Any] = []
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if passive and agent is None and entry.get("stative_passive"):
        passive = False  # "Vietnam is committed to reform": a state of the subject, not done to it
    if passive:
        recipients += actors_of(subject, table)
        if agent is not None:
            actors += actors_of(_pobj(agent), table)
    else:
        actors += actors_of(subject, table)
    if not actors and (_purpose_of_object(verb) or _participle_on_object(verb)):
        # "took steps to ease the curfew", "issued a statement demanding": who takes the
        # steps or issues the statement is who eases or demands
        actors += actors_of(subject_of(verb.head.head)[0], table)
    preps = entry.get("recipient_preps") or DEFAULT_RECIPIENT_PREPS
    for child in verb.children:
        if child.dep_ in ("dobj", "dative", "iobj") and not _own_possession(child):
            recipients += actors_of(child, table)
        elif child.dep_ in ("ccomp", "xcomp") and (_infinitival(child) or entry.get("type") == "REQUEST"):
            # "pressing Ukraine to sign": the parse may make Ukraine the infinitive's subject
            recipients += actors_of(next((c for c in child.children if c.dep_ == "nsubj"), None), table)
        elif child.dep_ == "prep" and (child.lower_ in preps or child.lower_ == "from" and entry.get("type") == "RETREAT"):
            recipients += actors_of(_pobj(child), table)
    return actors, [r for r in recipients if r not in actors]


def _purpose_of_object(verb: Token) -> bool:
    """An infinitive on a verb's object: 'has taken steps to enhance', 'made efforts to end'."""
    head = verb.head
    return (
        verb.dep_ == "acl"
        and _infinitival(verb)
        and head.dep_ == "dobj"
        and head.head.pos_ in ("VERB", "AUX")
    )


def _participle_on_object(verb: Token) -> bool:
    """A participle on a verb's object that is no actor: 'issued a declaration demanding'."""
    head = verb.head
    table = verb.doc._.ng_actors
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBG"
        and head.dep_ == "dobj"
        and head.head.pos_ in ("VERB", "AUX")
        and (table is None or not table.all_at(head.i))
    )


def _own_possession(token: Token) -> bool:
    """'withdraw its troops': what the actor moves of its own is not a recipient."""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children)


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in SUBJECTS for c in verb.children)


def _infinitival(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _noun_participants(
    noun: Token, table: Any, own_only: bool = False, outside: list | None = None
) -> tuple[list, list]:
    """A noun's actors and recipients; ``outside`` are actors the caller already has.

    "talks between A and B": A acts, B receives; but with an actor of its own ("Egypt's
    mediation between A and B", "Qatar launched a mediation between A and B"), both
    sides of "between" are recipients.
    """
    actors: list[Any] = []
    recipients: list[Any] = []
    pair: list[Any] = []
    for child in noun.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod"):
            actors += actors_of(child, table)
        elif child.dep_ == "prep" and child.lower_ == "between":
            pair += actors_of(_pobj(child), table)
        elif child.dep_ == "prep" and child.lower_ in ("by", "from"):
            actors += actors_of(_pobj(child), table)
        elif child.dep_ == "prep" and child.lower_ in ("with", "on", "against", "to", "of", "for"):
            recipients += actors_of(_pobj(child), table)
    if actors or outside:
        recipients += pair
    else:
        actors, recipients = pair[:1], pair[1:] + recipients
    governor = None if own_only else _governor(noun)
    if governor is not None and not recipients:  # "gave Chad 5 million dollars of aid"
        for child in governor.children:
            if child.dep_ in ("dative", "iobj"):
                recipients += actors_of(child, table)
    if governor is not None and not actors:
        # "the mediators are engaged in talks": a stative passive still names who talks
        subject, _ = subject_of(governor)
        actors = actors_of(subject, table)
    return actors, [r for r in recipients if r not in actors]


def _pobj(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


# --- negation and modality -----------------------------------------------------------------


def is_negated(trigger: Token, lexicon: EventLexicon) -> bool:
    for child in trigger.children:
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ in ("no", "neither")):
            return True
    for ancestor in _clause_chain(trigger):
        if ancestor.i == trigger.i or ancestor.i == trigger.head.i and trigger.dep_ == "conj":
            continue  # "denied the claim and blamed X": blaming is not denied
        if any(c.dep_ == "neg" for c in ancestor.children) and trigger.pos_ == "NOUN":
            return True
        if ancestor.lemma_.lower() in lexicon.negation and ancestor.pos_ == "VERB":
            return True
    return False


def _no_determiner(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in noun.children)


def _clause_chain(token: Token) -> list[Token]:
    """The token and the verbs/adjectives above it that govern its clause.

    The climb stops at a finite clausal complement: in "X said (that) Y will go", the
    reporting verb says nothing about the modality of Y's going; "wants Y to go" goes on.
    """
    chain = [token]
    current = token
    while (
        current.dep_ in CLAUSE_LINKS + ("dobj", "pobj", "nsubjpass")
        and not (current.dep_ == "ccomp" and not _infinitival(current))
        and not (current.dep_ in ("conj", "advcl") and _has_subject(current))
        and current.head.i != current.i
    ):
        current = current.head
        if current.pos_ in ("VERB", "AUX", "ADJ"):
            chain.append(current)
    return chain


def modality_of(trigger: Token, actors: list[Any], table: Any, lexicon: EventLexicon) -> str:
    for verb in _clause_chain(trigger):
        auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        lemma = verb.lemma_.lower()
        if (
            lemma == "like"
            and "would" in auxes
            or (verb.i != trigger.i and lemma in lexicon.intention)
        ):
            wisher, _ = subject_of(verb)
            same = not actors or set(map(id, actors_of(wisher, table))) & set(map(id, actors))
            return "intended" if same else "requested"
        if verb.i != trigger.i and lemma in lexicon.request:
            return "requested"
        if auxes & DEONTIC:
            return "requested"
        if auxes & lexicon.future or _going_to(verb):
            return "future"
        if auxes & lexicon.hypothetical or any(
            c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children
        ):
            return "hypothetical"
    return "asserted"


def _going_to(verb: Token) -> bool:
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_ == "go" and head.tag_ == "VBG"


# --- the component -------------------------------------------------------------------------


def find_events(doc: Doc) -> list[EventMention]:
    lexicon = event_lexicon()
    table = doc._.ng_actors
    events: list[EventMention] = []
    nominal_done: set[int] = set()
    for token in (doc[i] for i in indices_with_pos(doc, ("VERB", "AUX", "NOUN"))):
        if token.pos_ in ("VERB",) or (token.pos_ == "AUX" and token.dep_ == "ROOT"):
            light = _light_object(token, lexicon)
            if light is not None:
                noun, entry = light
                nominal_done.add(noun.i)
                actors, recipients = _verb_participants(token, entry, table)
                # "hold talks with A": the noun's own participants win; "launched a
                # mediation effort between A and B": the wrapping noun's count too
                n_actors, n_recipients = _noun_participants(noun, table, True, actors)
                wrapper = _wrapping_object(token, noun)
                if wrapper is not None:
                    w_actors, w_recipients = _noun_participants(wrapper, table, True, actors + n_actors)
                    n_actors, n_recipients = n_actors + w_actors, n_recipients + w_recipients
                events.append(
                    _mention(
                        noun,
                        entry,
                        n_actors or actors,
                        n_recipients or recipients,
                        token,
                        lexicon,
                        table,
                    )
                )
                continue
            entry = verb_entry(token, lexicon)
            if entry is not None:
                actors, recipients = _verb_participants(token, entry, table)
                events.append(_mention(token, entry, actors, recipients, token, lexicon, table))
        elif token.pos_ == "NOUN" and token.i not in nominal_done:
            entry = noun_entry(token, lexicon)
            if entry is not None:
                actors, recipients = _noun_participants(token, table)
                mention = _mention(
                    token, entry, actors, recipients, _governor(token), lexicon, table
                )
                mention.nominal = True
                events.append(mention)
    return events


def _mention(trigger: Token, entry: dict[str, Any], actors: list, recipients: list,
             clause: Token | None, lexicon: EventLexicon, table: Any) -> EventMention:  # fmt: skip
    negated = is_negated(trigger, lexicon) or (
        clause is not None and clause.i != trigger.i and is_negated(clause, lexicon)
    )
    # "failed to reach an agreement" is a rejection; "there were no agreements" is only none
    refused = negated and not (trigger.pos_ == "NOUN" and _no_determiner(trigger))
    event_type = (
        entry.get("negative_type") if refused and entry.get("negative_type") else entry["type"]
    )
    return EventMention(
        type=event_type,
        trigger=trigger.i,
        mode=entry.get("mode"),
        cameo=str(entry["cameo"]) if entry.get("cameo") is not None else None,
        actors=actors,
        recipients=recipients,
        negated=negated and not (refused and entry.get("negative_type")),
        modality=modality_of(trigger, actors, table, lexicon),
        clause=clause,
    )


COOPERATIVE = {"COOPERATE", "AID", "SUPPORT", "CONCEDE", "RETREAT"}
HOSTILE = {"ASSAULT", "COERCE", "SANCTION", "PROTEST"}


def derived_events(events: list[EventMention]) -> list[EventMention]:
    """PLOVER codes a promised cooperative act as AGREE and a future hostile act as THREATEN.

    "Finland will give Tanzania a grant" is an AGREE (a pledge) as well as a future AID;
    "the union would boycott the talks" is a THREATEN as well as a hypothetical PROTEST.
    """
    derived = []
    for event in events:
        if event.negated or event.derived or not event.actors:
            continue
        new_type = None
        if event.type in COOPERATIVE and event.modality in ("future", "intended"):
            new_type = "AGREE"
        elif event.type in HOSTILE and event.modality in ("future", "hypothetical"):
            new_type = "THREATEN"
        if new_type is not None:
            derived.append(EventMention(
                type=new_type, trigger=event.trigger, cameo="030" if new_type == "AGREE" else "130",
                actors=event.actors, recipients=event.recipients, modality="asserted",
                nominal=event.nominal, clause=event.clause, derived=True,
            ))  # fmt: skip
    return derived


@Language.component("newsgraph_events")
def events_component(doc: Doc) -> Doc:
    events = find_events(doc)
    doc._.ng_events = events + derived_events(events)
    return doc
