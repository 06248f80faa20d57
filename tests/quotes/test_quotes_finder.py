"""Quote finder on text alone (no entity layers): styles, introducers, extents, carry-forward."""

import pytest

from rasid.article import Article
from rasid.quotes.stage import quotes_stage
from rasid.text.stage import sentences_stage


def run(text: str, title: str | None = None) -> Article:
    art = Article(raw=text, text=text, title=title)
    return quotes_stage(sentences_stage(art))


def only(text: str):
    qs = [q for q in run(text).quotes if not q.in_title]
    assert len(qs) == 1, [q.text for q in qs]
    return qs[0]


@pytest.mark.parametrize("open_, close", [('"', '"'), ("«", "»"), ("“", "”"), ("'", "'")])
def test_every_quotation_style_is_a_direct_quote(open_, close):
    text = f"وقال وزير الخارجية {open_}لن نقبل بأي تدخل في شؤوننا الداخلية{close}."
    q = only(text)
    assert q.text == "لن نقبل بأي تدخل في شؤوننا الداخلية"
    assert q.direct and q.cue == "وقال"
    assert text[q.start:q.end] == q.text


def test_direct_quote_running_across_sentences():
    text = "وقال الرئيس: «نحن مستعدون للحوار. لكننا لن نتنازل عن حقوقنا». وغادر القاعة."
    q = only(text)
    assert q.text == "نحن مستعدون للحوار. لكننا لن نتنازل عن حقوقنا" and q.direct


@pytest.mark.parametrize("intro", ["إن", "إنّ", "أن", "بأن", "إنه"])
def test_introducer_is_not_part_of_the_quote(intro):
    q = only(f"وقال المتحدث باسم الحكومة {intro} المفاوضات ستستأنف الأسبوع المقبل.")
    assert q.text == "المفاوضات ستستأنف الأسبوع المقبل"
    assert not q.direct
    assert q.speaker_text == "المتحدث باسم الحكومة"


@pytest.mark.parametrize("cue, prep", [("أكدت", ""), ("أوضح", ""), ("شدد", "على"), ("أعلن", ""),
                                       ("نفى", ""), ("حذر", "من"), ("أشار", "إلى"),
                                       ("لفت", "إلى"), ("اعتبر", ""), ("رأى", "")])
def test_cue_verbs_with_their_prepositions(cue, prep):
    q = only(f"{cue} الوزير {prep} أن الاتفاق سيوقع قريبا.".replace("  ", " "))
    assert q.text == "الاتفاق سيوقع قريبا"
    assert q.speaker_text == "الوزير"


def test_hal_participle_starts_a_new_quote_by_the_same_speaker():
    text = ("قال مسؤول في حلف شمال الأطلسي، الثلاثاء، إن الاجتماع سيعقد الأسبوع المقبل، "
            "لافتاً إلى أن الحوار يجب أن يقوم على المعاملة بالمثل.")
    qs = run(text).quotes
    assert [q.text for q in qs] == ["الاجتماع سيعقد الأسبوع المقبل",
                                    "الحوار يجب أن يقوم على المعاملة بالمثل"]
    assert [q.speaker_text for q in qs] == ["مسؤول في حلف شمال الأطلسي"] * 2
    assert qs[1].cue == "لافتاً" and qs[1].speaker_start is None  # implicit, carried


def test_speaker_carries_forward_and_respects_gender():
    text = ("واتهم المرشح خصومه بـ\"تدمير سمعته لأغراض سياسية\".\n"
            "وتقول الأستاذة الجامعية إن الحادث وقع قبل سنوات.\n"
            "وزعمت أن ذلك أثر على حياتها.\n"
            "وقال أمام اللجنة إنه \"بريء\".")
    qs = run(text).quotes
    assert [q.speaker_text for q in qs] == ["المرشح", "الأستاذة الجامعية", "الأستاذة الجامعية",
                                            "المرشح"]
    assert qs[0].text == "تدمير سمعته لأغراض سياسية" and qs[0].direct
    assert qs[3].text == "بريء" and qs[3].direct


def test_cue_then_quotation_marks_after_an_introducer():
    q = only('وأضاف المسؤول أن "أي حوار يجب أن يقوم على أساس المعاملة بالمثل".')
    assert q.text == "أي حوار يجب أن يقوم على أساس المعاملة بالمثل" and q.direct


def test_relay_speaker_is_the_one_quoted_not_the_agency():
    q = only('ونقلت وكالة "رويترز" عن المسؤول قوله إن الأمين العام دعا إلى اجتماع.')
    assert q.speaker_text == "المسؤول"
    assert q.text == "الأمين العام دعا إلى اجتماع"


def test_attribution_and_trailing_attribution():
    q = only("وبحسب المصدر فإن المرجعية الدينية تصر على محاسبة المسؤولين.")
    assert q.speaker_text == "المصدر" and q.cue == "بحسب"
    assert q.text == "المرجعية الدينية تصر على محاسبة المسؤولين"
    q = only("وأكدت المتحدثة باسم الوزارة أن الوفد سيحضر الاجتماع، بحسب رويترز.")
    assert q.text == "الوفد سيحضر الاجتماع"


def test_role_with_apposed_name_gives_the_name():
    q = only("وأكدت المتحدثة باسم وزارة الخارجية الروسية، ماريا زاخاروفا أن الوفد سيحضر.")
    assert q.speaker_text == "ماريا زاخاروفا"
    assert q.text == "الوفد سيحضر"


def test_quoted_names_are_not_quotes():
    text = 'وقال المتحدث لـ"الوطن": إن الحكومة ترفض القصف.'
    q = only(text)
    assert q.text == "الحكومة ترفض القصف"
    assert run('يزور الوزير "خط التماس" غدا.').quotes == []


def test_impersonal_frames_have_no_quote():
    assert run("ويذكر أن الاتفاق وقع عام 2015.").quotes == []
    assert run("وتم الاتفاق بعد أن أعلن الطرفان موافقتهما.").quotes == []


def test_title_quote_kept_once():
    body = "وقال المتحدث باسم الحزب إن الانتخابات ستجري في موعدها."
    art = run(body, title="المتحدث باسم الحزب: الانتخابات ستجري في موعدها")
    assert [q.in_title for q in art.quotes] == [False]  # the body repeats it
    art = run(body, title="المتحدث لـ الوطن : الحزب لن يقاطع الانتخابات المقبلة")
    titles = [q for q in art.quotes if q.in_title]
    assert len(titles) == 1 and titles[0].text == "الحزب لن يقاطع الانتخابات المقبلة"
    t = titles[0]
    assert art.title[t.start:t.end] == t.text and t.speaker_text == "المتحدث"


def test_masdar_cue_after_the_source():
    q = only("ونقل التلفزيون الرسمي عن الوزير قوله إن الحدود ستفتح غدا.")
    assert q.speaker_text == "الوزير" and q.text == "الحدود ستفتح غدا"
    q = only("وكان قد نقل عن المتحدث تأكيده أن الوفد وصل.")
    assert q.speaker_text == "المتحدث"
