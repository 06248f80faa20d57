"""Rich consoles and stderr lines shared by the commands."""

from __future__ import annotations

import sys
from typing import IO

import orjson
from rich.console import Console
from rich.text import Text

# Width of tables written to a pipe or file: rich would fall back to 80 columns and squeeze
# every cell to an ellipsis (`rasid query events | less`).
PIPE_WIDTH = 200
# Failures listed on stderr after a batch; the rest are only in the error report file.
SHOWN_FAILURES = 20


def stdout_console(file: IO[str] | None = None) -> Console:
    """A console for tables: the terminal's width, or PIPE_WIDTH when not writing to one."""
    target = file or sys.stdout
    wide = not (hasattr(target, "isatty") and target.isatty())
    return Console(file=file, width=PIPE_WIDTH if wide else None)


def say(console: Console, kind: str, what: str, where: str | None = None, style: str = "red") -> None:
    """One line `kind [where:] what`, never wrapped and never read as rich markup (paths may
    hold `[]`)."""
    line = f" {where}: {what}" if where is not None else f" {what}"
    console.print(Text.assemble((kind, style), line), soft_wrap=True, highlight=False)


def report_failures(console: Console, failures: list[dict[str, str]], path: str | None) -> None:
    """Write the error report (JSONL `{input, reason}`) when asked and list the first failures."""
    if path:
        with open(path, "w", encoding="utf-8") as fh:
            for f in failures:
                fh.write(orjson.dumps(f).decode("utf-8") + "\n")
    for f in failures[:SHOWN_FAILURES]:
        say(console, "error", f["reason"], f["input"])
    if len(failures) > SHOWN_FAILURES:
        say(console, "…", f"and {len(failures) - SHOWN_FAILURES} more errors"
            + (f" (all in {path})" if path else " (use --errors FILE for all)"))
