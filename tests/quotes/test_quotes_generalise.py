"""Quote rules written while developing on dev + dev2 + dev3 together (general constructions,
each checked on a real news300 paragraph): trailing attributions, `قال X نقلاً عن Y`, subjects
before the verb, role phrases, passives, apposed roles and descriptions."""

from test_quotes_rules import layered_quotes, paragraph, quote_at, quotes_of


def test_trailing_attribution_after_a_fact_reports_it():
    q = quote_at(paragraph("ar-0035", "وفق ما أفاد أشرف القدرة"), "وفق", layered=True)
    assert q.text.startswith("ارتفع عدد الضحايا") and q.text.endswith("جريح")
    assert "أشرف القدرة" in q.speaker_text and q.code == "PSE"


def test_trailing_attribution_without_comma_and_through_a_medium():
    q = quote_at(paragraph("ar-0125", "حسب صندوق النقد الدولي"), "حسب", layered=True)
    assert q.text.startswith("خلال خمس سنوات") and q.speaker_text == "صندوق النقد الدولي"
    q = quote_at(paragraph("ar-0204", "وفق ما ورد في موقع"), "وفق")
    assert "إسرائيل نيوز 24" in q.speaker_text


def test_attribution_of_a_narrated_clause_needs_a_source_that_speaks():
    # `وفقاً للقانون` names no speaker: no quote.
    assert not quotes_of("وتعاقب السلطات المخالفين بالسجن ثلاث سنوات وفقاً للقانون الجديد.")


def test_naqlan_an_after_a_cue_is_an_attribution_not_the_speaker():
    q = quote_at(paragraph("ar-0001", "قالت وكالات أنباء روسية"), "قالت", layered=True)
    assert q.speaker_text == "وكالات أنباء روسية" and q.code == "RUS"
    assert q.text.startswith("رجلا أطلق النار")


def test_participle_right_after_the_verb_is_its_subject():
    q = quote_at(paragraph("ar-0240", "يقول منتقدون"), "يقول", layered=True)
    assert q.speaker_text == "منتقدون" and q.code == "UNK" and q.text.startswith("يؤكدان")


def test_name_ali_before_an_imperfect_is_not_the_preposition():
    q = quote_at(paragraph("ar-0236", "يقول المدافعون"), "يقول")
    assert q.text.startswith("كان يستخدم")


def test_subject_noun_phrase_before_the_verb():
    q = quote_at(paragraph("ar-0236", "معارضي القانون الجديد يؤكدون"), "يؤكدون", layered=True)
    assert q.speaker_text == "معارضي القانون الجديد" and q.code == "UNK"
    q = quote_at(paragraph("ar-0125", "المنتهية ولايته الذي يؤكد"), "يؤكد", layered=True)
    assert q.speaker_text == "الرئيس الاشتراكي المنتهية ولايته" and q.code == "VEN"


def test_subject_before_a_bracketed_abbreviation():
    q = quote_at(paragraph("ar-0150", "أبلغ منذ أشهر"), "أبلغ", layered=True)
    assert "مكتب التحقيقات" in q.speaker_text and q.code == "USA"


def test_unplaced_role_speaker_takes_the_article_state():
    text = paragraph("ar-0125", "في مواجهة مادورو") + "\n" + paragraph("ar-0125", "فبضمان سيطرته")
    q = quote_at(text, "وكتب", layered=True)
    assert q.speaker_text == "المعارض" and q.code == "VEN"


def test_voweled_passive_is_not_a_cue():
    qs = quotes_of(paragraph("ar-0204", "كشف المراسل في قناة"))
    assert not [q for q in qs if q.cue == "وُصف"]


def test_role_in_fi_phrase_then_its_holder():
    q = quote_at(paragraph("ar-0263", "قال القيادي في ائتلاف"), "قال", layered=True)
    assert q.speaker_text.endswith("ظافر العاني") and q.code == "IRQ"
    q = quote_at(paragraph("ar-0204", "كشف المراسل في قناة"), "كشف", layered=True)
    assert q.speaker_text == "أوفير حداد"


def test_apposed_role_beats_a_guessed_person_code_and_estimate_cue():
    text = paragraph("ar-0191", "بير لودهامار") + "\n" + paragraph("ar-0191", "وأضاف لودهامار")
    qs = layered_quotes(text)
    est = next(q for q in qs if q.cue == "يُقدّر")
    assert "لودهامار" in est.speaker_text and est.code == "UN"
    assert next(q for q in qs if q.cue == "وأضاف").code == "UN"


def test_description_in_marks_after_wasaf():
    q = quote_at(paragraph("ar-0204", "ووصف بن غفير"), "ووصف")
    assert q.text.startswith("التافهين") and q.direct
