"""The `quotes` stage: reported speech in the body (and the title) with speakers and codes."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from rasid.article import Article, Quote
from rasid.quotes.finder import Finder, Found
from rasid.quotes.speaker import Span, Speaker, heads_of, layer_spans
from rasid.quotes.textdoc import TextDoc
from rasid.text.normalize import normalize

# `الحديثي لـ الوطن : …`, `"سي أن أن": …`, `مسؤول بـ"الناتو": …`
_TITLE_COLON = re.compile(r"^(?P<who>[^:]{2,60}?)\s*:\s*(?P<what>\S.*)$")
_TITLE_TO = re.compile(r"\s+(?:لـ|ل)\s*\S+\s*$")


def quotes_stage(article: Article) -> Article:
    """Find and attribute reported speech in the body; add title quotes the body lacks."""
    doc = TextDoc(article.text or "", article.cache.get("sentences"))
    spans = layer_spans(article.entities, article.roles)
    times = [(t.start, t.end) for t in article.times]
    found = Finder(doc, spans, times).find()
    article.quotes = [_to_quote(f) for f in found]
    if article.title:
        article.quotes += title_quotes(article.title, article.quotes, spans)
    return article


def _to_quote(f: Found, in_title: bool = False) -> Quote:
    """A Quote record from a finder result."""
    sp = f.speaker or Speaker(None, None, None)
    return Quote(start=f.start, end=f.end, text=f.text, direct=f.direct, cue=f.cue,
                 cue_start=f.cue_start, cue_end=f.cue_end, speaker_text=sp.text,
                 speaker_start=None if f.implicit else sp.start,
                 speaker_end=None if f.implicit else sp.end,
                 speaker_en=sp.en, code=sp.code, in_title=in_title)


def overlaps(a: str, b: str) -> bool:
    """The guide's quote match: a common run of at least half the shorter (normalised)."""
    na, nb = normalize(a).strip(), normalize(b).strip()
    if not na or not nb:
        return False
    m = SequenceMatcher(None, na, nb, autojunk=False).find_longest_match(0, len(na), 0, len(nb))
    return m.size * 2 >= min(len(na), len(nb))


def title_quotes(title: str, body: list[Quote], spans: list[Span]) -> list[Quote]:
    """Quotes of the title (`Speaker: quote` or a cue verb) that no body quote repeats."""
    doc = TextDoc(title, [(0, len(title))])
    cands = [_to_quote(f, in_title=True) for f in Finder(doc, [], []).find()]
    if not cands:
        q = _colon_title(title, body, spans)
        if q is not None:
            cands.append(q)
    out = []
    for q in cands:
        if any(overlaps(q.text, b.text) for b in body):
            continue  # the body says it too: record it once, from the body
        _code_from_body(q, body, spans)
        out.append(q)
    return out


def _colon_title(title: str, body: list[Quote], spans: list[Span]) -> Quote | None:
    """`Speaker: quote` titles, when the left side names a speaker of the article."""
    m = _TITLE_COLON.match(title.strip())
    if not m:
        return None
    who, what = m.group("who"), m.group("what")
    lead = len(title) - len(title.lstrip())
    if len(who.split()) > 6 or len(what.split()) < 3:
        return None
    name = _TITLE_TO.sub("", who).strip().strip('"«»“”')
    interview = name != who.strip()
    quoted_name = who.strip()[:1] in '"«“' and who.strip()[-1:] in '"»”'
    known = heads_of(name) & set().union(*[heads_of(b.speaker_text or "") for b in body]) \
        if body else set()
    if not (interview or quoted_name or known):
        return None
    ws = lead + m.start("who") + who.find(name) if name in who else lead + m.start("who")
    qs = lead + m.start("what")
    return Quote(start=qs, end=qs + len(what.rstrip()), text=what.rstrip(), direct=False,
                 cue=":", cue_start=lead + m.end("who"), cue_end=lead + m.end("who") + 1,
                 speaker_text=name, speaker_start=ws, speaker_end=ws + len(name), in_title=True)


def _code_from_body(q: Quote, body: list[Quote], spans: list[Span]) -> None:
    """A title speaker takes the code of the body speaker or entity with the same name."""
    if q.code or not q.speaker_text:
        return
    heads = heads_of(q.speaker_text)
    for b in body:
        if b.code and heads & heads_of(b.speaker_text or ""):
            q.code, q.speaker_en = b.code, q.speaker_en or b.speaker_en
            return
    for x in spans:
        if x.code and heads & heads_of(x.text):
            q.code, q.speaker_en = x.code, q.speaker_en or x.en
            return
