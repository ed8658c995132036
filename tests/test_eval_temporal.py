"""The TimeML and MEANTIME scorers, on tiny files we write, and floors on the real sets."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsgraph import pipeline
from newsgraph.evaluate import meantime, timeml
from newsgraph.evaluate.timeml import GoldTimex, Predicted, Tally, match

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
TEMPORAL = SHARED / "eval" / "dev" / "temporal"

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>TEST1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2025-11-11" functionInDocument="CREATION_TIME">2025-11-11</TIMEX3></DCT>
<TEXT>
The talks <EVENT eid="e1" class="OCCURRENCE">ended</EVENT> on <TIMEX3 tid="t1" type="DATE" value="2025-11-10">Monday</TIMEX3>. Officials will meet again <TIMEX3 tid="t2" type="DATE" value="2025-W47">next week</TIMEX3> for <TIMEX3 tid="t3" type="DURATION" value="P3D">three days</TIMEX3>.
</TEXT>
</TimeML>
"""

CAT_TOKENS = [
    (0, "Talks"), (0, "resume"),
    (1, "November"), (1, "11"), (1, ","), (1, "2025"),
    (2, "The"), (2, "ministers"), (2, "met"), (2, "on"), (2, "Monday"), (2, "."),
    (3, "They"), (3, "argued"), (3, "for"), (3, "hours"), (3, "."),
]  # fmt: skip


def cat_xml() -> str:
    tokens = "\n".join(
        f'<token t_id="{i}" sentence="{s}" number="{i - 1}">{w}</token>'
        for i, (s, w) in enumerate(CAT_TOKENS, start=1)
    )
    anchors = lambda *ids: "".join(f'<token_anchor t_id="{i}"/>' for i in ids)  # noqa: E731
    return f"""<?xml version="1.0" ?><Document doc_id="1" lang="en">
{tokens}
<Markables>
<TIMEX3 m_id="1" type="DATE" value="2025-11-11" functionInDocument="CREATION_TIME">{anchors(3, 4, 5, 6)}</TIMEX3>
<TIMEX3 m_id="2" type="DATE" value="2025-11-10" functionInDocument="NONE">{anchors(11)}</TIMEX3>
<EVENT_MENTION m_id="3" pos="VERB">{anchors(9)}</EVENT_MENTION>
</Markables>
</Document>
"""


@pytest.fixture(scope="module")
def has_model():
    try:
        pipeline.build(pipeline.DEFAULT_MODEL, components=("newsgraph_time",))
    except pipeline.ModelNotFound:
        pytest.skip("spaCy model not installed")


# ---------------------------------------------------------------- reading


def test_read_tml_strips_tags_and_keeps_offsets(tmp_path: Path):
    (tmp_path / "a.tml").write_text(TML)
    doc = timeml.read_tml(tmp_path / "a.tml")
    assert doc.dct == date(2025, 11, 11)
    assert "<" not in doc.text
    assert [doc.text[t.start : t.end] for t in doc.timexes] == ["Monday", "next week", "three days"]
    assert [t.value for t in doc.timexes] == ["2025-11-10", "2025-W47", "P3D"]


def test_read_cat_rebuilds_text_with_header_lines(tmp_path: Path):
    (tmp_path / "a.xml").write_text(cat_xml())
    doc = meantime.read_cat(tmp_path / "a.xml")
    assert doc.text.startswith("Talks resume\nNovember 11, 2025\nThe ministers met on Monday.")
    assert doc.dct == date(2025, 11, 11)
    assert [doc.text[t.start : t.end] for t in doc.timexes] == ["November 11, 2025", "Monday"]
    assert [doc.text[e.start : e.end] for e in doc.events] == ["met"]


def test_read_cat_drops_sentences_after_the_last_markable(tmp_path: Path):
    (tmp_path / "a.xml").write_text(cat_xml())
    assert "argued" not in meantime.read_cat(tmp_path / "a.xml").text


# ---------------------------------------------------------------- scoring


def test_strict_matching_ignores_surrounding_punctuation_only():
    text = "He left (on Monday) for a week."
    gold = [GoldTimex(12, 18, "DATE", "2025-11-10")]
    assert match(text, gold, [Predicted(8, 19, "DATE", None)], strict=True) == []  # "on" counts
    assert match(text, gold, [Predicted(11, 19, "DATE", None)], strict=True) == [(0, 0)]
    assert match(text, gold, [Predicted(9, 18, "DATE", None)], strict=False) == [(0, 0)]


def test_tally_scores_spans_and_values_separately():
    text = "On Monday and in May the talks went on for a week."
    gold = [
        GoldTimex(3, 9, "DATE", "2025-11-10"),
        GoldTimex(17, 20, "DATE", "2025-05"),
        GoldTimex(43, 49, "DURATION", "P1W"),
    ]
    predicted = [
        Predicted(3, 9, "DATE", "2025-11-10"),  # right span, right value
        Predicted(14, 20, "DATE", "2024-05"),  # overlapping span, wrong value
    ]
    tally = Tally()
    tally.add(text, gold, predicted)
    metrics = tally.metrics()
    assert metrics["timex_span_precision"] == 0.5
    assert metrics["timex_span_recall"] == pytest.approx(1 / 3)
    assert metrics["timex_relaxed_f1"] == pytest.approx(0.8)
    assert metrics["timex_value_accuracy"] == 0.5  # DATE/TIME only: the duration is not scored
    assert metrics["timex_value_accuracy_strict"] == 1.0


def test_timeml_evaluate_on_our_fixture(tmp_path: Path, has_model):
    (tmp_path / "a.tml").write_text(TML)
    metrics = timeml.evaluate(tmp_path)
    assert metrics["n"] == 1
    assert metrics["timex_span_f1"] == 1.0
    assert metrics["timex_value_accuracy"] == 1.0


def test_meantime_timex_metrics_on_our_fixture(tmp_path: Path, has_model):
    (tmp_path / "a.xml").write_text(cat_xml())
    docs = [meantime.read_cat(tmp_path / "a.xml")]
    metrics = meantime.timex_metrics(docs)
    assert metrics["timex_span_recall"] == 1.0
    assert metrics["timex_value_accuracy"] == 1.0


def test_meantime_events_match_triggers_by_overlap(tmp_path: Path, has_model, monkeypatch):
    (tmp_path / "a.xml").write_text(cat_xml())
    text = meantime.read_cat(tmp_path / "a.xml").text
    met = text.index("met")
    # Stand-in for the full pipeline: one trigger on "met", one on "Monday".
    triggers = [meantime.Mention(met, met + 3), meantime.Mention(met + 7, met + 13)]
    monkeypatch.setattr(meantime, "event_triggers", lambda *args: triggers)
    metrics = meantime.evaluate(tmp_path)
    assert metrics["n"] == 1
    assert metrics["event_mention_recall"] == 1.0
    assert metrics["event_mention_precision"] == 0.5


def test_meantime_without_the_full_pipeline_reports_timexes_only(
    tmp_path: Path, has_model, monkeypatch
):
    (tmp_path / "a.xml").write_text(cat_xml())
    monkeypatch.setattr(meantime, "event_triggers", lambda *args: None)
    metrics = meantime.evaluate(tmp_path)
    assert "event_mention_f1" not in metrics
    assert metrics["timex_value_accuracy"] == 1.0


# ---------------------------------------------------------------- floors on ../shared


@pytest.mark.shared
def test_timebank_floor(has_model):
    folder = TEMPORAL / "tbaq" / "TimeBank"
    if not folder.is_dir():
        pytest.skip("../shared TBAQ not present")
    metrics = timeml.evaluate(folder, limit=40)
    assert metrics["timex_value_accuracy"] >= 0.80
    assert metrics["timex_span_f1"] >= 0.80


@pytest.mark.shared
def test_meantime_floor(has_model):
    folder = TEMPORAL / "meantime"
    if not folder.is_dir():
        pytest.skip("../shared MEANTIME not present")
    docs = [meantime.read_cat(f) for f in meantime.cat_files(folder)[:40]]
    metrics = meantime.timex_metrics(docs)
    assert metrics["timex_value_accuracy"] >= 0.80
    assert metrics["timex_span_f1"] >= 0.75
