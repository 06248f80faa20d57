"""Diagnostic: missed (FN), spurious (FP) and wrongly coded entities per gold article.

Usage: .venv/bin/python bench/entity_errors.py [--gold ../shared/gold/dev.jsonl] [--codes]
(`--codes`: only wrongly coded entities, with how the wrong code was reached: `source`)
"""

from __future__ import annotations

import argparse
from pathlib import Path

from rasid.article import Article
from rasid.evaluation.runner import read_gold
from rasid.evaluation.scorer import base_code, texts_nest
from rasid.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    """Print entity errors for every gold article (same matching notion as the scorer)."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--gold", default=str(ROOT.parent / "shared" / "gold" / "dev.jsonl"))
    ap.add_argument("--codes", action="store_true", help="only code errors, with each prediction's source")
    args = ap.parse_args()
    pipe = Pipeline.build()
    for g in read_gold(args.gold):
        a = pipe(Article(raw=g["text"], published=g["published"], title=g.get("title"), id=g["id"]))
        pred = {(e.type, e.text): e for e in a.entities}
        print("=====", g["id"])
        for ge in g["entities"]:
            hits = [p for (t, x), p in pred.items() if t == ge["type"] and texts_nest(x, ge["text"])]
            if not hits:
                if not args.codes:
                    print(f"  FN {ge['type']} {ge['text']} ({ge.get('code')})")
            elif ge.get("code") and not any(base_code(p.code) == base_code(ge["code"]) for p in hits):
                got = [(p.code, p.source) for p in hits] if args.codes else [p.code for p in hits]
                print(f"  CODE {ge['type']} {ge['text']}: gold {ge['code']} got {got}")
        for (t, x), p in pred.items():
            if args.codes:
                break
            if not any(t == ge["type"] and texts_nest(x, ge["text"]) for ge in g["entities"]):
                print(f"  FP {t} {x} ({p.code}, {p.source})")


if __name__ == "__main__":
    main()
