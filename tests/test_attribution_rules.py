"""Attribution rules added for PolNeAR-style recall: shared speakers, set-off clauses in
sources, participles as cues, and light verbs with speech-act nouns."""

from __future__ import annotations

import pytest

# The fixture `nlp` comes from attribution_helpers; tests take it as an argument.
# ruff: noqa: F811
from attribution_helpers import cues, found, nlp  # noqa: F401

from newsgraph.extract.cues import shared_cue


def test_a_relative_clause_after_a_comma_stays_in_the_source(nlp):
    # PolNeAR annotators mostly keep "who ..." in the source that introduces a person;
    # only participles are cut.
    text = "Adaeze Okafor, who chairs the harbor board, said the ferry fares would fall."
    (said,) = [s for s in found(nlp, text) if s[0] == "said"]
    assert said[1] == "Adaeze Okafor, who chairs the harbor board"


def test_a_relative_clause_after_a_bare_surname_is_cut(nlp):
    # A bare surname is a later mention: the clause after it is news, not who it is.
    text = (
        "Adaeze Okafor chairs the harbor board. Okafor, who met the ferry crews on Monday, "
        "said the fares would fall."
    )
    (said,) = [s for s in found(nlp, text) if s[0] == "said"]
    assert said[1] == "Okafor"


@pytest.mark.parametrize(
    "clause",
    ["who chairs the harbor board", "who is now the harbor board's chairwoman"],
)
def test_a_clause_giving_the_post_of_a_bare_surname_stays(nlp, clause):
    # A clause that says what post the person holds says who they are, as a title does.
    text = f"Adaeze Okafor spoke first. Okafor, {clause}, said the fares would fall."
    (said,) = [s for s in found(nlp, text) if s[0] == "said"]
    assert said[1] == f"Okafor, {clause}"


def test_a_clause_on_something_of_a_bare_surname_is_cut(nlp):
    # "whose ..." speaks of something of theirs, news rather than a post.
    text = "Adaeze Okafor spoke first. Okafor, whose sister runs the harbor board, said the fares would fall."
    (said,) = [s for s in found(nlp, text) if s[0] == "said"]
    assert said[1] == "Okafor"


def test_a_set_off_participle_after_a_named_person_is_cut(nlp):
    text = "Adaeze Okafor, pressed by reporters at the dock, said the fares would fall."
    (said,) = [s for s in found(nlp, text) if s[0] == "said"]
    assert said[1] == "Adaeze Okafor"


@pytest.mark.parametrize("dash", ["--", "-", "—"])
def test_a_relative_clause_between_dashes_is_an_aside(nlp, dash):
    # Dashes set off an aside that breaks into the sentence: news about the source.
    text = (
        f"The harbor commissioner {dash} who has quarreled with the ferry union for months "
        f"{dash} said the fares would fall."
    )
    (said,) = [s for s in found(nlp, text) if s[0] == "said"]
    assert said[1] == "The harbor commissioner"


def test_a_participle_after_a_comma_is_not_part_of_the_source(nlp):
    text = "The ferry captain, wearing a yellow raincoat, said the crossing was safe."
    (said,) = [s for s in found(nlp, text) if s[0] == "said"]
    assert said[1] == "The ferry captain"


def test_an_age_after_a_name_stays_in_the_source(nlp):
    # PolNeAR keeps the age that introduces a person ("Ann Lee, 59, said").
    alone = found(nlp, "Mira Santos, 44, said the clinic opens at dawn.")
    assert [s[1] for s in alone if s[0] == "said"] == ["Mira Santos, 44"]
    quoted = found(nlp, '"The ferry is late again," said Tobias Reinholt, 38.')
    assert [s[1] for s in quoted if s[0] == "said"] == ["Tobias Reinholt, 38"]
    described = found(nlp, "Mira Santos, 44, a nurse from the valley, said the clinic opens early.")
    assert [s[1] for s in described if s[0] == "said"] == [
        "Mira Santos, 44, a nurse from the valley"
    ]


def test_a_group_named_by_its_participle_is_the_source(nlp):
    text = "Residents saying the bridge is unsafe gathered at the town hall."
    (saying,) = [s for s in found(nlp, text) if s[0] == "saying"]
    assert saying[1] == "Residents"
    assert saying[2] == "the bridge is unsafe"


def test_a_second_said_hung_on_the_first_content_keeps_the_speaker(nlp):
    text = "She said the new rules have slowed the port and said that fees would rise."
    said = [s for s in found(nlp, text) if s[0] == "said"]
    assert [s[1] for s in said] == ["She", "She"]
    # The first content stops before the second cue.
    assert said[0][2] == "the new rules have slowed the port"


def test_shared_cue_finds_the_outer_reporting_verb_only_after_a_misparse(nlp):
    # The parser hangs the second "said" on "slowed", inside the first one's clause.
    hung = nlp("She said the new rules have slowed the port and said that fees would rise.")
    assert shared_cue(hung[10]).i == 1
    # Parsed as a plain coordination, there is nothing to repair.
    plain = nlp("He said the mill was closing and said that jobs would go.")
    assert shared_cue(plain[7]) is None


def test_a_light_verb_with_a_speech_act_noun_is_a_cue(nlp):
    text = "The union took a swipe at the new shift rota on Monday."
    (swipe,) = [s for s in found(nlp, text) if s[0].startswith("took")]
    assert swipe[0] == "took a swipe at"
    assert swipe[1] == "The union"
    assert swipe[2] == "the new shift rota"


@pytest.mark.parametrize(
    ("text", "statement"),
    [
        ("The senator took issue with the ruling.", ("took issue with", "The senator", "the ruling")),
        (
            "The mayor made no secret of her disdain for the council.",
            ("made no secret of", "The mayor", "her disdain for the council"),
        ),
        ("Lee balked at the price of the deal.", ("balked at", "Lee", "the price of the deal")),
        (
            "Local unions threw their support behind the mayor.",
            ("threw their support behind", "Local unions", "the mayor"),
        ),
        ("Voters are split on the measure.", ("are split on", "Voters", "the measure")),
    ],
)
def test_idioms_of_stance_are_cues(nlp, text, statement):
    assert statement in found(nlp, text)


def test_a_speech_act_keeps_its_that_clause_after_the_hearer(nlp):
    # The parser hangs "that ..." on the hearer as if it opened a relative clause.
    text = "Senator Ana Diaz is making an impassioned case to a gathering of teachers that she is the candidate."
    (case,) = found(nlp, text)
    assert case == ("is making an impassioned case", "Senator Ana Diaz", "that she is the candidate")


def test_a_light_verb_with_an_ordinary_object_is_not_a_cue(nlp):
    assert not [s for s in found(nlp, "The union took a bus to the harbor.") if "took" in s[0]]


def test_where_a_report_appeared_is_part_of_the_report(nlp):
    # "Lee in an interview" spoke there; "a report in a local paper" is that report.
    text = "An earlier report in a local paper said the ferry would be sold."
    assert [s[1] for s in found(nlp, text) if s[0] == "said"] == ["An earlier report in a local paper"]
    text = "The mayor in an interview said the ferry would be sold."
    assert [s[1] for s in found(nlp, text) if s[0] == "said"] == ["The mayor"]


def test_a_time_is_never_a_source(nlp):
    text = "As Monday began, the harbor was quiet."
    assert [s for s in found(nlp, text) if s[1] == "Monday"] == []


def test_a_quote_verb_in_a_time_clause_reports_nothing(nlp):
    # "begin" and "continue" report only a quote of their own.
    assert found(nlp, "As the day began, the harbor was quiet.") == []
    assert ("continued", "she", "We will sail") in found(nlp, "“We will sail,” she continued.")


def test_a_clause_as_subject_is_no_speaker(nlp):
    # What an act shows is the writer's reading of it; nobody is quoted.
    assert found(nlp, "Raising the fares shows that the council has given up on the ferry.") == [
        ("shows", None, "that the council has given up on the ferry")
    ]


def test_a_relative_that_is_not_named_as_a_speaker(nlp):
    # Most such clauses describe a group rather than report it; the stance stays.
    assert found(nlp, "Dock workers joined the unions that oppose the new toll.") == [
        ("oppose", None, "the new toll")
    ]


def test_a_cue_joined_to_a_passive_verb_shares_its_subject(nlp):
    text = "By the end of the day, the mayor was forced into a rare retreat and said that her words had been misread."
    assert ("said", "the mayor", "that her words had been misread") in found(nlp, text)


def test_the_object_of_a_causative_verb_holds_the_infinitives_view(nlp):
    text = "The abrupt announcement led some analysts to speculate that the deal had failed."
    assert ("speculate", "some analysts", "that the deal had failed") in found(nlp, text)
    text = "The vote prompted the harbor council to call for a new inquiry."
    assert ("call for", "the harbor council", "a new inquiry") in found(nlp, text)


def test_whoever_a_delay_leaves_wondering_is_the_source(nlp):
    text = "The long delay has left many parents, including the mayor, wondering whether the school will open."
    (wondering,) = [s for s in found(nlp, text) if s[0] == "wondering"]
    assert wondering[1] == "many parents, including the mayor"


def test_a_participle_after_a_comma_is_still_the_subjects(nlp):
    text = "The mayor left no doubt about her plans, saying the school will open in May."
    (saying,) = [s for s in found(nlp, text) if s[0] == "saying"]
    assert saying[1] == "The mayor"


def test_the_object_of_with_before_a_participle_is_the_source(nlp):
    text = "The hearing ended with Okafor asking the board whether the fares would fall."
    (asking,) = [s for s in found(nlp, text) if s[0] == "asking"]
    assert asking[1] == "Okafor"


def test_a_relative_clause_without_a_comma_picks_out_the_source(nlp):
    # "who ..." with no comma says which members: it stays even when it holds a cue.
    text = "Members who support the levy said the pool would reopen in June."
    (said,) = [s for s in found(nlp, text) if s[0] == "said"]
    assert said[1] == "Members who support the levy"
    # Unless all it says is that the source spoke unnamed.
    text = "An aide who requested anonymity said the pool would reopen in June."
    (said,) = [s for s in found(nlp, text) if s[0] == "said"]
    assert said[1] == "An aide"


def test_a_date_after_a_poll_is_part_of_the_source(nlp):
    # The date says which poll it is, wherever the parser hangs it.
    text = "A Harbor Institute poll last week found that most riders want later ferries."
    (found_,) = [s for s in found(nlp, text) if s[0] == "found"]
    assert found_[1] == "A Harbor Institute poll last week"
    # A person's date says when they spoke, and is not part of who they are.
    text = "Mayor Ilse Brandt on Tuesday said that the ferries would run later."
    (said,) = [s for s in found(nlp, text) if s[0] == "said"]
    assert said[1] == "Mayor Ilse Brandt"


def test_others_named_along_with_the_subject_are_part_of_the_source(nlp):
    text = "Okafor, along with harbor pilot Ben Tarrant, say the manager ignored the warnings."
    (say,) = [s for s in found(nlp, text) if s[0] == "say"]
    assert say[1] == "Okafor, along with harbor pilot Ben Tarrant"


def test_a_dateline_the_parser_made_the_subject_is_not_part_of_the_source(nlp):
    # The parser takes "Bergen" for the subject and the speaker for its apposition.
    text = (
        "Bergen (AFP) – Vice Mayor Ola Berg on Monday joined the rally, accusing the "
        "council of delay."
    )
    (accusing,) = [s for s in found(nlp, text) if s[0] == "accusing"]
    assert accusing[1] == "Vice Mayor Ola Berg"


def test_a_relative_pronoun_before_the_subject_is_not_part_of_the_source(nlp):
    text = "The plan targets Ana Ruiz, whom many critics believed was unfairly tilting the vote."
    (believed,) = [s for s in found(nlp, text) if s[0] == "believed"]
    assert believed[1] == "many critics"


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        ("Councilor Brandt foresees a budget shortfall next year.", "foresees", "Councilor Brandt"),
        ("The ferry union mocked the proposal as a giveaway.", "mocked", "The ferry union"),
        ("The harbor master detailed her plan for the new pier.", "detailed", "The harbor master"),
        ("Mayor Okafor contemplated a run for governor.", "contemplated", "Mayor Okafor"),
        ("Governor Ruiz appointed Tomas Lee to the port board.", "appointed", "Governor Ruiz"),
        ("The council ignored the engineers' warnings about the bridge.", "ignored", "The council"),
    ],
)
def test_verbs_of_speaking_stance_and_thought_are_cues(nlp, text, cue, source):
    assert (cue, source) in [(c, s) for c, s, _ in found(nlp, text)]


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        ("His reluctance to raise fares angered the council.", "reluctance", "His", "to raise fares"),
        ("The mayor's embrace of bike lanes surprised her allies.", "embrace of", "The mayor's", "bike lanes"),
    ],
)
def test_nouns_of_stance_report_their_owners_view(nlp, text, cue, source, content):
    assert (cue, source, content) in found(nlp, text)


def test_a_pointing_word_is_not_a_speaker(nlp):
    text = "That explains why the mayor wants the bridge rebuilt."
    explains = [s for s in found(nlp, text) if s[0] == "explains"]
    assert explains and explains[0][1] is None
    assert ("wants", "the mayor", "the bridge rebuilt") in found(nlp, text)
    text = "That suggests the council has little faith in the new harbor plan."
    assert all(s[1] is None for s in found(nlp, text))


def test_a_placeholder_it_under_a_contracted_is_or_take_is_not_a_speaker(nlp):
    text = "Given the storm, it’s safe to say the harbor will stay closed."
    assert ("say", None, "the harbor will stay closed") in found(nlp, text)
    text = "It doesn't take an engineer to see why the bridge is failing."
    assert ("see", None, "why the bridge is failing") in found(nlp, text)




def test_a_task_named_before_a_copula_is_not_a_speaker(nlp):
    text = "The harbor master's job will be to see that the ferries run on time."
    assert ("see", None, "that the ferries run on time") in found(nlp, text)
    text = "He was one of only three senators to argue that the ferry was unsafe."
    assert ("argue", "He", "that the ferry was unsafe") in found(nlp, text)


def test_a_participle_after_an_event_object_is_the_subjects(nlp):
    text = "The senator opened a town hall meeting blasting the ferry plan."
    assert ("blasting", "The senator", "the ferry plan") in found(nlp, text)
    text = "The mayors took turns criticizing the ferry plan."
    assert ("criticizing", "The mayors", "the ferry plan") in found(nlp, text)
    # A sign or a statement carries its own message.
    text = "Protesters held up a sign saying the ferry must stay."
    assert ("saying", "a sign", "the ferry must stay") in found(nlp, text)


def test_a_quote_goes_on_after_its_speakers_description(nlp):
    text = (
        "“The pier will not last another storm season,” said Ilse Brandvold, a harbor "
        "engineer who endorsed the repair plan in March. “Someone has to close it before "
        "it gives way.”"
    )
    said = [s for s in found(nlp, text) if s[0] == "said"]
    assert [s[2] for s in said] == [
        "The pier will not last another storm season",
        "Someone has to close it before it gives way.",
    ]
    assert not any(s[0] == "endorsed" and s[2].startswith("Someone") for s in found(nlp, text))


def test_a_speaking_description_takes_the_next_quote(nlp):
    # "who said ..." reports words of its own; the quote after it goes on from those.
    text = (
        "“The pier will not last another storm season,” said one harbor engineer, who "
        "said he had inspected it twice. “Someone has to close it before it gives way.”"
    )
    (later,) = [s for s in found(nlp, text) if s[2].startswith("Someone")]
    assert later[1] == "who"


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The senator portrayed the new tariff as a gift that farmers would soon regret.",
            "portrayed",
            "the new tariff as a gift that farmers would soon regret",
        ),
        (
            "The union accused the harbor board of hiding the repair costs from the public.",
            "accused",
            "the harbor board of hiding the repair costs from the public",
        ),
        # An aside after a comma is not part of what was said of the object.
        (
            "The council blamed the contractor for the long delay, as residents complained.",
            "blamed",
            "the contractor for the long delay",
        ),
    ],
)
def test_a_complement_after_the_object_is_in_the_content(nlp, text, cue, content):
    (statement,) = [s for s in found(nlp, text) if s[0] == cue]
    assert statement[2] == content


@pytest.mark.parametrize(
    "text, cue, source",
    [
        ("“Ferry fares should fall,” opined the Harborview Courier.", "opined", "the Harborview Courier"),
        ("“The pier is safe for now,” added another Lakeport engineer.", "added", "another Lakeport engineer"),
    ],
)
def test_any_cue_verb_right_after_its_quote_inverts_with_its_speaker(nlp, text, cue, source):
    # Not only "said": any verb of the lexicon right after the closing quote takes its
    # speaker after it, which the parser often reads as its object.
    (stmt,) = [s for s in found(nlp, text) if s[0] == cue]
    assert stmt[1] == source


def test_the_object_of_a_verb_of_feeling_is_the_source(nlp):
    # "It amazes me that ...": the one who feels is the object; the subject is the cause.
    text = "It amazes me that the ferry to Lakeport still runs on time."
    (amazes,) = [s for s in found(nlp, text) if s[0] == "amazes"]
    assert amazes[1] == "me"


def test_a_verb_of_feeling_without_an_object_keeps_its_subject(nlp):
    text = "The Lakeport growers worry that the new tariff will stay for years."
    (worry,) = [s for s in found(nlp, text) if s[0] == "worry"]
    assert worry[1] == "The Lakeport growers"


@pytest.mark.parametrize(
    "text, cue, source",
    [
        ("“The pier is rotten,” Okafor is quoted as saying.", "saying", "Okafor"),
        ("Several growers could be heard telling friends that the tariff was unfair.", "telling", "Several growers"),
    ],
)
def test_the_subject_of_a_passive_of_quoting_or_hearing_speaks(nlp, text, cue, source):
    # "X is quoted as saying", "X could be heard telling": the passive subject's words.
    (stmt,) = [s for s in found(nlp, text) if s[0] == cue]
    assert stmt[1] == source


def test_as_to_with_an_infinitive_shares_the_main_subject(nlp):
    # "went so far as to say": no clause of its own, unlike "as the mayor said".
    text = "Okafor went so far as to say that the Lakeport pier was rotten."
    (say,) = [s for s in found(nlp, text) if s[0] == "say"]
    assert say[1] == "Okafor"


@pytest.mark.parametrize(
    ("text", "statement"),
    [
        (
            "Councillor Brandt went after the ferry board.",
            ("went after", "Councillor Brandt", "the ferry board"),
        ),
        ("The guild stood by its chairwoman.", ("stood by", "The guild", "its chairwoman")),
        ("Farmers look to the new minister.", ("look to", "Farmers", "the new minister")),
        (
            "The pamphlet dwelled on the cost of the bridge.",
            ("dwelled on", "The pamphlet", "the cost of the bridge"),
        ),
        (
            "Dock workers lined up behind the strike.",
            ("lined up behind", "Dock workers", "the strike"),
        ),
        ("Okafor fired at the harbor council.", ("fired at", "Okafor", "the harbor council")),
        ("Ms. Ruiz singled out the tram plan.", ("singled out", "Ms. Ruiz", "the tram plan")),
        ("Shippers are sizing up the new port.", ("are sizing up", "Shippers", "the new port")),
        (
            "The mayor delivered a tribute to the lifeguards.",
            ("delivered a tribute to", "The mayor", "the lifeguards"),
        ),
        (
            "The council took credit for the new library.",
            ("took credit for", "The council", "the new library"),
        ),
        (
            "The guild is aligned with the ferry union.",
            ("is aligned with", "The guild", "the ferry union"),
        ),
        (
            "Growers are interested in the canal scheme.",
            ("are interested in", "Growers", "the canal scheme"),
        ),
        ("Commuters are tired of the delays.", ("are tired of", "Commuters", "the delays")),
        ("Residents were sick of the noise.", ("were sick of", "Residents", "the noise")),
    ],
)
def test_multiword_stance_verbs_are_cues(nlp, text, statement):
    assert statement in found(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "The ferry went to the island.",
        "The skater stood near the door.",
    ],
)
def test_multiword_cues_need_their_preposition(nlp, text):
    assert found(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "statement"),
    [
        (
            "The retired judge reflected on the flood of appeals.",
            ("reflected on", "The retired judge", "the flood of appeals"),
        ),
        (
            "Most growers identify with the cooperative.",
            ("identify with", "Most growers", "the cooperative"),
        ),
        ("Anglers are hungry for clean rivers.", ("are hungry for", "Anglers", "clean rivers")),
        (
            "The brewers are devoted to the old recipe.",
            ("are devoted to", "The brewers", "the old recipe"),
        ),
        (
            "The tenants are sensitive about the rent rise.",
            ("are sensitive about", "The tenants", "the rent rise"),
        ),
        (
            "The rowers were irritated about the new curfew.",
            ("were irritated about", "The rowers", "the new curfew"),
        ),
        (
            "Two aldermen were privy to the land deal.",
            ("were privy to", "Two aldermen", "the land deal"),
        ),
    ],
)
def test_stances_of_thought_and_feeling_with_a_preposition_are_cues(nlp, text, statement):
    assert statement in found(nlp, text)


@pytest.mark.parametrize(
    "text, cue",
    [
        ("It means admitting that the ferry plan failed.", "admitting"),
        ("It received a fee to promote the harbor tunnel.", "promote"),
        ("When it comes to recognizing the treaty, the council has been silent.", "recognizing"),
    ],
)
def test_a_borrowed_it_is_no_source(nlp, text, cue):
    assert [(c, s) for c, s, _ in found(nlp, text) if c == cue] == [(cue, None)]


def test_a_named_subject_is_still_lent_to_the_cue(nlp):
    assert ("promote", "The firm", "the harbor tunnel") in found(
        nlp, "The firm received a fee to promote the harbor tunnel."
    )
