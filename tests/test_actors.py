"""Actors: lexicon, NER, role nouns, titles, and our own coreference."""

from __future__ import annotations

import pytest

from newsgraph import pipeline
from newsgraph.api import make_doc
from newsgraph.model import Article


@pytest.fixture(scope="module")
def actors_of():
    nlp = pipeline.build(components=("newsgraph_places", "newsgraph_actors"))

    def run(text: str, outlet: str | None = None):
        doc = nlp(make_doc(nlp, Article(text=text, outlet=outlet)))
        table = doc._.ng_actors
        return [(a.name, a.kind, a.country, a.sector, [text[s:e] for s, e in a.mentions]) for a in table.actors]

    return run


def find(actors, mention):
    return next(a for a in actors if mention in a[4])


def test_an_unnamed_official_gets_the_country_of_its_modifier(actors_of):
    actors = actors_of("A French official said the talks had failed.")
    name, kind, country, sector, _ = find(actors, "A French official")
    assert (kind, country, sector) == ("unnamed", "FRA", "GOV")


def test_plural_sources_are_one_unnamed_actor_with_a_country(actors_of):
    actors = actors_of("Egyptian sources said the border would stay closed.")
    assert find(actors, "Egyptian sources")[1:3] == ("unnamed", "EGY")


def test_a_source_without_nationality_has_no_country(actors_of):
    actors = actors_of("A source familiar with the talks said nothing was agreed.")
    name, kind, country, *_ = find(actors, "A source familiar with the talks")
    assert (kind, country) == ("unnamed", None)


def test_a_capital_as_subject_is_its_government(actors_of):
    actors = actors_of("Ottawa has begun drafting new rules for foreign investors.")
    assert find(actors, "Ottawa")[1:4] == ("country", "CAN", "GOV")


def test_a_capital_after_in_is_a_place_not_an_actor(actors_of):
    actors = actors_of("The two leaders met in Ottawa on Friday.")
    assert not any("Ottawa" in a[4] for a in actors)


def test_nationality_and_title_fix_an_unknown_persons_country(actors_of):
    actors = actors_of("Chilean President Marta Quiroga Rivas met the delegation.")
    assert find(actors, "Marta Quiroga Rivas")[1:4] == ("person", "CHL", "GOV")


def test_a_surname_joins_the_full_name(actors_of):
    actors = actors_of("Trade envoy Oskar Lindqvist arrived in Oslo. Lindqvist said he was hopeful.")
    person = find(actors, "Oskar Lindqvist")
    assert "Lindqvist" in person[4] and "he" in person[4]


def test_the_official_joins_the_last_unnamed_official(actors_of):
    actors = actors_of('A Kenyan official told reporters the road was open. "We expect trucks soon," the official said.')
    assert find(actors, "A Kenyan official")[4] == ["A Kenyan official", "the official"]


def test_the_post_joins_the_outlet_already_named(actors_of):
    actors = actors_of("A diplomat told The Washington Post that talks resumed. Another source told the Post the same.")
    name, kind, country, sector, mentions = find(actors, "Post")
    assert sector == "MED" and len(mentions) == 2


def test_the_post_falls_back_to_the_articles_own_outlet(actors_of):
    actors = actors_of("An aide told the Post that the vote was delayed.", outlet="The Jerusalem Post")
    assert find(actors, "Post")[0] == "The Jerusalem Post"


def test_a_channel_introduced_as_media_is_media(actors_of):
    actors = actors_of("According to the Kuwaiti channel Sawt Al Khaleej, the ministers met.")
    assert any(a[3] == "MED" and "Sawt Al Khaleej" in " ".join(a[4]) for a in actors)


def test_coordinated_nationalities_give_one_actor_each(actors_of):
    actors = actors_of("Talks between Greek and Turkish officials resumed.")
    codes = {a[2] for a in actors if a[1] == "unnamed"}
    assert {"GRC", "TUR"} <= codes


def test_members_of_a_known_group_are_the_group(actors_of):
    actors = actors_of("Hezbollah fighters fired rockets at the border.")
    assert find(actors, "Hezbollah")[1] == "group"
    assert any("Hezbollah fighters" in a[4] for a in actors)


def test_an_expletive_it_is_not_an_actor(actors_of):
    actors = actors_of("Norway is hosting the talks. It appears that both sides will attend.")
    assert "It" not in find(actors, "Norway")[4]


def test_an_acronym_joins_the_full_name(actors_of):
    actors = actors_of("The Southern Liberation Front attacked a base. The SLF later withdrew.")
    assert "SLF" in find(actors, "Southern Liberation Front")[4]


def test_an_unqualified_official_takes_the_articles_country(actors_of):
    actors = actors_of("President Ilse Maaru visited the flooded north of Estonia. Estonia will rebuild the bridges.")
    assert find(actors, "Ilse Maaru")[2] == "EST"


def test_no_focus_country_when_several_share_the_story(actors_of):
    actors = actors_of("Minister Aldo Venn met officials from Chile, Peru and Bolivia.")
    assert find(actors, "Aldo Venn")[2] is None


def test_a_country_ner_missed_is_still_an_actor(actors_of):
    actors = actors_of("Uzbekistan opened the border crossing.")
    assert find(actors, "Uzbekistan")[1:3] == ("country", "UZB")


def test_a_country_named_only_as_a_place_lends_its_focus_to_a_bare_title(actors_of):
    actors = actors_of("President Ana Toala lifted the night curfew in Malawi on Friday.")
    assert find(actors, "Ana Toala")[2] == "MWI"


def test_a_portfolio_word_does_not_cut_the_title_from_its_nationality(actors_of):
    actors = actors_of("Kenyan Interior Secretary Jon Oduya promised more police for the border.")
    assert find(actors, "Jon Oduya")[2:4] == ("KEN", "GOV")


def test_prc_is_china(actors_of):
    actors = actors_of("The PRC protested the arms sale on Tuesday.")
    assert find(actors, "PRC")[2] == "CHN"


def test_it_in_a_reported_clause_is_the_speaker_not_the_hearer(actors_of):
    actors = actors_of("The Italian government has told Malta that it wants to settle the dispute.")
    assert "it" in find(actors, "The Italian government")[4]
    assert "it" not in find(actors, "Malta")[4]


def test_it_after_made_it_clear_is_the_subject(actors_of):
    actors = actors_of("The Spanish government has made it clear to Morocco that it wants a deal.")
    assert "it" in find(actors, "The Spanish government")[4]
