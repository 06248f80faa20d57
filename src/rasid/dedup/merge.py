"""Cross-article event merging: article-level events (mentions) become shared events.

A mention joins an existing event when all of these hold (else it starts a new event):
- same PLOVER type and same `aux` (a planned meeting is not the meeting that happened);
- actor codes overlap (code before the colon); CONSULT may also match with actor and
  recipient swapped, since a meeting is symmetric; an overlap made only of `UNK` counts
  only inside one story cluster;
- recipients overlap, or both are empty, or one is empty and both are in one story cluster;
- dates: both day-level and at most one day apart; or, inside one story cluster, both unknown,
  one unknown, or the same coarser value (week, month);
- modes and locations equal when both are given.
Among compatible events the one in the same story, sharing a recipient and the same date wins.

Each event keeps the GDELT counts over its mentions: num_mentions, num_articles, num_sources
(distinct outlets), first_seen / last_seen (article publication days). Matching on overlapping
codes instead of GDELT's exact (actor, actor, code, location) tuple is what keeps two wordings
of one happening from being counted as two events.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta
from typing import Any, Iterable

SYMMETRIC_TYPES = frozenset({"CONSULT"})


def base_codes(codes: Iterable[str] | None) -> set[str]:
    """Actor codes without their sector suffix (`RUS:MIL` -> `RUS`)."""
    return {c.split(":")[0].strip() for c in (codes or []) if c and c.split(":")[0].strip()}


def _day(value: str | None) -> date | None:
    """A day-level ISO date, or None for coarser values (week, month, season, year)."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def dates_compatible(a: str | None, b: str | None, same_story: bool) -> bool:
    """Whether two event dates can name one happening (see module docstring)."""
    da, db = _day(a), _day(b)
    if da and db:
        return abs((da - db).days) <= 1
    if a is None or b is None:
        return same_story
    return same_story and a == b


def _overlap_ok(x: set[str], y: set[str], same_story: bool) -> bool:
    """Actor sets overlap (an overlap of only UNK needs the same story)."""
    common = x & y
    if not common:
        return not x and not y and same_story
    return common != {"UNK"} or same_story


def _recipients_ok(x: set[str], y: set[str], same_story: bool) -> bool:
    """Recipient sets overlap, both empty, or one empty within one story."""
    if x and y:
        return bool(x & y)
    if not x and not y:
        return True
    return same_story


def _loose_equal(a: str | None, b: str | None) -> bool:
    """Equal when both are given (case-insensitively); anything matches a missing value."""
    return a is None or b is None or a.casefold() == b.casefold()


def compatible(m: dict[str, Any], e: dict[str, Any], same_story: bool) -> bool:
    """Whether mention `m` may join event `e` (both with sets `actors`/`recipients`)."""
    if m["event_type"] != e["event_type"] or m["aux"] != e["aux"]:
        return False
    if not dates_compatible(m["date"], e["date"], same_story):
        return False
    if not _loose_equal(m["location"], e["location"]) or not _loose_equal(m["mode"], e["mode"]):
        return False
    if (_overlap_ok(m["actors"], e["actors"], same_story)
            and _recipients_ok(m["recipients"], e["recipients"], same_story)):
        return True
    if m["event_type"] in SYMMETRIC_TYPES:
        return (bool(m["recipients"]) and bool(e["recipients"])
                and _overlap_ok(m["actors"], e["recipients"], same_story)
                and _overlap_ok(m["recipients"], e["actors"], same_story))
    return False


def _event_view(conn: sqlite3.Connection, row: sqlite3.Row) -> dict[str, Any]:
    """An event row with its accumulated actor/recipient code sets and its stories."""
    codes = conn.execute("SELECT role, code FROM event_actors WHERE event = ?", (row["id"],)).fetchall()
    stories = {r[0] for r in conn.execute(
        "SELECT DISTINCT a.story FROM mentions m JOIN articles a ON a.id = m.article "
        "WHERE m.event = ?", (row["id"],))}
    return {
        "id": row["id"], "event_type": row["event_type"], "aux": row["aux"], "date": row["date"],
        "location": row["location"], "mode": row["mode"],
        "actors": {c for r, c in codes if r == "actor"},
        "recipients": {c for r, c in codes if r == "recipient"},
        "stories": stories,
    }


def _candidates(conn: sqlite3.Connection, m: dict[str, Any], story: int | None) -> list[sqlite3.Row]:
    """Events of the same type and aux dated within a day of `m`, or sharing its story."""
    d = _day(m["date"])
    lo = (d - timedelta(days=1)).isoformat() if d else None
    hi = (d + timedelta(days=1)).isoformat() + "\uffff" if d else None
    return conn.execute(
        "SELECT * FROM events e WHERE e.event_type = ? AND e.aux IS ? AND ("
        " (? IS NOT NULL AND e.date BETWEEN ? AND ?)"
        " OR e.id IN (SELECT m.event FROM mentions m JOIN articles a ON a.id = m.article"
        "             WHERE a.story = ? AND m.event IS NOT NULL))",
        (m["event_type"], m["aux"], lo, lo, hi, story)).fetchall()


def _score(m: dict[str, Any], e: dict[str, Any], story: int | None) -> tuple[int, int, int, int]:
    """Preference among compatible events: same story, shared recipient, same date, oldest."""
    return (int(story in e["stories"]), int(bool(m["recipients"] & e["recipients"])),
            int(m["date"] is not None and m["date"] == e["date"]), -e["id"])


def assign_event(conn: sqlite3.Connection, mention_pk: int) -> int:
    """Attach mention `mention_pk` to a compatible event or a new one; returns the event id."""
    row = conn.execute(
        "SELECT m.*, a.story AS story FROM mentions m JOIN articles a ON a.id = m.article "
        "WHERE m.id = ?", (mention_pk,)).fetchone()
    actor, recipient = json.loads(row["actor"]), json.loads(row["recipient"])
    m = {"event_type": row["event_type"], "aux": row["aux"], "date": row["date"],
         "location": row["location"], "mode": row["mode"],
         "actors": base_codes(actor), "recipients": base_codes(recipient)}
    story = row["story"]
    best: tuple[tuple[int, int, int, int], dict[str, Any]] | None = None
    for cand in _candidates(conn, m, story):
        e = _event_view(conn, cand)
        same_story = story is not None and story in e["stories"]
        if compatible(m, e, same_story):
            sc = _score(m, e, story)
            if best is None or sc > best[0]:
                best = (sc, e)
    if best is None:
        cur = conn.execute(
            "INSERT INTO events(event_type, mode, aux, date, location, actor, recipient, goldstein, cameo)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (row["event_type"], row["mode"], row["aux"], row["date"], row["location"],
             row["actor"], row["recipient"], row["goldstein"], row["cameo"]))
        event_id = int(cur.lastrowid)
    else:
        event_id = best[1]["id"]
        # Fill what the first mention left unknown; never overwrite a known value.
        conn.execute(
            "UPDATE events SET date = coalesce(date, ?), location = coalesce(location, ?),"
            " mode = coalesce(mode, ?), goldstein = coalesce(goldstein, ?), cameo = coalesce(cameo, ?)"
            " WHERE id = ?",
            (row["date"], row["location"], row["mode"], row["goldstein"], row["cameo"], event_id))
    conn.executemany("INSERT OR IGNORE INTO event_actors(event, role, code) VALUES (?, ?, ?)",
                     [(event_id, "actor", c) for c in m["actors"]]
                     + [(event_id, "recipient", c) for c in m["recipients"]])
    conn.execute("UPDATE mentions SET event = ? WHERE id = ?", (event_id, mention_pk))
    refresh_counts(conn, [event_id])
    return event_id


def refresh_counts(conn: sqlite3.Connection, event_ids: Iterable[int]) -> None:
    """Recompute the GDELT counts and first/last seen days of the given events."""
    for eid in event_ids:
        conn.execute(
            "UPDATE events SET"
            " num_mentions = (SELECT count(*) FROM mentions WHERE event = :e),"
            " num_articles = (SELECT count(DISTINCT article) FROM mentions WHERE event = :e),"
            " num_sources = (SELECT count(DISTINCT coalesce(a.outlet, a.url, a.source, a.id))"
            "                FROM mentions m JOIN articles a ON a.id = m.article WHERE m.event = :e),"
            " first_seen = (SELECT min(substr(coalesce(a.published, a.ingested_at), 1, 10))"
            "               FROM mentions m JOIN articles a ON a.id = m.article WHERE m.event = :e),"
            " last_seen = (SELECT max(substr(coalesce(a.published, a.ingested_at), 1, 10))"
            "              FROM mentions m JOIN articles a ON a.id = m.article WHERE m.event = :e)"
            " WHERE id = :e", {"e": eid})


def rebuild_events(conn: sqlite3.Connection) -> int:
    """Drop all merged events and re-merge every mention in ingest order; returns event count."""
    conn.execute("UPDATE mentions SET event = NULL")
    conn.execute("DELETE FROM event_actors")
    conn.execute("DELETE FROM events")
    for (pk,) in conn.execute("SELECT id FROM mentions ORDER BY article, idx").fetchall():
        assign_event(conn, pk)
    return int(conn.execute("SELECT count(*) FROM events").fetchone()[0])
