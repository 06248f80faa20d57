"""Diagnostic: list missed (FN) and spurious (FP) events per gold article, by the eval's matching.

Usage: .venv/bin/python bench/event_errors.py [--gold ../shared/gold/dev.jsonl]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from rasid.article import Article
from rasid.evaluation.runner import read_gold
from rasid.evaluation.scorer import events_match, max_matching
from rasid.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    """Print FN/FP events with their evidence for every gold article."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--gold", default=str(ROOT.parent / "shared" / "gold" / "dev.jsonl"))
    args = ap.parse_args()
    pipe = Pipeline.build()
    for g in read_gold(args.gold):
        a = pipe(Article(raw=g["text"], published=g["published"], title=g.get("title"), id=g["id"]))
        pred, gold = a.to_record()["events"], g["events"]
        m = max_matching(len(pred), len(gold), lambda p, q: events_match(pred[p], gold[q]))
        print("=====", g["id"])
        for i, e in enumerate(gold):
            if i not in m.values():
                print("  FN", e["event"], e["mode"], e["actor"], e["recipient"], e["aux"], "|", e["evidence"][:100])
        for i, e in enumerate(pred):
            if i not in m:
                print("  FP", e["event"], e["mode"], e["actor"], e["recipient"], e["aux"], "|", e["evidence"][:100])


if __name__ == "__main__":
    main()
