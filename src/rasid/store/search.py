"""Search the store: FTS5 over normalised Arabic, plus filters on events, articles, quotes, actors.

The FTS index holds three columns per article: the normalised title, the normalised body and
`variants`, every body/title word with its possible proclitics peeled off (و/ف, then ب/ل/ك,
then ال; `لل` also read as `ال`). A query is normalised the same way and each of its words must
appear in `variants`, so `اوكرانيا` finds `أوكرانيا`, `لأوكرانيا` and `وأوكرانيا`, and
`الوزير` finds `والوزير`. A query in double quotes is matched as a phrase in title or body.
"""

from __future__ import annotations

import json
import re
import sqlite3
from typing import Any

from rasid.text.normalize import normalize, normalize_with_map

_WORD = re.compile(r"\w+", re.UNICODE)
_MIN_STEM = 2  # never peel a word down to fewer letters than this


def word_variants(word: str) -> set[str]:
    """`word` (normalised) and the forms left after peeling proclitics off its front."""
    out = {word}
    stack = [word]
    while stack:
        w = stack.pop()
        nxt = []
        if len(w) > _MIN_STEM + 1 and w[0] in "وف":
            nxt.append(w[1:])
        if len(w) > _MIN_STEM + 1 and w[0] in "بلك":
            nxt.append(w[1:])
        if w.startswith("لل") and len(w) > _MIN_STEM + 2:
            nxt.append("ال" + w[2:])
        if w.startswith("ال") and len(w) > _MIN_STEM + 2:
            nxt.append(w[2:])
        for n in nxt:
            if n not in out:
                out.add(n)
                stack.append(n)
    return out


def variants_text(text: str) -> str:
    """Space-joined variants of every distinct word of the normalised text."""
    words = set(_WORD.findall(normalize(text)))
    out: set[str] = set()
    for w in words:
        out |= word_variants(w)
    return " ".join(sorted(out))


def index_article_text(conn: sqlite3.Connection, pk: int, title: str | None, text: str) -> None:
    """Index one (new) article in FTS5 under rowid `pk`.

    The FTS table is contentless (snippets come from `articles.text`), which saves about a
    quarter of the store; the price is that a row cannot be deleted without its indexed values,
    which is fine since stored articles are never re-indexed.
    """
    conn.execute("INSERT INTO articles_fts(rowid, title, body, variants) VALUES (?, ?, ?, ?)",
                 (pk, normalize(title or ""), normalize(text or ""),
                  variants_text(f"{title or ''} {text or ''}")))


def fts_query(query: str) -> str:
    """The FTS5 MATCH expression for a user query (see module docstring)."""
    q = normalize(query).strip()
    phrases = re.findall(r'"([^"]+)"', q)
    rest = re.sub(r'"[^"]*"', " ", q)
    parts = []
    for p in phrases:
        words = _WORD.findall(p)
        if words:
            phrase = " ".join(words)
            parts.append(f'({{title body}} : "{phrase}")')
    for w in _WORD.findall(rest):
        parts.append(f'variants : "{w}"')
    return " AND ".join(parts)


def _day_bounds(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """Inclusive day bounds as comparable strings (`until` covers the whole day)."""
    return since, (until + "\uffff") if until else None


def search_articles(conn: sqlite3.Connection, *, text: str | None = None, actor: str | None = None,
                    type: str | None = None, aux: str | None = None, since: str | None = None,
                    until: str | None = None, outlet: str | None = None, limit: int = 20
                    ) -> list[dict[str, Any]]:
    """Articles matching a full-text query and filters, best FTS match first, then newest."""
    where, args = [], []
    join = ""
    order = "a.published DESC, a.id"
    if text:
        q = fts_query(text)
        if not q:
            return []
        join = "JOIN articles_fts f ON f.rowid = a.id"
        where.append("articles_fts MATCH ?")
        args.append(q)
        order = "f.rank, a.id"
    _article_filters(where, args, actor=actor, type=type, aux=aux, since=since, until=until,
                     outlet=outlet)
    sql = (f"SELECT a.id, a.article_id, a.outlet, a.published, a.title, a.url, a.source, a.story,"
           f" a.text AS text,"
           f" (SELECT count(*) FROM mentions m WHERE m.article = a.id) AS num_events"
           f" FROM articles a {join}"
           f" {'WHERE ' + ' AND '.join(where) if where else ''} ORDER BY {order} LIMIT ?")
    words = _WORD.findall(normalize(text or ""))
    out = []
    for r in conn.execute(sql, (*args, limit)):
        d = dict(r)
        body = d.pop("text") or ""
        d["snippet"] = snippet_of(body, words) if words else body[:120]
        out.append(d)
    return out


def snippet_of(text: str, words: list[str], width: int = 60) -> str:
    """A window of `text` (original spelling) around the first normalised hit of `words`."""
    norm, idx = normalize_with_map(text)
    hits = [(norm.find(w), w) for w in words if norm.find(w) >= 0]
    if not hits:
        return text[:2 * width]
    pos, w = min(hits)
    s, e = idx[pos], idx[pos + len(w) - 1] + 1
    lo, hi = max(0, s - width), min(len(text), e + width)
    return ("…" if lo else "") + text[lo:s] + "[" + text[s:e] + "]" + text[e:hi] + ("…" if hi < len(text) else "")


def _article_filters(where: list[str], args: list[Any], *, actor: str | None, type: str | None,
                     aux: str | None, since: str | None, until: str | None, outlet: str | None) -> None:
    """Append SQL conditions on alias `a` (articles) for the common filters."""
    lo, hi = _day_bounds(since, until)
    if actor:
        where.append("(EXISTS (SELECT 1 FROM spans s WHERE s.article = a.id AND s.code = ?)"
                     " OR EXISTS (SELECT 1 FROM mentions m JOIN event_actors ea ON ea.event = m.event"
                     " WHERE m.article = a.id AND ea.code = ?))")
        args += [actor.upper(), actor.upper()]
    if type or aux:
        cond = ["m.article = a.id"]
        if type:
            cond.append("m.event_type = ?")
            args.append(type.upper())
        if aux:
            cond.append("m.aux IS ?")
            args.append(None if aux.lower() in ("none", "null", "-") else aux.lower())
        where.append(f"EXISTS (SELECT 1 FROM mentions m WHERE {' AND '.join(cond)})")
    if lo:
        where.append("a.published >= ?")
        args.append(lo)
    if hi:
        where.append("a.published <= ?")
        args.append(hi)
    if outlet:
        where.append("a.outlet = ? COLLATE NOCASE")
        args.append(outlet)


def search_events(conn: sqlite3.Connection, *, text: str | None = None, actor: str | None = None,
                  type: str | None = None, aux: str | None = None, since: str | None = None,
                  until: str | None = None, outlet: str | None = None, limit: int = 20
                  ) -> list[dict[str, Any]]:
    """Merged events matching the filters, most mentioned first.

    `actor` matches an actor or recipient code (before the colon); dates filter the event date,
    or its first_seen day when the date is unknown; `outlet` and `text` keep events with at
    least one mention in a matching article.
    """
    where, args = [], []
    lo, hi = _day_bounds(since, until)
    if actor:
        where.append("EXISTS (SELECT 1 FROM event_actors ea WHERE ea.event = e.id AND ea.code = ?)")
        args.append(actor.upper())
    if type:
        where.append("e.event_type = ?")
        args.append(type.upper())
    if aux:
        where.append("e.aux IS ?")
        args.append(None if aux.lower() in ("none", "null", "-") else aux.lower())
    if lo:
        where.append("coalesce(e.date, e.first_seen) >= ?")
        args.append(lo)
    if hi:
        where.append("coalesce(e.date, e.first_seen) <= ?")
        args.append(hi)
    if outlet or text:
        sub_where, sub_args = ["m.event = e.id"], []
        if outlet:
            sub_where.append("a.outlet = ? COLLATE NOCASE")
            sub_args.append(outlet)
        if text:
            q = fts_query(text)
            if not q:
                return []
            sub_where.append("a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
            sub_args.append(q)
        where.append("EXISTS (SELECT 1 FROM mentions m JOIN articles a ON a.id = m.article"
                     f" WHERE {' AND '.join(sub_where)})")
        args += sub_args
    sql = ("SELECT e.* FROM events e"
           f" {'WHERE ' + ' AND '.join(where) if where else ''}"
           " ORDER BY e.num_mentions DESC, e.num_sources DESC, e.id LIMIT ?")
    out = []
    for r in conn.execute(sql, (*args, limit)):
        d = dict(r)
        d["actor"], d["recipient"] = json.loads(d["actor"]), json.loads(d["recipient"])
        ev = conn.execute("SELECT m.evidence, a.url, a.outlet FROM mentions m JOIN articles a"
                          " ON a.id = m.article WHERE m.event = ? ORDER BY m.id LIMIT 1",
                          (d["id"],)).fetchone()
        d["evidence"], d["url"], d["outlet"] = (ev[0], ev[1], ev[2]) if ev else (None, None, None)
        out.append(d)
    return out


def search_quotes(conn: sqlite3.Connection, *, text: str | None = None, actor: str | None = None,
                  since: str | None = None, until: str | None = None, outlet: str | None = None,
                  limit: int = 20, **_: Any) -> list[dict[str, Any]]:
    """Quotes whose normalised words contain `text`, by speaker code, date and outlet."""
    where, args = ["s.layer = 'quotes'"], []
    if text:
        where.append("s.norm LIKE ?")
        args.append(f"%{normalize(text).strip()}%")
    if actor:
        where.append("s.code = ?")
        args.append(actor.upper())
    _article_filters(where, args, actor=None, type=None, aux=None, since=since, until=until,
                     outlet=outlet)
    sql = ("SELECT s.id, a.id AS article, a.outlet, a.published, a.url, s.code, s.kind AS speaker,"
           " s.text AS quote, s.data FROM spans s JOIN articles a ON a.id = s.article"
           f" WHERE {' AND '.join(where)} ORDER BY a.published DESC, s.id LIMIT ?")
    out = []
    for r in conn.execute(sql, (*args, limit)):
        d = dict(r)
        data = json.loads(d.pop("data"))
        d["cue"], d["direct"], d["speaker_en"] = data.get("cue"), data.get("direct"), data.get("speaker_en")
        out.append(d)
    return out


def search_actors(conn: sqlite3.Connection, *, text: str | None = None, actor: str | None = None,
                  since: str | None = None, until: str | None = None, outlet: str | None = None,
                  limit: int = 20, **_: Any) -> list[dict[str, Any]]:
    """Actor codes by how often they are mentioned (entities, roles, quotes) and in events."""
    where, args = ["s.code IS NOT NULL", "s.layer IN ('entities', 'roles')"], []
    if actor:
        where.append("s.code = ?")
        args.append(actor.upper())
    if text:
        where.append("(s.norm LIKE ? OR s.data LIKE ?)")
        args += [f"%{normalize(text).strip()}%", f"%{text}%"]
    _article_filters(where, args, actor=None, type=None, aux=None, since=since, until=until,
                     outlet=outlet)
    sql = ("SELECT s.code, count(*) AS num_mentions, count(DISTINCT s.article) AS num_articles"
           " FROM spans s JOIN articles a ON a.id = s.article"
           f" WHERE {' AND '.join(where)} GROUP BY s.code ORDER BY num_mentions DESC, s.code LIMIT ?")
    out = []
    for r in conn.execute(sql, (*args, limit)):
        d = dict(r)
        names = conn.execute(
            "SELECT s.text, count(*) AS n FROM spans s WHERE s.code = ? AND s.layer IN ('entities', 'roles')"
            " GROUP BY s.text ORDER BY n DESC LIMIT 3", (d["code"],)).fetchall()
        d["names"] = [n[0] for n in names]
        d["num_events"] = conn.execute("SELECT count(DISTINCT event) FROM event_actors WHERE code = ?",
                                       (d["code"],)).fetchone()[0]
        out.append(d)
    return out


SEARCHES = {"events": search_events, "articles": search_articles, "quotes": search_quotes,
            "actors": search_actors}
