"""Attribution rules for cues that are participles or gerunds: whose is a participle
hung on a noun ("groups backing the levy", "lawsuits alleging fraud"), and whose is
one that shares its subject or has one of its own."""

from __future__ import annotations

# The fixture `nlp` comes from attribution_helpers; tests take it as an argument.
# ruff: noqa: F811
import pytest
from attribution_helpers import found, nlp  # noqa: F401


@pytest.mark.parametrize(
    "text, cue",
    [
        ("The ferry firm is caught up in lawsuits alleging fraud.", "alleging"),
        ("Legislation offering that amount passed the council with Okafor's support.", "offering"),
        (
            "The aides have been poring over survey figures showing that few voters know the mayor.",
            "showing",
        ),
    ],
)
def test_a_thing_with_a_participle_is_no_source(nlp, text, cue):
    assert [s for c, s, _ in found(nlp, text) if c == cue] in ([], [None])


@pytest.mark.parametrize(
    "text, statement",
    [
        ("Groups backing the levy have said it will pass.", ("backing", "Groups", "the levy")),
        (
            "The canal union released a video attacking the budget.",
            ("attacking", "The canal union", "the budget"),
        ),
        (
            "There is anecdotal evidence suggesting that turnout fell.",
            ("suggesting", "anecdotal evidence", "that turnout fell"),
        ),
    ],
)
def test_a_speaker_or_a_message_with_a_participle_still_speaks(nlp, text, statement):
    assert statement in found(nlp, text)


def test_who_sent_a_message_speaks_for_the_words_given_to_its_readers(nlp):
    text = 'Her campaign sent out a text message to supporters saying: "We won the county!"'
    assert ("saying", "Her campaign", "We won the county!") in found(nlp, text)


def test_those_spoken_to_may_still_speak(nlp):
    # Nothing was sent: those the mayor listened to say what they want.
    text = "The mayor listened to residents saying they want a new bridge."
    assert [s for c, s, _ in found(nlp, text) if c == "saying"] == ["residents"]


def test_the_one_shown_in_a_scene_speaks(nlp):
    text = "The spat led to the spectacle of Senator Okafor denouncing the ferry deal."
    assert ("denouncing", "Senator Okafor", "the ferry deal") in found(nlp, text)


def test_a_share_of_a_group_speaks_as_that_share(nlp):
    text = "The share of Republicans saying the levy is fair rose by ten points."
    assert [s for c, s, _ in found(nlp, text) if c == "saying"] == ["The share of Republicans"]


@pytest.mark.parametrize(
    "text, source",
    [
        ("A local couple backing the levy gave the campaign a truck.", "A local couple"),
        ("The rural population backing the levy is shrinking.", "The rural population"),
    ],
)
def test_a_couple_or_a_population_is_people(nlp, text, source):
    assert ("backing", source, "the levy") in found(nlp, text)
