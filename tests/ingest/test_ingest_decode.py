"""Decoding real Arabic text in every supported encoding, and refusing binary input."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from rasid.ingest.decode import decode_bytes
from rasid.ingest.errors import InputError

EXAMPLE = Path(__file__).resolve().parents[2] / ".." / "shared" / "examples" / "asharq-2022-01-04-nato-russia.txt"


@pytest.fixture(scope="module")
def arabic() -> str:
    """Real article text restricted to what Windows-1256 can encode (it lacks a few marks)."""
    text = EXAMPLE.read_text(encoding="utf-8")
    return text.encode("cp1256", errors="ignore").decode("cp1256")


@pytest.mark.parametrize("encode", [
    lambda t: t.encode("utf-8"),
    lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    lambda t: t.encode("utf-16"),  # with BOM
    lambda t: t.encode("utf-16-le"),  # BOM-less, detected by the NUL pattern
    lambda t: t.encode("utf-16-be"),
    lambda t: t.encode("cp1256"),
], ids=["utf8", "utf8-bom", "utf16-bom", "utf16le-nobom", "utf16be-nobom", "cp1256"])
def test_roundtrip(arabic: str, encode) -> None:
    assert decode_bytes(encode(arabic), "x.txt") == arabic


def test_meta_charset_is_honoured() -> None:
    page = '<html><head><meta charset="windows-1256"></head><body><p>قال الوزير</p></body></html>'
    assert "قال الوزير" in decode_bytes(page.encode("cp1256"), "p.html")


def test_valid_utf8_beats_a_wrong_declared_charset() -> None:
    page = '<html><head><meta charset="windows-1256"></head><body><p>قال الوزير</p></body></html>'
    assert "قال الوزير" in decode_bytes(page.encode("utf-8"), "p.html")


def test_binary_is_refused() -> None:
    with pytest.raises(InputError) as err:
        decode_bytes(b"\x00\x01\x02\x03\xff\xfe\x00\x00" * 64, "blob.bin")
    assert err.value.input == "blob.bin"
    assert "binary" in err.value.reason and "NUL" in err.value.reason


def test_known_binary_formats_are_named() -> None:
    with pytest.raises(InputError) as err:
        decode_bytes(b"%PDF-1.4\n...", "a.txt")
    assert "PDF" in err.value.reason


def test_latin1_mojibake_is_not_taken_for_arabic() -> None:
    with pytest.raises(InputError) as err:
        decode_bytes("Ça coûte très cher à Genève, déjà élevé".encode("latin-1"), "fr.txt")
    assert "not valid UTF-8/UTF-16/Windows-1256" in err.value.reason


def test_empty_is_empty() -> None:
    assert decode_bytes(b"", "e.txt") == ""
