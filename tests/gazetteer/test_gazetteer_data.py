"""Format checks for the gazetteer data files (src/rasid/data/gazetteer/*.jsonl)."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pycountry
import pytest

from rasid.text.normalize import normalize

DATA = Path(__file__).resolve().parents[2] / "src" / "rasid" / "data" / "gazetteer"
ARABIC = re.compile("[\u0621-\u064a]")
CLITIC_ONLY = {"و", "ب", "ل", "ف", "ك"}
SECTORS = {"GOV", "MIL", "COP", "LEG", "JUD", "PTY", "REB", "OPP", "CVL", "JRN", "BUS", "REL", "IGO"}
GUIDE_IGOS = {"NATO", "EU", "UN", "OSCE", "ARL", "AU", "GCC", "OIC", "IAEA", "WHO", "IMF", "WB",
              "OPEC", "ICC", "ICRC", "UNSC", "UNHCR", "UNRWA"}
NON_STATE = {"ISIL", "ALQ", "UNK"}
ISO3 = {c.alpha_3 for c in pycountry.countries} | {"XKX"}


def load(name: str) -> list[dict[str, Any]]:
    """All records of one JSONL file (fails on a line that does not parse)."""
    out = []
    for n, line in enumerate((DATA / name).read_text(encoding="utf-8").splitlines(), 1):
        assert line.strip(), f"{name}:{n}: blank line"
        out.append(json.loads(line))
    return out


IGO_CODES = {r["code"] for r in load("igos.jsonl")}
VALID_CODES = ISO3 | IGO_CODES | NON_STATE


def check_forms(forms: list[str], where: str, allow_empty: bool = False) -> None:
    """Arabic forms: non-empty strings, Arabic script, trimmed, no duplicates, no bare clitic."""
    assert isinstance(forms, list), where
    assert forms or allow_empty, f"{where}: no forms"
    assert len(forms) == len(set(forms)), f"{where}: duplicate forms"
    for f in forms:
        assert isinstance(f, str) and f and f == f.strip(), f"{where}: bad form {f!r}"
        assert ARABIC.search(f), f"{where}: not Arabic {f!r}"
        assert "  " not in f and "\t" not in f, f"{where}: spacing {f!r}"
        assert normalize(f) not in CLITIC_ONLY, where


def check_keys(rec: dict[str, Any], keys: set[str], where: str) -> None:
    """The record has exactly the contract's keys."""
    assert set(rec) == keys, f"{where}: keys {sorted(rec)} != {sorted(keys)}"


def test_igos_include_guide_codes() -> None:
    """Every IGO code the guide names has an entry; IGO codes are not ISO codes."""
    assert GUIDE_IGOS <= IGO_CODES
    assert not (IGO_CODES & ISO3)


def test_countries() -> None:
    """All ISO 3166-1 entries plus XKX, valid fields, the big states carry nisbas."""
    recs = load("countries.jsonl")
    codes = [r["code"] for r in recs]
    assert len(codes) == len(set(codes))
    assert set(codes) == ISO3
    for r in recs:
        where = f"countries:{r['code']}"
        check_keys(r, {"code", "name_en", "forms", "nisba", "demonym_en", "capital_forms", "capital_en"}, where)
        assert r["name_en"]
        check_forms(r["forms"], where)
        check_forms(r["nisba"], where + ":nisba", allow_empty=True)
        check_forms(r["capital_forms"], where + ":capital", allow_empty=True)
    with_nisba = [r for r in recs if r["nisba"]]
    assert len(with_nisba) >= 120
    by = {r["code"]: r for r in recs}
    for code, form in [("USA", "الأمريكي"), ("USA", "الأميركيين"), ("RUS", "الروس"),
                       ("SYR", "السوريين"), ("ISR", "الإسرائيلية"), ("TUR", "الأتراك")]:
        assert form in by[code]["nisba"], (code, form)
    for code in ("RUS", "USA", "GBR", "FRA", "CHN", "IRN", "TUR", "EGY", "SAU", "ISR", "PSE", "UKR"):
        assert by[code]["capital_forms"] and by[code]["demonym_en"] and by[code]["capital_en"], code


def test_cities() -> None:
    """Cities: contract keys, valid codes, coordinates in range, unique (name, code)."""
    recs = load("cities.jsonl")
    assert len(recs) >= 400
    seen = set()
    for r in recs:
        where = f"cities:{r['name_en']}"
        assert {"name_en", "forms", "code", "type", "lat", "lon", "population"} <= set(r), where
        check_forms(r["forms"], where)
        assert r["code"] in ISO3, where
        assert r["type"] == "GPE", where
        if r["lat"] is not None:
            assert -90 <= r["lat"] <= 90 and -180 <= r["lon"] <= 180, where
        key = (r["name_en"], r["code"])
        assert key not in seen, where
        seen.add(key)
    with_coords = sum(r["lat"] is not None for r in recs)
    assert with_coords / len(recs) > 0.85


def test_regions() -> None:
    """Regions: type LOC/GPE, code null or ISO, unique names."""
    recs = load("regions.jsonl")
    names = [r["name_en"] for r in recs]
    assert len(names) == len(set(names))
    for r in recs:
        where = f"regions:{r['name_en']}"
        check_keys(r, {"name_en", "forms", "type", "code"}, where)
        check_forms(r["forms"], where)
        assert r["type"] in {"LOC", "GPE"}, where
        assert r["code"] is None or r["code"] in ISO3, where


def test_igos() -> None:
    """IGOs: unique keys, sector IGO, anaphor forms present (possibly empty)."""
    recs = load("igos.jsonl")
    keys = [r["key"] for r in recs]
    assert len(keys) == len(set(keys))
    for r in recs:
        where = f"igos:{r['key']}"
        check_keys(r, {"key", "name_en", "forms", "code", "type", "sector", "anaphor_forms"}, where)
        check_forms(r["forms"], where)
        check_forms(r["anaphor_forms"], where + ":anaphor", allow_empty=True)
        assert r["type"] == "ORG" and r["sector"] == "IGO", where
        assert re.fullmatch(r"[A-Z0-9]+", r["code"]), where


def test_orgs() -> None:
    """Orgs: unique names, valid code and sector, no form shared by two orgs of different codes."""
    recs = load("orgs.jsonl")
    names = [r["name_en"] for r in recs]
    assert len(names) == len(set(names))
    owner: dict[str, str] = {}
    for r in recs:
        where = f"orgs:{r['name_en']}"
        check_keys(r, {"name_en", "forms", "code", "sector", "type"}, where)
        check_forms(r["forms"], where)
        assert r["code"] in VALID_CODES, where
        assert r["sector"] in SECTORS, where
        assert r["type"] == "ORG", where
        for f in r["forms"]:
            k = normalize(f)
            assert owner.get(k, r["code"]) == r["code"], f"{where}: {f} also {owner[k]}"
            owner[k] = r["code"]


def _date(s: str | None, where: str) -> dt.date | None:
    """Parse an ISO date or None."""
    if s is None:
        return None
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", s), f"{where}: date {s!r}"
    return dt.date.fromisoformat(s)


def test_people() -> None:
    """People: unique keys, valid codes/sectors, ISO dates with from <= to."""
    recs = load("people.jsonl")
    assert len(recs) >= 600
    keys = [r["key"] for r in recs]
    assert len(keys) == len(set(keys))
    for r in recs:
        where = f"people:{r['key']}"
        check_keys(r, {"key", "name_en", "forms", "short", "code", "sector", "roles"}, where)
        assert re.fullmatch(r"[a-z0-9-]+", r["key"]), where
        check_forms(r["forms"], where)
        check_forms(r["short"], where + ":short", allow_empty=True)
        assert not set(r["short"]) & set(r["forms"]), where
        assert r["code"] in VALID_CODES, where
        assert r["sector"] is None or r["sector"] in SECTORS, where
        for role in r["roles"]:
            check_keys(role, {"title_en", "code", "sector", "from", "to"}, where)
            assert role["title_en"] and role["code"] in VALID_CODES, where
            assert role["sector"] is None or role["sector"] in SECTORS, where
            start, end = _date(role["from"], where), _date(role["to"], where)
            if start and end:
                assert start <= end, f"{where}: {role}"


def test_roles_and_extras() -> None:
    """roles, institutions, actor_phrases, demonym_groups, ambiguous: keys and values."""
    for r in load("roles.jsonl"):
        check_keys(r, {"forms", "title_en", "sector"}, "roles")
        check_forms(r["forms"], f"roles:{r['title_en']}")
        assert r["sector"] is None or r["sector"] in SECTORS
    for r in load("institutions.jsonl"):
        check_forms(r["forms"], f"institutions:{r['name_en']}")
        assert r["type"] == "ORG" and r["sector"] in SECTORS
    for r in load("actor_phrases.jsonl"):
        check_forms(r["forms"], f"actor_phrases:{r['title_en']}")
        assert r["code"] in VALID_CODES and (r["sector"] is None or r["sector"] in SECTORS)
    for r in load("demonym_groups.jsonl"):
        check_forms(r["forms"], f"demonym_groups:{r['name_en']}")
        assert r["code"] is None or r["code"] in VALID_CODES
    forms = [r["form"] for r in load("ambiguous.jsonl")]
    assert len(forms) == len(set(forms))
    check_forms(forms, "ambiguous")


def _all_forms() -> dict[str, set[str]]:
    """Normalised form -> labels of every entity file that lists it (nisbas excluded)."""
    idx: dict[str, set[str]] = {}

    def add(forms: list[str], label: str) -> None:
        for f in forms:
            idx.setdefault(normalize(f), set()).add(label)

    for r in load("countries.jsonl"):
        add(r["forms"], f"country:{r['code']}")
    for r in load("cities.jsonl"):
        add(r["forms"], f"city:{r['name_en']}")
    for name in ("regions", "orgs", "igos"):
        for r in load(f"{name}.jsonl"):
            add(r["forms"], f"{name}:{r['name_en']}")
    for r in load("people.jsonl"):
        add(r["forms"], f"people:{r['key']}")
    return idx


def test_cross_file_collisions_are_declared() -> None:
    """A full form naming two different entities must be listed in ambiguous.jsonl."""
    declared = {normalize(r["form"]) for r in load("ambiguous.jsonl")}
    clashes = []
    for k, labels in _all_forms().items():
        # a country and a city sharing a form is the city-state case (سنغافورة) or the
        # capital named like its country, both intended
        if len(labels) > 1 and k not in declared and not all(
                x.startswith(("country:", "city:")) for x in labels):
            clashes.append((k, sorted(labels)))
    assert not clashes, clashes[:20]


@pytest.mark.parametrize("path", [str(Path(__file__).resolve().parents[2].parent / "shared" / "gold" / "dev.jsonl")])
def test_gold_entity_coverage(path: str) -> None:
    """Most gold GPE/ORG/PER forms are listed (measures recall of the lists, not tuned to it)."""
    gold = Path(path)
    if not gold.exists():
        pytest.skip("shared gold not available")
    idx = _all_forms()
    for r in load("people.jsonl"):
        for f in r["short"]:
            idx.setdefault(normalize(f), set()).add("short")
    for name in ("institutions", "roles", "actor_phrases"):
        for r in load(f"{name}.jsonl"):
            for f in r["forms"]:
                idx.setdefault(normalize(f), set()).add(name)
    hit = total = 0
    for line in gold.read_text(encoding="utf-8").splitlines():
        for e in json.loads(line)["entities"]:
            total += 1
            k = normalize(e["text"])
            k = "ال" + k[2:] if k.startswith("لل") else k
            hit += k in idx
    assert total and hit / total >= 0.7, (hit, total)
