"""How long adding one article to the story tables takes as the store grows.

    .venv/bin/python bench/story_bench.py [--sizes 100,1000,5000] [--repeat 5]

For each size, a fresh store gets that many synthetic articles (three events each,
between 40 countries, over a year) and one `story_db.sync`; then we time, several
times, storing one more article and syncing it (opening the file, then the incremental
update), the update alone on an open connection (what an ingest calling
`story_db.update` pays), and, for contrast, rebuilding the clusters from scratch in memory. The incremental time should
stay roughly flat while the rebuild grows with the store.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from newsgraph.model import Actor, Article, ArticleResult, DateValue, Event, Statement
from newsgraph.store import Store
from newsgraph.story import StoryIndex
from newsgraph.story_db import connect, sync, update

COUNTRIES = [f"C{i:02d}" for i in range(40)]
TYPES = ["AGREE", "REJECT", "REQUEST", "CONSULT", "ASSAULT", "ACCUSE", "AID", "THREATEN"]
OUTLETS = [f"Outlet {i}" for i in range(12)]
START = date(2025, 1, 1)


def synthetic(n: int, rng: random.Random) -> ArticleResult:
    """An article with three events between random countries, citing a named official."""
    day = START + timedelta(days=rng.randrange(365))
    text = f"Synthetic article {n}. " + " ".join(f"Event {i} happened." for i in range(3))
    article = Article(text=text, outlet=rng.choice(OUTLETS), published=day.isoformat(),
                      url=f"https://example.org/{n}")
    actors, events = [], []
    for i in range(3):
        a, b = rng.sample(COUNTRIES, 2)
        actors += [Actor(f"a{2 * i + 1}", a, "country", a, "GOV"),
                   Actor(f"a{2 * i + 2}", b, "country", b, "GOV")]
        start = text.index(f"Event {i}")
        when = day - timedelta(days=rng.randrange(3))
        events.append(Event(f"e{i + 1}", rng.choice(TYPES), (start, start + 7, f"Event {i}"),
                            actors=[f"a{2 * i + 1}"], recipients=[f"a{2 * i + 2}"],
                            negated=rng.random() < 0.1, statement="s1",
                            date=DateValue(when.isoformat(), "", "day")))
    actors.append(Actor("a7", "a senior official", "unnamed", actors[0].country, "GOV"))
    statement = Statement("s1", "a7", (0, 9, "Synthetic"), (10, 17, "article"), "indirect")
    return ArticleResult(article, actors, [statement], events)


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def measure(size: int, repeat: int, folder: Path) -> dict[str, float]:
    rng = random.Random(size)
    path = folder / f"store_{size}.duckdb"
    results = [synthetic(i, rng) for i in range(size)]
    Store(path).add_many(results)
    initial = timed(lambda: sync(path))
    store = Store(path)
    adds, syncs, updates = [], [], []
    for k in range(repeat):
        extra = synthetic(size + 2 * k, rng)
        adds.append(timed(lambda extra=extra: store.add(extra)))
        syncs.append(timed(lambda: sync(path)))  # opens the file, then updates
        results.append(extra)
        extra = synthetic(size + 2 * k + 1, rng)
        store.add(extra)
        with connect(path, write=True) as con:  # the update alone, file already open
            updates.append(timed(lambda con=con: update(con)))
        results.append(extra)
    rebuild = timed(lambda: StoryIndex().add_many(r.to_dict() for r in results))
    return {"size": size, "initial_sync_s": initial, "store_add_ms": 1000 * statistics.median(adds),
            "story_sync_ms": 1000 * statistics.median(syncs),
            "story_update_ms": 1000 * statistics.median(updates), "full_rebuild_ms": 1000 * rebuild}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,5000")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"{'articles':>8} {'initial sync s':>15} {'store.add ms':>13} {'story sync ms':>14} "
          f"{'update ms':>10} {'full rebuild ms':>16}")
    with tempfile.TemporaryDirectory() as folder:
        for size in (int(s) for s in args.sizes.split(",")):
            row = measure(size, args.repeat, Path(folder))
            print(f"{row['size']:>8} {row['initial_sync_s']:>15.2f} {row['store_add_ms']:>13.1f} "
                  f"{row['story_sync_ms']:>14.1f} {row['story_update_ms']:>10.1f} "
                  f"{row['full_rebuild_ms']:>16.0f}")


if __name__ == "__main__":
    main()
