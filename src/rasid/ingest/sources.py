"""Inputs -> Articles: files, directories, JSONL/JSON records, WARC archives, stdin.

`iter_inputs` yields, for every input it is given, either an `Article` (raw text still to
be cleaned by the `clean` stage) or an `InputError` naming the input (`file`, `file:line`,
`file#uri`, "stdin") and the reason; one bad input never stops the batch.

Dates: a record's `published` (or `date`) is normalised to `YYYY-MM-DD`; the `published`
argument fills records that have none and is the date of single .txt/.html files (an
explicit date from the caller beats whatever the page says; the page's own date is kept in
`meta["page_published"]`). A record date that is not a date is kept in `meta["date_raw"]`
and reported as a note. WARC: the WARC-Date is the crawl time, not the publication
time: it goes to `meta["crawl_date"]`, and the clean stage uses it only when the page
itself states no date (flagged in `meta["published_source"]`).

Directories are walked recursively in path order, following symbolic links to folders
(a link back into a folder already being walked is reported as a loop). Files with other
extensions are skipped there and named in a note; dangling links, FIFOs and unreadable
folders are errors. A file named explicitly with another extension is read as stdin is:
its kind is sniffed from its bytes.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import stat
import sys
import zlib
from typing import IO, Any, Callable, Iterable, Iterator

from rasid.article import Article
from rasid.ingest.dates import normalize_date
from rasid.ingest.decode import decode_bytes
from rasid.ingest.errors import InputError

EXTENSIONS: tuple[str, ...] = (".txt", ".html", ".htm", ".jsonl", ".json", ".warc", ".warc.gz")
_ID_SAFE = re.compile(r"[^\w\-.]+")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w\-]+)", re.I)
_JSON_POS = re.compile(r":\s*line \d+ column (\d+) \(char \d+\)$")
# A note is something the user should know that is not a failure (skipped files, bad dates).
Notes = Callable[[str, str], None]


def _no_note(where: str, what: str) -> None:
    """Default note sink: notes are dropped."""


def _suffix(path: str) -> str:
    """The input kind by extension (`.warc.gz` counts as one), lower-case."""
    low = path.lower()
    return ".warc.gz" if low.endswith(".warc.gz") else os.path.splitext(low)[1]


def _stem(path: str) -> str:
    """File name without its input extension, safe as an id."""
    name = os.path.basename(path)
    suf = _suffix(name)
    if suf and name.lower().endswith(suf):
        name = name[: -len(suf)]
    return _ID_SAFE.sub("-", name).strip("-") or "input"


def _not_regular(path: str) -> str | None:
    """Why `path` (which exists or is a link) cannot be read as a file, or None when it can."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            return f"broken symbolic link (points to {os.readlink(path)!r}, which does not exist)"
        return "no such file or directory"
    except OSError as exc:  # ELOOP for a link chain pointing at itself, EACCES on a parent
        if os.path.islink(path):
            return f"unresolvable symbolic link ({exc.strerror or exc})"
        return f"cannot access ({exc.strerror or exc})"
    if stat.S_ISREG(st.st_mode) or stat.S_ISDIR(st.st_mode):
        return None
    kind = ("a named pipe" if stat.S_ISFIFO(st.st_mode) else "a socket" if stat.S_ISSOCK(st.st_mode)
            else "a device" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode) else "special")
    return f"not a regular file ({kind})"


def _walk(root: str, notes: Notes) -> tuple[list[str], list[InputError]]:
    """Input files under `root` (sorted full paths) and the entries that cannot be read."""
    found: list[str] = []
    problems: list[InputError] = []
    skipped: list[str] = []
    active: list[str] = []  # real paths of the folders being walked (for loop detection)

    def visit(folder: str) -> None:
        real = os.path.realpath(folder)
        if real in active:
            problems.append(InputError(folder, f"symbolic link loop (leads back to {real})"))
            return
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            problems.append(InputError(folder, f"cannot list directory ({exc.strerror or exc})"))
            return
        active.append(real)
        for e in entries:
            why = _not_regular(e.path)
            if why is None and os.path.isdir(e.path):
                visit(e.path)
            elif _suffix(e.name) not in EXTENSIONS:
                skipped.append(e.path)
            elif why is None:
                found.append(e.path)
            else:
                problems.append(InputError(e.path, why))
        active.pop()

    visit(root)
    if skipped:
        shown = ", ".join(os.path.relpath(s, root) for s in skipped[:5])
        more = f" and {len(skipped) - 5} more" if len(skipped) > 5 else ""
        notes(root, f"skipped {len(skipped)} file(s) with other extensions: {shown}{more}")
    if not found and not problems:
        problems.append(InputError(root, f"directory has no input files ({', '.join(EXTENSIONS)})"))
    return sorted(found), problems


def _expand(paths: list[str], notes: Notes = _no_note, outputs: frozenset[str] = frozenset()
            ) -> Iterator[str | InputError]:
    """Paths as given, directories replaced by their input files (recursive, sorted)."""
    stdin_seen = False
    for p in paths:
        if p == "-":
            if stdin_seen:
                yield InputError("stdin", "'-' given more than once (standard input can be read once)")
            else:
                stdin_seen = True
                yield p
            continue
        why = _not_regular(p)
        if why is not None:
            yield InputError(p, why)
        elif os.path.isdir(p):
            found, problems = _walk(p, notes)
            if outputs:
                # The command's own output file inside an input folder is not an input.
                found = [f for f in found if os.path.realpath(f) not in outputs]
            # Errors go in path order with the files so the report reads like the folder.
            merged: list[tuple[str, str | InputError]] = [(f, f) for f in found]
            merged += [(e.input, e) for e in problems]
            for _, item in sorted(merged, key=lambda t: t[0]):
                yield item
        else:
            yield p


def iter_inputs(paths: list[str], published: str | None = None, notes: Notes | None = None,
                outputs: Iterable[str] = ()) -> Iterator[Article | InputError]:
    """Every article in `paths` (files, directories, "-" for stdin), or an InputError per failure.

    `notes(where, what)` receives what is worth telling but is no failure (skipped files in a
    folder, a record date that is not a date). A `published` that is not a date is a ValueError.
    `outputs` are files the caller writes (`--out`, `--errors`): never read from a folder.
    """
    default_date = normalize_date(published) if published else None
    if published and not default_date:
        raise ValueError(f"published date {published!r} is not a date (use YYYY-MM-DD)")
    note = notes or _no_note
    written = frozenset(os.path.realpath(o) for o in outputs if o and o != "-")
    for p in _expand(paths, note, written):
        if isinstance(p, InputError):
            yield p
            continue
        if p == "-":
            yield from _from_stream(sys.stdin.buffer, "stdin", "stdin", default_date, note)
            continue
        try:
            fh = open(p, "rb")
        except OSError as exc:
            yield InputError(p, f"cannot read: {exc.strerror or exc}")
            continue
        with fh:
            kind = _suffix(p)
            yield from _from_stream(fh, p, kind if kind in EXTENSIONS else "sniff", default_date, note)


def _from_stream(fh: IO[bytes], name: str, kind: str, published: str | None, note: Notes
                 ) -> Iterator[Article | InputError]:
    """One opened input: WARC files are streamed, everything else read whole."""
    try:
        if kind in (".warc", ".warc.gz"):
            yield from _from_warc(fh, name, published)
            return
        data = fh.read()
    except OSError as exc:
        yield InputError(name, f"cannot read: {exc.strerror or exc}")
        return
    yield from _from_bytes(data, name, kind, published, note)


def _from_bytes(data: bytes, name: str, kind: str, published: str | None,
                note: Notes = _no_note) -> Iterator[Article | InputError]:
    """Dispatch one input's bytes by kind (extension, or sniffed for stdin and other names)."""
    if kind in ("stdin", "sniff"):
        kind = _sniff(data)
    if kind in (".warc", ".warc.gz"):
        yield from _from_warc(io.BytesIO(data), name, published)
        return
    if not data.strip():
        yield InputError(name, "empty input")
        return
    try:
        text = decode_bytes(data, name, warn=lambda what: note(name, what))
    except InputError as exc:
        yield exc
        return
    if not text.strip():
        yield InputError(name, "empty input")
        return
    if kind == ".jsonl":
        yield from _from_jsonl(text, name, published, note)
    elif kind == ".json":
        yield from _from_json(text, name, published, note)
    else:
        yield Article(raw=text, id=_stem(name) if name != "stdin" else None,
                      published=published, source=name)


def _sniff(data: bytes) -> str:
    """Input kind of unnamed bytes (stdin): WARC, JSONL, JSON or page text/HTML."""
    head = data[:64].lstrip()
    if data[:2] == b"\x1f\x8b" or head.startswith(b"WARC/"):
        return ".warc.gz" if data[:2] == b"\x1f\x8b" else ".warc"
    if head.startswith(b"{"):
        first = data.split(b"\n", 1)[0]
        try:
            json.loads(first)
            return ".jsonl"
        except ValueError:
            return ".json"
    if head.startswith(b"["):
        return ".json"
    return ".txt"


def _json_reason(exc: ValueError) -> str:
    """A JSON parse error without json's own "line 1" (the caller names the file line)."""
    msg = str(exc)
    m = _JSON_POS.search(msg)
    if m:
        msg = f"{msg[:m.start()]} at column {m.group(1)}"
    return f"invalid JSON ({msg})"


def _record_article(rec: dict[str, Any], where: str, fallback_id: str, published: str | None,
                    note: Notes = _no_note) -> Article | InputError:
    """One JSON record (`id, url, date/published, title, text|html, outlet`) as an Article."""
    # `text` (already the article as the dataset gives it) is preferred; `html` otherwise.
    raw = rec.get("text") if isinstance(rec.get("text"), str) and rec["text"].strip() else rec.get("html")
    if not isinstance(raw, str) or not raw.strip():
        present = [k for k in ("text", "html") if k in rec]
        detail = (f"; {', '.join(repr(k) for k in present)} empty or not a string" if present
                  else f"; fields present: {', '.join(sorted(map(str, rec))[:8]) or 'none'}")
        return InputError(where, f"record has no non-empty 'text' or 'html' field{detail}")
    key = "published" if rec.get("published") not in (None, "") else "date"
    date_value = rec.get(key)
    date = normalize_date(date_value)
    meta: dict[str, Any] = {k: rec[k] for k in ("outlet", "url", "lang", "category", "author")
                            if rec.get(k) not in (None, "")}
    if raw is rec.get("text"):
        meta["body_only"] = True  # a dataset's text field is the body: no title line to take
    if date_value not in (None, "") and not date:
        meta["date_raw"] = date_value  # kept so a bad date is visible, not silently lost
        fallback = f"using --published {published}" if published else "the page's own date is used if it states one"
        note(where, f"'{key}' is not a date ({str(date_value)[:40]!r}); {fallback}")
    title = rec.get("title") if isinstance(rec.get("title"), str) and rec["title"].strip() else None
    rid = rec.get("id")
    return Article(raw=raw, id=str(rid) if rid not in (None, "") else fallback_id,
                   title=title.strip() if title else None, published=date or published,
                   source=where, meta=meta)


def _from_jsonl(text: str, name: str, published: str | None, note: Notes = _no_note
                ) -> Iterator[Article | InputError]:
    """One Article per JSONL line; a bad line is an InputError naming `file:line`."""
    stem = _stem(name)
    # Split on "\n" only: str.splitlines would also break inside records at U+2028 etc.
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{name}:{n}"
        try:
            rec = json.loads(line)
        except ValueError as exc:
            yield InputError(where, _json_reason(exc))
            continue
        if not isinstance(rec, dict):
            yield InputError(where, f"expected a JSON object, got {type(rec).__name__}")
            continue
        yield _record_article(rec, where, f"{stem}-{n}", published, note)


def _from_json(text: str, name: str, published: str | None, note: Notes = _no_note
               ) -> Iterator[Article | InputError]:
    """A .json file: a list of records, one record, or page data (raw JSON for `clean`)."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        hint = ""
        if text.lstrip().startswith("{") and "\n{" in text.strip():
            hint = "; looks like JSON Lines: name the file .jsonl"
        yield InputError(name, f"invalid JSON ({exc}){hint}")
        return
    stem = _stem(name)
    if isinstance(data, list):
        if not data:
            yield InputError(name, "empty JSON list (no records)")
        for i, rec in enumerate(data, 1):
            if isinstance(rec, dict):
                yield _record_article(rec, f"{name}:{i}", f"{stem}-{i}", published, note)
            else:
                yield InputError(f"{name}:{i}", f"expected a JSON object, got {type(rec).__name__}")
    elif isinstance(data, dict) and (isinstance(data.get("text"), str) or isinstance(data.get("html"), str)):
        yield _record_article(data, name, stem, published, note)
    elif isinstance(data, dict):
        # Structured page data (BBC-style blocks): the clean stage reads it.
        yield Article(raw=text, id=stem, published=published, source=name)
    else:
        yield InputError(name, f"unsupported JSON value ({type(data).__name__})")


def _warc_head_problem(fh: IO[bytes]) -> str | None:
    """Why the stream is not a WARC file (checked on its first bytes), or None."""
    head = fh.read(65536)
    fh.seek(0)
    if not head.strip():
        return "empty input"
    gz = head[:2] == b"\x1f\x8b"
    if gz:
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 4096)
        except zlib.error as exc:
            return f"corrupt gzip data ({exc})"
        if not head:
            return "truncated gzip data: no WARC record could be read"
    if not head.lstrip().startswith(b"WARC/"):
        what = "gzip data but not a WARC file" if gz else "not a WARC file"
        return f"{what} (it does not start with a 'WARC/1.x' version line)"
    return None


def _warc_warning(text: str) -> str:
    """warcio's stderr warning as one short reason."""
    off = re.search(r"Offset:\s*(\d+)", text)
    where = f" at byte {off.group(1)}" if off else ""
    return f"malformed WARC{where}: record not followed by a blank line (wrong Content-Length?)"


def _from_warc(fh: IO[bytes], name: str, published: str | None) -> Iterator[Article | InputError]:
    """HTML responses (and resources) of a WARC file as Articles; problems as InputErrors.

    Truncated records, malformed framing (warcio only prints a warning for it), unreadable
    archives and archives without any HTML page are all reported with the file's name.
    """
    from warcio.archiveiterator import ArchiveIterator  # lazy: only WARC inputs pay for it
    from warcio.exceptions import ArchiveLoadFailed

    if not fh.seekable():  # the head check rewinds
        fh = io.BytesIO(fh.read())
    problem = _warc_head_problem(fh)
    if problem:
        yield InputError(name, problem)
        return
    stem = _stem(name)
    n = records = failed = 0
    skipped: dict[str, int] = {}
    records_iter = iter(ArchiveIterator(fh))
    while True:
        captured = io.StringIO()
        item: Article | InputError | None = None
        try:
            # warcio prints framing problems to stderr: catch them and report them as errors.
            with contextlib.redirect_stderr(captured):
                rec = next(records_iter, None)
                if rec is None:
                    break
                records += 1
                item, why_skipped = _warc_record(rec, name, stem, n + 1, published)
        except (ArchiveLoadFailed, OSError, ValueError, EOFError, zlib.error) as exc:
            after = f" after {records - 1} record(s)" if records > 1 else ""
            yield InputError(name, f"unreadable WARC{after} ({type(exc).__name__}: {exc})")
            return
        if "WARNING" in captured.getvalue():
            failed += 1
            yield InputError(name, _warc_warning(captured.getvalue()))
        if why_skipped:
            skipped[why_skipped] = skipped.get(why_skipped, 0) + 1
        if isinstance(item, Article):
            n += 1
        elif item is not None:
            failed += 1
        if item is not None:
            yield item
        if isinstance(item, InputError) and item.reason.startswith("truncated"):
            return  # nothing after a cut record can be read
    if records == 0:
        yield InputError(name, "no complete WARC record (file truncated?)")
    elif n == 0 and failed == 0:
        what = ", ".join(f"{v} {k}" for k, v in sorted(skipped.items()))
        yield InputError(name, f"no HTML page in WARC ({records} record(s) skipped: {what})")


def _warc_record(rec: Any, name: str, stem: str, index: int, published: str | None
                 ) -> tuple[Article | InputError | None, str | None]:
    """One WARC record: (Article or InputError or None, why it was skipped or None)."""
    uri = rec.rec_headers.get_header("WARC-Target-URI") or ""
    where = f"{name}#{uri}" if uri else name
    if rec.rec_type not in ("response", "resource"):
        return _drained(rec, where, None), f"{rec.rec_type}"
    if rec.rec_type == "response" and rec.http_headers is not None:
        status = rec.http_headers.get_statuscode() or ""
        ctype = rec.http_headers.get_header("Content-Type") or ""
    else:
        status, ctype = "200", rec.rec_headers.get_header("Content-Type") or ""
    if "html" not in ctype.lower():
        return _drained(rec, where, None), "non-HTML"  # images, scripts, styles: not articles
    if status.startswith("3"):
        return _drained(rec, where, None), "redirect"  # redirects carry no page
    if not status.startswith("2"):
        return _drained(rec, where, InputError(where, f"HTTP status {status}")), None
    body = rec.content_stream().read()
    cut = _drained(rec, where, None)
    if cut is not None:
        return cut, None
    return _warc_article(body, ctype, uri, where, f"{stem}-{index}", rec, published), None


def _drained(rec: Any, where: str, item: InputError | None) -> InputError | None:
    """`item`, unless the record's block ends before its Content-Length (then that error)."""
    raw = rec.raw_stream
    while raw.read(65536):
        pass
    left = getattr(raw, "limit", 0)
    if left:
        return InputError(where, f"truncated WARC record ({left} of {rec.length} bytes missing)")
    return item


def _warc_article(body: bytes, ctype: str, uri: str, where: str, aid: str, rec: Any,
                  published: str | None) -> Article | InputError:
    """One WARC HTML payload as an Article, decoded by its HTTP charset or sniffed."""
    m = _CHARSET.search(ctype)
    text = None
    if m:
        try:
            text = body.decode(m.group(1))
        except (LookupError, UnicodeDecodeError):
            text = None  # wrong or unknown declared charset: sniff instead
    if text is None:
        try:
            text = decode_bytes(body, where)
        except InputError as exc:
            return exc
    if not text.strip():
        return InputError(where, "empty response body")
    meta = {"url": uri} if uri else {}
    crawl = normalize_date(rec.rec_headers.get_header("WARC-Date"))
    if crawl:
        meta["crawl_date"] = crawl
    rid = rec.rec_headers.get_header("WARC-Record-ID")
    if rid:
        meta["warc_record_id"] = rid
    return Article(raw=text, id=aid, published=published, source=uri or where, meta=meta)
