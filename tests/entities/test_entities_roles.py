"""Role phrases and named institutions: composition with nisba, genitive, membership."""

from rasid.entities.stage import analyse


def _roles(text: str) -> dict[str, str | None]:
    _, roles = analyse(text, "2022-01-04")
    return {r.text: r.code for r in roles}


def test_role_with_nisba() -> None:
    roles = _roles("وقال وزير الخارجية الأميركي إن بلاده مستعدة.")
    assert any(code == "USA" and text.startswith("وزير") for text, code in roles.items())


def test_role_with_genitive_igo() -> None:
    roles = _roles("ويتوجه وزير خارجية الاتحاد الأوروبي إلى أوكرانيا.")
    assert "وزير خارجية الاتحاد الأوروبي" in roles and roles["وزير خارجية الاتحاد الأوروبي"] == "EU"


def test_role_member_of_igo() -> None:
    roles = _roles("قال مسؤول في حلف شمال الأطلسي (الناتو)، الثلاثاء، إن الأمين العام للحلف حدد موعداً.")
    assert roles.get("مسؤول في حلف شمال الأطلسي") == "NATO"


def test_generic_institutions_are_roles_with_sector() -> None:
    _, roles = analyse("وقصف الجيش الإسرائيلي مواقع، فيما نددت المعارضة السورية.", "2022-01-04")
    got = {(r.text, r.code, r.sector) for r in roles}
    assert ("الجيش الإسرائيلي", "ISR", "MIL") in got
    assert ("المعارضة السورية", "SYR", "OPP") in got


def test_plural_officials_with_nisba() -> None:
    roles = _roles("وأكدت أن المسؤولين الروس سيحضرون الاجتماع.")
    assert roles.get("المسؤولين الروس") == "RUS"


def test_named_institution_with_nationality_is_an_entity() -> None:
    ents, roles = analyse("وأكدت المتحدثة باسم وزارة الخارجية الروسية أن الاجتماع سيعقد.", "2022-01-04")
    orgs = [(e.text, e.code) for e in ents if e.type == "ORG"]
    assert ("وزارة الخارجية الروسية", "RUS") in orgs
    spokes = [r for r in roles if r.text.startswith("المتحدثة باسم")]
    assert spokes and spokes[0].code == "RUS" and spokes[0].text.endswith("الروسية")


def test_minister_adjective_does_not_make_a_ministry() -> None:
    ents, _ = analyse("وقال وزير الخارجية الأميركي إن المحادثات جيدة.", "2022-01-04")
    assert not [e for e in ents if e.type == "ORG"]


def test_bare_named_institution_takes_the_article_country() -> None:
    text = "قال الرئيس العراقي إن العراق يرفض القصف. وأقر مجلس النواب القانون في بغداد."
    ents, _ = analyse(text, "2018-01-01")
    council = [e for e in ents if e.text == "مجلس النواب"]
    assert council and council[0].code == "IRQ"


def test_anaphor_counts_only_after_the_igo_is_named() -> None:
    assert not [r for r in analyse("وقال الحلف إنه مستعد.", "2022-01-04")[1] if r.code == "NATO"]
    roles = analyse("اجتمع الناتو أمس. وقال الحلف إنه مستعد.", "2022-01-04")[1]
    assert any(r.text == "الحلف" and r.code == "NATO" for r in roles)
