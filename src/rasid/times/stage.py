"""The `times` stage: tag time expressions in Article.text and resolve them against `published`.

Rules for what is recorded and how bare weekdays and relative words are resolved are in
`rasid.times.tagger` (module docstring) and `rasid.times.context` (tense cues).
"""

from rasid.article import Article
from rasid.times.tagger import tag


def times_stage(article: Article) -> Article:
    """Assign `article.times`: every calendar-placeable time expression with its ISO value."""
    article.times = tag(article.text or "", article.published)
    return article
