"""The ray engine stores what the local engine stores, and fails the same way, per article."""

from __future__ import annotations

import json
import logging
import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsgraph.cli import _register_all, app
from newsgraph.ingest import IngestError, get_engine, ingest
from newsgraph.model import Article, ArticleResult
from newsgraph.ray_engine import RAY_MISSING, Extractor, RayEngine

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def ray() -> Iterator[Any]:
    """One small local Ray for the whole module: starting Ray costs seconds."""
    ray = pytest.importorskip("ray")
    ray.init(num_cpus=2, include_dashboard=False, logging_level=logging.ERROR, log_to_driver=False)
    yield ray
    ray.shutdown()


@pytest.fixture
def cli() -> CliRunner:
    if not app.registered_commands:
        _register_all()
    return CliRunner()


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """Our examples plus two short texts of our own and one empty file."""
    folder = tmp_path / "in"
    shutil.copytree(EXAMPLES, folder, ignore=shutil.ignore_patterns("README.md"))
    (folder / "harbour.txt").write_text(
        "Dockworkers in Rotterdam walked out on Monday, the union said, "
        "and about 300 ships were left waiting off the coast.")
    (folder / "summit.txt").write_text(
        "The president of Kenya met Ethiopia's prime minister in Nairobi on Friday "
        "and promised to reopen the border crossing by March.")
    (folder / "blank.txt").write_text("   ")
    return folder


def stats(cli: CliRunner, db: Path) -> dict[str, int]:
    result = cli.invoke(app, ["stats", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_ray_and_local_engines_build_the_same_store(ray: Any, cli: CliRunner, inputs: Path,
                                                    tmp_path: Path) -> None:  # fmt: skip
    outputs = {}
    for engine in ("local", "ray"):
        db = tmp_path / f"{engine}.duckdb"
        run = cli.invoke(app, ["ingest", str(inputs), "--db", str(db), "--engine", engine,
                               "--workers", "2", "--no-progress"])  # fmt: skip
        outputs[engine] = " ".join(run.output.split())
        assert run.exit_code == 1  # the blank file
        assert f"failed {inputs / 'blank.txt'}: empty" in outputs[engine]
    assert stats(cli, tmp_path / "ray.duckdb") == stats(cli, tmp_path / "local.duckdb")
    assert stats(cli, tmp_path / "ray.duckdb")["articles"] == 7


def test_rerunning_with_ray_changes_nothing(ray: Any, inputs: Path, tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    first = ingest([str(inputs / "harbour.txt")], db=db, engine="ray", workers=2, progress=False)
    again = ingest([str(inputs / "harbour.txt")], db=db, engine="ray", workers=2, progress=False)
    assert (first.ingested, again.ingested, again.unchanged) == (1, 0, 1)


class Fragile(Extractor):
    """Breaks on articles that mention a 'gremlin', as an extraction bug would."""

    def assemble(self, doc: object, article: Article) -> ArticleResult:
        if "gremlin" in article.text:
            raise ValueError("a gremlin in the parser")
        return super().assemble(doc, article)


class FragileRay(RayEngine):
    extractor = Fragile


def test_a_crash_on_one_article_is_reported_for_its_file_only(ray: Any, tmp_path: Path) -> None:
    # Ray's workers cannot import tests/, so ship these classes by value.
    ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])
    folder = tmp_path / "in"
    folder.mkdir()
    for name in "abcdef":
        (folder / f"{name}.txt").write_text(f"Officials in Lagos said talks would resume ({name}).")
    (folder / "c.txt").write_text("A gremlin chewed the cables in Lagos, officials said.")
    engine = FragileRay(workers=2, batch_size=2)
    report = ingest([str(folder)], db=tmp_path / "s.duckdb", engine=engine, progress=False)
    assert report.failed == [
        (str(folder / "c.txt"), "extraction failed: ValueError: a gremlin in the parser")
    ]
    assert report.ingested == 5  # a, b, d, e, f


def test_shards_hold_the_same_rows_as_the_store(ray: Any, inputs: Path, tmp_path: Path) -> None:
    import duckdb

    from newsgraph.store import Store

    ingest([str(inputs)], db=tmp_path / "s.duckdb", engine=RayEngine(workers=2), progress=False,
           shards=tmp_path / "shards")  # fmt: skip
    stored = Store(tmp_path / "s.duckdb", read_only=True).stats()
    for table in ("articles", "events", "statements"):
        pattern = str(tmp_path / "shards" / table / "*.parquet")
        query = f"SELECT count(*) FROM read_parquet('{pattern}')"
        (count,) = duckdb.connect().execute(query).fetchone()
        assert count == stored[table]


def test_without_ray_the_engine_names_the_extra_to_install(
    cli: CliRunner, inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # `import ray` now fails as if not installed
    run = cli.invoke(app, ["ingest", str(inputs), "--db", str(tmp_path / "s.duckdb"),
                           "--engine", "ray"])  # fmt: skip
    assert run.exit_code == 2
    assert "the ray engine needs Ray: pip install 'newsgraph[ray]'" in run.output
    assert "Traceback" not in run.output
    with pytest.raises(IngestError, match=re.escape(RAY_MISSING)):
        get_engine("ray")


def test_address_needs_the_ray_engine(cli: CliRunner, inputs: Path, tmp_path: Path) -> None:
    run = cli.invoke(app, ["ingest", str(inputs), "--db", str(tmp_path / "s.duckdb"),
                           "--address", "auto"])  # fmt: skip
    assert run.exit_code == 2
    assert "use it with --engine ray" in run.output
