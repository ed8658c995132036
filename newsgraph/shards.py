"""Parquet shards: each stored batch also written as files that DuckDB or Spark read directly.

For very large runs, `ingest(..., shards=folder)` (CLI: ``--shards DIR``) writes every
batch it commits as ``<folder>/<table>/part-<run>-<n>.parquet``, in the store's own
schemas, just before the batch's transaction commits. So every stored row is in a shard;
only after a crash between the two can a re-run write an article's rows a second time
(deduplicate on ``article_id``). Rows of an article replaced later stay in older parts.
"""

from __future__ import annotations

import itertools
import uuid
from pathlib import Path
from typing import Any

_parts = itertools.count(1)
_process = uuid.uuid4().hex[:8]  # parts from concurrent ingests never share a name


def write_parts(rows: dict[str, list[dict[str, Any]]], folder: Path, run: str) -> None:
    """One Parquet file per table with rows; atomically renamed into place."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from newsgraph.store import SCHEMAS

    name = f"part-{run[:8]}-{_process}-{next(_parts):06d}.parquet"
    for table, table_rows in rows.items():
        if not table_rows:
            continue
        target = folder / table / name
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".partial")
        pq.write_table(pa.Table.from_pylist(table_rows, schema=SCHEMAS[table]), partial)
        partial.replace(target)
