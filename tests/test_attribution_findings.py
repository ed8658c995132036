"""Attribution rules for sources that are no one: polls, surveys, studies, records and
the shares of a group they count."""

from __future__ import annotations

# The fixture `nlp` comes from attribution_helpers; tests take it as an argument.
# ruff: noqa: F811
from attribution_helpers import found, nlp, source_of  # noqa: F401


def test_a_set_off_participle_saying_who_conducted_a_survey_stays_in_the_source(nlp):
    text = "The survey, conducted by the Harbor Institute, found that most riders want later ferries."
    assert source_of(nlp, text, "found") == "The survey, conducted by the Harbor Institute"


def test_a_set_off_participle_saying_when_a_poll_came_out_is_cut(nlp):
    text = "The poll, released Monday by the Harbor Institute, found that most riders want later ferries."
    assert source_of(nlp, text, "found") == "The poll"


def test_records_the_parser_read_as_a_noun_phrase_show_what_they_record(nlp):
    # The parser reads "records show" as one noun phrase, and the sentence as having no
    # verb of finding.
    text = (
        "The ferry was sold for $2 million in 2014, county records show, and harbor "
        "officials say it is worth far less."
    )
    statements = found(nlp, text)
    assert ("show", "county records", "The ferry was sold for $2 million in 2014") in statements
    assert ("say", "harbor officials", "it is worth far less") in statements


def test_records_with_a_phrase_after_them_show_the_clause_after_the_verb(nlp):
    text = "State tax records from the 2010 election cycle show she gave to both parties."
    assert found(nlp, text) == [
        ("show", "State tax records from the 2010 election cycle", "she gave to both parties")
    ]



def test_a_poll_in_a_clause_on_the_people_it_asked_is_no_source(nlp):
    # "surveyed in the poll" says who was asked; the poll reports nothing there.
    text = "Half of the riders surveyed in the harbor poll want later ferries."
    statements = found(nlp, text)
    assert all(s[0] != "in" for s in statements)
    assert ("want", "Half of the riders surveyed in the harbor poll", "later ferries") in statements


def test_a_poll_on_the_main_verb_still_places_the_candidate(nlp):
    text = "Okafor led the mayor by six points in a poll released Monday."
    assert ("in", "a poll released Monday", "Okafor led the mayor by six points") in found(nlp, text)


def test_a_relative_that_on_a_poll_is_the_source_of_its_finding(nlp):
    text = "Okafor pointed to a new poll that shows most riders want later ferries."
    assert ("shows", "that", "most riders want later ferries") in found(nlp, text)


def test_a_relative_that_on_a_group_is_still_no_source(nlp):
    text = "Lee leads a group that supports the harbor levy."
    assert ("supports", None, "the harbor levy") in found(nlp, text)


def test_a_law_is_the_source_of_what_it_requires(nlp):
    text = "The new harbor law requires that ferry operators post their fares online."
    assert ("requires", "The new harbor law", "that ferry operators post their fares online") in found(nlp, text)


def test_a_job_that_requires_something_states_no_rule(nlp):
    assert all(s[0] != "requires" for s in found(nlp, "The job requires patience and a steady hand."))


def test_a_sentence_based_on_polling_cites_the_polling(nlp):
    text = "Based on current polling, Okafor should carry the harbor district easily."
    assert ("Based on", "current polling", "Okafor should carry the harbor district easily") in found(nlp, text)


def test_a_sentence_based_on_experience_cites_no_one(nlp):
    text = "Based on his long experience, Okafor expects a close race."
    assert all(s[0] != "Based on" for s in found(nlp, text))


def test_a_poll_that_gives_a_candidate_a_lead_places_the_candidate(nlp):
    text = "The harbor poll gave Okafor a six-point lead over the mayor."
    assert ("gave", "The harbor poll", "Okafor a six-point lead over the mayor") in found(nlp, text)


def test_a_poll_giving_a_candidate_a_lead_is_the_source_without_its_participle(nlp):
    text = "Okafor is ahead, with a new harbor poll giving her a 12-point lead over the mayor."
    assert ("giving", "a new harbor poll", "her a 12-point lead over the mayor") in found(nlp, text)


def test_a_person_who_gives_someone_something_places_no_one(nlp):
    assert all(s[0] != "gave" for s in found(nlp, "The mayor gave Okafor a ride to the ferry."))


def test_a_participle_after_research_read_as_the_main_verb_stays_in_the_source(nlp):
    # The parser reads "conducted" as the main verb and joins "showed" to it.
    text = "Research conducted for the Harbor Council showed that riders want later ferries."
    assert [s for s in found(nlp, text) if s[0] == "showed"] == [
        ("showed", "Research conducted for the Harbor Council", "that riders want later ferries")
    ]


def test_a_finding_joined_by_and_to_another_verb_keeps_the_bare_subject(nlp):
    text = "The survey ran for two weeks and showed that riders want later ferries."
    assert ("showed", "The survey", "that riders want later ferries") in found(nlp, text)
