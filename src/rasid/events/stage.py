"""The `events` stage (placeholder until the event coder lands: empty layer)."""

from rasid.article import Article


def events_stage(article: Article) -> Article:
    """Code PLOVER events (not built yet: leaves the layer empty)."""
    return article
