"""Fixtures for store tests: a small store of real news300 texts with hand-made annotations."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasid.store.db import connect
from rasid.store.ingest import ingest_articles
from store_helpers import CORPUS, annotated_articles


@pytest.fixture()
def annotated_db(tmp_path: Path) -> Path:
    """A store holding `annotated_articles()`."""
    if not CORPUS.exists():
        pytest.skip("shared corpus not available")
    db = tmp_path / "annotated.db"
    conn = connect(db)
    ingest_articles(conn, annotated_articles(), lambda a: a, batch_size=4)
    conn.close()
    return db
