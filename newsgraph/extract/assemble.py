"""From the annotated Doc to the ``newsgraph/article/1`` result: ids, links and evidence.

This is where the stages meet: statement sources and outlets become actor ids, events
take the date and place of their clause, the quantities they count, and the statement
whose content holds them.
"""

from __future__ import annotations

import bisect
import unicodedata
from typing import Any

from spacy.tokens import Doc, Span, Token

from newsgraph.extract import coref, doc_text
from newsgraph.extract.actors import ActorRecord, ActorTable, country_record
from newsgraph.extract.events import actors_of, subject_of
from newsgraph.model import (
    Actor,
    Article,
    ArticleResult,
    DateValue,
    Event,
    EventQuantity,
    Place,
    Quantity,
    Statement,
)

REFUSAL_VERBS = {"happen", "accept", "allow", "agree", "permit", "tolerate", "let", "approve"}


def to_result(doc: Doc, article: Article) -> ArticleResult:
    table: ActorTable = doc._.ng_actors or ActorTable()
    statements = _statements(doc, table)
    places, place_of_mention = _places(doc)
    result = ArticleResult(
        article=article,
        statements=statements,
        places=places,
        quantities=[
            Quantity(q.low, q.high, q.what, (q.start, q.end, q.text))
            for q in doc._.ng_quantities or []
        ],
    )
    result.events = _events(doc, table, statements, place_of_mention)
    result.events += _refusals(doc, table, statements, result.events)
    result.events += _demands(doc, table, statements, result.events)
    table.number()
    result.actors = [
        Actor(a.id, a.name, a.kind, a.country, a.sector, a.role, list(a.mentions))
        for a in table.actors
    ]
    _ids_to_strings(result, table)
    return result


def _span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


# --- statements ----------------------------------------------------------------------------


def _statements(doc: Doc, table: ActorTable) -> list[Statement]:
    statements = []
    for index, mention in enumerate(doc._.ng_statements or []):
        source = _source_actor(doc, table, mention)
        via = [a for a in (_actor_in(doc, table, s) for s in mention.via) if a is not None]
        statements.append(
            Statement(
                id=f"s{index + 1}",
                source=source,  # an ActorRecord for now; ids are given at the end
                cue=_text_span(doc, mention.cue),
                content=_text_span(doc, mention.content),
                kind=mention.kind,
                via=[v for v in dict.fromkeys(via) if v is not source],
                hedged=mention.hedged,
                hedge=mention.hedge,
            )
        )
    return statements


def _text_span(doc: Doc, pair: tuple[int, int]) -> tuple[int, int, str]:
    return (pair[0], pair[1], doc_text(doc)[pair[0] : pair[1]])


def _actor_in(doc: Doc, table: ActorTable, pair: tuple[int, int]) -> ActorRecord | None:
    span = _span(doc, *pair)
    return table.in_span(span.start, span.end) if span is not None else None


HEARSAY = ("reported", "allegedly", "rumored", "rumoured", "said to", "believed to")


def _source_actor(doc: Doc, table: ActorTable, mention: Any) -> ActorRecord | None:
    if mention.source is None:
        return _implicit_source(doc, table, mention)
    actor = table.at(mention.source_head) or _actor_in(doc, table, mention.source)
    if actor is not None:
        return actor
    span = _span(doc, *mention.source)
    if span is None:
        return None
    # A source nobody resolved is still a source: keep it as an unnamed actor.
    record = ActorRecord(name=span.text, kind="unnamed", role=span.root.lemma_.lower())
    return table.add(record, span)


def _implicit_source(doc: Doc, table: ActorTable, mention: Any) -> ActorRecord:
    """No one is named: "reportedly" points to unnamed reports, "it appears" to the writer."""
    if mention.hedge and any(word in mention.hedge.lower() for word in HEARSAY):
        return table.ensure(ActorRecord(name="unnamed reports", kind="unnamed", role="report",
                                        key="unnamed:reports", plural=True))  # fmt: skip
    return writer(doc, table)


def writer(doc: Doc, table: ActorTable) -> ActorRecord:
    """The article's own outlet (or, with none known, its unnamed author)."""
    outlet = (doc._.ng_meta or {}).get("outlet")
    if outlet:
        return coref.home_outlet(table, outlet)
    return table.ensure(ActorRecord(name="the author", kind="unnamed", role="author", key="unnamed:author"))


# --- places --------------------------------------------------------------------------------


def _places(doc: Doc) -> tuple[list[Place], dict[tuple[int, int], str]]:
    places: dict[Any, Place] = {}
    of_mention: dict[tuple[int, int], str] = {}
    claimed = _named_actor_chars(doc)
    for mention in doc._.ng_places or []:
        if mention.metonymic or any(c in claimed for c in range(mention.start, mention.end)):
            continue
        key = mention.geonameid or mention.name.lower()
        place = places.get(key)
        if place is None:
            place = Place(f"p{len(places) + 1}", _display_name(mention), mention.geonameid,
                          mention.country, mention.lat, mention.lon)  # fmt: skip
            places[key] = place
        place.mentions.append((mention.start, mention.end))
        of_mention[(mention.start, mention.end)] = place.id
    return list(places.values()), of_mention


def _named_actor_chars(doc: Doc) -> set[int]:
    """Characters inside people and organizations: 'TASS' is an agency, not a place."""
    table = doc._.ng_actors
    if table is None:
        return set()
    return {
        c for a in table.actors if a.kind in ("person", "organization", "group")
        for start, end in a.mentions for c in range(start, end)
    }  # fmt: skip


def _display_name(mention: Any) -> str:
    """'Sao Paulo' as written rather than GeoNames' 'São Paulo': they differ only in accents."""
    def fold(text: str) -> str:
        return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()

    return mention.text if fold(mention.text) == fold(mention.name) else mention.name


# --- events --------------------------------------------------------------------------------


def _events(doc: Doc, table: ActorTable, statements: list[Statement],
            place_of_mention: dict[tuple[int, int], str]) -> list[Event]:  # fmt: skip
    events = []
    for mention in doc._.ng_events or []:
        trigger = doc[mention.trigger]
        clause = mention.clause if mention.clause is not None else trigger
        statement = _statement_at(statements, trigger.idx)
        event = Event(
            id=f"e{len(events) + 1}",
            type=mention.type,
            trigger=(trigger.idx, trigger.idx + len(trigger), trigger.text),
            mode=mention.mode,
            cameo=mention.cameo,
            actors=list(dict.fromkeys(mention.actors)),
            recipients=list(dict.fromkeys(mention.recipients)),
            negated=mention.negated,
            modality=mention.modality,
            date=_date_for(doc, clause, trigger),
            location=_place_for(doc, clause, trigger, place_of_mention),
            quantities=_quantities_for(doc, trigger),
            statement=statement.id if statement else None,
        )
        if not event.recipients and event.actors:
            event.recipients = _clause_parties(table, clause, trigger, event.actors)
        if not event.recipients and event.actors and event.location:
            event.recipients = _land_of(doc, table, event.location, place_of_mention)
        event.confidence = _confidence(event, mention.nominal, statement) - 0.1 * mention.derived
        events.append(event)
    return events


def _clause_parties(table: ActorTable, clause: Token, trigger: Token, actors: list) -> list:
    """With no grammatical recipient, the other parties named in the event's own clause.

    "Sudan lifted the emergency in Darfur's Sudanese-held towns" or "the army's offensive
    against ethnic Albanians": event coders take the clause's other party as the target.
    Outlets and the actors themselves are not parties.
    """
    tokens = sorted(own_clause(clause) | own_clause(trigger))
    found: list = []
    for i in tokens:
        for actor in table.all_at(i):
            if actor not in actors and actor not in found and actor.sector != "MED":
                found.append(actor)
    return found[:2]


def _land_of(doc: Doc, table: ActorTable, place_id: str, place_of_mention: dict) -> list:
    """An event with no party on the receiving end targets the country it happens in.

    "The army lifted the curfew in X" or "troops will leave settlements in Y": coders take
    the country of the event's place as its target. The country becomes an actor.
    """
    mention = next(
        (m for m in doc._.ng_places or []
         if m.country and place_of_mention.get((m.start, m.end)) == place_id),
        None,
    )  # fmt: skip
    span = doc.char_span(mention.start, mention.end) if mention else None
    if span is None:
        return []
    return [table.add(country_record(mention.country, span.text), span)]


def _statement_at(statements: list[Statement], offset: int) -> Statement | None:
    return next((s for s in statements if s.content[0] <= offset < s.content[1]), None)


EMBEDDED = ("conj", "ccomp", "xcomp", "advcl", "relcl", "acl", "parataxis", "csubj")


def own_clause(head: Token) -> set[int]:
    """Token indices of a clause without the clauses embedded in it."""
    tokens = {head.i}
    for child in head.children:
        if child.dep_ not in EMBEDDED or child.pos_ not in ("VERB", "AUX"):
            tokens |= {t.i for t in child.subtree}
    return tokens


def _clauses_up(clause: Token, trigger: Token) -> list[set[int]]:
    """The event's own clause, then each governing clause up to the sentence root."""
    found = [own_clause(trigger) | own_clause(clause)]
    current = clause
    while current.dep_ in EMBEDDED and current.dep_ != "ccomp" and current.head.i != current.i:
        current = current.head
        found.append(own_clause(current))
    return found


def _first_in_clauses(items: list[Any], doc: Doc, clause: Token, trigger: Token) -> Any:
    """The mention in the nearest clause that has one (mentions carry char offsets)."""
    if not items:
        return None
    token_of = [(m, _token_at(doc, m.start)) for m in items]
    for tokens in _clauses_up(clause, trigger):
        inside = [m for m, i in token_of if i in tokens]
        if inside:
            return _nearest(inside, trigger.idx)
    return None


def _token_at(doc: Doc, char: int) -> int:
    """The token holding a character offset, by bisection over token starts."""
    starts = doc.user_data.get("ng_token_starts")
    if starts is None:
        starts = doc.user_data["ng_token_starts"] = doc.to_array("IDX").tolist()
    return bisect.bisect_right(starts, char) - 1


def _date_for(doc: Doc, clause: Token, trigger: Token) -> DateValue | None:
    chosen = _first_in_clauses(doc._.ng_times or [], doc, clause, trigger)
    return DateValue(chosen.value, chosen.text, chosen.granularity) if chosen else None


def _nearest(items: list[Any], offset: int) -> Any:
    return min(items, key=lambda m: abs(m.start - offset)) if items else None


def _place_for(doc: Doc, clause: Token, trigger: Token, place_of_mention: dict) -> str | None:
    mentions = [m for m in doc._.ng_places or [] if (m.start, m.end) in place_of_mention]
    chosen = _first_in_clauses(mentions, doc, clause, trigger)
    return place_of_mention[(chosen.start, chosen.end)] if chosen else None


def _quantities_for(doc: Doc, trigger: Token) -> list[EventQuantity]:
    subtree = own_clause(trigger)
    return [
        EventQuantity(q.low, q.high, q.what)
        for q in doc._.ng_quantities or []
        if q.head in subtree and q.head != trigger.i
    ]


def _confidence(event: Event, nominal: bool, statement: Statement | None) -> float:
    """A documented heuristic: participants and a verbal trigger raise it, hedging lowers it."""
    score = 0.35 + 0.25 * bool(event.actors) + 0.15 * bool(event.recipients)
    score += 0.1 * (not nominal) + 0.05 * bool(event.cameo)
    if statement is not None and statement.hedged:
        score -= 0.15
    return round(max(0.05, min(1.0, score)), 2)


def _refusals(doc: Doc, table: ActorTable, statements: list[Statement], existing: list[Event]) -> list[Event]:
    """A sourced statement that something will not happen is its source's rejection."""
    events = []
    for statement in statements:
        if statement.source is None:
            continue
        span = _span(doc, statement.content[0], statement.content[1])
        if span is None or len(span) == 0:
            continue
        root = span.root
        if not _is_refusal(root) or any(e.trigger[0] == root.idx for e in existing):
            continue
        number = len(existing) + len(events) + 1
        events.append(_said_event(doc, statement, number, "REJECT", root, root, 0.6))
    return events


_SAID_CAMEO = {"REJECT": "120", "REQUEST": "100"}


def _said_event(doc: Doc, statement: Statement, number: int, kind: str, trigger: Token,
                head: Token, confidence: float) -> Event:  # fmt: skip
    """An event a statement amounts to, by its source; less sure when the report is hedged."""
    return Event(
        id=f"e{number}",
        type=kind,
        cameo=_SAID_CAMEO[kind],
        trigger=(trigger.idx, trigger.idx + len(trigger), trigger.text),
        actors=[statement.source],
        statement=statement.id,
        confidence=confidence if not statement.hedged else round(confidence - 0.15, 2),
        date=_date_for(doc, head, head),
    )


OBLIGATION = {"must", "should", "ought"}


def _demands(doc: Doc, table: ActorTable, statements: list[Statement], existing: list[Event]) -> list[Event]:
    """A source saying another party must act is demanding it: a REQUEST to that party.

    "Russia said Sudan must return the helicopter" is Russia's demand on Sudan. Only when
    the obliged subject is an actor other than the source ("prices should fall" is no
    demand, "we must act" is no demand on anyone else).
    """
    events = []
    for statement in statements:
        if statement.source is None:
            continue
        span = _span(doc, statement.content[0], statement.content[1])
        modal = _obligation(span.root) if span is not None and len(span) else None
        if modal is None or any(e.trigger[0] == modal.idx for e in existing + events):
            continue
        obliged = [a for a in actors_of(subject_of(span.root)[0], table) if a is not statement.source]
        if not obliged:
            continue
        number = len(existing) + len(events) + 1
        event = _said_event(doc, statement, number, "REQUEST", modal, span.root, 0.55)
        event.recipients, event.modality = obliged, "asserted"
        events.append(event)
    return events


def _obligation(root: Token) -> Token | None:
    """The 'must' / 'should' of a clause that states an obligation (not a negated one)."""
    if root.pos_ not in ("VERB", "AUX") or any(c.dep_ == "neg" for c in root.children):
        return None
    return next((c for c in root.children if c.dep_ == "aux" and c.lower_ in OBLIGATION), None)


def _is_refusal(root: Token) -> bool:
    if not any(c.dep_ == "neg" for c in root.children):
        return False
    auxes = {c.lemma_.lower() for c in root.children if c.dep_ in ("aux", "auxpass")}
    going = root.lemma_ == "go" and any(
        c.dep_ == "xcomp" and c.lemma_.lower() in REFUSAL_VERBS for c in root.children
    )
    return going or (
        bool(auxes & {"will", "would", "can", "shall"}) and root.lemma_.lower() in REFUSAL_VERBS
    )


def _ids_to_strings(result: ArticleResult, table: ActorTable) -> None:
    known = {id(a) for a in table.actors}

    def ref(actor: Any) -> str | None:
        return actor.id if actor is not None and id(actor) in known else None

    for statement in result.statements:
        statement.source = ref(statement.source)
        statement.via = [v for v in (ref(a) for a in statement.via) if v]
    for event in result.events:
        event.actors = [v for v in (ref(a) for a in event.actors) if v]
        event.recipients = [
            v for v in (ref(a) for a in event.recipients) if v and v not in event.actors
        ]
