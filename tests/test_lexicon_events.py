"""The event lexicon (knowledge/events.yaml) speaks PLOVER and nothing else.

These tests pin the file's shape so the event extractor can trust it: every trigger names
one of the 16 PLOVER types, modes belong to their type, CAMEO codes look like CAMEO codes,
and no key is silently written twice.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from newsgraph import knowledge

EVENTS_FILE = Path(knowledge.__file__).parent / "events.yaml"

# The modes PLOVER defines for each type, in our words. A type with an empty set takes none.
PLOVER_MODES: dict[str, set[str]] = {
    "AGREE": set(),
    "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "SUPPORT": set(),
    "CONCEDE": set(),
    "COOPERATE": set(),
    "AID": set(),
    # retreat from ground, free captives, give up arms, hold a ceasefire, let others in, resign
    "RETREAT": {"withdraw", "release", "disarm", "ceasefire", "access", "resign"},
    # what is asked for (or refused): help, a change, a concession, a meeting
    "REQUEST": {"assist", "change", "yield", "meet"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
    # what the threat is about, not how it is phrased
    "THREATEN": {"restrict", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {
        "seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport",
        "withhold", "misinformation", "cyber",
    },
    "ASSAULT": {
        "abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms",
        "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control",
        "unconventional",
    },
}
PLOVER_TYPES = set(PLOVER_MODES)
ENTRY_FIELDS = {"type", "mode", "cameo", "object", "recipient_preps", "negative_type", "intransitive", "no_clause", "pobj_of", "compound", "object_people", "stative_passive"}


@pytest.fixture(scope="module")
def events() -> dict[str, Any]:
    return knowledge.load(()).events


def _entries(events: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (section, key, entry)
        for section in ("verbs", "nouns")
        for key, entry in events[section].items()
    ]


def test_the_loader_exposes_verbs_nouns_light_verbs_and_modality(events: dict[str, Any]) -> None:
    assert {"verbs", "nouns", "light_verbs", "modality"} <= set(events)
    assert events["verbs"]["attack"]["type"] == "ASSAULT"
    assert events["nouns"]["talks"]["type"] == "CONSULT"
    assert "hold" in events["light_verbs"]
    assert {"intention", "request", "hypothetical", "future", "negation"} <= set(events["modality"])


def test_there_are_enough_triggers(events: dict[str, Any]) -> None:
    assert len(events["verbs"]) >= 400
    assert len(events["nouns"]) >= 150


def test_every_type_is_a_plover_type(events: dict[str, Any]) -> None:
    for section, key, entry in _entries(events):
        assert entry["type"] in PLOVER_TYPES, f"{section}.{key}: {entry['type']}"
        negative = entry.get("negative_type")
        assert negative is None or negative in PLOVER_TYPES, f"{section}.{key}: {negative}"


def test_entries_only_use_known_fields(events: dict[str, Any]) -> None:
    for section, key, entry in _entries(events):
        assert set(entry) <= ENTRY_FIELDS, f"{section}.{key}: {set(entry) - ENTRY_FIELDS}"


def test_every_mode_belongs_to_its_type(events: dict[str, Any]) -> None:
    for section, key, entry in _entries(events):
        mode = entry.get("mode")
        if mode is not None:
            assert mode in PLOVER_MODES[entry["type"]], f"{section}.{key}: {entry['type']}/{mode}"


def test_cameo_codes_are_short_digit_strings(events: dict[str, Any]) -> None:
    for section, key, entry in _entries(events):
        code = entry.get("cameo")
        if code is not None:
            assert isinstance(code, str), f"{section}.{key}: write {code!r} quoted"
            assert code.isdigit() and 2 <= len(code) <= 4, f"{section}.{key}: {code!r}"


def test_each_type_has_at_least_ten_verbs(events: dict[str, Any]) -> None:
    counts = Counter(entry["type"] for entry in events["verbs"].values())
    thin = {t: counts[t] for t in PLOVER_TYPES if counts[t] < 10}
    assert not thin, f"types with fewer than ten verbs: {thin}"


def test_keys_and_object_lemmas_are_lowercase(events: dict[str, Any]) -> None:
    for section, key, entry in _entries(events):
        assert key == key.lower() and key == key.strip(), f"{section}: {key!r}"
        for lemma in entry.get("object") or ():
            assert isinstance(lemma, str) and lemma == lemma.lower(), f"{section}.{key}: {lemma!r}"


def test_phrasal_verb_keys_are_a_verb_and_one_word(events: dict[str, Any]) -> None:
    # the extractor looks up "lemma particle", so longer keys could never match
    for key in events["verbs"]:
        assert len(key.split()) <= 2, key


def test_light_verbs_and_modality_words_are_lowercase_strings(events: dict[str, Any]) -> None:
    words = list(events["light_verbs"]) + [w for ws in events["modality"].values() for w in ws]
    assert all(isinstance(w, str) and w == w.lower() for w in words)


class _DuplicateKey(yaml.constructor.ConstructorError):
    pass


class _StrictLoader(yaml.SafeLoader):
    """A SafeLoader that refuses a mapping key written twice (plain YAML keeps the last)."""


def _strict_mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False) -> Any:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise _DuplicateKey(None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _strict_mapping)


def test_the_strict_loader_catches_a_key_written_twice() -> None:
    with pytest.raises(_DuplicateKey):
        yaml.load("verbs:\n  meet: {type: CONSULT}\n  meet: {type: ASSAULT}\n", _StrictLoader)


def test_no_key_is_written_twice_in_the_raw_file() -> None:
    raw = yaml.load(EVENTS_FILE.read_text(encoding="utf-8"), _StrictLoader)
    assert raw["verbs"] and raw["nouns"]


def test_common_news_verbs_land_in_the_right_type(events: dict[str, Any]) -> None:
    verbs = events["verbs"]
    expected = {
        "meet": "CONSULT", "negotiate": "CONSULT", "praise": "SUPPORT", "pledge": "AGREE",
        "apologize": "CONCEDE", "extradite": "COOPERATE", "donate": "AID",
        "resign": "RETREAT", "urge": "REQUEST", "investigate": "ACCUSE", "veto": "REJECT",
        "threaten": "THREATEN", "demonstrate": "PROTEST", "expel": "SANCTION",
        "deploy": "MOBILIZE", "arrest": "COERCE", "shell": "ASSAULT", "call for": "REQUEST",
    }
    wrong = {k: verbs[k]["type"] for k, t in expected.items() if verbs[k]["type"] != t}
    assert not wrong


def test_generic_verbs_need_an_object_to_trigger(events: dict[str, Any]) -> None:
    # "take control" is an assault, "take a break" is not; bare light verbs never trigger
    verbs = events["verbs"]
    assert verbs["take"]["object"] and "control" in verbs["take"]["object"]
    assert "prisoner" in verbs["release"]["object"]
    assert "fire" in verbs["open"]["object"]
    for generic in ("be", "have", "do", "get", "go", "make", "say"):
        assert generic not in verbs


def test_a_refused_concession_becomes_a_rejection(events: dict[str, Any]) -> None:
    verbs = events["verbs"]
    assert verbs["agree"].get("negative_type") == "REJECT"
    assert verbs["release"].get("negative_type") == "REJECT"
