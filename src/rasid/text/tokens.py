"""Word tokenisation with offsets, and the Arabic clitic split (و ف ب ل ك + ال).

`tokenize` gives surface words and punctuation marks (the unit NER corpora tag); with
`clitics=True` it also splits proclitics off into their own tokens (`وبروكسل` -> `و` +
`بروكسل`, `للاتحاد` -> `ل` + `لاتحاد`), where the split is safe: before the article ال,
or when a caller-supplied `known` predicate recognises the rest as a word.
"""

from __future__ import annotations

import re
from typing import Callable, NamedTuple

# Arabic letters, marks and digits; not the Arabic comma, semicolon, question mark or
# percent sign, which are punctuation tokens of their own.
_AR = "\u0610-\u061a\u0620-\u065f\u0660-\u0669\u066e-\u06d3\u06d5-\u06ff\u0750-\u077f"
# (No `\w` or `_AR` character is one of those punctuation marks, so a plain class is enough:
# checked over every code point; a lookahead per character made tokenising 2x slower.)
_WORD = re.compile(rf"[\w{_AR}]+(?:[-'][\w{_AR}]+)*|[^\w\s]|[\u060c\u061b\u061f\u066a-\u066d]")

# Proclitic sequences in the order Arabic stacks them: conjunction (و ف), then one
# preposition or particle (ب ل ك). `لل` is ل fused with ال.
_CONJ = "وف"
_PREP = "بلك"
_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u0640]")
# Every proclitic run (conjunction, then preposition), longest first and otherwise in the
# order conjunction-major: the order `split_clitics` tries them in.
_RUNS: tuple[str, ...] = tuple(sorted((c + p for c in ("", *_CONJ) for p in ("", *_PREP) if c + p),
                                      key=len, reverse=True))
_FIRST = frozenset(_CONJ + _PREP)


class Token(NamedTuple):
    """A surface token and its offsets in the text (a named tuple: hundreds are made per
    article, and a tuple is several times cheaper to build than a frozen dataclass)."""

    start: int
    end: int
    text: str


def tokenize(text: str, offset: int = 0, clitics: bool = False,
             known: Callable[[str], bool] | None = None) -> list[Token]:
    """Words and punctuation marks of `text`, with offsets shifted by `offset`.

    With `clitics=True` proclitics become tokens of their own (see `split_clitics`).
    """
    if not clitics:
        return [Token(m.start() + offset, m.end() + offset, m.group()) for m in _WORD.finditer(text)]
    out: list[Token] = []
    for m in _WORD.finditer(text):
        start = m.start() + offset
        word = m.group()
        if not clitics:
            out.append(Token(start, start + len(word), word))
            continue
        pre = split_clitics(word, known)
        pos = 0
        while pos < len(pre):
            end = pos + 1
            while end < len(pre) and _DIACRITICS.match(pre[end]):  # a clitic's own vowel
                end += 1
            out.append(Token(start + pos, start + end, word[pos:end]))
            pos = end
        out.append(Token(start + pos, start + len(word), word[pos:]))
    return out


def split_clitics(word: str, known: Callable[[str], bool] | None = None) -> str:
    """The proclitic letters at the start of `word` (possibly ""), split conservatively.

    A clitic run is split when what follows starts with ال (`وبالاتحاد`, `فالحكومة`), when
    ل fuses with ال (`للاتحاد` -> `ل`), or when `known(rest)` says the rest is a word
    (`وبروكسل`, `لروسيا`). Words that merely begin with these letters (`فرنسا`, `بريطانيا`,
    `ليبيا`, `وزير`) stay whole unless `known` vouches for the remainder.
    """
    w = _DIACRITICS.sub("", word)
    if len(w) < 3 or w[0] not in _FIRST:
        return ""
    # Longest clitic run first: `وبال…` is و + ب before ال.
    for pre in _RUNS:
        if not w.startswith(pre):
            continue
        rest = w[len(pre):]
        if len(rest) < 2:
            continue
        if rest.startswith("ال") and len(rest) > 3:
            return _surface_prefix(word, len(pre))
        if pre.endswith("ل") and rest.startswith("ل") and len(rest) > 3 and pre[:-1] in ("", *_CONJ):
            # `للاتحاد`, `وللحكومة`: ل + (ا)ل, the alef of the article elided
            return _surface_prefix(word, len(pre))
        if known is not None and len(rest) >= 3 and known(rest):
            return _surface_prefix(word, len(pre))
    return ""


def _surface_prefix(word: str, n_letters: int) -> str:
    """The first `n_letters` base letters of `word` as written (diacritics included)."""
    if _DIACRITICS.search(word) is None:
        return word[:n_letters]  # every character is a base letter
    out: list[str] = []
    count = 0
    for ch in word:
        if count == n_letters and not _DIACRITICS.match(ch):
            break
        out.append(ch)
        if not _DIACRITICS.match(ch):
            count += 1
    return "".join(out)
