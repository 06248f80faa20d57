"""Time the entities stage on news300: ms per average article, gazetteer load time, memory.

The clean and sentences stages run first (untimed); then the entities stage runs over every
article (after one warm-up pass that builds the gazetteer and loads the CRF), and the
per-article time is total / 300. Memory is the process's peak RSS after loading.

    .venv/bin/python bench/bench_entities.py [--repeat 3] [--json]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "news300.jsonl"


def rss_mb() -> float:
    """Peak resident set size of this process in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the numbers."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    from rasid.article import Article
    from rasid.entities import crf
    from rasid.entities.gazetteer import get_gazetteer
    from rasid.entities.stage import entities_stage
    from rasid.ingest.clean import clean_stage
    from rasid.text.stage import sentences_stage

    mem0 = rss_mb()
    t0 = time.perf_counter()
    gz = get_gazetteer()
    t_gaz = time.perf_counter() - t0
    t0 = time.perf_counter()
    crf.load_common()
    t_crf = time.perf_counter() - t0
    mem_loaded = rss_mb()

    articles = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        a = Article(raw=rec["text"], published=rec.get("date"), id=rec.get("id"))
        articles.append(sentences_stage(clean_stage(a)))
    for a in articles:  # warm-up: word-feature cache, first-use costs
        entities_stage(a)
    best = float("inf")
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        for a in articles:
            entities_stage(a)
        best = min(best, time.perf_counter() - t0)
    n_ents = sum(len(a.entities) for a in articles)
    n_roles = sum(len(a.roles) for a in articles)
    chars = sum(len(a.text) for a in articles) / len(articles)
    report = {
        "articles": len(articles),
        "avg_chars": round(chars),
        "ms_per_article": round(1000 * best / len(articles), 3),
        "gazetteer_load_s": round(t_gaz, 3),
        "gazetteer_entries": len(gz.entries),
        "gazetteer_patterns": len(gz.patterns),
        "crf_load_s": round(t_crf, 3),
        "rss_before_load_mb": round(mem0, 1),
        "rss_after_load_mb": round(mem_loaded, 1),
        "rss_peak_mb": round(rss_mb(), 1),
        "entities_per_article": round(n_ents / len(articles), 1),
        "roles_per_article": round(n_roles / len(articles), 1),
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        for k, v in report.items():
            print(f"{k:22s} {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
