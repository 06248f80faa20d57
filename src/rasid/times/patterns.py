"""Compiled patterns of the time tagger, written against the folded text (see textmap).

Every pattern starts with an optional clitic group `cl` (و ف ب ل ك), which is cut off the
reported span, and ends at a word boundary. Patterns are compiled once at import.
"""

from __future__ import annotations

import re

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

YEAR_SUFFIXED = re.compile(L + CL + rf"(?P<y>\d{{4}})\s*(?P<sfx>{YSFX}|{HSFX})" + R)

WEEKDAY = re.compile(
    L + CL + rf"(?:(?P<tod>{TOD})\s+)?(?:(?P<yawm>يوم)\s+)?"
    r"(?:(?P<deic>امس\s+الاول|اول\s+(?:من\s+)?امس|امس|الامس|اليوم|غدا|بعد\s+(?:ال)?غد|غد|الغد)\s+)?"
    rf"(?P<wd>{WD})(?:\s+(?P<mod>{MOD_PF}|{BEFORE_LAST}))?" + R)

DEICTIC = re.compile(
    L + CL + rf"(?:(?P<tod>{TOD})\s+)?(?:(?P<yawm>يوم)\s+)?"
    r"(?P<deic>اول\s+(?:من\s+)?امس|امس\s+الاول|امس|الامس|اليوم|غدا|بعد\s+(?:ال)?غد|الغد|غد"
    r"|الليله\s+الماضيه|هذه\s+الليله)" + R)

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

# Kind name -> pattern, in no particular order: the tagger keeps the longest non-overlapping.
ALL: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("date", DATE), ("dom", DAY_OF_MONTH), ("numeric", NUMERIC), ("month", MONTH_ONLY),
    ("year", YEAR), ("year_sfx", YEAR_SUFFIXED), ("weekday", WEEKDAY), ("deictic", DEICTIC),
    ("period", PERIOD), ("season", SEASON), ("offset", OFFSET), ("hijri", HIJRI),
)

# Triggers: one word every match of a kind contains. They are cheap to scan for (literal
# alternations, which the regex engine scans by first character); the full pattern then runs
# only in a window around each hit, so a 2,000-character article costs a fraction of a ms.
_MONTH_TRIGGER = re.compile(MONTH)
_YEAR_TRIGGER = re.compile(r"\d{4}")
TRIGGERS: dict[str, re.Pattern[str]] = {
    "date": _MONTH_TRIGGER, "month": _MONTH_TRIGGER,
    "dom": re.compile(r"شهر|الجاري|الحالي"),
    "numeric": re.compile(r"\d\s*[/.\-]\s*\d"),
    "year": _YEAR_TRIGGER, "year_sfx": _YEAR_TRIGGER,
    "weekday": re.compile("(?:ال|لل)" + lx.alt(k[2:] for k in lx.WEEKDAY)),
    "deictic": re.compile(r"امس|اليوم|غد|الليله"),
    "period": re.compile(r"اسبوع|شهر|عام|سنه"),
    "season": re.compile(r"صيف|شتاء|ربيع|خريف"),
    "offset": re.compile(r"قبل|منذ|بعد"),
    "hijri": re.compile(HMONTH),
}
MARGIN = 70  # longer than any prefix or suffix a pattern adds around its trigger word
_SPACE = re.compile(r"\s")


def windows(kind: str, f: str) -> list[tuple[int, int]]:
    """Merged (start, end) windows of `f` around the trigger hits of `kind`."""
    out: list[tuple[int, int]] = []
    for m in TRIGGERS[kind].finditer(f):
        s = max(0, m.start() - MARGIN)
        e = m.end() + MARGIN
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    # End each window on whitespace so no word is cut (a cut word would fake a boundary).
    n = len(f)
    res = []
    for s, e in out:
        if e >= n:
            res.append((s, n))
            continue
        sp = _SPACE.search(f, e)
        res.append((s, sp.start() if sp else n))
    return res


WORD = re.compile(r"\w+")
SENT_END = re.compile(r"[.!?؟\n؛]")
SPEECH = re.compile(r"(?<!\w)(?:ان|بان|لان)(?!\w)|[:«\"“]")
RANGE_DAY_BEFORE = re.compile(r"(?<![\d/.\-])(\d{1,2})\s*(?:[-–]|\sالي|\sحتي|\sو)\s*$")
RANGE_GAP = re.compile(r"^\s*(?:[-–]|الي|حتي|و)\s*$")
LINK_GAP = re.compile(r"^[\s،,(]*(?:(?:في|الموافق|يوم)\s*[،,]?\s*)*$")
