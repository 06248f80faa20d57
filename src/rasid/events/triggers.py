"""Trigger lexicon: lemma entries from `data/events/triggers.tsv`, inflected by rule, matched per token.

Each entry gives a verb (3rd masc. sing. past/present) or verbal noun; the loader generates
past and present conjugations (gender, number, dual), object suffixes, the و/ف/س/ل prefixes,
and for nouns the article, the clitic prepositions, the dual and the possessive suffixes.
Everything is in the matching form of `rasid.text.normalize`, so lookup is one dict hit per
token; context conditions (`ctx`, `nctx`) decide between the senses of ambiguous words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rasid.text.normalize import normalize

DATA_PATH = Path(__file__).resolve().parent.parent / "data" / "events" / "triggers.tsv"

# A context condition: (lo, hi, words) — relative token window [lo, hi] around the trigger.
Cond = tuple[int, int, frozenset[str]]


@dataclass(frozen=True)
class TriggerDef:
    """One lexicon entry: an event type (and mode) and how to find its arguments."""

    type: str
    mode: str | None
    pos: str  # v | n | w
    lemma: str
    ctx: tuple[Cond, ...] = ()
    nctx: tuple[Cond, ...] = ()
    mode_rules: tuple[tuple[Cond, str | None], ...] = ()
    as_rules: tuple[tuple[Cond, str, str | None], ...] = ()
    rcp: tuple[str, ...] = ()
    stmt: bool = False
    gov: str | None = None
    need_rcp: bool = False
    quote_only: bool = False
    past_only: bool = False  # present forms describe a state (`التي تسيطر على`), not an event
    participle: bool = False  # a circumstantial participle (`داعياً`): its agent is the main subject
    evaluative: bool = False  # a judging word in a quote (`ظالمة`): the speaker judges its target
    conf: float = 0.8


@dataclass(frozen=True)
class Form:
    """A generated surface form: its entry, tense/kind and whether it carries future `س`."""

    tdef: TriggerDef
    kind: str  # past | pres | noun | word
    future: bool = False
    poss: bool = False  # a noun with a possessive suffix (`زيارته`): its agent is a pronoun
    objsuf: bool = False  # a verb with an object pronoun (`احتلتها`): its object is a pronoun


@dataclass
class Lexicon:
    """All generated forms, keyed by matching-form token."""

    entries: list[TriggerDef] = field(default_factory=list)
    forms: dict[str, list[Form]] = field(default_factory=dict)

    def add(self, word: str, form: Form) -> None:
        """Register one surface form (duplicates from one entry are ignored)."""
        lst = self.forms.setdefault(word, [])
        if not any(f.tdef is form.tdef and f.kind == form.kind and f.future == form.future
                   for f in lst):
            lst.append(form)

    def counts(self) -> dict[str, int]:
        """Number of distinct surface forms per event type."""
        out: dict[str, set[str]] = {}
        for word, lst in self.forms.items():
            for f in lst:
                out.setdefault(f.tdef.type, set()).add(word)
        return {k: len(v) for k, v in sorted(out.items())}


# ---------------------------------------------------------------- clitics and variants

_PREFIXES_STRIP = ("وبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال",
                   "وب", "ول", "فب", "فل", "و", "ف", "ب", "ل", "ك")


@lru_cache(maxsize=1 << 16)
def variants(tok: str) -> frozenset[str]:
    """The token and its forms without a leading clitic/article (remainder ≥ 2 letters);
    cached, as context conditions and aux cues ask for the same tokens again and again."""
    out = {tok}
    for p in _PREFIXES_STRIP:
        if tok.startswith(p) and len(tok) - len(p) >= 2:
            rest = tok[len(p):]
            out.add(rest)
            if p.endswith("ل") and p.startswith(("ل", "ول", "فل")) and not p.endswith("ال"):
                out.add("ال" + rest)
            if rest.startswith("ال") and len(rest) > 3:
                out.add(rest[2:])
    return frozenset(out)


# ---------------------------------------------------------------- inflection rules

_OBJ = ("ه", "ها", "هم", "هما", "هن")


def _past_forms(p: str) -> list[str]:
    """3rd person past forms of a verb from its 3rd masc. sing. (normalised)."""
    if p.endswith("ا"):  # defective with alef: دعا -> دعت دعوا
        stem = p[:-1]
        return [p, stem + "ت", stem + "وا", stem + "تا"]
    if p.endswith("ي"):  # defective with ya (ى folded): التقى -> التقت التقيا التقوا
        stem = p[:-1]
        return [p, stem + "ت", stem + "يا", stem + "وا", stem + "تا"]
    return [p, p + "ت", p + "ا", p + "وا", p + "تا", p + "ن"]


def _present_forms(q: str) -> list[str]:
    """3rd person present forms (indicative, subjunctive/jussive) from the 3rd masc. sing."""
    if not q or q[0] != "ي":
        return [q]
    stem = q[1:]
    out: list[str] = []
    for pre in ("ي", "ت"):
        base = pre + stem
        if stem.endswith(("و", "ي")):  # يدعو / يلتقي: plural drops the final weak letter
            out += [base, base + "ان", pre + stem[:-1] + "ون", pre + stem[:-1] + "وا"]
        elif stem.endswith("ا"):
            out += [base, pre + stem[:-1] + "يان", pre + stem[:-1] + "ون"]
        else:
            out += [base, base + "ان", base + "ا", base + "ون", base + "وا", base + "ن"]
    return out


def _with_objects(form: str) -> list[str]:
    """A verb form and the same form with object pronoun suffixes."""
    out = [form]
    base = form[:-1] if form.endswith("وا") else form  # اتهموا -> اتهموه
    for s in _OBJ:
        out.append(base + s)
    return out


def _noun_bases(n: str) -> list[str]:
    """A noun, its dual, its accusative-indefinite and its construct/possessive forms."""
    out = [n]
    if n.endswith("ه"):  # ta marbuta (folded to ه): زيارة -> زيارته، زيارتين
        stem = n[:-1] + "ت"
        out += [stem + "ان", stem + "ين"] + [stem + s for s in _OBJ + ("ي", "نا", "كم")]
    elif n.endswith("ات"):
        out += [n + s for s in _OBJ]
    else:
        out += [n + "ا", n + "ان", n + "ين"] + [n + s for s in _OBJ]
        if n.endswith("ا"):
            out.append(n[:-1] + "ات")
    return out


_NOUN_PRE = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل")
_NOUN_DEF = ("ال", "وال", "فال", "بال", "كال", "وبال", "لل", "ولل", "فلل")
_PAST_PRE = ("", "و", "ف")
_PRES_PRE = (("", False), ("و", False), ("ف", False), ("ل", False), ("ول", False),
             ("فل", False), ("س", True), ("وس", True), ("فس", True))


def _generate(tdef: TriggerDef, forms: list[str], skip: set[str], lex: Lexicon) -> None:
    """Generate all surface forms of one entry into the lexicon."""
    def add(word: str, kind: str, future: bool = False, poss: bool = False,
            objsuf: bool = False) -> None:
        if word not in skip:
            lex.add(word, Form(tdef, kind, future, poss, objsuf))

    if tdef.pos == "v":
        past = forms[0]
        pres = forms[1] if len(forms) > 1 else ""
        for f in _past_forms(past):
            for w in _with_objects(f):
                for pre in _PAST_PRE:
                    add(pre + w, "past", objsuf=w != f)
        if pres and not tdef.past_only:
            for f in _present_forms(pres):
                for w in _with_objects(f):
                    for pre, fut in _PRES_PRE:
                        add(pre + w, "pres", fut, objsuf=w != f)
    elif tdef.pos == "n":
        for n in forms:
            for b in _noun_bases(n):
                poss = b != n and b.endswith(_OBJ) and not b.endswith(("تان", "تين"))
                for pre in _NOUN_PRE:
                    add(pre + b, "noun", poss=poss)
            # The article only on bare forms (no possessive suffix): الزيارة, للزيارة.
            for b in [n] + ([n[:-1] + "تين", n[:-1] + "تان"] if n.endswith("ه") else
                            [n + "ين", n + "ان"]):
                for pre in _NOUN_DEF:
                    if pre.endswith("لل") and b.startswith("ل"):
                        add(pre[:-1] + b, "noun")  # ل + اللقاء -> للقاء
                    else:
                        add(pre + b, "noun")
    else:  # w: listed words, only the conjunction/preposition prefixes
        for w in forms:
            for pre in ("", "و", "ف", "ب", "ل", "وب", "ول"):
                add(pre + w, "word")
            if w.startswith("ال"):
                add("لل" + w[2:], "word")
                add("ولل" + w[2:], "word")


# ---------------------------------------------------------------- data file parsing

_COND = re.compile(r"^([+-]?)(\d+):(.+)$")


def _parse_cond(spec: str) -> Cond:
    """`+3:a,b` -> (1, 3, {a, b}); `-2:…` -> (-2, -1, …); `3:…` -> (-3, 3, …)."""
    m = _COND.match(spec)
    if not m:
        raise ValueError(f"bad context condition {spec!r}")
    sign, n, words = m.group(1), int(m.group(2)), m.group(3)
    lo, hi = (1, n) if sign == "+" else (-n, -1) if sign == "-" else (-n, n)
    return lo, hi, frozenset(normalize(w) for w in words.split(",") if w)


def _parse_line(line: str) -> tuple[TriggerDef, list[str], set[str]] | None:
    """One data line -> (entry, base forms, forms to skip)."""
    line = line.rstrip("\n")
    if not line.strip() or line.lstrip().startswith("#"):
        return None
    cols = line.split("\t")
    if len(cols) < 4:
        raise ValueError(f"bad trigger line: {line!r}")
    etype, mode, pos, forms_s = cols[:4]
    opts = cols[4].split() if len(cols) > 4 else []
    ctx: list[Cond] = []
    nctx: list[Cond] = []
    mode_rules: list[tuple[Cond, str | None]] = []
    as_rules: list[tuple[Cond, str, str | None]] = []
    rcp: tuple[str, ...] = ()
    skip: set[str] = set()
    kw: dict[str, object] = {}
    for opt in opts:
        key, _, val = opt.partition("=")
        if key == "ctx":
            ctx.append(_parse_cond(val))
        elif key == "nctx":
            nctx.append(_parse_cond(val))
        elif key == "mode":
            cond, _, m = val.rpartition(">")
            mode_rules.append((_parse_cond(cond), None if m == "-" else m))
        elif key == "as":
            cond, _, tm = val.rpartition(">")
            t, _, m = tm.partition(":")
            as_rules.append((_parse_cond(cond), t, m or None))
        elif key == "rcp":
            rcp = tuple(normalize(x) for x in val.split(",") if x)
        elif key == "skip":
            skip = {normalize(x) for x in val.split(",") if x}
        elif key == "stmt":
            kw["stmt"] = True
        elif key == "gov":
            kw["gov"] = val
        elif key == "need" and val == "rcp":
            kw["need_rcp"] = True
        elif key == "tense" and val == "past":
            kw["past_only"] = True
        elif key == "quote" and val == "only":
            kw["quote_only"] = True
        elif key == "part":
            kw["participle"] = True
        elif key == "eval":
            kw["evaluative"] = True
            kw["quote_only"] = True
        elif key == "conf":
            kw["conf"] = float(val)
        else:
            raise ValueError(f"unknown trigger option {opt!r} in {line!r}")
    sep = "/" if pos in ("v", "n") else ","
    forms = [normalize(f) for f in re.split(f"[{sep}]", forms_s) if f]
    if pos == "n" and "," in forms_s:
        forms = [normalize(f) for f in re.split("[/,]", forms_s) if f]
    kw.setdefault("conf", 0.8 if pos == "v" else 0.7)
    tdef = TriggerDef(type=etype, mode=None if mode == "-" else mode, pos=pos, lemma=forms[0],
                      ctx=tuple(ctx), nctx=tuple(nctx), mode_rules=tuple(mode_rules),
                      as_rules=tuple(as_rules), rcp=rcp, **kw)  # type: ignore[arg-type]
    return tdef, forms, skip


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Parse the data file and generate every surface form (cached: built once per process)."""
    text = DATA_PATH.read_text("utf-8")
    lex = Lexicon()
    for line in text.splitlines():
        parsed = _parse_line(line)
        if parsed is None:
            continue
        tdef, forms, skip = parsed
        lex.entries.append(tdef)
        _generate(tdef, forms, skip, lex)
    return lex


# ---------------------------------------------------------------- matching

def cond_holds(cond: Cond, words: list[str], i: int, lo_bound: int, hi_bound: int) -> bool:
    """True when one of the condition's words is in the window around token `i`."""
    lo, hi, wanted = cond
    for j in range(max(lo_bound, i + lo), min(hi_bound, i + hi + 1)):
        if j == i:
            continue
        if variants(words[j]) & wanted:
            return True
    return False


def match_token(words: list[str], i: int, lo_bound: int, hi_bound: int,
                lex: Lexicon | None = None) -> list[tuple[Form, str, str | None]]:
    """Entries whose form is `words[i]` and whose contexts hold: (form, type, mode), best first."""
    lex = lex or load_lexicon()
    cands = lex.forms.get(words[i])
    if not cands:
        return []
    out: list[tuple[int, Form, str, str | None]] = []
    for form in cands:
        td = form.tdef
        if not all(cond_holds(c, words, i, lo_bound, hi_bound) for c in td.ctx):
            continue
        if any(cond_holds(c, words, i, lo_bound, hi_bound) for c in td.nctx):
            continue
        etype, mode = td.type, td.mode
        for cond, t, m in td.as_rules:
            if cond_holds(cond, words, i, lo_bound, hi_bound):
                etype, mode = t, m
                break
        else:
            for cond, m in td.mode_rules:
                if cond_holds(cond, words, i, lo_bound, hi_bound):
                    mode = m
                    break
        # A sense with a satisfied context condition is more specific than a bare one.
        out.append((len(td.ctx), form, etype, mode))
    out.sort(key=lambda x: -x[0])
    return [(f, t, m) for _, f, t, m in out]
