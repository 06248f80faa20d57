"""Normalisation offsets (fast path equals the plain definition) and the name-folding key."""

import json
from pathlib import Path

from rasid.text.normalize import INVISIBLE, TATWEEL, _FOLD, DIACRITICS, fold_name, normalize_with_map

GOLD = Path(__file__).resolve().parents[2].parent / "shared" / "gold" / "dev.jsonl"


def _reference(text: str) -> tuple[str, list[int]]:
    """normalize_with_map written character by character, as the module docstring defines it."""
    out, idx, prev_space = [], [], False
    for i, ch in enumerate(text):
        if ch in INVISIBLE or ch == TATWEEL or DIACRITICS.match(ch):
            continue
        if ch.isspace():
            if not prev_space:
                out.append(" ")
                idx.append(i)
            prev_space = True
            continue
        prev_space = False
        out.append(_FOLD.get(ch, ch))
        idx.append(i)
    return "".join(out), idx


def test_fast_map_equals_reference_on_gold_texts() -> None:
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        text = json.loads(line)["text"]
        assert normalize_with_map(text) == _reference(text)


def test_map_points_back_to_original_characters() -> None:
    text = "وشدّد  بوريل\u200e على أنَّ الاتحادَ الأوروبيّ"
    norm, idx = normalize_with_map(text)
    start = norm.index("الاتحاد الاوروبي")
    end = start + len("الاتحاد الاوروبي")
    assert text[idx[start]:idx[end - 1] + 1] == "الاتحادَ الأوروبي"  # trailing mark not mapped
    assert "  " not in norm and "\u200e" not in norm


def test_fold_name_joins_transliteration_variants() -> None:
    assert fold_name("ستولتنبرج") == fold_name("ستولتنبرغ")
    assert fold_name("غوتيريش") == fold_name("جوتيريش") == fold_name("غوتيريس")
    assert fold_name("أردوغان") == fold_name("إردوغان")
    assert fold_name("بوتين") != fold_name("بايدن")
