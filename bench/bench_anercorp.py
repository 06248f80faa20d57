"""Score rasid's entity recogniser on the ANERcorp test split (evaluation only, never training).

Each ANERcorp sentence is joined with spaces and the sentences with newlines; the entities
stage (gazetteer + CRF) runs on that text, and every entity is projected onto the tokens it
overlaps (whole tokens, clitics included, as ANERcorp tags them). Our GPE and LOC both count
as ANERcorp LOC, PER as PERS; MISC is ignored on both sides. Scores are conlleval-style:
exact chunk (first token, last token, type) matches, per type and micro. No other mapping is
applied: the numbers are raw (bare generic nouns such as `البرلمان` are not ORG entities in our
output because the gold guide says so, not because of ANERcorp).

    .venv/bin/python bench/bench_anercorp.py [--model-dir DIR] [--no-crf] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "eval" / "anercorp-test.tsv"
TYPE_MAP = {"PER": "PERS", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}
TYPES = ("PERS", "LOC", "ORG")


def read_anercorp(path: Path) -> list[list[tuple[str, str]]]:
    """Sentences of (token, IOB2 tag), CRLF tolerated."""
    sents: list[list[tuple[str, str]]] = []
    cur: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8-sig").replace("\r", "").split("\n"):
        tok, _, tag = line.partition("\t")
        tok = tok.strip()
        if not tok:
            if cur:
                sents.append(cur)
            cur = []
            continue
        cur.append((tok, tag.strip() or "O"))
    if cur:
        sents.append(cur)
    return sents


def chunks(tags: list[str]) -> set[tuple[int, int, str]]:
    """(start, end, type) chunks of an IOB2 sequence, MISC left out."""
    out: set[tuple[int, int, str]] = set()
    cur: list | None = None
    for i, t in enumerate(tags + ["O"]):
        if t == "O" or t.startswith("B-") or (cur and t[2:] != cur[2]):
            if cur:
                out.add(tuple(cur))  # type: ignore[arg-type]
                cur = None
        if t != "O":
            if cur is None:
                cur = [i, i + 1, t[2:]]
            else:
                cur[1] = i + 1
    return {c for c in out if c[2] != "MISC"}


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print per-type and micro P/R/F1."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model-dir", type=Path, default=None)
    ap.add_argument("--no-crf", action="store_true", help="gazetteer only")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    from rasid.entities import crf
    from rasid.entities.stage import analyse

    if args.model_dir:
        crf.use_model_dir(args.model_dir)
    if args.no_crf:
        crf.use_model_dir(Path("/nonexistent"))
    sents = read_anercorp(DATA)
    lines: list[str] = []
    tok_spans: list[list[tuple[int, int]]] = []
    sent_spans: list[tuple[int, int]] = []
    pos = 0
    for s in sents:
        spans = []
        for tok, _ in s:
            spans.append((pos, pos + len(tok)))
            pos += len(tok) + 1
        tok_spans.append(spans)
        sent_spans.append((spans[0][0], spans[-1][1]))
        lines.append(" ".join(t for t, _ in s))
    text = "\n".join(lines)
    t0 = time.perf_counter()
    ents, _ = analyse(text, None, sentences=sent_spans)
    secs = time.perf_counter() - t0

    # project entities on tokens
    flat = [(si, ti, a, b) for si, spans in enumerate(tok_spans) for ti, (a, b) in enumerate(spans)]
    pred_tags = [["O"] * len(s) for s in sents]
    ents = sorted(ents, key=lambda e: (e.start, -(e.end - e.start)))
    k = 0
    for e in ents:
        typ = TYPE_MAP.get(e.type)
        if typ is None:
            continue
        while k < len(flat) and flat[k][3] <= e.start:
            k += 1
        j = k
        first = True
        while j < len(flat) and flat[j][2] < e.end:
            si, ti = flat[j][0], flat[j][1]
            if pred_tags[si][ti] == "O":
                pred_tags[si][ti] = ("B-" if first else "I-") + typ
            first = False
            j += 1

    counts = {t: [0, 0, 0] for t in TYPES}
    for s, pt in zip(sents, pred_tags):
        gold = chunks([t for _, t in s])
        pred = chunks(pt)
        for t in TYPES:
            g = {c for c in gold if c[2] == t}
            p = {c for c in pred if c[2] == t}
            counts[t][0] += len(g & p)
            counts[t][1] += len(p - g)
            counts[t][2] += len(g - p)

    def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4),
                "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0, "tp": tp, "fp": fp, "fn": fn}

    report = {t: prf(*counts[t]) for t in TYPES}
    report["micro"] = prf(*(sum(c[i] for c in counts.values()) for i in range(3)))
    report["seconds"] = round(secs, 2)
    report["tokens"] = sum(map(len, sents))
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        for t in (*TYPES, "micro"):
            r = report[t]
            print(f"{t:6s} P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}  "
                  f"(tp {r['tp']}, fp {r['fp']}, fn {r['fn']})")
        print(f"{report['tokens']} tokens in {secs:.1f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
