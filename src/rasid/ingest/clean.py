"""The `clean` stage: raw input (page text, HTML or page-data JSON) -> body, title, meta.

Which reader runs is decided from the raw text itself: page-data JSON (an object with
content blocks), HTML (markup at the start), otherwise text copied from a page. The body
keeps the input's characters; what is not body (captions, datelines, link lists, widgets)
is moved into `article.meta`. A title already on the article (from JSONL) is kept. When
the article has no publication date and the page states one, it is set (ISO), with
`meta["published_source"]` saying where it came from.
"""

from __future__ import annotations

import re
from typing import Any

from rasid.article import Article
from rasid.ingest.html import extract_html, looks_like_html
from rasid.ingest.pagedata import extract_page_data, parse_page_data
from rasid.ingest.textpage import clean_lines

_NON_LETTER = re.compile(r"[\W\d_]+")
_AR_LETTERS = re.compile(r"[\u0600-\u06ff\ufb50-\ufeff]")


def _language_hint(text: str) -> dict[str, Any]:
    """Share of Arabic letters among letters; `ar` when most letters are Arabic."""
    letters = _NON_LETTER.sub("", text)  # regexes, not a Python loop: pages can be long
    if not letters:
        return {"arabic_ratio": 0.0}
    share = len(_AR_LETTERS.findall(letters)) / len(letters)
    hint: dict[str, Any] = {"arabic_ratio": round(share, 3)}
    if share >= 0.6:
        hint["language_detected"] = "ar"
    return hint


def clean_page(raw: str, title: str | None = None, *, body_only: bool = False
               ) -> tuple[str | None, str, dict[str, Any]]:
    """(title, body, meta) for any supported raw input; `meta["format"]` names the reader.

    `body_only` says the text is already an article body (a JSONL `text` field), so its
    first line is not taken for a title.
    """
    data = parse_page_data(raw)
    if data is not None:
        return extract_page_data(data, title=title)
    if looks_like_html(raw):
        t, body, meta = extract_html(raw, title=title)
        meta["format"] = "html"
        return t, body, meta
    t, body, meta = clean_lines(raw, title=title, take_title=not body_only)
    meta["format"] = "text"
    meta["page_kind"] = "article" if body else "empty"
    return t, body, meta


def clean_stage(article: Article) -> Article:
    """Split the raw input into clean body, title and metadata (see module docstring)."""
    title, text, meta = clean_page(article.raw or "", article.title,
                                   body_only=bool(article.meta.pop("body_only", False)))
    article.title = title
    article.text = text
    meta.update(_language_hint(text))
    # Input metadata (outlet, url from JSONL/WARC) wins over what the page says.
    merged = {**meta, **article.meta}
    if article.published is None and meta.get("page_published"):
        article.published = meta["page_published"]
        merged.setdefault("published_source", "page")
    elif article.published is None and article.meta.get("crawl_date"):
        # WARC: the crawl time bounds the publication time; flagged so it can be told apart.
        article.published = article.meta["crawl_date"]
        merged["published_source"] = "warc crawl date (page gave none)"
    article.meta = merged
    return article
