"""The `entities` stage: gazetteer names, role phrases, institutions, coreference, CRF names."""

from __future__ import annotations

import re

from rasid.article import Article, Entity, Role
from rasid.entities import coref, crf
from rasid.entities.actors import code_for, dominant_code
from rasid.entities.gazetteer import Entry, Gazetteer, get_gazetteer
from rasid.entities.matcher import Match, Normalised, find_matches, is_letter
from rasid.entities.patterns import find_pattern_names, head_and_no_name
from rasid.entities.roles import CONNECTORS, QUALIFIERS, role_label
from rasid.text.normalize import normalize

QUOTES = "\"«»“”'"
# Nouns that introduce a name, so an ordinary word after them is one (`صحيفة "الوطن"`).
NAME_INTRODUCERS: frozenset[str] = frozenset({
    "صحيفه", "جريده", "قناه", "وكاله", "موقع", "شبكه", "مجله", "تلفزيون", "اذاعه", "حركه", "حزب",
    "تنظيم", "جماعه", "مدينه", "بلده", "قريه", "محافظه", "ولايه", "منطقه", "اقليم", "جزيره", "نهر"})
# Words after which a country name is the country, not an adjective.
PARTICLES: frozenset[str] = frozenset({
    "في", "الي", "من", "مع", "علي", "عن", "ان", "او", "و", "بين", "حول", "ضد", "لدي", "عبر", "نحو",
    "داخل", "خارج", "تجاه", "بحق", "الا", "ثم", "حتي", "منذ", "قبل", "بعد", "لان", "كما"})
# Adjectives that make a generic noun a state actor (`القوات الحكومية`): never a name's start.
STATE_QUALIFIERS: frozenset[str] = frozenset({"الحكومي", "الحكوميه", "النظامي", "النظاميه"})
# Construct-state role plurals that need their owner noun (`مسلحو التنظيم`, `عناصر الحركة`).
CONSTRUCT_ROLES: frozenset[str] = frozenset({"مسلحو", "مسلحي", "مقاتلو", "مقاتلي", "عناصر", "مسؤولو"})
# Bare titles that refer back to an office holder named in the article, by kind of office.
BARE_TITLES: dict[str, str] = {
    "الرئيس": "president", "الرئيسه": "president", "رئيس الجمهوريه": "president",
    "رئيس الوزراء": "prime minister", "رئيسه الوزراء": "prime minister", "رئيس الحكومه": "prime minister",
    "رئيسه الحكومه": "prime minister", "الوزير": "minister", "الوزيره": "minister",
    "الامين العام": "secretary general", "الملك": "king", "العاهل": "king",
    "ولي العهد": "crown prince", "المستشار": "chancellor", "المستشاره": "chancellor",
}
BARE_TITLES = {normalize(k): v for k, v in BARE_TITLES.items()}


def _title_kind(title: str | None) -> str | None:
    """The kind of office an English title names (`Turkish president` -> president)."""
    if not title:
        return None
    t = title.lower().replace("-", " ")
    if "vice" in t or "deputy" in t or "spokes" in t or "envoy" in t or "former" in t:
        return None
    if "prime minister" in t or "premier" in t:
        return "prime minister"
    if "secretary general" in t:
        return "secretary general"
    if "crown prince" in t:
        return "crown prince"
    if "chancellor" in t:
        return "chancellor"
    if "minister" in t or "secretary of state" in t or "foreign secretary" in t:
        return "minister"
    if "president" in t and "of the" not in t.replace("president of the", "president "):
        return "president"
    if "king" in t or "monarch" in t:
        return "king"
    return None


# Prepositions of place and motion after which a capital that is also a word is the city.
LOCATIVE: frozenset[str] = frozenset({"الي", "في", "من", "نحو", "داخل", "قرب", "غادر", "زار", "وصل"})
NAMED_KINDS: frozenset[str] = frozenset({"country", "city", "capital", "region", "igo", "org", "person"})
# What may code a role through a plain genitive (`وزير خارجية روسيا`, `حكومة كييف`).
GENITIVE_KINDS: frozenset[str] = frozenset({"country", "capital", "igo", "org", "region"})
# A CRF person with no role, variant or listed name is coded by the article's dominant state
# (most people in a news story act for the state it is about): dev code accuracy, see docs.
UNPLACED_PERSON_DOMINANT = True
# An unplaced name whose paragraph and the ones before it name another state >= 3 times and
# never the article's dominant one takes that state (news roundups: several stories in one
# article). Looser settings coded more news300 names wrongly: see docs (Pass 6).
LOCAL_PARAGRAPH_STATE = True
LOCAL_MIN_MENTIONS = 3  # mentions of the other state needed
LOCAL_MAX_BACK = 3  # paragraphs looked back at most
LOCAL_MIN_BACK = 1  # paragraphs looked back at least
# A person is coded by a nationality adjective or `من` + country right next to the name.
NATIONALITY_NEAR = True
# A listed party followed by another state's nationality adjective is that state's namesake.
ORG_NISBA_OVERRIDES = True
# Words a role's complement may run to before `، Name` (see `_Context._role_apposition`).
APPOSITION_GAP_WORDS = 5
# Unlisted places fall back on the state of the article's named places, not of its actors.
PLACE_DOMINANT = True
# `التحالف الذي تقوده X`, `التحالف بقيادة X` (normalised text right after the coalition noun).
_LED_BY = re.compile(r" (?:(?:الذي|التي) )?(?:تقوده|يقوده|تقودها|يقودها|بقياده|تتزعمه|يتزعمه) ")
# Places whose code an institution located in them takes (`وزارة الصحة في غزة`).
PLACE_KINDS: frozenset[str] = frozenset({"country", "capital", "city", "region"})
# Through `في` / `لدى` only membership makes sense (`مسؤول في حلف شمال الأطلسي`), not location.
MEMBERSHIP_KINDS: frozenset[str] = frozenset({"igo", "org"})


def entities_stage(article: Article) -> Article:
    """Tag entities (`article.entities`) and unnamed role phrases (`article.roles`)."""
    gz = get_gazetteer()
    ents, roles = analyse(article.text, article.published, gz, article.cache.get("sentences"),
                          article.cache.get("tokens"), skip=article.meta.get("hashtag_spans"))
    article.entities = ents
    article.roles = roles
    return article


def analyse(text: str, published: str | None, gz: Gazetteer | None = None,
            sentences: list[tuple[int, int]] | None = None, tokens: list | None = None,
            skip: list | None = None) -> tuple[list[Entity], list[Role]]:
    """Entities and roles of a text; `published` dates people's roles; `sentences` and
    `tokens` (from the sentences stage) are recomputed when not given; nothing is annotated
    inside the `skip` spans (inline hashtags the cleaner turned into words)."""
    gz = gz or get_gazetteer()
    nt = Normalised.of(text)
    matches = find_matches(gz, nt)
    if skip:
        # a hashtag is not annotated and does not count as a mention (named people, codes)
        matches = [m for m in matches if not _overlaps(m.start, m.end, skip)]
    matches = _drop_named_alliances(matches, nt, gz)
    ctx = _Context(gz, nt, published)
    for i, m in enumerate(matches):
        m._i = i  # type: ignore[attr-defined]
    ctx.named(matches)
    ctx.compose(matches)
    ctx.coref(matches)
    ctx.pattern_names()
    ctx.disambiguate()
    ctx.add_crf(sentences, matches, tokens)
    ctx.variants()
    ctx.link_titles()
    ents = sorted(ctx.entities, key=lambda e: (e.start, -e.end))
    roles = sorted(ctx.roles, key=lambda r: r.start)
    if skip:
        ents = [e for e in ents if not _overlaps(e.start, e.end, skip)]
        roles = [r for r in roles if not _overlaps(r.start, r.end, skip)]
    return ents, roles


def _drop_named_alliances(matches: list[Match], nt: Normalised, gz: Gazetteer) -> list[Match]:
    """`التحالف الوطني`, `التحالف المدني`: a coalition noun with its own adjective names an
    alliance (a party bloc), not the military coalition role; leave it to the other passes."""
    out = []
    for m in matches:
        e = gz.entries[m.first.entry]
        if m.first.how == "role" and e.raw.get("coalition"):
            nxt = nt.norm[m.nend:m.nend + 25].split(" ", 2)
            word = nxt[1].rstrip("،,.:؛\"»)") if len(nxt) > 1 and nxt[0] == "" else ""
            if (word.startswith("ال") and word.endswith(("ي", "يه")) and word not in ("الدولي", "العربي")
                    and not any(p.how == "nisba" for p in gz.lookup(word))):
                continue
        out.append(m)
    return out


def _overlaps(start: int, end: int, spans: list) -> bool:
    """True when [start, end) overlaps one of `spans` ([a, b) pairs)."""
    return any(a < end and start < b for a, b in spans)


class _Context:
    """Per-article state shared by the passes of `analyse`."""

    def __init__(self, gz: Gazetteer, nt: Normalised, published: str | None) -> None:
        self.gz = gz
        self.nt = nt
        self.published = published
        self.entities: list[Entity] = []
        self.roles: list[Role] = []
        self.named_keys: set[str] = set()
        self.codes_seen: list[str | None] = []
        # match index -> (code, sector, label, end) once a role/institution/anaphor is resolved
        self.resolved: dict[int, tuple[str | None, str | None, str | None, int]] = {}
        self.covered: list[tuple[int, int]] = []  # original spans taken by entities or roles
        self.role_spans: list[tuple[int, int, str | None, str | None]] = []
        self.nisba_at: list[tuple[int, str | None]] = []  # (offset, code) of nationality adjectives
        self._coded: list[tuple[int, str]] | None = None  # `_coded_mentions`, reset per pass

    # ------------------------------------------------------------ pass 1: names
    def named(self, matches: list[Match]) -> None:
        """Entities for every match that is a name form (countries, IGOs, people …)."""
        for m in matches:
            p = m.first
            e = self.gz.entries[p.entry]
            if p.how != "form" or e.kind not in NAMED_KINDS:
                if p.how == "nisba" and self._given_name(m):
                    continue  # `تركي بن بندر`: Turki, a given name, not "Turkish"
                if p.how == "nisba":
                    self.codes_seen.append(e.code)
                    self.nisba_at.append((m.start, e.code))
                continue
            if e.kind == "igo" or e.kind == "org":
                # An institution reading with a nationality after it beats the bare IGO name
                # (`مجلس الأمن الروسي` is Russia's, not the UN's).
                if any(self.gz.entries[q.entry].kind == "inst" for q in m.pats) and self._nisba_after(m, matches):
                    continue
            if " " not in m.norm and not self._plausible_word(m, e):
                continue
            if e.kind == "country" and any(q.how == "nisba" for q in m.pats) and self._adjective_here(m):
                self.codes_seen.append(e.code)
                self.nisba_at.append((m.start, e.code))
                m.keep([q for q in m.pats if q.how == "nisba"])  # `الحدود السعودية`: the adjective
                continue
            code, sector = code_for(e, self.published) if e.kind == "person" else (e.code, e.sector)
            if e.kind == "org" and e.sector == "PTY" and ORG_NISBA_OVERRIDES:
                # `حزب المؤتمر الوطني` + `الهندي`: a namesake of the listed party in the state the
                # adjective names (parties only: `ميليشيا الحوثي الإيرانية` is polemic, not a namesake)
                other = self._foreign_nisba_after(m, matches, code)
                if other:
                    code, e = other, Entry(idx=-1, kind="org", type=e.type, name_en=None, code=other,
                                           sector=e.sector, key=f"{e.key}@{other}", forms=[], short=[])
            self._add_entity(m, e, code, sector, "gazetteer")
            self.named_keys.add(e.key)
            if e.kind in ("country", "capital", "person") or (e.kind == "city" and e.code):
                self.codes_seen.append(code if e.kind != "person" else e.code)

    def _foreign_nisba_after(self, m: Match, matches: list[Match], code: str | None) -> str | None:
        """Code of a nationality adjective right after an organisation's name when it names
        another state than the listed one (`حزب العدالة والتنمية المغربي` after a Turkish listing)."""
        nxt = self._next(m, matches)
        if nxt is None or nxt[1] != "" or nxt[0].first.how != "nisba":
            return None
        other = self.gz.entries[nxt[0].first.entry].code
        if other and code and len(code) == 3 and len(other) == 3 and other != code:
            return other
        return None

    def _given_name(self, m: Match) -> bool:
        """True when an indefinite nisba is followed by `بن`/`بنت` (`تركي بن بندر`): a name."""
        if m.norm.startswith("ال"):
            return False
        nxt = self.nt.norm[m.nend:m.nend + 6].split(" ", 2)
        return len(nxt) > 1 and nxt[0] == "" and nxt[1] in ("بن", "بنت")

    def _prev_word(self, m: Match) -> str:
        """The normalised word before match `m` ("" at the start or after punctuation)."""
        norm = self.nt.norm
        i = m.nstart - len(m.prefix) - (1 if m.first.fused else 0)
        j = i
        while j > 0 and norm[j - 1] == " ":
            j -= 1
        k = j
        while k > 0 and is_letter(norm[k - 1]):
            k -= 1
        return norm[k:j]

    def _plausible_word(self, m: Match, e: Entry) -> bool:
        """A one-word name that is also an ordinary word (`الحدث`, `وان`, `الوطن`) counts only
        quoted or after a noun that introduces a name (`صحيفة`, `قناة`, `مدينة` …)."""
        if m.norm not in crf.load_ordinary() and m.norm not in self.gz.word_readings and len(m.norm) > 2:
            return True
        if (e.kind == "org" and e.code and m.norm not in self.gz.word_readings
                and m.norm.startswith("ال") and m.norm.endswith(("يين", "يون"))):
            return True  # a group named by its plural (`الحوثيين`): never a common noun
        if e.kind == "capital" and self._prev_word(m) in LOCATIVE:
            return True  # `إلى الرياض`: a capital after a preposition of place
        norm = self.nt.norm
        before = norm[max(0, m.nstart - len(m.prefix) - 3):m.nstart - len(m.prefix)].rstrip()
        after = norm[m.nend:m.nend + 3].lstrip()
        if before[-1:] in QUOTES and before[-1:] and after[:1] in QUOTES and after[:1]:
            return True
        return self._prev_word(m) in NAME_INTRODUCERS

    def _adjective_here(self, m: Match) -> bool:
        """True when a country name that is also a nisba (`السعودية`, `تركية`) follows a noun it
        agrees with (`الحدود السعودية`, `شركة تركية`) rather than standing as the country."""
        if m.prefix:
            return False  # `بالسعودية`, `وتركية`: a clitic marks the noun
        prev = self._prev_word(m)
        if not prev or prev in PARTICLES:
            return False
        if any(p.how == "nisba" for p in self.gz.lookup(prev)):
            return False  # `الرئيس الفرنسي السعودية`: an adjective is not followed by another here
        if m.norm.startswith("ال"):
            return prev.startswith("ال") or prev.startswith("لل")
        return prev.endswith(("ه", "ات", "ين", "ون")) and not prev.startswith("ال")

    def _add_entity(self, m: Match, e: Entry, code: str | None, sector: str | None, source: str,
                    end: int | None = None, name_en: str | None = None, etype: str | None = None) -> Entity:
        """Record an entity for a match (optionally extended to `end`)."""
        end = end if end is not None else m.end
        ent = Entity(start=m.start, end=end, text=self.nt.text[m.start:end], type=etype or e.type or "ORG",
                     name_en=name_en or e.name_en, code=code, sector=sector, source=source, key=e.key)
        self.entities.append(ent)
        self.covered.append((m.start, end))
        return ent

    def _nisba_after(self, m: Match, matches: list[Match]) -> bool:
        """True when a nationality adjective directly follows match `m`."""
        nxt = self._next(m, matches)
        return nxt is not None and nxt[0].first.how == "nisba" and nxt[1] == ""

    def _next(self, m: Match, matches: list[Match]) -> tuple[Match, str, int] | None:
        """The match right after `m` and the connector word between them (or None)."""
        norm = self.nt.norm
        i = m._i  # type: ignore[attr-defined]
        if i + 1 >= len(matches):
            return None
        nx = matches[i + 1]
        wstart = nx.nstart - len(nx.prefix) - (1 if nx.first.fused else 0)
        gap = norm[m.nend:wstart].strip()
        clitic = nx.prefix + ("ل" if nx.first.fused else "")
        if clitic not in ("", "ل", "ب"):
            return None
        if gap in CONNECTORS:
            return nx, (gap + " " + clitic).strip(), i + 1
        words = gap.split()
        if len(words) <= 2 and all(w in QUALIFIERS or (w.startswith("ال") and not self.gz.is_known(w))
                                   for w in words) and not clitic:
            return nx, "skip:" + gap, i + 1
        return None

    # ------------------------------------------------------------ pass 2: roles and institutions
    def compose(self, matches: list[Match]) -> None:
        """Roles, institutions and anaphors coded by what follows them, right to left."""
        for i, m in enumerate(matches):
            m._i = i  # type: ignore[attr-defined]
        dom = dominant_code(self.codes_seen)
        for i in range(len(matches) - 1, -1, -1):
            m = matches[i]
            first_how = m.first.how
            if first_how in ("form", "nisba", "short") and len(m.pats) == 1:
                continue  # a plain name or adjective: nothing to compose here
            hows = {p.how for p in m.pats}
            if "anaphor" in hows and m.first.how == "anaphor":
                e = self.gz.entries[m.first.entry]
                if e.key in self.named_keys:
                    code, sector = e.code, e.sector
                    self.resolved[i] = (code, sector, e.name_en, m.end)
                    self._add_role(m.start, m.end, e.name_en, code, sector)
                continue
            if "inst" in hows and (m.first.how == "inst" or self._igo_or_org(m)
                                   and self._nisba_after(m, matches)):
                self._institution(i, m, matches, dom)
                continue
            if m.first.how == "role":
                if self._preposition_not_role(m):
                    continue
                self._role(i, m, matches)
                self._institution_inside(i, m, matches, dom)

    def _igo_or_org(self, m: Match) -> bool:
        """True when some reading of `m` is an IGO or an organisation."""
        entries = self.gz.entries
        return any(entries[p.entry].kind in ("igo", "org") for p in m.pats)

    def _coder(self, m: Match, matches: list[Match], allow_skip: bool) -> tuple[tuple[str | None, str | None, str | None], int, str] | None:
        """(code, sector, label), end offset and kind of what codes match `m`, or None."""
        nxt = self._next(m, matches)
        if nxt is None:
            return None
        nx, conn, j = nxt
        if conn.startswith("skip:") and not allow_skip:
            return None
        p = nx.first
        e = self.gz.entries[p.entry]
        if p.how == "nisba":
            if conn not in ("",) and not conn.startswith("skip:"):
                return None
            return (e.code, None, e.raw.get("demonym_en") or e.name_en), nx.end, "nisba"
        if conn.startswith("skip:"):
            return None
        if p.how == "form" and e.kind in NAMED_KINDS:
            if conn in ("", "ل") and e.kind in GENITIVE_KINDS:
                return (e.code, None, e.name_en), nx.end, "genitive"
            if conn in ("في", "لدى", "عن", "داخل", "ب", "في ب", "باسم", "باسم ل") and e.kind in MEMBERSHIP_KINDS:
                return (e.code, None, e.name_en), nx.end, "member"
            if conn in ("باسم",) and e.kind in GENITIVE_KINDS:
                return (e.code, None, e.name_en), nx.end, "member"
            return None
        if j in self.resolved and conn in ("", "ل", "باسم", "في", "لدى", "عن"):
            code, _, label, end = self.resolved[j]
            if code:
                return (code, None, label), end, "chain"
        if allow_skip and conn == "" and p.how in ("inst", "role") and j not in self.resolved:
            # `وزير الخارجية الروسي`: a ministry word left uncoded is part of the role
            return self._coder(nx, matches, allow_skip=False)
        return None

    def _institution(self, i: int, m: Match, matches: list[Match], dom: str | None,
                     record: bool = True) -> None:
        """A named institution: an ORG entity coded by its nationality (or the article's country)."""
        p = next(q for q in m.pats if q.how == "inst")
        e = self.gz.entries[p.entry]
        end = m.end
        name = e.name_en
        last = m
        if e.raw.get("ministry"):
            # `وزارة` + ministry noun(s): `وزارة الخارجية`, `وزارة الخارجية والمغتربين`
            last, end, name = self._ministry_words(m, matches)
            if last is None:
                return
        coder = self._coder(last, matches, allow_skip=False)
        if coder is not None and coder[2] == "nisba" and not self._agrees(e, coder[1]):
            coder = None  # `وزير الخارجية الأميركي`: the adjective belongs to the minister
        if coder is not None and coder[2] in ("nisba", "genitive"):
            (code, _, label), end, _ = coder
            name_en = f"{label} {name}" if label else name
        else:
            if e.raw.get("needs_nationality"):
                return
            # `وزارة الصحة في غزة`: the place named right after it, else the article's state
            code, name_en = self._located_in(last, matches) or dom, name
        if record:
            self.resolved[i] = (code, e.sector, name_en, end)
        # the institution swallows shorter readings inside it (`الخارجية` in `وزارة الخارجية`)
        self.entities = [x for x in self.entities if not (m.start <= x.start and x.end <= end)]
        self.covered = [(a, b) for a, b in self.covered if not (m.start <= a and b <= end)]
        self.entities.append(Entity(start=m.start, end=end, text=self.nt.text[m.start:end], type="ORG",
                                    name_en=name_en, code=code, sector=e.sector, source="gazetteer",
                                    key=f"{e.key}:{code}"))
        self.covered.append((m.start, end))

    def _located_in(self, m: Match, matches: list[Match]) -> str | None:
        """Code of a coded place right after `m` through `في` (`وزارة الصحة في غزة`)."""
        nxt = self._next(m, matches)
        if nxt is None or nxt[1] not in ("في", "في ب"):
            return None
        p = nxt[0].first
        e = self.gz.entries[p.entry]
        if p.how == "form" and e.kind in PLACE_KINDS and e.code:
            return e.code
        return None

    def _institution_inside(self, i: int, m: Match, matches: list[Match], dom: str | None) -> None:
        """A named institution ending a role phrase is an entity too (`رئيس مجلس الوزراء`)."""
        words = m.norm.split(" ")
        for k in range(1, len(words)):
            tail = " ".join(words[k:])
            pats = [p for p in self.gz.lookup(tail) if p.how == "inst"]
            if not pats or any(self.gz.entries[p.entry].raw.get("needs_nationality") for p in pats):
                continue
            nstart = m.nend - len(tail)
            start, end = self.nt.span(nstart, m.nend)
            sub = Match(nstart=nstart, nend=m.nend, start=start, end=end, wstart=start, prefix="",
                        norm=tail, pats=pats)
            sub._i = i  # type: ignore[attr-defined]  # what follows the role follows it too
            self._institution(i, sub, matches, dom, record=False)
            return

    def _agrees(self, e: Entry, nisba_end: int) -> bool:
        """Gender agreement of an institution's head noun and the nisba ending at `nisba_end`."""
        head = normalize(e.forms[0]).split()[0] if e.forms else ""
        feminine_head = head.endswith("ه") or head in ("وزارتي", "وزارات")
        word = normalize(self.nt.text[max(0, nisba_end - 12):nisba_end]).split()[-1:]
        feminine_nisba = bool(word) and word[0].endswith("ه")
        return feminine_head == feminine_nisba

    def _ministry_words(self, m: Match, matches: list[Match]) -> tuple[Match | None, int, str]:
        """After `وزارة`: the ministry noun(s), as (last match or pseudo-match, end, name)."""
        norm = self.nt.norm
        pos = m.nend
        words: list[str] = []
        end_n = pos
        while len(words) < 3:
            rest = norm[pos:]
            if not rest.startswith(" "):
                break
            w = rest[1:].split(" ", 1)[0].rstrip("،,.:؛\"»)")
            core = w[1:] if w.startswith("و") and words and w[1:].startswith("ال") else w
            if not core.startswith("ال") or len(core) < 4:
                break
            if self.gz.lookup(core) and any(q.how == "nisba" for q in self.gz.lookup(core)):
                break  # the nationality adjective itself ends the name
            words.append(core)
            end_n = pos + 1 + len(w)
            pos = end_n
        if not words:
            return None, m.end, ""
        pseudo = Match(nstart=m.nstart, nend=end_n, start=m.start, end=self.nt.span(m.nstart, end_n)[1],
                       wstart=m.wstart, prefix=m.prefix, norm=norm[m.nstart:end_n], pats=m.pats)
        # position the pseudo-match among the matches so that `_next` finds what follows it
        j = m._i  # type: ignore[attr-defined]
        while j + 1 < len(matches) and matches[j + 1].nstart < end_n:
            j += 1
        pseudo._i = j  # type: ignore[attr-defined]
        return pseudo, pseudo.end, "Ministry"

    # ------------------------------------------------------------ pass 7: bare titles
    def link_titles(self) -> None:
        """A bare title (`الرئيس`, `الوزير`, `الأمين العام`) takes the code of the last office
        holder of that kind named before it (a listed person's role on the day, or a coded
        role phrase `الرئيس التركي`); with none before, the first one after."""
        from rasid.entities.actors import role_on
        from rasid.entities.coref import _entry_idx

        bare = [(r, BARE_TITLES.get(crf.norm_word(r.text))) for r in self.roles if not r.code]
        bare = [(r, k) for r, k in bare if k]
        if not bare:
            return
        holders: list[tuple[int, str, str, str | None]] = []  # (start, title, code, sector)
        for e in self.entities:
            if e.type != "PER" or not e.code:
                continue
            idx = _entry_idx(self.gz, e)
            role = role_on(self.gz.entries[idx], self.published) if idx is not None else None
            kind = _title_kind((role or {}).get("title_en"))
            if kind and role and role.get("code"):
                holders.append((e.start, kind, role["code"], role.get("sector")))
        for r in self.roles:
            if r.code:
                kind = _title_kind(r.name_en)
                if kind:
                    holders.append((r.start, kind, r.code, r.sector))
        if not holders:
            return
        holders.sort()
        for r, kind in bare:
            before = [h for h in holders if h[0] < r.start and h[1] == kind]
            after = [h for h in holders if h[0] > r.start and h[1] == kind]
            h = before[-1] if before else (after[0] if after else None)
            if h is not None:
                r.code, r.sector = h[2], h[3] or r.sector

    def _construct_owner(self, m: Match) -> tuple[int, str | None] | None:
        """(end, code) of the owner noun after a construct-state role (`مسلحو التنظيم`): the
        role runs over it; `التنظيم` codes it when the article names IS or al-Qaeda."""
        nx = re.match(r" (ال[^\s.,،؛:!?؟\"«»()]{2,})", self.nt.norm[m.nend:m.nend + 30])
        if nx is None:
            return None
        word = nx.group(1)
        if self.gz.lookup(word) and any(p.how == "form" for p in self.gz.lookup(word)):
            return None  # a listed name follows: the ordinary composition handles it
        end = self.nt.span(m.nend + nx.start(1), m.nend + nx.end(1))[1]
        code = None
        if word == "التنظيم":
            named = [x.code for x in self.entities if x.code in ("ISIL", "ALQ")]
            code = named[0] if named else None
        return end, code

    def _preposition_not_role(self, m: Match) -> bool:
        """`أمام` (in front of) folds to the same letters as `إمام` (imam): a role only when
        written with hamza below (`إمام`, `الإمام`)."""
        head = m.norm.split(" ", 1)[0]
        if head not in ("امام", "الامام", "لامام"):
            return False
        word = self.nt.text[m.start:m.end].split(" ", 1)[0]
        return "إ" not in word

    def _coalition(self, m: Match, matches: list[Match]) -> tuple[str | None, str | None, int] | None:
        """(code, leader, end) of a coalition phrase: `التحالف الذي تقوده الولايات المتحدة` /
        `بقيادة السعودية` is coded by its leader (the leader stays an entity), a bare `التحالف`
        by the war the article is about (Yemen: the Saudi-led one; IS: the US-led one)."""
        e = self.gz.entries[m.first.entry]
        if not e.raw.get("coalition"):
            return None
        rest = self.nt.norm[m.nend:m.nend + 40]
        lead = _LED_BY.match(rest)
        if lead:
            at = m.nend + lead.end()
            for nx in matches[m._i + 1:m._i + 6]:  # type: ignore[attr-defined]
                if nx.nstart - len(nx.prefix) == at and nx.first.how == "form":
                    ne = self.gz.entries[nx.first.entry]
                    if ne.kind in ("country", "capital") and ne.code:
                        return ne.code, ne.name_en, nx.end
                if nx.nstart > at:
                    break
        codes = set(self.codes_seen) | {x.code for x in self.entities}
        if "YEM" in codes and ("SAU" in codes or any(x.key and "Houthi" in x.key for x in self.entities)
                               or any(x.code == "YEM" and x.type == "ORG" for x in self.entities)):
            return "SAU", "Saudi", m.end
        if "ISIL" in codes:
            return "USA", "US", m.end
        return None, None, m.end

    def _role(self, i: int, m: Match, matches: list[Match]) -> None:
        """A role phrase coded by a following nisba, country, IGO, institution or role."""
        e = self.gz.entries[m.first.entry]
        coal = self._coalition(m, matches)
        if coal is not None:
            code, leader, end = coal
            name_en = f"{leader}-led coalition" if leader else "coalition"
            self.resolved[i] = (code, e.sector, name_en, end)
            self._add_role(m.start, end, name_en, code, e.sector)
            return
        coder = self._coder(m, matches, allow_skip=True)
        if coder is not None:
            (code, _, label), end, _ = coder
        else:
            code, label, end = e.code, None, m.end
            if code is None:
                # a role form with its nationality built in (`وزير الخارجية الأميركي`)
                last = m.norm.rsplit(" ", 1)[-1]
                nis = [p for p in self.gz.lookup(last) if p.how == "nisba" and self.gz.entries[p.entry].code]
                if nis and " " in m.norm:
                    ne = self.gz.entries[nis[0].entry]
                    code, label = ne.code, ne.raw.get("demonym_en") or ne.name_en
        if coder is None and m.norm in CONSTRUCT_ROLES:
            owner = self._construct_owner(m)
            if owner is not None:
                end, code = owner
        sector = e.sector
        name_en = role_label(e.name_en, label)
        self.resolved[i] = (code, sector, name_en, end)
        self._add_role(m.start, end, name_en, code, sector)

    def _add_role(self, start: int, end: int, name_en: str | None, code: str | None, sector: str | None) -> None:
        """Record a role phrase unless a longer one already covers it."""
        inside = False
        for r in self.roles:
            rs, re_ = r.start, r.end
            if rs <= start and end <= re_:
                return
            if start <= rs and re_ <= end:
                inside = True
        if inside:
            self.roles = [r for r in self.roles if not (start <= r.start and r.end <= end)]
        self.roles.append(Role(start=start, end=end, text=self.nt.text[start:end], name_en=name_en,
                               code=code, sector=sector))
        self.role_spans.append((start, end, code, sector))

    # ------------------------------------------------------------ pass 3: short names
    def coref(self, matches: list[Match]) -> None:
        """Short names (`بوريل`) of people named in full elsewhere in the article."""
        for m in matches:
            p = m.first
            if p.how != "short":
                continue
            e = self.gz.entries[p.entry]
            if e.key in self.named_keys or coref.standalone_ok(m.norm, e, self.gz):
                if any(a < m.end and m.start < b for a, b in self.covered):
                    continue
                code, sector = code_for(e, self.published)
                self._add_entity(m, e, code, sector, "coref")

    # ------------------------------------------------------------ pass 4: class-noun names
    def pattern_names(self) -> None:
        """Unlisted names after a class noun (`مديرية صرواح`, `القناة 12`, `لائحة "X"`)."""
        found = find_pattern_names(self.nt.norm, self.gz, crf.load_common(), crf.load_ordinary())
        if not found:
            return
        dom = self._dominant()
        self._coded = None
        for pn in found:
            start, end = self.nt.span(pn.nstart, pn.nend)
            inside = [e for e in self.entities if e.start < end and start < e.end]
            if pn.quoted and inside and all(start <= e.start and e.end <= end and e.end - e.start < end - start
                                            for e in inside):
                # `"إسرائيل نيوز 24"`: the quoted name is the channel, not the country in it
                self.entities = [e for e in self.entities if e not in inside]
                self.covered = [(a, b) for a, b in self.covered if not (start <= a and b <= end)]
            elif inside:
                continue  # a listed name is there already
            listed = self._listed_form(pn)
            if listed is not None:
                code, sector, name_en, key = listed
            else:
                code = self._place_code(pn.nend) if pn.type != "ORG" else self._nisba_code(pn.nend)
                base = self._place_dominant(dom) if pn.type != "ORG" else dom
                code = code or self._fallback(start, base)
                code, sector, name_en, key = code, None, None, "pattern:" + normalize(self.nt.text[start:end])
            ent = Entity(start=start, end=end, text=self.nt.text[start:end], type=pn.type, name_en=name_en,
                         code=code, sector=sector, source="pattern", key=key)
            self.entities.append(ent)
            self.covered.append((start, end))
            # a role noun inside the name is part of it (`بلدة عيتا الشعب`)
            self.roles = [r for r in self.roles if not (start <= r.start and r.end <= end)]

    def _listed_form(self, pn: "object") -> tuple[str | None, str | None, str | None, str] | None:
        """(code, sector, name_en, key) when the head and name together (`حزب "العدالة
        والتنمية"`) or the name alone is a listed form of the same type."""
        inner = self.nt.norm[pn.nstart:pn.nend]  # type: ignore[attr-defined]
        for key in (pn.head + " " + inner, inner):  # type: ignore[attr-defined]
            for p in self.gz.lookup(key):
                e = self.gz.entries[p.entry]
                if p.how == "form" and e.kind in NAMED_KINDS and e.type == pn.type:  # type: ignore[attr-defined]
                    return e.code, e.sector, e.name_en, e.key
        return None

    def _nisba_code(self, nend: int) -> str | None:
        """Code of a nationality adjective right after normalised offset `nend` (a closing
        quote may stand between: `موقع "UNHERD" البريطاني`)."""
        tail = self.nt.norm[nend:nend + 30].lstrip("\"»” ")
        if nend < len(self.nt.norm) and self.nt.norm[nend] not in "\"»” ":
            return None
        word = tail.split(" ", 1)[0].rstrip("،,.:؛\"»)")
        for p in self.gz.lookup(word):
            if p.how == "nisba" and self.gz.entries[p.entry].code:
                return self.gz.entries[p.entry].code
        return None

    def _place_code(self, nend: int) -> str | None:
        """Code of a place name from a nationality adjective after it, or from the next coded
        place in the same clause (`قرية القصير بمحافظة درعا`)."""
        code = self._nisba_code(nend)
        if code:
            return code
        tail = self.nt.norm[nend:nend + 50]
        stop = min([i for i in (tail.find("."), tail.find("\n")) if i >= 0] or [len(tail)])
        _, lim = self.nt.span(nend, min(len(self.nt.norm), nend + max(stop, 1)))
        here = self.nt.span(nend - 1, nend)[1]
        best = None
        for e in self.entities:
            if e.type == "GPE" and e.code and here <= e.start < lim and (best is None or e.start < best.start):
                best = e
        return best.code if best else None

    def disambiguate(self) -> None:
        """A form naming several things (`حزب العمال`: Labour or the PKK; `الميادين`: the channel
        or the Syrian town) is the one the article names in full, else the one of the state
        the article is about, else a town after a place word (`مدينة`, `في`); default: first listed."""
        if not self.gz.readings:
            return
        amb = getattr(self.gz, "_ambiguous_keys", None)
        if amb is None:
            amb = {self.gz.entries[i].key for idxs in self.gz.readings.values() for i in idxs}
            self.gz._ambiguous_keys = amb  # type: ignore[attr-defined]
        self._local_homonyms()
        todo = [x for x in self.entities if x.key in amb or x.source == "pattern"]
        if not todo:
            return
        full = {x.key for x in self.entities}
        for ent in todo:
            n = crf.norm_word(ent.text)
            if n.startswith("لل"):
                n = "ال" + n[2:]
            cands = self.gz.readings.get(n)
            if not cands or ent.source not in ("gazetteer", "pattern"):
                continue
            entries = [self.gz.entries[i] for i in cands]
            pick = next((e for e in entries if e.key in full and e.key != ent.key), None)
            if pick is None:
                others = [c for x, c in ((x, x.code) for x in self.entities) if x is not ent and c]
                counts = {e.idx: others.count(e.code) + self.codes_seen.count(e.code) for e in entries}
                cur = next((e for e in entries if e.key == ent.key), entries[0])
                best = max(entries, key=lambda e: counts[e.idx])
                if counts[best.idx] > counts[cur.idx]:
                    pick = best
            places = [e for e in entries if e.kind in ("city", "capital")]
            if places and self._place_context(ent):
                pick = places[0]
            if pick is not None and pick.key != ent.key:
                ent.code, ent.sector, ent.name_en, ent.key = pick.code, pick.sector, pick.name_en, pick.key
                ent.type = pick.type or ent.type

    def _local_homonyms(self) -> None:
        """A foreign town spelled like an ordinary word (`العين`, Al Ain) in a story that names
        nothing else of its state is a local place of the same name: the article's state."""
        for ent in self.entities:
            if ent.type != "GPE" or not ent.code or not ent.key or not ent.key.startswith("city:"):
                continue
            n = crf.norm_word(ent.text)
            if n not in self.gz.word_readings:
                continue
            if ent.code in self.codes_seen or any(x.code == ent.code for x in self.entities if x is not ent):
                continue
            dom = self._dominant()
            if dom and dom != ent.code:
                ent.code, ent.name_en, ent.key = dom, None, "local:" + n

    def _place_context(self, ent: Entity) -> bool:
        """True when a town word or preposition of place comes right before an entity."""
        before = self.nt.text[max(0, ent.start - 12):ent.start]
        words = normalize(before).split()
        prev = words[-1] if words else ""
        if prev.startswith("و") and len(prev) > 3:
            prev = prev[1:]
        clitic = self.nt.text[max(0, ent.start - 1):ent.start]
        return prev in ("مدينه", "بلده", "في", "قرب", "ريف", "محافظه", "منطقه") or clitic == "ب"

    # ------------------------------------------------------------ pass 5: statistical names
    def add_crf(self, sentences: list[tuple[int, int]] | None, matches: list[Match], tokens: list | None) -> None:
        """Names the CRF finds where no gazetteer name or role phrase is."""
        dom = self._dominant()
        self.dom = dom
        self._coded = None  # names coded since the class-noun pass count as context
        for ent in crf.find_entities(self.nt.text, sentences, self.gz, self.covered, self.role_spans,
                                     matches, tokens):
            if ent.type != "PER" and self._qualifier_in_role(ent):
                continue  # a word of a role phrase (`القوات الحكومية السورية`), not a name
            if ent.type != "PER" and head_and_no_name(crf.norm_word(ent.text), self.gz, crf.load_common(),
                                                      crf.load_ordinary()):
                continue  # `قرية نائية`: a class noun and an adjective, no name
            if ent.type != "PER":
                self._listed_as(ent)
            if ent.type == "PER" and ent.code == crf.UNCODED_ROLE:
                # a role without nationality next to the name: a nisba or apposition may give it
                # (uncoded people are handled after variant resolution, in `variants`)
                ent.code = self._nationality_near(ent) or ent.code
            if ent.code == crf.UNCODED_ROLE or (ent.type != "PER" and ent.code is None):
                # an official of an unnamed state, or an unlisted place or organisation:
                # most likely the state the article (or this paragraph) is about
                base = self._place_dominant(dom) if ent.type in ("GPE", "LOC") else dom
                ent.code = self._fallback(ent.start, base)
            self.entities.append(ent)
            self.covered.append((ent.start, ent.end))

    def _dominant(self) -> str | None:
        """The article's dominant state from the names found so far (computed once: the
        class-noun names of pass 4 are mostly coded by it and would only reinforce it)."""
        dom = getattr(self, "_dom_cache", False)
        if dom is False:
            dom = dominant_code(self.codes_seen + [e.code for e in self.entities if e.type in ("GPE", "PER")])
            self._dom_cache = dom
        return dom

    def _place_dominant(self, dom: str | None) -> str | None:
        """The state most of the article's named towns and regions lie in (a place is coded by
        where it is, not by who acts there: Lebanese hills in a story about Israeli fire), else
        `dom`."""
        if not PLACE_DOMINANT:
            return dom
        cached = getattr(self, "_place_dom", False)
        if cached is False:
            # towns and regions only: country and capital names mostly stand for governments
            codes = [e.code for e in self.entities if e.type in ("GPE", "LOC") and e.source == "gazetteer"
                     and e.key and e.key.startswith(("city:", "region:"))]
            cached = self._place_dom = dominant_code(codes)
        if cached is None:
            return dom
        return cached

    def _fallback(self, pos: int, dom: str | None) -> str | None:
        """The state an unplaced name at `pos` most likely acts for: the article's dominant
        state, unless the story has moved on: its paragraph and the one before it (or further
        back, up to `LOCAL_MAX_BACK` paragraphs, until `LOCAL_MIN_MENTIONS` coded mentions are
        seen) name another state at least twice and never the dominant one (a roundup of
        several stories: a German lawyer after a Japanese story)."""
        if not LOCAL_PARAGRAPH_STATE or dom is None:
            return dom
        text = self.nt.text
        b = text.find("\n", pos)
        b = len(text) if b < 0 else b
        a = text.rfind("\n", 0, pos) + 1
        if a == 0:
            return dom
        coded = self._coded
        if coded is None:
            coded = self._coded = self._coded_mentions()
        codes = [c for x, c in coded if a <= x < b]
        back = 0
        while a > 0 and back < LOCAL_MAX_BACK and (back < LOCAL_MIN_BACK or len(codes) < LOCAL_MIN_MENTIONS):
            pa = text.rfind("\n", 0, a - 1) + 1  # the line before (blank lines do not count)
            if text[pa:a].strip():
                codes += [c for x, c in coded if pa <= x < a]
                back += 1
            a = pa
        if dom in codes:
            return dom
        top = dominant_code(codes)
        if top is None or codes.count(top) < LOCAL_MIN_MENTIONS:
            return dom
        return top

    def _nationality_near(self, ent: Entity) -> str | None:
        """Code of a nationality right next to a person: a singular nisba just before the name
        (`المحلل البريطاني جون كيلدوف`, `الألماني X`) or just after it (`X الألماني`, `X،
        المحامي الألماني`), or `من` + a country after it (`X من ألمانيا`)."""
        if not NATIONALITY_NEAR:
            return None
        text = self.nt.text
        before = normalize(text[max(0, ent.start - 40):ent.start]).split()
        if before and not text[max(0, ent.start - 2):ent.start].strip(" ") in ("،", ",", ".", ":"):
            code = self._singular_nisba(before[-1])
            last = len(text[:ent.start].rstrip()) - 1  # the adjective's last character
            # inside a role phrase (`الجيش الإسرائيلي`) the adjective is the role's, not the person's
            if code and not any(a <= last < b for a, b, _, _ in self.role_spans):
                return code
        after = text[ent.end:ent.end + 60]
        stop = min([i for i in (after.find("."), after.find("\n"), after.find("؛")) if i >= 0] or [len(after)])
        after = after[:stop]
        comma = after.lstrip(" ").startswith(("،", ","))
        words = normalize(after.lstrip(" ،,")).split()
        if words:
            w0 = words[0].rstrip("،,")
            code = self._singular_nisba(w0)
            if code:
                return code
            if comma and len(words) > 1 and w0.startswith("ال") and not self.gz.lookup(w0):
                code = self._singular_nisba(words[1].rstrip("،,"))
                if code:
                    return code
            if w0 == "من" and len(words) > 1 and not comma:
                for p in self.gz.lookup(words[1].rstrip("،,")):
                    e = self.gz.entries[p.entry]
                    if p.how == "form" and e.kind == "country" and e.code:
                        return e.code
        return None

    def _role_apposition(self, ent: Entity) -> str | None:
        """Code of a coded role phrase whose complement runs up to a comma right before the
        person (`المسؤول في الأمم المتحدة للإجراءات المتعلقة بالألغام، بير لودهامار`): at most
        `APPOSITION_GAP_WORDS` words after the role, no other punctuation, no other name."""
        text = self.nt.text
        head = text[:ent.start].rstrip()
        if not head.endswith(("،", ",")):
            return None
        comma = len(head) - 1
        best = None
        for r in self.roles:
            if r.code and r.end <= comma and (best is None or r.end > best.end):
                best = r
        if best is None:
            return None
        gap = text[best.end:comma]
        if any(ch in gap for ch in "،,.:؛\n\"«»()") or len(gap.split()) > APPOSITION_GAP_WORDS:
            return None
        if any(best.end <= x.start < comma for x in self.entities if x.type == "PER"):
            return None
        return best.code

    def _singular_nisba(self, word: str) -> str | None:
        """State code of a definite singular nationality adjective (`البريطاني`), else None."""
        if word.startswith("و") and word[1:3] == "ال":
            word = word[1:]
        # definite only: an indefinite one is a given name (`تركي بن بندر`) or a construct
        # (`كندية المولد`), and a plural is a group
        if len(word) < 5 or not word.startswith("ال") or word.endswith(("ين", "ون", "ات")):
            return None
        for p in self.gz.lookup(word):
            e = self.gz.entries[p.entry]
            if p.how == "nisba" and e.code and len(e.code) == 3:
                return e.code
        return None

    def _coded_mentions(self) -> list[tuple[int, str]]:
        """(offset, code) of nationality adjectives, coded names and coded role phrases (not
        of names coded by a default)."""
        out = [(x, c) for x, c in self.nisba_at if c]
        out += [(e.start, e.code) for e in self.entities if e.code and e.type in ("GPE", "PER", "ORG")
                and "default" not in (e.source or "") and e.source not in ("pattern", "crf")]
        out += [(r.start, r.code) for r in self.roles if r.code]
        return out

    def _qualifier_in_role(self, ent: Entity) -> bool:
        """True when a CRF name lies inside a role phrase and starts with one of its
        qualifiers or a nationality (`الحكومية السورية` in `القوات الحكومية السورية`)."""
        if not any(a < ent.start and ent.end <= b for a, b, _, _ in self.role_spans):
            return False
        first = normalize(ent.text).split(" ", 1)[0]
        return first in STATE_QUALIFIERS or any(p.how == "nisba" for p in self.gz.lookup(first))

    def _listed_as(self, ent: Entity) -> None:
        """A CRF place or organisation listed under that form (kept out of the gazetteer pass as
        an ordinary word, `القاعدة`) takes the listed code and name."""
        n = normalize(ent.text)
        places = ("GPE", "LOC")
        for key in (n, "ال" + n[2:] if n.startswith("لل") else n):
            for p in self.gz.lookup(key):
                e = self.gz.entries[p.entry]
                if p.how != "form" or e.kind not in NAMED_KINDS or e.kind == "person":
                    continue
                if e.type != ent.type and not (e.type in places and ent.type in places):
                    continue
                if (e.kind in ("city", "capital") and key in self.gz.word_readings and e.code
                        and e.code not in self.codes_seen):
                    return  # `العين` in a Yemeni story is no Emirati city: a local place
                ent.code, ent.sector, ent.name_en, ent.key = e.code, e.sector, e.name_en, e.key
                ent.type = e.type or ent.type
                return

    def variants(self) -> None:
        """Resolve CRF names to gazetteer people by spelling variants; spread codes to repeats;
        a person still unplaced is taken to act for the article's dominant state."""
        coref.resolve_variants(self.entities, self.gz, self.published, self.nt)
        if UNPLACED_PERSON_DOMINANT:
            dom = getattr(self, "dom", None)
            for e in self.entities:
                if e.type == "PER" and e.code is None and e.source in ("crf", "coref"):
                    near = self._nationality_near(e) or self._role_apposition(e)
                    if near:
                        e.code = near
                        continue
                    e.code = self._fallback(e.start, dom)
                    if dom:
                        # a guess: quotes and events prefer a role phrase next to the name
                        e.source = e.source + "+country-default"
