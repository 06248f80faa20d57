"""Speaker phrases: where a speaker phrase ends, its shortest naming surface, its actor code.

The syntactic phrase comes from the words around the cue verb (`قال X في بيان إن`); the
entity and role layers, when present, tell the name inside it (`المتحدثة باسم الخارجية
الروسية، ماريا زاخاروفا` -> `ماريا زاخاروفا`) and the actor code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from rasid.quotes.textdoc import ALL_MARKS, TextDoc
from rasid.text.normalize import normalize

TIME_WORDS = frozenset(normalize(w) for w in (
    "الثلاثاء الأربعاء الخميس الجمعة السبت الأحد الاثنين الإثنين أمس اليوم غدا غداً يوم مساء "
    "صباح ليلة الليلة فجر ظهر مؤخرا مؤخراً "
    # adverbs of manner and repetition, never part of a speaker's name
    "مرارا مراراً مجددا مجدداً أيضا أيضاً لاحقا لاحقاً سابقا سابقاً كذلك خصوصا خصوصاً "
    "تكرارا تكراراً مسبقا مسبقاً حاليا حالياً حينها حينذاك آنذاك").split())
RELATIVES = frozenset(normalize(w) for w in "الذي التي الذين اللذين اللتين اللواتي وهو وهي وهم".split())
ADVERBIAL_STARTERS = frozenset(normalize(w) for w in (
    "خلال أمام عقب بعد قبل أثناء عبر لدى على عن مع حول بشأن إثر اثر منذ ردا رداً تعليقا تعليقاً "
    "بدوره بدورها بدورهم").split())
ADDRESSEES = frozenset(normalize(w) for w in (
    "للصحفيين للصحافيين لوسائل لوكالة لصحيفة لقناة لموقع لشبكة لتلفزيون لإذاعة لمجلة "
    "للإعلاميين للمراسلين للوكالة للصحيفة للقناة للشبكة للموقع").split())
# Heads after which `ل` begins a genitive that is still part of the speaker phrase.
L_HEADS = frozenset(normalize(w) for w in (
    "العام العامة التنفيذي الأعلى الخاص التابع التابعة الإعلامي الرسمي الدائم السامي السامية "
    "مستشار المستشار ممثل الممثل سفير السفير مبعوث المبعوث مندوب المندوب أمين الأمين نائب "
    "رئيس مدير المدير قائد عضو وزير متحدث المتحدث ناطق الناطق مساعد المساعد").split())
# Indefinite heads that take `في` inside the phrase (`مسؤول في حلف شمال الأطلسي`).
IN_HEADS = frozenset(normalize(w) for w in (
    "مسؤول مسؤولة مسؤولون مسؤولين مصدر مصادر عضو أعضاء سفير مندوب ممثل خبير خبراء باحث "
    "ناشط ناشطون قيادي ضابط مراسل دبلوماسي دبلوماسيون").split())
IN_HEADS_BARE = frozenset(_w[2:] if _w.startswith("ال") else _w for _w in IN_HEADS)
SPEECH_NOUNS = frozenset(normalize(w) for w in (
    "بيان تصريح تصريحات حديث مقابلة مؤتمر المؤتمر كلمة كلمته كلمتها خطاب خطابه خطابها رسالة "
    "الرسالة تغريدة تدوينة منشور حوار لقاء اتصال جلسة ختام افتتاح أعقاب وقت إطار ظل سياق "
    "معرض رده ردها تعليق تعليقه تقرير اجتماع البيان الخطاب الحديث المقابلة الجلسة اللقاء "
    "الاتصال الاجتماع تصريحاته تصريحاتها نفس الوقت").split())
TITLES = frozenset(normalize(w) for w in (
    "الدكتور د السيد السيدة الشيخ النائب المهندس القاضي الجنرال الفريق اللواء العميد الأمير "
    "الأستاذ البروفيسور").split())
UNNAMED = frozenset(normalize(w) for w in "اسمه اسمها اسمهم هويته هويتها هويتهم".split())
DEMONSTRATIVES = frozenset(normalize(w) for w in "هذه هذا هؤلاء تلك ذلك".split())
LEADING_PARTICLES = frozenset(normalize(w) for w in "لكن ولكن بل ثم فيما بينما حيث كما إذ وقد قد".split())
# Indefinite heads in construct with a person: the speaker is the phrase (`مساعد هاريس`),
# coded by the person they work for.
CONSTRUCT_HEADS = frozenset(normalize(w) for w in (
    "مساعد مساعدة مستشار مستشارة محامي محامية ممثل ممثلة مبعوث متحدث ناطق زوجة زوج ابن ابنة "
    "شقيق شقيقة مكتب حملة فريق أنصار مؤيدو مقربون مقرب مقربين والد والدة").split())
# Words of a speaker phrase that say what kind of speaker it is, not whom it speaks for.
GENERIC_WORDS = frozenset(_w for _w in (normalize(w) for w in (
    "متحدث المتحدث متحدثة المتحدثة ناطق الناطق ناطقة الناطقة باسم رئيس الرئيس رئيسة مدير المدير "
    "مديرة وزير الوزير نائب النائب مسؤول المسؤول مسؤولون مسؤولين عضو أعضاء أمين الأمين العام "
    "سفير السفير قائد زعيم مستشار مساعد ممثل مندوب مبعوث مكتب بيان البيان تصريح تصريحات "
    "تقرير التقرير رسالة الرسالة مصدر مصادر المصدر المصادر الدكتور السيد الشيخ والد والدة "
    "الأسبق السابق سابق الأسبق").split()))
# A speaker that is only a statement (`البيان`, `بيان الخارجية`) speaks for its issuer.
STATEMENT_HEADS = frozenset(normalize(w) for w in (
    "بيان البيان تقرير التقرير رسالة الرسالة بلاغ البلاغ تصريح التصريح").split())


# Attribution adverbials: `قالت X نقلاً عن Y`, `أشار X، بحسب بيان`: the phrase of X ends there.
ATTRIBUTION_WORDS = frozenset(normalize(w) for w in (
    "نقلا نقلاً بحسب حسب حسبما وفق وفقا وفقاً طبقا طبقاً").split())


# Prepositions carrying a pronoun: never part of a speaker phrase (`يوضح فيها أنه`).
PRONOUN_PREPS = frozenset(normalize(w) for w in (
    "فيه فيها فيهم له لها لهم عنه عنها عنهم منه منها منهم عليه عليها عليهم به بها بهم "
    "إليه إليها إليهم خلاله خلالها").split())


@dataclass
class Span:
    """An entity or role from the layers, in original offsets."""

    start: int
    end: int
    text: str
    type: str  # PER | ORG | GPE | LOC | ROLE
    code: str | None
    en: str | None
    source: str = ""  # the entity layer's source (`gazetteer`, `crf`, `crf+country-default` …)


def weak_code(x: Span) -> bool:
    """True when a person's code is a guess of the entity layer (a statistical name coded by
    the article's country or by default), which phrase evidence such as a role should beat."""
    return x.type == "PER" and (x.source.startswith("crf") or "default" in x.source)


def apposed_role_code(x: Span, spans: list[Span], text: str) -> str | None:
    """The code of a role set in apposition to a person: `المسؤول في الأمم المتحدة …، بير
    لودهامار،` (role before, at most one comma between) or `X، المتحدث باسم …` (role after)."""
    for y in spans:
        if y.type != "ROLE" or not y.code or y is x:
            continue
        if 0 <= x.start - y.end <= 60:
            gap = text[y.end:x.start]
            if "." not in gap and "\n" not in gap and gap.count("،") + gap.count(",") <= 1 and \
                    gap.rstrip()[-1:] in ("،", ",", ""):
                return y.code
        if 0 <= y.start - x.end <= 3 and text[x.end:y.start].strip() in ("،", ","):
            return y.code
    return None


@dataclass
class Speaker:
    """A resolved speaker: the naming surface, its span, English name, code, gender."""

    text: str | None
    start: int | None
    end: int | None
    en: str | None = None
    code: str | None = None
    gender: str = "m"
    region: str = ""  # the whole syntactic phrase (for later `المسؤول` / `الشبكة` references)
    heads: set[str] = field(default_factory=set)


def layer_spans(entities: Iterable[Any], roles: Iterable[Any]) -> list[Span]:
    """Entities and roles of an article as Spans, sorted by start."""
    out = [Span(e.start, e.end, e.text, e.type, e.code, e.name_en, getattr(e, "source", "") or "")
           for e in entities]
    out += [Span(r.start, r.end, r.text, "ROLE", r.code, r.name_en) for r in roles]
    return sorted(out, key=lambda s: (s.start, -s.end))


def _bare(word: str) -> str:
    """A word without a leading و and ال (for head-noun comparison)."""
    if word.startswith("وال") and len(word) > 4:
        word = word[1:]
    if word.startswith("ال") and len(word) > 3:
        word = word[2:]
    return word


def heads_of(text: str) -> set[str]:
    """Content words of a phrase, without ال (matching form)."""
    return {_bare(w) for w in normalize(text).split() if len(w) > 2 and w not in DEMONSTRATIVES}


def name_heads(text: str) -> set[str]:
    """Content words of a name without titles (`الدكتور اليامي` -> {يامي})."""
    return {_bare(w) for w in normalize(text).split()
            if len(w) > 2 and w not in DEMONSTRATIVES and w not in TITLES}


def trim_gap(doc: TextDoc, a: int, b: int, time_spans: list[tuple[int, int]],
             spans: list[Span] | None = None) -> tuple[int, int, tuple[int, int] | None]:
    """The speaker phrase inside tokens a..b-1: (a, end, apposition-name range or None)."""
    toks = doc.toks
    # `مسؤولون محليون لبي بي سي`: a name the layers found right after a fused ل is the
    # addressee.
    to_name = {x.start - 1 for x in spans or () if x.type in ("ORG", "PER", "GPE")}
    while a < b and (toks[a].text in ("،", ",", ":", "-") or toks[a].text in TIME_WORDS):
        a += 1
    apposition = None
    k = a
    while k < b:
        t = toks[k]
        w = t.text
        if k > a and w in ("،", ","):
            apposition = _apposition(doc, k + 1, b, time_spans)
            break
        if _cuts(doc, k, a, b, time_spans) or (k > a and t.s in to_name and w[:1] == "ل"):
            if k > a and w in ("في", "عن", "لدى"):
                # `المتحدث باسم وزارة الصحة في غزة، أشرف القدرة، بأن`: the holder's name set
                # off at the end of the phrase names the speaker.
                apposition = _closing_apposition(doc, k, b, time_spans)
            break
        if w in ALL_MARKS and doc.region_opening(t) is None and k == a:
            a += 1
        k += 1
    return a, k, apposition


def _cuts(doc: TextDoc, k: int, a: int, b: int, time_spans: list[tuple[int, int]]) -> bool:
    """True when token k (of a gap starting at a) ends the speaker phrase."""
    toks = doc.toks
    t, w = toks[k], toks[k].text
    if w in ("(", "[", ":", "-", "–", "/") or w in RELATIVES or w in TIME_WORDS or \
            (k > a and w in ATTRIBUTION_WORDS):
        return True
    if w[:1] == "ل" and len(w) > 1 and w[1:].isascii():
        return True  # `طليب لـCNN`: the interviewer
    if w in PRONOUN_PREPS:
        return True  # `أكد فيه أن`: the speaker is elsewhere
    if any(s <= t.s < e for s, e in time_spans):
        return True
    if w == "عن" and k + 1 < b and toks[k + 1].text in UNNAMED:
        return False  # `مصدر رفض الكشف عن اسمه`
    if w in ADVERBIAL_STARTERS or w in ADDRESSEES or w == "ل":
        return True
    if w == "ب" and k + 1 < b and toks[k + 1].text in ALL_MARKS:
        return True
    if w == "في":
        if k == a:
            return True
        prev = toks[k - 1].text
        nxt = toks[k + 1].text if k + 1 < b else ""
        # `مسؤول في الناتو`, `المراسل في قناة 12`: the head takes `في` inside its phrase.
        inner = prev in IN_HEADS or _bare(prev) in IN_HEADS_BARE or \
            (not prev.startswith("ال") and k - a <= 3)
        return nxt in SPEECH_NOUNS or nxt in TIME_WORDS or not inner
    return w.startswith("لل") and (k == a or toks[k - 1].text not in L_HEADS)


def _closing_apposition(doc: TextDoc, k: int, b: int,
                        time_spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """A name after the last comma of tokens k..b-1 that runs to b (or to a comma at b-1)."""
    toks = doc.toks
    end = b - 1 if b - 1 > k and toks[b - 1].text in ("،", ",") else b
    commas = [i for i in range(k, end) if toks[i].text in ("،", ",")]
    if not commas or end - commas[-1] > 5:
        return None
    a = commas[-1] + 1
    if not 1 <= end - a <= 4 or toks[a].text.startswith("ال"):
        return None
    for t in toks[a:end]:
        w = t.text
        if not w.isalpha() or w in TIME_WORDS or w in ADVERBIAL_STARTERS or w in RELATIVES or \
                w in GENERIC_WORDS or w in TITLES or w in ("في", "و") or w.startswith("و") or \
                any(s <= t.s < e for s, e in time_spans):
            return None
    return a, end


def _apposition(doc: TextDoc, a: int, b: int, time_spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """A name set off by a comma after a role (`المتحدثة باسم الخارجية، ماريا زاخاروفا`)."""
    toks = doc.toks
    k = a
    while k < b and toks[k].text not in ("،", ",", "(", ":") and k - a < 5:
        w = toks[k].text
        if (w.startswith("ال") or w in TIME_WORDS or w in ADVERBIAL_STARTERS or w in RELATIVES
                or w == "في" or not w.isalpha() or w.startswith("و")
                or any(s <= toks[k].s < e for s, e in time_spans)):
            return None
        k += 1
    return (a, k) if 1 <= k - a <= 4 else None


def choose(doc: TextDoc, a: int, b: int, apposition: tuple[int, int] | None,
           spans: list[Span]) -> Speaker | None:
    """Speaker from the phrase tokens a..b-1: a person named in it, else its role or organisation."""
    if b <= a:
        return None
    s, e, region = doc.surface(a, b)
    if apposition:
        e = doc.toks[apposition[1] - 1].e
        region = doc.text[s:e]
    inside = [x for x in spans if x.start < e and x.end > s]
    pers = [x for x in inside if x.type == "PER"]
    coded = [x for x in inside if x.code]
    chosen: Span | None = None
    at_start = [x for x in inside if x.start <= s + 1 or _only_titles_before(doc, s, x.start)]
    first = min(at_start, key=lambda x: (x.start, -(x.end - x.start))) if at_start else None
    if first is not None and first.type != "ROLE":
        chosen = first  # the phrase starts with a name: `ترامب شهادة كافانو`
    elif pers:
        # A role phrase ends with its holder's name; earlier names are genitives inside it
        # (`المتحدث باسم مكتب رئيس الوزراء حيدر العبادي سعد الحديثي`).
        chosen = pers[-1]
    elif first is not None:
        chosen = first
    if chosen is not None and chosen.type == "ROLE" and apposition and \
            doc.toks[apposition[0]].s >= chosen.end and not any(
                x.type != "PER" and x.start < doc.toks[apposition[1] - 1].e and
                x.end > doc.toks[apposition[0]].s for x in spans):
        # `المتحدث باسم وزارة الصحة في غزة، أشرف القدرة،`: the holder's name, not the role,
        # names the speaker; the role still tells whom they speak for.
        ts, te, text = doc.surface(*apposition)
    elif chosen is not None:
        text, ts, te = chosen.text, chosen.start, chosen.end
        if chosen.type == "ROLE" and len(chosen.text.split()) == 1 and chosen.start <= s + 1 \
                and e > chosen.end and not apposition:
            # A bare role noun (`رئيس`, `مصادر`) is named by the rest of its phrase
            # (`رئيس بعثة الأمم المتحدة`, `مصادر رسمية`).
            ts, te, text = s, e, region
        if chosen.type == "PER":
            before = [t for t in doc.toks[a:b] if t.e <= chosen.start]
            if before and before[-1].text in CONSTRUCT_HEADS and before[-1].s >= s:
                # `مساعد هاريس`: the aide speaks, for the person's side.
                ts = before[-1].s
                text = doc.text[ts:te]
    elif apposition:
        ts, te, text = doc.surface(*apposition)
    else:
        ta = a
        while ta < b - 1 and doc.toks[ta].text in TITLES:
            ta += 1
        ts, te, text = doc.surface(ta, b)
    code = chosen.code if chosen is not None and chosen.code else (coded[0].code if coded else None)
    en = chosen.en if chosen is not None and chosen.en else None
    if en is None and coded and not pers:
        en = coded[0].en
    return Speaker(text=text.strip(), start=ts, end=te, en=en, code=code, region=region,
                   heads=heads_of(region))


def _only_titles_before(doc: TextDoc, s: int, start: int) -> bool:
    """True when only title words (الدكتور, النائب) stand between s and start."""
    words = normalize(doc.text[s:start]).split()
    return all(w in TITLES for w in words)


def nearest_span(spans: list[Span], s: int, e: int, lo: int, hi: int) -> Span | None:
    """The PER/ORG/GPE/ROLE span nearest to [s, e) within [lo, hi)."""
    best, dist = None, None
    for x in spans:
        if x.type == "LOC" or x.start < lo or x.end > hi:
            continue
        d = 0 if (x.start < e and x.end > s) else min(abs(x.start - e), abs(s - x.end))
        if dist is None or d < dist:
            best, dist = x, d
    return best


def resolve_reference(sp: Speaker, history: list[Speaker]) -> Speaker:
    """`المسؤول`, `الشبكة`, `هذه التسريبات`: a short uncoded definite phrase names an earlier speaker."""
    if sp.code or not sp.text:
        return sp
    words = normalize(sp.text).split()
    words = [w for w in words if w not in DEMONSTRATIVES]
    if not words or len(words) > 2:
        return sp
    head = _bare(words[0])
    # `الرئيسان`, `الوزيرين`: a dual names earlier speakers by their singular head.
    single = head[:-2] if len(head) > 5 and head.endswith(("ان", "ين")) else head
    for prev in reversed(history):
        if (head in prev.heads or single in prev.heads) and (prev.code or prev.en):
            sp.code = prev.code
            sp.en = sp.en or prev.en
            return sp
    return sp


def resolve_alias(sp: Speaker, spans: list[Span], anonymous: frozenset[str], text: str = "") -> Speaker:
    """An uncoded speaker takes the code of a coded mention of the same name (`حوري` ->
    `عمار حوري`), or of a role set beside a mention of it (`ستيفان دوغاريك المتحدث باسم
    الأمم المتحدة`); an anonymous source (`مصدر`, `آخرون`) with nothing coding it is UNK."""
    if sp.code or not sp.text:
        return sp
    code = extension_code(sp.text, spans, text)
    if code:
        sp.code = code
        return sp
    heads = name_heads(sp.text)
    if heads:
        same = [x for x in spans if x.type in ("PER", "ORG", "ROLE") and heads <= heads_of(x.text)]
        for x in same:
            if x.code:
                sp.code, sp.en = x.code, sp.en or x.en
                return sp
        for x in same:
            if x.type != "PER":
                continue
            near = _beside(x, spans, text)
            if near is not None:
                sp.code = near.code
                return sp
    words = normalize(sp.text).split()
    words = [w for w in words if w not in DEMONSTRATIVES]
    if words and (words[0] in anonymous or _bare(words[0]) in {_bare(a) for a in anonymous}):
        sp.code = "UNK"
    return sp


def extension_code(name: str, spans: list[Span], text: str) -> str | None:
    """`هادي بن علي اليامي` where the layers coded only `هادي بن علي`: a name written right
    after a coded person's name somewhere in the text is that person (its code)."""
    if not text or not name or len(name) < 3:
        return None
    pos = text.find(name)
    while pos >= 0:
        for x in spans:
            if x.type == "PER" and x.code and 0 < pos - x.end <= 1 and \
                    text[x.end:pos].strip() == "":
                return x.code
        pos = text.find(name, pos + 1)
    return None


def _beside(x: Span, spans: list[Span], text: str) -> Span | None:
    """A coded role right after a name or set off after it (`شارن هسكل، عضو حزب الليكود`), a
    coded role before it (asides and given names between), else a coded organisation just
    before it."""
    coded = [y for y in spans if y.code and y is not x and y.type in ("ROLE", "ORG")]
    for y in coded:
        if y.type == "ROLE" and 0 <= y.start - x.end <= 3 and "." not in text[x.end:y.start]:
            return y
    for y in coded:
        gap = text[x.end:y.start] if text else ""
        words = normalize(gap.strip(" ،,")).split()
        if 0 <= y.start - x.end <= 30 and gap.strip()[:1] in ("،", ",") and \
                len(words) <= 2 and all(w in L_HEADS or w in IN_HEADS for w in words):
            return y
    for kind, reach in (("ROLE", 60), ("ORG", 40)):
        for y in coded:
            gap = text[y.end:x.start] if text else ""
            if y.type == kind and 0 <= x.start - y.end <= reach and \
                    not any(c in gap for c in ".،,\n"):
                return y
    return None


def nisba_code(phrase: str) -> str | None:
    """The state a speaker phrase names by a nationality adjective (`المسؤولين الروس` -> RUS,
    `مصادر عسكرية إسرائيلية` -> ISR), from the entity gazetteer."""
    try:
        from rasid.entities.gazetteer import get_gazetteer
        gz = get_gazetteer()
    except Exception:  # the gazetteer is optional for this stage
        return None
    for w in normalize(phrase).split():
        for p in gz.lookup(w):
            e = gz.entries[p.entry]
            if p.how == "nisba" and e.code and e.kind in ("country", "demonym"):
                return e.code
    return None


def gazetteer_code(phrase: str) -> str | None:
    """The code of a name the entity layer missed in a speaker phrase (`#تنظيم_داعش`): the
    whole phrase, or one of its words, as a gazetteer name of an organisation or person."""
    try:
        from rasid.entities.gazetteer import get_gazetteer
        gz = get_gazetteer()
    except Exception:  # the gazetteer is optional for this stage
        return None
    norm = normalize(phrase.replace("_", " ").replace("#", " "))
    words = norm.split()
    for cand in [" ".join(words)] + words:
        for p in gz.lookup(cand):
            e = gz.entries[p.entry]
            if p.how in ("form", "short") and e.code and e.kind in ("org", "igo", "person"):
                return e.code
    return None


def is_role_word(word: str) -> bool:
    """True when a (normalised) word is a role noun of the entity gazetteer (`الرئيس`, `مراسل`)."""
    try:
        from rasid.entities.gazetteer import get_gazetteer
        gz = get_gazetteer()
    except Exception:  # the gazetteer is optional for this stage
        return False
    return any(p.how == "role" for p in gz.lookup(word))


def resolve_region(sp: Speaker, spans: list[Span], history: list[Speaker]) -> Speaker:
    """An uncoded speaker coded by the rest of its phrase: a nationality adjective, the body it
    speaks for as an earlier speaker or entity names it (`المتحدث باسم المفوضية` after
    `مفوضية اللاجئين`, `بيان الخارجية` after `وزارة الخارجية القطرية`), or, for a bare
    statement (`البيان`), the last coded speaker."""
    if sp.code or not sp.text:
        return sp
    region = sp.region or sp.text
    code = nisba_code(region)
    if code:
        sp.code = code
        return sp
    own = name_heads(sp.text) if sp.region and sp.region != sp.text else set()
    words = [_bare(w) for w in normalize(region).split()
             if w not in GENERIC_WORDS and len(w) > 2 and w not in DEMONSTRATIVES]
    words = [w for w in words if w not in own]
    for w in words:
        for prev in reversed(history):
            if prev.code and prev.code != "UNK" and w in prev.heads:
                sp.code, sp.en = prev.code, sp.en or prev.en
                return sp
        for x in spans:
            if x.code and x.type in ("ORG", "ROLE") and w in heads_of(x.text):
                sp.code = x.code
                return sp
    first = normalize(sp.text).split()[:1]
    # `بيان بالإنكليزية`: a prepositional modifier says nothing of the issuer
    words = [w for w in words if not (w[:1] in "بل" and not w.startswith("ال"))]
    if first and first[0] in STATEMENT_HEADS and not words:
        for prev in reversed(history):
            if prev.code and prev.code != "UNK":
                sp.code = prev.code
                return sp
    return sp
