"""The README's "Accuracy" table: every dataset on ``../shared/eval/dev``, as Markdown.

``python -m newsgraph.evaluate.table [--limit N] [--json [FILE]] [--only DATASET ...]``
(``make eval``). The gold data lives next to the repository, in ``../shared/eval/dev``;
without it the command says so in one line and exits 0. A dataset whose scorer is
missing or fails gets a row saying so and the table goes on.
"""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph import evaluate

REPO = Path(__file__).resolve().parents[2]
DEV = REPO.parent / "shared" / "eval" / "dev"
DEFAULT_JSON = REPO / "bench" / "out" / "eval.json"


@dataclass(frozen=True)
class Row:
    """One dataset file or folder and the metrics the table shows for it."""

    label: str
    dataset: str
    path: str  # relative to ../shared/eval/dev
    metrics: tuple[str, ...]
    anchors: dict[str, str] = field(default_factory=dict)


NO_ANCHOR = "—"
MORDECAI = "Elasticsearch gazetteer and a transformer ranker"

ROWS: tuple[Row, ...] = (
    Row(
        "PolNeAR dev",
        "polnear",
        "polnear/dev",
        ("source_f1", "cue_f1", "content_overlap_f1", "content_exact_f1"),
        {
            "source_f1": "82.0: Citron on PARC3 (another corpus and annotation scheme)",
            "content_overlap_f1": "83.3: Citron on PARC3 (overlap match); Gender Gap Tracker quote F1 83.7 on its own test set",
        },
    ),
    Row(
        # The human ceiling: annotators scored against each other, by the same rules.
        "PolNeAR train, articles with 5-6 annotators",
        "polnear-agreement",
        "polnear/train",
        ("newsgraph_source_f1", "newsgraph_content_overlap_f1"),
        {
            "newsgraph_source_f1": "78.9: the annotators against each other (every pair, same rules)",
            "newsgraph_content_overlap_f1": "85.1: the annotators against each other",
        },
    ),
    Row(
        "PLOVER GSR dev",
        "plover-gsr",
        "plover_gsr_dev.json",
        ("event_type_accuracy", "dyad_accuracy", "event_precision"),
        {
            "event_type_accuracy": "none published for these sentences (PLOVER/POLECAT report no GSR score)"
        },
    ),
    Row(
        "GeoVirus",
        "geo",
        "geo/GeoVirus.xml",
        ("exact_match", "country_accuracy", "acc_161km", "toponym_recall"),
        {"exact_match": f"90.1: Mordecai3 on GeoWebNews (another corpus; {MORDECAI})"},
    ),
    Row(
        "LGL",
        "geo",
        "geo/lgl.xml",
        ("exact_match", "country_accuracy", "acc_161km", "toponym_recall"),
        {"exact_match": f"79.4: Mordecai3 on LGL ({MORDECAI})"},
    ),
    Row(
        "TimeBank+AQUAINT",
        "timeml",
        "temporal/tbaq",
        ("timex_span_f1", "timex_value_accuracy"),
        {
            "timex_span_f1": "90.3 relaxed / 81.3 strict: HeidelTime on the TempEval-3 test set",
            "timex_value_accuracy": "77.6: HeidelTime value F1 on the TempEval-3 test set (F1 over all timexes, not accuracy on matched ones)",
        },
    ),
    Row(
        "MEANTIME (English)",
        "meantime",
        "temporal/meantime/intra-doc_annotation",
        ("timex_span_f1", "timex_value_accuracy", "event_mention_f1"),
        {
            "timex_value_accuracy": "HeidelTime is the reference tool; no published figure on MEANTIME English"
        },
    ),
    Row(
        "CASE 2021 task 2",
        "case2021",
        "case2021/task2_dev.tsv",
        ("macro_f1", "accuracy"),
        {
            "macro_f1": "about 80: best shared-task systems, transformers trained on ACLED snippets "
            "(supervised; ours is a zero-shot mapping from PLOVER types)"
        },
    ),
)


def command(row: Row, limit: int | None) -> str:
    """The exact command that reproduces the row, from the repository root."""
    tail = f" --limit {limit}" if limit else ""
    return f"`newsgraph eval {row.dataset} ../shared/eval/dev/{row.path} --json{tail}`"


def score(row: Row, dev: Path, limit: int | None) -> dict[str, Any]:
    """The report of one row, or ``{"error": ...}`` when its scorer is missing or fails."""
    try:
        return evaluate.run(row.dataset, dev / row.path, limit=limit)
    except ModuleNotFoundError as error:
        if not (error.name or "").startswith("newsgraph.evaluate"):
            return {"error": f"failed: {error}"}
        return {"error": f"not available: {error.name} is missing"}
    except Exception as error:  # noqa: BLE001 - one broken scorer must not sink the table
        traceback.print_exc(file=sys.stderr)
        return {"error": f"failed: {type(error).__name__}: {error}"}


def markdown(rows: list[tuple[Row, dict[str, Any]]], limit: int | None) -> str:
    lines = [
        "| dataset | metric | ours | anchor (published, with caveat) | command |",
        "|---|---|---|---|---|",
    ]
    for row, report in rows:
        if "error" in report:
            lines.append(f"| {row.label} | — | {report['error']} | — | {command(row, limit)} |")
            continue
        for i, metric in enumerate(row.metrics):
            value = report["metrics"].get(metric)
            ours = f"{100 * value:.1f}" if value is not None else "not reported"
            anchor = row.anchors.get(metric, NO_ANCHOR)
            # The dataset and its command once per dataset, so the table reads in blocks.
            label, how = (
                (f"{row.label} (n={report['n']})", command(row, limit)) if i == 0 else ("", "")
            )
            lines.append(f"| {label} | `{metric}` | {ours} | {anchor} | {how} |")
    return "\n".join(lines)


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m newsgraph.evaluate.table", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--limit", type=int, default=None, help="score only the first N items of each dataset"
    )
    parser.add_argument(
        "--json",
        nargs="?",
        const=str(DEFAULT_JSON),
        default=None,
        metavar="FILE",
        help=f"also write the reports as JSON (default file: {DEFAULT_JSON.relative_to(REPO)})",
    )
    parser.add_argument(
        "--only", nargs="+", default=None, metavar="DATASET", help="run only these datasets"
    )
    parser.add_argument("--dev", type=Path, default=DEV, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    if not args.dev.is_dir():
        print(f"{args.dev}: not found; skipping the accuracy table")
        return 0
    chosen = [r for r in ROWS if args.only is None or r.dataset in args.only]
    results = []
    for row in chosen:
        # Progress on stderr: the whole table takes minutes and prints only at the end.
        print(f"scoring {row.label} ...", file=sys.stderr, flush=True)
        report = score(row, args.dev, args.limit)
        print(f"  {report.get('error') or str(report['seconds']) + 's'}", file=sys.stderr, flush=True)
        results.append((row, report))
    print(markdown(results, args.limit))
    if args.json:
        out = Path(args.json)
        out.parent.mkdir(parents=True, exist_ok=True)
        body = [{"label": row.label, **report} for row, report in results]
        out.write_text(json.dumps(body, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\nwrote {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
