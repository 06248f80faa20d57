"""Trailing teasers: lead paragraphs of other stories that some pages append to an article.

Copied pages and dataset dumps (CNN Arabic in news300, for one) end with the first paragraphs
of unrelated stories, one per line. Each such paragraph opens a new story: it starts without
a connective (`و`, `كما`, `من جهته`, `يذكر` … continue the article; a new lead does not) and
shares almost no content words with the article above it. We cut the longest trailing run of
at least two such paragraphs; one odd paragraph at the end is left alone, since a closing
background paragraph can look like that too. Inside a run, a paragraph that looks like a
continuation is tolerated when it too shares little with the article: a lead may open with a
verb whose first radical is و (`وقع الحادث`, `وصل`), which no letter test tells from the
conjunction. The run must still open with a clear new lead and hold at least two of them.
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
MAX_SHARED = 0.2  # share of a paragraph's content words also found above it (run mean, opener)
MAX_SHARED_ONE = 0.35  # any one later paragraph of a run (a teaser on a kindred story)


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

    A run starting at `s` qualifies when it opens with a new lead, holds at least `MIN_RUN`
    new leads, and its paragraphs share little with the article above `s`: the opener and the
    run's mean below `MAX_SHARED`, each other one below `MAX_SHARED_ONE` (a teaser on a
    kindred story shares a few words; teasers may share words with each other).
    """
    words = [content_words(p) for p in paragraphs]
    n = len(paragraphs)
    best = n
    leads = 0
    for s in range(n - 1, 0, -1):
        w = words[s]
        if len(w) < MIN_CONTENT_WORDS:
            break  # the run must be unbroken up to the end of the article
        is_lead = not _CONTINUES.match(paragraphs[s])
        leads += is_lead
        above = set().union(*words[:s])
        shares = [len(words[j] & above) / len(words[j]) for j in range(s, n)]
        if not (shares[0] < MAX_SHARED and max(shares) < MAX_SHARED_ONE
                and sum(shares) / len(shares) < MAX_SHARED):
            if not is_lead:
                break  # a continuation that belongs to the article ends the search
            continue
        if is_lead and leads >= MIN_RUN:
            best = s
    return best
