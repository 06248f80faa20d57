"""Benchmark the events stage alone on news300: ms per average article, lexicon size per type.

Run: .venv/bin/python bench/bench_events.py [--limit N]
The earlier stages run first (untimed); only `events_stage` is timed, over every article.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from rasid.article import Article
from rasid.events.stage import events_stage
from rasid.events.triggers import load_lexicon
from rasid.pipeline import Pipeline

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "news300.jsonl"


def main() -> None:
    """Time the events stage per article and print per-type trigger and event counts."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--corpus", default=str(CORPUS))
    args = ap.parse_args()
    t0 = time.perf_counter()
    lex = load_lexicon()
    load_s = time.perf_counter() - t0
    pre = Pipeline.build(["clean", "sentences", "entities", "times", "quotes"])
    rows = [json.loads(x) for x in Path(args.corpus).read_text("utf-8").splitlines() if x.strip()]
    if args.limit:
        rows = rows[: args.limit]
    arts = [pre(Article(raw=r["text"], published=(r.get("date") or "")[:10] or None, id=r["id"]))
            for r in rows]
    events_stage(arts[0])  # warm-up outside the timing
    per_type: Counter[str] = Counter()
    t0 = time.perf_counter()
    for a in arts:
        events_stage(a)
    dt = time.perf_counter() - t0
    for a in arts:
        per_type.update(e.event for e in a.events)
    print(f"lexicon: {len(lex.entries)} lemma entries, {len(lex.forms)} surface forms, "
          f"built in {load_s * 1000:.0f} ms (once per process)")
    print("surface forms per type:", json.dumps(lex.counts(), ensure_ascii=False))
    print(f"events stage: {dt / len(arts) * 1000:.2f} ms per article over {len(arts)} articles")
    print(f"events: {sum(per_type.values())} ({sum(per_type.values()) / len(arts):.2f} per article)")
    print("events per type:", json.dumps(dict(per_type.most_common()), ensure_ascii=False))


if __name__ == "__main__":
    main()
