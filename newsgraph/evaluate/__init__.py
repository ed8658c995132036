"""Scoring newsgraph against public gold sets: ``newsgraph eval DATASET PATH``.

Each dataset is one module in this package exposing::

    NAME: str                       # the DATASET argument
    METRICS: tuple[str, ...]        # the metric names it reports
    def evaluate(path: Path, limit: int | None = None, model: str | None = None) -> dict[str, float]

``DATASETS`` maps the name to the module, so a new dataset is one module and one line.
"""

from __future__ import annotations

import importlib
import time
from pathlib import Path
from typing import Any

DATASETS: dict[str, str] = {
    "polnear": "newsgraph.evaluate.polnear",
    "polnear-agreement": "newsgraph.evaluate.polnear_agreement",
    "plover-gsr": "newsgraph.evaluate.plover_gsr",
    "geo": "newsgraph.evaluate.geo",
    "timeml": "newsgraph.evaluate.timeml",
    "meantime": "newsgraph.evaluate.meantime",
    "case2021": "newsgraph.evaluate.case2021",
    "ecbplus": "newsgraph.evaluate.ecbplus",
}


class UnknownDataset(ValueError):
    """The DATASET argument names no dataset newsgraph can score."""


class DatasetError(ValueError):
    """The PATH does not hold the dataset in the expected layout."""


def run(
    dataset: str, path: Path, limit: int | None = None, model: str | None = None
) -> dict[str, Any]:
    """Score one dataset; returns ``{"dataset", "path", "n", "metrics", "seconds"}``."""
    if dataset not in DATASETS:
        raise UnknownDataset(f"unknown dataset {dataset!r}; choose one of: {', '.join(DATASETS)}")
    if not path.exists():
        raise DatasetError(f"{path}: no such file or folder")
    module = importlib.import_module(DATASETS[dataset])
    started = time.perf_counter()
    metrics = module.evaluate(path, limit=limit, model=model)
    n = int(metrics.pop("n", 0))
    return {
        "dataset": dataset,
        "path": str(path),
        "n": n,
        "metrics": {k: round(float(v), 4) for k, v in metrics.items()},
        "seconds": round(time.perf_counter() - started, 2),
    }
