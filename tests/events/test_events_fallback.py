"""Argument fallbacks and new lexicon entries on real news300 sentences (not gold, not held-out):
unknown perpetrators, the place's state as target, light verbs, `تعرض … لهجوم من`, bare role
heads resolved from context, summit participants, blame with a far `المسؤولية`, open fire.

The entity, role and quote layers are set by hand so the tests exercise the events stage only.
"""

from __future__ import annotations

from events_support import first_codes, hand_article

from rasid.article import Article
from rasid.events.arguments import resolve_bare_roles
from rasid.events.stage import events_stage
from rasid.events.triggers import load_lexicon, match_token
from rasid.text.normalize import normalize

# surface -> (type, code, sector)
NAMES: dict[str, tuple[str, str, str | None]] = {
    "مقديشو": ("GPE", "SOM", None), "قندهار": ("GPE", "AFG", None),
    "حزب العمال الكردستاني": ("ORG", "TUR", "REB"), "سيعرت": ("GPE", "TUR", None),
    "تركيا": ("GPE", "TUR", None), "حماس": ("ORG", "PSE", "REB"),
    "شرم الشيخ": ("GPE", "EGY", None), "فلسطين": ("GPE", "PSE", None),
    "إسرائيل": ("GPE", "ISR", None), "مصر": ("GPE", "EGY", None), "الأردن": ("GPE", "JOR", None),
    "الولايات المتحدة": ("GPE", "USA", None), "تنظيم الدولة": ("ORG", "ISIL", "REB"),
    "موتانييتا": ("GPE", "ECU", None),
}
# surface -> (code or None, sector)
ROLES: dict[str, tuple[str | None, str]] = {
    "الشرطة الصومالية": ("SOM", "COP"), "الجيش الإسرائيلي": ("ISR", "MIL"),
    "القوات الحكومية السورية": ("SYR", "MIL"), "مسلحو": (None, "REB"),
    "عناصر الأمن": (None, "COP"), "مسلحون": (None, "REB"),
}


def make(text: str, quotes: list[tuple[str, str, str]] = ()) -> Article:
    """An article with entities/roles found by string search; quotes as (quote, speaker, code)."""
    return hand_article(text, "2018-06-01", NAMES, ROLES, quotes=quotes)


_ev = first_codes


def test_unnamed_bomber_is_unk_and_target_is_place_state() -> None:
    # ar-0078: the police report the attack; the reporter is not the attacker.
    text = ("قالت الشرطة الصومالية إن انتحاريا شن هجوما كبيرا بسيارة مفخخة على مبنى حكومي في "
            "العاصمة مقديشو مما أدى إلى انهيار مدرسة مجاورة.")
    q = "انتحاريا شن هجوما كبيرا بسيارة مفخخة على مبنى حكومي في العاصمة مقديشو"
    assert ("ASSAULT", "UNK", "SOM") in _ev(make(text, [(q, "الشرطة الصومالية", "SOM:COP")]))


def test_passive_killing_in_suicide_attack() -> None:
    # ar-0055
    text = "كما قُتل 11 تلميذا، على الأقل، في هجوم انتحاري بإقليم قندهار الجنوبي، بحسب ما أعلنته الشرطة."
    evs = events_stage(make(text)).events
    assert any(e.event == "ASSAULT" and e.actor == ["UNK"] and e.recipient == ["AFG"] for e in evs)


def test_light_verb_after_noun_names_attacker() -> None:
    # ar-0054: `هجوم شنه مسلحو حزب العمال` — the attacker follows the pronoun-carrying light verb.
    text = ("أفادت مصادر أمنية تركية الجمعة بمقتل ستة من عناصر الأمن في هجوم شنه مسلحو حزب العمال "
            "الكردستاني بالقرب من قاعدة عسكرية في ولاية سيعرت جنوب شرقي تركيا.")
    assert ("ASSAULT", "TUR", "TUR") in _ev(make(text))
    e = [e for e in events_stage(make(text)).events if e.trigger == "هجوم"][0]
    assert e.actor == ["TUR:REB"]


def test_suffered_attack_from_agent() -> None:
    # ar-0068: `يتعرض مسلحو التنظيم لهجوم … من القوات الحكومية السورية`; the bare role
    # `مسلحو التنظيم` refers back to `تنظيم الدولة`.
    text = ("ولا تزال هذه البلدة، الواقعة على الضفة الشرقية لنهر الفرات تحت سيطرة مقاتلي تنظيم "
            "الدولة الذين يحتفظون بجيوب في المنطقة. ويتعرض مسلحو التنظيم لهجوم بري من جهة "
            "الغرب من القوات الحكومية السورية مدعومة بغطاء جوي روسي.")
    a = make(text)
    k = text.find("مسلحو")
    assert resolve_bare_roles(a)[k] == "ISIL:REB"
    assert ("ASSAULT", "SYR", "ISIL") in _ev(a)


def test_blame_with_far_responsibility() -> None:
    # ar-0108: `حمَّل X Y المسؤولية` with a parenthesis between.
    text = "بينما حمَّل الجيش الإسرائيلي حركة المقاومة الإسلامية (حماس) المسؤولية عما يشهد القطاع."
    assert ("ACCUSE", "ISR", "PSE") in _ev(make(text))


def test_summit_participants() -> None:
    # ar-0193: the participants of `قمة … بمشاركة …` are its other parties.
    text = ('وفي 19 آذار/ مارس الجاري، استضافت مدينة شرم الشيخ المصرية قمة أمنية بمشاركة مسؤولين '
            'رفيعي المستوى من فلسطين و"إسرائيل" ومصر والأردن والولايات المتحدة لبحث التطورات.')
    evs = [e for e in events_stage(make(text)).events if e.event == "CONSULT"]
    assert evs and evs[0].mode == "multilateral"
    assert {"PSE", "ISR", "JOR", "USA"} <= {c.split(":")[0] for c in evs[0].recipient}


def test_gunmen_open_fire_unknown_actor() -> None:
    # ar-0232: unnamed gunmen (`مسلحون`) are an unknown actor; the town gives the target.
    text = "وفي 25 أيار/مايو، فتح مسلحون النار في مطعم في مدينة موتانييتا السياحية، ما أوقع 6 قتلى و6 جرحى."
    evs = events_stage(make(text)).events
    assert any(e.event == "ASSAULT" and e.mode == "firearms" and e.actor == ["UNK"]
               and e.recipient == ["ECU"] for e in evs)


def test_new_lemmas_generate_conjugations() -> None:
    lex = load_lexicon()
    cases = {"سيطرت": "COERCE", "اقتحموا": "COERCE", "انفجرت": "ASSAULT", "باستهداف": "ASSAULT",
             "سافر": "CONSULT", "استسلموا": "RETREAT"}
    for word, etype in cases.items():
        w = normalize(word)
        ctx = [w, normalize("على"), normalize("إلى"), "x"]
        found = match_token(ctx, 0, 0, len(ctx), lex)
        assert found and found[0][1] == etype, word
