"""Verb cues outside the speech lexicon that report a stance only in one frame: verbs of
holding or handing over a view with the view as their object ("has doubts about",
"gave a curt answer")."""

from __future__ import annotations

import pytest

# The fixture `nlp` comes from attribution_helpers; tests take it as an argument.
# ruff: noqa: F811
from attribution_helpers import cues, found, nlp  # noqa: F401


@pytest.mark.parametrize(
    ("text", "statement"),
    [
        (
            "Senator Mara Lindqvist has harsh words for the new tariff plan.",
            ("has harsh words for", "Senator Mara Lindqvist", "the new tariff plan"),
        ),
        (
            "The harbor commissioner holds hawkish views on shipping fees.",
            ("holds hawkish views on", "The harbor commissioner", "shipping fees"),
        ),
        (
            "Many ferry workers have doubts about the merger.",
            ("have doubts about", "Many ferry workers", "the merger"),
        ),
        (
            "Okafor gave a curt answer to the question.",
            ("gave a curt answer to", "Okafor", "the question"),
        ),
    ],
)
def test_a_view_held_or_handed_over_is_a_cue(nlp, text, statement):
    assert statement in found(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Lindqvist has a new car.",
        "The harbor commissioner holds a seat on the ferry board.",
        "Okafor gave a gift to the crew.",
    ],
)
def test_a_verb_of_holding_without_a_view_is_no_cue(nlp, text):
    assert cues(nlp, text) == []


def test_a_verb_signing_off_a_quote_is_a_cue(nlp):
    text = "“We will not back down,” the harbor master fumed."
    assert ("fumed", "the harbor master", "We will not back down") in found(nlp, text)


def test_a_sentence_after_a_closed_quote_does_not_sign_it_off(nlp):
    text = "“We will sail at dawn.” The crowd dispersed."
    assert "dispersed" not in cues(nlp, text)


def test_a_main_verb_handing_a_quote_over_with_a_colon_is_a_cue(nlp):
    text = "Asked about the ferry, the harbor master demurred: “Not this winter.”"
    assert ("demurred", "the harbor master", "Not this winter.") in found(nlp, text)


def test_a_colon_after_a_clause_without_a_quote_makes_no_cue(nlp):
    assert "grew" not in cues(nlp, "The crowd grew: many people came.")
