"""Word tokenisation with offsets, and the Arabic clitic split (و ف ب ل ك + ال)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"[\w\u0600-\u06ff\u0750-\u077f]+(?:[-'][\w\u0600-\u06ff]+)*|[^\w\s]", re.UNICODE)


@dataclass(frozen=True)
class Token:
    """A surface token and its offsets in the text."""

    start: int
    end: int
    text: str


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Words and punctuation marks of `text`, with offsets shifted by `offset`."""
    return [Token(m.start() + offset, m.end() + offset, m.group()) for m in _WORD.finditer(text)]
