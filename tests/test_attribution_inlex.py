"""Attribution rules for cues already in the lexicon whose statement was lost: a
paragraph break after a closing attribution, and more."""

from __future__ import annotations

import pytest

# The fixture `nlp` comes from attribution_helpers; tests take it as an argument.
# ruff: noqa: F811
from attribution_helpers import found, nlp  # noqa: F401


def test_a_closing_attribution_before_a_paragraph_break_reports_its_sentence(nlp):
    # The parser reads "signals" as a noun and hangs the whole sentence on "said"; the
    # paragraph break kept at the end of that sentence is not a word after the speaker.
    text = (
        'The repeal of the charter signals "the beginning of the end" for the league, '
        "said Ilse Varga, founder of the Dutch Party for Freedom.\n\nThe vote was close."
    )
    (said,) = [s for s in found(nlp, text) if s[0] == "said"]
    assert said[1] == "Ilse Varga, founder of the Dutch Party for Freedom"
    assert said[2].startswith("The repeal of the charter")


def test_a_speech_act_alone_is_what_was_said_and_the_verb_the_cue(nlp):
    assert ("made", "The harbor union", "that argument") in found(
        nlp, "The harbor union made that argument in letters to the port board."
    )
    assert ("also voiced", "Delia Okonkwo", "concern") in found(
        nlp, "Delia Okonkwo also voiced concern on Friday."
    )


def test_a_clause_after_a_speech_act_is_its_content(nlp):
    text = "The ferry captain delivered a promise to cut fares by June."
    assert ("delivered a promise", "The ferry captain", "to cut fares by June") in found(nlp, text)


def test_a_speech_act_leaves_a_participle_cue_after_it_its_own_statement(nlp):
    text = "She has made several statements defending the tunnel plan."
    assert [s[0] for s in found(nlp, text)] == ["defending"]


def test_an_occasion_of_speaking_alone_reports_nothing(nlp):
    assert found(nlp, "The mayor gave a speech at the marina on Tuesday.") == []


def test_the_doer_of_a_participle_holds_the_stance_on_the_noun_it_describes(nlp):
    text = "The harbor levy, opposed by the fishermen's guild, failed in March."
    assert ("opposed", "the fishermen's guild", "The harbor levy") in found(nlp, text)
    text = "The port plan is a scheme championed by Mayor Ilse Varga."
    assert ("championed", "Mayor Ilse Varga", "a scheme") in found(nlp, text)


def test_who_released_or_wrote_a_document_holds_no_stance_on_it(nlp):
    text = "The tunnel memo, released by the transit agency, runs to 40 pages."
    assert found(nlp, text) == []


def test_what_the_parser_hung_on_a_passive_doer_is_not_part_of_the_source(nlp):
    text = "The ferry route is seen by many islanders as a lifeline."
    assert [s[1] for s in found(nlp, text)] == ["many islanders"]


def test_a_sentence_read_as_one_noun_phrase_keeps_its_speaker_apart(nlp):
    # The parser makes "Reyes" the root and "called" a participle on it.
    text = "Mayor Tomas Reyes called Monday for the harbor board to resign."
    assert found(nlp, text) == [
        ("called Monday for", "Mayor Tomas Reyes", "the harbor board to resign")
    ]


def test_a_free_relative_before_the_speaker_leaves_the_rest_as_content(nlp):
    text = "The ferry was delayed, showing what many islanders said was a lack of planning."
    assert ("said", "many islanders", "was a lack of planning") in found(nlp, text)
    assert found(nlp, "That was what the harbor union wanted to hear.") == [
        ("wanted", "the harbor union", "to hear")
    ]


def test_a_name_after_a_closing_quote_speaks_though_the_parser_hung_it_on_the_verb():
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from newsgraph.extract.sources import stray_subject

    # "“Not one,” Varga answers." with "Varga" a compound of "answers".
    words = ["“", "Not", "one", ",", "”", "Varga", "answers", "."]
    doc = Doc(
        Vocab(),
        words=words,
        heads=[6, 2, 6, 6, 6, 6, 6, 6],
        deps=["punct", "neg", "dobj", "punct", "punct", "compound", "ROOT", "punct"],
        pos=["PUNCT", "PART", "NUM", "PUNCT", "PUNCT", "PROPN", "VERB", "PUNCT"],
        tags=["``", "RB", "CD", ",", "''", "NNP", "VBZ", "."],
    )
    assert stray_subject(doc[6]).i == 5


def test_a_free_relative_headed_by_a_cue_reports_what_it_names(nlp):
    assert found(nlp, "The fares rose far beyond what the ferry board expected.") == [
        ("expected", "the ferry board", "what")
    ]
    text = "The levy conflicted with what Mayor Varga told the Gazette on Monday."
    assert found(nlp, text) == [("told", "Mayor Varga", "what")]


def test_a_free_relative_under_a_modal_is_a_possibility_not_a_statement(nlp):
    assert found(nlp, "The island lacks what one might find on the mainland.") == []


def test_a_cue_that_measures_a_comparison_expected_the_comparison(nlp):
    assert found(nlp, "The repairs took far longer than the ferry board had expected.") == [
        ("had expected", "the ferry board", "far longer")
    ]


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        ("The governor of Lakeport vetoed the ferry bill.", "vetoed", "The governor of Lakeport"),
        ("The union leader repudiated the remarks about the dockworkers.", "repudiated",
         "The union leader"),
        ("The harbor master bristled at the question.", "bristled", "The harbor master"),
        ("The fishermen petitioned for a lower toll.", "petitioned", "The fishermen"),
    ],
)  # fmt: skip
def test_more_verbs_of_speech_and_stance_are_cues(nlp, text, cue, source):
    assert (cue, source) in [(c[: len(cue)], s) for c, s, _ in found(nlp, text)]


def test_a_particle_the_parser_took_for_an_adverb_still_makes_the_cue(nlp):
    # "back" and "aside" right after the verb are often parsed as adverbs.
    text = "The harbor board walked back its pledge on ferry tolls."
    assert ("walked back", "The harbor board", "its pledge on ferry tolls") in found(nlp, text)
    text = "The mayor of Lakeport brushed aside the plan."
    assert ("brushed aside", "The mayor of Lakeport", "the plan") in found(nlp, text)


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        ("Senator Varga brought up the ferry tolls at the hearing.", "brought up",
         "Senator Varga"),
        ("The harbor master ticked off a list of repairs.", "ticked off", "The harbor master"),
        ("The Lakeport council rolled out a new plan for the docks.", "rolled out",
         "The Lakeport council"),
    ],
)  # fmt: skip
def test_raising_listing_or_unveiling_something_is_a_cue(nlp, text, cue, source):
    assert (cue, source) in [(c, s) for c, s, _ in found(nlp, text)]


def _parsed(words, heads, deps, pos, tags, lemmas):
    import spacy
    from spacy.tokens import Doc

    # No space before a comma or a full stop, or after a hyphen, as in print.
    following = zip(words, words[1:] + ["."], strict=True)
    spaces = [nxt not in {",", ".", "-"} and w != "-" for w, nxt in following]
    vocab = spacy.blank("en").vocab
    return Doc(vocab, words, spaces, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)


def test_a_finite_verb_read_as_an_adjective_of_its_object_is_a_cue():
    from newsgraph.extract.statements import find_statements

    # "In March, Okafor dismissed critics who called the plan reckless." parsed as a
    # noun phrase "dismissed critics" with "Okafor" hung on it.
    words = ["In", "March", ",", "Okafor", "dismissed", "critics", "who", "called", "the"]
    words += ["plan", "reckless", "."]
    doc = _parsed(
        words,
        heads=[5, 0, 5, 5, 5, 5, 7, 5, 9, 7, 7, 5],
        deps=["prep", "pobj", "punct", "npadvmod", "amod", "ROOT", "nsubj", "relcl", "det"]
        + ["dobj", "oprd", "punct"],
        pos=["ADP", "PROPN", "PUNCT", "PROPN", "VERB", "NOUN", "PRON", "VERB", "DET"]
        + ["NOUN", "ADJ", "PUNCT"],
        tags=["IN", "NNP", ",", "NNP", "VBN", "NNS", "WP", "VBD", "DT", "NN", "JJ", "."],
        lemmas=["in", "March", ",", "Okafor", "dismiss", "critic", "who", "call", "the"]
        + ["plan", "reckless", "."],
    )
    text = doc.text
    statements = [(text[s.cue[0] : s.cue[1]], s) for s in find_statements(doc)]
    (dismissed,) = [s for cue, s in statements if cue == "dismissed"]
    assert text[dismissed.source[0] : dismissed.source[1]] == "Okafor"
    assert text[dismissed.content[0] : dismissed.content[1]] == "critics who called the plan reckless"


def test_a_participle_after_a_possessive_or_a_hyphen_stays_an_adjective():
    from newsgraph.extract.sources import misread_verb_subject

    # "His proposed levy failed." and "A Varga-backed levy failed."
    doc = _parsed(
        ["His", "proposed", "levy", "failed", "."],
        heads=[2, 2, 3, 3, 3],
        deps=["poss", "amod", "nsubj", "ROOT", "punct"],
        pos=["PRON", "VERB", "NOUN", "VERB", "PUNCT"],
        tags=["PRP$", "VBN", "NN", "VBD", "."],
        lemmas=["his", "propose", "levy", "fail", "."],
    )
    assert misread_verb_subject(doc[1]) is None
    doc = _parsed(
        ["A", "Varga", "-", "backed", "levy", "failed", "."],
        heads=[4, 3, 3, 4, 5, 5, 5],
        deps=["det", "npadvmod", "punct", "amod", "nsubj", "ROOT", "punct"],
        pos=["DET", "PROPN", "PUNCT", "VERB", "NOUN", "VERB", "PUNCT"],
        tags=["DT", "NNP", "HYPH", "VBN", "NN", "VBD", "."],
        lemmas=["a", "Varga", "-", "back", "levy", "fail", "."],
    )
    assert misread_verb_subject(doc[3]) is None


def test_a_gerund_after_a_preposition_is_done_by_its_clause_subject(nlp):
    text = "Mayor Okafor has been the loudest voice on the council in denouncing the ferry fares."
    assert ("denouncing", "Mayor Okafor", "the ferry fares") in found(nlp, text)
    # A passive subject is the doer too: the one suspended slammed the board.
    text = "The clerk was suspended for a week after slamming the board for its vote."
    assert [s[1] for s in found(nlp, text) if s[0] == "slamming"] == ["The clerk"]


def test_a_gerund_after_by_under_a_passive_is_not_its_subject_s_doing(nlp):
    text = "The ferry ban is often justified by arguing that the boats are unsafe."
    assert [s[1] for s in found(nlp, text) if s[0] == "arguing"] == [None]


def test_a_cue_in_an_adverbial_clause_with_its_own_subject_reports_what_follows(nlp):
    text = "The room went quiet when Varga speculated about the cost of the new ferry."
    assert [s[1] for s in found(nlp, text) if s[0] == "speculated"] == ["Varga"]
    text = "While Mayor Okafor has cautioned against haste, the council voted to sell the pier."
    assert [s[1] for s in found(nlp, text) if s[0] == "has cautioned"] == ["Mayor Okafor"]


def test_a_supposition_with_if_is_not_a_stance(nlp):
    assert found(nlp, "If Varga comes out on top in Dover, the race is over.") == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“Look, Dana needed to win the first two caucuses,” added a Vermont Republican.",
         "a Vermont Republican"),
        ("“Frankly, the mayor wanted to close the first three libraries,” added a Boston "
         "librarian.", "a Boston librarian"),
    ],
)  # fmt: skip
def test_a_quote_before_an_inverted_cue_is_not_the_speakers_own_clause(nlp, text, speaker):
    # The parser hangs the quoted clause on "added" and reads the speaker as its object;
    # the quote is what was added, and the speaker follows the verb.
    (added,) = [s for s in found(nlp, text) if s[0] == "added"]
    assert added[1] == speaker
    assert added[2].split(",")[0] in {"Look", "Frankly"}


def test_a_quote_verb_with_back_aimed_at_someone_is_a_retort(nlp):
    # "fire back" is a cue only with a quote of its own, but aimed at a target it puts a
    # retort on record all the same.
    text = "Okafor fired back at Lindqvist over the harbor tax being raised four times."
    (fired,) = [s for s in found(nlp, text) if s[0] == "fired back"]
    assert fired[1] == "Okafor"
    assert fired[2].startswith("at Lindqvist")
    # Without a quote or a target, a quote verb still reports nothing.
    assert found(nlp, "Prices continued to fall in the spring.") == []


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        # A second passive joined by "and" shares the first one's subject.
        (
            "The harbor levy was opposed by the fishermen's guild and praised by the mayor.",
            "praised",
            "the mayor",
            "The harbor levy",
        ),
        # A passive after a copula: the copula's subject is what the doer dislikes.
        ("Right now, Tomas Reyes is the most disliked by the dockworkers.", "disliked", "the dockworkers", "Tomas Reyes"),
        # "after being named by": the clause's subject is who was named.
        (
            "She joined the port board in 2019 after being nominated by Governor Ilse Varga.",
            "being nominated",
            "Governor Ilse Varga",
            "She",
        ),
        # Set off after its clause, the participle is about that clause.
        (
            "For ten years, Ruritania has been taking small steps toward a free press, "
            "encouraged by the United Nations and other donors.",
            "encouraged",
            "the United Nations and other donors",
            "For ten years, Ruritania has been taking small steps toward a free press",
        ),
    ],
)
def test_a_passive_cue_without_a_subject_of_its_own_is_about_the_one_it_shares(
    nlp, text, cue, source, content
):
    assert (cue, source, content) in found(nlp, text)


def test_a_participle_after_a_clause_that_reports_leaves_that_clause_alone(nlp):
    # The participle belongs to "a study" though the parser hangs it on "ordered".
    text = "Reyes ordered up a study of the harbor, first reported by the Gazette."
    assert ("first reported", "the Gazette", "Reyes ordered up a study of the harbor") not in found(nlp, text)


def test_a_doer_s_participle_on_a_person_says_who_they_are(nlp):
    text = "Ilse Varga, the former harbor master challenged by Tomas Reyes in 1990, predicted a close vote."
    assert [s[0] for s in found(nlp, text)] == ["predicted"]
    assert found(nlp, "The court was made up of judges nominated by both parties.") == []
    # On a thing, or on "those" it picks out, the doer's stance stays.
    assert ("invited", "Reyes", "Those") in found(nlp, "Those invited by Reyes included three dockworkers.")


def test_who_introduced_a_bill_sponsored_it_and_holds_no_stance_by_that(nlp):
    assert found(nlp, "The ferry bill, introduced in the Senate by Ilse Varga, would cut fares.") == []
    text = "The ferry bill, opposed in the Senate by Ilse Varga, would cut fares."
    assert ("opposed", "Ilse Varga", "The ferry bill") in found(nlp, text)


def test_what_a_doer_charged_someone_with_is_not_part_of_the_doer(nlp):
    # The parser hangs "of beating ..." on "media", not on "accused".
    text = "She was accused by the news media of beating her husband."
    assert [s[1] for s in found(nlp, text)] == ["the news media"]
