"""The time stage: which expressions it finds and what dates they resolve to."""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph import pipeline
from newsgraph.extract.time import TimeMention, find_times, resolve

# A Tuesday.
PUBLISHED = date(2025, 11, 11)


@pytest.fixture(scope="module")
def nlp():
    try:
        return pipeline.build(pipeline.DEFAULT_MODEL, components=("newsgraph_time",))
    except pipeline.ModelNotFound:
        pytest.skip("spaCy model not installed")


def times(nlp, text: str, published: date | None = PUBLISHED) -> list[TimeMention]:
    doc = nlp.make_doc(text)
    doc._.ng_meta = {"published": published}
    return nlp(doc)._.ng_times


def only(nlp, text: str, published: date | None = PUBLISHED) -> TimeMention:
    found = times(nlp, text, published)
    assert len(found) == 1, found
    return found[0]


# ---------------------------------------------------------------- resolve(), rule by rule


def test_a_bare_weekday_is_the_most_recent_one():
    assert resolve("Monday", PUBLISHED) == ("2025-11-10", "2025-11-10", "day")


def test_a_weekday_in_a_future_clause_looks_ahead():
    assert resolve("Monday", PUBLISHED, tense="future")[1] == "2025-11-17"


def test_the_weekday_of_publication_is_that_day():
    assert resolve("Tuesday", PUBLISHED)[1] == "2025-11-11"


def test_last_and_next_weekday_skip_the_current_week():
    assert resolve("last Tuesday", PUBLISHED)[1] == "2025-11-04"
    assert resolve("next Tuesday", PUBLISHED)[1] == "2025-11-18"


def test_yesterday_today_tomorrow():
    assert resolve("yesterday", PUBLISHED)[1] == "2025-11-10"
    assert resolve("today", PUBLISHED)[1] == "2025-11-11"
    assert resolve("tomorrow", PUBLISHED)[1] == "2025-11-12"


def test_relative_weeks_are_iso_weeks():
    assert resolve("last week", PUBLISHED) == ("2025-W45", "2025-11-03", "week")
    assert resolve("this week", PUBLISHED)[0] == "2025-W46"


def test_relative_months_and_years():
    assert resolve("next month", PUBLISHED) == ("2025-12", "2025-12-01", "month")
    assert resolve("earlier this month", PUBLISHED)[0] == "2025-11"
    assert resolve("last year", PUBLISHED) == ("2024", "2024-01-01", "year")


def test_counted_units_ago_keep_their_granularity():
    assert resolve("two days ago", PUBLISHED) == ("2025-11-09", "2025-11-09", "day")
    assert resolve("three years ago", PUBLISHED) == ("2022", "2022-01-01", "year")


def test_a_bare_year_and_a_year_after_in():
    assert resolve("2024", PUBLISHED) == ("2024", "2024-01-01", "year")
    assert resolve("in 2024", PUBLISHED)[0] == "2024"


def test_a_decade():
    assert resolve("the 1990s", PUBLISHED) == ("199", "1990-01-01", "decade")


def test_a_month_without_a_year_is_the_nearest_one():
    assert resolve("October", PUBLISHED)[0] == "2025-10"
    assert resolve("January", PUBLISHED)[0] == "2026-01"


def test_past_tense_pulls_a_month_into_the_past():
    assert resolve("December", PUBLISHED, tense="past")[0] == "2024-12"


def test_last_month_name_is_before_the_current_month():
    assert resolve("last May", PUBLISHED)[0] == "2025-05"
    assert resolve("last December", PUBLISHED)[0] == "2024-12"


def test_full_dates_with_and_without_the_year():
    assert resolve("May 14, 2009", PUBLISHED) == ("2009-05-14", "2009-05-14", "day")
    assert resolve("Nov. 3", PUBLISHED)[0] == "2025-11-03"


def test_quarters_and_seasons():
    assert resolve("the third quarter", PUBLISHED) == ("2025-Q3", "2025-07-01", "quarter")
    assert resolve("the first quarter of 2024", PUBLISHED)[0] == "2024-Q1"
    assert resolve("this summer", PUBLISHED)[:2] == ("2025-SU", "2025-06-01")


def test_clock_times_sit_on_the_publication_day():
    assert resolve("2 p.m.", PUBLISHED) == ("2025-11-11T14:00", "2025-11-11", "time")
    assert resolve("Thursday evening", PUBLISHED)[0] == "2025-11-06TEV"


def test_durations_have_no_calendar_value():
    assert resolve("three days", PUBLISHED) == ("P3D", None, "duration")
    assert resolve("the past two years", PUBLISHED)[0] == "P2Y"
    assert resolve("several weeks", PUBLISHED)[0] == "PXW"


def test_vague_expressions_keep_no_date():
    assert resolve("in the near future", PUBLISHED) == ("FUTURE_REF", None, None)
    assert resolve("recently", PUBLISHED) == ("PAST_REF", None, None)
    assert resolve("a while", PUBLISHED) == (None, None, None)


def test_now_is_the_publication_date():
    assert resolve("now", PUBLISHED) == ("PRESENT_REF", "2025-11-11", None)


def test_spelled_out_years_from_transcripts():
    assert resolve("nineteen ninety-six", PUBLISHED)[0] == "1996"


def test_without_a_publication_date_only_absolute_dates_resolve():
    assert resolve("Monday", None) == (None, None, None)
    assert resolve("last week", None) == (None, None, None)
    assert resolve("May 14, 2009", None)[1] == "2009-05-14"
    assert resolve("2024", None)[0] == "2024"


# ---------------------------------------------------------------- find_times() on a doc


def test_past_clause_weekday(nlp):
    mention = only(nlp, "The two ministers met in Geneva on Monday.")
    assert (mention.text, mention.value, mention.type) == ("Monday", "2025-11-10", "DATE")


def test_future_clause_weekday_reads_the_auxiliary(nlp):
    mention = only(nlp, "The two ministers will meet in Geneva on Monday.")
    assert mention.value == "2025-11-17"


def test_spans_are_offsets_into_the_text_without_the_preposition(nlp):
    text = "Talks collapsed last week. The army withdrew in 2024 after three days of fighting."
    found = times(nlp, text)
    assert [m.text for m in found] == ["last week", "2024", "three days"]
    assert all(text[m.start : m.end] == m.text for m in found)
    assert [m.type for m in found] == ["DATE", "DATE", "DURATION"]


def test_now_is_found_even_though_ner_skips_it(nlp):
    mention = only(nlp, "The border is now closed to trucks.")
    assert (mention.text, mention.timex) == ("now", "PRESENT_REF")


def test_ages_are_not_times(nlp):
    assert times(nlp, "The 56-year-old minister resigned.") == []


def test_a_missing_meta_leaves_relative_dates_unresolved(nlp):
    doc = nlp.make_doc("The minister resigned on Monday.")
    doc._.ng_meta = None
    mention = nlp(doc)._.ng_times[0]
    assert (mention.text, mention.value) == ("Monday", None)


def test_a_quarter_under_discussion_anchors_a_year_earlier(nlp):
    text = "Profit rose 5% in the third quarter. A year earlier, the company lost money."
    found = times(nlp, text)
    assert [m.timex for m in found] == ["2025-Q3", "2024-Q3"]


def test_find_times_can_be_called_on_a_parsed_doc(nlp):
    doc = nlp("Voting closed yesterday.")
    doc._.ng_meta = {"published": date(2024, 3, 1)}
    assert [(m.text, m.value) for m in find_times(doc)] == [("yesterday", "2024-02-29")]
