"""Shared helpers for the dedup tests: news300 rows and a light newsroom edit of a wire story."""

from __future__ import annotations

import json
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2].parent / "shared"  # beside the repo, as in CI
CORPUS = SHARED / "corpus/news300.jsonl"


def corpus_rows(n: int) -> list[dict]:
    """The first `n` news300 rows."""
    with CORPUS.open(encoding="utf-8") as fh:
        return [json.loads(line) for _, line in zip(range(n), fh)]


def light_edit(text: str) -> str:
    """A light newsroom edit: own dateline, last paragraph cut, a few words and spellings changed."""
    paras = text.split("\n")
    body = "\n".join(paras[:-1]) if len(paras) > 2 else text
    for a, b in (("أعلن", "قال"), ("الروسي", "الروسى"), ("إلكتروني", "الكتروني"), ("خلال", "أثناء")):
        body = body.replace(a, b)
    return "(وكالات) - " + body
