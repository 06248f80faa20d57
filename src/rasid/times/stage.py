"""The `times` stage (placeholder until the time tagger lands: empty layer)."""

from rasid.article import Article


def times_stage(article: Article) -> Article:
    """Tag and resolve time expressions (not built yet: leaves the layer empty)."""
    return article
