"""The library's front door: extract one article or a stream of them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph import pipeline
from newsgraph.extract.assemble import to_result
from newsgraph.model import Article, ArticleResult

MAX_CHARS = 1_000_000  # spaCy's own default limit; longer texts are refused, not truncated


class ArticleError(ValueError):
    """An article cannot be extracted (empty, too long, not English); the message says why."""


def _published(article: Article) -> date | None:
    if not article.published:
        return None
    try:
        return date.fromisoformat(article.published[:10])
    except ValueError as error:
        raise ArticleError(f"bad published date {article.published!r}; use YYYY-MM-DD") from error


def check(article: Article) -> None:
    """Raise ArticleError for an article extraction cannot handle."""
    if not article.text or not article.text.strip():
        raise ArticleError("empty text")
    if len(article.text) > MAX_CHARS:
        raise ArticleError(
            f"text is {len(article.text):,} characters; the limit is {MAX_CHARS:,} (split it)"
        )
    _published(article)


def make_doc(nlp: Language, article: Article) -> Doc:
    doc = nlp.make_doc(article.text)
    doc._.ng_meta = {
        "published": _published(article),
        "outlet": article.outlet,
        "title": article.title,
        "url": article.url,
    }
    return doc


def extract(article: Article | str, model: str = pipeline.DEFAULT_MODEL) -> ArticleResult:
    """Extract one article (or a plain text) into an ArticleResult."""
    if isinstance(article, str):
        article = Article(text=article)
    check(article)
    nlp = pipeline.build(model)
    return to_result(nlp(make_doc(nlp, article)), article)


def extract_many(
    articles: Iterable[Article],
    model: str = pipeline.DEFAULT_MODEL,
    n_process: int = 1,
    batch_size: int = 16,
) -> Iterator[ArticleResult]:
    """Extract a stream of valid articles in order, batched; with ``n_process`` above one,
    in worker processes that each parse and assemble (see :mod:`newsgraph.workers`).

    Call :func:`check` on each article first: an invalid one here raises ArticleError.
    """
    if n_process > 1:
        yield from _extract_in_processes(list(articles), model, n_process, batch_size)
        return
    nlp = pipeline.build(model)
    pairs = ((make_doc(nlp, a), a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield to_result(doc, article)


def _extract_in_processes(
    articles: list[Article], model: str, n_process: int, batch_size: int
) -> Iterator[ArticleResult]:
    from newsgraph.workers import ProcessPool, unwrap

    with ProcessPool(n_process, model, batch_size) as pool:
        for _, outcome in pool.outcomes(articles):
            yield unwrap(outcome)
