"""Reporting-verb lexicon: conjugations generated from roots and derived-form patterns.

The data file (`rasid/data/quotes/cues.json`) lists lemmas with their root, form (I-X) and
root class; this module derives every 3rd-person perfect and imperfect form (gender, number),
the active participle used as a hal (`مضيفاً`, `لافتةً`), the verbal noun with pronoun
suffixes (`قوله`, `تأكيده`, `بالقول`) and the و/ف prefixes. All forms are in the matching
form of `rasid.text.normalize` (hamza seats, ة and ى folded), so lookups use normalised tokens.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from rasid.text.normalize import normalize

HAMZA = "ء"


@dataclass(frozen=True)
class CueForm:
    """One surface form of a reporting verb and what it tells about its subject."""

    lemma: str
    kind: str  # perf | impf | ap | masdar
    gender: str  # m | f
    number: str  # sg | du | pl
    frames: tuple[str, ...]
    preps: tuple[str, ...]
    quote_only: bool = False
    relay: bool = False
    breaker: bool = False  # a hal verb that ends a quote without opening one
    objects: tuple[str, ...] = ()  # idiom objects that belong to the cue (`لفت الانتباه`)
    literal: tuple[str, ...] = ()  # objects that make it a non-speech verb (`شدد الخناق`)
    passive_bare: bool = False  # `يتوقع أن` with no subject is the impersonal passive
    describe: bool = False  # `وصف X بـ"…"`: the quoted description after ب is the content
    suffixed: bool = False  # the verb carries its object pronoun (`وصفها`, `سمّاه`)
    prep_object: bool = False  # a noun object only after a preposition (`أشار إلى`)


def _hz(letter: str, seat: str) -> str:
    """A root letter, with a hamza written on the given seat (already in matching form)."""
    return seat if letter == HAMZA else letter


def _stems(root: str, form: str, cls: str) -> dict[str, Any]:
    """Unvoweled stems of one lemma: perfect, short perfect, imperfect, participle, masdar."""
    r1, r2, r3 = root[0], root[1], root[2]
    a1 = _hz(r1, "ا")
    if form == "I":
        if cls == "hollow":
            return {"perf": a1 + "ا" + r3, "perf_short": a1 + r3, "impf": r1 + r2 + r3,
                    "impf_short": r1 + r3, "ap": r1 + "اي" + r3, "masdar": []}
        if cls == "defective":
            return {"perf": a1 + r2 + ("ا" if r3 == "و" else "ي"), "def": True,
                    "impf": r1 + r2 + r3, "ap": r1 + "ا" + r2 + "ي", "masdar": []}
        if cls == "geminate":
            return {"perf": a1 + r2, "perf_short": a1 + r2 + r3, "impf": r1 + r2,
                    "ap": r1 + "ا" + r2, "masdar": []}
        if cls == "assimilated":
            return {"perf": r1 + r2 + r3, "impf": r2 + r3, "ap": r1 + "ا" + r2 + r3, "masdar": []}
        return {"perf": a1 + r2 + r3, "impf": r1 + r2 + r3,
                "ap": a1 + "ا" + _hz(r2, "ي") + r3, "masdar": []}
    if form == "II":
        return {"perf": a1 + r2 + r3, "impf": _hz(r1, "و") + r2 + r3,
                "ap": "م" + _hz(r1, "و") + r2 + r3, "masdar": ["ت" + a1 + r2 + "ي" + r3]}
    if form == "III":
        return {"perf": a1 + "ا" + r2 + r3, "impf": a1 + "ا" + r2 + r3,
                "ap": "م" + a1 + "ا" + r2 + r3, "masdar": ["م" + a1 + "ا" + r2 + r3 + "ه"]}
    if form == "IV":
        if cls == "hollow":
            return {"perf": "ا" + r1 + "ا" + r3, "perf_short": "ا" + r1 + r3, "impf": r1 + "ي" + r3,
                    "impf_short": r1 + r3,
                    "ap": "م" + r1 + "ي" + r3, "masdar": ["ا" + r1 + "ا" + r3 + "ه"]}
        if cls == "geminate":
            return {"perf": "ا" + r1 + r2, "perf_short": "ا" + r1 + r2 + r3, "impf": r1 + r2,
                    "ap": "م" + r1 + r2, "masdar": ["ا" + r1 + r2 + "ا" + r3]}
        if cls == "defective":
            return {"perf": "ا" + r1 + r2 + "ي", "def": True, "impf": r1 + r2 + "ي",
                    "ap": "م" + r1 + r2 + "ي", "masdar": ["ا" + r1 + r2 + "اء"]}
        m1 = "ي" if r1 == "و" else r1
        return {"perf": "ا" + r1 + r2 + r3, "impf": r1 + r2 + r3, "ap": "م" + r1 + r2 + r3,
                "masdar": ["ا" + m1 + r2 + "ا" + r3]}
    if form == "V":
        return {"perf": "ت" + a1 + r2 + r3, "impf": "ت" + a1 + r2 + r3,
                "ap": "مت" + a1 + r2 + r3, "masdar": ["ت" + a1 + r2 + r3]}
    if form == "VI":
        return {"perf": "ت" + a1 + "ا" + r2 + r3, "impf": "ت" + a1 + "ا" + r2 + r3,
                "ap": "مت" + a1 + "ا" + _hz(r2, "ي") + r3,
                "masdar": ["ت" + a1 + "ا" + _hz(r2, "و") + r3]}
    if form == "VIII":
        # The infixed ت assimilates: وهم -> اتّهم, ص/ض/ط/ظ take ط, د/ذ/ز take د.
        if r1 == "و":
            s = "ت"
        elif r1 in "صضطظ":
            s = r1 + "ط"
        elif r1 in "دذز":
            s = r1 + "د"
        else:
            s = r1 + "ت"
        return {"perf": "ا" + s + r2 + r3, "impf": s + r2 + r3, "ap": "م" + s + r2 + r3,
                "masdar": ["ا" + s + r2 + "ا" + r3]}
    if form == "X":
        return {"perf": "است" + r1 + r2 + r3, "impf": "ست" + r1 + r2 + r3,
                "ap": "مست" + r1 + r2 + r3, "masdar": ["است" + r1 + r2 + "ا" + r3]}
    raise ValueError(f"unsupported derived form {form!r} for root {root!r}")


def _perfect(st: dict[str, Any]) -> list[tuple[str, str, str]]:
    """3rd-person perfect forms as (form, gender, number)."""
    p = st["perf"]
    if st.get("def"):
        base = p[:-1]
        return [(p, "m", "sg"), (base + "ت", "f", "sg"), (base + "يا", "m", "du"),
                (base + "تا", "f", "du"), (base + "وا", "m", "pl"), (base + "ين", "f", "pl")]
    short = st.get("perf_short", p)
    return [(p, "m", "sg"), (p + "ت", "f", "sg"), (p + "ا", "m", "du"), (p + "تا", "f", "du"),
            (p + "وا", "m", "pl"), (short + "ن", "f", "pl")]


def _imperfect(st: dict[str, Any]) -> list[tuple[str, str, str]]:
    """3rd-person imperfect forms (indicative and subjunctive plural) as (form, gender, number)."""
    s = st["impf"]
    plural = s[:-1] + "ون" if st.get("def") else s + "ون"
    plural_subj = s[:-1] + "وا" if st.get("def") else s + "وا"
    out = [("ي" + s, "m", "sg"), ("ت" + s, "f", "sg"), ("ي" + s + "ان", "m", "du"),
           ("ت" + s + "ان", "f", "du"), ("ي" + plural, "m", "pl"), ("ي" + plural_subj, "m", "pl"),
           ("ي" + st.get("impf_short", s) + "ن", "f", "pl")]
    return out


def _participle(ap: str) -> list[tuple[str, str, str]]:
    """Active participle forms: masculine with and without accusative alif, feminine, plurals."""
    base = ap[:-1] if ap.endswith("ي") else ap
    return [(ap + "ا", "m", "sg"), (ap, "m", "sg"), (ap + "ه", "f", "sg"),
            (base + "ين", "m", "pl"), (base + "ون", "m", "pl"), (ap + "ات", "f", "pl")]


PRONOUNS: tuple[str, ...] = ("ه", "ها", "هم", "هما", "هن")
OBJECT_PRONOUNS: tuple[str, ...] = ("ه", "ها", "هم", "هما")


def _with_object(form: str) -> list[str]:
    """A finite verb form with an object pronoun: `وصف` -> `وصفه`, `وصفوا` -> `وصفوه`,
    `سمّى` (matching form `سمي`) -> `سمّاه`."""
    if form.endswith("وا"):
        form = form[:-1]  # the plural's silent alif drops before a pronoun
    elif form.endswith("ي") and not form.endswith(("ان", "ون", "ين")):
        form = form[:-1] + "ا"  # final alif maqsura is written alif before a pronoun
    return [form + p for p in OBJECT_PRONOUNS]


def _masdar(m: str) -> list[str]:
    """Verbal-noun forms: bare, definite, with a possessive pronoun (ة becomes ت before it)."""
    stem = m[:-1] + "ت" if m.endswith("ه") else m
    bare = [m] + [stem + p for p in PRONOUNS]
    out = [pre + f for f in bare for pre in ("", "و", "ف", "ب", "وب")]
    out += [pre + "ال" + m for pre in ("", "و", "ف", "ب", "وب")]
    return out


VERB_PREFIXES: tuple[str, ...] = ("", "و", "ف")


def _entry_forms(entry: dict[str, Any], breaker: bool = False) -> list[tuple[str, CueForm]]:
    """All (normalised surface, CueForm) pairs of one data-file entry."""
    root = _root(entry["root"])
    st = _stems(root, entry["form"], entry.get("class", "sound"))
    ov = entry.get("override", {})
    frames = tuple(entry.get("frames", ()))
    preps = tuple(normalize(p) for p in entry.get("preps", ()))
    lemma = entry["lemma"]
    objects = tuple(normalize(o) for o in entry.get("idiom_objects", ()))
    literal = tuple(normalize(o) for o in entry.get("literal_objects", ()))
    mk = lambda kind, g, n, suffixed=False: CueForm(  # noqa: E731
        lemma, kind, g, n, frames, preps, bool(entry.get("quote_only")), bool(entry.get("relay")),
        breaker, objects, literal, bool(entry.get("passive_bare")), bool(entry.get("describe")),
        suffixed, bool(entry.get("prep_object")))
    pairs: list[tuple[str, CueForm]] = []
    genders = ("m", "f", "m", "f", "m", "f")
    numbers = ("sg", "sg", "du", "du", "pl", "pl")
    if "perf" in ov:
        perf = [(normalize(f), g, n) for f, g, n in zip(ov["perf"], genders, numbers)]
    else:
        perf = _perfect(st)
    if "impf" in ov:
        impf = [(normalize(f), g, n) for f, g, n in zip(ov["impf"], genders, numbers)]
    else:
        impf = _imperfect(st)
    if entry.get("suffixed_only"):
        # `سمّى` bare is spelled like the passive `سُمّي` (`ما سُمّي بـ`): only the forms
        # carrying an object pronoun (`سمّاه`, `سمّتها`) are surely active.
        return [(pre + o, mk("perf", g, n, True)) for form, g, n in perf
                for o in _with_object(form) for pre in VERB_PREFIXES]
    if entry.get("describe"):
        # Describing verbs often carry their object (`ووصفها بـ"…"`, `ما وصفته "…"`).
        for form, g, n in perf:
            pairs += [(pre + o, mk("perf", g, n, True)) for o in _with_object(form)
                      for pre in VERB_PREFIXES]
        for form, g, n in impf:
            if not form.endswith("ن"):  # not after the indicative -ان/-ون/-ن endings
                pairs += [(pre + o, mk("impf", g, n, True)) for o in _with_object(form)
                          for pre in VERB_PREFIXES]
    for form, g, n in perf:
        pairs += [(pre + form, mk("perf", g, n)) for pre in VERB_PREFIXES]
    for form, g, n in impf:
        for pre in VERB_PREFIXES:
            pairs += [(pre + form, mk("impf", g, n)), (pre + "س" + form, mk("impf", g, n))]
    aps = [normalize(a) for a in ov.get("ap", [])]
    ap_forms = ([(a, "f" if a.endswith("ه") else "m", "sg") for a in aps] if aps
                else _participle(st["ap"]))
    for form, g, n in ap_forms:
        pairs += [(pre + form, mk("ap", g, n)) for pre in VERB_PREFIXES]
    masdars = ov.get("masdar", entry.get("masdar", st["masdar"]))
    for m in masdars:
        pairs += [(form, mk("masdar", "m", "sg")) for form in _masdar(normalize(m))]
    return pairs


def _root(text: str) -> str:
    """Root letters in matching form, keeping the hamza (`ءكد`) as its own letter."""
    out = []
    for ch in text:
        out.append(HAMZA if ch in "ءأإؤئ" else normalize(ch))
    return "".join(out)


@dataclass(frozen=True)
class Lexicon:
    """Surface form -> reporting-verb readings, plus the particle lists of the data file."""

    forms: dict[str, tuple[CueForm, ...]]
    complementizers: frozenset[str]
    attributions: frozenset[str]
    statement_verbs: frozenset[str]
    statement_nouns: frozenset[str]
    impersonal: frozenset[str]
    anonymous: frozenset[str] = frozenset()
    official_adjectives: frozenset[str] = frozenset()
    source_adjectives: frozenset[str] = frozenset()  # official and other
    institution_heads: frozenset[str] = frozenset()
    person_heads: frozenset[str] = frozenset()

    def lookup(self, token: str) -> CueForm | None:
        """The preferred reading of a normalised token (speech verbs before breakers)."""
        readings = self.forms.get(token)
        return readings[0] if readings else None


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Load and expand the cue data file (cached)."""
    raw = resources.files("rasid.data").joinpath("quotes/cues.json").read_text("utf-8")
    data = json.loads(raw)
    table: dict[str, list[CueForm]] = {}
    suffixed: list[tuple[str, CueForm]] = []
    for entry in data["lemmas"]:
        for form, cue in _entry_forms(entry):
            if cue.suffixed:
                suffixed.append((form, cue))
            else:
                table.setdefault(form, []).append(cue)
    for entry in data.get("breakers", []):
        for form, cue in _entry_forms(entry, breaker=True):
            if cue.kind == "ap":
                table.setdefault(form, []).append(cue)
    for form, cue in suffixed:
        # A verb with its object pronoun only where no plain form (a verbal noun `قوله`)
        # is spelled the same.
        if form not in table or all(c.suffixed for c in table[form]):
            table.setdefault(form, []).append(cue)
    for clash in data.get("not_cues", []):
        table.pop(normalize(clash), None)
    suffixes = data.get("pronoun_suffixes", [""])
    comps = set()
    for c in data["complementizers"]:
        for s in suffixes:
            comps.add(normalize(c) + s)
    return Lexicon(
        forms={k: tuple(v) for k, v in table.items()},
        complementizers=frozenset(comps),
        attributions=frozenset(normalize(a) for a in data.get("attributions", [])),
        statement_verbs=frozenset(normalize(a) for a in data.get("statement_verbs", [])),
        statement_nouns=frozenset(normalize(a) for a in data.get("statement_nouns", [])),
        impersonal=frozenset(normalize(a) for a in data.get("impersonal", [])),
        anonymous=frozenset(normalize(a) for a in data.get("anonymous", [])),
        official_adjectives=frozenset(normalize(a) for a in
                                      data.get("source_adjectives", {}).get("official", [])),
        source_adjectives=frozenset(normalize(a) for v in data.get("source_adjectives", {}).values()
                                    for a in v),
        institution_heads=frozenset(normalize(a) for a in data.get("institution_heads", [])),
        person_heads=frozenset(normalize(a) for a in data.get("person_heads", [])),
    )


def forms_of(lemma: str) -> set[str]:
    """Every generated surface form of a lemma (for inspection and tests)."""
    lex = load_lexicon()
    key = normalize(lemma)
    return {f for f, cues in lex.forms.items() if any(normalize(c.lemma) == key for c in cues)}
