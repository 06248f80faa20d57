"""The Article data model: one object owns the text, every annotation is a span in a layer.

Offsets (`start`, `end`) always index `Article.text`, the clean body. The title is kept
apart (`Article.title`) because the gold guide annotates the body only; stages that want
the title (quotes, event merging) read it from there.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Entity:
    """A named person, organisation or place mentioned in the body."""

    start: int
    end: int
    text: str
    type: str  # PER | ORG | GPE | LOC
    name_en: str | None = None
    code: str | None = None  # actor code: ISO alpha-3, IGO code or UNK
    sector: str | None = None  # PLOVER sector: GOV, MIL, ...
    source: str = "gazetteer"  # gazetteer | crf | coref | role
    key: str | None = None  # gazetteer entry id, shared by all variants of one name


@dataclass
class Role:
    """An unnamed actor mention (`وزير الخارجية الأميركي`): not an entity, but codes an actor."""

    start: int
    end: int
    text: str
    name_en: str | None = None
    code: str | None = None
    sector: str | None = None


@dataclass
class TimeExpr:
    """A time expression with its calendar value (ISO day, week, month, year or season)."""

    start: int
    end: int
    text: str
    value: str


@dataclass
class Quote:
    """Reported speech with its speaker; `start`/`end` delimit the quoted words only."""

    start: int
    end: int
    text: str
    direct: bool
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_en: str | None = None
    code: str | None = None
    in_title: bool = False  # found in Article.title: offsets index the title, not the body


@dataclass
class Event:
    """A PLOVER event with its arguments and the clause (`evidence`) that supports it."""

    start: int
    end: int
    evidence: str
    event: str
    mode: str | None = None
    actor: list[str] = field(default_factory=list)
    recipient: list[str] = field(default_factory=list)
    date: str | None = None
    location: str | None = None
    aux: str | None = None  # None | future | negated | hypothetical
    trigger: str | None = None
    trigger_start: int | None = None
    trigger_end: int | None = None
    goldstein: float | None = None  # PLOVER/Goldstein-style conflict-cooperation score
    cameo: str | None = None  # CAMEO root code "01".."20"
    confidence: float | None = None


LAYERS: tuple[str, ...] = ("entities", "roles", "times", "quotes", "events")


@dataclass
class Article:
    """An article: its raw input, clean body text, metadata and annotation layers."""

    raw: str
    text: str = ""
    id: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date, anchor of every relative time
    source: str | None = None  # file name, URL or "stdin"
    meta: dict[str, Any] = field(default_factory=dict)
    entities: list[Entity] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # Shared scratch for stages (sentence bounds, tokens); never serialised.
    cache: dict[str, Any] = field(default_factory=dict, repr=False)

    def ensure_id(self) -> str:
        """Give the article a stable id from its content when none was supplied."""
        if not self.id:
            digest = hashlib.sha1((self.raw or self.text).encode("utf-8")).hexdigest()[:12]
            self.id = f"art-{digest}"
        return self.id

    def to_record(self) -> dict[str, Any]:
        """The output record in the gold guide's format, each span with its offsets."""
        return {
            "id": self.ensure_id(),
            "source": self.source,
            "published": self.published,
            "title": self.title,
            "clean_text": self.text,
            "meta": self.meta,
            "entities": [_entity_record(e) for e in self.entities],
            "roles": [asdict(r) for r in self.roles],
            "times": [asdict(t) for t in self.times],
            "quotes": [_quote_record(q) for q in self.quotes],
            "events": [_event_record(e) for e in self.events],
        }


def _entity_record(e: Entity) -> dict[str, Any]:
    """Entity as a record; `code` carries the sector after a colon when known."""
    rec = asdict(e)
    rec.pop("key", None)
    return rec


def _quote_record(q: Quote) -> dict[str, Any]:
    """Quote as a record: the guide's `quote` field is the quoted text."""
    rec = asdict(q)
    rec["quote"] = rec.pop("text")
    return rec


def _event_record(e: Event) -> dict[str, Any]:
    """Event as a record in the guide's field order."""
    return asdict(e)
