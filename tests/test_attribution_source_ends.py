"""Where a source phrase ends: clauses and phrases after the speaker that PolNeAR
annotators consistently leave out of the source."""

from __future__ import annotations

# The fixture `nlp` comes from attribution_helpers; tests take it as an argument.
# ruff: noqa: F811
from attribution_helpers import found, nlp, source_of  # noqa: F401


def test_a_set_off_clause_that_reports_is_cut_from_a_described_source(nlp):
    # "who added that ..." is a second statement, not who the speaker is.
    text = (
        "The increase was modest, said Mark Tolliver, the bank's senior economist, "
        "who added that the rally would fade by spring."
    )
    assert source_of(nlp, text, "said") == "Mark Tolliver, the bank's senior economist"


def test_a_set_off_clause_asking_anonymity_is_cut_from_the_source(nlp):
    text = (
        "The vote was close, said one lawmaker familiar with the count, who spoke on "
        "condition of anonymity."
    )
    assert source_of(nlp, text, "said") == "one lawmaker familiar with the count"
    declined = (
        "The mill will close, said a longtime manager at the plant, who declined to be "
        "identified."
    )
    assert source_of(nlp, declined, "said") == "a longtime manager at the plant"


def test_a_set_off_clause_that_only_describes_stays_in_the_source(nlp):
    text = (
        "The ferry fares will fall, said Adaeze Okafor, the port's treasurer, who "
        "joined the harbor board in 2019."
    )
    assert source_of(nlp, text, "said") == (
        "Adaeze Okafor, the port's treasurer, who joined the harbor board in 2019"
    )


def test_a_clause_cut_short_after_the_source_is_not_part_of_it(nlp):
    # "when contacted", "when asked", "while still hopeful" say when or in what mood the
    # source spoke.
    contacted = "The mayor's office, when contacted by the Gazette, said the report was wrong."
    assert source_of(nlp, contacted, "said") == "The mayor's office"
    asked = "Riverside resident Tom Halloway when asked about the dam said it was a waste."
    assert source_of(nlp, asked, "said") == "Riverside resident Tom Halloway"


def test_a_clause_with_its_own_subject_in_a_source_stays(nlp):
    text = (
        "Tom Halloway, who ran the dam when the river flooded, said the gates held."
    )
    assert source_of(nlp, text, "said") == "Tom Halloway, who ran the dam when the river flooded"


def test_in_particular_after_a_source_is_not_part_of_it(nlp):
    text = "Dock workers in particular want higher pay, and their union in general backs the strike."
    assert source_of(nlp, text, "want") == "Dock workers"
    assert source_of(nlp, text, "backs") == "their union"


def test_a_set_off_participle_after_a_described_source_is_cut(nlp):
    text = (
        "Marta Quinlan, a tenant organizer from Duluth, Minn., attending the housing summit, "
        "said rents have doubled."
    )
    assert source_of(nlp, text, "said") == "Marta Quinlan, a tenant organizer from Duluth, Minn."


def test_including_and_titles_in_ing_stay_in_the_source(nlp):
    members = "Several ferry unions, including the deckhands, said the strike would go on."
    assert source_of(nlp, members, "said") == "Several ferry unions, including the deckhands"
    title = "Lena Park, managing editor of the Harbor Post, said the paper would close."
    assert source_of(nlp, title, "said") == "Lena Park, managing editor of the Harbor Post"


def test_the_end_of_a_quote_read_as_the_subject_is_not_the_source(nlp):
    text = (
        "\u201cA fine reporter, a very fine reporter this man,\u201d Lund, the club's chair "
        "and a longtime rower, said when Ames asked him."
    )
    assert source_of(nlp, text, "said") == "Lund, the club's chair and a longtime rower"


def test_an_apostrophe_in_a_source_is_not_a_quote_end(nlp):
    text = "Torres\u2019 campaign manager said the ads would run all week."
    assert source_of(nlp, text, "said") == "Torres\u2019 campaign manager"


def test_a_clause_read_as_a_second_subject_is_not_joined_to_the_source(nlp):
    # The parse spaCy gave a news sentence with stray spaces: "general" and "campaign"
    # both subjects of "touted", "stumped" a past-tense verb hung on "general".
    from spacy.tokens import Doc

    from newsgraph.extract.source_phrases import source_phrase

    words = "The general stumped for Lee in Ohio , and the campaign has touted it".split()
    heads = [1, 12, 1, 2, 3, 2, 5, 1, 1, 10, 12, 12, 12, 12]
    deps = "det nsubj acl prep pobj prep pobj punct cc det nsubj aux ROOT dobj".split()
    tags = "DT NN VBD IN NNP IN NNP , CC DT NN VBZ VBN PRP".split()
    pos = "DET NOUN VERB ADP PROPN ADP PROPN PUNCT CCONJ DET NOUN AUX VERB PRON".split()
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos)
    assert [doc[i].text for i in sorted(source_phrase(doc[10]))] == ["the", "campaign"]
