"""Stage registry and pipeline: stages are `Article -> Article` callables with declared needs.

Each stage declares the article fields it `requires` and the ones it `assigns`. Building a
pipeline checks that every requirement is assigned by an earlier stage (or is present on a
fresh article: `raw`), so a wrong order fails at build time with the stage's name.
"""

from __future__ import annotations

import importlib
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable

from rasid.article import Article

StageFn = Callable[[Article], Article]

# What a freshly made Article carries before any stage runs.
INITIAL_FIELDS: frozenset[str] = frozenset({"raw", "published", "source"})


@dataclass(frozen=True)
class StageSpec:
    """A registered stage: a name, a lazily imported callable and its data contract."""

    name: str
    target: str  # "module:function", imported on first use so unused stages cost nothing
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    doc: str = ""

    def load(self) -> StageFn:
        """Import and return the stage callable."""
        module_name, func_name = self.target.split(":")
        return getattr(importlib.import_module(module_name), func_name)


# The one registry, in default execution order.
REGISTRY: tuple[StageSpec, ...] = (
    StageSpec("clean", "rasid.ingest.clean:clean_stage", ("raw",), ("text", "title", "meta"),
              "raw page text or HTML -> clean body, title, caption/dateline metadata"),
    StageSpec("sentences", "rasid.text.stage:sentences_stage", ("text",), ("sentences",),
              "sentence and token boundaries"),
    StageSpec("entities", "rasid.entities.stage:entities_stage", ("text", "sentences", "published"),
              ("entities", "roles"), "named entities, role phrases, English names, actor codes"),
    StageSpec("times", "rasid.times.stage:times_stage", ("text", "published"), ("times",),
              "time expressions resolved against the publication date"),
    StageSpec("quotes", "rasid.quotes.stage:quotes_stage", ("text", "sentences", "entities", "roles"),
              ("quotes",), "direct and indirect reported speech with speakers"),
    StageSpec("events", "rasid.events.stage:events_stage",
              ("text", "sentences", "entities", "roles", "times", "quotes"), ("events",),
              "PLOVER events with actors, date, location, aux"),
)

STAGE_NAMES: tuple[str, ...] = tuple(s.name for s in REGISTRY)


class PipelineError(Exception):
    """A pipeline that cannot be built, or a stage that failed on an article."""


@dataclass
class Pipeline:
    """An ordered, validated list of stages; call it on an Article."""

    specs: list[StageSpec]
    fns: list[StageFn] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)

    @classmethod
    def build(cls, names: Iterable[str] | None = None) -> "Pipeline":
        """Build from stage names (default: all), checking order and requirements."""
        wanted = list(names) if names is not None else list(STAGE_NAMES)
        by_name = {s.name: s for s in REGISTRY}
        unknown = [n for n in wanted if n not in by_name]
        if unknown:
            raise PipelineError(f"unknown stage(s) {unknown}; known: {list(STAGE_NAMES)}")
        specs = [by_name[n] for n in wanted]
        available = set(INITIAL_FIELDS)
        for spec in specs:
            missing = [r for r in spec.requires if r not in available]
            if missing:
                raise PipelineError(
                    f"stage '{spec.name}' requires {missing}, which no earlier stage assigns "
                    f"(order given: {wanted})")
            available.update(spec.assigns)
        pipe = cls(specs=specs)
        pipe.fns = [s.load() for s in specs]
        pipe.timings = {s.name: 0.0 for s in specs}
        return pipe

    @classmethod
    def with_dependencies(cls, names: Iterable[str]) -> "Pipeline":
        """Build the smallest registry-ordered pipeline that runs `names` and what they need."""
        wanted = set(names)
        unknown = sorted(wanted - set(STAGE_NAMES))
        if unknown:
            raise PipelineError(f"unknown stage(s) {unknown}; known: {list(STAGE_NAMES)}")
        needed: set[str] = set()
        for spec in reversed(REGISTRY):
            if spec.name in wanted or set(spec.assigns) & needed:
                wanted.add(spec.name)
                needed.update(spec.requires)
        return cls.build([s.name for s in REGISTRY if s.name in wanted])

    @classmethod
    def from_option(cls, stages: str | None) -> "Pipeline":
        """The pipeline a `--stages a,b` option asks for (with what those stages need); all
        stages when the option is absent. An empty list or an unknown name raises."""
        if stages is None:
            return cls.build()
        names = [s.strip() for s in stages.split(",") if s.strip()]
        if not names:
            raise PipelineError(f"--stages {stages!r} names no stage; known: {list(STAGE_NAMES)}")
        return cls.with_dependencies(names)

    def __call__(self, article: Article) -> Article:
        """Run every stage in order, timing each; errors name the failing stage."""
        for spec, fn in zip(self.specs, self.fns):
            t0 = time.perf_counter()
            try:
                article = fn(article)
            except Exception as exc:  # re-raised with the stage named, original chained
                raise PipelineError(f"stage '{spec.name}' failed on {article.source or article.id}: "
                                    f"{type(exc).__name__}: {exc}") from exc
            self.timings[spec.name] += time.perf_counter() - t0
        return article
