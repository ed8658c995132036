PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test test-ray e2e outlines bench eval lint clean

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
	$(BIN)/python -m pytest -m "not e2e"

# Browser tests in Debian's chromium (apt-get install chromium); Playwright never downloads a browser.
e2e: setup
	$(BIN)/python -m pip install -q 'playwright>=1.40'
	$(BIN)/python -m pytest -m e2e tests/test_web_e2e.py

# Rebuilds newsgraph/web/static/world.json from the Natural Earth data inside a geopandas wheel.
outlines: setup
	$(BIN)/python -m pip download -q --no-deps geopandas==0.14.4 -d build/
	$(BIN)/python -m newsgraph.web.outlines build/geopandas-0.14.4-py3-none-any.whl

bench: setup
	$(BIN)/python -m pip install -q -e '.[bench,ray]'
	$(BIN)/python bench/run.py

# The Ray engine's tests need Ray, an optional extra.
test-ray: setup
	$(BIN)/python -m pip install -q -e '.[ray]'
	$(BIN)/python -m pytest tests/test_ray_engine.py tests/test_ray_cluster.py

eval: setup
	$(BIN)/python -m newsgraph.evaluate.table

lint: setup
	$(BIN)/ruff check newsgraph tests bench

clean:
	rm -rf $(VENV) newsgraph.duckdb *.egg-info
