"""Attribution rules from the third PolNeAR round: verbs that report only in one frame
and with a named subject, stance adjectives with an infinitive, and feelings about a
fact ("glad that ...")."""

from __future__ import annotations

import pytest

# The fixture `nlp` comes from attribution_helpers; tests take it as an argument.
# ruff: noqa: F811
from attribution_helpers import cues, found, nlp  # noqa: F401

from newsgraph.extract.cues import lexicon


def test_the_lexicon_reads_verb_frame_pairs_and_infinitive_adjectives():
    lex = lexicon()
    assert "object" in lex.named_frame_cues["publish"]
    assert "xcomp" in lex.named_frame_cues["vote"]
    assert "eager" in lex.infinitive_adjectives


def test_a_named_subject_publishing_something_is_on_record(nlp):
    text = "Senator Okafor published an essay on harbor tolls last week."
    assert ("published", "Senator Okafor", "an essay") in found(nlp, text)


def test_the_same_verb_with_a_common_noun_or_pronoun_subject_is_no_cue(nlp):
    assert "published" not in cues(nlp, "The new clerk published an essay on harbor tolls.")
    assert "published" not in cues(nlp, "He published an essay on harbor tolls.")


def test_a_named_subject_looking_to_act_states_an_intention(nlp):
    text = "Okafor is looking to run for the harbor board."
    assert ("is looking", "Okafor", "to run for the harbor board") in found(nlp, text)


def test_a_named_body_voting_to_act_takes_a_stance(nlp):
    text = "The council of Lakeport voted to delay the toll increase."
    assert ("voted", "The council of Lakeport", "to delay the toll increase") in found(nlp, text)


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        ("The mayor was eager to meet the dockworkers.", "was eager", "The mayor",
         "to meet the dockworkers"),
        ("Lee was quick to embrace the new toll plan.", "was quick", "Lee",
         "to embrace the new toll plan"),
    ],
)  # fmt: skip
def test_a_stance_adjective_with_an_infinitive_is_a_cue(nlp, text, cue, source, content):
    assert (cue, source, content) in found(nlp, text)


def test_ability_and_likelihood_are_no_stance(nlp):
    assert found(nlp, "The dockworkers were able to finish the ship early.") == []
    assert found(nlp, "The ferry is likely to arrive late.") == []


def test_a_feeling_about_a_fact_reports_the_fact(nlp):
    text = "The fishermen were upset that the toll went up."
    assert ("were upset", "The fishermen", "that the toll went up") in found(nlp, text)
    assert "was glad" in cues(nlp, "Okafor was glad that the vote was delayed.")


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        ("Governor Ilunga signed the ferry bill on Friday.", "signed", "Governor Ilunga"),
        ("The Lakeport council passed a new toll ordinance.", "passed", "The Lakeport council"),
        ("Senator Varga has embraced the harbor plan.", "has embraced", "Senator Varga"),
        ("Judge Mbeki blocked the toll increase.", "blocked", "Judge Mbeki"),
    ],
)  # fmt: skip
def test_an_act_of_record_by_a_named_agent_is_a_cue(nlp, text, cue, source):
    assert (cue, source) in [(c, s) for c, s, _ in found(nlp, text)]


def test_an_act_of_record_by_a_pronoun_is_no_cue(nlp):
    assert "signed" not in cues(nlp, "She signed the ferry bill on Friday.")


def test_hitting_a_named_person_is_a_verbal_attack(nlp):
    text = "Senator Varga hit Okafor on ferry tolls."
    assert ("hit", "Senator Varga") in [(c, s) for c, s, _ in found(nlp, text)]


def test_hitting_a_place_or_a_thing_is_no_attack(nlp):
    assert "hit" not in cues(nlp, "The storm hit Lakeport on Monday.")
    assert "hit" not in cues(nlp, "Senator Varga hit the campaign trail in June.")
