"""CASE 2021 task 2: one fine-grained event label per news snippet, scored by macro F1.

Input: a TSV with a header and the columns ``id``, ``EventSnippet``, ``SubType``. Each
snippet is extracted as one article; its label comes from the events newsgraph finds,
never from the snippet's words directly:

1. Negated events are dropped; every other event is mapped to a CASE label through
   :data:`MAPPING` by its PLOVER type and mode (``(TYPE, mode)`` first, then
   ``(TYPE, None)`` for any other mode). ASSAULT without a telling mode is an
   ARMED_CLASH, or an ATTACK when a recipient is a civilian sector (:data:`CIVILIAN`).
2. Protest interactions, as ACLED defines them, for a PROTEST that is not a riot:
   with an ASSAULT by security forces (:data:`SECURITY` sectors) or with crowd-control
   weapons it is FORCE_AGAINST_PROTEST; with any other ASSAULT the demonstrators turned
   violent, VIOL_DEMONSTR; with a COERCE (arrests, restrictions) PROTEST_WITH_INTER.
3. An event whose actor has the criminal sector ``CRM`` is ORG_CRIME.
4. Otherwise the most specific mapped event wins: one whose exact ``(TYPE, mode)`` is in
   the mapping beats one mapped by its type alone ("an airstrike killed six" is an
   AIR_STRIKE, not the ARMED_CLASH of "killed"); then the highest confidence; then the
   earliest.
5. No mapped event: the fallback label ``OTHER``.

Labels no PLOVER event expresses are never predicted: GRENADE (the ``explosives`` mode
does not tell a grenade from a roadside bomb), HQ_ESTABLISHED, MOB_VIOL,
GOV_REGAINS_TERIT, NON_STATE_ACTOR_OVERTAKES_TER (PLOVER has no territory-taking mode),
NATURAL_DISASTER and MAN_MADE_DISASTER (not political events).

``macro_f1`` is the unweighted mean of per-label F1 over every label that occurs in the
gold or the predictions, as the shared task scored it; ``accuracy`` is the share of
snippets labelled right. Extras: ``weighted_f1`` and ``mapped_coverage`` (snippets with at
least one mapped event) and ``extraction_failures`` (snippets the pipeline crashed on;
they get the fallback label).
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from newsgraph.evaluate.spans import label_counts, macro_f1
from newsgraph.model import Article, ArticleResult, Event

NAME = "case2021"
METRICS = ("macro_f1", "accuracy")

FALLBACK = "OTHER"

# (PLOVER type, mode) -> CASE 2021 task 2 label; mode None means "any other mode".
MAPPING: dict[tuple[str, str | None], str] = {
    ("ASSAULT", "aerial"): "AIR_STRIKE",
    ("ASSAULT", "drone"): "AIR_STRIKE",
    ("ASSAULT", "heavy-weapons"): "ART_MISS_ATTACK",
    ("ASSAULT", "unconventional"): "CHEM_WEAP",
    ("ASSAULT", "suicide-attack"): "SUIC_BOMB",
    ("ASSAULT", "explosives"): "REM_EXPLOS",
    ("ASSAULT", "abduct"): "ABDUCT_DISSAP",
    ("ASSAULT", "sexual"): "SEX_VIOL",
    ("ASSAULT", "destroy"): "PROPERTY_DISTRUCT",
    ("ASSAULT", "crowd-control"): "FORCE_AGAINST_PROTEST",
    ("ASSAULT", "beat"): "ATTACK",
    ("ASSAULT", "torture"): "ATTACK",
    ("ASSAULT", "targeted"): "ATTACK",
    ("ASSAULT", "massacre"): "ATTACK",
    ("ASSAULT", None): "ARMED_CLASH",  # firearms, primitive or no mode; ATTACK on civilians
    ("PROTEST", "riot"): "VIOL_DEMONSTR",
    ("PROTEST", "vandalize"): "VIOL_DEMONSTR",
    ("PROTEST", None): "PEACE_PROTEST",  # demo, strike, hunger, boycott, obstruct
    ("COERCE", "arrest"): "ARREST",
    ("COERCE", "seize"): "DISR_WEAP",  # ACLED: seized weapons, defused or intercepted bombs
    ("COERCE", None): "ARREST",
    ("AGREE", None): "AGREEMENT",
    ("CONCEDE", None): "AGREEMENT",
    ("RETREAT", "withdraw"): "NON_VIOL_TERRIT_TRANSFER",
    ("RETREAT", "disarm"): "CHANGE_TO_GROUP_ACT",
    ("RETREAT", "resign"): "CHANGE_TO_GROUP_ACT",
    ("RETREAT", None): "AGREEMENT",  # release, ceasefire, access: ACLED files these as agreements
    ("MOBILIZE", None): "CHANGE_TO_GROUP_ACT",  # ACLED: deployments and new formations
    ("ACCUSE", None): "ATTRIB",  # blaming someone, claiming responsibility
    ("CONSULT", None): "DIPLO",
    ("SUPPORT", None): "DIPLO",
    ("COOPERATE", None): "DIPLO",
    ("AID", None): "DIPLO",
    ("REQUEST", None): "DIPLO",
    ("REJECT", None): "DIPLO",
    ("THREATEN", None): "DIPLO",
    ("SANCTION", None): "DIPLO",
}

# Recipient sectors that make an ASSAULT one-sided violence against civilians.
CIVILIAN = frozenset({"CVL", "REF", "EDU", "MED", "REL", "HLH", "LAB", "BUS", "AGR"})
# Actor sectors of state security forces, whose violence at a protest is repression.
SECURITY = frozenset({"MIL", "COP", "SPY", "GOV"})


@dataclass(frozen=True)
class Snippet:
    id: str
    text: str
    label: str


def load(path: Path, limit: int | None = None) -> list[Snippet]:
    """Read the task 2 TSV; raises DatasetError when ``path`` is not one."""
    from newsgraph.evaluate import DatasetError

    if not path.is_file():
        raise DatasetError(f"{path}: expected the CASE 2021 task 2 TSV file, got a folder")
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    except UnicodeDecodeError as error:
        raise DatasetError(f"{path}: not a UTF-8 text file ({error.reason})") from error
    if not rows or not {"EventSnippet", "SubType"} <= set(rows[0]):
        raise DatasetError(f"{path}: expected a TSV with the columns id, EventSnippet, SubType")
    snippets = [
        Snippet(id=str(r.get("id") or i), text=r["EventSnippet"] or "", label=r["SubType"].strip())
        for i, r in enumerate(rows)
    ]
    return snippets[:limit] if limit is not None else snippets


def map_event(event: Event, result: ArticleResult) -> str | None:
    """The CASE label of one event, or None when its type has none."""
    label = MAPPING.get((event.type, event.mode)) or MAPPING.get((event.type, None))
    if label == "ARMED_CLASH" and _hits_civilians(event, result):
        return "ATTACK"
    return label


def _hits_civilians(event: Event, result: ArticleResult) -> bool:
    recipients = (result.actor(a) for a in event.recipients)
    return any(a is not None and (a.sector or "").upper() in CIVILIAN for a in recipients)


def _sectors(result: ArticleResult, actor_ids: list[str]) -> set[str]:
    return {(a.sector or "").upper() for i in actor_ids if (a := result.actor(i)) is not None}


def _criminal(event: Event, result: ArticleResult) -> bool:
    return "CRM" in _sectors(result, event.actors)


def _protest_label(events: list[Event], result: ArticleResult) -> str | None:
    """The ACLED protest subtype when a peaceful protest meets violence or coercion."""
    types = {e.type for e in events}
    if "PROTEST" not in types or any(e.type == "PROTEST" and e.mode in ("riot", "vandalize") for e in events):
        return None
    assaults = [e for e in events if e.type == "ASSAULT"]
    if any(e.mode == "crowd-control" or _sectors(result, e.actors) & SECURITY for e in assaults):
        return "FORCE_AGAINST_PROTEST"
    if assaults:
        return "VIOL_DEMONSTR"
    if "COERCE" in types:
        return "PROTEST_WITH_INTER"
    return None


def predict(result: ArticleResult) -> str:
    """The snippet's label from its extracted events (rules in the module docstring)."""
    events = [e for e in result.events if not e.negated]
    mapped = [(e, label) for e in events if (label := map_event(e, result))]
    if not mapped:
        return FALLBACK
    protest = _protest_label([e for e, _ in mapped], result)
    if protest:
        return protest
    if any(_criminal(e, result) for e, _ in mapped):
        return "ORG_CRIME"
    # max() keeps the first of equal keys, so ties go to the earliest event.
    best = max(mapped, key=lambda pair: (_specific(pair[0]), pair[0].confidence))
    return best[1]


def _specific(event: Event) -> bool:
    """The event's own mode picks its label, not the type-wide default."""
    return event.mode is not None and (event.type, event.mode) in MAPPING


def weighted_f1(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """Per-label F1 weighted by the label's gold frequency."""
    if not gold:
        return 0.0
    return sum(
        label_counts(gold, predicted, label).f1 * gold.count(label) for label in set(gold)
    ) / len(gold)


def score(gold: Sequence[str], predicted: Sequence[str], mapped: int) -> dict[str, float]:
    right = sum(g == p for g, p in zip(gold, predicted, strict=True))
    return {
        "n": len(gold),
        "macro_f1": macro_f1(gold, predicted),
        "accuracy": right / len(gold) if gold else 0.0,
        "weighted_f1": weighted_f1(gold, predicted),
        "mapped_coverage": mapped / len(gold) if gold else 0.0,
    }


def evaluate(path: Path, limit: int | None = None, model: str | None = None) -> dict[str, float]:
    from newsgraph.evaluate.plover_gsr import extract_all

    snippets = load(path, limit)
    results, failed = extract_all([Article(text=s.text) for s in snippets], model)
    predicted = [predict(r) for r in results]
    mapped = sum(any(map_event(e, r) for e in r.events if not e.negated) for r in results)
    return {**score([s.label for s in snippets], predicted, mapped), "extraction_failures": failed}
