"""Gazetteer matching: clitics, fused لل, longest match, hashtags, entity surface text."""

from rasid.entities.gazetteer import get_gazetteer
from rasid.entities.matcher import Normalised, find_matches
from rasid.entities.stage import analyse


def _ents(text: str, published: str = "2022-01-04") -> list[tuple[str, str, str | None]]:
    ents, _ = analyse(text, published)
    return [(e.text, e.type, e.code) for e in ents]


def test_gazetteer_builds_once_and_lists_files() -> None:
    gz = get_gazetteer()
    assert gz is get_gazetteer()
    assert "countries.jsonl" in gz.files and len(gz.patterns) > 1000


def test_proclitics_are_left_out_of_the_entity_text() -> None:
    ents = _ents("وصل الوفد إلى بروكسل ثم وبروكسل ولروسيا وبالاتحاد الأوروبي.")
    assert ("بروكسل", "GPE", "BEL") in ents
    assert ("روسيا", "GPE", "RUS") in ents
    assert ("الاتحاد الأوروبي", "ORG", "EU") in ents
    assert all(not t.startswith(("وب", "ول")) for t, _, _ in ents)


def test_fused_lam_keeps_the_form_as_written() -> None:
    ents = _ents("وجه الوزير رسالة للاتحاد الأوروبي وللناتو.")
    assert ("للاتحاد الأوروبي", "ORG", "EU") in ents
    assert ("للناتو", "ORG", "NATO") in ents


def test_longest_match_wins() -> None:
    ents = _ents("قال مسؤول في حلف شمال الأطلسي إن الولايات المتحدة الأميركية مستعدة.")
    texts = [t for t, _, _ in ents]
    assert "حلف شمال الأطلسي" in texts and "الولايات المتحدة الأميركية" in texts
    assert "الولايات المتحدة" not in texts


def test_no_match_inside_a_longer_word() -> None:
    gz = get_gazetteer()
    nt = Normalised.of("الروسيات والمصريين")  # not `روسيا`, not `مصر`
    assert not [m for m in find_matches(gz, nt) if m.first.how == "form"]


def test_hashtags_are_not_annotated() -> None:
    ents = _ents("شكلت نتائج الانتخابات في #لبنان مفاجأة لـ #تيار_المستقبل في لبنان.")
    assert [t for t, _, _ in ents].count("لبنان") == 1


def test_country_name_used_as_adjective_is_not_an_entity() -> None:
    ents = _ents("أطلق الحوثيون صواريخ على الحدود السعودية، وزار الرئيس الفرنسي السعودية أمس.")
    starts = [t for t, _, _ in ents]
    assert starts.count("السعودية") == 1  # the visit, not the border


def test_offsets_point_at_the_text() -> None:
    text = "وأكدت المتحدثة باسم وزارة الخارجية الروسية أن المسؤولين سيحضرون اجتماع الناتو في بروكسل."
    ents, roles = analyse(text, "2022-01-04")
    for x in [*ents, *roles]:
        assert text[x.start:x.end] == x.text
