"""The places stage: toponyms found, resolved to GeoNames, and told apart from actors."""

from __future__ import annotations

import pytest

from newsgraph.extract.gazetteer import gazetteer, key
from newsgraph.extract.places import PlaceMention, find_places, us_local_cues
from newsgraph.pipeline import build


@pytest.fixture(scope="module")
def nlp():
    return build(components=("newsgraph_places",))


def places(nlp, text: str) -> dict[str, PlaceMention]:
    return {p.text: p for p in nlp(text)._.ng_places}


def test_a_city_after_in_is_a_located_place(nlp):
    found = places(nlp, "The talks took place in Berlin on Tuesday.")
    berlin = found["Berlin"]
    assert (berlin.country, berlin.feature, berlin.metonymic) == ("DEU", "city", False)
    assert berlin.geonameid is not None and 52 < berlin.lat < 53


def test_offsets_point_into_the_text(nlp):
    text = "Protests spread across Kenya."
    kenya = places(nlp, text)["Kenya"]
    assert text[kenya.start : kenya.end] == "Kenya"


def test_a_capital_as_subject_is_metonymic(nlp):
    found = places(nlp, "Ankara has begun a review of the agreement.")
    assert found["Ankara"].metonymic
    assert found["Ankara"].country == "TUR"


def test_a_possessive_capital_before_an_actor_noun_is_metonymic(nlp):
    found = places(nlp, "Moscow's envoy arrived late to the meeting.")
    assert found["Moscow"].metonymic


def test_a_country_as_object_of_a_verb_is_metonymic(nlp):
    found = places(nlp, "The European Union is pressuring Israel to reopen the crossing.")
    assert found["Israel"].metonymic


def test_countries_after_a_locative_preposition_are_places(nlp):
    found = places(nlp, "Aid workers were stationed in Jordan and Syria for months.")
    assert not found["Jordan"].metonymic
    assert not found["Syria"].metonymic


def test_a_country_entered_is_a_place(nlp):
    found = places(nlp, "The trucks were stuck for days before entering Jordan.")
    assert not found["Jordan"].metonymic


def test_an_article_about_lebanon_picks_the_lebanese_tripoli(nlp):
    lebanese = places(nlp, "Lebanese soldiers were deployed in Tripoli after clashes in Beirut.")
    libyan = places(nlp, "Libyan militias fought for control of Tripoli.")
    assert lebanese["Tripoli"].country == "LBN"
    assert libyan["Tripoli"].country == "LBY"


def test_the_bigger_tripoli_wins_without_context(nlp):
    assert places(nlp, "They flew to Tripoli.")["Tripoli"].country == "LBY"


def test_a_state_after_a_comma_says_which_town(nlp):
    found = places(nlp, "She grew up in Paris, Texas, and later moved to Springfield, Ill.")
    assert found["Paris"].country == "USA"
    assert found["Texas"].feature == "admin1"
    assert found["Springfield"].lat is not None and 39 < found["Springfield"].lat < 40.5


def test_gaza_and_the_west_bank_are_palestinian(nlp):
    found = places(nlp, "Fighting in Gaza spilled over into the West Bank.")
    assert found["Gaza"].country == "PSE"
    assert found["West Bank"].country == "PSE"


def test_unknown_names_are_kept_without_an_id(nlp):
    found = places(nlp, "The convoy stopped in Qwxzlandia.")
    assert all(p.geonameid is None for p in found.values())


def test_find_places_works_on_a_bare_parsed_doc():
    nlp = build(components=())
    mentions = find_places(nlp("Floods hit Bangladesh."))
    assert [m.country for m in mentions] == ["BGD"]


def test_gazetteer_keys_fold_abbreviations_and_accents():
    assert key("St. Louis") == key("Saint-Louis") == "st louis"
    assert key("Zürich") == "zurich"
    assert any(c.entry.country == "USA" for c in gazetteer().lookup("U.S."))


# US local news: towns named after places abroad.
LOCAL_NEWS = (
    "Dublin police closed the 200 block of Maple Street on Tuesday after a water main broke. "
    "The Franklin County sheriff said repairs will cost $40,000 and finish by Sept. 30."
)


def test_us_local_cues_count_kinds_of_habit_not_occurrences():
    assert us_local_cues(LOCAL_NEWS) >= 3  # a county, a street address, dollars, a date
    assert us_local_cues("Ministers met in Dublin and in Paris to discuss trade.") == 0
    assert us_local_cues("It cost $5 and then $6 and $7.") == 1


def test_a_foreign_namesake_in_us_local_news_is_the_american_town(nlp):
    assert places(nlp, LOCAL_NEWS)["Dublin"].country == "USA"


def test_without_local_cues_the_famous_city_wins(nlp):
    assert places(nlp, "Dublin police closed a street on Tuesday.")["Dublin"].country == "IRL"


def test_a_country_named_in_plain_local_news_is_the_us_town(nlp):
    text = (
        "Lebanon police arrested a man at 12 Oak Street on Friday. He was held on $500 bond "
        "in the Boone County jail."
    )
    assert places(nlp, text)["Lebanon"].country == "USA"


def test_local_cues_do_not_move_a_country_the_article_is_about(nlp):
    text = (
        "A Boone County soldier wrote home from Lebanon, where he has served since Feb. 3. "
        "He said Lebanese families in Beirut welcomed the troops."
    )
    assert places(nlp, text)["Lebanon"].country == "LBN"
