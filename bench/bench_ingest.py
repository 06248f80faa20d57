"""Benchmark `rasid ingest`: throughput (articles/s) and store size on news300.

Usage: .venv/bin/python bench/bench_ingest.py [--input PATH] [--stages clean,sentences] [--batch-size 50]
Ingests into a fresh temporary store, then ingests the same input again (every article a
duplicate) and reports both timings, per-stage pipeline time and the database size.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import tempfile
import time
from pathlib import Path

from rasid.store.ingest import ingest_paths

DEFAULT_INPUT = str(Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "news300.jsonl")


def _size(db: Path) -> int:
    """Bytes of the store after a checkpoint (WAL folded into the main file)."""
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))


def main() -> None:
    """Run the benchmark and print a JSON report."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--input", default=DEFAULT_INPUT)
    ap.add_argument("--stages", default=None, help="comma-separated stages (default: all)")
    ap.add_argument("--batch-size", type=int, default=50)
    args = ap.parse_args()
    stages = tuple(s for s in args.stages.split(",") if s) if args.stages else None

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        t0 = time.perf_counter()
        first = ingest_paths([args.input], db, batch_size=args.batch_size, stages=stages)
        t1 = time.perf_counter()
        second = ingest_paths([args.input], db, batch_size=args.batch_size, stages=stages)
        t2 = time.perf_counter()
        conn = sqlite3.connect(db)
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("articles", "spans", "mentions", "events")}
        stories = conn.execute("SELECT count(DISTINCT story) FROM articles").fetchone()[0]
        conn.close()
        size = _size(db)
    n = first.new + first.duplicate + first.failed
    report = {
        "input": args.input, "stages": args.stages or "all", "batch_size": args.batch_size,
        "first": first.as_dict(), "second": second.as_dict(),
        "ingest_seconds": round(t1 - t0, 2), "articles_per_s": round(n / (t1 - t0), 1),
        "rerun_seconds": round(t2 - t1, 2), "rerun_articles_per_s": round(n / (t2 - t1), 1),
        "db_bytes": size, "db_mb": round(size / 1e6, 2), "kb_per_article": round(size / 1e3 / max(1, first.new), 1),
        "rows": counts, "stories": stories,
    }
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
