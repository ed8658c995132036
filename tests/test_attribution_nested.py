"""Attributions next to or inside another statement's content that stand on their own:
clauses joined by a semicolon or a colon, a relative clause after a noun content, and a
closing "according to"."""

from __future__ import annotations

# The fixture `nlp` comes from attribution_helpers; tests take it as an argument.
# ruff: noqa: F811
from attribution_helpers import found, nlp  # noqa: F401

from newsgraph.evaluate import polnear


def test_a_cue_after_a_semicolon_does_not_report_the_clause_before_it(nlp):
    text = "The mayor backs a new tram line; her rival backs more buses."
    assert ("backs", "The mayor", "a new tram line") in found(nlp, text)
    assert ("backs", "her rival", "more buses") in found(nlp, text)


def test_a_cue_after_a_semicolon_with_nothing_of_its_own_reports_nothing(nlp):
    # "30 percent disagree" is a reaction, not a statement that holds the first clause.
    text = "Most residents say the ferry should run at night; 30 percent disagree."
    assert [s[1] for s in found(nlp, text)] == ["Most residents"]


def test_a_cue_after_a_colon_reports_what_follows_it(nlp):
    text = (
        "The harbor survey showed a deep split over the ferry: 60 percent of islanders "
        "say the service should stay public."
    )
    (say,) = [s for s in found(nlp, text) if s[0] == "say"]
    assert say[2] == "the service should stay public"
    council = found(nlp, "The council is divided: its chair says the budget is too small.")
    assert council == [("says", "its chair", "the budget is too small")]


def test_an_opening_phrase_after_a_semicolon_belongs_to_the_second_clause(nlp):
    text = (
        "The regional planners oppose the new runway; last week, the airline unveiled "
        "a plan to expand it."
    )
    (unveiled,) = [s for s in found(nlp, text) if s[0] == "unveiled"]
    assert unveiled[2] == "a plan to expand it"


def test_a_relative_clause_after_a_comma_is_not_part_of_a_noun_content(nlp):
    text = "The senator praised the harbor pilot Ines Varga, who has vowed to keep the channel open."
    assert found(nlp, text) == [
        ("praised", "The senator", "the harbor pilot Ines Varga"),
        ("has vowed", "who", "to keep the channel open"),
    ]
    plain = found(nlp, "The union rejected the offer, which arrived late on Friday.")
    assert plain == [("rejected", "The union", "the offer")]


def test_a_speaker_in_a_relative_clause_after_a_noun_content_stands_apart(nlp):
    text = "The governor criticized the toll plan, which the auditors said would cost millions."
    (criticized,) = [s for s in found(nlp, text) if s[0] == "criticized"]
    assert criticized[2] == "the toll plan"


def test_a_closing_according_to_is_not_part_of_a_reported_clause(nlp):
    # The phrase vouches for the whole report, so both statements stand.
    text = (
        "Senator Alma Ruiz said she would have vetoed the toll bill if it had reached her "
        "desk, according to local press reports."
    )
    (said,) = [s for s in found(nlp, text) if s[0] == "said"]
    assert said[2] == "she would have vetoed the toll bill if it had reached her desk"
    kept = polnear.predicted(nlp(text)._.ng_statements)
    assert sorted(text[a.source[0] : a.source[1]] for a in kept) == [
        "Senator Alma Ruiz",
        "local press reports",
    ]


def test_an_as_clause_keeps_a_closing_according_to(nlp):
    # "As Ruiz noted, X, according to Y": PolNeAR keeps the aside and the phrase apart,
    # each holding the other.
    text = "As the harbor master noted, the ferry is late again, according to the timetable."
    (noted,) = [s for s in found(nlp, text) if s[0] == "noted"]
    assert noted[2] == "the ferry is late again, according to the timetable"


def test_a_cue_with_its_own_subject_after_a_comma_and_is_its_own_statement(nlp):
    text = (
        "Nearly half of the riders said that the fares are too high, and those riders "
        "backed the new mayor."
    )
    assert found(nlp, text) == [
        ("said", "Nearly half of the riders", "that the fares are too high"),
        ("backed", "those riders", "the new mayor"),
    ]


def test_a_second_that_clause_or_question_after_a_comma_and_is_the_same_content(nlp):
    same = found(nlp, "The mayor said the tram is too slow, and that the buses are too old.")
    assert same == [("said", "The mayor", "the tram is too slow, and that the buses are too old")]
    asked = found(nlp, "Teachers know how many pupils are reading the books, and what they are skipping.")
    assert asked[0][2] == "how many pupils are reading the books, and what they are skipping"


def test_a_quote_and_cue_set_between_dashes_report_only_the_quote(nlp):
    text = (
        "The mayor praised the new tram line - “a bold step for the whole valley,” she "
        "said - and promised more buses."
    )
    (said,) = [s for s in found(nlp, text) if s[0] == "said"]
    assert said[2] == "a bold step for the whole valley"
    kept = polnear.predicted(nlp(text)._.ng_statements)
    assert "The mayor" in {text[a.source[0] : a.source[1]] for a in kept}


def test_an_even_as_clause_with_its_own_speaker_is_not_part_of_the_content(nlp):
    text = "The council hopes the new tram will ease traffic, even as its chair admits the budget is tight."
    assert found(nlp, text)[0] == ("hopes", "The council", "the new tram will ease traffic")
    # A bare "as" clause is the same speaker's aside ("as she said"), and stays.
    text = "The council hopes the new tram will ease traffic, as its chair said last week."
    assert found(nlp, text)[0][2] == "the new tram will ease traffic, as its chair said last week"
