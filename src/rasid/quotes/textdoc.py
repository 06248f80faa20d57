"""A normalised, tokenised view of a text with quotation-mark regions, keeping original offsets."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from rasid.text.normalize import _is_dropped, normalize_with_map
from rasid.text.sentences import split_sentences

_TOKEN = re.compile(r"\w+|[^\w\s]", re.UNICODE)

# Opening mark -> closing mark. `“` closes `„` but opens its own pair otherwise.
PAIRS: dict[str, str] = {"«": "»", "“": "”", "„": "“", "‘": "’", "‹": "›"}
OPENERS = set(PAIRS) | {'"', "'"}
CLOSERS = set(PAIRS.values()) | {'"', "'"}
ALL_MARKS = OPENERS | CLOSERS


@dataclass(frozen=True)
class Tok:
    """A token of the normalised text with its original offsets."""

    i: int
    text: str  # normalised
    s: int  # original start
    e: int  # original end


@dataclass
class Region:
    """A span inside quotation marks: `open`/`close` are the mark offsets (close may be end)."""

    open: int
    close: int

    @property
    def start(self) -> int:
        """First character of the quoted words."""
        return self.open + 1


def quote_regions(text: str) -> list[Region]:
    """Top-level quotation regions of `text`, per paragraph (an unclosed mark closes there)."""
    regions: list[Region] = []
    pos = 0
    for para in text.split("\n"):
        regions += _para_regions(para, pos)
        pos += len(para) + 1
    return regions


def _is_word(ch: str) -> bool:
    """True for a letter or digit."""
    return ch.isalnum()


def _para_regions(para: str, base: int) -> list[Region]:
    """Quotation regions of one paragraph, offsets shifted by `base`."""
    out: list[Region] = []
    stack: list[tuple[str, int]] = []  # (expected closer, open offset)
    for i, ch in enumerate(para):
        if stack and ch == stack[-1][0] and (ch != "'" or not _apostrophe(para, i)):
            closer, start = stack.pop()
            if not stack:
                out.append(Region(base + start, base + i))
            continue
        if ch in PAIRS:
            stack.append((PAIRS[ch], i))
        elif ch == '"':
            stack.append(('"', i))
        elif ch == "'" and not _apostrophe(para, i) and (i == 0 or not _is_word(para[i - 1])):
            stack.append(("'", i))
    if stack:
        start = stack[0][1]
        # An unclosed mark quotes to the paragraph's end only if something follows it.
        if para[start + 1:].strip():
            out.append(Region(base + start, base + len(para.rstrip())))
    return out


def _apostrophe(s: str, i: int) -> bool:
    """A ' between two letters is an apostrophe (O'Brien), not a quotation mark."""
    return 0 < i < len(s) - 1 and _is_word(s[i - 1]) and _is_word(s[i + 1])


def _merge_open_brackets(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a sentence that ends inside an open parenthesis to the next one: the full stop
    was an abbreviation's (`مكتب التحقيقات الاتحادي (إف.بي.آي) داهم …`)."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out:
            ps, pe = out[-1]
            seg = text[ps:pe]
            if seg.count("(") > seg.count(")") and "\n" not in text[pe:s]:
                out[-1] = (ps, e)
                continue
        out.append((s, e))
    return out


@dataclass
class TextDoc:
    """Tokens (normalised text, original offsets), sentences as token ranges, quote regions."""

    text: str
    sentences: list[tuple[int, int]] | None = None
    toks: list[Tok] = field(init=False)
    regions: list[Region] = field(init=False)
    sent_tok: list[tuple[int, int]] = field(init=False)

    def __post_init__(self) -> None:
        norm, idx = normalize_with_map(self.text)
        self.toks = []
        for m in _TOKEN.finditer(norm):
            s = idx[m.start()]
            e = idx[m.end() - 1] + 1
            while e < len(self.text) and _is_dropped(self.text[e]):
                e += 1  # keep a word's trailing marks (`لافتاً`) in its surface
            self.toks.append(Tok(len(self.toks), m.group(), s, e))
        self.regions = quote_regions(self.text)
        self._rstarts = [r.open for r in self.regions]
        spans = self.sentences if self.sentences is not None else split_sentences(self.text)
        spans = _merge_open_brackets(self.text, list(spans))
        starts = [t.s for t in self.toks]
        self._tstarts = starts
        self.sent_tok = []
        for s, e in spans:
            a = bisect_right(starts, s - 1)
            b = bisect_right(starts, e - 1)
            if b > a:
                self.sent_tok.append((a, b))
        self.sent_of = [0] * len(self.toks)
        for n, (a, b) in enumerate(self.sent_tok):
            for k in range(a, b):
                self.sent_of[k] = n

    def region_at(self, offset: int) -> Region | None:
        """The quote region whose content contains `offset` (marks excluded)."""
        n = bisect_right(self._rstarts, offset) - 1
        if n >= 0:
            r = self.regions[n]
            if r.open < offset < r.close:
                return r
        return None

    def region_opening(self, tok: Tok) -> Region | None:
        """The region whose opening mark is this token."""
        n = bisect_right(self._rstarts, tok.s) - 1
        if n >= 0 and self.regions[n].open == tok.s:
            return self.regions[n]
        return None

    def inside(self, tok: Tok) -> bool:
        """True when the token lies within quotation marks."""
        return self.region_at(tok.s) is not None

    def tok_after(self, offset: int) -> int:
        """Index of the first token starting at or after `offset`."""
        return bisect_right(self._tstarts, offset - 1)

    def quoted_share(self, start: int, end: int) -> float:
        """Share of non-space characters in [start, end) that lie inside quotation marks."""
        total = inside = 0
        for i in range(start, end):
            ch = self.text[i]
            if ch.isspace() or ch in ALL_MARKS:
                continue
            total += 1
            if self.region_at(i) is not None:
                inside += 1
        return inside / total if total else 0.0

    def surface(self, a: int, b: int) -> tuple[int, int, str]:
        """Original (start, end, text) spanned by tokens a..b-1."""
        s, e = self.toks[a].s, self.toks[b - 1].e
        return s, e, self.text[s:e]
