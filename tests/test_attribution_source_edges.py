"""Where a source's phrase starts and ends: words right before or after the noun that
say which group speaks stay in it; words that say when or how it spoke do not."""

from __future__ import annotations

import pytest

# The fixture `nlp` comes from attribution_helpers; tests take it as an argument.
# ruff: noqa: F811
from attribution_helpers import found, nlp  # noqa: F401


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        ("The farmers there say the canal has run dry.", "say", "The farmers there"),
        ("Polls there show the mayor trailing.", "show", "Polls there"),
    ],
)
def test_there_after_a_group_says_which_group_speaks(nlp, text, cue, source):
    # "there" points back to a place already named: the farmers of that place speak.
    (statement,) = [s for s in found(nlp, text) if s[0] == cue]
    assert statement[1] == source


def test_here_after_a_group_is_where_the_writer_stands(nlp):
    (statement,) = [s for s in found(nlp, "The farmers here say the canal has run dry.") if s[0] == "say"]
    assert statement[1] == "The farmers"


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        (
            "The ferry captains at the meeting, surprisingly enough, said the fees were fair.",
            "said",
            "The ferry captains at the meeting",
        ),
        (
            "Governor Alma Reyes, almost single-handedly, said the port would stay open.",
            "said",
            "Governor Alma Reyes",
        ),
    ],
)
def test_a_set_off_adverb_after_the_source_is_not_part_of_it(nlp, text, cue, source):
    # "surprisingly enough", "almost single-handedly": the writer's comment or how the
    # source acted, not who speaks.
    sources = [s[1] for s in found(nlp, text) if s[0] == cue]
    assert sources == [source]


def test_a_set_off_adverb_that_opens_a_description_stays(nlp):
    text = "Mara Quist, then the harbor master, said the pier was sinking."
    (statement,) = [s for s in found(nlp, text) if s[0] == "said"]
    assert statement[1] == "Mara Quist, then the harbor master"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            '"We will appeal," said Ines Varga, director of the Coastal Trust, about the ruling.',
            "Ines Varga, director of the Coastal Trust",
        ),
        (
            '"We are ready," said Ines Varga, head of the Coastal Trust, at its annual convention.',
            "Ines Varga, head of the Coastal Trust",
        ),
        (
            '"The dam will hold," wrote Omar Pell, the mayor\'s nephew, on Facebook.',
            "Omar Pell, the mayor's nephew",
        ),
    ],
)
def test_a_set_off_topic_or_occasion_after_a_description_is_the_verbs(nlp, text, source):
    # The parser hangs "about the ruling" or "at its convention" on the last noun of the
    # description; it says what the source spoke about, or where, not who it is.
    sources = [s[1] for s in found(nlp, text) if s[0] in {"said", "wrote"}]
    assert sources == [source]


def test_today_after_a_group_says_which_group_speaks(nlp):
    # "the guild today": the guild as it is now, set against what it was.
    (statement,) = [s for s in found(nlp, "The guild today argues that the fees are fair.") if s[0] == "argues"]
    assert statement[1] == "The guild today"


def test_today_after_a_name_only_dates_the_statement(nlp):
    (statement,) = [s for s in found(nlp, "Mayor Tilda Brann today argued that the fees are fair.") if s[0] == "argued"]
    assert statement[1] == "Mayor Tilda Brann"
