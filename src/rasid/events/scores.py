"""PLOVER type/mode -> CAMEO root code and a Goldstein-style conflict-cooperation score.

The table (`data/events/cameo_goldstein.tsv`, documented in its SOURCES.md) gives, for each
PLOVER type and optionally a mode, the CAMEO event code it corresponds to and the Goldstein
(1992) weight CAMEO attaches to that code (−10 most conflictual … +10 most cooperative).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

TABLE_PATH = Path(__file__).resolve().parent.parent / "data" / "events" / "cameo_goldstein.tsv"


@lru_cache(maxsize=1)
def _table() -> dict[tuple[str, str], tuple[str, str, float]]:
    """(type, mode or '') -> (cameo code, cameo root, goldstein)."""
    out: dict[tuple[str, str], tuple[str, str, float]] = {}
    for line in TABLE_PATH.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        etype, mode, code, score = line.split("\t")[:4]
        out[(etype, "" if mode == "-" else mode)] = (code, code[:2], float(score))
    return out


def score(etype: str, mode: str | None) -> tuple[str | None, float | None]:
    """(CAMEO root "01".."20", Goldstein score) for a PLOVER type and mode."""
    t = _table()
    row = t.get((etype, mode or "")) or t.get((etype, ""))
    if row is None:
        return None, None
    return row[1], row[2]
