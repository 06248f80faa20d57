"""The founding example (gold line 1): every gold entity found, with its actor code."""

import json
from pathlib import Path

import pytest

from rasid import process
from rasid.evaluation.scorer import base_code, score_entities

GOLD = Path(__file__).resolve().parents[2].parent / "shared" / "gold" / "dev.jsonl"


@pytest.fixture(scope="module")
def seed() -> tuple[dict, list[dict]]:
    gold = json.loads(GOLD.read_text(encoding="utf-8").splitlines()[0])
    art = process(gold["text"], published=gold["published"], stages=("clean", "sentences", "entities"))
    pred = [{"text": e.text, "type": e.type, "code": e.code, "source": e.source} for e in art.entities]
    return gold, pred


def test_all_gold_entities_found_with_codes(seed) -> None:
    gold, pred = seed
    prf, codes = score_entities(pred, gold["entities"])
    assert prf.recall >= 0.95, prf.as_dict()
    assert prf.precision >= 0.85, prf.as_dict()
    assert codes.value == 1.0


def test_people_coded_by_their_role_on_the_day(seed) -> None:
    _, pred = seed
    code = {p["text"]: base_code(p["code"]) for p in pred if p["type"] == "PER"}
    assert code.get("جوزيب بوريل") == "EU"
    assert code.get("ماريا زاخاروفا") == "RUS"
    assert code.get("أنتوني بلينكن") == "USA"


def test_spelling_variant_resolves_to_listed_person(seed) -> None:
    _, pred = seed
    # the article writes ستولتنبرج; the code comes from the person's NATO role in 2022
    stolt = [p for p in pred if p["text"] == "ينس ستولتنبرج"]
    assert stolt and stolt[0]["code"] == "NATO"
