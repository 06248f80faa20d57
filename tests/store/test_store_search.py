"""Search: `rasid query` filters and full-text search over normalised Arabic."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rasid.store.cli import store_app
from rasid.store.db import connect
from rasid.store.ingest import ingest_paths
from rasid.store.search import fts_query, word_variants
from rasid.text.normalize import normalize

SHARED = Path(__file__).resolve().parents[2].parent / "shared"  # beside the repo, as in CI
CORPUS = SHARED / "corpus/news300.jsonl"


def _query(db: Path, *args: str) -> list[dict]:
    """Run `query ... --format json` and parse its JSON lines."""
    res = CliRunner().invoke(store_app, ["query", *args, "--format", "json", "--db", str(db)])
    assert res.exit_code == 0, res.output
    return [json.loads(line) for line in res.stdout.splitlines() if line.strip()]


def test_query_events_by_actor_and_type(annotated_db):
    rows = _query(annotated_db, "events", "--actor", "RUS", "--type", "CONSULT")
    # RUS-USA (two outlets, merged into one) and the planned RUS-CHN meeting; not FRA-DEU.
    assert len(rows) == 2
    merged = rows[0]
    assert merged["num_sources"] == 2 and merged["num_mentions"] == 2
    assert {c.split(":")[0] for c in merged["actor"] + merged["recipient"]} == {"RUS", "USA"}
    assert rows[1]["aux"] == "future"
    assert all(r["event_type"] == "CONSULT" for r in rows)
    assert _query(annotated_db, "events", "--actor", "RUS", "--type", "CONSULT", "--aux", "none")[0]["id"] == merged["id"]
    assert [r["event_type"] for r in _query(annotated_db, "events", "--actor", "UKR")] == ["ASSAULT"]
    assert len(_query(annotated_db, "events", "--since", "2022-01-12", "--until", "2022-01-14")) == 2
    assert len(_query(annotated_db, "events", "--outlet", "BBC Arabic")) == 1


def test_query_table_output_renders(annotated_db):
    res = CliRunner(env={"COLUMNS": "160"}).invoke(
        store_app, ["query", "events", "--actor", "RUS", "--db", str(annotated_db)])
    assert res.exit_code == 0 and "CONSULT" in res.stdout


def test_query_quotes_actors_articles(annotated_db):
    quotes = _query(annotated_db, "quotes", "--actor", "RUS")
    assert len(quotes) == 2 and all(q["code"] == "RUS" for q in quotes)
    actors = {a["code"]: a for a in _query(annotated_db, "actors")}
    assert actors["RUS"]["num_articles"] == 2 and actors["RUS"]["num_events"] >= 2
    arts = _query(annotated_db, "articles", "--type", "ASSAULT")
    assert len(arts) == 1 and arts[0]["outlet"] == "France 24 Arabic"
    assert len(_query(annotated_db, "articles", "--actor", "USA")) == 2


def test_word_variants_peel_proclitics():
    assert {"اوكرانيا"} <= word_variants("لاوكرانيا")
    assert {"الوزير", "وزير"} <= word_variants("والوزير")
    assert "الاتحاد" in word_variants("للاتحاد")
    assert fts_query('"حلف الناتو" أوكرانيا') == '({title body} : "حلف الناتو") AND variants : "اوكرانيا"'


@pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not available")
def test_fulltext_search_with_normalised_query(tmp_path):
    db = tmp_path / "fts.db"
    ingest_paths([str(CORPUS)], db, stages=("clean",))
    conn = connect(db)
    # Expected independently: articles with a word that is أوكرانيا (any alef/hamza spelling)
    # behind at most two proclitics.
    pattern = re.compile(r"(?<!\w)[وف]?[بلك]?اوكرانيا(?!\w)")
    expected = {pk for pk, title, text in conn.execute("SELECT id, title, text FROM articles")
                if pattern.search(normalize(f"{title} {text}"))}
    assert len(expected) >= 5
    got_plain = {r["id"] for r in _query(db, "articles", "--text", "اوكرانيا", "--limit", "300")}
    got_hamza = {r["id"] for r in _query(db, "articles", "--text", "أوكرانيا", "--limit", "300")}
    assert got_plain == got_hamza == expected
    # Several words are ANDed; outlet and dates filter.
    both = _query(db, "articles", "--text", "اوكرانيا روسيا", "--limit", "300")
    assert 0 < len(both) <= len(expected)
    bbc = _query(db, "articles", "--text", "اوكرانيا", "--outlet", "BBC Arabic", "--limit", "300")
    assert all(r["outlet"] == "BBC Arabic" for r in bbc) and len(bbc) < len(expected)
    old = _query(db, "articles", "--text", "اوكرانيا", "--until", "2019-12-31", "--limit", "300")
    assert all(r["published"] <= "2019-12-31" for r in old)
