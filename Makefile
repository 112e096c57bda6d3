# One command per task, the same for people and CI. `make help` lists them.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
# make test uses its own Neo4j (port, data) so it never touches the data `make serve` uses.
TEST_NEO4J := NEO4J_HOME_DIR=.cache/neo4j/test NEO4J_BOLT_PORT=7688
BENCH_NEO4J := NEO4J_HOME_DIR=.cache/neo4j/bench NEO4J_BOLT_PORT=7691 NEO4J_HEAP=1g NEO4J_PAGECACHE=1g

.PHONY: help venv serve test drills check lint types pytest load validate quotes owl recall stats schema \
        neo4j-install neo4j-start neo4j-stop bench bench-node bench-smoke clean \
        web web-test chromium screenshots

help:  ## list the commands
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e ".[dev]"
	touch $@

venv: $(VENV)/.installed  ## create the Python environment

serve: venv  ## build the web app if stale (Node), start Neo4j (unless NEO4J_URI is set), load the KB, serve http://127.0.0.1:8000/
	@scripts/web.sh ensure
	scripts/with-neo4j.sh sh -c '$(PY) -m commands load && exec $(PY) -m api'

# The Neo4j line names no $(MAKE): `make -n test` then only prints it (starts nothing).
test: venv  ## lint, types, the web app's unit tests and the whole test suite (browser tests and drills too) against its own Neo4j
	$(MAKE) lint types web-test chromium
	$(TEST_NEO4J) scripts/with-neo4j.sh $(PY) -m pytest

drills: venv  ## the reliability and security drills alone (tests/drills), against their own Neo4j
	$(TEST_NEO4J) scripts/with-neo4j.sh $(PY) -m pytest tests/drills

check: lint types pytest  ## lint, types and tests against an already running Neo4j (NEO4J_URI)

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

types: venv
	$(VENV)/bin/mypy

pytest: venv
	$(PY) -m pytest

load: venv  ## validate and load the KB into the Neo4j named by NEO4J_URI
	$(PY) -m commands load

validate: venv  ## check the KB against the SHACL shapes and SPARQL checks
	$(PY) -m commands validate

quotes: venv  ## check every quote against the source texts (SMEKG_SOURCES_DIR)
	$(PY) -m commands check-quotes

recall: venv  ## (sentence, cited work) pairs of the source texts not under a finding, with counts
	$(PY) -m commands recall

owl: venv  ## consistency (HermiT via owlready2) and OWL 2 DL profile (ROBOT) of ontology + KB
	$(PY) -m commands check-owl

stats: venv  ## count the knowledge base per class
	$(PY) -m commands stats

schema: venv  ## re-export api/schema.graphql from the code
	$(PY) -m api.export_schema

neo4j-install:  ## download and verify Neo4j (cached in .cache/neo4j)
	scripts/neo4j.sh install

neo4j-start:  ## start the local Neo4j in the background (prints its NEO4J_* settings)
	scripts/neo4j.sh start

neo4j-stop:  ## stop the local Neo4j
	scripts/neo4j.sh stop

NODE_STAMP := bench/node/node_modules/.installed

$(NODE_STAMP): bench/node/package.json bench/node/package-lock.json
	npm ci --prefix bench/node --no-audit --no-fund --loglevel=error
	touch $@

bench-node: $(NODE_STAMP)  ## install the Node peer (@neo4j/graphql) and load generator (autocannon)

bench: venv $(NODE_STAMP)  ## every benchmark (~25 min on 2 cores): writes BENCHMARKS.md and bench/results/latest.json
	$(BENCH_NEO4J) scripts/with-neo4j.sh $(PY) -m bench.run --full

bench-smoke: venv $(NODE_STAMP)  ## the benchmark harness in seconds (CI runs it so it never rots); asserts no times
	$(BENCH_NEO4J) scripts/with-neo4j.sh $(PY) -m bench.run --smoke \
		--json .cache/bench/smoke.json --markdown .cache/bench/SMOKE.md

web:  ## build the web app into web/dist when missing or stale (needs Node >= 20.19)
	scripts/web.sh ensure --require

web-test: web  ## the web app's formatting (Prettier) and unit tests (Vitest); the build type-checks it
	npm run --prefix web --silent lint
	npm test --prefix web --silent

chromium:  ## install Debian's chromium for the browser tests when missing (as root)
	@scripts/chromium.sh >/dev/null

screenshots: venv web chromium  ## re-take docs/screenshots/ (each view at 1280 px) from a browser-test run
	SMEKG_SCREENSHOTS=docs/screenshots $(TEST_NEO4J) scripts/with-neo4j.sh $(PY) -m pytest -q tests/web

clean:  ## remove the environment and caches (keeps the Neo4j download)
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
