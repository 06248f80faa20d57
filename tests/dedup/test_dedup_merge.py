"""Cross-article event merging and the GDELT counts it yields."""

from __future__ import annotations

from pathlib import Path

import pytest

from dedup_support import CORPUS, corpus_rows, light_edit

from rasid.article import Article, Event
from rasid.dedup.merge import compatible, dates_compatible, rebuild_events
from rasid.store.db import connect
from rasid.store.ingest import ingest_articles

pytestmark = pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not available")


_rows, _edit = corpus_rows, light_edit


def _ev(type_: str, actor: list[str], recipient: list[str], date: str | None = None,
        aux: str | None = None, location: str | None = None, text: str = "") -> Event:
    """A hand-made event whose evidence is the text's first sentence."""
    ev = text.split("،")[0] if text else "evidence"
    return Event(start=0, end=len(ev), evidence=ev, event=type_, actor=actor, recipient=recipient,
                 date=date, aux=aux, location=location, goldstein=1.0, cameo="04")


def _art(row: dict, outlet: str, text: str, url: str, published: str, events: list[Event]) -> Article:
    """A hand-made analysed article."""
    return Article(raw=text, text=text, title=row["title"], id=url, published=published, source=url,
                   meta={"outlet": outlet, "url": url}, events=events)


def _store(db: Path, arts: list[Article]) -> None:
    """Ingest already analysed articles."""
    conn = connect(db)
    ingest_articles(conn, arts, lambda a: a)
    conn.close()


def test_same_story_two_outlets_one_cluster_merged_events(tmp_path):
    rows = _rows(2)
    a_text, b_text = rows[0]["text"], _edit(rows[0]["text"])
    a = _art(rows[0], "Al Arabiya", a_text, "https://alarabiya.example/1", "2022-01-10",
             [_ev("CONSULT", ["RUS:GOV"], ["USA"], "2022-01-10", location="Geneva", text=a_text),
              _ev("ACCUSE", ["RUS"], ["UKR"], text=a_text)])
    # The copy swaps the meeting's sides, loses the date and place, and codes a sector.
    b = _art(rows[0], "Sky News Arabia", b_text, "https://sky.example/1", "2022-01-10",
             [_ev("CONSULT", ["USA:GOV"], ["RUS"], text=b_text),
              _ev("ACCUSE", ["RUS:GOV"], ["UKR:MIL"], text=b_text)])
    other = _art(rows[1], "BBC Arabic", rows[1]["text"], "https://bbc.example/2", "2022-01-10",
                 [_ev("ACCUSE", ["RUS"], ["UKR"], text=rows[1]["text"])])
    db = tmp_path / "m.db"
    _store(db, [a, b, other])
    conn = connect(db)
    stories = [r[0] for r in conn.execute("SELECT story FROM articles ORDER BY id")]
    assert stories[0] == stories[1] != stories[2]
    events = {r["event_type"]: dict(r) for r in conn.execute(
        "SELECT * FROM events WHERE num_articles = 2")}
    assert set(events) == {"CONSULT", "ACCUSE"}
    for e in events.values():
        assert (e["num_mentions"], e["num_articles"], e["num_sources"]) == (2, 2, 2)
        assert e["first_seen"] == e["last_seen"] == "2022-01-10"
    assert events["CONSULT"]["date"] == "2022-01-10" and events["CONSULT"]["location"] == "Geneva"
    # The undated accusation in another story stays its own event.
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 3


def test_dated_events_merge_across_stories_within_a_day_only(tmp_path):
    rows = _rows(4)
    arts = [
        _art(rows[0], "A", rows[0]["text"], "https://a.example/1", "2022-01-10",
             [_ev("CONSULT", ["RUS"], ["USA"], "2022-01-10")]),
        _art(rows[1], "B", rows[1]["text"], "https://b.example/1", "2022-01-11",
             [_ev("CONSULT", ["USA"], ["RUS"], "2022-01-11"),            # a day later: same
              _ev("CONSULT", ["RUS"], ["CHN"], "2022-01-10"),            # other recipient
              _ev("CONSULT", ["RUS"], ["USA"], "2022-01-10", aux="future")]),  # planned, not held
        _art(rows[2], "C", rows[2]["text"], "https://c.example/1", "2022-01-13",
             [_ev("CONSULT", ["RUS"], ["USA"], "2022-01-13")]),           # three days later
        _art(rows[3], "A", rows[3]["text"], "https://a.example/2", "2022-01-11",
             [_ev("CONSULT", ["RUS"], ["USA"], "2022-01-10")]),           # same outlet again
    ]
    db = tmp_path / "d.db"
    _store(db, arts)
    conn = connect(db)
    rows_ = conn.execute("SELECT num_mentions, num_articles, num_sources, first_seen, last_seen"
                         " FROM events ORDER BY num_mentions DESC, id").fetchall()
    assert [tuple(r) for r in rows_][0] == (3, 3, 2, "2022-01-10", "2022-01-11")
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 4
    # Rebuilding from the mentions reproduces the same grouping.
    before = sorted(tuple(r) for r in conn.execute("SELECT event_type, num_mentions, num_sources FROM events"))
    conn.execute("BEGIN")
    rebuild_events(conn)
    conn.execute("COMMIT")
    after = sorted(tuple(r) for r in conn.execute("SELECT event_type, num_mentions, num_sources FROM events"))
    assert before == after


def test_compatibility_rules():
    def m(**kw):
        base = {"event_type": "ASSAULT", "aux": None, "date": "2022-02-24", "location": None, "mode": None,
                "actors": {"RUS"}, "recipients": {"UKR"}}
        return {**base, **kw}

    assert compatible(m(), m(date="2022-02-25"), same_story=False)
    assert not compatible(m(), m(date="2022-02-27"), same_story=False)
    assert compatible(m(), m(location="Kyiv"), same_story=False)  # a missing place matches any
    assert compatible(m(location="Kyiv"), m(location="kyiv"), same_story=False)
    assert not compatible(m(location="Kyiv"), m(location="Kharkiv"), same_story=False)
    assert compatible(m(), m(mode="aerial"), same_story=False)
    assert not compatible(m(mode="drone"), m(mode="aerial"), same_story=False)
    assert not compatible(m(), m(recipients={"POL"}), same_story=True)
    assert compatible(m(recipients=set()), m(), same_story=True)
    assert not compatible(m(recipients=set()), m(), same_story=False)
    assert not compatible(m(actors={"UNK"}), m(actors={"UNK"}), same_story=False)
    assert compatible(m(actors={"UNK"}), m(actors={"UNK"}), same_story=True)
    # ASSAULT is not symmetric; CONSULT is.
    assert not compatible(m(actors={"UKR"}, recipients={"RUS"}), m(), same_story=True)
    assert compatible(m(event_type="CONSULT", actors={"UKR"}, recipients={"RUS"}),
                      m(event_type="CONSULT"), same_story=False)
    assert dates_compatible(None, None, same_story=True)
    assert not dates_compatible(None, None, same_story=False)
    assert not dates_compatible("2022-W08", "2022-W08", same_story=False)
    assert dates_compatible("2022-W08", "2022-W08", same_story=True)
