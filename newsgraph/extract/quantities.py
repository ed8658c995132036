"""Quantities: cardinal numbers and ranges with the noun they count.

"100 to 200 terrorists" -> low 100, high 200, what "terrorists";
"2,000 volunteers" -> 2000; "at least 40 people" -> low 40, high None;
"up to 300 troops" -> low None, high 300; "dozens of protesters" -> low 24, high None.
Numbers inside dates, times and ordinals are not quantities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.extract import doc_ents
from newsgraph.extract.numbers import CARDINALS
from newsgraph.pipeline import register_extensions

register_extensions()

WORD_NUMBERS = {**CARDINALS, "a hundred": 100}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "hundred": 1e2}
# Vague plurals give a floor, not a value: "dozens of" is at least two dozen.
VAGUE = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "millions": 2e6}
LOWER_BOUND = {"least", "more", "over", "above", "exceeding", "than"}
UPPER_BOUND = {"up", "most", "under", "below", "fewer", "less", "nearly", "almost"}
RANGE_WORDS = {"to", "-", "–", "—", "and"}
NON_QUANTITY_ENTS = {"DATE", "TIME", "ORDINAL"}


@dataclass
class QuantityMention:
    start: int
    end: int
    text: str
    low: float | None
    high: float | None
    what: str | None
    head: int | None  # token index of the counted noun, or of the number when none


def parse_number(text: str) -> float | None:
    """'2,000' -> 2000, 'two' -> 2, '1.5 million' -> 1.5e6; None when not a number."""
    words = text.lower().replace(",", "").split()
    if not words:
        return None
    value: float | None = None
    for word in words:
        if re.fullmatch(r"\d+(\.\d+)?", word):
            value = float(word) if value is None else value + float(word)
        elif word in WORD_NUMBERS and word not in SCALES:
            value = (value or 0) + WORD_NUMBERS[word]
        elif word in SCALES:
            value = (value or 1) * SCALES[word]
        elif word in VAGUE and value is None:
            value = VAGUE[word]
        elif word in ("a", "an") and value is None:
            continue
        else:
            return None
    return value


def _number_tokens(token: Token) -> list[Token]:
    """The token plus the scale words that follow it ('1.5 million')."""
    tokens = [token]
    nxt = token.i + 1
    while nxt < len(token.doc) and token.doc[nxt].lower_ in SCALES:
        tokens.append(token.doc[nxt])
        nxt += 1
    return tokens


def _is_number(token: Token) -> bool:
    return token.like_num or token.lower_ in WORD_NUMBERS or token.lower_ in VAGUE


def _counted_noun(tokens: list[Token]) -> Token | None:
    last = tokens[-1]
    for token in tokens:
        if token.dep_ in ("nummod", "quantmod", "compound") and token.head.pos_ in (
            "NOUN",
            "PROPN",
        ):
            if token.head.i > last.i or token.head.i < tokens[0].i:
                return token.head
    nxt = last.i + 1
    doc = last.doc
    # "dozens of protesters", "2,000 of its soldiers"
    if nxt < len(doc) and doc[nxt].lower_ == "of":
        for child in doc[nxt].children:
            if child.dep_ == "pobj" and child.pos_ in ("NOUN", "PROPN"):
                return child
    if nxt < len(doc) and doc[nxt].pos_ in ("NOUN",) and not doc[nxt].like_num:
        return doc[nxt]
    return None


def _group_runs(doc: Doc, excluded: set[int]) -> list[list[Token]]:
    """Runs of number tokens joined by range words: '100 to 200', 'between 5 and 10'."""
    runs: list[list[Token]] = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if i in excluded or not _is_number(token) or token.lower_ in SCALES:
            i += 1
            continue
        run = _number_tokens(token)
        j = run[-1].i + 1
        if (
            j + 1 < len(doc)
            and doc[j].text in RANGE_WORDS
            and _is_number(doc[j + 1])
            and j + 1 not in excluded
        ):
            run = run + [doc[j]] + _number_tokens(doc[j + 1])
        runs.append(run)
        i = run[-1].i + 1
    return runs


def _bounds(run: list[Token]) -> tuple[float | None, float | None]:
    numbers = [t for t in run if t.text not in RANGE_WORDS]
    groups: list[list[Token]] = [[]]
    for token in numbers:
        if token.lower_ in SCALES and groups[-1]:
            groups[-1].append(token)
        else:
            groups.append([token])
    values = [parse_number(" ".join(t.text for t in g)) for g in groups if g]
    values = [v for v in values if v is not None]
    if not values:
        return None, None
    low, high = min(values), max(values)
    first = run[0]
    prev = [first.doc[k].lower_ for k in range(max(0, first.i - 2), first.i)]
    if first.lower_ in VAGUE:
        return low, None
    if any(w in LOWER_BOUND for w in prev):
        return low, None
    if any(w in UPPER_BOUND for w in prev):
        return None, high
    return low, high


QUANTIFIER_WORDS = (
    LOWER_BOUND | UPPER_BOUND | RANGE_WORDS | {"between", "at", "some", "about", "around"}
)


def _is_calendar(ent: Span) -> bool:
    """NER tags 'Between 5' as DATE too; a real date has a calendar word or a year in it."""
    if ent.label_ == "ORDINAL":
        return True
    for token in ent:
        if (
            token.is_alpha
            and token.lower_ not in QUANTIFIER_WORDS
            and token.lower_ not in WORD_NUMBERS
        ):
            return True
        if re.fullmatch(r"(1[89]|20|21)\d\d", token.text):
            return True
    return False


def _up_to(doc: Doc, i: int) -> bool:
    return doc[i].lower_ == "to" and i > 0 and doc[i - 1].lower_ == "up"


def find_quantities(doc: Doc) -> list[QuantityMention]:
    excluded = {
        t.i
        for ent in doc_ents(doc)
        if ent.label_ in NON_QUANTITY_ENTS and _is_calendar(ent)
        for t in ent
    }
    found: list[QuantityMention] = []
    for run in _group_runs(doc, excluded):
        low, high = _bounds(run)
        if low is None and high is None:
            continue
        noun = _counted_noun(run)
        last = noun.i if noun is not None and noun.i > run[-1].i else run[-1].i
        first = run[0].i
        # "between 100 and 200" / "at least 40" belong to the span as a reader sees it
        while first > 0 and (
            doc[first - 1].lower_ in QUANTIFIER_WORDS - RANGE_WORDS or _up_to(doc, first - 1)
        ):
            first -= 1
        span: Span = doc[first : last + 1]
        found.append(
            QuantityMention(
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                low=low,
                high=high,
                what=noun.text if noun is not None else None,
                head=noun.i if noun is not None else run[-1].i,
            )
        )
    return found


@Language.component("newsgraph_quantities")
def quantities_component(doc: Doc) -> Doc:
    doc._.ng_quantities = find_quantities(doc)
    return doc
