"""Sentence splitting: quotes hold sentences together, abbreviations and numbers do not split."""

import json
from pathlib import Path

from rasid.text.sentences import split_sentences

GOLD = Path(__file__).resolve().parents[2].parent / "shared" / "gold" / "dev.jsonl"


def _texts(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_quoted_full_stop_does_not_split() -> None:
    s = _texts('قال إن "الوضع صعب. جداً" وأضاف. ثم قال: «هذا خطأ! لن نقبل». انتهى.')
    assert s == ['قال إن "الوضع صعب. جداً" وأضاف.', "ثم قال: «هذا خطأ! لن نقبل».", "انتهى."]


def test_abbreviation_and_decimal() -> None:
    assert len(_texts("قال د. محمد إن النمو بلغ 3.5 في المئة.")) == 1


def test_unclosed_quote_does_not_swallow_the_paragraph() -> None:
    text = 'قال "إن ' + "كلام طويل جدا " * 40 + ". جملة ثانية. جملة ثالثة."
    assert len(split_sentences(text)) == 3


def test_founding_example_sentence_with_quote() -> None:
    text = json.loads(GOLD.read_text(encoding="utf-8").splitlines()[0])["text"]
    sents = _texts(text)
    quote = 'وأضاف المسؤول أن "أي حوار مع روسيا يجب أن يقوم على أساس المعاملة بالمثل'
    assert any(s.startswith(quote) and s.endswith('".') for s in sents)


def test_sentences_cover_every_sentence_end_on_gold_texts() -> None:
    """The splitter jumps between the characters it reacts to: every span is trimmed text,
    spans are ordered and disjoint, and no line break lies inside one."""
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        text = json.loads(line)["text"]
        spans = split_sentences(text)
        assert spans
        prev = 0
        for a, b in spans:
            assert prev <= a < b and text[a:b] == text[a:b].strip() and "\n" not in text[a:b]
            prev = b
