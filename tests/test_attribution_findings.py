"""Attribution rules for sources that are no one: polls, surveys, studies, records and
the shares of a group they count."""

from __future__ import annotations

# The fixture `nlp` comes from attribution_helpers; tests take it as an argument.
# ruff: noqa: F811
from attribution_helpers import found, nlp  # noqa: F401


def _source(nlp, text: str, cue: str) -> str | None:
    (statement,) = [s for s in found(nlp, text) if s[0] == cue]
    return statement[1]


def test_a_set_off_participle_saying_who_conducted_a_survey_stays_in_the_source(nlp):
    text = "The survey, conducted by the Harbor Institute, found that most riders want later ferries."
    assert _source(nlp, text, "found") == "The survey, conducted by the Harbor Institute"


def test_a_set_off_participle_saying_when_a_poll_came_out_is_cut(nlp):
    text = "The poll, released Monday by the Harbor Institute, found that most riders want later ferries."
    assert _source(nlp, text, "found") == "The poll"
