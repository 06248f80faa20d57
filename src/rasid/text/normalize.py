"""Arabic normalisation for matching, with a map back to original offsets.

The matching form folds what Arabic spelling varies on without changing meaning:
diacritics and tatweel removed, alef forms (أ إ آ ٱ) -> ا, alef maqsura ى -> ي,
ta marbuta ة -> ه, Persian ک/ی -> ك/ي, Arabic-Indic and Persian digits -> 0-9,
bidi and zero-width marks removed. Every normalised character keeps the index of the
original character it came from, so a match in normalised text maps back to a span.
"""

from __future__ import annotations

import re
from functools import lru_cache

DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u00ad"
TATWEEL = "\u0640"

_FOLD = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي", "ک": "ك", "ڪ": "ك",
    "ة": "ه", "ۀ": "ه", "ؤ": "و", "ئ": "ي",
}
for _i, _d in enumerate("٠١٢٣٤٥٦٧٨٩"):
    _FOLD[_d] = str(_i)
for _i, _d in enumerate("۰۱۲۳۴۵۶۷۸۹"):
    _FOLD[_d] = str(_i)

_DROP = set(INVISIBLE) | {TATWEEL}
_FOLD_TABLE = str.maketrans(_FOLD)
_FOLD_ITEMS = tuple(_FOLD.items())
# Characters that are not copied one-to-one: dropped marks, whitespace other than a lone
# space, and runs mixing the two (collapsed to one space).
_DROP_CLASS = re.escape("".join(sorted(_DROP))) + "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
# Whitespace other than the plain space (`str.isspace`), spelled out: a character class
# scans ~2x faster than the lookahead `(?! )\s` it replaces.
_OTHER_SPACE = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f"
                "\u205f\u3000")
# Same matches as `[\s<drop>]{2,}|[<drop><other space>]`, written to begin with a character
# class: the regex engine then skips ahead to candidate characters instead of trying both
# alternatives at every position (≈ 1.6x faster on news texts). One such character, then more
# (a run of two or more), or, when alone, it must be a dropped mark or non-space whitespace.
_SKIP = re.compile(f"[\\s{_DROP_CLASS}](?:[\\s{_DROP_CLASS}]+|(?<=[{_DROP_CLASS}{_OTHER_SPACE}]))")
# Any character `normalize_with_map` does not copy as it is (whitespace of any kind included).
_SPECIAL = re.compile(f"[\\s{_DROP_CLASS}]")
_DIGITS_ONLY = {k: v for k, v in _FOLD.items() if v.isdigit()}
_DIGIT_TABLE = str.maketrans(_DIGITS_ONLY)

CLITICS = "وفبلك"


def _is_dropped(ch: str) -> bool:
    """True for characters the matching form removes (marks, tatweel, invisibles)."""
    return ch in _DROP or bool(DIACRITICS.match(ch))


def normalize(text: str) -> str:
    """Matching form of `text` (see module docstring); whitespace runs collapse to one space."""
    if len(text) <= 48:
        return _normalize_short(text)  # words and short phrases repeat across calls
    return normalize_with_map(text)[0]


@lru_cache(maxsize=65536)
def _normalize_short(text: str) -> str:
    """`normalize` of a short string, memoised."""
    if _SPECIAL.search(text) is None:
        # nothing to drop or collapse (most words): `normalize_with_map` would copy the
        # text whole and fold it, so only the fold is done
        return text.translate(_FOLD_TABLE)
    return normalize_with_map(text)[0]


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """Matching form plus, for each of its characters, the index in `text` it came from."""
    # Runs of kept characters are copied with C-speed slicing and `range`; only the
    # dropped marks and extra whitespace are visited one by one.
    out: list[str] = []
    idx: list[int] = []
    pos = 0
    prev_space = False
    for m in _SKIP.finditer(text):
        a, b = m.span()
        if a > pos:
            out.append(text[pos:a])
            idx.extend(range(pos, a))
            prev_space = text[a - 1] == " "
        seg = m.group()
        for j, ch in enumerate(seg):
            if ch.isspace():
                if not prev_space:
                    out.append(" ")
                    idx.append(a + j)
                    prev_space = True
            # dropped characters leave `prev_space` as it was: `a \u200e b` keeps one space
        pos = b
    if pos < len(text):
        out.append(text[pos:])
        idx.extend(range(pos, len(text)))
    return _fold("".join(out)), idx


def _fold(s: str) -> str:
    """Apply the character folds; on long texts one `replace` per fold present is ~10x faster
    than `str.translate` with a dict table (which looks up every character)."""
    if len(s) < 200:
        return s.translate(_FOLD_TABLE)
    for k, v in _FOLD_ITEMS:
        if k in s:
            s = s.replace(k, v)
    return s


def fold_digits(text: str) -> str:
    """Arabic-Indic and Persian digits to ASCII, length preserved."""
    return text.translate(_DIGIT_TABLE)


def strip_diacritics(text: str) -> str:
    """Remove diacritics, tatweel and invisible marks, keep letters as written."""
    return "".join(ch for ch in text if not _is_dropped(ch))


def match_key(text: str) -> str:
    """Comparison key used by the scorer: normalised, `لل` read as `ال`, one clitic off."""
    n = normalize(text).strip()
    if n.startswith("لل") and len(n) > 3:
        n = "ال" + n[2:]
    return n


def key_variants(text: str) -> set[str]:
    """The key and, when it starts with a clitic letter, the key without it."""
    k = match_key(text)
    out = {k}
    if len(k) > 3 and k[0] in CLITICS:
        out.add(k[1:])
        if k[1:].startswith("لل"):
            out.add("ال" + k[3:])
    return out


# Letters that transliterations of foreign names swap freely (Stoltenberg: ستولتنبرج /
# ستولتنبرغ; Guterres: غوتيريش / جوتيريس): one class each in the name-folding key.
_NAME_CLASS = str.maketrans({
    "غ": "ج", "ق": "ج", "ك": "ج", "گ": "ج", "ڭ": "ج",
    "ص": "س", "ث": "س", "ش": "س",
    "ط": "ت", "ض": "د", "ذ": "ز", "ظ": "ز",
    "ڤ": "ف", "پ": "ب", "ء": "", "ه": "",
})
_LONG_VOWELS = set("اوي")


def fold_name(text: str) -> str:
    """Loose key for transliterated names: letter classes merged, inner long vowels dropped.

    Applied word by word to the normalised form, so `ستولتنبرغ`, `ستولتنبرج` and
    `ستولتنبيرغ` share a key; a name's first letter is kept whatever it is.
    """
    out: list[str] = []
    for word in normalize(text).replace("-", " ").split():
        word = word.replace("تش", "ش").translate(_NAME_CLASS)
        if not word:
            continue
        kept = [word[0]] + [c for c in word[1:] if c not in _LONG_VOWELS]
        folded: list[str] = []
        for c in kept:
            if not folded or folded[-1] != c:  # doubled letters (gemination written out)
                folded.append(c)
        out.append("".join(folded))
    return " ".join(out)
