"""Context tests around a time expression: neighbouring words, sentences, tense of the clause.

Tense rule for a bare weekday (no `الماضي`/`المقبل`): scan back from the weekday, at most
`WINDOW` words and never past the start of its sentence, and take the first cue met:
- future: `سوف`, `لن`, `من المقرر/المتوقع/المنتظر/المفترض/المزمع` (but `كان من المقرر` is past), `موعد`,
  a verb with the future prefix سـ (`سيزور`, `ستعقد`, `سنبحث`; nouns that merely start
  with سي/ست/سن such as `سياسة`, `سيارة`, `سنوات` are listed in cues.json and skipped), or an
  imperfect verb of scheduling or movement (`يزور`, `يتوجه`, `يلتقي`, `يعقد`, `تبدأ`, `يعتزم` …)
  or of expectation (`يفترض`, `يتوقع`, `ينتظر`, `يرتقب`)
  — in past-tense reporting an imperfect verb with a day other than the news day looks ahead;
- past: a perfect verb from cues.json (`قال`, `أعلن`, `التقى`, `رفضت` …, all persons listed).
With no cue before it, the first cue in the next `AHEAD` words of the sentence decides.
The tagger then lets all bare mentions of one weekday in an article vote (see tagger).
"""

from __future__ import annotations

import bisect
import re

from rasid.times import lexicon as lx
from rasid.times.textmap import fold

WINDOW = 10
AHEAD = 4

_WORD_BEFORE = re.compile(r"(\w+)[ \t\u00a0]+$")
_WORD_AFTER = re.compile(r"^[ \t\u00a0]+(\w+)")
_TOKEN = re.compile(r"\w+")
_SENT_END = re.compile(r"[.!?؟\n؛]")

FUTURE_WORDS: frozenset[str] = frozenset(fold(w) for w in lx.CUES["future_words"])
FUTURE_STEMS: tuple[str, ...] = tuple(sorted({fold(w) for w in lx.CUES["future_verb_stems"]}, key=len, reverse=True))
_IMPERFECT_SUFFIXES = ("", "ه", "ها", "هم", "هما", "ون", "ان", "وا", "ن", "نا")
PAST_FORMS: frozenset[str] = frozenset(
    fold(v + s) for v in lx.CUES["past_verbs"] for s in lx.CUES["past_suffixes"])
SA_NOUNS: tuple[str, ...] = tuple(fold(w) for w in lx.CUES["sa_noun_prefixes"])
NOWADAYS_BEFORE: frozenset[str] = frozenset(fold(w) for w in lx.CUES["nowadays_before"])
NOT_TODAY_AFTER: frozenset[str] = frozenset(fold(w) for w in lx.CUES["not_today_after"]) | {"القريب"}
DATE_NAME_HEADS: frozenset[str] = frozenset(fold(w) for w in lx.CUES["date_name_heads"])
COUNT_NOUNS: frozenset[str] = frozenset(fold(w) for w in lx.REL["count_nouns"])


def word_before(f: str, pos: int) -> str:
    """The word right before `pos`, separated by spaces only ('' if punctuation or start intervenes)."""
    m = _WORD_BEFORE.search(f, max(0, pos - 40), pos)
    return m.group(1) if m else ""


def word_after(f: str, pos: int) -> str:
    """The word right after `pos`, separated by spaces only ('' otherwise)."""
    m = _WORD_AFTER.match(f[pos:pos + 40])
    return m.group(1) if m else ""


def strip_conj(w: str) -> str:
    """Drop a leading conjunction و/ف from a word of at least four letters."""
    return w[1:] if len(w) > 3 and w[0] in "وف" else w


def is_future_verb(w: str) -> bool:
    """True for `سـ`-prefixed imperfect verbs (`سيزور`) and imperfect scheduling verbs (`يتوجه`)."""
    w = strip_conj(w)
    if len(w) >= 4 and w[0] == "س" and w[1] in "يتن" and not w.startswith(SA_NOUNS):
        return True
    if len(w) >= 3 and w[0] in "يتن":
        rest = w[1:]
        for stem in FUTURE_STEMS:
            if rest.startswith(stem) and rest[len(stem):] in _IMPERFECT_SUFFIXES:
                return True
    return False


def tense_cue(f: str, pos: int, sent_start: int | None = None) -> str | None:
    """`future`, `past` or None: the first tense cue met scanning back from `pos` (see module doc)."""
    if sent_start is None:
        ends = [m.end() for m in _SENT_END.finditer(f, max(0, pos - 160), pos)]
        sent_start = ends[-1] if ends else 0
    words = _TOKEN.findall(f, max(sent_start, pos - 160), pos)[-WINDOW:]
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        if w in FUTURE_WORDS or is_future_verb(w):
            # كان من المقرر أن يبدأ / كان يزور: "was scheduled", "used to": told after the day
            if any(strip_conj(x) in ("كان", "كانت", "كانوا") for x in words[max(0, i - 5):i]):
                return "past"
            return "future"
        bare = strip_conj(w)
        if w in PAST_FORMS or bare in PAST_FORMS:
            return "past"
    return None


def clause_tense(f: str, start: int, end: int, sent_start: int | None = None) -> str | None:
    """Tense cue before the expression, else in the next `AHEAD` words of its sentence
    (`وفي محادثات الأربعاء سترسل …`)."""
    cue = tense_cue(f, start, sent_start)
    if cue is not None:
        return cue
    stop = _SENT_END.search(f, end, end + 80)
    for w in _TOKEN.findall(f, end, stop.start() if stop else end + 80)[:AHEAD]:
        if w in FUTURE_WORDS or is_future_verb(w):
            return "future"
        if w in PAST_FORMS or strip_conj(w) in PAST_FORMS:
            return "past"
    return None


class Sentences:
    """Sentence starts of a folded text, for 'same sentence' tests."""

    __slots__ = ("starts",)

    def __init__(self, f: str, ends: re.Pattern[str]) -> None:
        self.starts = [0] + [m.end() for m in ends.finditer(f)]

    def start_of(self, pos: int) -> int:
        """Start offset of the sentence holding `pos`."""
        return self.starts[bisect.bisect_right(self.starts, pos) - 1]
