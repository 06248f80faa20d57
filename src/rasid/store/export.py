"""Export the store: article JSONL, PLOVER event JSONL, GDELT-style TSV, Parquet tables.

Formats (see docs/store.md for every field):
- `jsonl`: one article record a line, as `Article.to_record()` gives it, plus `outlet`, `url`,
  `story`, `content_hash`, and on each event its merged `event_id`.
- `plover`: one merged event a line with PLOVER's JSON field names (id, date, source,
  recipient, event, mode, context, event_loc, event_text, quad_code, event_scale, ...).
- `gdelt`: a directory with `events.tsv` and `mentions.tsv` (header row, GDELT 2.0 names).
- `parquet`: a directory with `articles`, `events`, `mentions` and `quotes` `.parquet` tables.
"""

from __future__ import annotations

import csv
import json
import sqlite3
import sys
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, Iterator, TextIO

# PLOVER quad categories (PLOVER manual, "PLOVER quad categories"); REQUEST is PLOVER's DEMAND.
QUAD = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "SANCTION": 3, "THREATEN": 3,
    "PROTEST": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}

GDELT_EVENT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2CountryCode", "Actor2Type1Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "ActionGeo_Type", "ActionGeo_FullName", "DATEADDED", "SOURCEURL",
    # rasid extensions, after GDELT's columns
    "PloverEvent", "PloverMode", "Aux", "Actor1Codes", "Actor2Codes", "FirstSeen", "LastSeen",
]

GDELT_MENTION_COLUMNS = [
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
    "InRawText", "Confidence", "MentionDocLen", "MentionDocTone",
    # rasid extensions
    "ArticleID", "MentionEvidence", "MentionDate",
]


@contextmanager
def _open_out(out: str | Path) -> Iterator[TextIO]:
    """A text stream for `out` (`-` is stdout)."""
    if str(out) == "-":
        yield sys.stdout
        return
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="") as fh:
        yield fh


def article_records(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """Every stored article as its full record (the ingest input record, plus store fields)."""
    for a in conn.execute("SELECT * FROM articles ORDER BY id"):
        layers: dict[str, list[Any]] = {k: [] for k in ("entities", "roles", "times", "quotes")}
        for s in conn.execute("SELECT layer, data FROM spans WHERE article = ? ORDER BY layer, idx",
                              (a["id"],)):
            layers[s["layer"]].append(json.loads(s["data"]))
        events = []
        for m in conn.execute("SELECT event, data FROM mentions WHERE article = ? ORDER BY idx",
                              (a["id"],)):
            ev = json.loads(m["data"])
            ev["event_id"] = m["event"]
            events.append(ev)
        yield {
            "id": a["article_id"], "source": a["source"], "published": a["published"],
            "title": a["title"], "clean_text": a["text"], "meta": json.loads(a["meta"]),
            **layers, "events": events,
            "outlet": a["outlet"], "url": a["url"], "story": a["story"],
            "content_hash": a["content_hash"],
        }


def _event_rows(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """Merged events with decoded code lists, their first mention and its article."""
    for e in conn.execute("SELECT * FROM events ORDER BY id"):
        d = dict(e)
        d["actor"], d["recipient"] = json.loads(d["actor"]), json.loads(d["recipient"])
        codes = conn.execute("SELECT role, code FROM event_actors WHERE event = ? ORDER BY code",
                             (e["id"],)).fetchall()
        d["actor_codes"] = [c for r, c in codes if r == "actor"]
        d["recipient_codes"] = [c for r, c in codes if r == "recipient"]
        d["mentions"] = [dict(m) for m in conn.execute(
            "SELECT m.id, m.evidence, m.start, m.\"end\", m.data, a.url, a.outlet, a.title,"
            " a.article_id, a.published, a.ingested_at, a.source, a.story"
            " FROM mentions m JOIN articles a ON a.id = m.article WHERE m.event = ? ORDER BY m.id",
            (e["id"],))]
        yield d


def _actor_objects(codes: list[str]) -> list[dict[str, str]]:
    """PLOVER actor objects ({code, sector}) from `CODE[:SECTOR]` strings."""
    out = []
    for c in codes:
        code, _, sector = c.partition(":")
        obj = {"code": code}
        if sector:
            obj["sector"] = sector
        out.append(obj)
    return out


def plover_record(e: dict[str, Any]) -> dict[str, Any]:
    """One merged event as a PLOVER JSON record (PLOVER manual, "JSON Data Fields")."""
    first = e["mentions"][0] if e["mentions"] else {}
    rec: dict[str, Any] = {
        "id": f"rasid-{e['id']}",
        "date": e["date"] if e["date"] and len(e["date"]) == 10 else e["first_seen"],
        "source": _actor_objects(e["actor"]),
        "recipient": _actor_objects(e["recipient"]),
        "event": [e["event_type"]],
        "mode": [e["mode"]] if e["mode"] else [],
        "context": [],
        "event_loc": {"name": e["location"]} if e["location"] else None,
        "event_text": [m["evidence"] for m in e["mentions"] if m["evidence"]],
        "quad_code": QUAD.get(e["event_type"]),
        "event_scale": e["goldstein"],
        "cite_info": {"url": first.get("url"), "title": first.get("title"),
                      "publication": first.get("outlet"), "language": "ar"},
        "coder": "rasid",
        "coded_date": date.today().isoformat(),
        # rasid additions (PLOVER allows extra named fields)
        "aux": e["aux"],
        "event_date": e["date"],
        "num_mentions": e["num_mentions"], "num_articles": e["num_articles"],
        "num_sources": e["num_sources"], "first_seen": e["first_seen"], "last_seen": e["last_seen"],
        "cameo": e["cameo"],
    }
    return rec


def _yyyymmdd(day: str | None) -> str:
    """`2022-01-04` -> `20220104` (empty when not a day)."""
    return day.replace("-", "") if day and len(day) == 10 else ""


def gdelt_event_row(e: dict[str, Any]) -> dict[str, Any]:
    """One merged event as a GDELT-style row (columns in GDELT_EVENT_COLUMNS)."""
    day = e["date"] if e["date"] and len(e["date"]) == 10 else e["first_seen"]
    sql = _yyyymmdd(day)
    a1 = e["actor"][0] if e["actor"] else ""
    a2 = e["recipient"][0] if e["recipient"] else ""
    first = e["mentions"][0] if e["mentions"] else {}
    frac = ""
    if sql:
        d = date.fromisoformat(day)
        frac = f"{d.year + (d.timetuple().tm_yday - 1) / 365:.4f}"
    return {
        "GLOBALEVENTID": e["id"], "SQLDATE": sql, "MonthYear": sql[:6], "Year": sql[:4],
        "FractionDate": frac,
        "Actor1Code": a1.replace(":", ""), "Actor1CountryCode": a1.split(":")[0],
        "Actor1Type1Code": a1.partition(":")[2],
        "Actor2Code": a2.replace(":", ""), "Actor2CountryCode": a2.split(":")[0],
        "Actor2Type1Code": a2.partition(":")[2],
        "IsRootEvent": 1, "EventCode": e["cameo"] or "", "EventBaseCode": e["cameo"] or "",
        "EventRootCode": e["cameo"] or "", "QuadClass": QUAD.get(e["event_type"], ""),
        "GoldsteinScale": "" if e["goldstein"] is None else e["goldstein"],
        "NumMentions": e["num_mentions"], "NumSources": e["num_sources"],
        "NumArticles": e["num_articles"], "AvgTone": "",
        "ActionGeo_Type": 0 if not e["location"] else "", "ActionGeo_FullName": e["location"] or "",
        "DATEADDED": _yyyymmdd((first.get("ingested_at") or "")[:10]),
        "SOURCEURL": first.get("url") or first.get("source") or "",
        "PloverEvent": e["event_type"], "PloverMode": e["mode"] or "", "Aux": e["aux"] or "",
        "Actor1Codes": ";".join(e["actor_codes"]), "Actor2Codes": ";".join(e["recipient_codes"]),
        "FirstSeen": e["first_seen"] or "", "LastSeen": e["last_seen"] or "",
    }


def gdelt_mention_rows(e: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The GDELT-style mention rows of one merged event."""
    for m in e["mentions"]:
        data = json.loads(m["data"])
        yield {
            "GLOBALEVENTID": e["id"],
            "EventTimeDate": _yyyymmdd(e["date"] if e["date"] and len(e["date"]) == 10 else e["first_seen"]),
            "MentionTimeDate": _yyyymmdd((m["published"] or m["ingested_at"] or "")[:10]),
            "MentionType": 1 if m["url"] else 6,  # GDELT: 1 = web URL, 6 = other/no URL
            "MentionSourceName": m["outlet"] or "",
            "MentionIdentifier": m["url"] or m["source"] or m["article_id"],
            "SentenceID": "",
            "Actor1CharOffset": "", "Actor2CharOffset": "",
            "ActionCharOffset": data.get("trigger_start") if data.get("trigger_start") is not None else (m["start"] if m["start"] is not None else ""),
            "InRawText": 0,  # offsets index the clean body, not the raw page
            "Confidence": "" if data.get("confidence") is None else round(100 * float(data["confidence"])),
            "MentionDocLen": "", "MentionDocTone": "",
            "ArticleID": m["article_id"], "MentionEvidence": m["evidence"] or "",
            "MentionDate": data.get("date") or "",
        }


def _clean_cell(v: Any) -> Any:
    """Tabs and newlines would break a TSV row."""
    return v.replace("\t", " ").replace("\n", " ").replace("\r", " ") if isinstance(v, str) else v


def export_jsonl(conn: sqlite3.Connection, out: str | Path) -> int:
    """Article records, one a line; returns the row count."""
    n = 0
    with _open_out(out) as fh:
        for rec in article_records(conn):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    return n


def export_plover(conn: sqlite3.Connection, out: str | Path) -> int:
    """Merged events as PLOVER JSON, one a line; returns the row count."""
    n = 0
    with _open_out(out) as fh:
        for e in _event_rows(conn):
            fh.write(json.dumps(plover_record(e), ensure_ascii=False) + "\n")
            n += 1
    return n


def export_gdelt(conn: sqlite3.Connection, out: str | Path) -> tuple[int, int]:
    """`events.tsv` and `mentions.tsv` in directory `out`; returns (events, mentions) counts."""
    d = Path(out)
    d.mkdir(parents=True, exist_ok=True)
    ne = nm = 0
    with open(d / "events.tsv", "w", encoding="utf-8", newline="") as fe, \
            open(d / "mentions.tsv", "w", encoding="utf-8", newline="") as fm:
        we = csv.DictWriter(fe, GDELT_EVENT_COLUMNS, delimiter="\t", lineterminator="\n",
                            quoting=csv.QUOTE_NONE, escapechar="\\")
        wm = csv.DictWriter(fm, GDELT_MENTION_COLUMNS, delimiter="\t", lineterminator="\n",
                            quoting=csv.QUOTE_NONE, escapechar="\\")
        we.writeheader()
        wm.writeheader()
        for e in _event_rows(conn):
            we.writerow({k: _clean_cell(v) for k, v in gdelt_event_row(e).items()})
            ne += 1
            for row in gdelt_mention_rows(e):
                wm.writerow({k: _clean_cell(v) for k, v in row.items()})
                nm += 1
    return ne, nm


def export_parquet(conn: sqlite3.Connection, out: str | Path) -> dict[str, int]:
    """Tables articles, events, mentions, quotes as Parquet files in directory `out`."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    d = Path(out)
    d.mkdir(parents=True, exist_ok=True)
    queries = {
        "articles": "SELECT id, article_id, source, url, outlet, published, title, text, meta,"
                    " content_hash, story, ingested_at FROM articles ORDER BY id",
        "events": "SELECT * FROM events ORDER BY id",
        "mentions": "SELECT m.id, m.event, m.article, m.idx, m.event_type, m.mode, m.aux, m.date,"
                    " m.location, m.actor, m.recipient, m.start, m.\"end\", m.evidence, m.goldstein,"
                    " m.cameo, m.confidence FROM mentions m ORDER BY m.id",
        "quotes": "SELECT s.id, s.article, a.outlet, a.published, s.start, s.\"end\", s.text AS quote,"
                  " s.code, s.kind AS speaker_text, json_extract(s.data, '$.speaker_en') AS speaker_en,"
                  " json_extract(s.data, '$.cue') AS cue, json_extract(s.data, '$.direct') AS direct"
                  " FROM spans s JOIN articles a ON a.id = s.article WHERE s.layer = 'quotes' ORDER BY s.id",
    }
    counts = {}
    for name, sql in queries.items():
        cur = conn.execute(sql)
        cols = [c[0] for c in cur.description]
        rows = cur.fetchall()
        data = {c: [r[i] for r in rows] for i, c in enumerate(cols)}
        if name == "quotes":
            data["direct"] = [None if v is None else bool(v) for v in data["direct"]]
        table = pa.table(data) if rows else pa.table({c: pa.array([], pa.string()) for c in cols})
        pq.write_table(table, d / f"{name}.parquet")
        counts[name] = len(rows)
    return counts


EXPORTERS = {"jsonl": export_jsonl, "plover": export_plover, "gdelt": export_gdelt,
             "parquet": export_parquet}
