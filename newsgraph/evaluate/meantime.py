"""MEANTIME (NewsReader, English Wikinews, CAT XML): time expressions and event mentions.

PATH is the corpus folder (or any folder of CAT ``.xml`` files). When it holds both
``intra-doc_annotation`` and ``intra_cross-doc_annotation`` only the first is read, so
no article counts twice. CAT files carry tokens, not text: we rebuild the text by
joining tokens with spaces, leaving out the space before closing punctuation and after
opening brackets, and putting the title and dateline (sentences 0 and 1) on lines of
their own. Offsets of gold markables follow from the token offsets.

MEANTIME annotates only the start of each article (title, dateline and the first body
sentences). The text we score is cut after the last sentence holding any markable, so
expressions in the unannotated rest of the article count neither way.

The timex metrics are those of :mod:`newsgraph.evaluate.timeml` (same matching rules),
with the CREATION_TIME timex value as the base date. ``event_mention_f1`` compares gold
EVENT_MENTION token spans with the triggers of ``newsgraph.api.extract``: a trigger
matches a gold mention it overlaps (one-to-one). MEANTIME marks every event (``said``,
``wants``), newsgraph only PLOVER-codable ones, so recall there is low by design.
"""

from __future__ import annotations

import logging
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from newsgraph.evaluate.timeml import METRICS as TIMEX_METRICS
from newsgraph.evaluate.timeml import GoldTimex, Tally, f1, match, predict, time_nlp

NAME = "meantime"
METRICS = TIMEX_METRICS + ("event_mention_precision", "event_mention_recall", "event_mention_f1")
NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", ")", "]", "}", "'s", "n't", "'", "%", "'re", "'ve", "'ll", "'d", "'m"}  # fmt: skip
NO_SPACE_AFTER = {"(", "[", "{", "$", "``"}
HEADER_SENTENCES = 2  # Wikinews: title, then dateline
log = logging.getLogger(__name__)


@dataclass
class Mention:
    start: int
    end: int


@dataclass
class CatDoc:
    name: str
    text: str
    dct: date | None
    timexes: list[GoldTimex]
    events: list[Mention]


def _rebuild(tokens: list[ET.Element]) -> tuple[str, dict[str, tuple[int, int]]]:
    """The text of the tokens and each token id's (start, end) in it."""
    parts: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    length, previous, previous_sentence = 0, None, None
    for token in tokens:
        word = token.text or ""
        sentence = token.get("sentence")
        if previous is not None:
            if sentence != previous_sentence and int(sentence or 0) <= HEADER_SENTENCES:
                gap = "\n"
            elif word in NO_SPACE_BEFORE or previous in NO_SPACE_AFTER:
                gap = ""
            else:
                gap = " "
            parts.append(gap)
            length += len(gap)
        offsets[token.get("t_id", "")] = (length, length + len(word))
        parts.append(word)
        length += len(word)
        previous, previous_sentence = word, sentence
    return "".join(parts), offsets


def _span(element: ET.Element, offsets: dict[str, tuple[int, int]]) -> tuple[int, int] | None:
    ids = [a.get("t_id", "") for a in element.findall("token_anchor")]
    spans = [offsets[i] for i in ids if i in offsets]
    if not spans:
        return None
    return min(s for s, _ in spans), max(e for _, e in spans)


def _annotated_tokens(root: ET.Element, markables: ET.Element | None) -> list[ET.Element]:
    tokens = root.findall("token")
    sentence_of = {t.get("t_id"): int(t.get("sentence") or 0) for t in tokens}
    anchored = [
        sentence_of.get(a.get("t_id"), 0)
        for element in (markables if markables is not None else [])
        for a in element.findall("token_anchor")
    ]
    last = max(anchored, default=max(sentence_of.values(), default=0))
    return [t for t in tokens if int(t.get("sentence") or 0) <= last]


def _date(value: str) -> date | None:
    """ISO dates, and the DD-MM-YYYY a few files use."""
    if m := re.fullmatch(r"(\d{2})-(\d{2})-(\d{4})", value.strip()):
        value = f"{m[3]}-{m[2]}-{m[1]}"
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def read_cat(path: Path) -> CatDoc:
    root = ET.parse(path).getroot()
    markables = root.find("Markables")
    text, offsets = _rebuild(_annotated_tokens(root, markables))
    timexes, events, dct = [], [], None
    for element in markables if markables is not None else []:
        if element.tag == "TIMEX3" and element.get("functionInDocument") == "CREATION_TIME":
            dct = _date(element.get("value") or "")
        span = _span(element, offsets)
        if span is None:
            continue
        if element.tag == "TIMEX3":
            timexes.append(GoldTimex(*span, element.get("type", ""), element.get("value", "")))
        elif element.tag == "EVENT_MENTION":
            events.append(Mention(*span))
    timexes.sort(key=lambda t: t.start)
    events.sort(key=lambda e: e.start)
    return CatDoc(path.stem, text, dct, timexes, events)


def cat_files(path: Path) -> list[Path]:
    if (path / "intra-doc_annotation").is_dir():
        path = path / "intra-doc_annotation"
    return sorted(path.rglob("*.xml")) if path.is_dir() else [path]


def event_triggers(text: str, published: date | None, model: str | None) -> list[Mention] | None:
    """Our event triggers for the text, or None when the full pipeline is not available."""
    try:
        from newsgraph.api import extract
        from newsgraph.model import Article
    except ImportError as error:
        log.warning("event scoring skipped: %s", error)
        return None
    article = Article(text=text, published=published.isoformat() if published else None)
    result = extract(article, model=model) if model else extract(article)
    return [Mention(e.trigger[0], e.trigger[1]) for e in result.events]


def timex_metrics(docs: list[CatDoc], model: str | None = None) -> dict[str, float]:
    nlp, tally = time_nlp(model), Tally()
    for doc in docs:
        tally.add(doc.text, doc.timexes, predict(nlp, doc.text, doc.dct))
    return tally.metrics()


def event_metrics(docs: list[CatDoc], model: str | None = None) -> dict[str, float]:
    """Event mention precision/recall/F1; empty when the full pipeline is unavailable."""
    gold = predicted = matched = 0
    for doc in docs:
        triggers = event_triggers(doc.text, doc.dct, model)
        if triggers is None:
            return {}
        gold, predicted = gold + len(doc.events), predicted + len(triggers)
        matched += len(match(doc.text, doc.events, triggers, strict=False))
    precision, recall, score = f1(matched, gold, predicted)
    return {
        "event_mention_precision": precision,
        "event_mention_recall": recall,
        "event_mention_f1": score,
    }


def evaluate(path: Path, limit: int | None = None, model: str | None = None) -> dict[str, float]:
    docs = [read_cat(f) for f in cat_files(Path(path))[:limit]]
    return {**timex_metrics(docs, model), **event_metrics(docs, model), "n": len(docs)}
