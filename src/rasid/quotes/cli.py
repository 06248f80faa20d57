"""`rasid quotes`: print every quote of a speaker found in files or folders of articles."""

from __future__ import annotations

import sys
from typing import Optional

import orjson
import typer
from rich.console import Console
from rich.table import Table

from rasid.quotes.search import find_quotes

_FORMATS = ("table", "jsonl")


def quotes(inputs: list[str] = typer.Argument(..., help="Files or folders of articles ('-' for stdin)."),
           speaker: str = typer.Option(..., "--speaker", help="Speaker name, Arabic or English."),
           published: Optional[str] = typer.Option(None, "--published",
                                                    help="Publication date for inputs without one."),
           format: str = typer.Option("table", "--format", help="table or jsonl.")) -> None:  # noqa: A002
    """Run the pipeline over INPUTS and print every quote of --speaker."""
    from rasid.ingest.sources import iter_inputs
    from rasid.pipeline import Pipeline

    if format not in _FORMATS:
        raise typer.BadParameter(f"--format must be one of {_FORMATS}")
    err = Console(stderr=True)
    pipe = Pipeline.build()
    hits: list[dict] = []
    for item in iter_inputs(inputs, published):
        if not hasattr(item, "to_record"):  # an InputError: report it and go on
            err.print(f"[yellow]skipped[/] {getattr(item, 'input', item)}: {getattr(item, 'reason', '')}")
            continue
        try:
            article = pipe(item)
        except Exception as exc:  # one bad article must not stop a batch
            err.print(f"[red]failed[/] {item.source}: {exc}")
            continue
        hits += find_quotes([article], speaker)
    if format == "jsonl":
        for h in hits:
            sys.stdout.write(orjson.dumps(_row(h)).decode("utf-8") + "\n")
        return
    table = Table(title=f"quotes of {speaker} ({len(hits)})")
    for col in ("speaker", "code", "cue", "quote", "direct", "source"):
        table.add_column(col, overflow="fold")
    for h in hits:
        r = _row(h)
        table.add_row(r["speaker"] or "", r["code"] or "", r["cue"] or "", r["quote"],
                      "yes" if r["direct"] else "no", r["source"] or "")
    Console().print(table)


def _row(h: dict) -> dict:
    """The printed fields of one hit."""
    return {"speaker": h.get("speaker_text"), "speaker_en": h.get("speaker_en"),
            "code": h.get("code"), "cue": h.get("cue"), "quote": h.get("quote"),
            "direct": h.get("direct"), "in_title": h.get("in_title", False),
            "source": h.get("source") or h.get("article_id"), "published": h.get("published")}
