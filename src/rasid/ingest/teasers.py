"""Trailing teasers: lead paragraphs of other stories that some pages append to an article.

Copied pages and dataset dumps (CNN Arabic in news300, for one) end with the first paragraphs
of unrelated stories, one per line. Each such paragraph opens a new story: it starts without
a connective (`و`, `كما`, `من جهته`, `يذكر` … continue the article; a new lead does not) and
shares almost no content words with the article above it. We cut the longest trailing run of
at least two such paragraphs; one odd paragraph at the end is left alone, since a closing
background paragraph can look like that too.
"""

from __future__ import annotations

import re

from rasid.text.normalize import normalize

# Words every news paragraph shares whatever its story: they say nothing about topic.
_FUNCTION_WORDS = frozenset(normalize(w) for w in (
    "التي الذي الذين اللذين قال وقال أضاف وأضاف أن إن على إلى في من عن مع هذا هذه ذلك تلك "
    "كان كانت بعد قبل حيث كما وفي وقد قد لم لن لا ليس بين خلال عبر أيضا أكثر أحد منذ حتى "
    "عند عندما يوم اليوم أمس وهو وهي هو هي السبت الأحد الاثنين الإثنين الثلاثاء الأربعاء "
    "الخميس الجمعة").split())
_CONTINUES = re.compile(
    r"^\s*(?:و|ف|كما|لكن|ولكن|بدوره|بدورها|من جهته|من جهتها|في المقابل|يذكر|أما|إلا|غير أن|"
    r"في حين|إذ|حيث|ذلك|هذا|جاء|يأتي|[\"«“])")
_ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")
_PROCLITICS = re.compile(r"^(?:[وفبلك])?(?:ال)?")
MIN_RUN = 2
MIN_CONTENT_WORDS = 8
MAX_SHARED = 0.2  # share of a paragraph's content words also found above it


def content_words(paragraph: str) -> set[str]:
    """Normalised content words of a paragraph, with a leading clitic and `ال` removed."""
    out: set[str] = set()
    for w in _ARABIC_WORD.findall(normalize(paragraph)):
        if len(w) > 4:
            w = _PROCLITICS.sub("", w)
        if len(w) >= 3 and w not in _FUNCTION_WORDS:
            out.add(w)
    return out


def teaser_tail_start(paragraphs: list[str]) -> int:
    """Index where a trailing run of unrelated story leads starts (len(paragraphs) if none).

    A run starting at `s` qualifies when every paragraph from `s` on opens a new story and
    shares little with the article above `s` (teasers may share words with each other).
    """
    words = [content_words(p) for p in paragraphs]
    n = len(paragraphs)
    best = n
    for s in range(n - 1, 0, -1):
        w = words[s]
        if len(w) < MIN_CONTENT_WORDS or _CONTINUES.match(paragraphs[s]):
            break  # the run must be unbroken up to the end of the article
        above = set().union(*words[:s])
        if all(len(words[j] & above) / len(words[j]) < MAX_SHARED for j in range(s, n)):
            best = s
    return best if n - best >= MIN_RUN else n
