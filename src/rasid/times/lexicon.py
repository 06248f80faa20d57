"""Word lists of the time tagger (src/rasid/data/times/*.json), folded and turned into regex parts."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable

from rasid.times.textmap import fold


@lru_cache(maxsize=None)
def load(name: str) -> dict[str, Any]:
    """Parsed JSON data file `name` from rasid/data/times."""
    path = resources.files("rasid") / "data" / "times" / name
    return json.loads(path.read_text(encoding="utf-8"))


def alt(words: Iterable[str]) -> str:
    """A regex alternation of folded `words`, longest first, spaces matching any whitespace run."""
    folded = sorted({fold(w) for w in words}, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in folded) + ")"


def folded_map(mapping: dict[str, Any]) -> dict[str, Any]:
    """The mapping with folded keys whose inner whitespace is a single space."""
    return {" ".join(fold(k).split()): v for k, v in mapping.items()}


def key(text: str) -> str:
    """Lookup key for a matched folded string: whitespace runs collapsed to one space."""
    return " ".join(text.split())


MONTHS = load("months.json")
WEEKDAYS = load("weekdays.json")["weekdays"]
REL = load("relative.json")
CUES = load("cues.json")

# name -> month number
GREG_MONTH: dict[str, int] = folded_map({n: int(m) for m, ns in MONTHS["gregorian"].items() for n in ns})
HIJRI_MONTH: dict[str, int] = folded_map({n: int(m) for m, ns in MONTHS["hijri"].items() for n in ns})
AMBIGUOUS_MONTHS: frozenset[str] = frozenset(fold(w) for w in MONTHS["ambiguous"])
WEEKDAY: dict[str, int] = folded_map(WEEKDAYS)
DEICTIC: dict[str, int] = folded_map(REL["deictic_days"])
PERIOD: dict[str, str] = folded_map(REL["periods"])
MOD_PAST = frozenset(fold(w) for w in REL["modifiers"]["past"])
MOD_FUTURE = frozenset(fold(w) for w in REL["modifiers"]["future"])
MOD_CURRENT = frozenset(fold(w) for w in REL["modifiers"]["current"])
NUMBERS: dict[str, int] = folded_map(REL["numbers"])
SEASON: dict[str, str] = folded_map(REL["seasons"])
UNIT: dict[str, str] = {}
UNIT_DUAL: dict[str, str] = {}
for _unit, _forms in REL["units"].items():
    for _w in _forms["singular"] + _forms["plural"]:
        UNIT[fold(_w)] = _unit
    for _w in _forms["dual"]:
        UNIT_DUAL[fold(_w)] = _unit
UNIT_SINGULAR: frozenset[str] = frozenset(fold(w) for f in REL["units"].values() for w in f["singular"])


def _ordinals() -> dict[str, int]:
    """Ordinal day words 1..31 (`الأول`, `الحادي عشر`, `الخامس والعشرين`), folded."""
    out = folded_map(REL["ordinals"])
    units = folded_map(REL["ordinal_units"])
    tens = folded_map(REL["ordinal_tens"])
    for u, uv in units.items():
        out[f"{u} {'عشر'}"] = uv + 10
        for t, tv in tens.items():
            if tv >= 20 and uv + tv <= 31:
                out[f"{u} و{t}"] = uv + tv
    for t, tv in tens.items():
        if tv >= 20:
            out[t] = tv
    return out


ORDINAL: dict[str, int] = _ordinals()
