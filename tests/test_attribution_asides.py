"""Reporting clauses set off inside the sentence they report ("..., the mayor said, ...",
"..., a survey finds, ..."), however the parser hung them."""

from __future__ import annotations

import pytest

# The fixture `nlp` comes from attribution_helpers; tests take it as an argument.
# ruff: noqa: F811
from attribution_helpers import found, nlp  # noqa: F401

from newsgraph.extract import statements


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        (
            "If anything, Brandt argued in his letter, the flood is a lesson in why the "
            "county should raise the dam.",
            "argued in his letter",
            "Brandt",
        ),
        (
            "If the port can build a new pier, he boasted this week, then the town can "
            "build a bridge.",
            "boasted",
            "he",
        ),
    ],
)
def test_an_aside_with_a_medium_or_a_time_reports_the_clause_around_it(nlp, text, cue, source):
    # The parser hangs the aside as a complement of the main verb after it; what follows
    # the reporting verb ("in his letter", "this week") does not make it report that.
    assert (cue, source) in [s[:2] for s in found(nlp, text)]


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        (
            "Canadians oppose cutting off funds for Harbor House, a new poll finds, a debate "
            "that is likely to come to a head this week between the council and the mayor.",
            "finds",
            "a new poll",
        ),
        (
            "The Ledger reported, according to officials, the plant will close in May.",
            "reported",
            "The Ledger",
        ),
        (
            "This sort of lobbying, the league claimed, breaks its code of conduct, and so "
            "Pereira was fined.",
            "claimed",
            "the league",
        ),
    ],
)
def test_a_cue_joined_by_a_bare_comma_reports_the_clause_beside_it(nlp, text, cue, source):
    # The parser joins the cue and the clause it reports as if they were two acts in a
    # row; with no "and" between them the clause is what the cue reports.
    assert (cue, source) in [s[:2] for s in found(nlp, text)]


def _kessling_declined(vocab):
    from spacy.tokens import Doc

    # "Kessling, through a spokeswoman, declined ..." with the surname tagged as a
    # participle and the aside hung on it, as the tagger does with names in "-ing".
    words = ["Kessling", ",", "through", "a", "spokeswoman", ",", "declined", "comment"]
    return Doc(
        vocab,
        words=words,
        heads=[6, 0, 0, 4, 2, 6, 6, 6],
        deps=["nsubj", "punct", "prep", "det", "pobj", "punct", "ROOT", "dobj"],
        pos=["VERB", "PUNCT", "ADP", "DET", "NOUN", "PUNCT", "VERB", "NOUN"],
        tags=["VBG", ",", "IN", "DT", "NN", ",", "VBD", "NN"],
    )


def test_a_capitalized_subject_with_only_an_aside_is_a_name_not_a_clause(nlp):
    from spacy.tokens import Doc

    assert statements._speaker(_kessling_declined(nlp.vocab)[0])
    # "Holding rates low has helped": a clause as subject is no speaker.
    words = ["Holding", "rates", "has", "helped"]
    clause = Doc(
        nlp.vocab,
        words=words,
        heads=[3, 0, 3, 3],
        deps=["csubj", "dobj", "aux", "ROOT"],
        pos=["VERB", "NOUN", "AUX", "VERB"],
        tags=["VBG", "NNS", "VBZ", "VBN"],
    )
    assert not statements._speaker(clause[0])


def test_who_carried_the_words_is_not_part_of_the_source(nlp):
    from newsgraph.extract.source_phrases import source_phrase

    doc = _kessling_declined(nlp.vocab)
    assert [doc[i].text for i in sorted(source_phrase(doc[0]))] == ["Kessling"]


def test_a_name_read_as_a_modal_in_an_aside_is_its_source(nlp):
    text = "In particular, Will wrote, Okafor can challenge the governor on water policy."
    assert ("Will", "In particular, Will wrote, Okafor can challenge the governor on water policy") in [
        s[1:] for s in found(nlp, text)
    ]


def test_a_group_word_read_as_a_modifier_in_an_aside_is_its_source(nlp):
    from spacy.tokens import Doc

    from newsgraph.extract.sources import stray_subject

    # "That levy, many argue, could fail." with "many" hung on "argue" as an adjective.
    words = ["That", "levy", ",", "many", "argue", ",", "could", "fail", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        spaces=[True, False, True, True, False, True, True, False, False],
        heads=[1, 7, 4, 4, 7, 4, 7, 7, 7],
        deps=["det", "nsubj", "punct", "amod", "parataxis", "punct", "aux", "ROOT", "punct"],
        pos=["DET", "NOUN", "PUNCT", "ADJ", "VERB", "PUNCT", "AUX", "VERB", "PUNCT"],
        tags=["DT", "NN", ",", "JJ", "VBP", ",", "MD", "VB", "."],
    )
    assert stray_subject(doc[4]) == doc[3]


def test_a_clause_misread_as_the_subject_leaves_the_speaker_before_the_cue(nlp):
    from spacy.tokens import Doc

    # "Making her way out, Ortiz and husband Sam, thanked the guest." with the opening
    # participle parsed as the subject of "thanked" and the names hung on it.
    words = ["Making", "her", "way", "out", ",", "Ortiz", "and", "husband", "Sam", ","]
    words += ["thanked", "the", "guest", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        spaces=[True, True, True, False, True, True, True, True, False, True, True, True, False, False],
        heads=[10, 2, 0, 0, 0, 2, 5, 8, 5, 10, 10, 12, 10, 10],
        deps=["csubj", "poss", "dobj", "advmod", "punct", "appos", "cc", "compound", "conj"]
        + ["punct", "ROOT", "det", "dobj", "punct"],
        pos=["VERB", "PRON", "NOUN", "ADV", "PUNCT", "PROPN", "CCONJ", "NOUN", "PROPN"]
        + ["PUNCT", "VERB", "DET", "NOUN", "PUNCT"],
        tags=["VBG", "PRP$", "NN", "RB", ",", "NNP", "CC", "NN", "NNP", ",", "VBD", "DT", "NN", "."],
        lemmas=["make", "her", "way", "out", ",", "Ortiz", "and", "husband", "Sam", ","]
        + ["thank", "the", "guest", "."],
    )
    thanked = [s for s in statements.find_statements(doc) if doc.text[s.cue[0] : s.cue[1]] == "thanked"]
    assert [doc.text[s.source[0] : s.source[1]] for s in thanked if s.source] == ["Ortiz and husband Sam"]


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        (
            "More recently, she’s spoken out against the county’s new parking law, inviting "
            "residents to a town meeting.",
            "’s spoken out",
            "she",
        ),
        (
            "Other than Mayor Dana Ruiz, who's called for 300 new officers, the candidates "
            "aren't offering specifics.",
            "'s called for",
            "who",
        ),
    ],
)
def test_a_contracted_has_before_a_phrasal_cue_keeps_its_subject(nlp, text, cue, source):
    # The parser reads "'s" as a passive "is"; a particle or the cue's own preposition
    # shows it is "has", so the subject speaks.
    assert (cue, source) in [s[:2] for s in found(nlp, text)]


def test_a_contracted_is_before_a_real_passive_is_left_alone(nlp):
    assert [s[:2] for s in found(nlp, "He's wanted by the police.")] == [("'s wanted", "the police")]
