"""Ingest articles into the store: analyse, deduplicate, cluster, merge events, in batches.

Each input Article is skipped before analysis when its raw hash or URL is already stored
(a rerun after a crash costs one lookup per stored article), analysed by the pipeline, then
skipped again when its content hash (outlet + normalised title + body) is stored. A new article
is written with its spans and mentions, indexed for full text, placed in a story cluster and
its mentions merged into events. Writes happen inside one transaction per batch of
`batch_size` inputs, so a crash loses at most the open batch and a rerun resumes cleanly.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from rasid.article import Article
from rasid.ingest.errors import NotAnArticle, article_problem
from rasid.dedup.merge import assign_event, base_codes
from rasid.dedup.minhash import StoryIndex
from rasid.store.db import connect
from rasid.store.search import index_article_text
from rasid.text.normalize import normalize


@dataclass
class InputFailure:
    """An input that could not be read or analysed (mirrors ingest's InputError)."""

    input: str
    reason: str


@dataclass
class IngestSummary:
    """Counts of one ingest run, plus the failures."""

    new: int = 0
    duplicate: int = 0
    failed: int = 0
    events: int = 0  # mentions written
    errors: list[InputFailure] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """The counts as a plain dict (without the error list)."""
        return {"new": self.new, "duplicate": self.duplicate, "failed": self.failed,
                "events": self.events}


def iter_inputs(paths: list[str], published: str | None = None) -> Iterator[Article | Any]:
    """Articles (or InputErrors) from files, directories, JSONL, WARC, stdin: the ingest reader."""
    from rasid.ingest.sources import iter_inputs as read_inputs

    return read_inputs(paths, published=published)


def _sha1(*parts: str | None) -> str:
    """Hex sha1 of the parts joined by a separator that does not occur in text."""
    return hashlib.sha1("\x1f".join(p or "" for p in parts).encode("utf-8")).hexdigest()


def _url_of(article: Article) -> str | None:
    """The article's URL: `meta['url']`, else its source when that is an http(s) address."""
    url = article.meta.get("url") if article.meta else None
    if not url and article.source and article.source.startswith(("http://", "https://")):
        url = article.source
    return url or None


def _outlet_of(article: Article) -> str | None:
    """The outlet name from metadata, else the URL's host."""
    meta = article.meta or {}
    outlet = meta.get("outlet") or meta.get("sitename") or meta.get("site_name")
    if not outlet:
        url = _url_of(article)
        if url:
            from urllib.parse import urlparse

            outlet = urlparse(url).hostname
    return outlet or None


class Store:
    """Writes analysed articles to an open store connection (caller manages transactions)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        """Bind to an open, migrated connection."""
        self.conn = conn
        self.stories = StoryIndex(conn)

    def is_known(self, raw_hash: str | None = None, url: str | None = None,
                 content_hash: str | None = None) -> bool:
        """Whether an article with this raw hash, URL or content hash is already stored."""
        for col, val in (("raw_hash", raw_hash), ("url", url), ("content_hash", content_hash)):
            if val and self.conn.execute(f"SELECT 1 FROM articles WHERE {col} = ? LIMIT 1",
                                         (val,)).fetchone():
                return True
        return False

    def add(self, article: Article, *, raw_hash: str | None = None, outlet: str | None = None,
            url: str | None = None) -> int | None:
        """Insert an analysed article with its layers; None when it is a duplicate."""
        outlet = outlet or _outlet_of(article)
        url = url or _url_of(article)
        content_hash = _sha1(outlet, normalize(article.title or ""), normalize(article.text or article.raw))
        if self.is_known(url=url, content_hash=content_hash):
            return None
        rec = article.to_record()
        cur = self.conn.execute(
            "INSERT INTO articles(article_id, source, url, outlet, published, title, text, meta,"
            " content_hash, raw_hash, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (rec["id"], article.source, url, outlet, article.published, article.title, article.text,
             json.dumps(rec["meta"], ensure_ascii=False, default=str), content_hash, raw_hash,
             datetime.now(timezone.utc).isoformat(timespec="seconds")))
        pk = int(cur.lastrowid)
        self._add_spans(pk, rec)
        index_article_text(self.conn, pk, article.title, article.text)
        self.stories.add(pk, article.text or article.title or "")
        for i, ev in enumerate(rec["events"]):
            mcur = self.conn.execute(
                "INSERT INTO mentions(article, idx, event_type, mode, aux, date, location, actor,"
                " recipient, start, \"end\", evidence, goldstein, cameo, confidence, data)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (pk, i, ev["event"], ev.get("mode"), ev.get("aux"), ev.get("date"), ev.get("location"),
                 json.dumps(ev.get("actor") or []), json.dumps(ev.get("recipient") or []),
                 ev.get("start"), ev.get("end"), ev.get("evidence"), ev.get("goldstein"),
                 ev.get("cameo"), ev.get("confidence"), json.dumps(ev, ensure_ascii=False)))
            assign_event(self.conn, int(mcur.lastrowid))
        return pk

    def _add_spans(self, pk: int, rec: dict[str, Any]) -> None:
        """Entities, roles, times and quotes of one record as rows of `spans`."""
        rows = []
        for layer in ("entities", "roles", "times", "quotes"):
            for i, s in enumerate(rec.get(layer) or []):
                text = s.get("quote") if layer == "quotes" else s.get("text")
                code = s.get("code")
                code = next(iter(base_codes([code])), None) if code else None
                kind = {"entities": s.get("type"), "times": s.get("value"),
                        "quotes": s.get("speaker_text"), "roles": s.get("name_en")}[layer]
                rows.append((pk, layer, i, s.get("start"), s.get("end"), text,
                             normalize(text or ""), code, kind, json.dumps(s, ensure_ascii=False)))
        self.conn.executemany(
            "INSERT INTO spans(article, layer, idx, start, \"end\", text, norm, code, kind, data)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


def ingest_articles(conn: sqlite3.Connection, items: Iterable[Article | Any],
                    analyse: Callable[[Article], Article], *, batch_size: int = 50,
                    on_item: Callable[[str, IngestSummary], None] | None = None) -> IngestSummary:
    """Analyse and store `items` (Articles or input errors), committing every `batch_size` inputs."""
    store = Store(conn)
    summary = IngestSummary()
    in_batch = 0
    conn.execute("BEGIN IMMEDIATE")
    try:
        for item in items:
            status = _ingest_one(store, item, analyse, summary)
            in_batch += 1
            if in_batch >= batch_size:
                conn.execute("COMMIT")
                conn.execute("BEGIN IMMEDIATE")
                in_batch = 0
            if on_item:
                on_item(status, summary)
        conn.execute("COMMIT")
    except BaseException:
        # The open batch is lost by design; committed batches stay and a rerun skips them.
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return summary


def _ingest_one(store: Store, item: Article | Any, analyse: Callable[[Article], Article],
                summary: IngestSummary) -> str:
    """Handle one input; returns `new`, `duplicate` or `failed`."""
    if not isinstance(item, Article):
        summary.failed += 1
        summary.errors.append(InputFailure(str(getattr(item, "input", item)),
                                           str(getattr(item, "reason", "unreadable input"))))
        return "failed"
    # The cleaner may replace `meta`: keep what the reader knew about the input.
    in_meta = dict(item.meta or {})
    outlet, url = _outlet_of(item), _url_of(item)
    raw_hash = _sha1(outlet, item.raw)
    name = item.source or item.id or "?"
    if store.is_known(raw_hash=raw_hash, url=url):
        summary.duplicate += 1
        return "duplicate"
    try:
        article = analyse(item)
        problem = article_problem(article)
        if problem:
            raise NotAnArticle(problem)  # a listing or empty page is reported, not stored
    except NotAnArticle as exc:
        summary.failed += 1
        summary.errors.append(InputFailure(name, str(exc)))
        return "failed"
    except Exception as exc:  # one bad article must not stop a corpus ingest
        summary.failed += 1
        summary.errors.append(InputFailure(name, str(exc) or type(exc).__name__))
        return "failed"
    article.meta = {**in_meta, **(article.meta or {})}
    pk = store.add(article, raw_hash=raw_hash, outlet=outlet or _outlet_of(article),
                   url=url or _url_of(article))
    if pk is None:
        summary.duplicate += 1
        return "duplicate"
    summary.new += 1
    summary.events += len(article.events)
    return "new"


def ingest_paths(paths: list[str], db: str | Path = "rasid.db", *, published: str | None = None,
                 batch_size: int = 50, stages: tuple[str, ...] | None = None,
                 on_item: Callable[[str, IngestSummary], None] | None = None) -> IngestSummary:
    """Read inputs from `paths`, run the pipeline (optionally only `stages`) and store them."""
    # Built directly: `rasid.pipeline` (the cached helper) is shadowed by the
    # `rasid.pipeline` submodule once that has been imported.
    from rasid.pipeline import Pipeline

    pipe = Pipeline.with_dependencies(list(stages)) if stages else Pipeline.build()
    conn = connect(db)
    try:
        return ingest_articles(conn, iter_inputs(list(paths), published=published), pipe,
                               batch_size=batch_size, on_item=on_item)
    finally:
        conn.close()


def write_errors(path: str | Path, errors: list[InputFailure]) -> None:
    """The error report: one JSON object {input, reason} a line."""
    with open(path, "w", encoding="utf-8") as fh:
        for e in errors:
            fh.write(json.dumps(asdict(e), ensure_ascii=False) + "\n")
