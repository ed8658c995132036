"""Direct quotations: quote marks paired over the text, quotes as contents, and quotes
that continue a statement without a cue of their own."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsgraph.extract import doc_text
from newsgraph.extract.attribution import StatementMention
from newsgraph.extract.cues import cue_lemma, cue_span, lexicon
from newsgraph.extract.spans import CharSpan

OPEN_QUOTES = '“"«'

CLOSE_QUOTES = '”"»'

# Some papers write quotes with doubled apostrophes (''Yes,'' she said) or TeX-style
# ``Yes,'' marks; a lone apostrophe is a possessive or an elision, never a quote.
PAIRED_MARKS = ("''", "``")

QUOTE_MARK = re.compile(r"''|``|[“”\"«»]")

# Below this many word tokens, quoted text is a scare quote or a title, not a statement.
MIN_QUOTE_WORDS = 4


def find_quotes(text: str) -> list[CharSpan]:
    """Inner spans of quoted passages; curly marks pair, straight marks toggle.

    A quote left open at the end of a paragraph closes there (news style reopens the
    quote on the next paragraph, which becomes its own passage).
    """
    spans: list[CharSpan] = []
    for para in re.finditer(r"[^\n]+", text):
        start: int | None = None
        for m in QUOTE_MARK.finditer(para.group()):
            pos, mark = para.start() + m.start(), m.group()
            if start is None and (mark in OPEN_QUOTES or mark in PAIRED_MARKS):
                start = pos + len(mark)
            elif start is not None and (
                mark in CLOSE_QUOTES or mark == "''" or _misturned(para.group(), m.start())
            ):
                spans.append((start, pos))
                start = None
        if start is not None:
            spans.append((start, para.end()))
    return [t for t in (_strip(text, s) for s in spans) if t[1] > t[0]]


def _misturned(para: str, pos: int) -> bool:
    """An opening mark typed where a closing one belongs: after punctuation and before a
    space or the end of the paragraph ("“It's unusual,“ said Lee")."""
    after = para[pos + 1 : pos + 2]
    return para[pos] == "“" and pos > 0 and para[pos - 1] in ",.?!" and after in {"", " "}


def _strip(text: str, span: CharSpan) -> CharSpan:
    """Drop the spaces and the comma a quote often ends with ("“...,” he said")."""
    start, end = span
    while start < end and text[start] in " \t,":
        start += 1
    while end > start and text[end - 1] in " \t,;:":
        end -= 1
    return start, end


def _quote_words(text: str, span: CharSpan) -> int:
    return len(re.findall(r"\w+", text[span[0] : span[1]]))


def kind_and_content(
    doc: Doc, content: CharSpan, quotes: list[CharSpan], cue: CharSpan
) -> tuple[str, CharSpan]:
    for q in quotes:
        if q[0] <= cue[0] < q[1]:
            # A cue quoted inside someone else's words keeps its own clause.
            return ("direct" if q[0] <= content[0] and content[1] <= q[1] else "mixed"), content
    for q in quotes:
        # Inside a quote (perhaps with the marks): direct, and the content is the quote.
        if q[0] - 2 <= content[0] and content[1] <= q[1] + 2:
            return "direct", q
        if content[0] <= q[0] and q[1] <= content[1]:
            outside = doc_text(doc)[content[0] : q[0] - 1] + doc_text(doc)[q[1] + 1 : content[1]]
            if re.search(r"\w", outside):
                return "mixed", content
            return "direct", q
    for q in quotes:
        if q[0] < content[1] and content[0] < q[1]:
            return "mixed", content
    return "indirect", content


def adjacent_quote(
    verb: Token, source_tok: Token | None, quotes: list[CharSpan], cue: CharSpan | None = None
) -> CharSpan | None:
    """A quote right before the cue clause ("“Okay,” I said") or right after it.
    ``cue`` is the verb's cue span when the caller has it already."""
    text = doc_text(verb.doc)
    left = verb.idx
    if source_tok is not None:
        left = min(left, min(t.idx for t in source_tok.subtree))
    # After the whole cue: "said in a statement. “...”".
    right = max(verb.idx + len(verb), (cue or cue_span(verb))[1])
    for q in quotes:
        before = text[q[1] : left]
        if q[1] <= left and "\n" not in before and not re.search(r"\w", before):
            return q
        after = text[right : q[0]]
        if q[0] >= right and "\n\n" not in after.strip(" ") and not re.search(r"\w", after):
            return q
        if q[0] >= right and _short_lead_in(after):
            return q  # "she asked at the town hall, “Any questions?”"
    return None


def _short_lead_in(text: str) -> bool:
    """A few words of setting between a cue and its quote, ending in a comma or colon."""
    text = text.rstrip(' \u201c"')
    return "\n" not in text and len(text) < 50 and text.endswith((",", ":")) and "." not in text


# "“We will win.” ― Ann Lee" or "... — Ann Lee, a nurse": a quote signed with a dash
# and the speaker's name, the rest of its line (or up to the next quote, in a list of
# quotes run together). The name starts with a capital.
SIGNATURE = re.compile(
    r"[,.;:!?]*(?:''|[”\"»])[ \t]*(?P<dash>[―—–]|--)[ \t]*"
    r"(?P<name>[A-Z][^\n“”\"]{1,80}?)[ \t]*[.]?[ \t]*(?=\n|$|[“\"])"
)


def signed_quotes(doc: Doc, quotes: list[CharSpan]) -> list[StatementMention]:
    """Quotes signed with a dash and a name, as in pull quotes and lists of reactions."""
    text = doc_text(doc)
    found = []
    for q in quotes:
        match = SIGNATURE.match(text, q[1])
        if match is None or _quote_words(text, q) < MIN_QUOTE_WORDS:
            continue
        found.append(
            StatementMention(
                cue=match.span("dash"), content=q, source=match.span("name"),
                source_head=_name_head(doc, match.span("name")), kind="direct",
            )
        )  # fmt: skip
    return found


def _name_head(doc: Doc, span: CharSpan) -> int | None:
    name = doc.char_span(*span, alignment_mode="expand")
    return name.root.i if name is not None else None


def quote_statements(
    doc: Doc, quotes: list[CharSpan], found: list[StatementMention]
) -> list[StatementMention]:
    """Quotes no cue claimed yet: split quotes, 'X said:' before a quote, continuations."""
    extra: list[StatementMention] = []
    for q in quotes:
        if _quote_words(doc_text(doc), q) < MIN_QUOTE_WORDS:
            continue
        if any(s.content[0] < q[1] and q[0] < s.content[1] for s in found + extra):
            continue
        if any(s.source and s.source[0] <= q[0] and q[1] <= s.source[1] for s in found):
            continue  # a title in a source's description ("author of “Ends and Means”")
        owner = _nearby_statement(doc, q, found + extra)
        if owner is None:
            continue
        extra.append(
            StatementMention(
                cue=owner.cue,
                content=q,
                source=owner.source,
                source_head=owner.source_head,
                kind="direct",
                via=list(owner.via),
                hedged=owner.hedged,
                hedge=owner.hedge,
            )
        )
    return extra


def _nearby_statement(
    doc: Doc, q: CharSpan, found: list[StatementMention]
) -> StatementMention | None:
    """The statement a cue-less quote belongs to: same sentence, or just before it."""
    gap_before = [s for s in found if s.cue[1] <= q[0]]
    gap_after = [s for s in found if s.cue[0] >= q[1]]
    described = _described_speaker(doc, q, gap_before)
    if described is not None:
        return described
    if gap_before:
        prev = max(gap_before, key=lambda s: s.cue[1])
        between = doc_text(doc)[prev.cue[1] : q[0]]
        # "he said, “B.”" or "she said:" then the quote, or a following quoted paragraph.
        if len(between) < 40 or (
            prev.kind == "direct"
            and between.rstrip().endswith(tuple(CLOSE_QUOTES + "."))
            and between.count("\n") >= 1
            and "\n" in doc_text(doc)[prev.content[1] : q[0]]
            and _only_quotes_between(doc_text(doc), prev.content[1], q[0])
        ):
            return prev
    if gap_after:
        nxt = min(gap_after, key=lambda s: s.cue[0])
        if nxt.cue[0] - q[1] < 30:
            return nxt
    return None


def _only_quotes_between(text: str, start: int, end: int) -> bool:
    """Nothing but punctuation, whitespace and the cue clause between two quotes."""
    between = text[start:end]
    return "\n" in between and len(between.strip(' \n“”".,')) < 60


# At most this many characters of speaker description between a quote's closing
# attribution and the quote that continues it.
MAX_DESCRIPTION = 250


def _described_speaker(
    doc: Doc, q: CharSpan, before: list[StatementMention]
) -> StatementMention | None:
    """The quoted speaker whose description ends right before ``q``, even if that
    description holds cues of its own ("who endorsed the mayor"): those describe the
    speaker and do not take the quote."""
    text = doc_text(doc)
    for prev in sorted(before, key=lambda s: s.cue[1], reverse=True):
        if _described_speaker_between(text, prev, q):
            return prev
        if not _relative_speaker(doc, prev):
            return None
    return None


def _relative_speaker(doc: Doc, statement: StatementMention) -> bool:
    """A statement of "who" or "which", inside a description of someone, that does not
    speak: "who said he left" reports words of its own, and a quote after it is those."""
    head = statement.source_head
    if head is None or doc[head].tag_ not in {"WP", "WDT", "WP$"}:
        return False
    cue = doc.char_span(*statement.cue, alignment_mode="expand")
    return cue is None or all(cue_lemma(t) not in lexicon().speaking_verbs for t in cue)


def _described_speaker_between(text: str, prev: StatementMention, q: CharSpan) -> bool:
    """A quote closed by its attribution, however long the speaker's description, goes
    on in the next sentence of the paragraph: in "“A,” said Ann Lee, a nurse who has
    worked there for years. “B.”" the next quote is the same speaker's."""
    if prev.kind != "direct" or not prev.content[1] <= prev.cue[0]:
        return False
    closing = text[prev.content[1] : prev.cue[0]]
    if "\n" in closing or "." in closing or len(closing) > 60:
        return False  # the cue closes the quote: "“A,” the nurse said"
    between = text[prev.cue[1] : q[0]]
    description, _, opening = between.rpartition(".")
    return (
        "\n" not in between
        and len(between) <= MAX_DESCRIPTION
        and not QUOTE_MARK.search(description)
        and opening.strip() in set(OPEN_QUOTES) | set(PAIRED_MARKS)
    )
