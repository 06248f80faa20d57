"""Recall rules on real news sentences (news300): participles, judgements in quotes, agents,
possessive pronouns, conjoined verbs, sector clashes and implicit targets.

The entity, role and quote layers are set by hand so the tests exercise the events stage only.
"""

from __future__ import annotations

from events_support import first_codes, hand_article

from rasid.article import Article
from rasid.events.stage import events_stage

# surface -> (type, code, sector)
NAMES: dict[str, tuple[str, str, str | None]] = {
    "فاسيلي نيبينزيا": ("PER", "RUS", "GOV"), "واشنطن": ("GPE", "USA", None),
    "الأمم المتحدة": ("ORG", "UN", "IGO"), "خالد اليماني": ("PER", "YEM", "GOV"),
    "جبران باسيل": ("PER", "LBN", "GOV"), "تركيا": ("GPE", "TUR", None),
    "فرنسا": ("GPE", "FRA", None), "الولايات المتحدة": ("GPE", "USA", None),
    "سوريا": ("GPE", "SYR", None), "إسرائيل": ("GPE", "ISR", None),
    "ستيفن منوتشين": ("PER", "USA", "GOV"), "برانسون": ("PER", "USA", "REL"),
    "حزب العمال الكردستاني": ("ORG", "TUR", "REB"), "أنقرة": ("GPE", "TUR", None),
    "إيران": ("GPE", "IRN", None), "مجلس النواب": ("ORG", "IRQ", "LEG"),
}
ROLES: dict[str, tuple[str, str]] = {
    "السفير الروسي": ("RUS", "GOV"), "وزير الخارجية اليمني": ("YEM", "GOV"),
    "نظيره اللبناني": ("LBN", "GOV"), "الحكومة اللبنانية": ("LBN", "GOV"),
    "وزير الخزانة": ("USA", "GOV"), "السلطات التركية": ("TUR", "GOV"),
    "الجيش التركي": ("TUR", "MIL"), "الحكومة العراقية": ("IRQ", "GOV"),
}


def make(text: str, quotes: list[tuple[str, str, str]] = ()) -> Article:
    """An article with entities/roles found by string search; quotes (direct) as (quote, speaker, code)."""
    return hand_article(text, "2018-08-01", NAMES, ROLES, quotes=quotes, direct=True)


_ev = first_codes


def test_participle_accuses_with_main_subject() -> None:
    text = ('وقال السفير الروسي لدى الأمم المتحدة، فاسيلي نيبينزيا، إن "الأولوية القصوى لدينا '
            'هي تفادي خطر الحرب"، متهما واشنطن بأنها تهدد السلام العالمي.')
    assert ("ACCUSE", "RUS", "USA") in _ev(make(text))


def test_participle_call_takes_object_as_recipient() -> None:
    text = ("بعث وزير الخارجية اليمني، خالد اليماني، رسالة احتجاج شديدة اللهجة إلى نظيره "
            "اللبناني، جبران باسيل، داعياً الحكومة اللبنانية إلى كبح جماح الميليشيات.")
    assert ("REQUEST", "YEM", "LBN") in _ev(make(text))


def test_judgement_in_quote_is_speakers_condemnation_of_agent() -> None:
    q = "الاعتقال الظالم للقس برانسون وملاحقته من جانب السلطات التركية مرفوضان بكل بساطة"
    text = f'وقال وزير الخزانة ستيفن منوتشين إن "{q}".'
    evs = _ev(make(text, [(q, "ستيفن منوتشين", "USA:GOV")]))
    assert ("ACCUSE", "USA", "TUR") in evs
    # The arrest's agent is the `من جانب` phrase, its patient the priest.
    assert ("COERCE", "TUR", "USA") in evs


def test_judgement_outside_quote_is_no_event() -> None:
    text = "ووصف المراقبون القرار بأنه غير مقبول في تركيا."
    assert not any(t == "ACCUSE" for t, _, _ in _ev(make(text)))


def test_unacceptable_demand_in_quote() -> None:
    q = "غير مقبولة"
    text = f'وردت تركيا بأن المطالب الأمريكية بإطلاق سراح برانسون "{q}".'
    assert ("ACCUSE", "TUR", "USA") in _ev(make(text, [(q, "تركيا", "TUR")]))


def test_conjoined_verb_keeps_subject_and_takes_object() -> None:
    text = ("رفضت تركيا بقوة، الأربعاء، دعوات غربية لتعليق حملتها في شمال غرب سوريا، قائلة إن "
            'الولايات المتحدة أساءت فهم نطاق القرار، واتهمت فرنسا بإعطاء "معلومات كاذبة" عن القضية.')
    evs = _ev(make(text))
    assert ("ACCUSE", "TUR", "FRA") in evs
    assert not any(t == "ACCUSE" and a == "FRA" for t, a, _ in evs)


def test_possessive_army_refers_to_previous_subject() -> None:
    text = ("وحذرت إسرائيل مراراً من تنامي الوجود العسكري في المنطقة. "
            "ونفذ جيشها ضربات ضد أهداف إيرانية ومرتبطة بإيران.")
    assert ("ASSAULT", "ISR", "IRN") in _ev(make(text))


def test_relative_clause_names_the_attacker() -> None:
    text = "وقعت اشتباكات اثر الضربات الجوية التي شنها الجيش التركي الجمعة على معسكرات حزب العمال الكردستاني."
    evs = _ev(make(text))
    assert any(t == "ASSAULT" and a == "TUR" for t, a, _ in evs)


def test_government_and_parliament_are_two_actors() -> None:
    text = "إلى ذلك، دعت الحكومة العراقية مجلس النواب إلى الإسراع بتشريع القوانين."
    a = make(text)
    evs = events_stage(a).events
    assert any(e.event == "REQUEST" and e.actor == ["IRQ:GOV"] and e.recipient == ["IRQ:LEG"]
               for e in evs)


def test_rebels_threat_against_own_government() -> None:
    text = "هدد حزب العمال الكردستاني بقطع الهدنة مع أنقرة."
    assert ("THREATEN", "TUR", "TUR") in _ev(make(text))


def test_refusing_to_give_a_name_is_no_rejection() -> None:
    text = "وقال مسؤول في الحكومة العراقية رفض الكشف عن اسمه إن الاجتماع انتهى."
    assert not any(t == "REJECT" for t, _, _ in _ev(make(text)))


def test_ministry_is_not_a_visit() -> None:
    text = "وقالت وزارة الخارجية الأمريكية إن واشنطن ستفرض عقوبات على تركيا."
    assert not any(t == "CONSULT" for t, _, _ in _ev(make(text)))
