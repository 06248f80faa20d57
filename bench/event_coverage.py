"""Diagnostic: trigger coverage of gold events and the argument funnel of the events stage.

For each gold event: is there a trigger hit inside its evidence span (any type / the gold type),
what became of that hit (governed, no actor, no recipient, event …), and was the event matched.
Then the funnel over all hits: hits -> not governed -> actor found -> recipient found -> events.

Usage: .venv/bin/python bench/event_coverage.py --gold FILE [--gold FILE2] [--list]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from rasid.article import Article
from rasid.evaluation.runner import read_gold
from rasid.evaluation.scorer import events_match, max_matching
from rasid.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]


def _span(text: str, evidence: str) -> tuple[int, int] | None:
    """Char span of the gold evidence in the clean text (exact, else normalised prefix search)."""
    k = text.find(evidence)
    if k >= 0:
        return k, k + len(evidence)
    # Evidence is copied from the raw text; the clean body may differ in spacing only.
    head = evidence[:25]
    k = text.find(head)
    if k >= 0:
        return k, k + len(evidence)
    return None


def run(gold_path: str, show: bool) -> Counter[str]:
    """Print per-event coverage lines (with `show`) and return the counters."""
    pipe = Pipeline.build()
    c: Counter[str] = Counter()
    per_type: dict[str, Counter[str]] = {}
    for g in read_gold(gold_path):
        a = pipe(Article(raw=g["text"], published=g["published"], title=g.get("title"), id=g["id"]))
        pred, gold = a.to_record()["events"], g["events"]
        m = max_matching(len(pred), len(gold), lambda p, q: events_match(pred[p], gold[q]))
        matched = set(m.values())
        trace = a.cache.get("events_trace", [])
        for t in trace:
            c["hits"] += 1
            c["hit:" + t["why"]] += 1
            if t["why"] not in ("governed", "not-in-quote"):
                c["searched"] += 1
                if t["actor"]:
                    c["actor found"] += 1
                    if t["recipient"]:
                        c["recipient found"] += 1
        c["events"] += len(pred)
        if show:
            print("=====", g["id"])
        for gi, e in enumerate(gold):
            c["gold"] += 1
            pt = per_type.setdefault(e["event"], Counter())
            pt["gold"] += 1
            sp = _span(a.text, e["evidence"])
            if sp is None:
                c["evidence not found"] += 1
                status = "no-span"
                inside: list[dict] = []
            else:
                # (a trigger with a clitic may start a letter or two before the evidence)
                inside = [t for t in trace if sp[0] - 2 <= t["start"] < sp[1] and t["end"] > sp[0]]
                same = [t for t in inside if t["type"] == e["event"]]
                if same:
                    status = "type-hit:" + ",".join(sorted({t["why"] for t in same}))
                    c["covered (type)"] += 1
                    pt["covered"] += 1
                elif inside:
                    status = "other-hit:" + ",".join(sorted({t["type"] for t in inside}))
                    c["covered (other type)"] += 1
                else:
                    status = "NO-HIT"
                    c["no hit"] += 1
                    pt["no hit"] += 1
            if gi in matched:
                c["matched"] += 1
                pt["matched"] += 1
            if show and gi not in matched:
                why = " ".join(f"{t['type']}:{t['why']}{t['actor']}{t['recipient']}" for t in inside)
                print(f"  {status:28s} {e['event']:9s} {e['actor']}->{e['recipient']} | "
                      f"{e['evidence'][:80]} || {why[:160]}")
    print(f"--- {gold_path}")
    for k in ("gold", "matched", "covered (type)", "covered (other type)", "no hit",
              "evidence not found", "hits", "searched", "actor found", "recipient found", "events"):
        print(f"  {k:22s} {c[k]}")
    print("  hit outcomes:", ", ".join(f"{k[4:]}={v}" for k, v in c.most_common() if k.startswith("hit:")))
    print("  per type (gold / covered / matched / no hit):")
    for t, pt in sorted(per_type.items(), key=lambda x: -x[1]["gold"]):
        print(f"    {t:9s} {pt['gold']:3d} {pt['covered']:3d} {pt['matched']:3d} {pt['no hit']:3d}")
    return c


def main() -> None:
    """Coverage report for one or more gold files."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--gold", action="append")
    ap.add_argument("--list", action="store_true", help="list every unmatched gold event")
    args = ap.parse_args()
    for path in args.gold or [str(ROOT.parent / "shared" / "gold" / "dev.jsonl")]:
        run(path, args.list)


if __name__ == "__main__":
    main()
