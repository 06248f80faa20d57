"""Statistical NER (python-crfsuite CRF) for names in no list: features, tagging, span filters.

Tokens are surface words (`rasid.text.tokens.tokenize`), the unit NER corpora tag; features
look inside them (clitic-stripped stem, affixes) and around them (neighbour stems, gazetteer
tags of neighbours). The model is trained by `scripts/train_crf.py` and stored in
`rasid/data/models/`; without it the stage runs on gazetteers alone.
"""

from __future__ import annotations

import logging
import re
import threading
from operator import attrgetter, itemgetter
from functools import lru_cache
from pathlib import Path
from bisect import bisect_left, bisect_right
from typing import Callable, Iterable, Sequence

from rasid.article import Entity
from rasid.entities.gazetteer import Gazetteer
from rasid.entities.matcher import Match, Normalised, find_matches
from rasid.entities.viterbi import FastTagger, flatten
from rasid.text.normalize import normalize
from rasid.text.tokens import Token, split_clitics, tokenize

log = logging.getLogger(__name__)

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "models"
MODEL_PATH = MODEL_DIR / "ner_crf.crfsuite"
WEIGHTS_PATH = MODEL_DIR / "ner_crf.weights.json"
COMMON_PATH = MODEL_DIR / "common_words.txt"
ORDINARY_PATH = MODEL_DIR / "ordinary_words.txt"
CLUSTERS_PATH = MODEL_DIR / "word_clusters.tsv"
BOS, EOS = "-1=<s>", "+1=</s>"
LABELS: tuple[str, ...] = ("PER", "ORG", "GPE", "LOC")
_PUNCT = set(".,،؛;:!?؟\"'«»“”()[]{}-–—/\\…")


# Function words (normalised), ordinary words whatever the corpora counted: never a name.
FUNCTION_WORDS: frozenset[str] = frozenset("""
ان فان وان لان بان كان وكان فكان انه انها انهم فانه وانه لانه بانه ان اذا واذا فاذا لو ولو
الذي التي الذين اللذين اللتين اللواتي وهو وهي هو هي هم هما نحن انا انت ذلك تلك هذا هذه هؤلاء
في وفي من ومن الي والي علي وعلي عن وعن مع ومع بين وبين حتي وحتي منذ قد وقد لقد ثم لكن ولكن
بل او ام كما وكما مثل حيث وحيث عندما وعندما بعد وبعد قبل وقبل خلال وخلال ضد نحو لدي اي ايضا
كل وكل بعض وبعض غير وغير لم ولم لن ولن لا ولا ما وما ماذا لماذا كيف اين متي هل وهل الا والا
عبر حول وحول تجاه داخل خارج فوق تحت امام وراء عند وعند لدي فيما وفيما بينما وبينما اما واما
""".split())


# Honorific titles (normalised, clitic-free) that stand between a role and a name or open a
# name without being part of it (`رئيس اللجنة الدكتور هادي اليامي`).
HONORIFICS: frozenset[str] = frozenset("""
الدكتور الدكتوره د المهندس المهندسه الشيخ الشيخه السيد السيده الاستاذ الاستاذه الحاج المحامي
المستشار الامير الاميره السير الاب المطران القس الامام الحاخام اللواء العميد العقيد الفريق المقدم
الرائد النقيب المشير
""".split())


class _Resources:
    """Lazily loaded tagger, common-word list and per-word feature cache (one per process)."""

    def __init__(self) -> None:
        self.model_dir = MODEL_DIR
        self.lock = threading.Lock()
        self.tagger = None  # pycrfsuite.Tagger, only when no exported weights exist
        self.fast: FastTagger | None = None
        self.fast_gz: int | None = None  # id of the gazetteer the fast tagger's word rows used
        self.loaded = False
        self.common: frozenset[str] = frozenset()
        self.ordinary: frozenset[str] = frozenset()
        self.clusters: dict[str, str] = {}  # stem -> distributional class (scripts/build_word_clusters.py)
        self.word_cache: dict[int, dict[str, "WordInfo"]] = {}


_RES = _Resources()


def use_model_dir(path: Path) -> None:
    """Read the model and word list from `path` from now on (training, experiments)."""
    with _RES.lock:
        _RES.model_dir = Path(path)
        _RES.loaded = False
        _RES.tagger = None
        _RES.fast = None
        _RES.common = frozenset()
        _RES.word_cache.clear()


def load_common() -> frozenset[str]:
    """Frequent ordinary words (from the training corpora), never names on their own."""
    _load()
    return _RES.common


def load_ordinary() -> frozenset[str]:
    """Words that are ordinary words at least half the time in the training corpora (`العربية`,
    `فتح`): a one-word name spelled like one needs quotes or an introducing noun."""
    _load()
    return _RES.ordinary


def _load() -> None:
    """Open the model and word list once."""
    if _RES.loaded:
        return
    with _RES.lock:
        if _RES.loaded:
            return
        common_path = _RES.model_dir / COMMON_PATH.name
        model_path = _RES.model_dir / MODEL_PATH.name
        if common_path.exists():
            _RES.common = frozenset(w for w in common_path.read_text(encoding="utf-8").split() if w)
        _RES.common = _RES.common | FUNCTION_WORDS
        ordinary_path = _RES.model_dir / ORDINARY_PATH.name
        if ordinary_path.exists():
            _RES.ordinary = frozenset(w for w in ordinary_path.read_text(encoding="utf-8").split() if w)
        _RES.ordinary = _RES.ordinary | _RES.common
        clusters_path = _RES.model_dir / CLUSTERS_PATH.name
        _RES.clusters = {}
        if clusters_path.exists():
            for line in clusters_path.read_text(encoding="utf-8").splitlines():
                w, _, c = line.partition("\t")
                if c:
                    _RES.clusters[w] = c
        weights_path = _RES.model_dir / WEIGHTS_PATH.name
        if weights_path.exists() and (not model_path.exists() or
                                      weights_path.stat().st_mtime >= model_path.stat().st_mtime):
            _RES.fast = FastTagger(weights_path)
        elif model_path.exists():
            import pycrfsuite

            tagger = pycrfsuite.Tagger()
            tagger.open(str(model_path))
            _RES.tagger = tagger
        else:
            log.warning("no CRF model at %s: statistical NER off", model_path)
        _RES.loaded = True


# ---------------------------------------------------------------- features

@lru_cache(maxsize=100_000)
def norm_word(word: str) -> str:
    """`normalize` for a single token, memoised (tokens repeat across articles)."""
    return normalize(word)


def _shape(w: str) -> str:
    """Coarse character class of a token."""
    if w.isdigit():
        return "num"
    if all(c in _PUNCT for c in w):
        return "punct"
    if w.isascii() and w.isalpha():
        return "latin"
    if any(c.isdigit() for c in w):
        return "alnum"
    return "ar"


def name_tokens(gz: Gazetteer) -> tuple[frozenset[str], frozenset[str]]:
    """First-name and surname token sets from the people list (normalised), cached on `gz`."""
    cached = getattr(gz, "_name_tokens", None)
    if cached is not None:
        return cached
    first: set[str] = set()
    last: set[str] = set()
    for e in gz.entries:
        if e.kind != "person":
            continue
        for f in e.forms:
            parts = normalize(f).split()
            if len(parts) >= 2:
                first.add(parts[0])
                last.add(parts[-1])
        for s in e.short:
            last.update(normalize(s).split()[-1:])
    out = (frozenset(first), frozenset(last))
    gz._name_tokens = out  # type: ignore[attr-defined]
    return out


def stem_of(n: str, gz: Gazetteer) -> str:
    """A normalised word without its proclitics (split only when safe, see `split_clitics`)."""
    return _split(n, gz)[1]


def _split(n: str, gz: Gazetteer) -> tuple[str, str]:
    """(proclitics, stem) of a normalised word; `للاتحاد` -> (`ل`, `الاتحاد`)."""
    pre = split_clitics(n, gz.is_known)
    s = n[len(pre):]
    if pre.endswith("ل") and s.startswith("ل") and not s.startswith("ال"):
        s = "ا" + s
    return pre, s


class WordInfo:
    """Context-independent features of one word, and the features it gives its neighbours
    (`m1`: as the word before, `p1`: as the word after, `m2` / `p2`: two away; built when
    read, and `feats` is a tuple, so the ≈ 20k cached words of a news stream hold no lists:
    fewer long-lived objects for the garbage collector to trace on a stream of new words)."""

    __slots__ = ("stem", "feats", "fn", "ln", "norm", "cand", "cluster")

    def __init__(self, stem: str, feats: Sequence[str], fn: bool, ln: bool, norm: str = "",
                 cand: bool = False, cluster: str | None = None) -> None:
        self.stem = stem
        self.feats = feats
        self.fn, self.ln = fn, ln
        self.norm = norm  # the normalised word
        self.cand = cand  # could be (part of) a name nobody listed: not punctuation, number, Latin or common
        self.cluster = cluster

    @property
    def m1(self) -> list[str]:
        """Features the word gives the word after it."""
        c = self.cluster
        return ["-1=" + self.stem] + (["fn-1"] if self.fn else []) + (["c-1=" + c] if c else [])

    @property
    def p1(self) -> list[str]:
        """Features the word gives the word before it."""
        c = self.cluster
        return ["+1=" + self.stem] + (["ln+1"] if self.ln else []) + (["c+1=" + c] if c else [])

    def neighbour_ids(self, get: Callable[[str, int], int], none: int) -> tuple[int, ...]:
        """Ids of the features `m1`, `p1` (three slots each), `m2` and `p2` (one slot each)
        under `get(feature, none)`, in their order, an absent feature as `none`: the
        decoder sums a slot group in order, and a `none` slot adds nothing."""
        s, c = self.stem, self.cluster
        return (get("-1=" + s, none), get("fn-1", none) if self.fn else none,
                get("c-1=" + c, none) if c else none,
                get("+1=" + s, none), get("ln+1", none) if self.ln else none,
                get("c+1=" + c, none) if c else none,
                get("-2=" + s, none), get("+2=" + s, none))

    @property
    def m2(self) -> list[str]:
        """Features the word gives the word two after it."""
        return ["-2=" + self.stem]

    @property
    def p2(self) -> list[str]:
        """Features the word gives the word two before it."""
        return ["+2=" + self.stem]


# `len=` feature of a stem without the article, by its length
_LEN_FEAT = ("len=1", "len=1", "len=2", "len=3", "len=4", "len=4", "len=6", "len=6", "len=6")


def word_info(word: str, gz: Gazetteer) -> WordInfo:
    """Features of one word; independent of context, so cached per word."""
    cache = _RES.word_cache.get(id(gz))
    if cache is None:
        cache = _RES.word_cache[id(gz)] = {}
    hit = cache.get(word)
    if hit is not None:
        return hit
    n = normalize(word)
    pre, s = _split(n, gz) if len(n) > 2 else ("", n)
    bare = s[2:] if s.startswith("ال") and len(s) > 4 else s
    first, last = name_tokens(gz)
    # shape only when not plain Arabic, surface only when it differs from the stem: fewer
    # attributes per token is what tagging time is proportional to
    f = ["b", "s=" + s]
    if n.isalpha():  # letters only: never a number, punctuation or alphanumeric (`_shape`)
        if n.isascii():
            f.append("sh=latin")
    else:
        shape = _shape(n)
        if shape != "ar":
            f.append("sh=" + shape)
    if n != s:
        f.append("w=" + n)
    if bare != s:
        f.append("al")
        f.append("bare=" + bare)
    if pre:
        f.append("pre=" + pre)
    lb = len(bare)
    if lb >= 3:
        f.append("p2=" + bare[:2])
        f.append("p3=" + bare[:3])
        f.append("x2=" + bare[-2:])
        f.append("x3=" + bare[-3:])
    f.append(_LEN_FEAT[lb] if lb < 9 else "len=9")
    is_fn = s in first or bare in first
    is_ln = s in last or bare in last
    if is_fn:
        f.append("fn")
    if is_ln:
        f.append("ln")
    common = _RES.common
    if common and (s in common or n in common):
        f.append("common")
    cand = (len(s) >= 2 and (s.isalpha() or any(ch.isalpha() for ch in s)) and not s.isascii()
            and s not in common and (s[2:] if s.startswith("ال") else s) not in common)
    clusters = _RES.clusters
    cluster = (clusters.get(s) or clusters.get(bare)) if clusters else None
    if cluster:
        f.append("c=" + cluster)
    # a tuple of strings is untracked by the garbage collector after its first pass: one
    # long-lived tracked object less per cached word
    out = WordInfo(s, tuple(f), is_fn, is_ln, n, cand, cluster)
    if len(cache) > 200_000:
        cache.clear()
    cache[word] = out
    return out


def word_features(word: str, gz: Gazetteer) -> tuple[str, list[str]]:
    """(stem, features) of one word."""
    w = word_info(word, gz)
    return w.stem, list(w.feats)


def gaz_tags(tokens: list[Token], matches: list[Match], gz: Gazetteer) -> list[str]:
    """Per token, the gazetteer reading covering it (`B-GPE`, `I-ORG`, `role`, `nisba` …) or ""."""
    return _gaz_tags([t.start for t in tokens], [t.end for t in tokens], matches, gz)


def _gaz_tags(starts: Sequence[int], ends: Sequence[int], matches: list[Match], gz: Gazetteer) -> list[str]:
    """`gaz_tags` on the tokens' start and end offsets (tokens are in order and disjoint, so
    both lists ascend and the tokens a match covers are found by bisection)."""
    n = len(starts)
    tags = [""] * n
    if not matches:
        return tags
    entries = gz.entries
    j = 0
    for m in matches:
        p = m.first
        if p.how == "form":
            lab = entries[p.entry].type or "form"
        elif p.how == "short":
            lab = "PER"
        else:
            lab = p.how  # role | nisba | inst | anaphor
        j = bisect_right(ends, m.start, j)  # the first token ending after the match starts
        k = bisect_left(starts, m.end, j)  # the first token starting at or after its end
        if j >= k:
            continue
        if lab in LABELS:
            tags[j] = "B-" + lab
            for i in range(j + 1, k):
                tags[i] = "I-" + lab
        else:
            for i in range(j, k):
                tags[i] = lab
    return tags


def sequence_features(tokens: list[Token], gtags: list[str], gz: Gazetteer) -> list[list[str]]:
    """CRF feature lists for a sentence of tokens with their gazetteer tags.

    Every feature depends on one word (its own `feats`, or a neighbour's `m1` … `p2` strings),
    on a word pair (`-1|0=`) or on gazetteer tags: `rasid.entities.viterbi` relies on that.
    """
    ws = [word_info(t.text, gz) for t in tokens]
    n = len(ws)
    out: list[list[str]] = []
    for i, w in enumerate(ws):
        f = list(w.feats) + (ws[i - 1].m1 if i > 0 else [BOS]) + (ws[i + 1].p1 if i + 1 < n else [EOS])
        f.append("-1|0=" + (ws[i - 1].stem if i > 0 else "<s>") + "|" + w.stem)
        if i > 1:
            f += ws[i - 2].m2
        if i + 2 < n:
            f += ws[i + 2].p2
        g = gtags[i]
        if g:
            f.append("g=" + g)
        if i > 0 and gtags[i - 1]:
            f.append("g-1=" + gtags[i - 1])
        if i + 1 < n and gtags[i + 1]:
            f.append("g+1=" + gtags[i + 1])
        out.append(f)
    return out


# ---------------------------------------------------------------- tagging

def has_model() -> bool:
    """True when a trained model is available."""
    _load()
    return _RES.fast is not None or _RES.tagger is not None


def tag_sentences(sents: list[tuple[list[Token], list[str]]], gz: Gazetteer) -> list[list[str]]:
    """IOB2 labels for several sentences of (tokens, gazetteer tags) at once (all `O` without a model)."""
    _load()
    if _RES.fast is not None:
        return _tag_words([(list(map(_TEXT, toks)), g) for toks, g in sents], gz)
    if _RES.tagger is None:
        return [["O"] * len(toks) for toks, _ in sents]
    return [list(_RES.tagger.tag(sequence_features(toks, g, gz))) if toks else [] for toks, g in sents]


def _tag_words(sents: list[tuple[list[str], list[str]]], gz: Gazetteer) -> list[list[str]]:
    """`tag_sentences` for sentences given as (words, gazetteer tags)."""
    return _tag_spans(*flatten(sents), gz)


def _tag_spans(words: Sequence[str], gtags: list[str], spans: list[tuple[int, int]],
               gz: Gazetteer, all_o: list[str] | None = None) -> list[list[str]]:
    """IOB2 labels for the sentences `words[i:j]` of each (i, j) in `spans` (all `O` without a
    model); with the fast decoder, a sentence without names is given as `all_o` when not None."""
    _load()
    fast = _RES.fast
    if fast is None:  # crfsuite (or no model): features read only the tokens' words
        return tag_sentences([([Token(0, 0, w) for w in words[i:j]], gtags[i:j]) for i, j in spans], gz)
    if _RES.fast_gz != id(gz):
        fast.words = type(fast.words)(fast.L)  # word rows depend on the gazetteer's lists
        _RES.fast_gz = id(gz)

    def info(word: str) -> WordInfo:
        return word_info(word, gz)

    return fast.tag_spans(words, gtags, spans, info, all_o)


def tag_tokens(tokens: list[Token], gtags: list[str], gz: Gazetteer) -> list[str]:
    """IOB2 labels for one sentence (all `O` without a model)."""
    if not tokens:
        return []
    return tag_sentences([(tokens, gtags)], gz)[0]


def spans_from_iob(labels: list[str]) -> list[tuple[int, int, str]]:
    """(first token, last token + 1, type) of each IOB2 chunk (an I- after O starts a chunk)."""
    out: list[tuple[int, int, str]] = []
    cur: list | None = None
    for i, lab in enumerate(labels):
        if lab == "O" or not lab:
            if cur:
                out.append(tuple(cur))  # type: ignore[arg-type]
            cur = None
            continue
        pre, typ = lab.split("-", 1)
        if pre == "B" or cur is None or cur[2] != typ:
            if cur:
                out.append(tuple(cur))  # type: ignore[arg-type]
            cur = [i, i + 1, typ]
        else:
            cur[1] = i + 1
    if cur:
        out.append(tuple(cur))  # type: ignore[arg-type]
    return out


def find_entities(text: str, sentences: list[tuple[int, int]] | None, gz: Gazetteer,
                  covered: list[tuple[int, int]], role_spans: list[tuple[int, int, str | None, str | None]],
                  matches: list[Match] | None = None, tokens: list[Token] | None = None) -> list[Entity]:
    """CRF entities in `text` outside `covered` spans, filtered for precision.

    Sentences whose every word is punctuation, a number, an ordinary word or already a
    gazetteer name cannot hold a new name and are not tagged (most of the time saved).
    """
    if not has_model():
        return []
    if matches is None:
        matches = find_matches(gz, Normalised.of(text))
    if tokens is None:
        tokens = tokenize(text)
    # offsets and words of the tokens as plain lists, read once (bisection and batch lookups)
    if not tokens:
        return []
    # tokens are (start, end, text) named tuples; `zip(*tokens)` would make one iterator per
    # token (hundreds of short-lived objects, several times slower in a running pipeline)
    starts = list(map(_FIRST, tokens))
    ends = list(map(_SECOND, tokens))
    words = list(map(_THIRD, tokens))
    gtags = _gaz_tags(starts, ends, matches, gz)
    if not sentences:
        sentences = [(0, len(text))]
    todo: list[tuple[int, int]] = []
    ti = 0
    cache = _RES.word_cache.get(id(gz))
    if cache is None:
        cache = _RES.word_cache[id(gz)] = {}
    get = cache.get  # the cache `word_info` fills, read directly
    for s_start, s_end in sentences:
        ti = bisect_left(starts, s_start, ti)  # first token of the sentence
        tj = bisect_right(ends, s_end, ti)  # first token not inside it
        if tj > ti and _has_candidate(words, gtags, ti, tj, get, gz):
            todo.append((ti, tj))
        ti = tj
    out: list[Entity] = []
    inside: Callable[[Token], bool] | None = None
    overlaps: Callable[[int, int], bool] | None = None
    for (i, j), labels in zip(todo, _tag_spans(words, gtags, todo, gz, all_o=[])):
        if not labels or labels.count("O") == len(labels):
            continue  # no name in the sentence
        sent = tokens[i:j]
        for a, b, typ in spans_from_iob(labels):
            if inside is None:
                inside = _inside(covered)
                overlaps = _overlapper(covered)
            if all(map(inside, sent[a:b])):
                continue  # every token already inside a gazetteer name: the usual case
            out.extend(_make_entity(text, sent[a:b], typ, gz, covered, role_spans, overlaps))
    return out


_TEXT = attrgetter("text")
_FIRST, _SECOND, _THIRD = itemgetter(0), itemgetter(1), itemgetter(2)


def _has_candidate(words: Sequence[str], gtags: list[str], i: int, j: int,
                   get: Callable[[str], "WordInfo | None"], gz: Gazetteer) -> bool:
    """True when some token of `words[i:j]` could start a name the gazetteer does not already give."""
    for k in range(i, j):
        if not gtags[k]:
            w = words[k]
            if (get(w) or word_info(w, gz)).cand:
                return True
    return False


def _inside(covered: list[tuple[int, int]]) -> Callable[[Token], bool]:
    """A test for 'this token lies inside one of the `covered` spans' (bisect on starts, with
    the running maximum of ends, so nested and overlapping spans are handled)."""
    spans = sorted(covered)
    starts = [a for a, _ in spans]
    reach: list[int] = []
    far = -1
    for _, b in spans:
        far = max(far, b)
        reach.append(far)

    def test(t: Token) -> bool:
        i = bisect_right(starts, t.start) - 1
        return i >= 0 and reach[i] >= t.end

    return test


def _overlapper(covered: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    """A test for '[start, end) overlaps one of the `covered` spans': the spans starting
    before `end` are a prefix of the spans sorted by start, so one bisection and the running
    maximum of their ends answer it (same answer as scanning every span)."""
    spans = sorted(covered)
    starts = [a for a, _ in spans]
    reach: list[int] = []
    far = -1 << 62
    for _, b in spans:
        if b > far:
            far = b
        reach.append(far)

    def test(start: int, end: int) -> bool:
        i = bisect_left(starts, end)
        return i > 0 and reach[i - 1] > start

    return test


def _make_entity(text: str, toks: list[Token], typ: str, gz: Gazetteer, covered: list[tuple[int, int]],
                 role_spans: list[tuple[int, int, str | None, str | None]],
                 overlaps: Callable[[int, int], bool] | None = None) -> list[Entity]:
    """Entities from a CRF chunk after trimming; empty when a precision filter rejects it
    (`overlaps`: `_overlapper(covered)`, built once per article by the caller)."""
    if overlaps is None:
        overlaps = _overlapper(covered)
    common = _RES.common
    # (a chunk inside one covered span never gets here: `find_entities` skips chunks whose
    # tokens all lie inside covered spans, and the overlap test below rejects the rest)

    def norm_stem(t: Token) -> tuple[str, str]:
        w = word_info(t.text, gz)
        return w.norm, w.stem

    def is_nisba(t: Token) -> bool:
        n, st = norm_stem(t)
        return any(p.how == "nisba" for p in gz.lookup(n) + gz.lookup(st))

    # Leading role nouns, titles and ordinary words (`الدكتور`, `فإن`, `ودول`) are not the name.
    while toks:
        n, st = norm_stem(toks[0])
        if toks[0].text in _PUNCT or st in HONORIFICS or _is_role(toks[0].text, gz):
            toks = toks[1:]
        elif (st in common or n in common) and (typ in ("PER", "GPE") or n[:1] in "وف"):
            toks = toks[1:]
        else:
            break
    # A trailing nationality adjective describes the name (`الجولان السورية`), except in ORG names.
    while toks and (toks[-1].text in _PUNCT or (typ != "ORG" and is_nisba(toks[-1]))):
        toks = toks[:-1]
    if not toks:
        return []
    if typ == "PER":
        # `هاريس ونتنياهو`: two people joined by و
        first_names, last_names = name_tokens(gz)
        for i in range(1, len(toks)):
            n = norm_word(toks[i].text)
            rest = n[1:]
            if n.startswith("و") and len(n) >= 4 and (rest in first_names or rest in last_names or
                                                      any(p.how in ("form", "short") for p in gz.lookup(rest))):
                return (_make_entity(text, toks[:i], typ, gz, covered, role_spans, overlaps) +
                        _make_entity(text, [Token(toks[i].start + 1, toks[i].end, toks[i].text[1:])] + toks[i + 1:],
                                     typ, gz, covered, role_spans, overlaps))
    start, end = toks[0].start, toks[-1].end
    if overlaps(start, end):
        return []
    if text[max(0, start - 1):start] == "#" or any("_" in t.text for t in toks):
        return []  # hashtags are not annotated
    pre = _name_clitics(toks[0].text, gz)
    if pre and not (pre.endswith("ل") and toks[0].text[len(pre):].startswith("ل")):
        start += len(pre)
    surface = text[start:end]
    n = normalize(surface)
    if len(n.replace(" ", "")) < 2:
        return []
    words = n.split()
    if any(p.how in ("role", "nisba") for p in gz.lookup(n)):
        return []
    if typ == "PER" and len(words) == 1 and len(n) < 3:
        return []
    if typ == "PER" and _accusative_phrase(words):
        return []  # `تهديدا خطيرا`: an indefinite accusative noun and adjective, not a name
    if typ == "PER" and _noun_and_nisba(words, gz):
        return []  # `بغطاء جوي`: an ordinary noun and a relational adjective, not a name
    if all(w in common for w in words) and not gz.lookup(n) and (typ != "ORG" or len(words) == 1):
        return []
    code = sector = None
    if typ == "PER":
        code, sector = _code_from_role(text, start, end, role_spans)
    return [Entity(start=start, end=end, text=surface, type=typ, code=code, sector=sector, source="crf",
                   key="crf:" + n)]


def _name_clitics(word: str, gz: Gazetteer) -> str:
    """The proclitics to strip from the first word of a CRF name (`لروسيا` -> `ل`), "" when the
    word is a name as written (`ليون` is not ل + `يون`); memoised per gazetteer."""
    cache = getattr(gz, "_name_clitics", None)
    if cache is None:
        cache = gz._name_clitics = {}  # type: ignore[attr-defined]
    pre = cache.get(word)
    if pre is None:
        vocab = _name_vocab(gz)
        pre = split_clitics(word, lambda w: gz.is_known(w) or w in vocab)
        whole = norm_word(word)
        if pre and (whole in vocab or any(p.how in ("form", "short") for p in gz.lookup(whole))):
            pre = ""
        if len(cache) > 100_000:
            cache.clear()
        cache[word] = pre
    return pre


def _accusative_phrase(words: list[str]) -> bool:
    """True when every word ends in the accusative alef (`تهديدا خطيرا`) and some word without
    it is an ordinary word: common nouns take the -an ending, names rarely do."""
    if not words or not all(len(w) > 3 and w.endswith("ا") and not w.startswith("ال") for w in words):
        return False
    common = _RES.common
    return any(w[:-1] in common or w[:-1] + "ه" in common for w in words)


def _noun_and_nisba(words: list[str], gz: Gazetteer) -> bool:
    """True for an indefinite noun phrase `noun + adjective in -ي` (`غطاء جوي`, `بدعم عسكري`)
    whose head (one proclitic aside) is an ordinary word and no first name: names seldom
    pair an ordinary noun with a relational adjective, and never without the article."""
    if len(words) < 2 or any(w.startswith("ال") or w.startswith("لل") for w in words):
        return False
    first_names, last_names = name_tokens(gz)
    last = words[-1]
    if len(last) < 3 or not last.endswith("ي") or last in first_names or last in last_names:
        return False
    head = words[0]
    heads = [head] + ([head[1:]] if head[0] in "وفبلك" and len(head) > 3 else [])
    return any(h in _RES.ordinary and h not in first_names and h not in last_names for h in heads)


def _is_role(word: str, gz: Gazetteer) -> bool:
    """True when a word (clitics aside) is a role noun (`الرئيس`, `وزير`)."""
    w = word_info(word, gz)
    return any(p.how == "role" for p in gz.lookup(w.norm) + gz.lookup(w.stem))


def _name_vocab(gz: Gazetteer) -> frozenset[str]:
    """Known name tokens (people's first and last names), cached on `gz`."""
    cached = getattr(gz, "_name_vocab", None)
    if cached is None:
        first, last = name_tokens(gz)
        cached = gz._name_vocab = first | last  # type: ignore[attr-defined]
    return cached


UNCODED_ROLE = "?"  # a role phrase without nationality: the caller may use the article's country


def _code_from_role(text: str, start: int, end: int,
                    role_spans: Iterable[tuple[int, int, str | None, str | None]]) -> tuple[str | None, str | None]:
    """Code of a person from a role phrase right before (`وزير الخارجية الروسي سيرغي لافروف`,
    also across an honorific or a quoted alias: `رئيس لجنة … "لجنة الميثاق" الدكتور هادي اليامي`)
    or right after in apposition (`لافروف، وزير الخارجية الروسي`, `فورد، وهي رئيسة …`);
    `UNCODED_ROLE` when the adjacent role names no nationality (`نائب رئيس الجمهورية إياد علاوي`)."""
    found: tuple[str | None, str | None] = (None, None)
    for a, b, code, sector in role_spans:
        before = b <= start and start - b <= 60 and _only_titles(text[b:start])
        after = a >= end and a - end <= 8 and _only_apposition(text[end:a])
        if before or after:
            if code:
                return code, sector
            found = (UNCODED_ROLE, sector)
    return found


_QUOTED = re.compile(r'"[^"\n]{1,40}"|«[^»\n]{1,40}»|“[^”\n]{1,40}”')


def _only_titles(gap: str) -> bool:
    """True when the text between a role and a name holds only honorifics and quoted aliases."""
    gap = _QUOTED.sub(" ", gap)
    return all(normalize(w) in HONORIFICS for w in gap.replace("،", " ").replace(",", " ").split())


def _only_apposition(gap: str) -> bool:
    """True for the joint of a name and a following appositive role (`، ` or `، وهو `)."""
    words = gap.replace("،", " ").replace(",", " ").split()
    return not words or (len(words) == 1 and normalize(words[0]) in ("وهو", "وهي") and "،" in gap + ",")
