"""Sentence splitting that respects quotation marks, paragraphs and abbreviations."""

from __future__ import annotations

import re

_END = set(".!?؟")
_OPEN_CLOSE = {"«": "»", "“": "”", "„": "“"}
# A full stop after one Arabic or Latin letter is an abbreviation (`د.` doctor, `م.` engineer,
# `ص.` page, `U.S.`), and so is one after a digit inside a number (`3.5`).
# A quotation still open this many characters later was never closed (a stray `"`): stop
# letting it hold sentences together.
MAX_QUOTE = 400
# Every character the splitter reacts to: line breaks, quotation marks (the opening ones, their
# closers, the ASCII one) and sentence-final marks.
_MARKS = re.compile("[\n\"" + re.escape("".join(sorted(set(_OPEN_CLOSE) | set(_OPEN_CLOSE.values()) | _END))) + "]")
_ABBREV_BEFORE = re.compile(r"(?:^|[\s(])(?:[\u0621-\u064a]|[A-Za-z])$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of `text`; paragraph breaks always split."""
    spans: list[tuple[int, int]] = []
    start = 0
    depth: list[str] = []
    in_ascii_quote = False
    quote_from = 0
    n = len(text)
    i = 0
    find = _MARKS.search
    while i < n:
        m = find(text, i)  # only these characters change anything: jump to the next one
        if m is None:
            break
        i = m.start()
        ch = text[i]
        if ch == "\n":
            _push(spans, text, start, i)
            start = i + 1
            depth.clear()
            in_ascii_quote = False
        elif ch in _OPEN_CLOSE:
            if not depth and not in_ascii_quote:
                quote_from = i
            depth.append(_OPEN_CLOSE[ch])
        elif depth and ch == depth[-1]:
            depth.pop()
        elif ch == '"':
            if not depth and not in_ascii_quote:
                quote_from = i
            in_ascii_quote = not in_ascii_quote
        elif ch in _END and (depth or in_ascii_quote) and i - quote_from > MAX_QUOTE:
            depth.clear()
            in_ascii_quote = False
            continue  # re-read this mark as an ordinary sentence end
        elif ch in _END and not depth and not in_ascii_quote:
            if ch == "." and (_ABBREV_BEFORE.search(text[max(0, i - 3):i]) or
                              (i + 1 < n and text[i + 1].isdigit())):
                i += 1
                continue
            j = i + 1
            while j < n and text[j] in _END | {'"', "»", "”", ")"}:
                j += 1
            if j >= n or text[j].isspace() or (ch == "." and j == i + 1 and _glued_stop(text, i)):
                _push(spans, text, start, j)
                start = j
                i = j
                continue
        i += 1
    _push(spans, text, start, n)
    return spans


_AR_LETTER = re.compile(r"[\u0621-\u064a]")


def _glued_stop(text: str, i: int) -> bool:
    """True for a full stop typed without the space after it (`القس.ولم`): an Arabic word of
    three letters or more on each side, and no further dot right after (which would make it an
    abbreviation written with dots, `إف.بي.آي`)."""
    a = i
    while a > 0 and _AR_LETTER.match(text[a - 1]):
        a -= 1
    b = i + 1
    while b < len(text) and _AR_LETTER.match(text[b]):
        b += 1
    if i - a < 3 or b - (i + 1) < 3:
        return False
    if a > 0 and text[a - 1] == ".":
        return False  # the last part of a dotted abbreviation
    if text[i + 1:b] in ("كوم", "نت", "اورغ", "أورغ"):
        return False  # a web address (`أمازون.كوم`)
    return b >= len(text) or text[b] != "."


def _push(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    """Append the span trimmed of surrounding whitespace, if it has any content."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
