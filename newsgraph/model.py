"""The data model: one article in, one `ArticleResult` out (schema ``newsgraph/article/1``).

Every offset is a character offset into ``article.text``. The dataclasses here are the
only shape extraction produces; the store, the web app and the exports read the JSON
form of them (``ArticleResult.to_dict``), which `schema/article-1.json` describes.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from importlib import resources
from typing import Any, Literal

SCHEMA = "newsgraph/article/1"

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

ActorKind = Literal["person", "organization", "country", "group", "unnamed"]
StatementKind = Literal["direct", "indirect", "mixed"]
Modality = Literal["asserted", "intended", "requested", "hypothetical", "future"]
Span = tuple[int, int]


@dataclass
class Article:
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    language: str = "en"
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = article_id(self.text, self.url)


def normalize_text(text: str) -> str:
    """The form of a text that decides identity: NFC, folded whitespace, stripped."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def article_id(text: str, url: str | None = None) -> str:
    """A stable id from the normalized text and url, so re-ingesting adds nothing."""
    digest = hashlib.sha256()
    digest.update(normalize_text(text).encode("utf-8"))
    digest.update(b"\x00")
    digest.update((url or "").strip().encode("utf-8"))
    return digest.hexdigest()[:16]


@dataclass
class Actor:
    id: str
    name: str
    kind: ActorKind
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Statement:
    id: str
    source: str | None
    cue: tuple[int, int, str]
    content: tuple[int, int, str]
    kind: StatementKind
    via: list[str] = field(default_factory=list)
    hedged: bool = False
    hedge: str | None = None


@dataclass
class DateValue:
    value: str | None
    text: str
    granularity: str | None


@dataclass
class EventQuantity:
    low: float | None
    high: float | None
    what: str | None


@dataclass
class Event:
    id: str
    type: str
    trigger: tuple[int, int, str]
    mode: str | None = None
    cameo: str | None = None
    actors: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    negated: bool = False
    modality: Modality = "asserted"
    date: DateValue | None = None
    location: str | None = None
    quantities: list[EventQuantity] = field(default_factory=list)
    statement: str | None = None
    confidence: float = 0.5


@dataclass
class Place:
    id: str
    name: str
    geonameid: int | None
    country: str | None
    lat: float | None
    lon: float | None
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Quantity:
    low: float | None
    high: float | None
    what: str | None
    span: tuple[int, int, str]


@dataclass
class ArticleResult:
    article: Article
    actors: list[Actor] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        body = asdict(self)
        return {"schema": SCHEMA, **_lists_not_tuples(body)}

    def to_json(self, **kwargs: Any) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, **kwargs)

    def actor(self, actor_id: str | None) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)


def _lists_not_tuples(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _lists_not_tuples(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_lists_not_tuples(v) for v in value]
    return value


def json_schema() -> dict[str, Any]:
    """The JSON Schema of ``newsgraph/article/1``, as shipped in ``newsgraph/schema``."""
    text = resources.files("newsgraph").joinpath("schema/article-1.json").read_text("utf-8")
    return json.loads(text)
