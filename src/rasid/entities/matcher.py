"""Gazetteer matching over normalised text: clitic-aware word boundaries, longest match wins."""

from __future__ import annotations

from dataclasses import dataclass

from rasid.entities.gazetteer import KIND_RANK, Gazetteer, Pattern
from rasid.text.normalize import normalize_with_map

# Proclitic runs allowed before a name: conjunction, then preposition (`وب`, `فل`, `وك`).
PREFIXES: frozenset[str] = frozenset(
    {"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"})
# Before a pattern stored without the alef of ال (fused `لل`): the ل itself, maybe و/ف first.
FUSED_PREFIXES: frozenset[str] = frozenset({"ل", "ول", "فل"})
_ALL_PREFIXES: frozenset[str] = PREFIXES | FUSED_PREFIXES
assert FUSED_PREFIXES <= PREFIXES  # `find_matches` relies on it
HOW_RANK: dict[str, int] = {"form": 0, "inst": 1, "role": 2, "nisba": 3, "short": 4, "anaphor": 5}


def is_letter(ch: str) -> bool:
    """True for characters that continue a word (letters and digits)."""
    return ch.isalnum()


def _in_hashtag(norm: str, ws: int) -> bool:
    """True when the word starting at `ws` belongs to a hashtag (`#تيار_المستقبل`)."""
    i = ws
    while i > 0 and (is_letter(norm[i - 1]) or norm[i - 1] == "_"):
        i -= 1
    return i > 0 and norm[i - 1] == "#"


@dataclass
class Match:
    """One accepted pattern occurrence.

    `nstart`/`nend` index the normalised text (the name without its clitics); `start`/`end`
    are the original offsets of the entity surface (fused `لل` included), `wstart` where the
    word including its clitics begins.
    """

    nstart: int
    nend: int
    start: int
    end: int
    wstart: int
    prefix: str
    norm: str
    pats: list[Pattern]

    def __post_init__(self) -> None:
        # read hundreds of times per article: a plain attribute, not a property
        self.first: Pattern = self.pats[0]

    def keep(self, pats: list[Pattern]) -> None:
        """Narrow the readings to `pats` (highest priority first)."""
        self.pats = pats
        self.first = pats[0]


@dataclass
class Normalised:
    """The normalised text of an article and the map back to original offsets."""

    text: str
    norm: str
    idx: list[int]

    @classmethod
    def of(cls, text: str) -> "Normalised":
        """Normalise `text` keeping the offset map."""
        norm, idx = normalize_with_map(text)
        return cls(text=text, norm=norm, idx=idx)

    def span(self, nstart: int, nend: int) -> tuple[int, int]:
        """Original (start, end) of the normalised range [nstart, nend)."""
        return self.idx[nstart], self.idx[nend - 1] + 1


def _readings(gz: Gazetteer) -> dict[str, tuple[int, list[Pattern], list[Pattern]]]:
    """Per pattern string: its length, its readings valid after a plain proclitic run and those
    valid after a fused `ل` run, each in priority order; built once per gazetteer (a stable sort
    of the whole list, filtered, gives the order the filtered list would sort to)."""
    table = getattr(gz, "_match_readings", None)
    if table is None:
        entries = gz.entries
        table = {}
        for pat_str, pats in gz.patterns.items():
            ranked = sorted(pats, key=lambda p: (HOW_RANK.get(p.how, 9), KIND_RANK.get(entries[p.entry].kind, 9)))
            table[pat_str] = (len(pat_str), [p for p in ranked if not p.fused], ranked)
        gz._match_readings = table  # type: ignore[attr-defined]
    return table


def find_matches(gz: Gazetteer, nt: Normalised, hows: frozenset[str] | None = None) -> list[Match]:
    """All non-overlapping gazetteer matches in `nt`, longest first, in text order."""
    norm = nt.norm
    n = len(norm)
    hashtags = "#" in norm
    allowed = _ALL_PREFIXES
    fused_ok = FUSED_PREFIXES  # every fused prefix is also a plain one: all readings valid
    table = _readings(gz)
    cands: list[tuple] = []
    for end_i, pat_str in gz.automaton.iter(norm):
        nend = end_i + 1
        if nend < n and norm[nend].isalnum():
            continue  # the name runs on into a longer word
        plen, plain, both = table[pat_str]
        nstart = nend - plen
        # the word may start at most two letters (a proclitic run) before the name
        if nstart == 0 or not norm[nstart - 1].isalnum():
            ws = nstart
        elif nstart == 1 or not norm[nstart - 2].isalnum():
            ws = nstart - 1
        elif nstart == 2 or not norm[nstart - 3].isalnum():
            ws = nstart - 2
        else:
            continue  # inside a longer word
        prefix = norm[ws:nstart]
        if prefix not in allowed:
            continue  # inside a longer word
        if hashtags and _in_hashtag(norm, ws):
            continue  # hashtags are not annotated (gold guide)
        ok = both if prefix in fused_ok else plain
        if hows is not None:
            ok = [p for p in ok if p.how in hows]
        if not ok:
            continue
        # Longer names first; among equals, the one with fewer clitics stripped.
        cands.append((-plen, len(prefix), nstart, ws, prefix, pat_str, ok))
    cands.sort(key=lambda c: c[:3])
    taken = bytearray(n + 1)  # 1 where an accepted match already sits
    out: list[Match] = []
    idx = nt.idx
    for _, _, nstart, ws, prefix, pat_str, ok in cands:
        nend = nstart + len(pat_str)
        if taken.find(1, nstart, nend) != -1:
            continue
        taken[nstart:nend] = b"\x01" * (nend - nstart)
        # The surface keeps a fused ل (`للاتحاد`): the guide records that form as it stands.
        fused = ok[0].fused
        start, end = idx[nstart - 1 if fused else nstart], idx[nend - 1] + 1
        out.append(Match(nstart=nstart, nend=nend, start=start, end=end, wstart=idx[ws],
                         prefix=prefix[:-1] if fused else prefix, norm=pat_str, pats=list(ok)))
    out.sort(key=lambda m: m.nstart)
    return out
