"""Geoparsing against Gritta-style XML: ``newsgraph eval geo FILE.xml``.

Two layouts are read:

- LGL / GeoWebNews: ``<article><text>`` then ``<toponyms><toponym>`` with ``start``,
  ``end``, ``phrase`` and a ``<gaztag geonameid=..>`` holding ``lat``, ``lon`` and the
  ``<country geonameid=..>`` (toponyms without a gaztag have no gold place);
- GeoVirus / WikToR: ``<article><text>`` then ``<locations><location>`` with ``name``,
  ``start``, ``end``, ``lat``, ``lon`` and a Wikipedia ``page``, but no GeoNames id;
  its offsets are sometimes a character off, so they are moved onto the ``name``.

Matching: a gold toponym is *found* when a predicted place overlaps its character span;
each prediction pairs with at most one gold toponym (greatest overlap first). A found
toponym is *recognized* when the prediction carries a GeoNames id.

Metrics:

- ``toponym_recall``: found / all gold toponyms;
- ``exact_match``: predicted GeoNames id == gold id, over recognized toponyms that have
  a gold id;
- ``country_accuracy``: predicted ISO3 == gold country, over recognized toponyms that
  have a gold country;
- ``acc_161km``: predicted point within 161 km (100 miles) of the gold point, over found
  toponyms where both have coordinates.

GeoVirus has coordinates only, so the scorer maps each gold toponym into GeoNames before
scoring, never at prediction time: its country is the country of the gazetteer town
nearest to the gold point (within 100 km), and its id is the same-named gazetteer entry
that contains the gold point (countries, states), is a continent, or lies nearest to
it (towns, within 161 km). Gold toponyms it cannot map keep no id; continents keep no
country.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from newsgraph.evaluate import DatasetError
from newsgraph.extract.gazetteer import Entry, Gazetteer, distance_km, gazetteer

NAME = "geo"
METRICS = ("exact_match", "country_accuracy", "acc_161km", "toponym_recall")
NEAR_KM = 161.0
REVERSE_KM = 100.0


@dataclass
class Gold:
    start: int
    end: int
    phrase: str
    geonameid: int | None
    country: str | None
    lat: float | None
    lon: float | None


@dataclass
class GoldArticle:
    text: str
    toponyms: list[Gold]


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text not in (None, "") else None
    except ValueError:
        return None


def _lgl_toponym(node: ET.Element, by_id: dict[int, str]) -> Gold:
    gaz = node.find("gaztag")
    start, end = int(node.findtext("start", "0")), int(node.findtext("end", "0"))
    phrase = node.findtext("phrase", "")
    if gaz is None:
        return Gold(start, end, phrase, None, None, None, None)
    geonameid = int(gaz.get("geonameid", "0")) or None
    country_node = gaz.find("country")
    country_id = int(country_node.get("geonameid", "0")) if country_node is not None else geonameid
    return Gold(
        start, end, phrase, geonameid, by_id.get(country_id or 0) or by_id.get(geonameid or 0),
        _float(gaz.findtext("lat")), _float(gaz.findtext("lon")),
    )  # fmt: skip


def _geovirus_toponym(node: ET.Element, text: str) -> Gold:
    name = node.findtext("name", "")
    start, end = _align(
        text, int(node.findtext("start", "0")), int(node.findtext("end", "0")), name
    )
    lat, lon = _float(node.findtext("lat")), _float(node.findtext("lon"))
    return Gold(start, end, name, None, None, lat, lon)


def _align(text: str, start: int, end: int, name: str) -> tuple[int, int]:
    """GeoVirus offsets can be off by a character or two; move them onto the name."""
    if text[start:end] == name:
        return start, end
    for shift in (-1, 1, -2, 2):
        if text[start + shift : end + shift] == name:
            return start + shift, end + shift
    found = text.find(name, max(0, start - 20), end + 20)
    return (found, found + len(name)) if found >= 0 else (start, end)


def read(path: Path, limit: int | None = None) -> list[GoldArticle]:
    """Parse either layout; GeoVirus toponyms get their scorer-side GeoNames mapping."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        raise DatasetError(f"{path}: not valid XML ({error})") from error
    gaz = gazetteer()
    by_id = {e.geonameid: iso3 for iso3, e in gaz.countries.items() if e.geonameid}
    articles = []
    for node in root.iter("article"):
        text = node.findtext("text") or ""
        if node.find("toponyms") is not None:
            gold = [_lgl_toponym(t, by_id) for t in node.iter("toponym")]
        elif node.find("locations") is not None:
            gold = [
                _map_to_geonames(gaz, _geovirus_toponym(t, text), text)
                for t in node.iter("location")
            ]
        else:
            raise DatasetError(f"{path}: an <article> has neither <toponyms> nor <locations>")
        articles.append(GoldArticle(text, gold))
        if limit is not None and len(articles) >= limit:
            break
    if not articles:
        raise DatasetError(f"{path}: no <article> elements")
    return articles


@lru_cache(maxsize=1)
def _grid() -> dict[tuple[int, int], list[Entry]]:
    cells: dict[tuple[int, int], list[Entry]] = defaultdict(list)
    for city in gazetteer().cities:
        cells[(int(city.lat // 1), int(city.lon // 1))].append(city)  # type: ignore[operator]
    return cells


def nearest_town(lat: float, lon: float) -> Entry | None:
    """The gazetteer town nearest to a point, within ``REVERSE_KM``."""
    cells = _grid()
    row, col = int(lat // 1), int(lon // 1)
    near = [
        c for dr in (-1, 0, 1) for dc in (-1, 0, 1) for c in cells.get((row + dr, col + dc), ())
    ]
    best = min(near, key=lambda c: distance_km(lat, lon, c.lat, c.lon), default=None)  # type: ignore[arg-type]
    if best is None or distance_km(lat, lon, best.lat, best.lon) > REVERSE_KM:  # type: ignore[arg-type]
        return None
    return best


def _map_to_geonames(gaz: Gazetteer, gold: Gold, text: str) -> Gold:
    if gold.lat is None or gold.lon is None:
        return gold
    town = nearest_town(gold.lat, gold.lon)
    gold.country = town.country if town else None
    phrase = text[gold.start : gold.end] or gold.phrase
    best, best_km = None, NEAR_KM
    for candidate in gaz.lookup(phrase) or gaz.lookup(gold.phrase):
        entry = candidate.entry
        km = _gold_distance(entry, town, gold.lat, gold.lon)
        if entry.geonameid is not None and km <= best_km:
            best, best_km = entry, km
    gold.geonameid = best.geonameid if best else None
    if best is not None and best.feature == "continent":
        gold.country = None  # a continent lies in no one country
    return gold


def _gold_distance(entry: Entry, town: Entry | None, lat: float, lon: float) -> float:
    if entry.feature == "continent":
        return 0.0  # a continent's point says little; its name is enough
    if entry.feature == "country" and town is not None and town.country == entry.country:
        return 0.0
    if entry.feature == "admin1" and town is not None:
        if (town.country, town.admin1) == (entry.country, entry.admin1):
            return 0.0
    if entry.lat is None or entry.lon is None or entry.feature in ("country", "admin1"):
        return float("inf")
    return distance_km(lat, lon, entry.lat, entry.lon)


def _pair(gold: list[Gold], predicted: list[Any]) -> list[tuple[Gold, Any | None]]:
    """Pair gold toponyms with overlapping predictions, greatest overlap first."""
    overlaps = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap > 0:
                overlaps.append((overlap, gi, pi))
    taken_gold: dict[int, Any] = {}
    taken_pred: set[int] = set()
    for _, gi, pi in sorted(overlaps, reverse=True):
        if gi not in taken_gold and pi not in taken_pred:
            taken_gold[gi] = predicted[pi]
            taken_pred.add(pi)
    return [(g, taken_gold.get(i)) for i, g in enumerate(gold)]


class Tally:
    """Running counts for the four metrics."""

    def __init__(self) -> None:
        self.counts: dict[str, list[int]] = {m: [0, 0] for m in METRICS}

    def add(self, metric: str, hit: bool) -> None:
        self.counts[metric][0] += int(hit)
        self.counts[metric][1] += 1

    def score(self, gold: Gold, predicted: Any | None) -> None:
        self.add("toponym_recall", predicted is not None)
        if predicted is None:
            return
        if predicted.geonameid is not None:
            if gold.geonameid is not None:
                self.add("exact_match", predicted.geonameid == gold.geonameid)
            if gold.country is not None:
                self.add("country_accuracy", predicted.country == gold.country)
        if None not in (gold.lat, gold.lon, predicted.lat, predicted.lon):
            km = distance_km(gold.lat, gold.lon, predicted.lat, predicted.lon)  # type: ignore[arg-type]
            self.add("acc_161km", km <= NEAR_KM)

    def result(self) -> dict[str, float]:
        return {m: (hit / total if total else 0.0) for m, (hit, total) in self.counts.items()}


def evaluate(path: Path, limit: int | None = None, model: str | None = None) -> dict[str, float]:
    """Score ``newsgraph_places`` on one XML file; ``n`` is the number of gold toponyms."""
    from newsgraph.pipeline import DEFAULT_MODEL, build

    articles = read(Path(path), limit)
    nlp = build(model or DEFAULT_MODEL, components=("newsgraph_places",))
    tally = Tally()
    for article, doc in zip(articles, nlp.pipe(a.text for a in articles), strict=True):
        for gold, predicted in _pair(article.toponyms, doc._.ng_places or []):
            tally.score(gold, predicted)
    return {**tally.result(), "n": float(sum(len(a.toponyms) for a in articles))}
