"""CLI commands of the corpus store: `ingest`, `query`, `export` (plain typer-compatible functions).

The main app registers them with `app.command()(ingest)` etc.; `store_app` below registers
them on its own so they can be run as `python -m rasid.store.cli ...` and tested alone.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

import typer

from rasid.textui import say, stdout_console

FORMATS_QUERY = ("table", "json")
WHATS = ("events", "articles", "quotes", "actors")
EXPORT_FORMATS = ("jsonl", "plover", "gdelt", "parquet")


def _count_inputs(paths: list[str]) -> int | None:
    """A cheap estimate of how many inputs the paths hold (JSONL lines, files), None if unknown."""
    total = 0
    for p in paths:
        path = Path(p)
        if path.is_dir() or not path.exists():
            return None
        if path.suffix == ".jsonl":
            with path.open("rb") as fh:
                total += sum(1 for line in fh if line.strip())
        else:
            total += 1
    return total


def _option_problems(db: str, errors: str | None, published: str | None,
                     stages: str | None) -> tuple[list[str], Any]:
    """Problems with ingest's options (before any work), and the pipeline `--stages` asks for."""
    from rasid.ingest.errors import date_option_problem, output_path_problem
    from rasid.pipeline import Pipeline, PipelineError

    problems = [p for p in (date_option_problem(published), output_path_problem(db, "--db"),
                            output_path_problem(errors, "--errors")) if p]
    pipe = None
    try:
        pipe = Pipeline.from_option(stages)
    except PipelineError as exc:
        problems.append(str(exc))
    return problems, pipe


def ingest(
    inputs: list[str] = typer.Argument(..., help="Input files or directories (JSONL, text, HTML, WARC)."),
    db: str = typer.Option("rasid.db", "--db", help="SQLite store to write (created if missing)."),
    errors: str | None = typer.Option(None, "--errors", help="Write failed inputs as JSONL {input, reason}."),
    published: str | None = typer.Option(None, "--published", help="Publication date (ISO) for inputs without one."),
    batch_size: int = typer.Option(50, "--batch-size", min=1, help="Articles per transaction (a crash loses at most one batch)."),
    stages: str | None = typer.Option(None, "--stages", help="Comma-separated pipeline stages (default: all)."),
) -> None:
    """Analyse articles and store them, skipping ones already stored (same content or URL)."""
    import sqlite3

    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from rasid.ingest.errors import exit_status
    from rasid.ingest.sources import iter_inputs
    from rasid.store.db import connect
    from rasid.store.ingest import IngestSummary, ingest_articles, write_errors

    console = Console(stderr=True)
    problems, pipe = _option_problems(db, errors, published, stages)
    for p in problems:
        say(console, "error", p)
    if problems:
        raise typer.Exit(2)
    # (stages run with what they need, `--stages times` also cleans, as in `rasid process`;
    # the store refuses pages that hold no article: listings, empty pages)

    try:
        conn = connect(db)
    except (sqlite3.Error, RuntimeError) as exc:
        say(console, "error", f"cannot open the store ({exc})", db)
        raise typer.Exit(2)
    total = _count_inputs(inputs) if console.is_terminal else None
    t0 = time.perf_counter()
    progress = Progress(SpinnerColumn(), TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(),
                        TextColumn("new {task.fields[new]} · dup {task.fields[dup]} · failed {task.fields[failed]}"),
                        TimeElapsedColumn(), console=console, transient=False,
                        disable=not console.is_terminal)
    summary = IngestSummary()
    try:
        with progress:
            task = progress.add_task("ingest", total=total, new=0, dup=0, failed=0)

            def on_item(status: str, s: IngestSummary) -> None:
                nonlocal summary
                summary = s  # the running summary, so an interrupt still reports what failed
                progress.update(task, advance=1, new=s.new, dup=s.duplicate, failed=s.failed)

            items = iter_inputs(list(inputs), published=published, outputs=(db, errors or ""),
                                notes=lambda where, what: say(console, "note", what, where, "yellow"))
            summary = ingest_articles(conn, items, pipe, batch_size=batch_size, on_item=on_item)
    except KeyboardInterrupt:
        console.print("[yellow]interrupted: committed batches are kept; rerun to resume[/]")
        if errors:
            write_errors(errors, summary.errors)  # what failed before the interrupt
        raise typer.Exit(130)
    finally:
        conn.close()
    dt = time.perf_counter() - t0
    if errors:
        write_errors(errors, summary.errors)
    done = summary.new + summary.duplicate + summary.failed
    console.print(f"[green]new {summary.new}[/] · duplicate {summary.duplicate} · "
                  f"[red]failed {summary.failed}[/] · events {summary.events} · "
                  f"{done / dt if dt else 0:.1f} inputs/s → {db}", highlight=False, soft_wrap=True)
    for e in summary.errors[:5]:
        say(console, "  ✗", e.reason, e.input)
    if len(summary.errors) > 5:
        console.print(f"  … {len(summary.errors) - 5} more" + (f" in {errors}" if errors else " (use --errors FILE)"),
                      markup=False, highlight=False)
    # Machine-readable summary on stdout.
    typer.echo(json.dumps(summary.as_dict()))
    if exit_status(summary.failed):
        raise typer.Exit(exit_status(summary.failed))


def _cell(v: Any) -> str:
    """A table cell: lists joined, long text cut."""
    if isinstance(v, list):
        return ",".join(str(x) for x in v)
    s = "" if v is None else str(v)
    return s if len(s) <= 80 else s[:79] + "…"


_TABLE_COLUMNS = {
    "events": ["id", "event_type", "aux", "date", "actor", "recipient", "location",
               "num_mentions", "num_sources", "first_seen", "evidence"],
    "articles": ["id", "published", "outlet", "title", "story", "num_events", "snippet"],
    "quotes": ["id", "published", "outlet", "code", "speaker", "cue", "direct", "quote"],
    "actors": ["code", "num_mentions", "num_articles", "num_events", "names"],
}


def query(
    what: str = typer.Argument(..., help="What to list: events | articles | quotes | actors."),
    text: str | None = typer.Option(None, "--text", help="Full-text query (Arabic is normalised: اوكرانيا finds أوكرانيا)."),
    actor: str | None = typer.Option(None, "--actor", help="Actor code (e.g. RUS): actor or recipient of events, speaker of quotes."),
    type: str | None = typer.Option(None, "--type", help="PLOVER event type (e.g. CONSULT)."),
    aux: str | None = typer.Option(None, "--aux", help="future | negated | hypothetical | none."),
    since: str | None = typer.Option(None, "--since", help="From this ISO date (inclusive)."),
    until: str | None = typer.Option(None, "--until", help="Up to this ISO date (inclusive)."),
    outlet: str | None = typer.Option(None, "--outlet", help="Only this outlet."),
    limit: int = typer.Option(20, "--limit", min=1, help="Maximum rows."),
    format: str = typer.Option("table", "--format", help="table | json (one JSON object a line)."),
    db: str = typer.Option("rasid.db", "--db", help="SQLite store to read."),
) -> None:
    """Search stored events, articles, quotes or actors with full text and filters."""
    from rasid.store.db import connect
    from rasid.store.search import SEARCHES

    if what not in SEARCHES:
        raise typer.BadParameter(f"choose one of {', '.join(WHATS)}", param_hint="WHAT")
    if format not in FORMATS_QUERY:
        raise typer.BadParameter(f"choose one of {', '.join(FORMATS_QUERY)}", param_hint="--format")
    if not Path(db).exists():
        raise typer.BadParameter(f"no store at {db}", param_hint="--db")
    conn = connect(db)
    try:
        rows = SEARCHES[what](conn, text=text, actor=actor, type=type, aux=aux, since=since,
                              until=until, outlet=outlet, limit=limit)
    finally:
        conn.close()
    if format == "json":
        for r in rows:
            typer.echo(json.dumps(r, ensure_ascii=False, default=str))
        return
    from rich.table import Table

    table = Table(title=f"{what} ({len(rows)})")
    cols = _TABLE_COLUMNS[what]
    for c in cols:
        wide = c in ("title", "snippet", "evidence", "quote", "names")
        table.add_column(c, overflow="fold" if wide else "ellipsis", no_wrap=not wide)
    for r in rows:
        table.add_row(*(_cell(r.get(c)) for c in cols))
    stdout_console().print(table)


def export(
    format: str = typer.Option("jsonl", "--format", help="jsonl (articles) | plover (events) | gdelt (TSV dir) | parquet (dir)."),
    out: str = typer.Option("-", "--out", help="Output file for jsonl/plover ('-' = stdout); directory for gdelt/parquet."),
    db: str = typer.Option("rasid.db", "--db", help="SQLite store to read."),
) -> None:
    """Export the store as article JSONL, PLOVER event JSON, GDELT-style TSV or Parquet."""
    from rasid.store.db import connect
    from rasid.store.export import EXPORTERS

    if format not in EXPORTERS:
        raise typer.BadParameter(f"choose one of {', '.join(EXPORT_FORMATS)}", param_hint="--format")
    if format in ("gdelt", "parquet") and out == "-":
        raise typer.BadParameter(f"{format} writes several files: give a directory", param_hint="--out")
    if not Path(db).exists():
        raise typer.BadParameter(f"no store at {db}", param_hint="--db")
    conn = connect(db)
    try:
        counts = EXPORTERS[format](conn, out)
    finally:
        conn.close()
    if out != "-":
        typer.echo(f"{format}: {counts} → {out}", err=True)


store_app = typer.Typer(help="rasid corpus store: ingest, query, export.", no_args_is_help=True)
store_app.command()(ingest)
store_app.command()(query)
store_app.command()(export)

if __name__ == "__main__":
    sys.exit(store_app())
