"""The first-sight shortcuts (batched word rows, single-token normalisation, clitic runs) give
the same numbers and strings as the plain computations, on real news text."""

import json
from pathlib import Path

import numpy as np

from rasid.entities import crf
from rasid.entities.gazetteer import get_gazetteer
from rasid.entities.viterbi import WordRows
from rasid.text.normalize import normalize, normalize_with_map
from rasid.text.tokens import split_clitics, tokenize

GOLD = Path(__file__).resolve().parents[2].parent / "shared" / "gold" / "dev.jsonl"


def _words(n_articles: int = 8) -> list[str]:
    out: list[str] = []
    for line in GOLD.read_text(encoding="utf-8").splitlines()[:n_articles]:
        out += [t.text for t in tokenize(json.loads(line)["text"])]
    return out


def test_batched_word_rows_equal_summed_features() -> None:
    gz = get_gazetteer()
    assert crf.has_model() and crf._RES.fast is not None
    fast = crf._RES.fast
    words = list(dict.fromkeys(_words()))
    saved = fast.words
    fast.words = WordRows(fast.L)  # a fresh table: every word is new, added in one batch
    try:
        fast.add_words(words, lambda w: crf.word_info(w, gz))
        for w in words:
            info = crf.word_info(w, gz)
            want = np.stack([fast._sum(info.feats), fast._sum(info.m1), fast._sum(info.p1),
                             fast._sum(info.m2), fast._sum(info.p2)])
            got = fast.words.rows[fast.words.ids[w]]
            assert (got == want).all(), w
            assert fast.words.sid[fast.words.ids[w]] == fast.pair_stems.get(info.stem, 0)
    finally:
        fast.words = saved


def test_neighbour_ids_follow_neighbour_features() -> None:
    gz = get_gazetteer()
    crf.load_common()
    fast = crf._RES.fast
    get, z = fast.attr.get, fast.zero_id
    for w in dict.fromkeys(_words(3)):
        info = crf.word_info(w, gz)
        ids = info.neighbour_ids(get, z)
        for feats, slots in ((info.m1, ids[0:3]), (info.p1, ids[3:6]), (info.m2, ids[6:7]), (info.p2, ids[7:8])):
            assert [i for i in slots if i != z] == [get(f) for f in feats if get(f) is not None]


def test_single_token_shortcuts_equal_general_code() -> None:
    gz = get_gazetteer()
    words = set(_words()) | {"وَبِالْحُكُومَةِ", "لــلاتحاد", "a\u200fb", "x\ty", "فــي", "ب", "ولل"}
    for w in words:
        assert normalize(w) == normalize_with_map(w)[0], w
        # the clitic split of the surface word keeps its diacritics and tatweel as written
        pre = split_clitics(w, gz.is_known)
        assert w.startswith(pre)
