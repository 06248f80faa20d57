"""Gazetteer loading: JSONL lists of names -> one Aho-Corasick automaton, built once per process.

Every file in `rasid/data/gazetteer/` is optional (a missing one is skipped). Each name form is
stored in its normalised matching form (`rasid.text.normalize.normalize`) together with what
it is (`Pattern.how`): an entity name (`form`), a person's short name (`short`), an IGO's
anaphor (`anaphor`, `الحلف`), a nationality adjective (`nisba`) or a role noun (`role`).
Names that start with ال are also stored without the alef (`لاتحاد الاوروبي`) so that ل fused
with the article (`للاتحاد الأوروبي`) is found (`Pattern.fused`).
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import ahocorasick
import orjson

from rasid.text.normalize import normalize

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "gazetteer"

# File name -> entry kind. Order is priority when two kinds list the same form
# (`جورجيا` the country beats `Georgia` the US state; an IGO beats an org of the same name).
FILES: tuple[tuple[str, str], ...] = (
    ("countries.jsonl", "country"),
    ("igos.jsonl", "igo"),
    ("orgs.jsonl", "org"),
    ("regions.jsonl", "region"),
    ("cities.jsonl", "city"),
    ("people.jsonl", "person"),
    ("institutions.jsonl", "inst"),
    ("roles.jsonl", "role"),
    ("actor_phrases.jsonl", "role"),  # role phrases with a fixed code (`قوات الاحتلال` -> ISR:MIL)
    ("demonym_groups.jsonl", "demonym"),  # peoples without a state (`الأكراد`): adjectives, no code
)
KIND_RANK: dict[str, int] = {k: i for i, (_, k) in enumerate(FILES)}
KIND_RANK["capital"] = KIND_RANK["city"]
# Which reading of a pattern string comes first: a name form before an institution, a role …
HOW_RANK: dict[str, int] = {"form": 0, "inst": 1, "role": 2, "nisba": 3, "short": 4, "anaphor": 5}


@dataclass
class Entry:
    """One gazetteer record: a country, city, region, IGO, organisation, person or role noun."""

    idx: int
    kind: str
    type: str | None
    name_en: str | None
    code: str | None
    sector: str | None
    key: str
    forms: list[str] = field(default_factory=list)
    short: list[str] = field(default_factory=list)
    roles: list[dict[str, Any]] = field(default_factory=list)
    population: int = 0
    raw: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass(frozen=True)
class Pattern:
    """What one normalised string means: which entry, and as what (form, short, nisba …)."""

    entry: int
    how: str  # form | short | anaphor | nisba | role
    fused: bool = False  # stored without the alef of ال, valid only right after ل


@dataclass
class Gazetteer:
    """All entries, the pattern table and the automaton over normalised patterns."""

    entries: list[Entry]
    patterns: dict[str, list[Pattern]]
    # pattern string -> (string, length, readings valid after a plain proclitic run, all readings
    # (valid after a fused `ل`)), both in priority order: what the matcher needs per hit
    automaton: Any
    load_seconds: float = 0.0
    files: list[str] = field(default_factory=list)
    # normalised forms that are also ordinary words (`الحدث` the event, `العربية` Arabic)
    word_readings: frozenset[str] = frozenset()
    # normalised form -> the entries it can name (ambiguous.jsonl: `حزب العمال` -> Labour, PKK …)
    readings: dict[str, list[int]] = field(default_factory=dict)

    def lookup(self, norm: str) -> list[Pattern]:
        """Patterns stored for an exact normalised string (empty list if none)."""
        return self.patterns.get(norm, [])

    def is_known(self, norm: str) -> bool:
        """True when a normalised word is a name form, nisba or role noun."""
        return norm in self.patterns


_LOCK = threading.Lock()
_CACHE: dict[str, Gazetteer] = {}


def get_gazetteer(data_dir: Path | None = None) -> Gazetteer:
    """The process-wide gazetteer for `data_dir` (default: the packaged one), built on first use."""
    d = Path(data_dir) if data_dir else DATA_DIR
    key = str(d)
    gz = _CACHE.get(key)
    if gz is None:
        with _LOCK:
            gz = _CACHE.get(key)
            if gz is None:
                gz = build_gazetteer(d)
                _CACHE[key] = gz
    return gz


def reset_cache() -> None:
    """Forget built gazetteers (tests, or after the data files changed)."""
    with _LOCK:
        _CACHE.clear()


def _read_jsonl(path: Path) -> Iterable[dict[str, Any]]:
    """Records of a JSONL file; unreadable lines are logged and skipped."""
    with path.open("rb") as fh:
        for n, line in enumerate(fh, 1):
            line = line.strip()
            if not line:
                continue
            try:
                rec = orjson.loads(line)
            except orjson.JSONDecodeError:
                log.warning("%s:%d: not JSON, skipped", path.name, n)
                continue
            if isinstance(rec, dict):
                yield rec


def _entity_type(kind: str, rec: dict[str, Any]) -> str | None:
    """The entity type an entry's forms get (role nouns have none)."""
    if kind in ("role", "demonym"):
        return None
    if kind == "inst":
        return "ORG"
    if kind in ("country", "city"):
        return rec.get("type") or "GPE"
    if kind in ("igo", "org"):
        return rec.get("type") or "ORG"
    if kind == "person":
        return "PER"
    return rec.get("type") or "LOC"


def build_gazetteer(data_dir: Path) -> Gazetteer:
    """Read every JSONL file present in `data_dir` and build the pattern automaton."""
    t0 = time.perf_counter()
    entries: list[Entry] = []
    patterns: dict[str, list[Pattern]] = {}
    files: list[str] = []
    ambiguous = _read_ambiguous(data_dir / "ambiguous.jsonl")

    def add(form: str, entry: int, how: str) -> None:
        norm = normalize(form).strip()
        if len(norm) < 2:
            return
        _add_pattern(patterns, norm, Pattern(entry, how))
        if norm.startswith("ال") and len(norm) > 4:
            _add_pattern(patterns, norm[1:], Pattern(entry, how, fused=True))

    for fname, kind in FILES:
        path = data_dir / fname
        if not path.exists():
            continue
        files.append(fname)
        for n, rec in enumerate(_read_jsonl(path)):
            forms = [f for f in rec.get("forms") or [] if isinstance(f, str)]
            entry = Entry(
                idx=len(entries), kind=kind, type=_entity_type(kind, rec),
                name_en=rec.get("name_en") or rec.get("title_en"),
                code=rec.get("code"), sector=rec.get("sector"),
                key=str(rec.get("key") or f"{kind}:{rec.get('code') or ''}:{rec.get('name_en') or rec.get('title_en') or n}"),
                forms=forms, short=[s for s in rec.get("short") or [] if isinstance(s, str)],
                roles=[r for r in rec.get("roles") or [] if isinstance(r, dict)],
                population=int(rec.get("population") or 0), raw=rec)
            entries.append(entry)
            how = {"role": "role", "inst": "inst", "demonym": "nisba"}.get(kind, "form")
            for f in forms:
                add(f, entry.idx, how)
                if kind == "role" and normalize(f).startswith(("وزاره ", "وزارت")):
                    # a named ministry listed among role nouns is an institution (gold guide)
                    _ministry(entries, entry, f, add)
            for f in entry.short:
                add(f, entry.idx, "short")
            for f in rec.get("anaphor_forms") or []:
                add(f, entry.idx, "anaphor")
            if kind == "country":
                for f in rec.get("nisba") or []:
                    add(f, entry.idx, "nisba")
                caps = [c for c in rec.get("capital_forms") or [] if isinstance(c, str)]
                if caps:
                    cap = Entry(idx=len(entries), kind="capital", type="GPE", name_en=rec.get("capital_en"),
                                code=entry.code, sector=None, key=f"capital:{entry.code}", forms=caps)
                    entries.append(cap)
                    for f in caps:
                        add(f, cap.idx, "form")

    _add_builtins(entries, patterns, add)
    automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY, ahocorasick.KEY_STRING)
    for norm, pats in patterns.items():
        # a stable sort of the whole list, filtered, gives the order the filtered list would sort to
        ranked = sorted(pats, key=lambda p: (HOW_RANK.get(p.how, 9), KIND_RANK.get(entries[p.entry].kind, 9)))
        automaton.add_word(norm, (norm, len(norm), [p for p in ranked if not p.fused], ranked))
    if patterns:
        automaton.make_automaton()
    gz = Gazetteer(entries=entries, patterns=patterns, automaton=automaton,
                   load_seconds=time.perf_counter() - t0, files=files, word_readings=ambiguous,
                   readings=_entity_readings(data_dir / "ambiguous.jsonl", entries))
    if not files:
        log.warning("no gazetteer files in %s: entity matching finds nothing", data_dir)
    return gz


def _read_ambiguous(path: Path) -> frozenset[str]:
    """Forms that ambiguous.jsonl says can be ordinary words (a `word:` reading)."""
    if not path.exists():
        return frozenset()
    out = set()
    for rec in _read_jsonl(path):
        if any(str(r).startswith("word:") for r in rec.get("readings") or []) and rec.get("form"):
            out.add(normalize(rec["form"]).strip())
    return frozenset(out)


_READING_KIND = {"orgs": "org", "cities": "city", "countries": "country", "regions": "region",
                 "people": "person", "igos": "igo"}


def _entity_readings(path: Path, entries: list[Entry]) -> dict[str, list[int]]:
    """For each ambiguous form naming two or more entries (`orgs:Labour Party (UK)|orgs:…`),
    the entry indices in the order listed (the first is the default)."""
    if not path.exists():
        return {}
    by_name: dict[tuple[str, str], int] = {}
    for e in entries:
        by_name.setdefault((e.kind, (e.name_en or "").lower()), e.idx)
        by_name.setdefault((e.kind, e.key.lower()), e.idx)
    out: dict[str, list[int]] = {}
    for rec in _read_jsonl(path):
        idxs: list[int] = []
        for r in rec.get("readings") or []:
            f, _, name = str(r).partition(":")
            kind = _READING_KIND.get(f)
            i = by_name.get((kind or "", name.strip().lower())) if kind else None
            if i is not None and i not in idxs:
                idxs.append(i)
        if len(idxs) >= 2 and rec.get("form"):
            out[normalize(rec["form"]).strip()] = idxs
    return out


def _ministry(entries: list[Entry], role: Entry, form: str, add: Any) -> None:
    """An institution entry for a ministry named among the role nouns (`وزارة الخارجية`)."""
    title = role.name_en or "ministry"
    e = Entry(idx=len(entries), kind="inst", type="ORG", name_en=title[:1].upper() + title[1:],
              code=role.code, sector=role.sector or "GOV", key=f"inst:{title}", forms=[form],
              raw={"ministry_named": True})
    entries.append(e)
    add(form, e.idx, "inst")


def _add_builtins(entries: list[Entry], patterns: dict[str, list[Pattern]], add: Any) -> None:
    """Generic role nouns and state institutions from `roles.py`, where the data lacks them."""
    from rasid.entities.roles import BUILTIN_ROLES, INSTITUTIONS, MINISTRY_HEADS

    for form, title, sector in BUILTIN_ROLES:
        norm = normalize(form).strip()
        if any(p.how == "role" for p in patterns.get(norm, [])):
            continue
        e = Entry(idx=len(entries), kind="role", type=None, name_en=title, code=None, sector=sector,
                  key=f"role:{title}", forms=[form], raw={"coalition": title == "coalition"})
        entries.append(e)
        add(form, e.idx, "role")
    for form, name, sector, needs in INSTITUTIONS:
        if any(p.how == "inst" for p in patterns.get(normalize(form).strip(), [])):
            continue
        e = Entry(idx=len(entries), kind="inst", type="ORG", name_en=name, code=None, sector=sector,
                  key=f"inst:{name}", forms=[form], raw={"needs_nationality": needs})
        entries.append(e)
        add(form, e.idx, "inst")
    for form in MINISTRY_HEADS:
        e = Entry(idx=len(entries), kind="inst", type="ORG", name_en="Ministry", code=None, sector="GOV",
                  key="inst:ministry", forms=[form], raw={"ministry": True})
        entries.append(e)
        add(form, e.idx, "inst")


def _add_pattern(patterns: dict[str, list[Pattern]], norm: str, pat: Pattern) -> None:
    """Add a pattern meaning, once."""
    lst = patterns.setdefault(norm, [])
    if pat not in lst:
        lst.append(pat)
