"""Merging inside one article: the same happening stated several times is one event.

Two events merge when they have the same type, share an actor (CONSULT: share participants),
their recipients are not disjoint, their dates are compatible (equal, one missing, or a day
inside the other's week/month) and neither a negated nor a hypothetical one meets a different
aux. The event kept is the best-stated one (with a recipient, earliest); its date is refined
by a more precise compatible one, and missing place and mode are filled from the others.
"""

from __future__ import annotations

from datetime import date

from rasid.article import Event

SPECIAL_AUX = ("negated", "hypothetical")


def base_codes(codes: list[str]) -> set[str]:
    """Codes without sector (`RUS:MIL` -> `RUS`)."""
    return {c.split(":", 1)[0] for c in codes}


def _day_range(value: str) -> tuple[date, date] | None:
    """First and last day covered by an ISO day, week, month or year value."""
    try:
        if len(value) == 10:
            d = date.fromisoformat(value)
            return d, d
        if "-W" in value:
            y, w = value.split("-W")
            a = date.fromisocalendar(int(y), int(w[:2]), 1)
            return a, date.fromisocalendar(int(y), int(w[:2]), 7)
        if len(value) == 7 and value[4] == "-":
            y, m = int(value[:4]), int(value[5:7])
            a = date(y, m, 1)
            b = date(y + (m == 12), m % 12 + 1, 1)
            return a, date.fromordinal(b.toordinal() - 1)
        if len(value) == 4 and value.isdigit():
            return date(int(value), 1, 1), date(int(value), 12, 31)
    except ValueError:
        return None
    return None


def dates_compatible(a: str | None, b: str | None) -> bool:
    """True when either is missing, they are equal, or one's range contains the other's."""
    if not a or not b or a == b:
        return True
    ra, rb = _day_range(a), _day_range(b)
    if ra is None or rb is None:
        return False
    return (ra[0] <= rb[0] and rb[1] <= ra[1]) or (rb[0] <= ra[0] and ra[1] <= rb[1])


def more_specific(a: str | None, b: str | None) -> str | None:
    """The narrower of two compatible date values."""
    if not a:
        return b
    if not b:
        return a
    ra, rb = _day_range(a), _day_range(b)
    if ra is None or rb is None:
        return a
    return a if (ra[1] - ra[0]) <= (rb[1] - rb[0]) else b


def _reversed(a: Event, b: Event) -> bool:
    """True when one event's actor is the other's recipient (full code with sector) and not
    also its actor: the roles are swapped."""
    sa, sb = set(a.actor), set(b.actor)
    ra, rb = set(a.recipient), set(b.recipient)
    return any(":" in c for c in (sa & rb) - sb) or any(":" in c for c in (sb & ra) - sa)


def same_happening(a: Event, b: Event) -> bool:
    """True when two events of one article state the same happening."""
    if a.event != b.event:
        return False
    if a.mode and b.mode and a.mode != b.mode:
        return False
    if (a.aux in SPECIAL_AUX or b.aux in SPECIAL_AUX) and a.aux != b.aux:
        return False
    if not dates_compatible(a.date, b.date):
        return False
    if a.location and b.location and a.location != b.location:
        return False  # two places, two happenings (attacks on two towns the same day)
    aa, ar, ba, br = base_codes(a.actor), base_codes(a.recipient), base_codes(b.actor), base_codes(b.recipient)
    if a.event == "CONSULT":
        pa, pb = aa | ar, ba | br
        if not (aa & pb) and not (ba & pa):
            return False
        if ar and br and not ((ar & pb) or (br & pa)):
            return False
        # Two meetings sharing only one side, with different other sides, are distinct.
        if ar and br and (pa - pb) and (pb - pa) and len(pa & pb) < 2:
            return False
        return True
    if not (aa & ba):
        return False
    if ar and br and not (ar & br):
        return False
    if (aa & ar or ba & br) and _reversed(a, b):
        # Inside one state's politics the sector tells the parties apart: a judge accusing
        # senators and women accusing the judge are two events, not one.
        return False
    return True


def _other_speaker(spk: dict[int, str], a: Event, b: Event) -> bool:
    """True when both events have known, different speakers."""
    x, y = spk.get(id(a)), spk.get(id(b))
    return x is not None and y is not None and x != y


def _quality(e: Event) -> float:
    """How well an event is stated: a recipient counts, then the trigger confidence."""
    return 2.0 * bool(e.recipient) + 0.5 * bool(e.location) + (e.confidence or 0.0)


# Speech acts: two different verbs of asking (`طلبت`, `حثت`) in two sentences are two calls;
# so are two meetings named by different words in different sentences (a visit and the talks
# held during it are both recorded by the gold).
SPEECH_TYPES = frozenset({"REQUEST", "CONSULT"})
# Types whose statements in different sentences are different happenings: a condemnation
# voiced again later is another statement, and attacks reported sentence by sentence are
# mostly separate strikes (measured on dev, dev2, dev3: merging them lost more true events
# than it removed false ones).
PER_SENTENCE_TYPES = frozenset({"ACCUSE", "ASSAULT", "REJECT"})


def _other_call(lem: dict[int, str], a: Event, b: Event, quoted: set[int] | None = None) -> bool:
    """True for two statements that stay apart: in different sentences, either made with
    different verbs (speech acts, meetings, per-sentence types) or, for a per-sentence type,
    with the same verb when neither is a restatement inside reported speech (`وقالت المصادر
    إن روسيا هاجمت …` repeats the attack already reported)."""
    if a.event not in SPEECH_TYPES and a.event not in PER_SENTENCE_TYPES:
        return False
    x, y = lem.get(id(a)), lem.get(id(b))
    if x is None or y is None:
        return False
    (lx, _, sx), (ly, _, sy) = x.partition("@"), y.partition("@")
    if sx == sy:
        # Two refusals by different verbs far apart in one sentence (`لن يجدد الثقة …، لكنه لن
        # يمنح الثقة لأي حكومة جديدة`) refuse two things; near each other (`صوّت برفض`) one.
        return a.event == "REJECT" and lx != ly and a.trigger_start is not None \
            and b.trigger_start is not None and abs(a.trigger_start - b.trigger_start) > 25
    if lx != ly:
        # Two meetings both dated to compatible days are one occasion named twice.
        return not (a.event == "CONSULT" and a.date and b.date)
    q = quoted or set()
    return a.event in PER_SENTENCE_TYPES and id(a) not in q and id(b) not in q


def merge_events(events: list[Event], speakers: dict[int, str] | None = None,
                 lemmas: dict[int, str] | None = None,
                 quoted: set[int] | None = None) -> list[Event]:
    """Collapse repeated statements of one happening; keeps text order of the kept events.

    `speakers` maps `id(event)` to who voiced a statement event: two speakers, two statements;
    `lemmas` maps it to its trigger's lemma and sentence (`طلب@3`).
    """
    spk = speakers or {}
    lem = lemmas or {}
    clusters: list[list[Event]] = []
    for e in events:
        for cl in clusters:
            if all(same_happening(e, o) and not _other_speaker(spk, e, o)
                   and not _other_call(lem, e, o, quoted) for o in cl):
                cl.append(e)
                break
        else:
            clusters.append([e])
    out: list[Event] = []
    for cl in clusters:
        best = max(cl, key=_quality)  # ties: the first statement in the text
        for o in cl:
            if o is best:
                continue
            # A dated statement is refined by a more precise date of the same occasion; an
            # undated one stays undated (the guide dates only from the stating sentence).
            if best.date and dates_compatible(best.date, o.date):
                best.date = more_specific(best.date, o.date)
            best.location = best.location or o.location
            best.mode = best.mode or o.mode
            if not best.recipient and o.recipient:
                best.recipient = list(o.recipient)
            best.confidence = max(best.confidence or 0.0, o.confidence or 0.0)
        out.append(best)
    out.sort(key=lambda e: e.start)
    return out
