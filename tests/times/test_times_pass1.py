"""Anaphoric days (`في اليوم التالي`), `كان حتى اليوم`, and imperfect verbs that look ahead
(`يفترض`, `يتوقع`), on sentences taken from news300 articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasid.times.tagger import tag

NEWS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "news300.jsonl"


def _times(text: str, published: str) -> list[tuple[str, str]]:
    """(text, value) of every time expression found."""
    return [(t.text, t.value) for t in tag(text, published)]


def test_next_day_counts_from_the_day_before_it():
    text = ("وقال اللفتنانت كولونيل جيري بيسانا إن القتال اندلع في البداية مع نحو 50 من أعضاء الحركة "
            "في قرية نائية صباح الخميس واستمر في اليوم التالي، وذكر الجيش في بيان منفصل أن جنديا أصيب.")
    assert _times(text, "2018-03-11") == [("صباح الخميس", "2018-03-08"), ("اليوم التالي", "2018-03-09")]


def test_next_day_across_sentences_and_same_day():
    text = ("وحصل الطاقم يوم السبت على إذن من خفر السواحل بالرسو في صقلية. وفي اليوم التالي أمر المدعي "
            "العام بمصادرة السفينة. وفي اليوم نفسه، احتجزت السلطات قاربا آخر.")
    got = dict(_times(text, "2018-03-19"))
    assert got["يوم السبت"] == "2018-03-17"
    assert got["اليوم التالي"] == "2018-03-18"
    assert got["اليوم نفسه"] == "2018-03-18"


def test_following_year_and_month_count_from_a_coarser_anchor():
    assert ("العام التالي", "2016") in _times("جرت الانتخابات عام 2015، وفي العام التالي فاز الحزب.", "2019-01-01")
    got = _times("وهبط سعر برنت في أكتوبر 2008 ليغلق عند 52 دولارا خلال الشهر نفسه.", "2015-01-01")
    assert ("الشهر نفسه", "2008-10") in got


def test_anaphors_without_an_anchor_or_with_another_reading_are_not_recorded():
    # No time expression before it: nothing to count from.
    assert _times("يعود إلى تجميد المياه في الثلاجة لاستخدامها في اليوم التالي.", "2015-07-01") == []
    # `السابق لـ…`: counted from an event, not from a stated day.
    assert _times("وكان الملك قد حذر الأحد. وكان قد حذر في اليوم السابق لتكليف الحكومة.", "2018-06-06") \
        == [("الأحد", "2018-06-03")]
    # `الأمين العام السابق`: "former", no preposition opens it.
    assert _times("وطرح كوفي أنان الأمين العام السابق للأمم المتحدة خيار التقسيم عام 2002.", "2018-01-01") \
        == [("عام 2002", "2002")]
    # A paragraph break cuts the chain.
    assert _times("وقع الهجوم الأحد.\nوفي اليوم التالي بدأت المحادثات.", "2018-06-06") == [("الأحد", "2018-06-03")]


def test_until_today_after_was_is_today_but_to_this_day_is_not():
    text = "مكلف خصوصا ملف مفاوضات السلام في الشرق الأوسط وكان حتى اليوم يطّلع على المعلومات البالغة السرية."
    assert _times(text, "2018-02-28") == [("اليوم", "2018-02-28")]
    assert _times("ولا تزال آثار الحرب قائمة حتى اليوم في المدينة.", "2018-02-28") == []


def test_supposed_to_and_expected_look_ahead():
    text = 'ويفترض اقرار قانون "مكافحة الارهاب" الجمعة ليحل محل قانون صادر في 2003.'
    assert ("الجمعة", "2015-07-24") in _times(text, "2015-07-23")
    assert ("الأحد", "2018-06-10") in _times("ويتوقع أن يصوت البرلمان الأحد على القانون.", "2018-06-06")


@pytest.mark.skipif(not NEWS.exists(), reason="shared corpus not present")
def test_anaphors_on_news300_are_rare_and_anchored():
    found = []
    for line in NEWS.open(encoding="utf-8"):
        rec = json.loads(line)
        for t in tag(rec["text"], rec["date"][:10]):
            if t.text.endswith(("التالي", "السابق", "نفسه", "ذاته")):
                found.append((rec["id"], t.text, t.value))
    # Each has a value on the calendar; there are few of them (no run-away matching).
    assert 2 <= len(found) <= 15, found
    assert all(v[:4].isdigit() for _, _, v in found)


def test_tonight_and_this_morning_are_the_news_day():
    text = "ولا يزال الناشطان ينتظران في مطار المنامة على أمل المغادرة في رحلة الليلة أو صباح الغد."
    assert _times(text, "2018-04-04") == [("الليلة", "2018-04-04"), ("صباح الغد", "2018-04-05")]
    assert _times("فرض التحالف هدنة تبدأ من منتصف الليلة، استجابة لطلب الرئيس.", "2015-07-26") \
        == [("الليلة", "2015-07-26")]
    assert _times("وفي تلك الليلة قتل ثلاثة. وكانت الليلة الأولى هادئة.", "2015-07-26") == []


def test_yearless_dates_take_the_year_the_narrative_just_wrote():
    # France 24 (news300 ar-0135): a list of attacks by year, each item's day without a year.
    text = ("وأعلن التنظيم مسؤوليته عن الحادث.\nاعتداء مارسيليا للعام 2017\n"
            "في الأول من تشرين الأول/أكتوبر، قتل رجل امرأتين طعنا في محطة القطارات.")
    assert ("الأول من تشرين الأول/أكتوبر", "2017-10-01") in _times(text, "2018-05-13")
    text = ("ويعتقد أنه قد قتل في يونيو (حزيران) عام 1985 رغم أن مختطفيه قد أعلنوا قتله "
            "في أكتوبر (تشرين الأول) من ذلك العام.")
    assert ("أكتوبر (تشرين الأول)", "1985-10") in _times(text, "2015-07-22")
    text = "بدأت الاحتجاجات العام 2011 فقامت السلطات باعتقاله مجددا في 9 أبريل/نيسان من نفس العام."
    assert ("9 أبريل/نيسان", "2011-04-09") in _times(text, "2018-04-04")


def test_since_years_bare_years_and_recent_days_do_not_set_the_year():
    # `منذ عام 2011` is a starting point, not the narrative's year.
    got = _times("قاد هيئة الأركان منذ عام 2011. ولم تتشكل أي حكومة منذ انتخابات يونيو التي خسر فيها الحزب.",
                 "2015-08-06")
    assert ("يونيو", "2015-06") in got
    # A bare year (`حرب 2014`) and a day close to publication keep the current year.
    got = _times("منذ حرب 2014، قتل العشرات منذ بدء التظاهرات في 30 آذار/مارس.", "2018-06-19")
    assert ("30 آذار/مارس", "2018-03-30") in got
    got = _times("وقعت الاتفاقية عام 2015. وقال الوزير في 2 يونيو إن المحادثات مستمرة.", "2018-06-19")
    assert ("2 يونيو", "2018-06-02") in got


def test_a_year_written_with_lam_al_is_a_year():
    assert _times("أفصحت الشركات عن بياناتها المالية للعام 2009 استنادا إلى المادة 20.", "2010-06-01") \
        == [("للعام 2009", "2009")]
