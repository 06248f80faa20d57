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
