"""Our own lexicons, written in YAML, which users extend with their own folders.

Each file is one kind of knowledge (see the README's "Lexicons" section):

- ``people.yaml``: named people: name, aliases, country, sector, role, titles.
- ``organizations.yaml``: organizations and armed groups: name, aliases, kind, country, sector.
- ``outlets.yaml``: news outlets: name, aliases, country (sector is always MED).
- ``metonyms.yaml``: seats of power used as actors ("the Kremlin", "the White House").
- ``roles.yaml``: role words ("minister", "militants") with their sector.
- ``countries.yaml``: country names and demonyms that countrynames lacks or gets wrong.
- ``events.yaml``: verbs and nouns that trigger PLOVER events.
- ``speech.yaml``: reporting verbs, hedges, intention and request words.
- ``abbreviations.yaml``: abbreviations with a full stop that the tokenizer keeps whole.

A user folder holds files with the same names; its entries are added to ours, and an
entry with the same name replaces ours. Set ``NEWSGRAPH_KNOWLEDGE`` (paths separated by
``os.pathsep``) or pass ``knowledge_dirs`` to :func:`load`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

BUILTIN_DIR = Path(__file__).parent
# libyaml's safe loader when PyYAML was built with it: several times faster on our lexicons
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class KnowledgeError(ValueError):
    """A lexicon file is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class Entity:
    """A named actor the lexicon knows: a person, an organization, a group or an outlet."""

    name: str
    kind: str  # person | organization | group | country
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    outlet: bool = False


@dataclass
class Knowledge:
    entities: list[Entity] = field(default_factory=list)
    metonyms: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    roles: dict[str, dict[str, Any]] = field(default_factory=dict)
    countries: dict[str, Any] = field(default_factory=dict)
    events: dict[str, Any] = field(default_factory=dict)
    speech: dict[str, Any] = field(default_factory=dict)
    abbreviations: dict[str, Any] = field(default_factory=dict)

    def by_alias(self) -> dict[str, Entity]:
        """Lower-cased name or alias to entity; later (user) entries win."""
        index: dict[str, Entity] = {}
        for entity in self.entities:
            for alias in (entity.name, *entity.aliases):
                index[alias.lower()] = entity
        return index


def _read(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=SAFE_LOADER)
    except yaml.YAMLError as error:
        raise KnowledgeError(f"{path}: not valid YAML ({error})") from error


def _entity(raw: dict[str, Any], kind_default: str, path: Path, outlet: bool = False) -> Entity:
    if not isinstance(raw, dict) or "name" not in raw:
        raise KnowledgeError(f"{path}: every entry needs a 'name' (got {raw!r})")
    return Entity(
        name=str(raw["name"]),
        kind=str(raw.get("kind", kind_default)),
        country=raw.get("country"),
        sector="MED" if outlet else raw.get("sector"),
        role=raw.get("role"),
        aliases=tuple(str(a) for a in raw.get("aliases") or ()),
        titles=tuple(str(t).lower() for t in raw.get("titles") or ()),
        outlet=outlet,
    )


def _merge_entities(target: list[Entity], new: list[Entity]) -> None:
    replaced = {e.name.lower() for e in new}
    target[:] = [e for e in target if e.name.lower() not in replaced] + new


def _load_dir(knowledge: Knowledge, folder: Path) -> None:
    for filename, kind, outlet in (
        ("people.yaml", "person", False),
        ("organizations.yaml", "organization", False),
        ("outlets.yaml", "organization", True),
    ):
        path = folder / filename
        if path.exists():
            entries = _read(path) or []
            _merge_entities(knowledge.entities, [_entity(e, kind, path, outlet) for e in entries])
    if (folder / "metonyms.yaml").exists():
        _load_metonyms(knowledge, folder / "metonyms.yaml")
    path = folder / "roles.yaml"
    if path.exists():
        # A role is one unit: a user's "fighter: {sector: MIL}" must drop our "kind: group".
        knowledge.roles.update(_read(path) or {})
    for name in ("countries", "events", "speech", "abbreviations"):
        path = folder / f"{name}.yaml"
        if path.exists():
            _merge_mapping(getattr(knowledge, name), _read(path) or {})


def _load_metonyms(knowledge: Knowledge, path: Path) -> None:
    for raw in _read(path) or []:
        if not isinstance(raw, dict) or "name" not in raw or "country" not in raw:
            raise KnowledgeError(f"{path}: every metonym needs 'name' and 'country' (got {raw!r})")
        for name in (raw["name"], *(raw.get("aliases") or ())):
            knowledge.metonyms[str(name).lower()] = (raw["country"], raw.get("sector"))


def _merge_mapping(target: dict[str, Any], new: dict[str, Any]) -> None:
    for key, value in new.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            _merge_mapping(target[key], value)
        elif isinstance(value, list) and isinstance(target.get(key), list):
            target[key] = target[key] + value
        else:
            target[key] = value


def user_dirs() -> tuple[str, ...]:
    raw = os.environ.get("NEWSGRAPH_KNOWLEDGE", "")
    return tuple(p for p in raw.split(os.pathsep) if p)


@lru_cache(maxsize=8)
def load(knowledge_dirs: tuple[str, ...] | None = None) -> Knowledge:
    """Our lexicons plus the user's folders (default: ``$NEWSGRAPH_KNOWLEDGE``)."""
    knowledge = Knowledge()
    _load_dir(knowledge, BUILTIN_DIR)
    for folder in knowledge_dirs if knowledge_dirs is not None else user_dirs():
        path = Path(folder)
        if not path.is_dir():
            raise KnowledgeError(f"knowledge folder not found: {path}")
        _load_dir(knowledge, path)
    return knowledge
