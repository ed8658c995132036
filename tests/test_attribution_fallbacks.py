"""Attribution rules from the third PolNeAR round: page labels before a colon, the
author of a statement that "says" something, a cue's own clause when the parser hung
its complement elsewhere, and words after a source that are not part of it."""

from __future__ import annotations

# The fixture `nlp` comes from attribution_helpers; tests take it as an argument.
# ruff: noqa: F811
import pytest
from attribution_helpers import found, nlp, parsed  # noqa: F401

from newsgraph.extract.statements import find_statements


def test_a_page_label_before_a_colon_is_no_speaker(nlp):
    assert found(nlp, "Editor's note: The ferry company sponsors this newsletter.") == []
    assert found(nlp, "CORRECTION: An earlier version misspelled the mayor's name.") == []
    assert found(nlp, "The Latest: Ferry workers end their strike after two weeks.") == []
    assert found(nlp, "Q: Will the ferry run on Sunday?") == []


def test_a_name_before_a_colon_still_speaks(nlp):
    assert found(nlp, "Mayor Okafor: The ferry will run on Sunday.") == [
        (":", "Mayor Okafor", "The ferry will run on Sunday")
    ]


def test_who_issued_a_statement_is_the_source_of_what_it_says(nlp):
    text = "The harbor union issued a statement saying the strike would go on."
    assert found(nlp, text) == [("saying", "The harbor union", "the strike would go on")]


def test_who_released_a_video_is_the_source_of_its_attack(nlp):
    text = "The council released a video attacking the mayor's budget."
    attacking = [s for s in found(nlp, text) if s[0] == "attacking"]
    assert attacking == [("attacking", "The council", "the mayor's budget")]


def test_a_cue_in_a_relative_clause_is_about_the_noun_it_describes(nlp):
    assert found(nlp, "The fare rise is a plan the union opposes.") == [
        ("opposes", "the union", "a plan")
    ]


def test_a_cue_whose_clause_hangs_elsewhere_keeps_what_follows_it(nlp):
    text = "Lee also said for the first time that the ferry would close."
    ((cue, source, content),) = found(nlp, text)
    assert (cue, source) == ("also said", "Lee")
    assert content.endswith("that the ferry would close")


def test_when_the_source_spoke_is_not_part_of_the_source(nlp):
    text = "Governor Reyes on Tuesday said the bridge would reopen."
    assert [s[1] for s in found(nlp, text)] == ["Governor Reyes"]


def test_a_reflexive_right_after_the_source_is_part_of_it(nlp):
    # PolNeAR keeps the stressing "herself"; set off by a comma it opens a description.
    assert [s[1] for s in found(nlp, "Reyes herself said the bridge would reopen.")] == [
        "Reyes herself"
    ]
    text = "The mayor, herself a former ferry pilot, said the bridge would reopen."
    assert [s[1] for s in found(nlp, text)] == ["The mayor"]


def test_all_after_the_source_is_not_part_of_it(nlp):
    text = "The defense ministers all said the drill would go ahead."
    assert [s[1] for s in found(nlp, text)] == ["The defense ministers"]


def test_a_verb_that_rarely_reports_without_a_complement_is_no_cue(nlp):
    # "seem", "appear", "decline" ... with nothing after them: measured mostly not claims.
    assert found(nlp, "Okafor declined.") == []


def test_who_appears_or_seems_to_do_something_is_the_topic_not_a_source(nlp):
    # The writer infers it; PolNeAR-style annotation gives such statements no source.
    for text in ("Okafor appears to lead the race.", "The ferry seems to run late."):
        assert all(source is None for _, source, _ in found(nlp, text))


def test_a_participle_naming_the_source_stays_in_it(nlp):
    text = "A poll released on Friday showed that most riders back the fare rise."
    assert [s[1] for s in found(nlp, text) if s[0] == "showed"] == ["A poll released on Friday"]


def test_the_end_of_a_quote_is_not_part_of_the_source(nlp):
    # The quote opened in an earlier paragraph, so the parser joins its end to the name.
    text = "It’s unanimous,” councilmember Mark Levine said of the vote."
    assert [s[1] for s in found(nlp, text) if s[0] == "said"] == ["councilmember Mark Levine"]


def test_a_verb_of_speaking_in_a_second_clause_keeps_what_follows_it(nlp):
    # The parser hangs "that she would run" on "hall"; "told" still reports it.
    text = "Lee smiled and told the reporters in the hall that she would run."
    ((cue, source, content),) = found(nlp, text)
    assert (cue, source) == ("told", "Lee")
    assert content.endswith("that she would run")


def test_a_source_does_not_start_inside_a_hyphenated_word(nlp):
    # The parser may split "non-profit" into two subjects; the source is the whole word.
    ((_, source, _),) = found(nlp, "The non-profit said the shelter would open in May.")
    assert source.endswith("non-profit")


def test_a_source_cut_short_does_not_end_on_a_conjunction():
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from newsgraph.extract.source_phrases import source_phrase

    # "Two pilots and ..." where the parser hung the rest of the phrase elsewhere.
    words = ["Two", "pilots", "and", "said", "so"]
    doc = Doc(
        Vocab(),
        words=words,
        heads=[1, 3, 1, 3, 3],
        deps=["nummod", "nsubj", "cc", "ROOT", "advmod"],
        pos=["NUM", "NOUN", "CCONJ", "VERB", "ADV"],
    )
    assert [doc[i].text for i in sorted(source_phrase(doc[1]))] == ["Two", "pilots"]


def test_a_source_cut_short_does_not_end_inside_a_hyphenated_word():
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from newsgraph.extract.source_phrases import source_phrase

    # "Lee, who co-wrote it, said so" where the parser hung "-wrote" on the verb.
    words = ["Lee", ",", "who", "co", "-", "wrote", "said", "so"]
    doc = Doc(
        Vocab(),
        words=words,
        spaces=[False, True, True, False, False, True, True, False],
        heads=[6, 0, 3, 0, 5, 6, 6, 6],
        deps=["nsubj", "punct", "nsubj", "relcl", "punct", "dep", "ROOT", "advmod"],
        pos=["PROPN", "PUNCT", "PRON", "VERB", "PUNCT", "VERB", "VERB", "ADV"],
    )
    assert [doc[i].text for i in sorted(source_phrase(doc[0]))] == ["Lee", ",", "who", "co", "-", "wrote"]


def test_a_poll_the_clause_is_found_in_is_its_source(nlp):
    text = "In a Harbor Gazette poll released Monday, Mayor Okafor led her rival by six points."
    assert found(nlp, text) == [
        ("In", "a Harbor Gazette poll released Monday", "Mayor Okafor led her rival by six points")
    ]


def test_a_poll_after_the_object_it_measured_is_its_source(nlp):
    text = "Mayor Okafor took 6 percent of the vote in a Harbor Gazette poll released Monday."
    assert found(nlp, text) == [
        ("in", "a Harbor Gazette poll released Monday", "Mayor Okafor took 6 percent of the vote")
    ]


def test_leading_in_the_polls_cites_no_poll(nlp):
    assert found(nlp, "Mayor Okafor leads in the polls.") == []


def test_a_poll_opening_the_sentence_vouches_for_what_respondents_said(nlp):
    text = "In a Harbor Gazette survey released Friday, 60 percent of riders said the fares were too high."
    statements = found(nlp, text)
    assert ("In", "a Harbor Gazette survey released Friday",
            "60 percent of riders said the fares were too high") in statements  # fmt: skip


def test_polls_opening_the_sentence_are_its_source(nlp):
    text = "In the latest polls, Mayor Okafor trails her rival by four points."
    assert found(nlp, text) == [
        ("In", "the latest polls", "Mayor Okafor trails her rival by four points")
    ]


def test_an_opening_mark_typed_for_a_closing_one_still_ends_the_quote(nlp):
    text = "“The ferry is late again,“ said Ana Ruiz, a commuter."
    assert found(nlp, text) == [("said", "Ana Ruiz, a commuter", "The ferry is late again")]


def test_a_closing_quote_glued_to_the_next_word_leaves_the_speaker_whole(nlp):
    text = "“The ferry is late again,”Ruiz said."
    assert [t.text for t in nlp(text)][5:9] == ["again", ",", "”", "Ruiz"]
    assert found(nlp, text) == [("said", "Ruiz", "The ferry is late again")]


def test_an_abbreviation_before_a_quote_keeps_its_period(nlp):
    assert "U.S." in [t.text for t in nlp('The U.S."We will go," she said.')]


def test_it_before_a_copula_or_adjective_is_nobody(nlp):
    # "It is hard to imagine that ...": the writer's words, with no one to cite.
    assert [s[1] for s in found(nlp, "It is hard to imagine that the ferry will run.")] == [None]


def test_it_that_acts_is_still_a_source(nlp):
    text = "It wants to argue that the port is safe."
    assert [s[1] for s in found(nlp, text)] == ["It", "It"]


def test_a_headline_name_the_tagger_took_for_a_noun_still_speaks_before_its_colon(nlp):
    # The article names her again below; that is how "Clinton" is known for a name.
    text = "Clinton: I support statehood for the District.\n\nHillary Clinton spoke in Washington.\n"
    assert (":", "Clinton", "I support statehood for the District") in found(nlp, text)


def test_a_headline_speaker_to_an_audience_is_the_words_before_to(nlp):
    text = "Governor Alvarez to Farmers: We Will Cover the Drought Losses.\n\nShe spoke in Fresno.\n"
    assert (":", "Governor Alvarez", "We Will Cover the Drought Losses") in found(nlp, text)


def test_a_headline_speaker_on_a_topic_is_the_words_before_on(nlp):
    text = "Senator Whitcombe on Planned Tariffs: 'They Will Hurt Our Ports.'\n"
    assert [s[1] for s in found(nlp, text) if s[0] == ":"] == ["Senator Whitcombe"]


def test_a_poll_before_a_headline_colon_is_its_source(nlp):
    text = "Poll: Harbor tunnel plan trails by nine points.\n\nVoters were asked in May.\n"
    assert (":", "Poll", "Harbor tunnel plan trails by nine points") in found(nlp, text)


def test_a_newspaper_before_a_headline_colon_is_its_source(nlp):
    text = "Newspaper: Port director kept a second ledger.\n"
    assert [s[1] for s in found(nlp, text) if s[0] == ":"] == ["Newspaper"]


def test_a_common_noun_of_no_report_before_a_colon_speaks_not(nlp):
    text = "Weather: Rain is expected across the valley.\n"
    assert [s for s in found(nlp, text) if s[0] == ":"] == []


def test_a_label_set_off_by_a_dash_before_a_headline_speaker_is_not_the_source(nlp):
    text = "EXCLUSIVE – Marta Quillon: The Ferry Contract Was Rigged.\n\nQuillon spoke on Friday.\n"
    assert [s[1] for s in found(nlp, text) if s[0] == ":"] == ["Marta Quillon"]


def test_a_hyphenated_name_before_a_transcript_colon_still_speaks(nlp):
    text = "Dana Ruiz-Holt: We have to fund the harbor before the storms come.\n"
    assert (":", "Dana Ruiz-Holt", "We have to fund the harbor before the storms come") in found(
        nlp, text
    )


def test_a_group_among_whom_a_stance_is_held_is_its_source(nlp):
    text = "The ferry plan enjoys strong support among dock workers."
    assert ("support", "dock workers", "strong support") in found(nlp, text)


def test_a_feeling_among_a_group_takes_its_clause(nlp):
    text = "There is growing anxiety among harbor pilots that the channel is too shallow."
    assert ("anxiety", "harbor pilots", "that the channel is too shallow") in found(nlp, text)


def test_among_after_a_noun_of_no_stance_names_no_source(nlp):
    assert found(nlp, "The mayor has a wide lead among dock workers.") == []


def test_a_one_word_quote_before_a_loose_verb_is_still_reported(nlp):
    text = "“Never,” the harbor master added when the reporter pressed her."
    assert ("added", "the harbor master", "Never") in found(nlp, text)


def test_a_loose_verb_with_no_quote_still_reports_nothing(nlp):
    assert [s for s in found(nlp, "The harbor master added a second crane.") if s[0] == "added"] == []


def test_a_speaker_set_off_by_an_aside_before_the_cue_is_found(nlp):
    text = (
        "In a March 2019 letter to Okafor, Brandt, head of the Institute for Coastal Policy, "
        "recounted a talk she had."
    )
    sources = [s[1] for s in found(nlp, text) if s[0] == "recounted"]
    assert sources and sources[0].startswith("Brandt")


def test_a_name_read_as_a_modal_before_a_past_verb_speaks(nlp):
    text = "Instead, Will called for voters to back Ann Lee, whom he describes as “a builder.”"
    assert ("Will called for", "Will", "voters to back Ann Lee") in found(nlp, text)


def test_a_name_read_as_a_compound_on_the_cue_speaks(nlp):
    text = "When someone in the crowd shouted, “Rudd,” Dobrev joked, again using a thick accent, “Amen!”"
    assert [s[1] for s in found(nlp, text) if s[0] == "joked"] == ["Dobrev"]


def test_a_participle_read_as_the_subject_stays_on_its_noun(nlp):
    text = "Many mayors clamoring for more federal money in transit support the replacement plan for their own reasons."
    assert [s[1] for s in found(nlp, text) if s[0] == "support"] == [
        "Many mayors clamoring for more federal money in transit"
    ]


def test_a_second_act_read_as_a_loose_dependent_shares_the_subject(nlp):
    text = "Okafor paused, then revealed why the ferry had stopped."
    assert [s[1] for s in found(nlp, text)] == ["Okafor"]


def test_a_passive_speaks_through_a_by_phrase_hung_on_a_later_noun(nlp):
    text = "The levy was criticized during the campaign for the council seat by Ingrid Varga."
    assert [s[1] for s in found(nlp, text) if s[0] == "was criticized"] == ["Ingrid Varga"]


def test_a_by_phrase_under_the_cues_own_preposition_is_no_agent(nlp):
    text = "Okafor was asked about the attack by Tom Rudd on the ferry."
    assert [s[1] for s in found(nlp, text) if s[0] == "was asked about"] == [None]


def test_a_speaker_after_a_cue_set_off_inside_its_clause_speaks(nlp):
    text = "The gap with the old plan, said Varga and others, would be obvious to voters."
    assert [s[1] for s in found(nlp, text) if s[0] == "said"] == ["Varga and others"]


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        (
            "At a rally in Dayton, Ohio, 62-year-old nurse Brenda Okafor railed against the plan.",
            "railed against",
            "62-year-old nurse Brenda Okafor",
        ),
    ],
)
def test_a_subject_the_parser_swallowed_into_an_opening_phrase_is_the_source(nlp, text, cue, source):
    assert (cue, source) in [s[:2] for s in found(nlp, text)]



# "In an interview, Okafor was asked about the levy." with "Okafor" swallowed into the
# opening phrase as an apposition of "interview".
SWALLOWED_PASSIVE = [
    ("In", 6, "prep", "ADP", "IN", "in"),
    ("an", 2, "det", "DET", "DT", "an"),
    ("interview", 0, "pobj", "NOUN", "NN", "interview"),
    (",", 2, "punct", "PUNCT", ",", ","),
    ("Okafor", 2, "appos", "PROPN", "NNP", "Okafor"),
    ("was", 6, "auxpass", "AUX", "VBD", "be"),
    ("asked", 6, "ROOT", "VERB", "VBN", "ask"),
    ("about", 6, "prep", "ADP", "IN", "about"),
    ("the", 9, "det", "DET", "DT", "the"),
    ("levy", 7, "pobj", "NOUN", "NN", "levy"),
    (".", 6, "punct", "PUNCT", ".", "."),
]


def test_a_subject_swallowed_before_a_passive_cue_is_not_its_source(nlp):
    """The one asked is no speaker; with "was" the opener's name is the patient."""
    doc = parsed(nlp, SWALLOWED_PASSIVE, ["O"] * 4 + ["B-PERSON"] + ["O"] * 6)
    assert [s.source for s in find_statements(doc) if s.source] == []
