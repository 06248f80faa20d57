"""Exports: JSONL and Parquet round-trip, PLOVER records, GDELT-style columns as documented."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pyarrow.parquet as pq
from typer.testing import CliRunner

from rasid.store.cli import store_app
from rasid.store.db import connect
from rasid.store.export import GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS

DOCS = Path(__file__).resolve().parents[2] / "docs" / "store.md"


def _export(db: Path, fmt: str, out: Path) -> None:
    """Run `export --format fmt --out out`."""
    res = CliRunner().invoke(store_app, ["export", "--format", fmt, "--out", str(out), "--db", str(db)])
    assert res.exit_code == 0, res.output


def _count(db: Path, table: str, where: str = "") -> int:
    """Rows of a store table."""
    conn = connect(db)
    try:
        return conn.execute(f"SELECT count(*) FROM {table} {where}").fetchone()[0]
    finally:
        conn.close()


def test_jsonl_round_trip(annotated_db, tmp_path):
    out = tmp_path / "articles.jsonl"
    _export(annotated_db, "jsonl", out)
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(recs) == _count(annotated_db, "articles") == 6
    assert sum(len(r["events"]) for r in recs) == _count(annotated_db, "mentions")
    assert sum(len(r["quotes"]) for r in recs) == _count(annotated_db, "spans", "WHERE layer = 'quotes'")
    for r in recs:
        for key in ("id", "source", "published", "title", "clean_text", "meta", "entities", "roles",
                    "times", "quotes", "events", "outlet", "url", "story"):
            assert key in r
        for ev in r["events"]:  # offsets still index the clean text
            assert r["clean_text"][ev["start"]:ev["end"]] == ev["evidence"]
            assert isinstance(ev["event_id"], int)
    # Articles of one merged event point to the same event id.
    ids = [ev["event_id"] for r in recs for ev in r["events"] if ev["event"] == "CONSULT"]
    assert len(ids) == 4 and len(set(ids)) == 3


def test_parquet_round_trip(annotated_db, tmp_path):
    out = tmp_path / "pq"
    _export(annotated_db, "parquet", out)
    for table, where in (("articles", ""), ("events", ""), ("mentions", "")):
        assert pq.read_table(out / f"{table}.parquet").num_rows == _count(annotated_db, table, where)
    quotes = pq.read_table(out / "quotes.parquet")
    assert quotes.num_rows == _count(annotated_db, "spans", "WHERE layer = 'quotes'") == 5
    assert set(quotes.column("code").to_pylist()) == {"RUS", "USA", "FRA", "UKR"}
    events = pq.read_table(out / "events.parquet").to_pylist()
    assert max(e["num_sources"] for e in events) == 2


def test_plover_records(annotated_db, tmp_path):
    out = tmp_path / "plover.jsonl"
    _export(annotated_db, "plover", out)
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(recs) == _count(annotated_db, "events")
    for r in recs:  # PLOVER's required fields
        assert r["id"] and re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"])
        assert r["source"] and all("code" in a for a in r["source"])
        assert isinstance(r["event"], list) and r["event"][0]
    merged = next(r for r in recs if r["num_sources"] == 2)
    assert merged["event"] == ["CONSULT"] and merged["quad_code"] == 1 and len(merged["event_text"]) == 2
    assert merged["source"][0] == {"code": "RUS", "sector": "GOV"}


def _documented_columns(section: str) -> list[str]:
    """Column names listed (first table column, in backticks) under a docs/store.md heading."""
    text = DOCS.read_text(encoding="utf-8")
    body = text.split(section, 1)[1].split("\n## ", 1)[0].split("\n### ", 1)[0]
    return re.findall(r"^\| `([A-Za-z0-9_]+)` \|", body, flags=re.M)


def test_gdelt_files_have_documented_columns(annotated_db, tmp_path):
    out = tmp_path / "gdelt"
    _export(annotated_db, "gdelt", out)
    with open(out / "events.tsv", encoding="utf-8") as fh:
        events = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    with open(out / "mentions.tsv", encoding="utf-8") as fh:
        mentions = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert list(events[0]) == GDELT_EVENT_COLUMNS == _documented_columns("### GDELT-style events.tsv")
    assert list(mentions[0]) == GDELT_MENTION_COLUMNS == _documented_columns("### GDELT-style mentions.tsv")
    assert len(events) == _count(annotated_db, "events") and len(mentions) == _count(annotated_db, "mentions")
    merged = next(e for e in events if e["NumSources"] == "2")
    assert merged["EventRootCode"] == "04" and merged["QuadClass"] == "1" and merged["GoldsteinScale"] == "3.0"
    assert merged["SQLDATE"] == "20220110" and merged["NumMentions"] == "2"
    assert merged["SOURCEURL"].startswith("http")
    assert sum(1 for m in mentions if m["GLOBALEVENTID"] == merged["GLOBALEVENTID"]) == 2
