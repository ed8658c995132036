"""The pipeline's tokenizer, for articles: paragraphs and headlines.

Two things the parser gets wrong in articles, fixed before it runs:

- **Paragraphs.** The parser may run a headline or a paragraph into the next one, and a
  cue then takes the wrong clause. A line after a blank line, or after a line that ends
  a sentence or is a headline, starts a sentence (the parser keeps sentence starts it is
  given).
- **Headlines In Title Case.** The tagger reads "Christie Says He Would Issue A
  Quarantine" as a string of names, so a headline's verb, speaker and event are lost.
  Each title-case line is handed to the parser in sentence case, and the
  ``newsgraph_cased`` component then puts the article's own words back, keeping every
  tag, parse and entity. Only letter case changes, so every token keeps its offsets.

A word of a title-case line stays capitalized when the article writes it capitalized in
mid-sentence ("Zika", "Christie"), when it is the line's first word, or when it is an
acronym or mixes case ("FBI", "McCain"). Other words are lowered, except that a headline
with little or no body (under 40 words) lowers only closed-class words ("A", "He",
"Would") and words the article itself writes in lower case: it has not had the chance
to name its people again, so an unknown capitalized word may be a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*")
LINE = re.compile(r"[^\n]+")

# Words a title capitalizes that a sentence would not; they do not count as evidence
# that a line is in title case.
MINOR = frozenset(
    "a an the of in on at to for and or but nor with by from as is are into over up "
    "out off via vs de da del di du la le al el bin van von der".split()
)

# Words a sentence writes in lower case whatever the article: articles, pronouns,
# auxiliaries, prepositions and conjunctions. Other words are lowered only where the
# article itself writes them so, which keeps the names of a headline with no body.
CLOSED_CLASS = MINOR | frozenset(
    "he she it they we i you his her its their our my your him them us this that these "
    "those who what which when where why how will would can could should may might must "
    "shall has have had was were be been being do does did not no after before about "
    "against over under than then if so just also says said".split()
)

ATTRS = [TAG, POS, MORPH, DEP, HEAD, LEMMA, ENT_IOB, ENT_TYPE]
ORIGINAL = "ng_cased_from"
TEXT = "ng_text"  # where newsgraph.extract.doc_text keeps a Doc's text


def title_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line written in title case."""
    found = []
    for match in LINE.finditer(text):
        words = WORD.findall(match.group())
        major = [w for w in words if w.lower() not in MINOR]
        if len(words) < 4 or len(major) < 3:
            continue
        # Every major word capitalized: one lower-case verb ("met") makes it a sentence.
        capitalized = all(w[0].isupper() for w in major)
        shouting = sum(w.isupper() and len(w) > 1 for w in major)
        if capitalized and shouting < len(major) / 2:
            found.append(match.span())
    return found


@dataclass
class Usage:
    """How the article writes words outside its title lines."""

    names: set[str] = field(default_factory=set)  # capitalized in mid-sentence
    lower: set[str] = field(default_factory=set)  # written in lower case
    body_words: int = 0


# A body this long names again, in mid-sentence, whoever its headline names.
BODY_WORDS = 40


def _usage(text: str, lines: list[tuple[int, int]]) -> Usage:
    usage = Usage()
    pieces, last = [], 0
    for start, end in lines:
        pieces.append(text[last:start])
        last = end
    pieces.append(text[last:])
    for piece in pieces:
        for match in WORD.finditer(piece):
            word = match.group().rstrip(".")
            usage.body_words += 1
            if not word[0].isupper():
                usage.lower.add(word)
            elif _mid_sentence(piece, match.start()):
                usage.names.add(word)
    return usage


def _mid_sentence(text: str, at: int) -> bool:
    """Whether the word at ``at`` follows other words of its sentence."""
    i = at - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return i >= 0 and text[i] not in ".!?:\"“‘'"


def _lowered(word: str, first: bool, usage: Usage) -> bool:
    """Whether a title-case word is written in lower case in a sentence: the article
    writes it so, it is a closed-class word ("A", "He", "Would"), or the article has a
    body long enough to have named it in mid-sentence and does not."""
    bare = word.rstrip(".")
    if first or bare in usage.names or not bare[:1].isupper() or any(c.isupper() for c in bare[1:]):
        return False  # the first word, a name, or an acronym or mixed case ("FBI", "McCain")
    lowered = bare.lower()
    return usage.body_words >= BODY_WORDS or lowered in usage.lower or lowered in CLOSED_CLASS


def sentence_case(text: str, lines: list[tuple[int, int]] | None = None) -> str:
    """``text`` with its title-case lines in sentence case; same length, same offsets."""
    lines = title_lines(text) if lines is None else lines
    if not lines:
        return text
    usage = _usage(text, lines)
    chars = list(text)
    for start, end in lines:
        for n, match in enumerate(WORD.finditer(text, start, end)):
            word = match.group()
            if _lowered(word, n == 0, usage):
                chars[match.start()] = word[0].lower()
    return "".join(chars)


# A line that ends with one of these ends its sentence.
SENTENCE_END = frozenset(".!?\"”’':")


def mark_paragraphs(doc: Doc, headline_ends: set[int], text: str) -> None:
    """Start a sentence at each paragraph: after a blank line, or after a line that ends
    a sentence or is a headline. A single line break inside a sentence (wrapped text)
    is left to the parser. ``text`` is the Doc's text."""
    # Runs on every article before the parse: arrays, not a Token per word.
    starts = doc.to_array("IDX").tolist()
    lengths = doc.to_array("LENGTH").tolist()
    spaces = doc.to_array("IS_SPACE").tolist()
    sent_starts = doc.to_array("SENT_START")
    end = None  # where the last token that is not whitespace ends
    for i, start in enumerate(starts):
        if spaces[i]:
            continue
        if end is not None and end < start:
            breaks = text.count("\n", end, start)
            if breaks > 1 or breaks and (text[end - 1] in SENTENCE_END or end in headline_ends):
                sent_starts[i] = 1
        end = start + lengths[i]
    # One write: setting a Token's sentence start checks the whole Doc each time.
    doc.from_array(["SENT_START"], sent_starts.reshape(-1, 1))


class ArticleTokenizer:
    """The pipeline's tokenizer, fed title-case lines in sentence case, with a sentence
    start at each paragraph. The original text rides along in ``user_data`` until
    ``newsgraph_cased`` restores it."""

    def __init__(self, tokenizer) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        lines = title_lines(text)
        cased = sentence_case(text, lines)
        doc = self.tokenizer(cased)
        mark_paragraphs(doc, {start + len(text[start:end].rstrip()) for start, end in lines}, cased)
        if cased != text:
            doc.user_data[ORIGINAL] = text
        doc.user_data[TEXT] = cased  # the Doc's text, so no stage joins its tokens again
        return doc

    def __getattr__(self, name: str):
        # pipe(), infix_finditer, to_disk ... belong to the wrapped tokenizer. (Unpickling
        # asks before ``tokenizer`` is set.)
        if name == "tokenizer":
            raise AttributeError(name)
        return getattr(self.tokenizer, name)


@Language.component("newsgraph_cased")
def restore_case(doc: Doc) -> Doc:
    """The same Doc with the article's own words: same tokens, tags, parse, entities."""
    original = doc.user_data.pop(ORIGINAL, None)
    if original is None:
        return doc
    starts, lengths = doc.to_array("IDX").tolist(), doc.to_array("LENGTH").tolist()
    words = [original[start : start + length] for start, length in zip(starts, lengths, strict=True)]
    spaces = [bool(space) for space in doc.to_array("SPACY").tolist()]
    restored = Doc(doc.vocab, words=words, spaces=spaces)
    restored.from_array(ATTRS, doc.to_array(ATTRS))
    restored.user_data.update(doc.user_data)
    restored.user_data[TEXT] = original
    return restored
