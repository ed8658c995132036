"""Ingest: cheap re-runs, failures reported but never costing good data, crash-safe."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph import ingest as ingest_module
from newsgraph.cli import _register_all, app
from newsgraph.ingest import IngestError, ingest
from newsgraph.model import Actor, Article, ArticleResult, Event
from newsgraph.reader import Overrides
from newsgraph.store import Store

TESTS = Path(__file__).resolve().parent


def story(n: int) -> str:
    return (f"Story {n}: the mayor of the river town said on Monday that the council would "
            f"meet the farmers' union to discuss the new water rules, and that talks would go on.")


class FakeEngine:
    """Stands in for spaCy: one actor and one CONSULT event per article, optionally slow."""

    def __init__(self, workers: int | None = None, model: str | None = None,
                 delay: float = 0.0, explode_on: str | None = None) -> None:
        self.delay, self.explode_on, self.seen = delay, explode_on, []

    def run(self, articles: list[Article]) -> Iterator[ArticleResult]:
        for article in articles:
            yield self.run_one(article)

    def run_one(self, article: Article) -> ArticleResult:
        self.seen.append(article.id)
        time.sleep(self.delay)
        if self.explode_on and self.explode_on in article.text:
            raise RuntimeError("component bug")
        start = article.text.index("mayor")
        mayor = Actor("a1", "the mayor", "person", None, "GOV", None, [(start, start + 5)])
        meet = article.text.index("meet")
        event = Event("e1", "CONSULT", (meet, meet + 4, "meet"), actors=["a1"])
        return ArticleResult(article, actors=[mayor], events=[event])


def corpus(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"story-{i:03d}.txt").write_text(story(i), encoding="utf-8")
    return folder


def test_reingesting_adds_nothing_and_skips_extraction(tmp_path: Path) -> None:
    folder, db = corpus(tmp_path / "in", 5), tmp_path / "s.duckdb"
    first = ingest([str(folder)], db, engine=FakeEngine(), progress=False)
    engine = FakeEngine()
    again = ingest([str(folder)], db, engine=engine, progress=False)
    assert (first.ingested, again.ingested, again.unchanged) == (5, 0, 5)
    assert engine.seen == []  # known articles never reach the engine
    assert Store(db).stats()["articles"] == 5


def test_edited_file_replaces_its_article(tmp_path: Path) -> None:
    folder, db = corpus(tmp_path / "in", 2), tmp_path / "s.duckdb"
    ingest([str(folder)], db, engine=FakeEngine(), progress=False)
    (folder / "story-001.txt").write_text(story(1) + " The vote is next week.")
    report = ingest([str(folder)], db, engine=FakeEngine(), progress=False)
    assert (report.replaced, report.unchanged) == (1, 1)
    texts = Store(db).query("SELECT text FROM articles ORDER BY source")["text"].tolist()
    assert texts[1].endswith("The vote is next week.")


def test_bad_inputs_are_reported_and_the_rest_is_stored(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "in", 3)
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (folder / "broken.html").write_text("no markup here")
    (folder / "dated.json").write_text(json.dumps({"text": story(9), "published": "soonish"}))
    (folder / "legacy.txt").write_bytes((story(7) + " Café in Zürich.").encode("cp1252"))
    report = ingest([str(folder), str(tmp_path / "missing.txt")], tmp_path / "s.duckdb",
                    engine=FakeEngine(), progress=False)
    assert report.ingested == 4
    reasons = {Path(source).name: reason for source, reason in report.failed}
    assert set(reasons) == {"empty.txt", "binary.txt", "broken.html", "dated.json",
                            "missing.txt"}
    assert "binary file" in reasons["binary.txt"]
    assert "bad date 'soonish'" in reasons["dated.json"]


def test_an_extraction_crash_costs_only_its_article(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "in", 4)
    report = ingest([str(folder)], tmp_path / "s.duckdb",
                    engine=FakeEngine(explode_on="Story 2:"), progress=False)
    assert report.ingested == 3
    assert report.failed == [(str(folder / "story-002.txt"),
                              "extraction failed: RuntimeError: component bug")]


def test_overrides_reach_the_store(tmp_path: Path) -> None:
    folder, db = corpus(tmp_path / "in", 1), tmp_path / "s.duckdb"
    ingest([str(folder)], db, Overrides(published="2024-02-03", outlet="River Post"),
           engine=FakeEngine(), progress=False)
    row = Store(db).articles().iloc[0]
    assert (row["outlet"], str(row["published"])[:10]) == ("River Post", "2024-02-03")


def test_unknown_engine_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="unknown engine 'spark'; available: local"):
        ingest(["x"], tmp_path / "s.duckdb", engine="spark")


KILLED_RUN = """
import sys, time
sys.path.insert(0, {tests!r})
from newsgraph import ingest as ingest_module
from test_ingest import FakeEngine
ingest_module.COMMIT_EVERY = 3
ingest_module.ingest([{folder!r}], {db!r}, engine=FakeEngine(delay=0.1), progress=False)
"""


def test_kill_9_mid_ingest_then_rerun_completes_without_duplicates(tmp_path: Path) -> None:
    folder, db = corpus(tmp_path / "in", 40), tmp_path / "s.duckdb"
    script = KILLED_RUN.format(tests=str(TESTS), folder=str(folder), db=str(db))
    child = subprocess.Popen([sys.executable, "-c", script])
    try:
        while _stored(db) < 3:
            assert child.poll() is None, "the ingest ended before it could be killed"
            time.sleep(0.2)
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    after_crash = _stored(db)
    assert 0 < after_crash < 40
    report = ingest([str(folder)], db, engine=FakeEngine(), progress=False)
    assert (report.unchanged, report.ingested) == (after_crash, 40 - after_crash)
    store = Store(db)
    assert store.stats()["articles"] == 40 and store.stats()["events"] == 40
    half_written = store.query(
        "SELECT count(*) AS n FROM articles a WHERE n_events <> "
        "(SELECT count(*) FROM events e WHERE e.article_id = a.article_id)")["n"][0]
    assert half_written == 0


def _stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        return Store(db, read_only=True, lock_timeout=0.2).stats()["articles"]
    except Exception:  # noqa: BLE001 - busy or still being created: ask again
        return 0


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setitem(ingest_module.ENGINES, "fake", FakeEngine)
    if not app.registered_commands:
        _register_all()
    return CliRunner()


def test_cli_exit_code_is_non_zero_when_anything_failed(cli: CliRunner, tmp_path: Path) -> None:
    folder = corpus(tmp_path / "in", 2)
    (folder / "empty.txt").write_text(" ")
    db = str(tmp_path / "s.duckdb")
    result = cli.invoke(app, ["ingest", str(folder), "--db", db, "--engine", "fake"])
    assert result.exit_code == 1
    assert f"failed {folder / 'empty.txt'}: empty file" in " ".join(result.output.split())
    assert "2 ingested" in result.output
    (folder / "empty.txt").unlink()
    again = cli.invoke(app, ["ingest", str(folder), "--db", db, "--engine", "fake"])
    assert again.exit_code == 0 and "2 unchanged" in again.output


def test_cli_rejects_bad_published_date(cli: CliRunner, tmp_path: Path) -> None:
    result = cli.invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "s.duckdb"),
                              "--published", "not a date", "--engine", "fake"])
    assert result.exit_code == 2
    assert "bad date 'not a date'" in result.output
    assert "Traceback" not in result.output


def test_real_pipeline_ingests_and_round_trips(tmp_path: Path) -> None:
    """The one test that runs spaCy: what ingest stores is what extraction produced."""
    pytest.importorskip("newsgraph.extract.assemble")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "talks.txt").write_text(
        "Germany's foreign minister met his Polish counterpart in Warsaw on Tuesday. "
        "Police arrested 12 protesters outside the building, officials said.")
    (folder / "empty.txt").write_text("")
    db = tmp_path / "s.duckdb"
    report = ingest([str(folder)], db, workers=1, progress=False)
    assert (report.ingested, len(report.failed)) == (1, 1)
    store = Store(db)
    [article_id] = store.articles()["article_id"]
    doc = store.article(article_id)
    assert doc["schema"] == "newsgraph/article/1"
    assert store.stats()["events"] == len(doc["events"])
    assert ingest([str(folder / "talks.txt")], db, workers=1, progress=False).unchanged == 1


def test_shards_hold_every_stored_row_as_parquet(cli: CliRunner, tmp_path: Path) -> None:
    import duckdb

    folder = corpus(tmp_path / "in", 5)
    db, shards = tmp_path / "s.duckdb", tmp_path / "shards"
    result = cli.invoke(app, ["ingest", str(folder), "--db", str(db), "--engine", "fake",
                              "--shards", str(shards)])  # fmt: skip
    assert result.exit_code == 0, result.output
    con = duckdb.connect()
    for table in ("articles", "actors", "events"):
        (stored,) = con.execute(f"SELECT count(*) FROM read_parquet('{shards}/{table}/*.parquet')"
                                ).fetchone()  # fmt: skip
        with duckdb.connect(str(db), read_only=True) as store:
            assert store.execute(f"SELECT count(*) FROM {table}").fetchone() == (stored,)
        assert stored >= 5
    again = cli.invoke(app, ["ingest", str(folder), "--db", str(db), "--engine", "fake",
                             "--shards", str(shards)])  # fmt: skip
    assert "5 unchanged" in again.output
    (count,) = con.execute(f"SELECT count(*) FROM '{shards}/articles/*.parquet'").fetchone()
    assert count == 5  # a re-run stores nothing new, so it writes no shard either
