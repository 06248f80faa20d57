"""Arguments by syntax on hand-made articles: VSO/SVO, recipient prepositions, lists, date, place."""

from __future__ import annotations

from events_support import hand_article

from rasid.article import Article
from rasid.events.merge import dates_compatible, merge_events, same_happening
from rasid.events.stage import events_stage

# surface -> (type, code, sector, name_en)
NAMES: dict[str, tuple[str, str | None, str | None, str | None]] = {
    "روسيا": ("GPE", "RUS", None, "Russia"), "موسكو": ("GPE", "RUS", None, "Moscow"),
    "أوكرانيا": ("GPE", "UKR", None, "Ukraine"), "كييف": ("GPE", "UKR", None, "Kyiv"),
    "الولايات المتحدة": ("GPE", "USA", None, "United States"), "جنيف": ("GPE", "CHE", None, "Geneva"),
    "بروكسل": ("GPE", "BEL", None, "Brussels"), "تركيا": ("GPE", "TUR", None, "Turkey"),
    "أنقرة": ("GPE", "TUR", None, "Ankara"), "فرنسا": ("GPE", "FRA", None, "France"),
    "إسرائيل": ("GPE", "ISR", None, "Israel"), "دمشق": ("GPE", "SYR", None, "Damascus"),
    "بلغاريا": ("GPE", "BGR", None, "Bulgaria"), "إستونيا": ("GPE", "EST", None, "Estonia"),
    "بولندا": ("GPE", "POL", None, "Poland"), "الناتو": ("ORG", "NATO", "IGO", "NATO"),
    "سيرغي لافروف": ("PER", "RUS", "GOV", "Sergei Lavrov"), "كوبا": ("GPE", "CUB", None, "Cuba"),
}
ROLES: dict[str, tuple[str, str]] = {
    "وزير الخارجية الأميركي": ("USA", "GOV"), "الجيش الإسرائيلي": ("ISR", "MIL"),
    "نظيره التركي": ("TUR", "GOV"), "الحكومة العراقية": ("IRQ", "GOV"),
    "وزير الخارجية الأميركي": ("USA", "GOV"),
}
TIMES: dict[str, str] = {"10 يناير": "2022-01-10", "الثلاثاء": "2022-01-04", "أمس": "2022-01-03",
                         "الأسبوع المقبل": "2022-W02", "12 يناير": "2022-01-12"}


def make(text: str, published: str = "2022-01-04") -> Article:
    """An article with entity, role and time layers found by exact string search."""
    return hand_article(text, published, NAMES, ROLES, times=TIMES)


def events(text: str) -> list:
    return events_stage(make(text)).events


def _one(evs: list, etype: str):
    found = [e for e in evs if e.event == etype]
    assert found, f"no {etype} in {[(e.event, e.actor, e.recipient) for e in evs]}"
    return found[0]


def test_vso_actor_and_object() -> None:
    e = _one(events("اتهمت أنقرة فرنسا بإعطاء معلومات كاذبة."), "ACCUSE")
    assert e.actor == ["TUR"] and e.recipient == ["FRA"]


def test_svo_actor() -> None:
    e = _one(events("وقالت الصحيفة إن روسيا هاجمت أوكرانيا أمس."), "ASSAULT")
    assert e.actor == ["RUS"] and e.recipient == ["UKR"] and e.date == "2022-01-03"


def test_recipient_after_preposition() -> None:
    e = _one(events("شن الجيش الإسرائيلي غارات على دمشق."), "ASSAULT")
    assert e.actor == ["ISR:MIL"] and e.recipient == ["SYR"] and e.mode == "aerial"
    evs = events("ندد وزير الخارجية الأميركي بالهجوم الروسي على أوكرانيا.")
    e = _one(evs, "ACCUSE")
    assert e.actor == ["USA:GOV"] and e.recipient == ["RUS"]
    e = _one(evs, "ASSAULT")
    assert e.actor == ["RUS"] and e.recipient == ["UKR"]
    # With no attacker named, the condemned attack is not given the speaker as its actor.
    assert not [x for x in events("ندد وزير الخارجية الأميركي بالهجوم على أوكرانيا.")
                if x.event == "ASSAULT"]


def test_between_x_and_y() -> None:
    e = _one(events("ستعقد محادثات أمنية بين الولايات المتحدة وروسيا في جنيف 10 يناير."), "CONSULT")
    assert e.actor == ["USA"] and e.recipient == ["RUS"]
    assert e.date == "2022-01-10" and e.location == "Geneva" and e.aux == "future"


def test_multiple_recipients_and_separate_partner() -> None:
    evs = events("تحدث وزير الخارجية الأميركي في مكالماته الهاتفية مع وزراء خارجية بلغاريا "
                 "وإستونيا وبولندا، وبشكل منفصل مع نظيره التركي.")
    consult = [e for e in evs if e.event == "CONSULT"]
    assert consult[0].actor == ["USA:GOV"] and consult[0].mode == "phone"
    assert consult[0].recipient == ["BGR", "EST", "POL"]
    assert any(e.recipient == ["TUR:GOV"] for e in consult)


def test_visit_date_location_and_mode() -> None:
    e = _one(events("زار سيرغي لافروف كوبا الثلاثاء."), "CONSULT")
    assert e.mode == "visit" and e.actor == ["RUS:GOV"] and e.recipient == ["CUB"]
    assert e.date == "2022-01-04" and e.aux is None


def test_statement_in_quote_and_call() -> None:
    e = _one(events("دعت الحكومة العراقية تركيا إلى وقف القصف."), "REQUEST")
    assert e.actor == ["IRQ:GOV"] and e.recipient == ["TUR"] and e.mode == "yield"
    # The governed `القصف` is the content of the call, not an event.
    assert not [x for x in events("دعت الحكومة العراقية تركيا إلى وقف القصف.") if x.event == "ASSAULT"]


def test_negated_promise_becomes_reject() -> None:
    e = _one(events("أعلنت تركيا أنها لم تؤيد طلب فرنسا."), "REJECT")
    assert e.actor == ["TUR"] and e.aux is None


def test_merging_repeats_one_happening() -> None:
    evs = events("هاجمت روسيا أوكرانيا أمس. وقالت المصادر إن روسيا هاجمت أوكرانيا بعنف.")
    assert len([e for e in evs if e.event == "ASSAULT"]) == 1


def test_dates_compatible_and_same_happening() -> None:
    assert dates_compatible("2022-W02", "2022-01-12")
    assert not dates_compatible("2022-01-10", "2022-01-12")
    from rasid.article import Event
    a = Event(0, 1, "", "CONSULT", actor=["NATO"], recipient=["RUS"], date="2022-W02", aux="future")
    b = Event(5, 9, "", "CONSULT", actor=["RUS:GOV"], recipient=["NATO"], date="2022-01-12", aux="future")
    assert same_happening(a, b)
    merged = merge_events([a, b])
    assert len(merged) == 1 and merged[0].date == "2022-01-12"
    c = Event(0, 1, "", "ASSAULT", actor=["RUS"], recipient=["UKR"], aux="negated")
    d = Event(5, 9, "", "ASSAULT", actor=["RUS"], recipient=["UKR"], aux="hypothetical")
    assert len(merge_events([c, d])) == 2


def test_scores_attached() -> None:
    e = _one(events("شن الجيش الإسرائيلي غارات على دمشق."), "ASSAULT")
    assert e.cameo == "19" and e.goldstein == -10.0
