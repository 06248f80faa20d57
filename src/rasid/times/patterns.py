"""Compiled patterns of the time tagger, written against the folded text (see textmap).

Every pattern starts with an optional clitic group `cl` (و ف ب ل ك), which is cut off the
reported span, and ends at a word boundary. Patterns are compiled once at import.
"""

from __future__ import annotations

import re

import ahocorasick

from rasid.times import lexicon as lx

L = r"(?<!\w)"
R = r"(?!\w)"
CL = r"(?P<cl>(?:[وف][بلك]?|[بلك])?)"


def _mods(*groups: frozenset[str]) -> str:
    """Alternation of modifier words from the given groups."""
    return lx.alt(w for g in groups for w in g)


MOD_ALL = _mods(lx.MOD_PAST, lx.MOD_FUTURE, lx.MOD_CURRENT)
MOD_PF = _mods(lx.MOD_PAST, lx.MOD_FUTURE)
BEFORE_LAST = r"قبل\s+الماضي[ه]?"
MONTH = lx.alt(lx.GREG_MONTH)
HMONTH = lx.alt(lx.HIJRI_MONTH)
TOD = lx.alt(lx.REL["time_of_day"])
PART = lx.alt(lx.REL["period_parts"])
ORD = lx.alt(lx.ORDINAL)
NUMW = lx.alt(lx.NUMBERS)
UNITS = lx.alt(lx.UNIT)
DUALS = lx.alt(lx.UNIT_DUAL)
SINGULARS = lx.alt(lx.UNIT_SINGULAR)
APPROX = lx.alt(lx.REL["approximators"])
YSFX = lx.alt(lx.REL["year_suffixes"])
HSFX = lx.alt(lx.REL["hijri_suffixes"])
YEAR_CUES = lx.alt(lx.REL["year_cues"])
YEAR_WEAK = lx.alt(lx.REL["year_weak_cues"] + ["من", "بين"])
WD = "(?:ال|لل)" + lx.alt(k[2:] for k in lx.WEEKDAY)

MONTH_EXPR = rf"(?P<m1>{MONTH})(?:(?:\s*[/(]\s*|\s+)(?P<m2>{MONTH})(?:\s*\))?)?"
YEAR_TAIL = (rf"(?:\s*[،,]?\s*(?:(?:من\s+)?(?:ال)?(?:عام|سنه)\s+)?\(?\s*(?P<y>\d{{4}})(?:\s*\))?"
             rf"(?:\s*(?P<ysfx>{YSFX}|{HSFX}){R})?)?")
DAY = rf"(?:(?P<dnum>(?:ال)?\d{{1,2}})|(?P<dord>{ORD})(?=\s+من\s))"

DATE = re.compile(
    L + CL + rf"(?:(?P<tod>{TOD})\s+)?(?:(?P<yawm>يوم)\s+)?{DAY}\s*(?:من\s+)?(?:شهر\s+)?"
    + MONTH_EXPR + YEAR_TAIL + rf"(?:\s+(?P<mod>{MOD_ALL}))?" + R)

DAY_OF_MONTH = re.compile(
    L + CL + rf"(?:(?P<yawm>يوم)\s+)?{DAY}\s+(?:(?:من\s+)?(?:ال)?شهر\s+(?P<mod>{MOD_ALL})|من\s+(?P<this>هذا)\s+الشهر"
    rf"|(?P<mod2>الجاري|الحالي))" + R)

NUMERIC = re.compile(
    L + CL + r"(?:(?P<yawm>يوم|بتاريخ)\s+)?\(?\s*(?P<a>\d{1,4})\s*(?P<sep>[/.\-])\s*(?P<b>\d{1,2})\s*(?P=sep)\s*"
    r"(?P<c>\d{4}|\d{1,2})(?!\d)(?:\s*\))?" + rf"(?:\s*(?P<ysfx>{YSFX}){R})?")

MONTH_ONLY = re.compile(
    L + CL + rf"(?:(?P<part>{PART})\s+)?(?:(?P<shahr>شهر|شهري)\s+)?" + MONTH_EXPR + YEAR_TAIL
    + rf"(?:\s+(?P<mod>{MOD_ALL}))?" + R)

YEAR = re.compile(
    L + CL + rf"(?:(?P<part>{PART})\s+)?(?:(?P<cue>{YEAR_CUES})\s*|(?P<weak>{YEAR_WEAK})\s+)"
    rf"\(?\s*(?P<y>\d{{4}})(?:\s*\))?(?:\s*(?P<sfx>{YSFX}|{HSFX}){R})?"
    rf"(?:\s*(?:[-–/]|و|الي|حتي)\s*(?P<y2>\d{{4}})(?:\s*(?P<sfx2>{YSFX}|{HSFX}){R})?)?" + R)

YEAR_SUFFIXED = re.compile(L + CL + rf"(?:(?P<y>\d{{4}})\s*(?P<sfx>{YSFX}|{HSFX})|\(\s*(?P<py>\d{{4}})\s*\))" + R)

WEEKDAY = re.compile(
    L + CL + rf"(?:(?P<tod>{TOD})\s+)?(?:(?P<yawm>يوم)\s+)?"
    r"(?:(?P<deic>امس\s+الاول|اول\s+(?:من\s+)?امس|امس|الامس|اليوم|غدا|بعد\s+(?:ال)?غد|غد|الغد)\s+)?"
    rf"(?P<wd>{WD})(?:\s+(?P<mod>{MOD_PF}|{BEFORE_LAST}))?" + R)

DEICTIC = re.compile(
    L + CL + rf"(?:(?P<tod>{TOD})\s+)?(?:(?P<yawm>يوم)\s+)?"
    r"(?P<deic>اول\s+(?:من\s+)?امس|امس\s+الاول|امس|الامس|اليوم|غدا|بعد\s+(?:ال)?غد|الغد|غد"
    r"|الليله\s+الماضيه|هذه\s+الليله|الليله|هذا\s+(?:الصباح|المساء))" + R)

PERIOD = re.compile(
    L + CL + rf"(?:(?P<part>{PART})\s+)?(?:(?P<this>هذا|هذه)\s+)?"
    r"(?P<unit>(?:ال|لل)(?:اسبوع|شهر|عام|سنه))"
    rf"(?:\s+(?P<bl>{BEFORE_LAST})|\s+(?P<mod>{MOD_ALL}))?" + R)

SEASON = re.compile(
    L + CL + rf"(?:(?P<part>{PART})\s+)?(?:(?P<this>هذا|هذه)\s+)?"
    r"(?P<s>(?:ال)?(?:صيف|شتاء|ربيع|خريف))"
    rf"(?:\s+(?:(?:العام|السنه)\s+(?P<ymod>{MOD_ALL})|(?P<thisyear>هذا\s+العام)|(?P<mod>{MOD_ALL})"
    rf"|(?:(?:عام|العام|سنه)\s+)?(?P<y>\d{{4}})))?" + R)

OFFSET = re.compile(
    L + CL + rf"(?P<head>قبل|منذ|بعد)\s+(?:(?P<approx>{APPROX})\s+)?"
    rf"(?:(?P<n>\d{{1,3}}|{NUMW})\s+(?P<unit>{UNITS})|(?P<dual>{DUALS})|(?P<sing>{SINGULARS})(?!\s*\(?\s*\d))"
    r"(?:\s+(?:واحد|واحده))?" + R)

HIJRI = re.compile(
    L + CL + rf"(?:(?:(?P<dnum>\d{{1,2}})|(?P<dord>{ORD}))\s+)?(?:من\s+)?(?:شهر\s+)?(?P<hm>{HMONTH})"
    rf"(?:\s*(?:(?:عام|سنه)\s+)?(?P<y>\d{{4}})(?:\s*(?P<sfx>{HSFX}|{YSFX}){R})?)?" + R)

# `في اليوم التالي`, `صباح اليوم التالي`, `وفي اليوم نفسه`, `في العام السابق`: a day or period
# counted from the time expression before it. A preposition or time of day must open it, so
# `الأمين العام السابق` ("the former secretary-general") is not read as a year.
ANAPHOR = re.compile(
    L + CL + rf"(?:(?P<tod>{TOD})|(?P<prep>في|خلال|حتي|منذ|مع|بحلول|طوال|مطلع|نهايه|بدايه|اواخر|منتصف))\s+"
    r"(?P<unit>اليوم|الليله|الاسبوع|الشهر|العام|السنه)\s+"
    r"(?P<rel>التالي|التاليه|السابق|السابقه|نفسه|نفسها|ذاته|ذاتها|عينه)" + R)

# Kind name -> pattern, in no particular order: the tagger keeps the longest non-overlapping.
ALL: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("date", DATE), ("dom", DAY_OF_MONTH), ("numeric", NUMERIC), ("month", MONTH_ONLY),
    ("year", YEAR), ("year_sfx", YEAR_SUFFIXED), ("weekday", WEEKDAY), ("deictic", DEICTIC),
    ("period", PERIOD), ("season", SEASON), ("offset", OFFSET), ("hijri", HIJRI),
    ("anaphor", ANAPHOR),
)

# Triggers: one word every match of a kind contains. All trigger words are found in one
# Aho-Corasick pass (digits by two tiny regexes); the full pattern of a kind then runs only in
# a window around each of its hits, so a 2,000-character article costs a fraction of a ms.
# Window margins (chars before, after the trigger) exceed any prefix/suffix the pattern adds.
MARGINS: dict[str, tuple[int, int]] = {
    "date": (50, 60), "month": (30, 60), "dom": (35, 15), "numeric": (20, 20), "year": (30, 30),
    "year_sfx": (8, 15), "weekday": (35, 25), "deictic": (30, 20), "period": (25, 25),
    "season": (25, 30), "offset": (5, 45), "hijri": (30, 35), "anaphor": (40, 5),
}
_WORD_TRIGGERS: dict[str, tuple[str, ...]] = {
    "date": tuple(lx.GREG_MONTH), "month": tuple(lx.GREG_MONTH),
    "dom": ("شهر", "الجاري", "الحالي"),
    "weekday": tuple(k[2:] for k in lx.WEEKDAY),
    "deictic": ("امس", "اليوم", "غد", "الليله", "الصباح", "المساء"),
    "period": ("اسبوع", "شهر", "عام", "سنه"),
    "season": ("صيف", "شتاء", "ربيع", "خريف"),
    "offset": ("قبل", "منذ", "بعد"),
    "hijri": tuple(lx.HIJRI_MONTH),
    "anaphor": ("التالي", "التاليه", "السابق", "السابقه", "نفسه", "نفسها", "ذاته", "ذاتها", "عينه"),
}


def _automaton() -> "ahocorasick.Automaton":
    """Aho-Corasick automaton: trigger word -> (kinds it triggers, its length)."""
    by_word: dict[str, set[str]] = {}
    for kind, words in _WORD_TRIGGERS.items():
        for w in words:
            # A multi-word name triggers on its first word (spacing may vary in the text).
            by_word.setdefault(w.split()[0], set()).add(kind)
    auto = ahocorasick.Automaton()
    for w, kinds in by_word.items():
        auto.add_word(w, (tuple(sorted(kinds)), len(w)))
    auto.make_automaton()
    return auto


AUTOMATON = _automaton()
_DIGITS4 = re.compile(r"\d{4}")
_NUMERIC_TRIGGER = re.compile(r"\d\s*[/.\-]\s*\d")
_SPACE = re.compile(r"\s")


def windows(f: str) -> dict[str, list[tuple[int, int]]]:
    """kind -> merged (start, end) windows of `f` around that kind's trigger hits."""
    hits: dict[str, list[tuple[int, int]]] = {}
    for end, (kinds, n) in AUTOMATON.iter(f):
        for kind in kinds:
            hits.setdefault(kind, []).append((end + 1 - n, end + 1))
    for m in _DIGITS4.finditer(f):
        hits.setdefault("year", []).append(m.span())
        hits.setdefault("year_sfx", []).append(m.span())
    for m in _NUMERIC_TRIGGER.finditer(f):
        hits.setdefault("numeric", []).append(m.span())
    n = len(f)
    out: dict[str, list[tuple[int, int]]] = {}
    for kind, spans in hits.items():
        pre, post = MARGINS[kind]
        merged: list[list[int]] = []
        for s, e in spans:  # hits arrive in text order
            s, e = max(0, s - pre), e + post
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        res = []
        for s, e in merged:
            # End on whitespace so no word is cut (a cut word would fake a word boundary).
            sp = _SPACE.search(f, e) if e < n else None
            res.append((s, sp.start() if sp else n))
        out[kind] = res
    return out


WORD = re.compile(r"\w+")
SENT_END = re.compile(r"[.!?؟\n؛]")
SPEECH = re.compile(r"(?<!\w)(?:ان|بان|لان)(?!\w)|[:«\"“]")
RANGE_DAY_BEFORE = re.compile(r"(?<![\d/.\-])(\d{1,2})\s*(?:[-–]|\sالي|\sحتي|\sو)\s*$")
RANGE_GAP = re.compile(r"^\s*(?:[-–]|الي|حتي|و)\s*$")
LINK_GAP = re.compile(r"^[\s،,(]*(?:(?:في|الموافق|يوم)\s*[،,]?\s*)*$")
