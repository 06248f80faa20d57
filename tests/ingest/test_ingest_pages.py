"""HTML and page-data inputs from /work/shared/pages, checked against their expectations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasid.article import Article
from rasid.ingest.clean import clean_stage

PAGES = Path(__file__).resolve().parents[2] / ".." / "shared" / "pages"


def _clean(name: str) -> Article:
    """Clean one page file."""
    return clean_stage(Article(raw=(PAGES / name).read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def cnn() -> Article:
    return _clean("01_cnn_arabic_2013-08-03_syria_clashes.html")


def test_cnn_matches_newspaper_gold(cnn: Article) -> None:
    gold = (PAGES / "01_cnn_arabic_2013-08-03_syria_clashes.gold_text.newspaper.txt").read_text(encoding="utf-8")
    paras = [p.strip() for p in gold.split("\n") if p.strip()]
    dateline = next(r["text"] for r in cnn.meta["removed"] if r["kind"] == "dateline")
    paras[0] = paras[0][len(dateline):].strip()  # the dateline moved to meta by design
    assert all(p in cnn.text for p in paras)
    body_chars = sum(len(p) for p in cnn.text.split("\n") if p.strip())
    assert sum(len(p) for p in paras) / body_chars > 0.99  # nothing but gold paragraphs
    assert cnn.meta["dateline_city"] == "دمشق" and cnn.meta["agency"] == "CNN"
    assert cnn.title == "معارضون يسيطرون على مخازن للصواريخ بريف دمشق"
    assert cnn.published == "2013-08-03"
    assert cnn.meta["url"].startswith("http://arabic.cnn.com/2013/")
    assert cnn.meta["page_kind"] == "article" and cnn.meta["language"] == "ar"


def test_assabah_include_exclude() -> None:
    art = _clean("02_assabah_tn_sudan_interview.html")
    for s in ["منذ بدء", "كل المجالات", "وماذا عن حقيقة"]:
        assert s in art.text
    for s in ["غائم جزئيا", "إضافة تعليق جديد"]:
        assert s not in art.text
    assert art.title.startswith("الناشط الحقوقي السوداني")
    assert not art.text.startswith("الناشط الحقوقي السوداني")  # the headline is not body
    assert art.meta["author"] == "آسيا العتروس"


def test_lbc_matches_fundus() -> None:
    art = _clean("03_lbc_lebanon_2026-01-08_trump_hair.html")
    exp = json.loads((PAGES / "03_lbc_lebanon_2026-01-08_trump_hair.expected.fundus.json").read_text())["V1"]
    paras = [p.strip() for s in exp["body"]["sections"] for p in s["paragraphs"]]
    assert all(p in art.text for p in paras)
    assert len(art.text.split("\n")) == len(paras)
    assert art.title == exp["title"]
    assert art.published == exp["publishing_date"][:10]


def test_bbc_page_data() -> None:
    art = _clean("04_bbc_arabic_2022-01-28_world-60135442.page_data.json")
    gold = (PAGES / "04_bbc_arabic_2022-01-28_world-60135442.gold_text.derived.txt").read_text(encoding="utf-8")
    paras = [p.strip() for p in gold.split("\n") if p.strip()]
    assert [p.strip() for p in art.text.split("\n")] == paras
    assert art.published == "2022-01-28"
    assert art.title.startswith("روسيا وأوكرانيا: بايدن يحذر")
    assert art.meta["related"] and art.meta["captions"] and "أوكرانيا" in art.meta["tags"]
    assert art.meta["format"] == "page-data-json"


def test_aljazeera_listing_is_not_an_article() -> None:
    art = _clean("05_aljazeera_net_palestine_section_listing.html")
    assert art.meta["page_kind"] == "listing"
    assert art.text == ""


def test_articles_are_not_listings() -> None:
    for name in ("01_cnn_arabic_2013-08-03_syria_clashes.html", "03_lbc_lebanon_2026-01-08_trump_hair.html"):
        assert _clean(name).meta["page_kind"] == "article"
