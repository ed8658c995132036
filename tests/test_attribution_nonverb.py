"""Attribution rules whose cue is not a verb: an opening "To X," whose clause is X's
view, speech and stance nouns, stance prepositions, and stance adjectives that describe a noun."""

from __future__ import annotations

# The fixture `nlp` comes from attribution_helpers; tests take it as an argument.
# ruff: noqa: F811
import pytest
from attribution_helpers import found, nlp  # noqa: F401


def test_an_opening_to_phrase_names_whose_view_the_clause_is(nlp):
    text = "To many harbor pilots, the new breakwater is a hazard."
    assert ("To", "many harbor pilots", "the new breakwater is a hazard") in found(nlp, text)


def test_an_opening_to_phrase_keeps_the_clause_describing_its_person(nlp):
    text = "But to Dana Whitfield, who has fished the bay for decades, the ban came too late."
    assert ("to", "Dana Whitfield, who has fished the bay for decades", "the ban came too late") in found(
        nlp, text
    )


def test_an_opening_to_phrase_of_a_limit_or_aim_names_no_one(nlp):
    text = "To date, the ferry board has spent nothing. To this end, the port hired divers."
    assert [s for s in found(nlp, text) if s[0] == "To"] == []


def test_an_opening_to_phrase_before_a_reporting_verb_leaves_the_verb_its_statement(nlp):
    text = "To that, Okafor added that the ferry would run again in May."
    assert [s[:2] for s in found(nlp, text)] == [("added", "Okafor")]


def test_an_owned_answer_before_a_copula_reports_the_clause(nlp):
    text = "The harbor master's answer was that the ferry would run again in May."
    assert ("answer", "The harbor master's", "that the ferry would run again in May") in found(nlp, text)


def test_a_fact_about_the_owner_before_a_copula_reports_nothing(nlp):
    text = "The harbor master's problem is that the ferry has no crew."
    assert [s for s in found(nlp, text) if s[0] == "problem"] == []


def test_an_owned_view_noun_inside_a_quote_stays_the_speakers(nlp):
    text = "“My hope is that the ferry runs again in May,” Okafor said."
    assert [s[:2] for s in found(nlp, text) if s[0] == "hope"] == []


def test_by_someones_count_vouches_for_the_clause(nlp):
    text = "By the harbor board's count, twelve ferries sank last year."
    assert ("By", "the harbor board's count", "twelve ferries sank last year") in found(nlp, text)


def test_by_a_yardstick_or_a_score_names_no_source(nlp):
    text = "By any standard, the ferry season was a disaster. The levy passed by a count of 5 to 3."
    assert [s for s in found(nlp, text) if s[0].lower() == "by"] == []


def test_owned_wishes_and_views_on_a_topic_are_not_statements(nlp):
    # "his desire to ...", "her views on ...", "their appeal to ..." name a wish, an
    # outlook or a draw, and news annotators rarely take them for attributions.
    text = (
        "The ferry board ignored the mayor's desire to close the pier. Okafor's views on "
        "tariffs upset farmers. Her appeal to rural voters is limited."
    )
    assert [s for s in found(nlp, text) if s[0] in {"desire", "views on", "appeal to"}] == []


def test_a_speech_noun_a_dispute_is_over_is_no_statement_of_its_own(nlp):
    text = "The harbor board feuded with the mayor over her refusal to dredge the channel."
    assert [s for s in found(nlp, text) if s[0] == "refusal"] == []


def test_an_owned_refusal_elsewhere_is_still_a_statement(nlp):
    text = "Her refusal to dredge the channel angered the harbor board."
    assert [s[:2] for s in found(nlp, text) if s[0] == "refusal"] == [("refusal", "Her")]


def test_the_maker_of_a_promise_before_a_copula_is_its_source(nlp):
    text = "The one promise the mayor has made is that the ferry will run in May."
    assert ("promise", "the mayor", "that the ferry will run in May") in found(nlp, text)


def test_a_promise_kept_by_someone_names_no_source(nlp):
    text = "The one promise which survived the budget is that the ferry will run in May."
    assert [s for s in found(nlp, text) if s[0] == "promise"] == []


def test_a_that_clause_the_parser_misread_is_still_the_nouns_content(nlp):
    # The parser makes this "that" the object of "skyrocket"; tagged as a conjunction,
    # it still opens the warning's content.
    text = "Prices stayed low, belying the bankers' warnings that they would skyrocket."
    assert ("warnings", "the bankers", "that they would skyrocket") in found(nlp, text)


@pytest.mark.parametrize(
    ("text", "statement"),
    [
        (
            "The new party hopes to attract every farmer in the region angry at the water board.",
            ("angry at", "every farmer in the region", "the water board"),
        ),
        (
            "The ferry cuts left the islanders wary of the port authority.",
            ("wary of", "the islanders", "the port authority"),
        ),
        (
            "The lockout made me skeptical of the shipyard owners.",
            ("skeptical of", "me", "the shipyard owners"),
        ),
        (
            "But the bakers, critical of the flour levy, stayed away from the fair.",
            ("critical of", "the bakers", "the flour levy"),
        ),
    ],
)
def test_a_stance_adjective_describing_a_noun_makes_it_the_source(nlp, text, statement):
    assert statement in found(nlp, text)


def test_a_stance_adjective_set_off_after_an_object_is_not_the_objects(nlp):
    text = "The mayor kept the reporters, eager to show them the files."
    assert [s[1] for s in found(nlp, text) if s[0] == "eager"] == [None]


def test_a_stance_verb_read_as_a_noun_after_a_plural_subject_is_a_cue(nlp):
    text = "Men under 35 support Okafor by 4 percentage points."
    assert ("support", "Men under 35", "Okafor by 4 percentage points") in found(nlp, text)


def test_a_stance_noun_after_a_determiner_is_no_misread_verb(nlp):
    text = "The ferry crews voiced their support for the new dock."
    assert [s for s in found(nlp, text) if s[0] == "support"] == []


@pytest.mark.parametrize(
    "text, statement",
    [
        (
            "The quarry owner's remarks about the river angered the anglers.",
            ("remarks about", "The quarry owner's", "the river"),
        ),
        (
            "Few voters forgot her comments on the ferry fares.",
            ("comments on", "her", "the ferry fares"),
        ),
        (
            "The vote ran counter to the guild's statement that the mill would close.",
            ("statement", "the guild's", "that the mill would close"),
        ),
    ],
)
def test_owned_words_with_what_they_are_about_are_statements(nlp, text, statement):
    assert statement in found(nlp, text)


@pytest.mark.parametrize(
    "text, cue",
    [
        ("In her remarks about the dam, the warden praised the ferry.", "remarks about"),
        ("His comments on Tuesday angered the anglers.", "comments on"),
    ],
)
def test_owned_words_in_an_opening_phrase_or_on_a_date_are_no_statements(nlp, text, cue):
    assert cue not in [c for c, _, _ in found(nlp, text)]
