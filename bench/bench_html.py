"""Benchmark the HTML path: rasid's clean stage vs trafilatura.extract alone, same pages, same run.

Usage: .venv/bin/python bench/bench_html.py [--pages DIR] [-n REPEATS]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Callable

import trafilatura

from rasid.article import Article
from rasid.ingest import html as rasid_html
from rasid.ingest.clean import clean_stage

DEFAULT_PAGES = Path(__file__).resolve().parents[1] / ".." / "shared" / "pages"


def _time_per_page(fn: Callable[[str], object], pages: list[str], repeats: int) -> float:
    """Mean milliseconds per page of fn over all pages, `repeats` times each."""
    t0 = time.perf_counter()
    for _ in range(repeats):
        for raw in pages:
            fn(raw)
    return (time.perf_counter() - t0) * 1000 / (repeats * len(pages))


def main() -> None:
    """Print a table: pages, ms/page ours, ms/page trafilatura, ratio (overall and per page)."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pages", type=Path, default=DEFAULT_PAGES, help="directory of .html pages")
    ap.add_argument("-n", "--repeats", type=int, default=3, help="passes over the pages")
    args = ap.parse_args()
    files = sorted(args.pages.glob("*.html"))
    if not files:
        raise SystemExit(f"no .html pages in {args.pages}")
    pages = [f.read_text(encoding="utf-8", errors="replace") for f in files]

    def ours(raw: str) -> None:
        clean_stage(Article(raw=raw))

    def theirs(raw: str) -> None:
        trafilatura.extract(raw, favor_precision=rasid_html.FAVOR_PRECISION, include_comments=False,
                            include_tables=False, include_images=False)

    ours(pages[0])  # warm-up: imports, compiled patterns, trafilatura's lazy setup
    theirs(pages[0])
    rows = []
    for f, raw in zip(files, pages):
        rows.append((f.name[:48], _time_per_page(ours, [raw], args.repeats),
                     _time_per_page(theirs, [raw], args.repeats)))
    all_ours = _time_per_page(ours, pages, args.repeats)
    all_theirs = _time_per_page(theirs, pages, args.repeats)
    print(f"{'page':50} {'KB':>6} {'ours ms':>9} {'trafil. ms':>10} {'ratio':>6}")
    for (name, o, t), raw in zip(rows, pages):
        print(f"{name:50} {len(raw.encode()) / 1024:6.0f} {o:9.1f} {t:10.1f} {o / t:6.2f}")
    print(f"{'ALL (' + str(len(pages)) + ' pages, x' + str(args.repeats) + ')':50} {'':>6} "
          f"{all_ours:9.1f} {all_theirs:10.1f} {all_ours / all_theirs:6.2f}")


if __name__ == "__main__":
    main()
