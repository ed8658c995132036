"""The JSON API. Every list answers ``{"items": [...], "total": N}``, paged by
``limit``/``offset``; errors answer ``{"detail": message}`` with a fitting status."""

from __future__ import annotations

import secrets
import threading
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request
from pydantic import BaseModel, Field

from newsgraph.store import Store
from newsgraph.web import data

router = APIRouter(prefix="/api", tags=["api"])
_write_lock = threading.Lock()  # one POSTed article is stored at a time

Limit = Annotated[int, Query(ge=1, le=500, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, description="Items to skip.")]
Text = Annotated[str | None, Query(max_length=200)]


def get_store(request: Request) -> Store:
    return request.app.state.settings.store()


StoreDep = Annotated[Store, Depends(get_store)]


def page(items: list[Any], total: int) -> dict[str, Any]:
    return {"items": items, "total": total}


class EventQuery(BaseModel):
    actor: str | None = Field(None, max_length=200,
                              description="ISO3 code or part of a name, on the actor side.")
    recipient: str | None = Field(None, max_length=200, description="Same, recipient side.")
    type: str | None = Field(None, max_length=200,
                             description="PLOVER type(s), comma-separated.")
    since: str | None = Field(None, description="Event date on or after YYYY-MM-DD.")
    until: str | None = Field(None, description="Event date on or before YYYY-MM-DD.")
    place: str | None = Field(None, max_length=200, description="Part of a place name.")
    q: str | None = Field(None, max_length=200, description="Words in the evidence sentence.")
    source_kind: str | None = Field(None, description="named or unnamed.")


def event_query(
    actor: Text = None, recipient: Text = None, type: Text = None,  # noqa: A002
    since: Text = None, until: Text = None, place: Text = None, q: Text = None,
    source_kind: Text = None,
) -> EventQuery:
    return EventQuery(actor=actor, recipient=recipient, type=type, since=since, until=until,
                      place=place, q=q, source_kind=source_kind)


EventQueryDep = Annotated[EventQuery, Depends(event_query)]


@router.get("/articles", summary="Stored articles, newest first")
def list_articles(store: StoreDep, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return page(*data.articles(store, limit, offset))


@router.get("/articles/{article_id}", summary="One article: text and every annotation")
def get_article(article_id: str, store: StoreDep) -> dict[str, Any]:
    try:
        return store.article(article_id)
    except KeyError:
        raise HTTPException(404, f"no article with id {article_id!r}") from None


@router.get("/events", summary="Events, filtered")
def list_events(store: StoreDep, query: EventQueryDep, limit: Limit = 50,
                offset: Offset = 0) -> dict[str, Any]:
    where = data.event_filters(**query.model_dump())
    return page(*data.events(store, where, limit, offset))


@router.get("/statements", summary="Attributed statements, filtered")
def list_statements(
    store: StoreDep, source: Text = None, source_kind: Text = None,
    hedged: bool | None = None, limit: Limit = 50, offset: Offset = 0,
) -> dict[str, Any]:
    where = data.statement_filters(source, source_kind, hedged)
    return page(*data.statements(store, where, limit, offset))


@router.get("/actors", summary="Actors across articles, most active first")
def list_actors(store: StoreDep, q: Text = None, limit: Limit = 50,
                offset: Offset = 0) -> dict[str, Any]:
    return page(*data.actors(store, q, limit, offset))


@router.get("/actors/{actor_id}", summary="One actor, its counts and network neighbours")
def get_actor(actor_id: str, store: StoreDep) -> dict[str, Any]:
    found = data.actor(store, actor_id)
    if found is None:
        raise HTTPException(404, f"no actor with id {actor_id!r}")
    _, n_statements = data.statements(store, data.statement_filters(source_id=actor_id), 1)
    return {**found, "statements": n_statements,
            "neighbours": data.neighbours(store, actor_id)}


@router.get("/places", summary="Places with their event counts")
def list_places(store: StoreDep, q: Text = None, limit: Limit = 100,
                offset: Offset = 0) -> dict[str, Any]:
    return page(*data.places(store, q, limit, offset))


@router.get("/network", summary="Actors as nodes, actor→recipient events as edges")
def get_network(store: StoreDep, query: EventQueryDep,
                limit: Annotated[int, Query(ge=1, le=20000)] = 2000) -> dict[str, Any]:
    return data.network(store, data.event_filters(**query.model_dump()), limit)


@router.get("/timeline", summary="Event counts per period and PLOVER type")
def get_timeline(store: StoreDep, query: EventQueryDep) -> dict[str, Any]:
    return data.timeline(store, data.event_filters(**query.model_dump()))


@router.get("/stats", summary="Counts of stored items")
def get_stats(store: StoreDep) -> dict[str, int]:
    return store.stats()


@router.get("/story", summary="Story clusters: one happening reported many times")
def get_story(store: StoreDep, since: Text = None, until: Text = None, actor: Text = None,
              limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    from newsgraph.web.story import story

    try:
        found = story(store, since, until, actor)
    except ValueError as error:
        raise HTTPException(422, str(error)) from None
    if found is None:
        raise HTTPException(404, "this store has no story data yet; build it with "
                                 "`newsgraph story --db FILE`")
    clusters = found.pop("clusters")
    return {**page(clusters[offset:offset + limit], len(clusters)), **found}


# ---------------------------------------------------------------------- ingest


class ArticleIn(BaseModel):
    text: str = Field(min_length=1, max_length=2_000_000)
    title: str | None = Field(None, max_length=2000)
    published: str | None = Field(None, description="YYYY-MM-DD", max_length=40)
    outlet: str | None = Field(None, max_length=500)
    url: str | None = Field(None, max_length=4000)


def require_token(request: Request, authorization: Annotated[str | None, Header()] = None) -> None:
    settings = request.app.state.settings
    if not settings.allow_ingest:
        raise HTTPException(403, "ingest is off; start the server with --allow-ingest")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(
            given.strip().encode(), settings.token.encode()):
        raise HTTPException(401, "a valid token is required: Authorization: Bearer <token>",
                            headers={"WWW-Authenticate": "Bearer"})


@router.post("/articles", status_code=201, dependencies=[Depends(require_token)],
             summary="Extract one article and store it (needs --allow-ingest and a token)")
def post_article(body: ArticleIn, request: Request) -> dict[str, Any]:
    from newsgraph.api import ArticleError, extract
    from newsgraph.model import Article

    settings = request.app.state.settings
    settings.store()  # creates the file when it does not exist yet
    try:
        result = extract(Article(text=body.text, title=body.title, outlet=body.outlet,
                                 url=body.url, published=body.published))
    except ArticleError as error:
        raise HTTPException(422, str(error)) from None
    with _write_lock:
        status = Store(settings.db, lock_timeout=60.0).add(result, source="api")
    return {"id": result.article.id, "status": status, "events": len(result.events),
            "statements": len(result.statements)}
