"""Calendar arithmetic: turn parsed time expressions into ISO values relative to an anchor date.

Values follow TIMEX3: day `2022-01-12`, week `2022-W02` (ISO week), month `2021-12`,
year `2023`, season `2021-SU` (SP Mar-May, SU Jun-Aug, FA Sep-Nov, WI Dec-Feb; a winter
belongs to the year of its December).
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from hijridate import Gregorian, Hijri

_SEASON_OF_MONTH = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP",
                    6: "SU", 7: "SU", 8: "SU", 9: "FA", 10: "FA", 11: "FA"}
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def day_value(d: date) -> str:
    """ISO day."""
    return d.isoformat()


def week_value(d: date) -> str:
    """ISO week containing `d`."""
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def month_value(y: int, m: int) -> str:
    """ISO month."""
    return f"{y:04d}-{m:02d}"


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    """(year, month) `n` months after (y, m)."""
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def safe_date(y: int, m: int, d: int) -> date | None:
    """The date, or None when it does not exist."""
    if not (1 <= m <= 12 and 1 <= d <= 31 and 1 <= y <= 9999):
        return None
    if d > calendar.monthrange(y, m)[1]:
        return None
    return date(y, m, d)


def weekday_date(anchor: date, wd: int, direction: str) -> date:
    """The weekday `wd` (Mon=0) nearest `anchor` in `direction`.

    `past`/`future` include the anchor day itself; `strict_past`/`strict_future` exclude it
    (`الخميس الماضي`, `الخميس المقبل`).
    """
    back = (anchor.weekday() - wd) % 7
    fwd = (wd - anchor.weekday()) % 7
    if direction == "past":
        return anchor - timedelta(days=back)
    if direction == "future":
        return anchor + timedelta(days=fwd)
    if direction == "strict_past":
        return anchor - timedelta(days=back or 7)
    return anchor + timedelta(days=fwd or 7)


def nearest_day(anchor: date, m: int, d: int, weekday: int | None = None) -> date | None:
    """Day `d` of month `m` in the year that puts it nearest `anchor` (matching `weekday` if given)."""
    options = [x for y in (anchor.year - 1, anchor.year, anchor.year + 1)
               if (x := safe_date(y, m, d)) is not None]
    if weekday is not None and any(x.weekday() == weekday for x in options):
        options = [x for x in options if x.weekday() == weekday]
    if not options:
        return None
    # Ties (exactly half a year away) go to the past: news mostly reports what happened.
    return min(options, key=lambda x: (abs((x - anchor).days), x > anchor))


def nearest_month(anchor: date, m: int) -> tuple[int, int]:
    """(year, m) nearest `anchor`'s month."""
    here = anchor.year * 12 + anchor.month - 1
    best = min((anchor.year - 1, anchor.year, anchor.year + 1),
               key=lambda y: (abs(y * 12 + m - 1 - here), y * 12 + m - 1 > here))
    return best, m


def modified_month_year(anchor: date, m: int, mod: str, d: int | None = None) -> int:
    """Year of month `m` said with a modifier: `past` (الماضي), `future` (المقبل), `current` (الجاري)."""
    if mod == "current":
        return anchor.year
    if mod == "past":
        if m < anchor.month or (m == anchor.month and d is not None and d < anchor.day):
            return anchor.year
        return anchor.year - 1
    if m > anchor.month or (m == anchor.month and d is not None and d > anchor.day):
        return anchor.year
    return anchor.year + 1


def season_of(d: date) -> tuple[int, str]:
    """(season year, season code) of a date; Jan/Feb belong to the previous year's winter."""
    s = _SEASON_OF_MONTH[d.month]
    y = d.year - 1 if d.month in (1, 2) else d.year
    return y, s


def season_value(anchor: date, code: str, mod: str) -> str:
    """Season `code` relative to `anchor`: mod `past`, `future` or `current`."""
    cy, cs = season_of(anchor)
    if mod == "current":  # the season we are in, else this calendar year's one
        return f"{cy if cs == code else anchor.year}-{code}"
    if mod == "past":
        # Most recent occurrence that has started and is not the current season.
        y = anchor.year
        while True:
            s = date(y, _SEASON_START[code], 1)
            if s <= anchor and not (cs == code and cy == y):
                return f"{y}-{code}"
            y -= 1
    y = anchor.year - 1
    while True:
        s = date(y, _SEASON_START[code], 1)
        if s > anchor:
            return f"{y}-{code}"
        y += 1


def offset_value(anchor: date, unit: str, n: int) -> str:
    """`n` units (day, week, month, year) from `anchor`, at the unit's granularity (weeks as a day)."""
    if unit == "day":
        return day_value(anchor + timedelta(days=n))
    if unit == "week":
        return day_value(anchor + timedelta(days=7 * n))
    if unit == "month":
        return month_value(*add_months(anchor.year, anchor.month, n))
    return f"{anchor.year + n:04d}"


def period_value(anchor: date, unit: str, n: int) -> str:
    """The week/month/year `n` periods from the one containing `anchor` (`الأسبوع المقبل`: n=1)."""
    if unit == "week":
        return week_value(anchor + timedelta(days=7 * n))
    if unit == "month":
        return month_value(*add_months(anchor.year, anchor.month, n))
    return f"{anchor.year + n:04d}"


def hijri_to_date(hy: int, hm: int, hd: int) -> date | None:
    """Gregorian date of a Hijri date, or None outside hijridate's range or when invalid."""
    try:
        g = Hijri(hy, hm, hd).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return date(g.year, g.month, g.day)


def hijri_year_of(d: date) -> int | None:
    """Hijri year of a Gregorian date (None outside hijridate's range)."""
    try:
        return Gregorian(d.year, d.month, d.day).to_hijri().year
    except (ValueError, OverflowError):
        return None


def nearest_hijri_day(anchor: date, hm: int, hd: int) -> date | None:
    """Hijri day/month without a year: the Gregorian date nearest `anchor`."""
    hy = hijri_year_of(anchor)
    if hy is None:
        return None
    options = [x for y in (hy - 1, hy, hy + 1) if (x := hijri_to_date(y, hm, hd)) is not None]
    return min(options, key=lambda x: abs((x - anchor).days)) if options else None


def hijri_year_to_gregorian(hy: int) -> int:
    """Gregorian year holding the middle of Hijri year `hy` (a Hijri year spans two)."""
    mid = hijri_to_date(hy, 7, 1)
    if mid is not None:
        return mid.year
    # Outside hijridate's table: the mean-year formula, exact to within a year.
    return int(round((hy + 0.5) * 354.367 / 365.2425 + 621.57))
