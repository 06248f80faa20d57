"""Quote search by Arabic (any spelling) or English speaker name."""

from rasid.article import Article, Entity
from rasid.quotes.search import find_quotes
from rasid.quotes.stage import quotes_stage
from rasid.text.stage import sentences_stage

TEXT = ("وأكدت المتحدثة باسم وزارة الخارجية الروسية، ماريا زاخاروفا أن الوفد سيحضر الاجتماع.\n"
        "وشدّد بوريل على أن \"أي نقاش حول الأمن الأوروبي يجب أن يتم بمشاركة الاتحاد\".")


def _article() -> Article:
    z = TEXT.index("ماريا زاخاروفا")
    b = TEXT.index("بوريل")
    art = Article(raw=TEXT, text=TEXT, id="a1", source="test", entities=[
        Entity(z, z + 14, "ماريا زاخاروفا", "PER", "Maria Zakharova", "RUS"),
        Entity(b, b + 5, "بوريل", "PER", "Josep Borrell", "EU")])
    return quotes_stage(sentences_stage(art))


def test_search_by_arabic_name_any_variant():
    art = _article()
    assert [h["code"] for h in find_quotes([art], "زاخاروفا")] == ["RUS"]
    assert [h["code"] for h in find_quotes([art], "ماريا زاخاروفا")] == ["RUS"]
    assert [h["code"] for h in find_quotes([art], "وزاخاروفا")] == ["RUS"]  # clitic
    assert [h["code"] for h in find_quotes([art], "جوزيب بوريل")] == ["EU"]  # full name, surname given
    assert find_quotes([art], "لافروف") == []


def test_search_by_english_name_case_insensitive():
    art = _article()
    hits = find_quotes([art], "borrell")
    assert len(hits) == 1 and hits[0]["direct"] and hits[0]["article_id"] == "a1"
    assert find_quotes([art.to_record()], "ZAKHAROVA")[0]["quote"] == "الوفد سيحضر الاجتماع"
