"""Places: toponyms found in the text and resolved to GeoNames entries.

Candidates are spaCy's GPE, LOC and FAC entities (split at commas, so "Paris, Texas"
gives two), ORG entities that are exactly a country, US state or capital ("Washington
said" is often tagged ORG), and runs of proper nouns the NER missed that name a country,
state, continent or region. Each is looked up in :mod:`newsgraph.extract.gazetteer`.

Ranking, in two passes. A candidate's prior comes from its feature (country > continent
> US state > region > county > city), the city's population (log scale), a capital
bonus, and a penalty when the text is only an alternate name. The first pass keeps, for each
mention, the country (and state) shared by all candidates close to the best prior, plus demonyms ("Lebanese" via
``countrynames``), and counts the countries and first-level divisions they belong to;
that is what the article is about. The second pass adds a bonus to candidates inside
those countries and divisions, and a larger one when the text itself says where the
place is: "Paris, Texas", "Springfield, Ill.", "Tripoli, Lebanon". A town below 200,000
people whose country the article never otherwise mentions, in an article about two or
more other countries, is left unresolved (geonameid None): it is more often a county or
province the gazetteer lacks than a town abroad.

US local news: many US towns are named after places abroad (Dublin, Athens, Lebanon),
and a local paper rarely says which state it is in. When the text shows at least two
kinds of US local-news habit (a "... County", a street address, a route number, a dollar
sum, an AP-style date such as "Sept. 3", a US-only office such as sheriff or township),
the USA counts as that many extra places in the context. If, besides, nothing in the
article points to any other country, a country name that a US town of 1,000 or more
people also bears is read as that town ("Lebanon police", "the Jordan middle school").

Metonymy: a toponym used as an actor is flagged ``metonymic``. The rule reads the
dependency parse from the toponym's head, after climbing conjunctions and appositions
(so "in Israel and Syria" is locative for both):

- object of a locative preposition (in, at, near, into, across, inside, outside,
  around, toward(s), from, to, within, throughout, through, off, along, over, via,
  beyond, under, amid) -> a place; except "to" after a verb of speaking or giving
  ("talked to Washington", "sold arms to Iran") -> an actor; "of" is an actor after an
  actor noun ("the president of Syria") and a place otherwise ("the city of Gaza");
- subject of a verb other than "be" ("Ankara has begun", "Israel rejected"), or agent of
  a passive ("was condemned by Moscow") -> an actor;
- possessor or compound modifier of an actor noun ("Washington's envoy", "Ankara's
  decision", "Kremlin officials") -> an actor;
- object of a verb of motion ("entering Jordan", "visited Kenya") -> a place;
- a country anywhere else, as a verb object or after a
  non-locative preposition ("pressuring Israel", "sanctions on Syria", "between Israel
  and Syria") -> an actor;
- anything else (datelines, "Alexandria woman", bare mentions) -> a place.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.extract import doc_ents, doc_text
from newsgraph.extract.gazetteer import (
    STATE_ABBREVIATIONS,
    Candidate,
    Entry,
    Gazetteer,
    gazetteer,
    key,
)
from newsgraph.extract.lexicon import countrynames_code3
from newsgraph.pipeline import register_extensions

register_extensions()

PLACE_LABELS = {"GPE", "LOC", "FAC"}
FEATURE_PRIOR = {
    "country": 9.0, "continent": 8.5, "region": 8.0, "admin1": 7.5, "admin2": 5.0,
}  # fmt: skip
CAPITAL_BONUS = 2.0
ALTERNATE_PENALTY = 1.5
COUNTRY_BONUS = 3.5  # the article is about this country
ADMIN1_BONUS = 2.0  # ... or about this state / province
CONTAINER_BONUS = 8.0  # "Paris, Texas": the text says where it is
CONFIDENT_MARGIN = 1.5
ABSTAIN_POPULATION = 200_000
LOCAL_CUES_NEEDED = 2  # distinct kinds of US-local cue that make a document US local news
LOCAL_TOWN_POPULATION = 1_000

# Writing habits of US local news, independent of any place name; each kind counts once.
US_LOCAL_CUES = tuple(
    re.compile(pattern)
    for pattern in (
        r"\b[A-Z][a-z]+ Count(?:y|ies)\b(?! (?:Council|Hall))",  # "Boone County"
        r"\b\d{1,5} (?:[NSEW]\. )?[A-Z][a-z]+ (?:St|Street|Ave|Avenue|Road|Rd|Blvd|Drive|Lane)\b",
        r"\b(?:Route|Highway|Interstate|State Road|County Road) \d+",
        r"\$\s?\d",
        r"\b(?:Jan|Feb|Aug|Sept|Oct|Nov|Dec)\. \d{1,2}\b",  # AP-style dates
        r"\b(?:Sheriff|Councilman|Councilwoman|Township|Alderman|High School|Middle School)\b",
    )
)

LOCATIVE = {
    "in", "at", "near", "into", "across", "inside", "outside", "around", "toward",
    "towards", "from", "to", "within", "throughout", "through", "off", "along", "over",
    "via", "beyond", "onto", "past", "underneath", "under", "above", "amid",
}  # fmt: skip
# "to X" after these verbs addresses X as an actor: "talked to Washington".
ADDRESS_VERBS = {
    "talk", "speak", "say", "write", "appeal", "send", "sell", "give", "hand", "deliver",
    "offer", "complain", "report", "turn", "reach", "apologize", "apologise", "listen",
    "belong", "ally", "submit", "transfer", "pledge", "promise", "explain", "announce",
    "lend", "loan", "export", "supply", "provide", "grant", "cede", "surrender", "defect",
}  # fmt: skip
ACTOR_NOUNS = {
    "government", "army", "military", "forces", "force", "troops", "navy", "envoy",
    "ambassador", "embassy", "president", "minister", "ministry", "leader", "leaders",
    "leadership", "decision", "position", "official", "officials", "spokesman",
    "spokeswoman", "spokesperson", "administration", "regime", "authorities", "police",
    "delegation", "negotiators", "diplomats", "diplomat", "response", "demand", "demands",
    "offer", "proposal", "plan", "policy", "strategy", "stance", "refusal", "request",
    "warning", "threat", "support", "backing", "intelligence", "parliament", "cabinet",
    "prime", "foreign", "defense", "defence", "allies", "ally", "consulate", "team",
    "attack", "strikes", "offensive", "campaign", "invasion", "agreement", "approval",
    "rejection", "move", "efforts", "effort", "claim", "claims", "accusation", "call",
    "bid", "sanctions", "withdrawal", "mayor", "governor", "council", "legislature",
}  # fmt: skip
# Their objects are destinations, not actors: "entering Jordan", "visited Kenya".
MOTION_VERBS = {
    "enter", "visit", "leave", "reach", "cross", "tour", "flee", "exit", "travel", "roam",
}  # fmt: skip
# Features that name a polity, so a non-locative use is an actor.
POLITY_FEATURES = {"country"}


@dataclass
class PlaceMention:
    start: int
    end: int
    text: str  # char offsets into doc.text
    geonameid: int | None
    name: str  # canonical GeoNames name
    country: str | None  # ISO3 of the place's country
    lat: float | None
    lon: float | None
    feature: str  # country | admin1 | city | region | continent | other
    population: int
    metonymic: bool  # used as an actor, not a location


@dataclass
class _Mention:
    span: Span
    candidates: list[Candidate]
    container: list[Candidate] = field(default_factory=list)  # from "X, Y"


@dataclass
class _Context:
    """Countries and divisions the article is about, counted once per distinct name."""

    countries: Counter[str] = field(default_factory=Counter)
    admin1: Counter[tuple[str, str]] = field(default_factory=Counter)
    votes: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # name -> where
    local: bool = False  # the document reads as US local news

    def add(self, name: str, country: str, admin1: str | None) -> None:
        if name in self.votes:
            return
        self.votes[name] = (country, admin1)
        self.countries[country] += 1
        if admin1:
            self.admin1[(country, admin1)] += 1

    def without(self, name: str) -> _Context:
        """The context as the other names see it, so a name cannot vote for itself."""
        own = self.votes.get(name)
        if own is None:
            return self
        other = _Context(self.countries.copy(), self.admin1.copy(), self.votes, self.local)
        other.countries[own[0]] -= 1
        if own[1]:
            other.admin1[(own[0], own[1])] -= 1
        return other


def prior(candidate: Candidate) -> float:
    """How likely this entry is for its name, before looking at the article."""
    entry = candidate.entry
    score = FEATURE_PRIOR.get(entry.feature)
    if score is None:
        score = math.log10(entry.population + 10)
        if entry.capital:
            score += CAPITAL_BONUS
    return score - (0 if candidate.exact else ALTERNATE_PENALTY)


def _inside(entry: Entry, container: Entry) -> bool:
    if container.feature == "country" or (container.feature == "region" and not container.admin1):
        return container.country is not None and entry.country == container.country
    if container.feature in ("admin1", "admin2"):
        return entry.country == container.country and entry.admin1 == container.admin1
    return False


def score(mention: _Mention, candidate: Candidate, context: _Context) -> float:
    entry = candidate.entry
    total = prior(candidate)
    seen = context.countries.get(entry.country or "", 0)
    if seen > 0:
        total += COUNTRY_BONUS + 0.5 * math.log2(seen)
    if entry.country and entry.admin1 and context.admin1.get((entry.country, entry.admin1)):
        total += ADMIN1_BONUS
    if any(_inside(entry, c.entry) for c in mention.container):
        total += CONTAINER_BONUS
    return total


def _best(mention: _Mention, context: _Context) -> Candidate | None:
    if not mention.candidates:
        return None
    context = context.without(key(mention.span.text))
    best = max(mention.candidates, key=lambda c: score(mention, c, context))
    best = _local_namesake(best, mention, context) or best
    return None if _foreign(best, mention, context) else best


def _local_namesake(best: Candidate, mention: _Mention, context: _Context) -> Candidate | None:
    """In US local news that points to no country abroad, "Lebanon police" or "the Jordan
    middle school" is the American town named after the country, not the country."""
    if not context.local or best.entry.feature != "country" or best.entry.country == "USA":
        return None
    if mention.container or any(n > 0 for c, n in context.countries.items() if c != "USA"):
        return None
    towns = [
        c for c in mention.candidates
        if c.exact and c.entry.country == "USA" and c.entry.feature == "city"
        and c.entry.population >= LOCAL_TOWN_POPULATION
    ]  # fmt: skip
    return max(towns, key=lambda c: score(mention, c, context), default=None)


def _foreign(best: Candidate, mention: _Mention, context: _Context) -> bool:
    """A mid-sized town abroad in an article about other countries is likely a place our
    gazetteer lacks (a county, a province): better no id than a wrong one."""
    entry = best.entry
    if entry.feature != "city" or entry.population >= ABSTAIN_POPULATION or mention.container:
        return False
    others = sum(n for c, n in context.countries.items() if c != entry.country)
    return context.countries.get(entry.country or "", 0) <= 0 and others >= 2


def _confident(mention: _Mention) -> tuple[str, str | None] | None:
    """Where the mention is on priors alone: the country (and state) shared by every
    candidate close to the best one. "Columbus" is surely in the USA, state unknown."""
    ranked = sorted(mention.candidates, key=prior, reverse=True)
    if not ranked:
        return None
    top = [c.entry for c in ranked if prior(ranked[0]) - prior(c) < CONFIDENT_MARGIN]
    countries = {e.country for e in top}
    if len(countries) != 1 or None in countries:
        return None
    admin1 = {e.admin1 for e in top}
    return top[0].country, (top[0].admin1 if len(admin1) == 1 else None)  # type: ignore[return-value]


def _strip(span: Span) -> Span | None:
    """Drop a leading article and trailing punctuation or possessive."""
    start, end = span.start, span.end
    while start < end and (span.doc[start].lower_ in ("the", "a") or span.doc[start].is_punct):
        start += 1
    while end > start and (span.doc[end - 1].is_punct or span.doc[end - 1].tag_ == "POS"):
        if span.doc[end - 1].text == "." and end - start == 1:
            break
        end -= 1
    if start >= end:
        return None
    # keep an abbreviation's dot: "Ill." / "U.S." are tokens of their own
    return span.doc[start:end]


def _split_commas(span: Span) -> list[Span]:
    parts, start = [], span.start
    for token in span:
        if token.text == ",":
            parts.append(span.doc[start : token.i])
            start = token.i + 1
    parts.append(span.doc[start : span.end])
    return [p for p in parts if len(p)]


def country_code(text: str) -> str | None:
    """countrynames' ISO3 for a name or demonym."""
    return countrynames_code3(text)


def _lookup(gaz: Gazetteer, span: Span) -> list[Candidate]:
    found = gaz.lookup(span.text)
    if span.text.isupper() and len(span.text.strip(".")) <= 3:
        # "EU", "UN", "US": acronyms, not the town of Eu
        found = [c for c in found if c.entry.feature != "city"]
    if not found:
        code = country_code(span.text)
        if code and code in gaz.countries and not gaz.lookup(span.text.strip(".")):
            found = [Candidate(gaz.countries[code], False)]
    return found


def _state_abbreviation(gaz: Gazetteer, span: Span) -> list[Candidate]:
    folded = key(span.text).replace(" ", "")
    code = STATE_ABBREVIATIONS.get(folded) or (span.text if span.text in gaz.states else None)
    return [Candidate(gaz.states[code], True)] if code in gaz.states else []


def _is_polity(candidates: list[Candidate]) -> bool:
    return any(
        c.entry.feature in ("country", "admin1", "continent", "region") and c.exact
        or c.entry.feature == "country"
        for c in candidates
    )


SURE_PREPOSITIONS = {"in", "at", "near", "outside", "inside", "into", "across", "around"}


def _looks_like_place(span: Span, candidates: list[Candidate], known: set[str]) -> bool:
    """Whether a span the NER did not call a place still names one."""
    if not candidates:
        return False
    if _is_polity(candidates) or key(span.text) in known:
        return True
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in SURE_PREPOSITIONS:
        return True
    after = span.doc[span.end : span.end + 2]
    if len(after) == 2 and after[0].text == "," and after[1].ent_type_ == "GPE":
        return True  # "Sioux Falls, S.D."
    return span.start == 0 and span.text.isupper()  # a dateline: "MANSFIELD —"


def _candidate_spans(doc: Doc, gaz: Gazetteer) -> list[Span]:
    spans: list[Span] = []
    for ent in doc_ents(doc):
        if ent.label_ in PLACE_LABELS:
            spans.extend(_split_commas(ent))
    known = {key(s.text) for s in spans}
    others = [e for e in doc_ents(doc) if e.label_ in ("ORG", "PERSON", "NORP")]
    covered = {i for e in doc_ents(doc) for i in range(e.start, e.end)}
    for span in [*others, *_prefixes(others), *_proper_runs(doc, covered)]:
        if _looks_like_place(span, gaz.lookup(span.text), known):
            spans.append(span)
    return _without_overlaps(spans)


def _prefixes(ents: list[Span]) -> list[Span]:
    """'Minnesota Department of Health' -> 'Minnesota': places that open a name."""
    found = []
    for ent in ents:
        for size in (3, 2, 1):
            if size < len(ent) and all(t.pos_ == "PROPN" for t in ent[:size]):
                found.append(ent[:size])
    return found


def _proper_runs(doc: Doc, covered: set[int]) -> list[Span]:
    """Runs of proper nouns outside any entity."""
    found, i = [], 0
    while i < len(doc):
        j = i
        while j < len(doc) and doc[j].pos_ == "PROPN" and j not in covered:
            j += 1
        if j > i:
            found.append(doc[i:j])
        i = max(j, i + 1)
    return found


def _without_overlaps(spans: list[Span]) -> list[Span]:
    kept: list[Span] = []
    taken: set[int] = set()
    for span in sorted(spans, key=lambda s: (s.start, -len(s))):
        if not taken.intersection(range(span.start, span.end)):
            kept.append(span)
            taken.update(range(span.start, span.end))
    return kept


def _mentions(doc: Doc, gaz: Gazetteer) -> list[_Mention]:
    mentions: list[_Mention] = []
    for raw in _candidate_spans(doc, gaz):
        span = _strip(raw)
        if span is None:
            continue
        candidates = []
        if span.text.endswith(".") or (mentions and _follows(mentions[-1].span, span)):
            candidates = _state_abbreviation(gaz, span)  # "Springfield, Ill."
        mentions.append(_Mention(span, candidates or _lookup(gaz, span)))
    for first, second in zip(mentions, mentions[1:], strict=False):
        if _follows(first.span, second.span):
            first.container = [c for c in second.candidates if c.entry.feature != "city"]
    return mentions


def _follows(first: Span, second: Span) -> bool:
    """'Paris, Texas': the second span comes right after the first and a comma."""
    between = first.doc[first.end : second.start]
    return len(between) == 1 and between[0].text == ","


def _context(doc: Doc, mentions: list[_Mention]) -> _Context:
    context = _Context()
    for ent in doc_ents(doc):
        if ent.label_ == "NORP":
            code = country_code(ent.text)
            if code:
                context.countries[code] += 1
    for mention in mentions:
        where = _confident(mention)
        if where is not None:
            context.add(key(mention.span.text), *where)
    cues = us_local_cues(doc_text(doc))
    if cues >= LOCAL_CUES_NEEDED:
        context.local = True
        context.countries["USA"] += cues  # counted like that many US places
    return context


def us_local_cues(text: str) -> int:
    """How many kinds of US local-news habit the text shows (counties, street addresses,
    route numbers, dollar sums, AP-style dates, US-only offices)."""
    return sum(1 for cue in US_LOCAL_CUES if cue.search(text))


def _governor(token: Token) -> Token:
    # "in Israel and Syria", "Paris, Texas": later conjuncts and appositions share the
    # first one's role.
    while token.dep_ in ("conj", "appos") and token.head is not token:
        token = token.head
    return token


def is_metonymic(span: Span, feature: str) -> bool:
    """Whether the toponym is used as an actor; see the module docstring for the rule."""
    token = _governor(span.root)
    dep, head = token.dep_, token.head
    if dep == "pobj":
        return _after_preposition(head, feature)
    if dep in ("nsubj", "nsubjpass"):
        return head.lemma_ != "be"
    if dep == "agent":
        return True
    if dep in ("poss", "compound"):
        return head.lower_ in ACTOR_NOUNS or head.lemma_ in ACTOR_NOUNS
    if dep == "dobj" and head.lemma_ in MOTION_VERBS:
        return False  # "entering Jordan"
    if dep in ("dobj", "dative", "nmod", "npadvmod", "attr"):
        return feature in POLITY_FEATURES
    return False


def _after_preposition(preposition: Token, feature: str) -> bool:
    word = preposition.lower_
    if word == "by" and preposition.dep_ == "agent":
        return True
    if word in LOCATIVE:
        return word == "to" and preposition.head.lemma_ in ADDRESS_VERBS
    if word == "of":  # "the president of Syria" vs "the city of Gaza"
        return preposition.head.lower_ in ACTOR_NOUNS or preposition.head.lemma_ in ACTOR_NOUNS
    return feature in POLITY_FEATURES


def _place(mention: _Mention, best: Candidate | None) -> PlaceMention:
    span = mention.span
    if best is None:
        return PlaceMention(
            span.start_char, span.end_char, span.text, None, span.text, None, None, None,
            "other", 0, is_metonymic(span, "other"),
        )  # fmt: skip
    entry = best.entry
    feature = entry.feature if entry.feature != "admin2" else "other"
    return PlaceMention(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        geonameid=entry.geonameid,
        name=entry.name,
        country=entry.country,
        lat=entry.lat,
        lon=entry.lon,
        feature=feature,
        population=entry.population,
        metonymic=is_metonymic(span, entry.feature),
    )


def find_places(doc: Doc) -> list[PlaceMention]:
    gaz = gazetteer()
    mentions = _mentions(doc, gaz)
    context = _context(doc, mentions)
    return [_place(m, _best(m, context)) for m in mentions]


@Language.component("newsgraph_places")
def places_component(doc: Doc) -> Doc:
    doc._.ng_places = find_places(doc)
    return doc
