"""Speaker codes and title quotes on whole real articles (dev gold, news300), full layers."""

import json
from functools import lru_cache
from pathlib import Path

import pytest

from rasid.article import Article
from rasid.pipeline import Pipeline
from rasid.quotes.finder import home_state
from rasid.quotes.speaker import Span

SHARED = Path(__file__).resolve().parents[3] / "shared"
CORPUS = SHARED / "corpus" / "news300.jsonl"
GOLD = SHARED / "gold" / "dev.jsonl"

pytestmark = pytest.mark.skipif(not (CORPUS.exists() and GOLD.exists()),
                                reason="shared corpus/gold not available")


@lru_cache(maxsize=1)
def _records() -> dict[str, dict]:
    out = {}
    for path in (CORPUS, GOLD):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                out[rec["id"]] = rec
    return out


@lru_cache(maxsize=1)
def _pipe() -> Pipeline:
    return Pipeline.with_dependencies(["quotes"])


@lru_cache(maxsize=None)
def article(prefix: str) -> Article:
    rec = next(r for k, r in _records().items() if k.startswith(prefix))
    published = (rec.get("published") or rec.get("date") or "2020-01-01")[:10]
    return _pipe()(Article(raw=rec["text"], published=published, title=rec.get("title")))


def body_quote(prefix: str, start: str):
    qs = [q for q in article(prefix).quotes if not q.in_title and q.text.startswith(start)]
    assert qs, [q.text[:40] for q in article(prefix).quotes]
    return qs[0]


def title_quotes(prefix: str) -> list:
    return [q for q in article(prefix).quotes if q.in_title]


def test_home_state_needs_a_clear_majority():
    def sp(code: str) -> Span:
        return Span(0, 1, "x", "GPE", code, None)
    assert home_state([sp("TUR")] * 5 + [sp("SYR"), sp("NATO")]) == "TUR"
    assert home_state([sp("USA")] * 3 + [sp("GBR")] * 3) is None
    assert home_state([sp("UN")] * 4) is None  # an organisation is no home state


def test_state_organ_without_its_state_takes_the_articles_state():
    # `وقالت القيادة العسكرية إن …` in an article about Turkey.
    assert body_quote("ar-0244", "سيارة مفخخة انفجرت").code == "TUR"


def test_implicit_speaker_read_off_the_sentence_is_carried_on():
    # `وكانت قوات الدفاع الشعبي … دانت …، معتبرة أنه "عدوان". وقالت إن …`
    q = body_quote("ar-0244", "تركيا \"انهت من جانب واحد\"")
    assert q.speaker_text == "قوات الدفاع الشعبي"


def test_aide_of_a_person_speaks_for_the_persons_side():
    q = body_quote("ar-0227", "سيلتقيان بشكل منفصل")
    assert q.speaker_text == "مساعد هاريس" and q.code == "USA"


def test_subject_before_verb_with_its_adjective():
    # `شبكة "سي أن أن" الأميركية تؤكد أن …`
    q = body_quote("ar-0227", "نائبة الرئيس الأميركي كامالا هاريس تخطط")
    assert q.code == "USA" and "سي أن أن" in q.speaker_text


def test_implicit_speaker_gets_the_code_of_its_full_name():
    # `دفعت بالحريري إلى القول …`: `الحريري` is `سعد الحريري` of the same article.
    assert body_quote("ar-0006", "هناك آلية محاسبة").code == "LBN"


def test_spokesman_of_a_body_named_earlier():
    # `واضاف المتحدث باسم المفوضية وليم سبندلر "…"` after `مفوضية اللاجئين` (layers given by
    # hand: the person uncoded, the agency coded where it is first named).
    from rasid.article import Entity
    from rasid.quotes.stage import quotes_stage
    from rasid.text.stage import sentences_stage
    rec = next(r for k, r in _records().items() if k.startswith("ar-0070"))
    paras = [p for p in rec["text"].split("\n")
             if "وتقول مفوضية اللاجئين" in p or "المتحدث باسم المفوضية" in p]
    text = "\n".join(paras)
    a, b = text.index("مفوضية اللاجئين"), text.index("وليم سبندلر")
    ents = [Entity(a, a + len("مفوضية اللاجئين"), "مفوضية اللاجئين", "ORG", "UNHCR", "UNHCR"),
            Entity(b, b + len("وليم سبندلر"), "وليم سبندلر", "PER", None, None)]
    art = quotes_stage(sentences_stage(Article(raw=text, text=text, entities=ents)))
    q = next(q for q in art.quotes if q.text.startswith("نحن مستعدون للعمل"))
    assert (q.speaker_text, q.code) == ("وليم سبندلر", "UNHCR")


def test_short_name_is_the_earlier_speaker_with_the_full_name():
    # `الأمير زيد بن رعد` (UN) then `الأمير زيد`: one person, one code.
    assert body_quote("ar-0140", "مكتبه لديه تقارير").code == "UN"


@pytest.mark.parametrize("prefix", ["ar-0045", "ar-0052", "ar-0057", "ar-0060", "ar-0200",
                                    "ar-0207", "ar-0295"])
def test_topic_titles_are_not_quotes(prefix):
    # `لبنان: …`, `الانتخابات التركية: …`, `بريت كافانو: مرشح ترامب … ينفي …`,
    # `استجابة لأسئلتكم: …`, `باتروشيف يلتقي كاسترو في كوبا: …`
    assert title_quotes(prefix) == []


@pytest.mark.parametrize("prefix, speaker", [("ar-0191", "مسؤول أممي"),
                                             ("ar-0211", "فايننشال تايمز"),
                                             ("ar-0266", "الحديثي"),
                                             ("ar-0109", "حمد بن جاسم"),
                                             ("ar-0230", "بزشكيان")])
def test_speaker_titles_are_quotes_with_the_speaker_only(prefix, speaker):
    (q,) = title_quotes(prefix)
    assert q.speaker_text == speaker
    assert article(prefix).title[q.start:q.end] == q.text
