"""The quote finder on real text: the founding example and the development gold."""

import json
from pathlib import Path

import pytest

from rasid.article import Article
from rasid.evaluation.scorer import quotes_overlap
from rasid.pipeline import Pipeline

SHARED = Path(__file__).resolve().parents[3] / "shared"
GOLD = SHARED / "gold" / "dev.jsonl"
EXAMPLE = SHARED / "examples" / "asharq-2022-01-04-nato-russia.txt"

pytestmark = pytest.mark.skipif(not GOLD.exists(), reason="shared gold not available")


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline.build()


def _body_quotes(art: Article) -> list:
    return [q for q in art.quotes if not q.in_title]


def test_founding_example_gives_its_gold_quotes_with_speakers(gold, pipe):
    rec = next(g for g in gold if g["id"].startswith("seed-"))
    art = pipe(Article(raw=EXAMPLE.read_text("utf-8"), published=rec["published"]))
    preds = _body_quotes(art)
    for g in rec["quotes"]:
        hits = [p for p in preds if quotes_overlap(p.text, g["quote"])]
        assert hits, g["quote"]
        p = hits[0]
        assert p.direct == g["direct"], g["quote"]
        # Speaker: the gold surface (or the name inside it) and, when the entity layer codes
        # it, the gold code.
        assert g["speaker_text"] in (p.speaker_text or "") or (p.speaker_text or "") in g["speaker_text"]
        if p.code:
            assert p.code == g["code"]
        assert art.text[p.start:p.end] == p.text


def test_relay_and_hal_quotes_of_the_founding_example(pipe):
    art = pipe(Article(raw=EXAMPLE.read_text("utf-8"), published="2022-01-04"))
    by_cue = {q.cue: q for q in _body_quotes(art)}
    assert by_cue["لافتاً"].speaker_text == "مسؤول في حلف شمال الأطلسي"
    assert by_cue["مضيفاً"].text.startswith("اجتماع المجلس سينعقد")
    relay = next(q for q in _body_quotes(art) if q.text.startswith("ستولتنبرج دعا"))
    assert relay.speaker_text == "المسؤول"  # the one quoted, not Reuters


def test_dev_gold_quote_f1(gold, pipe):
    tp = fp = fn = 0
    for rec in gold:
        art = pipe(Article(raw=rec["text"], published=rec["published"], id=rec["id"]))
        preds = [q.text for q in _body_quotes(art)]
        used: set[int] = set()
        for g in rec["quotes"]:
            hit = next((i for i, p in enumerate(preds)
                        if i not in used and quotes_overlap(p, g["quote"])), None)
            if hit is None:
                fn += 1
            else:
                used.add(hit)
                tp += 1
        fp += len(preds) - len(used)
    p, r = tp / (tp + fp), tp / (tp + fn)
    assert 2 * p * r / (p + r) >= 0.85
