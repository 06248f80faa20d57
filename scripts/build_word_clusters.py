"""Unsupervised word clusters for the CRF: distributional classes of clitic-stripped stems.

Text: the bodies of `/work/shared/corpus/news300.jsonl` (cleaned as the pipeline cleans them)
and the words of the NER training corpora (NewsFANE, Wojood train; labels not read). Wojood
val/test (the CRF's held-out check) and ANERcorp (evaluation only) are never read.

Method: every stem seen `--min-count` times or more is described by counts of the stems right
before and right after it (the `--contexts` most frequent stems as features), weighted by
positive PMI, reduced by truncated SVD to `--dims` dimensions, length-normalised, and grouped
by spherical k-means (`--k` classes, fixed seed). Output: `rasid/data/models/word_clusters.tsv`
(`stem<TAB>class`), read by `rasid.entities.crf` as the features `c=`, `c-1=`, `c+1=`.

    .venv/bin/python scripts/build_word_clusters.py [--k 300] [--min-count 3]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import train_crf  # noqa: E402  (corpus readers)

from rasid.article import Article  # noqa: E402
from rasid.entities import crf  # noqa: E402
from rasid.entities.gazetteer import get_gazetteer  # noqa: E402
from rasid.ingest.clean import clean_stage  # noqa: E402
from rasid.text.sentences import split_sentences  # noqa: E402
from rasid.text.tokens import tokenize  # noqa: E402

NEWS = train_crf.SHARED / "corpus" / "news300.jsonl"
OUT = crf.MODEL_DIR / "word_clusters.tsv"


def sentences() -> list[list[str]]:
    """Word sequences of the unlabelled text."""
    out: list[list[str]] = []
    for line in NEWS.read_text(encoding="utf-8").splitlines():
        a = clean_stage(Article(raw=json.loads(line)["text"]))
        for s, e in split_sentences(a.text):
            out.append([t.text for t in tokenize(a.text[s:e])])
    for sent in train_crf.read_newsfane(train_crf.NEWSFANE) + train_crf.read_wojood([train_crf.WOJOOD / "train.txt"]):
        out.append([tok for tok, _ in sent])
    return out


def main(argv: list[str] | None = None) -> int:
    """Build the clusters and write them."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--k", type=int, default=300)
    ap.add_argument("--dims", type=int, default=64)
    ap.add_argument("--contexts", type=int, default=3000)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--iters", type=int, default=25)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)

    gz = get_gazetteer()
    crf.load_common()
    stems = [["<s>"] + [crf.word_info(w, gz).stem for w in s] + ["</s>"] for s in sentences()]
    freq = Counter(w for s in stems for w in s)
    vocab = sorted((w for w, c in freq.items() if c >= args.min_count and w not in ("<s>", "</s>")),
                   key=lambda w: (-freq[w], w))
    ctx = [w for w, _ in freq.most_common(args.contexts)]
    vi = {w: i for i, w in enumerate(vocab)}
    ci = {w: i for i, w in enumerate(ctx)}
    C = len(ctx)
    M = np.zeros((len(vocab), 2 * C))
    for s in stems:
        for j in range(1, len(s) - 1):
            i = vi.get(s[j])
            if i is None:
                continue
            left, right = ci.get(s[j - 1]), ci.get(s[j + 1])
            if left is not None:
                M[i, left] += 1
            if right is not None:
                M[i, C + right] += 1
    total = M.sum()
    pmi = np.log(np.maximum(M * total, 1e-12) / np.outer(M.sum(1) + 1e-12, M.sum(0) + 1e-12))
    P = np.where(M > 0, np.maximum(pmi, 0), 0)
    U, S, _ = np.linalg.svd(P, full_matrices=False)
    X = U[:, :args.dims] * S[:args.dims]
    X /= np.linalg.norm(X, axis=1, keepdims=True) + 1e-12
    rng = np.random.default_rng(13)
    cent = X[rng.choice(len(X), args.k, replace=False)]
    for _ in range(args.iters):
        lab = (X @ cent.T).argmax(1)
        for k in range(args.k):
            m = X[lab == k]
            if len(m):
                c = m.sum(0)
                cent[k] = c / (np.linalg.norm(c) + 1e-12)
    lab = (X @ cent.T).argmax(1)
    args.out.write_text("".join(f"{w}\t{int(c)}\n" for w, c in zip(vocab, lab)), encoding="utf-8")
    print(f"{len(vocab)} stems in {args.k} classes -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
