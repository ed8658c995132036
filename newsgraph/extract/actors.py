"""Actors: who is in the article, resolved to a kind, a country and a sector.

Mentions come from four sources, strongest first:

1. our lexicons (people, organizations, outlets, seats of power), which also fix NER slips
   (a person tagged ORG, a channel tagged PERSON);
2. spaCy's PERSON / ORG / NORP / GPE entities, with countries read through countrynames
   and capitals used as governments ("Ankara has begun ..." is Turkey's government);
3. role nouns ("a US official", "Israeli sources", "the militants"), which give unnamed
   actors; a nationality or possessor in the phrase gives the country;
4. titles next to names ("Syrian President X") give an unknown person country and sector.

:mod:`newsgraph.extract.coref` then links later mentions to earlier actors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.extract import coref, doc_ents, entity_at
from newsgraph.extract.lexicon import Lexicon, country_code, get_lexicon, name_key
from newsgraph.extract.spans import indices_with, indices_with_pos
from newsgraph.pipeline import register_extensions

register_extensions()

PERSON_WORDS = {"person", "unnamed"}
DETERMINERS = {
    "a",
    "an",
    "the",
    "another",
    "some",
    "several",
    "two",
    "three",
    "many",
    "other",
    "one",
}


@dataclass(eq=False)  # identity, not value: two actors may look alike
class ActorRecord:
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    tokens: set[int] = field(default_factory=set)
    key: str = ""
    definite: bool = False  # the first mention was a name or a definite description
    plural: bool = False
    id: str = ""

    def add_mention(self, span: Span) -> None:
        pair = (span.start_char, span.end_char)
        if pair not in self.mentions:
            self.mentions.append(pair)
            self.mentions.sort()
        self.tokens.update(range(span.start, span.end))


@dataclass
class ActorTable:
    actors: list[ActorRecord] = field(default_factory=list)
    by_token: dict[int, int] = field(default_factory=dict)
    # A token may name several actors ("Israeli and Syrian officials"): the extra ones.
    also: dict[int, list[int]] = field(default_factory=dict)

    def at(self, token_index: int | None) -> ActorRecord | None:
        if token_index is None:
            return None
        index = self.by_token.get(token_index)
        return self.actors[index] if index is not None else None

    def all_at(self, token_index: int) -> list[ActorRecord]:
        first = self.at(token_index)
        if first is None:
            return []
        extra = [self.actors[i] for i in self.also.get(token_index, ())]
        return [first, *[a for a in extra if a is not first]]

    def in_span(self, start: int, end: int) -> ActorRecord | None:
        """The actor whose mention lies in [start, end) tokens, preferring the last (the head)."""
        for i in range(end - 1, start - 1, -1):
            actor = self.at(i)
            if actor is not None:
                return actor
        return None

    def add(self, record: ActorRecord, span: Span) -> ActorRecord:
        existing = self.by_key(record.key)
        target = existing or record
        if existing is None:
            self.actors.append(record)
        else:
            _enrich(existing, record)
        self.link(target, span)
        return target

    def link(self, actor: ActorRecord, span: Span) -> None:
        index = self.actors.index(actor)
        actor.add_mention(span)
        for i in range(span.start, span.end):
            if self.by_token.setdefault(i, index) != index:
                self.also.setdefault(i, []).append(index)

    def by_key(self, key: str) -> ActorRecord | None:
        if not key:
            return None
        return next((a for a in self.actors if a.key == key), None)

    def ensure(self, record: ActorRecord) -> ActorRecord:
        """The actor with ``record``'s key, or ``record`` itself, added without a mention."""
        existing = self.by_key(record.key)
        if existing is not None:
            return existing
        self.actors.append(record)
        return record

    def number(self) -> None:
        """Give ids in order of first mention: a1, a2, ..."""
        self.actors.sort(key=lambda a: a.mentions[0] if a.mentions else (10**9, 0))
        self.by_token, self.also = {}, {}
        for index, actor in enumerate(self.actors):
            actor.id = f"a{index + 1}"
            for token in sorted(actor.tokens):
                if self.by_token.setdefault(token, index) != index:
                    self.also.setdefault(token, []).append(index)


def _enrich(target: ActorRecord, new: ActorRecord) -> None:
    target.country = target.country or new.country
    target.sector = target.sector or new.sector
    target.role = target.role or new.role


# --- 1. lexicon entities -------------------------------------------------------------------


def _lexicon_mentions(doc: Doc, table: ActorTable, lexicon: Lexicon) -> None:
    matches = [s for s in lexicon.entity_matcher(doc.vocab)(doc, as_spans=True) if not _inside_larger_name(s)]
    for span in _longest_first(matches):
        entity = lexicon.entities_by_alias[span.text.lower()]
        record = ActorRecord(
            name=entity.name,
            kind="organization" if entity.outlet else entity.kind,
            country=entity.country,
            sector=entity.sector,
            role=entity.role,
            key=f"entity:{entity.name.lower()}",
            definite=True,
        )
        _claim(table, record, span)
    for span in _longest_first(lexicon.metonym_matcher(doc.vocab)(doc, as_spans=True)):
        country, sector = lexicon.metonyms[span.text.lower()]
        record = ActorRecord(
            name=span.text, kind="organization", country=country, sector=sector,
            key=f"metonym:{span.text.lower()}", definite=True,
        )  # fmt: skip
        _claim(table, record, span)


def _inside_larger_name(span: Span) -> bool:
    """'Liberation' inside 'Southern Liberation Front' is not the newspaper Liberation."""
    for token in span:
        if token.ent_type_ in ("ORG", "PERSON", "FAC", "WORK_OF_ART", "EVENT"):
            ent = entity_at(span.doc, token.i)
            if ent is not None and (ent.start < span.start or ent.end > span.end):
                inner = ent.text.lower().removeprefix("the ")
                return inner != span.text.lower().removeprefix("the ")
    return False


def _longest_first(spans: list[Span]) -> list[Span]:
    return sorted(spans, key=lambda s: (-(s.end - s.start), s.start))


def _claim(table: ActorTable, record: ActorRecord, span: Span) -> ActorRecord | None:
    if any(i in table.by_token for i in range(span.start, span.end)):
        return None
    return table.add(record, span)


def _introduced_outlets(doc: Doc, table: ActorTable, lexicon: Lexicon) -> None:
    """'the Saudi news channel Al Arabiya', 'the newspaper Le Monde': a name after a media noun."""
    for token in (doc[i] for i in indices_with_pos(doc, ("NOUN",))):
        if token.lemma_.lower() not in lexicon.media_nouns:
            continue
        end = token.i + 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and end - token.i <= 5:
            end += 1
        if end == token.i + 1 or any(i in table.by_token for i in range(token.i + 1, end)):
            continue
        span = doc[token.i + 1 : end]
        country = _media_country(span, lexicon)
        record = ActorRecord(name=span.text, kind="organization", country=country, sector="MED",
                             key=f"org:{span.text.lower()}", definite=True)  # fmt: skip
        table.add(record, span)


# --- 2. named entities ---------------------------------------------------------------------


def _entity_mentions(doc: Doc, table: ActorTable, lexicon: Lexicon) -> None:
    metonymic = _metonymic_places(doc)
    for ent in doc_ents(doc):
        if any(i in table.by_token for i in range(ent.start, ent.end)):
            continue
        span = _strip_determiner(ent)
        if ent.label_ in ("ORG", "NORP", "GPE") and lexicon.person_by_surname(span.text):
            _person(span, table, lexicon)  # NER slip: a known person tagged ORG
        elif ent.label_ == "PERSON" and country_code(span.text, lexicon):
            _gpe(span, table, lexicon, metonymic)  # NER slip: 'Sri Lanka' tagged PERSON
        elif ent.label_ == "PERSON":
            _person(span, table, lexicon)
        elif ent.label_ == "ORG" and not _part_of_title(span, lexicon):
            _organization(span, table, lexicon)
        elif ent.label_ == "GPE":
            _gpe(span, table, lexicon, metonymic)
        elif ent.label_ == "NORP":
            _norp(span, table, lexicon)


def _places_ner_missed(doc: Doc, table: ActorTable, lexicon: Lexicon) -> None:
    """Countries and capitals the places stage recovered where NER saw nothing ("Uzbekistan")."""
    metonymic = _metonymic_places(doc)
    for place in doc._.ng_places or []:
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is None or any(t.ent_type_ or t.i in table.by_token for t in span):
            continue
        if place.feature == "country" or span.text.lower() in lexicon.capitals:
            _gpe(span, table, lexicon, metonymic)


def _strip_determiner(span: Span) -> Span:
    start = span.start
    while start < span.end - 1 and span.doc[start].lower_ in ("the", "'s"):
        start += 1
    end = span.end
    while end > start + 1 and span.doc[end - 1].text in ("'s", "’s", "'"):
        end -= 1
    return span.doc[start:end]


def _metonymic_places(doc: Doc) -> dict[tuple[int, int], bool] | None:
    places = doc._.ng_places
    if places is None:
        return None
    return {(p.start, p.end): p.metonymic for p in places}


def _person(span: Span, table: ActorTable, lexicon: Lexicon) -> None:
    name = _clean_person_name(span.text)
    if not name:
        return
    earlier = _earlier_namesake(name, table)
    if earlier is not None:  # "Hillary Clinton ... Clinton": the article's own Clinton
        table.link(earlier, span)
        return
    entity = lexicon.person_by_surname(name)
    if entity is not None:
        record = ActorRecord(
            name=entity.name, kind="person", country=entity.country, sector=entity.sector,
            role=entity.role, key=f"entity:{entity.name.lower()}", definite=True,
        )  # fmt: skip
    else:
        country, sector, role = _title_context(span, lexicon)
        country = country or lexicon.surname_country(name)
        record = ActorRecord(
            name=name, kind="person", country=country, sector=sector, role=role,
            key=f"person:{name.lower()}", definite=True,
        )  # fmt: skip
    table.add(record, span)


def _earlier_namesake(name: str, table: ActorTable) -> ActorRecord | None:
    """A person already named in full whose surname is this bare name."""
    if len(name.split()) != 1:
        return None
    key = name_key(name)
    namesakes = [
        a for a in table.actors
        if a.kind == "person" and a.mentions and len(a.name.split()) > 1
        and name_key(a.name.split()[-1]) == key
    ]  # fmt: skip
    # the first one the article names: "Hillary Clinton ... Bill Clinton ... Clinton"
    return min(namesakes, key=lambda a: a.mentions[0]) if namesakes else None


def _clean_person_name(text: str) -> str:
    text = re.sub(r"[’']s$", "", text.strip())
    return text.strip(" ,.;:")


def _title_context(span: Span, lexicon: Lexicon) -> tuple[str | None, str | None, str | None]:
    """Country, sector and role from the words before a name: 'Syrian President X'."""
    country = sector = None
    role_words: list[str] = []
    i = span.start - 1
    while i >= 0 and span.doc[i].pos_ in ("PROPN", "ADJ", "NOUN", "PUNCT") and span.start - i <= 5:
        token = span.doc[i]
        if token.text == ",":
            break
        role = lexicon.role(token)
        code = country_code(token.text, lexicon)
        if code:
            country = country or code
        elif role is not None:
            sector = sector or role.get("sector")
            role_words.insert(0, token.text)
        elif role_words and _portfolio_word(token):
            role_words.insert(0, token.text)  # "British Defence Secretary X": the portfolio
        else:
            break
        i -= 1
    appos_role = _appositive_role(span, lexicon)
    if appos_role is not None:
        head, info = appos_role
        sector = sector or info.get("sector")
        role_words = role_words or [head.text]
        country = country or _modifier_country(head, lexicon)
    return country, sector, " ".join(role_words) or None


def _portfolio_word(token: Token) -> bool:
    """A capitalized word inside a title, naming the office's field ('Defence', 'Interior')."""
    return token.is_title and token.dep_ == "compound" and token.pos_ == "PROPN"


def _appositive_role(span: Span, lexicon: Lexicon) -> tuple[Token, dict] | None:
    """'the envoy, Jared Doe' or 'Jared Doe, the envoy': the role noun beside the name."""
    root = span.root
    candidates = [root.head] if root.dep_ == "appos" else []
    candidates += [c for c in root.children if c.dep_ == "appos"]
    for token in candidates:
        info = lexicon.role(token)
        if info is not None:
            return token, info
    return None


def _modifier_country(token: Token, lexicon: Lexicon) -> str | None:
    """The country of 'Israeli official', 'US envoy', "Trump's envoy" (through the possessor)."""
    for child in token.children:
        if child.dep_ in ("amod", "compound", "nmod", "poss"):
            code = country_code(child.text, lexicon)
            if code:
                return code
            if child.dep_ == "poss":
                entity = lexicon.person_by_surname(child.text)
                if entity is not None and entity.country:
                    return entity.country
    return None


def _part_of_title(span: Span, lexicon: Lexicon) -> bool:
    """NER tags 'Foreign' in 'Vice Foreign Minister' as ORG: it belongs to the title."""
    return len(span) == 1 and span.root.dep_ == "compound" and lexicon.role(span.root.head) is not None


def _organization(span: Span, table: ActorTable, lexicon: Lexicon) -> None:
    code = country_code(span.text, lexicon)
    if code:  # NER slip: a country tagged ORG
        table.add(country_record(code, span.text), span)
        return
    sector = None
    for token in span:
        info = lexicon.role(token)
        if info is not None and info.get("sector"):
            sector = info["sector"]
    country = _modifier_country(span.root, lexicon) or next(
        (c for t in span if (c := country_code(t.text, lexicon))), None
    )
    record = ActorRecord(
        name=span.text, kind="organization", country=country, sector=sector,
        key=f"org:{span.text.lower()}", definite=True,
    )  # fmt: skip
    if _introduced_as_media(span, lexicon):
        record.sector = "MED"
        record.country = record.country or _media_country(span, lexicon)
    table.add(record, span)


def _introduced_as_media(span: Span, lexicon: Lexicon) -> bool:
    """'the Saudi news channel X', 'the newspaper X': a media noun right before the name."""
    i = span.start - 1
    return i >= 0 and span.doc[i].lemma_.lower() in lexicon.media_nouns


def _media_country(span: Span, lexicon: Lexicon) -> str | None:
    for i in range(max(0, span.start - 4), span.start):
        code = country_code(span.doc[i].text, lexicon)
        if code:
            return code
    return None


def country_record(code: str, text: str) -> ActorRecord:
    return ActorRecord(name=lexicon_country_name(code) or text, kind="country", country=code,
                       key=f"country:{code}", definite=True)  # fmt: skip


def lexicon_country_name(code: str) -> str | None:
    return get_lexicon().country_names.get(code)


def _gpe(span: Span, table: ActorTable, lexicon: Lexicon, metonymic: dict | None) -> None:
    is_actor = _gpe_is_actor(span, metonymic) or _country_as_party(span, lexicon)
    if not is_actor:
        return
    capital = lexicon.capitals.get(span.text.lower())
    if capital:
        record = ActorRecord(name=f"{span.text} (government)", kind="country", country=capital,
                             sector="GOV", key=f"government:{capital}", definite=True)  # fmt: skip
        table.add(record, span)
        return
    code = country_code(span.text, lexicon)
    if code:
        table.add(country_record(code, span.text), span)


LOCATIVE_PREPS = {"in", "at", "near", "into", "across", "inside", "outside", "around", "toward",
                  "towards", "from", "throughout", "within", "via", "through", "to"}  # fmt: skip


# Prepositions after which a country is only where something happens ("fighting in Syria");
# after others it may also be a party ("withdraw from Lebanon", "aid to Sudan").
STRICTLY_LOCATIVE = {"in", "at", "near", "inside", "outside", "across", "throughout", "within", "around", "via", "through"}  # fmt: skip


def _country_as_party(span: Span, lexicon: Lexicon) -> bool:
    """A country is a party when it is a subject, or the object of a non-locative preposition."""
    if lexicon.capitals.get(span.text.lower()) or country_code(span.text, lexicon) is None:
        return False
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass", "dobj", "dative", "conj", "appos"):
        return True
    return root.dep_ == "pobj" and root.head.lower_ not in STRICTLY_LOCATIVE


def _gpe_is_actor(span: Span, metonymic: dict | None) -> bool:
    if metonymic is not None and (span.start_char, span.end_char) in metonymic:
        return metonymic[(span.start_char, span.end_char)]
    root = span.root
    if root.dep_ in ("compound", "amod", "nmod") and root.head.pos_ in ("NOUN", "PROPN"):
        return False  # "a US official": the phrase is the actor, found through its role noun
    if root.dep_ in ("pobj",) and root.head.lower_ in LOCATIVE_PREPS:
        return False
    if (
        root.dep_ == "poss"
        and root.head.pos_ == "NOUN"
        and root.head.lemma_
        in ("tunnel", "city", "street", "area", "border", "capital", "north", "south")
    ):
        return False
    return True


def _norp(span: Span, table: ActorTable, lexicon: Lexicon) -> None:
    """A bare plural demonym ('Israelis', 'Palestinians') names a people; a modifier does not."""
    if span.root.dep_ in ("amod", "compound") or span.root.tag_ not in ("NNPS", "NNS"):
        return
    code = country_code(span.text, lexicon)
    key = f"people:{code}"
    if code is None:  # "Iraqi Kurds", "Afghan Tajiks": a people without a state, placed
        code = _modifier_country(span.root, lexicon) or country_code(span[0].text, lexicon)
        key = f"people:{code}:{span.root.lower_}"
    if code:
        record = ActorRecord(name=span.text, kind="group", country=code, sector="CVL",
                             key=key, definite=True, plural=True)  # fmt: skip
        table.add(record, span)


def _titled_names(doc: Doc, table: ActorTable, lexicon: Lexicon) -> None:
    """'President Marta Quiroga Rivas' is a person even when NER misses the name."""
    for token in (doc[i] for i in indices_with(doc, "IS_TITLE")):
        if lexicon.role(token) is None:
            continue
        end = token.i + 1
        while end < len(doc) and end - token.i <= 4 and doc[end].pos_ == "PROPN" and doc[end].is_title:
            if end in table.by_token or lexicon.role(doc[end]) is not None:
                break
            end += 1
        if end - token.i >= 3 or (end - token.i == 2 and doc[token.i + 1].ent_type_ in ("", "PERSON")):
            _person(doc[token.i + 1 : end], table, lexicon)


# --- 3. role nouns -------------------------------------------------------------------------


def _role_mentions(doc: Doc, table: ActorTable, lexicon: Lexicon) -> None:
    for token in (doc[i] for i in indices_with_pos(doc, ("NOUN", "PROPN"))):
        if token.i in table.by_token:
            continue
        info = lexicon.role(token)
        if info is None or _predicative(token):
            continue
        if token.dep_ == "compound" and lexicon.role(token.head) is not None:
            continue  # "rebel leaders": one actor, found at its head noun
        info = _specific_role(token, info, lexicon)
        if _names_someone(token, table):
            continue
        span = _role_phrase(token)
        organization = _member_of(token, table)
        if organization is not None:  # "Hamas gunmen" are Hamas
            table.link(organization, span)
            continue
        countries = _phrase_countries(token, lexicon, table) or [None]
        holder = coref.title_holder(token, table, lexicon, countries[0])
        if holder is not None:  # "the prime minister", "the Syrian president"
            table.link(holder, span)
            continue
        for country in countries:
            _role_actor(token, span, info, country, table)


def _specific_role(token: Token, info: dict, lexicon: Lexicon) -> dict:
    """'rebel leaders', 'army officers': a role modifier gives the sector."""
    for child in token.children:
        if child.dep_ in ("compound", "amod"):
            modifier = lexicon.role(child)
            if modifier is not None and modifier.get("sector"):
                return {**info, "sector": modifier["sector"]}
    return info


def _predicative(token: Token) -> bool:
    """'X is a veteran diplomat', 'serve as a pilot': a role said of someone, not a new actor."""
    return token.dep_ in ("attr", "oprd") or (token.dep_ == "pobj" and token.head.lower_ == "as")


def _member_of(token: Token, table: ActorTable) -> ActorRecord | None:
    for child in token.children:
        if child.dep_ in ("compound", "nmod"):  # "Hamas gunmen", "the Taliban religious faction"
            actor = table.at(child.i)
            if (
                actor is not None
                and actor.kind in ("organization", "group")
                and actor.sector != "MED"
            ):
                return actor
    return None


def _names_someone(token: Token, table: ActorTable) -> bool:
    """'President Donald Trump', 'the envoy, Jane Roe': the role belongs to the name."""
    if token.dep_ == "compound" and token.head.i in table.by_token:
        _attach_role(table.at(token.head.i), token)
        return True
    for child in token.children:
        if child.dep_ == "appos" and child.i in table.by_token:
            _attach_role(table.at(child.i), token)
            return True
    if token.dep_ == "appos" and token.head.i in table.by_token:
        _attach_role(table.at(token.head.i), token)
        return True
    return False


def _attach_role(actor: ActorRecord | None, token: Token) -> None:
    if actor is None or actor.kind != "person":
        return
    lexicon = get_lexicon()
    info = lexicon.role(token) or {}
    actor.role = actor.role or token.text
    actor.sector = actor.sector or info.get("sector")
    actor.country = actor.country or _modifier_country(token, lexicon)


def _role_phrase(token: Token) -> Span:
    left = token.left_edge.i
    # "a source familiar with the details": keep the post-modifier; stop before a verb clause
    right = token.i
    for child in token.rights:
        if child.dep_ in ("amod", "prep", "acl") and child.pos_ != "VERB" and child.dep_ != "relcl":
            right = max(right, child.right_edge.i)
    return token.doc[left : right + 1]


def _phrase_countries(token: Token, lexicon: Lexicon, table: ActorTable) -> list[str]:
    """Countries named by modifiers: 'Israeli and Syrian officials' gives two."""
    codes = _modifier_countries(token, lexicon, table)
    if not codes and token.dep_ == "conj" and token.head.pos_ in ("NOUN", "PROPN"):
        # "Israeli helicopters and tanks": the second noun shares the first one's modifiers
        codes = _modifier_countries(token.head, lexicon, table)
    if not codes:  # "officials in Trump's administration", "officials of the Iranian government"
        for prep in (
            c for c in token.children if c.dep_ == "prep" and c.lower_ in ("in", "of", "from")
        ):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                for word in (pobj, *pobj.conjuncts):
                    code = (
                        word_country(word, lexicon)
                        or _possessed_country(word, table)
                        or place_country(word)  # "the government of Sindh province"
                    )
                    if code and code not in codes:
                        codes.append(code)
    return codes


def _modifier_countries(token: Token, lexicon: Lexicon, table: ActorTable) -> list[str]:
    codes: list[str] = []
    for child in token.children:
        if child.dep_ not in ("amod", "compound", "nmod", "poss", "nummod"):
            continue
        for word in (child, *child.conjuncts):
            code = word_country(word, lexicon)
            if code is None and word.dep_ == "poss":
                code = _possessor_country(word, table)
            if code and code not in codes:
                codes.append(code)
    return codes


def word_country(word: Token, lexicon: Lexicon) -> str | None:
    """The country a word names, alone or as the head of a name ('Coast' in 'Ivory Coast')."""
    code = country_code(word.text, lexicon)
    if code is not None or word.pos_ != "PROPN":
        return code
    left = word.i
    while left > 0 and word.doc[left - 1].dep_ == "compound" and word.doc[left - 1].head.i == left:
        left -= 1
    if left < word.i:
        return country_code(word.doc[left : word.i + 1].text, lexicon)
    return None


def place_country(word: Token) -> str | None:
    """The country of the place the places stage found at this word, if any."""
    for place in word.doc._.ng_places or []:
        if place.start <= word.idx < place.end and place.country:
            return place.country
    return None


def _possessor_country(token: Token, table: ActorTable) -> str | None:
    """The country of a possessor already known as an actor: "Trump's envoy"."""
    actor = table.at(token.i)
    return actor.country if actor is not None else None


def _possessed_country(token: Token, table: ActorTable) -> str | None:
    actor = table.at(token.i)
    if actor is not None and actor.country:
        return actor.country
    poss = next((c for c in token.children if c.dep_ in ("poss", "nmod")), None)
    return _possessor_country(poss, table) if poss is not None else None


def _role_actor(
    token: Token, span: Span, info: dict, country: str | None, table: ActorTable
) -> None:
    lemma = token.lemma_.lower()
    plural = token.tag_ in ("NNS", "NNPS")
    kind = info.get("kind") or ("organization" if info.get("institution") else "unnamed")
    determiner = next((c.lower_ for c in token.children if c.dep_ in ("det", "poss")), None)
    definite = (
        determiner in ("the", "this", "that", "these", "those") or determiner is None and not plural
    )
    record = ActorRecord(
        name=span.text if len(span.text) < 80 else token.text,
        kind=kind,
        country=country,
        sector=info.get("sector"),
        role=lemma,
        definite=definite,
        plural=plural,
    )
    if kind != "unnamed":
        record.key = f"{kind}:{country}:{info.get('sector')}:{lemma}"
    if definite and kind == "unnamed":
        earlier = coref.last_unnamed(table, lemma, country, token)
        if earlier is not None:
            table.link(earlier, span)
            return
    table.add(record, span)


# --- the component -------------------------------------------------------------------------


def find_actors(doc: Doc, lexicon: Lexicon | None = None) -> ActorTable:
    lexicon = lexicon or get_lexicon()
    table = ActorTable()
    _lexicon_mentions(doc, table, lexicon)
    _introduced_outlets(doc, table, lexicon)
    _entity_mentions(doc, table, lexicon)
    _places_ner_missed(doc, table, lexicon)
    _titled_names(doc, table, lexicon)
    coref.link_names(doc, table, lexicon)
    _role_mentions(doc, table, lexicon)
    coref.link_references(doc, table, lexicon)
    _assign_focus_country(table, _place_countries(doc, table))
    table.number()
    return table


DOMESTIC_SECTORS = {"GOV", "MIL", "JUD", "LEG", "OPP", "PTY", "COP", "SPY"}
# Insurgents, strikers and protesters are coded with the country they act in too
LOCAL_GROUP_SECTORS = {"REB", "OPP", "UAF", "PRM", "LAB", "AGR", "CVL"}


def _place_countries(doc: Doc, table: ActorTable) -> list[str]:
    """Countries of the places that are not actors: "the curfew in Sudan" counts for Sudan.

    A domestic story often names its country only as a location, and an unqualified
    "President X" there is that country's president.
    """
    claimed = {pair for actor in table.actors for pair in actor.mentions}
    return [
        p.country
        for p in doc._.ng_places or []
        if p.country and (p.start, p.end) not in claimed
    ]


def _assign_focus_country(table: ActorTable, places: list[str] | None = None) -> None:
    """An unqualified 'President X' or 'the Supreme Court' belongs to the article's country.

    Only when one country clearly dominates the article (more than half of all mentions of
    countries, places included), so an international story does not lend its main
    country to everyone.
    """
    counts: dict[str, int] = {}
    for actor in table.actors:
        if actor.country:
            counts[actor.country] = counts.get(actor.country, 0) + len(actor.mentions)
    for code in places or []:
        counts[code] = counts.get(code, 0) + 1
    if not counts:
        return
    focus, top = max(counts.items(), key=lambda item: item[1])
    if top * 2 <= sum(counts.values()):
        return
    for actor in table.actors:
        if actor.country is None and _domestic(actor):
            actor.country = focus


def _domestic(actor: ActorRecord) -> bool:
    if actor.kind == "group":  # "Shona rebels" in a story about Mozambique
        return actor.sector in LOCAL_GROUP_SECTORS
    return actor.sector in DOMESTIC_SECTORS or (
        actor.kind == "unnamed" and actor.sector in LOCAL_GROUP_SECTORS
    )


@Language.component("newsgraph_actors")
def actors_component(doc: Doc) -> Doc:
    doc._.ng_actors = find_actors(doc)
    return doc
