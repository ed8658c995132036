"""Span matching and precision/recall/F1, shared by the dataset scorers.

How spans are matched (the README's "Accuracy" section quotes this):

- **exact**: the two spans cover the same characters once punctuation and whitespace
  are trimmed from both ends, so ``"the minister,"`` equals ``the minister``.
- **overlap**: the two spans share at least one token (a run of letters or digits),
  as BBC Citron reports its "overlap" scores.

A gold span is matched by at most one predicted span and the other way round (greedy,
in order), so one long prediction cannot collect several gold spans.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

Span = tuple[int, int]

_TOKEN = re.compile(r"\w+", re.UNICODE)


def _trimmable(char: str) -> bool:
    # Unicode categories P* (punctuation) and Z* (separators), plus control characters
    # such as newlines and tabs.
    return char.isspace() or unicodedata.category(char)[0] in "PZC"


def trim(span: Span, text: str) -> Span:
    """Shrink ``span`` past leading and trailing punctuation and whitespace in ``text``.

    A span made only of punctuation collapses to an empty span at its start.
    """
    start, end = span
    while start < end and _trimmable(text[start]):
        start += 1
    while end > start and _trimmable(text[end - 1]):
        end -= 1
    return (start, end)


def exact_match(a: Span, b: Span, text: str) -> bool:
    """Both spans cover the same non-empty characters after trimming."""
    ta, tb = trim(a, text), trim(b, text)
    return ta == tb and ta[0] < ta[1]


def tokens(span: Span, text: str) -> set[Span]:
    """The word tokens of ``text`` (runs of letters or digits) that the span touches.

    A token cut by the span's edge counts whole, so "minister" cut to "minist" is the
    same token as "minister".
    """
    start, end = span
    if start >= end:
        return set()
    # Widen only across a cut word: a span ending at '"' before "We" does not touch "We".
    if text[start].isalnum():
        while start > 0 and text[start - 1].isalnum():
            start -= 1
    if text[end - 1].isalnum():
        while end < len(text) and text[end].isalnum():
            end += 1
    return {(m.start() + start, m.end() + start) for m in _TOKEN.finditer(text[start:end])}


def overlap_match(a: Span, b: Span, text: str) -> bool:
    """The spans share at least one word token, by position in ``text``."""
    return bool(tokens(a, text) & tokens(b, text))


@dataclass
class Counts:
    """True positives, false positives and false negatives, summed over documents."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return precision(self.tp, self.fp)

    @property
    def recall(self) -> float:
        return recall(self.tp, self.fn)

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    def prf(self, prefix: str) -> dict[str, float]:
        """``{prefix}_precision``, ``{prefix}_recall`` and ``{prefix}_f1``."""
        return {
            f"{prefix}_precision": self.precision,
            f"{prefix}_recall": self.recall,
            f"{prefix}_f1": self.f1,
        }


def precision(tp: int, fp: int) -> float:
    """tp / (tp + fp); 0.0 when nothing was predicted."""
    return tp / (tp + fp) if tp + fp else 0.0


def recall(tp: int, fn: int) -> float:
    """tp / (tp + fn); 0.0 when there was nothing to find."""
    return tp / (tp + fn) if tp + fn else 0.0


def f1(p: float, r: float) -> float:
    """The harmonic mean of precision and recall; 0.0 when both are 0."""
    return 2 * p * r / (p + r) if p + r else 0.0


def match_spans(
    gold: Sequence[Span],
    predicted: Sequence[Span],
    text: str,
    same: Callable[[Span, Span, str], bool] = exact_match,
) -> Counts:
    """Count one-to-one matches between gold and predicted spans of one document."""
    used: set[int] = set()
    tp = 0
    for g in gold:
        for i, p in enumerate(predicted):
            if i not in used and same(g, p, text):
                used.add(i)
                tp += 1
                break
    return Counts(tp=tp, fp=len(predicted) - tp, fn=len(gold) - tp)


def macro_f1(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """Unweighted mean of per-label F1 over the labels that occur in gold or predictions."""
    labels = sorted(set(gold) | set(predicted))
    if not labels:
        return 0.0
    return sum(label_counts(gold, predicted, label).f1 for label in labels) / len(labels)


def label_counts(gold: Sequence[str], predicted: Sequence[str], label: str) -> Counts:
    """One-vs-rest counts for ``label`` over paired gold and predicted labels."""
    counts = Counts()
    for g, p in zip(gold, predicted, strict=True):
        counts.tp += g == label and p == label
        counts.fp += g != label and p == label
        counts.fn += g == label and p != label
    return counts
