"""The geo scorer: both XML layouts, span matching, the four metrics, and dev-set floors."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.evaluate import geo
from newsgraph.extract.places import PlaceMention

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEV = SHARED / "eval" / "dev" / "geo"

# Our own two-article fixture in the LGL layout: ids and points are GeoNames'.
LGL_XML = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="1">
    <text><![CDATA[Flooding hit Cairo and much of Egypt.]]></text>
    <toponyms>
      <toponym><start>13</start><end>18</end><phrase>Cairo</phrase>
        <gaztag geonameid="360630"><name>Cairo</name><lat>30.06263</lat><lon>31.24967</lon>
          <country geonameid="357994">Egypt</country></gaztag></toponym>
      <toponym><start>31</start><end>36</end><phrase>Egypt</phrase>
        <gaztag geonameid="357994"><name>Egypt</name><lat>27</lat><lon>30</lon></gaztag></toponym>
      <toponym><start>0</start><end>8</end><phrase>Flooding</phrase></toponym>
    </toponyms>
  </article>
</articles>
"""

# The GeoVirus layout: names and points only, offsets one character late.
GEOVIRUS_XML = """<articles>
  <article>
    <source>made-up</source>
    <text>Health workers in Nairobi traced new cases.</text>
    <locations>
      <location><name>Nairobi</name><start>19</start><end>26</end>
        <lat>-1.29</lat><lon>36.82</lon><page>none</page></location>
    </locations>
  </article>
</articles>
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def mention(start: int, end: int, geonameid: int | None, country: str | None, lat=None, lon=None):
    return PlaceMention(start, end, "", geonameid, "", country, lat, lon, "city", 0, False)


def test_reads_the_lgl_layout_with_ids_and_countries(tmp_path):
    [article] = geo.read(write(tmp_path, "lgl.xml", LGL_XML))
    cairo, egypt, flooding = article.toponyms
    assert (cairo.geonameid, cairo.country) == (360630, "EGY")
    assert egypt.country == "EGY"  # a country is its own country
    assert flooding.geonameid is None and flooding.lat is None


def test_reads_the_geovirus_layout_and_maps_it_into_geonames(tmp_path):
    [article] = geo.read(write(tmp_path, "gv.xml", GEOVIRUS_XML))
    [nairobi] = article.toponyms
    assert article.text[nairobi.start : nairobi.end] == "Nairobi"  # offsets realigned
    assert nairobi.country == "KEN"
    assert nairobi.geonameid is not None


def test_a_prediction_pairs_with_one_overlapping_gold_toponym():
    gold = [geo.Gold(0, 5, "Cairo", 1, "EGY", 30.0, 31.2), geo.Gold(10, 15, "Egypt", 2, "EGY", 27, 30)]
    pairs = geo._pair(gold, [mention(0, 5, 1, "EGY")])
    assert pairs[0][1] is not None and pairs[1][1] is None


def test_the_tally_scores_ids_countries_distance_and_recall():
    tally = geo.Tally()
    cairo = geo.Gold(0, 5, "Cairo", 360630, "EGY", 30.06, 31.25)
    tally.score(cairo, mention(0, 5, 360630, "EGY", 30.05, 31.24))  # right
    tally.score(cairo, mention(0, 5, 999, "USA", 37.0, -89.0))  # Cairo, Illinois
    tally.score(cairo, None)  # missed
    result = tally.result()
    assert result["toponym_recall"] == pytest.approx(2 / 3)
    assert result["exact_match"] == result["country_accuracy"] == result["acc_161km"] == 0.5


def test_an_unresolved_prediction_counts_as_found_but_not_as_recognized():
    tally = geo.Tally()
    tally.score(geo.Gold(0, 5, "Qwxz", 7, "EGY", None, None), mention(0, 5, None, None))
    assert tally.counts["toponym_recall"] == [1, 1]
    assert tally.counts["exact_match"] == [0, 0]


def test_evaluate_runs_the_places_stage_on_a_fixture(tmp_path):
    result = geo.evaluate(write(tmp_path, "lgl.xml", LGL_XML))
    assert result["n"] == 3
    assert result["exact_match"] == 1.0
    assert result["toponym_recall"] == pytest.approx(2 / 3)


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "floors"),
    [
        ("GeoVirus.xml", {"exact_match": 0.9, "country_accuracy": 0.95, "toponym_recall": 0.85}),
        ("lgl.xml", {"exact_match": 0.75, "country_accuracy": 0.93, "toponym_recall": 0.6}),
    ],
)
def test_dev_set_floors(name, floors):
    if not (DEV / name).exists():
        pytest.skip("../shared/eval/dev/geo is not available")
    result = geo.evaluate(DEV / name, limit=40)
    for metric, floor in floors.items():
        assert result[metric] >= floor, (metric, result[metric])
