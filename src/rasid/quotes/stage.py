"""The `quotes` stage (placeholder until the quote finder lands: empty layer)."""

from rasid.article import Article


def quotes_stage(article: Article) -> Article:
    """Find and attribute reported speech (not built yet: leaves the layer empty)."""
    return article
