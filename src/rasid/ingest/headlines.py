"""Inline related-story headlines: links to other stories left between body paragraphs.

Pages copied or dumped as text (BBC Arabic in news300, for one) keep the headlines of
related-story links where the page showed them, one per line, between paragraphs:
`أزمة الروهينجا: تعرف على كهنة ميانمار البوذيين المتشددين`. A headline line is short, has
no full stop, does not open with a connective, and is not a list item. Such a line can also
be a crosshead (a sub-heading of the article itself), so only three shapes are removed:

- a run of two or more such lines: a crosshead is followed by its section, never by another
  heading, so consecutive headline lines are a links block;
- a single `Source: claim` headline (`التايمز: تركيا تنحي باللائمة …`, `الأمم المتحدة: …`)
  that shares at most one content word with the next paragraph (a crosshead introduces the
  section it heads; a `speaker: quote` crosshead repeats the words of the next paragraph);
- a single headline sentence with a present-tense verb, as news headlines are written
  (`قرار ترامب بحظر سفر مسلمين لأمريكا يدخل حيز التنفيذ`), of at least `MIN_SINGLE_WORDS`
  content words, sharing at most one with the next paragraph. Crossheads are mostly verbless
  (`جدل بشأن الإجراءات الإسرائيلية السابقة`, `يوم دام آخر`) or restate their section
  (`فريق البحث الجنائي يغادر القنصلية` before `وغادرت … فرق البحث الجنائي`, or the
  figure of its section: `نحو 157 ألف سائق يعملون لدى أوبر` before `… 157 ألفا في 2017`);
  a verb-headed crosshead that shares nothing with its section is lost with this rule.

Question lines (`كيف جرى التصويت؟`) are crossheads unless they stand in a run.
Texts whose paragraphs mostly lack a full stop (some feeds drop them) are left alone too.
"""

from __future__ import annotations

import re

from rasid.ingest.teasers import content_words

MIN_WORDS = 3
MAX_WORDS = 16
MAX_LABEL_WORDS = 5  # words before the colon of a `Source: claim` headline
MAX_SHARED_NEXT = 1  # content words a single labelled headline may share with the next paragraph
MIN_SINGLE_WORDS = 5  # content words of a single unlabelled headline
MIN_PUNCTUATED = 0.5  # share of paragraphs ending in sentence punctuation for the rule to apply
_SENTENCE_END = re.compile(r"[.!?؟…:\"»”)]\s*$")

# A full stop anywhere (not a decimal point), or a line ending in sentence or clause punctuation.
_SENTENCE_MARK = re.compile(r"(?<!\d)\.|\.(?!\d)|[!:،,؛۔]\s*$|…")
_BULLET = re.compile(r"^\s*(?:[-–—*•·▪●]|\d{1,2}\s*[-.)])")
# Openers that continue the article (a body line), never a headline.
_CONNECTIVE = re.compile(
    r"^\s*(?:و?لكن|كما|بينما|إلا|الا|غير أن|في المقابل|في حين|أما|إذ|ثم|"
    r"و(?:قد|قال|قالت|أضاف|اضاف|أضافت|اضافت|تابع|تابعت|أكد|اكد|أكدت|اكدت|كان|كانت|في|من|يذكر|"
    r"أشار|اشار|أشارت|اشارت|أوضح|اوضح|أوضحت|اوضحت|لفت|لفتت|ربما|هو|هي|هذا|هذه|ذلك)|"
    r"يذكر|يشار|يأتي|تأتي|جاء)(?!\w)")  # whole words: `الاتحاد`, `أمام`, `ثمة` open headlines
# An imperfect (present-tense) verb: ي/ت prefix, not a noun ending (ـات, ـة, ـية).
_PRESENT_VERB = re.compile(r"(?<![\w\u064b-\u0652])[وف]?[يت][\u0621-\u064a]{2,6}(?<!ات)(?<![ةه])(?![\w])")
_NUMBER = re.compile(r"[0-9٠-٩]{2,}")
_LABEL = re.compile(r"^\s*(?P<label>[^:\s«\"“][^:«\"“]{0,50}?)\s*:\s*(?P<claim>\S+(?:\s+\S+)+)\s*$")


def _headline_like(line: str) -> bool:
    """Short line without a full stop, not a list item, not opening with a connective."""
    n = len(line.split())
    return (MIN_WORDS <= n <= MAX_WORDS and not _SENTENCE_MARK.search(line)
            and not _BULLET.match(line) and not _CONNECTIVE.match(line))


def _labelled(line: str) -> bool:
    """A `Source: claim` headline (`التايمز: …`), with a short label before the colon."""
    m = _LABEL.match(line)
    return bool(m) and len(m.group("label").split()) <= MAX_LABEL_WORDS


def inline_headlines(paragraphs: list[str]) -> list[int]:
    """Indexes of paragraphs that are related-story headlines (see module docstring).

    The first and last paragraphs are never taken: a lead or closing line is for the
    title and trailer rules.
    """
    n = len(paragraphs)
    if n < 3 or sum(bool(_SENTENCE_END.search(p)) for p in paragraphs) < MIN_PUNCTUATED * n:
        return []
    cand = [0 < i < n - 1 and _headline_like(p) for i, p in enumerate(paragraphs)]
    out: list[int] = []
    for i in range(1, n - 1):
        if not cand[i]:
            continue
        in_run = cand[i - 1] or cand[i + 1]
        question = paragraphs[i].rstrip().endswith(("؟", "?"))
        labelled = _labelled(paragraphs[i])
        if in_run:
            out.append(i)
        elif question:
            continue
        else:
            words = content_words(paragraphs[i])
            shared = len(words & content_words(paragraphs[i + 1]))
            if shared > MAX_SHARED_NEXT or (
                    set(_NUMBER.findall(paragraphs[i])) & set(_NUMBER.findall(paragraphs[i + 1]))):
                continue  # a crosshead: it restates its section's words or figures
            if labelled or (len(words) >= MIN_SINGLE_WORDS and _PRESENT_VERB.search(paragraphs[i])):
                out.append(i)
    return out
