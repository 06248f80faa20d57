"""Names introduced by a class noun: small places, media and quoted organisations.

Most local places (`مديرية صرواح`, `بلدة عيتا الشعب`, `مطار الشعيرات العسكري`, `جبل الخليقة`),
TV channels (`القناة 12`) and electoral lists (`لائحة "كلنا وطني"`) are in no list, and the CRF
misses many of them. Arabic names them after a class noun, so the noun tells both that a name
follows and what kind it is. The name is the next word(s), or the quoted string; it is rejected
when it is an ordinary word, a function word, an adjective or a direction (`قرية نائية`,
`قاعدة عسكرية`, `مخيم للنازحين`, `من ناحية أخرى`).

Surface convention (scoring counts containment either way): a settlement is recorded by its bare
name (`عيتا الشعب`: it is the town's name, and a shorter span is still inside a longer gold
form); a facility or natural feature keeps its class noun and trailing adjective (`مطار
الشعيرات العسكري`: without the noun it would name the town); a quoted name is recorded inside
its quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rasid.entities.crf import FUNCTION_WORDS, name_tokens
from rasid.entities.gazetteer import Gazetteer
from rasid.text.normalize import normalize

# Settlements and administrative units: the name alone is a GPE. (strict = the noun is also an
# ordinary word often enough (`حي` alive, `ناحية` side, `قضاء` judiciary) that its name must be
# no ordinary word at all.)
GPE_HEADS: dict[str, bool] = {
    "بلده": False, "قريه": False, "مدينه": False, "محافظه": False, "ولايه": False, "اقليم": False,
    "مخيم": False, "بلدات": True, "قري": True,
    "مديريه": True, "ناحيه": True, "قضاء": True, "حي": True, "عزله": True,
}
# Facilities and natural features: `head + name (+ adjective)` is a LOC.
LOC_HEADS: dict[str, bool] = {
    "معسكر": False, "مطار": False, "جبل": False, "جبال": False, "وادي": False, "سهل": False,
    "ميناء": False, "مرفا": False, "معبر": False, "سجن": False, "جزيره": False, "جزر": False,
    "نهر": False, "بحيره": False, "تله": False, "تلال": False, "هضبه": False, "قلعه": False,
    "ساحه": False, "ميدان": False, "قاعده": True, "شارع": True,
}
# Media: `قناة X` -> X is an ORG (the channel), `القناة 12` keeps its noun.
MEDIA_HEADS: dict[str, bool] = {
    "قناه": False, "تلفزيون": True, "اذاعه": True, "صحيفه": False, "جريده": False, "مجله": False,
    "وكاله": True, "شبكه": True,
}
# Organisations named only in quotes after these (`لائحة "X"`, `حزب "X"`, `جمعية "X"`).
ORG_HEADS_QUOTED: frozenset[str] = frozenset({
    "لائحه", "قائمه", "كتله", "تحالف", "ائتلاف", "حزب", "حركه", "تيار", "جبهه", "تجمع", "منظمه",
    "جمعيه", "مؤسسه", "شركه", "جماعه", "مجموعه", "هيئه", "لجنه", "اتحاد", "نقابه", "حمله", "مبادره",
    "مرصد", "مركز", "موقع", "منصه"})
# Adjectives that may close a facility name (`مطار X العسكري`, `قاعدة X الجوية`).
FACILITY_ADJ: frozenset[str] = frozenset({
    "العسكري", "العسكريه", "الجوي", "الجويه", "البحري", "البحريه", "الدولي", "الدوليه", "المركزي",
    "المركزيه", "الحربي", "الحربيه"})
# Words that follow a class noun without being a name.
NOT_NAMES: frozenset[str] = frozenset("""
شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي شمالا جنوبا شرقا غربا الشمالي الجنوبي الشرقي الغربي
الشماليه الجنوبيه الشرقيه الغربيه اخري اخر ثانيه ثاني ثالثه واحده واحد عده عدد بعض كل اي
اللاجئين النازحين المهاجرين الاحتلال تدريب التدريب الحدود الحدوديه الرئيسي الرئيسيه المجاور
المجاوره القريب القريبه البعيده المحتل المحتله المحاصر المحاصره المذكور المذكوره نفسها نفسه
الجديد الجديده القديم القديمه الصغيره الكبيره الاخري الاولي الاول الثانيه الثاني المدينه البلده
القريه المنطقه المحافظه العاصمه الدوله البلاد الوطن المخيم الحي المطار القاعده الجبل السجن
الامن الارصاد التربيه الصحه الزراعه المياه الكهرباء البيانات الانطلاق الشعبيه الاشتباك
رابعه خامسه سادسه سابعه ثامنه تاسعه عاشره اولي
اتصال الاتصال التواصل الاخبار الانباء التلفزه الانترنت الالكتروني الرسمي الرسميه الخاص الخاصه
""".split())
# Time words that end a name (`بلدة دوما الأسبوع الماضي`).
TIME_WORDS: frozenset[str] = frozenset("""
اليوم امس غدا الاسبوع الشهر العام السنه الماضي الماضيه المقبل المقبله الحالي الجاري صباح مساء
ليل ليله فجر ظهر الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت يوم
""".split())
ORDINALS: frozenset[str] = frozenset("""
الاولي الثانيه الثالثه الرابعه الخامسه السادسه السابعه الثامنه التاسعه العاشره
""".split())

_NEXT = re.compile(r'( +)(["«“][^"«»“”\n]{1,60}["»”]|[^\s.,،؛:!?؟"«»“”()\[\]{}…]+)')
_QUOTE_OPEN = "\"«“"


@dataclass
class PatternName:
    """A name found after a class noun: normalised span, type, and whether it was quoted."""

    nstart: int
    nend: int
    type: str
    head: str
    quoted: bool


_HEADS_AC = None
_PROCLITICS = ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")  # no ك: `كتلة` is not ك + `تلة`


def _heads_automaton():  # type: ignore[no-untyped-def]
    """Aho-Corasick automaton over every class noun with each proclitic run before it
    (one pass over the text instead of a regex alternation tried at every position)."""
    global _HEADS_AC
    if _HEADS_AC is None:
        import ahocorasick

        ac = ahocorasick.Automaton()
        heads = set(GPE_HEADS) | set(LOC_HEADS) | set(MEDIA_HEADS) | ORG_HEADS_QUOTED | {"القناه"}
        for h in heads:
            for pre in _PROCLITICS:
                # with the space that must follow the head: hits inside longer words (`حي` in
                # `حيث`) never reach Python
                ac.add_word(pre + h + " ", (len(pre), h))
        ac.make_automaton()
        _HEADS_AC = ac
    return _HEADS_AC


def find_pattern_names(norm: str, gz: Gazetteer, common: frozenset[str],
                       ordinary: frozenset[str]) -> list[PatternName]:
    """Names introduced by a class noun in normalised text `norm`."""
    out: list[PatternName] = []
    best: dict[int, tuple[int, str]] = {}  # word start -> (end, head): the longest reading
    for last, (plen, head) in _heads_automaton().iter(norm):
        end = last  # the space after the head
        start = end - len(head) - plen
        if start > 0 and norm[start - 1].isalnum():
            continue
        if start not in best or end > best[start][0]:
            best[start] = (end, head)
    for start in sorted(best):
        end, head = best[start]
        hit = _name_after(norm, end, head, gz, common, ordinary)
        if hit is not None:
            out.append(hit)
    return out


def _name_after(norm: str, pos: int, head: str, gz: Gazetteer, common: frozenset[str],
                ordinary: frozenset[str]) -> PatternName | None:
    """The name right after a class noun ending at `pos`, or None."""
    nx = _NEXT.match(norm, pos)
    if nx is None or len(nx.group(1)) > 1:
        return None
    tok = nx.group(2)
    if tok[0] in _QUOTE_OPEN:
        inner = tok[1:-1].strip()
        words = inner.split()
        if not words or len(words) > 5 or all(normalize(w) in ordinary for w in words):
            return None
        if len(words) == 1 and not inner.startswith("ال") and inner.endswith(("يه", "يين", "يون")):
            return None  # `جماعة "تكفيرية"`: an adjective in quotes
        typ = _type_of(head) or "ORG"
        if head == "موقع" and _military_site(norm, pos - len(head), nx.end(2)):
            typ = "LOC"  # `استهداف موقع "المرج"`: a military post, not a website
        start = nx.start(2) + 1 + (len(tok[1:-1]) - len(tok[1:-1].lstrip()))
        return PatternName(start, start + len(inner), typ, head, True)
    if head in ORG_HEADS_QUOTED:
        return None
    if head == "القناه":
        # `القناة 12`, `القناة العاشرة`: the channel is named by its number
        if tok.isdigit() or tok in ORDINALS:
            return PatternName(pos - len(head), nx.end(2), "ORG", head, False)
        return None
    strict = GPE_HEADS.get(head, LOC_HEADS.get(head, MEDIA_HEADS.get(head, True)))
    if not _first_ok(tok, head, strict, gz, common, ordinary):
        return None
    end = nx.end(2)
    n_words = 1
    loc = head in LOC_HEADS
    p = end
    while n_words < 3:
        nx = _NEXT.match(norm, p)
        if nx is None or len(nx.group(1)) > 1:
            break
        w = nx.group(2)
        if loc and w in FACILITY_ADJ:
            end = nx.end(2)
            break
        if not _next_ok(w, gz, ordinary, name_tokens(gz)[0]):
            break
        end = p = nx.end(2)
        n_words += 1
    if head in MEDIA_HEADS:
        return PatternName(pos + 1, end, "ORG", head, False)
    if loc:
        start = pos - len(head)
        return PatternName(start, end, "LOC", head, False)
    return PatternName(pos + 1, end, "GPE", head, False)


# Words around `موقع "X"` that make it a military post rather than a website.
SITE_BEFORE: frozenset[str] = frozenset("""
محيط قرب قرب شرقي غربي شمالي جنوبي شرق غرب شمال جنوب استهداف استهدف استهدفت قصف قصفت مقابل
نحو داخل حول باتجاه اقتحام اقتحمت
""".split())
SITE_AFTER: frozenset[str] = frozenset({"العسكري", "الاسرائيلي", "المستحدث"})


def _military_site(norm: str, hstart: int, qend: int) -> bool:
    """True when `موقع "X"` is a military position (a place word or attack verb before it,
    `العسكري` after it)."""
    before = norm[max(0, hstart - 20):hstart].split()
    after = norm[qend:qend + 20].split()
    prev = before[-1] if before else ""
    if prev.startswith(("و", "ف")) and prev[1:] in SITE_BEFORE:
        prev = prev[1:]
    return prev in SITE_BEFORE or (bool(after) and after[0].strip("،,.") in SITE_AFTER)


def _type_of(head: str) -> str | None:
    """Entity type a class noun gives its name."""
    if head in GPE_HEADS:
        return "GPE"
    if head in LOC_HEADS:
        return "LOC"
    return "ORG" if head in MEDIA_HEADS or head in ORG_HEADS_QUOTED or head == "القناه" else None


def _known_not_name(w: str, gz: Gazetteer) -> bool:
    """True when the gazetteer reads a word as a nationality, role or institution noun."""
    return any(p.how in ("nisba", "role", "inst") for p in gz.lookup(w))


_ALL_HEADS: frozenset[str] = frozenset(GPE_HEADS) | frozenset(LOC_HEADS) | frozenset(MEDIA_HEADS) | ORG_HEADS_QUOTED
# Strict heads whose names are definite (`حي الزيتون`); an indefinite word after them is an
# adjective (`حي مكتظ`, `من ناحية قانونية`).
DEFINITE_ONLY: frozenset[str] = frozenset({"حي", "ناحيه", "قضاء"})


def _is_head(w: str) -> bool:
    """True for a class noun, bare or definite (`مدينة`, `المدينة`)."""
    return w in _ALL_HEADS or (w.startswith("ال") and w[2:] in _ALL_HEADS)


def _first_ok(w: str, head: str, strict: bool, gz: Gazetteer, common: frozenset[str],
              ordinary: frozenset[str]) -> bool:
    """Whether the first word after a class noun can begin a name."""
    if len(w) < 2 or any(c.isdigit() for c in w) or not w[0].isalpha() or w.isascii():
        return False
    if w in common or w in NOT_NAMES or w in TIME_WORDS or _is_head(w) or _known_not_name(w, gz):
        return False
    if strict and w in ordinary:
        return False
    definite = w.startswith("ال")
    if head in DEFINITE_ONLY and not definite:
        return False
    if not definite and w.endswith(("يه", "يين", "يون")):
        return False  # an indefinite adjective (`قرية نائية`, `قاعدة عسكرية`)
    if not definite and len(w) == 6 and w[0] == "م" and w[3] == "و" and w.endswith("ه"):
        return False  # a feminine passive participle agreeing with the noun (`جزيرة معزولة`)
    if not definite and head in MEDIA_HEADS and w.endswith("ي"):
        return False  # `موقع إخباري`, `قناة فضائية`
    if w[0] in "وبلفك" and len(w) > 3:
        rest = w[1:]
        rest2 = "ا" + rest if rest.startswith("ل") else rest
        if rest in common or rest2 in common or rest in NOT_NAMES or gz.is_known(rest) or gz.is_known(rest2):
            return False  # a preposition or conjunction on an ordinary word (`للنازحين`, `بجنوب`)
    return True


def _next_ok(w: str, gz: Gazetteer, ordinary: frozenset[str], first_names: frozenset[str]) -> bool:
    """Whether a further word continues a name (`خان شيخون`, `برط العنان`); an ordinary word
    ends it (`عيتا الشعب` stops at `عيتا`: a shorter span still lies inside the name)."""
    if len(w) < 2 or any(c.isdigit() for c in w) or w.isascii() or not w[0].isalpha():
        return False
    if w in ordinary or w in TIME_WORDS or w in NOT_NAMES or w in FUNCTION_WORDS or _is_head(w):
        return False
    if _known_not_name(w, gz) or w in first_names:
        return False  # a nationality, role, or the first name of a person after the place
    if w[0] in "وبلفك" and not w.startswith("ال"):
        return False  # `والجرشة`, `بمحافظة`: a new phrase starts
    if len(w) > 3 and w.endswith(("ها", "هم", "هما", "وا")):
        return False  # a pronoun suffix or a verb (`معقله` aside, `مدتها`, `عثروا`)
    if gz.is_known(w) and any(p.how == "form" for p in gz.lookup(w)):
        return False  # another listed name starts here
    return True


def head_and_no_name(text_norm: str, gz: Gazetteer, common: frozenset[str], ordinary: frozenset[str]) -> bool:
    """True when a (CRF) span is a place noun followed by a word that cannot start a name
    (`قرية نائية`, `قاعدة عسكرية`): a description, not a name."""
    words = text_norm.split()
    if len(words) < 2:
        return False
    head = words[0]
    places = frozenset(GPE_HEADS) | frozenset(LOC_HEADS)
    for pre in ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل", ""):
        if head.startswith(pre) and head[len(pre):] in places:
            head = head[len(pre):]
            break
    else:
        return False
    strict = GPE_HEADS.get(head, LOC_HEADS.get(head, MEDIA_HEADS.get(head, True)))
    return not _first_ok(words[1], head, strict, gz, common, ordinary)
