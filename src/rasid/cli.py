"""The `rasid` command line: a thin layer over the pipeline, the scorer and the store."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any, Iterable, Optional

import orjson
import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from rasid.pipeline import STAGE_NAMES, Pipeline, PipelineError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="rasid (راصد): Arabic news to political event data.")
err = Console(stderr=True)
out = Console()

# Commands that live with their stage package: registered when the module is importable.
PLUGIN_COMMANDS: tuple[tuple[str, str], ...] = (
    ("quotes", "rasid.quotes.cli:quotes"),
    ("ingest", "rasid.store.cli:ingest"),
    ("query", "rasid.store.cli:query"),
    ("export", "rasid.store.cli:export"),
)


def _dumps(obj: Any, pretty: bool = False) -> str:
    """JSON text with Arabic kept readable."""
    opts = orjson.OPT_INDENT_2 if pretty else 0
    return orjson.dumps(obj, option=opts | orjson.OPT_NON_STR_KEYS).decode("utf-8")


def build_pipeline(stages: Optional[str]) -> Pipeline:
    """Pipeline for a comma-separated stage list (with what those stages need), or all."""
    if not stages:
        return Pipeline.build()
    names = [s.strip() for s in stages.split(",") if s.strip()]
    return Pipeline.with_dependencies(names)


def progress_bar(enabled: bool) -> Progress:
    """A rich progress bar on stderr (disabled for a single input)."""
    return Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=err, disable=not enabled, transient=False)


def count_inputs(paths: list[str]) -> int | None:
    """Number of input files (for the progress bar); None when reading stdin."""
    if "-" in paths:
        return None
    exts = (".txt", ".html", ".htm", ".jsonl", ".json", ".warc", ".warc.gz")
    n = 0
    for p in paths:
        path = Path(p)
        if path.is_dir():
            n += sum(1 for f in path.rglob("*") if f.is_file() and f.name.lower().endswith(exts))
        else:
            n += 1
    return n


def run_inputs(paths: list[str], published: Optional[str], pipe: Pipeline,
               errors: list[dict[str, str]]) -> Iterable[Any]:
    """Yield processed Articles; every failure goes to `errors` and the batch goes on."""
    from rasid.ingest.sources import InputError, iter_inputs

    n_files = count_inputs(paths)
    show = n_files is None or n_files > 1 or any(p.endswith((".jsonl", ".warc", ".warc.gz")) for p in paths)
    with progress_bar(show) as bar:
        task = bar.add_task("processing", total=None)
        for item in iter_inputs(paths, published=published):
            bar.advance(task)
            if isinstance(item, InputError):
                errors.append({"input": item.input, "reason": item.reason})
                continue
            try:
                yield pipe(item)
            except PipelineError as exc:
                errors.append({"input": item.source or item.id or "?", "reason": str(exc)})


def summary_table(records: list[dict[str, Any]]) -> Table:
    """One row per article: id, title and layer counts."""
    t = Table(title="rasid", show_lines=False)
    for col in ("id", "published", "title", "entities", "times", "quotes", "events"):
        t.add_column(col)
    for r in records:
        t.add_row(str(r["id"]), str(r.get("published") or ""), (r.get("title") or "")[:60],
                  *(str(len(r.get(k, []))) for k in ("entities", "times", "quotes", "events")))
    return t


def article_view(console: Console, record: dict[str, Any]) -> None:
    """One article as a reader sees it: metadata, clean text, then each annotation layer."""
    from rich.panel import Panel

    meta = record.get("meta") or {}
    facts = {k: meta.get(k) for k in ("outlet", "dateline", "agency", "credit", "url") if meta.get(k)}
    if meta.get("captions"):
        facts["captions"] = " | ".join(meta["captions"])
    head = "\n".join(f"[bold]{k}[/bold]: {v}" for k, v in facts.items())
    console.print(Panel(f"{head}\n\n{record.get('clean_text', '')}" if head else record.get("clean_text", ""),
                        title=f"{record.get('title') or record['id']} ({record.get('published') or 'no date'})"))
    layers = (
        ("entities", ("text", "type", "name_en", "code")),
        ("times", ("text", "value")),
        ("quotes", ("speaker_text", "code", "cue", "quote", "direct")),
    )
    for layer, cols in layers:
        if not record.get(layer):
            continue
        t = Table(title=layer)
        for col in cols:
            t.add_column(col, overflow="fold")
        for span in record[layer]:
            t.add_row(*(str(span.get(c) if span.get(c) is not None else "") for c in cols))
        console.print(t)
    if record.get("events"):
        console.print(events_table(record))


def events_table(record: dict[str, Any]) -> Table:
    """The events of one article with their evidence."""
    t = Table(title=f"events of {record['id']}")
    for col in ("event", "mode", "actor", "recipient", "date", "location", "aux", "evidence"):
        t.add_column(col, overflow="fold")
    for e in record.get("events", []):
        t.add_row(e["event"], e.get("mode") or "", ",".join(e.get("actor", [])),
                  ",".join(e.get("recipient", [])), e.get("date") or "", e.get("location") or "",
                  e.get("aux") or "", e.get("evidence", ""))
    return t


def write_errors(errors: list[dict[str, str]], path: Optional[str]) -> None:
    """Write the error report as JSONL (when asked) and list the failures on stderr."""
    if path:
        with open(path, "w", encoding="utf-8") as fh:
            for e in errors:
                fh.write(_dumps(e) + "\n")
    for e in errors[:20]:
        err.print(f"[red]error[/red] {e['input']}: {e['reason']}")
    if len(errors) > 20:
        err.print(f"… and {len(errors) - 20} more errors")


@app.command()
def process(
    inputs: list[str] = typer.Argument(..., help="Files, folders, JSONL/WARC files, or - for stdin."),
    published: Optional[str] = typer.Option(None, help="Publication date (ISO) for inputs that lack one."),
    format: str = typer.Option("json", "--format", "-f", help="json | jsonl | table"),
    out_path: Optional[str] = typer.Option(None, "--out", "-o", help="Write records here instead of stdout."),
    errors_path: Optional[str] = typer.Option(None, "--errors", help="Write the error report (JSONL) here."),
    stages: Optional[str] = typer.Option(None, help=f"Comma-separated subset of {','.join(STAGE_NAMES)}."),
) -> None:
    """Analyse articles: clean text, entities, times, quotes and events, one record each."""
    if format not in ("json", "jsonl", "table"):
        raise typer.BadParameter("--format must be json, jsonl or table")
    try:
        pipe = build_pipeline(stages)
    except PipelineError as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(2)
    errors: list[dict[str, str]] = []
    sink = open(out_path, "w", encoding="utf-8") if out_path else sys.stdout
    records: list[dict[str, Any]] = []
    n_ok = 0
    try:
        for article in run_inputs(inputs, published, pipe, errors):
            rec = article.to_record()
            n_ok += 1
            if format == "jsonl":
                sink.write(_dumps(rec) + "\n")
            else:
                records.append(rec)
        if format == "json":
            sink.write(_dumps(records[0] if len(records) == 1 else records, pretty=True) + "\n")
        elif format == "table":
            console = Console(file=sink) if out_path else out
            if len(records) == 1:
                article_view(console, records[0])
            else:
                console.print(summary_table(records))
                for rec in records:
                    if rec.get("events"):
                        console.print(events_table(rec))
    finally:
        if out_path:
            sink.close()
    write_errors(errors, errors_path)
    err.print(f"processed {n_ok}, failed {len(errors)}")
    if errors and not n_ok:
        raise typer.Exit(1)


@app.command("eval")
def eval_command(
    gold: str = typer.Option(..., help="Gold JSONL file (see the annotation guide)."),
    json_out: bool = typer.Option(False, "--json", help="Print one JSON object instead of tables."),
    per_article: bool = typer.Option(False, "--per-article", help="Also show each article's scores."),
    stages: Optional[str] = typer.Option(None, help="Run only these stages (and what they need)."),
) -> None:
    """Score the pipeline against gold records as the guide's Scoring section says."""
    from rasid.evaluation.report import render_report
    from rasid.evaluation.runner import evaluate

    totals, articles = evaluate(gold, build_pipeline(stages))
    result = totals.as_dict()
    if json_out:
        if per_article:
            result["per_article"] = articles
        out.print_json(_dumps(result))
        return
    render_report(out, result, articles if per_article else None)


@app.command("stages")
def stages_command() -> None:
    """List the registered pipeline stages with what they require and assign."""
    from rasid.pipeline import REGISTRY

    t = Table(title="pipeline stages (in order)")
    for col in ("stage", "requires", "assigns", "what"):
        t.add_column(col)
    for s in REGISTRY:
        t.add_row(s.name, ", ".join(s.requires), ", ".join(s.assigns), s.doc)
    out.print(t)


def _register_plugins() -> None:
    """Add the commands that stage packages provide, when they are installed."""
    for name, target in PLUGIN_COMMANDS:
        module_name, func_name = target.split(":")
        try:
            func = getattr(importlib.import_module(module_name), func_name)
        except (ImportError, AttributeError):
            continue  # that capability is not part of this build
        app.command(name)(func)


_register_plugins()

if __name__ == "__main__":
    app()
