"""What clusters of event reports say together: corroboration, contradictions, numbers, stances.

Everything here is a pure function of the clusters (see `newsgraph.story`), and every
list it returns is sorted, so the output does not depend on the order articles came in.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from itertools import combinations
from typing import Any

from newsgraph.story import FAMILIES, EventReport, norm_name, parse_day, parties_meet

# A claim is (topic, polarity): two asserted clusters with the same topic and opposite
# polarities on the same dyad and in the same window cannot both hold.
ACCEPTING = {"AGREE", "CONCEDE"}
VERBS = {"AGREE": "agreed", "CONCEDE": "conceded", "REJECT": "rejected", "CONSULT": "met",
         "REQUEST": "requested", "ACCUSE": "accused", "SUPPORT": "supported",
         "THREATEN": "threatened", "ASSAULT": "attacked", "AID": "aided",
         "COOPERATE": "cooperated with", "SANCTION": "sanctioned", "PROTEST": "protested",
         "RETREAT": "withdrew", "MOBILIZE": "mobilized", "COERCE": "coerced"}
POSITIONS = {"REQUEST": ("requests", "does not request"), "REJECT": ("rejects", "agrees"),
             "AGREE": ("agrees", "rejects"), "CONCEDE": ("agrees", "rejects")}
CLAIMED_MODALITIES = {"asserted", "future", None}


@dataclass(eq=False)
class Cluster:
    """Reports of one happening; `reports` are in canonical order (date, article, event)."""

    id: str
    reports: list[EventReport]

    @property
    def type(self) -> str:
        return self.reports[0].type

    @property
    def negated(self) -> bool:
        return self.reports[0].negated

    @cached_property
    def actors(self) -> list[dict]:
        return _distinct_actors(a for r in self.reports for a in r.actors)

    @cached_property
    def recipients(self) -> list[dict]:
        return _distinct_actors(a for r in self.reports for a in r.recipients)

    @cached_property
    def days(self) -> list[date]:
        return sorted(r.day for r in self.reports if r.day)

    @property
    def first_day(self) -> date | None:
        return self.days[0] if self.days else None

    @property
    def last_day(self) -> date | None:
        return self.days[-1] if self.days else None

    @cached_property
    def origins(self) -> list[str]:
        return sorted({origin(r) for r in self.reports})

    @property
    def corroboration(self) -> int:
        """Independent outlets and sources: reports citing one original count once."""
        return len(self.origins)

    @cached_property
    def sources(self) -> list[str]:
        return sorted({source_label(r) for r in self.reports if r.source} - {""})

    @cached_property
    def asserted(self) -> bool:
        return any(r.event.get("modality") in CLAIMED_MODALITIES for r in self.reports)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "type": self.type, "negated": self.negated,
            "actors": sorted({a["name"] for a in self.actors}),
            "recipients": sorted({a["name"] for a in self.recipients}),
            "actor_countries": _countries(self.actors),
            "recipient_countries": _countries(self.recipients),
            "first_date": _iso(self.first_day), "last_date": _iso(self.last_day),
            "outlets": sorted({r.outlet for r in self.reports if r.outlet}),
            "articles": sorted({r.article_id for r in self.reports}),
            "events": [report_ref(r) for r in self.reports],
            "sources": self.sources, "corroboration": self.corroboration,
            "origins": self.origins,
        }


def build_clusters(groups: dict[str, list[EventReport]]) -> list[Cluster]:
    """Clusters from id -> reports, sorted by first date then id."""
    clusters = [Cluster(cid, sorted(reports, key=lambda r: r.key))
                for cid, reports in groups.items() if reports]
    return sorted(clusters, key=lambda c: (_iso(c.first_day) or "9999", c.id))


def _distinct_actors(actors: Any) -> list[dict]:
    seen: dict[tuple, dict] = {}
    for actor in actors:
        seen.setdefault((norm_name(actor.get("name")), actor.get("country")), actor)
    return [seen[k] for k in sorted(seen, key=lambda k: (k[0], k[1] or ""))]


def _countries(actors: list[dict]) -> list[str]:
    return sorted({a["country"] for a in actors if a.get("country")})


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def is_outlet(actor: dict | None) -> bool:
    return bool(actor) and actor.get("sector") == "MED"


def origin(report: EventReport) -> str:
    """Where a report's information first came from, for counting independent reports.

    The nearest via that is not the reporting outlet itself ("according to KAN"), else
    a source that is itself an outlet, else the reporting outlet: its own sources, named
    or not, are its own reporting and count once with it.
    """
    own = norm_name(report.outlet)
    for via in report.vias:
        name = norm_name(via.get("name"))
        if name and name != own:
            return "outlet:" + name
    if is_outlet(report.source) and norm_name(report.source.get("name")) != own:
        return "outlet:" + norm_name(report.source.get("name"))
    return "outlet:" + own if own else "article:" + report.article_id


def source_label(report: EventReport) -> str:
    """A source as counted: unnamed sources of one outlet are one source."""
    source = report.source or {}
    if source.get("kind") == "unnamed":
        return f"unnamed ({report.outlet or report.article_id})"
    return source.get("name") or ""


def report_ref(report: EventReport) -> dict[str, Any]:
    statement = report.statement or {}
    return {
        "article": report.article_id, "event": report.event["id"],
        "date": _iso(report.day), "outlet": report.outlet,
        "trigger": report.event["trigger"][2], "statement": statement.get("id"),
        "source": (report.source or {}).get("name"), "source_kind": report.source_kind,
        "via": [v.get("name") for v in report.vias],
        "text": (statement.get("content") or [None, None, None])[2],
    }


# -------------------------------------------------------------------- contradictions


def claim(cluster: Cluster) -> tuple[str, bool] | None:
    """(topic, polarity) of what a cluster asserts, or None when it asserts nothing clear."""
    if not cluster.asserted:
        return None
    if cluster.type in ACCEPTING:
        return "accept", not cluster.negated
    if cluster.type == "REJECT":
        return None if cluster.negated else ("accept", False)
    return cluster.type, not cluster.negated


def same_dyad(a: Cluster, b: Cluster) -> bool:
    """The actors meet, and so do the recipients where both sides name some.

    Meetings are symmetric, so for CONSULT all participants are pooled.
    """
    if a.type == "CONSULT" and b.type == "CONSULT":
        return parties_meet(a.actors + a.recipients, b.actors + b.recipients)
    if not parties_meet(a.actors, b.actors):
        return False
    return not (a.recipients and b.recipients) or parties_meet(a.recipients, b.recipients)


def gap_days(a: Cluster, b: Cluster) -> int | None:
    if a.first_day is None or b.first_day is None:
        return None
    return max((b.first_day - a.last_day).days, (a.first_day - b.last_day).days, 0)


def _close(a: Cluster, b: Cluster, window: int) -> bool:
    gap = gap_days(a, b)
    return gap is not None and gap <= window


def _pairs_by_token(clusters: list[Cluster], topic_of: Any) -> list[tuple[Cluster, Cluster]]:
    """Pairs of clusters sharing a topic and an actor token: the only ones worth comparing."""
    blocks: dict[tuple, list[Cluster]] = defaultdict(list)
    for cluster in clusters:
        topic = topic_of(cluster)
        if topic is None:
            continue
        for token in sorted(frozenset().union(*(r.tokens for r in cluster.reports))):
            blocks[(topic, token)].append(cluster)
    pairs: dict[tuple[str, str], tuple[Cluster, Cluster]] = {}
    for members in blocks.values():
        for a, b in combinations(sorted(members, key=lambda c: c.id), 2):
            pairs.setdefault((a.id, b.id), (a, b))
    return [pairs[k] for k in sorted(pairs)]


def contradictions(clusters: list[Cluster], window: int) -> list[dict[str, Any]]:
    """Pairs of clusters on one dyad and topic, within the window, that cannot both hold."""
    found = []
    for a, b in _pairs_by_token(clusters, lambda c: (claim(c) or (None,))[0]):
        if claim(a)[1] == claim(b)[1] or not same_dyad(a, b) or not _close(a, b, window):
            continue
        found.append({
            "clusters": [a.id, b.id], "reason": reason(a, b),
            "statements": [_evidence(a), _evidence(b)],
        })
    return found


def describe(cluster: Cluster) -> str:
    verb = VERBS.get(cluster.type, cluster.type.lower())
    if not cluster.negated:
        return verb
    return "did not " + {"met": "meet", "agreed": "agree"}.get(verb, cluster.type.lower())


def _names(actors: list[dict]) -> str:
    return ", ".join(sorted({a["name"] for a in actors})) or "someone"


def _said_by(cluster: Cluster) -> str:
    outlets = sorted({r.outlet for r in cluster.reports if r.outlet})
    return ", ".join(outlets) or "unknown outlet"


def reason(a: Cluster, b: Cluster) -> str:
    """One line: who did what to whom, according to whom, on each side."""
    counterpart = a.recipients or b.recipients
    whom = f" ({_names(counterpart)})" if counterpart else ""
    return (f"{_names(a.actors)}{whom}: {describe(a)} on {_iso(a.first_day)} per "
            f"{_said_by(a)}, but {describe(b)} on {_iso(b.first_day)} per {_said_by(b)}")


def _evidence(cluster: Cluster) -> list[dict[str, Any]]:
    return [{"article": r.article_id, "statement": (r.statement or {}).get("id"),
             "event": r.event["id"], "outlet": r.outlet,
             "source": (r.source or {}).get("name"),
             "text": ((r.statement or {}).get("content") or [None, None, r.event["trigger"][2]])[2]}
            for r in cluster.reports]


# ---------------------------------------------------------------- conflicting numbers

_IRREGULAR = {"men": "man", "people": "person", "children": "child", "women": "woman"}


def referent(what: str | None) -> str:
    """The counted thing, lemma-ish: head word, singular ("150 armed gunmen" -> gunman)."""
    words = re.findall(r"[a-z]+", (what or "").lower())
    if not words:
        return ""
    head = words[-1]
    for plural, singular in _IRREGULAR.items():
        if head.endswith(plural):
            return head[: -len(plural)] + singular
    if head.endswith("ies") and len(head) > 4:
        return head[:-3] + "y"
    if head.endswith("s") and not head.endswith("ss") and len(head) > 3:
        return head[:-1]
    return head


def _overlap(x: tuple[float, float], y: tuple[float, float]) -> bool:
    return x[0] <= y[1] and y[0] <= x[1]


def _numbers(cluster: Cluster) -> list[tuple[str, tuple[float, float], EventReport]]:
    found = []
    for report in cluster.reports:
        for q in report.quantities:
            low, high = q.get("low"), q.get("high")
            low, high = (low if low is not None else high), (high if high is not None else low)
            if low is not None and referent(q.get("what")):
                found.append((referent(q.get("what")), (float(low), float(high)), report))
    return found


def _story_groups(clusters: list[Cluster], window: int) -> list[list[Cluster]]:
    """Clusters that speak of one story: same type family, same dyad, within the window."""
    parent = {c.id: c.id for c in clusters}

    def find(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    topic = lambda c: FAMILIES.get(c.type, c.type)  # noqa: E731
    for a, b in _pairs_by_token(clusters, topic):
        if same_dyad(a, b) and _close(a, b, window):
            ra, rb = find(a.id), find(b.id)
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[Cluster]] = defaultdict(list)
    for cluster in clusters:
        groups[find(cluster.id)].append(cluster)
    return [groups[k] for k in sorted(groups)]


def quantity_conflicts(clusters: list[Cluster], window: int) -> list[dict[str, Any]]:
    """The same referent counted with ranges that do not overlap, within one story."""
    found = []
    with_numbers = [c for c in clusters if _numbers(c)]
    for group in _story_groups(with_numbers, window):
        by_what: dict[str, list[tuple]] = defaultdict(list)
        for cluster in group:
            for what, value, report in _numbers(cluster):
                by_what[what].append((value, report, cluster))
        for what in sorted(by_what):
            conflict = _conflict(what, by_what[what])
            if conflict:
                found.append(conflict)
    return found


def _conflict(what: str, items: list[tuple]) -> dict[str, Any] | None:
    values = sorted({value for value, _, _ in items})
    if all(_overlap(x, y) for x, y in combinations(values, 2)):
        return None
    return {
        "what": what,
        "values": [[low, high] for low, high in values],
        "articles": sorted({r.article_id for _, r, _ in items}),
        "clusters": sorted({c.id for _, _, c in items}),
        "reports": sorted(({"value": [v[0], v[1]], "article": r.article_id, "outlet": r.outlet,
                            "event": r.event["id"]} for v, r, _ in items),
                          key=lambda d: (d["value"], d["article"], d["event"])),
    }


# ------------------------------------------------------------------------------ stances


def matches_actor(actor: dict, wanted: str | None) -> bool:
    """An ISO3 code matches the country; anything else matches part of the name."""
    if not wanted:
        return True
    if wanted.isupper() and len(wanted) == 3 and actor.get("country") == wanted:
        return True
    return norm_name(wanted) in norm_name(actor.get("name"))


def stances(clusters: list[Cluster], actor: str | None = None) -> list[dict[str, Any]]:
    """Each actor's dated, sourced positions (requests, rejects, agrees) toward others."""
    found = []
    for cluster in clusters:
        if cluster.type not in POSITIONS or not cluster.asserted:
            continue
        position = POSITIONS[cluster.type][1 if cluster.negated else 0]
        for who in cluster.actors:
            if matches_actor(who, actor):
                found.append(_stance(who, position, cluster))
    return sorted(found, key=lambda s: (s["actor"], s["toward"], s["date"] or "", s["cluster"]))


def _stance(who: dict, position: str, cluster: Cluster) -> dict[str, Any]:
    return {
        "actor": who["name"], "country": who.get("country"), "position": position,
        "toward": sorted({a["name"] for a in cluster.recipients}),
        "type": cluster.type, "negated": cluster.negated, "date": _iso(cluster.first_day),
        "cluster": cluster.id, "outlets": sorted({r.outlet for r in cluster.reports if r.outlet}),
        "sources": cluster.sources,
        "statements": [{"article": r.article_id, "statement": (r.statement or {}).get("id")}
                       for r in cluster.reports],
    }


# ---------------------------------------------------------------------------- the JSON


def keep(cluster: Cluster, since: date | None, until: date | None, actor: str | None) -> bool:
    if since and (cluster.last_day is None or cluster.last_day < since):
        return False
    if until and (cluster.first_day is None or cluster.first_day > until):
        return False
    return not actor or any(matches_actor(a, actor) for a in cluster.actors + cluster.recipients)


def story_json(clusters: list[Cluster], window: int, since: str | None = None,
               until: str | None = None, actor: str | None = None) -> dict[str, Any]:
    """``{"clusters", "contradictions", "quantity_conflicts", "stances"}``, filtered."""
    low, high = _bound(since, "since"), _bound(until, "until")
    kept = [c for c in clusters if keep(c, low, high, actor)]
    ids = {c.id for c in kept}
    return {
        "clusters": [c.to_dict() for c in kept],
        "contradictions": [x for x in contradictions(clusters, window)
                           if set(x["clusters"]) <= ids],
        "quantity_conflicts": [x for x in quantity_conflicts(clusters, window)
                               if set(x["clusters"]) & ids],
        "stances": stances(kept, actor),
    }


def _bound(value: str | None, name: str) -> date | None:
    if not value:
        return None
    day = parse_day(value)
    if day is None:
        raise ValueError(f"bad --{name} date {value!r}; use YYYY-MM-DD")
    return day
