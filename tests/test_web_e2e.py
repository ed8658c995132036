"""End-to-end: `newsgraph serve` in a subprocess, driven by headless Chromium.

Uses Debian's /usr/bin/chromium through Playwright for Python; Playwright never
downloads a browser here. The store holds the bundled examples/ (ingested with the
real pipeline) and the hostile article of test_web_api. Every page must load with no
console error (a CSP violation is one), and no payload may run. The README screenshots
in docs/screenshots/ are taken on the way.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph.store import Store

pytestmark = pytest.mark.e2e

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "docs" / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

try:
    from playwright.sync_api import Page, sync_playwright
except ImportError:  # pragma: no cover - depends on the machine
    sync_playwright = None

if sync_playwright is None or not CHROMIUM.exists():
    pytest.skip("e2e needs Debian's chromium (/usr/bin/chromium) and `pip install playwright`; "
                "`make e2e` installs both", allow_module_level=True)

from test_web_api import HOSTILE_NAME, hostile_result  # noqa: E402  (same folder)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, server: subprocess.Popen, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"server exited: {server.stderr.read()}")
        try:
            with urllib.request.urlopen(url + "/api/stats", timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("server did not start in time")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("e2e") / "e2e.duckdb"
    subprocess.run([sys.executable, "-m", "newsgraph.cli", "ingest", str(ROOT / "examples"),
                    "--db", str(path)], check=True, capture_output=True, timeout=600)
    Store(path).add(hostile_result())
    return path


@pytest.fixture(scope="module")
def base_url(db: Path) -> Iterator[str]:
    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "newsgraph.cli", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url, server)
        yield url
    finally:
        server.terminate()
        server.wait(10)


@pytest.fixture(scope="module")
def browser() -> Iterator:
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser) -> Iterator[Page]:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1366, "height": 860})
    tab = context.new_page()
    tab.errors = []  # console errors and uncaught exceptions, CSP violations included
    tab.on("console", lambda m: tab.errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: tab.errors.append(str(e)))
    yield tab
    context.close()


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def test_dashboard_shows_timeline_events_and_actors(page: Page, base_url: str) -> None:
    page.goto(base_url + "/")
    assert page.locator("svg.chart rect").count() > 5
    assert page.locator("#latest-h + table tbody tr").count() > 5
    assert page.locator("ol.ranked li a").count() > 5
    shot(page, "dashboard")
    assert page.errors == []


def test_first_tab_reaches_the_skip_link(page: Page, base_url: str) -> None:
    page.goto(base_url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_click_from_an_event_to_its_evidence(page: Page, base_url: str) -> None:
    page.goto(base_url + "/events?type=CONSULT")
    assert "type=CONSULT" in page.url
    assert page.locator("select[name=type]").input_value() == "CONSULT"
    shot(page, "events")
    link = page.locator("a.evidence-link").first
    href = link.get_attribute("href")
    event_id = href.split("#event-")[1]
    link.click()
    page.wait_for_url("**/articles/**")
    details = page.locator(f"details#event-{event_id}")
    assert details.get_attribute("open") is not None  # opened from the URL's fragment
    assert details.locator("summary").inner_text().startswith("CONSULT")
    assert details.locator("ol.chain li").first.inner_text().startswith("outlet")
    assert page.locator(f'a.hl-trigger.active[data-event="{event_id}"]').count() >= 1
    assert page.errors == []


def test_clicking_a_trigger_in_the_text_shows_that_event(page: Page, base_url: str) -> None:
    page.goto(base_url + "/articles")
    page.locator("table.data a", has_text="border talks").first.click()
    page.wait_for_url("**/articles/**")
    triggers = page.locator("#article-text a.hl-trigger")
    assert triggers.count() >= 3
    last = triggers.nth(triggers.count() - 1)
    event_id = last.get_attribute("data-event")
    last.click()
    details = page.locator(f"details#event-{event_id}")
    assert details.get_attribute("open") is not None
    assert page.url.endswith(f"#event-{event_id}")
    assert details.locator("dl").is_visible()
    assert page.locator("#article-text .hl-actor").count() > 3
    assert page.locator("#article-text .hl-content").count() > 1
    details.scroll_into_view_if_needed()
    shot(page, "article")
    page.locator("#layers input[value=content]").uncheck()
    assert "off-content" in page.locator("#article-text").get_attribute("class")
    assert page.errors == []


def test_hostile_article_executes_nothing_and_reads_literally(page: Page, base_url: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    article_id = hostile_result().article.id
    for url in (f"/articles/{article_id}", "/", "/events", "/actors", "/network", "/map",
                "/articles"):
        page.goto(base_url + url)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__pwned === undefined"), url
        assert page.title() != "pwned" and page.title().endswith("· newsgraph"), url
        assert page.locator("svg[onload], img[onerror]").count() == 0, url
    page.goto(base_url + f"/articles/{article_id}")
    text = page.locator("#article-text").inner_text()
    assert '<script>window.__pwned=1;document.title="pwned"</script>' in text
    assert '<img src=x onerror="window.__pwned=2">' in text
    assert page.locator("h1").inner_text() == 'Banners <script>document.title="pwned"</script>'
    assert page.locator("a[href^='javascript:']").count() == 0
    page.goto(base_url + "/network?actor=ecuador")
    page.wait_for_selector("svg#network[data-ready]")
    labels = page.locator("svg#network text").evaluate_all("ts => ts.map(t => t.textContent)")
    assert HOSTILE_NAME in labels
    assert page.evaluate("window.__pwned === undefined")
    assert dialogs == [] and page.errors == []


def test_actor_page_shows_events_statements_and_neighbours(page: Page, base_url: str) -> None:
    page.goto(base_url + "/actors")
    page.locator("table.data tbody tr a").first.click()
    page.wait_for_url("**/actors/**")
    assert page.locator("#ev-h").is_visible()
    assert page.locator("ul.neighbours li").count() >= 1
    shot(page, "actor")
    assert page.errors == []


def test_network_draws_actors_and_typed_edges(page: Page, base_url: str) -> None:
    page.goto(base_url + "/network")
    page.wait_for_selector("svg#network[data-ready]")
    assert page.locator("svg#network circle").count() >= 5
    assert page.locator("svg#network line[class^='t-']").count() >= 3
    page.wait_for_timeout(200)
    shot(page, "network")
    assert page.errors == []


def test_map_draws_local_outlines_and_sized_places(page: Page, base_url: str) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(base_url + "/map")
    page.wait_for_selector("svg#map[data-ready]")
    assert page.locator("#outlines path").count() > 150
    radii = {float(r) for r in page.locator("svg#map circle").evaluate_all(
        "cs => cs.map(c => c.getAttribute('r'))")}
    assert len(radii) >= 2  # sized by event count
    shot(page, "map")
    assert all(u.startswith(base_url) for u in requests)  # nothing from another origin
    assert page.errors == []
