"""HTML pages: main text by trafilatura, page metadata and page kind by our own reading.

trafilatura finds the article body; we read what it does not return in the shape we
need: title, captions (`figcaption`), publication date (meta tags, JSON-LD, `<time>`, a
date in the URL, a visible Arabic date in a date-classed element), section, tags,
canonical URL, language. The extracted text then goes through the same line cleaner as
browser-copied text (comment-policy notes, share rows, datelines …).

A page is a *listing* (section front, search results), not an article, when it is made of
teaser cards: at least `LISTING_MIN_CARDS` headings that are links to other pages, and
most of the extracted text sits inside those cards (the standfirst paragraphs of the
teasers). og:type is not used: Al Jazeera marks its section pages `article`.
"""

from __future__ import annotations

import json
import re
from typing import Any, Iterator

import lxml.html
import trafilatura
from lxml import etree

from rasid.ingest.dates import normalize_date, parse_visible_date
from rasid.ingest.textpage import clean_lines, new_meta

LISTING_MIN_CARDS = 8
LISTING_TEASER_SHARE = 0.5
# Measured on /work/shared/pages (ms/page, CNN/Assabah/LBC/listing): default 12/11/286/569,
# precision 14/13/114/302, recall 9/8/115/196. Precision returns the same article text as the
# default; recall adds nav, footer and date lines on CNN. No `deduplicate`: its cache is
# process-wide and drops paragraphs seen in earlier documents of the batch.
FAVOR_PRECISION = True

_HTML_SNIFF = re.compile(r"<\s*(?:!doctype\s+html|html|head|body|meta|div|p|article|title)\b", re.I)
_URL_DATE = re.compile(r"/((?:19|20)\d\d)/(?:[a-z_\-]+/)?(\d{1,2})/(\d{1,2})(?:/|$)")
_URL_DATE_DASH = re.compile(r"[/_-]((?:19|20)\d\d)-(\d{2})-(\d{2})(?:[/_-]|$)")
_TITLE_SPLIT = re.compile(r"\s+[|\-–—:]\s+")
_DATE_CLASS = re.compile(r"date|time|stamp|publish|tmstmp", re.I)
_SPACES = re.compile(r"\s+")
# Pre-filter in C (lxml) before the regex: elements whose class/id mentions a date.
_DATE_XPATH = "//*[" + " or ".join(f"contains(@{a}, '{w}')" for a in ("class", "id")
                                  for w in ("date", "Date", "time", "Time", "stamp", "publish", "tmstmp")) + "]"
_BULLET = re.compile(r"^\s*[-*•·]\s+")

_PUB_META = (  # (attribute, value) pairs of <meta> that state the publication time
    ("property", "article:published_time"), ("name", "article:published_time"),
    ("itemprop", "datePublished"), ("name", "pubdate"), ("name", "publishdate"),
    ("name", "publish-date"), ("name", "publish_date"), ("name", "date"),
    ("name", "DC.date.issued"), ("name", "dcterms.created"), ("name", "sailthru.date"),
    ("property", "og:published_time"), ("name", "parsely-pub-date"), ("name", "original-source-date"),
)


def looks_like_html(raw: str) -> bool:
    """True when the text is an HTML document or fragment rather than page text."""
    head = raw[:4096].lstrip()
    return (head.startswith("<") and bool(_HTML_SNIFF.search(head))) or \
        bool(re.search(r"<\s*(?:html|body)\b", head, re.I))


def _text(el: Any) -> str:
    """Whitespace-collapsed text content of an element."""
    return _SPACES.sub(" ", el.text_content() if hasattr(el, "text_content") else "").strip()


def _meta_content(doc: Any, attr: str, value: str) -> str | None:
    """`content` of the first <meta attr=value> (case-insensitive value)."""
    for el in doc.iter("meta"):
        v = el.get(attr)
        if v and v.lower() == value.lower():
            c = el.get("content")
            if c and c.strip():
                return c.strip()
    return None


def _jsonld(doc: Any) -> list[dict[str, Any]]:
    """All JSON-LD objects on the page, flattened out of lists and @graph."""
    out: list[dict[str, Any]] = []

    def walk(o: Any) -> None:
        if isinstance(o, list):
            for x in o:
                walk(x)
        elif isinstance(o, dict):
            out.append(o)
            if "@graph" in o:
                walk(o["@graph"])
    for el in doc.iter("script"):
        if (el.get("type") or "").lower() == "application/ld+json" and el.text:
            try:
                walk(json.loads(el.text.strip()))
            except ValueError:
                continue  # broken JSON-LD is common; the other sources still apply
    return out


def _ld_types(obj: dict[str, Any]) -> list[str]:
    """The @type of a JSON-LD object as a list."""
    t = obj.get("@type")
    return [t] if isinstance(t, str) else [x for x in t if isinstance(x, str)] if isinstance(t, list) else []


def _title(doc: Any, ld: list[dict[str, Any]]) -> str | None:
    """Headline: og:title, JSON-LD headline, first <h1>, else <title> without the site name."""
    t = _meta_content(doc, "property", "og:title") or _meta_content(doc, "name", "twitter:title")
    if not t:
        t = next((o["headline"] for o in ld if isinstance(o.get("headline"), str)), None)
    if not t:
        h1 = next(iter(doc.iter("h1")), None)
        t = _text(h1) if h1 is not None else None
    if not t:
        tt = next(iter(doc.iter("title")), None)
        if tt is not None and _text(tt):
            parts = _TITLE_SPLIT.split(_text(tt))
            t = max(parts, key=len)  # the site name is the short part
    return _SPACES.sub(" ", t).strip() if t else None


def _published(doc: Any, ld: list[dict[str, Any]], url: str | None) -> tuple[str | None, str | None]:
    """(ISO date, where it came from) by the most reliable source the page offers."""
    for attr, value in _PUB_META:
        iso = normalize_date(_meta_content(doc, attr, value))
        if iso:
            return iso, f"meta {value}"
    for o in ld:
        iso = normalize_date(o.get("datePublished")) if isinstance(o.get("datePublished"), str) else None
        if iso:
            return iso, "json-ld datePublished"
    for el in doc.iter("time"):
        iso = normalize_date(el.get("datetime"))
        if iso:
            return iso, "time@datetime"
    for el in doc.xpath("//*[@itemprop='datePublished']"):
        iso = normalize_date(el.get("content") or el.get("datetime") or _text(el))
        if iso:
            return iso, "itemprop datePublished"
    if url:
        m = _URL_DATE.search(url) or _URL_DATE_DASH.search(url)
        if m:
            iso = normalize_date(f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}")
            if iso:
                return iso, "url"
    for el in doc.xpath(_DATE_XPATH):
        if _DATE_CLASS.search((el.get("class") or "") + " " + (el.get("id") or "")):
            txt = _text(el)
            if 6 <= len(txt) <= 120:
                iso = parse_visible_date(txt)
                if iso:
                    return iso, "visible date"
    return None, None


def _teaser_cards(doc: Any) -> tuple[int, set[str]]:
    """Number of linked headings (teaser cards) and the texts of their excerpts."""
    cards: list[Any] = []
    for h in doc.xpath("//h2|//h3|//h4|//h5"):
        if h.xpath(".//a[@href]") or h.xpath("ancestor::a[@href]"):
            cards.append(h)
    teaser_texts: set[str] = set()
    for h in cards:
        # The card is the nearest ancestor holding more than the heading (image, excerpt).
        node = h.getparent()
        for _ in range(4):
            if node is None:
                break
            size = len(_text(node))
            if size > 1200:
                break  # grew past a card into a page region: not a teaser
            if size > len(_text(h)) + 20:
                for p in node.iter("p", "div", "span"):
                    t = _text(p)
                    if len(t) >= 30:
                        teaser_texts.add(t)
                break
            node = node.getparent()
    return len(cards), teaser_texts


def _listing_signals(cards: int, teaser_texts: set[str], paragraphs: list[str]) -> dict[str, Any]:
    """Card count and the share of extracted text that sits inside teaser cards."""
    # trafilatura renders teaser lists as bullets (`- …`); compare without the marker.
    plain = [_BULLET.sub("", p) for p in paragraphs]
    total = sum(len(p) for p in plain) or 1
    in_cards = sum(len(p) for p in plain if p in teaser_texts)
    longest = max((len(p) for p in paragraphs), default=0)
    return {"cards": cards, "teaser_share": round(in_cards / total, 3), "longest_paragraph": longest}


def _strings(v: Any) -> Iterator[str]:
    """Strings inside a JSON-LD value (string, list, or objects with a name)."""
    if isinstance(v, str):
        yield from (s.strip() for s in v.split(",") if s.strip())
    elif isinstance(v, list):
        for x in v:
            yield from _strings(x)
    elif isinstance(v, dict) and isinstance(v.get("name"), str):
        yield v["name"].strip()


def _fallback_text(raw: str) -> tuple[str, str]:
    """Body text when trafilatura finds none (fragments, tiny pages): recall mode, then <p>s."""
    body = trafilatura.extract(raw, favor_recall=True, include_comments=False, include_tables=False) or ""
    if body.strip():
        return body, "trafilatura-recall"
    try:
        doc = lxml.html.document_fromstring(raw.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (etree.ParserError, ValueError):
        return "", "none"
    for bad in doc.xpath("//script|//style|//nav|//footer|//header|//form"):
        bad.drop_tree()
    paras = [_text(p) for p in doc.xpath("//p|//h2|//h3|//li")]
    paras = [p for p in paras if p]
    if not paras:
        paras = [ln.strip() for ln in doc.text_content().split("\n") if ln.strip()]
    return "\n".join(paras), "paragraphs"


def extract_html(raw: str, *, title: str | None = None) -> tuple[str | None, str, dict[str, Any]]:
    """(title, clean body, meta) of an HTML page; listings get empty text and page_kind."""
    meta = new_meta()
    try:
        doc = lxml.html.document_fromstring(raw.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (etree.ParserError, ValueError) as exc:
        meta["page_kind"] = "unparsable"
        meta["error"] = str(exc)
        return title, "", meta
    ld = _jsonld(doc)
    url = None
    for el in doc.iter("link"):
        if (el.get("rel") or "").lower() == "canonical" and el.get("href"):
            url = el.get("href").strip()
            break
    url = url or _meta_content(doc, "property", "og:url")
    page_title = _title(doc, ld)
    published, how = _published(doc, ld, url)
    html_el = doc if doc.tag == "html" else next(iter(doc.iter("html")), None)
    lang = html_el.get("lang") if html_el is not None else None
    section = _meta_content(doc, "property", "article:section") or next(
        (o["articleSection"] for o in ld if isinstance(o.get("articleSection"), str)), None)
    tags = [el.get("content").strip() for el in doc.iter("meta")
            if el.get("property") == "article:tag" and el.get("content")]
    for name in ("news_keywords", "keywords"):
        tags += list(_strings(_meta_content(doc, "name", name) or ""))
    for o in ld:
        tags += list(_strings(o.get("keywords")))
    captions = [_text(f) for f in doc.iter("figcaption") if _text(f)]
    og_type = _meta_content(doc, "property", "og:type")
    ld_types = sorted({t for o in ld for t in _ld_types(o)})

    cards, teaser_texts = _teaser_cards(doc)
    # trafilatura takes the parsed tree (same output as from the string, one parse less); it
    # prunes the tree, so everything we read from `doc` is read before this call.
    body = trafilatura.extract(doc, favor_precision=FAVOR_PRECISION, include_comments=False,
                               include_tables=False, include_images=False) or ""
    extractor = "trafilatura"
    if not body.strip():
        body, extractor = _fallback_text(raw)
    paragraphs = [_SPACES.sub(" ", p).strip() for p in body.split("\n") if p.strip()]
    signals = _listing_signals(cards, teaser_texts, paragraphs)

    meta.update({k: v for k, v in {
        "url": url, "language": lang, "section": section, "og_type": og_type,
        "jsonld_types": ld_types or None, "description": _meta_content(doc, "property", "og:description")
        or _meta_content(doc, "name", "description"), "site_name": _meta_content(doc, "property", "og:site_name"),
        "author": _meta_content(doc, "name", "author"),
    }.items() if v})
    if published:
        meta["page_published"], meta["published_source"] = published, how
    meta["listing_signals"] = signals
    meta["extractor"] = extractor
    if signals["cards"] >= LISTING_MIN_CARDS and (
            signals["teaser_share"] >= LISTING_TEASER_SHARE or not paragraphs):
        meta["page_kind"] = "listing"
        meta["related"] = []
        return title or page_title, "", meta
    meta["page_kind"] = "article"

    given_title = title if title is not None else page_title
    _, text, line_meta = clean_lines("\n".join(paragraphs), title=given_title, take_title=False)
    for key in ("captions", "credits", "related", "hashtags", "removed"):
        meta[key] = line_meta.pop(key)
    # Keyword metas sometimes repeat the headline; a tag is a short label.
    meta["tags"] = [t for t in dict.fromkeys(tags + line_meta.pop("tags"))
                    if len(t) <= 60 and t != given_title and t != page_title]
    for c in captions:
        if c not in meta["captions"]:
            meta["captions"].append(c)
    for k, v in line_meta.items():
        if k == "page_published" and "page_published" in meta:
            continue  # structured sources beat a date line found in the text
        meta.setdefault(k, v)
    if not text:
        meta["page_kind"] = "empty"
    return given_title, text, meta
