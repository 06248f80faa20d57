"""Scoring exactly as the gold guide's Scoring section says (`../shared/gold/GUIDE.md`).

Every layer is scored per article and summed (micro averages). Matching is one-to-one and
maximal, and among maximal matchings the one agreeing best on the attributes scored after
matching (date/aux/mode, time value, actor code, speaker), so the order predictions come in
never changes a score.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any, Callable, Sequence

import numpy as np
from scipy.optimize import linear_sum_assignment

from rasid.text.normalize import key_variants, match_key, normalize

EVENT_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


# ---------------------------------------------------------------- matching helpers

def max_matching(n_pred: int, n_gold: int, ok: Callable[[int, int], bool],
                 taken_pred: set[int] | None = None, taken_gold: set[int] | None = None,
                 prefer: Callable[[int, int], float] | None = None) -> dict[int, int]:
    """Maximum one-to-one matching pred->gold over compatible pairs.

    Among the matchings of maximum size it picks one that maximises `prefer` (how well a pair
    agrees on the attributes scored afterwards: date, aux, mode, value, code), so attribute
    accuracies are measured on the best pairing, never on an arbitrary one. Solved as an
    assignment problem (scipy's `linear_sum_assignment`).
    """
    taken_pred = taken_pred or set()
    taken_gold = taken_gold or set()
    preds = [p for p in range(n_pred) if p not in taken_pred]
    golds = [g for g in range(n_gold) if g not in taken_gold]
    if not preds or not golds:
        return {}
    # A compatible pair is worth far more than any preference, so the size is maximal first.
    pair_value = 1_000_000.0
    value = np.zeros((len(preds), len(golds)))
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            if ok(p, g):
                value[i, j] = pair_value + (prefer(p, g) if prefer else 0.0)
    rows, cols = linear_sum_assignment(value, maximize=True)
    return {preds[i]: golds[j] for i, j in zip(rows, cols) if value[i, j] > 0}


def base_code(code: str | None) -> str | None:
    """Actor code without its sector (`RUS:MIL` -> `RUS`)."""
    if not code:
        return None
    return code.split(":", 1)[0].strip().upper() or None


def code_set(codes: Sequence[str] | None) -> set[str]:
    """Set of base codes of a list of actor codes."""
    return {c for c in (base_code(x) for x in (codes or [])) if c}


def texts_nest(a: str, b: str) -> bool:
    """True when two surface forms are equal or one contains the other (after normalisation)."""
    va, vb = key_variants(a), key_variants(b)
    return any(x == y or (x and y and (x in y or y in x)) for x in va for y in vb)


def texts_equal(a: str, b: str) -> bool:
    """True when two surface forms are equal after normalisation and clitic reading."""
    return bool(key_variants(a) & key_variants(b))


def longest_common(a: str, b: str) -> int:
    """Length of the longest common substring of two strings."""
    if not a or not b:
        return 0
    m = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return m.size


# ---------------------------------------------------------------- counts

@dataclass
class PRF:
    """True positives, false positives, false negatives, with precision/recall/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "PRF") -> None:
        """Accumulate another count."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 0 when nothing predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn); 0 when nothing gold."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float]:
        """Rounded precision, recall, F1 plus raw counts."""
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Ratio:
    """A share: right / total."""

    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        """Count one case."""
        self.total += 1
        self.right += int(ok)

    def merge(self, other: "Ratio") -> None:
        """Accumulate another ratio."""
        self.right += other.right
        self.total += other.total

    @property
    def value(self) -> float:
        """right / total; 0 when empty."""
        return self.right / self.total if self.total else 0.0


# ---------------------------------------------------------------- entities

def _collapse(items: list[tuple], key: Callable[[tuple], tuple]) -> list[tuple]:
    """Keep the first of each distinct key, in order."""
    seen: set[tuple] = set()
    out = []
    for it in items:
        k = key(it)
        if k not in seen:
            seen.add(k)
            out.append(it)
    return out


def _score_forms(pred: list[tuple], gold: list[tuple], exact: Callable[[tuple, tuple], bool],
                 loose: Callable[[tuple, tuple], bool],
                 prefer: Callable[[tuple, tuple], float] | None = None
                 ) -> tuple[PRF, dict[int, int]]:
    """Match distinct forms (loose = containment), preferring exact pairs, then `prefer`;
    an unmatched look-alike of a used-up gold form is ignored."""
    def weight(p: int, g: int) -> float:
        w = 2.0 * exact(pred[p], gold[g])
        return w + (prefer(pred[p], gold[g]) if prefer else 0.0)

    m = max_matching(len(pred), len(gold), lambda p, g: loose(pred[p], gold[g]), prefer=weight)
    fp = 0
    for p in range(len(pred)):
        if p in m:
            continue
        # Unmatched, but a look-alike of a gold form that is already used up: neither right nor wrong.
        if any(loose(pred[p], gold[g]) for g in range(len(gold))):
            continue
        fp += 1
    return PRF(tp=len(m), fp=fp, fn=len(gold) - len(m)), m


def score_entities(pred: list[dict], gold: list[dict]) -> tuple[PRF, Ratio]:
    """Entity P/R/F1 over distinct (type, form), and code accuracy on matched entities."""
    P = _collapse([(e["type"], match_key(e["text"]), e["text"], e.get("code")) for e in pred],
                  key=lambda t: (t[0], t[1]))
    G = [(e["type"], match_key(e["text"]), e["text"], e.get("code")) for e in gold]
    prf, m = _score_forms(
        P, G,
        exact=lambda p, g: p[0] == g[0] and texts_equal(p[2], g[2]),
        loose=lambda p, g: p[0] == g[0] and texts_nest(p[2], g[2]),
        prefer=lambda p, g: float(base_code(p[3]) == base_code(g[3])))
    codes = Ratio()
    for p, g in m.items():
        if G[g][3]:
            codes.add(base_code(P[p][3]) == base_code(G[g][3]))
    return prf, codes


# ---------------------------------------------------------------- times

def score_times(pred: list[dict], gold: list[dict]) -> tuple[PRF, PRF, Ratio]:
    """Times: strict P/R/F1 (text overlap and equal value), span-only P/R/F1, value accuracy."""
    P = _collapse([(match_key(t["text"]), t["text"], t.get("value")) for t in pred],
                  key=lambda t: (t[0], t[2]))
    G = [(match_key(t["text"]), t["text"], t.get("value")) for t in gold]
    strict, _ = _score_forms(
        P, G,
        exact=lambda p, g: p[2] == g[2] and texts_equal(p[1], g[1]),
        loose=lambda p, g: p[2] == g[2] and texts_nest(p[1], g[1]))
    # Span-only matching prefers pairs whose value agrees, so value accuracy is not understated.
    Ps = _collapse(P, key=lambda t: (t[0],))
    span, m = _score_forms(
        Ps, G,
        exact=lambda p, g: texts_nest(p[1], g[1]) and p[2] == g[2],
        loose=lambda p, g: texts_nest(p[1], g[1]))
    values = Ratio()
    for p, g in m.items():
        values.add(Ps[p][2] == G[g][2])
    return strict, span, values


# ---------------------------------------------------------------- quotes

def quotes_overlap(a: str, b: str) -> bool:
    """Guide rule: quotes overlap by at least half the shorter, in normalised characters."""
    na, nb = normalize(a).strip(), normalize(b).strip()
    if not na or not nb:
        return False
    return longest_common(na, nb) * 2 >= min(len(na), len(nb))


def score_quotes(pred: list[dict], gold: list[dict]) -> tuple[PRF, Ratio]:
    """Quote P/R/F1 by overlap, and speaker accuracy (code, else speaker text) on matches."""
    ok = [[quotes_overlap(p["quote"], g["quote"]) for g in gold] for p in pred]
    m = max_matching(len(pred), len(gold), lambda p, g: ok[p][g],
                     prefer=lambda p, g: float(base_code(pred[p].get("code")) ==
                                               base_code(gold[g].get("code"))))
    speakers = Ratio()
    for p, g in m.items():
        gq, pq = gold[g], pred[p]
        if gq.get("code"):
            speakers.add(base_code(pq.get("code")) == base_code(gq["code"]))
        else:
            speakers.add(bool(pq.get("speaker_text")) and
                         texts_nest(pq["speaker_text"], gq.get("speaker_text") or ""))
    return PRF(tp=len(m), fp=len(pred) - len(m), fn=len(gold) - len(m)), speakers


# ---------------------------------------------------------------- events

def events_match(p: dict, g: dict) -> bool:
    """Guide rule: same type, shared actor code, recipient shared unless gold has none."""
    if p.get("event") != g.get("event"):
        return False
    pa, pr = code_set(p.get("actor")), code_set(p.get("recipient"))
    ga, gr = code_set(g.get("actor")), code_set(g.get("recipient"))
    if pa & ga and (not gr or pr & gr):
        return True
    if g.get("event") == "CONSULT":  # symmetric: actor and recipient may be swapped
        return bool(pr & ga) and (not gr or bool(pa & gr))
    return False


@dataclass
class EventScore:
    """Event P/R/F1 overall and per type, plus attribute accuracy on matched events."""

    overall: PRF = field(default_factory=PRF)
    per_type: dict[str, PRF] = field(default_factory=lambda: {t: PRF() for t in EVENT_TYPES})
    date: Ratio = field(default_factory=Ratio)
    aux: Ratio = field(default_factory=Ratio)
    mode: Ratio = field(default_factory=Ratio)

    def merge(self, other: "EventScore") -> None:
        """Accumulate another article's event score."""
        self.overall.add(other.overall)
        for t, prf in other.per_type.items():
            self.per_type.setdefault(t, PRF()).add(prf)
        self.date.merge(other.date)
        self.aux.merge(other.aux)
        self.mode.merge(other.mode)


def score_events(pred: list[dict], gold: list[dict]) -> EventScore:
    """Score one article's events by the guide's matching rule."""
    def agreement(p: int, g: int) -> float:
        return float(sum(pred[p].get(k) == gold[g].get(k) for k in ("date", "aux", "mode")))

    m = max_matching(len(pred), len(gold), lambda p, g: events_match(pred[p], gold[g]),
                     prefer=agreement)
    s = EventScore()
    s.overall = PRF(tp=len(m), fp=len(pred) - len(m), fn=len(gold) - len(m))
    for g, ev in enumerate(gold):
        s.per_type.setdefault(ev["event"], PRF())
        if g in m.values():
            s.per_type[ev["event"]].tp += 1
        else:
            s.per_type[ev["event"]].fn += 1
    for p, ev in enumerate(pred):
        if p not in m:
            s.per_type.setdefault(ev.get("event", "?"), PRF()).fp += 1
    for p, g in m.items():
        s.date.add(pred[p].get("date") == gold[g].get("date"))
        s.aux.add(pred[p].get("aux") == gold[g].get("aux"))
        s.mode.add(pred[p].get("mode") == gold[g].get("mode"))
    return s


# ---------------------------------------------------------------- clean text

def score_clean(clean_text: str, must_include: list[str], must_exclude: list[str]) -> Ratio:
    """Share of include-snippets present and exclude-snippets absent (whitespace-insensitive)."""
    body = " ".join(clean_text.split())
    r = Ratio()
    for s in must_include:
        r.add(" ".join(s.split()) in body)
    for s in must_exclude:
        r.add(" ".join(s.split()) not in body)
    return r


# ---------------------------------------------------------------- totals

@dataclass
class Totals:
    """All layers' scores accumulated over a gold file."""

    articles: int = 0
    entities: PRF = field(default_factory=PRF)
    entity_codes: Ratio = field(default_factory=Ratio)
    times: PRF = field(default_factory=PRF)
    time_spans: PRF = field(default_factory=PRF)
    time_values: Ratio = field(default_factory=Ratio)
    quotes: PRF = field(default_factory=PRF)
    speakers: Ratio = field(default_factory=Ratio)
    events: EventScore = field(default_factory=EventScore)
    clean: Ratio = field(default_factory=Ratio)

    def add_article(self, pred: dict[str, Any], gold: dict[str, Any]) -> dict[str, Any]:
        """Score one article's prediction record against its gold record; return its scores."""
        self.articles += 1
        ent, codes = score_entities(pred.get("entities", []), gold.get("entities", []))
        t_strict, t_span, t_vals = score_times(pred.get("times", []), gold.get("times", []))
        q, spk = score_quotes(pred.get("quotes", []), gold.get("quotes", []))
        ev = score_events(pred.get("events", []), gold.get("events", []))
        cl = score_clean(pred.get("clean_text", ""), gold.get("clean_must_include", []),
                         gold.get("clean_must_exclude", []))
        self.entities.add(ent)
        self.entity_codes.merge(codes)
        self.times.add(t_strict)
        self.time_spans.add(t_span)
        self.time_values.merge(t_vals)
        self.quotes.add(q)
        self.speakers.merge(spk)
        self.events.merge(ev)
        self.clean.merge(cl)
        return {"id": gold.get("id"), "entities": ent.as_dict(), "times": t_strict.as_dict(),
                "quotes": q.as_dict(), "events": ev.overall.as_dict(), "clean": round(cl.value, 4)}

    def as_dict(self) -> dict[str, Any]:
        """The `rasid eval --json` object."""
        ev = self.events
        return {
            "articles": self.articles,
            "entities": {**self.entities.as_dict(), "code_accuracy": round(self.entity_codes.value, 4)},
            "times": {**self.times.as_dict(), "span_f1": round(self.time_spans.f1, 4),
                      "value_accuracy": round(self.time_values.value, 4)},
            "quotes": {**self.quotes.as_dict(), "speaker_accuracy": round(self.speakers.value, 4)},
            "events": {**ev.overall.as_dict(), "date_accuracy": round(ev.date.value, 4),
                       "aux_accuracy": round(ev.aux.value, 4), "mode_accuracy": round(ev.mode.value, 4),
                       "per_type": {t: prf.as_dict() for t, prf in ev.per_type.items()
                                    if prf.tp + prf.fp + prf.fn}},
            "clean": {"score": round(self.clean.value, 4), "checks": self.clean.total},
        }
