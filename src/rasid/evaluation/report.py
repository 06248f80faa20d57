"""Human-readable tables for `rasid eval`."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table


def _fmt(x: Any) -> str:
    """Scores as 3-decimal strings, counts as they are."""
    return f"{x:.3f}" if isinstance(x, float) else str(x)


def render_report(console: Console, result: dict[str, Any],
                  per_article: list[dict[str, Any]] | None = None) -> None:
    """Print the layer summary, the per-event-type table and optionally per-article scores."""
    t = Table(title=f"rasid eval — {result['articles']} articles")
    for col in ("layer", "P", "R", "F1", "tp", "fp", "fn", "extra"):
        t.add_column(col, justify="right" if col != "layer" else "left")
    extras = {
        "entities": f"code acc {_fmt(result['entities']['code_accuracy'])}",
        "times": f"value acc {_fmt(result['times']['value_accuracy'])}, span F1 {_fmt(result['times']['span_f1'])}",
        "quotes": f"speaker acc {_fmt(result['quotes']['speaker_accuracy'])}",
        "events": (f"date {_fmt(result['events']['date_accuracy'])}, aux {_fmt(result['events']['aux_accuracy'])},"
                   f" mode {_fmt(result['events']['mode_accuracy'])}"),
    }
    for layer, extra in extras.items():
        r = result[layer]
        t.add_row(layer, _fmt(r["precision"]), _fmt(r["recall"]), _fmt(r["f1"]),
                  str(r["tp"]), str(r["fp"]), str(r["fn"]), extra)
    t.add_row("clean", "", "", "", "", "", "", f"score {_fmt(result['clean']['score'])} "
              f"({result['clean']['checks']} checks)")
    console.print(t)

    pt = Table(title="events per type")
    for col in ("type", "P", "R", "F1", "tp", "fp", "fn"):
        pt.add_column(col, justify="right" if col != "type" else "left")
    for etype, r in sorted(result["events"]["per_type"].items()):
        pt.add_row(etype, _fmt(r["precision"]), _fmt(r["recall"]), _fmt(r["f1"]),
                   str(r["tp"]), str(r["fp"]), str(r["fn"]))
    console.print(pt)

    if per_article:
        at = Table(title="per article (F1)")
        for col in ("id", "entities", "times", "quotes", "events", "clean"):
            at.add_column(col)
        for a in per_article:
            at.add_row(str(a["id"]), _fmt(a["entities"]["f1"]), _fmt(a["times"]["f1"]),
                       _fmt(a["quotes"]["f1"]), _fmt(a["events"]["f1"]), _fmt(a["clean"]))
        console.print(at)
