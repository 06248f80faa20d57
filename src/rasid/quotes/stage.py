"""The `quotes` stage: reported speech in the body (and the title) with speakers and codes."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from rasid.article import Article, Quote
from rasid.quotes.cues import load_lexicon
from rasid.quotes.finder import Finder, Found
from rasid.quotes.speaker import (GENERIC_WORDS, Span, Speaker, heads_of, layer_spans, name_heads,
                                  nisba_code)
from rasid.quotes.textdoc import TextDoc
from rasid.text.normalize import normalize

# `الحديثي لـ الوطن : …`, `"سي أن أن": …`, `مسؤول بـ"الناتو": …`
_TITLE_COLON = re.compile(r"^(?P<who>[^:]{2,60}?)\s*:\s*(?P<what>\S.*)$")
# The interviewer: `لـ الوطن`, `لـCNN`, `للعربية.نت`, `ل"الوطن"` (not `لأسئلتكم`, `لترودو`).
_TITLE_TO = re.compile(r"\s+(?:لـ\s*\S+|ل\s+\S+|لل\S+|ل[A-Za-z\"«“]\S*)\s*$")
GENERIC_HEADS = frozenset(w[2:] if w.startswith("ال") else w for w in GENERIC_WORDS)


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
        if not q.speaker_text:
            _speaker_from_body(q, title, spans)
        _code_from_body(q, body, spans)
        out.append(q)
    return out


# Words after which the left side of a `Speaker: quote` title no longer names the speaker
# (`حمد بن جاسم عن احتجاجات الأردن:`, `أمير عبد اللهيان من بيروت:`).
_TITLE_CUTS = frozenset(normalize(w) for w in "عن من في بعد على حول خلال أمام إلى".split())
# Heads of role phrases that name a speaker without a name (`مسؤول أممي:`, `مصادر أمنية:`).
_TITLE_ROLES = frozenset(normalize(w) for w in (
    "مسؤول مسؤولة مسؤولون مصدر مصادر متحدث المتحدث ناطق الناطق وزير وزيرة الوزير رئيس "
    "الرئيس قائد زعيم سفير مندوب مبعوث نائب النائب عضو خبير محلل والد والدة شقيق").split())


def _colon_title(title: str, body: list[Quote], spans: list[Span]) -> Quote | None:
    """`Speaker: quote` titles, only when the left side names a speaker: a person,
    organisation or role the article names, a role phrase, a quoted name (`"سي أن أن":`) or an
    interview (`الحديثي لـ الوطن :`); a place or a topic (`لبنان:`, `الانتخابات التركية:`) is a
    heading, and a right side that reports someone's words itself (`X: مرشح ترامب ينفي …`) is
    a headline about X, not X's words."""
    m = _TITLE_COLON.match(title.strip())
    if not m:
        return None
    who, what = m.group("who"), m.group("what")
    lead = len(title) - len(title.lstrip())
    if len(who.split()) > 7 or len(what.split()) < 3:
        return None
    name = _TITLE_TO.sub("", who).strip()
    interview = name != who.strip()
    quoted_name = name[:1] in '"«“' and name[-1:] in '"»”'
    name = _speaker_part(name.strip('"«»“” '))
    if not name or (not quoted_name and not (interview or _names_speaker(name, body, spans))):
        return None
    if _reports_speech(what):
        return None
    ws = lead + m.start("who") + who.find(name) if name in who else lead + m.start("who")
    qs = lead + m.start("what")
    return Quote(start=qs, end=qs + len(what.rstrip()), text=what.rstrip(), direct=False,
                 cue=":", cue_start=lead + m.end("who"), cue_end=lead + m.end("who") + 1,
                 speaker_text=name, speaker_start=ws, speaker_end=ws + len(name), in_title=True)


def _speaker_part(who: str) -> str:
    """The left side up to a preposition, an addressee or a quoted epithet (`بوتين "الفخور"`)."""
    words = who.split()
    out: list[str] = []
    for n, w in enumerate(words):
        nw = normalize(w)
        if n > 0 and (nw in _TITLE_CUTS or w[:1] in '"«“' or nw.startswith("لل")):
            break  # `بزشكيان للنخالة والشيخ قاسم`: the addressees
        out.append(w)
    return " ".join(out).strip()


def _names_speaker(name: str, body: list[Quote], spans: list[Span]) -> bool:
    """True when every word of `name` belongs to a person/organisation/role the article names,
    or `name` is a role phrase (`مسؤول أممي`, `مسؤولون إسرائيليون`)."""
    words = [normalize(w) for w in name.split()]
    if not words or len(words) > 5:
        return False
    if words[0] in _TITLE_ROLES and len(words) <= 4:
        return True
    heads = name_heads(name)
    if not heads:
        return False
    # The whole name of an organisation or role, or part of a person's name (`ماكرون`); not a
    # word of a longer phrase (`لبنان` in `المقاومة الإسلامية في لبنان`).
    for x in spans:
        xh = name_heads(x.text)
        if (x.type == "PER" and heads <= xh) or (x.type in ("ORG", "ROLE") and (
                heads == xh or normalize(x.text).startswith(normalize(name) + " "))):
            return True  # `المرصد السوري` for `المرصد السوري لحقوق الإنسان`
    return any(heads == name_heads(b.speaker_text or "") for b in body)


def _reports_speech(what: str) -> bool:
    """True when the right side has its own reporting verb outside quotation marks."""
    doc = TextDoc(what, [(0, len(what))])
    lex = load_lexicon()
    for t in doc.toks:
        cue = lex.lookup(t.text)
        if cue is not None and not cue.breaker and cue.kind in ("perf", "impf") and \
                "that" in cue.frames and not cue.quote_only and not doc.inside(t):
            return True
    return False


def _speaker_from_body(q: Quote, title: str, spans: list[Span]) -> None:
    """`مارك زوكربيرغ يعتذر … ويؤكد: …`: a title cue with no subject of its own is said by
    the person or organisation of the article whose name opens the title."""
    head = normalize(title[:q.cue_start])
    names = sorted({x.text for x in spans if x.type in ("PER", "ORG")}, key=len, reverse=True)
    for name in names:
        n = normalize(name)
        if n and head.startswith(n):
            q.speaker_text, q.speaker_start, q.speaker_end = name, 0, len(name)
            return


def _code_from_body(q: Quote, body: list[Quote], spans: list[Span]) -> None:
    """A title speaker takes the code of the body speaker or entity with the same name (its
    name words, not shared role words like `وزير`)."""
    if q.code or not q.speaker_text:
        return
    heads = name_heads(q.speaker_text) - GENERIC_HEADS
    if not heads:
        heads = name_heads(q.speaker_text)
    if not heads:
        return
    for b in body:
        if b.code and heads <= heads_of(b.speaker_text or ""):
            q.code, q.speaker_en = b.code, q.speaker_en or b.speaker_en
            return
    for x in spans:
        if x.code and x.type != "LOC" and heads <= heads_of(x.text):
            q.code, q.speaker_en = x.code, q.speaker_en or x.en
            return
    for x in spans:  # `رئيس CIA الأسبق`: a distinctive word names the body it serves
        if x.code and x.type in ("ORG", "ROLE") and heads & heads_of(x.text):
            q.code = x.code
            return
    code = nisba_code(q.speaker_text)  # `مسؤولون إسرائيليون:`
    if code:
        q.code = code
