"""Publication dates as pages state them: ISO stamps, epoch numbers, visible Arabic dates.

Visible dates use Egyptian/Gulf month names (`يناير` … `ديسمبر`, with Maghrebi `جانفي`,
`فيفري`, `أوت` …), Levantine/Iraqi names (`كانون الثاني` … `كانون الأول`), or both joined
(`حزيران/يونيو`), with Western or Arabic-Indic digits. Hijri dates are skipped unless the
page also gives the Gregorian one (`الموافق 10 أغسطس 2015`).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timezone

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

MONTHS: dict[str, int] = {}
for _num, _names in {
    1: ("يناير", "كانون الثاني", "كانون ثاني", "جانفي", "ينايِر", "يناير"),
    2: ("فبراير", "شباط", "فيفري", "فبرابر"),
    3: ("مارس", "آذار", "اذار", "أذار"),
    4: ("أبريل", "ابريل", "إبريل", "نيسان", "أفريل", "افريل"),
    5: ("مايو", "أيار", "ايار", "ماي"),
    6: ("يونيو", "حزيران", "جوان", "يونيه"),
    7: ("يوليو", "تموز", "جويلية", "يوليه"),
    8: ("أغسطس", "اغسطس", "آب", "اب", "أوت", "اوت", "غشت"),
    9: ("سبتمبر", "أيلول", "ايلول", "شتنبر"),
    10: ("أكتوبر", "اكتوبر", "تشرين الأول", "تشرين الاول", "تشرين أول", "أكتوبر"),
    11: ("نوفمبر", "تشرين الثاني", "تشرين ثاني", "نونبر"),
    12: ("ديسمبر", "كانون الأول", "كانون الاول", "كانون أول", "دجنبر"),
}.items():
    for _n in _names:
        MONTHS[_n] = _num

_MONTH_ALT = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
# `28 آب/اغسطس 2013`, `17 حزيران/يونيو 2018`, `١٢ يناير ٢٠٢٢`, `10 أغسطس 2015 م`
VISIBLE_DATE = re.compile(
    rf"(?<![0-9٠-٩])(?P<day>[0-9٠-٩]{{1,2}})\s*(?:من\s+)?(?P<month>{_MONTH_ALT})"
    rf"(?:\s*[/\-–]\s*(?:{_MONTH_ALT}))?\s*[،,]?\s*(?P<year>[0-9٠-٩]{{4}})(?![0-9٠-٩])")
NUMERIC_DATE = re.compile(r"(?<![0-9])(?P<a>\d{1,4})[/.\-](?P<b>\d{1,2})[/.\-](?P<c>\d{1,4})(?![0-9])")
ISO_PREFIX = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")


def _valid(y: int, m: int, d: int) -> str | None:
    """ISO string for a real calendar day between 1900 and 2100, else None."""
    if not 1900 <= y <= 2100:
        return None
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def parse_visible_date(text: str) -> str | None:
    """First Gregorian date written in words or numbers in `text`, as ISO `YYYY-MM-DD`."""
    t = text.translate(_DIGITS)
    m = VISIBLE_DATE.search(t)
    if m:
        month = MONTHS.get(m.group("month"))
        if month:
            iso = _valid(int(m.group("year")), month, int(m.group("day")))
            if iso:
                return iso
    for m in NUMERIC_DATE.finditer(t):
        a, b, c = m.group("a"), m.group("b"), m.group("c")
        if len(a) == 4:  # 2024/7/16
            iso = _valid(int(a), int(b), int(c))
        elif len(c) == 4:  # 16/7/2024: Arabic pages write day first
            iso = _valid(int(c), int(b), int(a))
        else:
            iso = None
        if iso:
            return iso
    return None


def normalize_date(value: object) -> str | None:
    """ISO date `YYYY-MM-DD` from an ISO stamp, an epoch (s or ms) or a visible date; else None."""
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        secs = value / 1000 if value > 1e11 else value  # milliseconds vs seconds
        try:
            return datetime.fromtimestamp(secs, tz=timezone.utc).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    s = str(value).strip().translate(_DIGITS)
    if s.isdigit() and len(s) >= 9:
        return normalize_date(int(s))
    m = ISO_PREFIX.match(s)
    if m:
        return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return parse_visible_date(s)
