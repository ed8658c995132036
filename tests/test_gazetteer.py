"""The gazetteer index is built once and then kept on disk, so that later processes load
it in under a second instead of building it again."""

from pathlib import Path

import pytest

from newsgraph.extract import gazetteer as gz


@pytest.fixture(scope="module")
def built() -> gz.Gazetteer:
    return gz.gazetteer()


def test_a_saved_index_loads_back_with_the_same_answers(built: gz.Gazetteer, tmp_path: Path):
    path = tmp_path / "index.marshal"
    assert gz.save(built, path)
    loaded = gz.load(path)
    assert loaded is not None
    for name in ("Paris", "Springfield", "Texas", "the Gaza Strip", "St. Louis", "Europe"):
        assert loaded.lookup(name) == built.lookup(name)
    assert loaded.countries["FRA"] == built.countries["FRA"]
    assert loaded.states["TX"] == built.states["TX"]
    assert len(loaded.cities) == len(built.cities)


def test_the_same_place_is_always_the_same_object(built: gz.Gazetteer):
    first = built.lookup("Lyon")[0].entry
    assert built.lookup("Lyon")[0].entry is first
    assert built.countries["FRA"] is built.lookup("France")[0].entry


def test_a_damaged_or_missing_cache_is_ignored(tmp_path: Path):
    damaged = tmp_path / "index.marshal"
    damaged.write_bytes(b"\x00not an index")
    assert gz.load(damaged) is None
    assert gz.load(tmp_path / "missing.marshal") is None


def test_an_unwritable_cache_folder_is_not_an_error(built: gz.Gazetteer, tmp_path: Path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert gz.save(built, blocker / "index.marshal") is False


def test_the_cache_follows_the_environment_and_the_code(monkeypatch, tmp_path: Path):
    monkeypatch.setenv("NEWSGRAPH_CACHE", str(tmp_path))
    path = gz.cache_path()
    assert path.parent == tmp_path
    # The name carries a digest of the module and data versions: a stale index is never read.
    assert path.name.startswith("gazetteer-") and len(path.stem) > len("gazetteer-") + 8
