"""Throughput of the whole pipeline over news300: articles/s, time per stage, peak memory.

Usage: .venv/bin/python bench/bench_pipeline.py [--corpus PATH] [--limit N] [--json]
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "news300.jsonl"


def load_corpus(path: Path, limit: int | None) -> list[dict]:
    """The corpus records (id, date, title, text)."""
    rows = [orjson.loads(l) for l in path.read_bytes().splitlines() if l.strip()]
    return rows[:limit] if limit else rows


def main() -> None:
    """Run the benchmark and print a table (or JSON)."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    from rasid.article import Article
    from rasid.pipeline import Pipeline

    t0 = time.perf_counter()
    pipe = Pipeline.build()
    # Warm-up on one article so lazily built lexicons/models count as load time, not throughput.
    rows = load_corpus(args.corpus, args.limit)
    pipe(Article(raw=rows[0]["text"], title=rows[0].get("title"), published=rows[0].get("date", "")[:10]))
    load_s = time.perf_counter() - t0
    pipe.timings = {k: 0.0 for k in pipe.timings}

    chars = 0
    t1 = time.perf_counter()
    for r in rows:
        a = Article(raw=r["text"], title=r.get("title"), published=(r.get("date") or "")[:10] or None,
                    id=r.get("id"))
        chars += len(r["text"])
        pipe(a)
    wall = time.perf_counter() - t1
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n = len(rows)
    result = {
        "articles": n, "avg_chars": round(chars / n), "load_s": round(load_s, 3),
        "wall_s": round(wall, 3), "articles_per_s": round(n / wall, 1),
        "ms_per_article": round(1000 * wall / n, 3),
        "stage_ms_per_article": {k: round(1000 * v / n, 3) for k, v in pipe.timings.items()},
        "peak_rss_mb": round(peak_mb, 1),
    }
    if args.json:
        sys.stdout.write(orjson.dumps(result, option=orjson.OPT_INDENT_2).decode() + "\n")
        return
    from rich.console import Console
    from rich.table import Table

    t = Table(title=f"rasid pipeline on {args.corpus.name}: {n} articles, avg {result['avg_chars']} chars")
    t.add_column("measure")
    t.add_column("value", justify="right")
    for k in ("load_s", "wall_s", "articles_per_s", "ms_per_article", "peak_rss_mb"):
        t.add_row(k, str(result[k]))
    for k, v in result["stage_ms_per_article"].items():
        t.add_row(f"stage {k} (ms/article)", str(v))
    Console().print(t)


if __name__ == "__main__":
    main()
