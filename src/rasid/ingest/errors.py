"""The one error type ingestion reports: an input that could not become an article."""

from __future__ import annotations


class InputError(Exception):
    """An input (file, `file:line`, URI, "stdin") that could not be read, with the reason."""

    def __init__(self, input: str, reason: str) -> None:  # noqa: A002 - `input` is the contract
        super().__init__(f"{input}: {reason}")
        self.input = input
        self.reason = reason

    def __repr__(self) -> str:
        """Readable form for logs and test failures."""
        return f"InputError({self.input!r}, {self.reason!r})"


def date_option_problem(value: str | None, option: str = "--published") -> str | None:
    """Why a command-line date is unusable (not a calendar date), or None when it is fine."""
    if value is None:
        return None
    from rasid.ingest.dates import normalize_date  # lazy: keeps this module dependency-free

    if normalize_date(value):
        return None
    return f"{option} {value!r} is not a date (use YYYY-MM-DD)"


def output_path_problem(path: str | None, option: str) -> str | None:
    """Why `path` cannot be written (missing or unwritable folder, a directory), or None."""
    import os

    if not path or path == "-":
        return None
    if os.path.isdir(path):
        return f"{option} {path!r} is a directory; give a file name"
    parent = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(parent):
        return f"{option} {path!r}: directory {os.path.dirname(path) or parent!r} does not exist"
    if not os.access(parent, os.W_OK) or (os.path.exists(path) and not os.access(path, os.W_OK)):
        return f"{option} {path!r}: permission denied"
    return None


def article_problem(article: object) -> str | None:
    """Why an analysed article is no article (a listing, an empty or unparsable page), or None."""
    text = getattr(article, "text", None)
    if text is None or text.strip():
        return None  # not cleaned (no text layer asked for) or a real body
    meta = getattr(article, "meta", None) or {}
    kind = meta.get("page_kind")
    if kind == "listing":
        cards = (meta.get("listing_signals") or {}).get("cards")
        return f"not an article: a listing page ({cards} teaser links, no article body)" if cards \
            else "not an article: a listing page"
    if kind == "unparsable":
        return f"unparsable HTML ({meta.get('error') or 'parser failed'})"
    title = getattr(article, "title", None)
    if title:
        # A one-line text file: its line became the title (as a page's first line does).
        return f"no article body, only a title line ({title[:60]!r})"
    return "no article text found (page is empty or all navigation/boilerplate)"


class NotAnArticle(Exception):
    """An input that was read and cleaned but holds no article (see `article_problem`)."""


# Exit statuses of the batch commands (process, ingest, quotes), documented in the README.
EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def exit_status(n_failed: int) -> int:
    """0 when every input went through, 1 when any input failed (the rest is still processed
    and written; the error report lists the failures), as the foundation issue asks."""
    return EXIT_SOME_FAILED if n_failed else EXIT_OK
