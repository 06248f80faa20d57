"""The scorer on small hand-made cases, and gold scored against itself."""

from pathlib import Path

import orjson
import pytest

from rasid.evaluation.scorer import (Totals, quotes_overlap, score_clean, score_entities,
                                     score_events, score_quotes, score_times)

GOLD = Path(__file__).resolve().parents[3] / "shared" / "gold" / "dev.jsonl"


def ent(text, type_="GPE", code=None):
    return {"text": text, "type": type_, "code": code}


def test_entity_exact_match_after_normalisation():
    prf, codes = score_entities([ent("اوكرانيا", code="UKR")], [ent("أوكرانيا", code="UKR")])
    assert (prf.tp, prf.fp, prf.fn) == (1, 0, 0)
    assert codes.value == 1.0


def test_entity_clitic_and_fused_lam():
    prf, _ = score_entities([ent("للاتحاد الأوروبي", "ORG"), ent("وروسيا")],
                            [ent("الاتحاد الأوروبي", "ORG"), ent("روسيا")])
    assert (prf.tp, prf.fp, prf.fn) == (2, 0, 0)


def test_entity_containment_matches_and_type_must_agree():
    prf, _ = score_entities([ent("ستولتنبرج", "PER"), ent("روسيا", "ORG")],
                            [ent("ينس ستولتنبرج", "PER"), ent("روسيا", "GPE")])
    assert (prf.tp, prf.fp, prf.fn) == (1, 1, 1)


def test_second_mention_of_used_up_form_is_ignored():
    prf, _ = score_entities([ent("ينس ستولتنبرج", "PER"), ent("ستولتنبرج", "PER")],
                            [ent("ينس ستولتنبرج", "PER")])
    assert (prf.tp, prf.fp, prf.fn) == (1, 0, 0)


def test_duplicate_predictions_collapse_to_one():
    prf, _ = score_entities([ent("روسيا"), ent("روسيا"), ent("روسيا")], [ent("روسيا")])
    assert (prf.tp, prf.fp, prf.fn) == (1, 0, 0)


def test_entity_code_accuracy_uses_code_before_colon():
    _, codes = score_entities([ent("الجيش", "ORG", "RUS:MIL")], [ent("الجيش", "ORG", "RUS")])
    assert codes.value == 1.0


def test_times_need_overlap_and_equal_value():
    strict, span, values = score_times(
        [{"text": "يوم 12 يناير", "value": "2022-01-12"}, {"text": "الخميس", "value": "2022-01-13"}],
        [{"text": "12 يناير", "value": "2022-01-12"}, {"text": "الخميس", "value": "2022-01-06"}])
    assert (strict.tp, strict.fp, strict.fn) == (1, 1, 1)
    assert span.tp == 2 and values.value == 0.5


def test_quote_overlap_half_of_shorter():
    assert quotes_overlap("أي حوار مع روسيا يجب أن يقوم على أساس المعاملة بالمثل",
                          "يجب أن يقوم على أساس المعاملة بالمثل، ومعالجة مخاوف شمال الأطلسي")
    assert not quotes_overlap("المسؤولين الروس سيحضرون", "أي نقاش حول الأمن الأوروبي")


def test_quote_speaker_accuracy_by_code():
    prf, spk = score_quotes([{"quote": "المسؤولين الروس سيحضرون اجتماع الناتو", "code": "RUS:GOV"}],
                            [{"quote": "المسؤولين الروس سيحضرون اجتماع الناتو في بروكسل", "code": "RUS"}])
    assert prf.tp == 1 and spk.value == 1.0


def ev(event, actor, recipient, **kw):
    return {"event": event, "actor": actor, "recipient": recipient, **kw}


def test_consult_is_symmetric_other_types_are_not():
    s = score_events([ev("CONSULT", ["RUS"], ["NATO"])], [ev("CONSULT", ["NATO"], ["RUS"])])
    assert s.overall.tp == 1
    s = score_events([ev("ACCUSE", ["RUS"], ["NATO"])], [ev("ACCUSE", ["NATO"], ["RUS"])])
    assert (s.overall.tp, s.overall.fp, s.overall.fn) == (0, 1, 1)


def test_empty_gold_recipient_matches_any_recipient():
    s = score_events([ev("RETREAT", ["LBN:GOV"], ["LBN"])], [ev("RETREAT", ["LBN"], [])])
    assert s.overall.tp == 1


def test_each_gold_event_matched_once():
    pred = [ev("ASSAULT", ["ISR"], ["SYR"], date="2018-07-13"), ev("ASSAULT", ["ISR"], ["SYR"])]
    s = score_events(pred, [ev("ASSAULT", ["ISR:MIL"], ["SYR:MIL"], date="2018-07-13")])
    assert (s.overall.tp, s.overall.fp, s.overall.fn) == (1, 1, 0)
    assert s.per_type["ASSAULT"].tp == 1


def test_matching_is_maximal_not_greedy():
    # The first prediction could take either gold event; a greedy matcher would strand the second.
    pred = [ev("CONSULT", ["USA"], ["RUS", "UKR"]), ev("CONSULT", ["USA"], ["RUS"])]
    gold = [ev("CONSULT", ["USA"], ["RUS"]), ev("CONSULT", ["USA"], ["UKR"])]
    assert score_events(pred, gold).overall.tp == 2


def test_clean_snippets():
    r = score_clean("قال مسؤول   في الحلف", ["قال مسؤول في الحلف"], ["اقرأ أيضاً"])
    assert r.value == 1.0


@pytest.mark.skipif(not GOLD.exists(), reason="shared gold not present")
def test_gold_scored_against_itself_is_perfect():
    totals = Totals()
    for line in GOLD.read_bytes().splitlines():
        gold = orjson.loads(line)
        pred = {**gold, "clean_text": gold["text"]}
        totals.add_article(pred, gold)
    d = totals.as_dict()
    for layer in ("entities", "times", "quotes", "events"):
        assert d[layer]["f1"] == 1.0, layer
    assert d["entities"]["code_accuracy"] == 1.0
    assert d["quotes"]["speaker_accuracy"] == 1.0


def test_attribute_accuracy_uses_the_best_pairing():
    # Both predictions match both gold events; the pairing that agrees on dates must be used.
    gold = [ev("ASSAULT", ["ISR"], ["SYR"], date="2018-07-13"), ev("ASSAULT", ["ISR"], ["SYR"], date=None)]
    pred = [ev("ASSAULT", ["ISR"], ["SYR"], date=None), ev("ASSAULT", ["ISR"], ["SYR"], date="2018-07-13")]
    s = score_events(pred, gold)
    assert s.overall.tp == 2 and s.date.value == 1.0


def test_entity_pairing_prefers_exact_forms_and_right_codes():
    prf, codes = score_entities([ent("حزب الله", "ORG", "LBN"), ent("حزب", "ORG", "GBR")],
                                [ent("حزب الله", "ORG", "LBN")])
    assert (prf.tp, prf.fp) == (1, 0) and codes.value == 1.0
