"""Linear-chain CRF decoding in numpy, with per-word-type cached state scores.

crfsuite scores a token by looking up every feature string of it (≈ 13 per token) and then
runs Viterbi. Almost all our features depend on one word only (its own stem, affixes, list
membership) or on one neighbour word (`-1=stem`, `+2=stem`, `fn-1` …), so their summed weights
are computed once per word type and cached as five label-score rows (own, as left neighbour,
as right neighbour, at distance two on each side). A token's state score is then the sum of
five cached rows, the gazetteer-tag rows, the few word-pair (`-1|0=a|b`) rows the model has,
and the sentence-edge rows; Viterbi runs over all sentences of an article at once
(right-aligned batch), with crfsuite's recurrence and weights.

Tokens whose O score beats every other label by more than `CLEAR_MARGIN` (and that do not sit
between two unclear tokens) are labelled O without decoding; the runs between them are decoded
entered from and left to O. With `CLEAR_MARGIN = math.inf` the result is crfsuite's decoding
exactly; at 6.0 it changed 1 token in 3,676 news300 sentences, none in 1,631 Wojood sentences
and 2 in 3,000 NewsFANE sentences, and no entity of news300 (it halves the Viterbi steps).

The weights come from `ner_crf.weights.json`, exported from the crfsuite model by
`export_weights` (`scripts/train_crf.py` writes both).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Sequence

import numpy as np
import orjson

PAIR_PREFIX = "-1|0="
BOS, EOS = "-1=<s>", "+1=</s>"
# See the module docstring; `math.inf` decodes every token.
CLEAR_MARGIN = 6.0


def export_weights(model_path: Path, out_path: Path) -> None:
    """Write a crfsuite model's labels, transitions and state weights as compact JSON."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    info = tagger.info()
    labels = list(tagger.labels())
    li = {lab: i for i, lab in enumerate(labels)}
    trans = [[0.0] * len(labels) for _ in labels]
    for (a, b), w in info.transitions.items():
        trans[li[a]][li[b]] = w
    state: dict[str, list[list[float]]] = {}
    for (attr, lab), w in sorted(info.state_features.items()):
        state.setdefault(attr, []).append([li[lab], round(w, 6)])
    out_path.write_bytes(orjson.dumps({"labels": labels, "transitions": trans, "state": state}))


class WordRows:
    """Growing table of per-word-type score rows (own, -1, +1, -2, +2) and pair ids."""

    def __init__(self, n_labels: int, capacity: int = 4096) -> None:
        self.L = n_labels
        self.ids: dict[str, int] = {}
        self.rows = np.zeros((5, capacity, n_labels))  # row 0 is the empty neighbour
        self.sid = np.zeros(capacity, dtype=np.int64)  # stem id for pair features (0: none)
        self.n = 1

    def add(self, own: np.ndarray, m1: np.ndarray, p1: np.ndarray, m2: np.ndarray, p2: np.ndarray,
            sid: int) -> int:
        """Store the rows of a new word type and return its id."""
        if self.n == self.rows.shape[1]:
            self.rows = np.concatenate([self.rows, np.zeros_like(self.rows)], axis=1)
            self.sid = np.concatenate([self.sid, np.zeros_like(self.sid)])
        i = self.n
        self.rows[0, i], self.rows[1, i], self.rows[2, i], self.rows[3, i], self.rows[4, i] = own, m1, p1, m2, p2
        self.sid[i] = sid
        self.n += 1
        return i


class FastTagger:
    """Viterbi over cached word rows; `tag_batch` labels many sentences in one pass."""

    def __init__(self, path: Path) -> None:
        data = orjson.loads(path.read_bytes())
        self.labels: list[str] = data["labels"]
        L = self.L = len(self.labels)
        self.trans = np.array(data["transitions"], dtype=np.float64)
        # one row of label weights per attribute, found by name
        self.attr: dict[str, int] = {}
        rows: list[list[float]] = []
        pair_stems: dict[str, int] = {"<s>": 1}
        pairs: dict[tuple[int, int], np.ndarray] = {}
        for attr, lw in data["state"].items():
            v = [0.0] * L
            for li, w in lw:
                v[int(li)] = w
            self.attr[attr] = len(rows)
            rows.append(v)
            if attr.startswith(PAIR_PREFIX):
                a, _, b = attr[len(PAIR_PREFIX):].partition("|")
                ia = pair_stems.setdefault(a, len(pair_stems) + 1)
                ib = pair_stems.setdefault(b, len(pair_stems) + 1)
                pairs[(ia, ib)] = np.array(v)
        self.W = np.array(rows, dtype=np.float64).reshape(-1, L)
        self.pair_stems = pair_stems
        self.pairs = pairs
        self.zero = np.zeros(L)
        self.bos = self._sum([BOS])
        self.eos = self._sum([EOS])
        self.words = WordRows(L)
        self.O = self.labels.index("O")
        self.other = np.array([i for i in range(L) if i != self.O])
        self.clear_margin = CLEAR_MARGIN
        # gazetteer tag rows: index 0 = no tag
        self.gids: dict[str, int] = {"": 0}
        self.grows = np.zeros((3, 1, L))

    def _sum(self, feats: Sequence[str]) -> np.ndarray:
        """Summed weights of feature strings (unknown ones weigh nothing)."""
        get = self.attr.get
        idx = [i for i in map(get, feats) if i is not None]
        if not idx:
            return self.zero
        return self.W[idx].sum(axis=0)

    def word_id(self, word: str, info: Callable[[str], Any]) -> int:
        """Row id of a word type; `info(word)` gives its features (`rasid.entities.crf.WordInfo`:
        `stem`, own `feats`, and `m1` / `p1` / `m2` / `p2`, what it gives its neighbours)."""
        i = self.words.ids.get(word)
        if i is not None:
            return i
        w = info(word)
        i = self.words.add(self._sum(w.feats), self._sum(w.m1), self._sum(w.p1), self._sum(w.m2),
                           self._sum(w.p2), self.pair_stems.get(w.stem, 0))
        if len(self.words.ids) > 300_000:
            self.words = WordRows(self.L)  # bound memory on endless streams
            return self.word_id(word, info)
        self.words.ids[word] = i
        return i

    def gaz_id(self, tag: str) -> int:
        """Row id of a gazetteer tag (`B-GPE`, `role` …)."""
        i = self.gids.get(tag)
        if i is None:
            i = len(self.gids)
            rows = np.stack([self._sum(["g=" + tag]), self._sum(["g-1=" + tag]), self._sum(["g+1=" + tag])])
            self.grows = np.concatenate([self.grows, rows[:, None, :]], axis=1)
            self.gids[tag] = i
        return i

    def tag_batch(self, sents: list[tuple[list[str], list[str]]],
                  info: Callable[[str], Any]) -> list[list[str]]:
        """IOB labels for sentences given as (words, gazetteer tags)."""
        if not sents:
            return []
        # Sentences are laid out with two empty slots (word id 0, gazetteer id 0: zero rows)
        # before, between and after them, so every neighbour row is a plain slice.
        wid: list[int] = [0, 0]
        gid: list[int] = [0, 0]
        first: list[int] = []
        last: list[int] = []
        get, gget = self.words.ids.get, self.gids.get
        for words, gtags in sents:
            first.append(len(wid))
            ws = [get(w) for w in words]
            if None in ws:
                ws = [self.word_id(w, info) for w in words]
            wid += ws
            gid += [gget(g) or self.gaz_id(g) if g else 0 for g in gtags]
            last.append(len(wid) - 1)
            wid += (0, 0)
            gid += (0, 0)
        N = len(wid)
        ids = np.array(wid, dtype=np.int64)
        gids = np.array(gid, dtype=np.int64)
        starts = np.array(first, dtype=np.int64)
        ends = np.array(last, dtype=np.int64)
        R = self.words.rows
        G = self.grows
        # E[i] for slot i in 2 .. N-3 (pads included, never decoded)
        E = (R[0][ids[2:-2]] + R[1][ids[1:-3]] + R[2][ids[3:-1]] + R[3][ids[:-4]] + R[4][ids[4:]]
             + G[0][gids[2:-2]] + G[1][gids[1:-3]] + G[2][gids[3:-1]])
        E = np.concatenate([np.zeros((2, self.L)), E, np.zeros((2, self.L))])
        E[starts] += self.bos
        E[ends] += self.eos
        # word-pair features: only where both stems occur in some pair of the model
        sids = self.words.sid[ids]
        prev_sid = np.concatenate([[0], sids[:-1]])
        prev_sid[starts] = 1  # `<s>`
        hit = np.flatnonzero((sids > 0) & (prev_sid > 0))
        if len(hit):
            pairs = self.pairs
            for i, a, b in zip(hit.tolist(), prev_sid[hit].tolist(), sids[hit].tolist()):
                v = pairs.get((a, b))
                if v is not None:
                    E[i] += v
        out = np.full(N, self.O, dtype=np.int64)
        # Tokens whose O score beats every other label by more than `clear_margin` are O:
        # only the runs of other tokens between them are decoded (entered from and left to O).
        is_pad = np.ones(N, dtype=bool)
        for a, b in zip(first, last):
            is_pad[a:b + 1] = False
        margin = E[:, self.O] - E[:, self.other].max(axis=1)
        active = (margin <= self.clear_margin) & ~is_pad
        if active.any():
            # a clear token between two unclear ones may still glue a name (`محمد بن سلمان`);
            # pads are never active, so nothing glues across sentences
            left = np.concatenate([[False], active[:-1]])
            right = np.concatenate([active[1:], [False]])
            active = active | (left & right & ~is_pad)
            prev_active = np.concatenate([[False], active[:-1]])
            next_active = np.concatenate([active[1:], [False]])
            seg_start = np.flatnonzero(active & ~prev_active)
            seg_end = np.flatnonzero(active & ~next_active)
            after_o = ~is_pad[seg_start - 1]
            before_o = ~is_pad[seg_end + 1]
            tok = np.flatnonzero(active)
            path = self._viterbi(E, tok, seg_start, seg_end - seg_start + 1, after_o, before_o)
            out[tok] = path
        labels = self.labels
        flat = [labels[k] for k in out.tolist()]
        return [flat[a:b + 1] for a, b in zip(first, last)]

    def _viterbi(self, E: np.ndarray, tok: np.ndarray, starts: np.ndarray, lens: np.ndarray,
                 after_o: np.ndarray, before_o: np.ndarray) -> np.ndarray:
        """Best labels of the tokens `tok` (runs beginning at `starts`, `lens` long, in order), all
        runs right-aligned in one batch; a run `after_o` is entered from an O label, one
        `before_o` is left to one."""
        S = len(starts)
        T = int(lens.max())
        L = self.L
        pad = T - lens  # where each run begins in the batch
        run_of = np.repeat(np.arange(S), lens)
        first_in_tok = np.cumsum(lens) - lens
        cols = np.arange(len(tok)) - first_in_tok[run_of] + pad[run_of]
        # Every lane starts in a virtual O state and stays there through its padding (a padded
        # step scores -t(O,O) for O and -inf-like for the rest); a run's first token is then
        # entered from O, which is right after a clear O token and is undone at a sentence start.
        trans = self.trans
        O = self.O
        pad_row = np.full(L, -1e9)
        pad_row[O] = -trans[O, O]
        batch = np.broadcast_to(pad_row, (T, S, L)).copy()
        batch[cols, run_of] = E[tok]
        at_start = np.flatnonzero(~after_o)
        batch[pad[at_start], at_start] -= trans[O]
        back = np.empty((T, S, L), dtype=np.intp)
        trT = trans.T[None]  # (1, to, from)
        cand = np.empty((S, L, L))
        flat = cand.reshape(-1)
        offsets = (np.arange(S * L) * L).reshape(S, L)  # where each (run, label) row starts in `flat`
        delta = np.full((S, L), -1e9)
        delta[:, O] = 0.0
        for t in range(T):
            np.add(delta[:, None, :], trT, out=cand)
            best = back[t]
            cand.argmax(2, out=best)
            delta = flat[offsets + best]  # the max, read at the argmax (cheaper than a second reduction)
            delta += batch[t]
        delta[before_o] += trans[:, O]
        y = delta.argmax(axis=1)
        path = np.empty((T, S), dtype=np.intp)
        path[T - 1] = y
        rowstart = np.arange(S) * L
        for t in range(T - 1, 0, -1):
            y = back[t].reshape(-1)[rowstart + y]
            path[t - 1] = y
        return path[cols, run_of]
