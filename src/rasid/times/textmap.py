"""Length-preserving-where-possible folding of Arabic text for the time tagger.

The tagger's patterns are written against a folded form: alef forms -> ا, ى -> ي, ة -> ه,
ؤ -> و, ئ -> ي, Arabic-Indic/Persian digits -> ASCII; diacritics, tatweel and invisible marks
are deleted. This mirrors `rasid.text.normalize` but keeps whitespace as is and uses
`str.translate`, so it costs microseconds; when nothing is deleted the offsets are identical
to the original and no map is built at all.
"""

from __future__ import annotations

import bisect
import re

_FOLD: dict[int, int | None] = {}
for _src, _dst in {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ک": "ك",
                   "ة": "ه", "ؤ": "و", "ئ": "ي", "ـ": None}.items():
    _FOLD[ord(_src)] = ord(_dst) if _dst else None
for _i, _d in enumerate("٠١٢٣٤٥٦٧٨٩"):
    _FOLD[ord(_d)] = ord(str(_i))
for _i, _d in enumerate("۰۱۲۳۴۵۶۷۸۹"):
    _FOLD[ord(_d)] = ord(str(_i))
_DELETED = set(range(0x0610, 0x061B)) | set(range(0x064B, 0x0660)) | {0x0670} | set(range(0x06D6, 0x06EE))
_DELETED |= {ord(c) for c in "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
             "\u2066\u2067\u2068\u2069\ufeff\u00ad\u0640"}
for _c in _DELETED:
    _FOLD[_c] = None

_DELETED_CHARS = frozenset(chr(c) for c in _DELETED)
_ANY_DELETED = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_DELETED)) + "]")


# (source, target) pairs for the fast path: `str.replace` runs in C at memchr speed, while
# `str.translate` on non-ASCII text does a dict lookup per character (5-10x slower here).
_PAIRS: tuple[tuple[str, str], ...] = tuple(
    (chr(k), chr(v)) for k, v in _FOLD.items() if v is not None)


def fold(text: str) -> str:
    """Folded matching form of `text` (see module docstring)."""
    if _ANY_DELETED.search(text):
        return text.translate(_FOLD)
    for a, b in _PAIRS:
        if a in text:
            text = text.replace(a, b)
    return text


class FoldedText:
    """A folded text with a map from folded offsets back to offsets in the original."""

    __slots__ = ("original", "folded", "_idx")

    def __init__(self, original: str) -> None:
        self.original = original
        # Only build the index map when folding deletes characters (diacritics are rare in news).
        if not _ANY_DELETED.search(original):
            self._idx: list[int] | None = None
            self.folded = fold(original)
        else:
            # Folded offset k maps to k + (number of deleted chars before it); keep, for each
            # deleted char, its would-be folded offset and map with bisect.
            gaps = [m.start() for m in _ANY_DELETED.finditer(original)]
            self._idx = [d - j for j, d in enumerate(gaps)]
            self.folded = fold(_ANY_DELETED.sub("", original))

    def _orig(self, k: int) -> int:
        """Original offset of folded offset `k`."""
        assert self._idx is not None
        return k + bisect.bisect_right(self._idx, k)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) for a folded (start, end) span."""
        if self._idx is None:
            return start, end
        if end <= start:
            s = self._orig(start)
            return s, s
        e = self._orig(end - 1) + 1
        # Take trailing marks (tanween of `غداً`, tatweel of `هـ`) into the span.
        while e < len(self.original) and self.original[e] in _DELETED_CHARS:
            e += 1
        return self._orig(start), e
