"""The DuckDB store: idempotent, replaces changed articles, versioned, shareable."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from newsgraph import store as store_module
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
from newsgraph.store import QueryError, Store, StoreError, sentence_around

TEXT = (
    "French foreign minister Claire Dubois said on Monday that France would send aid to Mali. "
    "Officials said soldiers attacked the town of Gao, killing 12 people."
)


def span(text: str, part: str) -> tuple[int, int, str]:
    start = text.index(part)
    return (start, start + len(part), part)


def sample_result(text: str = TEXT, url: str | None = "https://news.example/aid",
                  published: str = "2024-05-06") -> ArticleResult:
    """One hand-built result: a named statement with an AID event, an unnamed ASSAULT."""
    article = Article(text=text, title="Aid for Mali", outlet="Example News", url=url,
                      published=published)
    dubois = Actor("a1", "Claire Dubois", "person", "FRA", "GOV", "foreign minister",
                   [span(text, "Claire Dubois")[:2]])
    actors = [
        dubois,
        Actor("a2", "France", "country", "FRA", None, None, [span(text, "France")[:2]]),
        Actor("a3", "Mali", "country", "MLI", None, None, [span(text, "Mali")[:2]]),
        Actor("a4", "officials", "unnamed", None, "GOV", None, [span(text, "Officials")[:2]]),
        Actor("a5", "soldiers", "group", None, "MIL", None, [span(text, "soldiers")[:2]]),
    ]
    statements = [
        Statement("s1", "a1", span(text, "said"), span(text, "France would send aid to Mali"),
                  "indirect"),
        Statement("s2", "a4", span(text, "said soldiers")[:2] + ("said",),
                  span(text, "soldiers attacked the town of Gao, killing 12 people"), "indirect"),
    ]
    gao = Place("p1", "Gao", 2457163, "MLI", 16.27, -0.04, [span(text, "Gao")[:2]])
    events = [
        Event("e1", "AID", span(text, "send aid"), mode="humanitarian", cameo="073",
              actors=["a2"], recipients=["a3"], modality="future",
              date=DateValue("2024-05-06", "Monday", "day"), statement="s1", confidence=0.8),
        Event("e2", "ASSAULT", span(text, "attacked"), mode="firearms", cameo="190",
              actors=["a5"], recipients=[], location="p1",
              quantities=[EventQuantity(12, 12, "killed")], statement="s2", confidence=0.7),
    ]
    quantities = [Quantity(12, 12, "people", span(text, "12 people"))]
    return ArticleResult(article, actors, statements, events, [gao], quantities)


@pytest.fixture
def db(tmp_path: Path) -> Store:
    return Store(tmp_path / "test.duckdb")


def test_adding_twice_is_unchanged_and_adds_no_rows(db: Store) -> None:
    assert db.add(sample_result()) == "ingested"
    before = db.stats()
    assert db.add(sample_result()) == "unchanged"
    assert Store(db.path).add(sample_result()) == "unchanged"
    assert db.stats() == before
    assert before == {"articles": 1, "events": 2, "statements": 2, "actors": 5, "places": 1,
                      "quantities": 1}


def test_article_round_trips_as_the_schema_dict(db: Store) -> None:
    result = sample_result()
    db.add(result)
    assert db.article(result.article.id) == result.to_dict()
    with pytest.raises(KeyError):
        db.article("0" * 16)


def test_changed_article_with_same_url_replaces_all_its_rows(db: Store) -> None:
    old = sample_result()
    db.add(old)
    new_text = TEXT.replace("on Monday", "late on Monday")
    new = sample_result(new_text)
    assert Store(db.path).add(new) == "replaced"
    assert list(db.articles()["article_id"]) == [new.article.id]
    for table in store_module.TABLES:
        ids = set(db.table(table)["article_id"])
        assert ids == {new.article.id}, table
    assert db.stats()["events"] == 2


def test_changed_local_file_replaces_by_source_when_there_is_no_url(db: Store) -> None:
    db.add(sample_result(url=None), source="notes/aid.txt")
    edited = sample_result(TEXT + " Talks continue.", url=None)
    assert Store(db.path).add(edited, source="notes/aid.txt") == "replaced"
    assert db.stats()["articles"] == 1


def test_one_writer_never_replaces_what_it_just_wrote(db: Store) -> None:
    # Feed entries often share one link; each entry is its own article.
    first = sample_result(url="https://news.example/")
    second = sample_result(TEXT + " More to come.", url="https://news.example/")
    assert db.add_many([first, second, first]) == ["ingested", "ingested", "unchanged"]
    assert db.stats()["articles"] == 2


def test_event_filters(db: Store) -> None:
    db.add(sample_result())
    assert list(db.events(actor="fra")["type"]) == ["AID"]
    assert list(db.events(actor="france")["type"]) == ["AID"]
    assert list(db.events(recipient="MLI")["type"]) == ["AID"]
    assert list(db.events(type="assault")["place_name"]) == ["Gao"]
    assert list(db.events(place="gao")["event_id"]) == ["e2"]
    assert list(db.events(source_kind="unnamed")["source_name"]) == ["officials"]
    assert list(db.events(source_kind="named")["source_name"]) == ["Claire Dubois"]
    assert len(db.events(since="2024-05-07")) == 0
    assert len(db.events(until="2024-05-06")) == 2
    assert len(db.events(limit=1)) == 1


def test_event_rows_carry_names_and_evidence(db: Store) -> None:
    db.add(sample_result())
    aid = db.events(type="AID").iloc[0]
    assert list(aid["actor_names"]) == ["France"]
    assert list(aid["recipient_countries"]) == ["MLI"]
    assert aid["evidence"].startswith("French foreign minister") and aid["evidence"].endswith(
        "Mali.")
    assert str(aid["event_date"])[:10] == "2024-05-06"


def test_statements_actors_and_places(db: Store) -> None:
    db.add(sample_result())
    assert list(db.statements(actor="dubois")["content_text"]) == [
        "France would send aid to Mali"]
    assert list(db.statements(source_kind="unnamed")["source_name"]) == ["officials"]
    actors = db.actors(actor="FRA")
    assert set(actors["name"]) == {"Claire Dubois", "France"}
    assert db.places().iloc[0][["name", "geonameid"]].tolist() == ["Gao", 2457163]


def test_bad_filters_say_what_is_wrong(db: Store) -> None:
    with pytest.raises(QueryError, match="unknown PLOVER type 'BOMB'"):
        db.events(type="BOMB")
    with pytest.raises(QueryError, match="bad --since date"):
        db.events(since="last week")
    with pytest.raises(QueryError, match="named or unnamed"):
        db.events(source_kind="anonymous")


def test_read_only_store_must_exist(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such store.*newsgraph ingest"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_newer_schema_is_refused_with_upgrade_advice(db: Store) -> None:
    con = duckdb.connect(db.path)
    con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(StoreError, match="newer newsgraph.*upgrade newsgraph"):
        Store(db.path)


def test_older_schema_is_migrated_when_opened_for_writing(
        db: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    db.add(sample_result())

    def add_column(con: duckdb.DuckDBPyConnection) -> None:
        con.execute("ALTER TABLE articles ADD COLUMN reviewed BOOLEAN DEFAULT false")

    monkeypatch.setattr(store_module, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(store_module, "MIGRATIONS", {1: add_column})
    with pytest.raises(StoreError, match="needs migrating.*open it once for writing"):
        Store(db.path, read_only=True)
    migrated = Store(db.path)
    assert migrated.schema_version() == 2
    assert migrated.query("SELECT reviewed FROM articles")["reviewed"].tolist() == [False]


def test_too_old_schema_without_migration_says_what_to_do(
        db: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", 2)
    with pytest.raises(StoreError, match="too old to migrate; re-ingest"):
        Store(db.path)


def test_a_reader_and_a_writer_in_two_processes_take_turns(db: Store) -> None:
    # A second process holds the file (as a long query would) while we write and read.
    holder = subprocess.Popen(
        [sys.executable, "-c",
         f"import duckdb, time; c = duckdb.connect({db.path!r}, read_only=True); "
         "print('held', flush=True); time.sleep(1.5); c.close()"],
        stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    started = time.monotonic()
    assert db.add(sample_result()) == "ingested"  # waits for the reader, then writes
    assert time.monotonic() - started > 0.5
    holder.wait(timeout=10)
    assert Store(db.path, read_only=True).stats()["articles"] == 1


def test_a_busy_store_times_out_with_a_clear_error(db: Store) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c",
         f"import duckdb, time; c = duckdb.connect({db.path!r}); "
         "print('held', flush=True); time.sleep(3)"],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(store_module.StoreBusy, match="still locked"):
            Store(db.path, read_only=True, lock_timeout=0.3)
    finally:
        holder.kill()
        holder.wait()


def test_sentence_around_finds_the_sentence_of_a_span() -> None:
    text = "First one. The army attacked the town. Last one."
    start = text.index("attacked")
    assert sentence_around(text, start, start + 8) == "The army attacked the town."
