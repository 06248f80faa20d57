"""Name variants and in-article coreference.

- A transliteration variant not in the list (`ستولتنبيرغ`, `جوتيريس`) resolves to the person
  through a folding key (`rasid.text.normalize.fold_name`) and a rapidfuzz check.
- A short name (`بوريل`) counts when the person is named in full in the article, or on its
  own when it is long, belongs to one person only and is no ordinary word.
- A surname of a CRF-found person repeated alone (`كافانو` after `بريت كافانو`) is the
  same person, and mentions of one person share a code.
"""

from __future__ import annotations

from rapidfuzz import fuzz, process

from rasid.article import Entity
from rasid.entities.actors import code_for
from rasid.entities.gazetteer import Entry, Gazetteer
from rasid.text.normalize import fold_name, normalize

FUZZ_FULL = 88  # rapidfuzz ratio on folded full names
FUZZ_SHORT = 90  # on folded single names: stricter, they are short
FUZZ_FIRST = 75  # on the folded given names of two full names


class _Index:
    """Folded person names -> entries, built once per gazetteer."""

    def __init__(self, gz: Gazetteer) -> None:
        self.full: dict[str, list[int]] = {}
        self.short: dict[str, list[int]] = {}
        self.short_count: dict[str, int] = {}
        for e in gz.entries:
            if e.kind != "person":
                continue
            for f in e.forms:
                k = fold_name(f)
                if k and e.idx not in self.full.setdefault(k, []):
                    self.full[k].append(e.idx)
            shorts = set(e.short)
            shorts.update(f.split()[-1] for f in e.forms if len(f.split()) >= 2)
            for s in shorts:
                k = fold_name(s)
                if len(k) >= 3 and e.idx not in self.short.setdefault(k, []):
                    self.short[k].append(e.idx)
            for s in e.short:
                n = normalize(s)
                self.short_count[n] = self.short_count.get(n, 0) + 1
        self.full_keys = list(self.full)
        self.full_cache: dict[str, int | None] = {}


def _index(gz: Gazetteer) -> _Index:
    """The variant index of `gz`, built on first use."""
    idx = getattr(gz, "_variant_index", None)
    if idx is None:
        idx = _Index(gz)
        gz._variant_index = idx  # type: ignore[attr-defined]
    return idx


def standalone_ok(norm: str, entry: Entry, gz: Gazetteer) -> bool:
    """True when a short name may stand for its person without the full name in the article."""
    from rasid.entities.crf import load_common

    if len(norm) < 5 or " " in norm and len(norm) < 7:
        return False
    if _index(gz).short_count.get(norm, 0) != 1:
        return False
    common = load_common()
    if not common:
        return False  # without a word list there is no telling a surname from a word
    return norm not in common and not any(p.how != "short" for p in gz.lookup(norm))


def lookup_variant(surface: str, gz: Gazetteer, allowed: set[int] | None = None) -> Entry | None:
    """The gazetteer person a (possibly unlisted) spelling of a name refers to, or None.

    Multi-word names match a folded full form exactly or by rapidfuzz ratio; a single word
    matches a folded surname of a person in `allowed` (people already in the article).
    """
    idx = _index(gz)
    k = fold_name(surface)
    if not k:
        return None
    words = k.split()
    if len(words) >= 2:
        # depends on the folded name only: remembered (unlisted names recur across articles)
        if k in idx.full_cache:
            hit = idx.full_cache[k]
            return None if hit is None else gz.entries[hit]
        hit = _full_variant(k, words, idx)
        if len(idx.full_cache) > 50_000:
            idx.full_cache.clear()
        idx.full_cache[k] = hit
        return None if hit is None else gz.entries[hit]
    if allowed is None:
        return None
    cands = [i for i in idx.short.get(k, []) if i in allowed] if len(k) >= 3 else []
    if len(cands) == 1:
        return gz.entries[cands[0]]
    if not cands:
        # `زيد` after `الأمير زيد بن رعد`: the given name of one person named in the article
        n = normalize(surface)
        firsts = [i for i in allowed if n in _given_names(gz.entries[i])]
        if len(firsts) == 1:
            return gz.entries[firsts[0]]
    if len(k) < 3:
        return None
    keys = {fold_name(s): i for i in allowed for s in _surnames(gz.entries[i])}
    if not keys or len(k) < 5:
        return None  # a short single name must match exactly
    best = process.extractOne(k, list(keys), scorer=fuzz.ratio, score_cutoff=FUZZ_SHORT - 10)
    if best is not None:
        return gz.entries[keys[best[0]]]
    return None


def _full_variant(k: str, words: list[str], idx: _Index) -> int | None:
    """Entry index of the one person whose folded full name is `k` or close to it."""
    hits = idx.full.get(k)
    if hits and len(hits) == 1:
        return hits[0]
    best = process.extractOne(k, idx.full_keys, scorer=fuzz.ratio, score_cutoff=FUZZ_FULL)
    if best is not None and len(idx.full[best[0]]) == 1:
        # the surnames must agree too: `محمد علي` is not `محمد عدي`; and the given names
        # (`جون ساليفان` is not `جيك سوليفان`: one edit in a short given name is another name)
        other = best[0].split()
        if (fuzz.ratio(words[-1], other[-1]) >= FUZZ_SHORT and fuzz.ratio(words[0], other[0]) >= FUZZ_FIRST
                and abs(len(words) - len(other)) <= 1):
            return idx.full[best[0]][0]
    return None


def _given_names(e: Entry) -> frozenset[str]:
    """Normalised first word of each multi-word form of a person, honorifics (`الأمير`)
    skipped; cached on the entry."""
    cached = e.raw.get("_given")
    if cached is not None:
        return cached
    from rasid.entities.crf import HONORIFICS

    out = set()
    for f in e.forms:
        words = [w for w in normalize(f).split() if w not in HONORIFICS]
        if len(words) >= 2 and len(words[0]) >= 3:
            out.add(words[0])
    e.raw["_given"] = frozenset(out)
    return e.raw["_given"]


def _surnames(e: Entry) -> list[str]:
    """A person's short names and the last word of each full form."""
    out = list(e.short)
    out += [f.split()[-1] for f in e.forms if len(f.split()) >= 2]
    return out


def resolve_variants(entities: list[Entity], gz: Gazetteer, published: str | None, nt: object) -> None:
    """Attach CRF person names to gazetteer people; add lone-surname repeats; share codes."""
    people_in_article = {gz_idx for gz_idx in (_entry_idx(gz, e) for e in entities if e.type == "PER")
                         if gz_idx is not None}
    for ent in entities:
        if ent.source != "crf" or ent.type != "PER":
            continue
        e = lookup_variant(ent.text, gz, people_in_article)
        if e is None:
            continue
        ent.name_en = e.name_en
        ent.key = e.key
        ent.code, ent.sector = code_for(e, published)
        people_in_article.add(e.idx)
    _repeat_surnames(entities, nt)
    _share_codes(entities)


def _entry_idx(gz: Gazetteer, ent: Entity) -> int | None:
    """Gazetteer index of an entity's person, via its key."""
    if not ent.key:
        return None
    keys = getattr(gz, "_key_to_idx", None)
    if keys is None:
        keys = {e.key: e.idx for e in gz.entries}
        gz._key_to_idx = keys  # type: ignore[attr-defined]
    return keys.get(ent.key)


def _repeat_surnames(entities: list[Entity], nt: object) -> None:
    """Lone repeats of the last word of multi-word CRF person names (`كافانو`)."""
    from rasid.entities.crf import load_common
    from rasid.entities.matcher import PREFIXES, is_letter

    common = load_common()
    text: str = nt.text  # type: ignore[attr-defined]
    norm: str = nt.norm  # type: ignore[attr-defined]
    spans = [(e.start, e.end) for e in entities]
    added: list[Entity] = []
    seen: set[str] = set()
    for ent in list(entities):
        if ent.type != "PER" or ent.source != "crf":
            continue
        words = normalize(ent.text).split()
        if len(words) < 2:
            continue
        last = words[-1]
        if len(last) < 4 or last in common or last in seen:
            continue
        seen.add(last)
        pos = norm.find(last)
        while pos >= 0:
            end = pos + len(last)
            ws = pos
            while ws > 0 and is_letter(norm[ws - 1]):
                ws -= 1
            if norm[ws:pos] in PREFIXES and (end >= len(norm) or not is_letter(norm[end])):
                start, stop = nt.span(pos, end)  # type: ignore[attr-defined]
                if not any(a < stop and start < b for a, b in spans):
                    added.append(Entity(start=start, end=stop, text=text[start:stop], type="PER",
                                        name_en=ent.name_en, code=ent.code, sector=ent.sector,
                                        source="coref", key=ent.key or "crf:" + normalize(ent.text)))
                    spans.append((start, stop))
            pos = norm.find(last, end)
    if added:
        for ent in entities:
            if ent.source == "crf" and ent.type == "PER" and not ent.key:
                ent.key = "crf:" + normalize(ent.text)
    entities.extend(added)


def _share_codes(entities: list[Entity]) -> None:
    """Mentions with one key share the first known code (a role phrase coded one of them)."""
    by_key: dict[str, tuple[str | None, str | None]] = {}
    for e in entities:
        if e.key and e.code and e.key not in by_key:
            by_key[e.key] = (e.code, e.sector)
    for e in entities:
        if e.key and not e.code and e.key in by_key:
            e.code, e.sector = by_key[e.key]
