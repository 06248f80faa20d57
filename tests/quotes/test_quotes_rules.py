"""Quote rules on real sentences of the news300 corpus and the dev gold (text layers only).

Each test takes a paragraph of a real article (found by a snippet) and runs the sentence and
quote stages on it, so the rules are checked on the prose they were written for.
"""

import json
from functools import lru_cache
from pathlib import Path

import pytest

from rasid.article import Article
from rasid.quotes.stage import quotes_stage
from rasid.text.stage import sentences_stage

SHARED = Path(__file__).resolve().parents[3] / "shared"
CORPUS = SHARED / "corpus" / "news300.jsonl"
GOLD = SHARED / "gold" / "dev.jsonl"

pytestmark = pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not available")


@lru_cache(maxsize=1)
def _texts() -> dict[str, str]:
    out = {}
    for path in (CORPUS, GOLD):
        if path.exists():
            for line in path.read_text("utf-8").splitlines():
                if line.strip():
                    rec = json.loads(line)
                    out[rec["id"]] = rec["text"]
    return out


def paragraph(art_id: str, snippet: str) -> str:
    """The paragraph of article `art_id` (id prefix) that contains `snippet`."""
    for k, text in _texts().items():
        if k.startswith(art_id):
            for para in text.split("\n"):
                if snippet in para:
                    return para.strip()
    raise AssertionError(f"{snippet!r} not in {art_id}")


def quotes_of(text: str) -> list:
    art = quotes_stage(sentences_stage(Article(raw=text, text=text)))
    return [q for q in art.quotes if not q.in_title]


@lru_cache(maxsize=1)
def _pipe():
    from rasid.pipeline import Pipeline
    return Pipeline.with_dependencies(["quotes"])


def layered_quotes(text: str) -> list:
    """Quotes with the entity and role layers (noun objects need a named subject)."""
    art = _pipe()(Article(raw=text, published="2018-01-01"))
    return [q for q in art.quotes if not q.in_title]


def quote_at(text: str, cue: str, layered: bool = False):
    qs = layered_quotes(text) if layered else quotes_of(text)
    hits = [q for q in qs if q.cue == cue]
    assert hits, [(q.cue, q.text) for q in qs]
    return hits[0]


# ---------------------------------------------------------------- not quotes

def test_epithet_in_marks_after_praise_is_not_a_quote():
    text = paragraph("ar-0230", "وأشاد بمقاومة حزب الله")
    assert not [q for q in quotes_of(text) if q.cue == "وأشاد"]


def test_quoted_complement_of_thanks_is_a_quote():
    text = paragraph("ar-0006", "شكر سعد الحريري")
    q = quote_at(text, "شكر")
    assert q.text.startswith("على الجهد الذي بذله")


def test_bare_imperfect_before_that_is_impersonal():
    assert all(q.cue != "ويتوقع" for q in quotes_of(paragraph("ar-0120", "ويتوقع أن يتم تعيينه")))
    text = paragraph("ar-0150", "لا سيما بعدما تبيّن أن")
    assert all(q.cue != "تبيّن" for q in quotes_of(text))


def test_tightening_the_noose_is_not_speech():
    text = paragraph("ar-0270", "الخناق على آخر معاقل الحوثيين")
    assert all(q.cue != "شددت" for q in quotes_of(text))


def test_negated_announcement_reports_nothing():
    text = paragraph("ar-0250", "ولم تعلن أي جماعة مسؤوليتها")
    assert all(q.cue != "تعلن" for q in quotes_of(text))


def test_demonstrative_subject_is_no_speaker_but_a_lead_in_demonstrative_is_fine():
    text = paragraph("ar-0220", "وهذا يشير إلى أنّ أوروبا")
    assert all(q.cue != "يشير" for q in quotes_of(text))
    q = quote_at(paragraph("ar-0270", "في غضون ذلك أفادت مصادر محلية يمنية"), "أفادت")
    assert q.speaker_text == "مصادر محلية يمنية" and q.code == "YEM"


def test_quoted_name_after_a_verbal_noun_is_not_a_quote():
    text = paragraph("ar-0060", "تأسيس \"الجمهورية العربية الصحراوية الديمقراطية\"")
    assert all("الجمهورية العربية الصحراوية" != q.text for q in quotes_of(text))


# ---------------------------------------------------------------- extents

def test_quote_ends_at_closing_marks_before_a_comma_clause():
    text = paragraph("ar-0090", "قالت المحكمة الجنائية الدولية، الثلاثاء")
    q = quote_at(text, "قالت")
    assert q.text == "ستواصل القيام بعملها دون أن يردعها أحد" and q.direct


def test_quote_ends_at_a_hal_participle_after_closing_marks():
    text = paragraph("ar-0040", "متينة للغاية")
    q = quote_at(text, "قال")
    assert q.text.endswith("متينة للغاية") and "رافضا" not in q.text


def test_subordinate_clause_quote_ends_before_the_main_clause():
    text = paragraph("ar-0140", "وفي حين أكد الأردن")
    assert quote_at(text, "أكد").text == "حدوده ستبقى مغلقة"


def test_subordinate_clause_running_to_the_end_keeps_its_quotation():
    text = paragraph("ar-0060", "في حين يقول الضابط الجزائري السابق")
    assert "بل لأن الجزائر وجدت فرصة" in quote_at(text, "يقول").text


def test_abbreviation_dots_do_not_end_a_quote():
    text = paragraph("ar-0160", "(إف.بي.آي) داهم شقتها")
    assert quote_at(text, "وأضاف").text.endswith("داهم شقتها في أبريل نيسان")


def test_noun_object_stops_at_the_next_clause():
    text = paragraph("ar-0060", "أعلن المغرب تنظيمه")
    q = quote_at(text, "أعلن", layered=True)
    assert q.text.endswith("باتجاه منطقة الصحراء")


# ---------------------------------------------------------------- speakers

def test_frame_words_and_detached_conjunctions_are_not_speakers():
    qs = quotes_of(paragraph("ar-0160", "وقال روبرت دريسكول") + "\n" +
                   paragraph("ar-0160", "وتابع قائلا"))
    assert [q.speaker_text for q in qs][-1] == "روبرت دريسكول محامي بوتينا"
    qs = quotes_of(paragraph("ar-0280", "وقال نبيل القروي") + "\n" + paragraph("ar-0280", "و أضاف"))
    assert qs[-1].speaker_text == "نبيل القروي"


def test_preposition_before_quotation_marks_is_not_the_speaker():
    text = (paragraph("ar-0190", "وأكد قائد حركة أنصار الله") + "\n" +
            paragraph("ar-0190", "وأشار إلى \"المسؤولية"))
    q = quote_at(text, "وأشار")
    assert q.speaker_text != "إلى" and "أنصار الله" in q.speaker_text


def test_relative_pronoun_gives_its_antecedent():
    q = quote_at(paragraph("ar-0130", "وفق الصالح الذي يضيف"), "يضيف")
    assert q.speaker_text == "الصالح"
    q = quote_at(paragraph("ar-0160", "وأفاد المصدر الذي قال"), "قال")
    assert q.speaker_text == "المصدر" and q.code == "UNK"


def test_verb_in_a_relative_clause_after_a_preposition_takes_the_sentence_subject():
    q = quote_at(paragraph("ar-0080", "لطائرة قالت إنها"), "قالت")
    assert q.speaker_text == "السلطات الصينية"


def test_pronoun_particle_carries_the_previous_speaker():
    text = paragraph("ar-0010", "قال مسؤول أميركي الأحد") + "\n" + \
        paragraph("ar-0010", "ولكنه قال إن الجانبين")
    assert quote_at(text, "قال").speaker_text != "ولكنه"
    # `وامتنع المسؤول الأميركي عن … ولكنه قال`: the sentence's own subject
    assert quotes_of(text)[-1].speaker_text == "المسؤول الأميركي"


def test_hal_speaker_is_the_subject_of_the_main_verb():
    q = quote_at(paragraph("ar-0110", "توعد رئيس الوزراء الإسرائيلي"), "مشددا")
    assert q.speaker_text == "رئيس الوزراء الإسرائيلي"


def test_statement_author_after_speech_noun():
    q = quote_at(paragraph("ar-0100", "جاء ذلك في تغريدة للشيخ القطري"), "قال")
    assert q.speaker_text == "الشيخ القطري"


def test_subject_of_previous_sentence_speaks_when_it_quoted_no_one():
    text = paragraph("ar-0244", "وتبنت الحركة الانفصالية الكردية")
    q = quote_at(text, "وقالت")
    assert q.speaker_text == "الحركة الانفصالية الكردية"


def test_nationality_adjective_codes_an_anonymous_source():
    q = quote_at(paragraph("ar-0023", "وقال مصدر عسكري يمني"), "وقال")
    assert q.code == "YEM"
    q = quote_at(paragraph("ar-0234", "قالت مصادر طبية إن"), "قالت")
    assert q.code == "UNK"  # no state named, nothing official: an anonymous source


def test_source_adjective_belongs_to_the_speaker_of_a_noun_object():
    text = paragraph("ar-0244", "أعلنت مصادر رسمية مقتل")
    q = quote_at(text, "أعلنت", layered=True)
    assert q.speaker_text == "مصادر رسمية" and q.text.startswith("مقتل عسكريين")
