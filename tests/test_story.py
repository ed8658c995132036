"""Story tracking: one invented story (Norway asks Russia to free fishermen) told by five outlets.

The fixtures in tests/fixtures/story are hand-annotated article/1 documents we wrote; see
their README for what each article says.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import _register_all, app
from newsgraph.model import (
    Actor,
    Article,
    ArticleResult,
    DateValue,
    Event,
    EventQuantity,
    Place,
    Quantity,
    Statement,
)
from newsgraph.story import StoryIndex, norm_name, reports_of, same_event
from newsgraph.story_analysis import referent

FIXTURES = Path(__file__).parent / "fixtures" / "story"
NAMES = ("nrk", "aftenposten", "barents", "dagbladet", "reuters")


def _span(text: str, spec: str | list) -> tuple[int, int, str]:
    """A span from the text it covers: "said" or ["said", 2] for the second "said"."""
    words, nth = (spec, 1) if isinstance(spec, str) else spec
    start = -1
    for _ in range(nth):
        start = text.index(words, start + 1)
    return start, start + len(words), words


def load(name: str) -> ArticleResult:
    raw = json.loads((FIXTURES / f"{name}.json").read_text("utf-8"))
    article = Article(**raw["article"])
    text = article.text
    actors = [Actor(mentions=[_span(text, a["name"])[:2]] if a["name"] in text else [],
                    **{k: v for k, v in a.items()}) for a in raw["actors"]]
    statements = [Statement(id=s["id"], source=s["source"], cue=_span(text, s["cue"]),
                            content=_span(text, s["content"]), kind="indirect",
                            via=s.get("via", [])) for s in raw["statements"]]
    events = [Event(**{**e, "trigger": _span(text, e["trigger"]),
                       "date": DateValue(**e["date"]) if e.get("date") else None,
                       "quantities": [EventQuantity(**q) for q in e.get("quantities", [])]})
              for e in raw["events"]]
    places = [Place(mentions=[_span(text, p["name"])[:2]], **p) for p in raw["places"]]
    quantities = [Quantity(low=q["low"], high=q["high"], what=q["what"],
                           span=_span(text, q["span"])) for q in raw["quantities"]]
    return ArticleResult(article, actors, statements, events, places, quantities)


@pytest.fixture(scope="module")
def articles() -> dict[str, ArticleResult]:
    return {name: load(name) for name in NAMES}


def story(results: list[ArticleResult]) -> dict:
    index = StoryIndex()
    for result in results:
        index.add_article(result)
    return index.to_json()


def by_type(report: dict, kind: str, negated: bool = False) -> dict:
    found = [c for c in report["clusters"] if c["type"] == kind and c["negated"] == negated]
    assert len(found) == 1, found
    return found[0]


# ----------------------------------------------------------------------------- pieces


def test_names_compare_without_case_accents_or_articles():
    assert norm_name("The Barents Observer") == norm_name("barents observer")
    assert norm_name("Zürich") == "zurich"


def test_counted_things_are_compared_as_singular_head_nouns():
    assert referent("fishermen") == referent("detained fisherman") == "fisherman"
    assert referent("armed militants") == "militant"


def test_an_event_is_matched_across_articles_not_with_another_type(articles):
    nrk_meeting, nrk_request = reports_of(articles["nrk"])
    aften_meeting, aften_agree = reports_of(articles["aftenposten"])
    assert same_event(nrk_meeting, aften_meeting)
    assert not same_event(nrk_request, aften_agree)


def test_a_meeting_outside_the_window_is_another_meeting(articles):
    early, = [r for r in reports_of(articles["nrk"]) if r.type == "CONSULT"]
    late, = [r for r in reports_of(articles["barents"]) if r.type == "CONSULT"]
    assert same_event(early, late, window=3)
    late.event = {**late.event, "date": {"value": "2026-03-20", "text": "", "granularity": "day"}}
    del late.__dict__["day"]  # the cached day follows the new date
    assert not same_event(early, late, window=3)


# ------------------------------------------------------------------------ corroboration


def test_an_outlet_citing_another_is_not_independent(articles):
    report = story([articles["nrk"], articles["aftenposten"]])
    meeting = by_type(report, "CONSULT")
    assert meeting["outlets"] == ["Aftenposten", "NRK"]
    assert meeting["corroboration"] == 1


def test_an_outlet_with_its_own_sources_corroborates(articles):
    meeting = by_type(story(list(articles.values())), "CONSULT")
    assert len(meeting["articles"]) == 3
    assert meeting["corroboration"] == 2
    assert "unnamed (The Barents Observer)" in meeting["sources"]


def test_reports_through_a_wire_agency_count_as_the_agency(articles):
    request = by_type(story(list(articles.values())), "REQUEST")
    assert request["origins"] == ["outlet:nrk", "outlet:tass"]
    assert request["first_date"] == "2026-03-09"


# ----------------------------------------------------------------------- contradictions


def test_agree_against_reject_is_a_contradiction_with_evidence(articles):
    report = story(list(articles.values()))
    agree, reject = by_type(report, "AGREE"), by_type(report, "REJECT")
    flagged = [x for x in report["contradictions"]
               if set(x["clusters"]) == {agree["id"], reject["id"]}]
    assert len(flagged) == 1
    assert "agreed" in flagged[0]["reason"] and "rejected" in flagged[0]["reason"]
    sides = {ref["outlet"]: ref for side in flagged[0]["statements"] for ref in side}
    assert sides["Aftenposten"]["statement"] == "s2"
    assert sides["The Barents Observer"]["text"] == "Russia rejected the request on Tuesday"


def test_met_against_did_not_meet_is_a_contradiction(articles):
    report = story(list(articles.values()))
    met, not_met = by_type(report, "CONSULT"), by_type(report, "CONSULT", negated=True)
    pairs = [set(x["clusters"]) for x in report["contradictions"]]
    assert {met["id"], not_met["id"]} in pairs
    assert len(pairs) == 2  # and nothing about the unrelated tariff protest


def test_conflicting_numbers_for_the_same_demand(articles):
    conflicts = story(list(articles.values()))["quantity_conflicts"]
    assert [(q["what"], q["values"]) for q in conflicts] == [
        ("fisherman", [[150.0, 150.0], [200.0, 200.0]])]
    assert len(conflicts[0]["articles"]) == 2


def test_stances_show_each_side_dated_and_sourced(articles):
    index = StoryIndex()
    index.add_many(articles.values())
    russia = [(s["position"], s["date"], s["outlets"]) for s in index.stances("RUS")]
    assert ("agrees", "2026-03-10", ["Aftenposten"]) in russia
    assert ("rejects", "2026-03-10", ["The Barents Observer"]) in russia
    assert [s["position"] for s in index.stances("Norway")] == ["requests"]


# ------------------------------------------------------------------------- determinism


def test_ingest_order_does_not_change_the_result(articles):
    expected = story([articles[n] for n in NAMES])
    for order in itertools.permutations(NAMES):
        assert story([articles[n] for n in order]) == expected


def test_adding_an_article_reports_the_clusters_it_touched(articles):
    index = StoryIndex()
    index.add_article(articles["nrk"])
    changed = index.add_article(articles["aftenposten"])
    assert len(changed) == 2  # the shared meeting and the new AGREE
    assert index.add_article(articles["aftenposten"]) == []  # already indexed


def test_filters_keep_clusters_by_actor_and_date(articles):
    index = StoryIndex()
    index.add_many(articles.values())
    assert {c["type"] for c in index.to_json(actor="BRA")["clusters"]} == {"PROTEST"}
    assert all(c["last_date"] >= "2026-03-11"
               for c in index.to_json(since="2026-03-11")["clusters"])
    with pytest.raises(ValueError):
        index.to_json(since="March")


# ---------------------------------------------------------------------- store and CLI


@pytest.fixture()
def store_file(tmp_path, articles):
    store_module = pytest.importorskip("newsgraph.store")
    path = tmp_path / "news.duckdb"
    store_module.Store(path).add_many(articles.values())
    return path


def test_the_stored_clusters_equal_the_in_memory_ones(store_file, articles):
    from newsgraph.story_db import load_clusters, sync

    sync(store_file)
    index = StoryIndex()
    index.add_many(articles.values())
    assert [c.to_dict() for c in load_clusters(store_file)] == index.to_json()["clusters"]


def test_sync_indexes_only_new_articles(tmp_path, articles):
    from newsgraph.store import Store
    from newsgraph.story_db import load_clusters, sync

    path = tmp_path / "news.duckdb"
    Store(path).add_many([articles["nrk"], articles["reuters"]])
    assert sync(path)["articles"] == 2
    Store(path).add(articles["aftenposten"])
    assert sync(path)["articles"] == 1
    meeting = [c for c in load_clusters(path) if c.type == "CONSULT"]
    assert len(meeting) == 1 and len(meeting[0].reports) == 2
    assert sync(path)["articles"] == 0


def test_cli_json_has_the_documented_shape(store_file):
    _register_all()
    result = CliRunner().invoke(app, ["story", "--db", str(store_file), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert set(report) >= {"clusters", "contradictions", "quantity_conflicts"}
    assert set(report["clusters"][0]) >= {
        "id", "type", "negated", "actors", "recipients", "actor_countries",
        "recipient_countries", "first_date", "last_date", "outlets", "articles", "events",
        "sources", "corroboration"}
    assert {"clusters", "reason"} <= set(report["contradictions"][0])
    assert {"what", "values", "articles"} <= set(report["quantity_conflicts"][0])


def test_cli_table_and_errors(store_file, tmp_path):
    _register_all()
    shown = CliRunner().invoke(app, ["story", "--db", str(store_file), "--actor", "RUS"])
    assert shown.exit_code == 0 and "contradictions" in shown.output
    missing = CliRunner().invoke(app, ["story", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code != 0
    bad = CliRunner().invoke(app, ["story", "--db", str(store_file), "--since", "soon"])
    assert bad.exit_code != 0


def test_an_article_leaving_the_store_leaves_its_clusters(store_file, articles):
    import duckdb

    from newsgraph.story_db import load_clusters, sync

    sync(store_file)
    with duckdb.connect(str(store_file)) as con:  # as a replaced article would go
        con.execute("DELETE FROM articles WHERE article_id = ?",
                    [articles["aftenposten"].article.id])
    sync(store_file)
    index = StoryIndex()
    index.add_many(a for name, a in articles.items() if name != "aftenposten")
    assert [c.to_dict() for c in load_clusters(store_file)] == index.to_json()["clusters"]
