"""Real text: the founding example's gold times, and the dev gold through the pipeline."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from rasid.pipeline import Pipeline
from rasid.text.normalize import match_key
from rasid.times.tagger import tag

SHARED = Path(__file__).resolve().parents[2].parent / "shared"  # beside the repo, as in CI
GOLD = SHARED / "gold/dev.jsonl"
NEWS = SHARED / "corpus/news300.jsonl"
ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2}|-(SP|SU|FA|WI))?$")

pytestmark = pytest.mark.skipif(not GOLD.exists(), reason="shared gold not available")


def _records() -> list[dict]:
    """Dev gold records."""
    return [json.loads(line) for line in GOLD.open(encoding="utf-8")]


def _run(rec: dict) -> list[tuple[str, str]]:
    """clean + times on a gold record: (text, value) of each time found."""
    from rasid.article import Article

    art = Pipeline.build(["clean", "times"])(Article(raw=rec["text"], published=rec["published"]))
    for t in art.times:
        assert art.text[t.start:t.end] == t.text
    return [(t.text, t.value) for t in art.times]


def _found(gold: dict, preds: list[tuple[str, str]]) -> bool:
    """A gold time is found when a prediction overlaps its text and has its value."""
    g = match_key(gold["text"])
    return any(v == gold["value"] and (match_key(t) in g or g in match_key(t)) for t, v in preds)


def test_founding_example_seven_times() -> None:
    rec = next(r for r in _records() if r["id"] == "seed-asharq-2022-01-04")
    assert len(rec["times"]) == 7
    preds = _run(rec)
    missing = [g for g in rec["times"] if not _found(g, preds)]
    assert missing == []


def test_dev_gold_recall_and_precision() -> None:
    found = total = wrong = 0
    for rec in _records():
        preds = _run(rec)
        total += len(rec["times"])
        found += sum(_found(g, preds) for g in rec["times"])
        forms = set(preds)
        wrong += sum(1 for t, v in forms
                     if not any(v == g["value"] and (match_key(t) in match_key(g["text"]) or
                                                     match_key(g["text"]) in match_key(t))
                                for g in rec["times"]))
    assert found / total >= 0.9
    assert wrong <= 0.1 * total


@pytest.mark.skipif(not NEWS.exists(), reason="corpus not available")
def test_corpus_values_well_formed() -> None:
    n = 0
    for line in NEWS.open(encoding="utf-8"):
        rec = json.loads(line)
        for t in tag(rec["text"], rec["date"][:10]):
            assert rec["text"][t.start:t.end] == t.text
            assert ISO.match(t.value), t
            assert t.text == t.text.strip() and t.text[0] not in "،,("
            n += 1
    assert n > 800
