"""Gazetteer matching over normalised text: clitic-aware word boundaries, longest match wins."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rasid.entities.gazetteer import Gazetteer, Pattern
from rasid.text.normalize import normalize_with_map

# Proclitic runs allowed before a name: conjunction, then preposition (`وب`, `فل`, `وك`).
PREFIXES: frozenset[str] = frozenset(
    {"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"})
# Before a pattern stored without the alef of ال (fused `لل`): the ل itself, maybe و/ف first.
FUSED_PREFIXES: frozenset[str] = frozenset({"ل", "ول", "فل"})
_ALL_PREFIXES: frozenset[str] = PREFIXES | FUSED_PREFIXES
assert FUSED_PREFIXES <= PREFIXES  # `find_matches` relies on it


def is_letter(ch: str) -> bool:
    """True for characters that continue a word (letters and digits)."""
    return ch.isalnum()


def _in_hashtag(norm: str, ws: int) -> bool:
    """True when the word starting at `ws` belongs to a hashtag (`#تيار_المستقبل`)."""
    i = ws
    while i > 0 and (is_letter(norm[i - 1]) or norm[i - 1] == "_"):
        i -= 1
    return i > 0 and norm[i - 1] == "#"


class Match:
    """One accepted pattern occurrence.

    `nstart`/`nend` index the normalised text (the name without its clitics); `start`/`end`
    are the original offsets of the entity surface (fused `لل` included), `wstart` where the
    word including its clitics begins. A plain slotted class: dozens are made per article and
    their attributes are read hundreds of times.
    """

    __slots__ = ("nstart", "nend", "start", "end", "wstart", "prefix", "norm", "pats", "first", "_i")

    def __init__(self, nstart: int, nend: int, start: int, end: int, wstart: int, prefix: str,
                 norm: str, pats: list[Pattern]) -> None:
        self.nstart, self.nend, self.start, self.end, self.wstart = nstart, nend, start, end, wstart
        self.prefix, self.norm, self.pats = prefix, norm, pats
        self.first: Pattern = pats[0]
        self._i = -1  # position among the article's matches (set by the entities stage)

    def __repr__(self) -> str:
        return (f"Match(nstart={self.nstart}, nend={self.nend}, start={self.start}, end={self.end}, "
                f"prefix={self.prefix!r}, norm={self.norm!r}, how={self.first.how!r})")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Match):
            return NotImplemented
        return all(getattr(self, k) == getattr(other, k) for k in self.__slots__[:8])

    __hash__ = None  # type: ignore[assignment]  # mutable, compared by value (as the dataclass was)

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


def _readings(gz: Gazetteer) -> Any:
    """The gazetteer's automaton; each hit carries (string, length, readings valid after a plain
    proclitic run, readings valid after a fused `ل` run), in priority order (built with it)."""
    return gz.automaton


def find_matches(gz: Gazetteer, nt: Normalised, hows: frozenset[str] | None = None) -> list[Match]:
    """All non-overlapping gazetteer matches in `nt`, longest first, in text order."""
    norm = nt.norm
    n = len(norm)
    if not n or not gz.patterns:
        return []
    hashtags = "#" in norm
    allowed = _ALL_PREFIXES
    fused_ok = FUSED_PREFIXES  # every fused prefix is also a plain one: all readings valid
    isalnum = str.isalnum
    cands: list[tuple] = []
    for end_i, (pat_str, plen, plain, both) in _readings(gz).iter(norm):
        nend = end_i + 1
        if nend < n and isalnum(norm[nend]):
            continue  # the name runs on into a longer word
        nstart = nend - plen
        # the word may start at most two letters (a proclitic run) before the name
        if nstart == 0 or not isalnum(norm[nstart - 1]):
            ws = nstart
        elif nstart == 1 or not isalnum(norm[nstart - 2]):
            ws = nstart - 1
        elif nstart == 2 or not isalnum(norm[nstart - 3]):
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
        # Longer names first; among equals, the one with fewer clitics stripped. The first
        # three fields never tie (one hit per pattern and end), so the tuples sort as keys.
        cands.append((-plen, len(prefix), nstart, ws, prefix, pat_str, ok))
    cands.sort()
    taken = bytearray(n + 1)  # 1 where an accepted match already sits
    kept: list[tuple] = []
    for _, _, nstart, ws, prefix, pat_str, ok in cands:
        nend = nstart + len(pat_str)
        if taken.find(1, nstart, nend) != -1:
            continue
        taken[nstart:nend] = b"\x01" * (nend - nstart)
        kept.append((nstart, nend, ws, prefix, pat_str, ok))
    # accepted matches never overlap and are never empty: their starts differ, so the tuples
    # sort by start alone (no key function)
    kept.sort()
    out: list[Match] = []
    idx = nt.idx
    for nstart, nend, ws, prefix, pat_str, ok in kept:
        # The surface keeps a fused ل (`للاتحاد`): the guide records that form as it stands.
        fused = ok[0].fused
        start, end = idx[nstart - 1 if fused else nstart], idx[nend - 1] + 1
        out.append(Match(nstart, nend, start, end, idx[ws], prefix[:-1] if fused else prefix, pat_str,
                         list(ok)))
    return out
