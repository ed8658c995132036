"""Token and character spans shared by the statement rules: paragraphs, subtrees,
trimmed character spans."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from spacy.tokens import Doc, Token

from newsgraph.extract import doc_text

CharSpan = tuple[int, int]

NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})


def trimmed(doc: Doc, indices: set[int]) -> CharSpan | None:
    """Char span from the first to the last token, dropping edge punctuation."""
    if not indices:
        return None
    lo, hi = min(indices), max(indices)
    while lo <= hi and _edge_mark(doc[lo], '“"'):
        lo += 1
    while hi >= lo and _edge_mark(doc[hi], '”"'):
        hi -= 1
    if lo > hi:
        return None
    last = doc[hi]
    return doc[lo].idx, last.idx + len(last)


def _edge_mark(tok: Token, kept: str) -> bool:
    """Punctuation or space to trim off a span's edge; an opening or closing quote mark
    (``kept``) stays with the quote."""
    return (tok.is_punct or tok.is_space) and tok.text not in kept


def span_text(doc: Doc, indices: set[int]) -> str:
    """The text from the first to the last of the tokens, gaps included."""
    if not indices:
        return ""
    last = doc[max(indices)]
    return doc_text(doc)[doc[min(indices)].idx : last.idx + len(last)]


def paragraphs(doc: Doc) -> list[int]:
    """Paragraph number of each token; the parser may run a title into the next line."""
    cached = doc.user_data.get("ng_paragraphs")
    if cached is None or len(cached) != len(doc):
        cached, para = [], 0
        for tok in doc:
            if "\n" in tok.text and tok.is_space:
                para += 1
            cached.append(para)
            if "\n" in tok.whitespace_:
                para += 1
        doc.user_data["ng_paragraphs"] = cached
    return cached


def subtree(tok: Token, exclude: set[int] = frozenset()) -> set[int]:
    """The token's subtree within its paragraph, minus ``exclude``."""
    memo = tok.doc.user_data.get(SUBTREES)
    if memo is None:
        return _subtree(tok) - exclude
    found = memo.get(tok.i)
    if found is None:
        found = memo[tok.i] = frozenset(_subtree(tok))
    return set(found) - exclude  # a set of the caller's own, to change as it likes


def _subtree(tok: Token) -> set[int]:
    paras = paragraphs(tok.doc)
    return {t.i for t in tok.subtree if paras[t.i] == paras[tok.i]}


# Where ``fixed_parse`` keeps the subtrees asked for.
SUBTREES = "ng_subtrees"


@contextmanager
def fixed_parse(doc: Doc) -> Iterator[None]:
    """While rules only read the parse, each subtree is built once: the statement rules
    ask for the same ones many times over."""
    doc.user_data[SUBTREES] = {}
    try:
        yield
    finally:
        doc.user_data.pop(SUBTREES, None)


def prep_object(prep: Token) -> set[int]:
    objs = [c for c in prep.children if c.dep_ in {"pobj", "pcomp"}]
    return subtree(objs[0]) if objs else set()


def rest_of_paragraph(tok: Token) -> set[int]:
    """Tokens after ``tok`` up to the paragraph's end, or the next paragraph if none."""
    doc, paras = tok.doc, paragraphs(tok.doc)
    para = paras[tok.i]
    rest = {i for i in range(tok.i + 1, len(doc)) if paras[i] == para and not doc[i].is_space}
    if not rest:
        nxt = next((i for i in range(tok.i + 1, len(doc)) if not doc[i].is_space), None)
        if nxt is not None:
            rest = {i for i in range(nxt, len(doc)) if paras[i] == paras[nxt]}
    return rest


def span_tokens(doc: Doc, span: CharSpan) -> list[Token]:
    found = doc.char_span(span[0], span[1], alignment_mode="expand")
    return list(found) if found is not None else []


def indices_with_pos(doc: Doc, tags: tuple[str, ...]) -> list[int]:
    """Token indices with one of the coarse tags; one array read instead of a Token each."""
    wanted = {doc.vocab.strings[tag] for tag in tags}
    return [i for i, pos in enumerate(doc.to_array("POS").tolist()) if pos in wanted]


def indices_with(doc: Doc, flag: str) -> list[int]:
    """Token indices where a lexical flag ("IS_TITLE", "IS_UPPER") is set; one array read."""
    return [i for i, value in enumerate(doc.to_array(flag).tolist()) if value]


def indices_with_lower(doc: Doc, words: tuple[str, ...]) -> list[int]:
    """Token indices whose lowercase form is one of the words; one array read."""
    wanted = {doc.vocab.strings[word] for word in words}
    return [i for i, low in enumerate(doc.to_array("LOWER").tolist()) if low in wanted]


def main_verb(verb: Token) -> bool:
    """The sentence's main verb: its root, or a clause on a root noun in a sentence the
    parser gave no verb ("Lee, an aide, called the plan reckless" parsed as a noun
    phrase)."""
    if verb.dep_ == "ROOT":
        return True
    return verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and verb.head.pos_ in NOMINAL


def text_before(tok: Token) -> str:
    """The token right before the phrase ``tok`` heads ("" at the start of the doc): the
    comma, dash or quote mark that sets a clause off."""
    first = tok.left_edge.i
    return tok.doc[first - 1].text if first > 0 else ""


def between_commas(doc: Doc, first: int, last: int) -> bool:
    """Whether tokens ``first`` to ``last`` stand between two commas: "X, the records
    show, Y" or "X, according to Y, Z"."""
    return 0 < first and last + 1 < len(doc) and doc[first - 1].text == doc[last + 1].text == ","
