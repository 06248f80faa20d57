"""iter_inputs over files, directories, JSONL (with a bad line), JSON and WARC."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from rasid.article import Article
from rasid.ingest.clean import clean_stage
from rasid.ingest.errors import InputError
from rasid.ingest.sources import iter_inputs

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
EXAMPLE = SHARED / "examples" / "asharq-2022-01-04-nato-russia.txt"
CNN = SHARED / "pages" / "01_cnn_arabic_2013-08-03_syria_clashes.html"
LBC = SHARED / "pages" / "03_lbc_lebanon_2026-01-08_trump_hair.html"


def _corpus_lines(n: int) -> list[str]:
    """The first n corpus records as JSONL lines."""
    with open(SHARED / "corpus" / "news300.jsonl", encoding="utf-8") as fh:
        return [next(fh).rstrip("\n") for _ in range(n)]


def test_jsonl_with_a_bad_line(tmp_path: Path) -> None:
    lines = _corpus_lines(3)
    lines.insert(1, '{"id": "broken", "text": ')
    lines.append(json.dumps({"id": "no-text", "title": "x"}))
    f = tmp_path / "batch.jsonl"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = list(iter_inputs([str(f)]))
    arts = [o for o in out if isinstance(o, Article)]
    errs = [o for o in out if isinstance(o, InputError)]
    assert len(arts) == 3 and len(errs) == 2
    assert errs[0].input == f"{f}:2" and "invalid JSON" in errs[0].reason
    assert errs[1].input == f"{f}:5"
    first = json.loads(lines[0])
    assert arts[0].id == first["id"] and arts[0].title == first["title"]
    assert arts[0].published == first["date"][:10]
    assert arts[0].meta["outlet"] == first["outlet"] and arts[0].source == f"{f}:1"


def test_published_argument_fills_missing_dates(tmp_path: Path) -> None:
    f = tmp_path / "x.jsonl"
    f.write_text(json.dumps({"text": "قال الوزير إن الاجتماع انتهى."}) + "\n"
                 + json.dumps({"text": "نص", "date": "2018-07-16T10:53:50+04:00"}) + "\n", encoding="utf-8")
    a, b = iter_inputs([str(f)], published="2022-01-04")
    assert a.published == "2022-01-04" and a.id == "x-1"
    assert b.published == "2018-07-16"


def test_directory_recursion_sorted(tmp_path: Path) -> None:
    (tmp_path / "b" / "c").mkdir(parents=True)
    shutil.copy(EXAMPLE, tmp_path / "b" / "c" / "z-example.txt")
    shutil.copy(CNN, tmp_path / "a-cnn.html")
    (tmp_path / "b" / "notes.md").write_text("ignored", encoding="utf-8")
    (tmp_path / "b" / "empty.txt").write_bytes(b"")
    out = list(iter_inputs([str(tmp_path), str(tmp_path / "missing.txt")], published="2022-01-04"))
    # Sorted by full path: a-cnn.html, b/c/z-example.txt, b/empty.txt; then the missing path.
    assert [type(o).__name__ for o in out] == ["Article", "Article", "InputError", "InputError"]
    assert out[0].source.endswith("a-cnn.html") and out[0].id == "a-cnn"
    assert out[1].id == "z-example" and out[1].published == "2022-01-04"
    assert out[2].input.endswith("empty.txt") and out[2].reason == "empty input"
    assert out[3].reason == "no such file or directory"
    assert clean_stage(out[1]).meta["agency"] == "رويترز"


def test_binary_file_is_an_error_not_a_crash(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02\x03" * 100)
    good = tmp_path / "good.txt"
    good.write_bytes(EXAMPLE.read_bytes())
    out = list(iter_inputs([str(bad), str(good)]))
    assert isinstance(out[0], InputError) and "binary" in out[0].reason
    assert isinstance(out[1], Article)


def test_json_page_data_and_records(tmp_path: Path) -> None:
    bbc = SHARED / "pages" / "04_bbc_arabic_2022-01-28_world-60135442.page_data.json"
    recs = tmp_path / "recs.json"
    recs.write_text(json.dumps([json.loads(x) for x in _corpus_lines(2)]), encoding="utf-8")
    out = list(iter_inputs([str(bbc), str(recs)]))
    assert all(isinstance(o, Article) for o in out) and len(out) == 3
    assert clean_stage(out[0]).published == "2022-01-28"


def _warc(path: Path) -> None:
    """A small WARC: two HTML responses, an image, a 404 page."""
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)

        def response(uri: str, body: bytes, ctype: str, status: str = "200 OK") -> None:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers,
                                            warc_headers_dict={"WARC-Date": "2026-01-09T10:00:00Z"})
            writer.write_record(rec)
        response("http://arabic.cnn.com/a.html", CNN.read_bytes(), "text/html; charset=UTF-8")
        response("http://example.com/logo.png", b"\x89PNG....", "image/png")
        response("http://example.com/gone.html", b"<html>not found</html>", "text/html", "404 Not Found")
        response("https://www.lbcgroup.tv/x", LBC.read_bytes(), "text/html")


def test_warc(tmp_path: Path) -> None:
    w = tmp_path / "crawl.warc.gz"
    _warc(w)
    out = list(iter_inputs([str(w)]))
    assert [type(o).__name__ for o in out] == ["Article", "InputError", "Article"]
    cnn, err, lbc = out
    assert cnn.source == "http://arabic.cnn.com/a.html" and cnn.meta["crawl_date"] == "2026-01-09"
    assert cnn.published is None  # crawl time is not publication time
    assert err.input.endswith("#http://example.com/gone.html") and "404" in err.reason
    cleaned = clean_stage(cnn)
    assert cleaned.published == "2013-08-03"  # the page's own date wins over the crawl date
    assert "أكدت جهات سورية معارضة" in cleaned.text
    assert lbc.id == "crawl-2"
