"""Publication dates (ISO, epoch, visible Arabic) and HTML metadata sources."""

from __future__ import annotations

import pytest

from rasid.article import Article
from rasid.ingest.clean import clean_stage
from rasid.ingest.dates import normalize_date, parse_visible_date
from rasid.ingest.html import looks_like_html


@pytest.mark.parametrize("text, iso", [
    ("١٢ كانون الثاني ٢٠٢٢", "2022-01-12"),
    ("الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)", "2013-08-28"),
    ("بتاريخ 17 حزيران/يونيو 2018", "2018-06-17"),
    ("الخميس 16 فيفري 2017", "2017-02-16"),
    ("10 أغسطس 2015 م", "2015-08-10"),
    ("Published On 16/7/2024", "2024-07-16"),
    ("31 فبراير 2020", None),
    ("قال الوزير", None),
])
def test_visible_dates(text: str, iso: str | None) -> None:
    assert parse_visible_date(text) == iso


@pytest.mark.parametrize("value, iso", [
    ("2018-07-16T10:53:50+04:00", "2018-07-16"),
    (1643334946000, "2022-01-28"),
    ("1643334946", "2022-01-28"),
    ("2015-08-04", "2015-08-04"),
    ("", None),
    ("not a date", None),
])
def test_normalize_date(value: object, iso: str | None) -> None:
    assert normalize_date(value) == iso


PAGE = """<!DOCTYPE html><html lang="ar"><head><title>عنوان الخبر | موقع الأخبار</title>
<link rel="canonical" href="https://news.example/politics/123"/>
<meta property="article:section" content="سياسة"/>
<meta name="keywords" content="العراق, تركيا"/>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle",
"headline":"عنوان الخبر","datePublished":"2015-07-26T08:00:00+03:00"}]}</script></head>
<body><nav><a href="/">الرئيسية</a> | <a href="/world">العالم</a></nav><article><h1>عنوان الخبر</h1>
<figure><img src="x.jpg"/><figcaption>جنود أتراك قرب الحدود - رويترز</figcaption></figure>
<p>أنقرة - (أ ف ب) - أعلنت مصادر رسمية مقتل عسكريين تركيين اثنين وجرح أربعة آخرين مساء أمس السبت في انفجار سيارة مفخخة استهدف قافلة عسكرية.</p>
<p>ولم تتبن أي جهة الهجوم، لكنه يأتي بينما هدد حزب العمال الكردستاني بقطع الهدنة مع أنقرة إثر الضربات الجوية التي شنها الجيش التركي.</p>
<p>وقالت القيادة العسكرية إن سيارة مفخخة انفجرت عند وصول قافلة مدرعات تابعة للقوات الخاصة للدرك لتعزيز وحدة أخرى.</p>
</article><footer>جميع الحقوق محفوظة © 2015</footer></body></html>"""


def test_html_metadata_sources() -> None:
    assert looks_like_html(PAGE) and not looks_like_html("<<عنوان>> قال الوزير")
    art = clean_stage(Article(raw=PAGE))
    assert art.title == "عنوان الخبر"
    assert art.published == "2015-07-26" and art.meta["published_source"] == "json-ld datePublished"
    assert art.meta["url"] == "https://news.example/politics/123"
    assert art.meta["section"] == "سياسة"
    assert art.meta["tags"] == ["العراق", "تركيا"]
    assert "جنود أتراك قرب الحدود - رويترز" in art.meta["captions"]
    assert art.meta["dateline_city"] == "أنقرة" and art.meta["agency"] == "أ ف ب"
    assert art.text.startswith("أعلنت مصادر رسمية")
    assert "الرئيسية" not in art.text and "الحقوق" not in art.text


def test_html_title_from_jsonl_is_kept() -> None:
    art = clean_stage(Article(raw=PAGE, title="عنوان من السجل", published="2015-07-27"))
    assert art.title == "عنوان من السجل" and art.published == "2015-07-27"
    assert art.meta["page_published"] == "2015-07-26"


def test_cp1256_html_through_sources(tmp_path) -> None:
    from rasid.ingest.sources import iter_inputs
    page = PAGE.replace("<head>", '<head><meta charset="windows-1256">')
    f = tmp_path / "page.htm"
    f.write_bytes(page.encode("cp1256", errors="ignore"))
    (art,) = iter_inputs([str(f)])
    assert "أعلنت مصادر رسمية" in clean_stage(art).text


def test_html_fragment_and_empty_page() -> None:
    art = clean_stage(Article(raw="<p>واشنطن - رويترز: قال الوزير إن الاجتماع انتهى.</p><p>وأضاف أن الوفد سيعود.</p>"))
    assert art.text == "قال الوزير إن الاجتماع انتهى.\nوأضاف أن الوفد سيعود."
    assert art.meta["agency"] == "رويترز"
    empty = clean_stage(Article(raw="<html><body><script>x()</script></body></html>"))
    assert empty.text == "" and empty.meta["page_kind"] == "empty"
