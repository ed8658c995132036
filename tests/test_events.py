"""Events: PLOVER types, participants, negation, modality, dates, places and numbers."""

from __future__ import annotations


def only(result, type_):
    found = [e for e in result.events if e.type == type_]
    assert found, f"no {type_} event in {[(e.type, e.trigger[2]) for e in result.events]}"
    return found[0]


def names(result, ids):
    return {result.actor(i).name for i in ids}


def codes(result, ids):
    return {result.actor(i).country for i in ids}


def test_met_with_gives_actor_and_recipient(extract):
    result = extract("Chancellor Friedrich Merz met with French President Emmanuel Macron in Paris on Monday.")
    meeting = only(result, "CONSULT")
    assert names(result, meeting.actors) == {"Friedrich Merz"}
    assert names(result, meeting.recipients) == {"Emmanuel Macron"}


def test_a_weekday_dates_the_event_in_the_past(extract):
    result = extract("The Kenyan president met the Ugandan foreign minister on Monday.", published="2026-03-11")
    assert only(result, "CONSULT").date.value == "2026-03-09"


def test_an_event_is_located_at_the_place_in_its_clause(extract):
    result = extract("Police arrested six protesters in Nairobi.")
    event = only(result, "COERCE")
    place = next(p for p in result.places if p.id == event.location)
    assert place.name == "Nairobi"


def test_a_passive_moves_the_subject_to_recipients(extract):
    result = extract("Two journalists were arrested by Iranian police.")
    event = only(result, "COERCE")
    assert "IRN" in codes(result, event.actors)


def test_coordinated_subjects_are_all_actors(extract):
    result = extract("Egypt, Jordan and Morocco condemned the attack.")
    assert {"EGY", "JOR", "MAR"} <= codes(result, only(result, "ACCUSE").actors)


def test_a_nominal_event_takes_both_sides_of_between(extract):
    result = extract("The agreement between Chile and Peru was signed last year.")
    event = only(result, "AGREE")
    assert codes(result, event.actors + event.recipients) == {"CHL", "PER"}


def test_no_agreements_is_negated(extract):
    result = extract("A Greek official said there were still no agreements on the islands.")
    assert only(result, "AGREE").negated


def test_not_doing_something_is_negated(extract):
    result = extract("Serbia is not withdrawing its troops from the border.")
    assert only(result, "RETREAT").negated


def test_a_wish_of_the_actor_is_intended(extract):
    result = extract("Brazil wants to mediate between the two countries.")
    assert only(result, "CONSULT").modality == "intended"


def test_wanting_someone_else_to_act_is_a_request(extract):
    result = extract("Germany would like Russian troops to withdraw from the region.")
    assert only(result, "RETREAT").modality == "requested"


def test_will_makes_it_future(extract):
    result = extract("India will impose sanctions on the company.")
    assert only(result, "SANCTION").modality == "future"


def test_pressing_someone_to_act_makes_them_the_actor(extract):
    result = extract("Washington officials are pressing Ukraine to sign the agreement.")
    agree = only(result, "AGREE")
    assert codes(result, agree.actors) == {"UKR"} and agree.modality == "requested"


def test_a_light_verb_lets_its_object_decide(extract):
    result = extract("Vietnamese and Chinese officials held talks in Hanoi.")
    assert only(result, "CONSULT").trigger[2] == "talks"


def test_the_number_counted_is_attached(extract):
    result = extract("Poland has begun mobilizing 5,000 reservists.")
    event = only(result, "MOBILIZE")
    assert event.quantities[0].low == 5000 and event.quantities[0].what == "reservists"


def test_an_event_inside_a_quote_points_to_the_statement(extract):
    result = extract('"Our army will never attack civilians," the Armenian defense minister said.')
    event = only(result, "ASSAULT")
    assert event.statement == result.statements[0].id and event.negated


def test_a_sourced_refusal_is_a_rejection(extract):
    result = extract('Hungarian sources insisted that "this is not going to happen."')
    reject = only(result, "REJECT")
    assert codes(result, reject.actors) == {"HUN"}


def test_going_on_strike_is_a_protest_not_an_assault(extract):
    result = extract("Nurses in Lyon went on strike on Monday.")
    assert [e.type for e in result.events] == ["PROTEST"]


def test_warning_that_something_is_true_is_not_a_threat(extract):
    result = extract("The agency warned that the river would flood.")
    assert not [e for e in result.events if e.type == "THREATEN"]


def test_a_denial_does_not_negate_the_blame_joined_to_it(extract):
    result = extract("The rebels denied the report and blamed the army.")
    blame = [e for e in result.events if e.trigger[2] == "blamed"]
    assert blame and not blame[0].negated


def test_a_separate_clause_keeps_its_own_modality(extract):
    result = extract("Egypt called for a ceasefire, while Canada imposed sanctions on the militia.")
    assert only(result, "SANCTION").modality == "asserted"


def test_a_pledged_cooperative_act_is_also_an_agreement(extract):
    result = extract("Norway will give Malawi a grant of 40 million dollars.")
    assert {"AID", "AGREE"} <= {e.type for e in result.events}


def test_a_future_attack_is_also_a_threat(extract):
    result = extract("The militia will attack the base if the talks fail.")
    assert "THREATEN" in {e.type for e in result.events}


def test_own_forces_are_not_the_recipient_of_a_withdrawal(extract):
    result = extract("Syria is willing to withdraw its troops from Lebanon.")
    retreat = only(result, "RETREAT")
    assert codes(result, retreat.recipients) == {"LBN"}


def test_people_released_are_the_object_of_a_release(extract):
    result = extract("The rebels released Prime Minister Ana Toala on Sunday.")
    assert only(result, "RETREAT").trigger[2] == "released"


def test_an_infinitive_on_the_object_takes_the_subject_of_its_verb(extract):
    result = extract("The Chilean government took steps to lift the curfew.")
    assert any(codes(result, e.actors) == {"CHL"} for e in result.events if e.trigger[2] == "lift")


def test_an_event_without_a_recipient_targets_the_country_it_happens_in(extract):
    result = extract("The Chilean army lifted the night curfew in Bolivia.")
    lifted = only(result, "CONCEDE")
    assert codes(result, lifted.actors) == {"CHL"}
    assert codes(result, lifted.recipients) == {"BOL"}
