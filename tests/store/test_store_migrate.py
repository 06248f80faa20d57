"""Schema versions: a v1 store (no stories, no FTS) is upgraded in place and stays usable."""

from __future__ import annotations

import json
import sqlite3

import pytest

from rasid.store.db import SCHEMA_VERSION, connect, get_meta, migrate
from rasid.store.ingest import ingest_articles
from rasid.store.search import search_articles, search_events

from store_helpers import CORPUS, annotated_articles


def _write_v1(path, articles) -> None:
    """A database as a v1 rasid left it: articles, spans, mentions and unmerged v1 events."""
    conn = connect(path, target=1)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    for i, a in enumerate(articles):
        cur = conn.execute(
            "INSERT INTO articles(article_id, source, url, outlet, published, title, text, meta,"
            " content_hash, raw_hash, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, '{}', ?, NULL, ?)",
            (a.id, a.source, a.meta["url"], a.meta["outlet"], a.published, a.title, a.text,
             f"v1hash{i}", "2022-01-20T00:00:00+00:00"))
        pk = cur.lastrowid
        for j, ev in enumerate(a.to_record()["events"]):
            e = conn.execute("INSERT INTO events(event_type, date, actor, recipient, num_mentions,"
                             " num_articles, num_sources) VALUES (?, ?, ?, ?, 1, 1, 1)",
                             (ev["event"], ev["date"], json.dumps(ev["actor"]), json.dumps(ev["recipient"])))
            conn.execute("INSERT INTO mentions(event, article, idx, event_type, aux, date, actor, recipient,"
                         " start, \"end\", evidence, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         (e.lastrowid, pk, j, ev["event"], ev["aux"], ev["date"], json.dumps(ev["actor"]),
                          json.dumps(ev["recipient"]), ev["start"], ev["end"], ev["evidence"], json.dumps(ev)))
    conn.close()


@pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not available")
def test_v1_store_is_upgraded_and_usable(tmp_path):
    db = tmp_path / "old.db"
    arts = annotated_articles()
    _write_v1(db, arts[:4])
    raw = sqlite3.connect(db)
    assert raw.execute("SELECT count(*) FROM events").fetchone()[0] == 5  # v1: one per mention
    raw.close()

    conn = connect(db)  # upgrades
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2
    assert get_meta(conn, "schema_version") == "2"
    # Backfilled: stories, MinHash bands, FTS, and events re-merged with GDELT counts.
    assert conn.execute("SELECT count(*) FROM articles WHERE story IS NULL").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM minhashes").fetchone()[0] == 4
    assert len(search_articles(conn, text="روسيا", limit=10)) >= 1
    consult = search_events(conn, actor="RUS", type="CONSULT")
    assert max(e["num_sources"] for e in consult) == 2
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 4
    # Still writable: the rest of the articles ingest into the upgraded store.
    s = ingest_articles(conn, arts[4:], lambda a: a)
    assert s.new == 2
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 6
    assert len(search_events(conn, type="ASSAULT")) == 1
    conn.close()
    assert migrate(connect(db)) == 2  # reopening is a no-op


def test_newer_schema_is_refused(tmp_path):
    db = tmp_path / "future.db"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(RuntimeError, match="newer"):
        connect(db)
