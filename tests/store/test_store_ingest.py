"""Ingest into the store: idempotency on news300, crash safety (SIGKILL mid-run), error report."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from rasid.store.db import connect
from rasid.store.ingest import ingest_paths

SHARED = Path(__file__).resolve().parents[2].parent / "shared"  # beside the repo, as in CI
CORPUS = SHARED / "corpus/news300.jsonl"
CHEAP = ("clean",)  # the store is under test here, not the analysis stages
TABLES = ("articles", "spans", "mentions", "events", "event_actors", "minhashes", "lsh_bands",
          "articles_fts")

pytestmark = pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not available")


def _counts(db: Path) -> dict[str, int]:
    """Row counts of every store table."""
    conn = connect(db)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        conn.close()


def _subset(tmp_path: Path, n: int) -> Path:
    """The first `n` news300 rows as a JSONL file."""
    out = tmp_path / f"news{n}.jsonl"
    with CORPUS.open(encoding="utf-8") as src:
        out.write_text("".join(line for _, line in zip(range(n), src)), encoding="utf-8")
    return out


def test_news300_twice_leaves_identical_counts(tmp_path):
    db = tmp_path / "r.db"
    first = ingest_paths([str(CORPUS)], db, stages=CHEAP)
    assert first.new == 300 and first.failed == 0
    before = _counts(db)
    second = ingest_paths([str(CORPUS)], db, stages=CHEAP)
    assert (second.new, second.duplicate) == (0, 300)
    assert _counts(db) == before
    assert before["articles"] == before["articles_fts"] == before["minhashes"] == 300
    conn = connect(db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    # news300 has no wire copies of one story: every article is its own story.
    assert conn.execute("SELECT count(DISTINCT story) FROM articles").fetchone()[0] == 300


def test_full_pipeline_subset_twice_is_idempotent(tmp_path):
    """With every registered stage (whatever they produce today), a rerun adds nothing."""
    src = _subset(tmp_path, 25)
    db = tmp_path / "full.db"
    first = ingest_paths([str(src)], db)
    assert first.new + first.failed == 25
    before = _counts(db)
    second = ingest_paths([str(src)], db)
    assert second.new == 0
    assert _counts(db) == before
    assert before["mentions"] == first.events


def test_same_url_or_same_content_is_a_duplicate(tmp_path):
    rows = [json.loads(line) for _, line in zip(range(2), CORPUS.open(encoding="utf-8"))]
    same_url = dict(rows[1], text=rows[1]["text"] + "\nتحديث: أضيفت فقرة.")
    same_text = dict(rows[0], url=None, id="other-id")
    src = tmp_path / "dups.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n"
                           for r in (rows[0], rows[1], same_url, same_text)), encoding="utf-8")
    s = ingest_paths([str(src)], tmp_path / "d.db", stages=CHEAP)
    assert (s.new, s.duplicate) == (2, 2)


def test_errors_are_reported_and_written(tmp_path):
    src = tmp_path / "bad.jsonl"
    good = next(iter(CORPUS.open(encoding="utf-8")))
    src.write_text(good + "{not json\n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    errors = tmp_path / "errors.jsonl"
    from typer.testing import CliRunner

    from rasid.store.cli import store_app

    res = CliRunner().invoke(store_app, ["ingest", str(src), str(missing), "--db", str(tmp_path / "e.db"),
                                         "--errors", str(errors), "--stages", "clean"])
    assert res.exit_code == 1, res.output  # two inputs failed; the good one went in
    summary = json.loads(res.stdout.strip().splitlines()[-1])
    assert summary["new"] == 1 and summary["failed"] == 2
    reported = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert len(reported) == 2 and all(set(r) == {"input", "reason"} and r["reason"] for r in reported)
    assert any("missing.txt" in r["input"] for r in reported)


_SLOW_INGEST = """
import sys, time
from rasid.store import ingest as I
_orig = I._ingest_one
def _slow(*a, **k):
    time.sleep(0.04)  # make the run long enough to be killed between commits
    return _orig(*a, **k)
I._ingest_one = _slow
I.ingest_paths([sys.argv[1]], sys.argv[2], batch_size=int(sys.argv[3]), stages=("clean",))
"""


def test_sigkill_mid_ingest_then_rerun_loses_and_duplicates_nothing(tmp_path):
    src = _subset(tmp_path, 60)
    db = tmp_path / "k.db"
    script = tmp_path / "slow_ingest.py"
    script.write_text(textwrap.dedent(_SLOW_INGEST), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script), str(src), str(db), "5"])
    committed = 0
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with sqlite3.connect(db, timeout=1) as probe:
                    committed = probe.execute("SELECT count(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:
                committed = 0  # schema not created yet, or busy
            if committed >= 10:  # at least two batches are in
                break
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"
    after_kill = _counts(db)
    assert 10 <= after_kill["articles"] < 60
    assert after_kill["articles"] % 5 == 0, "only whole batches are committed"
    conn = connect(db)
    kept = {r[0]: r[1] for r in conn.execute("SELECT article_id, content_hash FROM articles")}
    conn.close()

    rerun = ingest_paths([str(src)], db, batch_size=5, stages=CHEAP)
    assert rerun.duplicate == after_kill["articles"] and rerun.new == 60 - after_kill["articles"]
    final = _counts(db)
    assert final["articles"] == final["articles_fts"] == final["minhashes"] == 60
    conn = connect(db)
    ids = [r[0] for r in conn.execute("SELECT article_id FROM articles")]
    expected = [json.loads(line)["id"] for line in src.read_text(encoding="utf-8").splitlines()]
    assert sorted(ids) == sorted(expected)
    assert {r[0]: r[1] for r in conn.execute("SELECT article_id, content_hash FROM articles")
            if r[0] in kept} == kept
    # No orphans from the killed batch: every LSH row and FTS row belongs to a stored article.
    assert conn.execute("SELECT count(*) FROM lsh_bands WHERE article NOT IN (SELECT id FROM articles)"
                        ).fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM articles_fts WHERE rowid NOT IN (SELECT id FROM articles)"
                        ).fetchone()[0] == 0
