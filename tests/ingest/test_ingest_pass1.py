"""Inline related-story headlines, teaser runs with و-initial leads, glued `شاهد:` links and
opinion disclaimers, on news300 articles; and what these rules must leave alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasid.ingest.clean import clean_page
from rasid.ingest.headlines import inline_headlines

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "news300.jsonl"
needs_corpus = pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not present")


def _records() -> list[dict]:
    """All news300 records."""
    return [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]


def _record(prefix: str) -> dict:
    """The news300 record whose id starts with `prefix`."""
    for rec in _records():
        if rec["id"].startswith(prefix):
            return rec
    raise KeyError(prefix)


def _clean(rec: dict) -> tuple[str, dict]:
    """Body and meta of a news300 record cleaned as a JSONL body."""
    _, body, meta = clean_page(rec["text"], title=rec["title"], body_only=True)
    return body, meta


@needs_corpus
def test_bbc_related_headline_pair_is_removed_and_body_kept():
    body, meta = _clean(_record("ar-0043"))
    assert "تعرف على كهنة ميانمار البوذيين المتشددين" not in body
    assert "الروهينجا يواجهون" not in body
    assert "وليس لحكومة ميانمار سلطة على الجيش" in body
    assert any("كهنة ميانمار" in r for r in meta["related"])


@needs_corpus
def test_bbc_single_headline_with_present_verb_is_removed():
    body, _ = _clean(_record("ar-0050"))
    assert "يدخل حيز التنفيذ" not in body
    assert "وكشف البيان، الذي نشر في السجل الفدرالي" in body


@needs_corpus
def test_crossheads_are_kept():
    # BBC crossheads: verbless, or restating their section; France 24 crossheads with figures.
    for prefix, crosshead in [("ar-0070", "جدل بشأن الإجراءات الإسرائيلية السابقة"),
                              ("ar-0075", "فريق البحث الجنائي يغادر القنصلية"),
                              ("ar-0065", "يوم دام آخر"),
                              ("ar-0045", "كيف جرى التصويت؟"),
                              ("ar-0129", "نحو 157 ألف سائق يعملون لدى أوبر بمصر"),
                              ("ar-0140", "أكثر من 120 ألف نازح والأمم المتحدة تطالب الأردن بفتح الحدود")]:
        body, _ = _clean(_record(prefix))
        assert crosshead in body, prefix


@needs_corpus
def test_inline_headlines_only_where_pages_carry_related_links():
    removed: dict[str, int] = {}
    paragraphs = 0
    for rec in _records():
        _, meta = _clean(rec)
        n = sum(r["kind"] == "related_inline" for r in meta["removed"])
        if n:
            removed[rec["outlet"]] = removed.get(rec["outlet"], 0) + n
        paragraphs += len([ln for ln in rec["text"].splitlines() if ln.strip()])
    # Measured: BBC Arabic 26, CNN Arabic 1 of about 3,300 paragraphs; nothing elsewhere.
    assert set(removed) <= {"BBC Arabic", "CNN Arabic"}, removed
    assert 15 <= sum(removed.values()) <= 40
    assert sum(removed.values()) < 0.02 * paragraphs


def test_list_items_questions_and_unpunctuated_feeds_are_not_headlines():
    body = "قال الوزير إن الانتخابات ستجري في موعدها المحدد رغم كل الظروف الصعبة."
    assert inline_headlines([body, "- حزب الشعوب الديمقراطي الموالي للأكراد",
                             "- حزب الوطن بزعامة دوغو بيرنجك", body]) == []
    assert inline_headlines([body, "ماذا قال المرشحون؟", body]) == []
    # Paragraphs without full stops throughout: no line can be told from a headline.
    bare = ["قال الوزير إن الانتخابات ستجري في موعدها", "المعارضة تطالب بتأجيل الانتخابات",
            "الحكومة ترفض طلب المعارضة", "وأضاف الوزير أن الأمن مستتب"]
    assert inline_headlines(bare) == []


@needs_corpus
def test_cnn_teasers_opening_with_a_waw_radical_verb_are_cut():
    body, meta = _clean(_record("ar-0081"))
    assert "وقع الحادث في ساعات الصباح الباكر" not in body  # `وقع` is a verb, not و + قع
    assert "تحدث وزير الخارجية الأمريكي، مايك بومبيو" not in body
    assert "قبل أن تشغل منصب سفيرة أمريكا في الأمم المتحدة" in body
    assert sum(r["kind"] == "teaser" for r in meta["removed"]) == 5


@needs_corpus
def test_teasers_stay_cnn_only():
    for rec in _records():
        _, meta = _clean(rec)
        if any(r["kind"] == "teaser" for r in meta["removed"]):
            assert rec["outlet"] == "CNN Arabic", rec["id"]


@needs_corpus
def test_glued_watch_link_and_opinion_disclaimer_are_removed():
    body, meta = _clean(_record("ar-0083"))
    assert "شاهد:" not in body and "لماذا يجند داعش" not in body
    assert body.rstrip().endswith("خلال السنوات الأخيرة.")
    body, _ = _clean(_record("ar-0086"))
    assert "لا تعكس بالضرورة وجهة نظر شبكة" not in body  # `تعبّر` with shadda still matched


@needs_corpus
def test_republication_credit_and_starred_author_notes_are_removed():
    body, meta = _clean(_record("ar-0037"))
    assert "نقلا عن" not in body
    assert meta["source_note"].startswith("نقلا عن")
    body, meta = _clean(_record("ar-0252"))
    assert "خدمة: «واشنطن بوست»" not in body and "(1982 - 2003)" not in body
    body, _ = _clean(_record("ar-0243"))
    assert "الوحدة الاقتصادية بـ«الشرق الأوسط»" not in body
    # A news digest whose items open with `*` keeps them: only a closing short note goes.
    body, _ = _clean(_record("ar-0246"))
    assert "* محكمة ألمانية ترفض تنحي الدفاع" in body
    assert "رفضت محكمة ميونيخ الألمانية" in body


@needs_corpus
def test_new_debris_rules_remove_no_body_paragraph_on_news300():
    # Every line the source / author-note rules take on news300 is a credit or note (measured: 4).
    taken = []
    for rec in _records():
        _, meta = _clean(rec)
        taken += [r["text"] for r in meta["removed"] if r["kind"] in ("source", "author_note")]
    assert len(taken) <= 6, taken
    assert all(len(t.split()) <= 10 for t in taken)


def test_outlet_datelines_reading_time_copyright_newsletter_and_bylines():
    page = "\n".join([
        "دقيقتان للقراءة",
        "عنوان الخبر عن المحادثات",
        "أبوظبي - سكاي نيوز عربية",
        "بقلم - محمد علي",
        "قال مسؤول في الحكومة إن المحادثات مع الجانب الآخر مستمرة منذ أسبوع.",
        "وأضاف أن الجولة المقبلة ستعقد في القاهرة.",
        "اشترك في نشرتنا البريدية لتصلك أهم الأخبار",
        "انضموا إلى قناتنا على تلغرام",
        "كل الحقوق محفوظة لموقع الخبر 2024",
    ])
    title, body, meta = clean_page(page)
    assert title == "عنوان الخبر عن المحادثات"
    assert body.split("\n") == ["قال مسؤول في الحكومة إن المحادثات مع الجانب الآخر مستمرة منذ أسبوع.",
                                "وأضاف أن الجولة المقبلة ستعقد في القاهرة."]
    assert meta["agency"] == "سكاي نيوز عربية"
    assert meta["author"] == "محمد علي"
    kinds = {r["kind"] for r in meta["removed"]}
    assert {"reading_time", "dateline", "byline", "promo"} <= kinds
