"""Inputs -> Articles: files, directories, JSONL/JSON records, WARC archives, stdin.

`iter_inputs` yields, for every input it is given, either an `Article` (raw text still to
be cleaned by the `clean` stage) or an `InputError` naming the input (`file`, `file:line`,
`file#uri`, "stdin") and the reason; one bad input never stops the batch.

Dates: a record's `published` (or `date`) is normalised to `YYYY-MM-DD`; the `published`
argument fills records that have none and is the date of single .txt/.html files (an
explicit date from the caller beats whatever the page says; the page's own date is kept in
`meta["page_published"]`). WARC: the WARC-Date is the crawl time, not the publication
time: it goes to `meta["crawl_date"]`, and the clean stage uses it only when the page
itself states no date (flagged in `meta["published_source"]`).
"""

from __future__ import annotations

import io
import json
import os
import re
import sys
from pathlib import Path
from typing import Any, Iterator

from rasid.article import Article
from rasid.ingest.dates import normalize_date
from rasid.ingest.decode import decode_bytes
from rasid.ingest.errors import InputError

EXTENSIONS: tuple[str, ...] = (".txt", ".html", ".htm", ".jsonl", ".json", ".warc", ".warc.gz")
_ID_SAFE = re.compile(r"[^\w\-.]+")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w\-]+)", re.I)


def _suffix(path: str) -> str:
    """The input kind by extension (`.warc.gz` counts as one), lower-case."""
    low = path.lower()
    return ".warc.gz" if low.endswith(".warc.gz") else os.path.splitext(low)[1]


def _stem(path: str) -> str:
    """File name without its input extension, safe as an id."""
    name = os.path.basename(path)
    suf = _suffix(name)
    if suf and name.lower().endswith(suf):
        name = name[: -len(suf)]
    return _ID_SAFE.sub("-", name).strip("-") or "input"


def _expand(paths: list[str]) -> Iterator[str | InputError]:
    """Paths as given, directories replaced by their input files (recursive, sorted)."""
    for p in paths:
        if p == "-":
            yield p
        elif os.path.isdir(p):
            found = sorted(str(f) for f in Path(p).rglob("*")
                           if f.is_file() and _suffix(f.name) in EXTENSIONS)
            if not found:
                yield InputError(p, f"directory has no input files ({', '.join(EXTENSIONS)})")
            yield from found
        elif os.path.isfile(p):
            yield p
        else:
            yield InputError(p, "no such file or directory")


def iter_inputs(paths: list[str], published: str | None = None) -> Iterator[Article | InputError]:
    """Every article in `paths` (files, directories, "-" for stdin), or an InputError per failure."""
    default_date = normalize_date(published) if published else None
    for p in _expand(paths):
        if isinstance(p, InputError):
            yield p
            continue
        try:
            if p == "-":
                yield from _from_bytes(sys.stdin.buffer.read(), "stdin", "stdin", default_date)
            else:
                with open(p, "rb") as fh:
                    data = fh.read()
                yield from _from_bytes(data, p, _suffix(p), default_date)
        except OSError as exc:
            yield InputError(p, f"cannot read: {exc.strerror or exc}")


def _from_bytes(data: bytes, name: str, kind: str, published: str | None
                ) -> Iterator[Article | InputError]:
    """Dispatch one input's bytes by kind (extension, or sniffed for stdin)."""
    if kind == "stdin":
        kind = _sniff(data)
    if kind in (".warc", ".warc.gz"):
        yield from _from_warc(data, name, published)
        return
    try:
        text = decode_bytes(data, name)
    except InputError as exc:
        yield exc
        return
    if not text.strip():
        yield InputError(name, "empty input")
        return
    if kind == ".jsonl":
        yield from _from_jsonl(text, name, published)
    elif kind == ".json":
        yield from _from_json(text, name, published)
    else:
        yield Article(raw=text, id=_stem(name) if name != "stdin" else None,
                      published=published, source=name)


def _sniff(data: bytes) -> str:
    """Input kind of unnamed bytes (stdin): WARC, JSONL, JSON or page text/HTML."""
    head = data[:64].lstrip()
    if data[:2] == b"\x1f\x8b" or head.startswith(b"WARC/"):
        return ".warc.gz" if data[:2] == b"\x1f\x8b" else ".warc"
    if head.startswith(b"{"):
        first = data.split(b"\n", 1)[0]
        try:
            json.loads(first)
            return ".jsonl"
        except ValueError:
            return ".json"
    if head.startswith(b"["):
        return ".json"
    return ".txt"


def _record_article(rec: dict[str, Any], where: str, fallback_id: str, published: str | None
                    ) -> Article | InputError:
    """One JSON record (`id, url, date/published, title, text|html, outlet`) as an Article."""
    # `text` (already the article as the dataset gives it) is preferred; `html` otherwise.
    raw = rec.get("text") if isinstance(rec.get("text"), str) and rec["text"].strip() else rec.get("html")
    if not isinstance(raw, str) or not raw.strip():
        return InputError(where, "record has no non-empty 'text' or 'html' field")
    date_value = rec.get("published") or rec.get("date")
    date = normalize_date(date_value)
    meta: dict[str, Any] = {k: rec[k] for k in ("outlet", "url", "lang", "category", "author")
                            if rec.get(k) not in (None, "")}
    if raw is rec.get("text"):
        meta["body_only"] = True  # a dataset's text field is the body: no title line to take
    if date_value and not date:
        meta["date_raw"] = date_value  # kept so a bad date is visible, not silently lost
    title = rec.get("title") if isinstance(rec.get("title"), str) and rec["title"].strip() else None
    rid = rec.get("id")
    return Article(raw=raw, id=str(rid) if rid not in (None, "") else fallback_id,
                   title=title.strip() if title else None, published=date or published,
                   source=where, meta=meta)


def _from_jsonl(text: str, name: str, published: str | None) -> Iterator[Article | InputError]:
    """One Article per JSONL line; a bad line is an InputError naming `file:line`."""
    stem = _stem(name)
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{name}:{n}"
        try:
            rec = json.loads(line)
        except ValueError as exc:
            yield InputError(where, f"invalid JSON ({exc})")
            continue
        if not isinstance(rec, dict):
            yield InputError(where, f"expected a JSON object, got {type(rec).__name__}")
            continue
        yield _record_article(rec, where, f"{stem}-{n}", published)


def _from_json(text: str, name: str, published: str | None) -> Iterator[Article | InputError]:
    """A .json file: a list of records, one record, or page data (raw JSON for `clean`)."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        yield InputError(name, f"invalid JSON ({exc})")
        return
    stem = _stem(name)
    if isinstance(data, list):
        for i, rec in enumerate(data, 1):
            if isinstance(rec, dict):
                yield _record_article(rec, f"{name}:{i}", f"{stem}-{i}", published)
            else:
                yield InputError(f"{name}:{i}", f"expected a JSON object, got {type(rec).__name__}")
    elif isinstance(data, dict) and (isinstance(data.get("text"), str) or isinstance(data.get("html"), str)):
        yield _record_article(data, name, stem, published)
    elif isinstance(data, dict):
        # Structured page data (BBC-style blocks): the clean stage reads it.
        yield Article(raw=text, id=stem, published=published, source=name)
    else:
        yield InputError(name, f"unsupported JSON value ({type(data).__name__})")


def _from_warc(data: bytes, name: str, published: str | None) -> Iterator[Article | InputError]:
    """HTML responses (and resources) of a WARC file as Articles; HTTP errors as InputErrors."""
    from warcio.archiveiterator import ArchiveIterator  # lazy: only WARC inputs pay for it
    from warcio.exceptions import ArchiveLoadFailed

    stem = _stem(name)
    n = 0
    try:
        for rec in ArchiveIterator(io.BytesIO(data)):
            if rec.rec_type not in ("response", "resource"):
                continue
            uri = rec.rec_headers.get_header("WARC-Target-URI") or ""
            where = f"{name}#{uri}" if uri else name
            if rec.rec_type == "response" and rec.http_headers is not None:
                status = rec.http_headers.get_statuscode() or ""
                ctype = rec.http_headers.get_header("Content-Type") or ""
            else:
                status, ctype = "200", rec.rec_headers.get_header("Content-Type") or ""
            if "html" not in ctype.lower():
                continue  # images, scripts, styles: not articles
            if status.startswith("3"):
                continue  # redirects carry no page
            if not status.startswith("2"):
                yield InputError(where, f"HTTP status {status}")
                continue
            body = rec.content_stream().read()
            n += 1
            yield _warc_article(body, ctype, uri, where, f"{stem}-{n}", rec, published)
    except (ArchiveLoadFailed, OSError, ValueError, EOFError) as exc:
        yield InputError(name, f"unreadable WARC ({type(exc).__name__}: {exc})")


def _warc_article(body: bytes, ctype: str, uri: str, where: str, aid: str, rec: Any,
                  published: str | None) -> Article | InputError:
    """One WARC HTML payload as an Article, decoded by its HTTP charset or sniffed."""
    m = _CHARSET.search(ctype)
    text = None
    if m:
        try:
            text = body.decode(m.group(1))
        except (LookupError, UnicodeDecodeError):
            text = None  # wrong or unknown declared charset: sniff instead
    if text is None:
        try:
            text = decode_bytes(body, where)
        except InputError as exc:
            return exc
    if not text.strip():
        return InputError(where, "empty response body")
    meta = {"url": uri} if uri else {}
    crawl = normalize_date(rec.rec_headers.get_header("WARC-Date"))
    if crawl:
        meta["crawl_date"] = crawl
    rid = rec.rec_headers.get_header("WARC-Record-ID")
    if rid:
        meta["warc_record_id"] = rid
    return Article(raw=text, id=aid, published=published, source=uri or where, meta=meta)
