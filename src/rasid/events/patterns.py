"""Argument and trigger patterns of pass 6, each a general construction of news Arabic:
a counted object (`قتل خمسة من …`), a relative clause whose object suffix is not its antecedent
(`الذين انتقدوه`), a subject named by a nationality adjective (`طالب المستثمر السعودي …`),
a protest's target (`مناهضة لـ`, `مطالبة بوقف …`) and a war named by its waging state's
adjective (`الحرب الإسرائيلية على غزة`).
"""

from __future__ import annotations

from rasid.events.arguments import PREP_WORDS, ArgIndex, Group, nisba_codes
from rasid.events.clauses import Doc
from rasid.events.triggers import load_lexicon
from rasid.text.normalize import normalize
from rasid.events.merge import base_codes

# `إنه`, `بأنها`: the complementiser with its subject pronoun also opens reported content.
THAT_PRONOUN = frozenset(p + "ان" + s for p in ("", "ب", "و") for s in ("ه", "ها", "هم", "هما"))

WAR = normalize("حرب")


def war_on_other(doc: Doc, idx: ArgIndex, i: int, s_hi: int) -> bool:
    """`الحرب الإسرائيلية [المدمرة] على/في قطاع غزة`: a `حرب` token followed by a nationality
    adjective and, within a few words, `على/ضد/في` another party (`الحرب العراقية` alone may
    name the war's place, not its agent)."""
    if i + 1 >= s_hi or not any(f.tdef.lemma == WAR for f in load_lexicon().forms[doc.words[i]]):
        return False
    code = nisba_codes().get(doc.words[i + 1])
    if code is None:
        return False
    for g in idx.groups:
        if g.t0 <= i + 1:
            continue
        if g.t0 >= s_hi or g.t0 > i + 5:
            break
        if g.prep in ("علي", "ضد", "في") and g.codes and g.codes[0].split(":")[0] != code:
            return True
    return False


# Number words that head a counted object (`خمسة من …`, `العشرات من …`).
NUM_WORDS = frozenset(normalize(w) for w in (
    "واحد واحدا اثنين اثنان ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة ثلاث أربع خمس ست سبع "
    "ثماني تسع عشر عشرات العشرات مئات المئات آلاف الآلاف عشرين ثلاثين أربعين خمسين مئة مائة "
    "ألف ألفا عدد عددا العديد بعض جميع كل أحد إحدى").split())


def partitive_object(doc: Doc, idx: ArgIndex, k: int, s_hi: int) -> Group | None:
    """The group after `<number> من` right after token `k` (`قتل 5 من عناصر الشرطة`)."""
    j = k + 1
    if j >= s_hi:
        return None
    w = doc.words[j]
    if not (w in NUM_WORDS or w.isdigit() or any(ch.isdigit() for ch in w)):
        return None
    j += 1
    while j < s_hi and j <= k + 3 and (doc.words[j] in NUM_WORDS or doc.words[j].isdigit()):
        j += 1  # `ثلاثة آلاف`
    if j >= s_hi or doc.words[j] != "من":
        return None
    # The counted group: right after `من`, or behind one head noun (`من مشاة البحرية`).
    g = next((x for x in idx.groups if j < x.t0 <= j + 2 and x.prep in ("من", None)), None)
    return g if g is not None and g.codes and not g.is_place_only_loc() else None


# Object suffixes that can refer back to each relative pronoun (`التي احتلتها`: the antecedent).
_REL_SUFFIX = {"الذي": ("ه",), "التي": ("ها", "هم"), "الذين": ("هم",), "اللذين": ("هما",),
               "اللذان": ("هما",), "اللتين": ("هما",), "اللتان": ("هما",)}


def suffix_disagrees(doc: Doc, i: int) -> bool:
    """True when a verb right after a relative pronoun carries an object suffix that cannot
    be the antecedent (`السياسيين الذين انتقدوه`: they criticised him): the antecedent is then
    the subject and the suffix someone named before."""
    if i == 0 or doc.words[i - 1] not in _REL_SUFFIX:
        return False
    w = doc.words[i]
    suf = "هما" if w.endswith("هما") else "هم" if w.endswith("هم") else "ها" if w.endswith("ها") \
        else "ه" if w.endswith("ه") else None
    return suf is not None and suf not in _REL_SUFFIX[doc.words[i - 1]]


def nisba_subject(doc: Doc, idx: ArgIndex, i: int) -> Group | None:
    """The nationality adjective of a one-noun subject right after a verb (`المستثمر السعودي`)."""
    if i + 2 >= len(doc.toks) or idx.by_t0.get(i + 1) is not None:
        return None
    w = doc.words[i + 1]
    if not doc.toks[i + 1].is_word or w in PREP_WORDS or i + 1 in idx.time_toks \
            or not w.startswith("ال"):
        return None
    g = idx.by_t0.get(i + 2)
    return g if g is not None and g.nisba and g.codes and g.prep is None else None


_OPPOSED = ("مناهض", "المناهض", "رافض", "الرافض")


def opposed(doc: Doc, idx: ArgIndex, i: int, s_hi: int) -> list[str]:
    """`مظاهرات مناهضة لترامب`, `مسيرة رافضة للحرب`: whom a protest is against, named after
    an `opposing` adjective right after the protest word."""
    for j in range(i + 1, min(s_hi, i + 3)):
        if doc.words[j].startswith(_OPPOSED):
            g = idx.group_after(j, s_hi, ("ل",), window=2)
            return list(g.codes) if g is not None else []
    return []


_DEMAND_CUES = ("مطالب", "المطالب", "احتجاجا", "تنديدا", "رفضا", "منددين", "مطالبين")


def demanded_of(doc: Doc, idx: ArgIndex, i: int, s_hi: int, actor: list[str]) -> list[str]:
    """`تظاهرات … مطالبة بوقف العدوان الإسرائيلي`, `احتجاجاً على الوجود العسكري الفرنسي`:
    a protest is against whoever does what it demands to stop or protests about, named by
    the first other state after the demand word."""
    abase = base_codes(actor)
    for j in range(i + 1, min(s_hi, i + 9)):
        if not doc.words[j].startswith(_DEMAND_CUES):
            continue
        for g in idx.groups:
            if g.t0 <= j:
                continue
            if g.t0 >= s_hi or g.t0 - j > 6:
                break
            codes = [c for c in g.codes if c.split(":")[0] not in abase]
            if codes and not g.is_place:
                return codes
        return []
    return []
