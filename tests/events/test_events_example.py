"""The founding example through the whole pipeline: the events the guide's first gold line lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasid.article import Article, Event
from rasid.pipeline import Pipeline

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "asharq-2022-01-04-nato-russia.txt"


@pytest.fixture(scope="module")
def events() -> list[Event]:
    art = Pipeline.build()(Article(raw=EXAMPLE.read_text("utf-8"), published="2022-01-04"))
    return art.events


def _base(codes: list[str]) -> set[str]:
    return {c.split(":")[0] for c in codes}


def _find(events: list[Event], etype: str, a: str, r: str, symmetric: bool = False) -> Event:
    for e in events:
        if e.event != etype:
            continue
        if a in _base(e.actor) and r in _base(e.recipient):
            return e
        if symmetric and r in _base(e.actor) and a in _base(e.recipient):
            return e
    raise AssertionError(f"no {etype} {a}->{r} in {[(e.event, e.actor, e.recipient) for e in events]}")


def test_nato_russia_council_meeting(events: list[Event]) -> None:
    e = _find(events, "CONSULT", "NATO", "RUS", symmetric=True)
    # (Brussels: no place in its clauses; the story is filed from NATO's seat, `بروكسل-رويترز`)
    assert e.date == "2022-01-12" and e.aux == "future" and e.location == "Brussels"


def test_geneva_talks(events: list[Event]) -> None:
    e = _find(events, "CONSULT", "USA", "RUS", symmetric=True)
    assert e.date == "2022-01-10" and e.aux == "future" and e.location == "Geneva"


def test_troop_build_up(events: list[Event]) -> None:
    e = _find(events, "MOBILIZE", "RUS", "UKR")
    assert e.mode == "troops" and e.aux is None


def test_denied_invasion_is_negated(events: list[Event]) -> None:
    negated = [e for e in events if e.event == "ASSAULT" and e.aux == "negated"]
    assert negated and "RUS" in _base(negated[0].actor) and "UKR" in _base(negated[0].recipient)


def test_borrell_visit(events: list[Event]) -> None:
    e = _find(events, "CONSULT", "EU", "UKR")
    assert e.mode == "visit" and e.date == "2022-01-04" and e.aux is None


def test_blinken_calls_one_event_nine_recipients(events: list[Event]) -> None:
    e = _find(events, "CONSULT", "USA", "BGR")
    assert e.mode == "phone"
    assert _base(e.recipient) == {"BGR", "CZE", "EST", "HUN", "LVA", "LTU", "POL", "ROU", "SVK"}
    assert any(x.event == "CONSULT" and _base(x.recipient) == {"TUR"} for x in events)


def test_evidence_is_a_span_of_the_text(events: list[Event]) -> None:
    art_text = Pipeline.build(["clean"])(Article(raw=EXAMPLE.read_text("utf-8"))).text
    for e in events:
        assert art_text[e.start:e.end] == e.evidence
        assert e.cameo and e.goldstein is not None
