"""Story clusters for the web app: read what ``newsgraph story`` stored, never write.

The server is a reader, so it does not run `newsgraph.story_db.sync` (that would take
the write lock on every request); it shows the clusters as last synced, or nothing
when the store has none yet.
"""

from __future__ import annotations

from typing import Any

from newsgraph.store import Store


def has_story(store: Store) -> bool:
    with store.reading() as con:
        tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    return "story_members" in tables


def story(store: Store, since: str | None = None, until: str | None = None,
          actor: str | None = None) -> dict[str, Any] | None:
    """``{"clusters", "contradictions", "quantity_conflicts", "stances"}`` or None."""
    try:
        from newsgraph.story import DEFAULT_WINDOW
        from newsgraph.story_analysis import story_json
        from newsgraph.story_db import load_clusters, stored_window
    except ImportError:  # story tracking not installed in this build
        return None
    if not has_story(store):
        return None
    window = stored_window(store.path) or DEFAULT_WINDOW
    return story_json(load_clusters(store.path), window, since=since, until=until, actor=actor)


def with_sides(found: dict[str, Any]) -> list[dict[str, Any]]:
    """Each contradiction with its two sides: the cluster summary next to its evidence.

    The page shows the sides as two columns, so each side carries what it needs.
    """
    by_id = {c["id"]: c for c in found["clusters"]}
    return [{**x, "sides": [{"cluster": by_id.get(cid), "evidence": evidence}
                            for cid, evidence in zip(x["clusters"], x["statements"], strict=True)]}
            for x in found["contradictions"]]
