"""rasid (راصد): Arabic news to political event data, offline and explainable."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from rasid.article import Article, Entity, Event, Quote, Role, TimeExpr

if TYPE_CHECKING:  # the pipeline imports every stage lazily; only type checkers need it here
    from rasid.pipeline import Pipeline

__version__ = "0.1.0"
__all__ = ["Article", "Entity", "Event", "Quote", "Role", "TimeExpr", "process", "get_pipeline"]


@lru_cache(maxsize=8)
def get_pipeline(stages: tuple[str, ...] | None = None) -> Pipeline:
    """The (cached) pipeline for the given stage names, default all registered stages."""
    from rasid.pipeline import Pipeline

    return Pipeline.build(stages) if stages else Pipeline.build()


def process(text_or_html: str, published: str | None = None, *, id: str | None = None,
            source: str | None = None, stages: tuple[str, ...] | None = None) -> Article:
    """Analyse one article given as page text or HTML; `published` is its ISO date."""
    article = Article(raw=text_or_html, published=published, id=id, source=source)
    return get_pipeline(stages)(article)
