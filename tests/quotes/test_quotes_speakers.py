"""Speaker codes from hand-made entity and role layers (no entity stage involved)."""

from rasid.article import Article, Entity, Role
from rasid.quotes.stage import quotes_stage
from rasid.text.stage import sentences_stage


def ent(text: str, surface: str, type_: str, code: str | None, en: str | None = None,
        nth: int = 0) -> Entity:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Entity(start, start + len(surface), surface, type_, en, code)


def role(text: str, surface: str, code: str | None, en: str | None = None) -> Role:
    start = text.index(surface)
    return Role(start, start + len(surface), surface, en, code)


def run(text: str, entities=(), roles=()) -> Article:
    art = Article(raw=text, text=text, entities=list(entities), roles=list(roles))
    return quotes_stage(sentences_stage(art))


def test_name_inside_role_phrase_is_the_speaker_with_its_code():
    text = "وقال المتحدث باسم الخارجية الأميركية نيد برايس إن الوزير شدد على التنسيق مع الحلفاء."
    art = run(text, [ent(text, "نيد برايس", "PER", "USA", "Ned Price")],
              [role(text, "المتحدث باسم الخارجية الأميركية", "USA", "State Department spokesman")])
    (q,) = art.quotes
    assert (q.speaker_text, q.code, q.speaker_en) == ("نيد برايس", "USA", "Ned Price")
    assert text[q.speaker_start:q.speaker_end] == "نيد برايس"


def test_role_phrase_coded_by_the_organisation_inside_it():
    text = "قال مسؤول في حلف شمال الأطلسي (الناتو)، الثلاثاء، إن الاجتماع سيعقد الأسبوع المقبل."
    art = run(text, [ent(text, "حلف شمال الأطلسي", "ORG", "NATO", "NATO")])
    (q,) = art.quotes
    assert q.speaker_text == "مسؤول في حلف شمال الأطلسي" and q.code == "NATO"


def test_later_definite_reference_takes_the_earlier_speakers_code():
    text = ("قال مسؤول في حلف شمال الأطلسي إن الاجتماع سيعقد الأسبوع المقبل.\n"
            "وأضاف المسؤول أن \"أي حوار يجب أن يقوم على المعاملة بالمثل\".\n"
            "وتابع أن الحلف مستعد للحوار.")
    art = run(text, [ent(text, "حلف شمال الأطلسي", "ORG", "NATO", "NATO")])
    assert [(q.speaker_text, q.code) for q in art.quotes] == [
        ("مسؤول في حلف شمال الأطلسي", "NATO"), ("المسؤول", "NATO"), ("المسؤول", "NATO")]
    assert [q.direct for q in art.quotes] == [False, True, False]


def test_surname_mention_takes_the_code_of_the_full_name():
    text = ("وقال وزير الخارجية التركي مولود تشاووش أوغلو إن بلاده ترفض العقوبات.\n"
            "وكان أوغلو أشار إلى أن الحوار هو الحل.")
    art = run(text, [ent(text, "مولود تشاووش أوغلو", "PER", "TUR", "Mevlut Cavusoglu"),
                     ent(text, "أوغلو", "PER", None, nth=1)])
    assert [q.code for q in art.quotes] == ["TUR", "TUR"]
    assert art.quotes[1].speaker_text == "أوغلو"


def test_hal_quote_in_a_sentence_led_by_an_entity():
    text = "رفضت تركيا بقوة، الأربعاء، دعوات غربية، قائلة إن واشنطن أساءت فهم القرار."
    art = run(text, [ent(text, "تركيا", "GPE", "TUR", "Turkey"),
                     ent(text, "واشنطن", "GPE", "USA", "Washington")])
    (q,) = art.quotes
    assert (q.speaker_text, q.code) == ("تركيا", "TUR")


def test_anonymous_source_is_unk():
    text = "وقال مصدر رفض الكشف عن اسمه إن الحكومة ستستقيل."
    (q,) = run(text).quotes
    assert q.speaker_text == "مصدر رفض الكشف عن اسمه" and q.code == "UNK"


def test_object_of_confirm_with_named_subject():
    text = "أكد نائب رئيس الجمهورية إياد علاوي أهمية اعتماد الحوار بين دول المنطقة، مطالبا الحزب بالمغادرة."
    art = run(text, [ent(text, "إياد علاوي", "PER", "IRQ", "Ayad Allawi")])
    (q,) = art.quotes
    assert q.text == "أهمية اعتماد الحوار بين دول المنطقة"
    assert (q.speaker_text, q.code) == ("إياد علاوي", "IRQ")
