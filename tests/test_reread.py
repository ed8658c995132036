"""A second reading of sentences where the tagger took a reporting verb for a noun.

Which sentences qualify is decided on hand-built parses (``parsed``), since the model's
mistakes on a given sentence change from one model to the next. What the second reading
gives is checked with the default model, on sentences it misreads."""

from __future__ import annotations

# ruff: noqa: F811
from attribution_helpers import found, nlp  # noqa: F401
from spacy.attrs import DEP, HEAD, LEMMA, POS, TAG
from test_parse_repairs import parsed

from newsgraph.reread import Rereader, misread, reads_as_speech, say_form

NONE = "O"

# "Acme claims it won.": the tagger made "claims" a plural noun and "Acme" the root.
CLAIMS_AS_NOUN = [
    ("Acme", 0, "ROOT", "PROPN", "NNP", "Acme"),
    ("claims", 0, "dobj", "NOUN", "NNS", "claim"),
    ("it", 3, "nsubj", "PRON", "PRP", "it"),
    ("won", 0, "ccomp", "VERB", "VBD", "win"),
    (".", 0, "punct", "PUNCT", ".", "."),
]

# "Fares rose, city records show.": "show" read as a noun, the object of "rose".
CLOSING_SHOW_AS_NOUN = [
    ("Fares", 1, "nsubj", "NOUN", "NNS", "fare"),
    ("rose", 1, "ROOT", "VERB", "VBD", "rise"),
    (",", 1, "punct", "PUNCT", ",", ","),
    ("city", 4, "compound", "NOUN", "NN", "city"),
    ("records", 5, "compound", "NOUN", "NNS", "record"),
    ("show", 1, "dobj", "NOUN", "NN", "show"),
    (".", 1, "punct", "PUNCT", ".", "."),
]

# "Club rules require a vote.": a noun that is also a reporting verb, read right.
RULES_REQUIRE = [
    ("Club", 1, "compound", "NOUN", "NN", "club"),
    ("rules", 2, "nsubj", "NOUN", "NNS", "rule"),
    ("require", 2, "ROOT", "VERB", "VBP", "require"),
    ("a", 4, "det", "DET", "DT", "a"),
    ("vote", 2, "dobj", "NOUN", "NN", "vote"),
    (".", 2, "punct", "PUNCT", ".", "."),
]

# "A firm called Acme paid.": a participle after a noun, read right.
FIRM_CALLED_ACME = [
    ("A", 1, "det", "DET", "DT", "a"),
    ("firm", 4, "nsubj", "NOUN", "NN", "firm"),
    ("called", 1, "acl", "VERB", "VBN", "call"),
    ("Acme", 2, "oprd", "PROPN", "NNP", "Acme"),
    ("paid", 4, "ROOT", "VERB", "VBD", "pay"),
    (".", 4, "punct", "PUNCT", ".", "."),
]

# "Outlets reported Friday the agency had met.": the participle reading leaves "met"
# with two subjects.
OUTLETS_REPORTED = [
    ("Outlets", 7, "nsubj", "NOUN", "NNS", "outlet"),
    ("reported", 0, "acl", "VERB", "VBN", "report"),
    ("Friday", 1, "npadvmod", "PROPN", "NNP", "Friday"),
    ("the", 4, "det", "DET", "DT", "the"),
    ("agency", 7, "nsubj", "NOUN", "NN", "agency"),
    ("had", 7, "aux", "AUX", "VBD", "have"),
    ("met", 7, "ROOT", "VERB", "VBN", "meet"),
    (".", 7, "punct", "PUNCT", ".", "."),
]


def doc_of(nlp, rows):
    return parsed(nlp, rows, [NONE] * len(rows))


def test_say_stands_in_with_the_same_form():
    assert [say_form(w) for w in ("claims", "reported", "show", "wrote")] == [
        "says",
        "said",
        "say",
        "said",
    ]
    assert say_form("claiming") is None


def test_a_reporting_verb_read_as_a_noun_in_a_sentence_without_a_main_verb_is_misread(nlp):
    doc = doc_of(nlp, CLAIMS_AS_NOUN)
    assert [t.text for t in doc if misread(t)] == ["claims"]


def test_a_reporting_verb_read_as_a_noun_closing_the_sentence_after_a_comma_is_misread(nlp):
    doc = doc_of(nlp, CLOSING_SHOW_AS_NOUN)
    assert [t.text for t in doc if misread(t)] == ["show"]


def test_a_noun_in_a_sentence_that_holds_together_is_left_alone(nlp):
    assert not any(misread(t) for t in doc_of(nlp, RULES_REQUIRE))


def test_a_participle_after_a_noun_is_left_alone(nlp):
    assert not any(misread(t) for t in doc_of(nlp, FIRM_CALLED_ACME))


def test_a_participle_that_leaves_a_verb_with_two_subjects_is_misread(nlp):
    assert [t.text for t in doc_of(nlp, OUTLETS_REPORTED) if misread(t)] == ["reported"]


def test_a_reading_as_speech_needs_a_subject_before_the_verb_and_something_reported(nlp):
    claims = doc_of(
        nlp,
        [
            ("Acme", 1, "nsubj", "PROPN", "NNP", "Acme"),
            ("claims", 1, "ROOT", "VERB", "VBZ", "claim"),
            ("it", 3, "nsubj", "PRON", "PRP", "it"),
            ("won", 1, "ccomp", "VERB", "VBD", "win"),
        ],
    )
    assert reads_as_speech(claims[1])
    assert not reads_as_speech(doc_of(nlp, RULES_REQUIRE[:3])[2])  # nothing reported


def test_a_misread_claim_is_found_after_the_second_reading(nlp):
    assert found(nlp, "Trump claims he's worth $10 billion.") == [
        ("claims", "Trump", "he's worth $10 billion")
    ]


def test_a_closing_records_show_names_the_records_as_source(nlp):
    text = "In all, the host committee raised $57 million, Federal Election Commission records show."
    assert ("show", "Federal Election Commission records") in [(c, s) for c, s, _ in found(nlp, text)]


def test_the_second_reading_keeps_the_text_the_entities_and_the_verb_lemma(nlp):
    doc = nlp("Trump claims he's worth $10 billion.")
    claims = doc[1]
    assert (doc.text, claims.text, claims.lemma_, claims.pos_) == (
        "Trump claims he's worth $10 billion.",
        "claims",
        "claim",
        "VERB",
    )
    assert [(e.text, e.label_) for e in doc.ents] == [("$10 billion", "MONEY")]


def test_a_second_reading_that_is_not_speech_leaves_the_first_one(nlp):
    doc = nlp("The show ended late.")
    rereader = Rereader(nlp, "newsgraph_reread")
    before = doc.to_array([HEAD, DEP, TAG, POS, LEMMA]).tolist()
    assert not rereader.reread(doc, next(doc.sents), doc[1])
    assert doc.to_array([HEAD, DEP, TAG, POS, LEMMA]).tolist() == before


def test_a_misread_verb_with_a_preposition_after_it_is_read_as_speech(nlp):
    assert ("talks", "Grant") in [(c, s) for c, s, _ in found(nlp, "Grant talks to Nadia Osei about taxes.")]
    assert ("talks", "Prince") in [(c, s) for c, s, _ in found(nlp, "Prince talks to Oprah about fame.")]


def test_a_noun_before_of_is_not_read_as_a_verb_with_a_preposition(nlp):
    assert found(nlp, "The stark campaign contrasts of Lee and Okafor.") == []


def test_a_quantifier_that_opens_a_clause_may_be_the_subject_of_a_misread_verb(nlp):
    text = "Some view Okafor's nomination as a hostile takeover."
    assert ("view", "Some") in [(c, s) for c, s, _ in found(nlp, text)]
