"""Find reported speech in a text: cue verb, speaker phrase, introducer, quoted span.

Shapes handled (all after normalisation, so `شدّد` = `شدد`, `أنّ` = `أن`):
- cue + speaker + (prep) + إن/أن/بأن + content      `قال مسؤول في الناتو إن …`, `أشار إلى أن …`
- cue + speaker + `:` or quotation marks + content   `وأضاف نصر الله "…"`, `قال في المؤتمر: «…»`
- hal participle + أن after a comma: a new quote by the same speaker `…، لافتاً إلى أن …`
- relay: `نقلت وكالة X عن المسؤول قوله إن …` (speaker: the one quoted)
- attribution: `بحسب المصدر فإن …`, `وفقاً لـ X، …`; statement: `جاء في بيان صادر عن X: "…"`
- accusing/describing/thanking verbs with a quoted phrase of 3+ words (`اتهم … بـ"…"`)
- nominal object of أكد/أعلن/شدد على/لفت إلى/كشف عن (`أكد أهمية الحوار …`)
- a paragraph that is one quotation right after a direct quote continues it.
An indirect quote runs to the end of its sentence, or to a clause that starts something new:
a hal participle, `، بحسب`, `، وذلك`, `، كما`, a new cue verb.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from rasid.quotes.cues import CueForm, Lexicon, load_lexicon
from rasid.quotes.speaker import (LEADING_PARTICLES, Span, Speaker, choose, resolve_alias,
                                  resolve_reference, trim_gap)
from rasid.quotes.textdoc import ALL_MARKS, CLOSERS, OPENERS, TextDoc
from rasid.text.normalize import normalize

MAX_GAP = 28  # tokens between a finite cue verb and its introducer
MAX_GAP_HAL = 7  # a hal participle has no subject: its introducer follows closely
PREPS = frozenset(normalize(w) for w in ("على", "إلى", "من", "عن", "ب"))
# An أن after these is not the reporting verb's complement (`بعد أن`, `يجب أن`).
BLOCK_BEFORE_THAT = frozenset(normalize(w) for w in (
    "بعد قبل منذ دون بدون بدل بدلا يجب ينبغي يمكن يمكنه المقرر المتوقع المفترض المنتظر حتى "
    "رغم برغم لمجرد مجرد بمجرد إلا الا لابد بد شأن ما وما").split())
CLAUSE_BREAKERS = frozenset(normalize(w) for w in "وذلك كما فيما بينما وبينما".split())
NAMING_NOUNS = frozenset(normalize(w) for w in (
    "وكالة شبكة صحيفة قناة موقع مجلة إذاعة حركة عملية جماعة تنظيم حزب منظمة تيار ائتلاف "
    "مؤسسة شركة مركز برنامج مبادرة كتاب فيلم هاشتاغ وسم تطبيق مشروع خطة لجنة باسم").split())
SENT_END = frozenset(".!?؟;؛")
HAL_RE = re.compile(r"^م\w{3,}ا$")  # masculine accusative participle: مطالبا, مستبعدا
SUBJECT_TYPES = ("PER", "ORG", "GPE", "ROLE")
ROLE_HEADS = frozenset(normalize(w) for w in (
    "نائب رئيس وزير الرئيس الوزير المتحدث الناطق الأمين سفير السفير قائد زعيم عضو النائب "
    "الدكتور السيد الشيخ مدير مستشار مبعوث مندوب سكرتير أمين العام الجمهورية الوزراء "
    "مجلس النواب الخارجية الداخلية الدفاع").split())


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
        if k > 0 and cue.kind in ("perf", "impf") and self.doc.toks[k - 1].text in PREPS | {"في", "حول", "مع"}:
            return None  # a noun after a preposition (`في رد`, `من نقل`)
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
                if self._naming_quote(j, region, k_end, cue.quote_only) and \
                        not (cue.quote_only and toks[j - 1].text == "ب"):
                    j = doc.tok_after(region.close + 1)
                    continue
                if cue.quote_only and len(doc.text[region.start:region.close].split()) < 3:
                    j = doc.tok_after(region.close + 1)
                    continue
                if "quote" in cue.frames or cue.quote_only:
                    intro = ("quote", j, region)
                break
            if cue.quote_only:
                other = self.lex.lookup(t.text)
                if t.text in SENT_END or (t.text in ("،", ",") and self._breaks_clause(j)) or \
                        (other is not None and other.kind in ("perf", "impf") and not other.breaker):
                    break
                j += 1
                continue
            if t.text in self.lex.complementizers and "that" in cue.frames:
                if toks[j - 1].text in BLOCK_BEFORE_THAT:
                    return None
                intro = ("that", j, None)
                break
            if t.text == ":":
                intro = ("colon", j, None)
                break
            if t.text in SENT_END:
                break
            other = self.lex.lookup(t.text)
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
        if how == "that" and toks[j - 1].text in PREPS and j - 1 > k:
            gap_end = j - 1
        if how == "quote":
            c0, c1 = region.start, region.close
            if cue.quote_only or doc.quoted_share(c0, c1) > 0:
                return self._build(k, cue, n, sa, sb, gap_end, c0, c1, "quote", k_end)
        start_tok = j + 1
        if how == "colon" and start_tok < sb and toks[start_tok].text in self.lex.complementizers:
            start_tok += 1
        if start_tok >= sb:
            return None
        end_tok = self._content_end(start_tok, sb)
        if end_tok <= start_tok:
            return None
        c0, c1 = toks[start_tok].s, toks[end_tok - 1].e
        return self._build(k, cue, n, sa, sb, gap_end, c0, c1, how, k_end)

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
        if words > (2 if quote_only else 3) or after >= len(toks):
            return False
        nxt = toks[after].text
        if nxt == ":" and text[region.close + 1:toks[after].s].strip() == "":
            return True
        # A short quoted phrase with the clause going on after it (`ولفتت "سي أن أن" إلى …`,
        # `اتهمت فرنسا بإعطاء "معلومات كاذبة" عن القضية`): a name or a scare quote.
        return nxt not in SENT_END and nxt not in ("،", ",", ":") and nxt not in CLOSERS and \
            self.doc.sent_of[after] == self.doc.sent_of[j]

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

    def _content_end(self, a: int, sb: int) -> int:
        """Exclusive token end of content starting at a: sentence end or a new clause."""
        doc, toks = self.doc, self.doc.toks
        k = a
        while k < len(toks):
            t = toks[k]
            region = doc.region_opening(t) if t.text in OPENERS else None
            if region is not None:
                k = doc.tok_after(region.close + 1)
                continue
            if k >= sb:
                break
            if t.text in ("،", ",") and k > a and self._breaks_clause(k):
                break
            if t.text in SENT_END and k > a:
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
        return Found(start=c0, end=c1, text=doc.text[c0:c1], direct=direct,
                     cue=doc.text[t.s:t.e], cue_start=t.s, cue_end=t.e, gender=cue.gender,
                     sent=n, speaker=speaker, implicit=implicit, kind=how)

    def _speaker(self, k: int, cue: CueForm, sa: int, gap_end: int,
                 a: int) -> tuple[Speaker | None, bool]:
        """The explicit speaker of the cue at k (gap a..gap_end-1 after it, or subject before it)."""
        doc, toks = self.doc, self.doc.toks
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
        sp = self._choose(a, gap_end, narrow=cue.quote_only)
        if sp is not None:
            return sp, False
        # Subject before the verb (`حوري أشار إلى أن`, `شبكة "سي أن أن" تؤكد أن`).
        if toks[k].text[:1] not in "وف" and k > sa:
            lo = k - 1
            while lo >= sa and toks[lo].text not in ("،", ",", ".", ":") and \
                    toks[lo].text not in LEADING_PARTICLES and k - lo <= 8:
                lo -= 1
            lo += 1
            while lo < k and toks[lo].text in LEADING_PARTICLES:
                lo += 1
            if lo < k:
                near = [x for x in self.spans if x.type in SUBJECT_TYPES and
                        toks[lo].s <= x.start and x.end <= toks[k].s and
                        doc.text[x.end:toks[k].s].strip() == ""]  # right before the verb
                if near:
                    x = max(near, key=lambda x: x.end)
                    return Speaker(text=x.text, start=x.start, end=x.end, en=x.en, code=x.code,
                                   region=doc.text[toks[lo].s:toks[k - 1].e]), False
                # No name right before the verb: the word before it (a surname, `حوري أشار`).
                sp = choose(doc, lo if not self.spans else k - 1, k, None, self.spans)
                if sp is not None:
                    return sp, False
        return None, True

    def _choose(self, a: int, b: int, narrow: bool = False) -> Speaker | None:
        """Trim the gap a..b-1 to the speaker phrase and resolve it."""
        a2, b2, app = trim_gap(self.doc, a, b, self.time_spans)
        if b2 <= a2:
            return None
        if narrow and not any(x.start == self.doc.toks[a2].s for x in self.spans):
            # Without layers the object follows the subject: keep the head and its adjectives.
            k = a2 + 1
            while k < b2 and self.doc.toks[k].text.startswith("ال") and \
                    self.doc.toks[k].text.endswith(("ي", "يه")):
                k += 1
            b2, app = k, None
        return choose(self.doc, a2, b2, app, self.spans)

    def _object_quote(self, k: int, cue: CueForm, n: int, sa: int, sb: int) -> Found | None:
        """`أكد أهمية …`, `شدد على أهمية …`, `أعلنت مصادر مقتل …`: the object is the content."""
        if "object" not in cue.frames or cue.kind in ("masdar", "ap"):
            return None
        doc, toks = self.doc, self.doc.toks
        start = None
        gap_end = k + 1
        for j in range(k + 1, min(sb, k + 12)):
            w = toks[j].text
            if w in SENT_END or w in ("،", ",") and self._breaks_clause(j):
                break
            if w in cue.preps:
                start, gap_end = j + 1, j
                break
        if start is None:
            if not self.spans or cue.kind == "impf":
                return None
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
                while True:  # adjacent roles and names: `رئيس مجلس النواب سليم الجبوري`
                    nxt = [x for x in self.spans if x.type in SUBJECT_TYPES and
                           end <= x.start <= end + 2]
                    if not nxt:
                        break
                    end = max(x.end for x in nxt)
                j = doc.tok_after(end)
                gap_end = j
                while j < sb and (toks[j].text in ("،", ",") or
                                  any(s <= toks[j].s < e for s, e in self.time_spans)):
                    j += 1
            elif toks[k].text[:1] not in "و":
                return None
            start = j
        if start >= sb or toks[start].text in PREPS | {"في", "،", ","} or \
                toks[start].text in self.lex.complementizers:
            return None
        end_tok = self._content_end(start, sb)
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
                f.speaker = self._implicit(f, found[:i], history)
            elif f.kind != "continuation":
                f.speaker = resolve_reference(f.speaker, history)
                f.speaker = resolve_alias(f.speaker, self.spans, self.lex.anonymous, self.doc.text)
            if f.speaker is not None:
                if not f.implicit:
                    history.append(f.speaker)

    def _implicit(self, f: Found, before: list[Found], history: list[Speaker]) -> Speaker | None:
        """The speaker of a cue with no subject of its own."""
        same = [g for g in before if g.sent == f.sent and g.speaker is not None]
        if same and same[-1].speaker.gender == f.gender:
            return replace(same[-1].speaker)
        a, _ = self.doc.sent_tok[f.sent]
        lo = max([self.doc.toks[a].s] + [g.end for g in same])
        # The sentence's own subject (`رفضت تركيا …، قائلة إن`, `ونشرت إسكوا … وقالت إنها`).
        first = [x for x in self.spans if x.type in ("PER", "ORG", "GPE") and lo <= x.start
                 and x.end <= f.cue_start]
        if first:
            x = first[0]
            return Speaker(text=x.text, start=x.start, end=x.end, en=x.en, code=x.code,
                           gender=f.gender, region=x.text)
        for sp in reversed(history):
            if sp.gender == f.gender:
                return replace(sp)
        # No earlier speaker agrees: the nearest person or organisation named before the cue
        # in this or the previous sentence (`وطالب الدكتور اليامي … . وأكد …`).
        lo = self.doc.toks[self.doc.sent_tok[max(0, f.sent - 1)][0]].s
        prev = [x for x in self.spans if x.type in ("PER", "ORG") and lo <= x.start and
                x.end <= f.cue_start]
        if prev:
            x = prev[-1]
            return Speaker(text=x.text, start=x.start, end=x.end, en=x.en, code=x.code,
                           gender=f.gender, region=x.text)
        return replace(history[-1]) if history else None


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
                f.start, f.end = _strip(text, f.start, g.cue_start)
                f.text = text[f.start:f.end]
                break
        # An indirect quote is a clause; a single word is a quoted term only when in marks.
        if f.end - f.start >= 2 and (f.direct or len(normalize(f.text).split()) >= 2):
            out.append(f)
    return out


def _clause_initial(text: str, g: Found) -> bool:
    """A cue that opens a clause (after a comma or full stop, or with و/ف), not a nested one."""
    if normalize(g.cue)[:1] in "وف":
        return True
    before = text[max(0, g.cue_start - 12):g.cue_start].rstrip()
    if not before or before[-1] in "،,.:؛;":
        return True
    last = normalize(before).split()[-1:] or [""]
    return last[0] in ("ثم", "كما", "فيما", "بينما", "حيث")


def _dedup(found: list[Found]) -> list[Found]:
    """Drop a quote whose span lies inside another's (the same words found twice)."""
    out: list[Found] = []
    for f in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
        if any(g.start <= f.start and f.end <= g.end for g in out):
            continue
        out.append(f)
    return sorted(out, key=lambda f: f.start)
