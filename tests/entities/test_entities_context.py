"""Context fixes on real news300 sentences: أمام vs إمام, ambiguous short forms, Houthis and the
coalition, bare titles, role spans, homonymous towns, listed officials, guessed codes."""

import json
from functools import lru_cache
from pathlib import Path

from rasid.article import Article
from rasid.pipeline import Pipeline

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
NEWS = SHARED / "corpus" / "news300.jsonl"
GOLD = SHARED / "gold" / "dev.jsonl"


@lru_cache(maxsize=None)
def _article(prefix: str, path: Path = NEWS) -> Article:
    r = next(json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if f'"{prefix}' in x)
    pipe = Pipeline.build(["clean", "sentences", "entities"])
    return pipe(Article(raw=r["text"], published=r.get("date") or r.get("published"), id=r["id"]))


def test_amam_in_front_of_is_no_imam() -> None:
    for pid in ("ar-0227", "ar-0048", "ar-0072", "ar-0002"):
        a = _article(pid)
        assert not [r for r in a.roles if r.text.startswith(("أمام", "وأمام"))], pid
    congress = [e for e in _article("ar-0227").entities if e.text == "الكونغرس"]
    assert congress and all(e.code == "USA" and e.sector != "REL" for e in congress)


def test_short_labour_form_follows_the_pkk_named_in_the_article() -> None:
    a = _article("ar-0266")  # `حزب العمال الكردستاني` ... `تجمعات حزب العمال الذي تعده أنقرة`
    assert {e.code for e in a.entities if e.text == "حزب العمال"} == {"TUR"}
    b = _article("ar-0213")  # a British story keeps Labour
    assert {e.code for e in b.entities if e.text == "حزب العمال"} == {"GBR"}


def test_houthi_plural_is_the_group() -> None:
    a = _article("ar-0007")  # `للاشتباه في دعمه الحوثيين`
    assert any(e.text == "الحوثيين" and e.code == "YEM" for e in a.entities)


def test_coalition_in_a_yemen_story_is_saudi_led_role() -> None:
    a = _article("ar-0013")  # Yemen front: `التحالف` alone
    roles = [r for r in a.roles if "التحالف" in r.text and "العربي" not in r.text]
    assert roles and all(r.code == "SAU" for r in roles)
    assert not [e for e in a.entities if e.text in ("التحالف", "قوات التحالف")]


def test_bare_title_takes_the_last_office_holder() -> None:
    from rasid.entities.stage import analyse

    text = ("التقى الرئيس التركي رجب طيب أردوغان في أنقرة وفدا روسيا. "
            "وقال الرئيس إن العلاقات بين البلدين جيدة.")  # news300-style, both sentences as in ar-0073
    _, roles = analyse(text, "2018-06-25")
    bare = [r for r in roles if r.text == "الرئيس"]
    assert bare and bare[0].code == "TUR"


def test_government_forces_role_has_no_org_inside() -> None:
    a = _article("ar-0068")  # `القوات الحكومية السورية`
    assert any(r.text == "القوات الحكومية السورية" and r.code == "SYR" for r in a.roles)
    assert not [e for e in a.entities if "الحكومية" in e.text]


def test_construct_role_runs_to_its_owner() -> None:
    a = _article("ar-0054")  # `مسلحو حزب العمال الكردستاني`
    assert any(r.text.startswith("مسلحو") and r.code == "TUR" for r in a.roles)


def test_capital_after_a_preposition_is_the_capital() -> None:
    a = _article("ar-0108")  # `بالتوجه إلى الرياض`
    assert {e.code for e in a.entities if e.text == "الرياض"} == {"SAU"}


def test_listed_officials_and_ministries() -> None:
    assert any(e.text == "برناردينو ليون" and e.type == "PER" and e.code == "UN" for e in _article("ar-0260").entities)
    assert all(e.code == "TUN" for e in _article("ar-0284").entities if "الجهيناوي" in e.text)
    assert any(e.text.startswith("وزارة الوحدة") and e.code == "KOR" for e in _article("ar-0018").entities)
    assert any(e.text == "وليم سبندلر" and e.code == "UNHCR" for e in _article("ar-0070").entities)


def test_given_name_repeat_takes_the_persons_code() -> None:
    from rasid.entities.stage import analyse

    text = ("وقال المفوض السامي لحقوق الإنسان الأمير زيد بن رعد الحسين إن المدنيين يدفعون الثمن. "
            "وأضاف زيد أن على مجلس الأمن التحرك في سوريا.")  # as in news300 ar-0140
    ents, _ = analyse(text, "2017-03-10")
    assert {e.code for e in ents if e.text == "زيد"} == {"UN"}


def test_accusative_noun_phrase_is_no_person() -> None:
    a = _article("ar-0273", GOLD)
    assert not [e for e in a.entities if e.text == "تهديدا خطيرا"]


def test_country_default_is_flagged_as_a_guess() -> None:
    a = _article("ar-0124")  # unlisted CRF names in a Yemen story take YEM, flagged
    guessed = [e for e in a.entities if e.source.endswith("+country-default")]
    assert guessed and all(e.type == "PER" and e.code == "YEM" for e in guessed)
