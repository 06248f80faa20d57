"""Reading bad inputs: every input is an Article or an InputError naming it and the reason."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from rasid.article import Article
from rasid.ingest.decode import decode_bytes
from rasid.ingest.errors import InputError, article_problem, date_option_problem, output_path_problem
from rasid.ingest.sources import iter_inputs

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
CORPUS = SHARED / "corpus" / "news300.jsonl"
CNN = SHARED / "pages" / "01_cnn_arabic_2013-08-03_syria_clashes.html"
needs_shared = pytest.mark.skipif(not CORPUS.exists() or not CNN.exists(), reason="shared data absent")


def _records(n: int) -> list[dict]:
    """The first n corpus records."""
    with CORPUS.open(encoding="utf-8") as fh:
        return [json.loads(next(fh)) for _ in range(n)]


def _read(paths: list[str], **kw: object) -> tuple[list[Article], list[InputError], list[tuple[str, str]]]:
    """Articles, errors and notes of reading `paths`."""
    notes: list[tuple[str, str]] = []
    out = list(iter_inputs(paths, notes=lambda w, t: notes.append((w, t)), **kw))
    return ([o for o in out if isinstance(o, Article)], [o for o in out if isinstance(o, InputError)],
            notes)


@needs_shared
def test_jsonl_bad_lines_are_named_and_good_lines_go_through(tmp_path: Path) -> None:
    good = _records(2)
    lines = [json.dumps(good[0], ensure_ascii=False), '{"id": "cut", "text": ', "", "   ",
             json.dumps({"id": "no-body", "title": "عنوان"}),
             json.dumps({"id": "bad-date", "text": good[0]["text"][:200], "published": "not a date"}),
             "[1, 2]", json.dumps(good[1], ensure_ascii=False)]
    f = tmp_path / "feed.jsonl"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    arts, errs, notes = _read([str(f)], published="2022-01-04")
    assert [a.id for a in arts] == [good[0]["id"], "bad-date", good[1]["id"]]
    assert {e.input: e.reason for e in errs}.keys() == {f"{f}:2", f"{f}:5", f"{f}:7"}
    by = {e.input: e.reason for e in errs}
    # The column is the line's own; json's "line 1" would be misleading for file line 2.
    assert "invalid JSON" in by[f"{f}:2"] and "line 1" not in by[f"{f}:2"]
    assert "'text' or 'html'" in by[f"{f}:5"] and "id, title" in by[f"{f}:5"]
    assert "JSON object" in by[f"{f}:7"]
    bad = arts[1]
    assert bad.published == "2022-01-04" and bad.meta["date_raw"] == "not a date"
    assert notes and notes[0][0] == f"{f}:6" and "not a date" in notes[0][1]


def test_bad_published_argument_is_refused() -> None:
    with pytest.raises(ValueError, match="not a date"):
        list(iter_inputs(["whatever.txt"], published="yesterday-ish"))
    assert date_option_problem("2022-13-40") and date_option_problem("2022-01-04") is None


@needs_shared
def test_directory_problems_are_each_reported(tmp_path: Path) -> None:
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "a.html").write_bytes(CNN.read_bytes())
    (d / "README.md").write_text("notes", encoding="utf-8")
    (d / "zero.txt").write_bytes(b"")
    os.symlink(tmp_path / "nowhere.txt", d / "dangling.txt")
    os.symlink("..", d / "sub" / "loop")
    os.mkfifo(d / "pipe.txt")
    arts, errs, notes = _read([str(d)])
    assert [a.source for a in arts] == [str(d / "a.html")]
    by = {Path(e.input).name: e.reason for e in errs}
    assert "broken symbolic link" in by["dangling.txt"]
    assert "named pipe" in by["pipe.txt"]
    assert "loop" in by["loop"]
    assert by["zero.txt"] == "empty input"
    assert notes == [(str(d), "skipped 1 file(s) with other extensions: README.md")]


def test_empty_folder_and_missing_path(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    _, errs, _ = _read([str(tmp_path / "empty"), str(tmp_path / "nope.txt")])
    assert errs[0].input == str(tmp_path / "empty") and "no input files" in errs[0].reason
    assert errs[1].input == str(tmp_path / "nope.txt") and errs[1].reason == "no such file or directory"


def test_stdin_given_twice_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = "<html><body><p>قال الوزير إن الاجتماع انتهى.</p></body></html>".encode("utf-8")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(page)))
    arts, errs, _ = _read(["-", "-"])
    assert len(arts) == 1 and arts[0].source == "stdin"
    assert errs[0].input == "stdin" and "more than once" in errs[0].reason


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_and_folder(tmp_path: Path) -> None:
    (tmp_path / "locked").mkdir()
    f = tmp_path / "secret.txt"
    f.write_text("نص", encoding="utf-8")
    f.chmod(0)
    (tmp_path / "locked").chmod(0)
    try:
        _, errs, _ = _read([str(tmp_path)])
    finally:
        f.chmod(0o644)
        (tmp_path / "locked").chmod(0o755)
    by = {Path(e.input).name: e.reason for e in errs}
    assert "cannot list directory" in by["locked"] and "cannot read" in by["secret.txt"]


def test_unknown_extension_named_explicitly_is_sniffed(tmp_path: Path) -> None:
    f = tmp_path / "feed.ndjson"
    f.write_text(json.dumps({"id": "x", "text": "قال الوزير إن الاجتماع انتهى."}) + "\n", encoding="utf-8")
    arts, errs, _ = _read([str(f)])
    assert [a.id for a in arts] == ["x"] and not errs


def _warc(path: Path, records: list[tuple[str, bytes, str, str]]) -> None:
    """A gzipped WARC of HTTP responses (uri, body, content type, status)."""
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for uri, body, ctype, status in records:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))


@needs_shared
def test_truncated_warc_keeps_whole_records_and_names_the_cut_one(tmp_path: Path) -> None:
    full = tmp_path / "full.warc.gz"
    _warc(full, [("http://a/1", CNN.read_bytes(), "text/html", "200 OK"),
                 ("http://a/2", CNN.read_bytes(), "text/html", "200 OK")])
    data = full.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) * 3 // 4])
    arts, errs, _ = _read([str(cut)])
    assert [a.source for a in arts] == ["http://a/1"]
    assert errs[0].input == f"{cut}#http://a/2" and "truncated WARC record" in errs[0].reason
    head = tmp_path / "head.warc.gz"
    head.write_bytes(data[:60])
    _, errs, _ = _read([str(head)])
    assert errs and errs[0].input == str(head) and "truncated" in errs[0].reason


def test_warc_without_html_and_non_warc_are_errors(tmp_path: Path) -> None:
    w = tmp_path / "assets.warc.gz"
    _warc(w, [("http://a/x.png", b"\x89PNG....", "image/png", "200 OK"),
              ("http://a/r", b"", "text/html", "301 Moved Permanently")])
    fake = tmp_path / "fake.warc"
    fake.write_text("hello, not a warc\n" * 5, encoding="utf-8")
    _, errs, _ = _read([str(w), str(fake)])
    assert errs[0].input == str(w) and "no HTML page" in errs[0].reason and "1 redirect" in errs[0].reason
    assert errs[1].input == str(fake) and "not a WARC file" in errs[1].reason


def test_damaged_utf8_stays_utf8_and_says_so() -> None:
    text = "قال وزير الخارجية إن المحادثات ستستمر الأسبوع المقبل في جنيف. " * 5 + "جنيف"
    data = text.encode("utf-8")  # data[:-1] cuts the last letter in half
    warned: list[str] = []
    for damaged in (data[:-1], data[:40] + b"\xff" + data[40:]):
        warned.clear()
        out = decode_bytes(damaged, "x.txt", warn=warned.append)
        assert out.startswith("قال وزير الخارجية") and warned and "U+FFFD" in warned[0]
    assert decode_bytes(text.encode("cp1256"), "y.txt").startswith("قال وزير")
    cut16 = text.encode("utf-16")[:-1]
    assert decode_bytes(cut16, "z.txt", warn=warned.append).startswith("قال")
    with pytest.raises(InputError, match="invalid UTF-8 byte 0xe9"):
        decode_bytes(("Le ministre a déclaré la fin. " * 10).encode("latin-1"), "fr.txt")


def test_article_problem_and_output_paths(tmp_path: Path) -> None:
    listing = Article(raw="<html/>", text="", meta={"page_kind": "listing", "listing_signals": {"cards": 40}})
    assert "listing page (40 teaser links" in article_problem(listing)
    assert article_problem(Article(raw="x", text="", meta={"page_kind": "empty"})).startswith("no article text")
    assert article_problem(Article(raw="x", text="نص")) is None
    assert "does not exist" in output_path_problem(str(tmp_path / "no" / "x.json"), "--out")
    assert "is a directory" in output_path_problem(str(tmp_path), "--out")
    assert output_path_problem(str(tmp_path / "x.json"), "--out") is None


def test_unreadable_file_and_folder_even_as_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from rasid.ingest import sources

    (tmp_path / "locked").mkdir()
    (tmp_path / "secret.txt").write_text("نص", encoding="utf-8")
    (tmp_path / "ok.txt").write_text("قال الوزير إن الاجتماع انتهى.", encoding="utf-8")
    real_open, real_scandir = open, os.scandir

    def fake_open(path: object, *a: object, **k: object) -> object:
        if str(path).endswith("secret.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *a, **k)

    def fake_scandir(path: object) -> object:
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(sources, "open", fake_open, raising=False)
    monkeypatch.setattr(sources.os, "scandir", fake_scandir)
    arts, errs, _ = _read([str(tmp_path)])
    assert [a.id for a in arts] == ["ok"]
    by = {Path(e.input).name: e.reason for e in errs}
    assert by == {"locked": "cannot list directory (Permission denied)",
                  "secret.txt": "cannot read: Permission denied"}
