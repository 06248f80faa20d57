"""Run the pipeline over a gold JSONL file and accumulate scores."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import orjson

from rasid.evaluation.scorer import Totals
from rasid.pipeline import Pipeline


def read_gold(path: str | Path) -> Iterator[dict[str, Any]]:
    """Gold records from a JSONL file; a malformed line raises with its line number."""
    with open(path, "rb") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield orjson.loads(line)
            except orjson.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not valid JSON ({exc})") from exc


def prediction_record(article_record: dict[str, Any]) -> dict[str, Any]:
    """The parts of an output record that are scored (title-only quotes are not body quotes)."""
    rec = dict(article_record)
    rec["quotes"] = [q for q in rec.get("quotes", []) if not q.get("in_title")]
    return rec


def evaluate(gold_path: str | Path, pipeline: Pipeline | None = None
             ) -> tuple[Totals, list[dict[str, Any]]]:
    """Score every gold record; return the totals and per-article scores."""
    from rasid.article import Article

    pipe = pipeline or Pipeline.build()
    totals = Totals()
    per_article = []
    for gold in read_gold(gold_path):
        # A gold record is fed like a JSONL input record: its title (when given) is not body.
        article = Article(raw=gold["text"], published=gold.get("published"), id=gold.get("id"),
                          title=gold.get("title"), source=f"{gold_path}#{gold.get('id')}",
                          meta={"outlet": gold["outlet"]} if gold.get("outlet") else {})
        article = pipe(article)
        pred = prediction_record(article.to_record())
        per_article.append(totals.add_article(pred, gold))
    return totals, per_article
