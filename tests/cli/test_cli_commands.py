"""The command line end to end: process, errors report, eval, stages."""

from pathlib import Path

import orjson
import pytest
from typer.testing import CliRunner

from rasid.cli import app

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "asharq-2022-01-04-nato-russia.txt"
GOLD = ROOT.parent / "shared" / "gold" / "dev.jsonl"
runner = CliRunner()


def test_process_founding_example_json_has_metadata_and_spans():
    res = runner.invoke(app, ["process", str(EXAMPLE), "--published", "2022-01-04", "--format", "json"])
    assert res.exit_code == 0, res.output
    rec = orjson.loads(res.stdout[res.stdout.index("{"):res.stdout.rindex("}") + 1])
    assert rec["published"] == "2022-01-04"
    assert rec["title"].startswith("مسؤول")
    assert rec["meta"]["agency"] == "رويترز"
    assert "AFP" in rec["meta"]["credits"]
    assert "time reading icon" not in rec["clean_text"]
    for layer in ("entities", "times", "quotes", "events"):
        for span in rec[layer]:
            assert 0 <= span["start"] < span["end"] <= len(rec["clean_text"])


def test_bad_inputs_are_reported_and_batch_goes_on(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02binary\x00\xff" * 50)
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "r1", "text": "قال الرئيس إن الوضع صعب.", "date": "2020-01-02"}\n{broken\n',
                    encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    res = runner.invoke(app, ["process", str(tmp_path), "--format", "jsonl", "--errors", str(errors)])
    assert res.exit_code == 0, res.output
    records = [orjson.loads(l) for l in res.stdout.splitlines() if l.startswith("{")]
    assert {r["id"] for r in records} >= {"r1"} and len(records) == 2
    reported = [orjson.loads(l) for l in errors.read_text(encoding="utf-8").splitlines()]
    assert {Path(e["input"].split(":")[0]).name for e in reported} == {"b.txt", "feed.jsonl"}
    assert all(e["reason"] for e in reported)
    assert "processed 2, failed 2" in res.stderr


def test_unknown_stage_is_a_clear_error():
    res = runner.invoke(app, ["process", str(EXAMPLE), "--stages", "sentiment"])
    assert res.exit_code == 2
    assert "unknown stage" in res.stderr


def test_stages_subset_runs_only_what_is_needed():
    res = runner.invoke(app, ["process", str(EXAMPLE), "--published", "2022-01-04", "--stages", "times"])
    assert res.exit_code == 0, res.output
    rec = orjson.loads(res.stdout[res.stdout.index("{"):res.stdout.rindex("}") + 1])
    assert rec["entities"] == [] and rec["events"] == []


@pytest.mark.skipif(not GOLD.exists(), reason="shared gold not present")
def test_eval_json_has_the_documented_keys():
    res = runner.invoke(app, ["eval", "--gold", str(GOLD), "--json", "--stages", "clean"])
    assert res.exit_code == 0, res.output
    d = orjson.loads(res.stdout)
    assert d["articles"] == 17
    assert set(d["times"]) >= {"precision", "recall", "f1", "value_accuracy"}
    assert set(d["quotes"]) >= {"precision", "recall", "f1", "speaker_accuracy"}
    assert set(d["events"]) >= {"precision", "recall", "f1", "date_accuracy", "aux_accuracy",
                                "mode_accuracy", "per_type"}
    assert d["clean"]["score"] == 1.0


def test_stages_command_lists_registry():
    res = runner.invoke(app, ["stages"])
    assert res.exit_code == 0 and "entities" in res.stdout
