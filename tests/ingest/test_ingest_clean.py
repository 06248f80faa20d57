"""Cleaning browser-copied page text: the founding example and every gold record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasid.article import Article
from rasid.ingest.clean import clean_stage
from rasid.ingest.textpage import clean_lines

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
EXAMPLE = SHARED / "examples" / "asharq-2022-01-04-nato-russia.txt"
GOLD = SHARED / "gold" / "dev.jsonl"


def _gold() -> list[dict]:
    """All gold records."""
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def founding() -> Article:
    """The founding example, cleaned."""
    return clean_stage(Article(raw=EXAMPLE.read_text(encoding="utf-8")))


def test_founding_title_and_body(founding: Article) -> None:
    raw_lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    assert founding.title == raw_lines[0].strip()
    assert not founding.text.startswith(founding.title)
    assert founding.text.startswith("قال مسؤول في حلف شمال الأطلسي")
    assert founding.text.endswith("والدفاع والحوار\".")


def test_founding_meta(founding: Article) -> None:
    meta = founding.meta
    assert meta["credit"] == "AFP"
    assert meta["dateline_city"] == "بروكسل"
    assert meta["agency"] == "رويترز"
    assert meta["reading_time"] == 4
    # The caption appears twice in the page (spacing differs); it is kept once.
    assert len(meta["captions"]) == 1 and "ستولتنبرج" in meta["captions"][0]
    kinds = {r["kind"] for r in meta["removed"]}
    assert {"reading_time", "caption", "dateline", "label"} <= kinds
    assert meta["format"] == "text"


def test_founding_body_is_verbatim(founding: Article) -> None:
    raw = EXAMPLE.read_text(encoding="utf-8")
    for para in founding.text.split("\n\n"):
        assert para in raw


@pytest.mark.parametrize("rec", _gold(), ids=lambda r: r["id"])
def test_gold_clean_snippets(rec: dict) -> None:
    art = clean_stage(Article(raw=rec["text"], title=rec.get("title"), published=rec.get("published")))
    for snippet in rec["clean_must_include"]:
        assert snippet in art.text, snippet
    for snippet in rec["clean_must_exclude"]:
        assert snippet not in art.text, snippet
    if rec.get("title"):
        assert art.title == rec["title"]
    assert art.published == rec["published"]


def test_given_title_is_kept_and_first_line_stays_body() -> None:
    raw = "الجملة الأولى من الخبر وهي طويلة بما يكفي.\nالجملة الثانية."
    title, body, _ = clean_lines(raw, title="عنوان من المصدر")
    assert title == "عنوان من المصدر"
    assert body.startswith("الجملة الأولى")


def test_debris_classes() -> None:
    raw = "\n".join([
        "عنوان الخبر",
        "واشنطن - رويترز: قال مسؤول أميركي إن المحادثات ستستأنف الأسبوع المقبل.",
        "وأضاف أن الوفدين سيلتقيان في جنيف.",
        "#أميركا #روسيا",
        "شارك",
        "طباعة",
        "تابعونا على تويتر وفيسبوك",
        "// انتهى //",
        "للمزيد: عنوان خبر آخر مرتبط",
    ])
    art = clean_stage(Article(raw=raw))
    assert art.title == "عنوان الخبر"
    assert art.text == "قال مسؤول أميركي إن المحادثات ستستأنف الأسبوع المقبل.\nوأضاف أن الوفدين سيلتقيان في جنيف."
    assert art.meta["dateline_city"] == "واشنطن" and art.meta["agency"] == "رويترز"
    assert art.meta["tags"] == ["أميركا", "روسيا"]
    assert art.meta["related"] == ["عنوان خبر آخر مرتبط"]
    assert art.meta["signoff"] == "// انتهى //"


def test_dateline_variants() -> None:
    for raw, city, agency in [
        ("عنوان\nالقدس - (أ ف ب) - قتل شاب فلسطيني برصاص الجيش.", "القدس", "أ ف ب"),
        ("عنوان\nدبي (CNN)\nأعلنت الحكومة خطة جديدة.", "دبي", "CNN"),
        ("عنوان\n(CNN)-- قالت المحكمة إنها ستواصل عملها.", None, "CNN"),
    ]:
        art = clean_stage(Article(raw=raw))
        assert art.meta.get("dateline_city") == city
        assert art.meta["agency"] == agency
        assert not art.text.startswith(("القدس", "دبي", "(CNN)"))


def test_visible_date_sets_published() -> None:
    raw = "عنوان\nالأربعاء، ١٢ كانون الثاني ٢٠٢٢\nقال الوزير إن الاجتماع انتهى."
    art = clean_stage(Article(raw=raw))
    assert art.published == "2022-01-12"
    assert art.text == "قال الوزير إن الاجتماع انتهى."
    kept = clean_stage(Article(raw=raw, published="2022-01-13"))
    assert kept.published == "2022-01-13"


@pytest.mark.parametrize("rec", _gold(), ids=lambda r: r["id"])
def test_gold_clean_snippets_without_title(rec: dict) -> None:
    """As `rasid eval` feeds it: text only. A first line that is a sentence is not a title."""
    art = clean_stage(Article(raw=rec["text"], published=rec.get("published")))
    body = " ".join(art.text.split())
    for snippet in rec["clean_must_include"]:
        assert " ".join(snippet.split()) in body, snippet
    for snippet in rec["clean_must_exclude"]:
        assert snippet not in body, snippet


def test_inline_promo_labels_are_removed_as_related_links():
    """`قد يهمك:` and `شاهد..` promos (CNN Arabic, news300) carry a headline on the same line."""
    from rasid.ingest.clean import clean_page

    for line in ("قد يهمك:\xa0أول تعليق من ترامب بشأن جمال خاشقجي.. وتصريح من خالد بن سلمان",
                 "شاهد..\xa0حصرياً: فريق مولر يحقق مع أوليغاركيين روس.. إليكم التفاصيل"):
        raw = f"قال الرئيس إن الوضع صعب في البلاد.\n{line}\nوأضاف أن الحكومة ستعمل على الحل."
        _, body, meta = clean_page(raw, title="عنوان", body_only=True)
        assert line not in body and "وأضاف أن الحكومة" in body
        assert [r["kind"] for r in meta["removed"]] == ["related"]


def test_inline_hashtags_keep_their_words_and_record_spans() -> None:
    """`#تيار_المستقبل` reads `تيار المستقبل` in the body; its offsets are in meta["hashtag_spans"]."""
    hashtagged = [g for g in _gold() if "#" in g["text"]]
    assert hashtagged
    for g in hashtagged:
        a = clean_stage(Article(raw=g["text"], published=g["published"]))
        spans = a.meta.get("hashtag_spans", [])
        words = [a.text[s:e] for s, e in spans]
        assert "#" not in "".join(words)
        for w in words:
            assert w and w in a.meta["hashtags"]
    a = clean_stage(Article(raw=next(g["text"] for g in hashtagged if "#تيار_المستقبل" in g["text"])))
    words = [a.text[s:e] for s, e in a.meta["hashtag_spans"]]
    assert "تيار المستقبل" in words and "#" not in a.text


def test_body_without_hashtags_has_no_spans() -> None:
    """Pages without inline hashtags carry no hashtag spans."""
    title, body, meta = clean_lines("عنوان\nقال الوزير إن الاجتماع سيعقد في لبنان.")
    assert "hashtag_spans" not in meta
