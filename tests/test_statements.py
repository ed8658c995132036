"""The statements stage: who said what, through which outlet, and how hedged."""

from __future__ import annotations

import pytest

from newsgraph.extract.statements import StatementMention, find_quotes, find_statements
from newsgraph.pipeline import build


@pytest.fixture(scope="module")
def nlp():
    return build(components=("newsgraph_statements",))


def statements(nlp, text: str) -> list[dict]:
    """The statements of ``text`` as plain strings, easy to compare."""
    doc = nlp(text)
    return [_readable(doc.text, s) for s in doc._.ng_statements]


def _readable(text: str, s: StatementMention) -> dict:
    return {
        "cue": text[s.cue[0] : s.cue[1]],
        "content": text[s.content[0] : s.content[1]],
        "source": text[s.source[0] : s.source[1]] if s.source else None,
        "kind": s.kind,
        "via": [text[a:b] for a, b in s.via],
        "hedged": s.hedged,
        "hedge": s.hedge,
    }


def by_cue(found: list[dict], cue: str) -> list[dict]:
    return [s for s in found if s["cue"].lower() == cue]


def test_indirect_speech_with_that_clause_after_an_adverbial(nlp):
    found = statements(
        nlp, "The mayor said after the vote that the budget would be cut by a tenth."
    )
    (said,) = by_cue(found, "said")
    assert said["source"] == "The mayor"
    assert said["content"] == "that the budget would be cut by a tenth"
    assert said["kind"] == "indirect"
    assert not said["hedged"]


def test_direct_quote_before_its_cue_is_the_text_inside_the_marks(nlp):
    found = statements(
        nlp, "“We expect the border crossing to reopen within days,” the diplomat said."
    )
    (said,) = by_cue(found, "said")
    assert said["source"] == "the diplomat"
    assert said["content"] == "We expect the border crossing to reopen within days"
    assert said["kind"] == "direct"


def test_straight_quote_marks_after_the_cue(nlp):
    found = statements(
        nlp, 'The coach told reporters: "We will not change the lineup for the final."'
    )
    (told,) = by_cue(found, "told")
    assert told["source"] == "The coach"
    assert told["content"] == "We will not change the lineup for the final."
    assert told["kind"] == "direct"


def test_a_quote_split_around_its_verb_gives_one_statement_per_fragment(nlp):
    text = "“The talks went well,” she said, “but we need more time to finish the work.”"
    found = by_cue(statements(nlp, text), "said")
    assert [s["content"] for s in found] == [
        "The talks went well",
        "but we need more time to finish the work.",
    ]
    assert {s["source"] for s in found} == {"she"}
    assert {s["kind"] for s in found} == {"direct"}


def test_a_quoted_paragraph_without_a_cue_continues_the_previous_speaker(nlp):
    text = (
        "“The harvest was the worst in a decade,” the farmer said.\n\n"
        "“Nobody in this valley remembers a drier summer than this one.”"
    )
    found = statements(nlp, text)
    assert [s["content"] for s in found] == [
        "The harvest was the worst in a decade",
        "Nobody in this valley remembers a drier summer than this one.",
    ]
    assert {s["source"] for s in found} == {"the farmer"}


def test_a_quote_spanning_several_sentences_is_one_content(nlp):
    text = "“Prices rose again. Families are struggling. We must act,” the senator said."
    (said,) = by_cue(statements(nlp, text), "said")
    assert said["content"] == "Prices rose again. Families are struggling. We must act"
    assert said["kind"] == "direct"


def test_indirect_speech_with_a_quoted_fragment_is_mixed(nlp):
    text = "A Finnish official said that “there is still no deal on the fishing quotas.”"
    (said,) = by_cue(statements(nlp, text), "said")
    assert said["source"] == "A Finnish official"
    assert said["kind"] == "mixed"
    assert said["content"].startswith("that “there is still no deal")


def test_told_an_outlet_makes_the_outlet_a_via(nlp):
    text = "A source close to the negotiations told the Herald that the deal could collapse."
    (told,) = by_cue(statements(nlp, text), "told")
    assert told["source"] == "A source close to the negotiations"
    assert told["via"] == ["Herald"]
    assert told["content"] == "that the deal could collapse"


def test_according_to_a_report_by_an_outlet_is_a_via_of_the_inner_statement(nlp):
    text = (
        "According to a report by the Danish news channel Nordvision, Larsen told the "
        "minister that the treaty would be signed next month."
    )
    found = statements(nlp, text)
    assert by_cue(found, "according to") == []
    (told,) = by_cue(found, "told")
    assert told["source"] == "Larsen"
    assert told["via"] == ["Nordvision"]
    assert told["content"] == "that the treaty would be signed next month"
    assert not told["hedged"]


def test_the_relaying_statement_is_kept_on_the_statement_it_relayed(nlp):
    text = "“We will rebuild the pier,” the mayor said, according to the Harbor Gazette."
    doc = nlp(text)
    (said,) = doc._.ng_statements
    (relay,) = said.relayed_by
    assert text[relay.cue[0] : relay.cue[1]] == "according to"
    assert text[relay.source[0] : relay.source[1]] == "the Harbor Gazette"


def test_according_to_a_speaker_makes_it_the_source(nlp):
    found = statements(
        nlp, "According to the central bank, inflation fell to four percent in March."
    )
    (according,) = by_cue(found, "according to")
    assert according["source"] == "the central bank"
    assert according["content"] == "inflation fell to four percent in March"


def test_reportedly_on_the_cue_hedges_the_statement(nlp):
    found = statements(nlp, "“The gaps are narrow,” the envoy reportedly told reporters.")
    (told,) = by_cue(found, "told")
    assert told["source"] == "the envoy"
    assert told["hedged"] and told["hedge"] == "reportedly"
    assert told["via"] == []  # reporters are not an outlet


def test_a_statement_under_seemed_is_the_subjects_own_hedged_by_seeming(nlp):
    found = statements(nlp, "The minister seemed to offer a caveat to the plan.")
    assert [s["cue"] for s in found] == ["seemed to offer"]
    (offer,) = found
    assert (offer["source"], offer["hedged"], offer["hedge"]) == ("The minister", True, "seemed")


def test_it_appears_is_a_sourceless_hedged_statement(nlp):
    found = statements(nlp, "It appears that the ceasefire is holding in the northern districts.")
    (appears,) = by_cue(found, "appears")
    assert appears["source"] is None
    assert appears["hedge"] == "it appears"
    assert appears["content"] == "that the ceasefire is holding in the northern districts"


def test_a_hedge_adverb_on_an_ordinary_verb_is_a_hedged_claim(nlp):
    found = statements(nlp, "The port authority has allegedly begun hiring new inspectors.")
    (claim,) = by_cue(found, "allegedly")
    assert claim["source"] is None and claim["hedged"]
    assert claim["content"] == "The port authority has allegedly begun hiring new inspectors"


def test_a_stance_adjective_with_a_clause_is_a_cue_with_its_copula(nlp):
    found = statements(nlp, "The unions were adamant that the strike would go ahead.")
    (adamant,) = by_cue(found, "were adamant")
    assert adamant["source"] == "The unions"
    assert adamant["content"] == "that the strike would go ahead"


def test_words_inside_a_quote_are_not_statements_of_their_own(nlp):
    found = statements(nlp, "“I think we can still win the seat,” the candidate said.")
    assert [s["cue"] for s in found] == ["said"]


def test_a_headline_name_and_colon_attributes_the_rest(nlp):
    (headline,) = statements(nlp, "Premier Okafor: New Bridge Will Open in Spring")
    assert headline["source"] == "Premier Okafor"
    assert headline["content"] == "New Bridge Will Open in Spring"


def test_a_dateline_is_not_part_of_the_source(nlp):
    text = "OSLO (Reuters) - Fisheries minister Kari Dahl said on Monday that quotas would rise."
    (said,) = by_cue(statements(nlp, text), "said")
    assert said["source"] == "Fisheries minister Kari Dahl"


def test_find_quotes_pairs_curly_and_straight_marks():
    text = 'He said “yes, we will.” She said "no."'
    assert [text[a:b] for a, b in find_quotes(text)] == ["yes, we will.", "no."]


def test_the_component_fills_the_doc_extension(nlp):
    doc = nlp("The mayor said that the bridge would close.")
    assert isinstance(doc._.ng_statements, list)
    assert all(isinstance(s, StatementMention) for s in doc._.ng_statements)
    assert find_statements(doc)[0].source_head == 1  # "mayor"


# --- forms added for PolNeAR's broad notion of attribution -----------------------------


def test_a_stance_adjective_with_a_preposition_reports_what_it_is_about(nlp):
    found = statements(nlp, "The farmers' union was also critical of the new water tariff.")
    (critical,) = by_cue(found, "was also critical of")
    assert critical["source"] == "The farmers' union"
    assert critical["content"] == "the new water tariff"


def test_a_feeling_about_something_is_a_stance_on_it(nlp):
    found = statements(nlp, "The dock workers were furious about the new shift rota.")
    (furious,) = by_cue(found, "were furious about")
    assert furious["source"] == "The dock workers"
    assert furious["content"] == "the new shift rota"


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        # Tagged as passive verbs, read as the adjectives they are.
        ("The dock workers were alarmed by the new shift rota.", "were alarmed by", "The dock workers", "the new shift rota"),
        ("The council was divided on the new budget.", "was divided on", "The council", "the new budget"),
        ("She was convinced that the port would close.", "was convinced", "She", "that the port would close"),
    ],
)
def test_a_feeling_in_passive_form_is_a_stance_of_its_subject(nlp, text, cue, source, content):
    (found,) = by_cue(statements(nlp, text), cue)
    assert (found["source"], found["content"]) == (source, content)


def test_a_particle_verb_is_a_cue(nlp):
    found = statements(nlp, "Auditors pointed out that the ledger was never balanced.")
    (pointed,) = by_cue(found, "pointed out")
    assert pointed["source"] == "Auditors"
    assert pointed["content"] == "that the ledger was never balanced"


def test_a_two_word_quote_verb_is_a_cue_with_a_quote_of_its_own(nlp):
    for text, cue, source in (
        ("“The fares are too high,” the driver went on.", "went on", "the driver"),
        ("The minister shot back, “We have nothing to hide.”", "shot back", "The minister"),
        ("As the coach put it, “We lost the toss and the match.”", "put it", "the coach"),
    ):
        (found,) = by_cue(statements(nlp, text), cue)
        assert found["source"] == source
        assert found["kind"] == "direct"


def test_a_two_word_quote_verb_without_a_quote_is_no_cue(nlp):
    for text in ("Prices went on rising all winter.", "She put it on the table."):
        assert statements(nlp, text) == []


def test_made_it_clear_is_one_cue(nlp):
    found = statements(nlp, "The coach made it clear that nobody would be dropped.")
    (made,) = by_cue(found, "made it clear")
    assert made["source"] == "The coach"
    assert made["content"] == "that nobody would be dropped"


def test_a_day_right_after_the_cue_belongs_to_it(nlp):
    found = statements(nlp, "The mayor said Friday that the pool would reopen in June.")
    (said,) = by_cue(found, "said friday")
    assert said["content"] == "that the pool would reopen in June"


def test_a_that_clause_hung_on_the_medium_is_the_content(nlp):
    text = "The ministry says in a statement that the road will be closed for a week."
    (says,) = by_cue(statements(nlp, text), "says in a statement")
    assert says["source"] == "The ministry"
    assert says["content"] == "that the road will be closed for a week"


def test_a_quantity_can_be_the_source(nlp):
    found = statements(nlp, "About 3 in 10 say they would vote for a third party.")
    (say,) = by_cue(found, "say")
    assert say["source"] == "About 3 in 10"


def test_a_title_split_off_as_a_second_subject_stays_in_the_source(nlp):
    text = "Harbor spokesman the Rev. Tomas Berg told reporters that the ferry would sail."
    (told,) = by_cue(statements(nlp, text), "told")
    assert told["source"] == "Harbor spokesman the Rev. Tomas Berg"


def test_a_possessive_speech_noun_is_a_cue(nlp):
    found = statements(nlp, "The mayor's call for a curfew was rejected by the council.")
    (call,) = by_cue(found, "call for")
    assert call["source"] == "The mayor's"
    assert call["content"] == "a curfew"


def test_in_someones_view_attributes_the_clause(nlp):
    found = statements(nlp, "In the auditor's view, the accounts are sound.")
    (view,) = by_cue(found, "view")
    assert view["source"] == "the auditor's"
    assert view["content"] == "the accounts are sound"


def test_a_verb_outside_the_lexicon_with_a_that_clause_is_a_cue(nlp):
    found = statements(nlp, "The engineer reasoned that the bridge could bear the load.")
    (reasoned,) = by_cue(found, "reasoned")
    assert reasoned["source"] == "The engineer"


def test_a_verb_of_consequence_with_a_that_clause_is_not_a_cue(nlp):
    found = statements(nlp, "The new rule means that shops close at nine.")
    assert by_cue(found, "means") == []


def test_a_quote_after_a_short_setting_belongs_to_the_cue(nlp):
    text = "The senator asks at the town hall, “Who here has lost a job this year?”"
    (asks,) = by_cue(statements(nlp, text), "asks")
    assert asks["content"] == "Who here has lost a job this year?"
    assert asks["kind"] == "direct"


def test_citing_after_a_cue_is_the_speakers_evidence_not_a_new_source(nlp):
    text = "“Prices will fall,” the analyst said, citing weaker demand in Asia."
    found = statements(nlp, text)
    (said,) = by_cue(found, "said")
    assert said["source"] == "the analyst"
    # No "according to"-style statement whose content swallows the speaker's own cue.
    assert not [s for s in found if s["cue"] == "citing" and "said" in s["content"]]


def test_citing_after_an_act_is_the_actors_reason(nlp):
    text = "The minister closed the border crossing, citing her fears of unrest."
    citing = by_cue(statements(nlp, text), "citing")
    assert [s["source"] for s in citing] == ["The minister"]


def test_citing_after_an_outlets_report_names_its_source(nlp):
    text = "The Harbor Gazette put the losses at two million dollars, citing two managers."
    citing = by_cue(statements(nlp, text), "citing")
    managers = [s for s in citing if s["source"] == "two managers"]
    assert [s["content"] for s in managers] == ["The Harbor Gazette put the losses at two million dollars"]


def test_according_to_at_the_end_is_not_part_of_the_content(nlp):
    text = "The mill lost money last year, according to two managers."
    (according,) = by_cue(statements(nlp, text), "according to")
    assert according["content"] == "The mill lost money last year"


def test_a_cue_after_its_clause_keeps_to_its_own_paragraph(nlp):
    text = "“We are ready,” she said.\n\nThe fleet will sail at dawn, Admiral Berg insists."
    (insists,) = by_cue(statements(nlp, text), "insists")
    assert insists["content"] == "The fleet will sail at dawn"


def test_according_to_set_off_inside_a_sentence_vouches_for_all_of_it(nlp):
    # The parser hung the phrase on "raised", read as a clause of its own.
    text = (
        "Another issue raised in the meeting between the mayor and the governor, "
        "according to local radio, was the ferry budget."
    )
    (according,) = by_cue(statements(nlp, text), "according to")
    assert according["source"] == "local radio"
    assert according["content"].startswith("Another issue raised in the meeting")
    assert according["content"].endswith("was the ferry budget")


def test_a_that_clause_after_the_cue_is_what_it_reports(nlp):
    # The parser also hung the clause before the dash on "told".
    text = "It was no accident — Lena Holt, a spokeswoman for the mayor, told the Gazette that the council had been warned."
    (told,) = by_cue(statements(nlp, text), "told")
    assert told["source"] == "Lena Holt, a spokeswoman for the mayor"
    assert told["content"] == "that the council had been warned"


def test_as_she_put_it_reports_the_main_clause(nlp):
    found = statements(nlp, "As the minister put it, the plan is dead.")
    (put,) = by_cue(found, "put it")
    assert (put["source"], put["content"]) == ("the minister", "the plan is dead")


def test_a_clause_said_after_an_adverbial_is_what_was_said(nlp):
    # The parser hangs "he would not ..." on "said" as an adverbial, not a complement.
    text = "Trump said after the convention he would not accept the endorsement."
    (said,) = by_cue(statements(nlp, text), "said")
    assert said["content"].endswith("he would not accept the endorsement")


def test_what_someone_called_it_is_their_statement(nlp):
    found = statements(nlp, "He was hospitalized after what she called a rant.")
    (called,) = by_cue(found, "called")
    assert (called["source"], called["content"]) == ("she", "a rant")


def test_a_subject_stepping_up_its_own_attacks_is_their_source(nlp):
    found = statements(nlp, "The senator on Thursday stepped up his attacks on the governor.")
    assert [(s["cue"], s["source"], s["content"]) for s in found] == [
        ("stepped up his attacks on", "The senator", "the governor")
    ]


def test_a_speech_act_under_a_light_verb_is_one_statement(nlp):
    found = statements(nlp, "The mayor repeated her claim that the audit was rigged.")
    assert [(s["cue"], s["source"]) for s in found] == [("repeated her claim", "The mayor")]


def test_set_phrases_on_a_reporting_verb_report_nothing(nlp):
    assert statements(nlp, "That said, a loss here would be a sour end to the race.") == []
    assert statements(nlp, "All told, up to five million people could be eligible.") == []


def test_as_someone_put_it_keeps_the_speaker_of_the_as_clause(nlp):
    text = (
        "As Ann Lee, a professor of law and author of ''Rules of Order,'' put it, "
        "''The senators should remember that a court is no plaything.''"
    )
    found = statements(nlp, text)
    assert {s["source"] for s in by_cue(found, "put it")} == {
        "Ann Lee, a professor of law and author of ''Rules of Order"
    }
    # The quoted book title in her description is not a second thing she said.
    assert [s["content"] for s in by_cue(found, "put it")] == [
        "The senators should remember that a court is no plaything."
    ]


def test_a_quote_signed_with_a_dash_and_a_name_is_that_persons(nlp):
    text = (
        "“Fear is all he has to offer the voters.” ― Jo Kim\n"
        "“We will win this seat back in the spring,” — Ann Lee, a nurse from Ohio\n"
    )
    assert [(s["cue"], s["source"], s["content"], s["kind"]) for s in statements(nlp, text)] == [
        ("―", "Jo Kim", "Fear is all he has to offer the voters.", "direct"),
        ("—", "Ann Lee, a nurse from Ohio", "We will win this seat back in the spring", "direct"),
    ]


def test_a_dash_after_a_quote_in_running_text_signs_nothing(nlp):
    found = statements(nlp, "He said “the plan is dead and buried” — and left.")
    assert [(s["cue"], s["source"]) for s in found] == [("said", "He")]


def test_a_speaker_known_by_age_is_no_date(nlp):
    found = statements(nlp, "“The ferry was late again,” said the 46-year-old.")
    assert [(s["cue"], s["source"]) for s in found] == [("said", "the 46-year-old")]


def test_a_count_of_people_speaks_though_it_looks_like_a_year(nlp):
    text = "While 86 percent of voters liked the mayor, 43 said the same for her rival."
    assert ("said", "43") in [(s["cue"], s["source"]) for s in statements(nlp, text)]
