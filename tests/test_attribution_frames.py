"""Attribution rules from the second PolNeAR round: frames in which a word reports
nothing, datelines and time stamps around sources, doubled-apostrophe quotes, relative
clauses as contents, and opposed views kept out of a content."""

from __future__ import annotations

import pytest

# The fixture `nlp` comes from attribution_helpers; tests take it as an argument.
# ruff: noqa: F811
from attribution_helpers import cues, found, nlp  # noqa: F401

from newsgraph.extract.quotes import find_quotes


def test_a_verb_with_a_plain_object_in_a_loose_frame_is_no_cue(nlp):
    assert "found" not in cues(nlp, "Okafor found the keys in the harbor office.")
    assert "pushed" not in cues(nlp, "Lee pushed the cart to the dock.")
    assert "threatened" not in cues(nlp, "The storm threatened the harbor.")
    assert "added" not in cues(nlp, "Okafor, who in 2012 added to his fleet, bought two ferries.")


def test_the_same_verb_with_a_that_clause_is_still_a_cue(nlp):
    (finding,) = [s for s in found(nlp, "Okafor found that the ferry was late.") if s[0] == "found"]
    assert finding[1:] == ("Okafor", "that the ferry was late")


def test_a_dateline_taken_for_a_subject_is_not_part_of_the_source(nlp):
    text = "WASHINGTON (AP) — Mayor Ana Reyes and Governor Tom Hale pledged to work together."
    (pledged,) = [s for s in found(nlp, text) if s[0] == "pledged"]
    assert pledged[1] == "Mayor Ana Reyes and Governor Tom Hale"


def test_a_time_stamp_line_does_not_hide_the_subject_below_it(nlp):
    text = "2:40 p.m.\n\nThe harbor board's spokesman says the fares will rise."
    (says,) = [s for s in found(nlp, text) if s[0] == "says"]
    assert says[1] == "The harbor board's spokesman"
    assert says[2] == "the fares will rise"


def test_it_before_a_stance_adjective_is_no_source(nlp):
    text = "It is certain that the ferry will be late."
    (certain,) = [s for s in found(nlp, text) if "certain" in s[0]]
    assert certain[1] is None
    assert certain[2] == "that the ferry will be late"


def test_it_is_clear_that_is_the_writer_speaking_not_a_statement(nlp):
    assert cues(nlp, "It is clear that the ferry will be late.") == []


def test_a_focus_word_before_the_source_stays_out_of_it(nlp):
    (said,) = [
        s for s in found(nlp, "Even the mayor said the fares were too high.") if s[0] == "said"
    ]
    assert said[1] == "the mayor"


def test_for_parsed_as_a_clause_mark_still_joins_a_phrasal_cue(nlp):
    text = "Mayor Reyes is calling for the state to take a stronger role in the harbor."
    (calling,) = found(nlp, text)
    assert calling == (
        "is calling for",
        "Mayor Reyes",
        "the state to take a stronger role in the harbor",
    )


def test_what_the_object_is_called_belongs_to_the_content(nlp):
    text = "Reyes defended the toll, calling the new bridge a waste of money."
    (calling,) = [s for s in found(nlp, text) if s[0] == "calling"]
    assert calling[2] == "the new bridge a waste of money"


def test_doubled_apostrophes_pair_as_quote_marks():
    text = "''Keep the ferry running,'' she said. Lee's boat isn't late."
    assert [text[a:b] for a, b in find_quotes(text)] == ["Keep the ferry running"]


def test_a_doubled_apostrophe_quote_is_a_direct_statement(nlp):
    doc = nlp("''Keep the ferry running,'' she said.")
    (said,) = doc._.ng_statements
    assert said.kind == "direct"
    assert doc.text[said.content[0] : said.content[1]] == "Keep the ferry running"


def test_a_relative_clause_with_its_own_speaker_is_the_content(nlp):
    text = "The wall, which he said the state would pay for, is costly."
    (said,) = [s for s in found(nlp, text) if s[0] == "said"]
    assert said[1:] == ("he", "which he said the state would pay for")


def test_a_quote_after_said_in_a_statement_is_the_content(nlp):
    text = "Sam Lau, the party spokesman, said in a statement. “There are no ballots to count.”"
    (said,) = [s for s in found(nlp, text) if s[0] == "said in a statement"]
    assert said[2] == "There are no ballots to count."


def test_an_opposed_view_is_kept_out_of_the_first_content(nlp):
    text = "Reyes said the fares would rise, while critics say the ferry will close."
    statements = {s[0]: s for s in found(nlp, text)}
    assert statements["said"][2] == "the fares would rise"
    assert statements["say"][1:] == ("critics", "the ferry will close")


def test_a_plan_is_not_read_as_a_statement(nlp):
    assert cues(nlp, "The mayor's plan for the harbor drew large crowds.") == []


def test_voicing_doubts_and_reminding_voters_are_statements(nlp):
    assert found(nlp, "Lee voiced doubts about the ferry schedule.") == [
        ("voiced", "Lee", "doubts about the ferry schedule")
    ]
    (reminded,) = found(nlp, "The mayor reminded voters that the bridge was paid for.")
    assert reminded[1:] == ("The mayor", "that the bridge was paid for")


def test_a_passive_naming_verb_keeps_what_the_thing_was_called(nlp):
    (called,) = found(nlp, "The plan was called reckless by the mayor.")
    assert called == ("was called", "the mayor", "The plan was called reckless")


def test_a_study_reports_a_finding_in_a_frame_that_is_otherwise_no_cue(nlp):
    # "find" with an object is measured mostly not a claim ("found the keys"); with a
    # survey, audit or study as subject it is one.
    text = "A recent survey found broad support for the new bus lanes."
    assert [(c, s) for c, s, _ in found(nlp, text)] == [("found", "A recent survey")]
    assert found(nlp, "She found the keys under the mat.") == []


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        ("The harbor board decided to delay the toll vote.", "decided", "The harbor board",
         "to delay the toll vote"),
        ("The ferry crews decided they had waited long enough.", "decided", "The ferry crews",
         "they had waited long enough"),
        ("The dockworkers' union voted to strike on Monday.", "voted", "The dockworkers' union",
         "to strike on Monday"),
    ],
)  # fmt: skip
def test_a_decision_with_a_clause_is_a_cue_whatever_the_subject(nlp, text, cue, source, content):
    assert (cue, source, content) in found(nlp, text)


def test_a_decision_without_a_decider_is_no_cue(nlp):
    assert "decided" not in cues(nlp, "The match was decided in the final minute.")
    assert "decided" not in cues(nlp, "The board decided the matter quickly.")


def test_casting_someone_as_something_characterizes_them(nlp):
    text = "Senator Varga cast her rival as a friend of the ferry owners."
    assert any(c.startswith("cast") and s == "Senator Varga" for c, s, _ in found(nlp, text))
    assert "cast" not in cues(nlp, "The fishermen cast their nets at dawn.")


def test_a_rule_that_prohibits_something_is_its_source(nlp):
    text = "The new harbor statute prohibits overnight mooring at the ferry dock."
    assert ("prohibits", "The new harbor statute") in [(c, s) for c, s, _ in found(nlp, text)]


def test_convincing_someone_that_something_is_so_is_a_cue_whatever_the_subject(nlp):
    text = "The ferry crews tried to convince the council that the fares were too high."
    assert any(
        c.endswith("convince") and s == "The ferry crews" and t.endswith("the fares were too high")
        for c, s, t in found(nlp, text)
    )


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        ("The harbor audit demonstrated that the tolls were too high.", "demonstrated",
         "The harbor audit"),
        ("The island radio station broadcast the mayor's speech.", "broadcast",
         "The island radio station"),
        ("The ferry captain sounded a cautious note about the new tolls.", "sounded",
         "The ferry captain"),
        ("The dockworkers are looking to punish the council at the polls.", "are looking",
         "The dockworkers"),
    ],
)  # fmt: skip
def test_a_verb_in_its_reporting_frame_is_a_cue_whatever_the_subject(nlp, text, cue, source):
    assert (cue, source) in [(c, s) for c, s, _ in found(nlp, text)]


def test_issuing_a_ruling_or_a_plan_is_a_cue_whatever_the_subject(nlp):
    text = "A judge in Lakeport issued a ruling on the ferry tolls."
    assert ("issued", "A judge in Lakeport") in [(c, s) for c, s, _ in found(nlp, text)]
    text = "The Port Authority issued new rules for tugboats."
    assert ("issued", "The Port Authority") in [(c, s) for c, s, _ in found(nlp, text)]
