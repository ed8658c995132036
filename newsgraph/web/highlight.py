"""Article text cut into segments at annotation boundaries, for the article page.

Annotations overlap (an actor inside a statement's content, a trigger inside both), so
the text is split at every span start and end, and each segment carries the set of
annotations covering it. The template prints each segment's *text* through Jinja's
autoescaping; no HTML is ever built here, so hostile article text stays text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsgraph.store import sentence_around


@dataclass
class Mark:
    start: int
    end: int
    kind: str  # actor, source, cue, content, trigger, place, date, quantity
    ref: str | None = None  # the item's id (event id for triggers)
    label: str = ""


@dataclass
class Segment:
    text: str
    kinds: list[str] = field(default_factory=list)
    event: str | None = None  # the event id when this segment is a trigger
    labels: list[str] = field(default_factory=list)

    @property
    def css(self) -> str:
        return " ".join(f"hl-{k}" for k in self.kinds)


def marks_of(doc: dict[str, Any]) -> list[Mark]:
    """Every span of a stored ``newsgraph/article/1`` dict, as marks."""
    text = doc["article"]["text"]
    actors = {a["id"]: a for a in doc["actors"]}
    marks: list[Mark] = []
    for a in doc["actors"]:
        label = f"actor: {a['name']}" + (f" ({a['country']})" if a.get("country") else "")
        marks += [Mark(s, e, "actor", a["id"], label) for s, e in a["mentions"]]
    for s in doc["statements"]:
        marks.append(Mark(s["cue"][0], s["cue"][1], "cue", s["id"], "statement cue"))
        marks.append(Mark(s["content"][0], s["content"][1], "content", s["id"],
                          "statement content"))
        source = actors.get(s["source"])
        if source and source["mentions"]:
            start, end = _nearest(source["mentions"], s["cue"][0])
            marks.append(Mark(start, end, "source", s["id"], f"source: {source['name']}"))
    for e in doc["events"]:
        marks.append(Mark(e["trigger"][0], e["trigger"][1], "trigger", e["id"],
                          f"event: {e['type']}"))
        date = e.get("date") or {}
        found = _find_near(text, date.get("text"), e["trigger"][0])
        if found:
            marks.append(Mark(*found, "date", e["id"], f"date: {date.get('value') or '?'}"))
    for p in doc["places"]:
        marks += [Mark(s, e, "place", p["id"], f"place: {p['name']}") for s, e in p["mentions"]]
    for i, q in enumerate(doc["quantities"]):
        marks.append(Mark(q["span"][0], q["span"][1], "quantity", str(i),
                          f"quantity: {q.get('what') or ''}".strip()))
    return [m for m in marks if 0 <= m.start < m.end <= len(text)]


def _nearest(spans: list[list[int]], offset: int) -> tuple[int, int]:
    start, end = min(spans, key=lambda s: abs(s[0] - offset))
    return start, end


def _find_near(text: str, needle: str | None, offset: int) -> tuple[int, int] | None:
    """Where a date's text occurs, preferring the trigger's sentence (dates carry no span)."""
    if not needle:
        return None
    sentence = sentence_around(text, offset, offset)
    head = text.rfind(sentence[:40], 0, offset + 1) if sentence else -1
    at = text.find(needle, max(head, 0))
    if at < 0:
        at = text.find(needle)
    return (at, at + len(needle)) if at >= 0 else None


def segments(text: str, marks: list[Mark]) -> list[Segment]:
    """The text split at every mark boundary; each piece knows what covers it."""
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out: list[Segment] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = [m for m in marks if m.start <= start and end <= m.end]
        kinds = sorted({m.kind for m in covering})
        trigger = next((m.ref for m in covering if m.kind == "trigger"), None)
        labels = sorted({m.label for m in covering if m.label})
        out.append(Segment(text[start:end], kinds, trigger, labels))
    return out
