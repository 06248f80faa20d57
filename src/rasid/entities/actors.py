"""Actor codes for gazetteer entries: a person is coded by the role they held on the article's date."""

from __future__ import annotations

from typing import Iterable

from rasid.entities.gazetteer import Entry


def _date_key(value: str | None) -> str | None:
    """An ISO date (or year / year-month) padded so that string comparison orders it."""
    if not value:
        return None
    v = str(value)[:10]
    if len(v) == 4:
        v += "-01-01"
    elif len(v) == 7:
        v += "-01"
    return v


def role_on(entry: Entry, published: str | None) -> dict | None:
    """The role an entry (person) held on `published`, or None.

    With several valid roles the most recently started wins (a minister who also keeps a
    party post acts as minister). Without a date, no role is chosen.
    """
    day = _date_key(published)
    if not day or not entry.roles:
        return None
    valid: list[tuple[str, dict]] = []
    for r in entry.roles:
        start = _date_key(r.get("from")) or "0000-01-01"
        end = r.get("to")
        end_key = _date_key(end) if end else "9999-12-31"
        if len(str(end or "")) == 4:
            end_key = f"{end}-12-31"  # a bare year as end date means the whole year
        if start <= day <= end_key:
            valid.append((start, r))
    if not valid:
        return None
    valid.sort(key=lambda t: t[0])
    return valid[-1][1]


def code_for(entry: Entry, published: str | None) -> tuple[str | None, str | None]:
    """(code, sector) of an entry on a date: by the role valid then, else its own code."""
    role = role_on(entry, published)
    if role is not None and role.get("code"):
        return role.get("code"), role.get("sector") or entry.sector
    return entry.code, entry.sector


def dominant_code(codes: Iterable[str | None]) -> str | None:
    """The state code mentioned most often (ties: first seen); IGO codes do not count."""
    counts: dict[str, int] = {}
    for c in codes:
        if c and len(c) == 3 and c.isupper() and c not in ("UNK", "ALQ"):
            counts[c] = counts.get(c, 0) + 1
    if not counts:
        return None
    # `max` keeps the first of equal counts, and a dict iterates in first-seen order
    return max(counts, key=counts.__getitem__)
