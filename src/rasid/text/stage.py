"""The `sentences` stage: sentence spans and tokens cached on the article."""

from __future__ import annotations

from rasid.article import Article
from rasid.text.sentences import split_sentences
from rasid.text.tokens import tokenize


def sentences_stage(article: Article) -> Article:
    """Split the clean text into sentences and tokens (kept in `article.cache`)."""
    spans = split_sentences(article.text)
    article.cache["sentences"] = spans
    article.cache["tokens"] = tokenize(article.text)
    return article
