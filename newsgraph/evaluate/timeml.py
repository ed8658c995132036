"""TimeML (TimeBank, AQUAINT, TBAQ-cleaned): how well we find and normalize TIMEX3s.

PATH is a folder of ``.tml`` files (searched recursively). Each document's text is the
content of its ``<TEXT>`` element with the tags removed; the base date is the value of
the TIMEX3 whose ``functionInDocument`` is ``CREATION_TIME``.

Span matching. *Strict*: the gold and predicted spans are equal once surrounding
whitespace and punctuation are trimmed from both. *Relaxed*: the spans overlap (each
gold span is matched at most once, to the first free overlapping prediction).

``timex_value_accuracy`` is the share of relaxed-matched gold DATE and TIME timexes whose
value equals our ``timex`` field (the TempEval-3 convention of scoring values on relaxed
matches). ``timex_value_accuracy_strict`` uses strict matches instead.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from newsgraph import pipeline
from newsgraph.evaluate import spans

NAME = "timeml"
METRICS = (
    "timex_span_precision",
    "timex_span_recall",
    "timex_span_f1",
    "timex_relaxed_f1",
    "timex_value_accuracy",
    "timex_value_accuracy_strict",
    "timex_type_accuracy",
)


@dataclass
class GoldTimex:
    start: int
    end: int
    type: str
    value: str


@dataclass
class Predicted:
    start: int
    end: int
    type: str
    timex: str | None


@dataclass
class TimeDoc:
    name: str
    text: str
    dct: date | None
    timexes: list[GoldTimex]


# ---------------------------------------------------------------- reading .tml


def _dct(root: ET.Element) -> date | None:
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            try:
                return date.fromisoformat((timex.get("value") or "")[:10])
            except ValueError:
                return None
    return None


def _flatten(element: ET.Element, parts: list[str], timexes: list[GoldTimex]) -> None:
    """Append the element's text to parts, recording where each TIMEX3 lands."""
    start = sum(map(len, parts))
    parts.append(element.text or "")
    for child in element:
        _flatten(child, parts, timexes)
        parts.append(child.tail or "")
    if element.tag == "TIMEX3" and element.get("functionInDocument") != "CREATION_TIME":
        end = start + len("".join(element.itertext()))
        timexes.append(GoldTimex(start, end, element.get("type", ""), element.get("value", "")))


def read_tml(path: Path) -> TimeDoc:
    root = ET.parse(path).getroot()
    text_element = root.find("TEXT")
    if text_element is None:
        return TimeDoc(path.stem, "", _dct(root), [])
    parts: list[str] = []
    timexes: list[GoldTimex] = []
    parts.append(text_element.text or "")
    for child in text_element:
        _flatten(child, parts, timexes)
        parts.append(child.tail or "")
    return TimeDoc(path.stem, "".join(parts), _dct(root), sorted(timexes, key=lambda t: t.start))


# ---------------------------------------------------------------- scoring


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    return spans.trim((start, end), text)


def match(text: str, gold: list, predicted: list, strict: bool) -> list[tuple[int, int]]:
    """Pairs (gold index, predicted index), each side used at most once."""
    pairs, used = [], set()
    for g_index, g in enumerate(gold):
        g_span = _trimmed(text, g.start, g.end)
        for p_index, p in enumerate(predicted):
            if p_index in used:
                continue
            p_span = _trimmed(text, p.start, p.end)
            hit = p_span == g_span if strict else p_span[0] < g_span[1] and g_span[0] < p_span[1]
            if hit:
                pairs.append((g_index, p_index))
                used.add(p_index)
                break
    return pairs


def f1(tp: int, n_gold: int, n_pred: int) -> tuple[float, float, float]:
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    score = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, score


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    typed: int = 0
    valued: int = 0
    value_right: int = 0
    strict_valued: int = 0
    strict_value_right: int = 0

    def add(self, text: str, gold: list[GoldTimex], predicted: list[Predicted]) -> None:
        self.gold += len(gold)
        self.predicted += len(predicted)
        self.strict += len(strict_pairs := match(text, gold, predicted, strict=True))
        relaxed = match(text, gold, predicted, strict=False)
        self.relaxed += len(relaxed)
        self.typed += sum(gold[g].type == predicted[p].type for g, p in relaxed)
        for pairs, strict in ((relaxed, False), (strict_pairs, True)):
            scored = [(gold[g], predicted[p]) for g, p in pairs if gold[g].type in ("DATE", "TIME")]
            right = sum(same_value(g.value, p.timex) for g, p in scored)
            if strict:
                self.strict_valued += len(scored)
                self.strict_value_right += right
            else:
                self.valued += len(scored)
                self.value_right += right

    def metrics(self) -> dict[str, float]:
        precision, recall, strict_f1 = f1(self.strict, self.gold, self.predicted)
        return {
            "timex_span_precision": precision,
            "timex_span_recall": recall,
            "timex_span_f1": strict_f1,
            "timex_relaxed_f1": f1(self.relaxed, self.gold, self.predicted)[2],
            "timex_value_accuracy": self.value_right / self.valued if self.valued else 0.0,
            "timex_value_accuracy_strict": (
                self.strict_value_right / self.strict_valued if self.strict_valued else 0.0
            ),
            "timex_type_accuracy": self.typed / self.relaxed if self.relaxed else 0.0,
        }


def same_value(gold: str, ours: str | None) -> bool:
    return ours is not None and gold.strip().upper() == ours.strip().upper()


def predict(nlp, text: str, published: date | None) -> list[Predicted]:
    """Our time mentions for one text, through the time stage only."""
    doc = nlp.make_doc(text)
    doc._.ng_meta = {"published": published}
    doc = nlp(doc)
    return [Predicted(t.start, t.end, t.type, t.timex) for t in doc._.ng_times or []]


def time_nlp(model: str | None):
    return pipeline.build(model or pipeline.DEFAULT_MODEL, components=("newsgraph_time",))


def tml_files(path: Path) -> Iterator[Path]:
    yield from sorted(path.rglob("*.tml")) if path.is_dir() else iter([path])


def score(docs: Iterable[TimeDoc], model: str | None = None) -> dict[str, float]:
    nlp, tally, n = time_nlp(model), Tally(), 0
    for doc in docs:
        tally.add(doc.text, doc.timexes, predict(nlp, doc.text, doc.dct))
        n += 1
    return {**tally.metrics(), "n": n}


def evaluate(path: Path, limit: int | None = None, model: str | None = None) -> dict[str, float]:
    files = list(tml_files(Path(path)))[:limit]
    return score((read_tml(f) for f in files), model)
