"""Actor mentions (entities and role phrases with codes) grouped, and argument search by syntax.

Mentions that touch (apposition `وزير الخارجية الأميركي أنتوني بلينكن`) or are coordinated
with `و` (`بلغاريا وجمهورية تشيكيا وإستونيا`) form one group. Each group knows the
preposition that governs it (`لكييف` -> ل, `في جنيف` -> في, bare -> None), which is what
tells a subject or object from a recipient or a place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

import json
from functools import lru_cache
from pathlib import Path

from rasid.article import Article, Entity
from rasid.events.clauses import CLAUSE_OPENERS, RELATIVES, Doc
from rasid.text.normalize import normalize
from rasid.events.merge import base_codes

PREP_WORDS = frozenset({
    "في", "الي", "علي", "مع", "ضد", "من", "عن", "بين", "لدي", "عند", "امام", "نحو", "باتجاه",
    "بحق", "حول", "ضمن", "عبر", "خلال", "بعد", "قبل", "منذ", "تجاه", "ازاء", "حيال", "قرب",
    "داخل", "خارج", "لصالح", "بشان", "مثل", "دون", "بدون", "وفي", "والي", "وعلي", "ومع", "وضد",
    "ومن", "وبين", "بحسب", "حسب", "وفق", "لدى", "جانب", "قبالة", "شمال", "جنوب", "شرق", "غرب",
})
# Attached clitic letters that are prepositions.
CLITIC_PREPS = ("ب", "ل", "ك")
# Tokens that may sit between a verb and its subject, or a subject and its object.
SKIPPABLE = frozenset({
    "،", ",", "امس", "اليوم", "رسميا", "مجددا", "ايضا", "كذلك", "بدوره", "بدورها", "بشده",
    "بقوه", "هاتفيا", "الليله", "صباح", "مساء", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء",
    "الخميس", "الجمعه", "السبت", "يوم", "-", "(", ")", "قد", "فعلا", "اخيرا", "مرة", "اخري",
    "سابقا", "حاليا", "بالفعل",
})
# Head nouns between a preposition and the name that codes them (`مع وزراء خارجية بلغاريا`).
ROLE_HEADS = frozenset({
    "وزراء", "وزير", "وزيره", "خارجيه", "دفاع", "داخليه", "رئيس", "رؤساء", "قاده", "قائد",
    "زعيم", "زعماء", "ممثلي", "ممثل", "ممثلين", "نظراء", "نظيره", "سفراء", "سفير", "حكومه",
    "حكومات", "قوات", "جيش", "دول", "الدول", "مسؤولي", "مسؤولين", "مسؤولون", "وفد", "وفود",
    "عناصر", "مقاتلي", "مقاتلين", "سلطات", "برلمان", "نواب", "اعضاء", "مبعوث", "عاهل", "ملك",
    "امير", "ولي", "عهد", "الوزراء", "الخارجيه", "الدفاع", "العام", "الامين",
    "قرار", "بيان",  # a resolution or statement of X acts for X
})


@dataclass
class Group:
    """A run of touching or coordinated actor mentions; its codes keep text order."""

    codes: list[str]
    t0: int  # first token
    t1: int  # token after the last
    start: int
    end: int
    prep: str | None  # governing preposition (matching form), None when bare
    places: list[Entity] = field(default_factory=list)
    is_place: bool = False  # every mention is a place (GPE/LOC)
    nisba: bool = False  # a nationality adjective (`التركي`), not a noun phrase
    last_kind: str = ""  # kind of the last mention added (role, PER, GPE …)

    def is_place_only_loc(self) -> bool:
        """True for a group that is only an uncoded place (a LOC like `خط التماس`)."""
        return self.is_place and not self.codes

    def base_codes(self) -> list[str]:
        """Codes without sector, deduplicated, text order."""
        out: list[str] = []
        for c in self.codes:
            b = c.split(":", 1)[0]
            if b not in out:
                out.append(b)
        return out


@dataclass
class _Mention:
    start: int
    end: int
    code: str | None
    place: Entity | None
    text: str
    kind: str = "role"  # entity type (PER, ORG, GPE, LOC) or role


_GAP_APPOS = re.compile(r"^[\s،,\-–()\"«»]*$")
_GAP_COORD = re.compile(r"^[\s،,]*و?\s*$")


def _full_code(code: str | None, sector: str | None) -> str | None:
    """`RUS` + `MIL` -> `RUS:MIL`; a code already carrying a sector is kept."""
    if not code:
        return None
    if ":" in code or not sector:
        return code
    return f"{code}:{sector}"


def collect_mentions(article: Article) -> list[_Mention]:
    """Entities and roles as mentions, nested ones dropped in favour of the longest coded span."""
    raw: list[_Mention] = []
    for e in article.entities:
        place = e if e.type in ("GPE", "LOC") else None
        raw.append(_Mention(e.start, e.end, _full_code(e.code, e.sector), place, e.text, e.type))
    resolved = resolve_bare_roles(article)
    for r in article.roles:
        code = _role_owner(article, r.end) or _full_code(r.code, r.sector) or resolved.get(r.start)
        raw.append(_Mention(r.start, r.end, code, None, r.text))
    raw.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[_Mention] = []
    for m in raw:
        if out and m.start < out[-1].end:
            outer = out[-1]
            if outer.code is None and m.code is not None and m.end <= outer.end:
                # An uncoded outer span (a LOC) should not hide a coded inner one.
                out[-1] = _Mention(outer.start, outer.end, m.code, outer.place or m.place, outer.text,
                                   outer.kind)
            elif outer.place is None and m.place is not None and m.end <= outer.end:
                pass
            continue
        out.append(m)
    return out


# Generic organisation heads between a title and its owner's name (`الأمين العام لجماعة حزب الله`).
_OWNER_HEADS = frozenset(normalize(w) for w in
                         "جماعة حركة حزب منظمة تنظيم ميليشيا مليشيا جبهة هيئة".split())


def _role_owner(article: Article, end: int) -> str | None:
    """The code of the organisation a title belongs to when `ل` + its name follows the title.

    `الأمين العام لحزب الله` acts for Hezbollah, whatever a bare `الأمين العام` would mean; a
    genitive `ل` owner beats the title's default code (pass 7, measured on dev, dev2, dev3).
    """
    for e in article.entities:
        if e.type != "ORG" or not e.code or e.start < end or e.start > end + 16:
            continue
        gap = normalize(article.text[end:e.start]).split()
        if not gap and e.text.startswith("ل") and e.start > end:
            return _full_code(e.code, e.sector)  # `للأمم المتحدة` with the clitic in the name
        if gap == ["ل"] or len(gap) == 1 and gap[0][:1] == "ل" and gap[0][1:] in _OWNER_HEADS:
            return _full_code(e.code, e.sector)
    return None


# Sectors of bare role heads (`الجيش`, `المعارضة`, `المدنيين`) that context can place in a state.
_CONTEXT_SECTORS = frozenset({"GOV", "MIL", "COP", "REB", "OPP", "CVL", "PTY", "LEG", "JRN"})
# Sectors whose bare mention is the people of the place named beside it (`مدنيين في حلب`).
_LOCAL_SECTORS = frozenset({"CVL", "COP", "JRN"})
# Person titles: which minister or president a bare title means is the entity layer's coref
# (several states' officials meet in one article); only collective heads are resolved here.
_TITLE_HEADS = frozenset(normalize(w) for w in (
    "رئيس رؤساء وزير وزراء أمير ملك مستشار قائد قادة متحدث سفير سفراء نائب نواب عمدة أمين "
    "مبعوث دبلوماسيين دبلوماسي مسؤول مسؤولين مسؤولون المتحدث الرئيس الوزير دولة الدولة "
    "زعيم زعماء ممثل ممثلي").split())


def _head(text: str) -> str:
    """First word of a role phrase without clitics and article (`للجيش` -> `جيش`)."""
    w = normalize(text).split()[0] if text.strip() else ""
    for p in ("وال", "بال", "لل", "ال", "و", "ب", "ل"):
        if w.startswith(p) and len(w) - len(p) >= 3:
            return w[len(p):]
    return w


def resolve_bare_roles(article: Article) -> dict[int, str]:
    """Codes for uncoded role mentions (start offset -> `SYR:MIL`), from context.

    A bare head (`الجيش`, `القوات`, `الحكومة`) refers back to the last coded mention with the
    same head word; civilians, rebels, police named beside a place belong to its state; what
    remains takes the article's dominant state when one state clearly dominates the body.
    """
    roles = [r for r in article.roles if not r.code and r.sector in _CONTEXT_SECTORS
             and r.text.strip() and _head(r.text) not in _TITLE_HEADS
             and normalize(r.text).split()[0] not in _TITLE_HEADS]
    if not roles:
        return {}
    coded = sorted([(r.start, _head(r.text), f"{r.code.split(':')[0]}:{r.sector}")
                    for r in article.roles if r.code and r.sector]
                   + [(e.start, _head(e.text), f"{e.code.split(':')[0]}:{e.sector or 'GOV'}")
                      for e in article.entities if e.code and e.type == "ORG"])
    places = [(e.start, e.code.split(":")[0]) for e in article.entities
              if e.type == "GPE" and e.code and len(e.code.split(":")[0]) == 3]
    counts: dict[str, int] = {}
    for _, c in places:
        counts[c] = counts.get(c, 0) + 1
    dominant = None
    if counts:
        top, n = max(counts.items(), key=lambda kv: kv[1])
        if n >= 3 and n >= 0.5 * sum(counts.values()):
            dominant = top
    sents = article.cache.get("sentences") or []
    out: dict[int, str] = {}
    for r in roles:
        # `الجيش` <- `الجيش السوري`; `مسلحو التنظيم` <- `تنظيم الدولة` (any word of the phrase).
        # The genitive names the owner (`قوات النظام`), so it is tried before the head noun.
        ws = [_head(w) for w in r.text.split()]
        nxt = article.text[r.end:r.end + 30].split()
        if nxt and nxt[0][:1].isalpha():
            ws.append(_head(nxt[0]))  # the genitive the role layer left out (`مسلحو التنظيم`)
        ante: list[str] = []
        for w in ws[1:] + ws[:1]:
            if w not in _TITLE_HEADS:
                ante = [c for st, h, c in coded if st < r.start and h == w]
            if ante:
                break
        if ante:
            base = ante[-1].split(":")[0]
            out[r.start] = f"{base}:{r.sector}"
            continue
        if r.sector in _LOCAL_SECTORS:
            sent = next(((a, b) for a, b in sents if a <= r.start < b), None)
            if sent is not None:
                near = [(abs(st - r.start), c) for st, c in places if sent[0] <= st < sent[1]]
                if near:
                    out[r.start] = f"{min(near)[1]}:{r.sector}"
                    continue
        if dominant is not None:
            out[r.start] = f"{dominant}:{r.sector}"
    return out


COUNTRIES_PATH = Path(__file__).resolve().parent.parent / "data" / "gazetteer" / "countries.jsonl"


@lru_cache(maxsize=1)
def nisba_codes() -> dict[str, str]:
    """Nationality adjective (matching form, all genders/numbers) -> country code (gazetteer)."""
    out: dict[str, str] = {}
    if not COUNTRIES_PATH.exists():
        return out
    for line in COUNTRIES_PATH.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        for f in rec.get("nisba") or []:
            out.setdefault(normalize(f), rec["code"])
    return out


def nisba_groups(doc: Doc, covered: list[tuple[int, int]]) -> list[Group]:
    """Nationality adjectives outside entity/role spans (`القصف التركي`, `أهداف إيرانية`)."""
    table = nisba_codes()
    spans = sorted(covered)
    out: list[Group] = []
    import bisect
    starts = [a for a, _ in spans]
    for t in doc.toks:
        code = table.get(t.text)
        if code is None:
            continue
        k = bisect.bisect_right(starts, t.start) - 1
        if k >= 0 and spans[k][0] <= t.start < spans[k][1]:
            continue
        if t.i > 0 and doc.toks[t.i - 1].sent == t.sent and k >= 0 \
                and spans[k][0] <= doc.toks[t.i - 1].start < spans[k][1]:
            continue  # `حزب الله اللبناني`: an adjective of the name just before, not a party
        head = t.i - 1
        while head > 0 and (doc.words[head] in table or doc.words[head] in _ADJ_SKIP):
            head -= 1
        prep = None
        if head >= 0 and doc.toks[head].sent == t.sent:
            hw = doc.words[head]
            if hw[:1] in CLITIC_PREPS and len(hw) > 3:
                prep = hw[0]
            elif head > 0 and doc.words[head - 1] in PREP_WORDS:
                prep = doc.words[head - 1]
        out.append(Group(codes=[code], t0=t.i, t1=t.i + 1, start=t.start, end=t.end, prep=prep,
                         nisba=True))
    return out


# Adjectives that may sit between a noun and its nationality (`الوجود العسكري الإيراني`).
_ADJ_SKIP = frozenset({"العسكري", "العسكريه", "الجوي", "الجويه", "الجويه", "الصاروخي",
                       "البحري", "البحريه", "الامني", "الامنيه", "المسلح", "المسلحه", "الدامي",
                       "العنيف", "الاخير", "الاخيره", "الجديد", "الجديده"})


def build_groups(article: Article, doc: Doc) -> list[Group]:
    """Group the article's mentions and find each group's governing preposition."""
    groups = _mention_groups(article, doc)
    covered = [(g.start, g.end) for g in groups]
    merged = groups + nisba_groups(doc, covered)
    merged.sort(key=lambda g: g.t0)
    merged += pronoun_groups(article, doc, merged)
    merged.sort(key=lambda g: g.t0)
    pair = pair_groups(doc, merged)
    if pair:
        merged = sorted(merged + pair, key=lambda g: g.t0)
    region = region_groups(doc, merged)
    if region:
        merged = sorted(merged + region, key=lambda g: g.t0)
    return merged


# `القطاع` (the Strip, once Gaza is named), `البلاد` (the country): a definite place noun that
# refers back to a place the article named. Pass 8.
_REGION_HEADS = ("القطاع", "البلاد")
# `القطاع الخاص`, `القطاع الصحي`: an economic sector, not the Gaza Strip.
_SECTOR_ADJ = frozenset(normalize(w) for w in (
    "الخاص العام الصحي المصرفي النفطي الزراعي السياحي الاقتصادي التعليمي العقاري الصناعي "
    "الامني العسكري الحكومي المالي التجاري الخدمي الطبي الاهلي غير").split())


def _region_word(w: str) -> tuple[str, str] | None:
    """(clitic prefix, head) when the token is `القطاع`/`البلاد` with an optional clitic."""
    for pre in ("", "و", "ب", "ف", "وب", "ول", "ل"):
        if not w.startswith(pre):
            continue
        rest = w[len(pre):]
        if rest in _REGION_HEADS:
            return pre, rest
        if pre.endswith("ل") and "ا" + rest in _REGION_HEADS:  # للقطاع = ل + القطاع
            return pre, "ا" + rest
    return None


def _most_named_state(groups: list[Group], i: int) -> Entity | None:
    """The last mention of the state the article has named most (as a place) before `i`."""
    count: dict[str, int] = {}
    last: dict[str, Entity] = {}
    for g in groups:
        if g.t0 >= i:
            break
        for p in g.places:
            if p.type == "GPE" and p.code and len(p.code.split(":")[0]) == 3:
                b = p.code.split(":")[0]
                count[b] = count.get(b, 0) + 1
                last[b] = p
    if not count:
        return None
    best = max(count.values())
    tops = [b for b in count if count[b] == best]
    return last[tops[0]] if len(tops) == 1 else None


def region_groups(doc: Doc, groups: list[Group]) -> list[Group]:
    """Groups for `القطاع` (after a Gaza mention) and `البلاد` (the state named most)."""
    out: list[Group] = []
    starts = {g.t0 for g in groups}
    gaza = normalize("غزة")
    for t in doc.toks:
        if t.i in starts or not t.text.endswith(("قطاع", "بلاد")):
            continue
        rw = _region_word(doc.words[t.i])
        if rw is None:
            continue
        pre, head = rw
        ante: Entity | None = None
        if head == "القطاع":
            if t.i + 1 < len(doc.words) and doc.words[t.i + 1] in _SECTOR_ADJ:
                continue
            for g in groups:
                if g.t0 >= t.i:
                    break
                for p in g.places:
                    if p.code and gaza in normalize(p.text):
                        ante = p
        else:
            ante = _most_named_state(groups, t.i)
        if ante is None or not ante.code:
            continue
        prep = pre[-1] if pre and pre[-1] in CLITIC_PREPS else None
        if prep is None and t.i > 0 and doc.words[t.i - 1] in PREP_WORDS:
            prep = doc.words[t.i - 1]
        out.append(Group(codes=[ante.code], t0=t.i, t1=t.i + 1, start=t.start, end=t.end,
                         prep=prep, places=[ante], is_place=True, last_kind="region"))
    return out


# `البلدين`, `الجانبين`, `الطرفين`: the two parties named last (`العلاقات بين البلدين`).
_PAIR_WORDS = frozenset(normalize(w) for w in (
    "البلدين البلدان الجانبين الجانبان الطرفين الطرفان الدولتين الدولتان الكوريتين").split())


def _pair_word(w: str) -> tuple[str, str] | None:
    """(clitic prefix, word) when the token is a pair noun with an optional clitic."""
    for pre in ("", "و", "ب", "ل", "وب", "ول", "ف"):
        rest = w[len(pre):] if w.startswith(pre) else None
        if rest is None:
            continue
        if rest in _PAIR_WORDS:
            return pre, rest
        if pre.endswith("ل") and "ا" + rest in _PAIR_WORDS:  # للبلدين = ل + البلدين
            return pre, "ا" + rest
    return None


def top_pair(groups: list[Group], i: int) -> list[str]:
    """The two parties (state codes) the article has named most before token `i`, each at
    least twice (ties: the more recent); [] when there are no such two."""
    count: dict[str, int] = {}
    last: dict[str, int] = {}
    for g in groups:
        if g.t0 >= i:
            break
        if g.last_kind == "pair":
            continue
        for c in g.codes:
            b = c.split(":")[0]
            if len(b) == 3 and b != "UNK":
                count[b] = count.get(b, 0) + 1
                last[b] = g.t0
    found = sorted(count, key=lambda b: (-count[b], -last[b]))[:2]
    return found if len(found) == 2 and count[found[1]] >= 2 else []


def pair_groups(doc: Doc, groups: list[Group]) -> list[Group]:
    """Groups for `البلدين`-like tokens coded as the last two distinct parties named before."""
    out: list[Group] = []
    starts = {g.t0 for g in groups}
    for t in doc.toks:
        if t.i in starts or not t.text.endswith(("ين", "ان")):
            continue
        pw = _pair_word(t.text)
        if pw is None:
            continue
        if t.i > 0 and doc.words[t.i - 1] in ("حل", "وحل", "بحل", "لحل"):
            continue  # `حل الدولتين`: the two-state solution, not two named parties
        found = top_pair(groups, t.i)
        if not found:
            continue
        pre = pw[0]
        prep = pre[-1] if pre and pre[-1] in CLITIC_PREPS else None
        if prep is None and t.i > 0 and doc.words[t.i - 1] in PREP_WORDS:
            prep = doc.words[t.i - 1]
        out.append(Group(codes=list(found), t0=t.i, t1=t.i + 1, start=t.start,
                         end=t.end, prep=prep, last_kind="pair"))
    return out


# Institutions named with a possessive pronoun (`جيشها`, `قواته`, `حكومته`, `شعبها`) and their sector.
_PRON_HEADS = {"جيش": "MIL", "قوات": "MIL", "حكومت": "GOV", "سلطات": "GOV", "شعب": "CVL"}
_PRON_SUF = ("ه", "ها", "هم")


_PRON_RE = re.compile(r"^(?:|و|ف|ل|ب|ول|وب)(?:جيش|قوات|حكومت|سلطات|شعب)(?:ه|ها|هم)$")


def _pronoun_head(word: str) -> tuple[str, str] | None:
    """(clitic prefix, sector) of `وجيشها`-like tokens, or None."""
    if not _PRON_RE.match(word):
        return None  # one regex test per token; the loop below runs only on the few matches
    for pre in ("", "و", "ف", "ل", "ب", "ول", "وب"):
        if not word.startswith(pre):
            continue
        rest = word[len(pre):]
        for head, sector in _PRON_HEADS.items():
            if rest.startswith(head) and rest[len(head):] in _PRON_SUF:
                return pre, sector
    return None


def pronoun_groups(article: Article, doc: Doc, groups: list[Group]) -> list[Group]:
    """`جيشها`, `قواته`: the possessor is the quote's speaker, else the subject of the sentence
    or of the one before; the group takes its state with the head's sector."""
    starts = {g.t0 for g in groups}
    out: list[Group] = []
    for t in doc.toks:
        if t.i in starts:
            continue
        ph = _pronoun_head(t.text)
        if ph is None:
            continue
        code = _antecedent(article, doc, groups, t.i)
        if code is None:
            continue
        pre, sector = ph
        prep = pre[-1] if pre and pre[-1] in CLITIC_PREPS else None
        if prep is None and t.i > 0 and doc.words[t.i - 1] in PREP_WORDS:
            prep = doc.words[t.i - 1]
        out.append(Group(codes=[f"{code}:{sector}"], t0=t.i, t1=t.i + 1, start=t.start, end=t.end,
                         prep=prep, last_kind="pron"))
    return out


def _antecedent(article: Article, doc: Doc, groups: list[Group], k: int) -> str | None:
    """State code a possessive pronoun at token `k` most likely refers to."""
    off = doc.toks[k].start
    for q in article.quotes:
        if q.start <= off < q.end and q.code and not q.in_title:
            return q.code.split(":")[0]
    sent = doc.toks[k].sent
    for si in (sent, sent - 1):
        if si < 0:
            break
        lo, hi = doc.sents[si]
        hi = min(hi, k)
        for g in groups:
            if lo <= g.t0 < hi and g.prep is None and not g.nisba and g.codes:
                return g.codes[0].split(":")[0]
    return None


def _mention_groups(article: Article, doc: Doc) -> list[Group]:
    """Groups of entity and role mentions."""
    mentions = collect_mentions(article)
    text = article.text
    groups: list[Group] = []
    in_mention: set[int] = set()
    for m in mentions:
        if doc.toks:
            in_mention.update(range(doc.tok_at(m.start), doc.tok_at(max(m.start, m.end - 1)) + 1))
    for m in mentions:
        if not doc.toks:
            break
        k = doc.tok_at(m.start)
        if groups:
            g = groups[-1]
            gap = text[g.end:m.start]
            same_sent = doc.toks[g.t0].sent == doc.toks[k].sent
            if same_sent and not g.codes and not g.places and m.code and k - g.t1 <= 2 \
                    and not any(not doc.toks[x].is_word or doc.words[x] in CLAUSE_OPENERS
                                or doc.words[x] in PREP_WORDS for x in range(g.t1, k)):
                # `وزير خارجية الاتحاد الأوروبي`: an uncoded role head takes the code after it.
                g.codes.append(m.code)
                g.end = m.end
                g.t1 = doc.tok_at(m.end - 1) + 1
                continue
            if same_sent and len(gap) <= 4 and "\n" not in gap:
                codes = base_codes(g.codes)
                mcode = (m.code or "").split(":")[0]
                coord = _GAP_COORD.match(gap) and "و" in gap or _attached(text, doc, k, m) == "و"
                # Apposition: same actor (same code, or a role then the person's name).
                appos = _GAP_APPOS.match(gap) and (not m.code or not codes or mcode in codes
                                                   or (g.last_kind == "role" and m.kind == "PER"))
                if appos and not coord and _sector_clash(g, m):
                    # `دعت الحكومة العراقية مجلس النواب`: same state, another branch: a new actor.
                    appos = False
                if coord or appos:
                    if m.code and (coord or mcode not in codes):
                        g.codes.append(m.code)
                    if m.place is not None:
                        g.places.append(m.place)
                    g.is_place = g.is_place and m.place is not None
                    g.end = m.end
                    g.t1 = doc.tok_at(m.end - 1) + 1
                    g.last_kind = m.kind
                    continue
        prep = _prep_of(text, doc, k, m, in_mention)
        groups.append(Group(codes=[m.code] if m.code else [], t0=k, t1=doc.tok_at(m.end - 1) + 1,
                            start=m.start, end=m.end, prep=prep,
                            places=[m.place] if m.place is not None else [],
                            is_place=m.place is not None, last_kind=m.kind))
    return groups


def _sector_clash(g: Group, m: _Mention) -> bool:
    """True when a non-person mention's sector differs from the group's last coded sector."""
    if m.kind == "PER" or not m.code or ":" not in m.code or not g.codes:
        return False
    last = g.codes[-1]
    if ":" not in last or g.last_kind == "PER":
        return False
    return last.split(":", 1)[1] != m.code.split(":", 1)[1]


def _attached(text: str, doc: Doc, k: int, m: _Mention) -> str:
    """Clitic letters glued before the mention inside its token (`لكييف` -> `ل`)."""
    t = doc.toks[k]
    if t.start < m.start:
        return normalize(text[t.start:m.start])
    return ""


def _prep_of(text: str, doc: Doc, k: int, m: _Mention, in_mention: set[int]) -> str | None:
    """The preposition governing a mention: an attached clitic or the preceding word."""
    att = _attached(text, doc, k, m)
    if att:
        for ch in reversed(att):
            if ch in CLITIC_PREPS:
                return ch
    nm = normalize(m.text)
    if nm.startswith("لل"):
        return "ل"
    j = k - 1
    while j >= 0 and j >= k - 4 and doc.toks[j].sent == doc.toks[k].sent:
        prev = doc.words[j]
        if prev in PREP_WORDS:
            return prev[1:] if prev.startswith("و") and prev[1:] in PREP_WORDS else prev
        if prev in ROLE_HEADS:
            j -= 1
            continue
        for p in ("ب", "ل", "لل", "وب", "ول", "ولل"):
            # `بوزراء خارجية …`, `لوزير …`: the clitic sits on the role head.
            if prev.startswith(p) and prev[len(p):] in ROLE_HEADS | {"ال" + h for h in ROLE_HEADS}:
                return p[-1]
        if j == k - 1 and doc.toks[j].is_word and prev not in ORG_HEADS and j not in in_mention:
            # One head noun between a preposition and the name: `ضد مواقع داعش`, `لقرى كردستان`.
            if j > 0 and doc.words[j - 1] in PREP_WORDS:
                pw = doc.words[j - 1]
                return pw[1:] if pw.startswith("و") and pw[1:] in PREP_WORDS else pw
            if len(prev) > 3 and prev[0] in ("ب", "ل") and prev[1:] not in ORG_HEADS \
                    and prev[1:3] != "ال" or prev.startswith(("بال", "لل")) and len(prev) > 4:
                return prev[0]
        break
    return None


# `على يد X`, `بأيدي X`: X is the agent of the passive or verbal noun before.
_HAND = frozenset({"يد", "ايدي", "ايادي", "بيد", "بايدي"})


# Organisation heads whose genitive is the organisation's name (`لجماعة حزب الله`).
ORG_HEADS = frozenset({"جماعه", "حركه", "تنظيم", "حزب", "منظمه", "ميليشيا", "مليشيا", "قوات",
                       "جيش", "لجماعه", "لحركه", "لتنظيم", "لحزب", "لمنظمه", "لقوات", "لجيش",
                       "بجماعه", "بحركه", "بتنظيم", "وكاله", "صحيفه", "قناه", "دوله", "مدينه",
                       "ولايه", "محافظه", "اقليم", "جمهوريه", "مملكه", "امير", "ملك"})


# ---------------------------------------------------------------- search

@dataclass
class ArgIndex:
    """Groups indexed by start token, for the argument searches of one article."""

    doc: Doc
    groups: list[Group]
    time_toks: set[int]
    by_t0: dict[int, Group] = field(default_factory=dict)
    hit_toks: set[int] = field(default_factory=set)
    stmt_toks: set[int] = field(default_factory=set)

    covered: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.by_t0 = {g.t0: g for g in self.groups}
        self.covered = {k for g in self.groups for k in range(g.t0, g.t1)}

    def gap(self, a: int, b: int) -> int:
        """Words in tokens (a, b) outside mentions, times and punctuation: how far apart two
        arguments really are (`الجيش التركي الجمعة ، على` is one word apart)."""
        return sum(1 for k in range(a + 1, b) if k not in self.covered and k not in self.time_toks
                   and self.doc.toks[k].is_word)

    def _skippable(self, j: int) -> bool:
        return j in self.time_toks or self.doc.words[j] in SKIPPABLE

    def nisba_after(self, i: int, limit: int) -> Group | None:
        """A nationality adjective within two words after token `i` (`القصف التركي`)."""
        for j in range(i + 1, min(limit, i + 3)):
            g = self.by_t0.get(j)
            if g is not None:
                return g if g.nisba else None
            if self.doc.words[j] not in _ADJ_SKIP:
                return None
        return None

    def bare_after(self, i: int, limit: int, max_skip: int = 4, nouns: int = 0,
                   heads: int = 0) -> Group | None:
        """A bare group right after token `i`, skipping adverbs, times, role heads, `nouns` words."""
        j = i + 1
        skipped = 0
        while j < limit and skipped <= max_skip + heads:
            g = self.by_t0.get(j)
            if g is not None and not g.nisba:
                return g if g.prep is None and not g.is_place_only_loc() else None
            w = self.doc.words[j]
            if heads > 0 and (w in ROLE_HEADS or (w[:1] == "ل" and w[1:] in ORG_HEADS)):
                heads -= 1
                j += 1
                continue
            if not self._skippable(j):
                if nouns <= 0 or not self.doc.toks[j].is_word or w in PREP_WORDS:
                    return None
                nouns -= 1
            j += 1
            skipped += 1
        return None

    def groups_after(self, i: int, limit: int, preps: Iterable[str], window: int = 14) -> list[Group]:
        """All groups after token `i` (within `window` tokens) whose preposition is in `preps`."""
        wanted = set(preps)
        return [g for g in self.groups if i < g.t0 < limit and g.t0 - i <= window
                and g.prep in wanted and g.codes]

    def object_after(self, i: int, limit: int) -> Group | None:
        """A direct object after token `i` behind one head noun: `توقيف القس الأمريكي أندرو برانسون`
        gives the name; with no name, the head's nationality adjective (`أهداف إيرانية`)."""
        j = i + 1
        head = False
        nis: Group | None = None
        while j < limit and j <= i + 5:
            g = self.by_t0.get(j)
            if g is not None and not g.nisba:
                return g if g.prep is None and not g.is_place_only_loc() else nis
            if g is not None and g.nisba:
                if head and nis is None:
                    nis = g
                j = g.t1
                continue
            w = self.doc.words[j]
            if self._skippable(j) or w in _ADJ_SKIP:
                j += 1
                continue
            if head or not self.doc.toks[j].is_word or w in PREP_WORDS or j in self.hit_toks:
                return nis
            head = True
            j += 1
        return nis

    def agent_after(self, i: int, limit: int, window: int = 12) -> Group | None:
        """The agent of a passive or verbal noun: `من جانب X` / `من قبل X` after token `i`."""
        for g in self.groups:
            if g.t0 <= i:
                continue
            if g.t0 >= limit or g.t0 - i > window:
                return None
            if not g.codes:
                continue
            if g.prep in ("علي", "ب") and any(self.doc.words[j] in _HAND for j in
                                               range(max(i + 1, g.t0 - 2), g.t0)):
                return g  # `قتل على يد مسلحين`, `بأيدي قوات …`
            if g.prep not in ("جانب", "قبل"):
                continue
            for j in range(g.t0 - 1, max(i, g.t0 - 4), -1):
                if self.doc.words[j] in ("جانب", "قبل"):
                    if self.doc.words[j - 1] in ("من", "ومن"):
                        return g
                    break
        return None

    def first_bare(self, lo: int, i: int) -> Group | None:
        """The first bare coded group in tokens [lo, i): a sentence's main subject."""
        for g in self.groups:
            if g.t0 >= i:
                return None
            if g.t0 >= lo and g.prep is None and not g.nisba and not g.is_place_only_loc():
                return g
        return None

    def group_after(self, i: int, limit: int, preps: Iterable[str], window: int = 14) -> Group | None:
        """The first group after token `i` (within `window` tokens) whose preposition is in `preps`."""
        wanted = set(preps)
        for g in self.groups:
            if g.t0 <= i:
                continue
            if g.t0 >= limit or g.t0 - i > window:
                break
            if g.prep in wanted and g.codes:
                return g
        return None

    def bare_before(self, i: int, lo: int, window: int = 14) -> Group | None:
        """The nearest bare group ending before token `i` and not before `lo`."""
        best: Group | None = None
        for g in self.groups:
            if g.t1 > i:
                break
            if g.t0 >= lo and i - g.t1 <= window and g.prep is None and not g.nisba \
                    and not g.is_place_only_loc():
                best = g
            elif g.nisba and g.t1 == i and g.t0 >= lo:
                best = g  # `قوى سياسية عراقية نددت`: the adjective codes the subject
        return best

    def group_containing_or_before_relative(self, i: int) -> Group | None:
        """For a verb opening a relative clause (`بوريل الذي سيلتقي`), the antecedent group."""
        j = i - 1
        while j >= 0 and self.doc.words[j] in ("قد", "لم", "لن", "لا"):
            j -= 1
        if j >= 0 and self.doc.words[j] in RELATIVES:
            for g in self.groups:
                if g.t1 == j or g.t1 == j - 1:
                    return g
        return None

    def containing(self, i: int) -> Group | None:
        """The mention group whose span holds token `i`, if any."""
        for g in self.groups:
            if g.t0 > i:
                return None
            if g.t0 <= i < g.t1 and not g.nisba:
                return g
        return None

    def groups_in(self, lo: int, hi: int) -> list[Group]:
        """Groups starting within token range [lo, hi)."""
        return [g for g in self.groups if lo <= g.t0 < hi]

