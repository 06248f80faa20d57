"""Trailing teasers of other stories are cut; an article's own closing paragraphs are kept."""

import json
from pathlib import Path

import pytest

from rasid.ingest.clean import clean_page
from rasid.ingest.teasers import teaser_tail_start

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "news300.jsonl"


def _record(prefix: str) -> dict:
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec["id"].startswith(prefix):
            return rec
    raise KeyError(prefix)


@pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not present")
def test_cnn_teasers_after_the_article_are_removed():
    rec = _record("ar-0080")  # a CNN Arabic story followed by five unrelated story leads
    _, body, meta = clean_page(rec["text"], title=rec["title"], body_only=True)
    teasers = [r["text"] for r in meta["removed"] if r["kind"] == "teaser"]
    assert len(teasers) == 5
    assert "زعمت السلطات الصينية" not in body
    assert "يذكر أن طليب" in body  # the article's own background paragraph stays


@pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not present")
def test_no_teasers_cut_outside_pages_that_have_them():
    cut = 0
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        _, _, meta = clean_page(rec["text"], title=rec["title"], body_only=True)
        if any(r["kind"] == "teaser" for r in meta["removed"]):
            cut += 1
            assert rec["outlet"] == "CNN Arabic", rec["id"]
    assert cut >= 8


def test_one_odd_closing_paragraph_is_kept():
    paras = ["قال وزير الخارجية الأردني إن المحادثات مع الجانب السوري تتقدم ببطء شديد جدا.",
             "وأضاف الوزير أن الحدود ستبقى مغلقة أمام اللاجئين حتى إشعار آخر من الحكومة.",
             "تحطمت طائرة هليكوبتر عسكرية في شرق إثيوبيا ما أسفر عن مقتل جميع الركاب الثمانية عشر."]
    assert teaser_tail_start(paras) == len(paras)
