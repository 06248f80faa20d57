"""The commands on bad input: clear errors naming input and reason, the rest of the batch goes on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rasid.cli import app

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus" / "news300.jsonl"
LISTING = SHARED / "pages" / "05_aljazeera_net_palestine_section_listing.html"
needs_shared = pytest.mark.skipif(not CORPUS.exists() or not LISTING.exists(), reason="shared data absent")
runner = CliRunner()


def _feed(tmp_path: Path) -> Path:
    """A JSONL feed: two real records around a cut line, a record without body, a bad date."""
    with CORPUS.open(encoding="utf-8") as fh:
        good = [next(fh).rstrip("\n") for _ in range(2)]
    lines = [good[0], '{"id": "cut", "text": "قال', "",
             json.dumps({"id": "no-body", "url": "http://x"}),
             json.dumps({"id": "bad-date", "text": json.loads(good[0])["text"][:300], "published": "غدا"}),
             good[1]]
    f = tmp_path / "feed.jsonl"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return f


def _report(path: Path) -> dict[str, str]:
    """The --errors file as {input: reason}."""
    return {e["input"]: e["reason"] for e in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


@needs_shared
def test_process_mixed_batch_reports_each_failure_and_keeps_the_rest(tmp_path: Path) -> None:
    feed = _feed(tmp_path)
    listing = tmp_path / "listing.html"
    listing.write_bytes(LISTING.read_bytes())
    warc = tmp_path / "cut.warc.gz"
    warc.write_bytes(b"\x1f\x8b\x08\x00\x00\x00\x00\x00")  # a gzip header and nothing else
    errors = tmp_path / "errors.jsonl"
    res = runner.invoke(app, ["process", str(feed), str(listing), str(warc), str(tmp_path / "nope.txt"),
                              "--stages", "clean", "--format", "jsonl", "--errors", str(errors)])
    assert res.exit_code == 1, res.output  # a partial failure says so; the rest is output
    ids = [json.loads(line)["id"] for line in res.stdout.splitlines() if line.startswith("{")]
    assert len(ids) == 3 and "bad-date" in ids
    report = _report(errors)
    assert set(report) == {f"{feed}:2", f"{feed}:4", str(listing), str(warc), str(tmp_path / "nope.txt")}
    assert "invalid JSON" in report[f"{feed}:2"] and "listing page" in report[str(listing)]
    assert "truncated" in report[str(warc)]
    assert f"note {feed}:5: 'published' is not a date" in res.stderr
    assert f"error {listing}: not an article" in res.stderr
    assert "processed 3, failed 5" in res.stderr


def test_process_everything_failing_exits_1(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "zero.txt").write_bytes(b"")
    res = runner.invoke(app, ["process", str(tmp_path / "empty"), str(tmp_path / "zero.txt"), "--stages", "clean"])
    assert res.exit_code == 1
    assert f"error {tmp_path / 'empty'}: directory has no input files" in res.stderr
    assert f"error {tmp_path / 'zero.txt'}: empty input" in res.stderr
    assert "processed 0, failed 2" in res.stderr


@pytest.mark.parametrize("args, message", [
    (["--published", "not-a-date"], "--published 'not-a-date' is not a date"),
    (["--stages", "clean,sentiment"], "unknown stage(s) ['sentiment']"),
    (["--stages", " , "], "names no stage"),
    (["--format", "xml"], "--format 'xml' is not one of json, jsonl, table"),
    (["--out", "{tmp}/no/such/dir/out.json"], "does not exist"),
    (["--errors", "{tmp}/no/such/dir/errors.jsonl"], "does not exist"),
    (["--out", "{tmp}"], "is a directory"),
])
def test_process_bad_options_exit_2_before_any_work(tmp_path: Path, args: list[str], message: str) -> None:
    page = tmp_path / "a.txt"
    page.write_text("قال الوزير إن الاجتماع انتهى.", encoding="utf-8")
    res = runner.invoke(app, ["process", str(page), *[a.format(tmp=tmp_path) for a in args]])
    assert res.exit_code == 2, res.output
    assert message in res.stderr and "Traceback" not in res.output
    assert res.stdout == ""


def test_process_stdin_html_and_markup_like_names(tmp_path: Path) -> None:
    page = "<html><head><title>خبر</title></head><body><article><p>قال وزير الخارجية إن المحادثات " \
           "ستستمر الأسبوع المقبل في جنيف بمشاركة الوفدين.</p></article></body></html>"
    res = runner.invoke(app, ["process", "-", str(tmp_path / "[bold]x[/].txt"), "--stages", "clean",
                              "--format", "jsonl", "--published", "2022-01-04"], input=page)
    assert res.exit_code == 1, res.output  # the missing file failed
    rec = json.loads(res.stdout.splitlines()[0])
    assert rec["source"] == "stdin" and "جنيف" in rec["clean_text"]
    # A path that looks like rich markup is printed as it is, not interpreted.
    assert f"error {tmp_path / '[bold]x[/].txt'}: no such file or directory" in res.stderr


@needs_shared
def test_ingest_reports_failures_and_refuses_bad_options(tmp_path: Path) -> None:
    feed = _feed(tmp_path)
    listing = tmp_path / "listing.html"
    listing.write_bytes(LISTING.read_bytes())
    errors = tmp_path / "errors.jsonl"
    db = tmp_path / "s.db"
    res = runner.invoke(app, ["ingest", str(feed), str(listing), "--db", str(db), "--stages", "times",
                              "--errors", str(errors)])
    assert res.exit_code == 1, res.output  # three inputs failed
    summary = json.loads(res.stdout.strip().splitlines()[-1])
    assert summary["new"] == 3 and summary["failed"] == 3
    report = _report(errors)
    assert set(report) == {f"{feed}:2", f"{feed}:4", str(listing)}
    assert "listing page" in report[str(listing)]
    bad = runner.invoke(app, ["ingest", str(feed), "--db", str(tmp_path / "no" / "s.db")])
    assert bad.exit_code == 2 and "does not exist" in bad.stderr
    junk = tmp_path / "junk.db"
    junk.write_text("not sqlite " * 20, encoding="utf-8")
    bad = runner.invoke(app, ["ingest", str(feed), "--db", str(junk), "--stages", "clean"])
    assert bad.exit_code == 2 and "cannot open the store" in bad.stderr
    for opt in (["--published", "x"], ["--stages", "bogus"]):
        bad = runner.invoke(app, ["ingest", str(feed), "--db", str(db), *opt])
        assert bad.exit_code == 2 and "Traceback" not in bad.output
    nothing = runner.invoke(app, ["ingest", str(tmp_path / "nope.txt"), "--db", str(db)])
    assert nothing.exit_code == 1 and "nope.txt: no such file or directory" in nothing.stderr


def test_quotes_reports_failures_with_a_summary(tmp_path: Path) -> None:
    page = tmp_path / "a.txt"
    page.write_text("عنوان الخبر\nقال الوزير إن الاجتماع انتهى.\n", encoding="utf-8")
    (tmp_path / "title-only.txt").write_text("قال الوزير إن الاجتماع انتهى.", encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    res = runner.invoke(app, ["quotes", str(tmp_path / "title-only.txt"), str(page), str(tmp_path / "nope.txt"), "--speaker", "Borrell",
                              "--format", "jsonl", "--errors", str(errors)])
    assert res.exit_code == 1, res.output
    assert "processed 1, failed 2, quotes 0" in res.stderr
    report = _report(errors)
    assert report[str(tmp_path / "nope.txt")] == "no such file or directory"
    assert report[str(tmp_path / "title-only.txt")].startswith("no article body, only a title line")
    bad = runner.invoke(app, ["quotes", str(page), "--speaker", "x", "--published", "soon"])
    assert bad.exit_code == 2 and "--published 'soon' is not a date" in bad.stderr
    none = runner.invoke(app, ["quotes", str(tmp_path / "nope.txt"), "--speaker", "x"])
    assert none.exit_code == 1


def test_process_never_reads_or_overwrites_its_own_output(tmp_path: Path) -> None:
    feed = tmp_path / "in" / "feed.jsonl"
    feed.parent.mkdir()
    body = "عنوان\nقال وزير الخارجية إن المحادثات ستستمر الأسبوع المقبل في جنيف."
    feed.write_text(json.dumps({"id": "r1", "text": body, "date": "2022-01-04"}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    before = feed.read_bytes()
    res = runner.invoke(app, ["process", str(feed), "--stages", "clean", "--out", str(feed)])
    assert res.exit_code == 2 and "is also an input" in res.stderr and feed.read_bytes() == before
    out = feed.parent / "out.jsonl"
    res = runner.invoke(app, ["process", str(feed.parent), "--stages", "clean", "-f", "jsonl", "--out", str(out)])
    assert res.exit_code == 0 and "processed 1, failed 0" in res.stderr
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["r1"]
