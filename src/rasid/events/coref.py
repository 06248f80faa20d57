"""Implicit arguments: pronouns and demonstratives resolved to the most recent coded actor.

A recipient is often only a pronoun: an object suffix on the verb (`اتهمنه`, `طالبته`), a
possessive on a verbal noun whose genitive is its patient (`محاكمته`, `اعتقاله`), or a
preposition carrying the pronoun (`له`, `معها`, `عليهم`). A demonstrative object (`تلك
التصريحات`, `هذه الاتهامات`) points at what someone said: its author is the target. The
antecedent is the nearest coded mention before the pronoun, in its sentence and then in the
two sentences before, that is not the actor's own mention; a demonstrative prefers the most
recent quote speaker.
"""

from __future__ import annotations

from rasid.article import Quote
from rasid.events.arguments import ArgIndex, Group
from rasid.events.clauses import Doc
from rasid.text.normalize import normalize
from rasid.events.merge import base_codes

_PRON = ("ه", "ها", "هم", "هما", "هن")
# Preposition (matching form, as in the lexicon's `rcp`) -> its pronoun-carrying forms' stems.
_PREP_STEMS = {"ل": ("ل",), "ب": ("ب",), "مع": ("مع",), "علي": ("علي",), "الي": ("الي",),
               "من": ("من",), "ضد": ("ضد",), "بحق": ("بحق",), "عن": ("عن",)}
PREP_PRONOUNS: dict[str, str] = {}
for _p, _stems in _PREP_STEMS.items():
    for _s in _stems:
        for _suf in _PRON:
            PREP_PRONOUNS[_s + _suf] = _p
            PREP_PRONOUNS["و" + _s + _suf] = _p
# `إياه`: an emphatic object pronoun (`متهمة إياها`).
for _suf in _PRON:
    PREP_PRONOUNS["اي" + _suf] = "obj"
DEMONSTRATIVES = frozenset(normalize(w) for w in "هذه هذا تلك ذلك هؤلاء أولئك".split())
# Nouns naming what someone said or did, after a demonstrative (`تلك التصريحات`).
SAID_NOUNS = frozenset(normalize(w) for w in (
    "التصريحات التصريح الاتهامات الاتهام المزاعم الادعاءات التهديدات التهديد الخطوة القرار "
    "الدعوات الدعوة المطالب المطالبات الانتقادات الكلمات الأقوال المواقف الموقف التقرير "
    "الإجراءات الإجراء التعليقات الرسالة البيان الخطاب").split())
# Antecedent search reach: sentences back from the pronoun's own.
BACK_SENTS = 2


def pronoun_prep(doc: Doc, i: int, s_hi: int, rcp: tuple[str, ...]) -> str | None:
    """The preposition of a pronoun object right after the trigger (`اتهامات له`), if listed."""
    for j in range(i + 1, min(s_hi, i + 4)):
        w = doc.words[j]
        p = PREP_PRONOUNS.get(w)
        if p is not None and (p in rcp or p == "obj"):
            return p
        if not doc.toks[j].is_word:
            return None
    return None


def demonstrative_object(doc: Doc, i: int, s_hi: int) -> bool:
    """True when the trigger's object is `تلك التصريحات`-like: what someone said."""
    for j in range(i + 1, min(s_hi - 1, i + 3)):
        w = doc.words[j]
        base = w[1:] if w[:1] in ("ب", "ل") and w[1:] in DEMONSTRATIVES else w
        if base in DEMONSTRATIVES:
            return doc.words[j + 1] in SAID_NOUNS
    return False


def antecedent(doc: Doc, idx: ArgIndex, i: int, actor: list[str], actor_g: Group | None,
               allow_same: bool = True) -> list[str]:
    """Codes of the nearest coded mention before token `i` (this sentence, then two before)
    other than the actor's own mention; a mention with exactly the actor's codes is skipped
    unless `allow_same` and it names someone else (another person of the same government)."""
    sent = doc.toks[i].sent
    lo = doc.sents[max(0, sent - BACK_SENTS)][0]
    aset = set(actor)
    best: Group | None = None
    for g in idx.groups:
        if g.t0 >= i:
            break
        if g.t0 < lo or not g.codes or g.is_place_only_loc() or g is actor_g:
            continue
        if actor_g is not None and actor_g.t0 <= g.t0 < actor_g.t1:
            continue
        if g.is_place and g.prep in ("في", "قرب", "داخل", "عبر", "من"):
            continue  # where something happened, not who
        if g.nisba and g.prep is not None:
            continue
        if set(g.codes) <= aset and not (allow_same and g.last_kind in ("PER", "role")
                                         and actor_g is not None
                                         and g.start != actor_g.start):
            continue
        best = g
    if best is None:
        return []
    return list(best.codes)


def last_speaker(quotes: list[Quote], offset: int, actor: list[str]) -> list[str]:
    """Code of the most recent quote speaker before `offset` who is not the actor."""
    abase = base_codes(actor)
    best: Quote | None = None
    for q in quotes:
        if q.in_title or not q.code or q.start >= offset:
            continue
        if q.code.split(":")[0] in abase:
            continue
        if best is None or q.start > best.start:
            best = q
    return [best.code] if best is not None and best.code else []
