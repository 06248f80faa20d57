"""Find reported speech in a text: cue verb, speaker phrase, introducer, quoted span.

Shapes handled (all after normalisation, so `شدّد` = `شدد`, `أنّ` = `أن`):
- cue + speaker + (prep) + إن/أن/بأن + content      `قال مسؤول في الناتو إن …`, `أشار إلى أن …`
- cue + speaker + `:` or quotation marks + content   `وأضاف نصر الله "…"`, `قال في المؤتمر: «…»`
- hal participle + أن after a comma: a new quote by the same speaker `…، لافتاً إلى أن …`
- relay: `نقلت وكالة X عن المسؤول قوله إن …` (speaker: the one quoted)
- attribution: `بحسب المصدر فإن …`, `وفقاً لـ X، …`; statement: `جاء في بيان صادر عن X: "…"`
- trailing attribution: `ارتفع عدد الضحايا إلى 62، وفق ما أفاد X` (the clause before is X's)
- accusing/describing/thanking verbs with a quoted phrase of 3+ words (`اتهم … بـ"…"`)
- nominal object of أكد/أعلن/شدد على/لفت إلى/كشف عن (`أكد أهمية الحوار …`)
- a paragraph that is one quotation right after a direct quote continues it.
- noun object after the cue's preposition (`أشار X إلى وجود أزمة`, `، مشيرة إلى …`, `تحدّث
  عن …`), opened by a possessed noun (`أعلن مسؤوليته عن …`), after place phrases;
- describing verbs with their object pronoun (`ووصفها بـ"…"`, `ما سمّاه X "…"`);
- subjects: `وكان X قد أكد`, a name set off at the end of a role phrase, a title whose name
  ends a long phrase, the previous sentence's subject after an adverbial lead-in.
An indirect quote runs to the end of its sentence, or to a clause that starts something new:
a hal participle, `، بحسب`, `، وذلك`, `، كما`, a new cue verb.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from rasid.quotes.cues import CueForm, Lexicon, load_lexicon
from rasid.quotes.speaker import (ADVERBIAL_STARTERS, DEMONSTRATIVES, GENERIC_WORDS,
                                  LEADING_PARTICLES, PRONOUN_PREPS, SPEECH_NOUNS, TITLES, Span, Speaker,
                                  TIME_WORDS, choose, extension_code, gazetteer_code,
                                  is_role_word,
                                  name_heads,
                                  nisba_code, apposed_role_code, weak_code,
                                  resolve_alias,
                                  resolve_reference, resolve_region, trim_gap)
from rasid.quotes.textdoc import ALL_MARKS, CLOSERS, OPENERS, TextDoc
from rasid.text.normalize import normalize

MAX_GAP = 28  # tokens between a finite cue verb and its introducer
MAX_GAP_HAL = 7  # a hal participle has no subject: its introducer follows closely
PREPS = frozenset(normalize(w) for w in ("على", "إلى", "من", "عن", "ب"))
# An أن after these is not the reporting verb's complement (`بعد أن`, `يجب أن`).
BLOCK_BEFORE_THAT = frozenset(normalize(w) for w in (
    "بعد قبل منذ دون بدون بدل بدلا يجب ينبغي يمكن يمكنه المقرر المتوقع المفترض المنتظر حتى "
    "رغم برغم لمجرد مجرد بمجرد إلا الا لابد بد شأن ما وما شرط بشرط شريطة كاد كادت يكاد "
    "تكاد كادوا").split())
CLAUSE_BREAKERS = frozenset(normalize(w) for w in "وذلك كما فيما بينما وبينما".split())
NAMING_NOUNS = frozenset(normalize(w) for w in (
    "وكالة شبكة صحيفة قناة موقع مجلة إذاعة حركة عملية جماعة تنظيم حزب منظمة تيار ائتلاف "
    "مؤسسة شركة مركز برنامج مبادرة كتاب فيلم هاشتاغ وسم تطبيق مشروع خطة لجنة باسم "
    # a quoted slogan or title is a name, not words the speaker says now (`تحت شعار "…"`)
    "شعار شعارات عنوان بعنوان لافتة لافتات هتاف هتافات").split())
SENT_END = frozenset(".!?؟;؛")
NEGATIONS = frozenset(normalize(w) for w in "لم ولم فلم لن ولن فلن لا ولا".split())
# A clause opened by these ends at its first comma (`وفي حين أكد الأردن أن …، حضت …`).
SUBORDINATORS = frozenset(normalize(w) for w in (
    "بينما وبينما عندما وعندما بعدما وبعدما حينما وحينما لما ولما كلما وكلما").split())
# Words before a cue that cannot be its subject: a pronoun-carrying particle (`ولكنه قال`),
# a bare conjunction written apart (`و أضاف`).
NOT_SUBJECT = frozenset(normalize(w) for w in (
    "و ف لكنه ولكنه لكنها ولكنها لكنهم ولكنهم انه وانه انها وانها لانه لانها كما وكما "
    "ثم حيث اذ قد وقد فقد").split())
DEMONSTRATIVE_SUBJECTS = frozenset(normalize(w) for w in (
    "هذا وهذا ذلك وذلك هذه وهذه تلك وتلك").split())
# First words of a sentence lead-in that ends in a comma (`من جهته،`, `بدوره،`, `وفي المقابل،`).
LEAD_INS = frozenset(normalize(w) for w in (
    "من ومن في وفي على وعلى بدوره وبدوره بدورها وبدورها بدورهم وبدورهم الى والى الي "
    "وردا ردا تعليقا وتعليقا وعن عن خلال وخلال").split())
TIME_WORDS_N = frozenset(normalize(w) for w in (
    "الثلاثاء الأربعاء الخميس الجمعة السبت الأحد الاثنين الإثنين اليوم الليلة").split())
QUESTION_NOUNS = frozenset(normalize(w) for w in "سؤال السؤال سؤالا سؤالاً تساؤل".split())
OBJECT_CLAUSE_STARTS = frozenset(normalize(w) for w in (
    "وفي وعلى ومن وبعد وقبل وخلال ومنذ وعقب واثر وفيما وبينما ثم حيث لكن لكنه لكنها "
    "لكنهم ولكن ولكنه ولكنها ولكنهم").split())
REL_PRONOUNS = frozenset(normalize(w) for w in "الذي التي الذين والذي والتي والذين".split())
# What may stand right before quotation marks that are the complement of an accusing,
# describing or calling verb (`اتهم X بـ"…"`, `وصفها بأنها "…"`, `دعا إلى "…"`).
COMPLEMENT_BEFORE = frozenset(normalize(w) for w in (
    "ب ل ك الى إلى على عن من ضد : بان بانه بانها بانهم انه انها ان بوصفه بوصفها").split())
COMPLEMENT_FIRST = frozenset(normalize(w) for w in "على إلى الى عن من في ب ل ان بان".split())
DESCRIBE_BEFORE = frozenset(normalize(w) for w in "ب بان بانه بانها بانهم بانهما".split())
HAL_RE = re.compile(r"^م\w{3,}ا$")  # masculine accusative participle: مطالبا, مستبعدا
SUBJECT_TYPES = ("PER", "ORG", "GPE", "ROLE")
ROLE_HEADS = frozenset(normalize(w) for w in (
    "نائب رئيس وزير الرئيس الوزير المتحدث الناطق الأمين سفير السفير قائد زعيم عضو النائب "
    "الدكتور السيد الشيخ مدير مستشار مبعوث مندوب سكرتير أمين العام الجمهورية الوزراء "
    "مجلس النواب الخارجية الداخلية الدفاع").split())


# Attribution words that may close a clause (`…، بحسب X`); `بموجب` (by virtue of) does not.
TRAILING_ATTRIBUTIONS = frozenset(normalize(w) for w in (
    "بحسب حسب حسبما وفق وفقا وفقاً طبقا طبقاً").split())
PRONOUN_PREP_WORDS = frozenset(normalize(w) for w in "به بها عنه عنها عنهم لهم له لها".split())


def cue_gender(sp: Speaker | None) -> str:
    """The gender a speaker carries for later cues (default masculine)."""
    return sp.gender if sp is not None else "m"


@dataclass
class Found:
    """A quote found in the text, with its cue and (possibly implicit) speaker."""

    start: int
    end: int
    text: str
    direct: bool
    cue: str
    cue_start: int
    cue_end: int
    gender: str
    sent: int
    speaker: Speaker | None = None
    implicit: bool = False
    kind: str = "that"
    cue_kind: str = ""  # perf | impf | ap | masdar of the cue form


class Finder:
    """Quote finder over one TextDoc with optional entity/role spans and time spans."""

    def __init__(self, doc: TextDoc, spans: list[Span] | None = None,
                 time_spans: list[tuple[int, int]] | None = None,
                 lexicon: Lexicon | None = None) -> None:
        self.doc = doc
        self.spans = spans or []
        self.time_spans = time_spans or []
        self.lex = lexicon or load_lexicon()
        self.consumed: set[int] = set()
        self.home = home_state(self.spans)

    # ------------------------------------------------------------ cue lookup
    def cue_at(self, k: int) -> CueForm | None:
        """The reporting-verb reading of token k, or None (inside quotes, after a preposition…)."""
        t = self.doc.toks[k]
        if k in self.consumed or self.doc.inside(t):
            return None
        if t.text in self.lex.impersonal:
            return None
        cue = self.lex.lookup(t.text)
        if cue is None:
            return self._statement_cue(k)
        if cue.breaker:
            return None
        if cue.kind == "perf" and _passive_spelling(self.doc.text[t.s:t.e]):
            return None  # `وُصف بأنه`, `قُتل`: a voweled passive has no speaker
        if cue.kind == "masdar" and t.text.startswith("ب") and not t.text.startswith("بال") and \
                not t.text.endswith(("ه", "ها", "هم", "هما", "هن")):
            return None  # `بإعلان استقالة …`: "with the announcement of", no speech reported
        if k > 0 and cue.kind in ("perf", "impf") and self.doc.toks[k - 1].text in PREPS | {"في", "حول", "مع"}:
            prev = self.doc.toks[k - 1]
            if not (cue.kind == "impf" and self.doc.text[prev.s:prev.e] == "علي"):
                # a noun after a preposition (`في رد`, `من نقل`); but `بن علي يقول`: the
                # name علي folds to the preposition, and no preposition governs an imperfect
                return None
        if t.text in self.lex.attributions or (t.text[:1] == "و" and t.text[1:] in self.lex.attributions):
            return None  # `قالت X نقلاً عن Y`: an attribution, not a relay verb of its own
        if t.text in ("يدعي", "تدعي") and k + 1 < len(self.doc.toks):
            nxt = self.doc.toks[k + 1]
            if not nxt.text.startswith("ال") and nxt.text not in self.lex.complementizers:
                return None  # `قيادي يُدعى صدام`: "is called", not "claims"
        return cue

    def _statement_cue(self, k: int) -> CueForm | None:
        """`جاء في بيان …` / `ورد في تقرير …` used as a reporting verb."""
        toks = self.doc.toks
        w = toks[k].text
        w = w[1:] if w[:1] in "وف" and w[1:] in self.lex.statement_verbs else w
        if w not in self.lex.statement_verbs or k + 2 >= len(toks):
            return None
        if toks[k + 1].text != "في" or toks[k + 2].text not in self.lex.statement_nouns:
            return None
        return CueForm(lemma="جاء في بيان", kind="perf", gender="m", number="sg",
                       frames=("quote", "colon", "that"), preps=(), relay=True)

    # ------------------------------------------------------------ main
    def find(self) -> list[Found]:
        """All quotes of the text, in order, speakers resolved (carry-forward included)."""
        found: list[Found] = []
        for n, (a, b) in enumerate(self.doc.sent_tok):
            sent_found: list[Found] = []
            k = a
            while k < b:
                cue = self.cue_at(k)
                if cue is not None:
                    f = self._from_cue(k, cue, n, a, b)
                    if f is not None:
                        sent_found.append(f)
                k += 1
            f = self._attribution(n, a, b)
            if f is None:
                f = self._trailing_attribution(n, a, b, sent_found)
            if f is not None:
                sent_found.insert(0, f)
            elif not sent_found:
                f = self._continuation(n, a, b, found)
                if f is not None:
                    sent_found.append(f)
            found += _clip(self.doc.text, sent_found)
        found = _dedup(found)
        self._resolve(found)
        return found

    # ------------------------------------------------------------ one cue
    def _from_cue(self, k: int, cue: CueForm, n: int, sa: int, sb: int) -> Found | None:
        """The quote introduced by the cue at token k of sentence n (tokens sa..sb-1)."""
        doc, toks = self.doc, self.doc.toks
        if k > sa and toks[k - 1].text in DEMONSTRATIVE_SUBJECTS and cue.kind in ("perf", "impf") \
                and (k - 1 == sa or toks[k - 2].text in ("،", ",", "و")):
            # `وهذا يشير إلى أن`: a fact pointing to something, not a speaker (but `في غضون
            # ذلك أفادت مصادر`: the demonstrative belongs to the lead-in).
            return None
        limit = MAX_GAP_HAL if cue.kind in ("ap", "masdar") else MAX_GAP
        intro = None
        j = k + 1
        while j < sb and toks[j].text in cue.objects:
            j += 1  # `لفت الانتباه إلى أن`: the idiom's object is part of the cue
        k_end = j
        end_scan = min(sb, k + 1 + limit + 8)
        while j < end_scan and j - k <= limit + 1:
            t = toks[j]
            region = doc.region_opening(t) if t.text in OPENERS else None
            if region is not None:
                if cue.kind == "masdar" and j != k_end and toks[j - 1].text != ":":
                    break  # `قوله "…"`: a verbal noun's quotation follows it directly
                if cue.describe and (toks[j - 1].text in DESCRIBE_BEFORE or cue.suffixed) and \
                        toks[j - 1].text not in NAMING_NOUNS and \
                        doc.text[region.start:region.close].strip():
                    # `وصف X بـ"الشخص الرائع"`, `ما وصفته "التحديات …"`, `ما سمّاه ترامب
                    # "التقصي الشديد"`: the quoted description, however short, is the content.
                    intro = ("quote", j, region)
                    break
                inner = normalize(doc.text[region.start:region.close]).split()
                if cue.quote_only and len(inner) == 1 and inner[0][:1] == "ب" and \
                        len(inner[0]) > 4 and toks[j - 1].text not in NAMING_NOUNS and \
                        not any(x.start < region.close and x.end > region.start for x in self.spans):
                    intro = ("quote", j, region)  # `تتهم المعارضة الرئيس "بالمحسوبية"`
                    break
                if self._naming_quote(j, region, k_end, cue.quote_only) and \
                        not (cue.quote_only and toks[j - 1].text == "ب"):
                    j = doc.tok_after(region.close + 1)
                    continue
                if cue.quote_only and (len(inner) < 3 or not self._complement_region(j, region)):
                    # An epithet or a quoted title beside the object (`أشاد بمقاومة X "الباسلة"`)
                    # is not what the accusing/praising verb reports.
                    j = doc.tok_after(region.close + 1)
                    continue
                if "quote" in cue.frames or cue.quote_only:
                    intro = ("quote", j, region)
                break
            if cue.quote_only:
                other = self.lex.lookup(t.text)
                if t.text in SENT_END or t.text in ("والتي", "والذي", "والذين") or (t.text in ("،", ",") and self._breaks_clause(j)) or \
                        (other is not None and other.kind in ("perf", "impf") and not other.breaker):
                    break
                j += 1
                continue
            if t.text in self.lex.complementizers and "that" in cue.frames:
                if toks[j - 1].text in BLOCK_BEFORE_THAT:
                    # `بعد أن`, `كادت أن`: not the cue's complement; a colon or quotation
                    # may still follow (`… كادت أن تكون مميتة في رقبته: "…"`).
                    j += 1
                    continue
                if cue.passive_bare and cue.kind == "impf" and j == k_end and \
                        not self._subject_before(self._apposed_name(k, sa), sa):
                    return None  # `ويتوقع أن`, `بعدما تبيّن أن`: impersonal passive
                intro = ("that", j, None)
                break
            if t.text == ":":
                if toks[j - 1].text in QUESTION_NOUNS:
                    return None  # `في رده على سؤال: …`: the question, not the answer
                intro = ("colon", j, None)
                break
            if t.text in SENT_END or t.text in ("والتي", "والذي", "والذين"):
                break  # a new relative clause belongs to the object, not to the speech
            if t.text in self.lex.attributions:
                j += 1  # `قالت X نقلاً عن Y إن`: the attribution is part of the frame
                continue
            other = self.lex.lookup(t.text)
            if other is not None and other.kind == "ap" and j == k_end and cue.kind in ("perf", "impf"):
                other = None  # `يقول منتقدون إن`: a participle right after the verb is its subject
            if other is not None and other.kind == "ap" and other.prep_object and \
                    "that" not in other.frames and j + 1 < sb and toks[j + 1].text not in other.preps:
                other = None  # `وأضاف بومبيو متحدثاً في برامج حوارية، أن`: part of the frame
            if other is not None and not doc.inside(t) and not other.breaker and \
                    other.kind != "masdar":
                if other.lemma == cue.lemma == "قال" and other.kind in ("masdar", "ap"):
                    self.consumed.add(j)  # `تابع بالقول:` / `قائلاً إن`: part of the frame
                    j += 1
                    continue
                if normalize(other.lemma) == normalize("قال") and other.kind in ("masdar", "ap"):
                    self.consumed.add(j)
                    j += 1
                    continue
                break
            if t.text in ("،", ",") and j > k + 1 and self._breaks_clause(j):
                break
            j += 1
        if intro is None:
            return self._object_quote(k, cue, n, sa, sb)
        how, j, region = intro
        self.consumed.update(range(k + 1, j))  # words of this frame are not cues of their own
        gap_end = j
        if how in ("that", "quote") and toks[j - 1].text in PREPS and j - 1 > k:
            gap_end = j - 1  # `أشار إلى "…"`: the preposition is not part of the speaker
        if how == "quote":
            c0, c1 = region.start, region.close
            if cue.quote_only or doc.quoted_share(c0, c1) > 0:
                return self._build(k, cue, n, sa, sb, gap_end, c0, c1, "quote", k_end)
        start_tok = j + 1
        if how == "colon" and start_tok < sb and toks[start_tok].text in self.lex.complementizers:
            start_tok += 1
        if start_tok >= sb:
            return None
        end_tok = self._content_end(start_tok, sb, self._subordinate(k, sa))
        if end_tok <= start_tok:
            return None
        c0, c1 = toks[start_tok].s, toks[end_tok - 1].e
        return self._build(k, cue, n, sa, sb, gap_end, c0, c1, how, k_end)

    def _complement_region(self, j: int, region) -> bool:
        """Quotation marks that are a verb's complement: after a preposition or `بأن`, or
        opening with one (`شكر نادر "على الجهد …"`)."""
        toks, text = self.doc.toks, self.doc.text
        prev = toks[j - 1].text
        if prev in COMPLEMENT_BEFORE or (prev[:1] in "بل" and len(prev) > 3 and
                                         not any(x.start == toks[j - 1].s for x in self.spans)):
            return True  # `بـ"…"`, `بأنها "…"`, `لإجراء "…"`
        first = normalize(text[region.start:region.close]).split()[:1]
        return bool(first) and first[0] in COMPLEMENT_FIRST

    def _subject_before(self, k: int, sa: int) -> bool:
        """True when a noun phrase (not a particle or punctuation) stands right before the cue."""
        if k <= sa:
            return False
        w = self.doc.toks[k - 1].text
        if w in SENT_END or w in ("،", ",", ":") or w in NOT_SUBJECT or w in SUBORDINATORS or \
                w in LEADING_PARTICLES or w in BLOCK_BEFORE_THAT:
            return False
        return w.isalpha()

    def _naming_quote(self, j: int, region, k_end: int, quote_only: bool = False) -> bool:
        """Quotation marks around a name (`لـ"الوطن"`, `شبكة "سي أن أن"`), not around words said."""
        toks, text = self.doc.toks, self.doc.text
        prev = toks[j - 1]
        if prev.text in ("ل", "ب", "ك") and text[prev.e:toks[j].s].strip("ـ") == "":
            return True
        if prev.text in NAMING_NOUNS:
            return True
        after = self.doc.tok_after(region.close + 1)
        words = len(text[region.start:region.close].split())
        inner = normalize(text[region.start:region.close]).split()
        if not quote_only and 2 <= len(inner) <= 6 and all(w.startswith("ال") for w in inner) \
                and prev.text != ":":
            return True  # `تأسيس "الجمهورية العربية الصحراوية الديمقراطية"`: a name
        if words > (2 if quote_only else 3) or after >= len(toks):
            return False
        nxt = toks[after].text
        if nxt == ":" and text[region.close + 1:toks[after].s].strip() == "":
            return True
        # A short quoted phrase with the clause going on after it (`ولفتت "سي أن أن" إلى …`,
        # `اتهمت فرنسا بإعطاء "معلومات كاذبة" عن القضية`): a name or a scare quote.
        return nxt not in SENT_END and nxt not in ("،", ",", ":") and nxt not in CLOSERS and \
            self.doc.sent_of[after] == self.doc.sent_of[j]

    def _ends_after_marks(self, k: int) -> bool:
        """After closing quotation marks, a comma or a hal participle returns to the narrator
        (`إنها "ستواصل عملها"، رغم التحذيرات`, `"متينة للغاية" رافضا التعليق`)."""
        toks = self.doc.toks
        w = toks[k].text
        cue = self.lex.lookup(w)
        if cue is not None and cue.kind == "ap":
            return True
        if w not in ("،", ","):
            return False
        if k + 1 >= len(toks):
            return True
        nxt = toks[k + 1].text
        # The same speech goes on: another quotation, or `وأن …` / `وإن …`.
        return not (nxt in OPENERS or (nxt[:1] == "و" and nxt[1:] in self.lex.complementizers))

    def _abbreviation_dot(self, k: int) -> bool:
        """A full stop inside an abbreviation (`إف.بي.آي`): glued to short letter groups on both
        sides. (`النار.وأضاف` is a missed sentence end: a long word before it.)"""
        toks = self.doc.toks
        if toks[k].text != "." or k == 0 or k + 1 >= len(toks):
            return False
        before, after = toks[k - 1], toks[k + 1]
        return before.e == toks[k].s and after.s == toks[k].e and len(before.text) <= 2 and \
            len(after.text) <= 3

    def _subordinate(self, k: int, sa: int) -> bool:
        """True when the cue sits in a clause opened by `بينما`, `عندما`, `وفي حين` …"""
        toks = self.doc.toks
        before = [toks[i].text for i in range(max(sa, k - 3), k)]
        if any(w in SUBORDINATORS for w in before[-2:]):
            return True
        return len(before) >= 2 and before[-1] == "حين" and before[-2] in ("في", "وفي")

    def _breaks_clause(self, j: int) -> bool:
        """True when the comma at token j opens a new clause (hal, attribution, `وذلك`)."""
        toks = self.doc.toks
        if j + 1 >= len(toks):
            return True
        w = toks[j + 1].text
        if w in CLAUSE_BREAKERS or w in self.lex.attributions or w[1:] in self.lex.attributions:
            return True
        if w == "في" and j + 2 < len(toks) and toks[j + 2].text in ("حين", "حينه"):
            return True
        cue = self.lex.lookup(w)
        if cue is not None and cue.kind == "ap":
            return True
        if cue is not None and w[:1] in "وف" and cue.kind in ("perf", "impf"):
            return True
        if HAL_RE.match(w) and w[1] != "ا":  # not a name like ماريا
            t = toks[j + 1]
            return not any(x.start <= t.s < x.end for x in self.spans if x.type == "PER")
        return False

    def _content_end(self, a: int, sb: int, stop_comma: bool = False) -> int:
        """Exclusive token end of content starting at a: sentence end or a new clause."""
        doc, toks = self.doc, self.doc.toks
        k = a
        while k < len(toks):
            t = toks[k]
            region = doc.region_opening(t) if t.text in OPENERS else None
            if region is not None:
                k = doc.tok_after(region.close + 1)
                if k < min(sb, len(toks)) and self._ends_after_marks(k):
                    break
                continue
            if k >= sb:
                break
            if t.text in ("،", ",") and k > a and (self._breaks_clause(k) or (
                    stop_comma and k + 1 < sb and self._verb_like(k + 1))):
                break  # `وفي حين أكد الأردن أن …، حضت الأمم المتحدة`: the main clause
            if t.text in SENT_END and k > a and not self._abbreviation_dot(k):
                break
            if k > a and t.text[:1] in "وف" and not doc.inside(t):
                cue = self.lex.lookup(t.text)
                if cue is not None and not cue.breaker and cue.kind in ("perf", "impf"):
                    break
            k += 1
        return min(k, len(toks))

    # ------------------------------------------------------------ building
    def _build(self, k: int, cue: CueForm, n: int, sa: int, sb: int, gap_end: int,
               c0: int, c1: int, how: str, k_end: int | None = None) -> Found | None:
        """A Found from content offsets [c0, c1) and the speaker gap k+1..gap_end-1."""
        doc = self.doc
        c0, c1 = _strip(doc.text, c0, c1)
        if c1 - c0 < 2:
            return None
        direct = how == "quote" or doc.quoted_share(c0, c1) > 0.5
        t = doc.toks[k]
        speaker, implicit = self._speaker(k, cue, sa, gap_end, k_end or k + 1)
        if speaker is not None:
            speaker.gender = cue.gender
            if cue.relay:
                # `نقلت الوكالة عن المسؤول قوله`: the quoted one's gender is the pronoun's.
                for m in doc.toks[k + 1:gap_end + 1]:
                    r = self.lex.lookup(m.text)
                    if r is not None and r.kind == "masdar" and m.text.endswith("ه"):
                        speaker.gender = "f" if m.text.endswith("ها") else "m"
        return Found(start=c0, end=c1, text=doc.text[c0:c1], direct=direct,
                     cue=doc.text[t.s:t.e], cue_start=t.s, cue_end=t.e, gender=cue.gender,
                     sent=n, speaker=speaker, implicit=implicit, kind=how, cue_kind=cue.kind)

    def _speaker(self, k: int, cue: CueForm, sa: int, gap_end: int,
                 a: int) -> tuple[Speaker | None, bool]:
        """The explicit speaker of the cue at k (gap a..gap_end-1 after it, or subject before it)."""
        toks = self.doc.toks
        w = toks[k].text
        if cue.kind == "masdar" and not w.startswith(("ال", "بال", "وال")) and \
                not w.endswith(("ه", "ها", "هم", "هما", "هن")) and gap_end > a:
            # A bare verbal noun in construct takes its agent next: `تحذير الغرب من أن`.
            sp = self._choose(a, gap_end)
            if sp is not None:
                return sp, False
        if cue.relay or cue.kind == "masdar":
            # `نقلت وكالة X عن المسؤول قوله إن`, `جاء في بيان صادر عن X:`: the one quoted.
            lo = a if cue.kind != "masdar" else max(sa, k - 10)
            hi = gap_end if cue.kind != "masdar" else k
            an = [i for i in range(lo, hi) if toks[i].text == "عن"]
            if an:
                stop = [i for i in range(an[-1] + 1, hi)
                        if getattr(self.lex.lookup(toks[i].text), "kind", None) == "masdar"]
                sp = self._choose(an[-1] + 1, stop[0] if stop else hi)
                if sp is not None:
                    return sp, False
            if cue.kind == "masdar":
                return None, True
        if cue.kind == "ap":
            return None, True
        sp = None if self._comma_aside(a, gap_end) else \
            self._choose(a, gap_end, narrow=cue.quote_only)
        if sp is not None and sp.text and all(w in TIME_WORDS for w in normalize(sp.text).split()):
            sp = None  # `مساء الثلاثاء`, `حينها`: a time, not a speaker
        if sp is not None:
            return sp, False
        # Subject before the verb (`حوري أشار إلى أن`, `شبكة "سي أن أن" تؤكد أن`), past an
        # abbreviation in brackets (`مكتب التحقيقات الفدرالي (إف بي آي) أبلغ`).
        kv = self._apposed_name(self._skip_brackets(k, sa), sa)
        if toks[k].text[:1] not in "وف" and self._subject_before(kv, sa):
            sp = self._preverbal_subject(kv, sa)
            if sp is not None:
                return sp, False
        if k - 2 > sa and toks[k - 1].text == "قد":
            # `وكان مفوّض الشؤون الخارجية …، جوزيب بوريل، قد أكّد أن`: the pluperfect puts
            # the subject between كان and قد.
            kana = next((i for i in range(k - 2, max(sa, k - 16) - 1, -1)
                         if toks[i].text in KANA), None)
            if kana is not None and kana + 1 < k - 1:
                sp = self._choose(kana + 1, k - 1)
                if sp is not None:
                    return sp, False
        return None, True

    def _comma_aside(self, a: int, b: int) -> bool:
        """`وقال، وسط حشد …: "…"`, `ذكرت، يتعيّن على …`: a comma right after the verb opens an
        aside, not the subject (but `أعلنت، الثلاثاء، وزارة …`: a date, then the subject)."""
        toks = self.doc.toks
        if a + 1 >= b or toks[a].text not in ("،", ","):
            return False
        nxt = toks[a + 1]
        if any(x.start == nxt.s and x.type in SUBJECT_TYPES for x in self.spans):
            return False  # `قال، رئيس الوزراء، إن`: a loose comma before the subject
        return not (nxt.text in TIME_WORDS or any(s <= nxt.s < e for s, e in self.time_spans))

    def _apposed_name(self, k: int, sa: int) -> int:
        """`الدور …، بير لودهامار، يقدّر`: a person's name closed by a comma right before the
        verb is its subject; the index of that comma, else k."""
        toks = self.doc.toks
        if k - 2 >= sa and toks[k - 1].text in ("،", ",") and \
                any(x.type == "PER" and x.end == toks[k - 2].e for x in self.spans):
            return k - 1
        return k

    def _skip_brackets(self, k: int, sa: int) -> int:
        """Index of the `(` of a short bracketed aside ending right before token k, else k."""
        toks = self.doc.toks
        if k - 1 <= sa or toks[k - 1].text != ")":
            return k
        for i in range(k - 2, max(sa, k - 9) - 1, -1):
            if toks[i].text == "(":
                return i
        return k

    def _noun_phrase_start(self, v: int, lo: int) -> int:
        """Start of the definite noun phrase ending before token v (`معارضي القانون الجديد`,
        `الرئيس الاشتراكي المنتهية ولايته`): definite words, a pronoun-suffixed noun after a
        definite adjective, and one indefinite head in construct before them."""
        toks = self.doc.toks
        i = v - 1
        while i - 1 >= lo:
            w, p = toks[i].text, toks[i - 1].text
            definite = w.startswith("ال") or (p.startswith("ال") and w.endswith(("ه", "ها", "هم")))
            if not definite or not p.isalpha() or p in PREPS or p in ADVERBIAL_STARTERS or \
                    p in LEADING_PARTICLES or p in NOT_SUBJECT or p in ("في", "مع", "حول") or \
                    p in self.lex.complementizers or p.startswith(("بال", "لل", "كال", "فال")) or \
                    p in self.lex.attributions or p[1:] in self.lex.attributions or \
                    self.lex.lookup(p) is not None:
                break
            i -= 1
            if not p.startswith("ال"):
                break  # the construct head (`معارضي`)
        return i

    def _preverbal_subject(self, k: int, sa: int) -> Speaker | None:
        """The subject written before the cue verb (`حوري أشار`, `شبكة "سي أن أن" الأميركية
        تؤكد`, `وفق الصالح الذي يضيف`), or None when the word before is no subject."""
        doc, toks = self.doc, self.doc.toks
        v = k
        if toks[k - 1].text in REL_PRONOUNS and k - 1 > sa:
            v = k - 1  # `المصدر الذي قال إن`: the antecedent speaks
        lo = v - 1
        while lo >= sa and toks[lo].text not in ("،", ",", ".", ":") and \
                toks[lo].text not in LEADING_PARTICLES and v - lo <= 8:
            lo -= 1
        lo += 1
        while lo < v and toks[lo].text in LEADING_PARTICLES:
            lo += 1
        if lo >= v:
            return None
        near = [x for x in self.spans if x.type in SUBJECT_TYPES and
                toks[lo].s <= x.start and x.end <= toks[v].s and
                _only_modifiers(doc.text[x.end:toks[v].s])]  # right before the verb
        if near:
            x = max(near, key=lambda x: x.end)
            return Speaker(text=x.text, start=x.start, end=x.end, en=x.en, code=x.code,
                           region=doc.text[toks[lo].s:toks[v - 1].e])
        w = toks[v - 1].text
        if w[:1] in "لب" and not w.startswith("ال"):
            return None  # `لطائرة قالت إنها`: a prepositional phrase, the verb is a relative
        # No name right before the verb: the word before it (a surname, `حوري أشار`, the
        # antecedent of `الصالح الذي يضيف`).
        if not self.spans and v == k:
            return choose(doc, lo, v, None, self.spans)
        return choose(doc, self._noun_phrase_start(v, lo), v, None, self.spans)

    def _frame_word(self, k: int) -> bool:
        """`قائلاً` / `بالقول` / `متسائلاً` after another cue: part of the frame, not of the
        speaker (a singular hal participle names no one; `منتقدون` may)."""
        cue = self.lex.lookup(self.doc.toks[k].text)
        if cue is not None and cue.kind == "ap" and cue.number == "sg" and \
                not any(x.start <= self.doc.toks[k].s < x.end for x in self.spans):
            return True
        return cue is not None and cue.kind in ("ap", "masdar") and \
            normalize(cue.lemma) == normalize("قال")

    def _choose(self, a: int, b: int, narrow: bool = False) -> Speaker | None:
        """Trim the gap a..b-1 to the speaker phrase and resolve it."""
        while a < b and self._frame_word(a):
            a += 1
        while b > a and self._frame_word(b - 1):
            b -= 1
        a2, b2, app = trim_gap(self.doc, a, b, self.time_spans, self.spans)
        if b2 <= a2:
            return None
        if b2 < b and app is None:
            held = self._held_title_name(a2, b2, b)
            if held is not None:
                return held
        if narrow and not any(x.start == self.doc.toks[a2].s for x in self.spans):
            # Without layers the object follows the subject: keep the head and its adjectives.
            k = a2 + 1
            while k < b2 and self.doc.toks[k].text.startswith("ال") and \
                    self.doc.toks[k].text.endswith(("ي", "يه")):
                k += 1
            b2, app = k, None
        return choose(self.doc, a2, b2, app, self.spans)

    def _after_name(self, j: int) -> bool:
        """True when a person's name ends at most five tokens before token j (the layers may
        hold only the first part of a long name: `أون سانغ` of `أون سانغ سو تشي`)."""
        toks = self.doc.toks
        lo = toks[max(0, j - 6)].e
        return any(x.type == "PER" and lo <= x.end <= toks[j].s for x in self.spans)

    def _past_place(self, j: int, sb: int) -> int:
        """`أعلن ترامب من المكتب البيضاوي في البيت الأبيض استقالة هايلي`: up to two place
        phrases (`من`/`في` + definite words) between the subject and an indefinite object."""
        toks = self.doc.toks
        i = j
        for _ in range(2):
            if i >= sb or toks[i].text not in ("من", "في"):
                break
            m = i + 1
            while m < sb and m - i <= 4 and (toks[m].text.startswith("ال") or any(
                    x.start <= toks[m].s < x.end and x.type in ("GPE", "LOC", "ORG")
                    for x in self.spans)):
                m += 1
            if m == i + 1:
                break
            i = m
        if i == j or i >= sb:
            return j
        w = toks[i].text
        if w.startswith("ال") or not w.isalpha() or w in PREPS or w in ("في", "مع") or \
                self.lex.lookup(w) is not None or any(s <= toks[i].s < e for s, e in self.time_spans):
            return j
        return i

    def _held_title_name(self, a: int, b2: int, b: int) -> Speaker | None:
        """`عضو التحالف الوطني النائب عن كتلة الأحرار … في البرلمان حاكم الزاملي أن`: a
        phrase ending in a title (`النائب`) whose name comes only at the end of the gap; the
        whole gap is its region (the bloc it names may code it)."""
        doc, toks = self.doc, self.doc.toks
        if toks[b2 - 1].text not in TITLES or any(
                x.type == "PER" and toks[a].s <= x.start < toks[b2 - 1].e for x in self.spans):
            return None
        end = b - 1 if toks[b - 1].text in ("،", ",") else b
        t1 = end - 2
        if t1 <= b2 + 1:
            return None
        w1, w2 = toks[t1].text, toks[t1 + 1].text
        if not (w1.isalpha() and w2.isalpha()) or w1.startswith(("ال", "و")) or \
                any(w in PREPS or w in TIME_WORDS or w in GENERIC_WORDS or w in ("في", "مع")
                    for w in (w1, w2)) or toks[t1 - 1].text in PREPS | {"في", "مع", "باسم"}:
            return None
        s, e = toks[t1].s, toks[t1 + 1].e
        pers = [x for x in self.spans if x.type == "PER" and s <= x.start < e]
        return Speaker(text=doc.text[s:e], start=s, end=e, en=pers[0].en if pers else None,
                       code=pers[0].code if pers else None,
                       region=doc.text[toks[a].s:toks[end - 1].e])

    def _object_quote(self, k: int, cue: CueForm, n: int, sa: int, sb: int) -> Found | None:
        """`أكد أهمية …`, `شدد على أهمية …`, `أعلنت مصادر مقتل …`: the object is the content."""
        if "object" not in cue.frames or cue.kind == "masdar":
            return None
        doc, toks = self.doc, self.doc.toks
        if cue.kind == "ap" and not (
                (k == sa or toks[k - 1].text in ("،", ",")) and k + 1 < sb and (
                    toks[k + 1].text in cue.preps or
                    (not cue.prep_object and self._construct_head(k + 1, sb)))):
            # a hal after a comma takes a noun object after its preposition (`، مشيرة إلى …`)
            # or a noun in construct (`، مستبعداً احتفاظ المالكي بموقعه`); `حواجز مشددة
            # على المداخل` is an adjective
            return None
        if k > sa and toks[k - 1].text in NEGATIONS:
            return None  # `ولم تعلن أي جماعة مسؤوليتها`: nothing was said
        if k > sa and (toks[k - 1].text in REL_PRONOUNS or toks[k - 1].text in WHAT):
            # `الشائعات التي تحدثت عن …`, `مما يشير إلى …`: a relative clause describing a noun
            return None
        start = None
        gap_end = k + 1
        for j in range(k + 1, min(sb, k + 20)):
            w = toks[j].text
            if w in cue.literal:
                return None  # `شددت القوات الخناق على …`: not speech
            if w in SENT_END or w in ("،", ",") and self._breaks_clause(j):
                break
            if w in cue.preps and (j - k < 12 or self._after_name(j)):
                # Far from the verb only right after the speaker's name (`أشارت الزعيمة …
                # أون سانغ سو تشي للمرة الأولى إلى …`), not inside an object (`للحفاظ على`).
                start, gap_end = j + 1, j
                p = toks[j - 1]
                if j - 1 > k and p.text.isalpha() and \
                        doc.text[p.s:p.e].endswith(("ه", "ها", "هم")) and \
                        p.text[:1] not in "بلك" and p.text not in PRONOUN_PREPS and \
                        toks[j - 2].text not in PREPS | {"في", "مع", "حول"} and \
                        not any(x.start <= p.s < x.end for x in self.spans):
                    # `أعلن التنظيم مسؤوليته عن …`, `أكد حرصه على …`: the preposition
                    # belongs to the possessed noun, which opens the object.
                    start, gap_end = j - 1, j - 1
                break
        if start is None and cue.kind == "ap":
            start, gap_end = k + 1, k + 1  # checked above: a noun in construct follows
        if start is None:
            if not self.spans or cue.kind == "impf" or cue.prep_object:
                return None  # `تحدث`, `أشار` take their object only after the preposition
            j = k + 1
            while j < min(sb, k + 5) and toks[j].text in ROLE_HEADS:
                j += 1  # `أكد نائب رئيس الجمهورية إياد علاوي أهمية …`
            chain = [x for x in self.spans if x.type in SUBJECT_TYPES and j < len(toks) and
                     x.start == toks[j].s]
            if not chain:
                j = k + 1
                chain = [x for x in self.spans if x.type in SUBJECT_TYPES and j < len(toks) and
                         x.start == toks[j].s]
            if chain:
                end = max(x.end for x in chain)
                apposed = False
                while True:  # adjacent roles and names: `رئيس مجلس النواب سليم الجبوري`
                    nxt = [x for x in self.spans if x.type in SUBJECT_TYPES and
                           end <= x.start <= end + 2]
                    if not nxt:
                        break
                    apposed = apposed or "،" in doc.text[end:min(x.start for x in nxt)] or \
                        "," in doc.text[end:min(x.start for x in nxt)]
                    end = max(x.end for x in nxt)
                if apposed:
                    # `ستيفان دي ميستورا، مبعوث الأمين العام الخاص إلى سوريا، تنحيه`: the
                    # apposition runs to its closing comma.
                    k2 = doc.tok_after(end)
                    close = next((i for i in range(k2, min(sb, k2 + 6))
                                  if toks[i].text in ("،", ",")), None)
                    if close is not None:
                        end = toks[close].s
                j = doc.tok_after(end)
                while j < sb and (toks[j].text in self.lex.source_adjectives or
                                  (nisba_code(toks[j].text) and not toks[j].text.startswith("ال"))):
                    j += 1  # `أعلنت مصادر رسمية مقتل …`: the adjective is the speaker's
                gap_end = j
                while j < sb and (toks[j].text in ("،", ",") or
                                  any(s <= toks[j].s < e for s, e in self.time_spans)):
                    j += 1
                if j < sb and toks[j].text in ("-", "–"):
                    # `المقاومة الإسلامية في لبنان - حزب الله - استهداف …`: a dashed aside
                    close = next((i for i in range(j + 1, min(sb, j + 6))
                                  if toks[i].text in ("-", "–")), None)
                    if close is not None:
                        j = close + 1
            elif toks[k].text[:1] not in "و":
                return None
            start = self._past_place(j, sb) if chain else j
        if start >= sb or toks[start].text in PREPS | {"في", "،", ","} or \
                toks[start].text in self.lex.complementizers:
            return None
        end_tok = self._content_end(start, sb)
        for j in range(start + 1, end_tok - 1):
            # A noun object is one phrase: `، وفي يناير …` starts the narrator's next clause.
            if toks[j].text in ("،", ",") and toks[j + 1].text in OBJECT_CLAUSE_STARTS:
                end_tok = j
                break
        if end_tok - start < 3:
            return None
        return self._build(k, cue, n, sa, sb, gap_end, toks[start].s, toks[end_tok - 1].e, "object")

    # ------------------------------------------------------------ cue-less shapes
    def _attribution(self, n: int, a: int, b: int) -> Found | None:
        """`بحسب المصدر فإن …` / `وفقاً لـ X، …` opening a sentence without a cue verb."""
        toks = self.doc.toks
        w = toks[a].text
        if w not in self.lex.attributions and not (w[:1] == "و" and w[1:] in self.lex.attributions):
            return None
        k = a + 1
        while k < b and toks[k].text not in ("،", ",") and \
                not toks[k].text.startswith(("فان", "فقد")) and k - a < 14:
            k += 1
        if k >= b - 2 or k - a > 13:
            return None
        sp_a = a + 1
        ans = [i for i in range(sp_a, k) if toks[i].text == "عن"]
        if ans:
            sp_a = ans[-1] + 1
        elif toks[sp_a].text in ("ما", "لما"):
            sp_a += 2
        start = k + 1
        if toks[k].text in ("فان", "فانه", "فانها", "فقد") or toks[k].text.startswith("فان"):
            start = k + 1
        if start < b and toks[start].text in self.lex.complementizers | {"فان", "فقد"}:
            start += 1
        end_tok = self._content_end(start, b)
        if end_tok - start < 3:
            return None
        sp = self._attr_speaker(sp_a, k)
        if sp is None:
            return None  # an attribution names its source
        t = toks[a]
        c0, c1 = _strip(self.doc.text, toks[start].s, toks[end_tok - 1].e)
        cue_s = t.s + (1 if w[:1] == "و" and w[1:] in self.lex.attributions else 0)
        return Found(start=c0, end=c1, text=self.doc.text[c0:c1],
                     direct=self.doc.quoted_share(c0, c1) > 0.5, cue=self.doc.text[cue_s:t.e],
                     cue_start=cue_s, cue_end=t.e, gender="m", sent=n, speaker=sp,
                     implicit=sp is None, kind="attribution")

    def _trailing_attribution(self, n: int, a: int, b: int, found: list[Found]) -> Found | None:
        """`وارتفع عدد الضحايا إلى 62، وفق ما أفاد X`, `انخفض الناتج 45% حسب صندوق النقد`:
        an attribution after a clause that no cue reports attributes that clause to its
        source (a named body, person, role, source or statement)."""
        doc, toks = self.doc, self.doc.toks
        for i in range(a + 3, b - 1):
            w = toks[i].text
            w = w[1:] if w[:1] == "و" and w[1:] in TRAILING_ATTRIBUTIONS else w
            if w not in TRAILING_ATTRIBUTIONS or doc.inside(toks[i]):
                continue
            span = toks[i].s - toks[a].s
            if any(f.start < toks[i].s and f.end > toks[a].s and
                   (f.kind != "quote" or not f.implicit or f.end - f.start >= 0.4 * span)
                   for f in found):
                # a cue already reports the clause (`قال X إن …، بحسب Y`); a short quoted
                # description with no subject inside it (`ما وصفته بـ"دول الحصار"`) does not
                return None
            src = self._attribution_source(i + 1, b)
            if src is None:
                return None
            sa, sb, said = src
            sp = self._choose(sa, sb)
            if sp is None or not sp.text or not (said or self._names_source(sa, sb)):
                return None
            if normalize(sp.text).startswith("ل") and not any(
                    x.start == toks[sa].s for x in self.spans):
                sp.text, sp.start = sp.text[1:].lstrip("ـ"), (sp.start or 0) + 1
            start = toks[a].s
            w0 = toks[a].text
            if w0[:1] in "وف" and len(w0) > 3 and self.lex.lookup(w0) is None and \
                    not any(x.start == start for x in self.spans):
                start += 1  # `وارتفع …`: the conjunction is the narrator's
            c0, c1 = _strip(doc.text, start, toks[i].s)
            if len(normalize(doc.text[c0:c1]).split()) < 3:
                return None
            t = toks[i]
            return Found(start=c0, end=c1, text=doc.text[c0:c1],
                         direct=doc.quoted_share(c0, c1) > 0.5, cue=doc.text[t.s:t.e],
                         cue_start=t.s, cue_end=t.e, gender=cue_gender(sp), sent=n, speaker=sp,
                         kind="attribution")
        return None

    def _attribution_source(self, i: int, b: int) -> tuple[int, int, bool] | None:
        """Tokens of the source after a trailing attribution word (`لـ X`, `ما أفاد به X`,
        `ما ورد في موقع X`), and whether a reporting verb introduced it."""
        toks = self.doc.toks
        said = False
        if i < b and toks[i].text in ("ل", "ما", "لما"):
            said = toks[i].text != "ل"
            i += 1
        if said and i < b:
            v = toks[i].text
            cue = self.lex.lookup(v)
            if v in self.lex.statement_verbs:  # (`ورد` also spells و + ردّ)
                i += 1
                if i + 1 < b and toks[i].text == "في":
                    i += 1  # `وفق ما ورد في موقع X`: the medium is the source
            elif cue is not None and cue.kind in ("perf", "impf"):
                i += 1
            else:
                return None
            while i < b and (toks[i].text in PRONOUN_PREP_WORDS or
                             any(s <= toks[i].s < e for s, e in self.time_spans) or
                             toks[i].text in TIME_WORDS_N):
                i += 1  # `بحسب ما نقل عنه الكرملين`, `ما أفادت الثلاثاء مصادر`
            if i < b and toks[i].text[:1] == "ل" and not toks[i].text.startswith("ال"):
                # `بحسب ما صرح به لمراسلة الإذاعة، X`: the addressee, then the source
                comma = next((j for j in range(i, min(b, i + 6)) if toks[j].text in ("،", ",")), None)
                if comma is not None:
                    i = comma + 1
        end = i
        while end < b and toks[end].text not in SENT_END and toks[end].text not in REL_PRONOUNS \
                and toks[end].text not in ("،", ",", "(") and end - i < 10:
            end += 1
        return (i, end, said) if end > i else None

    def _names_source(self, a: int, b: int) -> bool:
        """True when tokens a..b-1 name a speaker: a person, organisation or role of the layers,
        an anonymous source, or a statement (`بيان`, `تقرير`)."""
        toks = self.doc.toks
        s, e = toks[a].s, toks[b - 1].e
        if any(x.type in ("PER", "ORG", "ROLE") and x.start < e and x.end > s for x in self.spans):
            return True
        head = toks[a].text
        head = head[1:] if head[:1] == "ل" and not head.startswith("ال") else head
        head = "ال" + head[2:] if head.startswith("لل") else head
        return head in self.lex.anonymous or head in self.lex.statement_nouns or \
            head.removeprefix("ال") in self.lex.anonymous

    def _attr_speaker(self, a: int, b: int) -> Speaker | None:
        """The source after an attribution word; a fused ل (`للبيان`) is dropped."""
        if b <= a:
            return None
        sp = self._choose(a, b)
        if sp is None or not sp.text:
            return sp
        w = normalize(sp.text)
        if w.startswith("لل"):
            sp.text = "ال" + sp.text[2:]
        elif w.startswith("ل") and len(w) > 3 and not self.spans:
            sp.text = sp.text[1:]
        return sp

    def _continuation(self, n: int, a: int, b: int, found: list[Found]) -> Found | None:
        """A sentence that is one quotation right after a direct quote: the same speaker goes on."""
        if not found or found[-1].sent != n - 1 or not found[-1].direct:
            return None
        doc = self.doc
        region = doc.region_opening(doc.toks[a]) if doc.toks[a].text in OPENERS else None
        if region is None:
            return None
        s, e = doc.toks[a].s, doc.toks[b - 1].e
        if (region.close - region.open + 1) < 0.8 * (e - s):
            return None
        c0, c1 = _strip(doc.text, region.start, region.close)
        prev = found[-1]
        return Found(start=c0, end=c1, text=doc.text[c0:c1], direct=True, cue=prev.cue,
                     cue_start=prev.cue_start, cue_end=prev.cue_end, gender=prev.gender, sent=n,
                     speaker=replace(prev.speaker) if prev.speaker else None,
                     implicit=prev.speaker is None, kind="continuation")

    # ------------------------------------------------------------ speakers in context
    def _resolve(self, found: list[Found]) -> None:
        """Fill implicit speakers (same sentence, sentence subject, previous speaker by gender)."""
        history: list[Speaker] = []
        for i, f in enumerate(found):
            if f.speaker is None:
                sp, fresh = self._implicit(f, found[:i], history)
                if sp is not None and fresh:
                    # A speaker read off the sentence is a new mention: resolve it like an
                    # explicit one and let later cues carry it.
                    sp = self._finish(sp, history)
                    history.append(sp)
                f.speaker = sp
            elif f.kind != "continuation":
                f.speaker = self._finish(f.speaker, history)
            if f.speaker is not None and not f.implicit:
                history.append(f.speaker)

    def _finish(self, sp: Speaker, history: list[Speaker]) -> Speaker:
        """Code an uncoded speaker: earlier reference, other mention, nationality adjective,
        anonymous source (UNK), the body its phrase names, and last the article's own state for
        a person or a state organ named without its state (`القيادة العسكرية`)."""
        if self._is_person(sp):
            # The surname of a person the layers coded under a longer name wins over a
            # default code of the short mention.
            sp.code = extension_code(sp.text or "", self.spans, self.doc.text) or sp.code
            # A role in apposition beats a code the entity layer only guessed.
            for x in self.spans:
                if weak_code(x) and x.start < (sp.end or 0) and x.end > (sp.start or 0):
                    sp.code = apposed_role_code(x, self.spans, self.doc.text) or \
                        self._strong_namesake(x) or self._phrase_body(sp, x) or sp.code
        sp = _same_person(sp, history)
        sp = resolve_reference(sp, history)
        sp = resolve_alias(sp, self.spans, frozenset(), self.doc.text)
        if sp.code or not sp.text:
            return sp
        sp.code = gazetteer_code(sp.text) or nisba_code(sp.region or sp.text) or \
            self._named_before(sp)
        if sp.code:
            return sp
        words = [w for w in normalize(sp.region or sp.text).split() if w not in DEMONSTRATIVES]
        official = any(w in self.lex.official_adjectives for w in words)
        anonymous = {normalize(a) for a in self.lex.anonymous} | \
            {a[2:] for a in self.lex.anonymous if a.startswith("ال")}
        head = [w for w in normalize(sp.text).split() if w not in DEMONSTRATIVES]
        if len(head) > 1 and head[0] in QUANTIFIERS:
            head = head[1:]  # `معظم استطلاعات الرأي`: the quantified noun is the head
        head = head[:1]
        if head and (head[0] in anonymous or head[0].removeprefix("ال") in anonymous):
            # `مصدر` alone names no one; `مصادر رسمية`, `مصادر بالشرطة`, `مصادر في المقاومة`
            # speak for a body: the one the phrase names, else the article's state.
            inst = official or any(self._institution(w) for w in words[1:])
            if inst:
                sp = resolve_region(sp, self.spans, history)
            sp.code = sp.code or (self.home if inst and self.home else "UNK")
            return sp
        sp = resolve_region(sp, self.spans, history)
        if not sp.code and self.home and (self._is_person(sp) or
                                          (head and self._institution(head[0])) or
                                          (head and self._person_role(sp, head[0])) or
                                          self._name_like(sp) or
                                          any(self._institution(w) for w in words[1:4])):
            # (`المركز الإعلامي للمقاومة`, `مسؤولون في السلطات الصحية`: an organ of the
            # article's state further in the phrase)
            sp.code = self.home
        return sp

    def _named_before(self, sp: Speaker) -> str | None:
        """`المجلة`, `الصحيفة`, `الحركة`: a definite naming noun alone refers back to the last
        organisation the text introduced with that noun (`مجلّة "فورين أفيرز"`)."""
        words = normalize(sp.text or "").split()
        if len(words) != 1 or not words[0].startswith("ال") or words[0][2:] not in NAMING_NOUNS:
            return None
        noun, text = words[0][2:], self.doc.text
        best = None
        for x in self.spans:
            if x.type != "ORG" or not x.code or x.start >= (sp.start or len(text)):
                continue
            lead = normalize(text[max(0, x.start - 16):x.start].strip(" \"«“'ـ"))
            if lead.endswith(noun) or normalize(x.text).startswith(noun + " "):
                best = x
        return best.code if best is not None else None

    def _phrase_body(self, sp: Speaker, x: Span) -> str | None:
        """`رئيس مكتب "أوتشا" في غرب أفريقيا، تشارلز بيرنيمولين`: a person the layers only
        guessed speaks for the organisation or coded role of the phrase that leads to the name."""
        if not sp.region or sp.start is None or sp.region.strip() == (sp.text or "").strip():
            return None
        lo = self.doc.text.rfind(sp.region, 0, x.end)
        if lo < 0 or lo >= x.start or lo + len(sp.region) < x.end:
            return None  # the phrase must be the one that leads to this mention
        for y in self.spans:
            if y.type in ("ORG", "ROLE") and y.code and lo <= y.start and y.end <= x.start:
                return y.code
        return None

    def _strong_namesake(self, x: Span) -> str | None:
        """The code of another mention of the same person that the layers coded from a list,
        not by guess (`جاسم بن حمد` guessed JOR, `حمد بن جاسم` listed as QAT)."""
        heads = name_heads(x.text)
        if len(heads) < 2:
            return None
        for y in self.spans:
            if y.type == "PER" and y.code and not weak_code(y) and heads <= name_heads(y.text):
                return y.code
        return None

    def _name_like(self, sp: Speaker) -> bool:
        """A speaker the layers missed that reads as a personal name (`طليب`, `سوشي`): one or
        two words, no article, no role, source, institution, title, particle or cue word."""
        words = normalize(sp.text or "").split()
        if not 1 <= len(words) <= 2 or (sp.region and normalize(sp.region) != " ".join(words)):
            return False
        if (sp.text or "").rstrip().endswith(("ه", "ها", "هم")):
            return False  # `اسمه`, `معه`, `أنصاره`: a noun or preposition with a pronoun
        if words and words[-1].endswith("نا") and is_role_word(words[-1][:-2]):
            return False  # `موفدنا`, `مراسلنا`: the outlet's own envoy
        for w in words:
            if not w.isalpha() or len(w) < 3 or w.startswith(("ال", "لل")) or w in TITLES or \
                    w in self.lex.complementizers or w[1:] in self.lex.complementizers or \
                    w in BLOCK_BEFORE_THAT or w in DEMONSTRATIVES or w in TIME_WORDS or \
                    w in GENERIC_WORDS or w in self.lex.anonymous or self._institution(w) or \
                    self._institution("ال" + w) or w in NAMING_NOUNS or \
                    w in self.lex.person_heads or w in ROLE_HEADS or w in PREPS or \
                    w in NOT_SUBJECT or w in LEADING_PARTICLES or w in DEMONSTRATIVE_SUBJECTS or \
                    self.lex.lookup(w) is not None or is_role_word(w) or nisba_code(w):
                return False
        return True

    def _person_role(self, sp: Speaker, head: str) -> bool:
        """A role phrase naming a person without a state (`الرئيس الاشتراكي`, `القيادي`,
        `المعارض`): a role noun of the lexicons or a role span of the layers under it."""
        if head in self.lex.person_heads or head.removeprefix("ال") in self.lex.person_heads or \
                head in ROLE_HEADS or is_role_word(head):
            return True
        if sp.start is None or sp.end is None:
            return False
        return any(x.type == "ROLE" and x.start <= sp.start < x.end for x in self.spans)

    def _institution(self, w: str) -> bool:
        """A state organ or group noun, with or without a clitic (`بالشرطة`, `المقاومة`)."""
        heads = self.lex.institution_heads
        return w in heads or (w[:1] in "وبل" and w[1:] in heads) or \
            (w.startswith("لل") and "ال" + w[2:] in heads)

    def _is_person(self, sp: Speaker) -> bool:
        """True when the speaker surface is a person's name in the entity layer."""
        if sp.start is None or sp.end is None:
            return False
        return any(x.type == "PER" and x.start < sp.end and x.end > sp.start for x in self.spans)

    def _implicit(self, f: Found, before: list[Found], history: list[Speaker]
                  ) -> tuple[Speaker | None, bool]:
        """The speaker of a cue with no subject of its own, and whether it is a new mention."""
        same = [g for g in before if g.sent == f.sent and g.speaker is not None]
        if same and same[-1].speaker.gender == f.gender:
            return replace(same[-1].speaker), False
        # The subject of the sentence's main verb (`رفضت تركيا …، قائلة إن`, `توعد رئيس
        # الوزراء الإسرائيلي إيران …، مشددا`), or the author of a statement it names
        # (`جاء ذلك في تغريدة للشيخ القطري …، حيث قال`).
        sp = None
        if not same:
            sp = self._sentence_subject(f.sent, f.cue_start) or \
                self._speech_owner(f.sent, f.cue_start)
        if sp is not None:
            sp.gender = f.gender
            return sp, True
        if f.cue_kind == "masdar":
            # `دفعت بالحريري إلى القول إن`: the verbal noun's agent is named before it.
            a, _ = self.doc.sent_tok[f.sent]
            lo = max([self.doc.toks[a].s] + [g.end for g in same])
            first = [x for x in self.spans if x.type in ("PER", "ORG", "GPE") and lo <= x.start
                     and x.end <= f.cue_start]
            if first:
                x = first[0]
                return Speaker(text=x.text, start=x.start, end=x.end, en=x.en, code=x.code,
                               gender=f.gender, region=x.text), True
        sp = self._previous_subject(f, before)
        if sp is not None:
            return sp, True
        for sp in reversed(history):
            if sp.gender == f.gender:
                return replace(sp), False
        if same:
            # `وذكرت الرئاسة … أن …، مضيفا …`: the sentence's speaker, whatever the gender.
            return replace(same[-1].speaker), False
        # No earlier speaker agrees: the nearest person or organisation named before the cue
        # in this or the previous sentence (`وطالب الدكتور اليامي … . وأكد …`), outside quotes.
        lo = self.doc.toks[self.doc.sent_tok[max(0, f.sent - 1)][0]].s
        prev = [x for x in self.spans if x.type in ("PER", "ORG") and lo <= x.start and
                x.end <= f.cue_start and not any(g.start <= x.start < g.end for g in before)]
        if prev:
            x = prev[-1]
            return Speaker(text=x.text, start=x.start, end=x.end, en=x.en, code=x.code,
                           gender=f.gender, region=x.text), True
        return (replace(history[-1]), False) if history else (None, False)

    def _sentence_subject(self, n: int, limit: int) -> Speaker | None:
        """The subject after the first verb of sentence n, when it ends before offset `limit`."""
        doc, toks = self.doc, self.doc.toks
        a, b = doc.sent_tok[n]
        i = a
        if toks[a].text in LEAD_INS:
            for c in range(a, min(b, a + 5)):  # a lead-in: `من جهته،`, `وفي هذا السياق،`
                if toks[c].text in ("،", ","):
                    i = c + 1
                    break
        while i < b and toks[i].text in LEADING_PARTICLES:
            i += 1
        if i + 1 >= b or toks[i + 1].s >= limit or not self._verb_like(i):
            return None
        j = i + 1
        first = toks[j].text
        if j + 1 < b and toks[j + 1].e <= limit and \
                (toks[j + 1].text in PREPS or toks[j + 1].text in ("في", "مع", "،", ",")) and \
                not any(x.start <= toks[j].s < x.end for x in self.spans) and \
                toks[i].text not in ADVERBIAL_STARTERS and _verb_gender(toks[i].text) and \
                self._name_like(Speaker(toks[j].text, toks[j].s, toks[j].e)):
            # `وتحدثت سوشي عن أولوياتها، وقالت …`: a name the layers missed, as subject
            return Speaker(text=doc.text[toks[j].s:toks[j].e], start=toks[j].s, end=toks[j].e,
                           region=doc.text[toks[j].s:toks[j].e])
        if not (first.startswith("ال") or first in ROLE_HEADS or
                any(x.start == toks[j].s and x.type in SUBJECT_TYPES for x in self.spans)):
            return None  # no noun phrase opens the clause: no subject to read
        end = j
        while end < b and end - j < 10 and toks[end].e <= limit:
            end += 1
        if any(x.start == toks[j].s for x in self.spans):
            # The names and roles that open the clause, with their definite modifiers
            # (`رئيس الوزراء الإسرائيلي بنيامين نتنياهو`); the verb's object after them
            # (`استهدفت المقاومة تموضعاً عسكرياً لجنود الاحتلال`) is no part of the subject.
            stop = j
            while stop < end:
                at = [x.end for x in self.spans if x.start == toks[stop].s]
                if at:
                    stop = max(stop + 1, doc.tok_after(max(at)))
                elif toks[stop].text in ("،", ",") and stop + 1 < end and any(
                        x.type == "PER" and x.start == toks[stop + 1].s for x in self.spans):
                    stop += 1  # `وزير الخارجية الأمريكي السابق، جون كيري،`: the apposed name
                elif toks[stop].text.startswith("ال") and toks[stop].text not in TIME_WORDS_N \
                        or toks[stop].text == "باسم":
                    stop += 1
                elif toks[stop].text in OPENERS and doc.region_opening(toks[stop]) is not None:
                    # `صحيفة "ديلي ميل" البريطانية`: a quoted name inside the subject
                    stop = max(stop + 1, doc.tok_after(doc.region_opening(toks[stop]).close + 1))
                elif self._construct_head(stop, end):
                    stop += 1  # `رئيس بعثة الأمم المتحدة`: a noun in construct with the next
                else:
                    break
            end = min(end, stop)
        else:
            # Without a name from the layers: the head noun and its definite modifiers
            # (`رئيس الوزراء الإسرائيلي` of `توعد رئيس الوزراء الإسرائيلي إيران`).
            stop = j + 1
            while stop < end and toks[stop].text.startswith("ال") and \
                    toks[stop].text not in TIME_WORDS_N:
                stop += 1
            end = stop
        return self._choose(j, end)

    def _construct_head(self, i: int, end: int) -> bool:
        """An indefinite noun in construct inside a subject (`بعثة` of `رئيس بعثة الأمم`): not
        an accusative object (`تموضعاً`), not a prepositional phrase (`لرئيس`), and followed by
        a definite word or a name."""
        toks = self.doc.toks
        w = toks[i].text
        raw = self.doc.text[toks[i].s:toks[i].e]
        clitic = w.startswith(("بال", "لل", "كال", "فال")) or \
            (w[:1] in "لبك" and (w[1:] in ROLE_HEADS or is_role_word(w[1:])))
        if i + 1 >= end or not w.isalpha() or len(w) < 3 or clitic or \
                raw.endswith(("ا", "اً", "ً")) or w in PREPS or self.lex.lookup(w) is not None:
            return False
        nxt = toks[i + 1]
        return nxt.text.startswith("ال") or any(x.start == nxt.s for x in self.spans)

    def _verb_like(self, i: int) -> bool:
        """A token that can open a verbal sentence: a word that is no name, noun or particle."""
        t = self.doc.toks[i]
        w = t.text
        if not w.isalpha() or len(w) < 3 or w.startswith(("ال", "وال", "بال", "لل")):
            return False
        if w in LEAD_INS or (w[:1] == "و" and (w[1:] in PREPS or w[1:] == "في")):
            return False  # `وعلى الرغم من …`: a lead-in, not a verb
        if w in DEMONSTRATIVE_SUBJECTS or w in NOT_SUBJECT or w in PREPS or w in SUBORDINATORS \
                or w in self.lex.attributions or w[1:] in self.lex.attributions:
            return False
        return not any(x.start <= t.s < x.end for x in self.spans)

    def _speech_owner(self, n: int, limit: int) -> Speaker | None:
        """`في تغريدة للشيخ القطري`, `في بيان لوزارة الخارجية`: the statement's author."""
        toks = self.doc.toks
        a, b = self.doc.sent_tok[n]
        for i in range(a, b - 1):
            if toks[i].e > limit:
                break
            if toks[i].text in SPEECH_NOUNS and i > a and toks[i - 1].text in ("في", "وفي") and \
                    toks[i + 1].text[:1] == "ل" and \
                    len(toks[i + 1].text) > 3 and toks[i + 1].e <= limit:
                end = i + 2
                while end < b and end - i < 8 and toks[end].e <= limit:
                    end += 1
                # The phrase after the fused `ل` ends where a speaker phrase ends.
                _, stop, _ = trim_gap(self.doc, i + 2, end, self.time_spans) if end > i + 2 \
                    else (0, i + 2, None)
                sp = choose(self.doc, i + 1, max(stop, i + 2), None, self.spans)
                if sp is not None and sp.text and normalize(sp.text)[:1] == "ل":
                    w = normalize(sp.text)
                    cut = 1 if not w.startswith("لل") else 2
                    sp.text = ("ال" if cut == 2 else "") + sp.text[cut:]
                    sp.start = (sp.start or 0) + (1 if cut == 2 else cut)
                return sp
        return None

    def _after_lead_in(self, a: int, cue_start: int) -> bool:
        """`لكن بعد أقل من 24 ساعة، أعلن …`: only an adverbial lead-in and its comma stand
        before the cue of the sentence starting at token a (no subject of its own)."""
        toks = self.doc.toks
        c = self.doc.tok_after(cue_start)
        if c - 1 <= a or c - a > 10 or toks[c - 1].text not in ("،", ","):
            return False
        w = toks[a].text
        if not (w in LEADING_PARTICLES or w in LEAD_INS or w in ADVERBIAL_STARTERS):
            return False
        lo, hi = toks[a].s, toks[c - 1].s
        return not any(x.type in SUBJECT_TYPES and lo <= x.start < hi for x in self.spans)

    def _previous_subject(self, f: Found, before: list[Found]) -> Speaker | None:
        """`وتبنت الحركة الانفصالية الكردية … . وقالت إن …`: a cue opening its sentence takes the
        subject of the sentence before when that sentence quoted no one and its verb agrees."""
        if f.sent == 0 or any(g.sent == f.sent - 1 for g in before):
            return None
        doc, toks = self.doc, self.doc.toks
        a, _ = doc.sent_tok[f.sent]
        if toks[a].s != f.cue_start and not self._after_lead_in(a, f.cue_start):
            return None
        pa, pb = doc.sent_tok[f.sent - 1]
        i = pa
        while i < pb and toks[i].text in LEADING_PARTICLES:
            i += 1
        if i >= pb or _verb_gender(toks[i].text) != f.gender:
            return None
        sp = self._sentence_subject(f.sent - 1, toks[pb - 1].e)
        if sp is None:
            return None
        words = normalize(sp.region or sp.text or "").split()  # `الدكتور اليامي`
        named = any(x.start < (sp.end or 0) and x.end > (sp.start or 0) for x in self.spans)
        if not named and (len(words) < 2 or not all(w.startswith("ال") for w in words)):
            return None  # a bare common noun (`المنطقة`) is no speaker
        sp.gender = f.gender
        return sp


# Codes that are not states: an organisation's official speaks for it wherever the article is.
NON_STATE_CODES = frozenset(
    "NATO EU UN OSCE ARL AU GCC OIC IAEA WHO IMF WB OPEC ICC ICRC UNSC UNHCR UNRWA UNK ISIL ALQ"
    .split())


def home_state(spans: list[Span]) -> str | None:
    """The state an article is about: the code of most coded mentions (60% or more of the state
    codes, at least two mentions), or None when no state dominates."""
    counts: dict[str, int] = {}
    for x in spans:
        code = (x.code or "").split(":")[0]
        if code and code not in NON_STATE_CODES:
            counts[code] = counts.get(code, 0) + 1
    if not counts:
        return None
    code, n = max(counts.items(), key=lambda kv: kv[1])
    total = sum(counts.values())
    return code if n >= 2 and n >= 0.6 * total else None


def _same_person(sp: Speaker, history: list[Speaker]) -> Speaker:
    """A short name repeating an earlier speaker's fuller name (`زيد` after `الأمير زيد بن
    رعد`) is that speaker: it takes the earlier code even over the short mention's own."""
    heads = name_heads(sp.text or "")
    if not heads or (sp.region and len(name_heads(sp.region)) > len(heads)):
        return sp  # a role phrase, not a bare name
    for prev in reversed(history):
        ph = name_heads(prev.text or "")
        if prev.code and heads < ph and len(ph) >= 2:
            if prev.code != sp.code:
                sp.code, sp.en = prev.code, prev.en or sp.en
            return sp
    return sp


def _passive_spelling(word: str) -> bool:
    """True for a perfect voweled as passive: a damma on its first letter (`وُصف`, `أُعلن`)."""
    w = word[1:] if word[:1] in "وف" and len(word) > 3 and word[1:2] != "\u064f" else word
    return len(w) > 2 and w[1] == "\u064f"


def _verb_gender(word: str) -> str | None:
    """Gender of a sentence-opening 3rd-person verb from its spelling: perfect -ت or imperfect
    ت- is feminine; imperfect ي- or a و-prefixed perfect without -ت (`وطالب`) masculine."""
    prefixed = word[:1] in "وف" and len(word) > 3
    w = word[1:] if prefixed else word
    if w.endswith("ت") and len(w) >= 3:
        return "f"
    if w.startswith("ي") and len(w) >= 4:
        return "m"
    if w.startswith("ت") and len(w) >= 4:
        return "f"
    if prefixed and 3 <= len(w) <= 6 and not w.endswith(("ه", "ا", "ي")):
        return "m"
    return None


def _only_modifiers(gap: str) -> bool:
    """True when the text between a name and its verb is only quotation marks and definite
    adjectives (`"سي أن أن" الأميركية تؤكد`)."""
    words = normalize(gap.strip().strip("".join(ALL_MARKS))).split()
    return len(words) <= 2 and all(w.startswith("ال") for w in words)


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    """Trim spaces, quotation marks and trailing punctuation from [s, e)."""
    while s < e and (text[s].isspace() or text[s] in OPENERS or text[s] in ":،,"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in CLOSERS or text[e - 1] in ".،,:؛;"):
        e -= 1
    return s, e


def _clip(text: str, found: list[Found]) -> list[Found]:
    """End each quote before the next cue of its sentence (`…، وفي هذا السياق، صرّح X إن`)."""
    out = []
    for i, f in enumerate(found):
        for g in found[i + 1:]:
            if f.start < g.cue_start < f.end and g.kind != "continuation" and \
                    _clause_initial(text, g):
                f.start, f.end = _strip(text, f.start, _connective_start(text, g.cue_start))
                f.text = text[f.start:f.end]
                break
            if f.start < g.cue_start < f.end and g.kind != "continuation" and \
                    _after_subordinator(text, g.cue_start) is not None:
                # `…، بعد أن قال الرئيس الروسي إن …`: the narrator's clause, not the quote
                f.start, f.end = _strip(text, f.start, _after_subordinator(text, g.cue_start))
                f.text = text[f.start:f.end]
                break
        # An indirect quote is a clause; a single word is a quoted term only when in marks.
        if f.end - f.start >= 2 and (f.direct or len(normalize(f.text).split()) >= 2):
            out.append(f)
    return out


_SUBORD_BEFORE_CUE = re.compile(r"[،,]\s*(?:بعد|قبل|عقب)\s+(?:أن|ان)\s*$|[،,]\s*(?:بعدما|عندما|حينما)\s*$")


def _after_subordinator(text: str, cue_start: int) -> int | None:
    """Offset of the comma opening `، بعد أن` / `، عندما` right before a cue, or None."""
    m = _SUBORD_BEFORE_CUE.search(text[max(0, cue_start - 20):cue_start])
    return max(0, cue_start - 20) + m.start() if m else None


def _connective_start(text: str, cue_start: int) -> int:
    """Start of a connective right before a cue (`…، ولكنه أضاف`), else the cue's start."""
    before = text[max(0, cue_start - 12):cue_start]
    words = before.split()
    if words and before[-1:].isspace() and normalize(words[-1]) in CONTRASTIVES:
        return cue_start - len(before) + before.rstrip().rfind(words[-1])
    return cue_start


def _clause_initial(text: str, g: Found) -> bool:
    """A cue that opens a clause (after a comma or full stop, or with و/ف), not a nested one."""
    if normalize(g.cue)[:1] in "وف":
        return True
    before = text[max(0, g.cue_start - 12):g.cue_start].rstrip()
    if not before or before[-1] in "،,.:؛;":
        return True
    last = normalize(before).split()[-1:] or [""]
    return last[0] in ("ثم", "كما", "فيما", "بينما", "حيث") or last[0] in CONTRASTIVES


QUANTIFIERS = frozenset(normalize(w) for w in "معظم أغلب غالبية أكثر كل جميع".split())
WHAT = frozenset(normalize(w) for w in "ما مما بما وما وهو وهي".split())
KANA = frozenset(normalize(w) for w in "كان وكان فكان كانت وكانت فكانت".split())


# `…، ولكنه أضاف أن …`: a contrastive particle (with its pronoun) opens a new clause.
CONTRASTIVES = frozenset(normalize(w) for w in (
    "لكن ولكن لكنه ولكنه لكنها ولكنها لكنهم ولكنهم").split())


def _dedup(found: list[Found]) -> list[Found]:
    """Drop a quote whose span lies inside another's (the same words found twice)."""
    out: list[Found] = []
    for f in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
        if any(g.start <= f.start and f.end <= g.end for g in out):
            continue
        out.append(f)
    return sorted(out, key=lambda f: f.start)
