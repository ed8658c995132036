"""`--address` joins a running Ray cluster of several nodes, as on several machines.

Ray's own test cluster starts each node as separate processes (its own raylet and
object store) on this machine. With one CPU per node and one CPU per extraction actor,
two actors can only run by using both nodes, so the ingest below finishing at all shows
the work spread over the cluster.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsgraph.cli import _register_all, app

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    pytest.importorskip("ray")
    from ray.cluster_utils import Cluster

    cluster = Cluster(initialize_head=True, head_node_args={"num_cpus": 1})
    cluster.add_node(num_cpus=1)
    cluster.wait_for_nodes()
    yield cluster
    import ray

    ray.shutdown()
    cluster.shutdown()


def _stats(cli: CliRunner, db: Path) -> dict[str, int]:
    result = cli.invoke(app, ["stats", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    import json

    return json.loads(result.output)


def test_ingest_joins_a_two_node_cluster_and_stores_what_local_stores(cluster: Any,
                                                                      tmp_path: Path) -> None:  # fmt: skip
    import ray

    if not app.registered_commands:
        _register_all()
    cli = CliRunner()
    folder = tmp_path / "in"
    shutil.copytree(EXAMPLES, folder, ignore=shutil.ignore_patterns("README.md"))
    joined = cli.invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "ray.duckdb"),
                              "--engine", "ray", "--address", cluster.address,
                              "--workers", "2", "--no-progress"])  # fmt: skip
    assert joined.exit_code == 0, joined.output
    assert len([n for n in ray.nodes() if n["Alive"]]) == 2
    assert ray.cluster_resources()["CPU"] == 2
    local = cli.invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "local.duckdb"),
                             "--no-progress"])  # fmt: skip
    assert local.exit_code == 0, local.output
    assert _stats(cli, tmp_path / "ray.duckdb") == _stats(cli, tmp_path / "local.duckdb")
