"""Role phrases and named institutions: a role or institution noun composed with what follows.

`وزير الخارجية الأميركي` (role + nisba) -> Role USA:GOV; `وزير خارجية الاتحاد الأوروبي`
(role + genitive IGO) -> Role EU; `مسؤول في حلف شمال الأطلسي` (role + في + IGO) -> Role NATO;
`المتحدث باسم وزارة الخارجية الروسية` (role + باسم + institution) -> Role RUS. A named
institution (`وزارة الخارجية الروسية`, `مجلس الشيوخ الأميركي`, `المحكمة العليا`) is an ORG
entity; a generic one (`الحكومة الروسية`, `الجيش العراقي`) is a role (gold guide, Entities).
"""

from __future__ import annotations

from dataclasses import dataclass

# Generic actor nouns (roles), used in addition to roles.jsonl so that the commonest
# state actors compose even when that file lacks them. (form, title_en, sector)
BUILTIN_ROLES: tuple[tuple[str, str, str], ...] = (
    ("الحكومة", "government", "GOV"), ("حكومة", "government", "GOV"),
    ("السلطات", "authorities", "GOV"), ("سلطات", "authorities", "GOV"),
    ("الرئاسة", "presidency", "GOV"), ("الإدارة", "administration", "GOV"),
    ("إدارة", "administration", "GOV"), ("الدبلوماسية", "diplomacy", "GOV"),
    ("الجيش", "army", "MIL"), ("جيش", "army", "MIL"), ("القوات", "forces", "MIL"),
    ("قوات", "forces", "MIL"), ("القوات المسلحة", "armed forces", "MIL"),
    ("سلاح الجو", "air force", "MIL"), ("القوات الجوية", "air force", "MIL"),
    ("البحرية", "navy", "MIL"), ("القوات البحرية", "navy", "MIL"), ("الطائرات", "aircraft", "MIL"),
    ("الطيران", "air force", "MIL"), ("المقاتلات", "fighter jets", "MIL"),
    ("الجنود", "soldiers", "MIL"), ("جنود", "soldiers", "MIL"), ("الحشد العسكري", "military build-up", "MIL"),
    ("الشرطة", "police", "COP"), ("قوات الأمن", "security forces", "COP"),
    ("الأجهزة الأمنية", "security services", "COP"), ("المخابرات", "intelligence", "COP"),
    ("الاستخبارات", "intelligence", "COP"),
    ("المعارضة", "opposition", "OPP"), ("معارضة", "opposition", "OPP"),
    ("المسؤول", "official", "GOV"), ("مسؤول", "official", "GOV"), ("المسؤولين", "officials", "GOV"),
    ("المسؤولون", "officials", "GOV"), ("مسؤولين", "officials", "GOV"), ("مسؤولون", "officials", "GOV"),
    ("مسؤولي", "officials", "GOV"), ("كبار المسؤولين", "senior officials", "GOV"),
    ("الدبلوماسيين", "diplomats", "GOV"), ("دبلوماسيين", "diplomats", "GOV"), ("دبلوماسي", "diplomat", "GOV"),
    ("السفير", "ambassador", "GOV"), ("سفير", "ambassador", "GOV"), ("السفارة", "embassy", "GOV"),
    ("سفارة", "embassy", "GOV"), ("الرئيس", "president", "GOV"), ("رئيس", "president", "GOV"),
    ("رئيس الوزراء", "prime minister", "GOV"), ("رئيس الحكومة", "prime minister", "GOV"),
    ("رئيس وزراء", "prime minister", "GOV"), ("الوزير", "minister", "GOV"), ("وزير", "minister", "GOV"),
    ("وزيرة", "minister", "GOV"), ("نظيره", "counterpart", "GOV"), ("نظيرته", "counterpart", "GOV"),
    ("المتحدث باسم", "spokesperson", "GOV"), ("المتحدثة باسم", "spokesperson", "GOV"),
    ("المتحدث الرسمي باسم", "spokesperson", "GOV"), ("الناطق باسم", "spokesperson", "GOV"),
    ("الناطقة باسم", "spokesperson", "GOV"), ("المتحدث", "spokesperson", "GOV"),
    ("المتحدثة", "spokesperson", "GOV"), ("الناطق", "spokesperson", "GOV"),
    ("وزير خارجية", "foreign minister", "GOV"), ("وزيرة خارجية", "foreign minister", "GOV"),
    ("وزراء خارجية", "foreign ministers", "GOV"), ("وزير دفاع", "defence minister", "GOV"),
    ("وزير داخلية", "interior minister", "GOV"), ("وزراء", "ministers", "GOV"),
    ("نائب وزير", "deputy minister", "GOV"), ("نائبة وزير", "deputy minister", "GOV"),
    ("نائب الرئيس", "vice president", "GOV"), ("نائب رئيس", "vice president", "GOV"),
    ("الأمين العام", "secretary general", "GOV"), ("المبعوث", "envoy", "GOV"), ("مبعوث", "envoy", "GOV"),
    ("المندوب", "representative", "GOV"), ("مندوب", "representative", "GOV"),
    ("الزعيم", "leader", "GOV"), ("زعيم", "leader", "GOV"), ("القائد", "commander", "MIL"),
    ("قائد", "commander", "MIL"), ("قادة", "leaders", "GOV"), ("الملك", "king", "GOV"),
    ("ولي العهد", "crown prince", "GOV"), ("رئيس الجمهورية", "president", "GOV"),
    ("مصدر", "source", "GOV"), ("مصادر", "sources", "GOV"),
    ("المدنيين", "civilians", "CVL"), ("مواطنين", "citizens", "CVL"), ("المواطنين", "citizens", "CVL"),
    ("الشعب", "people", "CVL"), ("المتظاهرين", "protesters", "CVL"), ("متظاهرين", "protesters", "CVL"),
    ("المتظاهرون", "protesters", "CVL"), ("الطلاب", "students", "CVL"),
    ("وسائل الإعلام", "media", "JRN"), ("الإعلام", "media", "JRN"), ("الصحافة", "press", "JRN"),
    ("البرلمان", "parliament", "LEG"), ("النواب", "MPs", "LEG"), ("نواب", "MPs", "LEG"),
    ("النائب", "MP", "LEG"), ("القضاء", "judiciary", "JUD"), ("المحكمة", "court", "JUD"),
    ("محكمة", "court", "JUD"), ("الادعاء", "prosecution", "JUD"), ("النيابة العامة", "prosecution", "JUD"),
    ("الميليشيات", "militias", "REB"), ("المليشيات", "militias", "REB"), ("المسلحين", "militants", "REB"),
    ("مسلحين", "militants", "REB"), ("مسلحون", "militants", "REB"), ("المسلحون", "militants", "REB"),
    ("المتمردين", "rebels", "REB"), ("المتمردون", "rebels", "REB"), ("الانفصاليين", "separatists", "REB"),
    ("انفصاليين", "separatists", "REB"), ("الفصائل", "factions", "REB"),
    # construct-state plurals (`مسلحو التنظيم`, `مقاتلو الحركة`): the role runs on to its owner
    ("مسلحو", "militants", "REB"), ("مسلحي", "militants", "REB"), ("مقاتلو", "fighters", "REB"),
    ("مقاتلي", "fighters", "REB"), ("عناصر", "members", "REB"), ("مسؤولو", "officials", "GOV"),
    # a coalition is coded by its leader (GUIDE: Saudi-led coalition -> SAU), see stage._coalition
    ("التحالف", "coalition", "MIL"), ("قوات التحالف", "coalition", "MIL"),
    ("مقاتلات التحالف", "coalition", "MIL"), ("طائرات التحالف", "coalition", "MIL"),
    ("طيران التحالف", "coalition", "MIL"), ("غارات التحالف", "coalition", "MIL"),
    ("دول التحالف", "coalition", "MIL"),
)

# Named state institutions: an ORG entity, bare or with a nationality adjective
# (`مجلس الشيوخ`, `المحكمة العليا الإسرائيلية`). (form, name_en, sector, needs_nationality)
# `needs_nationality`: only an entity with a nisba or country after it (`الخارجية الأميركية`).
INSTITUTIONS: tuple[tuple[str, str, str, bool], ...] = (
    ("مجلس الشيوخ", "Senate", "LEG", False), ("مجلس النواب", "House of Representatives", "LEG", False),
    ("مجلس الوزراء", "Council of Ministers", "GOV", False), ("مجلس الشعب", "People's Assembly", "LEG", False),
    ("مجلس الشورى", "Shura Council", "LEG", False), ("مجلس الأمة", "National Assembly", "LEG", False),
    ("المجلس النيابي", "Parliament", "LEG", False), ("مجلس العموم", "House of Commons", "LEG", False),
    ("مجلس اللوردات", "House of Lords", "LEG", False), ("الجمعية الوطنية", "National Assembly", "LEG", False),
    ("مجلس الأمن القومي", "National Security Council", "GOV", False),
    ("مجلس الأمن", "Security Council", "GOV", True),
    ("المحكمة العليا", "Supreme Court", "JUD", False), ("المحكمة الدستورية", "Constitutional Court", "JUD", False),
    ("المحكمة الاتحادية", "Federal Court", "JUD", False),
    ("هيئة الأركان", "General Staff", "MIL", False), ("هيئة أركان الجيش", "General Staff", "MIL", False),
    ("رئاسة الأركان", "General Staff", "MIL", False),
    ("جهاز الأمن", "Security Service", "COP", True), ("جهاز المخابرات", "Intelligence Service", "COP", True),
    ("جهاز الاستخبارات", "Intelligence Service", "COP", True),
    ("الخارجية", "Foreign Ministry", "GOV", True), ("الخزانة", "Treasury", "GOV", True),
    ("الدفاع", "Defence Ministry", "GOV", True), ("الداخلية", "Interior Ministry", "GOV", True),
)

# `وزارة` + ministry noun(s): any ministry is a named institution.
MINISTRY_HEADS: tuple[str, ...] = ("وزارة", "وزارتي", "وزارات")

# Words allowed between a role/institution and what codes it.
CONNECTORS: frozenset[str] = frozenset({"", "ل", "في", "لدى", "باسم", "عن", "ب", "داخل"})
# Qualifiers that may sit between a role and its nationality (`الرئيس السابق الأميركي`).
QUALIFIERS: frozenset[str] = frozenset({
    "السابق", "السابقه", "الحالي", "الحاليه", "الاسبق", "الجديد", "الجديده", "العام", "العامه",
    "الاعلي", "الرسمي", "الرسميه", "المستقيل", "المقبل", "الحكومي", "الحكوميه", "النظامي",
    "النظاميه"})


@dataclass
class Coded:
    """A code-bearing item in text order, for composition."""

    nstart: int
    nend: int
    start: int
    end: int
    code: str | None
    sector: str | None
    label: str | None  # English label: demonym, IGO or country name
    kind: str  # nisba | entity | anaphor | role | inst


def role_label(title_en: str | None, label: str | None) -> str | None:
    """English name of a composed role (`Russian foreign minister`, `NATO official`)."""
    if title_en and label:
        return f"{label} {title_en}"
    return title_en or label
