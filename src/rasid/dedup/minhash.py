"""Near-duplicate stories: MinHash over normalised word shingles, LSH bands kept in SQLite.

Wire copies and lightly edited versions of one story across outlets share most of their word
3-grams once spelling variation is folded (`rasid.text.normalize`). Each article gets a
datasketch MinHash signature; the signature is cut into `bands` bands of `rows` values and
each band's 64-bit hash is stored in `lsh_bands`. Two articles are candidates when they share
a band key (the classic LSH banding that datasketch's MinHashLSH does in memory); candidates
are kept when their estimated Jaccard similarity reaches `threshold`.

Keeping the bands in SQLite instead of an in-memory MinHashLSH makes the index incremental
across ingests with no rebuild, and transactional with the articles: a batch that is rolled
back (crash, kill) leaves no orphan LSH entries behind.

Story clusters are connected components of the near-duplicate relation; a story's id is the
smallest article id in it. When a new article links two stories, the later one is relabelled.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash
from datasketch.lsh import _optimal_param

from rasid.text.normalize import normalize

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class MinHashParams:
    """Parameters that must stay fixed for the lifetime of a database (stored in `meta`)."""

    num_perm: int = 128
    shingle: int = 3  # words per shingle
    threshold: float = 0.4  # Jaccard estimate needed to join a story
    lsh_threshold: float = 0.35  # banding tuned a little lower so borderline pairs are candidates
    seed: int = 1
    scheme: str = "affine32"  # datasketch's hashing scheme; fixed so a library upgrade cannot change it

    def bands_rows(self) -> tuple[int, int]:
        """LSH (bands, rows) minimising false positive + negative rates at `lsh_threshold`."""
        return _optimal_param(self.lsh_threshold, self.num_perm, 0.5, 0.5)


def shingles(text: str, k: int = 3) -> set[str]:
    """Word k-shingles of the normalised text (the whole word list when it is shorter than k)."""
    words = _WORD.findall(normalize(text))
    if not words:
        return set()
    if len(words) < k:
        return {" ".join(words)}
    return {" ".join(words[i:i + k]) for i in range(len(words) - k + 1)}


def signature(text: str, params: MinHashParams = MinHashParams()) -> MinHash | None:
    """The MinHash of `text`'s shingles, or None for an empty text."""
    sh = shingles(text, params.shingle)
    if not sh:
        return None
    m = MinHash(num_perm=params.num_perm, seed=params.seed, scheme=params.scheme)
    m.update_batch([s.encode("utf-8") for s in sh])
    return m


def band_keys(m: MinHash, bands: int, rows: int) -> list[int]:
    """One signed 64-bit key per band (fits an SQLite INTEGER)."""
    hv = m.hashvalues.astype(np.uint64)
    keys = []
    for b in range(bands):
        chunk = hv[b * rows:(b + 1) * rows].tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


def jaccard(a: MinHash, b: MinHash) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a.hashvalues == b.hashvalues)) / len(a.hashvalues)


class StoryIndex:
    """Incremental near-duplicate index and story clustering on an open store connection."""

    def __init__(self, conn: sqlite3.Connection, params: MinHashParams | None = None) -> None:
        """Bind to `conn`, reusing the parameters the database was built with."""
        self.conn = conn
        row = conn.execute("SELECT value FROM meta WHERE key = 'minhash'").fetchone()
        if row:
            self.params = MinHashParams(**json.loads(row[0]))
        else:
            self.params = params or MinHashParams()
            conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('minhash', ?)",
                         (json.dumps(self.params.__dict__),))
        self.bands, self.rows = self.params.bands_rows()

    def _load(self, pk: int) -> MinHash | None:
        """The stored signature of article `pk`."""
        row = self.conn.execute("SELECT sig FROM minhashes WHERE article = ?", (pk,)).fetchone()
        if not row:
            return None
        hv = np.frombuffer(row[0], dtype=np.uint64)
        return MinHash(num_perm=self.params.num_perm, seed=self.params.seed, hashvalues=hv,
                       scheme=self.params.scheme)

    def near_duplicates(self, m: MinHash, exclude: int | None = None) -> list[tuple[int, float]]:
        """Stored articles whose estimated Jaccard with `m` reaches the threshold, best first."""
        keys = band_keys(m, self.bands, self.rows)
        cands: set[int] = set()
        for b, key in enumerate(keys):
            for (pk,) in self.conn.execute(
                    "SELECT article FROM lsh_bands WHERE band = ? AND key = ?", (b, key)):
                if pk != exclude:
                    cands.add(pk)
        out = []
        for pk in cands:
            other = self._load(pk)
            if other is not None:
                j = jaccard(m, other)
                if j >= self.params.threshold:
                    out.append((pk, j))
        return sorted(out, key=lambda x: (-x[1], x[0]))

    def add(self, pk: int, text: str) -> int:
        """Index article `pk` and assign its story (joining and merging near-duplicate stories)."""
        m = signature(text, self.params)
        if m is None:
            self.conn.execute("UPDATE articles SET story = ? WHERE id = ?", (pk, pk))
            return pk
        dups = self.near_duplicates(m, exclude=pk)
        stories: set[int] = set()
        for other, _ in dups:
            row = self.conn.execute("SELECT story FROM articles WHERE id = ?", (other,)).fetchone()
            if row and row[0] is not None:
                stories.add(int(row[0]))
        story = min(stories | {pk})
        self.conn.execute("UPDATE articles SET story = ? WHERE id = ?", (story, pk))
        for s in stories - {story}:
            # Two stories joined through this article: relabel the later one.
            self.conn.execute("UPDATE articles SET story = ? WHERE story = ?", (story, s))
        self.conn.execute("INSERT OR REPLACE INTO minhashes(article, sig) VALUES (?, ?)",
                          (pk, m.hashvalues.astype(np.uint64).tobytes()))
        self.conn.executemany("INSERT OR IGNORE INTO lsh_bands(band, key, article) VALUES (?, ?, ?)",
                              [(b, k, pk) for b, k in enumerate(band_keys(m, self.bands, self.rows))])
        return story
