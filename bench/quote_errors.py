"""Diagnostic: quote errors per gold article, by the eval's own matching.

For each gold file: missed gold quotes (FN), spurious predictions (FP) and matched quotes whose
speaker code is wrong (gold vs predicted speaker_text / code / cue, plus the entity-layer spans
under the predicted speaker with their code and source, to tell entity-layer errors apart).

Usage: .venv/bin/python bench/quote_errors.py [--gold FILE ...] [--summary]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from rasid.article import Article
from rasid.evaluation.runner import prediction_record, read_gold
from rasid.evaluation.scorer import base_code, max_matching, quotes_overlap, texts_nest
from rasid.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = [ROOT.parent / "shared" / "gold" / "dev.jsonl", ROOT / "bench" / "dev2" / "dev2.jsonl",
                ROOT / "bench" / "dev3" / "dev3.jsonl"]


def _short(s: str | None, n: int = 90) -> str:
    """One line of at most n characters."""
    s = (s or "").replace("\n", " ")
    return s if len(s) <= n else s[:n] + "…"


def _speaker_ok(p: dict, g: dict) -> bool:
    """The scorer's speaker agreement (code, else speaker text)."""
    if g.get("code"):
        return base_code(p.get("code")) == base_code(g["code"])
    return bool(p.get("speaker_text")) and texts_nest(p["speaker_text"], g.get("speaker_text") or "")


def _layers_under(a: Article, q) -> str:
    """Entity/role spans overlapping the predicted speaker, as `text[type code source]`."""
    if q is None or q.speaker_start is None:
        return ""
    out = []
    for e in a.entities:
        if e.start < q.speaker_end and e.end > q.speaker_start:
            out.append(f"{e.text}[{e.type} {e.code} {e.source}]")
    for r in a.roles:
        if r.start < q.speaker_end and r.end > q.speaker_start:
            out.append(f"{r.text}[ROLE {r.code}]")
    return "; ".join(out)


def run(path: Path, pipe: Pipeline, summary: bool) -> tuple[int, int, int, int, int]:
    """Print the errors of one gold file; return (tp, fp, fn, speaker_ok, speaker_n)."""
    tp = fp = fn = sok = sn = 0
    print(f"########## {path.name}")
    for g in read_gold(path):
        a = pipe(Article(raw=g["text"], published=g.get("published"), id=g.get("id"),
                         title=g.get("title")))
        body = [q for q in a.quotes if not q.in_title]
        pred = prediction_record(a.to_record())["quotes"]
        gold = g.get("quotes", [])
        m = max_matching(len(pred), len(gold), lambda p, q: quotes_overlap(pred[p]["quote"], gold[q]["quote"]))
        lines = []
        for i, q in enumerate(gold):
            if i not in m.values():
                lines.append(f"  FN  [{q.get('speaker_text')} | {q.get('code')} | {q.get('cue')}] "
                             f"{_short(q['quote'])}")
        for i, q in enumerate(pred):
            if i not in m:
                lines.append(f"  FP  [{q.get('speaker_text')} | {q.get('code')} | {q.get('cue')}] "
                             f"{_short(q['quote'])}")
        for p, gi in sorted(m.items()):
            sn += 1
            if _speaker_ok(pred[p], gold[gi]):
                sok += 1
                continue
            gq, pq = gold[gi], pred[p]
            lines.append(f"  SPK gold [{gq.get('speaker_text')} | {gq.get('code')} | {gq.get('cue')}]"
                         f" pred [{pq.get('speaker_text')} | {pq.get('code')} | {pq.get('cue')}]"
                         f" layers: {_layers_under(a, body[p])}\n       {_short(gq['quote'])}")
        tp += len(m)
        fp += len(pred) - len(m)
        fn += len(gold) - len(m)
        if lines and not summary:
            print("=====", g.get("id"))
            print("\n".join(lines))
    return tp, fp, fn, sok, sn


def main() -> None:
    """Print quote errors for every gold file and a per-file summary."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--gold", nargs="*", default=[str(p) for p in DEFAULT_GOLD])
    ap.add_argument("--summary", action="store_true", help="only the per-file scores")
    args = ap.parse_args()
    pipe = Pipeline.build()
    rows = []
    for path in args.gold:
        rows.append((Path(path).name, *run(Path(path), pipe, args.summary)))
    print("\nfile        P      R      F1     spk   (tp fp fn)")
    for name, tp, fp, fn, sok, sn in rows:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{name:11s} {p:.3f}  {r:.3f}  {f:.3f}  {sok / sn if sn else 0:.3f} ({tp} {fp} {fn})")


if __name__ == "__main__":
    main()
