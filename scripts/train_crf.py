"""Train the CRF named-entity tagger of the entities stage.

Data (both licensed for training, see /work/shared/README.md):
- NewsFANE Gold 2014 (`token<TAB>tag`, IOB2, 50 fine types; UTF-8 BOM, CRLF, U+200E marks);
- the Wojood sample (`token TAG1 [TAG2 …]`, nested, 21 types; `$#$ O` ends a sentence).
Fine types are mapped to PER / ORG / GPE / LOC (outermost relevant tag for nested Wojood).
ANERcorp (/work/shared/data/eval) is evaluation only and is never read here.

Writes `src/rasid/data/models/ner_crf.crfsuite`, its weights for the run-time decoder
(`ner_crf.weights.json`), `common_words.txt` and `ordinary_words.txt`; copies the word classes
(`--clusters`, from `scripts/build_word_clusters.py`) next to them. Deterministic
(fixed seed for gazetteer-feature dropout); a few minutes on one core.

    .venv/bin/python scripts/train_crf.py [--c1 0.1] [--c2 0.01] [--iters 150] [--holdout]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import time
from collections import Counter
from pathlib import Path

import pycrfsuite

from rasid.entities import crf
from rasid.entities.gazetteer import get_gazetteer
from rasid.entities.matcher import Normalised, find_matches
from rasid.entities.viterbi import export_weights
from rasid.text.normalize import normalize
from rasid.text.tokens import Token

SHARED = Path(__file__).resolve().parents[2] / "shared"
NEWSFANE = SHARED / "data/ner/newsfane/NewsFANE_Gold_2014_170K.txt"
WOJOOD = SHARED / "data/ner/wojood-sample"

NEWSFANE_MAP: dict[str, str] = {
    **{t: "PER" for t in ("Politician", "Athlete", "Artist", "Other_PER", "Religious_PER", "Scientist",
                          "Businessperson", "Lawyer", "Engineer", "Police")},
    **{t: "ORG" for t in ("Government", "Non-Governmental", "Commercial", "Educational", "Media",
                          "Religious_ORG", "Sports", "Medical-Science", "Entertainment")},
    **{t: "GPE" for t in ("Nation", "Population-Center", "State-or-Province", "County-or-District")},
    **{t: "LOC" for t in ("GPE-Cluster", "Continent", "Water-Body", "Land-Region-Natural", "Celestial",
                          "Address", "Boundary", "Region-General", "Region-International",
                          "Building-Grounds", "Airport", "Path", "Subarea-Facility", "Plant")},
    # `Group` (العرب, المسلمين: peoples), vehicles, works, weapons, software: not entities here
}
WOJOOD_MAP: dict[str, str] = {"PERS": "PER", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "LOC"}

Sentence = list[tuple[str, str]]


def read_newsfane(path: Path) -> list[Sentence]:
    """NewsFANE sentences as (token, coarse IOB2 tag) pairs."""
    text = path.read_text(encoding="utf-8-sig").replace("\r", "").replace("\u200e", "")
    sents: list[Sentence] = []
    cur: Sentence = []
    for line in text.split("\n"):
        tok, _, tag = line.partition("\t")
        tok, tag = tok.strip(), tag.strip()
        if not tok:  # a bare tab (or empty line) ends a sentence
            if cur:
                sents.append(cur)
            cur = []
            continue
        lab = "O"
        if tag[:2] in ("B-", "I-") and tag[2:] in NEWSFANE_MAP:
            lab = tag[:2] + NEWSFANE_MAP[tag[2:]]
        cur.append((tok, lab))
    if cur:
        sents.append(cur)
    return [_repair(_reattach(s)) for s in sents]


# NewsFANE writes some clitics apart (`و الفلك`, `ان ه`, `ف ان ن ي`); news text and ANERcorp
# do not. Glue them back so that training tokens look like run-time tokens.
_CONJ_TOKENS = {"و", "ف"}
_SUFFIX_TOKENS = {"ه", "ها", "هم", "هما", "هن", "كم", "ني", "نا", "ي", "ن"}


def _reattach(sent: Sentence) -> Sentence:
    """Join detached conjunctions to the next word and pronoun suffixes to the previous one."""
    out: Sentence = []
    pending = ""
    for tok, lab in sent:
        if tok in _SUFFIX_TOKENS and out and out[-1][0][-1:].isalpha() and not pending:
            prev = out[-1][0]
            if prev.endswith("ة"):
                prev = prev[:-1] + "ت"  # ta marbuta before a suffix is written ت
            out[-1] = (prev + tok, out[-1][1])
            continue
        if tok in _CONJ_TOKENS:
            pending += tok
            continue
        if pending:
            if not tok[:1].isalpha():
                out.append((pending, "O"))
            else:
                tok = pending + tok
            pending = ""
        out.append((tok, lab))
    if pending:
        out.append((pending, "O"))
    return out


def read_wojood(paths: list[Path]) -> list[Sentence]:
    """Wojood sentences, nested tags reduced to the outermost PER/ORG/GPE/LOC one."""
    sents: list[Sentence] = []
    for path in paths:
        cur: Sentence = []
        for line in path.read_text(encoding="utf-8").replace("\r", "").split("\n"):
            parts = line.split()
            if not parts or parts[0] == "$#$":
                if cur:
                    sents.append(cur)
                cur = []
                continue
            tok, tags = parts[0], parts[1:]
            lab = "O"
            for t in tags:
                if t[:2] in ("B-", "I-") and t[2:] in WOJOOD_MAP:
                    lab = t[:2] + WOJOOD_MAP[t[2:]]
                    break
            cur.append((tok, lab))
        if cur:
            sents.append(cur)
    return [_repair(s) for s in sents]


def _repair(sent: Sentence) -> Sentence:
    """Valid IOB2: an I- that does not continue a chunk of its type becomes B-."""
    out: Sentence = []
    prev = "O"
    for tok, lab in sent:
        if lab.startswith("I-") and prev[2:] != lab[2:]:
            lab = "B-" + lab[2:]
        out.append((tok, lab))
        prev = lab
    return out


def countries_as_gpe(sents: list[Sentence], gz) -> list[Sentence]:
    """Wojood tags a country acting as an agent ORG (`روسيا B-ORG`); the guide and ANERcorp call
    it a place: one-token-span ORGs that are country or city names become GPE."""
    out: list[Sentence] = []
    for sent in sents:
        new = list(sent)
        for i, (tok, lab) in enumerate(sent):
            if lab != "B-ORG" or (i + 1 < len(sent) and sent[i + 1][1] == "I-ORG"):
                continue
            s = crf.stem_of(normalize(tok), gz)
            if any(p.how == "form" and gz.entries[p.entry].kind in ("country", "city", "capital")
                   for p in gz.lookup(s)):
                new[i] = (tok, "B-GPE")
        out.append(new)
    return out


def as_tokens(sent: Sentence, gz, drop_gaz: bool = False) -> tuple[list[Token], list[str]]:
    """Tokens of a training sentence (words joined by spaces) and their gazetteer tags."""
    text_parts: list[str] = []
    tokens: list[Token] = []
    pos = 0
    for tok, _ in sent:
        tokens.append(Token(pos, pos + len(tok), tok))
        text_parts.append(tok)
        pos += len(tok) + 1
    text = " ".join(text_parts)
    gtags = [""] * len(tokens) if drop_gaz else crf.gaz_tags(tokens, find_matches(gz, Normalised.of(text)), gz)
    return tokens, gtags


def featurise(sent: Sentence, gz, drop_gaz: bool) -> list[list[str]]:
    """Features of a training sentence, computed exactly as at run time."""
    return crf.sequence_features(*as_tokens(sent, gz, drop_gaz), gz)


def word_counts(sents: list[Sentence], gz) -> tuple[Counter[str], Counter[str]]:
    """How often each normalised word (and its stem) is outside / inside a name."""
    o_count: Counter[str] = Counter()
    ent_count: Counter[str] = Counter()
    for sent in sents:
        for tok, lab in sent:
            n = normalize(tok)
            for k in {n, crf.stem_of(n, gz)}:
                (o_count if lab == "O" else ent_count)[k] += 1
    return o_count, ent_count


def common_words(counts: tuple[Counter[str], Counter[str]], min_count: int = 4) -> list[str]:
    """Words seen often and almost never inside a name."""
    o_count, ent_count = counts
    return sorted(w for w, c in o_count.items()
                  if c >= min_count and ent_count[w] * 10 <= c and any(ch.isalpha() for ch in w))


def ordinary_words(counts: tuple[Counter[str], Counter[str]], min_count: int = 3) -> list[str]:
    """Words outside names at least as often as inside (`العربية`, `فتح`)."""
    o_count, ent_count = counts
    return sorted(w for w, c in o_count.items()
                  if c >= min_count and ent_count[w] <= c and any(ch.isalpha() for ch in w))


def main(argv: list[str] | None = None) -> int:
    """Train and write the model; with --holdout also report token-level dev scores."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--c1", type=float, default=0.1)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--iters", type=int, default=150)
    ap.add_argument("--gaz-dropout", type=float, default=0.3)
    ap.add_argument("--holdout", action="store_true", help="hold out Wojood val/test and report")
    ap.add_argument("--out", type=Path, default=crf.MODEL_DIR)
    ap.add_argument("--clusters", type=Path, default=crf.CLUSTERS_PATH,
                    help="word classes (scripts/build_word_clusters.py); 'none' for no cluster features")
    args = ap.parse_args(argv)

    t0 = time.time()
    gz = get_gazetteer()
    print(f"gazetteer: {len(gz.entries)} entries, files {gz.files}", file=sys.stderr)
    nf = read_newsfane(NEWSFANE)
    wj_files = [WOJOOD / "train.txt"] + ([] if args.holdout else [WOJOOD / "val.txt", WOJOOD / "test.txt"])
    wj = countries_as_gpe(read_wojood(wj_files), gz)
    train = nf + wj
    print(f"sentences: newsfane {len(nf)}, wojood {len(wj)}; tokens {sum(map(len, train))}", file=sys.stderr)

    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / crf.CLUSTERS_PATH.name
    if str(args.clusters) == "none" or not args.clusters.exists():
        # no word classes (none are shipped: they did not help); a stale copy would be read
        target.unlink(missing_ok=True)
    elif args.clusters.resolve() != target.resolve():
        shutil.copyfile(args.clusters, target)
    counts = word_counts(train, gz)
    common = common_words(counts)
    (args.out / "common_words.txt").write_text("\n".join(common) + "\n", encoding="utf-8")
    ordinary = ordinary_words(counts)
    (args.out / "ordinary_words.txt").write_text("\n".join(ordinary) + "\n", encoding="utf-8")
    # features use the common-word list: reload it (from --out) before featurising
    crf.use_model_dir(args.out)
    crf.load_common()

    rng = random.Random(13)
    trainer = pycrfsuite.Trainer(verbose=False)
    for sent in train:
        trainer.append(featurise(sent, gz, rng.random() < args.gaz_dropout), [lab for _, lab in sent])
    print(f"features built in {time.time() - t0:.0f}s", file=sys.stderr)
    trainer.set_params({"c1": args.c1, "c2": args.c2, "max_iterations": args.iters,
                        "feature.possible_transitions": True})
    model = args.out / "ner_crf.crfsuite"
    trainer.train(str(model))
    export_weights(model, args.out / crf.WEIGHTS_PATH.name)  # what the run-time decoder reads
    print(f"trained in {time.time() - t0:.0f}s; model {model.stat().st_size / 1e6:.1f} MB, "
          f"{len(common)} common words", file=sys.stderr)

    if args.holdout:
        crf.use_model_dir(args.out)
        crf.load_common()
        dev = countries_as_gpe(read_wojood([WOJOOD / "val.txt", WOJOOD / "test.txt"]), gz)
        tp = fp = fn = 0
        for sent in dev:
            gold = set(crf.spans_from_iob([lab for _, lab in sent]))
            pred = set(crf.spans_from_iob(crf.tag_tokens(*as_tokens(sent, gz), gz)))
            tp += len(gold & pred)
            fp += len(pred - gold)
            fn += len(gold - pred)
        p = tp / (tp + fp) if tp + fp else 0
        r = tp / (tp + fn) if tp + fn else 0
        print(f"wojood holdout: P {p:.3f} R {r:.3f} F1 {2 * p * r / (p + r) if p + r else 0:.3f}",
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
