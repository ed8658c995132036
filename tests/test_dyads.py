"""Who acts on whom: the countries on both sides of an event (actor and recipient)."""

from __future__ import annotations

from newsgraph.extract.lexicon import country_code, get_lexicon


def events_of(result, type_):
    found = [e for e in result.events if e.type == type_ and not e.negated]
    assert found, f"no {type_} event in {[(e.type, e.trigger[2]) for e in result.events]}"
    return found


def codes(result, ids):
    return {result.actor(i).country for i in ids}


def dyads(result, type_):
    """(actor countries, recipient countries) of every event of one type."""
    return [(codes(result, e.actors), codes(result, e.recipients)) for e in events_of(result, type_)]


def has_dyad(result, type_, source, target):
    return any(source in a and target in r for a, r in dyads(result, type_))


# --- the people lexicon: past leaders ------------------------------------------------------


def test_former_leaders_named_bare_get_their_country(extract):
    result = extract("Yeltsin met Arafat in Moscow on Monday.")
    assert has_dyad(result, "CONSULT", "RUS", "PSE")


def test_relatives_sharing_a_surname_give_the_country_but_not_the_person():
    lexicon = get_lexicon()
    assert lexicon.person_by_surname("Bush") is None
    assert lexicon.surname_country("Bush") == "USA"
    assert lexicon.surname_country("Gandhi") == "IND"


def test_a_bare_surname_with_a_shared_country_gives_that_country(extract):
    result = extract("Gandhi met Chilean officials in Santiago on Monday.")
    assert has_dyad(result, "CONSULT", "IND", "CHL")


def test_a_bare_surname_joins_the_articles_own_namesake_not_the_lexicons(extract):
    result = extract("Brian Baker, a local pastor, spoke on Monday. Baker said the church would reopen.")
    bakers = [a for a in result.actors if a.kind == "person" and "Baker" in a.name]
    assert [a.name for a in bakers] == ["Brian Baker"]
    assert len(bakers[0].mentions) == 2


def test_a_first_name_picks_among_people_sharing_a_surname():
    assert get_lexicon().person_by_surname("Hillary Clinton").name == "Hillary Clinton"


def test_former_and_renamed_states_read_as_their_successors():
    assert country_code("Yugoslav") == "SRB"
    assert country_code("Zaire") == "COD"
    assert country_code("Bosnian Serbs") == "BIH"


# --- actors from modifiers -------------------------------------------------------------------


def test_coordinated_nationalities_on_sides_give_both_countries(extract):
    result = extract("The Turkish and Greek sides agreed to reopen the crossing.")
    actors, _ = dyads(result, "AGREE")[0]
    assert {"TUR", "GRC"} <= actors


def test_a_second_noun_shares_the_nationality_of_the_first(extract):
    result = extract("Chilean helicopters and tanks attacked the rebel camp.")
    assert {"CHL"} == dyads(result, "ASSAULT")[0][0]


def test_a_two_word_country_before_a_role_gives_the_country(extract):
    result = extract("Ivory Coast rebels rejected the offer on Friday.")
    assert "CIV" in dyads(result, "REJECT")[0][0]


def test_a_stateless_people_takes_the_country_of_its_adjective(extract):
    result = extract("Thousands of Syrian Kurds demonstrated on Sunday.")
    assert "SYR" in dyads(result, "PROTEST")[0][0]


def test_a_nationality_on_a_plain_object_makes_its_country_the_recipient(extract):
    result = extract("Chile flatly rejected an Argentine proposal on Tuesday.")
    assert has_dyad(result, "REJECT", "CHL", "ARG")


def test_a_nationality_on_a_nominal_event_makes_its_country_the_actor(extract):
    result = extract("Peruvian protests against Bolivian border policies continued.")
    assert has_dyad(result, "PROTEST", "PER", "BOL")


def test_a_place_object_of_a_nominal_event_gives_its_country(extract):
    result = extract("Chile began its invasion of Southern Peru.")
    assert has_dyad(result, "ASSAULT", "CHL", "PER")


def test_rebels_in_a_one_country_story_take_that_country(extract):
    result = extract(
        "Rebels attacked a convoy near the Mozambican town of Beira, the Mozambican army said."
    )
    assert "MOZ" in dyads(result, "ASSAULT")[0][0]


# --- events and their participants ----------------------------------------------------------


def test_a_source_saying_another_party_must_act_demands_it(extract):
    result = extract("Norway said on Monday that Chile must free the detained sailors.")
    assert has_dyad(result, "REQUEST", "NOR", "CHL")


def test_an_obligation_on_no_party_is_no_demand(extract):
    result = extract("Analysts said prices should fall next year.")
    assert not [e for e in result.events if e.type == "REQUEST"]


def test_being_committed_to_something_is_the_subjects_own_pledge(extract):
    result = extract("The minister said Peru is committed to opening up its economy.")
    assert "PER" in dyads(result, "AGREE")[0][0]


def test_a_participle_on_an_object_takes_the_governing_subject(extract):
    result = extract("The Chilean government issued a statement demanding that Peru release the sailors.")
    assert "CHL" in dyads(result, "REQUEST")[0][0]


def test_failing_to_reach_an_agreement_is_a_rejection(extract):
    result = extract("Chile and Peru failed to reach an agreement on the border.")
    assert {"CHL", "PER"} <= dyads(result, "REJECT")[0][0]


def test_a_mediator_makes_both_sides_of_between_recipients(extract):
    result = extract("Norway's mediation between Chile and Peru resumed on Monday.")
    assert has_dyad(result, "CONSULT", "NOR", "CHL")
    assert has_dyad(result, "CONSULT", "NOR", "PER")


def test_a_light_verb_object_wrapping_the_event_noun_lends_its_between(extract):
    result = extract("Norway launched a mediation effort on Monday between Chile and Peru.")
    assert has_dyad(result, "CONSULT", "NOR", "CHL")


def test_without_a_mediator_between_gives_actor_and_recipient(extract):
    result = extract("Talks between Chile and Peru resumed on Monday.")
    assert has_dyad(result, "CONSULT", "CHL", "PER")


def test_a_named_group_before_a_role_noun_is_the_group(extract):
    result = extract("Norway imposed sanctions on the Taliban religious faction.")
    assert has_dyad(result, "SANCTION", "NOR", "AFG")


def test_forcing_people_out_is_coercion(extract):
    result = extract("The Chilean army forced out hundreds of Peruvian farmers from their land.")
    assert has_dyad(result, "COERCE", "CHL", "PER")


def test_groups_of_past_decades_are_known(extract):
    result = extract("The Khmer Rouge attacked a Cambodian army post.")
    assert "KHM" in dyads(result, "ASSAULT")[0][0]
