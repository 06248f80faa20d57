"""Find and resolve time expressions in clean Arabic news text.

Pipeline of one call: fold the text (textmap), run every pattern (patterns), turn each match
into a candidate with its value where the value does not depend on other expressions,
keep the longest non-overlapping candidates, then resolve what depends on context:

1. A day range `من 10 إلى 12 يناير`, `10-12 يناير` yields the first day as its own expression.
2. Weekdays. `أمس/اليوم + weekday` and `weekday + الماضي/المقبل` are explicit. A weekday
   followed by a date (`الأربعاء في 24 تموز`, `الثلاثاء 4 يناير`) takes that date. The second
   weekday of a range (`من الثلاثاء إلى الخميس`, `الجمعة والسبت`) is the first such day on or
   after the first one. A bare weekday is the nearest such day on or before publication
   (past-tense reporting, the default) or on or after it (future); the direction comes from
   the tense cue of its clause (see context), and all bare mentions of one weekday in an
   article share one value: a date-linked mention wins, else future when future cues
   outnumber both past ones and uncued ones. The publication day's own weekday is always the publication day.
3. A relative expression (`أمس`, `غداً`, `الأسبوع المقبل`, `قبل يومين`) that follows, in the
   same sentence, a statement dated to another day (`قال في بيان الجمعة إن … أمس`, with
   إن/أن, a colon or a quote mark in between) is resolved against that day.
   `الليلة` alone and `هذا الصباح/المساء` are the publication day ("tonight", "this morning"),
   except `الليلة الأولى`, `تلك الليلة`, `طوال الليلة`, `في الليلة`.
4. An anaphoric day or period (`في اليوم التالي`, `صباح اليوم التالي`, `في اليوم نفسه`,
   `في العام السابق`) counts from the nearest time expression before it in its paragraph
   (a day for `اليوم`/`الأسبوع`, a month or finer for `الشهر`); with none, it is not recorded.
5. A day or month without a year is its nearest occurrence to publication. A year written
   just before it (`عام/العام 2017`, within 250 characters, not `منذ`) gives the year when the
   date is at least 30 days from publication; otherwise a clear tense cue of its clause moves
   it by at most a year, and only when the nearest occurrence is at least a quarter away.

What is not recorded: durations (`يومين`, `ثلاث سنوات`, `منذ ثلاث سنوات` — `منذ` with months
or years reads as a duration, with days or weeks as "… ago"), vague spans (`في الأشهر الماضية`,
`قبل أيام`, anything with `نحو/حوالي/قرابة/أكثر من`), offsets from another event
(`بعد يومين من الهجوم`), `اليوم` as "nowadays" or not today (`العالم اليوم`, `حتى اليوم` "to this day" — but
`كان حتى اليوم` "had until today" is today —, `إلى اليوم`, `اليوم الوطني`, `ذلك اليوم`), a 4-digit number that is not
clearly a year (a year needs `عام/العام/سنة`, a preposition such as `منذ/في/خلال/حتى`, or
`م`/`هـ`), and named dates without a year (`ثورة 25 يناير`, `قوى 14 آذار`).
Month names that are also common words (`مارس` "practised", `آب`, `تموز`, `نيسان`, `ماي`)
count only with a day, a year, a modifier, a paired name (`آب/أغسطس`) or a preposition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Callable

from rasid.article import TimeExpr
from rasid.times import lexicon as lx
from rasid.times import patterns as P
from rasid.times import resolve as rv
from rasid.times.context import (COUNT_NOUNS, DATE_NAME_HEADS, NOT_TODAY_AFTER, NOWADAYS_BEFORE,
                                 Sentences, clause_tense, strip_conj, tense_cue, word_after, word_before)
from rasid.times.textmap import FoldedText

HIJRI_SFX = frozenset({"ه", "هجري", "هجريه", "للهجره"})
_WEAK_KEEP = frozenset({"منذ"})  # weak year cues kept inside the span (`منذ 2010`, per the guide)
_AMBIG_OK_BEFORE = frozenset({"في", "خلال", "منذ", "حتي", "بحلول", "قبل", "بعد", "مطلع", "اواخر",
                              "منتصف", "بدايه", "نهايه", "اوائل", "شهر", "الي"})
# Words saying something lasts (`المستمرة منذ`), which turn an offset into a duration.
_CONTINUING = ("المستمر", "مستمر", "المتواصل", "متواصل", "الدائر", "تتواصل", "يتواصل", "تستمر",
               "يستمر", "استمر", "طوال", "لمده", "مده", "خلال")
_DEIC_WD = {"غد": 1, "الغد": 1, "بعد غد": 2, "بعد الغد": 2}
# `كان حتى اليوم …` ("had, until today, …"): a state that ended today, so اليوم is the day.
_WAS_BEFORE = re.compile(r"(?<!\w)[وف]?(?:كان|كانت|كانوا|ظل|ظلت|ظلوا|بقي|بقيت)\s+حتي\s+$")
_NOT_TONIGHT_BEFORE = frozenset({"تلك", "ذات", "نفس", "طوال", "طيله", "كل", "اما", "منذ"})
_RELATIVE_KINDS = frozenset({"deictic", "period", "offset"})


@dataclass
class Cand:
    """A matched time expression (folded offsets) and what is known of its value."""

    kind: str
    start: int  # core start, clitic excluded
    end: int
    value: str | None = None
    day: date | None = None  # set when the value is a single day
    wd: int | None = None
    data: dict[str, Any] = field(default_factory=dict)


def _core_start(m: Any, f: str) -> int:
    """Start of the match without its clitic; a fused `لل` keeps its first ل."""
    cl = m.group("cl") or ""
    cs = m.start() + len(cl)
    if cl.endswith("ل") and f.startswith("ل", cs) and not f.startswith("ال", cs):
        cs -= 1
    return cs


def _day_cand(kind: str, cs: int, end: int, d: date | None, **data: Any) -> Cand | None:
    """A day-valued candidate, or None when the date does not exist."""
    if d is None:
        return None
    return Cand(kind, cs, end, rv.day_value(d), d, data=data)


def _num(s: str | None) -> int | None:
    """Integer from a digit string with an optional leading ال."""
    if not s:
        return None
    s = s[2:] if s.startswith("ال") else s
    return int(s) if s.isdigit() else None


def _plausible_year(y: int, pub: date, strong: bool) -> bool:
    """Is `y` a year the press would write with this cue."""
    return (1000 <= y <= pub.year + 100) if strong else (1900 <= y <= pub.year + 30)


def _b_date(m: Any, f: str, pub: date) -> list[Cand]:
    """`12 يناير`, `يوم 12 كانون الثاني/يناير 2022`, `10 يناير الجاري`, `الأول من مايو`."""
    g = m.groupdict()
    cs = _core_start(m, f)
    d = _num(g["dnum"]) if g["dnum"] else lx.ORDINAL.get(lx.key(g["dord"] or ""))
    mon = lx.GREG_MONTH[lx.key(g["m1"])]
    if g["m2"] and lx.GREG_MONTH[lx.key(g["m2"])] != mon:
        return []
    if not d:
        return []
    if g["y"]:
        y = int(g["y"])
        if g["ysfx"] in HIJRI_SFX or not _plausible_year(y, pub, True):
            return []
        c = _day_cand("date", cs, m.end(), rv.safe_date(y, mon, d), mon=mon, dom=d, year=True, written=y)
    else:
        if strip_conj(word_before(f, m.start())) in DATE_NAME_HEADS:
            return []  # ثورة 25 يناير: a named day, not a date near publication
        if g["mod"]:
            y = rv.modified_month_year(pub, mon, _mod_kind(g["mod"]), d)
            c = _day_cand("date", cs, m.end(), rv.safe_date(y, mon, d), mon=mon, dom=d, year=True)
        elif strip_conj(word_before(f, m.start())) == "منذ":  # since: a day already past
            y = pub.year if (mon, d) <= (pub.month, pub.day) else pub.year - 1
            c = _day_cand("date", cs, m.end(), rv.safe_date(y, mon, d), mon=mon, dom=d, year=True)
        else:
            c = _day_cand("date", cs, m.end(), rv.nearest_day(pub, mon, d), mon=mon, dom=d, year=False)
    return [c] if c else []


def _mod_kind(mod: str) -> str:
    """past | future | current for a folded modifier word."""
    mod = lx.key(mod)
    if mod in lx.MOD_PAST:
        return "past"
    if mod in lx.MOD_FUTURE:
        return "future"
    return "current"


def _b_dom(m: Any, f: str, pub: date) -> list[Cand]:
    """`الـ20 من الشهر الحالي`, `20 الجاري`."""
    g = m.groupdict()
    d = _num(g["dnum"]) if g["dnum"] else lx.ORDINAL.get(lx.key(g["dord"] or ""))
    if not d:
        return []
    shift = 0 if g["this"] else {"past": -1, "future": 1, "current": 0}[_mod_kind(g["mod"] or g["mod2"])]
    y, mon = rv.add_months(pub.year, pub.month, shift)
    c = _day_cand("date", _core_start(m, f), m.end(), rv.safe_date(y, mon, d), mon=mon, dom=d, year=True)
    return [c] if c else []


def _b_numeric(m: Any, f: str, pub: date) -> list[Cand]:
    """`12/1/2022`, `2022-01-12`, `12.1.2022` (day first, as the Arabic press writes)."""
    a, b, c = m.group("a"), m.group("b"), m.group("c")
    if len(a) == 4 and len(c) <= 2:
        y, mo, d = int(a), int(b), int(c)
    elif len(c) == 4 and len(a) <= 2:
        d, mo, y = int(a), int(b), int(c)
        if mo > 12 and d <= 12:  # 4/22/1948: month first
            d, mo = mo, d
    else:
        return []
    if not _plausible_year(y, pub, True):
        return []
    cand = _day_cand("date", _core_start(m, f), m.end(), rv.safe_date(y, mo, d), mon=mo, dom=d, year=True,
                     written=y)
    return [cand] if cand else []


def _b_month(m: Any, f: str, pub: date) -> list[Cand]:
    """`يناير 2022`, `شباط/فبراير`, `يناير الماضي`, `مطلع مارس`, `في يونيو`."""
    g = m.groupdict()
    mon = lx.GREG_MONTH[lx.key(g["m1"])]
    if g["m2"] and lx.GREG_MONTH[lx.key(g["m2"])] != mon:
        return []
    cs = _core_start(m, f)
    if g["y"]:
        y = int(g["y"])
        if g["ysfx"] in HIJRI_SFX or not _plausible_year(y, pub, True):
            return []
        return [Cand("month", cs, m.end(), rv.month_value(y, mon), data={"written": y})]
    if g["mod"]:
        y = rv.modified_month_year(pub, mon, _mod_kind(g["mod"]))
        return [Cand("month", cs, m.end(), rv.month_value(y, mon))]
    before = strip_conj(word_before(f, m.start()))
    if before in DATE_NAME_HEADS or before.isdigit():
        return []  # ثورة يناير; `25 يناير` left here was a date rejected as a named day
    supported = bool(g["m2"] or g["shahr"] or g["part"]) or before in _AMBIG_OK_BEFORE
    m1 = lx.key(g["m1"])
    if m1 in lx.AMBIGUOUS_MONTHS and (not supported or g["cl"] or (m1 == "اب" and not g["m2"])):
        return []  # من باب, مارس الضغط, أب مفجوع: words, not months
    return [Cand("month", cs, m.end(), rv.month_value(*rv.nearest_month(pub, mon)),
                 data={"year": False, "mon": mon})]


def _year_value(y: int, sfx: str | None, pub: date, strong: bool) -> str | None:
    """ISO year for a written year (Hijri when marked so), or None when implausible."""
    if sfx and lx.key(sfx) in HIJRI_SFX:
        return f"{rv.hijri_year_to_gregorian(y):04d}" if 600 <= y <= 1600 else None
    return f"{y:04d}" if _plausible_year(y, pub, strong) else None


def _b_year(m: Any, f: str, pub: date) -> list[Cand]:
    """`عام 2021`, `العام 2015`, `منذ 2010`, `في 2019`, `عامي 2014 و2015`, `عام 2006-2014`."""
    g = m.groupdict()
    strong = bool(g["cue"]) or bool(g["sfx"])
    if not strong and word_after(f, m.end()) in COUNT_NOUNS:
        return []
    if g["weak"] and lx.key(g["weak"]) in ("من", "بين") and not g["y2"]:
        return []  # أكثر من 1900 لغم: من/بين mark a year only in a range (من 1968 إلى 1971)
    v = _year_value(int(g["y"]), g["sfx"], pub, strong)
    if v is None:
        return []
    if g["cue"] or g["part"] or (g["weak"] and lx.key(g["weak"]) in _WEAK_KEEP):
        cs = _core_start(m, f)
    else:
        cs = m.start("y")
    end = m.end("sfx") if g["sfx"] else m.end("y")
    if end < len(f) and f[end] == ")" and "(" in f[cs:end]:
        end += 1
    # A written year that can set a narrative's year: a strong cue (`عام/العام`), not `منذ`.
    narrative = bool(g["cue"]) and strip_conj(word_before(f, m.start("cue"))) != "منذ" \
        and not (g["weak"] and lx.key(g["weak"]) == "منذ")
    out = [Cand("year", cs, end, v, data={"narrative": narrative})]
    if g["y2"]:
        v2 = _year_value(int(g["y2"]), g["sfx2"] or g["sfx"], pub, strong)
        if v2 is not None and int(g["y2"]) >= int(g["y"]):
            out.append(Cand("year", m.start("y2"), m.end(), v2))
    return out


def _b_year_sfx(m: Any, f: str, pub: date) -> list[Cand]:
    """`2021م`, `1443 هـ`, `(1948)` (a 4-digit number alone in brackets is a year)."""
    if m.group("py"):
        y = int(m.group("py"))
        v = f"{y:04d}" if 1800 <= y <= pub.year + 10 else None
        return [Cand("year", m.start("py"), m.end("py"), v)] if v else []
    v = _year_value(int(m.group("y")), m.group("sfx"), pub, True)
    return [Cand("year", _core_start(m, f), m.end(), v)] if v else []


def _b_weekday(m: Any, f: str, pub: date) -> list[Cand]:
    """`الثلاثاء`, `يوم الجمعة الماضي`, `أمس الاثنين`, `مساء أمس السبت`; value set later."""
    g = m.groupdict()
    wd = lx.WEEKDAY.get("ال" + g["wd"][2:])  # الجمعه or fused للجمعه
    if wd is None:
        return []
    after = word_after(f, m.end())
    before = strip_conj(word_before(f, m.start()))
    if wd == 6 and after in ("عشر", "عشره"):  # الأحد عشر: eleven
        return []
    if before in ("ايام", "كل", "وايام"):  # generic: every Friday
        return []
    if wd == 0 and not g["deic"] and not g["yawm"] and not g["tod"] and (
            after in ("معا", "منهما", "كليهما") or before in ("هذين", "كلا", "الطرفين", "البلدين")
            or (before.startswith("ال") and before.endswith("ين") and len(before) > 5)):
        return []  # الاثنين "the two"
    c = Cand("weekday", _core_start(m, f), m.end(), wd=wd, data={
        "deic": lx.key(g["deic"]) if g["deic"] else None,
        "mod": lx.key(g["mod"]) if g["mod"] else None,
        "cl": g["cl"] or ""})
    return [c]


def _b_deictic(m: Any, f: str, pub: date) -> list[Cand]:
    """`أمس`, `اليوم`, `غداً`, `أول أمس`, `بعد غد`, `صباح اليوم`, `الليلة الماضية`."""
    g = m.groupdict()
    deic = lx.key(g["deic"])
    if deic == "الليله الماضيه":
        off = -1
    elif deic in ("هذه الليله", "هذا الصباح", "هذا المساء"):
        off = 0
    elif deic == "الليله":  # tonight: but not `الليلة الأولى`, `تلك الليلة`, `طوال الليلة`
        after = word_after(f, m.end())
        before = strip_conj(word_before(f, m.start()))
        if g["tod"] or g["yawm"] or after.startswith("ال") or before in _NOT_TONIGHT_BEFORE \
                or before in NOWADAYS_BEFORE:
            return []
        off = 0
    elif deic in ("غد", "الغد"):
        if not (g["tod"] or g["yawm"]):
            return []
        off = 1
    else:
        off = lx.DEICTIC.get(deic)
        if off is None:
            return []
    if deic in ("اليوم", "الامس", "امس"):
        before = word_before(f, m.start())
        if deic != "امس" and not (g["tod"] or g["yawm"]) and (strip_conj(before) in NOWADAYS_BEFORE or before in NOWADAYS_BEFORE) \
                and not (strip_conj(before) == "حتي" and _WAS_BEFORE.search(f, max(0, m.start() - 30), m.start())):
            return []  # العالم اليوم, حتى اليوم ("to this day"); but `كان حتى اليوم يطلع`: until today
        after = word_after(f, m.end())
        if after in NOT_TODAY_AFTER or (after.startswith("ال") and after.endswith("ي") and len(after) > 4):
            return []  # اليوم التالي, اليوم الانتخابي, بأمس الحاجة
    return [Cand("deictic", _core_start(m, f), m.end(), data={"off": off})]


def _b_period(m: Any, f: str, pub: date) -> list[Cand]:
    """`الأسبوع المقبل`, `هذا العام`, `الشهر الماضي`, `مطلع الشهر الجاري`, `العام قبل الماضي`."""
    g = m.groupdict()
    unit = lx.PERIOD[("ال" + g["unit"][2:]) if g["unit"].startswith("لل") else g["unit"]]
    if g["bl"]:
        n = -2
    elif g["mod"]:
        n = {"past": -1, "future": 1, "current": 0}[_mod_kind(g["mod"])]
    elif g["this"] or g["part"]:
        n = 0
    else:
        return []
    return [Cand("period", _core_start(m, f), m.end(), data={"unit": unit, "n": n})]


def _b_season(m: Any, f: str, pub: date) -> list[Cand]:
    """`الصيف الماضي`, `صيف 1982`, `شتاء العام المقبل`, `هذا الربيع`."""
    g = m.groupdict()
    code = lx.SEASON[lx.key(g["s"])]
    cs = _core_start(m, f)
    if g["y"]:
        return [Cand("season", cs, m.end(), f"{int(g['y']):04d}-{code}")]
    if g["ymod"]:
        n = {"past": -1, "future": 1, "current": 0}[_mod_kind(g["ymod"])]
        return [Cand("season", cs, m.end(), f"{pub.year + n:04d}-{code}")]
    if g["thisyear"]:
        return [Cand("season", cs, m.end(), f"{pub.year:04d}-{code}")]
    if g["mod"]:
        return [Cand("season", cs, m.end(), rv.season_value(pub, code, _mod_kind(g["mod"])))]
    if g["this"]:
        return [Cand("season", cs, m.end(), rv.season_value(pub, code, "current"))]
    return []


def _b_offset(m: Any, f: str, pub: date) -> list[Cand]:
    """`قبل يومين`, `منذ ثلاثة أيام`, `بعد أسبوعين`, `قبل 36 عاما`, `قبل أسبوع`."""
    g = m.groupdict()
    if g["approx"]:
        return []
    if g["n"]:
        n = int(g["n"]) if g["n"].isdigit() else lx.NUMBERS.get(lx.key(g["n"]))
        unit = lx.UNIT[lx.key(g["unit"])]
    elif g["dual"]:
        n, unit = 2, lx.UNIT_DUAL[lx.key(g["dual"])]
    else:
        n, unit = 1, lx.UNIT[lx.key(g["sing"])]
    if not n:
        return []
    head = g["head"]
    if head == "منذ" and unit != "day":
        return []  # منذ ثلاث سنوات, منذ خمسة أسابيع: read as durations
    if any(w.startswith(_CONTINUING) for w in P.WORD.findall(f, max(0, m.start() - 40), m.start())[-3:]):
        return []  # المستمرة منذ ثلاثة أيام: a duration
    if word_after(f, m.end()) in ("من", "علي", "عن", "على"):
        return []  # بعد يومين من الهجوم: counted from another event
    if word_before(f, m.start()) == "ما":
        return []
    nxt = strip_conj(word_after(f, m.end()))
    if (g["sing"] or g["dual"]) and nxt.startswith("م") and len(nxt) >= 5:
        return []  # بعد أسبوع مضطرب: "after a turbulent week"
    if head == "بعد" and tense_cue(f, m.start()) != "future":
        return []  # وبعد أسبوعين أدلى …: counted from a narrated event unless the clause looks ahead
    sign = 1 if head == "بعد" else -1
    return [Cand("offset", _core_start(m, f), m.end(), data={"unit": unit, "n": sign * n})]


def _b_hijri(m: Any, f: str, pub: date) -> list[Cand]:
    """`15 رمضان 1443 هـ`, `رمضان 1443`, `10 محرم`."""
    g = m.groupdict()
    hm = lx.HIJRI_MONTH[lx.key(g["hm"])]
    d = int(g["dnum"]) if g["dnum"] else lx.ORDINAL.get(lx.key(g["dord"] or "")) if g["dord"] else None
    cs = _core_start(m, f)
    if g["y"]:
        y = int(g["y"])
        if y < 1700:
            hy = y
        else:  # Gregorian year with a Hijri month: the Hijri year whose month falls in it
            hy = rv.hijri_year_of(date(y, 1, 1)) or 0
            first = rv.hijri_to_date(hy, hm, 1)
            if first is not None and first.year < y:
                hy += 1
        if d:
            dd = rv.hijri_to_date(hy, hm, d)
            if dd is not None:
                return [Cand("hijri", cs, m.end(), rv.day_value(dd), dd)]
        mid = rv.hijri_to_date(hy, hm, 15)
        if mid is not None:
            return [Cand("hijri", cs, m.end(), rv.month_value(mid.year, mid.month))]
        return [Cand("hijri", cs, m.end(), f"{rv.hijri_year_to_gregorian(hy):04d}")] if 600 <= hy <= 1600 else []
    if d and hm not in (2, 7):  # صفر "zero", رجب a first name: need a year
        dd = rv.nearest_hijri_day(pub, hm, d)
        return [Cand("hijri", cs, m.end(), rv.day_value(dd), dd)] if dd else []
    return []


_ANAPHOR_UNIT = {"اليوم": "day", "الليله": "day", "الاسبوع": "week", "الشهر": "month",
                 "العام": "year", "السنه": "year"}


def _b_anaphor(m: Any, f: str, pub: date) -> list[Cand]:
    """`في اليوم التالي`, `صباح اليوم التالي`, `في اليوم نفسه`, `في العام السابق`; value set later."""
    g = m.groupdict()
    rel = g["rel"]
    n = 1 if rel.startswith("التالي") else -1 if rel.startswith("السابق") else 0
    if n and f.startswith("ل", m.end() + 1):
        return []  # اليوم السابق لتكليف الحكومة: counted from an event, not a stated day
    cs = m.start("tod") if g["tod"] else m.start("unit")
    return [Cand("anaphor", cs, m.end(), data={"unit": _ANAPHOR_UNIT[g["unit"]], "n": n})]


BUILDERS: dict[str, Callable[[Any, str, date], list[Cand]]] = {
    "date": _b_date, "dom": _b_dom, "numeric": _b_numeric, "month": _b_month, "year": _b_year,
    "year_sfx": _b_year_sfx, "weekday": _b_weekday, "deictic": _b_deictic, "period": _b_period,
    "season": _b_season, "offset": _b_offset, "hijri": _b_hijri, "anaphor": _b_anaphor,
}


def _select(cands: list[Cand]) -> list[Cand]:
    """Longest-first non-overlapping selection, returned in text order."""
    kept: list[Cand] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(cands, key=lambda c: (c.start - c.end, c.start)):
        if all(c.end <= s or c.start >= e for s, e in taken):
            kept.append(c)
            taken.append((c.start, c.end))
    kept.sort(key=lambda c: c.start)
    return kept


def _add_range_starts(f: str, cands: list[Cand]) -> list[Cand]:
    """`من 10 إلى 12 يناير`: the bare first day becomes its own expression."""
    extra = []
    for c in cands:
        if c.kind != "date" or c.day is None or "dom" not in c.data:
            continue
        m = P.RANGE_DAY_BEFORE.search(f, max(0, c.start - 30), c.start)
        if not m:
            continue
        d0 = int(m.group(1))
        first = rv.safe_date(c.day.year, c.day.month, d0)
        if first is not None and d0 < c.day.day:
            extra.append(Cand("date", m.start(1), m.end(1), rv.day_value(first), first,
                              data={"mon": c.day.month, "dom": d0, "year": c.data.get("year")}))
    if not extra:
        return cands
    occupied = [(c.start, c.end) for c in cands]
    extra = [x for x in extra if all(x.end <= s or x.start >= e for s, e in occupied)]
    return sorted(cands + extra, key=lambda c: c.start)


def _deictic_day(anchor: date, c: Cand) -> date:
    """Day of a deictic candidate relative to `anchor`."""
    return anchor + timedelta(days=c.data["off"])


def _relative_value(anchor: date, c: Cand) -> tuple[str, date | None]:
    """Value (and day, if day-valued) of a deictic, period or offset candidate."""
    if c.kind == "deictic":
        d = _deictic_day(anchor, c)
        return rv.day_value(d), d
    if c.kind == "period":
        return rv.period_value(anchor, c.data["unit"], c.data["n"]), None
    v = rv.offset_value(anchor, c.data["unit"], c.data["n"])
    return v, (date.fromisoformat(v) if len(v) == 10 else None)


def _near_weekday(d: date, wd: int) -> date:
    """The day with weekday `wd` nearest `d` (a deictic and its weekday disagree by a day or two)."""
    back = rv.weekday_date(d, wd, "past")
    fwd = rv.weekday_date(d, wd, "future")
    return back if (d - back) <= (fwd - d) else fwd


YEAR_CONTEXT_REACH = 250  # characters back to a written year that sets the narrative's year
_YEAR_DIGITS = re.compile(r"^\d{4}$")


YEAR_CONTEXT_MIN_DAYS = 30  # closer to publication, a yearless date is the current one
_SAME_YEAR_AFTER = re.compile(r"^\s*(?:من\s+)?(?:نفس\s+(?:العام|السنه)|(?:العام|السنه)\s+(?:نفسه|نفسها|ذاته|ذاتها))")


def _written_year(c: Cand) -> int | None:
    """The year a candidate states in writing (`العام 2016`, `13 يونيو 2016`, `يونيو 2016`);
    a bare or `منذ` year (`في 2017`, `منذ عام 2011`) does not set a narrative's year."""
    if "written" in c.data:
        return int(c.data["written"])
    if c.kind == "year" and c.data.get("narrative") and c.value and _YEAR_DIGITS.match(c.value):
        return int(c.value)
    return None


def _resolve_year_context(f: str, cands: list[Cand], pub: date) -> None:
    """A day or month written without a year takes the year written just before it.

    `اعتداء مارسيليا للعام 2017 / في الأول من تشرين الأول/أكتوبر` is 1 October 2017, and
    `من 7 إلى 9 يناير 2015، … يقتلان في 7 يناير` stays in 2015: a narrative that has just
    named a year keeps it. The written year must come within `YEAR_CONTEXT_REACH` characters,
    at most one line break before (a heading line), with no other time expression between; and
    a date within `YEAR_CONTEXT_MIN_DAYS` of publication stays the current one unless the text
    says `من العام نفسه` / `من نفس العام`.
    """
    for i, c in enumerate(cands):
        if c.kind not in ("date", "month") or c.data.get("year") is not False or i == 0:
            continue
        prev = cands[i - 1]
        y = _written_year(prev)
        if y is None or c.start - prev.end > YEAR_CONTEXT_REACH or f.count("\n", prev.end, c.start) > 1:
            continue
        near = (abs((c.day - pub).days) < YEAR_CONTEXT_MIN_DAYS if c.day is not None
                else c.value == rv.month_value(pub.year, pub.month))
        if near and not _SAME_YEAR_AFTER.match(f[c.end:c.end + 30]):
            continue
        if c.kind == "date" and c.day is not None:
            moved = rv.safe_date(y, c.day.month, c.day.day)
            if moved is not None:
                c.day, c.value = moved, rv.day_value(moved)
                c.data["year"] = True
        elif c.kind == "month":
            c.value = rv.month_value(y, c.data["mon"])
            c.data["year"] = True


YEARLESS_MIN_DAYS = 90  # how far the nearest occurrence must be before tense may move it


def _resolve_yearless(f: str, cands: list[Cand], pub: date, sents: Sentences) -> None:
    """A day or month written without a year moves to the year its clause's tense implies.

    The nearest occurrence is the default; but `سيعقد في 19 يناير` said in May means next
    January, and `أعلن في ديسمبر` said in August means last December. Only a clear tense cue
    (the same one that places bare weekdays) moves it, never by more than a year, and only when
    the nearest occurrence is at least a quarter away: closer in, the cue usually belongs to
    the reporting verb (`دعا إلى اجتماع في 12 يناير`), not to the dated happening.
    """
    for c in cands:
        if c.kind not in ("date", "month") or c.data.get("year") is not False:
            continue
        cue = clause_tense(f, c.start, c.end, sents.start_of(c.start))
        if c.kind == "date" and c.day is not None:
            if abs((c.day - pub).days) < YEARLESS_MIN_DAYS:
                continue
            if cue == "future" and c.day < pub:
                moved = rv.safe_date(c.day.year + 1, c.day.month, c.day.day)
            elif cue == "past" and c.day > pub:
                moved = rv.safe_date(c.day.year - 1, c.day.month, c.day.day)
            else:
                continue
            if moved is not None:
                c.day, c.value = moved, rv.day_value(moved)
        elif c.kind == "month" and c.value:
            y, mon = int(c.value[:4]), c.data["mon"]
            here, there = pub.year * 12 + pub.month, y * 12 + mon
            if abs(there - here) < YEARLESS_MIN_DAYS // 30:
                continue
            if cue == "future" and there < here:
                c.value = rv.month_value(y + 1, mon)
            elif cue == "past" and there > here:
                c.value = rv.month_value(y - 1, mon)


def _resolve_weekdays(f: str, cands: list[Cand], pub: date, sents: Sentences) -> None:
    """Give every weekday candidate its day (rules in the module docstring, item 2)."""
    weekdays = [c for c in cands if c.kind == "weekday"]
    if not weekdays:
        return
    by_pos = {id(c): i for i, c in enumerate(cands)}
    linked: dict[int, date] = {}
    votes: dict[int, list[int]] = {}
    none: dict[int, int] = {}
    for c in weekdays:
        i = by_pos[id(c)]
        if c.data["deic"] or c.data["mod"]:
            continue
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        if nxt is not None and nxt.day is not None and nxt.kind in ("date", "hijri") \
                and P.LINK_GAP.match(f[c.end:nxt.start]) and nxt.start - c.end < 25:
            c.day = nxt.day
            linked.setdefault(c.wd, nxt.day)
            c.data["linked"] = True
            continue
        cue = clause_tense(f, c.start, c.end, sents.start_of(c.start))
        v = votes.setdefault(c.wd, [0, 0])
        if cue == "future":
            v[0] += 1
        elif cue == "past":
            v[1] += 1
        else:
            none[c.wd] = none.get(c.wd, 0) + 1
    prev: Cand | None = None
    for c in weekdays:
        wd = c.wd
        assert wd is not None
        if c.data.get("linked"):
            pass
        elif c.data["deic"]:
            base = pub + timedelta(days=_DEIC_WD.get(c.data["deic"], lx.DEICTIC.get(c.data["deic"], 0)))
            c.day = base if base.weekday() == wd else _near_weekday(base, wd)
        elif c.data["mod"]:
            if c.data["mod"].startswith("قبل"):
                c.day = rv.weekday_date(pub, wd, "strict_past") - timedelta(days=7)
            else:
                kind = _mod_kind(c.data["mod"])
                c.day = rv.weekday_date(pub, wd, "strict_past" if kind == "past" else "strict_future")
        elif prev is not None and prev.day is not None and _is_range(f, prev, c):
            c.day = rv.weekday_date(prev.day, wd, "future")
        elif wd in linked:
            c.day = linked[wd]
        else:
            fut, past = votes.get(wd, [0, 0])
            c.day = rv.weekday_date(pub, wd, "future" if fut > past and fut >= none.get(wd, 0) else "past")
        c.value = rv.day_value(c.day)
        prev = c


def _is_range(f: str, a: Cand, b: Cand) -> bool:
    """`من الثلاثاء إلى الخميس`, `الجمعة والسبت`: b closes a range opened by a."""
    gap = f[a.end:b.start]
    if P.RANGE_GAP.match(gap):
        return True
    return gap.strip() == "" and b.data.get("cl", "").startswith("و")


def _resolve_relatives(f: str, cands: list[Cand], pub: date, sents: Sentences) -> None:
    """Deictic, period and offset values, re-anchored inside statements dated to another day."""
    for i, c in enumerate(cands):
        if c.kind not in _RELATIVE_KINDS:
            continue
        anchor = pub
        s0 = sents.start_of(c.start)
        for prev in reversed(cands[:i]):
            if prev.start < s0:
                break
            if prev.kind in ("weekday", "date", "hijri") and prev.day is not None and prev.day != pub \
                    and P.SPEECH.search(f, prev.end, c.start):
                anchor = prev.day
                break
        c.value, c.day = _relative_value(anchor, c)


ANAPHOR_REACH = 400  # characters back, within the paragraph, to the expression counted from


def _anchor_date(c: Cand) -> tuple[date | None, str]:
    """A representative day of a resolved candidate and its granularity (day, month, year)."""
    if c.day is not None:
        return c.day, "day"
    v = c.value or ""
    if len(v) == 7 and v[4] == "-" and v[:4].isdigit() and v[5:].isdigit():
        return date(int(v[:4]), int(v[5:]), 15), "month"
    if len(v) == 4 and v.isdigit():
        return date(int(v), 7, 1), "year"
    return None, ""


_NEEDS = {"day": ("day",), "week": ("day",), "month": ("day", "month"), "year": ("day", "month", "year")}


def _resolve_anaphors(f: str, cands: list[Cand]) -> None:
    """`اليوم التالي` and kin: counted from the nearest time expression before it in the same
    paragraph, when that one is fine-grained enough (a day for `اليوم`); otherwise dropped."""
    for i, c in enumerate(cands):
        if c.kind != "anaphor":
            continue
        prev = next((p for p in reversed(cands[:i]) if p.value), None)
        if prev is None or c.start - prev.end > ANAPHOR_REACH or "\n" in f[prev.end:c.start]:
            continue
        d, grain = _anchor_date(prev)
        unit, n = c.data["unit"], c.data["n"]
        if d is None or grain not in _NEEDS[unit]:
            continue
        if unit == "day":
            c.day = d + timedelta(days=n)
            c.value = rv.day_value(c.day)
        else:
            c.value = rv.period_value(d, unit, n)


def tag(text: str, published: str | date | None) -> list[TimeExpr]:
    """Time expressions of `text` with ISO values relative to `published` (today if None)."""
    pub = _as_date(published)
    ft = FoldedText(text)
    f = ft.folded
    raw: list[Cand] = []
    wins = P.windows(f)
    for kind, pat in P.ALL:
        build = BUILDERS[kind]
        for ws, we in wins.get(kind, ()):
            for m in pat.finditer(f, ws, we):
                raw.extend(build(m, f, pub))
    cands = _add_range_starts(f, _select(raw))
    sents = Sentences(f, P.SENT_END)
    _resolve_year_context(f, cands, pub)
    _resolve_weekdays(f, cands, pub, sents)
    _resolve_yearless(f, cands, pub, sents)
    _resolve_relatives(f, cands, pub, sents)
    _resolve_anaphors(f, cands)
    out: list[TimeExpr] = []
    for c in cands:
        if not c.value:
            continue
        s, e = ft.span(c.start, c.end)
        out.append(TimeExpr(start=s, end=e, text=text[s:e], value=c.value))
    return out


def _as_date(published: str | date | None) -> date:
    """The anchor date from an ISO date or datetime string."""
    if isinstance(published, date):
        return published
    if published:
        try:
            return date.fromisoformat(str(published)[:10])
        except ValueError:
            pass
    return date.today()
