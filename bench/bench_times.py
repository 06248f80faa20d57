"""Benchmark of the times stage: dev-gold accuracy, Wojood DATE recall, speed vs dateparser.

Run: .venv/bin/python bench/bench_times.py [--dateparser-limit N] [--json]

1. Dev gold (/work/shared/gold/dev.jsonl): each record runs through `rasid.process` (clean +
   times) so the tagger sees the real clean text; predictions are scored as GUIDE.md says
   (distinct (text, value) forms, a match = texts overlap and values equal). Reports strict
   F1 (overlap + value), span F1 (overlap only) and value accuracy among span matches.
   dateparser's `search_dates` runs over the same clean text; its substrings are matched to
   gold by overlap and its date compared with the gold value (a gold month/year/week value
   counts as right when dateparser's day falls in it).
2. Wojood sample DATE spans (train/val/test): share of gold spans overlapped by one of ours.
3. Speed on /work/shared/corpus/news300.jsonl (`text`, `date`): ms/article, ours vs dateparser.
"""

from __future__ import annotations

import argparse
import json
import time
from datetime import date, datetime
from pathlib import Path
from typing import Any

import rasid
from rasid.text.normalize import match_key
from rasid.times.tagger import tag

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GOLD = SHARED / "gold" / "dev.jsonl"
WOJOOD = SHARED / "data" / "ner" / "wojood-sample"
NEWS = SHARED / "corpus" / "news300.jsonl"


def _overlap(a: str, b: str) -> bool:
    """Texts overlap: after normalisation one contains the other."""
    ka, kb = match_key(a), match_key(b)
    return bool(ka) and bool(kb) and (ka in kb or kb in ka)


def _value_ok(pred: str, gold: str) -> bool:
    """Exact ISO value match."""
    return pred == gold


def _dp_value_ok(day: str, gold: str) -> bool:
    """dateparser gives a day: right when equal to a day value or inside a coarser gold value."""
    if len(gold) == 10:
        return day == gold
    if "-W" in gold:
        d = date.fromisoformat(day)
        y, w, _ = d.isocalendar()
        return f"{y}-W{w:02d}" == gold
    if gold[-2:].isalpha():  # season: year only
        return day[:4] == gold[:4]
    return day.startswith(gold)


def score_article(preds: list[tuple[str, str]], gold: list[dict[str, str]],
                  value_ok: Any = _value_ok) -> dict[str, int]:
    """Counts for one article: strict tp/fp/fn, span tp/fp/fn, value-right among span matches."""
    forms = list(dict.fromkeys(preds))  # distinct (text, value), as the scorer collapses them
    golds = [(g["text"], g["value"]) for g in gold]
    out = {"tp": 0, "fp": 0, "fn": 0, "stp": 0, "sfp": 0, "sfn": 0, "vok": 0}
    # Strict: overlap and value; then the guide's "used up" rule ignores leftover overlaps.
    used = [False] * len(golds)
    left = []
    for t, v in forms:
        hit = next((i for i, (gt, gv) in enumerate(golds) if not used[i] and value_ok(v, gv) and _overlap(t, gt)), None)
        if hit is None:
            left.append((t, v))
        else:
            used[hit] = True
            out["tp"] += 1
    for t, v in left:
        if not any(value_ok(v, gv) and _overlap(t, gt) for gt, gv in golds):
            out["fp"] += 1
    out["fn"] = used.count(False)
    # Span only: overlap, preferring a pair with the right value.
    used = [False] * len(golds)
    left = []
    for t, v in sorted(forms, key=lambda x: not any(value_ok(x[1], gv) for _, gv in golds)):
        cands = [i for i, (gt, gv) in enumerate(golds) if not used[i] and _overlap(t, gt)]
        cands.sort(key=lambda i: not value_ok(v, golds[i][1]))
        if cands:
            used[cands[0]] = True
            out["stp"] += 1
            out["vok"] += value_ok(v, golds[cands[0]][1])
        else:
            left.append((t, v))
    out["sfp"] = sum(1 for t, _ in left if not any(_overlap(t, gt) for gt, _ in golds))
    out["sfn"] = used.count(False)
    return out


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    """Precision, recall, F1."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def _summary(tot: dict[str, int]) -> dict[str, Any]:
    """Strict and span P/R/F1 and value accuracy from summed counts."""
    return {"strict": _prf(tot["tp"], tot["fp"], tot["fn"]),
            "span": _prf(tot["stp"], tot["sfp"], tot["sfn"]),
            "value_acc": round(tot["vok"] / tot["stp"], 3) if tot["stp"] else 0.0,
            "span_matches": tot["stp"]}


def _dateparser_search(text: str, published: str) -> list[tuple[str, datetime]]:
    """dateparser's search_dates anchored at `published`."""
    from dateparser.search import search_dates

    base = datetime.fromisoformat(published[:10])
    try:
        return search_dates(text, languages=["ar"], settings={"RELATIVE_BASE": base}) or []
    except Exception:  # dateparser raises on some inputs; count as nothing found
        return []


_PIPE: Any = None


def _process(text: str, published: str) -> Any:
    """clean + times on one record (what `rasid.process(..., stages=("clean", "times"))` does)."""
    global _PIPE
    try:
        return rasid.process(text, published=published, stages=("clean", "times"))
    except TypeError:  # `rasid.pipeline` shadowed by the submodule of the same name: build directly
        from rasid.pipeline import Pipeline

        _PIPE = _PIPE or Pipeline.build(["clean", "times"])
        return _PIPE(rasid.Article(raw=text, published=published))


def eval_dev(verbose: bool = False, with_dateparser: bool = True) -> dict[str, Any]:
    """Score ours (and dateparser) on the dev gold."""
    ours = {k: 0 for k in ("tp", "fp", "fn", "stp", "sfp", "sfn", "vok")}
    dp = dict(ours)
    for line in GOLD.open(encoding="utf-8"):
        rec = json.loads(line)
        art = _process(rec["text"], rec["published"])
        preds = [(t.text, t.value) for t in art.times]
        s = score_article(preds, rec["times"])
        for k in ours:
            ours[k] += s[k]
        if verbose and (s["fp"] or s["fn"]):
            print(f"-- {rec['id']} {rec['published']} fp={s['fp']} fn={s['fn']}")
            print("   gold:", [(g["text"], g["value"]) for g in rec["times"]])
            print("   ours:", list(dict.fromkeys(preds)))
        if with_dateparser:
            found = _dateparser_search(art.text, rec["published"])
            dpp = [(sub, d.date().isoformat()) for sub, d in found]
            s = score_article(dpp, rec["times"], _dp_value_ok)
            for k in dp:
                dp[k] += s[k]
    res = {"ours": _summary(ours)}
    if with_dateparser:
        res["dateparser"] = _summary(dp)
    return res


def wojood_recall() -> dict[str, Any]:
    """Share of Wojood DATE spans overlapped by one of our expressions, split by kind."""
    found = total = 0
    by_kind: dict[str, list[int]] = {}
    missed: list[str] = []
    for split in ("train", "val", "test"):
        toks: list[str] = []
        tags: list[list[str]] = []
        for line in (WOJOOD / f"{split}.txt").open(encoding="utf-8"):
            parts = line.split()
            if not parts:
                continue
            if parts[0] == "$#$":
                f, t, m = _wojood_sentence(toks, tags)
                found += f
                total += t
                for kind, ok, s in m:
                    by_kind.setdefault(kind, [0, 0])
                    by_kind[kind][0] += ok
                    by_kind[kind][1] += 1
                    if not ok:
                        missed.append(s)
                toks, tags = [], []
                continue
            toks.append(parts[0])
            tags.append(parts[1:])
    kinds = {k: {"found": v[0], "total": v[1], "share": round(v[0] / v[1], 3)} for k, v in by_kind.items()}
    return {"found": found, "total": total, "share": round(found / total, 3) if total else 0.0,
            "by_kind": kinds, "missed_examples": missed[:25]}


def _span_kind(s: str) -> str:
    """Rough class of a Wojood DATE span: with digits (a calendar date or year) or words only."""
    return "with_digits" if any(ch.isdigit() for ch in s) else "words_only"


def _wojood_sentence(toks: list[str], tags: list[list[str]]) -> tuple[int, int, list[tuple[str, bool, str]]]:
    """Tag one Wojood sentence and check its DATE spans."""
    offs = []
    pos = 0
    for t in toks:
        offs.append((pos, pos + len(t)))
        pos += len(t) + 1
    text = " ".join(toks)
    spans = []
    cur = None
    for i, tg in enumerate(tags):
        if "B-DATE" in tg:
            if cur:
                spans.append(cur)
            cur = [i, i]
        elif "I-DATE" in tg and cur:
            cur[1] = i
        elif cur:
            spans.append(cur)
            cur = None
    if cur:
        spans.append(cur)
    if not spans:
        return 0, 0, []
    ours = [(t.start, t.end) for t in tag(text, "2020-06-15")]
    res = []
    f = 0
    for a, b in spans:
        s, e = offs[a][0], offs[b][1]
        ok = any(x < e and y > s for x, y in ours)
        f += ok
        res.append((_span_kind(text[s:e]), ok, text[s:e]))
    return f, len(spans), res


def speed(dp_limit: int) -> dict[str, Any]:
    """ms/article of ours and dateparser over news300 (dateparser on the first `dp_limit`)."""
    recs = [json.loads(l) for l in NEWS.open(encoding="utf-8")]
    items = [(r["text"], r["date"][:10]) for r in recs]
    tag(items[0][0], items[0][1])  # warm-up: pattern compilation is import time, not per article
    t0 = time.perf_counter()
    n_ours = 0
    for text, pub in items:
        n_ours += len(tag(text, pub))
    ours_ms = (time.perf_counter() - t0) * 1000 / len(items)
    dp_items = items[:dp_limit]
    _dateparser_search(dp_items[0][0][:200], dp_items[0][1])  # warm-up (language data load)
    t0 = time.perf_counter()
    n_dp = 0
    for text, pub in dp_items:
        n_dp += len(_dateparser_search(text, pub))
    dp_ms = (time.perf_counter() - t0) * 1000 / len(dp_items)
    chars = sum(len(t) for t, _ in items) / len(items)
    return {"articles": len(items), "avg_chars": round(chars), "ours_ms": round(ours_ms, 3),
            "ours_found": n_ours, "dateparser_articles": len(dp_items), "dateparser_ms": round(dp_ms, 1),
            "dateparser_found": n_dp, "speedup": round(dp_ms / ours_ms, 1)}


def main() -> None:
    """Run all three benchmarks and print the numbers."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--dateparser-limit", type=int, default=300)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--only", choices=("dev", "wojood", "speed"))
    a = ap.parse_args()
    res: dict[str, Any] = {}
    if a.only in (None, "dev"):
        res["dev"] = eval_dev(a.verbose)
    if a.only in (None, "wojood"):
        res["wojood"] = wojood_recall()
    if a.only in (None, "speed"):
        res["speed"] = speed(a.dateparser_limit)
    if a.json:
        print(json.dumps(res, ensure_ascii=False, indent=1))
        return
    for k, v in res.items():
        print(f"== {k}")
        print(json.dumps(v, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
