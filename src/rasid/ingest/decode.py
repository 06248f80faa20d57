"""Bytes -> text for Arabic news inputs: UTF-8 (with or without BOM), UTF-16, Windows-1256.

Order of decisions, and why:
1. A BOM is authoritative (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE).
2. Known binary signatures (gzip, zip, PDF, images) are refused by name.
3. BOM-less UTF-16 is recognised by its NUL pattern: Arabic and ASCII text in UTF-16 puts
   0x00 or 0x06 in every second byte (the high byte), on the odd positions for LE and the
   even ones for BE.
4. Other NUL bytes mean binary data.
5. Valid UTF-8 wins over any declared charset: Arabic Windows-1256 text is practically never
   valid UTF-8, while pages that declare cp1256 but are served as UTF-8 are common. UTF-8
   with a few broken bytes (a cut last character, one stray byte) stays UTF-8, the broken
   bytes replaced by U+FFFD and reported: read as Windows-1256 it would turn into mojibake
   that still looks Arabic (UTF-8 lead bytes D8/D9 are the cp1256 letters ط/ظ).
6. An HTML `<meta charset>` / XML declaration naming an Arabic legacy charset is honoured.
7. Otherwise Windows-1256 is tried and kept only when most decoded letters are Arabic.
"""

from __future__ import annotations

import codecs
import re
from typing import Callable

from rasid.ingest.errors import InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x1f\x8b", "gzip-compressed data"), (b"PK\x03\x04", "zip archive"), (b"%PDF", "PDF document"),
    (b"\x89PNG", "PNG image"), (b"\xff\xd8\xff", "JPEG image"), (b"GIF8", "GIF image"),
    (b"\x7fELF", "executable (ELF)"), (b"MZ", "executable (PE)"),
)
_CHARSET = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_ARABIC_LEGACY = {"windows-1256": "cp1256", "cp1256": "cp1256", "x-cp1256": "cp1256",
                  "iso-8859-6": "iso-8859-6", "iso8859-6": "iso-8859-6", "arabic": "iso-8859-6",
                  "asmo-708": "iso-8859-6"}
# High bytes of UTF-16 code units for Arabic text: ASCII/Latin-1 (00), Arabic (06),
# presentation forms (FB, FE), punctuation (20).
_UTF16_HIGH = frozenset({0x00, 0x06, 0x20, 0xFB, 0xFE})


def _arabic_share(text: str) -> float:
    """Share of Arabic-block letters among all letters (0 when there are no letters)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(0x0600 <= ord(c) <= 0x06FF or 0xFB50 <= ord(c) <= 0xFEFF for c in letters) / len(letters)


def _control_share(text: str) -> float:
    """Share of control characters other than whitespace: high in misdecoded binary."""
    if not text:
        return 0.0
    bad = sum(1 for c in text if (ord(c) < 32 and c not in "\t\n\r\f\v") or 0x7F <= ord(c) < 0xA0)
    return bad / len(text)


def _utf16_guess(data: bytes) -> str | None:
    """`utf-16-le`/`utf-16-be` when the NUL pattern of BOM-less UTF-16 is present."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    sample = sample[: len(sample) // 2 * 2]
    odd, even = sample[1::2], sample[0::2]
    for high, low, enc in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        nul_high = high.count(0) / len(high)
        fits = sum(b in _UTF16_HIGH for b in high) / len(high)
        if fits >= 0.95 and nul_high >= 0.05 and low.count(0) / len(low) < 0.05:
            return enc
    return None


def _declared(data: bytes) -> str | None:
    """Python codec of an Arabic legacy charset declared in the first 2 KB, if any."""
    m = _CHARSET.search(data[:2048])
    if not m:
        return None
    return _ARABIC_LEGACY.get(m.group(1).decode("ascii", "ignore").lower())


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """(text, broken byte runs) when `data` is UTF-8 with a few broken bytes, else None."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    non_ascii = sum(1 for c in text if ord(c) > 127) - bad
    # Real multi-byte text and at most 1 broken run per 100 non-ASCII characters (min. 3).
    if non_ascii > 0 and bad <= max(3, non_ascii // 100):
        return text, bad
    return None


def decode_bytes(data: bytes, name: str, warn: Callable[[str], None] | None = None) -> str:
    """Decode an input's bytes to text; raise InputError(name, reason) when it is not text.

    `warn(message)` hears about repairs (invalid UTF-8 bytes replaced by U+FFFD).
    """
    if not data:
        return ""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc)
            except UnicodeDecodeError as exc:
                if exc.reason == "truncated data" and exc.end == len(data) - len(bom):
                    # Only the last character is cut (a download stopped mid-way): keep the rest.
                    if warn:
                        warn(f"{enc} text ends with a cut character (replaced by U+FFFD)")
                    return data[len(bom):].decode(enc, errors="replace")
                raise InputError(name, f"invalid {enc} after its byte-order mark ({exc.reason} "
                                       f"at byte {exc.start + len(bom)})") from exc
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(name, f"binary data ({what})")
    if b"\x00" in data[:4096] or b"\x00" in data[-4096:]:
        enc = _utf16_guess(data)
        if enc:
            try:
                return data.decode(enc)
            except UnicodeDecodeError as exc:
                raise InputError(name, f"looks like {enc} without BOM but does not decode "
                                       f"({exc.reason} at byte {exc.start})") from exc
        raise InputError(name, "binary data (NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        if _control_share(text) > 0.1:
            raise InputError(name, "binary data (control characters)")
        return text
    damaged = _mostly_utf8(data)
    if damaged is not None:
        text, bad = damaged
        if warn:
            warn(f"{bad} invalid UTF-8 byte sequence(s) replaced by U+FFFD")
        if _control_share(text) > 0.1:
            raise InputError(name, "binary data (control characters)")
        return text
    declared = _declared(data)
    for enc in ([declared] if declared else []) + ["cp1256"]:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        # A wrong single-byte guess yields Latin-1-like mojibake or control characters.
        if (declared == enc or _arabic_share(text) >= 0.5) and _control_share(text) <= 0.1:
            return text
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first = f"invalid UTF-8 byte 0x{data[exc.start]:02x} at byte {exc.start}"
    else:  # pragma: no cover - valid UTF-8 returned above
        first = "undecodable"
    raise InputError(name, f"not valid UTF-8/UTF-16/Windows-1256 text ({first}; "
                           f"as Windows-1256 it is not Arabic)")
