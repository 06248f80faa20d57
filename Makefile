# rasid: `make run` sets up and analyses the founding example; `make test` runs every test.
PY ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test eval bench clean

$(STAMP): pyproject.toml
	@command -v $(PY) >/dev/null 2>&1 || { echo "need $(PY) on PATH (or make PY=python3)"; exit 1; }
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev,api]'
	@touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(BIN)/rasid process examples/asharq-2022-01-04-nato-russia.txt --published 2022-01-04 --format table

test: $(STAMP)
	$(BIN)/pytest

eval: $(STAMP)
	$(BIN)/rasid eval --gold ../shared/gold/dev.jsonl

bench: $(STAMP)
	$(BIN)/python bench/bench_pipeline.py

clean:
	rm -rf $(VENV) build *.egg-info
