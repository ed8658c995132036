"""PolNeAR scoring: brat reading, span trimming and the arithmetic of each metric."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.evaluate import DatasetError, polnear
from newsgraph.evaluate.polnear import Attribution, Counts, read_ann, score_document, trim

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEV = SHARED / "eval" / "dev" / "polnear" / "dev"

TEXT = "“Rates will rise,” the banker said. Critics argued that the plan was reckless."
#       0         1         2         3         4         5         6         7
#       0123456789012345678901234567890123456789012345678901234567890123456789012345678

ANN = "\n".join(
    [
        "T1\tSource 19 29\tthe banker",
        "T2\tCue 30 34\tsaid",
        "T3\tContent 0 18\t“Rates will rise,”",
        "T4\tAttribution 30 34\tsaid",
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        "T5\tSource 36 43\tCritics",
        "T6\tCue 44 50\targued",
        "T7\tContent 51 60;61 78\tthat the plan was reckless",
        "T8\tAttribution 44 50\targued",
        "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5",
    ]
)


def test_fixture_offsets_are_right():
    assert TEXT[19:29] == "the banker" and TEXT[44:50] == "argued"
    assert TEXT[51:78] == "that the plan was reckless."


def test_read_ann_joins_roles_and_takes_the_hull_of_fragments(tmp_path):
    path = tmp_path / "doc_ab12.ann"
    path.write_text(ANN, encoding="utf-8")
    first, second = read_ann(path)
    assert (first.source, first.cue, first.content) == ((19, 29), (30, 34), (0, 18))
    assert second.content == (51, 78)


def test_trim_drops_quote_marks_punctuation_and_spaces():
    assert TEXT[slice(*trim(TEXT, (0, 18)))] == "Rates will rise"
    assert trim(TEXT, (17, 19)) is None


def test_trim_drops_no_break_spaces_too():
    text = "Ms. Diaz\u00a0said so."
    assert text[slice(*trim(text, (0, 9)))] == "Ms. Diaz"


def test_scores_count_exact_and_overlapping_spans(tmp_path):
    path = tmp_path / "doc_ab12.ann"
    path.write_text(ANN, encoding="utf-8")
    predicted = [
        # Right source and cue; content without the quote marks is still exact.
        Attribution(source=(19, 29), cue=(30, 34), content=(1, 16)),
        # Wrong source span ("Critics argued"), content shares words but is not exact.
        Attribution(source=(36, 50), cue=(44, 50), content=(56, 77)),
        # A spurious statement.
        Attribution(source=(36, 43), cue=(44, 50), content=(36, 43)),
    ]
    counts = Counts()
    score_document(TEXT, read_ann(path), predicted, counts)
    metrics = counts.metrics()
    # Sources: predicted {banker, "Critics argued", Critics} vs gold {banker, Critics}.
    assert metrics["source_precision"] == pytest.approx(2 / 3)
    assert metrics["source_recall"] == 1.0
    assert metrics["source_f1"] == pytest.approx(0.8)
    # Cues: two distinct predicted spans, both right.
    assert metrics["cue_precision"] == 1.0 and metrics["cue_recall"] == 1.0
    # Contents: 1 of 3 exact; overlap matches the quote and the clause, not "Critics".
    assert metrics["content_exact_precision"] == pytest.approx(1 / 3)
    assert metrics["content_exact_recall"] == pytest.approx(1 / 2)
    assert metrics["content_overlap_precision"] == pytest.approx(2 / 3)
    assert metrics["content_overlap_recall"] == 1.0


def test_a_relaying_statement_is_scored_as_an_attribution_of_its_own():
    from newsgraph.extract.attribution import StatementMention

    relay = StatementMention(cue=(50, 62), content=(0, 48), source=(63, 66), source_head=None, kind="indirect")
    said = StatementMention(
        cue=(40, 44), content=(0, 35), source=(36, 39), source_head=None, kind="direct",
        via=[(63, 66)], relayed_by=[relay],
    )  # fmt: skip
    # Its content holds the relayed statement's cue, so that one is nested and, as
    # PolNeAR is univocal, left out.
    assert [(a.cue, a.source) for a in polnear.predicted([said])] == [((50, 62), (63, 66))]
    assert [a.cue for a in polnear.predicted([said, relay])] == [(50, 62)]


def test_empty_prediction_scores_zero_without_dividing_by_zero():
    metrics = Counts().metrics()
    assert set(metrics) == set(polnear.METRICS)
    assert all(value == 0.0 for value in metrics.values())


def test_a_folder_without_the_split_layout_is_rejected(tmp_path):
    with pytest.raises(DatasetError):
        list(polnear.documents(tmp_path))


@pytest.mark.shared
def test_dev_floors_on_a_subset():
    if not DEV.is_dir():
        pytest.skip("../shared PolNeAR dev set not present")
    metrics = polnear.evaluate(DEV, limit=25)
    assert metrics["n"] == 25
    # Measured on these 25 articles: source 0.790, content overlap 0.833, cue 0.704,
    # content exact 0.582 (all 84 dev articles: source 0.803; see newsgraph.evaluate.polnear).
    assert metrics["source_f1"] >= 0.785
    assert metrics["content_overlap_f1"] >= 0.825
    assert metrics["cue_f1"] >= 0.70
    assert metrics["content_exact_f1"] >= 0.575


def _split(tmp_path: Path, annotators: dict[str, str]) -> Path:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "rates.txt").write_text(TEXT, encoding="utf-8")
    for who, ann in annotators.items():
        (tmp_path / "attributions" / f"rates_{who}.ann").write_text(ann, encoding="utf-8")
    return tmp_path


def test_an_article_annotated_twice_is_scored_once_against_its_first_annotator(tmp_path):
    split = _split(tmp_path, {"aa11": ANN, "bb22": ANN.split("\nT5")[0]})
    ((name, _, ann),) = polnear.documents(split)
    assert (name, ann.name) == ("rates", "rates_aa11.ann")


def test_annotator_agreement_scores_each_pair_of_annotators(tmp_path):
    from newsgraph.evaluate import polnear_agreement

    # The second annotator found the banker's quote and missed the critics' claim.
    split = _split(tmp_path, {"aa11": ANN, "bb22": ANN.split("\nT5")[0]})
    metrics = polnear_agreement.evaluate(split)
    assert metrics["n"] == 1
    assert metrics["source_precision"] == 1.0
    assert metrics["source_recall"] == pytest.approx(1 / 2)
    assert set(polnear_agreement.METRICS) <= set(metrics)
