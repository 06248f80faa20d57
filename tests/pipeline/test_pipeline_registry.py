"""The stage registry and pipeline build checks."""

import pytest

from rasid.article import Article
from rasid.pipeline import REGISTRY, Pipeline, PipelineError, StageSpec


def test_default_pipeline_builds_in_registry_order():
    pipe = Pipeline.build()
    assert [s.name for s in pipe.specs] == [s.name for s in REGISTRY]


def test_wrong_order_fails_at_build_naming_the_stage():
    with pytest.raises(PipelineError, match="stage 'entities' requires"):
        Pipeline.build(["entities", "clean", "sentences"])


def test_unknown_stage_is_reported():
    with pytest.raises(PipelineError, match="unknown stage"):
        Pipeline.build(["clean", "sentiment"])


def test_with_dependencies_adds_what_is_needed():
    pipe = Pipeline.with_dependencies(["times"])
    assert [s.name for s in pipe.specs] == ["clean", "times"]


def test_stage_failure_names_stage_and_input(monkeypatch):
    pipe = Pipeline.build(["clean"])

    def boom(article):
        raise ValueError("bad page")

    pipe.fns = [boom]
    with pytest.raises(PipelineError, match="stage 'clean' failed on x.txt: ValueError: bad page"):
        pipe(Article(raw="t", source="x.txt"))


def test_every_registered_stage_imports():
    for spec in REGISTRY:
        assert callable(spec.load())
        assert isinstance(spec, StageSpec)
