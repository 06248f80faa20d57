"""The `entities` stage (placeholder until the entity recogniser lands: empty layers)."""

from rasid.article import Article


def entities_stage(article: Article) -> Article:
    """Tag entities and role phrases (not built yet: leaves the layers empty)."""
    return article
