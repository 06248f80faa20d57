"""The `clean` stage (minimal until the cleaner lands): first line is the title."""

from rasid.article import Article


def clean_stage(article: Article) -> Article:
    """Split title from body (minimal version)."""
    lines = article.raw.strip().splitlines()
    article.title = lines[0].strip() if lines else ""
    article.text = "\n".join(lines[1:]).strip()
    return article
