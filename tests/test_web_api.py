"""The HTTP API and pages of `newsgraph serve`, through FastAPI's TestClient.

The store is built from two articles we wrote and annotated by hand, so every count
below is known: a Chile-Peru article with two events and an attributed statement, and
a hostile one whose text, title, outlet, url and an actor's name carry script payloads.
"""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph.model import (
    Actor,
    Article,
    ArticleResult,
    DateValue,
    Event,
    Place,
    Quantity,
    Statement,
)
from newsgraph.store import Store
from newsgraph.web.app import create_app
from newsgraph.web.data import actor_key

TALKS = (
    "Chile and Peru held talks in Lima on Monday. Chile accused Peru of detaining 12 "
    "fishermen, the foreign ministry reportedly said, according to Reuters."
)
HOSTILE = (
    'Protesters in Quito painted <script>window.__pwned=1;document.title="pwned"</script> '
    'and <img src=x onerror="window.__pwned=2"> on banners.\n\n'
    "Ecuador condemned the vandals on Tuesday, an official said."
)
HOSTILE_NAME = '<img src=x onerror="window.__pwned=3">'


def at(text: str, part: str) -> tuple[int, int, str]:
    start = text.index(part)
    return start, start + len(part), part


def mentions(text: str, part: str) -> list[tuple[int, int]]:
    out, start = [], text.find(part)
    while start >= 0:
        out.append((start, start + len(part)))
        start = text.find(part, start + 1)
    return out


def talks_result() -> ArticleResult:
    text = TALKS
    ministry = at(text, "the foreign ministry")
    return ArticleResult(
        article=Article(text=text, title="Chile and Peru talk in Lima", outlet="Example Wire",
                        url="https://news.example/talks", published="2026-03-10"),
        actors=[
            Actor("a1", "Chile", "country", "CHL", "GOV", mentions=mentions(text, "Chile")),
            Actor("a2", "Peru", "country", "PER", "GOV", mentions=mentions(text, "Peru")),
            Actor("a3", "foreign ministry", "organization", "CHL", "GOV",
                  mentions=[ministry[:2]]),
            Actor("a4", "Reuters", "organization", None, "MED",
                  mentions=mentions(text, "Reuters")),
        ],
        statements=[Statement("s1", "a3", at(text, "said"),
                              at(text, "Chile accused Peru of detaining 12 fishermen"),
                              "indirect", via=["a4"], hedged=True, hedge="reportedly")],
        events=[
            Event("e1", "CONSULT", at(text, "talks"), cameo="040", actors=["a1"],
                  recipients=["a2"], date=DateValue("2026-03-09", "Monday", "day"),
                  location="p1", confidence=0.75),
            Event("e2", "ACCUSE", at(text, "accused"), cameo="112", actors=["a1"],
                  recipients=["a2"], statement="s1"),
        ],
        places=[Place("p1", "Lima", 3936456, "PER", -12.04, -77.03,
                      mentions=mentions(text, "Lima"))],
        quantities=[Quantity(12, 12, "fishermen", at(text, "12"))],
    )


def hostile_result() -> ArticleResult:
    text = HOSTILE
    return ArticleResult(
        article=Article(text=text, title='Banners <script>document.title="pwned"</script>',
                        outlet='"><svg onload="window.__pwned=4">',
                        url="javascript:window.__pwned=5", published="2026-04-02"),
        actors=[
            Actor("a1", "Ecuador", "country", "ECU", "GOV", mentions=mentions(text, "Ecuador")),
            Actor("a2", HOSTILE_NAME, "group", None, None, mentions=mentions(text, "the vandals")),
            Actor("a3", "an official", "unnamed", "ECU", "GOV",
                  mentions=mentions(text, "an official")),
        ],
        statements=[Statement("s1", "a3", at(text, "said"),
                              at(text, "Ecuador condemned the vandals on Tuesday"), "indirect")],
        events=[
            Event("e1", "PROTEST", at(text, "painted"), cameo="140", location="p1"),
            Event("e2", "ACCUSE", at(text, "condemned"), cameo="111", actors=["a1"],
                  recipients=["a2"], statement="s1",
                  date=DateValue("2026-03-31", "Tuesday", "day")),
        ],
        places=[Place("p1", "Quito", 3652462, "ECU", -0.23, -78.52,
                      mentions=mentions(text, "Quito"))],
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "web.duckdb"
    Store(path).add_many([talks_result(), hostile_result()])
    return path


@pytest.fixture
def client(db: Path) -> TestClient:
    return TestClient(create_app(db))


def test_every_list_answers_items_and_total(client: TestClient) -> None:
    for url in ("/api/articles", "/api/events", "/api/statements", "/api/actors",
                "/api/places"):
        body = client.get(url).json()
        assert set(body) == {"items", "total"}, url
        assert body["total"] == len(body["items"]) > 0, url


def test_limit_and_offset_page_through_events(client: TestClient) -> None:
    first = client.get("/api/events?limit=3").json()
    rest = client.get("/api/events?limit=3&offset=3").json()
    assert first["total"] == rest["total"] == 4
    assert len(first["items"]) == 3 and len(rest["items"]) == 1
    ids = {(e["article_id"], e["event_id"]) for e in first["items"] + rest["items"]}
    assert len(ids) == 4


@pytest.mark.parametrize(("query", "expected"), [
    ("type=ACCUSE", 2),
    ("type=consult,protest", 2),
    ("actor=CHL", 2),
    ("actor=ecuador", 1),
    ("recipient=peru", 2),
    ("place=lim", 1),
    ("q=fishermen", 1),
    ("since=2026-03-30", 2),
    ("until=2026-03-09", 1),
    ("source_kind=unnamed", 1),
])
def test_event_filters(client: TestClient, query: str, expected: int) -> None:
    assert client.get(f"/api/events?{query}").json()["total"] == expected


def test_an_event_carries_its_parties_place_and_evidence(client: TestClient) -> None:
    [talks] = client.get("/api/events?type=CONSULT").json()["items"]
    assert talks["actors"][0] == {"id": actor_key("Chile", "CHL"), "name": "Chile",
                                  "country": "CHL", "sector": "GOV"}
    assert talks["place"]["name"] == "Lima"
    assert talks["date"] == "2026-03-09"
    assert talks["evidence"] == "Chile and Peru held talks in Lima on Monday."


@pytest.mark.parametrize(("query", "message"), [
    ("type=PARTY", "unknown PLOVER type"),
    ("since=last+week", "YYYY-MM-DD"),
    ("source_kind=anonymous", "named or unnamed"),
    ("limit=0", "limit"),
    ("offset=-1", "offset"),
])
def test_bad_parameters_are_422_with_a_message(client: TestClient, query: str,
                                               message: str) -> None:
    response = client.get(f"/api/events?{query}")
    assert response.status_code == 422
    assert message in response.json()["detail"]


def test_article_has_its_text_and_every_annotation(client: TestClient) -> None:
    article_id = talks_result().article.id
    doc = client.get(f"/api/articles/{article_id}").json()
    assert doc["schema"] == "newsgraph/article/1"
    assert doc["article"]["text"] == TALKS
    assert [e["trigger"] for e in doc["events"]] == [list(at(TALKS, "talks")),
                                                     list(at(TALKS, "accused"))]
    assert doc["statements"][0]["via"] == ["a4"]
    assert doc["quantities"][0]["span"] == list(at(TALKS, "12"))
    assert len(doc["actors"][0]["mentions"]) == 2  # Chile, twice


def test_unknown_ids_are_404_with_a_message(client: TestClient) -> None:
    for url in ("/api/articles/0000", "/api/actors/0000"):
        response = client.get(url)
        assert response.status_code == 404
        assert "0000" in response.json()["detail"]


def test_actor_detail_has_counts_and_neighbours(client: TestClient) -> None:
    actors = client.get("/api/actors").json()["items"]
    assert actors[0]["name"] in ("Chile", "Peru")  # two events each: the most active
    chile = client.get(f"/api/actors/{actor_key('Chile', 'CHL')}").json()
    assert (chile["events"], chile["articles"]) == (2, 1)
    [peru] = chile["neighbours"]
    assert peru["name"] == "Peru" and peru["events"] == 2
    assert set(peru["types"]) == {"CONSULT", "ACCUSE"}
    ministry = client.get(f"/api/actors/{actor_key('foreign ministry', 'CHL')}").json()
    assert ministry["statements"] == 1


def test_statement_filters(client: TestClient) -> None:
    hedged = client.get("/api/statements?hedged=true").json()
    assert [s["hedge"] for s in hedged["items"]] == ["reportedly"]
    assert hedged["items"][0]["via_names"] == ["Reuters"]
    assert client.get("/api/statements?source_kind=unnamed").json()["total"] == 1
    assert client.get("/api/statements?source=ministry").json()["total"] == 1
    assert client.get("/api/statements?hedged=maybe").status_code == 422


def test_places_count_their_events(client: TestClient) -> None:
    places = {p["name"]: p for p in client.get("/api/places").json()["items"]}
    assert places["Lima"]["events"] == 1 and places["Quito"]["events"] == 1
    assert places["Lima"]["lat"] == pytest.approx(-12.04)


def test_network_links_actors_to_recipients_by_type(client: TestClient) -> None:
    graph = client.get("/api/network").json()
    names = {n["id"]: n["name"] for n in graph["nodes"]}
    edges = {(names[e["source"]], names[e["target"]], e["type"]) for e in graph["edges"]}
    assert edges == {("Chile", "Peru", "CONSULT"), ("Chile", "Peru", "ACCUSE"),
                     ("Ecuador", HOSTILE_NAME, "ACCUSE")}


def test_story_is_404_until_story_data_exists(client: TestClient, db: Path) -> None:
    response = client.get("/api/story")
    assert response.status_code == 404
    assert "newsgraph story" in response.json()["detail"]
    from newsgraph.story_db import sync

    sync(db)
    body = client.get("/api/story").json()
    assert body["total"] == len(body["items"]) >= 1
    assert {"contradictions", "quantity_conflicts", "stances"} <= set(body)


def test_new_articles_show_without_a_restart(client: TestClient, db: Path) -> None:
    assert client.get("/api/articles").json()["total"] == 2
    text = "Peru thanked Chile for the talks."
    Store(db).add(ArticleResult(Article(text=text, published="2026-03-11")))
    assert client.get("/api/articles").json()["total"] == 3


def test_a_request_waits_for_a_writer_in_another_process(client: TestClient, db: Path) -> None:
    holder = subprocess.Popen([sys.executable, "-c", (
        "import duckdb, sys, time; con = duckdb.connect(sys.argv[1]); "
        "print('locked', flush=True); time.sleep(1.0); con.close()"), str(db)],
        stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    response = client.get("/api/events")  # retries until the writer lets go
    holder.wait(10)
    assert response.status_code == 200 and response.json()["total"] == 4


# ------------------------------------------------------------------ security


def test_every_response_has_strict_security_headers(client: TestClient) -> None:
    for url in ("/", "/api/events", "/static/app.js", "/api/articles/missing"):
        headers = client.get(url).headers
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp
        assert headers["x-content-type-options"] == "nosniff"


def test_hostile_article_is_shown_as_text_never_as_markup(client: TestClient) -> None:
    page = client.get(f"/articles/{hostile_result().article.id}").text
    assert "<script>window" not in page and "<img src=x" not in page
    assert "<svg onload" not in page and 'document.title="pwned"' not in page
    assert "&lt;script&gt;window.__pwned=1" in page
    assert 'href="javascript:' not in page  # a non-http url is never a link
    assert "<script" not in page.replace('<script src="/static/', "")


def test_hostile_actor_name_is_escaped_on_every_page(client: TestClient) -> None:
    for url in ("/", "/events", "/actors", "/network", f"/actors/{actor_key('Ecuador', 'ECU')}"):
        page = client.get(url).text
        assert HOSTILE_NAME not in page, url
        assert "&lt;img src=x onerror=" in page, url


def test_pages_render_and_filtered_views_keep_their_query(client: TestClient) -> None:
    for url in ("/", "/events", "/actors", "/articles", "/network", "/map",
                f"/articles/{talks_result().article.id}", f"/actors/{actor_key('Peru', 'PER')}"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers["content-type"].startswith("text/html")
    page = client.get("/events?type=ACCUSE&actor=chile").text
    assert '<option value="ACCUSE" selected>' in page
    assert 'name="actor" value="chile"' in page
    assert page.count('class="evidence-link"') == 1


def test_evidence_links_point_at_the_event_in_its_article(client: TestClient) -> None:
    page = client.get("/events?type=CONSULT").text
    article_id = talks_result().article.id
    assert f'href="/articles/{article_id}#event-e1"' in page
    article = client.get(f"/articles/{article_id}").text
    assert '<details id="event-e1"' in article
    assert 'href="#event-e1" data-event="e1"' in article  # the trigger in the text


def test_page_errors_are_html_with_the_status(client: TestClient) -> None:
    response = client.get("/actors/nobody", headers={"accept": "text/html"})
    assert response.status_code == 404
    assert "no actor with id" in response.text and "<h1>404</h1>" in response.text
    response = client.get("/events?since=soon", headers={"accept": "text/html"})
    assert response.status_code == 422 and "YYYY-MM-DD" in response.text


def test_no_page_loads_anything_from_another_origin(client: TestClient) -> None:
    for url in ("/", "/events", "/network", "/map", f"/articles/{talks_result().article.id}"):
        page = client.get(url).text
        assert "http://" not in page.replace("https://news.example/talks", "")
        assert "https://" not in page.replace("https://news.example/talks", "")
    assert client.get("/docs").status_code == 404  # Swagger UI would load from a CDN
    assert client.get("/openapi.json").json()["paths"]["/api/events"]["get"]


def test_world_outlines_are_served_locally(client: TestClient) -> None:
    world = client.get("/static/world.json").json()
    assert len(world["features"]) > 150
    names = {f["properties"]["name"] for f in world["features"]}
    assert {"Chile", "Peru", "Ecuador"} <= names


# -------------------------------------------------------------------- ingest


def fake_extract(article: Article) -> ArticleResult:
    return ArticleResult(article=article)


def test_posting_an_article_is_off_by_default(client: TestClient) -> None:
    response = client.post("/api/articles", json={"text": "Peru thanked Chile."})
    assert response.status_code == 403
    assert "--allow-ingest" in response.json()["detail"]


def test_posting_needs_the_token(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("newsgraph.api.extract", fake_extract)
    client = TestClient(create_app(db, allow_ingest=True, token="s3cret"))
    body = {"text": "Peru thanked Chile.", "title": "Thanks", "published": "2026-03-12"}
    assert client.post("/api/articles", json=body).status_code == 401
    wrong = {"Authorization": "Bearer nope"}
    assert client.post("/api/articles", json=body, headers=wrong).status_code == 401
    good = {"Authorization": "Bearer s3cret"}
    response = client.post("/api/articles", json=body, headers=good)
    assert response.status_code == 201 and response.json()["status"] == "ingested"
    assert client.get(f"/api/articles/{response.json()['id']}").json()["article"]["title"] \
        == "Thanks"
    assert client.post("/api/articles", json={"text": ""}, headers=good).status_code == 422


def test_ingest_without_a_token_is_refused() -> None:
    with pytest.raises(ValueError, match="token"):
        create_app("unused.duckdb", allow_ingest=True)


# ----------------------------------------------------------------------- CLI


def serve(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsgraph.cli", "serve", *args],
                          capture_output=True, text=True, timeout=60)


def test_a_busy_port_is_one_clear_error(db: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = serve("--db", str(db), "--port", str(port))
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and f"127.0.0.1:{port}" in lines[0] and "in use" in lines[0]


def test_serve_refuses_ingest_without_a_token(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSGRAPH_TOKEN", raising=False)
    done = serve("--db", str(db), "--allow-ingest")
    assert done.returncode != 0 and "token" in done.stderr


def test_serve_refuses_a_missing_store(tmp_path: Path) -> None:
    done = serve("--db", str(tmp_path / "none.duckdb"))
    assert done.returncode != 0 and "newsgraph ingest" in done.stderr


def test_only_loopback_hosts_count_as_local() -> None:
    from newsgraph.cli_web import is_loopback

    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.20")
