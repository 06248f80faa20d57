"""Place a meeting that names no place at its IGO's seat when the article is filed from there.

`بروكسل-رويترز` over a story on a NATO council meeting: the meeting is in Brussels. The seat
comes from `data/events/igo_seats.tsv`, the city from the dateline (`meta["dateline_city"]`),
so the location stays traceable to words of the page.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from rasid.article import Article
from rasid.text.normalize import normalize


@lru_cache(maxsize=1)
def igo_seats() -> dict[str, tuple[str, frozenset[str]]]:
    """IGO code -> (seat's English name, normalised Arabic forms of the seat city)."""
    text = resources.files("rasid.data").joinpath("events/igo_seats.tsv").read_text("utf-8")
    out: dict[str, tuple[str, frozenset[str]]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, en, forms = line.split("\t")
        out[code] = (en, frozenset(normalize(f).strip() for f in forms.split(",")))
    return out


def place_at_seat(article: Article) -> None:
    """Give placeless CONSULT events with an IGO party the dateline city when it is the seat."""
    city = article.meta.get("dateline_city")
    if not city:
        return
    key = normalize(str(city)).strip()
    seats = igo_seats()
    for ev in article.events:
        if ev.event != "CONSULT" or ev.location or ev.mode in ("visit", "phone"):
            continue
        for code in ev.actor + ev.recipient:
            seat = seats.get(code.split(":")[0])
            if seat is not None and key in seat[1]:
                ev.location = seat[0]
                break
