"""Statements found where the small parser goes wrong: a speaker it hung on the wrong
word, a sentence it gave no main verb, a closing "..., police said" whose sentence it
hung on the cue in pieces; and an outlet named only in a source's description.

The misparses are built by hand (``parsed``), since the parser's mistakes on a given
sentence change from one model to the next; the rules must hold for any of them."""

from __future__ import annotations

# The fixture `nlp` comes from attribution_helpers; tests take it as an argument.
# ruff: noqa: F811
from attribution_helpers import found, nlp, parsed  # noqa: F401
from spacy.tokens import Doc

from newsgraph.extract.statements import find_statements

# "Ann Lee, an aide, ..." with "Lee" as the sentence's root: the start of a sentence
# the parser read as one noun phrase, its verb a clause on "Lee" (rows from index 6).
ROOT_NOUN_ANN_LEE = [
            ("Ann", 1, "compound", "PROPN", "NNP", "Ann"),
            ("Lee", 1, "ROOT", "PROPN", "NNP", "Lee"),
            (",", 1, "punct", "PUNCT", ",", ","),
            ("an", 4, "det", "DET", "DT", "an"),
            ("aide", 1, "appos", "NOUN", "NN", "aide"),
            (",", 1, "punct", "PUNCT", ",", ","),
]


# “Yes,” said ...: a quote and its inverted verb, which has no subject of its own.
QUOTED_YES_SAID = [
    ("“", 1, "punct", "PUNCT", "``", "“"),
    ("Yes", 4, "ccomp", "INTJ", "UH", "yes"),
    (",", 1, "punct", "PUNCT", ",", ","),
    ("”", 4, "punct", "PUNCT", "''", "”"),
    ("said", 4, "ROOT", "VERB", "VBD", "say"),
]


def root_noun_doc(nlp, *rows: tuple[str, int, str, str, str, str]) -> Doc:
    """"Ann Lee, an aide, <rows>." parsed with "Lee" as the root."""
    words = [*ROOT_NOUN_ANN_LEE, *rows, (".", 1, "punct", "PUNCT", ".", ".")]
    return parsed(nlp, words, ["B-PERSON", "I-PERSON"] + ["O"] * (len(words) - 2))


def statements(doc: Doc) -> list[tuple[str, str | None]]:
    text = doc.text
    return [
        (text[s.cue[0] : s.cue[1]], text[s.source[0] : s.source[1]] if s.source else None)
        for s in find_statements(doc)
    ]


def test_a_name_right_after_a_quote_and_its_verb_is_the_speaker(nlp):
    # “Yes,” said Ann Lee: the parser hung "Lee" on the quoted word, leaving "said"
    # with no subject.
    doc = parsed(
        nlp,
        [
            *QUOTED_YES_SAID,
            ("Ann", 6, "compound", "PROPN", "NNP", "Ann"),
            ("Lee", 1, "appos", "PROPN", "NNP", "Lee"),
            (".", 4, "punct", "PUNCT", ".", "."),
        ],
        ["O", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O"],
    )
    assert statements(doc) == [("said", "Ann Lee")]


def test_a_name_opening_the_clause_before_its_verb_is_the_speaker(nlp):
    # "Ann Lee, a nurse, said ...": the parser made "nurse" a verb and "said" lost
    # its subject.
    doc = parsed(
        nlp,
        [
            ("Ann", 1, "compound", "PROPN", "NNP", "Ann"),
            ("Lee", 4, "nsubj", "PROPN", "NNP", "Lee"),
            (",", 1, "punct", "PUNCT", ",", ","),
            ("a", 4, "det", "DET", "DT", "a"),
            ("nurse", 6, "ccomp", "VERB", "VBP", "nurse"),
            (",", 6, "punct", "PUNCT", ",", ","),
            ("said", 6, "ROOT", "VERB", "VBD", "say"),
            ("pay", 8, "nsubj", "NOUN", "NN", "pay"),
            ("fell", 6, "ccomp", "VERB", "VBD", "fall"),
            (".", 6, "punct", "PUNCT", ".", "."),
        ],
        ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O", "O", "O"],
    )
    assert ("said", "Ann Lee") in statements(doc)


def test_a_verb_of_speaking_with_a_subject_is_left_as_parsed(nlp):
    assert found(nlp, "“We are ready,” said Dana Pruitt, the union's lawyer.") == [
        ("said", "Dana Pruitt, the union's lawyer", "We are ready")
    ]


def test_a_sentence_parsed_without_a_main_verb_still_has_a_speaker(nlp):
    # "Ann Lee, an aide, tweeted to say ...": the parser made "Lee" the root and
    # "tweeted" a clause on it.
    doc = root_noun_doc(
        nlp,
        ("tweeted", 1, "acl", "VERB", "VBN", "tweet"),
        ("to", 8, "aux", "PART", "TO", "to"),
        ("say", 6, "advcl", "VERB", "VB", "say"),
        ("pay", 10, "nsubj", "NOUN", "NN", "pay"),
        ("fell", 8, "ccomp", "VERB", "VBD", "fall"),
    )
    assert ("say", "Ann Lee, an aide") in statements(doc)


def test_a_cue_under_seem_keeps_its_subject(nlp):
    # She appears to imply it: the implying is hers, though "appears" itself is the
    # writer's inference, which joins the cue.
    text = "The minister appeared to imply that the tax would rise."
    assert [(c, s) for c, s, _ in found(nlp, text)] == [("appeared to imply", "The minister")]


def test_an_outlet_in_a_source_description_does_not_make_the_source_an_outlet(nlp):
    # Only the speaker's own name can make it an outlet whose statement is a relay.
    text = "Tom Reyes, a former member of the Harbor Journal editorial board, said he believes the port will close."
    assert ("said", "Tom Reyes, a former member of the Harbor Journal editorial board") in [
        (c, s) for c, s, _ in found(nlp, text)
    ]


def test_a_closing_speaker_takes_the_sentence_before_the_comma(nlp):
    # "..., police said.": the parser hung the sentence's main verb on "said" as an
    # adverbial, so "said" had no complement of its own.
    doc = parsed(
        nlp,
        [
            ("A", 1, "det", "DET", "DT", "a"),
            ("ferry", 2, "nsubj", "NOUN", "NN", "ferry"),
            ("sank", 7, "advcl", "VERB", "VBD", "sink"),
            ("near", 2, "prep", "ADP", "IN", "near"),
            ("Leith", 3, "pobj", "PROPN", "NNP", "Leith"),
            (",", 7, "punct", "PUNCT", ",", ","),
            ("police", 7, "nsubj", "NOUN", "NNS", "police"),
            ("said", 7, "ROOT", "VERB", "VBD", "say"),
            (".", 7, "punct", "PUNCT", ".", "."),
        ],
        ["O"] * 9,
    )
    (statement,) = find_statements(doc)
    text = doc.text
    assert text[statement.cue[0] : statement.cue[1]] == "said"
    assert text[statement.content[0] : statement.content[1]] == "A ferry sank near Leith"


def test_an_outlet_stating_a_prediction_speaks_for_itself(nlp):
    # The paper relays speech ("the paper said the chairman said ..."), but a
    # prediction it reports is the paper's own claim.
    found_cues = [(c, s) for c, s, _ in found(nlp, "The weekly paper said the club's chairman has predicted a title win.")]
    assert ("said", "The weekly paper") in found_cues


def test_said_yes_reports_the_yes(nlp):
    assert ("said", "Everyone but the treasurer", "yes") in found(nlp, "Everyone but the treasurer said yes.")


def test_a_clause_on_a_root_noun_reports_what_follows_it(nlp):
    # "Ann Lee, an aide, called the plan reckless." parsed as a noun phrase: "called"
    # is a clause on "Lee" and still the sentence's main verb.
    doc = root_noun_doc(
        nlp,
        ("called", 1, "acl", "VERB", "VBN", "call"),
        ("the", 8, "det", "DET", "DT", "the"),
        ("plan", 6, "oprd", "NOUN", "NN", "plan"),
        ("reckless", 6, "oprd", "ADJ", "JJ", "reckless"),
    )
    (statement,) = find_statements(doc)
    text = doc.text
    assert text[statement.source[0] : statement.source[1]] == "Ann Lee, an aide"
    assert text[statement.content[0] : statement.content[1]] == "the plan reckless"


def test_a_participle_after_a_comma_shares_the_subject_before_it(nlp):
    # The parser hung "pointing" on "was", whose subject is the placeholder "it".
    text = (
        "It was at the summit that Okafor delivered his attack on the tariff in a long "
        "speech, pointing to the ministry's 2019 report."
    )
    assert ("pointing to", "Okafor") in [(c, s) for c, s, _ in found(nlp, text)]


def test_a_participle_after_a_placeholder_subject_has_no_speaker(nlp):
    text = "It was the mayor, not the council, that approved the plan, saying it would pay for itself."
    assert [(c, s) for c, s, _ in found(nlp, text)] == [("saying", None)]


def test_a_noun_phrase_ending_right_before_a_subjectless_cue_is_its_speaker(nlp):
    # "After the vote, the mayor's office announced ...": the parser joined "office"
    # to "vote" as a conjunct, leaving "announced" with no subject.
    doc = parsed(
        nlp,
        [
            ("After", 9, "prep", "ADP", "IN", "after"),
            ("the", 2, "det", "DET", "DT", "the"),
            ("vote", 0, "pobj", "NOUN", "NN", "vote"),
            (",", 2, "punct", "PUNCT", ",", ","),
            ("the", 5, "det", "DET", "DT", "the"),
            ("mayor", 7, "poss", "NOUN", "NN", "mayor"),
            ("'s", 5, "case", "PART", "POS", "'s"),
            ("office", 2, "conj", "NOUN", "NN", "office"),
            ("quickly", 9, "advmod", "ADV", "RB", "quickly"),
            ("announced", 9, "ROOT", "VERB", "VBD", "announce"),
            ("that", 13, "mark", "SCONJ", "IN", "that"),
            ("fares", 13, "nsubj", "NOUN", "NNS", "fare"),
            ("would", 13, "aux", "AUX", "MD", "would"),
            ("rise", 9, "ccomp", "VERB", "VB", "rise"),
            (".", 9, "punct", "PUNCT", ".", "."),
        ],
        ["O"] * 15,
    )
    assert statements(doc) == [("quickly announced", "the mayor's office")]


def test_a_phrase_after_a_preposition_is_not_a_speaker(nlp):
    # "In the report announced ...": a prepositional object never speaks.
    doc = parsed(
        nlp,
        [
            ("Near", 3, "prep", "ADP", "IN", "near"),
            ("the", 2, "det", "DET", "DT", "the"),
            ("port", 0, "pobj", "NOUN", "NN", "port"),
            ("announced", 3, "ROOT", "VERB", "VBD", "announce"),
            ("that", 6, "mark", "SCONJ", "IN", "that"),
            ("fares", 6, "nsubj", "NOUN", "NNS", "fare"),
            ("rose", 3, "ccomp", "VERB", "VBD", "rise"),
            (".", 3, "punct", "PUNCT", ".", "."),
        ],
        ["O"] * 8,
    )
    assert statements(doc) == [("announced", None)]


def test_a_clause_hung_before_a_subjectless_cue_gives_the_speaker_not_the_content(nlp):
    # "Reyes praised the crew, then says it will ...": the parser made the first
    # clause what "says" reports.
    doc = parsed(
        nlp,
        [
            ("Reyes", 1, "nsubj", "PROPN", "NNP", "Reyes"),
            ("praised", 6, "ccomp", "VERB", "VBD", "praise"),
            ("the", 3, "det", "DET", "DT", "the"),
            ("crew", 1, "dobj", "NOUN", "NN", "crew"),
            (",", 6, "punct", "PUNCT", ",", ","),
            ("then", 6, "advmod", "ADV", "RB", "then"),
            ("says", 6, "ROOT", "VERB", "VBZ", "say"),
            ("it", 9, "nsubj", "PRON", "PRP", "it"),
            ("will", 9, "aux", "AUX", "MD", "will"),
            ("sail", 6, "ccomp", "VERB", "VB", "sail"),
            (".", 6, "punct", "PUNCT", ".", "."),
        ],
        ["B-PERSON"] + ["O"] * 10,
    )
    by_cue = {doc.text[s.cue[0] : s.cue[1]]: s for s in find_statements(doc)}
    says = by_cue["then says"]
    assert doc.text[says.source[0] : says.source[1]] == "Reyes"
    assert doc.text[says.content[0] : says.content[1]] == "it will sail"


def test_a_capitalized_word_after_a_quote_and_its_verb_is_the_speaker(nlp):
    # “Yes,” said Okoro: the tagger took the unfamiliar name for an adverb.
    doc = parsed(
        nlp,
        [
            *QUOTED_YES_SAID,
            ("Okoro", 4, "advmod", "ADV", "RB", "Okoro"),
            (".", 4, "punct", "PUNCT", ".", "."),
        ],
        ["O"] * 7,
    )
    assert statements(doc) == [("said", "Okoro")]


def test_a_subjects_phrase_ends_before_its_verb(nlp):
    # "Reyes alleges that he was fired, a claim the firm disputes": the parser hung the
    # closing phrase on "Reyes" as an apposition, far past the verb.
    doc = parsed(
        nlp,
        [
            ("Reyes", 1, "nsubj", "PROPN", "NNP", "Reyes"),
            ("alleges", 1, "ROOT", "VERB", "VBZ", "allege"),
            ("that", 5, "mark", "SCONJ", "IN", "that"),
            ("he", 5, "nsubjpass", "PRON", "PRP", "he"),
            ("was", 5, "auxpass", "AUX", "VBD", "be"),
            ("fired", 1, "ccomp", "VERB", "VBN", "fire"),
            (",", 1, "punct", "PUNCT", ",", ","),
            ("a", 8, "det", "DET", "DT", "a"),
            ("claim", 0, "appos", "NOUN", "NN", "claim"),
            ("the", 10, "det", "DET", "DT", "the"),
            ("firm", 11, "nsubj", "NOUN", "NN", "firm"),
            ("disputes", 8, "relcl", "VERB", "VBZ", "dispute"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ],
        ["B-PERSON"] + ["O"] * 12,
    )
    assert ("alleges", "Reyes") in statements(doc)


def test_a_cue_set_off_by_commas_reports_the_clause_around_it(nlp):
    # "Later, the records show, the board sold the land": an unmarked adverbial that
    # took the opening "Later" with it.
    doc = parsed(
        nlp,
        [
            ("Later", 4, "advmod", "ADV", "RB", "later"),
            (",", 4, "punct", "PUNCT", ",", ","),
            ("the", 3, "det", "DET", "DT", "the"),
            ("records", 4, "nsubj", "NOUN", "NNS", "record"),
            ("show", 8, "advcl", "VERB", "VBP", "show"),
            (",", 8, "punct", "PUNCT", ",", ","),
            ("the", 7, "det", "DET", "DT", "the"),
            ("board", 8, "nsubj", "NOUN", "NN", "board"),
            ("sold", 8, "ROOT", "VERB", "VBD", "sell"),
            ("the", 10, "det", "DET", "DT", "the"),
            ("land", 8, "dobj", "NOUN", "NN", "land"),
            (".", 8, "punct", "PUNCT", ".", "."),
        ],
        ["O"] * 12,
    )
    (statement,) = find_statements(doc)
    text = doc.text
    assert text[statement.source[0] : statement.source[1]] == "the records"
    assert text[statement.content[0] : statement.content[1]] == "the board sold the land"


def test_a_contracted_has_read_as_a_passive_keeps_its_speaker(nlp):
    # "She's said the port will close": the parser took "'s" for a passive "is".
    doc = parsed(
        nlp,
        [
            ("She", 2, "nsubjpass", "PRON", "PRP", "she"),
            ("'s", 2, "auxpass", "AUX", "VBZ", "be"),
            ("said", 2, "ROOT", "VERB", "VBD", "say"),
            ("the", 4, "det", "DET", "DT", "the"),
            ("port", 6, "nsubj", "NOUN", "NN", "port"),
            ("will", 6, "aux", "AUX", "MD", "will"),
            ("close", 2, "ccomp", "VERB", "VB", "close"),
            (".", 2, "punct", "PUNCT", ".", "."),
        ],
        ["O"] * 8,
    )
    assert statements(doc) == [("'s said", "She")]


def test_a_that_clause_keeps_its_that_when_the_parser_hangs_it_on_an_auxiliary(nlp):
    # "She voiced concern that the port was closing": "that" hung on "was".
    doc = parsed(
        nlp,
        [
            ("She", 1, "nsubj", "PRON", "PRP", "she"),
            ("voiced", 1, "ROOT", "VERB", "VBD", "voice"),
            ("concern", 1, "dobj", "NOUN", "NN", "concern"),
            ("that", 6, "mark", "SCONJ", "IN", "that"),
            ("the", 5, "det", "DET", "DT", "the"),
            ("port", 7, "nsubj", "NOUN", "NN", "port"),
            ("was", 7, "aux", "AUX", "VBD", "be"),
            ("closing", 2, "acl", "VERB", "VBG", "close"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ],
        ["O"] * 9,
    )
    (statement,) = find_statements(doc)
    text = doc.text
    assert text[statement.cue[0] : statement.cue[1]] == "voiced concern"
    assert text[statement.content[0] : statement.content[1]] == "that the port was closing"


def test_a_closing_clause_of_any_reporting_verb_ends_at_a_dash(nlp):
    text = (
        "Deficits will grow this year, the budget office reported on Tuesday -- "
        "a shift that raises new questions."
    )
    assert ("reported", "the budget office", "Deficits will grow this year") in found(nlp, text)


def test_a_verb_after_a_quote_joined_to_the_quote_does_not_take_its_subject(nlp):
    # “We were wrong,” Lee told AFP: the parser joined "told" to the quoted "were" and
    # hung "Lee" on it, so the quote's "We" looked like the teller.
    doc = parsed(
        nlp,
        [
            ("“", 2, "punct", "PUNCT", "``", "“"),
            ("We", 2, "nsubj", "PRON", "PRP", "we"),
            ("were", 2, "ROOT", "AUX", "VBD", "be"),
            ("wrong", 2, "acomp", "ADJ", "JJ", "wrong"),
            (",", 2, "punct", "PUNCT", ",", ","),
            ("”", 6, "punct", "PUNCT", "''", "”"),
            ("Lee", 2, "npadvmod", "PROPN", "NNP", "Lee"),
            ("told", 2, "conj", "VERB", "VBD", "tell"),
            ("AFP", 7, "dobj", "PROPN", "NNP", "AFP"),
            (".", 2, "punct", "PUNCT", ".", "."),
        ],
        ["O", "O", "O", "O", "O", "O", "B-PERSON", "O", "B-ORG", "O"],
    )
    assert ("told", "Lee") in statements(doc)


def test_an_apposition_that_is_the_next_clause_subject_is_not_part_of_the_source(nlp):
    # "According to the poll, voters want change": the parser made "voters" a second
    # name for the poll, leaving "want" with no subject.
    doc = parsed(
        nlp,
        [
            ("According", 6, "prep", "VERB", "VBG", "accord"),
            ("to", 0, "prep", "ADP", "IN", "to"),
            ("the", 3, "det", "DET", "DT", "the"),
            ("poll", 1, "pobj", "NOUN", "NN", "poll"),
            (",", 3, "punct", "PUNCT", ",", ","),
            ("voters", 3, "appos", "NOUN", "NNS", "voter"),
            ("want", 6, "ROOT", "VERB", "VBP", "want"),
            ("change", 6, "dobj", "NOUN", "NN", "change"),
            (".", 6, "punct", "PUNCT", ".", "."),
        ],
        ["O"] * 9,
    )
    assert ("According to", "the poll") in statements(doc)


def test_a_title_read_as_a_verb_and_its_object_joins_the_source(nlp):
    # "Presumptive party nominee Ann Lee said ...": the parser took "Presumptive" for a
    # verb with "nominee" as its object.
    doc = parsed(
        nlp,
        [
            ("Presumptive", 5, "advcl", "VERB", "VB", "presumptive"),
            ("party", 2, "compound", "NOUN", "NN", "party"),
            ("nominee", 0, "dobj", "NOUN", "NN", "nominee"),
            ("Ann", 4, "compound", "PROPN", "NNP", "Ann"),
            ("Lee", 5, "nsubj", "PROPN", "NNP", "Lee"),
            ("said", 5, "ROOT", "VERB", "VBD", "say"),
            ("pay", 7, "nsubj", "NOUN", "NN", "pay"),
            ("fell", 5, "ccomp", "VERB", "VBD", "fall"),
            (".", 5, "punct", "PUNCT", ".", "."),
        ],
        ["O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O"],
    )
    assert ("said", "Presumptive party nominee Ann Lee") in statements(doc)
