"""Attribution rules whose cue a copula carries: "Lee is a staunch supporter of ..."."""

from __future__ import annotations

# The fixture `nlp` comes from attribution_helpers; tests take it as an argument.
# ruff: noqa: F811
from attribution_helpers import found, nlp  # noqa: F401


def test_a_side_taker_after_a_copula_is_its_subjects_stance(nlp):
    text = "The harbor master has been an outspoken critic of the dredging plan."
    assert ("has been an outspoken critic of", "The harbor master", "the dredging plan") in found(
        nlp, text
    )


def test_a_side_taker_among_others_after_a_copula_is_its_subjects_stance(nlp):
    text = "The ferry crews were among the earliest supporters of the strike."
    assert ("were among the earliest supporters of", "The ferry crews", "the strike") in found(
        nlp, text
    )


def test_a_contracted_has_before_the_copula_keeps_its_subject(nlp):
    text = "She's been a vocal opponent of the bridge toll."
    assert ("'s been a vocal opponent of", "She", "the bridge toll") in found(nlp, text)


def test_a_set_off_relative_clause_is_not_the_side_takers_content(nlp):
    text = "Ruiz was an early backer of Okafor, who has vowed to close the port."
    assert ("was an early backer of", "Ruiz", "Okafor") in found(nlp, text)


def test_a_tie_rather_than_a_stance_is_no_statement(nlp):
    text = "Okafor is a longtime friend of the harbor master."
    assert found(nlp, text) == []


def test_a_side_taker_inside_a_quote_stays_the_speakers(nlp):
    text = "“I am a backer of the levy,” Okafor said."
    assert [s[0] for s in found(nlp, text)] == ["said"]


def test_a_poll_that_has_a_candidate_somewhere_is_the_source(nlp):
    text = "The Harbor Gazette poll has Okafor leading Ruiz by six points."
    assert ("has", "The Harbor Gazette poll", "Okafor leading Ruiz by six points") in found(
        nlp, text
    )


def test_a_poll_or_an_estimate_that_puts_a_figure_somewhere_is_the_source(nlp):
    text = "A ferry board survey put her support among commuters at 5 percent."
    assert ("put", "A ferry board survey", "her support among commuters at 5 percent") in found(
        nlp, text
    )
    text = "Early estimates put the cost of the new breakwater at $40 million."
    assert ("put", "Early estimates", "the cost of the new breakwater at $40 million") in found(
        nlp, text
    )


def test_a_poll_that_has_a_property_places_no_one(nlp):
    text = "The Harbor Gazette poll has a margin of error of three points."
    assert found(nlp, text) == []


def test_a_stance_adjective_misread_as_a_modifier_still_reports_its_clause(nlp):
    text = "The harbor master is skeptical Okafor can win the vote."
    assert ("is skeptical", "The harbor master", "Okafor can win the vote") in found(nlp, text)


def test_per_a_name_vouches_for_the_clause_but_per_a_unit_does_not(nlp):
    text = "The ferry sank near the dock at dawn, per the Coast Guard."
    assert ("per", "the Coast Guard", "The ferry sank near the dock at dawn") in found(nlp, text)
    text = "The town spends $40 per resident on ferries."
    assert found(nlp, text) == []
