"""Quote search: every quote of a speaker across processed articles or output records."""

from __future__ import annotations

from typing import Any, Iterable

from rasid.article import Article
from rasid.text.normalize import key_variants, normalize


def _records(items: Iterable[Article | dict[str, Any]]) -> Iterable[dict[str, Any]]:
    """Output records from Articles or records (as written by `rasid process`)."""
    for item in items:
        yield item.to_record() if isinstance(item, Article) else item


def _arabic_keys(text: str) -> set[str]:
    """Matching forms of an Arabic name: normalised, with and without a leading clitic / ال."""
    keys = set()
    for k in key_variants(text):
        keys.add(k)
        if k.startswith("ال") and len(k) > 4:
            keys.add(k[2:])
    return {k for k in keys if k}


def speaker_matches(quote: dict[str, Any], speaker: str) -> bool:
    """True when `speaker` (Arabic in any spelling, or English) names the quote's speaker."""
    query = speaker.strip()
    if not query:
        return False
    en = (quote.get("speaker_en") or "").casefold()
    if query.casefold() in en and en:
        return True
    ar = quote.get("speaker_text") or ""
    if not ar:
        return False
    words_list = normalize(ar).split()
    bare = [w[2:] if w.startswith("ال") and len(w) > 4 else w for w in words_list]
    target = " " + " ".join(words_list) + " " + " ".join(bare) + " "
    words = set(words_list)
    for key in _arabic_keys(query):
        # Whole-word containment both ways: `زاخاروفا` finds `ماريا زاخاروفا`, and the full
        # name finds a quote whose speaker is given by surname only.
        if f" {key} " in target or (len(key.split()) > 1 and words and
                                    words <= set(key.split()) and len(words) >= 1):
            return True
    return False


def find_quotes(records_or_articles: Iterable[Article | dict[str, Any]], speaker: str) -> list[dict]:
    """Every quote whose speaker matches `speaker`, with the article id, source and date."""
    out: list[dict] = []
    for rec in _records(records_or_articles):
        for q in rec.get("quotes", []):
            if speaker_matches(q, speaker):
                out.append({**q, "article_id": rec.get("id"), "source": rec.get("source"),
                            "published": rec.get("published")})
    return out
