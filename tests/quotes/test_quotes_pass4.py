"""Pass 4 rules on real news300 paragraphs: describing verbs that carry their object pronoun
(`ووصفها بـ"…"`, `ما وصفته "…"`, `ما سمّاه X "…"`)."""

from test_quotes_rules import layered_quotes, paragraph, quote_at, quotes_of

from rasid.quotes.cues import load_lexicon
from rasid.text.normalize import normalize


def test_describing_verb_with_object_pronoun_in_all_persons():
    lex = load_lexicon()
    for w in ("وصفه", "وصفته", "ووصفها", "وصفوهم", "يصفها", "سمّاه", "سمّتها", "وسمّوه"):
        cue = lex.lookup(normalize(w))
        assert cue is not None and cue.describe and cue.suffixed, w
    # bare `سمّى` is spelled like the passive `سُمّي` (`ما يسمى بـ`): no cue
    assert lex.lookup(normalize("سمي")) is None and lex.lookup(normalize("يسمى")) is None


def test_description_in_marks_after_a_suffixed_verb_and_ba():
    q = quote_at(paragraph("ar-0081", "ووصفها بـ"), "ووصفها")
    assert q.text == "الشخص الرائع" and q.direct


def test_description_in_marks_right_after_a_suffixed_verb():
    q = quote_at(paragraph("ar-0043", "ما وصفته"), "وصفته")
    assert q.text.startswith("التحديات في الداخل") and q.direct


def test_naming_verb_quote_after_its_subject():
    q = quote_at(paragraph("ar-0050", "ما سماه"), "سماه", layered=True)
    assert q.text == "التقصي الشديد" and "ترامب" in (q.speaker_text or "")


def test_so_called_passive_is_no_quote():
    qs = quotes_of(paragraph("ar-0076", "ما سمي بـ"))
    assert not any(normalize(q.cue).endswith("سمي") for q in qs)
    assert not any("رؤية 2030" == q.text for q in qs)


def test_pointing_verb_takes_a_noun_object_after_its_preposition():
    q = quote_at(paragraph("ar-0263", "أشار العاني"), "أشار", layered=True)
    assert q.text.startswith("إمكانية بلورة موقف عربي") and not q.direct
    assert "العاني" in (q.speaker_text or "")


def test_object_preposition_far_from_the_verb_after_a_long_name():
    q = quote_at(paragraph("ar-0043", "للمرة الأولى إلى"), "أشارت", layered=True)
    assert q.text.startswith("وجود أزمة في إقليم راخين")


def test_object_preposition_inside_the_object_is_not_the_verbs():
    # `أكد X أهمية … للحفاظ على …`: the object is `أهمية …`, not what follows `على`.
    q = quote_at(paragraph("ar-0266", "أكد نائب رئيس الجمهورية"), "أكد", layered=True)
    assert q.text.startswith("أهمية اعتماد الحوار")


def test_object_of_pointing_ends_before_haythu():
    q = quote_at(paragraph("ar-0043", "وأشارت سو تشي"), "وأشارت", layered=True)
    assert q.text == "الأزمة في إقليم راخين"


def test_hal_participle_with_preposition_and_noun_object():
    q = quote_at(paragraph("ar-0200", "مشيرة إلى"), "مشيرة", layered=True)
    assert q.text.startswith("إصابتهما") and q.speaker_text == "المقاومة"
    q = quote_at(paragraph("ar-0011", "متحدثاً عن"), "متحدثاً", layered=True)
    assert q.text.startswith("صعوبة وضع حزمة") and q.code == "FRA"


def test_verb_of_a_relative_clause_reports_no_noun_object():
    qs = layered_quotes(paragraph("ar-0081", "الشائعات التي تحدثت"))
    assert not any(q.cue == "تحدثت" for q in qs)


def test_sentence_subject_stops_before_the_verbs_object():
    # `وتوجّه الرئيس التركي لرئيس حكومة الاحتلال، بنيامين نتنياهو، قائلاً: …`
    q = quote_at(paragraph("ar-0192", "وتوجّه الرئيس التركي"), "قائلاً", layered=True)
    assert q.code == "TUR"


def _article_quotes(art_id: str) -> list:
    """Quotes of a whole news300 article, through the full pipeline (home state needs it)."""
    from test_quotes_rules import _texts
    text = next(t for k, t in _texts().items() if k.startswith(art_id))
    return layered_quotes(text)


def test_name_the_layers_missed_takes_the_articles_state():
    # `قالت طليب` in an article about US politics: a bare name, no role, acts for the USA.
    qs = [q for q in _article_quotes("ar-0080") if q.speaker_text == "طليب"]
    assert qs and all(q.code == "USA" for q in qs)


def test_organisation_noun_is_not_a_name():
    # `وأعلن #تنظيم_داعش …`: `تنظيم` names a group, not a person of the article's state.
    qs = [q for q in _article_quotes("ar-0001") if "تنظيم" in (q.speaker_text or "")]
    assert all(q.code != "RUS" for q in qs)


def test_sentence_subject_that_is_a_missed_name():
    # `وتحدثت سوشي عن أولوياتها، وقالت إنها …`: the subject of the first verb speaks.
    q = next(q for q in _article_quotes("ar-0043") if q.cue == "وقالت")
    assert q.speaker_text == "سوشي" and q.code == "MMR"


def test_touching_on_a_topic_reports_its_object():
    q = quote_at(paragraph("ar-0116", "تطرق الرئيس الفرنسي"), "تطرق", layered=True)
    assert q.text == "الوضع المقلق في غزة" and q.code == "FRA"


def test_dual_speaker_refers_back_by_its_singular():
    q = next(q for q in _article_quotes("ar-0116") if (q.speaker_text or "") == "الرئيسان")
    assert q.code == "FRA"


def test_possessed_noun_before_the_preposition_opens_the_object():
    # `أعلن #تنظيم_داعش عبر وكالة أعماق … مسؤوليته عن إطلاق النار، لكنه …`
    q = next(q for q in _article_quotes("ar-0001") if "مسؤوليته" in q.text)
    assert q.text == "مسؤوليته عن إطلاق النار" and q.code == "ISIL"


def test_contrastive_particle_opens_a_new_quote():
    # `وقال زوما … إنه ينوي التنحي …، ولكنه أضاف أنه لا يتفق مع القرار …`
    qs = quotes_of(paragraph("ar-0048", "ولكنه أضاف"))
    first = next(q for q in qs if q.cue == "وقال")
    second = next(q for q in qs if q.cue == "أضاف")
    assert "ولكنه" not in first.text and second.text.startswith("لا يتفق مع القرار")


def test_name_set_off_after_a_cut_role_phrase_is_the_speaker():
    # `أفاد المتحدث باسم وزارة الصحة في غزّة، أشرف القدرة، بأنّ …`
    q = quote_at(paragraph("ar-0192", "أشرف القدرة"), "أفاد", layered=True)
    assert q.speaker_text == "أشرف القدرة"


def test_pluperfect_subject_between_kana_and_qad():
    # `وكان مفوّض الشؤون الخارجية في الاتحاد الأوروبي، جوزيب بوريل، قد أكّد أنّ …`
    q = next(q for q in _article_quotes("ar-0191") if q.cue == "أكّد")
    assert "بوريل" in (q.speaker_text or "")


def test_cue_after_a_lead_in_takes_the_previous_sentences_subject():
    # `وكان ترامب قد ألغى … القمة. لكن بعد أقل من 24 ساعة، أعلن أن …`
    q = next(q for q in _article_quotes("ar-0115") if q.text.startswith("اللقاء لا يزال"))
    assert q.speaker_text == "ترامب" and q.code == "USA"


def test_adverb_after_a_suffixed_cue_is_not_the_speaker():
    # `وهون ترامب … ، ووصفها مرارا بأنها بداية لعملية …`
    q = next(q for q in _article_quotes("ar-0153") if q.cue == "ووصفها")
    assert q.text.startswith("بداية لعملية") and q.speaker_text == "ترامب"


def test_sentence_subject_keeps_the_name_apposed_to_its_role():
    # `علق وزير الخارجية الأمريكي السابق، جون كيري، على تصريحات عباس قائلا: …`
    q = next(q for q in _article_quotes("ar-0106") if q.cue == "قائلا")
    assert q.speaker_text == "جون كيري" and q.code == "USA"


def test_statement_with_a_prepositional_modifier_speaks_for_the_last_speaker():
    # `أعلن الجيش الإسرائيلي أن … . وأشار بيان بالإنكليزية إلى …`
    q = next(q for q in _article_quotes("ar-0122") if q.speaker_text == "بيان بالإنكليزية")
    assert q.code == "ISR"


def test_pronoun_carrying_word_is_no_missed_name():
    # `وعثر معه على أسلحة …، كما اعترف بأنه …`: `معه` is no subject
    q = next(q for q in _article_quotes("ar-0135") if q.cue == "اعترف")
    assert q.speaker_text != "معه"


def test_spokesman_noun_is_no_cue_and_speaking_hal_stays_in_the_frame():
    lex = load_lexicon()
    assert lex.lookup(normalize("متحدث")) is None and lex.lookup(normalize("متحدثة")) is None
    # `وقالت ليندا توم وهي متحدثة باسم المكتب في دمشق، "…"`
    q = quote_at(paragraph("ar-0137", "وقالت ليندا توم"), "وقالت", layered=True)
    assert q.text.startswith("شهدنا خلال الأيام")
    # `وأضاف بومبيو متحدثا في عدة برامج حوارية صباح الأحد، أن …`
    q = quote_at(paragraph("ar-0165", "متحدثا في عدة"), "وأضاف", layered=True)
    assert q.text.startswith("الولايات المتحدة") and "بومبيو" in (q.speaker_text or "")


def test_guessed_code_yields_to_a_listed_namesake():
    # `حمد بن جاسم` (listed, QAT) and later `جاسم بن حمد` (guessed from the article's country)
    q = next(q for q in _article_quotes("ar-0109") if q.speaker_text == "جاسم بن حمد")
    assert q.code == "QAT"


def test_quantified_polls_are_an_unplaced_source():
    q = next(q for q in _article_quotes("ar-0125") if "استطلاع" in (q.speaker_text or ""))
    assert q.code == "UNK"


def test_title_whose_name_ends_a_long_phrase():
    # `ويرى عضو التحالف الوطني النائب عن كتلة الأحرار … في البرلمان حاكم الزاملي أن …`
    q = next(q for q in _article_quotes("ar-0263") if q.cue == "ويرى" and "العراق أوفى" in q.text)
    assert q.speaker_text == "حاكم الزاملي" and q.code == "IRQ"


def test_object_after_place_phrases():
    # `وأعلن ترامب من المكتب البيضاوي في البيت الأبيض استقالة هايلي …`
    q = next(q for q in _article_quotes("ar-0081") if q.text.startswith("استقالة هايلي"))
    assert q.code == "USA"


def test_hal_participle_after_the_cue_is_no_speaker():
    # `وتابع متسائلاً: "…"`, `وتابع مؤكدا أن «…»`: the earlier speaker goes on
    qs = [q for q in _article_quotes("ar-0219") if q.cue in ("وتابع", "وأردف")]
    assert qs and all("عبد السلام" in (q.speaker_text or "") for q in qs)
    q = next(q for q in _article_quotes("ar-0235") if q.cue == "وتابع")
    assert q.speaker_text == "أوباما"


def test_definite_naming_noun_refers_back_to_its_organisation():
    # `مجلّة "فورين أفيرز" …` then `وأوردت المجلة أنّه …`
    qs = [q for q in _article_quotes("ar-0226") if q.speaker_text == "المجلة"]
    assert qs and all(q.code == "USA" for q in qs)


def test_one_word_accusation_in_marks_is_the_content():
    q = quote_at(paragraph("ar-0125", "بالمحسوبية"), "وتتهم", layered=True)
    assert q.text == "بالمحسوبية" and q.direct


def test_quoted_slogan_or_title_is_not_the_speakers_words():
    qs = layered_quotes(paragraph("ar-0125", "تحت شعار"))
    assert not any(q.text == "مادورو ارحل" for q in qs)
    qs = layered_quotes(paragraph("ar-0283", "تحت عنوان"))
    assert not any(q.text.startswith("المصالحة الوطنية الشاملة : الأبعاد") for q in qs)


def test_sentence_subject_runs_through_constructs_and_quoted_names():
    # `وأعرب رئيس بعثة الأمم المتحدة في ليبيا … عن ترحيبه …، مؤكداً أن …`
    q = next(q for q in _article_quotes("ar-0260") if q.cue == "مؤكداً")
    assert q.code == "UN"
    # `… صحيفة «وول ستريت جورنال» …`: the quoted name belongs to the subject
    qs = [q for q in _article_quotes("ar-0251") if (q.speaker_text or "").startswith("صحيفة")]
    assert qs and all(q.code == "USA" for q in qs)


def test_guessed_person_code_yields_to_the_body_of_the_phrase():
    # `قال رئيس مكتب "أوتشا" في غرب ووسط أفريقيا، تشارلز بيرنيمولين، إنّنا …`
    q = next(q for q in _article_quotes("ar-0210") if "بيرنيمولين" in (q.speaker_text or ""))
    assert q.code == "UN"


def test_hal_participle_with_a_noun_object_in_construct():
    # `… . مستبعدا احتفاظ المالكي بموقعه …`: the source of the sentence before goes on
    q = quote_at(paragraph("ar-0264", "مستبعدا احتفاظ"), "مستبعدا", layered=True)
    assert q.text.startswith("احتفاظ المالكي بموقعه") and q.speaker_text.startswith("مصدر")


def test_committees_and_juries_are_organs_of_the_articles_state():
    qs = [q for q in _article_quotes("ar-0237") if q.speaker_text == "هيئة المحلفين"]
    assert qs and all(q.code == "USA" for q in qs)


def test_comma_after_the_verb_opens_an_aside_not_the_subject():
    # `وقال، وسط ما لا يقل عن مليون شخص تجمعوا في اسطنبول: "…"`
    q = next(q for q in _article_quotes("ar-0045") if q.text.startswith("إذا فاز أردوغان"))
    assert "وسط" not in (q.speaker_text or "") and q.code == "TUR"
    # `وقال، بحسب تقرير وكالة رويترز: "…"`: Putin goes on, Reuters only relays
    q = next(q for q in _article_quotes("ar-0042") if q.text.startswith("كان طباخا"))
    assert q.code == "RUS"


def test_lead_in_is_not_a_verb_with_a_subject():
    # `وعلى الرغم من الانتقادات لم يشعر أنينغ بالأسف وأكد …`: `الرغم` is no speaker
    q = next(q for q in _article_quotes("ar-0169") if q.cue == "وأكد")
    assert q.speaker_text != "الرغم"


def test_organ_named_further_in_the_phrase_takes_the_articles_state():
    # `المركز الإعلامي للمقاومة`: `المقاومة` is the organ the phrase names
    qs = [q for q in _article_quotes("ar-0268") if q.speaker_text == "المركز الإعلامي للمقاومة"]
    assert qs and all(q.code == "YEM" for q in qs)


def test_time_word_is_no_speaker():
    qs = _article_quotes("ar-0178")
    assert not any((q.speaker_text or "") == "حينها" for q in qs)
