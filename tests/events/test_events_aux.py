"""aux detection: future, negated, hypothetical, and the guide's recoding of promises/stances."""

from __future__ import annotations

from rasid.events.aux import detect_aux
from rasid.events.clauses import build_doc
from rasid.events.triggers import load_lexicon
from rasid.text.normalize import normalize


def _aux(text: str, word: str) -> str | None:
    doc = build_doc(text)
    i = doc.words.index(normalize(word))
    forms = load_lexicon().forms[doc.words[i]]
    return detect_aux(doc, i, forms[0].kind, forms[0].future)


def test_future_by_form_and_cues() -> None:
    assert _aux("سيلتقي الوزير نظيره الفرنسي.", "سيلتقي") == "future"
    assert _aux("ومن المقرر أن يزور الرئيس موسكو.", "يزور") == "future"
    assert _aux("ومن المتوقع أن تستمر المحادثات يوم الخميس.", "المحادثات") == "future"
    assert _aux("يعتزم الرئيس زيارة القاهرة.", "زيارة") == "future"
    assert _aux("اجتماع الرئيس المقرر مع نظيره.", "اجتماع") == "future"


def test_negated() -> None:
    assert _aux("لم يستقبل الرئيس الوفد.", "يستقبل") == "negated"
    assert _aux("لن ينسحب الجيش من المدينة.", "ينسحب") == "negated"
    assert _aux("تنفي روسيا نيتها غزو أوكرانيا.", "غزو") == "negated"
    assert _aux("أعلنت الشرطة إحباط هجوم على السفارة.", "هجوم") == "negated"
    assert _aux("قرر عدم حضور الاجتماع.", "الاجتماع") is not None


def test_hypothetical() -> None:
    assert _aux("حذر الغرب من أن موسكو قد تخطط لغزو جارتها.", "لغزو") == "hypothetical"
    assert _aux("في حال الهجوم على لبنان سترد الحركة.", "الهجوم") == "hypothetical"
    assert _aux("يخشى السكان من قصف المدينة.", "قصف") == "hypothetical"


def test_plain_past_is_null() -> None:
    assert _aux("قصفت الطائرات مواقع المسلحين أمس.", "قصفت") is None
    assert _aux("وكان الوزير قد زار كوبا الشهر الماضي.", "زار") is None
