"""The `rasid` command line: a thin layer over the pipeline, the scorer and the store."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any, Iterable, NoReturn, Optional

import orjson
import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from rasid.pipeline import STAGE_NAMES, Pipeline, PipelineError
from rasid.textui import report_failures, say, stdout_console

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


def progress_bar(enabled: bool) -> Progress:
    """A rich progress bar on stderr (only on a terminal, and not for a single input)."""
    return Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=err, disable=not (enabled and err.is_terminal),
                    transient=False)


def fail_option(message: str) -> NoReturn:
    """Stop before any work: a bad option value, exit status 2 (as for usage errors)."""
    say(err, "error", message)
    raise typer.Exit(2)


def run_inputs(paths: list[str], published: Optional[str], pipe: Pipeline,
               errors: list[dict[str, str]], outputs: tuple[str, ...] = ()) -> Iterable[Any]:
    """Yield processed Articles; every failure goes to `errors` and the batch goes on."""
    from rasid.ingest.errors import article_problem
    from rasid.ingest.sources import InputError, iter_inputs

    show = err.is_terminal and ("-" in paths or len(paths) > 1 or any(
        p.endswith((".jsonl", ".warc", ".warc.gz")) or Path(p).is_dir() for p in paths))
    with progress_bar(show) as bar:
        task = bar.add_task("processing", total=None)
        for item in iter_inputs(paths, published=published, outputs=outputs,
                                notes=lambda where, what: say(err, "note", what, where, "yellow")):
            bar.advance(task)
            if isinstance(item, InputError):
                errors.append({"input": item.input, "reason": item.reason})
                continue
            name = item.source or item.id or "?"
            try:
                article = pipe(item)
            except PipelineError as exc:
                errors.append({"input": name, "reason": str(exc)})
                continue
            problem = article_problem(article)
            if problem:
                errors.append({"input": name, "reason": problem})
                continue
            yield article


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
    from rasid.ingest.errors import date_option_problem, exit_status, output_path_problem

    if format not in ("json", "jsonl", "table"):
        fail_option(f"--format {format!r} is not one of json, jsonl, table")
    for problem in (date_option_problem(published), output_path_problem(out_path, "--out"),
                    output_path_problem(errors_path, "--errors")):
        if problem:
            fail_option(problem)
    if out_path and errors_path and Path(out_path).resolve() == Path(errors_path).resolve():
        fail_option("--out and --errors name the same file")
    for opt, path in (("--out", out_path), ("--errors", errors_path)):
        if path and any(p != "-" and Path(p).resolve() == Path(path).resolve() for p in inputs):
            fail_option(f"{opt} {path!r} is also an input: it would be overwritten before it is read")
    try:
        pipe = Pipeline.from_option(stages)
    except PipelineError as exc:
        fail_option(str(exc))
    errors: list[dict[str, str]] = []
    sink = open(out_path, "w", encoding="utf-8") if out_path else sys.stdout
    records: list[dict[str, Any]] = []
    n_ok = 0
    try:
        written = tuple(p for p in (out_path, errors_path) if p)
        for article in run_inputs(inputs, published, pipe, errors, written):
            try:
                rec = article.to_record()
            except Exception as exc:  # one unserialisable article must not stop the batch
                errors.append({"input": article.source or article.id or "?",
                               "reason": f"cannot build the output record ({type(exc).__name__}: {exc})"})
                continue
            n_ok += 1
            if format == "jsonl":
                sink.write(_dumps(rec) + "\n")
                sink.flush()  # a reader (or a crash) sees every finished record
            else:
                records.append(rec)
        if format == "json":
            sink.write(_dumps(records[0] if len(records) == 1 else records, pretty=True) + "\n")
        elif format == "table":
            console = stdout_console(sink if out_path else None)
            if len(records) == 1:
                article_view(console, records[0])
            else:
                console.print(summary_table(records))
                for rec in records:
                    if rec.get("events"):
                        console.print(events_table(rec))
    finally:
        # The report is written even when the run is interrupted: what failed stays known.
        if out_path:
            sink.close()
        report_failures(err, errors, errors_path)
    report = f"; error report: {errors_path}" if errors_path else ""
    err.print(f"processed {n_ok}, failed {len(errors)}{report}", markup=False, highlight=False,
              soft_wrap=True)
    status = exit_status(len(errors))
    if status:
        raise typer.Exit(status)


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

    totals, articles = evaluate(gold, Pipeline.from_option(stages))
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
