"""Linear-chain CRF decoding in numpy, with per-word-type cached state scores.

crfsuite scores a token by looking up every feature string of it (≈ 13 per token) and then
runs Viterbi. Almost all our features depend on one word only (its own stem, affixes, list
membership) or on one neighbour word (`-1=stem`, `+2=stem`, `fn-1` …), so their summed weights
are computed once per word type and cached as five label-score rows (own, as left neighbour,
as right neighbour, at distance two on each side). A token's state score is then the sum of
five cached rows, the gazetteer-tag rows, the few word-pair (`-1|0=a|b`) rows the model has,
and the sentence-edge rows; Viterbi runs over all sentences of an article at once
(right-aligned batch), with crfsuite's recurrence and weights. The row table is word-major (a
word's five rows adjacent: one small block read per token), the pair features are looked up
in one sorted-key search, and the batch lanes are ordered longest run first so that each
Viterbi step computes only the lanes already running.

Tokens whose O score beats every other label by more than `CLEAR_MARGIN` (and that do not sit
between two unclear tokens) are labelled O without decoding; the runs between them are decoded
entered from and left to O. With `CLEAR_MARGIN = math.inf` the result is crfsuite's decoding
exactly; at 6.0 it changed 1 token in 3,676 news300 sentences, none in 1,631 Wojood sentences
and 2 in 3,000 NewsFANE sentences, and no entity of news300 (it halves the Viterbi steps).

The weights come from `ner_crf.weights.json`, exported from the crfsuite model by
`export_weights` (`scripts/train_crf.py` writes both).
"""

from __future__ import annotations

from itertools import repeat
from operator import itemgetter
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


def flatten(sents: list[tuple[list[str], list[str]]]) -> tuple[list[str], list[str], list[tuple[int, int]]]:
    """Sentences given as (words, gazetteer tags) laid end to end: words, tags, and each
    sentence's [start, end) in them (the decoder runs all sentences of an article at once)."""
    words: list[str] = []
    gtags: list[str] = []
    spans: list[tuple[int, int]] = []
    for ws, gs in sents:
        spans.append((len(words), len(words) + len(ws)))
        words += ws
        gtags += gs
    return words, gtags, spans


class WordRows:
    """Growing table of per-word-type score rows (own, -1, +1, -2, +2) and pair ids."""

    def __init__(self, n_labels: int, capacity: int = 4096) -> None:
        self.L = n_labels
        self.ids: dict[str, int] = {}
        # word-major: a word's five rows are adjacent, so gathering an article's words reads
        # one small block per token instead of five scattered rows (the table outgrows the cache)
        self.rows = np.zeros((capacity, 5, n_labels))  # word 0 is the empty neighbour
        self.sid = np.zeros(capacity, dtype=np.int64)  # stem id for pair features (0: none)
        self.n = 1

    def add_many(self, rows: np.ndarray, sids: list[int]) -> int:
        """Store the (k, 5, L) rows of k new word types; return the first one's id."""
        k = len(sids)
        need = self.n + k
        if need > self.rows.shape[0]:
            cap = self.rows.shape[0]
            while cap < need:
                cap *= 2
            grown = np.zeros((cap, 5, self.L))
            grown[:self.n] = self.rows[:self.n]
            sid = np.zeros(cap, dtype=np.int64)
            sid[:self.n] = self.sid[:self.n]
            self.rows, self.sid = grown, sid
        i = self.n
        self.rows[i:need] = rows
        self.sid[i:need] = sids
        self.n = need
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
        # one row per attribute and a zero row after them, the padding of `add_words`; `W`
        # is a view without it (no second copy of the table)
        self.zero_id = len(rows)
        rows.append([0.0] * L)
        self.Wz = np.array(rows, dtype=np.float64).reshape(-1, L)
        self.W = self.Wz[:-1]
        self.pair_stems = pair_stems
        self.pairs = pairs
        # the same pairs as sorted int keys (stem a * K + stem b) and rows, for one vectorised lookup
        self.pair_k = len(pair_stems) + 2
        keys = sorted(pairs)
        self.pair_keys = np.array([a * self.pair_k + b for a, b in keys], dtype=np.int64)
        self.pair_rows = np.array([pairs[k] for k in keys], dtype=np.float64).reshape(-1, L)
        self.zero = np.zeros(L)
        self.bos = self._sum([BOS])
        self.eos = self._sum([EOS])
        self.words = WordRows(L)
        self.O = self.labels.index("O")
        self.other = np.array([i for i in range(L) if i != self.O])
        self.clear_margin = CLEAR_MARGIN
        # gazetteer tag rows: index 0 = no tag
        self.gids: dict[str, int] = {"": 0}
        self.grows = np.zeros((1, 3, L))  # per tag: as own tag, as left and as right neighbour's

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
        if i is None:
            self.add_words([word], info)
            i = self.words.ids[word]
        return i

    def add_words(self, words: Sequence[str], info: Callable[[str], Any]) -> None:
        """Give every word of `words` not seen yet its five rows (see `word_id`), all of them
        with two gathers and three sums: new words cost a few list appends each, not five
        numpy calls. Each row is summed in feature order, as `_sum` does, with zero rows in
        the empty slots, so the floats are `_sum`'s (at most the sign of a zero differs)."""
        ids = self.words.ids
        new = list(dict.fromkeys(w for w in words if w not in ids))
        if not new:
            return
        if len(ids) + len(new) > 300_000:
            self.words = WordRows(self.L)  # bound memory on endless streams
            ids = self.words.ids
            new = list(dict.fromkeys(words))
        get = self.attr.get
        pget = self.pair_stems.get
        z = self.zero_id
        feats: list[Sequence[str]] = []
        nb: list[int] = []  # per word: -1 row (3 slots), +1 row (3 slots), -2 and +2 rows
        sids: list[int] = []
        fast_nb = hasattr(info(new[0]), "neighbour_ids")
        for word in new:
            w = info(word)
            feats.append(w.feats)
            if fast_nb:
                nb += w.neighbour_ids(get, z)
            else:  # any object with the four neighbour feature lists (at most 3, 3, 1, 1)
                for fs, width in ((w.m1, 3), (w.p1, 3), (w.m2, 1), (w.p2, 1)):
                    fids = [get(f, z) for f in fs]
                    if len(fids) > width:
                        raise ValueError(f"more than {width} neighbour features: {fs}")
                    nb += fids + [z] * (width - len(fids))
            sids.append(pget(w.stem, 0))
        k = len(new)
        L = self.L
        # own rows: every word's feature ids padded with the zero row to the longest, one
        # gather, one sum along the features (numpy adds along that axis in order, as `_sum`
        # does, and the zero row adds nothing, so the floats are `_sum`'s)
        m = max(map(len, feats)) or 1
        flat: list[int] = []
        pad = [z] * m
        for fs in feats:
            flat += map(get, fs, repeat(z, len(fs)))
            if len(fs) < m:
                flat += pad[len(fs):]
        rows = np.empty((k, 5, L))
        rows[:, 0] = self.Wz[flat].reshape(k, m, L).sum(axis=1)
        nbr = self.Wz[nb].reshape(k, 8, L)
        rows[:, 1] = nbr[:, 0:3].sum(axis=1)
        rows[:, 2] = nbr[:, 3:6].sum(axis=1)
        rows[:, 3:5] = nbr[:, 6:8]
        first = self.words.add_many(rows, sids)
        ids.update(zip(new, range(first, first + len(new))))

    def gaz_id(self, tag: str) -> int:
        """Row id of a gazetteer tag (`B-GPE`, `role` …)."""
        i = self.gids.get(tag)
        if i is None:
            i = len(self.gids)
            rows = np.stack([self._sum(["g=" + tag]), self._sum(["g-1=" + tag]), self._sum(["g+1=" + tag])])
            self.grows = np.concatenate([self.grows, rows[None]], axis=0)
            self.gids[tag] = i
        return i

    def tag_batch(self, sents: list[tuple[list[str], list[str]]],
                  info: Callable[[str], Any]) -> list[list[str]]:
        """IOB labels for sentences given as (words, gazetteer tags)."""
        return self.tag_spans(*flatten(sents), info)

    def tag_spans(self, words: Sequence[str], gtags: Sequence[str], spans: list[tuple[int, int]],
                  info: Callable[[str], Any], all_o: list[str] | None = None) -> list[list[str]]:
        """IOB labels for the sentences `words[i:j]` of each (i, j) in `spans`, given every
        word's gazetteer tag (an article's words are looked up once, not per sentence); a
        sentence labelled all O is given as `all_o` when that is not None."""
        if not spans:
            return []
        # one C-level lookup of every word (and tag); a KeyError means some are new
        wall: Sequence[int]
        gall: Sequence[int]
        try:
            wall = itemgetter(*words)(self.words.ids) if len(words) > 1 else [self.words.ids[w] for w in words]
        except KeyError:
            self.add_words(words, info)  # may renew the table (memory bound): look up again
            wall = list(map(self.words.ids.get, words))
        try:
            gall = itemgetter(*gtags)(self.gids) if len(gtags) > 1 else [self.gids[g] for g in gtags]
        except KeyError:
            gall = [self.gaz_id(g) for g in gtags]
        # Sentences are laid out with two empty slots (word id 0, gazetteer id 0: zero rows)
        # before, between and after them, so every neighbour row is a plain slice.
        wid: list[int] = [0, 0]
        gid: list[int] = [0, 0]
        first: list[int] = []
        last: list[int] = []
        for i, j in spans:
            first.append(len(wid))
            wid += wall[i:j]
            gid += gall[i:j]
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
        # E[i] for slot i in 2 .. N-3 (pads included, never decoded): own row, the neighbours'
        # rows, then the gazetteer-tag rows
        B = R.take(ids, axis=0)  # (N, 5, L): each slot's word block (`take`: faster than R[ids])
        E = np.zeros((N, self.L))
        inner = E[2:-2]
        np.add(B[2:-2, 0], B[1:-3, 1], out=inner)
        inner += B[3:-1, 2]
        inner += B[:-4, 3]
        inner += B[4:, 4]
        GB = G.take(gids, axis=0)  # (N, 3, L): each slot's gazetteer-tag block
        inner += GB[2:-2, 0]
        inner += GB[1:-3, 1]
        inner += GB[3:-1, 2]
        E[starts] += self.bos
        E[ends] += self.eos
        # word-pair features: only where both stems occur in some pair of the model
        sids = self.words.sid.take(ids)
        prev_sid = np.concatenate([[0], sids[:-1]])
        prev_sid[starts] = 1  # `<s>`
        hit = ((sids > 0) & (prev_sid > 0)).nonzero()[0]
        if len(hit) and len(self.pair_keys):
            keys = prev_sid.take(hit) * self.pair_k + sids.take(hit)
            pos = self.pair_keys.searchsorted(keys)
            pos[pos == len(self.pair_keys)] = 0
            found = self.pair_keys.take(pos) == keys
            E[hit[found]] += self.pair_rows[pos[found]]
        out = np.empty(N, dtype=np.int64)
        out.fill(self.O)
        # Tokens whose O score beats every other label by more than `clear_margin` are O:
        # only the runs of other tokens between them are decoded (entered from and left to O).
        real = ids != 0  # word id 0 is only ever a pad slot
        ET = E.T
        # elementwise over label rows (exact); ufunc reductions skip ndarray.max's Python layer
        margin = ET[self.O] - np.maximum.reduce(ET[self.other], axis=0)
        active = (margin <= self.clear_margin) & real
        if np.logical_or.reduce(active):
            # a clear token between two unclear ones may still glue a name (`محمد بن سلمان`);
            # pads are never active (the first and last two slots are pads), so nothing glues
            # across sentences
            glue = active[:-2] & active[2:]
            glue &= real[1:-1]
            active[1:-1] |= glue
            a8 = active.view(np.int8)
            step = a8[1:] - a8[:-1]  # +1 where a run begins, -1 after it ends
            seg_start = (step == 1).nonzero()[0] + 1
            seg_end = (step == -1).nonzero()[0]
            after_o = real[seg_start - 1]
            before_o = real[seg_end + 1]
            tok = active.nonzero()[0]
            path = self._viterbi(E, tok, seg_start, seg_end - seg_start + 1, after_o, before_o)
            out[tok] = path
        # label strings only for sentences with some name; the others are all O
        labels = self.labels
        named = np.add.reduceat(out != self.O, first).tolist() if len(first) else []
        res: list[list[str]] = []
        for a, b, k in zip(first, last, named):
            if k:
                res.append([labels[x] for x in out[a:b + 1].tolist()])
            else:
                res.append(["O"] * (b + 1 - a) if all_o is None else all_o)
        return res

    def _viterbi(self, E: np.ndarray, tok: np.ndarray, starts: np.ndarray, lens: np.ndarray,
                 after_o: np.ndarray, before_o: np.ndarray) -> np.ndarray:
        """Best labels of the tokens `tok` (runs beginning at `starts`, `lens` long, in order), all
        runs right-aligned in one batch; a run `after_o` is entered from an O label, one
        `before_o` is left to one."""
        S = len(starts)
        T = int(np.maximum.reduce(lens))
        L = self.L
        # Lanes hold the runs longest first, right-aligned: at step t the lanes already
        # running are a prefix (`live[t]` of them), and only that prefix is computed (on
        # news300 ≈ 12 of ≈ 45 lanes per step; numpy's cost here grows with the lane count).
        order = (-lens).argsort(kind="stable")
        lane = np.empty(S, dtype=np.intp)
        lane[order] = np.arange(S)
        pad = T - lens.take(order)  # where each lane's run begins, ascending
        live = pad.searchsorted(np.arange(T), side="right").tolist()
        run_of = np.arange(S).repeat(lens)
        lane_of = lane.take(run_of)
        # a token's step: its slot minus its run's first slot, plus its lane's padding
        cols = tok + (pad.take(lane) - starts).take(run_of)
        # A lane waits in a virtual O state (score 0, the rest -1e9) until its run begins, so the
        # run's first token is entered from O, as right after a clear O token; the entry is
        # undone at a sentence start.
        trans = self.trans
        O = self.O
        batch = np.zeros((T, S, L))
        batch[cols, lane_of] = E.take(tok, axis=0)
        at_start = lane.take((~after_o).nonzero()[0])
        batch[pad.take(at_start), at_start] -= trans[O]
        back = np.zeros((T, S, L), dtype=np.intp)
        trT = trans.T[None]  # (1, to, from)
        cand = np.empty((S, L, L))
        flat = cand.reshape(-1)
        offsets = (np.arange(S * L) * L).reshape(S, L)  # where each (lane, label) row starts in `flat`
        at = np.empty((S, L), dtype=np.intp)
        delta = np.empty((S, L))
        delta.fill(-1e9)
        delta[:, O] = 0.0
        add, take = np.add, flat.take  # the method: `np.take` is a Python-level wrapper
        views: dict[int, tuple] = {}  # the live prefix changes only a few times: views per size
        for t, bt, et in zip(range(T), back, batch):
            k = live[t]
            v = views.get(k)
            if v is None:
                v = views[k] = (delta[:k], delta[:k, None, :], cand[:k], offsets[:k], at[:k])
            dk, dk3, ck, ok, ak = v
            add(dk3, trT, out=ck)
            best = bt[:k]
            ck.argmax(2, out=best)
            add(ok, best, out=ak)
            take(ak, out=dk)  # the max, read at the argmax (cheaper than a second reduction)
            dk += et[:k]
        delta[lane[before_o]] += trans[:, O]
        y = delta.argmax(axis=1)
        # backtrace: per step, one gather from that step's (lane, label) pointers, as a 1-D
        # `take` at precomputed row offsets (cheaper than 2-D fancy indexing)
        off = (np.arange(T) * (S * L))[:, None] + np.arange(S) * L
        pointers = back.reshape(-1).take
        ys = [y]
        for t in range(T - 1, 0, -1):
            y = pointers(off[t] + y)
            ys.append(y)
        path = np.array(ys[::-1])
        return path[cols, lane_of]
