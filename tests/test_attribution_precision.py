"""Precision rules: words that look like cues but report nothing, and sources that name
no one."""

from __future__ import annotations

import pytest

# The fixture `nlp` comes from attribution_helpers; tests take it as an argument.
# ruff: noqa: F811
from attribution_helpers import found, nlp, parsed  # noqa: F401

from newsgraph.extract.statements import find_statements


def test_a_markup_tag_glued_to_a_source_is_not_part_of_it(nlp):
    text = (
        'The mayor replied online.\n\n<post author="@harborwatch" date="May 2, 2019">'
        "Harbor director Lina Moss told me the ferry will run late all summer</post>."
    )
    (told,) = [s for s in found(nlp, text) if s[0] == "told"]
    assert told[1] == "Harbor director Lina Moss"


def test_speaking_on_condition_of_anonymity_is_no_statement(nlp):
    text = (
        "A harbor pilot, who spoke on the condition of anonymity because she was not "
        "allowed to talk, said the ferry would stop running."
    )
    assert [(s[0], s[1]) for s in found(nlp, text)] == [("said", "A harbor pilot")]


def test_speaking_about_something_on_condition_of_anonymity_is_still_a_statement(nlp):
    text = "Two dock workers spoke about the strike on condition of anonymity."
    assert [s[1] for s in found(nlp, text)] == ["Two dock workers"]


def test_a_backing_verb_in_its_to_form_is_no_stance_on_record(nlp):
    # "to back her", "went to see him": an act planned, paid for or hoped for.
    assert "back" not in [s[0] for s in found(nlp, "The dockers' union spent $9,000 to back her.")]
    text = "Nearly 4,000 people lined up to see Governor Ilse Brandt in Marlow."
    assert "see" not in [s[0] for s in found(nlp, text)]


def test_a_backing_verb_on_record_is_still_a_stance(nlp):
    text = "The dockers' union backs Ilse Brandt."
    assert [s[1] for s in found(nlp, text)] == ["The dockers' union"]


def test_seeking_in_a_clause_on_a_noun_describes_it(nlp):
    # "candidates seeking the nomination" says who they are, not what they stand for.
    text = "Three ferry captains seeking higher wages met the harbor board on Monday."
    assert "seeking" not in [s[0] for s in found(nlp, text)]


def test_seeking_as_a_main_verb_is_still_a_stance(nlp):
    text = "The ferry captains sought higher wages."
    assert [s[1] for s in found(nlp, text)] == ["The ferry captains"]


def test_releasing_or_pushing_in_a_clause_on_a_noun_describes_it(nlp):
    text = "The toll plan the mayor released on Monday would cost $40 million."
    assert "released" not in [s[0] for s in found(nlp, text)]
    text = "The ferry bill she pushed in 2019 failed in committee."
    assert "pushed" not in [s[0] for s in found(nlp, text)]


def test_a_cue_with_a_modal_in_a_clause_on_a_noun_is_a_prospect(nlp):
    text = "There is speculation that the dockers' union might endorse Ilse Brandt."
    assert "endorse" not in " ".join(s[0] for s in found(nlp, text))


def test_a_cue_in_a_clause_on_a_noun_without_a_modal_is_still_a_stance(nlp):
    text = "The fact that the dockers' union endorsed Ilse Brandt surprised no one."
    assert "the dockers' union" in [s[1] for s in found(nlp, text)]


@pytest.mark.parametrize(
    "text, cue",
    [
        ("The mayor's remarks indicated that the bridge would close in May.", "indicated"),
        ("Her endorsement may signal a shift among rural voters.", "may signal"),
        ("The harbor chief's attack on the council highlighted its silence.", "highlighted"),
        ("The debate revealed a stark split among the farmers.", "revealed"),
        ("The fight over the harbor underscored the council's resolve.", "underscored"),
    ],
)
def test_an_act_noun_as_subject_of_a_verb_not_of_speaking_is_no_source(nlp, text, cue):
    assert [s[1] for s in found(nlp, text) if s[0] == cue] == [None]


def test_an_authored_text_or_a_verb_of_speaking_keeps_its_subject(nlp):
    text = "The statement urged residents to stay indoors."
    assert [s[1] for s in found(nlp, text)] == ["The statement"]
    text = "One question asked whether the ferry would run at night."
    assert [s[1] for s in found(nlp, text)] == ["One question"]
    text = "The debate moderator asked whether the levy was fair."
    assert [s[1] for s in found(nlp, text)] == ["The debate moderator"]


def test_seeming_shared_through_and_names_no_source(nlp):
    text = "The skipper sounded tired after the race and seemed to take heart from the crowd."
    assert [s[1] for s in found(nlp, text) if s[0] == "seemed"] == [None]
    text = "The skipper appeared to suggest that the race was rigged."
    assert [s[1] for s in found(nlp, text)] == ["The skipper"]


@pytest.mark.parametrize(
    "text", ["Do you support the harbor levy?", "You will never see her tax returns."]
)
def test_you_with_a_thing_for_object_is_no_source(nlp, text):
    assert [s[1] for s in found(nlp, text)] == [None]


def test_you_with_a_clause_keeps_its_source(nlp):
    text = "You might think that the levy is fair."
    assert [s[1] for s in found(nlp, text)] == ["You"]


@pytest.mark.parametrize(
    "text, inner",
    [
        ("Ann Lee, a harbor pilot who has endorsed Okafor, said the ferry would stop running.", "has endorsed"),
        ("The skipper who praised the toll plan says the vote was rigged.", "praised"),
    ],
)
def test_a_cue_inside_another_statements_source_describes_it(nlp, text, inner):
    assert inner not in [s[0] for s in found(nlp, text)]


def test_a_cue_beside_another_statements_source_stays(nlp):
    text = "The pilot endorsed Okafor and said the ferry would stop."
    assert [s[0] for s in found(nlp, text)] == ["endorsed", "said"]


def test_a_noun_cue_inside_a_long_quote_is_the_quoted_speakers_word(nlp):
    text = "“The mayor has let us down, and her push for a new toll was a mistake,” the paper wrote."
    assert [s[0] for s in found(nlp, text)] == ["wrote"]


# "“Ann Lee runs the ferries” praised the plan.", with the quote's subject read as the
# subject of the verb after it.
SUBJECT_IN_QUOTE = [
    ("“", 7, "punct", "PUNCT", "``", "“"),
    ("Ann", 2, "compound", "PROPN", "NNP", "Ann"),
    ("Lee", 7, "nsubj", "PROPN", "NNP", "Lee"),
    ("runs", 7, "advcl", "VERB", "VBZ", "run"),
    ("the", 5, "det", "DET", "DT", "the"),
    ("ferries", 3, "dobj", "NOUN", "NNS", "ferry"),
    ("”", 7, "punct", "PUNCT", "''", "”"),
    ("praised", 7, "ROOT", "VERB", "VBD", "praise"),
    ("the", 9, "det", "DET", "DT", "the"),
    ("plan", 7, "dobj", "NOUN", "NN", "plan"),
    (".", 7, "punct", "PUNCT", ".", "."),
]


def test_a_source_inside_a_long_quote_with_its_cue_outside_is_none(nlp):
    doc = parsed(nlp, SUBJECT_IN_QUOTE, ["O", "B-PERSON", "I-PERSON"] + ["O"] * 8)
    assert {s.source for s in find_statements(doc)} == {None}
