PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test bench eval lint clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

run: setup
	$(BIN)/newsgraph ingest examples/ --db newsgraph.duckdb
	$(BIN)/newsgraph stats --db newsgraph.duckdb
	$(BIN)/newsgraph events --db newsgraph.duckdb --limit 25

test: setup
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python bench/run.py

eval: setup
	$(BIN)/python -m newsgraph.evaluate.table

lint: setup
	$(BIN)/ruff check newsgraph tests bench

clean:
	rm -rf $(VENV) newsgraph.duckdb *.egg-info
