"""Story tracking: many reports of one happening, across articles and outlets.

The unit is an `EventReport`: one event of one article, with everything needed to judge
it without the article (its actors, place, date, statement, source and vias). Two reports
describe the *same happening* (`same_event`) when they have the same PLOVER type and
negation, overlapping parties, dates within a window and compatible places.

Clusters are the connected components of that pairwise relation (single link). Because
a component does not depend on the order its edges were found in, the clusters do not
depend on ingest order, and a cluster's id is derived from its earliest member (by date,
article id, event id), so ids do not either. Adding a report compares it only with the
reports of its *block*: the same PLOVER type, a shared party token (a name, a
country+sector or a country) and a date within the window; see `StoryIndex`.

The analysis over clusters (corroboration, contradictions, conflicting numbers, stances)
lives in `newsgraph.story_analysis`; DuckDB persistence in `newsgraph.story_db`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from newsgraph.model import ArticleResult

DEFAULT_WINDOW = 3  # days: reports of one happening rarely date it further apart

# Topic families: types in one family speak about the same kind of thing, so their
# clusters can contradict each other (AGREE against REJECT).
FAMILIES: dict[str, str] = {
    "AGREE": "accept",
    "CONCEDE": "accept",
    "REJECT": "accept",
    "RETREAT": "accept",
    "REQUEST": "demand",
    "CONSULT": "meet",
    "SUPPORT": "support",
    "ACCUSE": "support",
    "COOPERATE": "cooperate",
    "AID": "cooperate",
    "THREATEN": "pressure",
    "PROTEST": "pressure",
    "SANCTION": "pressure",
    "MOBILIZE": "force",
    "COERCE": "force",
    "ASSAULT": "force",
}

_TITLE_WORDS = re.compile(r"^(the|a|an)\s+")
_NON_WORD = re.compile(r"[^\w\s]")


def norm_name(name: str | None) -> str:
    """A name as compared across articles: no accents, case, punctuation or article."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = _NON_WORD.sub(" ", text.replace("'s", ""))
    return _TITLE_WORDS.sub("", " ".join(text.split()))


def actor_keys(actor: dict[str, Any]) -> frozenset[str]:
    """The identities of an actor that reports can share.

    A named actor is its normalized name; any actor with a country and sector is also
    that pair (so "an Israeli official" meets "a senior Israeli official"); a country
    actor is its country (so "Israel" meets whoever acts for Israel, see `parties_meet`).
    """
    keys = set()
    if actor.get("kind") != "unnamed" and norm_name(actor.get("name")):
        keys.add("n:" + norm_name(actor.get("name")))
    country, sector = actor.get("country"), actor.get("sector")
    if country and sector:
        keys.add(f"cs:{country}:{sector}")
    if actor.get("kind") == "country" and country:
        keys.add("c:" + country)
    return frozenset(keys)


def actor_tokens(actor: dict[str, Any]) -> frozenset[str]:
    """Block tokens: every key plus the bare country, a superset of what can match."""
    country = actor.get("country")
    return actor_keys(actor) | ({"c:" + country} if country else set())


def actors_meet(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if actor_keys(a) & actor_keys(b):
        return True
    country_actor = a.get("kind") == "country" or b.get("kind") == "country"
    return country_actor and bool(a.get("country")) and a.get("country") == b.get("country")


def parties_meet(left: list[dict], right: list[dict]) -> bool:
    """Some actor on the left is some actor on the right."""
    return any(actors_meet(a, b) for a in left for b in right)


def parse_day(value: str | None) -> date | None:
    """A full ISO day, else None (a month or a year does not place an event in a window)."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


@dataclass(eq=False)
class EventReport:
    """One event as one article reports it, self-contained (JSON via `to_dict`)."""

    article_id: str
    outlet: str | None
    published: str | None
    event: dict[str, Any]
    actors: list[dict[str, Any]] = field(default_factory=list)
    recipients: list[dict[str, Any]] = field(default_factory=list)
    place: dict[str, Any] | None = None
    statement: dict[str, Any] | None = None
    source: dict[str, Any] | None = None
    vias: list[dict[str, Any]] = field(default_factory=list)
    quantities: list[dict[str, Any]] = field(default_factory=list)

    @property
    def type(self) -> str:
        return self.event["type"]

    @property
    def negated(self) -> bool:
        return bool(self.event.get("negated"))

    @property
    def family(self) -> str:
        return FAMILIES.get(self.type, self.type.lower())

    @property
    def source_kind(self) -> str | None:
        if self.source is None:
            return None
        return "unnamed" if self.source.get("kind") == "unnamed" else "named"

    @cached_property
    def day(self) -> date | None:
        """The event's own date when it is a full day, else the article's publication."""
        own = parse_day((self.event.get("date") or {}).get("value"))
        return own or parse_day(self.published)

    @cached_property
    def key(self) -> str:
        """Sorts reports canonically: date, then article, then event id."""
        day = self.day.isoformat() if self.day else "9999-12-31"
        return f"{day}|{self.article_id}|{self.event['id']}"

    @cached_property
    def tokens(self) -> frozenset[str]:
        return frozenset().union(*(actor_tokens(a) for a in self.actors + self.recipients))

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in _REPORT_FIELDS}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EventReport:
        return cls(**{name: data.get(name) for name in _REPORT_FIELDS})


_REPORT_FIELDS = (
    "article_id",
    "outlet",
    "published",
    "event",
    "actors",
    "recipients",
    "place",
    "statement",
    "source",
    "vias",
    "quantities",
)


def as_dict(result: ArticleResult | dict[str, Any]) -> dict[str, Any]:
    return result.to_dict() if isinstance(result, ArticleResult) else result


def reports_of(result: ArticleResult | dict[str, Any]) -> list[EventReport]:
    """The event reports of one article (an `ArticleResult` or its article/1 dict)."""
    doc = as_dict(result)
    article = doc["article"]
    actors = {a["id"]: a for a in doc.get("actors", [])}
    statements = {s["id"]: s for s in doc.get("statements", [])}
    places = {p["id"]: p for p in doc.get("places", [])}
    text = article.get("text") or ""
    reports = []
    for event in doc.get("events", []):
        statement = statements.get(event.get("statement") or "")
        source = actors.get(statement["source"]) if statement and statement["source"] else None
        reports.append(
            EventReport(
                article_id=article["id"],
                outlet=article.get("outlet"),
                published=article.get("published"),
                event=event,
                actors=[actors[i] for i in event.get("actors", []) if i in actors],
                recipients=[actors[i] for i in event.get("recipients", []) if i in actors],
                place=places.get(event.get("location") or ""),
                statement=statement,
                source=source,
                vias=[actors[i] for i in (statement or {}).get("via", []) if i in actors],
                quantities=event_quantities(event, doc.get("quantities", []), text),
            )
        )
    return reports


def event_quantities(event: dict, quantities: list[dict], text: str) -> list[dict]:
    """The event's own quantities, else the article's quantities in the trigger's sentence."""
    if event.get("quantities"):
        return [dict(q) for q in event["quantities"]]
    if not text:
        return []
    start, end = sentence_bounds(text, event["trigger"][0])
    return [
        {"low": q["low"], "high": q["high"], "what": q["what"]}
        for q in quantities
        if start <= q["span"][0] < end and q.get("what")
    ]


_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+|\n\s*\n")


def sentence_bounds(text: str, offset: int) -> tuple[int, int]:
    begin = 0
    for match in _SENTENCE_END.finditer(text, 0, max(offset, 0)):
        begin = match.end()
    after = _SENTENCE_END.search(text, offset)
    return begin, after.start() + 1 if after else len(text)


# ------------------------------------------------------------------------ matching


def places_compatible(a: dict | None, b: dict | None) -> bool:
    """Missing on either side, or the same place, or at least the same country."""
    if not a or not b:
        return True
    if a.get("geonameid") and a.get("geonameid") == b.get("geonameid"):
        return True
    return bool(a.get("country")) and a.get("country") == b.get("country")


def within(a: date | None, b: date | None, window: int) -> bool:
    return a is not None and b is not None and abs((a - b).days) <= window


def same_parties(a: EventReport, b: EventReport) -> bool:
    """Actors meet (when both have some) and recipients meet (when both have some).

    Meetings are symmetric ("A met B" is "B met A"), so for CONSULT all participants
    are pooled. At least one side must actually be compared.
    """
    if a.type == "CONSULT":
        return parties_meet(a.actors + a.recipients, b.actors + b.recipients)
    compared = False
    for left, right in ((a.actors, b.actors), (a.recipients, b.recipients)):
        if left and right:
            if not parties_meet(left, right):
                return False
            compared = True
    return compared


def same_event(a: EventReport, b: EventReport, window: int = DEFAULT_WINDOW) -> bool:
    """Do these two reports describe the same happening? Symmetric by construction."""
    return (
        a.type == b.type
        and a.negated == b.negated
        and within(a.day, b.day, window)
        and places_compatible(a.place, b.place)
        and same_parties(a, b)
    )


def cluster_id(min_key: str) -> str:
    """A cluster is named after its earliest member, so the name is order-independent."""
    return "c" + hashlib.sha1(min_key.encode("utf-8")).hexdigest()[:10]


# ------------------------------------------------------------------------- the index


class StoryIndex:
    """Clusters of event reports, updated one article at a time.

    Reports are indexed by block (type, party token, date bucket of `window` days); a
    new report is compared only with reports in its block and the two neighbouring
    buckets, then joined to every cluster it matches (merging them). Union-find keeps
    the components.
    """

    def __init__(self, window: int = DEFAULT_WINDOW) -> None:
        self.window = window
        self.reports: dict[str, EventReport] = {}
        self.articles: set[str] = set()
        self._parent: dict[str, str] = {}
        self._blocks: dict[tuple, set[str]] = defaultdict(set)

    def add_article(self, result: ArticleResult | dict[str, Any]) -> list[str]:
        """Index one article; return the ids of the clusters it created or changed."""
        doc = as_dict(result)
        if doc["article"]["id"] in self.articles:
            return []
        self.articles.add(doc["article"]["id"])
        roots = {self.add_report(report) for report in sorted(reports_of(doc), key=lambda r: r.key)}
        return sorted({cluster_id(self._find(root)) for root in roots})

    def add_many(self, results: Iterable[ArticleResult | dict[str, Any]]) -> list[str]:
        changed: set[str] = set()
        for result in results:
            changed.update(self.add_article(result))
        live = {cluster_id(root) for root in self._members()}
        return sorted(changed & live)

    def add_report(self, report: EventReport) -> str:
        """File one report, joining every cluster it matches; return its key."""
        self.reports[report.key] = report
        self._parent[report.key] = report.key
        for other in self.candidates(report):
            if same_event(report, self.reports[other], self.window):
                self._union(report.key, other)
        for block in block_keys(report, self.window):
            self._blocks[block].add(report.key)
        return report.key

    def candidates(self, report: EventReport) -> list[str]:
        found: set[str] = set()
        for block in neighbour_blocks(report, self.window):
            found.update(self._blocks.get(block, ()))
        found.discard(report.key)
        return sorted(found)

    def _find(self, key: str) -> str:
        while self._parent[key] != key:
            self._parent[key] = self._parent[self._parent[key]]
            key = self._parent[key]
        return key

    def _union(self, a: str, b: str) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra != rb:  # the smaller key stays root: the root is the earliest member
            self._parent[max(ra, rb)] = min(ra, rb)

    def _members(self) -> dict[str, list[EventReport]]:
        groups: dict[str, list[EventReport]] = defaultdict(list)
        for key in sorted(self.reports):
            groups[self._find(key)].append(self.reports[key])
        return groups

    def groups(self) -> dict[str, list[EventReport]]:
        """Cluster id -> its reports, in canonical order."""
        return {cluster_id(root): members for root, members in sorted(self._members().items())}

    def clusters(self) -> list[Any]:
        from newsgraph.story_analysis import build_clusters

        return build_clusters(self.groups())

    def contradictions(self) -> list[dict[str, Any]]:
        from newsgraph.story_analysis import contradictions

        return contradictions(self.clusters(), self.window)

    def quantity_conflicts(self) -> list[dict[str, Any]]:
        from newsgraph.story_analysis import quantity_conflicts

        return quantity_conflicts(self.clusters(), self.window)

    def stances(self, actor: str | None = None) -> list[dict[str, Any]]:
        from newsgraph.story_analysis import stances

        return stances(self.clusters(), actor)

    def to_json(
        self, since: str | None = None, until: str | None = None, actor: str | None = None
    ) -> dict[str, Any]:
        from newsgraph.story_analysis import story_json

        return story_json(self.clusters(), self.window, since=since, until=until, actor=actor)


def bucket(day: date | None, window: int) -> int | None:
    return None if day is None else day.toordinal() // max(window, 1)


def block_keys(report: EventReport, window: int) -> list[tuple]:
    """The blocks a report is filed under: one per party token, in its date bucket."""
    if report.day is None:
        return []  # an undated report cannot be placed in a window: it stays alone
    return [(report.type, token, bucket(report.day, window)) for token in sorted(report.tokens)]


def neighbour_blocks(report: EventReport, window: int) -> list[tuple]:
    """Every block that can hold a match: same type and token, bucket within one."""
    return [
        (kind, token, b + step)
        for kind, token, b in block_keys(report, window)
        for step in (-1, 0, 1)
    ]
