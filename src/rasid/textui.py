"""Rich consoles shared by the commands."""

from __future__ import annotations

import sys
from typing import IO

from rich.console import Console

# Width of tables written to a pipe or file: rich would fall back to 80 columns and squeeze
# every cell to an ellipsis (`rasid query events | less`).
PIPE_WIDTH = 200


def stdout_console(file: IO[str] | None = None) -> Console:
    """A console for tables: the terminal's width, or PIPE_WIDTH when not writing to one."""
    target = file or sys.stdout
    wide = not (hasattr(target, "isatty") and target.isatty())
    return Console(file=file, width=PIPE_WIDTH if wide else None)
