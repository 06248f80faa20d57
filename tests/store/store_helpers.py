"""Helpers for store tests: real news300 texts with hand-made annotations."""

from __future__ import annotations

import json
from pathlib import Path

from rasid.article import Article, Entity, Event, Quote

SHARED = Path(__file__).resolve().parents[2].parent / "shared"  # beside the repo, as in CI
CORPUS = SHARED / "corpus/news300.jsonl"


def news_rows(n: int) -> list[dict]:
    """The first `n` news300 rows."""
    with CORPUS.open(encoding="utf-8") as fh:
        return [json.loads(line) for _, line in zip(range(n), fh)]


def _span(text: str, needle: str) -> tuple[int, int]:
    """Offsets of `needle` in `text` (the start of the text when absent)."""
    i = text.find(needle)
    return (i, i + len(needle)) if i >= 0 else (0, min(len(needle), len(text)))


def annotated_articles() -> list[Article]:
    """Six real article bodies with hand-made entities, quotes and events."""
    rows = news_rows(6)
    spec = [  # (outlet, published, events, quote speaker code)
        ("Al Arabiya", "2022-01-10", [("CONSULT", ["RUS:GOV"], ["USA"], "2022-01-10", None)], "RUS"),
        ("Sky News Arabia", "2022-01-10", [("CONSULT", ["USA"], ["RUS"], "2022-01-10", None),
                                           ("ACCUSE", ["USA"], ["RUS"], None, None)], "USA"),
        ("BBC Arabic", "2022-01-12", [("CONSULT", ["FRA"], ["DEU"], "2022-01-12", None)], "FRA"),
        ("CNN Arabic", "2022-01-13", [("CONSULT", ["RUS"], ["CHN"], "2022-01-20", "future")], "RUS"),
        ("France 24 Arabic", "2022-01-14", [("ASSAULT", ["RUS:MIL"], ["UKR"], "2022-01-14", None)], "UKR"),
        ("Al Mayadeen", "2022-01-15", [], None),
    ]
    out = []
    for row, (outlet, pub, events, qcode) in zip(rows, spec):
        text = row["text"]
        first = text.split("،")[0].split("\n")[0]
        s, e = _span(text, first)
        evs = [Event(start=s, end=e, evidence=first, event=t, actor=a, recipient=r, date=d, aux=aux,
                     goldstein=3.0 if t == "CONSULT" else -5.0, cameo="04" if t == "CONSULT" else "18")
               for t, a, r, d, aux in events]
        quotes = []
        if qcode:
            qs, qe = _span(text, first[:40])
            quotes.append(Quote(start=qs, end=qe, text=text[qs:qe], direct=False, cue="قال",
                                speaker_text="مسؤول", code=qcode))
        words = text.split()
        ents = [Entity(start=0, end=len(words[0]), text=words[0], type="GPE", code=qcode or "UNK")]
        out.append(Article(raw=text, text=text, title=row["title"], id=row["id"], published=pub,
                           source=row["url"], meta={"outlet": outlet, "url": row["url"]},
                           entities=ents, quotes=quotes, events=evs))
    return out
