"""Structured page data (JSON with content blocks, as BBC's CPS/Optimo assets) -> article.

Paragraph and crosshead blocks make the body, in order; image blocks give captions and
credits; list blocks whose items point at other stories are related links; metadata gives
the publication time (epoch ms), tags/topics, reading time and language. Any JSON object
with a `content.blocks` (or top-level `blocks`) list of typed blocks is accepted.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

from rasid.ingest.dates import normalize_date
from rasid.ingest.textpage import clean_lines, new_meta

_TAGS = re.compile(r"<[^>]+>")
_BODY_TYPES = {"paragraph", "crosshead", "subheadline", "heading"}


def _plain(s: Any) -> str:
    """Block text without markup, entities decoded, whitespace trimmed."""
    return html.unescape(_TAGS.sub("", s)).strip() if isinstance(s, str) else ""


def _blocks(data: dict[str, Any]) -> list[dict[str, Any]] | None:
    """The typed block list of a page-data object, if it has one."""
    content = data.get("content")
    blocks = content.get("blocks") if isinstance(content, dict) else data.get("blocks")
    if isinstance(blocks, list) and any(isinstance(b, dict) and "type" in b for b in blocks):
        return blocks
    return None


def parse_page_data(raw: str) -> dict[str, Any] | None:
    """The JSON object if `raw` is page data with content blocks, else None."""
    s = raw.lstrip()
    if not s.startswith("{"):
        return None
    try:
        data = json.loads(s)
    except ValueError:
        return None
    return data if isinstance(data, dict) and _blocks(data) is not None else None


def _related(block: dict[str, Any]) -> list[str]:
    """Headlines of a list block that links to other stories."""
    out = []
    for item in block.get("items") or []:
        for m in item.get("meta") or [] if isinstance(item, dict) else []:
            h = (m.get("headlines") or {}) if isinstance(m, dict) else {}
            t = h.get("headline") or h.get("shortHeadline")
            if isinstance(t, str):
                out.append(_plain(t))
    return out


def extract_page_data(data: dict[str, Any], *, title: str | None = None
                      ) -> tuple[str | None, str, dict[str, Any]]:
    """(title, clean body, meta) from a page-data object."""
    meta = new_meta()
    paragraphs: list[str] = []
    for b in _blocks(data) or []:
        kind = b.get("type")
        if kind in _BODY_TYPES:
            t = _plain(b.get("text"))
            if t:
                paragraphs.append(t)
        elif kind == "image":
            cap = _plain(b.get("caption")) or None
            if cap:
                meta["captions"].append(cap)
            credit = _plain(b.get("copyrightHolder"))
            if credit and credit not in meta["credits"]:
                meta["credits"].append(credit)
        elif kind == "list":
            rel = _related(b)
            if rel:
                meta["related"].extend(rel)
            else:  # a plain bulleted list in the story is body text
                paragraphs.extend(t for t in (_plain(i.get("text")) for i in b.get("items") or []
                                              if isinstance(i, dict)) if t)
    md = data.get("metadata") if isinstance(data.get("metadata"), dict) else {}
    promo = data.get("promo") if isinstance(data.get("promo"), dict) else {}
    headlines = promo.get("headlines") or {}
    page_title = _plain(headlines.get("headline") or headlines.get("seoHeadline") or "") or None
    given = title if title is not None else page_title
    _, text, line_meta = clean_lines("\n".join(paragraphs), title=given, take_title=False)
    meta["removed"] = line_meta.pop("removed")
    for k in ("captions", "credits", "related", "hashtags", "tags"):
        meta[k] += line_meta.pop(k)
    meta.update({k: v for k, v in line_meta.items() if k not in meta})
    pub = normalize_date(md.get("firstPublished") or promo.get("timestamp"))
    if pub:
        meta["page_published"], meta["published_source"] = pub, "page data firstPublished"
    if md.get("readTime"):
        meta["reading_time"] = md["readTime"]
    if md.get("language"):
        meta["language"] = md["language"]
    about = ((md.get("tags") or {}).get("about") or []) if isinstance(md.get("tags"), dict) else []
    meta["tags"] += [t["thingLabel"] for t in about if isinstance(t, dict) and t.get("thingLabel")]
    meta["tags"] += [t["topicName"] for t in md.get("topics") or [] if isinstance(t, dict) and t.get("topicName")]
    meta["tags"] = list(dict.fromkeys(meta["tags"]))
    locs = md.get("locators") or {}
    if locs.get("assetUri"):
        meta["url"] = locs["assetUri"]
    if meta["credits"]:
        meta["credit"] = meta["credits"][0]
    meta["page_kind"] = "article"
    meta["format"] = "page-data-json"
    return given, text, meta
