"""Days and months without a year follow their clause's tense when the nearest year is far."""

from rasid.times.tagger import tag


def values(text: str, published: str) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag(text, published)]


def test_future_clause_moves_a_past_looking_day_to_next_year():
    assert ("15 فبراير", "2019-02-15") in values("ومن المقرر أن تعقد القمة المقبلة في 15 فبراير.", "2018-06-10")


def test_past_clause_moves_a_future_looking_month_to_last_year():
    assert ("نوفمبر", "2017-11") in values("وكانت الحكومة قد أعلنت في نوفمبر عن خطة جديدة.", "2018-07-01")


def test_near_dates_keep_the_nearest_year_whatever_the_verb():
    assert ("12 يناير", "2022-01-12") in values("دعا الوزير إلى عقد اجتماع في 12 يناير لبحث الأزمة.", "2022-01-04")


def test_no_tense_cue_keeps_the_nearest_occurrence():
    assert ("نوفمبر", "2018-11") in values("انتخابات نوفمبر حاسمة للحزبين.", "2018-07-01")
