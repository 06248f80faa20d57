"""Pass 8 (recall): general rules checked on real news sentences (news300 corpus and dev texts),
with entity, role and quote layers set by hand so only the events stage is tested."""

from __future__ import annotations

from events_support import first_codes, hand_article
from rasid.events.stage import events_stage

GAZA_TEXT = ("ندّد لولا دا سيلفا بالأعمال الاستفزازية التي تقوم بها قوات الاحتلال في غزة.\n"
             "ويتواصل العدوان الإسرائيلي على القطاع وسط ارتكاب الغارات والاستهدافات الإسرائيلية "
             "المزيد من المجازر بحق المدنيين.")


def test_the_strip_refers_back_to_gaza() -> None:
    """`العدوان الإسرائيلي على القطاع` after a Gaza mention: an attack on Gaza (PSE)."""
    a = hand_article(GAZA_TEXT, "2024-02-20",
                     {"غزة": ("GPE", "PSE", None, "Gaza"), "لولا دا سيلفا": ("PER", "BRA", "GOV")})
    assert ("ASSAULT", "ISR", "PSE") in first_codes(a)


def test_the_sector_is_not_the_strip() -> None:
    """`القطاع الخاص` is the private sector even in an article that names Gaza."""
    text = ("قصفت الطائرات الإسرائيلية مواقع في غزة.\n"
            "وهاجمت الحكومة المصرية القطاع الخاص بسبب ارتفاع الأسعار.")
    a = hand_article(text, "2024-02-20", {"غزة": ("GPE", "PSE", None, "Gaza")},
                     roles={"الحكومة المصرية": ("EGY", "GOV"), "الطائرات الإسرائيلية": ("ISR", "MIL")})
    assert not [c for c in first_codes(a) if c[0] != "ASSAULT" and c[2] == "PSE"]


def test_the_country_is_the_state_named_most() -> None:
    """`مظاهرات في البلاد` after a visit to Britain: the British protest (news300)."""
    text = ("في اليوم الثاني من زيارته للمملكة المتحدة، اجتمع الرئيس الأمريكي، دونالد ترامب، مع "
            "رئيسة الوزراء البريطانية، تيريزا ماي، في لندن.\n"
            "وخرج عدد من المظاهرات في البلاد احتجاجا على الزيارة.")
    a = hand_article(text, "2018-07-14",
                     {"المملكة المتحدة": ("GPE", "GBR", None, "United Kingdom"),
                      "لندن": ("GPE", "GBR", None, "London"),
                      "دونالد ترامب": ("PER", "USA", "GOV"), "تيريزا ماي": ("PER", "GBR", "GOV")},
                     roles={"الرئيس الأمريكي": ("USA", "GOV"),
                            "رئيسة الوزراء البريطانية": ("GBR", "GOV")})
    protests = [c for c in first_codes(a) if c[0] == "PROTEST"]
    assert protests and protests[0][1] == "GBR"


def test_domestic_threat_targets_own_state() -> None:
    """A politician's threat in a sentence naming only his own state targets that state."""
    text = ("وهدد المالكي بتخريب العملية السياسية وإحداث فوضى تبدأ من المنطقة الخضراء وتعم "
            "بغداد.")
    a = hand_article(text, "2015-08-20",
                     {"المالكي": ("PER", "IRQ", None), "المنطقة الخضراء": ("LOC", None, None),
                      "بغداد": ("GPE", "IRQ", None)})
    assert ("THREATEN", "IRQ", "IRQ") in first_codes(a)


def test_invitation_to_visit_is_agree() -> None:
    """`دعوة الحكومة اليمنية إلى زيارة عدن`: an invitation (guide: AGREE), not a call (dev text)."""
    text = ("وأكد رئيس اللجنة دعم مسار حقوق الإنسان باليمن وتلبية دعوة الحكومة اليمنية إلى زيارة "
            "عدن وتعز والمناطق اليمنية كافة.")
    a = hand_article(text, "2015-07-31",
                     {"اليمن": ("GPE", "YEM", None), "عدن": ("GPE", "YEM", None),
                      "تعز": ("GPE", "YEM", None)},
                     roles={"رئيس اللجنة": ("ARL", "IGO"), "الحكومة اليمنية": ("YEM", "GOV")})
    types = [c[0] for c in first_codes(a)]
    assert "AGREE" in types and "REQUEST" not in types


def test_stepping_down_noun_is_resign() -> None:
    """`اضطرار الرئيس جاكوب زوما على التنحي عن المنصب`: a resignation by the verbal noun (dev2)."""
    text = ("أختير سيريل رامابوسا رئيسا لجمهورية جنوب إفريقيا بعد يوم واحد من اضطرار الرئيس جاكوب "
            "زوما على التنحي عن المنصب.")
    a = hand_article(text, "2018-02-15",
                     {"سيريل رامابوسا": ("PER", "ZAF", "GOV"), "جاكوب زوما": ("PER", "ZAF", "GOV"),
                      "جنوب إفريقيا": ("GPE", "ZAF", None)})
    assert ("RETREAT", "ZAF", "") in first_codes(a)


def test_unmanned_overflight_is_a_happening_show_of_force() -> None:
    """`بقيام طائرة تجسس إسرائيلية من دون طيار بالتحليق … فوق`: an overflight (MOBILIZE) whose
    `دون طيار` (unmanned) is no negation (dev3 text)."""
    text = ("جدد الطيران الإسرائيلي انتهاكه لسيادة الأجواء اللبنانية بقيام طائرة تجسس إسرائيلية "
            "من دون طيار بالتحليق اليوم فوق منطقة العرقوب جنوب شرق لبنان.")
    a = hand_article(text, "2015-08-10",
                     {"العرقوب": ("LOC", "LBN", None, "Arqoub"), "لبنان": ("GPE", "LBN", None)},
                     roles={"الطيران الإسرائيلي": ("ISR", "MIL")}, times={"اليوم": "2015-08-10"})
    mob = [e for e in events_stage(a).events if e.event == "MOBILIZE"]
    assert mob and mob[0].actor[0].startswith("ISR") and mob[0].aux is None


def test_suffered_attack_without_agent_is_by_unknown() -> None:
    """`بلاده تعرضت لنحو 25 مليون هجوم إلكتروني`: the subject found for `تعرض` is the target and,
    with no agent named, the attacker is unknown (dev3 text)."""
    q = "بلاده تعرضت لنحو 25 مليون هجوم إلكتروني خلال استضافتها كأس العالم لكرة القدم"
    text = f"وأعلن بوتين أن {q}."
    a = hand_article(text, "2018-07-16", {"بوتين": ("PER", "RUS", "GOV")},
                     quotes=[(q, "بوتين", "RUS")])
    assert ("COERCE", "UNK", "RUS") in first_codes(a)


def test_suffered_attack_by_named_agent_keeps_agent() -> None:
    """`تعرض مستشفى الثورة لقصف من قبل مسلحي ميليشيا الحوثي`: `من قبل` names the attacker, so
    the hospital's state is not coded as attacked by an unknown (news300)."""
    text = "كما تعرض مستشفى الثورة بالحديدة لقصف من قبل مسلحي ميليشيا الحوثي بصواريخ أرض أرض."
    a = hand_article(text, "2018-06-20",
                     {"الحديدة": ("GPE", "YEM", None), "ميليشيا الحوثي": ("ORG", "YEM", "REB")})
    assert all(ac != "UNK" for _, ac, _ in first_codes(a))


def test_two_refusals_in_one_sentence_stay_apart() -> None:
    """`لن يجدد التيار الثقة في الصيد، لكنه لن يمنح الثقة لأي حكومة جديدة`: two refusals of two
    things by different verbs are two events (news300)."""
    text = ("وأكد الصحبي أن تيار المحبة يعتبر حكومة الحبيب الصيد فاشلة، إذ لن يجدد التيار الثقة في "
            "الحبيب الصيد، لكنه في المقابل لن يمنح الثقة لأي حكومة جديدة قائمة على محاصصات حزبية.")
    a = hand_article(text, "2015-11-20",
                     {"تيار المحبة": ("ORG", "TUN", "PTY"), "الحبيب الصيد": ("PER", "TUN", "GOV"),
                      "الصحبي": ("PER", "TUN", "PTY")})
    assert [t for t, _, _ in first_codes(a)].count("REJECT") == 2


def test_one_refusal_named_twice_is_one() -> None:
    """`صوّت برفض الاتفاق`: two refusal words side by side state one refusal (news300)."""
    text = "وقال إن الكونغرس قد يعرقل الخطة إذا صوّت برفض الاتفاق النووي مع إيران."
    a = hand_article(text, "2015-08-01",
                     {"الكونغرس": ("ORG", "USA", "LEG"), "إيران": ("GPE", "IRN", None)})
    assert [t for t, _, _ in first_codes(a)].count("REJECT") <= 1


def test_unplaced_collective_accuser_is_unknown() -> None:
    """`واتهمت الدول الغربية مرارا روسيا`: Western states unnamed cannot be placed: UNK
    (dev3 text); a named accuser is kept."""
    text = "واتهمت الدول الغربية مرارا روسيا بشن هجمات معلوماتية عليها."
    a = hand_article(text, "2018-07-16", {"روسيا": ("GPE", "RUS", None)})
    assert ("ACCUSE", "UNK", "RUS") in first_codes(a)
    text = "واتهمت فرنسا مرارا روسيا بشن هجمات معلوماتية عليها."
    a = hand_article(text, "2018-07-16", {"روسيا": ("GPE", "RUS", None),
                                          "فرنسا": ("GPE", "FRA", None)})
    assert ("ACCUSE", "FRA", "RUS") in first_codes(a)
