"""PLOVER gold-standard records (GSR): one coded sentence per record, scored per record.

Input: the PLOVER GSR JSON list (version 0.5b1). Each record has ``text``, ``date``,
``event`` (the gold type), ``source`` and ``target`` (lists of ``{"actorText", "code"}``;
``target`` may be missing, null, empty or a free-text note). Records without text (the
file's DOCUMENT header) are skipped. Labels from 0.5b1 that PLOVER later renamed are
mapped: DEMAND→REQUEST, FIGHT→ASSAULT, DISAPPROVE→ACCUSE, INVESTIGATE→ACCUSE.

Every record is extracted as one article (``published`` = its date) and scored on the
events newsgraph finds, leaving out negated events ("did not agree" is no AGREE):

``event_type_accuracy``
    Share of records whose gold type is among the predicted event types.
``dyad_accuracy``
    Share of records where one predicted event (of any type) has at least one gold source
    country among its actors' countries and at least one gold target country among its
    recipients' countries. When the gold record has no target country, the source side
    alone decides; records with neither side coded are left out of this metric.
``event_precision``
    Over all records, the distinct predicted types that equal the gold type divided by all
    distinct predicted types (a record predicting {AGREE, COOPERATE} for gold AGREE
    counts 1 of 2). Types, not mentions, so one event said three times counts once.

Extras: ``typed_dyad_accuracy`` (the dyad event must also have the gold type),
``event_coverage`` (records with at least one predicted event), ``type_accuracy.X``
(``event_type_accuracy`` on the records of gold type X) and ``extraction_failures``
(records the pipeline crashed on; they count as records with no events).

Country codes: gold codes outside ISO 3166 alpha-3 that the 0.5b1 file uses for
countries (JAP, ITL, VTN) are read as JPN, ITA, VNM. The CAMEO non-state codes IGO, NGO
and IMG match an actor whose country *or* sector carries that code.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph.model import PLOVER_TYPES, Article, ArticleResult, Event

NAME = "plover-gsr"
METRICS = ("event_type_accuracy", "dyad_accuracy", "event_precision")

LEGACY_TYPES = {
    "DEMAND": "REQUEST",
    "FIGHT": "ASSAULT",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
}
LEGACY_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
NON_STATE_CODES = frozenset({"IGO", "NGO", "IMG"})


@dataclass(frozen=True)
class GoldRecord:
    id: str
    text: str
    date: str | None
    type: str
    sources: frozenset[str]
    targets: frozenset[str]


def _codes(side: Any) -> frozenset[str]:
    if not isinstance(side, list):
        return frozenset()  # missing, null, "" or a free-text note: no coded participant
    codes = (str(a.get("code") or "").strip().upper() for a in side if isinstance(a, dict))
    return frozenset(LEGACY_CODES.get(c, c) for c in codes if c)


def gold_record(raw: dict[str, Any]) -> GoldRecord | None:
    """One record in our form, or None when it has no text or no PLOVER type."""
    text = raw.get("text")
    event = LEGACY_TYPES.get(raw.get("event", ""), raw.get("event", ""))
    if not isinstance(text, str) or not text.strip() or event not in PLOVER_TYPES:
        return None
    date = raw.get("date") if isinstance(raw.get("date"), str) else None
    return GoldRecord(
        id=str(raw.get("id", "")),
        text=text,
        date=date,
        type=event,
        sources=_codes(raw.get("source")),
        targets=_codes(raw.get("target")),
    )


def load(path: Path, limit: int | None = None) -> list[GoldRecord]:
    """Read the GSR JSON list; raises DatasetError when ``path`` is not one."""
    from newsgraph.evaluate import DatasetError

    if not path.is_file():
        raise DatasetError(f"{path}: expected the PLOVER GSR JSON file, got a folder")
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise DatasetError(f"{path}: not a JSON file ({error})") from error
    if not isinstance(raw, list):
        raise DatasetError(f"{path}: expected a JSON list of PLOVER records")
    records = [r for item in raw if isinstance(item, dict) and (r := gold_record(item))]
    if not records:
        raise DatasetError(f"{path}: no PLOVER records with text and a PLOVER event type")
    return records[:limit] if limit is not None else records


CHUNK = 32


def extract_all(
    articles: Sequence[Article], model: str | None = None
) -> tuple[list[ArticleResult], int]:
    """Extract articles in order with spaCy's batching; returns the results and how many
    articles failed. An article extraction refuses (empty text, bad date) or crashes on
    gets an empty result, so it counts against us instead of stopping the evaluation."""
    # Imported here: loading spaCy is slow, and the scorers work without it in tests.
    from newsgraph import pipeline

    name = model or pipeline.DEFAULT_MODEL
    pipeline.build(name)  # a missing model should stop us, not count as failures
    results: list[ArticleResult] = []
    failed = 0
    for start in range(0, len(articles), CHUNK):
        chunk = articles[start : start + CHUNK]
        try:
            results.extend(_extract_chunk(chunk, name))
        except Exception:  # noqa: BLE001 - one bad article must not stop the whole set
            for article in chunk:
                result, ok = _extract_one(article, name)
                results.append(result)
                failed += not ok
    return results, failed


def _extract_chunk(articles: Sequence[Article], model: str) -> list[ArticleResult]:
    from newsgraph import api

    usable = [_usable(a) for a in articles]
    stream = api.extract_many(
        [a for a, ok in zip(articles, usable, strict=True) if ok], model=model
    )
    return [
        next(stream) if ok else ArticleResult(article=a)
        for a, ok in zip(articles, usable, strict=True)
    ]


def _extract_one(article: Article, model: str) -> tuple[ArticleResult, bool]:
    from newsgraph import api

    if not _usable(article):
        return ArticleResult(article=article), True
    try:
        return api.extract(article, model=model), True
    except Exception:  # noqa: BLE001 - counted and reported as extraction_failures
        return ArticleResult(article=article), False


def _usable(article: Article) -> bool:
    from newsgraph import api

    try:
        api.check(article)
    except api.ArticleError:
        return False
    return True


def _side_codes(result: ArticleResult, actor_ids: Iterable[str]) -> set[str]:
    codes: set[str] = set()
    for actor_id in actor_ids:
        actor = result.actor(actor_id)
        if actor is None:
            continue
        if actor.country:
            codes.add(actor.country.upper())
        if actor.sector and actor.sector.upper() in NON_STATE_CODES:
            codes.add(actor.sector.upper())
    return codes


def _side_ok(gold: frozenset[str], predicted: set[str]) -> bool:
    return not gold or bool(gold & predicted)


def dyad_found(gold: GoldRecord, result: ArticleResult, events: Iterable[Event]) -> bool:
    """Some event has a gold source among its actors and a gold target among its recipients."""
    return any(
        _side_ok(gold.sources, _side_codes(result, e.actors))
        and _side_ok(gold.targets, _side_codes(result, e.recipients))
        for e in events
    )


@dataclass
class RecordScore:
    type: str
    type_found: bool
    dyad: bool | None  # None: the gold record codes no country on either side
    typed_dyad: bool | None
    predicted_types: frozenset[str]


def score_record(gold: GoldRecord, result: ArticleResult) -> RecordScore:
    events = [e for e in result.events if not e.negated]
    types = frozenset(e.type for e in events)
    coded = bool(gold.sources or gold.targets)
    return RecordScore(
        type=gold.type,
        type_found=gold.type in types,
        dyad=dyad_found(gold, result, events) if coded else None,
        typed_dyad=dyad_found(gold, result, [e for e in events if e.type == gold.type])
        if coded
        else None,
        predicted_types=types,
    )


def _share(flags: Sequence[bool]) -> float:
    return sum(flags) / len(flags) if flags else 0.0


def summarize(scores: Sequence[RecordScore]) -> dict[str, float]:
    """The metrics of this module over scored records (see the module docstring)."""
    predicted = sum(len(s.predicted_types) for s in scores)
    matched = sum(s.type in s.predicted_types for s in scores)
    metrics: dict[str, float] = {
        "n": len(scores),
        "event_type_accuracy": _share([s.type_found for s in scores]),
        "dyad_accuracy": _share([s.dyad for s in scores if s.dyad is not None]),
        "event_precision": matched / predicted if predicted else 0.0,
        "typed_dyad_accuracy": _share([s.typed_dyad for s in scores if s.typed_dyad is not None]),
        "event_coverage": _share([bool(s.predicted_types) for s in scores]),
    }
    by_type: dict[str, list[bool]] = defaultdict(list)
    for s in scores:
        by_type[s.type].append(s.type_found)
    for event_type in PLOVER_TYPES:
        if event_type in by_type:
            metrics[f"type_accuracy.{event_type}"] = _share(by_type[event_type])
    return metrics


def evaluate(path: Path, limit: int | None = None, model: str | None = None) -> dict[str, float]:
    records = load(path, limit)
    articles = [Article(text=r.text, published=r.date) for r in records]
    results, failed = extract_all(articles, model)
    metrics = summarize([score_record(g, r) for g, r in zip(records, results, strict=True)])
    return {**metrics, "extraction_failures": failed}
