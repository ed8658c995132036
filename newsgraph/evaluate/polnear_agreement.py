"""How far PolNeAR's annotators agree with each other: ``newsgraph eval polnear-agreement PATH``.

The human ceiling for ``newsgraph eval polnear``. PATH is the same split folder. Only the
articles that two or more people annotated are read; on each, every annotator's spans
are scored against every earlier annotator's (each pair once) with exactly the rules of
:mod:`newsgraph.evaluate.polnear`, so the metrics carry the same names and meaning.
``newsgraph_*`` metrics score newsgraph on the same articles against each annotator in
turn, for a like-for-like comparison.

Measured: the 16 train articles with several annotators (5 or 6 each, every pair
scored) agree at source F1 0.789, cue F1 0.712 and content overlap F1 0.851; newsgraph
gets 0.752, 0.666 and 0.804 on them. On the 2 such dev articles: 0.881 against 0.872.
"""

from __future__ import annotations

from pathlib import Path

from newsgraph.evaluate import polnear

NAME = "polnear-agreement"
METRICS: tuple[str, ...] = polnear.METRICS + tuple(
    f"newsgraph_{role}_f1" for role in polnear.ROLES
)


def evaluate(path: Path, limit: int | None = None, model: str | None = None) -> dict[str, float]:
    from newsgraph.pipeline import DEFAULT_MODEL, build

    shared = [a for a in polnear.annotations(Path(path)) if len(a[2]) > 1]
    shared = shared[:limit] if limit else shared
    people, ours = polnear.Counts(), polnear.Counts()
    nlp = build(model or DEFAULT_MODEL, components=("newsgraph_statements",))
    for (_, text, anns), doc in zip(shared, nlp.pipe(t for _, t, _ in shared), strict=True):
        golds = [polnear.read_ann(a) for a in anns]
        for i, gold in enumerate(golds):
            for other in golds[i + 1 :]:
                polnear.score_document(text, gold, other, people)
            polnear.score_document(text, gold, polnear.predicted(doc._.ng_statements), ours)
    newsgraph = {
        f"newsgraph_{k}": v for k, v in ours.metrics().items() if k.endswith("_f1")
    }
    return {**people.metrics(), **newsgraph, "n": float(len(shared))}
