"""The CRF tags names in real sentences and its spans pass the precision filters."""

import json
from pathlib import Path

from rasid.entities import crf
from rasid.entities.gazetteer import get_gazetteer
from rasid.entities.matcher import Normalised, find_matches
from rasid.entities.stage import analyse
from rasid.text.tokens import tokenize

GOLD = Path(__file__).resolve().parents[2].parent / "shared" / "gold" / "dev.jsonl"


def _gold(i: int) -> dict:
    return json.loads(GOLD.read_text(encoding="utf-8").splitlines()[i])


def test_model_file_is_small_and_loads() -> None:
    assert crf.MODEL_PATH.exists() and crf.MODEL_PATH.stat().st_size < 10_000_000
    assert len(crf.load_common()) > 1000


def test_tags_an_unlisted_person_in_a_real_sentence() -> None:
    gz = get_gazetteer()
    text = next(s for s in _gold(3)["text"].split("\n") if "عمار حوري" in s)
    toks = tokenize(text)
    labels = crf.tag_tokens(toks, crf.gaz_tags(toks, find_matches(gz, Normalised.of(text)), gz), gz)
    spans = {" ".join(t.text for t in toks[a:b]): typ for a, b, typ in crf.spans_from_iob(labels)}
    assert spans.get("عمار حوري") == "PER"


def test_role_before_an_unlisted_person_gives_the_code() -> None:
    ents, _ = analyse("وقال نائب وزير الخارجية الروسي سيرجي ريابكوفسكي إن المحادثات صعبة.", "2022-01-04")
    per = [e for e in ents if e.type == "PER"]
    assert per and per[0].code == "RUS" and per[0].source == "crf"
    assert not per[0].text.startswith("الروسي")


def test_iob_chunks() -> None:
    assert crf.spans_from_iob(["B-PER", "I-PER", "O", "I-ORG", "B-GPE", "B-GPE"]) == [
        (0, 2, "PER"), (3, 4, "ORG"), (4, 5, "GPE"), (5, 6, "GPE")]
