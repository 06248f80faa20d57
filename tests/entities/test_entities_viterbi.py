"""The numpy decoder gives crfsuite's own labels on real news sentences."""

import json
import math
from pathlib import Path

import pycrfsuite

from rasid.entities import crf
from rasid.entities.gazetteer import get_gazetteer
from rasid.entities.matcher import Normalised, find_matches
from rasid.text.sentences import split_sentences
from rasid.text.tokens import tokenize

GOLD = Path(__file__).resolve().parents[2].parent / "shared" / "gold" / "dev.jsonl"


def _sentences(n_articles: int = 6) -> list:
    gz = get_gazetteer()
    out = []
    for line in GOLD.read_text(encoding="utf-8").splitlines()[:n_articles]:
        text = json.loads(line)["text"]
        toks = tokenize(text)
        g = crf.gaz_tags(toks, find_matches(gz, Normalised.of(text)), gz)
        for s, e in split_sentences(text):
            idx = [i for i, t in enumerate(toks) if t.start >= s and t.end <= e]
            if idx:
                out.append(([toks[i] for i in idx], [g[i] for i in idx]))
    return out


def test_fast_decoder_matches_crfsuite() -> None:
    gz = get_gazetteer()
    assert crf.has_model() and crf._RES.fast is not None
    ref = pycrfsuite.Tagger()
    ref.open(str(crf.MODEL_PATH))
    sents = _sentences()
    expected = [list(ref.tag(crf.sequence_features(t, g, gz))) for t, g in sents]
    fast = crf._RES.fast
    saved = fast.clear_margin
    try:
        fast.clear_margin = math.inf  # every token decoded: crfsuite's result exactly
        assert crf.tag_sentences(sents, gz) == expected
        # confident O tokens skipped: (almost) never a different label on words (a rule of
        # dashes, a junk "sentence", may come out differently; it holds no name either way)
        fast.clear_margin = saved
        wordy = [i for i, (t, _) in enumerate(sents) if any(ch.isalpha() for x in t for ch in x.text)]
        got = crf.tag_sentences([sents[i] for i in wordy], gz)
        tokens = sum(len(expected[i]) for i in wordy)
        differ = sum(a != b for i, g in zip(wordy, got) for a, b in zip(expected[i], g))
        assert differ <= tokens // 1000
    finally:
        fast.clear_margin = saved
