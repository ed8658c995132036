"""The Story page of `newsgraph serve`: clusters, corroboration, contradictions, numbers.

The store holds the story fixtures (five outlets telling one invented story: Norway asks
Russia to free detained fishermen; see tests/fixtures/story/README.md), clustered with
`story_db.sync` as `newsgraph story` would.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape
from test_story import NAMES, load

from newsgraph.model import Actor, Article, ArticleResult, DateValue, Event, Statement
from newsgraph.store import Store
from newsgraph.story_db import sync
from newsgraph.web.app import create_app

HOSTILE_NAME = '<img src=x onerror="window.__pwned=1">'
HOSTILE_QUOTE = "<script>window.__pwned=2</script> demanded an apology"


def hostile_result() -> ArticleResult:
    text = f"{HOSTILE_QUOTE}, Chile said of {HOSTILE_NAME} on Friday."
    quote = text.index(HOSTILE_QUOTE)
    said = text.index("said")
    demanded = text.index("demanded")
    return ArticleResult(
        article=Article(text=text, title="A hostile one", outlet="Example Wire",
                        published="2026-05-08"),
        actors=[Actor("a1", "Chile", "country", "CHL", "GOV"),
                Actor("a2", HOSTILE_NAME, "group", "CHL", None)],
        statements=[Statement("s1", "a1", (said, said + 4, "said"),
                              (quote, quote + len(HOSTILE_QUOTE), HOSTILE_QUOTE), "direct")],
        events=[Event("e1", "REQUEST", (demanded, demanded + 8, "demanded"), actors=["a1"],
                      recipients=["a2"], statement="s1",
                      date=DateValue("2026-05-08", "Friday", "day"))],
    )


def client_for(path: Path) -> TestClient:
    return TestClient(create_app(path))


@pytest.fixture(scope="module")
def story_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("story") / "story.duckdb"
    Store(path).add_many([load(name) for name in NAMES] + [hostile_result()])
    sync(path)
    return path


@pytest.fixture(scope="module")
def page(story_db: Path) -> str:
    response = client_for(story_db).get("/story")
    assert response.status_code == 200
    return response.text


def section(page: str, heading_id: str) -> str:
    """The HTML from one section heading (found by its id) to the next, or to the end."""
    start = page.index(f'<h2 id="{heading_id}"')
    ends = [i for i in (page.find("<h2 ", start + 1), page.find("</main>", start)) if i > 0]
    return page[start:min(ends)]


def visible(fragment: str) -> str:
    """Roughly what a reader sees: tags dropped, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def test_the_meeting_cluster_shows_its_corroboration_and_evidence(page: str) -> None:
    clusters = section(page, "clusters-h")
    meeting = clusters[clusters.index("Norwegian diplomats"):]
    meeting = meeting[:meeting.index("</article>")]
    # NRK and Aftenposten (which cites NRK) are one origin; Barents Observer is another.
    assert "2 independent sources" in meeting
    assert 'class="corroboration corr-some"' in meeting
    assert "Aftenposten, NRK, The Barents Observer" in visible(meeting)
    assert "3 articles" in visible(meeting)
    assert re.search(r'href="/articles/[0-9a-f]+#event-e\d+"', meeting)


def test_a_single_source_cluster_says_so(page: str) -> None:
    assert "1 independent source<" in page
    assert "corr-single" in page


def test_contradictions_show_both_sides_with_evidence_and_reason(page: str) -> None:
    part = visible(section(page, "contradictions-h"))
    assert "Why flagged: Russia (Norway): agreed on 2026-03-10 per Aftenposten, " \
           "but rejected on 2026-03-10 per The Barents Observer" in part
    # Each side: its source, outlet and quoted words.
    assert "a Kremlin spokesman in Aftenposten Russia agreed to release the fishermen" in part
    assert "TASS in The Barents Observer Russia rejected the request on Tuesday" in part
    assert "Russian embassy in Dagbladet Russian diplomats did not meet" in part
    raw = section(page, "contradictions-h")
    assert raw.count('class="side"') == 4  # two flagged pairs, two columns each


def test_quantity_conflicts_list_each_value_with_its_article(page: str) -> None:
    part = section(page, "quantities-h")
    rows = visible(part)
    assert "fisherman 150 NRK 200 The Barents Observer" in rows
    assert part.count('href="/articles/') == 2


def test_filters_narrow_the_clusters(story_db: Path) -> None:
    client = client_for(story_db)
    brazil = visible(client.get("/story", params={"actor": "Brazil"}).text)
    assert "Brazil" in brazil and "Norwegian diplomats" not in brazil
    assert "No contradictions found among the matching clusters" in brazil
    late = visible(client.get("/story", params={"since": "2026-03-11"}).text)
    assert "Russian diplomats" in late and "Kremlin" not in late


def test_a_malformed_date_is_a_clear_error(story_db: Path) -> None:
    response = client_for(story_db).get("/story", params={"since": "last week"})
    assert response.status_code == 422
    assert "YYYY-MM-DD" in response.text


def test_a_store_without_story_data_says_how_to_build_it(tmp_path: Path) -> None:
    path = tmp_path / "plain.duckdb"
    Store(path).add_many([load("reuters")])
    response = client_for(path).get("/story")
    assert response.status_code == 200
    assert "No story data yet" in response.text
    assert "<code>newsgraph story --db FILE</code>" in response.text


def test_hostile_names_and_quotes_are_escaped(page: str) -> None:
    assert HOSTILE_NAME not in page and "<script>window" not in page
    assert str(escape(HOSTILE_NAME)) in page
    assert "&lt;script&gt;window.__pwned=2&lt;/script&gt;" in page


def test_the_page_is_in_the_nav_and_has_no_inline_script(page: str) -> None:
    assert '<a href="/story" aria-current="page">Story</a>' in page
    assert re.findall(r"<script[^>]*>", page) == ['<script src="/static/app.js" defer>']
