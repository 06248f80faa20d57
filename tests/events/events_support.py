"""Shared helpers for the events tests: articles whose entity, role, time and quote layers are
set by hand (exact string search), so a test exercises the events stage alone."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from rasid.article import Article, Entity, Quote, Role, TimeExpr
from rasid.events.stage import events_stage
from rasid.text.sentences import split_sentences

# surface -> (type, code, sector) or (type, code, sector, English name)
Names = Mapping[str, Sequence[str | None]]
# surface -> (code or None, sector)
Roles = Mapping[str, tuple[str | None, str]]


def find_all(text: str, s: str) -> list[int]:
    """Every start offset of `s` in `text`, overlaps included."""
    out, k = [], text.find(s)
    while k >= 0:
        out.append(k)
        k = text.find(s, k + 1)
    return out


def hand_article(text: str, published: str, names: Names, roles: Roles = {},
                 times: Mapping[str, str] = {}, quotes: Iterable[tuple[str, str, str]] = (),
                 direct: bool = False) -> Article:
    """An article with layers found by string search: longer names win over names inside them;
    quotes are (quote, speaker surface, speaker code)."""
    a = Article(raw=text, text=text, published=published)
    a.cache["sentences"] = split_sentences(text)
    for s, spec in sorted(names.items(), key=lambda kv: -len(kv[0])):
        typ, code, sector = spec[0], spec[1], spec[2]
        en = spec[3] if len(spec) > 3 else None
        for k in find_all(text, s):
            if not any(e.start < k + len(s) and k < e.end for e in a.entities):
                a.entities.append(Entity(k, k + len(s), s, str(typ), en, code, sector))
    for s, (code, sector) in roles.items():
        for k in find_all(text, s):
            a.roles.append(Role(k, k + len(s), s, None, code, sector))
    for s, v in times.items():
        for k in find_all(text, s):
            if not any(t.start <= k < t.end for t in a.times):
                a.times.append(TimeExpr(k, k + len(s), s, v))
    for q, spk, code in quotes:
        k, sk = text.find(q), text.find(spk)
        a.quotes.append(Quote(k, k + len(q), q, direct, speaker_text=spk, speaker_start=sk,
                              speaker_end=sk + len(spk), code=code))
    a.entities.sort(key=lambda e: e.start)
    a.roles.sort(key=lambda r: r.start)
    return a


def first_codes(a: Article) -> list[tuple[str, str, str]]:
    """(type, first actor base code, first recipient base code) of each event the stage codes."""
    out = []
    for e in events_stage(a).events:
        rc = e.recipient[0].split(":")[0] if e.recipient else ""
        out.append((e.event, e.actor[0].split(":")[0], rc))
    return out
