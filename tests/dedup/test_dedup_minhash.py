"""Near-duplicate story clustering: wire copies across outlets, incremental across ingests."""

from __future__ import annotations

from pathlib import Path

import pytest

from dedup_support import CORPUS, corpus_rows, light_edit

from rasid.article import Article
from rasid.dedup.minhash import jaccard, shingles, signature
from rasid.store.db import connect
from rasid.store.ingest import ingest_articles

pytestmark = pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not available")


_rows, _edit = corpus_rows, light_edit


def _article(row: dict, outlet: str, text: str | None = None, url: str | None = None) -> Article:
    """A hand-made analysed article from a news300 row."""
    t = text if text is not None else row["text"]
    return Article(raw=t, text=t, title=row["title"], id=f"{outlet}-{row['id']}", published=row["date"][:10],
                   source=url or row["url"], meta={"outlet": outlet, "url": url or row["url"]})


def _ingest(db: Path, articles: list[Article]) -> None:
    """Store already analysed articles."""
    conn = connect(db)
    ingest_articles(conn, articles, lambda a: a, batch_size=2)
    conn.close()


def test_normalised_shingles_fold_spelling():
    assert shingles("أعلن الرئيس الروسي") == shingles("اعلن الرئيس الروسى")
    assert shingles("كلمة") == {"كلمه"}


def test_lightly_edited_copy_is_near_duplicate_and_unrelated_is_not():
    rows = _rows(3)
    orig, copy = signature(rows[0]["text"]), signature(_edit(rows[0]["text"]))
    assert jaccard(orig, copy) >= 0.5
    assert jaccard(orig, signature(rows[1]["text"])) < 0.2


def test_two_outlets_same_story_one_cluster(tmp_path):
    rows = _rows(4)
    db = tmp_path / "s.db"
    _ingest(db, [_article(rows[0], "Al Arabiya"),
                 _article(rows[0], "Sky News Arabia", _edit(rows[0]["text"]), "https://example.org/sky/1"),
                 _article(rows[1], "BBC Arabic"), _article(rows[2], "CNN Arabic")])
    conn = connect(db)
    stories = dict(conn.execute("SELECT outlet, story FROM articles").fetchall())
    assert stories["Al Arabiya"] == stories["Sky News Arabia"]
    assert len({stories["Al Arabiya"], stories["BBC Arabic"], stories["CNN Arabic"]}) == 3


def test_clustering_is_incremental_across_ingests_and_joins_stories(tmp_path):
    """A later copy joins an earlier story; a bridging copy merges two stories into one."""
    rows = _rows(2)
    db = tmp_path / "inc.db"
    a = rows[0]["text"]
    first_half = "\n".join(a.split("\n")[:4])
    second_half = "\n".join(a.split("\n")[3:])
    _ingest(db, [_article(rows[0], "A", first_half, "https://a.example/1")])
    _ingest(db, [_article(rows[0], "B", second_half, "https://b.example/1")])  # separate connection/run
    conn = connect(db)
    assert conn.execute("SELECT count(DISTINCT story) FROM articles").fetchone()[0] == 2
    conn.close()
    _ingest(db, [_article(rows[0], "C", a, "https://c.example/1")])  # the full text bridges both
    conn = connect(db)
    assert conn.execute("SELECT count(DISTINCT story) FROM articles").fetchone()[0] == 1
    assert conn.execute("SELECT min(id) = story FROM articles").fetchone()[0] == 1
