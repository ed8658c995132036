"""The HTML pages, rendered by Jinja2 with autoescaping on for every template.

Pages take the same query parameters as the API, so a filtered view is a shareable
URL. Data reach templates as plain values and are printed with ``{{ }}`` (escaped);
no page builds markup from data in Python.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from newsgraph import __version__
from newsgraph.model import PLOVER_TYPES
from newsgraph.store import Store
from newsgraph.web import data
from newsgraph.web.api import EventQuery, EventQueryDep, get_store
from newsgraph.web.highlight import marks_of, segments

router = APIRouter(include_in_schema=False)
ENV = Environment(
    loader=FileSystemLoader(Path(__file__).with_name("templates")),
    autoescape=True,  # every template, whatever its name: data is never trusted
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
ENV.globals.update(plover_types=PLOVER_TYPES, version=__version__)
# Only http(s) links from data: a "javascript:" url must never become a link.
ENV.tests["web_url"] = lambda url: isinstance(url, str) and url.lower().startswith(
    ("http://", "https://"))
PAGE = 50
StoreDep = Annotated[Store, Depends(get_store)]
PageNo = Annotated[int, Query(ge=1, le=100_000)]


def render(request: Request, template: str, code: int = 200,
           headers: dict[str, str] | None = None, **context: Any) -> HTMLResponse:
    html = ENV.get_template(template).render(request=request, path=request.url.path, **context)
    return HTMLResponse(html, status_code=code, headers=headers)


def error_page(request: Request, status: int, message: str,
               headers: dict[str, str] | None = None) -> HTMLResponse:
    return render(request, "error.html", status, headers, status=status, message=message)


def with_query(request: Request, **changes: Any) -> str:
    """This page's URL with some query parameters changed (None drops one)."""
    params = {k: v for k, v in request.query_params.items() if v != ""}
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = str(value)
    return request.url.path + ("?" + urlencode(params) if params else "")


def pager(request: Request, page: int, total: int, size: int = PAGE) -> dict[str, Any]:
    pages = max(1, math.ceil(total / size))
    return {
        "page": page, "pages": pages, "total": total,
        "prev": with_query(request, page=page - 1) if page > 1 else None,
        "next": with_query(request, page=page + 1) if page < pages else None,
    }


def chart(timeline: dict[str, Any], width: int = 760, height: int = 200) -> dict[str, Any]:
    """Stacked bars of event counts per period, as SVG rectangles to draw."""
    periods = timeline["periods"]
    top = max((sum(p["counts"].values()) for p in periods), default=0)
    if not periods or not top:
        return {"bars": [], "width": width, "height": height, "labels": [], "top": 0}
    pad, base = 28, height - 22
    step = min((width - pad) / len(periods), 60.0)
    bars, labels = [], []
    for i, p in enumerate(periods):
        x, y = pad + i * step, float(base)
        for kind in timeline["types"]:
            n = p["counts"].get(kind, 0)
            if n:
                h = n / top * (base - 8)
                y -= h
                bars.append({"x": round(x + 1, 1), "y": round(y, 1), "w": round(max(step - 2, 1), 1),
                             "h": round(h, 1), "type": kind, "n": n, "period": p["period"]})
        if len(periods) <= 12 or i % math.ceil(len(periods) / 12) == 0:
            labels.append({"x": round(x + step / 2, 1), "text": p["period"]})
    return {"bars": bars, "width": width, "height": height, "labels": labels, "top": top,
            "base": base, "pad": pad}


@router.get("/", response_class=HTMLResponse)
def home(request: Request, store: StoreDep) -> HTMLResponse:
    latest, _ = data.events(store, data.event_filters(), 12, newest_first=True)
    active, _ = data.actors(store, None, 12)
    timeline = data.timeline(store, data.event_filters())
    return render(request, "home.html", stats=store.stats(), latest=latest, active=active,
                  timeline=timeline, chart=chart(timeline))


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, store: StoreDep, query: EventQueryDep,
                page: PageNo = 1) -> HTMLResponse:
    where = data.event_filters(**query.model_dump())
    items, total = data.events(store, where, PAGE, (page - 1) * PAGE)
    return render(request, "events.html", items=items, query=query,
                  pager=pager(request, page, total))


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request, store: StoreDep,
                q: Annotated[str | None, Query(max_length=200)] = None,
                page: PageNo = 1) -> HTMLResponse:
    items, total = data.actors(store, q, PAGE, (page - 1) * PAGE)
    return render(request, "actors.html", items=items, q=q or "",
                  pager=pager(request, page, total))


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor_page(request: Request, actor_id: str, store: StoreDep) -> HTMLResponse:
    found = data.actor(store, actor_id)
    if found is None:
        raise HTTPException(404, f"no actor with id {actor_id!r}")
    where = data.event_filters(actor_id=actor_id)
    events, n_events = data.events(store, where, 200)
    statements, n_statements = data.statements(
        store, data.statement_filters(source_id=actor_id), 200)
    timeline = data.timeline(store, data.event_filters(actor_id=actor_id))
    return render(request, "actor.html", actor=found, events=events, n_events=n_events,
                  statements=statements, n_statements=n_statements,
                  neighbours=data.neighbours(store, actor_id), chart=chart(timeline, height=150),
                  timeline=timeline)


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request, store: StoreDep, page: PageNo = 1) -> HTMLResponse:
    items, total = data.articles(store, PAGE, (page - 1) * PAGE)
    return render(request, "articles.html", items=items, pager=pager(request, page, total))


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str, store: StoreDep) -> HTMLResponse:
    try:
        doc = store.article(article_id)
    except KeyError:
        raise HTTPException(404, f"no article with id {article_id!r}") from None
    text = doc["article"]["text"]
    return render(request, "article.html", doc=doc, article=doc["article"],
                  segments=segments(text, marks_of(doc)), events=event_views(doc))


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, store: StoreDep, query: EventQueryDep) -> HTMLResponse:
    graph = data.network(store, data.event_filters(**query.model_dump()))
    names = {n["id"]: n["name"] for n in graph["nodes"]}
    edges = [{**e, "source_name": names[e["source"]], "target_name": names[e["target"]]}
             for e in graph["edges"][:100]]
    return render(request, "network.html", query=query, graph=graph, edges=edges,
                  api=with_query(request).replace("/network", "/api/network", 1))


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, store: StoreDep) -> HTMLResponse:
    items, total = data.places(store, None, 500)
    located = [p for p in items if p["lat"] is not None and p["lon"] is not None]
    top = max((p["events"] for p in located), default=0) or 1
    dots = [{**p, "x": round(p["lon"] + 180, 2), "y": round(90 - p["lat"], 2),
             "r": round(0.8 + 4 * math.sqrt(p["events"] / top), 2)}
            for p in sorted(located, key=lambda p: -p["events"])]
    return render(request, "map.html", places=items, dots=dots, total=total)


@router.get("/story", response_class=HTMLResponse)
def story_page(request: Request, store: StoreDep,
               since: Annotated[str | None, Query(max_length=40)] = None,
               until: Annotated[str | None, Query(max_length=40)] = None,
               actor: Annotated[str | None, Query(max_length=200)] = None) -> HTMLResponse:
    from newsgraph.web.story import story, with_sides

    filters = {"since": since or "", "until": until or "", "actor": actor or ""}
    try:
        found = story(store, since or None, until or None, actor or None)
    except ValueError as error:  # a malformed date: say which, keep the form
        return error_page(request, 422, str(error))
    if found is None:
        return render(request, "story.html", found=None, filters=filters, contradictions=[])
    return render(request, "story.html", found=found, filters=filters,
                  contradictions=with_sides(found))


# ------------------------------------------------------------ article events


def event_views(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """Each event with its parties' names and its attribution chain, for the sidebar."""
    actors = {a["id"]: a for a in doc["actors"]}
    places = {p["id"]: p for p in doc["places"]}
    statements = {s["id"]: s for s in doc["statements"]}
    views = []
    for e in doc["events"]:
        views.append({
            **e,
            "actor_list": [_party(actors.get(i), i) for i in e["actors"]],
            "recipient_list": [_party(actors.get(i), i) for i in e["recipients"]],
            "place": places.get(e["location"]),
            "chain": chain(doc["article"], statements.get(e["statement"]), actors),
        })
    return views


def _party(actor: dict[str, Any] | None, actor_id: str) -> dict[str, Any]:
    if actor is None:
        return {"id": None, "name": actor_id, "country": None, "sector": None}
    return {"id": data.actor_key(actor["name"], actor["country"]), "name": actor["name"],
            "country": actor["country"], "sector": actor["sector"], "kind": actor["kind"]}


def chain(article: dict[str, Any], statement: dict[str, Any] | None,
          actors: dict[str, Any]) -> list[dict[str, str]]:
    """Who says so, outermost first: the outlet, any relays, the source and its words."""
    steps = [{"role": "outlet", "text": article.get("outlet") or "unknown outlet",
              "note": article.get("published") or ""}]
    if statement is None:
        steps.append({"role": "narration", "text": "told by the article itself",
                      "note": "no attributed statement"})
        return steps
    for via in statement["via"]:
        steps.append({"role": "via", "text": (actors.get(via) or {}).get("name", via),
                      "note": "relayed"})
    source = actors.get(statement["source"]) or {}
    detail = ", ".join(x for x in (source.get("kind"), source.get("country"),
                                   source.get("sector")) if x)
    steps.append({"role": "source", "text": source.get("name", "unknown source"),
                  "note": detail})
    hedge = f"hedged: {statement['hedge'] or 'yes'}" if statement["hedged"] else ""
    steps.append({"role": "cue", "text": statement["cue"][2],
                  "note": f"{statement['kind']} speech" + (f"; {hedge}" if hedge else "")})
    steps.append({"role": "content", "text": statement["content"][2], "note": ""})
    return steps


__all__ = ["EventQuery", "error_page", "router"]
