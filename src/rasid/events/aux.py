"""The `aux` of an event: future (planned), negated (did not / denied / foiled), hypothetical.

Cues are read in the trigger's left context (its clause, and for denial, warning and
planning verbs a few tokens further back in the sentence) and, for verbal nouns, in the
words right after (`الاجتماع المقرر`, `القمة المقبلة`). Negation beats hypothesis beats
future. A verb in the present with the `س` prefix is future by its form.
"""

from __future__ import annotations

from rasid.events.clauses import CLAUSE_OPENERS, PUNCT_STRONG, Doc
from rasid.events.triggers import variants
from rasid.text.normalize import normalize


def _n(words: str) -> frozenset[str]:
    """Normalised word set from a space-separated string."""
    return frozenset(normalize(w) for w in words.split())


NEG_NEAR = _n("لم لن لا ما ليس ليست ليسوا غير عدم دون بدون لعدم بعدم")
NEG_LAN = _n("لن")
DENY = _n("نفى نفت نفوا ينفي تنفي ينفون تنفيان ينفيان نفي نافيا نافية نافيين كذب كذبت "
          "تكذب يكذب استبعد استبعدت يستبعد تستبعد يستبعدون استبعاد مستبعدا")
FOILED = _n("أحبط أحبطت يحبط تحبط إحباط إبطال أبطل أبطلت أفشل أفشلت إفشال منع منعت تمنع "
            "يمنع إجهاض أجهض أجهضت")
FUTURE_BEFORE = _n("سوف المقرر المتوقع المنتظر المرتقب المزمع يعتزم تعتزم يعتزمون ينوي تنوي "
                   "ينوون يزمع تزمع يستعد تستعد يستعدون تعتزمان سيعقد ستعقد سيجري ستجري "
                   "سيقوم ستقوم سيتم")
FUTURE_AFTER = _n("المقرر المقررة المرتقب المرتقبة المقبل المقبلة القادم القادمة المزمع المزمعة "
                  "المنتظر المنتظرة المرتقبين")
HYP_BEFORE = _n("إذا اذا لو حال حالة احتمال احتمالات احتمالية يخشى تخشى خشية مخاوف ربما "
                "محتمل محتملة المحتمل يحتمل قد يمكن ممكن إمكانية امكانية")
# A predicate after a verbal noun that makes it only possible (`عقد القمة لا يزال ممكناً`).
HYP_AFTER = _n("ممكنا ممكن ممكنة محتملا محتمل محتملة واردا وارد واردة")
# Conditional openers: `_open_lo` stops right after them, so they are read here directly.
COND = _n("إذا اذا وإذا فإذا لو ولو فلو لولا متى كلما")
WARN = _n("حذر حذرت يحذر تحذر تحذير تحذيرات محذرا محذرة حذروا")
PLAN = _n("تخطط يخطط يخططون تخططان خطط التخطيط تنوي ينوي نية نيتها نيته نيتهم تسعى يسعى "
         "سعي سعيه سعيها سعيهم مساعي")


def _hits(words: list[str], lo: int, hi: int, cues: frozenset[str]) -> int | None:
    """Index of the last token in [lo, hi) whose form (with or without clitics) is a cue."""
    for j in range(hi - 1, lo - 1, -1):
        if variants(words[j]) & cues:
            return j
    return None


def detect_aux(doc: Doc, i: int, kind: str, future_form: bool, etype: str | None = None) -> str | None:
    """Aux of the trigger at token `i` (`kind`: past|pres|noun|word) from the words around it.

    A denial negates the denied act, not the accusation it answers (`كذّب مزاعم نساء اتهمنه`:
    the accusation happened), so an ACCUSE is not negated by a denial cue.
    """
    words = doc.words
    s_lo, s_hi = doc.sents[doc.toks[i].sent]
    c_lo, c_hi = doc.clause_bounds(i)

    # Negation right before a verb (`لم يزر`, `لن ينسحب`) or a noun (`عدم`, `دون`).
    near_lo = max(c_lo, i - 2)
    for j in range(i - 1, near_lo - 1, -1):
        if words[j] in NEG_NEAR or (words[j].startswith(("و", "ف")) and words[j][1:] in NEG_NEAR):
            if words[j] in ("ما", "وما") and kind != "past":
                continue  # `ما` before a present/noun is mostly the relative `what`
            if j + 1 < len(words) and words[j + 1] in ("طيار", "طيارين"):
                continue  # `طائرة من دون طيار`: unmanned (a drone), not a negation (pass 8)
            return "negated"
    # Denial or foiling governing the trigger (`تنفي روسيا نيتها غزو`, `إحباط هجوم`).
    far_lo = _open_lo(doc, i, max(s_lo, i - 7))
    if etype != "ACCUSE" and _hits(words, far_lo, i, DENY) is not None \
            or _hits(words, max(s_lo, i - 4), i, FOILED) is not None:
        return "negated"
    # Hypothesis: `قد` + present, conditionals, fear, a warning that something may happen.
    for j in range(max(c_lo, i - 3), i):
        if words[j] in ("قد", "وقد", "فقد"):
            nxt = words[j + 1] if j + 1 < len(words) else ""
            if j + 1 == i and kind == "pres" or nxt.startswith(("ي", "ت")) and j + 1 < i:
                return "hypothetical"
    if _hits(words, _open_lo(doc, i, max(s_lo, c_lo - 3, i - 8)), i, HYP_BEFORE - {"قد"}) is not None:
        return "hypothetical"
    if any(words[j] in COND for j in range(max(s_lo, i - 3), i)):
        return "hypothetical"  # `إذا سحبت الولايات المتحدة قواتها`: the opener is the cue (pass 7)
    if kind in ("noun", "word") and _hits(words, i + 1, min(s_hi, i + 7), HYP_AFTER) is not None:
        return "hypothetical"
    w = _hits(words, max(s_lo, i - 10), i, WARN)
    if w is not None and w != i and any(words[k] in ("ان", "بان") for k in range(w + 1, i)):
        return "hypothetical"
    # Future: the form itself, a planning cue before, or a scheduling word after a noun.
    if future_form:
        return "future"
    if kind == "pres" and i >= 2 and words[i - 1] in ("ان", "وان") and words[i - 2] in ("علي", "وعلي"):
        return "future"  # `على أن يلتقيه هذا الأسبوع`: an arrangement for later
    if _hits(words, _open_lo(doc, i, max(s_lo, i - 6)), i, FUTURE_BEFORE) is not None:
        return "future"
    if kind in ("noun", "word") and _hits(words, i + 1, min(s_hi, i + 5), FUTURE_AFTER) is not None:
        return "future"
    if kind in ("noun", "word") and _hits(words, max(s_lo, i - 3), i, PLAN) is not None:
        return "future"
    return None


def _open_lo(doc: Doc, i: int, lo: int) -> int:
    """Move `lo` past the last clause opener before `i` other than a complementiser `أن`."""
    for j in range(i - 1, lo - 1, -1):
        w = doc.words[j]
        if w in PUNCT_STRONG or (w in CLAUSE_OPENERS and w not in ("ان", "بان", "وان")):
            return j + 1
    return lo


def negated_with_lan(doc: Doc, i: int) -> bool:
    """True when the trigger is negated with `لن` (a stance about the future: `لن ينسحب`)."""
    return any(doc.words[j] in NEG_LAN or doc.words[j] in ("ولن", "فلن")
               for j in range(max(0, i - 2), i))
