"""Argument fallbacks: simple word-order heuristics for when the syntactic rules find nothing.

Actor: the nearest coded bare group before the trigger in its clause (SVO, or the subject of
a light verb `شن هجوماً`), else the one right after a verb (VSO); an attack or a coercive act
in the passive or as a bare verbal noun with no agent anywhere near is by an unknown actor
(guide: `UNK`). Recipient: the nearest other coded group after the trigger (object, or after a
preposition) in the clause, then the sentence; places (`في بغداد`) only for types whose
target is usually the place's state (an attack on a town, a siege, a capture).
"""

from __future__ import annotations

from rasid.events.arguments import ArgIndex, Group
from rasid.events.clauses import CLAUSE_OPENERS, PUNCT_STRONG, RELATIVES, Doc
from rasid.text.normalize import normalize
from rasid.events.merge import base_codes

# `أنه`, `بأنها`, `وأنهم`: a complementiser with the pronoun subject of the reported clause.
THAT_PRONOUN = frozenset(p + "ان" + s for p in ("", "ب", "و") for s in ("ه", "ها", "هم", "هما"))

# Types whose target is usually the state of the place where they happen (guide examples).
PLACE_TARGET = frozenset({"ASSAULT", "COERCE"})
# Types an unnamed perpetrator may do (guide: unknown gunmen, bombings -> UNK).
UNK_TYPES = frozenset({"ASSAULT"})
# Acts typically reported without their perpetrator (attacks, bombings, killings, abductions);
# wars, invasions, air strikes and battles have parties the text names elsewhere.
UNK_LEMMAS = frozenset(normalize(w) for w in (
    "هجوم هاجم فتح تفجير فجر انفجر نسف مفخخة انتحاري قتل مقتل اغتال اغتيال خطف استهدف استهداف "
    "إطلاق أطلق كمين اعتداء اعتدى أعدم إسقاط أسقط").split())
# Light verbs whose subject is the agent of the verbal noun after them (`شن هجوماً`).
LIGHT_VERBS = frozenset(normalize(w) for w in (
    "شن شنت شنوا يشن تشن يشنون نفذ نفذت نفذوا ينفذ تنفذ ينفذون أجرى أجرت يجري تجري "
    "تبنى تبنت يتبنى تتبنى ارتكب ارتكبت ارتكبوا يرتكب ترتكب أعلن أعلنت يعلن تعلن "
    "واصل واصلت يواصل تواصل بدأ بدأت يبدأ تبدأ قاد قادت يقود تقود وجه وجهت يوجه توجه "
    "فرض فرضت يفرض تفرض").split())
# Passive auxiliaries: `تم إطلاق`, `جرى اعتقال` — no agent in the clause.
PASSIVE_AUX = frozenset(normalize(w) for w in "تم وتم يتم ويتم جرى وجرى يجري".split())
# Prepositions that introduce where something happens, not whom it concerns.
PLACE_PREPS = frozenset({"في", "قرب", "داخل", "خارج", "عبر", "شمال", "جنوب", "شرق", "غرب", "من",
                         "وفي", "بالقرب", "الي", "حول", "عند", "بين"})
# (`من` and `عن` mostly give a source or a topic, not a target: left to the lexicon's own rcp.)
RCP_PREPS = frozenset({"ضد", "علي", "مع", "الي", "ل", "ب", "بين", "بحق", "نحو", "باتجاه",
                       "تجاه", "لدي", "امام", "ازاء", "حيال"})
ACTOR_WINDOW = 8
VSO_WINDOW = 3
RCP_WINDOW = 12  # places
PREP_RCP_WINDOW = 5  # a party after a preposition (words outside mentions and times)
OBJ_RCP_WINDOW = 3  # a bare object
NISBA_RCP_WINDOW = 5  # the nationality of the object (`قتلت 2000 طفل فلسطيني`)


def _usable(g: Group) -> bool:
    """A group that can be an argument: coded, not a bare nationality far from its noun."""
    return bool(g.codes) and not g.is_place_only_loc()


def _is_place_arg(g: Group) -> bool:
    """A place introduced as a location (`في بغداد`)."""
    return g.is_place and (g.prep in PLACE_PREPS or g.prep == "ب" and g.places[0].type == "GPE")


def _barrier(doc: Doc, a: int, b: int) -> bool:
    """True when tokens [a, b) hold strong punctuation or a clause opener other than a relative
    pronoun (`الضربات التي شنها الجيش … على معسكرات`: the relative clause describes the event)."""
    return any(doc.words[k] in PUNCT_STRONG
               or (doc.words[k] in CLAUSE_OPENERS and doc.words[k] not in RELATIVES)
               for k in range(a, b))


def fallback_actor(doc: Doc, idx: ArgIndex, h_i: int, kind: str, c_lo: int, s_hi: int
                   ) -> Group | None:
    """The subject by plain word order: nearest bare coded group before in the clause, else right
    after a verb (or a light verb before a noun)."""
    best: Group | None = None
    if kind in ("noun", "word") and any(c_lo <= k < h_i for k in idx.stmt_toks):
        return None  # `ندد الوزير بالهجوم`: the clause's subject is the speaker, not the agent
    light = -1
    if kind in ("noun", "word") and h_i + 1 < s_hi:
        w = doc.words[h_i + 1]
        if w.endswith(("ه", "ها")) and (w[:-1] in LIGHT_VERBS or w[:-2] in LIGHT_VERBS):
            # `هجوم شنه مسلحو الحزب`: the light verb after the noun carries its pronoun.
            g = idx.bare_after(h_i + 1, min(s_hi, h_i + 6), max_skip=2, heads=2, nouns=1)
            if g is not None and _usable(g) and not g.nisba:
                return g
    if kind in ("noun", "word"):
        for k in range(h_i - 1, max(c_lo, h_i - 7) - 1, -1):
            if doc.words[k] in LIGHT_VERBS or doc.words[k][1:] in LIGHT_VERBS:
                light = k
                break
        else:
            return None  # a bare event noun's agent is not the clause subject (a speaker, a bystander)
    for g in idx.groups:
        if g.t1 > h_i:
            break
        if g.t0 < c_lo or h_i - g.t1 > ACTOR_WINDOW or not _usable(g):
            continue
        if light >= 0 and g.t1 > light:
            continue  # after the light verb: its VSO subject, found below
        if g.prep is not None or (g.nisba and g.t1 != h_i):
            continue
        if g.is_place and g.places[0].type != "GPE":
            continue
        if any(g.t1 <= k < h_i for k in idx.hit_toks):
            continue  # a subject past another trigger is that trigger's (`ندد الوزير بالهجوم`)
        best = g
    if best is not None:
        that = [k for k in range(best.t1, h_i) if doc.words[k] in THAT_PRONOUN]
        if that and not any(g.t0 > that[0] and g.t1 <= h_i and g.prep is None for g in idx.groups):
            # `أبلغت تركيا الأمم المتحدة أنها بدأت شن غارات`: the pronoun after `أن` is the
            # informer, the matrix subject, not the addressee named last (pass 7, measured).
            for g in idx.groups:
                if g.t0 >= c_lo and g.t1 <= that[0] and g.prep is None and _usable(g) \
                        and not g.nisba and not (g.is_place and g.places[0].type != "GPE"):
                    return g
        return best
    # `شنت القوات الحكومية هجوماً`: the light verb's VSO subject sits before the noun.
    start = light if light >= 0 else h_i
    g = idx.bare_after(start, min(s_hi, start + VSO_WINDOW + 4), max_skip=VSO_WINDOW, heads=2,
                       nouns=1)  # one head noun before the name: `تحالف المعارضة`
    if g is not None and g.t0 > h_i and start != h_i:
        return None  # the light verb's subject must sit between it and the noun
    if g is not None and _usable(g) and not g.nisba:
        return g
    return None


def passive_or_bare(doc: Doc, idx: ArgIndex, h_i: int, kind: str, c_lo: int) -> bool:
    """True for a passive (`تم إطلاق`), a verbal noun with no light verb before, or one whose
    light verb has no named subject (`انتحارياً شن هجوماً`: an unnamed bomber)."""
    for k in range(h_i - 1, max(c_lo, h_i - 3) - 1, -1):
        if doc.words[k] in PASSIVE_AUX:
            return True
    if kind in ("noun", "word"):
        for k in range(h_i - 1, max(c_lo, h_i - 6) - 1, -1):
            if doc.words[k] in LIGHT_VERBS or doc.words[k][1:] in LIGHT_VERBS:
                # A subject the text names but the coder cannot place is not unknown.
                return not any(g.t0 >= c_lo and g.t1 <= h_i for g in idx.groups
                               if not g.nisba and g.prep is None)
        return True
    return True


def fallback_recipient(doc: Doc, idx: ArgIndex, h_i: int, kind: str, etype: str, actor: list[str],
                       actor_g: Group | None, c_hi: int, s_hi: int,
                       same_side) -> list[str]:
    """The nearest other coded group after the trigger: first in its clause, then in its sentence;
    for attacks and coercion a place's state when no party is named."""
    place: list[str] = []
    for g in idx.groups:
        if g.t0 <= h_i:
            continue
        if g.t0 >= s_hi or idx.gap(h_i, g.t0) > RCP_WINDOW:
            break
        if g is actor_g or not _usable(g):
            continue
        codes = [c for c in g.codes if not same_side(c, actor)]
        if not codes:
            continue
        if g.t0 >= c_hi and _barrier(doc, c_hi, g.t0):
            break
        if _is_place_arg(g) or g.is_place and g.prep is None and idx.gap(h_i, g.t0) > OBJ_RCP_WINDOW:
            if etype in PLACE_TARGET and not place:
                place = [codes[0].split(":")[0]]
            continue
        if g.nisba and g.prep is None and (kind in ("noun", "word") and idx.gap(h_i, g.t0) == 0
                                           or idx.gap(h_i, g.t0) > NISBA_RCP_WINDOW):
            # `العدوان الإسرائيلي`: a nationality right after an event noun is its agent; one
            # after the object's head is the object's (`تعتقل نحو 700 طفل فلسطيني`).
            continue
        gap = idx.gap(h_i, g.t0)
        if g.prep is not None and (g.prep not in RCP_PREPS or gap > PREP_RCP_WINDOW):
            continue
        if g.prep is None and not g.nisba and gap > OBJ_RCP_WINDOW:
            continue
        return codes
    return place


# `تعرض X لهجوم من Y`: X suffers the event, Y (after `من`) does it.
SUFFER = frozenset(normalize(w) for w in (
    "تعرض تعرضت تعرضوا يتعرض تتعرض يتعرضون تعرضا تعرضتا").split())


def suffered(doc: Doc, idx: ArgIndex, h_i: int, c_lo: int, s_hi: int
             ) -> tuple[Group | None, Group | None] | None:
    """(agent, patient) of `تعرض X لـ<event> [من Y]`, or None when the trigger is not in it."""
    k = next((k for k in range(h_i - 1, max(c_lo, h_i - 6) - 1, -1)
              if doc.words[k] in SUFFER or doc.words[k][1:] in SUFFER), None)
    if k is None:
        return None
    patient = idx.bare_after(k, h_i, max_skip=2, nouns=1) or idx.bare_before(k, c_lo, window=2)
    agent = None
    for g in idx.groups:
        if g.t0 <= h_i:
            continue
        if g.t0 >= s_hi or g.t0 - h_i > 8:
            break
        if g.prep == "من" and g.codes and not g.is_place:
            agent = g
            break
    if agent is None:
        # `تعرض المستشفى لقصف من قبل مسلحي الحوثي`: `من قبل`/`بنيران` also name the agent.
        agent = passive_agent(doc, idx, h_i, s_hi)
    return agent, patient


# Words that introduce the agent of an unmarked passive verb (`قتل على يد`, `بنيران الجيش`).
AGENT_MARKS = frozenset(normalize(w) for w in
                        "يد بيد أيدي بأيدي أيادي بنيران برصاص بقذائف بصواريخ بغارات".split())


def passive_agent(doc: Doc, idx: ArgIndex, h_i: int, c_hi: int) -> Group | None:
    """The agent of a verb read as passive: a coded group right after `على يد`, `بنيران`,
    `من قبل` within 8 tokens after the verb and in its clause (`أعدم على يد تنظيم داعش`)."""
    for j in range(h_i + 1, min(c_hi, h_i + 9)):
        w = doc.words[j]
        if w in AGENT_MARKS or w == "قبل" and doc.words[j - 1] in ("من", "ومن"):
            for g in idx.groups:
                if j < g.t0 <= j + 2 and g.codes and not g.is_place:  # (`بأيدي عملاء سعوديين`)
                    return g
            return None
        if w in PUNCT_STRONG:
            return None
    return None


def from_agent(idx: ArgIndex, h_i: int, s_hi: int) -> Group | None:
    """`هجوم من كوريا الشمالية على …`: a `من` party right after an attack noun is the attacker."""
    for g in idx.groups:
        if g.t0 <= h_i:
            continue
        if g.t0 >= s_hi or g.t0 - h_i > 3:
            return None
        if g.prep == "من" and g.codes:
            return g
    return None


def participants(doc: Doc, idx: ArgIndex, h_i: int, s_hi: int, actor: list[str]) -> list[str]:
    """A summit's or conference's participants: every party named after the trigger up to the
    next clause opener (`قمة بمشاركة مسؤولين من فلسطين وإسرائيل ومصر والأردن`)."""
    abase = base_codes(actor)
    out: list[str] = []
    for g in idx.groups:
        if g.t0 <= h_i or not g.codes:
            continue
        if g.t0 >= s_hi or idx.gap(h_i, g.t0) > 10:
            break
        if any(doc.words[k] in CLAUSE_OPENERS or doc.words[k] in (".", "؟", "!", "؛")
               for k in range(h_i + 1, g.t0)):
            break
        if g.is_place and g.prep in ("في", "قرب", "داخل"):
            continue
        out += [c for c in g.codes if c.split(":")[0] not in abase and c not in out]
    return out


# `يواجه X اتهامات`, `تواجه حكومتها انتقادات`: X is accused by unnamed critics.
FACE = frozenset(normalize(w) for w in (
    "واجه واجهت واجهوا يواجه تواجه يواجهون تواجهان يواجهان ويواجه وتواجه وواجه وواجهت").split())
# `توجيه اتهامات له`: a verbal noun of directing an accusation, with no agent named.
DIRECT_NOUNS = frozenset(normalize(w) for w in "توجيه بتوجيه وتوجيه".split())


def faced(doc: Doc, idx: ArgIndex, h_i: int, c_lo: int, s_hi: int) -> Group | None | bool:
    """The target of an accusation by unnamed critics: `يواجه X اتهامات` gives X's group;
    `توجيه اتهامات له` gives True (the target is a pronoun). None when the pattern is absent."""
    for k in range(h_i - 1, max(c_lo, h_i - 4) - 1, -1):
        w = doc.words[k]
        if w in FACE:
            g = idx.bare_after(k, h_i, max_skip=1)
            if g is None:
                g = idx.bare_before(k, c_lo, window=2)
            return g if g is not None and g.codes else None
        if w in DIRECT_NOUNS and k == h_i - 1:
            return True
    return None
