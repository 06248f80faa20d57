"""Pass-5 rules on real news sentences (bench/dev2, bench/dev3): accusations by unnamed critics,
gender agreement of a verb and the role noun after it, `شعبها`, two calls in two sentences,
`البلدين` and dual verbs resolved to the article's two parties, and two trigger senses
(`وقفا لإطلاق النار`, `على حشد`).

The entity and role layers are set by hand so the tests exercise the events stage only.
"""

from __future__ import annotations

from events_support import hand_article

from rasid.article import Article
from rasid.events.stage import events_stage

# surface -> (type, code, sector)
NAMES: dict[str, tuple[str, str, str | None]] = {
    "سو تشي": ("PER", "MMR", "GOV"), "ميانمار": ("GPE", "MMR", None),
    "مجموعتان عرقيتان": ("ORG", "MMR", "REB"), "العراقي": ("GPE", "IRQ", None),
    "الكويت": ("GPE", "KWT", None), "بغداد": ("GPE", "IRQ", None),
    "العراق": ("GPE", "IRQ", None), "مون جاي آن": ("PER", "KOR", "GOV"),
    "كيم جونغ أون": ("PER", "PRK", "GOV"), "كوريا الجنوبية": ("GPE", "KOR", None), "بيونغ يانغ": ("GPE", "PRK", None),
    "روسيا": ("GPE", "RUS", None), "داغستان": ("GPE", "RUS", None),
}
ROLES: dict[str, tuple[str | None, str]] = {
    "الشعب": ("MMR", "CVL"), "الحكومة": ("MMR", "GOV"),
    "الرئاسة الكورية الجنوبية": ("KOR", "GOV"), "الزعيم الكوري الشمالي": ("PRK", "GOV"),
}


def make(text: str) -> Article:
    """An article with entities/roles found by string search (longest names first)."""
    return hand_article(text, "2018-06-01", NAMES, ROLES)


def test_facing_criticism_is_an_accusation_by_unnamed_critics() -> None:
    text = ("وأشارت سو تشي في خطاب متلفز بشكل عابر إلى الأزمة في إقليم راخين، حيث تواجه حكومتها "
            "انتقادات حادة بسبب شن حملية عسكرية ضد مسلمي الروهينجا.")
    evs = events_stage(make(text)).events
    acc = [e for e in evs if e.event == "ACCUSE"]
    assert acc and acc[0].actor == ["UNK"] and acc[0].recipient[0].startswith("MMR")


def test_feminine_verb_takes_masculine_noun_as_object() -> None:
    text = ("وتواجه سو تشي تحديات لتحقيق التوقعات التي جلبت الرابطة إلى السلطة عام 2016. "
            "وحثت الشعب على احترام نوايا ورؤية المجتمع الدولي.")
    evs = [e for e in events_stage(make(text)).events if e.event == "REQUEST"]
    assert evs and evs[0].actor == ["MMR:GOV"] and evs[0].recipient == ["MMR:CVL"]


def test_own_people_and_two_calls_in_two_sentences() -> None:
    text = ("وطلبت زعيمة ميانمار الفعلية من شعبها أن يحافظ على وحدته، في مواجهة ما وصفته "
            "التحديات في الداخل والخارج.\n"
            "وتواجه سو تشي تحديات لتحقيق التوقعات.\n"
            "وحثت الشعب على احترام نوايا ورؤية المجتمع الدولي.")
    evs = [e for e in events_stage(make(text)).events if e.event == "REQUEST"]
    assert len(evs) == 2
    assert all(e.recipient == ["MMR:CVL"] for e in evs)


def test_the_two_countries_are_the_articles_two_parties() -> None:
    text = ("على الرغم من مرور 25 عاما على غزو النظام العراقي السابق الكويت في الثاني من أغسطس "
            "1990، ما زالت تداعيات الحدث ماثلة في الساحة العراقية وفي الكويت.\n"
            " بغداد حاولت خلال السنوات الماضية تطبيع العلاقات بين البلدين ووصلت إلى مستوى "
            "التمثيل الدبلوماسي.")
    evs = [e for e in events_stage(make(text)).events if e.event == "SUPPORT"]
    assert evs and evs[0].actor[0].startswith("IRQ") and evs[0].recipient == ["KWT"]


def test_two_state_solution_is_not_two_parties() -> None:
    from rasid.events.arguments import pair_groups
    from rasid.events.clauses import build_doc
    from rasid.events.arguments import build_groups
    text = "وأكدت بغداد والكويت ثم العراق والكويت دعم حل الدولتين."
    a = make(text)
    doc = build_doc(a.text, a.cache["sentences"])
    assert not [g for g in build_groups(a, doc) if g.last_kind == "pair"]
    assert pair_groups(doc, []) == []


def test_dual_verb_is_a_meeting_of_the_two_parties() -> None:
    text = ("أعلنت كوريا الجنوبية أن رئيسها مون جاي آن التقى الزعيم الكوري الشمالي كيم جونغ أون "
            "السبت، غداة إعلان أن عقد قمة مع بيونغ يانغ لا يزال ممكنا.\n"
            "وأكدت الرئاسة الكورية الجنوبية أن الزعيمين أجريا محادثات استمرت ساعتين في قرية "
            "بانمونجوم الحدودية حيث التقيا في 27 نيسان/أبريل ونشرا إعلانا مشتركا التزما فيه "
            "بتحسين العلاقات بينهما.")
    a = events_stage(make(text))
    tr = [t for t in a.cache["events_trace"] if text[t["start"]:t["end"]] == "التقيا"]
    assert tr and tr[0]["why"] == "event"
    assert {tr[0]["actor"][0][:3], tr[0]["recipient"][0][:3]} == {"KOR", "PRK"}
    # The joint pledge has no direction to score: no AGREE from one leader to the other.
    assert not any(e.event == "AGREE" for e in a.events)


def test_ceasefire_is_no_shooting() -> None:
    text = ("وقد وقعت مجموعتان عرقيتان في ميانمار وقفا لإطلاق النار مع الحكومة في شهر "
            "فبراير/شباط.")
    assert not any(e.event == "ASSAULT" for e in events_stage(make(text)).events)


def test_firing_on_a_crowd_is_no_mobilisation() -> None:
    text = ("قالت وكالات أنباء روسية نقلا عن وزارة الصحة في إقليم داغستان بجنوب روسيا إن رجلا "
            "أطلق النار على حشد أثناء خروجه من كنيسة بالإقليم، الأحد.")
    assert not any(e.event == "MOBILIZE" for e in events_stage(make(text)).events)
