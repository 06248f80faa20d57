"""Pass 6 on real news sentences (news300): merging across sentences, the `طلب من` verb,
`أهمية` as a call, signing a truce, judgements (`يعتبر … فاشلة`) and accusations inside quotes.

The entity, role, time and quote layers are set by hand so the tests exercise the events stage.
"""

from __future__ import annotations

from events_support import hand_article

from rasid.article import Article, Event
from rasid.events.merge import merge_events
from rasid.events.stage import events_stage
from rasid.events.triggers import load_lexicon, match_token
from rasid.text.normalize import normalize

NAMES: dict[str, tuple[str, str, str | None]] = {
    "المقاومة": ("ORG", "LBN", "REB"), "الاحتلال": ("ORG", "ISR", "MIL"),
    "المقاومة الإسلامية": ("ORG", "LBN", "REB"),
    "تيار المحبة": ("ORG", "TUN", "PTY"), "الحبيب الصيد": ("PER", "TUN", "GOV"),
    "ريما خلف": ("PER", "UN", "IGO"), "الأمين العام للمنظمة الدولية": ("PER", "UN", "IGO"),
    "إسرائيل": ("GPE", "ISR", None), "تركيا": ("GPE", "TUR", None),
    "ميانمار": ("GPE", "MMR", None), "الأردن": ("GPE", "JOR", None),
    "الفلسطينيين": ("GPE", "PSE", None), "الإسرائيليين": ("GPE", "ISR", None),
    "هولندا": ("GPE", "NLD", None), "روسيا": ("GPE", "RUS", None),
    "الكوريتين": ("GPE", "KOR", None), "لندن": ("GPE", "GBR", None),
    "ترامب": ("PER", "USA", "GOV"), "إثيوبيا": ("GPE", "ETH", None),
    "الولايات المتحدة": ("GPE", "USA", None), "دونالد ترمب": ("PER", "USA", "GOV"),
    "فلاديمير بوتين": ("PER", "RUS", "GOV"), "هلسنكي": ("GPE", "FIN", None),
    "بريطانيا": ("GPE", "GBR", None), "الصين": ("GPE", "CHN", None),
    "فرنسا": ("GPE", "FRA", None), "ألمانيا": ("GPE", "DEU", None),
    "بنظيرهم الإيراني": ("PER", "IRN", "GOV"),
}
ROLES: dict[str, tuple[str, str]] = {
    "حكومة الحبيب الصيد": ("TUN", "GOV"), "الرئيس التركي": ("TUR", "GOV"),
    "الحكومة": ("MMR", "GOV"), "الملك الأردني": ("JOR", "GOV"),
    "الحكومة المصرية": ("EGY", "GOV"),
}


def make(text: str, quotes: list[tuple[str, str, str]] = ()) -> Article:
    """An article with entities/roles found by string search; quotes as (quote, speaker, code)."""
    return hand_article(text, "2024-02-21", NAMES, ROLES, quotes=quotes)


def _events(text: str, etype: str, quotes: list[tuple[str, str, str]] = ()) -> list[Event]:
    return [e for e in events_stage(make(text, quotes)).events if e.event == etype]


def _types_of(sentence: str, word: str) -> list[str]:
    """Event types the lexicon gives `word` in `sentence` (context conditions applied)."""
    words = [normalize(w) for w in sentence.split()]
    i = words.index(normalize(word))
    return [t for _, t, _ in match_token(words, i, 0, len(words), load_lexicon())]


# ar-0200: attacks on two settlements and an army gathering, reported sentence by sentence.
ATTACKS = ('واستهدفت المقاومة تموضعاً عسكرياً لجنود الاحتلال في مستعمرة "شوميرا". '
           'وأيضاً، استهدف مجاهدو المقاومة الإسلامية تجمعاً لجنود الاحتلال في محيط موقع '
           '"المرج" بالأسلحة الصاروخية.')


def test_attacks_reported_in_separate_sentences_stay_separate() -> None:
    evs = _events(ATTACKS, "ASSAULT")
    assert len(evs) == 2
    assert all(e.actor[0].startswith("LBN") and e.recipient[0].startswith("ISR") for e in evs)


def test_attack_restated_in_reported_speech_is_merged() -> None:
    text = ('واستهدفت المقاومة تموضعاً عسكرياً لجنود الاحتلال. '
            'وقالت المقاومة إنها استهدفت تموضعاً عسكرياً لجنود الاحتلال.')
    assert len(_events(text, "ASSAULT")) == 1


def test_meetings_named_differently_stay_apart_unless_both_dated() -> None:
    a = Event(0, 5, "", "CONSULT", actor=["USA"], recipient=["GBR"])
    b = Event(10, 15, "", "CONSULT", actor=["USA"], recipient=["GBR"])
    lem = {id(a): "اجتمع@0", id(b): "زياره@3"}
    assert len(merge_events([a, b], None, lem)) == 2
    a.date, b.date = "2018-W28", "2018-07-12"
    assert len(merge_events([a, b], None, lem)) == 1


def test_asked_of_her_is_a_request_verb() -> None:
    # ar-0295, ar-0041: `طلب` is a noun unless `من` + the addressee follows it.
    s = "بعد أن طلب منها الأمين العام للمنظمة الدولية سحب التقرير"
    assert "REQUEST" in _types_of(s, "طلب")
    ev = _events("وقد طلبت هولندا من روسيا الدخول في محادثات بهذا الشأن.", "REQUEST")
    assert ev and ev[0].actor == ["NLD"] and ev[0].recipient == ["RUS"]
    assert _types_of("ورفضت المحكمة طلب الدفاع", "طلب") == []


def test_stressing_the_importance_of_is_a_call() -> None:
    # ar-0186
    s = "أكد الملك الأردني على أهمية التوصل لسلام عادل وشامل بين الفلسطينيين والإسرائيليين"
    assert _types_of(s, "أهمية") == ["REQUEST"]
    assert _types_of("وتكتسب الزيارة أهمية كبيرة", "أهمية") == []


def test_signing_a_truce_is_support() -> None:
    # ar-0115
    s = "حيث تم توقيع الهدنة بين الكوريتين عام 1953"
    assert "SUPPORT" in _types_of(s, "توقيع")
    assert "SUPPORT" in _types_of("ووقعت الحكومة هدنة مع المتمردين", "ووقعت")


def test_judging_a_government_a_failure_is_a_condemnation() -> None:
    # ar-0281
    text = "وأكد محمد الصحبي أن تيار المحبة يعتبر حكومة الحبيب الصيد فاشلة بكل المقاييس."
    ev = _events(text, "ACCUSE")
    assert ev and ev[0].actor[0].startswith("TUN") and ev[0].recipient == ["TUN:GOV"]
    assert _types_of("ويعتبر المشروع الأكبر في المنطقة", "ويعتبر") == []


def test_genocide_named_in_a_quote_accuses_the_perpetrator() -> None:
    # ar-0192
    text = 'وأشار الرئيس التركي إلى أنّ "إسرائيل ترتكب إبادة جماعية"، مضيفا أن الوضع صعب.'
    ev = _events(text, "ACCUSE", quotes=[("إسرائيل ترتكب إبادة جماعية", "الرئيس التركي", "TUR")])
    assert ev and ev[0].actor == ["TUR"] and ev[0].recipient[0].startswith("ISR")
    assert not _events("وتكتمل عملية تطهير الذخائر غير المنفجرة في القطاع.", "ACCUSE")


def test_definite_attack_noun_refers_back_to_the_reported_attack() -> None:
    # ar-0192: `العدوان الإسرائيلي` named again in a later sentence is the same war.
    text = ("انتقد الرئيس التركي، اليوم الأربعاء، العدوان الإسرائيلي على الفلسطينيين. "
            "وتابع الرئيس التركي الذي انتقد العدوان الإسرائيلي على الفلسطينيين حديثه.")
    evs = _events(text, "ASSAULT")
    assert len(evs) == 1 and evs[0].actor == ["ISR"] and evs[0].recipient == ["PSE"]


def test_protest_opposing_someone_in_a_capital() -> None:
    # ar-0040: protesters unnamed, the place after `وسط العاصمة`, the target after `مناهضة لـ`.
    text = ("في تلك الأثناء، خرجت مجموعة من النساء ينتمين إلى جماعات مختلفة في مظاهرات "
            "مناهضة لترامب وسط العاصمة لندن.")
    ev = _events(text, "PROTEST")
    assert ev and ev[0].actor == ["GBR:CVL"] and ev[0].recipient[0].startswith("USA")


def test_mistreatment_named_in_a_quote_is_an_accusation() -> None:
    # ar-0174
    text = ("وقالت تركيا إن الولايات المتحدة أساءت فهم نطاق قرار للأمم المتحدة لوقف إطلاق النار.")
    q = ("الولايات المتحدة أساءت فهم نطاق قرار للأمم المتحدة لوقف إطلاق النار", "تركيا", "TUR")
    ev = _events(text, "ACCUSE", quotes=[q])
    assert ev and ev[0].actor == ["TUR"] and ev[0].recipient == ["USA"]
    assert not _events("وكان الرئيس قد أساء فهم القرار.", "ACCUSE")


def test_readiness_to_support_is_support() -> None:
    # ar-0264: `استعداد … لدعم` states support, not an offer to cooperate.
    s = "أعلن رئيس مجلس النواب سليم الجبوري استعداد البرلمان لدعم إجراءات الحكومة"
    assert _types_of(s, "استعداد") == ["SUPPORT"]
    assert _types_of("وأبدى استعداد بلاده للحوار مع الجميع", "استعداد") == ["AGREE"]


def test_liquidation_of_people_not_of_accounts() -> None:
    # ar-0263
    assert _types_of("أن غالبهم تمت تصفيتهم من قبل النظام السابق", "تصفيتهم") == ["ASSAULT"]
    assert _types_of("وطالب بتصفية الحسابات مع خصومه", "بتصفية") == []
    assert _types_of("وأعلنت لجنة تصفية الشركة إفلاسها", "تصفية") == []


def test_imposing_restrictions_named_by_the_verbal_noun() -> None:
    # ar-0150
    s = "أمر كبير موظفي البيت الأبيض جون كيلي بفرض قيود على التصريحات الأمنية المؤقتة"
    assert _types_of(s, "بفرض") == ["COERCE"]
    assert set(_types_of("وأعلنت الوزارة فرض عقوبات على الشركة", "فرض")) == {"SANCTION"}


def test_truce_signed_a_few_words_after_the_verb() -> None:
    # ar-0043
    s = "وقد وقعت مجموعتان عرقيتان في ميانمار وقفا لإطلاق النار مع الحكومة"
    assert "SUPPORT" in _types_of(s, "وقعت")
    assert _types_of("وقعت اشتباكات عنيفة رغم وقف إطلاق النار", "وقعت") == []


def test_summit_of_two_states_is_a_plain_meeting() -> None:
    # ar-0000: PLOVER `multilateral` is for more than two parties or an organisation.
    ev = _events("وصدر الإعلان قبل القمة المقررة الاثنين بين دونالد ترمب وفلاديمير بوتين في هلسنكي.",
                 "CONSULT")
    assert ev and ev[0].mode is None


def test_meeting_of_several_states_is_multilateral() -> None:
    # ar-0011
    ev = _events("ويلتقي وزراء خارجية بريطانيا والصين وفرنسا وألمانيا وروسيا بنظيرهم الإيراني.",
                 "CONSULT")
    assert ev and ev[0].mode == "multilateral"


def test_meeting_said_to_be_still_possible_is_hypothetical() -> None:
    # ar-0115
    text = "وأعلن الرئيس أن عقد قمة ترامب مع روسيا لا يزال ممكنا في 12 يونيو."
    ev = _events(text, "CONSULT")
    assert ev and ev[0].aux == "hypothetical"


def test_subject_named_by_a_nationality_adjective_after_the_verb() -> None:
    # ar-0274: VSO with a `noun + nisba` subject; the bare group after it is the object.
    a = make("إذ طالب المستثمر السعودي الحكومة المصرية برد مليار جنيه.")
    ev = [e for e in events_stage(a).events if e.event == "REQUEST"]
    assert ev and ev[0].actor == ["SAU"] and ev[0].recipient == ["EGY:GOV"]


def test_walking_out_of_a_session_is_a_boycott() -> None:
    # ar-0048
    assert _types_of("انسحب من جلسة البرلمان", "انسحب") == ["PROTEST"]
    assert _types_of("انسحب الجيش من المدينة", "انسحب") == ["RETREAT"]


def test_counted_object_after_a_number_and_min() -> None:
    # ar-0246: `أنه قتل خمسة من مشاة البحرية الأميركية` — the killed are the US Marines.
    a = hand_article("الذي يزعم أنه قتل خمسة من مشاة البحرية الأميركية في ولاية تينيسي.", "2015-07-20",
                     {}, {"البحرية الأميركية": ("USA", "MIL")})
    ev = [e for e in events_stage(a).events if e.event == "ASSAULT"]
    assert ev and ev[0].recipient == ["USA:MIL"]


def test_letter_of_protest_is_a_formal_complaint() -> None:
    # ar-0019: a protest note to a minister is an accusation, not a street protest.
    s = "بعث وزير الخارجية اليمني رسالة احتجاج شديدة اللهجة إلى نظيره اللبناني"
    assert _types_of(s, "احتجاج") == ["ACCUSE"]
    assert _types_of("وخرج الآلاف في احتجاج على الغلاء", "احتجاج") == ["PROTEST"]


def test_destroying_is_an_assault_with_mode_destroy() -> None:
    # ar-0024
    words = [normalize(w) for w in "كما دمرت مقاتلات التحالف العربي مخازن أسلحة".split()]
    found = match_token(words, 1, 0, len(words), load_lexicon())
    assert found and found[0][1:] == ("ASSAULT", "destroy")
    assert _types_of("وقال إن الحرب دمرت الاقتصاد", "دمرت") == []


def test_praise_within_one_state_targets_that_state() -> None:
    # ar-0150: renewing confidence, in a sentence naming only US actors, is about US politics.
    a = hand_article("وأفادت تقارير بأن كبير موظفي البيت الأبيض أصدر الأسبوع الماضي بيانا جدد فيه "
                     "ثقته بصهر الرئيس.", "2018-02-28", {}, {"كبير موظفي البيت الأبيض": ("USA", "GOV")})
    ev = [e for e in events_stage(a).events if e.event == "SUPPORT"]
    assert ev and ev[0].actor == ["USA:GOV"] and ev[0].recipient == ["USA"]


def test_relative_clause_whose_object_suffix_is_not_the_antecedent() -> None:
    # ar-0204: `السياسيين الذين انتقدوه` — the politicians criticised him (Ben Gvir).
    text = ('وقال وزير الأمن إيتمار بن غفير إنه باق. ووصف بن غفير السياسيين الإسرائيليين '
            'الذين انتقدوه بـ"التافهين".')
    a = hand_article(text, "2023-08-25", {"إيتمار بن غفير": ("PER", "ISR", "GOV"),
                                          "بن غفير": ("PER", "ISR", "GOV")})
    ev = [e for e in events_stage(a).events if e.event == "ACCUSE"]
    # the politicians are coded by their nationality adjective alone
    assert ev and ev[0].actor == ["ISR"] and ev[0].recipient == ["ISR:GOV"]


def test_protest_demanding_an_end_to_another_states_war() -> None:
    # ar-0192: the protest is against whoever wages what it demands to stop.
    text = ("وخرجت في الأسابيع الماضية، تظاهرات في عدّة مدن ومناطق تركية مطالبة بوقف العدوان "
            "الإسرائيلي على قطاع غزة.")
    ev = _events(text, "PROTEST")
    assert ev and ev[0].actor == ["TUR:CVL"] and ev[0].recipient == ["ISR"]


def test_calling_a_state_terrorist_in_a_quote_accuses_it() -> None:
    # ar-0192 (accusation) and ar-0174 (a group's designation is background, not an event).
    q = "أقولها الآن بكل راحة أنّ إسرائيل دولة إرهابية"
    ev = _events(f'وقال الرئيس التركي: "{q}".', "ACCUSE", quotes=[(q, "الرئيس التركي", "TUR")])
    assert ev and ev[0].actor == ["TUR"] and ev[0].recipient[0].startswith("ISR")
    q2 = "تركيا تصف الوحدات بأنها جماعة إرهابية"
    assert not _events(f'وقال الرئيس التركي: "{q2}".', "ACCUSE",
                       quotes=[(q2, "الرئيس التركي", "TUR")])


def test_war_named_by_its_wagers_adjective_against_another_party() -> None:
    # ar-0191; and ar-0072 `بدأت الحرب العراقية رسميا` names the war's place, not an agent.
    a = hand_article("التي خلّفتها الحرب الإسرائيلية المدمرة في قطاع غزة.", "2024-01-01",
                     {"قطاع غزة": ("GPE", "PSE", None)})
    ev = [e for e in events_stage(a).events if e.event == "ASSAULT"]
    assert ev and ev[0].actor == ["ISR"] and ev[0].recipient == ["PSE"]
    a = hand_article("بدأت الحرب العراقية رسميا في 20 مارس.", "2003-04-01", {})
    assert not [e for e in events_stage(a).events if e.event == "ASSAULT"]


def test_time_of_a_later_comma_clause_belongs_to_its_own_event() -> None:
    # ar-0264: `أمس` dates the parliament's meeting, not the government's call.
    text = ("إلى ذلك، دعت الحكومة العراقية مجلس النواب إلى الإسراع بتشريع القوانين، عقدت رئاسة "
            "البرلمان أمس اجتماعا مع رؤساء الكتل السياسية.")
    a = hand_article(text, "2015-08-11", {"مجلس النواب": ("ORG", "IRQ", "LEG")},
                     {"الحكومة العراقية": ("IRQ", "GOV"), "رئاسة البرلمان": ("IRQ", "LEG")},
                     times={"أمس": "2015-08-10"})
    ev = [e for e in events_stage(a).events if e.event == "REQUEST"]
    assert ev and ev[0].date is None
    # ar-0192: a time set off by commas after the subject dates the main verb.
    text = "انتقد الرئيس التركي، اليوم الأربعاء، العدوان الإسرائيلي على الفلسطينيين."
    a = hand_article(text, "2023-12-27", NAMES, ROLES, times={"اليوم الأربعاء": "2023-12-27"})
    ev = [e for e in events_stage(a).events if e.event == "ACCUSE"]
    assert ev and ev[0].date == "2023-12-27"
