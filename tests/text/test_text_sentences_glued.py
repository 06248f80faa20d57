"""Sentence ends typed without a space (`القس.ولم`) split; dotted abbreviations (`إف.بي.آي`) do not."""

import json
from pathlib import Path

from rasid.text.sentences import split_sentences

NEWS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "news300.jsonl"


def _snippet(needle: str, before: int = 60, after: int = 60) -> str:
    for line in NEWS.read_text(encoding="utf-8").splitlines():
        text = json.loads(line)["text"]
        i = text.find(needle)
        if i >= 0:
            return text[max(0, i - before):i + len(needle) + after].replace("\n", " ")
    raise AssertionError(needle)


def test_full_stop_glued_to_next_word_splits() -> None:
    s = _snippet("القس.ولم")
    parts = [s[a:b] for a, b in split_sentences(s)]
    assert any(p.endswith("القس.") for p in parts)
    assert any(p.startswith("ولم") for p in parts)


def test_dotted_abbreviation_stays_in_its_sentence() -> None:
    s = _snippet("(إف.بي.آي)")
    parts = [s[a:b] for a, b in split_sentences(s)]
    assert any("(إف.بي.آي)" in p for p in parts)


def test_web_address_is_not_a_sentence_end() -> None:
    s = "وذكر موقع أمازون.كوم أن الطلبات زادت."
    assert len(split_sentences(s)) == 1
