"""Meetings: the venue in `محادثات بروكسل` is no party, a preposition past the next trigger is
that trigger's, a later date wins a tie, and a placeless IGO meeting filed from its seat is there."""

from __future__ import annotations

from events_support import hand_article

from rasid.events.seats import igo_seats
from rasid.events.stage import events_stage

NAMES = {
    "سيرجي ريابكوف": ("PER", "RUS:GOV", "GOV", "Sergei Ryabkov"),
    "بروكسل": ("GPE", "BEL", None, "Brussels"), "جنيف": ("GPE", "CHE", None, "Geneva"),
    "ويندي شيرمان": ("PER", "USA:GOV", "GOV", "Wendy Sherman"),
    "الناتو": ("ORG", "NATO", "IGO", "NATO"), "روسيا": ("GPE", "RUS", None, "Russia"),
}
TIMES = {"يوم 12 يناير": "2022-01-12", "10 يناير": "2022-01-10"}
# The founding example's sentence on the two rounds of talks (Asharq Al-Awsat, 4 Jan 2022).
TWO_ROUNDS = ("ومن المتوقع أن يحضر نائب وزير الخارجية الروسي سيرجي ريابكوف ومسؤولون روس آخرون "
              "رفيعو المستوى محادثات بروكسل يوم 12 يناير، بعد الاجتماع مع نائبة وزيرة الخارجية "
              "الأميركية ويندي شيرمان في جنيف 10 يناير.")


def test_talks_named_by_venue_take_no_party_from_the_next_meeting() -> None:
    evs = events_stage(hand_article(TWO_ROUNDS, "2022-01-04", NAMES, times=TIMES)).events
    consult = [e for e in evs if e.event == "CONSULT"]
    # `محادثات بروكسل` has no named partner: Brussels is its venue and Sherman belongs to
    # `الاجتماع مع`; the Geneva meeting keeps its own date (tie between the two times).
    assert not any("BEL" in e.recipient for e in consult)
    geneva = [e for e in consult if e.location == "Geneva"]
    assert geneva and geneva[0].recipient[0].startswith("USA") and geneva[0].date == "2022-01-10"


def test_placeless_igo_meeting_is_at_the_seat_it_is_filed_from() -> None:
    text = "وعقد الناتو اجتماعا مع روسيا الأسبوع المقبل."
    times = {"الأسبوع المقبل": "2022-W02"}
    for city, where in (("بروكسل", "Brussels"), ("موسكو", None)):  # filed elsewhere: no guess
        a = hand_article(text, "2022-01-04", NAMES, times=times)
        a.meta["dateline_city"] = city
        consult = [e for e in events_stage(a).events if e.event == "CONSULT"]
        assert consult and [e.location for e in consult] == [where]


def test_seat_table_covers_the_main_igos() -> None:
    seats = igo_seats()
    assert seats["NATO"][0] == "Brussels" and seats["UN"][0] == "New York"
    assert seats["ARL"][0] == "Cairo" and "القاهره" in seats["ARL"][1]
