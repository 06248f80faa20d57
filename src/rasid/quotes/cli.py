"""`rasid quotes`: print every quote of a speaker found in files or folders of articles."""

from __future__ import annotations

import sys
from typing import Optional

import orjson
import typer
from rich.console import Console
from rich.table import Table

from rasid.quotes.search import find_quotes
from rasid.textui import report_failures, say, stdout_console

_FORMATS = ("table", "jsonl")


def quotes(inputs: list[str] = typer.Argument(..., help="Files or folders of articles ('-' for stdin)."),
           speaker: str = typer.Option(..., "--speaker", help="Speaker name, Arabic or English."),
           published: Optional[str] = typer.Option(None, "--published",
                                                    help="Publication date for inputs without one."),
           format: str = typer.Option("table", "--format", help="table or jsonl."),  # noqa: A002
           errors_path: Optional[str] = typer.Option(None, "--errors",
                                                     help="Write failed inputs as JSONL {input, reason}.")
           ) -> None:
    """Run the pipeline over INPUTS and print every quote of --speaker."""
    from rasid.ingest.errors import (InputError, article_problem, date_option_problem, exit_status,
                                     output_path_problem)
    from rasid.ingest.sources import iter_inputs
    from rasid.pipeline import Pipeline

    err = Console(stderr=True)
    problems = [p for p in (
        None if format in _FORMATS else f"--format {format!r} is not one of {', '.join(_FORMATS)}",
        None if speaker.strip() else "--speaker is empty",
        date_option_problem(published), output_path_problem(errors_path, "--errors")) if p]
    for p in problems:
        say(err, "error", p)
    if problems:
        raise typer.Exit(2)
    pipe = Pipeline.build()
    hits: list[dict] = []
    failures: list[dict[str, str]] = []
    n_ok = 0
    for item in iter_inputs(inputs, published,
                            notes=lambda where, what: say(err, "note", what, where, "yellow")):
        if isinstance(item, InputError):
            failures.append({"input": item.input, "reason": item.reason})
            continue
        name = item.source or item.id or "?"
        try:
            article = pipe(item)
            problem = article_problem(article)
            if problem:
                failures.append({"input": name, "reason": problem})
                continue
            hits += find_quotes([article], speaker)
        except Exception as exc:  # one bad article must not stop a batch
            failures.append({"input": name, "reason": f"{type(exc).__name__}: {exc}"})
            continue
        n_ok += 1
    report_failures(err, failures, errors_path)
    if format == "jsonl":
        for h in hits:
            sys.stdout.write(orjson.dumps(_row(h)).decode("utf-8") + "\n")
    else:
        table = Table(title=f"quotes of {speaker} ({len(hits)})")
        for col in ("speaker", "code", "cue", "quote", "direct", "source"):
            table.add_column(col, overflow="fold")
        for h in hits:
            r = _row(h)
            table.add_row(r["speaker"] or "", r["code"] or "", r["cue"] or "", r["quote"],
                          "yes" if r["direct"] else "no", r["source"] or "")
        stdout_console().print(table)
    err.print(f"processed {n_ok}, failed {len(failures)}, quotes {len(hits)}", markup=False,
              highlight=False, soft_wrap=True)
    if exit_status(len(failures)):
        raise typer.Exit(exit_status(len(failures)))


def _row(h: dict) -> dict:
    """The printed fields of one hit."""
    return {"speaker": h.get("speaker_text"), "speaker_en": h.get("speaker_en"),
            "code": h.get("code"), "cue": h.get("cue"), "quote": h.get("quote"),
            "direct": h.get("direct"), "in_title": h.get("in_title", False),
            "source": h.get("source") or h.get("article_id"), "published": h.get("published")}
