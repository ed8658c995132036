"""Source spans the parser cuts short or hangs elsewhere: the speaker after a quote it
took for a subject, and similar boundary repairs."""

from __future__ import annotations

import pytest

# The fixture `nlp` comes from attribution_helpers; tests take it as an argument.
# ruff: noqa: F811
from attribution_helpers import found, nlp  # noqa: F401


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        ('"Absurd," replied the union leader.', "replied", "the union leader"),
        ('"Never again," wrote a retired harbor pilot.', "wrote", "a retired harbor pilot"),
    ],
)
def test_the_speaker_after_a_quote_taken_for_the_subject(nlp, text, cue, source):
    # "“Absurd,” replied the union leader": the parser may take the quoted word for the
    # subject and the speaker for the object; the speaker is the phrase after the verb.
    (statement,) = [s for s in found(nlp, text) if s[0] == cue]
    assert statement[1] == source


def test_a_quoted_title_inside_the_subject_keeps_the_subject(nlp):
    # The quote belongs to the subject's own description: the verb's object is no speaker.
    text = 'Marisol Vega, author of "Salt Roads," wrote a letter to the port authority.'
    sources = [s[1] for s in found(nlp, text) if s[0].startswith("wrote")]
    assert "a letter to the port authority" not in sources


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        (
            "Cook senior communications adviser Jason Ode said in a statement that the "
            'candidate\'s "positive message is working."',
            "said in a statement",
            "Cook senior communications adviser Jason Ode",
        ),
        (
            '"They want fair pay," Fight for Fairness organizing director Lena Ortiz told '
            "the local paper.",
            "told",
            "Fight for Fairness organizing director Lena Ortiz",
        ),
    ],
)
def test_a_name_read_as_a_verb_opens_the_title(nlp, text, cue, source):
    # A capitalized name the tagger read as a bare verb right before a title ("Cook
    # senior adviser ...", "Fight for Fairness organizing director ...") is the first
    # word of the source's title; it is no part of the content either.
    (statement,) = [s for s in found(nlp, text) if s[0] == cue]
    assert statement[1] == source
    assert source not in statement[2]


def test_a_cue_read_as_part_of_the_title_after_it_is_not_the_source(nlp):
    # "“...,” tweeted Ferris campaign spokesman ..." with "tweeted" taken for an
    # adjective on the title: the source starts after the cue.
    text = '"Great night," tweeted Ferris campaign spokesman Omar Okafor.'
    (statement,) = [s for s in found(nlp, text) if s[0] == "tweeted"]
    assert statement[1] == "Ferris campaign spokesman Omar Okafor"


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        (
            "''My advice was to wait,'' recalled Tomas Heller, then ambassador to Chile. "
            "''We had no choice.''",
            "recalled",
            "Tomas Heller, then ambassador to Chile",
        ),
        (
            '"We will rebuild the pier," said Rep. Omar Haddad, R-Tex. "The money is there."',
            "said",
            "Rep. Omar Haddad, R-Tex.",
        ),
    ],
)
def test_a_description_closing_the_sentence_after_the_speaker(nlp, text, cue, source):
    # "..., recalled Tomas Heller, then ambassador to Chile." with the description hung on
    # the verb: a noun phrase closing the sentence after a named speaker describes them.
    statements = [s for s in found(nlp, text) if s[0] == cue]
    assert statements and all(s[1] == source for s in statements)


def test_a_participle_closing_the_sentence_is_no_description(nlp):
    text = '"We won," said Ana Brill, speaking to reporters.'
    (said,) = [s for s in found(nlp, text) if s[0] == "said"]
    assert said[1] == "Ana Brill"


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        (
            "The mayor ignored the chorus of critics calling for a recount.",
            "calling for",
            "the chorus of critics",
        ),
        (
            "The city braced for an army of union members demanding higher wages.",
            "demanding",
            "an army of union members",
        ),
    ],
)
def test_a_cue_on_the_members_of_a_body_has_the_body_as_source(nlp, text, cue, source):
    # "the chorus of critics calling for ...": the group speaks, named from its
    # determiner on, though the cue hangs on its members.
    (statement,) = [s for s in found(nlp, text) if s[0] == cue]
    assert statement[1] == source


def test_a_plural_possessor_before_the_source_is_part_of_it(nlp):
    # "As Eastline Partners’ Ann Lee pointed out": the bare apostrophe read as a closing
    # quote left the possessor outside the source's phrase.
    text = (
        "As Eastline Partners’ Ann Lee pointed out in May, “The rates will rise before the "
        "vote, so no bank has to worry.”"
    )
    (statement,) = [s for s in found(nlp, text) if s[0] == "pointed out"]
    assert statement[1] == "Eastline Partners’ Ann Lee"


def test_a_participle_after_the_source_without_a_comma_says_which_ones_speak(nlp):
    # "Council members backing the plan have said ...": the participle picks out which
    # members speak and stays in the source of the main cue; its own statement ("backing
    # the plan") keeps the bare members as its source.
    text = "Council members backing the plan have said they will vote for it."
    statements = {s[0]: s[1] for s in found(nlp, text)}
    assert statements["have said"] == "Council members backing the plan"
    assert statements["backing"] == "Council members"
