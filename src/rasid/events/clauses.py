"""Tokens in matching form with original offsets, and clause boundaries inside sentences.

A clause ends at strong punctuation (`؛ : . ؟ !`), quotation marks, and the words that open
a new finite clause (complementisers `أن/إن`, `فيما، بينما، حيث`, circumstantial participles
`مضيفاً، مشيراً`). Commas are weak: arguments may cross them, distance counts them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import NamedTuple

from rasid.text.normalize import normalize_with_map
from rasid.text.sentences import split_sentences

_TOKEN = re.compile(r"\w+|[^\w\s]")

PUNCT_STRONG = frozenset("؛;:.!?؟«»\"“”")
PUNCT_WEAK = frozenset("،,()-–")
# Words (matching form) that open a new clause.
CLAUSE_OPENERS = frozenset({
    "ان", "بان", "لان", "وان", "فان", "كان_", "فيما", "بينما", "حيث", "حين", "وحيث", "كما", "وكما",
    "لكن", "ولكن", "الا", "مضيفا", "مضيفه", "مشيرا", "مشيره", "لافتا", "لافته", "موضحا",
    "موضحه", "مؤكدا", "مؤكده", "معتبرا", "معتبره", "قائلا", "قائله", "داعيا", "داعيه",
    "وقال", "وقالت", "واضاف", "واضافت", "واكد", "واكدت", "وتابع", "وتابعت", "واوضح",
    "واوضحت", "واشار", "واشارت", "الذي", "التي", "الذين", "اللذين", "اللتين", "بعدما",
    "عندما", "لما", "اذ", "اذا", "لو", "ثم",
})
RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان"})


class Tok(NamedTuple):
    """A token: matching form, original offsets, sentence index (a tuple: cheap to build)."""

    i: int
    text: str
    start: int
    end: int
    sent: int

    @property
    def is_word(self) -> bool:
        """True for a word (not punctuation)."""
        return self.text[:1].isalnum()


@dataclass
class Doc:
    """The article's tokens with sentence and clause structure."""

    text: str
    toks: list[Tok]
    words: list[str]
    sents: list[tuple[int, int]]  # sentence -> token range [a, b)
    sent_spans: list[tuple[int, int]]  # sentence -> char span
    clause_id: list[int]  # token -> clause number (global)
    starts: list[int]

    def tok_at(self, offset: int) -> int:
        """Index of the token that contains or follows char `offset`."""
        k = bisect.bisect_right(self.starts, offset) - 1
        if k >= 0 and self.toks[k].end > offset:
            return k
        return min(k + 1, len(self.toks) - 1) if self.toks else 0

    def clause_bounds(self, i: int) -> tuple[int, int]:
        """Token range [a, b) of the clause of token `i`."""
        c = self.clause_id[i]
        a, b = self.sents[self.toks[i].sent]
        lo = i
        while lo > a and self.clause_id[lo - 1] == c:
            lo -= 1
        hi = i
        while hi + 1 < b and self.clause_id[hi + 1] == c:
            hi += 1
        return lo, hi + 1


def build_doc(text: str, sentences: list[tuple[int, int]] | None = None) -> Doc:
    """Tokenise the normalised text, map tokens to sentences and number the clauses."""
    norm, idx = normalize_with_map(text)
    spans = sentences if sentences is not None else split_sentences(text)
    sent_starts = [s for s, _ in spans]
    toks: list[Tok] = []
    k, last = 0, len(sent_starts) - 1
    for m in _TOKEN.finditer(norm):
        s, e = idx[m.start()], idx[m.end() - 1] + 1
        while k < last and sent_starts[k + 1] <= s:
            k += 1  # tokens come in text order: walk the sentence starts instead of bisecting
        toks.append(Tok(len(toks), m.group(), s, e, k))
    sents: list[tuple[int, int]] = []
    j = 0
    for k in range(len(spans)):
        a = j
        while j < len(toks) and toks[j].sent == k:
            j += 1
        sents.append((a, j))
    clause_id: list[int] = []
    cid = 0
    prev_sent = -1
    for t in toks:
        if t.sent != prev_sent:
            cid += 1
            prev_sent = t.sent
        elif t.text in PUNCT_STRONG or t.text in CLAUSE_OPENERS:
            cid += 1
        clause_id.append(cid)
        if t.text in PUNCT_STRONG:
            cid += 1  # the mark closes its clause; the next token starts a new one
    return Doc(text=text, toks=toks, words=[t.text for t in toks], sents=sents,
               sent_spans=list(spans), clause_id=clause_id, starts=[t.start for t in toks])
