"""Clean page text (copied from a browser, a feed or an extractor) line by line.

Only whole lines are removed (debris classes in `patterns`, related-story headlines between
paragraphs in `headlines`, trailing story leads in `teasers`, starred author notes at the
end), plus, inside the first body paragraph, a leading dateline (`واشنطن - رويترز: `) or a
glued share-widget run, and a related link glued after a paragraph's last sentence
(`… الأخيرة. شاهد: لماذا …؟`); inline hashtags lose their `#` and `_`
(`#نادر_الحريري` -> `نادر الحريري`). Lines are classified without their short vowels and
shadda, so `تعبّر` matches a pattern's `تعبر`. Every other body character is kept as given, so a
snippet copied from the input is found verbatim in the clean text. Everything removed
goes to the returned metadata (`captions`, `credit`, `dateline`, `agency`, `related`,
`tags`, `removed`, …).
"""

from __future__ import annotations

import re
from typing import Any

from rasid.ingest import patterns as P
from rasid.ingest.dates import NUMERIC_DATE, VISIBLE_DATE, parse_visible_date
from rasid.ingest.headlines import inline_headlines
from rasid.ingest.teasers import teaser_tail_start

_WEEKDAYS = re.compile(r"الأحد|الاحد|الإثنين|الاثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت")
_TIME = re.compile(r"[0-9٠-٩]{1,2}:[0-9٠-٩]{2}(?::[0-9٠-٩]{2})?\s*(?:ص|م|AM|PM|am|pm)?")
_TAG_LABEL = re.compile(r"تصنيف|وسوم|الوسوم|كلمات|Tags", re.I)
_SPACES = re.compile(r"\s+")
_HAS_WORD = re.compile(r"[^\W_]")  # a letter or digit in any script
_HARAKAT = re.compile(r"[\u064b-\u0652\u0670]")  # tanween, short vowels, shadda, sukun, dagger alef
_AR_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
# A link-list item: a short line without sentence-final punctuation.
_MAX_ITEM_WORDS = 20


def _key(line: str) -> str:
    """Whitespace-insensitive comparison key for duplicate detection."""
    return _SPACES.sub(" ", line).strip()


def _words(line: str) -> int:
    """Number of whitespace-separated words."""
    return len(line.split())


def new_meta() -> dict[str, Any]:
    """The metadata skeleton every cleaner fills (lists always present)."""
    return {"captions": [], "credits": [], "tags": [], "related": [], "hashtags": [], "removed": []}


def _agency(m: re.Match[str]) -> str | None:
    """The agency named in a dateline match, whichever slot matched."""
    for g in ("agency_p", "agency", "agency_q"):
        if g in m.groupdict() and m.group(g):
            return _key(m.group(g))
    return None


def _is_date_line(line: str) -> str | None:
    """ISO date when the line is only a date/time stamp (`الأربعاء، 28 آب 2013، 14:00`)."""
    if _words(line) > 14:
        return None
    iso = parse_visible_date(line)
    if not iso:
        return None
    rest = P.DATE_LABEL.sub("", line)
    rest = VISIBLE_DATE.sub("", rest.translate(_AR_DIGITS))
    rest = NUMERIC_DATE.sub("", rest)
    rest = _TIME.sub("", _WEEKDAYS.sub("", rest))
    rest = re.sub(r"آخر تحديث|اخر تحديث|تحديث|GMT|UTC|بتوقيت\s*\S+|[0-9+\-:/(),،.\sهـمص]", "", rest)
    return iso if len(rest) <= 6 else None


def _removed(meta: dict[str, Any], kind: str, text: str) -> None:
    """Record a removed line with its class."""
    meta["removed"].append({"kind": kind, "text": text})


def _set_dateline(meta: dict[str, Any], m: re.Match[str], text: str) -> None:
    """Store dateline, city, country and agency from a dateline match."""
    meta.setdefault("dateline", _key(text).strip(" -–—:"))
    gd = m.groupdict()
    if gd.get("city"):
        meta.setdefault("dateline_city", _key(gd["city"]))
    if gd.get("country"):
        meta.setdefault("dateline_country", _key(gd["country"]))
    agency = _agency(m)
    if agency:
        meta.setdefault("agency", agency)


def _plain(line: str) -> str:
    """The line without short vowels and shadda, so `تعبّر` matches a pattern's `تعبر`."""
    return _HARAKAT.sub("", line)


def _classify(line: str, meta: dict[str, Any], seen_captions: set[str]) -> str | None:
    """Debris class of one line (and its metadata recorded), or None for a body line."""
    line = _plain(line)  # patterns are written without diacritics; meta keeps the plain form
    words = _words(line)
    if P.SEPARATOR.match(line) or not _HAS_WORD.search(line):
        return "separator"  # a rule, or a line of punctuation only (`.`, `* * *`)
    if P.READING_TIME.search(line) and words <= 12:
        num = P.DIGITS.search(line)
        meta.setdefault("reading_time", int(num.group().translate(_AR_DIGITS))
                        if num else line.strip())
        return "reading_time"
    if words <= 8:
        m = P.DATELINE_LINE.match(line) or P.AGENCY_LINE.match(line)
        if m:
            _set_dateline(meta, m, line)
            return "dateline"
    if words <= 16:
        m = P.DATED_DATELINE.match(line)
        if m:
            iso = parse_visible_date(m.group("date"))
            if iso:
                _set_dateline(meta, m, line)
                meta.setdefault("page_published", iso)
                return "dateline"
    if words <= 60:
        m = P.CAPTION_CREDIT.match(line)
        if m and not P.SENTENCE_END.search(m.group("caption")) and words >= 2:
            cap, credit = _key(m.group("caption")).rstrip(" -–—|/"), _key(m.group("credit"))
            if cap not in seen_captions:
                seen_captions.add(cap)
                meta["captions"].append(cap)
            if credit not in meta["credits"]:
                meta["credits"].append(credit)
            meta.setdefault("credit", credit)
            return "caption"
    if P.CAPTION_LABEL.match(line) or P.CAPTION_ONLY.match(line):
        meta["captions"].append(_key(line))
        return "caption"
    if _key(line) in seen_captions:
        return "caption"
    if words <= P.SOURCE_MAX_WORDS and P.SOURCE_LINE.match(line):
        meta.setdefault("source_note", _key(line).lstrip("*•-–— "))
        return "source"
    m = P.BYLINE.match(line)
    if m and words <= 10:
        meta.setdefault("author", _key(m.group("name")))
        return "byline"
    iso = _is_date_line(line)
    if iso:
        meta.setdefault("page_published", iso)
        meta.setdefault("published_text", _key(line))
        return "date"
    if P.SIGNOFF.match(line):
        meta.setdefault("signoff", _key(line))
        return "signoff"
    if P.HASHTAG_LINE.match(line):
        meta["tags"].extend(t.group("tag").replace("_", " ") for t in P.HASHTAG.finditer(line))
        return "hashtags"
    if P.MORE.match(line):
        return "more"
    if P.WIDGET_LINE.match(line):
        return "share"
    if words <= 90 and P.COMMENT_NOTE.search(line):
        return "comments"
    if words <= 30 and P.PROMO.search(line):
        return "promo"
    m = P.INLINE_RELATED.match(line)
    if m and words <= 30:
        meta["related"].append(_key(m.group("item")))
        return "related"
    return None


def clean_lines(raw: str, *, title: str | None = None, take_title: bool = True
                ) -> tuple[str | None, str, dict[str, Any]]:
    """Clean page text: (title, body, meta). A given `title` is kept and not re-read."""
    meta = new_meta()
    text = raw.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    lines = [ln.strip() for ln in text.split("\n")]
    para_gap = "\n\n" if re.search(r"\n[ \t]*\n", text.strip()) else "\n"

    seen_captions: set[str] = set()
    idx = 0
    while idx < len(lines):
        # Blank lines and debris above the headline (a reading-time or date line) are skipped.
        if lines[idx] and not (title is None and take_title):
            break
        kind = _classify(lines[idx], meta, seen_captions) if lines[idx] else "blank"
        if kind is None:
            break
        if kind != "blank":
            _removed(meta, kind, lines[idx])
        idx += 1
    if title is None and take_title and idx < len(lines):
        first = lines[idx]
        # A first line that reads as a sentence (full stop after several words) or a paragraph
        # (very long) is body: headlines do not end with a full stop.
        if len(first) <= 250 and not (_words(first) >= 6 and first.rstrip().endswith((".", "۔"))):
            title = first
            idx += 1
    elif title is not None and idx < len(lines) and _key(lines[idx]) == _key(title):
        _removed(meta, "title", lines[idx])
        idx += 1

    body: list[str] = []
    # A later repeat of the headline (feeds that append the standfirst again) is a duplicate.
    seen: set[str] = {_key(title)} if title else set()
    block: str | None = None  # inside a related-links / tags block opened by a label
    for line in lines[idx:]:
        if not line:
            continue
        if P.BLOCK_LABEL.match(_plain(line)):
            block = "tags" if _TAG_LABEL.search(line) else "related"
            _removed(meta, "label", line)
            continue
        if block:
            if _words(line) <= _MAX_ITEM_WORDS and not P.SENTENCE_END.search(line):
                meta[block].append(_key(line))
                _removed(meta, block, line)
                continue
            block = None
        kind = _classify(line, meta, seen_captions)
        if kind is None and len(line) >= 20 and _key(line) in seen:
            kind = "duplicate"
        if kind:
            _removed(meta, kind, line)
            continue
        seen.add(_key(line))
        m = P.TAIL_RELATED.search(line)
        if m and _words(m.group("item")) <= _MAX_ITEM_WORDS and m.start() > 0:
            meta["related"].append(_key(m.group("item")))
            _removed(meta, "related", line[m.start():].strip())
            line = line[:m.start()].rstrip()
        body.append(line)

    # Starred author notes close an opinion piece (`* مسؤول في الخارجية الأميركية (1982 - 2003)`).
    while len(body) > 1 and _words(body[-1]) <= P.AUTHOR_NOTE_MAX_WORDS and P.AUTHOR_NOTE.match(body[-1]):
        meta.setdefault("author_note", _key(body[-1]).lstrip("* "))
        _removed(meta, "author_note", body.pop())
    if body:
        body[0] = _strip_first_paragraph(body[0], meta)
        if not body[0]:
            body.pop(0)
    heads = set(inline_headlines(body))
    for i in sorted(heads):
        meta["related"].append(_key(body[i]))
        _removed(meta, "related_inline", body[i])
    body = [b for i, b in enumerate(body) if i not in heads]
    cut = teaser_tail_start(body)
    for line in body[cut:]:
        _removed(meta, "teaser", line)
    del body[cut:]
    # Inline hashtags keep their readable words in the body; where they stand is recorded
    # (`meta["hashtag_spans"]`, offsets into the clean body) so annotators can skip them.
    lines: list[str] = []
    spans: list[list[int]] = []
    pos = 0
    for b in body:
        line, line_spans = _unhashtag(b, meta)
        spans.extend([pos + a, pos + e] for a, e in line_spans)
        lines.append(line)
        pos += len(line) + len(para_gap)
    if spans:
        meta["hashtag_spans"] = spans
    if meta.get("credits") and "credit" not in meta:
        meta["credit"] = meta["credits"][0]
    return title, para_gap.join(lines), meta


def _strip_first_paragraph(first: str, meta: dict[str, Any]) -> str:
    """Remove a glued share-widget run and a leading dateline from the first paragraph."""
    m = P.WIDGET_PREFIX.match(first)
    if m and m.end() < len(first):
        _removed(meta, "share", first[: m.end()].strip())
        first = first[m.end():]
    m = P.DATELINE_PREFIX.match(first)
    if m and m.end() < len(first):
        _set_dateline(meta, m, first[: m.end()])
        _removed(meta, "dateline", first[: m.end()].strip())
        first = first[m.end():]
    return first.strip()


def _unhashtag(line: str, meta: dict[str, Any]) -> tuple[str, list[tuple[int, int]]]:
    """Turn inline hashtags into plain words (`#تيار_المستقبل` -> `تيار المستقبل`); also the
    (start, end) of each such word in the returned line."""
    if "#" not in line:
        return line, []
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0  # in `line`
    length = 0  # of the output so far
    for m in P.HASHTAG.finditer(line):
        word = m.group("tag").replace("_", " ").strip()
        if word not in meta["hashtags"]:
            meta["hashtags"].append(word)
        out.append(line[pos:m.start()])
        length += m.start() - pos
        spans.append((length, length + len(word)))
        out.append(word)
        length += len(word)
        pos = m.end()
    out.append(line[pos:])
    return "".join(out), spans
