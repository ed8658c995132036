"""In-document coreference, by our own rules (no offline coreference package exists).

- a surname, or a name without its particle ("Masri" for "Omar al-Masri"), joins the
  earlier full name;
- a short outlet name ("the Post", "the Times") joins the outlet already named, else the
  article's own outlet;
- a definite title ("the prime minister", "the Syrian president") joins the person who
  holds it in this article, else the lexicon's holder for a country the article names;
- "the official", "the source" join the last unnamed actor with that role;
- he/she/his/her join the last person; "it" and "they" as subjects join the last
  country, organization or group.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from newsgraph.extract.lexicon import Lexicon, name_key
from newsgraph.extract.spans import indices_with, indices_with_pos

if TYPE_CHECKING:
    from newsgraph.extract.actors import ActorRecord, ActorTable

PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
GROUP_PRONOUNS = {"it", "its", "they", "them", "their"}
DEFINITE = {"the", "this", "that", "these", "those"}
SENTENCE_WINDOW = 3


def merge(table: ActorTable, keep: ActorRecord, drop: ActorRecord) -> None:
    for start, end in drop.mentions:
        if (start, end) not in keep.mentions:
            keep.mentions.append((start, end))
    keep.mentions.sort()
    keep.tokens |= drop.tokens
    keep.country = keep.country or drop.country
    keep.sector = keep.sector or drop.sector
    keep.role = keep.role or drop.role
    index = table.actors.index(drop)
    table.actors.pop(index)
    kept = table.actors.index(keep)

    def remap(a: int) -> int:
        return kept if a == index else a - (a > index)

    table.by_token = {tok: remap(a) for tok, a in table.by_token.items()}
    table.also = {tok: [remap(a) for a in extra] for tok, extra in table.also.items()}


def link_names(doc: Doc, table: ActorTable, lexicon: Lexicon) -> None:
    """Join short person names to the earlier full name, and short outlet names to outlets."""
    people = [a for a in table.actors if a.kind == "person"]
    singles = [
        a
        for a in table.actors
        if a.kind == "organization" and a.sector is None and len(a.name.split()) == 1
    ]
    for short in people + singles:
        words = short.name.split()
        if len(words) != 1:
            continue
        full = next(
            (a for a in people if a is not short and len(a.name.split()) > 1
             and name_key(a.name.split()[-1]) == name_key(words[0])),
            None,
        )  # fmt: skip
        if full is not None and short in table.actors:
            merge(table, full, short)  # also fixes a surname NER tagged ORG
    _link_acronyms(doc, table)
    _link_short_outlets(doc, table)


def initials(name: str) -> str:
    words = [w for w in name.replace("-", " ").split() if w.lower() not in ("of", "the", "and", "for")]
    return "".join(w[0] for w in words).upper()


def _link_acronyms(doc: Doc, table: ActorTable) -> None:
    """'RSF' after 'the Rapid Support Forces' is the same group, tagged or not by NER."""
    by_initials = {
        initials(a.name): a for a in table.actors
        if len(a.name.split()) > 1 and a.kind in ("organization", "group")
    }  # fmt: skip
    for token in (doc[i] for i in indices_with(doc, "IS_UPPER")) if by_initials else ():
        target = by_initials.get(token.text) if 2 <= len(token) <= 6 else None
        if target is not None and token.i not in table.by_token and target.mentions[0][0] < token.idx:
            table.link(target, doc[token.i : token.i + 1])
    for short in [a for a in table.actors if a.name.isupper() and 2 <= len(a.name) <= 6]:
        full = next(
            (a for a in table.actors if a is not short and len(a.name.split()) > 1
             and initials(a.name) == short.name and a.kind in ("organization", "group")),
            None,
        )  # fmt: skip
        if full is not None and short in table.actors:
            merge(table, full, short)


def _link_short_outlets(doc: Doc, table: ActorTable) -> None:
    outlets = [a for a in table.actors if a.sector == "MED" and len(a.name.split()) > 1]
    home = (doc._.ng_meta or {}).get("outlet")
    if not outlets and not home:
        return  # no outlet a short name could stand for: spare the walk over every token
    for token in (doc[i] for i in indices_with_pos(doc, ("PROPN",))):
        if not _after_definite(token):
            continue
        current = table.at(token.i)
        if current is not None and len(current.name.split()) > 1:
            continue
        target = next((o for o in reversed(outlets) if _last_word(o.name) == token.text), None)
        if target is None and home and _last_word(home) == token.text:
            target = home_outlet(table, home)
        if target is None:
            continue
        if current is not None and current is not target:
            merge(table, target, current)
        else:
            table.link(target, doc[token.i : token.i + 1])


def _after_definite(token: Token) -> bool:
    return token.i > 0 and token.doc[token.i - 1].lower_ == "the"


def _last_word(name: str) -> str:
    return name.split()[-1] if name.split() else ""


def home_outlet(table: ActorTable, name: str) -> ActorRecord:
    from newsgraph.extract.actors import ActorRecord
    from newsgraph.extract.lexicon import get_lexicon

    entity = get_lexicon().entities_by_alias.get(name.lower())
    key = f"entity:{entity.name.lower()}" if entity else f"outlet:{name.lower()}"
    return table.ensure(ActorRecord(
        name=entity.name if entity else name, kind="organization",
        country=entity.country if entity else None, sector="MED", key=key, definite=True,
    ))  # fmt: skip


def title_holder(
    token: Token, table: ActorTable, lexicon: Lexicon, country: str | None
) -> ActorRecord | None:
    """'the prime minister' -> the person holding that title in this article, or the lexicon's."""
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in token.children):
        return None
    title = " ".join(t.lower_ for t in token.subtree if t.dep_ == "compound" or t.i == token.i)
    candidates = [
        a for a in table.actors
        if a.kind == "person" and a.role and token.lower_ in a.role.lower()
        and (country is None or a.country == country) and a.mentions
        and a.mentions[0][0] < token.idx
    ]  # fmt: skip
    if candidates:
        return max(
            candidates,
            key=lambda a: a.mentions[-1][0] if a.mentions[-1][0] < token.idx else a.mentions[0][0],
        )
    known = {a.country for a in table.actors if a.country}
    for entity in lexicon.titles.get(title, []) + lexicon.titles.get(token.lower_, []):
        if (country is None and entity.country in known) or entity.country == country:
            return table.by_key(f"entity:{entity.name.lower()}")
    return None


def last_unnamed(
    table: ActorTable, role: str, country: str | None, token: Token
) -> ActorRecord | None:
    """The latest unnamed actor before ``token`` with the same role and a compatible country."""
    best: ActorRecord | None = None
    for actor in table.actors:
        if actor.kind != "unnamed" or actor.role != role or not actor.mentions:
            continue
        if country is not None and actor.country not in (None, country):
            continue
        if actor.mentions[0][0] < token.idx and (
            best is None or actor.mentions[-1] > best.mentions[-1]
        ):
            best = actor
    return best


def link_references(doc: Doc, table: ActorTable, lexicon: Lexicon) -> None:
    """Pronouns to the last fitting actor in the previous few sentences."""
    for token in (doc[i] for i in indices_with_pos(doc, ("PRON",))):
        if token.i in table.by_token:
            continue
        lower = token.lower_
        if lower in PERSON_PRONOUNS:
            target = _last_actor(doc, table, token, lambda a: a.kind == "person")
        elif (
            lower in GROUP_PRONOUNS
            and token.dep_ in ("nsubj", "nsubjpass", "poss")
            and not _expletive(token)
        ):
            plural = lower in ("they", "them", "their")
            fits = lambda a, p=plural: _fits_group(a, p)  # noqa: E731
            target = _main_subject(table, token, fits) or _last_actor(doc, table, token, fits)
        else:
            continue
        if target is not None:
            table.link(target, doc[token.i : token.i + 1])


def _main_subject(table: ActorTable, token: Token, fits) -> ActorRecord | None:
    """'The ministry told Oslo that it would act': the subject of a clause's governing verb
    is a better antecedent than the nearest name, which is often the hearer."""
    clause = token.head
    that_clause = clause.dep_ == "advcl" and any(c.lower_ == "that" and c.dep_ == "mark" for c in clause.children)
    if not (clause.dep_ == "ccomp" or that_clause) or token.dep_ not in ("nsubj", "nsubjpass"):
        return None
    governor = clause.head
    subject = None
    for _ in range(3):  # "made it clear to X that it ...": climb from 'clear' to 'made'
        subject = next((c for c in governor.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.lower_ == "it":
            subject = None  # "made it clear": an expletive, look further up
        if subject is not None or governor.head.i == governor.i:
            break
        governor = governor.head
    if subject is None:
        return None
    actor = table.in_span(subject.left_edge.i, subject.i + 1)
    return actor if actor is not None and fits(actor) else None


def _expletive(token: Token) -> bool:
    """'It appears that ...', 'it is clear that ...': an 'it' that refers to nothing."""
    head = token.head
    return (
        token.lower_ == "it"
        and any(c.dep_ in ("ccomp", "xcomp", "csubj") for c in head.children)
        and head.lemma_ in ("appear", "seem", "be", "look", "remain", "become", "make", "take")
    )


def _fits_group(actor: ActorRecord, plural: bool) -> bool:
    if actor.sector == "MED":
        return False
    if plural:
        return actor.plural or actor.kind == "group"
    return actor.kind in ("country", "organization", "group") and not actor.plural


def _sentence_starts(doc: Doc) -> list[int]:
    """Token index of each sentence start, computed once per Doc (doc.sents is costly)."""
    starts = doc.user_data.get("ng_sentence_starts")
    if starts is None:
        starts = doc.user_data["ng_sentence_starts"] = [s.start for s in doc.sents]
    return starts


def _last_actor(doc: Doc, table: ActorTable, token: Token, fits) -> ActorRecord | None:
    sentence_starts = _sentence_starts(doc)
    here = bisect.bisect_right(sentence_starts, token.i)
    earliest = sentence_starts[max(0, here - SENTENCE_WINDOW)]
    best: tuple[int, ActorRecord] | None = None
    for i in range(token.i - 1, earliest - 1, -1):
        actor = table.at(i)
        if actor is not None and fits(actor):
            best = (i, actor)
            break
    return best[1] if best else None
