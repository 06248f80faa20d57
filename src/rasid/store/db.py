"""SQLite schema of the corpus store, versioned, with forward migrations.

The schema version lives in two places that must agree: `PRAGMA user_version` (cheap to read,
what SQLite tools show) and the `meta` table row `schema_version` (readable by plain SQL).
`connect()` opens a database in WAL mode and upgrades it step by step to `SCHEMA_VERSION`;
every step runs in one transaction, so a crash during an upgrade leaves the old version intact.

v1: articles, spans (entities, roles, times, quotes), mentions (article-level events),
    merged events with their GDELT-style counts, event_actors (codes for filtering).
v2: story clusters (articles.story), MinHash signatures and LSH band keys for incremental
    near-duplicate detection, FTS5 index over normalised Arabic; the upgrade backfills all three
    and re-merges events with story information.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Callable

SCHEMA_VERSION = 2

_V1 = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL,          -- Article.id (given by the input or derived from content)
    source TEXT,                       -- file name, URL or "stdin"
    url TEXT,
    outlet TEXT,
    published TEXT,                    -- ISO date or datetime as given
    title TEXT,
    text TEXT NOT NULL,                -- clean body; every span offset indexes it
    meta TEXT NOT NULL DEFAULT '{}',   -- JSON: cleaner metadata and input fields
    content_hash TEXT NOT NULL UNIQUE, -- sha1 of outlet + normalised title + body
    raw_hash TEXT,                     -- sha1 of outlet + raw input: skip re-processing early
    ingested_at TEXT NOT NULL
);
CREATE UNIQUE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;
CREATE INDEX articles_raw_hash ON articles(raw_hash);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE TABLE spans (
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    layer TEXT NOT NULL,               -- entities | roles | times | quotes
    idx INTEGER NOT NULL,              -- position in the article's layer
    start INTEGER, "end" INTEGER,
    text TEXT,                         -- surface (quotes: the quoted words)
    norm TEXT,                         -- normalised text, for substring search
    code TEXT,                         -- actor code before the colon (entities, roles, quotes)
    kind TEXT,                         -- entity type, time value, quote speaker_text
    data TEXT NOT NULL                 -- JSON: the full record as Article.to_record() gives it
);
CREATE INDEX spans_article ON spans(article, layer);
CREATE INDEX spans_code ON spans(code, layer);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    event_type TEXT NOT NULL,
    mode TEXT,
    aux TEXT,
    date TEXT,
    location TEXT,
    actor TEXT NOT NULL DEFAULT '[]',      -- JSON list, codes as first seen (with sector)
    recipient TEXT NOT NULL DEFAULT '[]',
    goldstein REAL,
    cameo TEXT,
    num_mentions INTEGER NOT NULL DEFAULT 0,
    num_articles INTEGER NOT NULL DEFAULT 0,
    num_sources INTEGER NOT NULL DEFAULT 0,
    first_seen TEXT,
    last_seen TEXT
);
CREATE INDEX events_type ON events(event_type, aux, date);
CREATE TABLE event_actors (
    event INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    role TEXT NOT NULL,                -- actor | recipient
    code TEXT NOT NULL,                -- code before the colon
    PRIMARY KEY (event, role, code)
) WITHOUT ROWID;
CREATE INDEX event_actors_code ON event_actors(code, role);
CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    event INTEGER REFERENCES events(id),
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,              -- position in the article's events layer
    event_type TEXT NOT NULL,
    mode TEXT, aux TEXT, date TEXT, location TEXT,
    actor TEXT NOT NULL, recipient TEXT NOT NULL,
    start INTEGER, "end" INTEGER, evidence TEXT,
    goldstein REAL, cameo TEXT, confidence REAL,
    data TEXT NOT NULL
);
CREATE INDEX mentions_event ON mentions(event);
CREATE INDEX mentions_article ON mentions(article);
"""

_V2 = """
ALTER TABLE articles ADD COLUMN story INTEGER;
CREATE INDEX articles_story ON articles(story);
CREATE TABLE minhashes (
    article INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    sig BLOB NOT NULL                  -- num_perm uint64 hash values
);
CREATE TABLE lsh_bands (
    band INTEGER NOT NULL,
    key INTEGER NOT NULL,              -- 64-bit hash of the band's rows
    article INTEGER NOT NULL,
    PRIMARY KEY (band, key, article)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, variants, content = '', tokenize = 'unicode61');
"""


def _migrate_1(conn: sqlite3.Connection) -> None:
    """Create the v1 tables."""
    for stmt in _split_sql(_V1):
        conn.execute(stmt)


def _migrate_2(conn: sqlite3.Connection) -> None:
    """Add stories, MinHash/LSH and FTS5, then backfill them from the stored articles."""
    for stmt in _split_sql(_V2):
        conn.execute(stmt)
    # Imported here: the backfill uses the same code as ingest, and db.py must stay importable
    # without pulling the dedup stack into every caller.
    from rasid.dedup.merge import rebuild_events
    from rasid.dedup.minhash import StoryIndex
    from rasid.store.search import index_article_text

    index = StoryIndex(conn)
    rows = conn.execute("SELECT id, title, text FROM articles ORDER BY id").fetchall()
    for pk, title, text in rows:
        index_article_text(conn, pk, title, text)
        index.add(pk, text)
    rebuild_events(conn)


MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _migrate_1, 2: _migrate_2}


def _split_sql(script: str) -> list[str]:
    """Statements of a schema script (no string literal here holds `;` or `--`)."""
    # Comments are stripped first: they may contain semicolons.
    body = "\n".join(ln.split("--")[0] for ln in script.splitlines())
    return [s.strip() for s in body.split(";") if s.strip()]


def schema_version(conn: sqlite3.Connection) -> int:
    """The database's schema version (0 for a new, empty database)."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Upgrade to `target` one version at a time, each step in its own transaction."""
    current = schema_version(conn)
    if current > SCHEMA_VERSION:
        raise RuntimeError(f"database schema v{current} is newer than this rasid (v{SCHEMA_VERSION})")
    while current < target:
        step = current + 1
        conn.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[step](conn)
            conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)",
                         (str(step),))
            conn.execute(f"PRAGMA user_version = {step}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        current = step
    return current


def connect(path: str | Path, *, target: int = SCHEMA_VERSION, readonly: bool = False) -> sqlite3.Connection:
    """Open (creating if needed) a store in WAL mode, upgraded to `target` schema version."""
    if readonly:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
    else:
        conn = sqlite3.connect(str(path), isolation_level=None, timeout=30.0)
        conn.execute("PRAGMA journal_mode=WAL")
        # NORMAL is durable across application crashes in WAL mode (only an OS crash can
        # lose the last commits), which is the failure the batch design is about.
        conn.execute("PRAGMA synchronous=NORMAL")
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys=ON")
    if not readonly:
        migrate(conn, target)
    elif schema_version(conn) != SCHEMA_VERSION:
        raise RuntimeError(f"database {path} has schema v{schema_version(conn)}; "
                           f"open it read-write once to upgrade to v{SCHEMA_VERSION}")
    return conn


def get_meta(conn: sqlite3.Connection, key: str) -> str | None:
    """A value from the `meta` table."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    """Set a value in the `meta` table."""
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))
