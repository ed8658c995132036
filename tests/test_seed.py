"""The motivating article: what a careful reader expects newsgraph to get right.

Reads ../shared/seed and skips without it. These are expectations on output only; no rule
in the library knows this article.
"""

from __future__ import annotations

import pytest

from newsgraph.api import extract
from newsgraph.model import Article


@pytest.fixture(scope="module")
def seed(shared):
    text = (shared / "seed" / "jpost-873392.txt").read_text("utf-8")
    return extract(Article(text=text, published="2025-11-11", outlet="The Jerusalem Post"))


def countries(result, ids):
    return {result.actor(i).country for i in ids}


def actor_named(result, fragment):
    return next(a for a in result.actors if fragment in a.name)


def events(result, type_=None, trigger=None):
    return [
        e for e in result.events
        if (type_ is None or e.type == type_) and (trigger is None or trigger in e.trigger[2].lower())
    ]


def test_both_monday_meetings_are_dated_the_day_before_publication(seed):
    meetings = events(seed, "CONSULT", "met")
    assert len(meetings) == 2
    assert all(e.date is not None and e.date.value == "2025-11-10" for e in meetings)


def test_the_syrian_presidents_meeting_is_located_in_washington(seed):
    sharaa = actor_named(seed, "Sharaa")
    meeting = next(e for e in events(seed, "CONSULT", "met") if sharaa.id in e.actors)
    place = next(p for p in seed.places if p.id == meeting.location)
    assert (place.name, place.country) == ("Washington", "USA")
    assert sharaa.country == "SYR" and sharaa.sector == "GOV"


def test_turkey_recruits_two_thousand_volunteers(seed):
    recruiting = events(seed, "MOBILIZE", "recruit")
    assert recruiting and countries(seed, recruiting[0].actors) == {"TUR"}
    assert recruiting[0].quantities[0].low == 2000


def test_the_us_pressures_israel(seed):
    pressure = events(seed, trigger="pressur")
    assert pressure and "USA" in countries(seed, pressure[0].actors)
    assert countries(seed, pressure[0].recipients) == {"ISR"}


def test_israel_refuses_a_turkish_presence(seed):
    rejections = events(seed, "REJECT")
    assert any("ISR" in countries(seed, e.actors) for e in rejections)


def test_egypt_qatar_and_turkey_mediate(seed):
    assert any({"EGY", "QAT", "TUR"} <= countries(seed, e.actors) for e in seed.events)


def test_israel_clears_the_area_in_rafah(seed):
    clearing = events(seed, trigger="clear")
    assert clearing and "ISR" in countries(seed, clearing[0].actors)
    place = next(p for p in seed.places if p.id == clearing[0].location)
    assert place.name == "Rafah"


def test_the_us_wants_the_gunmen_to_leave(seed):
    leaving = events(seed, trigger="leave")
    assert leaving and all(e.modality in ("intended", "requested") for e in leaving)


def test_no_agreements_is_a_negated_agreement(seed):
    assert any(e.negated for e in events(seed, "AGREE", "agreements"))


def test_the_israel_syria_talks_are_wanted_not_held(seed):
    talks = [e for e in events(seed, "CONSULT", "talks") if {"ISR", "SYR"} <= countries(seed, e.actors + e.recipients)]
    assert talks and talks[0].modality in ("intended", "requested")


def test_every_statement_has_a_source(seed):
    assert seed.statements
    assert all(s.source is not None for s in seed.statements)


def test_al_hadath_is_in_the_chain_and_reportedly_hedges(seed):
    hadath = actor_named(seed, "Hadath")
    assert (hadath.kind, hadath.sector) == ("organization", "MED")
    assert any(hadath.id in s.via for s in seed.statements)
    assert any(s.hedged and s.hedge == "reportedly" for s in seed.statements)


def test_the_post_is_the_jerusalem_post_and_trump_a_person(seed):
    post = actor_named(seed, "Jerusalem Post")
    assert (post.kind, post.sector) == ("organization", "MED")
    assert any(post.id in s.via for s in seed.statements)
    assert actor_named(seed, "Trump").kind == "person"


def test_one_hundred_to_two_hundred_is_a_range(seed):
    assert any((q.low, q.high) == (100, 200) for q in seed.quantities)
