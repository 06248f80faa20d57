"""Class-noun names (small places, media, quoted organisations) and nested names, on news300 and dev3."""

import json
from functools import lru_cache
from pathlib import Path

from rasid.article import Article
from rasid.pipeline import Pipeline

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
NEWS = SHARED / "corpus" / "news300.jsonl"
DEV3 = Path(__file__).resolve().parents[2] / "bench" / "dev3" / "dev3.jsonl"


@lru_cache(maxsize=None)
def _records(path: Path) -> dict:
    return {r["id"][:7]: r for r in (json.loads(x) for x in path.read_text(encoding="utf-8").splitlines())}


@lru_cache(maxsize=None)
def _article(prefix: str, path: Path = NEWS) -> Article:
    r = _records(path)[prefix]
    pipe = Pipeline.build(["clean", "sentences", "entities"])
    return pipe(Article(raw=r["text"], published=r.get("date") or r.get("published"), id=r["id"]))


def _ents(a: Article) -> set[tuple[str, str]]:
    return {(e.text, e.type) for e in a.entities}


def test_yemeni_district_after_mudiriya() -> None:
    a = _article("ar-0012")  # `منطقة الملتقى بمديرية صرواح`
    hit = [e for e in a.entities if e.text == "صرواح"]
    assert hit and hit[0].type == "GPE" and hit[0].code == "YEM" and hit[0].source == "pattern"


def test_military_airport_keeps_its_noun_and_adjective() -> None:
    a = _article("ar-0292")  # `مطار الشعيرات العسكري`
    assert ("مطار الشعيرات العسكري", "LOC") in _ents(a)


def test_numbered_channel_and_quoted_channel_name() -> None:
    a = _article("ar-0233")
    assert ("القناة 12", "ORG") in _ents(a)
    b = _article("ar-0204")  # `موقع "إسرائيل نيوز 24"`: the channel, not the country inside it
    assert ("إسرائيل نيوز 24", "ORG") in _ents(b)
    assert ("إسرائيل", "GPE") not in {(e.text, e.type) for e in b.entities if "نيوز" in b.text[e.end:e.end + 6]}


def test_quoted_site_after_attack_words_is_a_military_post() -> None:
    a = _article("ar-0200")  # `استهداف موقع "رويسات العلم"`
    assert ("رويسات العلم", "LOC") in _ents(a)


def test_adjectives_after_class_nouns_are_not_names() -> None:
    a = _article("ar-0151", DEV3)  # `قرية نائية`
    assert not [e for e in a.entities if "نائية" in e.text]
    b = _article("ar-0264")  # `كتلة التحالف الوطني` is no `تلة` (hill)
    assert not [e for e in b.entities if e.text.startswith("تلة")]


def test_quoted_party_after_party_noun() -> None:
    a = _article("ar-0048", Path(__file__).resolve().parents[2] / "bench" / "dev2" / "dev2.jsonl")
    assert any("مناضلو الحرية الاقتصادية" in e.text and e.type == "ORG" for e in a.entities)


def test_us_led_coalition_is_a_role_and_its_leader_an_entity() -> None:
    a = _article("ar-0068")  # `التحالف الذي تقوده الولايات المتحدة`
    assert not [e for e in a.entities if "التحالف" in e.text]
    assert ("الولايات المتحدة", "GPE") in _ents(a)
    roles = [r for r in a.roles if r.text.startswith(("التحالف", "قوات التحالف"))]
    assert roles and all(r.code == "USA" for r in roles)


def test_body_of_an_igo_and_the_igo_are_two_entities() -> None:
    a = _article("ar-0278")  # `مجلس الأمن التابع للأمم المتحدة`
    codes = {(e.text, e.code) for e in a.entities}
    assert ("مجلس الأمن", "UNSC") in codes
    assert any(e.code == "UN" and "لأمم المتحدة" in e.text for e in a.entities)
